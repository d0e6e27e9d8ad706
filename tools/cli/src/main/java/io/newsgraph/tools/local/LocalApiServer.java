package io.newsgraph.tools.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A stand-in for API Gateway's HTTP API on 127.0.0.1: each request becomes a payload-2.0
 * {@link APIGatewayV2HTTPEvent} (read through the Lambda runtime's serializer), the function's
 * {@link APIGatewayV2HTTPResponse} goes back through the same serializer and becomes the HTTP response.
 * Unknown routes get API Gateway's own 404; a function error gets its 500. Invocations are serialised,
 * as Lambda never runs two at once in one instance.
 */
public final class LocalApiServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PojoSerializer<APIGatewayV2HTTPResponse> RESPONSES =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPResponse.class, APIGatewayV2HTTPResponse.class.getClassLoader());
    private static final int MAX_BODY_BYTES = 1 << 20;

    private final Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> function;
    private final HttpServer server;
    private final ExecutorService executor;

    private LocalApiServer(Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> function, HttpServer server,
                           ExecutorService executor) {
        this.function = function;
        this.server = server;
        this.executor = executor;
    }

    /** Serves on 127.0.0.1:{@code port} (0 picks a free port). */
    public static LocalApiServer start(int port, Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> function)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "newsgraph-local-api");
            thread.setDaemon(true);
            return thread;
        });
        LocalApiServer api = new LocalApiServer(function, server, executor);
        server.createContext("/", api::handle);
        server.setExecutor(executor);
        server.start();
        return api;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String rawPath = uri.getRawPath() == null ? "/" : uri.getRawPath();
            Optional<ApiRoutes.Match> match = ApiRoutes.match(exchange.getRequestMethod(), rawPath);
            if (match.isEmpty()) {
                send(exchange, 404, Map.of("content-type", "application/json"), "{\"message\":\"Not Found\"}");
                return;
            }
            byte[] body = readBody(exchange.getRequestBody());
            APIGatewayV2HTTPEvent event = ApiGatewayEvents.parse(ApiGatewayEvents.eventJson(match.get(),
                    exchange.getRequestMethod(), rawPath, uri.getRawQuery(), exchange.getRequestHeaders(), body,
                    exchange.getRemoteAddress().getAddress().getHostAddress(), exchange.getProtocol()));
            APIGatewayV2HTTPResponse response;
            try {
                synchronized (this) {
                    response = function.apply(event);
                }
            } catch (RuntimeException | Error failure) {
                System.err.println("lookup function failed: " + failure);
                send(exchange, 500, Map.of("content-type", "application/json"), "{\"message\":\"Internal Server Error\"}");
                return;
            }
            writeResponse(exchange, response);
        }
    }

    private static void writeResponse(HttpExchange exchange, APIGatewayV2HTTPResponse response) throws IOException {
        // what the runtime would send back to API Gateway
        ByteArrayOutputStream serialized = new ByteArrayOutputStream();
        RESPONSES.toJson(response, serialized);
        JsonNode json = JSON.readTree(serialized.toByteArray());

        int status = json.path("statusCode").asInt(0);
        if (status < 100 || status > 599) {
            send(exchange, 500, Map.of("content-type", "application/json"), "{\"message\":\"Internal Server Error\"}");
            return;
        }
        Headers headers = exchange.getResponseHeaders();
        for (Iterator<Map.Entry<String, JsonNode>> it = json.path("headers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> header = it.next();
            headers.add(header.getKey(), header.getValue().asText());
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = json.path("multiValueHeaders").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> header = it.next();
            header.getValue().forEach(value -> headers.add(header.getKey(), value.asText()));
        }
        json.path("cookies").forEach(cookie -> headers.add("set-cookie", cookie.asText()));
        if (!headers.containsKey("content-type")) {
            headers.add("content-type", "application/json");
        }
        String body = json.path("body").isTextual() ? json.path("body").asText() : "";
        byte[] bytes = json.path("isBase64Encoded").asBoolean(false)
                ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        sendBytes(exchange, status, bytes);
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        headers.forEach(exchange.getResponseHeaders()::add);
        sendBytes(exchange, status, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void sendBytes(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("apigw-requestid", UUID.randomUUID().toString());
        boolean head = "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw new IOException("request body over " + MAX_BODY_BYTES + " bytes");
        }
        return body;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
