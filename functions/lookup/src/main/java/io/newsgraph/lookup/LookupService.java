package io.newsgraph.lookup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsgraph.core.model.EntityType;
import io.newsgraph.storage.ArticleGraph;
import io.newsgraph.storage.ArticleRecord;
import io.newsgraph.storage.EntitySummary;
import io.newsgraph.storage.GraphQueries;
import io.newsgraph.storage.NameMatch;
import io.newsgraph.storage.Names;
import io.newsgraph.storage.Page;
import io.newsgraph.storage.RelationFilter;
import io.newsgraph.storage.StoredRelation;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The lookup API: validates a request, runs the graph query, shapes the JSON. */
final class LookupService {
    static final Set<EntityType> ACTOR_TYPES = EnumSet.of(EntityType.PERSON, EntityType.ORGANIZATION,
            EntityType.COUNTRY);
    static final Set<EntityType> PLACE_TYPES = EnumSet.of(EntityType.LOCATION, EntityType.COUNTRY);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GraphQueries queries;
    private final Cursors cursors;

    LookupService(GraphQueries queries, Cursors cursors) {
        this.queries = queries;
        this.cursors = cursors;
    }

    /** Answers a request; client mistakes become 4xx responses, anything else propagates. */
    ApiResponse handle(ApiRequest request) {
        try {
            Router.Match match = Router.match(request.method(), request.path(), request.pathParameters());
            Params params = new Params(request.query());
            Map<String, Object> body = switch (match.route()) {
                case SEARCH_ACTORS -> searchActors(params);
                case ACTOR -> entityRelations(match.parameter(), params, true);
                case LOCATION -> entityRelations(match.parameter(), params, false);
                case ARTICLE -> article(match.parameter(), params);
            };
            return new ApiResponse(200, Map.of(), write(body));
        } catch (ApiException e) {
            Map<String, String> headers = e.status() == 405 ? Map.of("Allow", "GET") : Map.of();
            return error(e.status(), e.code(), e.getMessage(), headers);
        }
    }

    static ApiResponse error(int status, String code, String message, Map<String, String> headers) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        return new ApiResponse(status, headers, write(Map.of("error", error)));
    }

    private Map<String, Object> entityRelations(String rawName, Params params, boolean actor) {
        String name = Params.name(rawName, actor ? "actor name" : "location name");
        RelationFilter filter = params.filter(actor);
        int limit = params.limit();
        String next = params.next();
        Set<EntityType> types = actor ? ACTOR_TYPES : PLACE_TYPES;

        List<EntitySummary> candidates;
        Optional<EntitySummary> byId = queries.entity(name.strip());
        if (byId.isPresent() && types.contains(byId.get().type())) {
            candidates = List.of(byId.get());
        } else {
            candidates = queries.resolve(name, types);
        }
        String kind = actor ? "actor" : "location";
        if (candidates.isEmpty()) {
            throw ApiException.notFound("no " + kind + " is known by this name");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", name);
        if (candidates.size() > 1) {
            if (next != null) {
                throw ApiException.badRequest(ApiException.INVALID_CURSOR,
                        "the cursor belongs to another query; repeat the query with the same parameters");
            }
            body.put(kind, null);
            body.put("candidates", candidates.stream().map(LookupService::entityJson).toList());
            body.put("relations", List.of());
            body.put("next", null);
            return body;
        }
        EntitySummary entity = candidates.get(0);
        String binding = String.join("|", kind, entity.id(), String.valueOf(filter.predicate()),
                filter.role().name(), String.valueOf(filter.since()), String.valueOf(filter.until()));
        String after = next == null ? null : cursors.open(next, binding);
        Page<StoredRelation> page;
        try {
            page = actor ? queries.actorRelations(entity.id(), filter, limit, after)
                    : queries.locationRelations(entity.id(), filter, limit, after);
        } catch (IllegalArgumentException positionOutsideQuery) {
            throw ApiException.badRequest(ApiException.INVALID_CURSOR, "the cursor does not fit this query");
        }
        body.put(kind, entityJson(entity));
        body.put("candidates", List.of());
        body.put("relations", page.items().stream().map(LookupService::relationJson).toList());
        body.put("next", page.after() == null ? null : cursors.issue(binding, page.after()));
        return body;
    }

    private Map<String, Object> article(String id, Params params) {
        int limit = params.limit();
        String next = params.next();
        String binding = "article|" + id;
        String after = next == null ? null : cursors.open(next, binding);
        Optional<ArticleGraph> graph;
        try {
            graph = queries.articleGraph(id, limit, after);
        } catch (IllegalArgumentException positionOutsideQuery) {
            throw ApiException.badRequest(ApiException.INVALID_CURSOR, "the cursor does not fit this query");
        }
        ArticleGraph found = graph.orElseThrow(() -> ApiException.notFound("no article has this id"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("article", articleJson(found.article()));
        body.put("entities", found.entities().stream().map(LookupService::entityJson).toList());
        body.put("relations", found.relations().stream().map(LookupService::relationJson).toList());
        body.put("next", found.after() == null ? null : cursors.issue(binding, found.after()));
        return body;
    }

    private Map<String, Object> searchActors(Params params) {
        String prefix = params.prefix();
        EntityType type = params.type();
        int limit = params.limit();
        String next = params.next();
        String norm = Names.normalise(prefix);
        if (norm.isEmpty()) {
            throw ApiException.badRequest(ApiException.INVALID_PARAMETER, "prefix must contain a letter or digit");
        }
        String binding = "search|" + norm + "|" + type;
        String after = next == null ? null : cursors.open(next, binding);
        Page<NameMatch> page;
        try {
            page = queries.searchNames(prefix, type, limit, after);
        } catch (IllegalArgumentException positionOutsideQuery) {
            throw ApiException.badRequest(ApiException.INVALID_CURSOR, "the cursor does not fit this query");
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (NameMatch match : page.items()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", match.id());
            json.put("name", match.canonical());
            json.put("type", match.type().name());
            json.put("matched", match.matched());
            results.add(json);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("prefix", prefix);
        body.put("type", type == null ? null : type.name());
        body.put("results", results);
        body.put("next", page.after() == null ? null : cursors.issue(binding, page.after()));
        return body;
    }

    private static Map<String, Object> entityJson(EntitySummary entity) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", entity.id());
        json.put("name", entity.name());
        json.put("type", entity.type().name());
        json.put("aliases", entity.aliases());
        return json;
    }

    private static Map<String, Object> relationJson(StoredRelation relation) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("subject", relation.subject());
        json.put("subjectId", relation.subjectId());
        json.put("predicate", relation.predicate());
        json.put("object", relation.object());
        json.put("objectId", relation.objectId());
        json.put("location", relation.location());
        json.put("locationId", relation.locationId());
        json.put("date", relation.date());
        json.put("sortDate", relation.sortDate());
        json.put("evidence", relation.evidence());
        json.put("articleId", relation.articleId());
        if (relation.role() != null) {
            json.put("role", relation.role());
        }
        return json;
    }

    private static Map<String, Object> articleJson(ArticleRecord article) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", article.articleId());
        json.put("key", article.key());
        json.put("status", article.status().name());
        json.put("reasonCode", article.reasonCode());
        json.put("message", article.message());
        json.put("title", article.title());
        json.put("url", article.url());
        json.put("published", article.published() == null ? null : article.published().toString());
        json.put("entityCount", article.entityCount());
        json.put("relationCount", article.relationCount());
        json.put("pending", article.pending());
        return json;
    }

    static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response could not be serialised", e);
        }
    }
}
