package io.newsgraph.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.newsgraph.tools.local.ApiRoutes;
import io.newsgraph.tools.local.LocalApiServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The local HTTP API turns requests into payload-2.0 events and the function's responses into HTTP. */
class LocalApiServerTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicReference<APIGatewayV2HTTPEvent> received = new AtomicReference<>();
    private LocalApiServer server;

    @BeforeEach
    void start() throws Exception {
        server = LocalApiServer.start(0, event -> {
            received.set(event);
            if (event.getPathParameters() != null && "boom".equals(event.getPathParameters().get("name"))) {
                throw new IllegalStateException("function failed");
            }
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(event.getRawPath().startsWith("/articles") ? 404 : 200)
                    .withHeaders(Map.of("content-type", "application/json", "x-route", event.getRouteKey()))
                    .withBody("{\"ok\":true}")
                    .build();
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void routesMatchTemplatesAndDecodeParameters() {
        var actor = ApiRoutes.match("GET", "/actors/Mara%20Velkov").orElseThrow();
        assertEquals("GET /actors/{name}", actor.route().routeKey());
        assertEquals(Map.of("name", "Mara Velkov"), actor.pathParameters());
        assertEquals(Map.of("name", "a+b"), ApiRoutes.match("GET", "/actors/a+b").orElseThrow().pathParameters());
        assertEquals("GET /actors", ApiRoutes.match("GET", "/actors").orElseThrow().route().routeKey());
        assertEquals(Map.of("id", "abc"), ApiRoutes.match("GET", "/articles/abc").orElseThrow().pathParameters());
        assertTrue(ApiRoutes.match("GET", "/locations/Ostrava").isPresent());
        assertTrue(ApiRoutes.match("POST", "/actors/Velkov").isEmpty());
        assertTrue(ApiRoutes.match("GET", "/actors/Velkov/extra").isEmpty());
        assertTrue(ApiRoutes.match("GET", "/").isEmpty());
        assertTrue(ApiRoutes.match("GET", "/people/x").isEmpty());
    }

    @Test
    void requestBecomesAPayloadV2EventAndResponseComesBack() throws Exception {
        HttpResponse<String> response = get("/actors/Mara%20Velkov?role=subject&limit=5&predicate=MEET&predicate=VISIT&q=caf%C3%A9",
                "X-Custom-Header", "Value");
        assertEquals(200, response.statusCode());
        assertEquals("{\"ok\":true}", response.body());
        assertEquals("GET /actors/{name}", response.headers().firstValue("x-route").orElseThrow());
        assertTrue(response.headers().firstValue("content-type").orElseThrow().startsWith("application/json"));

        APIGatewayV2HTTPEvent event = received.get();
        assertEquals("2.0", event.getVersion());
        assertEquals("GET /actors/{name}", event.getRouteKey());
        assertEquals("/actors/Mara Velkov", event.getRawPath());
        assertEquals("role=subject&limit=5&predicate=MEET&predicate=VISIT&q=caf%C3%A9", event.getRawQueryString());
        assertEquals(Map.of("name", "Mara Velkov"), event.getPathParameters());
        assertEquals(Map.of("role", "subject", "limit", "5", "predicate", "MEET,VISIT", "q", "café"),
                event.getQueryStringParameters());
        assertEquals("Value", event.getHeaders().get("x-custom-header"), "header names arrive in lower case");
        assertEquals("GET", event.getRequestContext().getHttp().getMethod());
        assertEquals("/actors/Mara Velkov", event.getRequestContext().getHttp().getPath());
        assertEquals("GET /actors/{name}", event.getRequestContext().getRouteKey());
        assertEquals("$default", event.getRequestContext().getStage());
        assertFalse(event.getRequestContext().getRequestId().isBlank());
        assertTrue(event.getRequestContext().getTimeEpoch() > 0);
        assertFalse(event.getIsBase64Encoded());
        assertNull(event.getBody());
    }

    @Test
    void routeWithoutParametersHasNoPathParametersAndNoQueryMeansNoQueryMap() throws Exception {
        assertEquals(200, get("/actors").statusCode());
        assertNull(received.get().getPathParameters());
        assertNull(received.get().getQueryStringParameters());
        assertEquals("", received.get().getRawQueryString());
    }

    @Test
    void functionStatusIsPassedThrough() throws Exception {
        assertEquals(404, get("/articles/unknown").statusCode());
    }

    @Test
    void unknownRoutesAndMethodsGetApiGatewaysNotFoundWithoutCallingTheFunction() throws Exception {
        for (String path : List.of("/", "/nothing", "/actors/a/b")) {
            HttpResponse<String> response = get(path);
            assertEquals(404, response.statusCode(), path);
            assertEquals("{\"message\":\"Not Found\"}", response.body());
        }
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(uri("/actors/Velkov"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, post.statusCode());
        assertNull(received.get(), "the function must not be called for unknown routes");
    }

    @Test
    void aFunctionErrorBecomesApiGatewaysInternalServerError() throws Exception {
        HttpResponse<String> response = get("/actors/boom");
        assertEquals(500, response.statusCode());
        assertEquals("{\"message\":\"Internal Server Error\"}", response.body());
    }

    private HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String pathAndQuery) {
        return URI.create(server.endpoint() + pathAndQuery);
    }
}
