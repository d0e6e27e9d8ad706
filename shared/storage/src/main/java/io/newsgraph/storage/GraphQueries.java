package io.newsgraph.storage;

import io.newsgraph.core.model.EntityType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The read side of the graph: every access pattern of docs/data-model.md. Pages are bounded in work
 * (at most {@link #MAX_QUERIES_PER_PAGE} DynamoDB queries), so a selective filter over a long partition
 * may return fewer items than asked for together with a position to continue from.
 *
 * <p>Positions ({@code after}) are plain sort-key strings of the query's own partition; callers that
 * hand them to clients must protect them (the lookup API signs them). An {@code after} that does not
 * fit the query is rejected with {@link IllegalArgumentException}.
 */
public final class GraphQueries {
    public static final int MAX_LIMIT = 100;
    static final int MAX_QUERIES_PER_PAGE = 10;
    private static final int MAX_ALIASES_SHOWN = 20;
    private static final int MENTIONS_SAMPLED = 25;

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final NameIndex nameIndex;

    public GraphQueries(DynamoDbClient dynamo, String tableName) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.nameIndex = new NameIndex(dynamo, tableName);
    }

    // ---------------------------------------------------------------- names

    /**
     * Entities of the given types that articles currently call {@code name} (canonical name or alias,
     * case/accent/punctuation-insensitive); several when the name is shared. Empty when unknown.
     */
    public List<EntitySummary> resolve(String name, Set<EntityType> types) {
        String norm = Names.normalise(name);
        if (norm.isEmpty()) {
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (NameIndex.NameUse use : nameIndex.uses(norm)) {
            if (types.contains(Keys.typeOfEntityId(use.entityId()))) {
                ids.add(use.entityId());
            }
        }
        List<EntitySummary> found = new ArrayList<>();
        for (String id : ids) {
            entity(id).ifPresent(found::add);
        }
        return found;
    }

    /** The entity with this id, from the articles that currently mention it; empty when none does. */
    public Optional<EntitySummary> entity(String entityId) {
        if (!Keys.isEntityId(entityId)) {
            return Optional.empty();
        }
        QueryResponse response = dynamo.query(b -> b.tableName(tableName).limit(MENTIONS_SAMPLED)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :m)")
                .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                .expressionAttributeValues(Map.of(":pk", Rows.str(Keys.actorPk(entityId)),
                        ":m", Rows.str(Keys.MENTION))));
        if (response.items().isEmpty()) {
            return Optional.empty();
        }
        List<Map<String, AttributeValue>> mentions = response.items();
        // the canonical name most articles use; ties go to the fullest (most words, longest), then alphabetical
        Map<String, Integer> uses = new HashMap<>();
        mentions.forEach(m -> uses.merge(Rows.s(m, Rows.NAME), 1, Integer::sum));
        String display = uses.keySet().stream()
                .min(Comparator.comparingInt((String n) -> -uses.get(n))
                        .thenComparingInt(n -> -n.split("\\s+").length)
                        .thenComparingInt(n -> -n.length())
                        .thenComparing(Comparator.naturalOrder()))
                .orElseThrow();
        Map<String, String> aliasesByNorm = new LinkedHashMap<>();
        String displayNorm = Names.normalise(display);
        for (Map<String, AttributeValue> mention : mentions) {
            List<String> names = new ArrayList<>();
            names.add(Rows.s(mention, Rows.NAME));
            names.addAll(Rows.list(mention, Rows.ALIASES));
            for (String alias : names) {
                String norm = Names.normalise(alias);
                if (!norm.isEmpty() && !norm.equals(displayNorm) && aliasesByNorm.size() < MAX_ALIASES_SHOWN) {
                    aliasesByNorm.putIfAbsent(norm, alias);
                }
            }
        }
        return Optional.of(new EntitySummary(entityId, display, Keys.typeOfEntityId(entityId),
                new ArrayList<>(aliasesByNorm.values())));
    }

    /**
     * Entities with a name starting with {@code prefix} (normalised), optionally of one type, in name
     * order; one hit per (name, entity).
     */
    public Page<NameMatch> searchNames(String prefix, EntityType type, int limit, String after) {
        checkLimit(limit);
        String norm = Names.normalise(prefix);
        if (norm.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        // the highest code point: DynamoDB orders keys by UTF-8 bytes, where U+10FFFF sorts last
        String highest = norm + new String(Character.toChars(Character.MAX_CODE_POINT));
        String from = norm;
        if (after != null) {
            if (!after.startsWith(norm)) {
                throw new IllegalArgumentException("position does not belong to this search");
            }
            from = after;
        }
        List<NameMatch> matches = new ArrayList<>();
        List<String> positions = new ArrayList<>();
        String next = null;
        for (int round = 0; round < MAX_QUERIES_PER_PAGE; round++) {
            String lower = from;
            Map<String, String> names = new HashMap<>(Map.of("#pk", Keys.GSI1PK, "#sk", Keys.GSI1SK));
            Map<String, AttributeValue> values = new HashMap<>(Map.of(
                    ":pk", Rows.str(Keys.namePrefixPk(norm)), ":from", Rows.str(lower), ":to", Rows.str(highest)));
            QueryRequest.Builder request = QueryRequest.builder().tableName(tableName)
                    .indexName(Keys.NAME_PREFIX_INDEX).limit(100)
                    .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to");
            if (type != null) {
                names.put("#type", Rows.TYPE);
                values.put(":type", Rows.str(type.name()));
                request.filterExpression("#type = :type");
            }
            QueryResponse response = dynamo.query(request.expressionAttributeNames(names)
                    .expressionAttributeValues(values).build());
            String lastMatchedAfter = null;
            for (Map<String, AttributeValue> item : response.items()) {
                String sk = Rows.s(item, Keys.GSI1SK);
                String entityId = Rows.s(item, Rows.ENTITY_ID);
                int cut = sk.lastIndexOf(" #" + entityId + '#');
                if (cut < 0) {
                    continue;
                }
                String itemNorm = sk.substring(0, cut);
                String position = Keys.afterNameAndEntity(itemNorm, entityId);
                if (position.equals(lastMatchedAfter) || (!positions.isEmpty()
                        && position.equals(positions.get(positions.size() - 1)))) {
                    continue;
                }
                lastMatchedAfter = position;
                matches.add(new NameMatch(entityId, EntityType.valueOf(Rows.s(item, Rows.TYPE)),
                        Rows.s(item, Rows.NAME), Rows.s(item, Rows.CANONICAL)));
                positions.add(position);
                if (matches.size() > limit) {
                    break;
                }
            }
            if (matches.size() > limit) {
                next = positions.get(limit - 1);
                break;
            }
            if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
                break;
            }
            // skip the rest of the last (name, entity): its other rows are other articles' uses
            String lastSk = response.lastEvaluatedKey().get(Keys.GSI1SK).s();
            from = lastMatchedAfter != null ? lastMatchedAfter : lastSk;
            next = round == MAX_QUERIES_PER_PAGE - 1 ? from : null;
        }
        return new Page<>(matches.subList(0, Math.min(limit, matches.size())), next);
    }

    // ---------------------------------------------------------------- relations

    /** Relations of an actor (as subject or object, per the filter's role), newest first. */
    public Page<StoredRelation> actorRelations(String entityId, RelationFilter filter, int limit, String after) {
        requireEntityId(entityId);
        return relations(Keys.actorPk(entityId), filter, true, limit, after);
    }

    /** Relations at a place (its location) or into it (a place object), newest first. */
    public Page<StoredRelation> locationRelations(String entityId, RelationFilter filter, int limit, String after) {
        requireEntityId(entityId);
        return relations(Keys.locationPk(entityId), filter, false, limit, after);
    }

    private Page<StoredRelation> relations(String pk, RelationFilter filter, boolean byRole, int limit,
                                           String after) {
        checkLimit(limit);
        RelationFilter f = filter == null ? RelationFilter.NONE : filter;
        String lowest = f.since() != null ? Keys.relationsFrom(f.since().toString()) : Keys.RELATION_ROW;
        String highest = f.until() != null ? Keys.relationsUntil(f.until().toString()) : Keys.RELATION_ROW + "\uffff";
        if (after != null && (!after.startsWith(Keys.RELATION_ROW) || after.compareTo(lowest) < 0
                || after.compareTo(highest) > 0)) {
            throw new IllegalArgumentException("position does not belong to this query");
        }
        Map<String, String> names = new HashMap<>(Map.of("#pk", Keys.PK, "#sk", Keys.SK));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":pk", Rows.str(pk), ":lo", Rows.str(lowest), ":hi", Rows.str(highest)));
        List<String> conditions = new ArrayList<>();
        if (f.predicate() != null) {
            names.put("#predicate", Rows.PREDICATE);
            values.put(":predicate", Rows.str(f.predicate().name()));
            conditions.add("#predicate = :predicate");
        }
        if (byRole && f.role() != RelationFilter.Role.ANY) {
            names.put("#role", Rows.ROLE);
            values.put(":role", Rows.str(f.role() == RelationFilter.Role.SUBJECT ? Rows.ROLE_SUBJECT : Rows.ROLE_OBJECT));
            conditions.add("#role = :role");
        }
        boolean filtered = !conditions.isEmpty();

        List<Map<String, AttributeValue>> collected = new ArrayList<>();
        Map<String, AttributeValue> start = after == null ? null : Keys.key(pk, after);
        String next = null;
        for (int round = 0; round < MAX_QUERIES_PER_PAGE; round++) {
            QueryRequest.Builder request = QueryRequest.builder().tableName(tableName)
                    .keyConditionExpression("#pk = :pk AND #sk BETWEEN :lo AND :hi")
                    .scanIndexForward(false)
                    .limit(filtered ? 100 : limit + 1 - collected.size())
                    .expressionAttributeNames(names).expressionAttributeValues(values);
            if (filtered) {
                request.filterExpression(String.join(" AND ", conditions));
            }
            if (start != null) {
                request.exclusiveStartKey(start);
            }
            QueryResponse response = dynamo.query(request.build());
            for (Map<String, AttributeValue> item : response.items()) {
                collected.add(item);
                if (collected.size() > limit) {
                    break;
                }
            }
            if (collected.size() > limit) {
                next = Rows.s(collected.get(limit - 1), Keys.SK);
                break;
            }
            if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
                break;
            }
            start = response.lastEvaluatedKey();
            next = round == MAX_QUERIES_PER_PAGE - 1 ? Rows.s(start, Keys.SK) : null;
        }
        List<StoredRelation> relations = collected.subList(0, Math.min(limit, collected.size())).stream()
                .map(GraphQueries::relation).toList();
        return new Page<>(relations, next);
    }

    // ---------------------------------------------------------------- articles

    /** One page of an article's graph, or empty when the id is unknown or the article was removed. */
    public Optional<ArticleGraph> articleGraph(String articleId, int limit, String after) {
        checkLimit(limit);
        if (!Keys.isArticleId(articleId)) {
            return Optional.empty();
        }
        if (after != null && !after.startsWith(Keys.ENTITY_ROW) && !after.startsWith(Keys.RELATION_ROW)) {
            throw new IllegalArgumentException("position does not belong to this article");
        }
        String pk = Keys.articlePk(articleId);
        Map<String, AttributeValue> meta = dynamo.getItem(b -> b.tableName(tableName)
                .key(Keys.key(pk, Keys.META))).item();
        if (meta == null || !meta.containsKey(Rows.STATUS)) {
            return Optional.empty();
        }
        ArticleRecord record = GraphStore.toRecord(articleId, meta);
        if (record.status() == ArticleStatus.REMOVED) {
            return Optional.empty();
        }
        List<EntitySummary> entities = new ArrayList<>();
        List<StoredRelation> relations = new ArrayList<>();
        Map<String, AttributeValue> start = after == null ? null : Keys.key(pk, after);
        String lastSk = null;
        String next = null;
        int taken = 0;
        outer:
        for (int round = 0; round < MAX_QUERIES_PER_PAGE; round++) {
            QueryRequest.Builder request = QueryRequest.builder().tableName(tableName)
                    .keyConditionExpression("#pk = :pk").limit(limit + 2)
                    .expressionAttributeNames(Map.of("#pk", Keys.PK))
                    .expressionAttributeValues(Map.of(":pk", Rows.str(pk)));
            if (start != null) {
                request.exclusiveStartKey(start);
            }
            QueryResponse response = dynamo.query(request.build());
            for (Map<String, AttributeValue> item : response.items()) {
                String sk = Rows.s(item, Keys.SK);
                if (Keys.META.equals(sk)) {
                    continue;
                }
                if (taken == limit) {
                    next = lastSk;
                    break outer;
                }
                if (Rows.isEntityRow(item)) {
                    entities.add(new EntitySummary(Rows.s(item, Rows.ENTITY_ID), Rows.s(item, Rows.NAME),
                            Rows.type(item), Rows.list(item, Rows.ALIASES)));
                } else if (Rows.isRelationRow(item)) {
                    relations.add(relation(item));
                }
                taken++;
                lastSk = sk;
            }
            if (!response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
                break;
            }
            start = response.lastEvaluatedKey();
            next = round == MAX_QUERIES_PER_PAGE - 1 ? Rows.s(start, Keys.SK) : null;
        }
        return Optional.of(new ArticleGraph(record, entities, relations, next));
    }

    private static StoredRelation relation(Map<String, AttributeValue> item) {
        return new StoredRelation(Rows.sOrNull(item, Rows.SUBJECT), Rows.sOrNull(item, Rows.SUBJECT_ID),
                Rows.sOrNull(item, Rows.PREDICATE), Rows.sOrNull(item, Rows.OBJECT), Rows.sOrNull(item, Rows.OBJECT_ID),
                Rows.sOrNull(item, Rows.LOCATION), Rows.sOrNull(item, Rows.LOCATION_ID), Rows.sOrNull(item, Rows.DATE),
                Rows.sOrNull(item, Rows.SORT_DATE), Rows.sOrNull(item, Rows.EVIDENCE),
                Rows.sOrNull(item, Rows.ARTICLE_ID), Rows.sOrNull(item, Rows.ROLE));
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
        }
    }

    private static void requireEntityId(String entityId) {
        if (!Keys.isEntityId(entityId)) {
            throw new IllegalArgumentException("not an entity id");
        }
    }
}
