package io.newsgraph.tools.local;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP API's routes, as template.yaml declares them (a test keeps the two equal), and the
 * matching API Gateway does: literal segments must be equal, a {name} segment captures one segment.
 */
public final class ApiRoutes {
    /** Every route of the lookup API. */
    public static final List<Route> ROUTES = List.of(
            new Route("GET", "/actors/{name}"),
            new Route("GET", "/actors"),
            new Route("GET", "/locations/{name}"),
            new Route("GET", "/articles/{id}"));

    private ApiRoutes() {
    }

    /** A route: method and path template. */
    public record Route(String method, String path) {
        /** API Gateway's route key, e.g. {@code GET /actors/{name}}. */
        public String routeKey() {
            return method + " " + path;
        }

        List<String> segments() {
            return split(path);
        }
    }

    /** A matched route with its decoded path parameters (empty when it has none). */
    public record Match(Route route, Map<String, String> pathParameters) {
    }

    /**
     * The route for this method and raw (still percent-encoded) path, or empty, which API Gateway answers
     * with 404 Not Found without calling the function.
     */
    public static Optional<Match> match(String method, String rawPath) {
        List<String> requested = split(rawPath);
        for (Route route : ROUTES) {
            if (!route.method().equalsIgnoreCase(method)) {
                continue;
            }
            List<String> template = route.segments();
            if (template.size() != requested.size()) {
                continue;
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            boolean matches = true;
            for (int i = 0; i < template.size() && matches; i++) {
                String expected = template.get(i);
                String actual = decodePathSegment(requested.get(i));
                if (expected.startsWith("{") && expected.endsWith("}")) {
                    matches = !actual.isEmpty();
                    parameters.put(expected.substring(1, expected.length() - 1), actual);
                } else {
                    matches = expected.equals(actual);
                }
            }
            if (matches) {
                return Optional.of(new Match(route, parameters));
            }
        }
        return Optional.empty();
    }

    /** Percent-decodes a path segment; unlike a query string, '+' in a path is a plus sign. */
    static String decodePathSegment(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return raw; // a stray '%': keep the text as sent
        }
    }

    private static List<String> split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("/", -1));
    }
}
