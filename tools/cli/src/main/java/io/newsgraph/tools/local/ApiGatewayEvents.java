package io.newsgraph.tools.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * API Gateway HTTP API request events (payload format 2.0) as API Gateway builds them: decoded path and
 * path parameters, raw query string plus decoded parameters (repeated names joined by commas),
 * lower-case headers, cookies apart, and the request context. Read back through the Lambda runtime's
 * serializer, so a handler gets what Lambda would give it.
 */
public final class ApiGatewayEvents {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PojoSerializer<APIGatewayV2HTTPEvent> SERIALIZER =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, APIGatewayV2HTTPEvent.class.getClassLoader());
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private ApiGatewayEvents() {
    }

    /**
     * The event for {@code GET pathAndQuery} (e.g. {@code /actors/Mara%20Velkov?limit=1}), or null when
     * no route matches (API Gateway answers 404 itself then).
     */
    public static APIGatewayV2HTTPEvent get(String pathAndQuery) {
        URI uri = URI.create(pathAndQuery);
        String rawPath = uri.getRawPath();
        return ApiRoutes.match("GET", rawPath)
                .map(match -> parse(eventJson(match, "GET", rawPath, uri.getRawQuery(),
                        Map.of("accept", List.of("application/json"), "user-agent", List.of("newsgraph-test")),
                        new byte[0], "127.0.0.1", "HTTP/1.1")))
                .orElse(null);
    }

    /** Reads event JSON the way the Lambda Java runtime does. */
    public static APIGatewayV2HTTPEvent parse(String json) {
        return SERIALIZER.fromJson(json);
    }

    /** The payload-2.0 event JSON for one request that matched a route. */
    public static String eventJson(ApiRoutes.Match match, String method, String rawPath, String rawQuery,
                                   Map<String, List<String>> requestHeaders, byte[] body, String sourceIp,
                                   String protocol) {
        // HTTP APIs hand the function the decoded path
        String path = ApiRoutes.decodePathSegment(rawPath);
        String query = rawQuery == null ? "" : rawQuery;
        Instant now = Instant.now();

        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", match.route().routeKey());
        event.put("rawPath", path);
        event.put("rawQueryString", query);

        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        for (Map.Entry<String, List<String>> header : requestHeaders.entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (name.equals("cookie")) {
                for (String value : header.getValue()) {
                    for (String cookie : value.split(";")) {
                        if (!cookie.isBlank()) {
                            cookies.add(cookie.trim());
                        }
                    }
                }
            } else {
                headers.merge(name, String.join(",", header.getValue()), (a, b) -> a + "," + b);
            }
        }
        headers.putIfAbsent("x-forwarded-for", sourceIp);
        headers.putIfAbsent("x-forwarded-proto", "http");
        if (!cookies.isEmpty()) {
            cookies.forEach(event.putArray("cookies")::add);
        }
        ObjectNode headerNode = event.putObject("headers");
        headers.forEach(headerNode::put);

        Map<String, String> parameters = queryParameters(query);
        if (!parameters.isEmpty()) {
            ObjectNode queryNode = event.putObject("queryStringParameters");
            parameters.forEach(queryNode::put);
        }
        if (!match.pathParameters().isEmpty()) {
            ObjectNode pathNode = event.putObject("pathParameters");
            match.pathParameters().forEach(pathNode::put);
        }

        ObjectNode context = event.putObject("requestContext");
        context.put("accountId", "000000000000");
        context.put("apiId", "local");
        context.put("domainName", headers.getOrDefault("host", "127.0.0.1"));
        context.put("domainPrefix", "local");
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", match.route().routeKey());
        context.put("stage", "$default");
        context.put("time", REQUEST_TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
        ObjectNode http = context.putObject("http");
        http.put("method", method.toUpperCase(Locale.ROOT));
        http.put("path", path);
        http.put("protocol", protocol);
        http.put("sourceIp", sourceIp);
        http.put("userAgent", headers.getOrDefault("user-agent", ""));

        if (body.length > 0) {
            event.put("body", Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", true);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event.toString();
    }

    /** Query parameters as HTTP APIs pass them: decoded, repeated names joined with commas. */
    static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decodeQuery(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decodeQuery(pair.substring(equals + 1));
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }

    private static String decodeQuery(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return raw;
        }
    }
}
