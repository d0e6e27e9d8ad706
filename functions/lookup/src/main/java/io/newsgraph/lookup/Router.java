package io.newsgraph.lookup;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The lookup API's routes, and matching a request's method and raw path against them. */
public final class Router {
    static final int MAX_PATH_CHARS = 2048;

    /** Every route the handler serves; docs/openapi.yaml must list exactly these (a test checks). */
    public enum Route {
        SEARCH_ACTORS("GET", "/actors"),
        ACTOR("GET", "/actors/{name}"),
        LOCATION("GET", "/locations/{name}"),
        ARTICLE("GET", "/articles/{id}");

        private final String method;
        private final String template;

        Route(String method, String template) {
            this.method = method;
            this.template = template;
        }

        public String method() {
            return method;
        }

        public String template() {
            return template;
        }

        List<String> segments() {
            return Arrays.asList(template.substring(1).split("/", -1));
        }
    }

    /** A matched route and its single path parameter (decoded), or null when it has none. */
    record Match(Route route, String parameter) {
    }

    private Router() {
    }

    /** "GET /actors/{name}" and so on: the route table. */
    public static Set<String> routeTable() {
        Set<String> table = new LinkedHashSet<>();
        for (Route route : Route.values()) {
            table.add(route.method() + " " + route.template());
        }
        return table;
    }

    /**
     * Matches a request: 404 when no route has this path, 405 when one has it with another method.
     * The parameter is API Gateway's decoded path parameter when the event has one (routes with
     * {name}); otherwise it comes from the path, which HTTP APIs deliver already decoded.
     */
    static Match match(String method, String rawPath, Map<String, String> pathParameters) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/' || rawPath.length() > MAX_PATH_CHARS) {
            throw ApiException.notFound("no such resource");
        }
        String[] segments = rawPath.substring(1).split("/", -1);
        boolean pathKnown = false;
        for (Route route : Route.values()) {
            List<String> template = route.segments();
            if (template.size() != segments.length) {
                continue;
            }
            String parameter = null;
            boolean matches = true;
            for (int i = 0; i < segments.length && matches; i++) {
                String expected = template.get(i);
                if (expected.startsWith("{")) {
                    String given = pathParameters == null ? null
                            : pathParameters.get(expected.substring(1, expected.length() - 1));
                    parameter = given != null ? given : decode(segments[i]);
                    matches = !segments[i].isEmpty() && !parameter.isEmpty();
                } else {
                    matches = expected.equals(segments[i]);
                }
            }
            if (!matches) {
                continue;
            }
            pathKnown = true;
            if (route.method().equals(method)) {
                return new Match(route, parameter);
            }
        }
        if (pathKnown) {
            throw new ApiException(405, ApiException.METHOD_NOT_ALLOWED, "only GET is allowed here");
        }
        throw ApiException.notFound("no such resource");
    }

    /**
     * A path segment as a name. HTTP APIs hand over the path decoded; a caller that passes it still
     * percent-encoded (some local tools do) is decoded too. Text that is not a valid encoding (a name
     * with a bare '%') is kept as it is; '+' is a plus sign in paths.
     */
    static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        try {
            String decoded = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
            return decoded.indexOf('\uFFFD') >= 0 && segment.indexOf('\uFFFD') < 0 ? segment : decoded;
        } catch (IllegalArgumentException notAnEncoding) {
            return segment;
        }
    }
}
