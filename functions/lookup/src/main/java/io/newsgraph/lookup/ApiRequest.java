package io.newsgraph.lookup;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Map;

/**
 * The parts of an HTTP API (payload 2.0) request the lookup uses.
 *
 * @param method HTTP method (upper case), or "" when the event has none
 * @param path   raw path without a named stage prefix
 * @param query  query parameters (API Gateway joins repeated ones with commas)
 * @param pathParameters API Gateway's decoded path parameters, empty with a catch-all route
 */
record ApiRequest(String method, String path, Map<String, String> query, Map<String, String> pathParameters) {
    static ApiRequest from(APIGatewayV2HTTPEvent event) {
        if (event == null) {
            return new ApiRequest("", "", Map.of(), Map.of());
        }
        String method = "";
        String stage = null;
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        if (context != null) {
            stage = context.getStage();
            if (context.getHttp() != null && context.getHttp().getMethod() != null) {
                method = context.getHttp().getMethod();
            }
        }
        String path = event.getRawPath() == null ? "" : event.getRawPath();
        // named stages (not $default) appear as the first path segment
        if (stage != null && !stage.isEmpty() && !"$default".equals(stage) && path.startsWith("/" + stage + "/")) {
            path = path.substring(stage.length() + 1);
        }
        Map<String, String> query = event.getQueryStringParameters() == null ? Map.of()
                : event.getQueryStringParameters();
        Map<String, String> pathParameters = event.getPathParameters() == null ? Map.of()
                : event.getPathParameters();
        return new ApiRequest(method, path, query, pathParameters);
    }
}
