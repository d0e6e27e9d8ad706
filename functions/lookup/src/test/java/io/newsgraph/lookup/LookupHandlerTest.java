package io.newsgraph.lookup;

import static io.newsgraph.lookup.Fixture.body;
import static io.newsgraph.lookup.Fixture.call;
import static io.newsgraph.lookup.Fixture.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LookupHandlerTest {
    @BeforeAll
    static void seed() {
        Fixture.client();
    }

    private static APIGatewayV2HTTPEvent event(String file) {
        return EventLoader.loadApiGatewayHttpEvent(Fixture.events().resolve(file).toString());
    }

    private static JsonNode ok(APIGatewayV2HTTPResponse response) {
        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals("application/json", response.getHeaders().get("Content-Type"));
        return body(response);
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.path(field).asText(null)));
        return values;
    }

    @Test
    void actorEventReturnsTheActorAndItsRelationsNewestFirst() {
        JsonNode body = ok(call(event("api-get-actor.json")));
        assertEquals("Mara Velkov", body.at("/actor/name").asText());
        assertEquals("PERSON", body.at("/actor/type").asText());
        assertTrue(texts(body.at("/actor/aliases"), "x").size() >= 2);
        JsonNode relations = body.get("relations");
        assertEquals(7, relations.size());
        assertEquals(List.of("2025-05-07", "2025-05-06", "2025-05-05", "2025-05-04", "2025-05-03", "2025-05-02",
                "2025-05-01"), texts(relations, "date"));
        JsonNode meet = relations.get(5);
        assertEquals("Mara Velkov", meet.get("subject").asText());
        assertEquals("MEET", meet.get("predicate").asText());
        assertEquals("Tomas Rennick", meet.get("object").asText());
        assertEquals("Port Kasimir", meet.get("location").asText());
        assertEquals("Sentence number 2 about Velkov.", meet.get("evidence").asText());
        assertEquals(Fixture.articleId("harbour-agreement.md"), meet.get("articleId").asText());
        for (String field : List.of("subject", "predicate", "object", "location", "date", "evidence", "articleId")) {
            assertTrue(meet.has(field), field);
        }
        assertTrue(body.get("next").isNull());
    }

    @Test
    void locationEventReturnsRelationsAtThePlace() {
        JsonNode body = ok(call(event("api-get-location.json")));
        assertEquals("Port Kasimir", body.at("/location/name").asText());
        assertEquals(List.of("MEET"), texts(body.get("relations"), "predicate"));
        JsonNode into = ok(call(get("/locations/ostrelia", Map.of())));
        assertEquals(List.of("VISIT"), texts(into.get("relations"), "predicate"));
    }

    @Test
    void articleEventReturnsTheWholeGraph() {
        JsonNode body = ok(call(event("api-get-article.json")));
        assertEquals("INGESTED", body.at("/article/status").asText());
        assertEquals("Harbour agreement", body.at("/article/title").asText());
        assertEquals("2025-05-10", body.at("/article/published").asText());
        assertEquals(5, body.get("entities").size());
        assertEquals(8, body.get("relations").size());
        assertEquals(13, body.at("/article/entityCount").asInt() + body.at("/article/relationCount").asInt());
    }

    @Test
    void searchEventFindsActorsByPrefixAndType() {
        JsonNode body = ok(call(event("api-search-actors.json")));
        assertEquals(List.of("Velkov"), texts(body.get("results"), "matched"));
        assertEquals("Mara Velkov", body.at("/results/0/name").asText());
        JsonNode all = ok(call(get("/actors", Map.of("prefix", "o"))));
        assertEquals(List.of("Ostrelia", "Ostrelian"), texts(all.get("results"), "matched"));
    }

    @Test
    void namesResolveWhateverTheCaseAndAliasesToo() {
        String id = ok(call(get("/actors/Mara%20Velkov", Map.of()))).at("/actor/id").asText();
        for (String path : List.of("/actors/mara%20velkov", "/actors/MARA%20VELKOV", "/actors/Velkov",
                "/actors/President%20Velkov", "/actors/" + id)) {
            assertEquals(id, ok(call(get(path, Map.of()))).at("/actor/id").asText(), path);
        }
    }

    @Test
    void aSharedAliasReturnsCandidates() {
        JsonNode body = ok(call(get("/actors/Jorin", Map.of())));
        assertTrue(body.get("actor").isNull());
        assertEquals(Set.of("Jorin Smale", "Jorin Blackwood"), Set.copyOf(texts(body.get("candidates"), "name")));
        String chosen = body.at("/candidates/0/id").asText();
        assertEquals(chosen, ok(call(get("/actors/" + chosen, Map.of()))).at("/actor/id").asText());
    }

    @Test
    void paginationFollowsNextUntilTheEnd() {
        List<String> dates = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            Map<String, String> query = new HashMap<>(Map.of("limit", "3"));
            if (next != null) {
                query.put("next", next);
            }
            JsonNode body = ok(call(get("/actors/Velkov", query)));
            dates.addAll(texts(body.get("relations"), "date"));
            next = body.get("next").isNull() ? null : body.get("next").asText();
            pages++;
        } while (next != null);
        assertEquals(3, pages);
        assertEquals(7, dates.size());
        assertEquals(7, Set.copyOf(dates).size());

        JsonNode filtered = ok(call(get("/actors/Velkov", Map.of("predicate", "meet", "role", "subject",
                "since", "2025-05-03", "until", "2025-05-06", "limit", "1"))));
        assertEquals(List.of("2025-05-06"), texts(filtered.get("relations"), "date"));
        JsonNode second = ok(call(get("/actors/Velkov", Map.of("predicate", "meet", "role", "subject",
                "since", "2025-05-03", "until", "2025-05-06", "limit", "1", "next", filtered.get("next").asText()))));
        assertEquals(List.of("2025-05-04"), texts(second.get("relations"), "date"));
        assertTrue(second.get("next").isNull());
        JsonNode asObject = ok(call(get("/actors/Rennick", Map.of("role", "object"))));
        assertEquals(Set.of("MEET"), Set.copyOf(texts(asObject.get("relations"), "predicate")));

        JsonNode articlePage = ok(call(get("/articles/" + Fixture.articleId("harbour-agreement.md"),
                Map.of("limit", "10"))));
        assertEquals(10, articlePage.get("entities").size() + articlePage.get("relations").size());
        JsonNode articleRest = ok(call(get("/articles/" + Fixture.articleId("harbour-agreement.md"),
                Map.of("limit", "10", "next", articlePage.get("next").asText()))));
        assertEquals(3, articleRest.get("relations").size());
        assertTrue(articleRest.get("next").isNull());
    }

    @Test
    void rejectedArticlesShowStatusAndReason() {
        JsonNode body = ok(call(get("/articles/" + Fixture.articleId("scan.pdf"), Map.of())));
        assertEquals("REJECTED", body.at("/article/status").asText());
        assertEquals("BINARY", body.at("/article/reasonCode").asText());
        assertEquals(0, body.get("relations").size());
    }

    private static void assertError(int status, String code, APIGatewayV2HTTPResponse response) {
        assertEquals(status, response.getStatusCode(), response.getBody());
        assertEquals("application/json", response.getHeaders().get("Content-Type"));
        JsonNode body = body(response);
        assertEquals(Set.of("error"), Set.copyOf(iterable(body.fieldNames())));
        assertEquals(Set.of("code", "message"), Set.copyOf(iterable(body.get("error").fieldNames())));
        assertEquals(code, body.at("/error/code").asText());
        assertFalse(body.at("/error/message").asText().isBlank());
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    @Test
    void everyClientMistakeHasItsDocumentedError() {
        assertError(404, "not_found", call(get("/actors/Nobody%20Known", Map.of())));
        assertError(404, "not_found", call(get("/locations/Velkov", Map.of())));
        assertError(404, "not_found", call(get("/articles/" + "0".repeat(32), Map.of())));
        assertError(404, "not_found", call(get("/articles/not-an-id", Map.of())));
        assertError(404, "not_found", call(get("/nowhere", Map.of())));
        assertError(404, "not_found", call(get("/actors/Velkov/extra", Map.of())));
        assertError(404, "not_found", call(get("", Map.of())));
        APIGatewayV2HTTPResponse post = call(Fixture.request("POST", "/actors/Velkov", Map.of()));
        assertError(405, "method_not_allowed", post);
        assertEquals("GET", post.getHeaders().get("Allow"));
        assertError(405, "method_not_allowed", call(Fixture.request("DELETE", "/articles/abc", Map.of())));
        for (String limit : List.of("0", "101", "-1", "abc", "1.5", "99999999999", "")) {
            APIGatewayV2HTTPResponse response = call(get("/actors/Velkov", Map.of("limit", limit)));
            if (limit.isEmpty()) {
                assertEquals(200, response.getStatusCode());
            } else {
                assertError(400, "invalid_parameter", response);
            }
        }
        assertError(400, "invalid_parameter", call(get("/actors/Velkov", Map.of("predicate", "HUG"))));
        assertError(400, "invalid_parameter", call(get("/actors/Velkov", Map.of("role", "bystander"))));
        assertError(400, "invalid_parameter", call(get("/actors/Velkov", Map.of("since", "2025-02-30"))));
        assertError(400, "invalid_parameter", call(get("/actors/Velkov", Map.of("until", "yesterday"))));
        assertError(400, "invalid_parameter", call(get("/actors/Velkov",
                Map.of("since", "2025-06-01", "until", "2025-05-01"))));
        assertError(400, "invalid_parameter", call(get("/actors/" + "x".repeat(201), Map.of())));
        assertError(400, "invalid_parameter", call(get("/actors/a%00b", Map.of())));
        assertError(404, "not_found", call(get("/actors/%E0%A4%A", Map.of())));
        assertError(404, "not_found", call(get("/actors/100% Sure", Map.of())));
        assertError(400, "invalid_parameter", call(get("/actors", Map.of())));
        assertError(400, "invalid_parameter", call(get("/actors", Map.of("prefix", "!!!"))));
        assertError(400, "invalid_parameter", call(get("/actors", Map.of("prefix", "v".repeat(101)))));
        assertError(400, "invalid_parameter", call(get("/actors", Map.of("prefix", "v", "type", "ALIEN"))));
        assertError(400, "invalid_parameter", call(get("/actors/Velkov", Map.of("predicate", "m".repeat(5000)))));
    }

    @Test
    void cursorsAreSignedAndBoundToTheirQuery() {
        String next = ok(call(get("/actors/Velkov", Map.of("limit", "2")))).get("next").asText();
        // the same query accepts it
        assertEquals(200, call(get("/actors/Velkov", Map.of("limit", "2", "next", next))).getStatusCode());
        // another actor, another filter, another route: refused
        assertError(400, "invalid_cursor", call(get("/actors/Rennick", Map.of("limit", "2", "next", next))));
        assertError(400, "invalid_cursor", call(get("/actors/Velkov", Map.of("limit", "2", "next", next,
                "predicate", "MEET"))));
        assertError(400, "invalid_cursor", call(get("/locations/Ostrelia", Map.of("next", next))));
        assertError(400, "invalid_cursor", call(get("/actors", Map.of("prefix", "v", "next", next))));
        assertError(400, "invalid_cursor", call(get("/articles/" + Fixture.articleId("harbour-agreement.md"),
                Map.of("next", next))));
        assertError(400, "invalid_cursor", call(get("/actors/Jorin", Map.of("next", next))));
        // tampered, truncated, garbage
        String[] parts = next.split("\\.");
        String forgedPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"q\":\"actor|per-00000000000000000000|null|ANY|null|null\",\"p\":\"R#9999\"}".getBytes());
        for (String bad : List.of(next.substring(0, next.length() - 3), next + "A", parts[0] + "." + forgedPayload
                + "." + parts[2], "v1..", "v2." + parts[1] + "." + parts[2], "garbage", "%%%", "v1.@@@.###",
                flip(next, 10), flip(next, next.length() - 10), "x".repeat(3000))) {
            assertError(400, "invalid_cursor", call(get("/actors/Velkov", Map.of("limit", "2", "next", bad))));
        }
        // a cursor signed with another key is refused
        LookupHandler otherKey = new LookupHandler(Fixture.client(), new LookupConfig(Fixture.TABLE,
                "another-signing-key-987654321".getBytes()));
        APIGatewayV2HTTPResponse foreign = otherKey.handleRequest(get("/actors/Velkov",
                Map.of("limit", "2", "next", next)), null);
        assertEquals(400, foreign.getStatusCode());
    }

    private static String flip(String text, int index) {
        char c = text.charAt(index);
        return text.substring(0, index) + (c == 'A' ? 'B' : 'A') + text.substring(index + 1);
    }

    @Test
    void namedStagePrefixesAreIgnored() {
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withRawPath("/prod/actors/Velkov")
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withStage("prod")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").build())
                        .build())
                .build();
        assertEquals("Mara Velkov", ok(call(event)).at("/actor/name").asText());
    }

    @Test
    void pathParametersFromApiGatewayAreUsedAsGiven() {
        APIGatewayV2HTTPEvent decoded = Fixture.get("/actors/President Velkov", Map.of());
        decoded.setPathParameters(Map.of("name", "President Velkov"));
        assertEquals("Mara Velkov", ok(call(decoded)).at("/actor/name").asText());
        APIGatewayV2HTTPEvent percent = Fixture.get("/actors/50% Holdings", Map.of());
        percent.setPathParameters(Map.of("name", "50% Holdings"));
        assertError(404, "not_found", call(percent));
    }

    @Test
    void emptyOrOddEventsGetClientErrors() {
        assertEquals(404, call(null).getStatusCode());
        assertEquals(404, call(new APIGatewayV2HTTPEvent()).getStatusCode());
    }
}
