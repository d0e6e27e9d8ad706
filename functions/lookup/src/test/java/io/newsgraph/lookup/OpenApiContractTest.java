package io.newsgraph.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** docs/openapi.yaml and the handler agree: same routes and methods, documented fields present. */
class OpenApiContractTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec() throws IOException {
        try (Reader reader = Files.newBufferedReader(Fixture.docs().resolve("openapi.yaml"))) {
            return new Yaml().load(reader);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            current = ((Map<String, Object>) current).get(key);
        }
        return (Map<String, Object>) current;
    }

    @Test
    void servedRoutesEqualTheSpecsPaths() throws IOException {
        Map<String, Object> spec = spec();
        assertTrue(String.valueOf(spec.get("openapi")).startsWith("3.0"));
        Set<String> documented = new LinkedHashSet<>();
        for (Map.Entry<String, Object> path : map(spec, "paths").entrySet()) {
            for (String method : map(path.getValue()).keySet()) {
                if (METHODS.contains(method)) {
                    documented.add(method.toUpperCase() + " " + path.getKey());
                }
            }
        }
        assertEquals(Router.routeTable(), documented);
    }

    @SuppressWarnings("unchecked")
    @Test
    void documentedQueryParametersAreTheOnesTheHandlerReads() throws IOException {
        Map<String, Object> spec = spec();
        Map<String, Object> shared = map(spec, "components", "parameters");
        Map<String, Set<String>> expected = Map.of(
                "/actors", Set.of("prefix", "type", "limit", "next"),
                "/actors/{name}", Set.of("name", "predicate", "role", "since", "until", "limit", "next"),
                "/locations/{name}", Set.of("name", "predicate", "since", "until", "limit", "next"),
                "/articles/{id}", Set.of("id", "limit", "next"));
        for (Map.Entry<String, Set<String>> route : expected.entrySet()) {
            Set<String> names = new LinkedHashSet<>();
            for (Object parameter : (List<Object>) map(spec, "paths", route.getKey(), "get").get("parameters")) {
                Map<String, Object> p = (Map<String, Object>) parameter;
                if (p.containsKey("$ref")) {
                    String ref = String.valueOf(p.get("$ref"));
                    p = map(shared, ref.substring(ref.lastIndexOf('/') + 1));
                }
                names.add(String.valueOf(p.get("name")));
            }
            assertEquals(route.getValue(), names, route.getKey());
        }
        Map<String, Object> limit = map(shared, "limit", "schema");
        assertEquals(1, limit.get("minimum"));
        assertEquals(100, limit.get("maximum"));
        assertEquals(Params.DEFAULT_LIMIT, limit.get("default"));
    }

    @SuppressWarnings("unchecked")
    @Test
    void responsesCarryTheFieldsTheSpecRequires() throws IOException {
        Map<String, Object> schemas = map(spec(), "components", "schemas");
        Fixture.client();
        JsonNode actor = Fixture.body(Fixture.call(Fixture.get("/actors/Velkov", Map.of("limit", "2"))));
        assertFields(schemas, "ActorResponse", actor);
        assertFields(schemas, "Relation", actor.at("/relations/0"));
        assertFields(schemas, "Entity", actor.get("actor"));
        JsonNode article = Fixture.body(Fixture.call(Fixture.get("/articles/"
                + Fixture.articleId("harbour-agreement.md"), Map.of())));
        assertFields(schemas, "ArticleResponse", article);
        assertFields(schemas, "Article", article.get("article"));
        JsonNode search = Fixture.body(Fixture.call(Fixture.get("/actors", Map.of("prefix", "v"))));
        assertFields(schemas, "SearchResponse", search);
        JsonNode location = Fixture.body(Fixture.call(Fixture.get("/locations/Port%20Kasimir", Map.of())));
        assertFields(schemas, "LocationResponse", location);
        JsonNode error = Fixture.body(Fixture.call(Fixture.get("/actors/Nobody%20Here", Map.of())));
        assertFields(schemas, "Error", error);
        List<Object> codes = (List<Object>) map(schemas, "Error", "properties", "error", "properties", "code")
                .get("enum");
        assertTrue(codes.containsAll(FuzzTest.ERROR_CODES) && FuzzTest.ERROR_CODES.containsAll(codes), codes.toString());
        List<Object> predicates = (List<Object>) map(schemas, "Predicate").get("enum");
        List<String> actual = new ArrayList<>();
        for (io.newsgraph.core.model.Predicate p : io.newsgraph.core.model.Predicate.values()) {
            actual.add(p.name());
        }
        assertEquals(actual, predicates);
    }

    @SuppressWarnings("unchecked")
    private static void assertFields(Map<String, Object> schemas, String schema, JsonNode node) {
        List<Object> required = (List<Object>) map(schemas, schema).get("required");
        for (Object field : required) {
            assertTrue(node.has(String.valueOf(field)), schema + " lacks " + field + ": " + node);
        }
    }
}
