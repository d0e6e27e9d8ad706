package io.newsgraph.storage;

import io.newsgraph.core.model.Article;
import io.newsgraph.core.model.Entity;
import io.newsgraph.core.model.EntityType;
import io.newsgraph.core.model.Extraction;
import io.newsgraph.core.model.Relation;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Writes articles into the single table and reads back their META rows. Queries for the API live in
 * {@link GraphQueries}.
 *
 * <p>Write protocol (no transactions; correct under re-delivery, crashes and out-of-order events):
 * <ol>
 *   <li>claim: a conditional update of META sets the version's sequencer and {@code pending}, unless a
 *       newer sequencer is stored (then nothing is written and {@code applied=false});</li>
 *   <li>read the article partition (the index of everything the previous version wrote);</li>
 *   <li>delete the rows derived from the previous version that the new one lacks (mentions, names,
 *       relation copies), while the previous article rows that reference them still exist;</li>
 *   <li>put the new article-partition rows, then the rows derived from them;</li>
 *   <li>delete the previous article-partition rows that are gone;</li>
 *   <li>put the final META (status, counts), conditional on still holding the claimed sequencer.</li>
 * </ol>
 * Every key is deterministic, so re-running any prefix of these steps converges to the same table.
 */
public final class GraphStore {
    /** Caps that keep an article's rows bounded however noisy the extraction is. */
    static final int MAX_ENTITIES = 500;
    static final int MAX_RELATIONS = 500;
    static final int MAX_ALIASES = 10;
    static final int MAX_EVIDENCE_CHARS = 1000;
    static final int MAX_TEXT_CHARS = 1000;

    private static final Pattern ISO_PARTIAL_DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");
    private static final Set<EntityType> PLACE_TYPES = Set.of(EntityType.LOCATION, EntityType.COUNTRY);

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final BatchWriter writer;
    private final Clock clock;

    public GraphStore(DynamoDbClient dynamo, String tableName) {
        this(dynamo, tableName, RetryPolicy.DEFAULT, Clock.systemUTC());
    }

    public GraphStore(DynamoDbClient dynamo, String tableName, RetryPolicy retryPolicy, Clock clock) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
        this.writer = new BatchWriter(dynamo, tableName, retryPolicy);
        this.clock = clock;
    }

    /** Deterministic, URL-safe article id for (bucket, decoded key): 32 hex digits of SHA-256. */
    public static String articleId(String bucket, String key) {
        return Keys.articleId(bucket, key);
    }

    public WriteOutcome saveArticle(ArticleSource source, Article article, Extraction extraction) {
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(extraction, "extraction");
        return apply(source, (articleId, ingestedOn) -> buildVersion(articleId, article, extraction, ingestedOn));
    }

    public WriteOutcome saveRejected(ArticleSource source, String reasonCode, String message) {
        return apply(source, (articleId, ingestedOn) -> {
            Map<String, AttributeValue> meta = new LinkedHashMap<>();
            meta.put(Rows.STATUS, Rows.str(ArticleStatus.REJECTED.name()));
            putIfPresent(meta, Rows.REASON_CODE, Names.truncate(reasonCode, 100));
            putIfPresent(meta, Rows.MESSAGE, Names.truncate(message, MAX_TEXT_CHARS));
            putIfPresent(meta, Rows.INGESTED_ON, ingestedOn.toString());
            return new Version(List.of(), meta);
        });
    }

    public WriteOutcome removeArticle(ArticleSource source) {
        return apply(source, (articleId, ingestedOn) -> {
            Map<String, AttributeValue> meta = new LinkedHashMap<>();
            meta.put(Rows.STATUS, Rows.str(ArticleStatus.REMOVED.name()));
            return new Version(List.of(), meta);
        });
    }

    public Optional<ArticleRecord> findArticle(String articleId) {
        if (!Keys.isArticleId(articleId)) {
            return Optional.empty();
        }
        GetItemResponse response = dynamo.getItem(b -> b.tableName(tableName).consistentRead(true)
                .key(Keys.key(Keys.articlePk(articleId), Keys.META)));
        if (!response.hasItem() || response.item().isEmpty() || !response.item().containsKey(Rows.STATUS)) {
            return Optional.empty();
        }
        return Optional.of(toRecord(articleId, response.item()));
    }

    static ArticleRecord toRecord(String articleId, Map<String, AttributeValue> meta) {
        return new ArticleRecord(articleId, Rows.sOrNull(meta, Rows.BUCKET), Rows.sOrNull(meta, Rows.OBJECT_KEY),
                Rows.sOrNull(meta, Rows.SEQUENCER), ArticleStatus.valueOf(Rows.s(meta, Rows.STATUS)),
                Rows.sOrNull(meta, Rows.REASON_CODE), Rows.sOrNull(meta, Rows.MESSAGE),
                Rows.sOrNull(meta, Rows.TITLE), Rows.sOrNull(meta, Rows.URL),
                date(Rows.sOrNull(meta, Rows.PUBLISHED)), date(Rows.sOrNull(meta, Rows.INGESTED_ON)),
                Rows.n(meta, Rows.ENTITY_COUNT), Rows.n(meta, Rows.RELATION_COUNT),
                Rows.n(meta, Rows.DROPPED_ENTITIES), Rows.n(meta, Rows.DROPPED_RELATIONS),
                meta.containsKey(Rows.PENDING) && Boolean.TRUE.equals(meta.get(Rows.PENDING).bool()));
    }

    private static LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- write protocol

    /** The article-partition rows of one version and the status fields of its final META. */
    private record Version(List<Map<String, AttributeValue>> articleRows, Map<String, AttributeValue> metaFields) {
    }

    @FunctionalInterface
    private interface VersionBuilder {
        Version build(String articleId, LocalDate ingestedOn);
    }

    private WriteOutcome apply(ArticleSource source, VersionBuilder builder) {
        Objects.requireNonNull(source, "source");
        String articleId = articleId(source.bucket(), source.key());
        String seqKey = Sequencers.sortable(source.sequencer());
        Map<String, AttributeValue> metaKey = Keys.key(Keys.articlePk(articleId), Keys.META);

        Map<String, AttributeValue> previousMeta;
        try {
            UpdateItemResponse claimed = dynamo.updateItem(b -> b.tableName(tableName).key(metaKey)
                    .updateExpression("SET #seqKey = :seqKey, #pending = :true, #bucket = :bucket, #objectKey = :objectKey")
                    .conditionExpression("attribute_not_exists(#pk) OR #seqKey <= :seqKey")
                    .expressionAttributeNames(Map.of("#seqKey", Rows.SEQ_KEY, "#pending", Rows.PENDING,
                            "#bucket", Rows.BUCKET, "#objectKey", Rows.OBJECT_KEY, "#pk", Keys.PK))
                    .expressionAttributeValues(Map.of(":seqKey", Rows.str(seqKey), ":true", AttributeValue.fromBool(true),
                            ":bucket", Rows.str(source.bucket()), ":objectKey", Rows.str(source.key())))
                    .returnValues(ReturnValue.ALL_OLD));
            previousMeta = claimed.hasAttributes() ? claimed.attributes() : Map.of();
        } catch (ConditionalCheckFailedException newerStored) {
            return new WriteOutcome(articleId, false, 0, 0);
        }

        // the first ingest day is kept, so re-deliveries write identical rows (fallback relation dates)
        LocalDate ingestedOn = Optional.ofNullable(date(Rows.sOrNull(previousMeta, Rows.INGESTED_ON)))
                .orElse(LocalDate.now(clock));
        Version version = builder.build(articleId, ingestedOn);

        List<Map<String, AttributeValue>> previousArticleRows = articlePartitionRows(articleId);
        List<Map<String, AttributeValue>> derived = new ArrayList<>();
        for (Map<String, AttributeValue> row : version.articleRows()) {
            derived.addAll(Rows.derivedRows(row));
        }
        Set<String> keep = new HashSet<>();
        version.articleRows().forEach(r -> keep.add(Rows.keyString(r)));
        derived.forEach(r -> keep.add(Rows.keyString(r)));
        Map<String, Map<String, AttributeValue>> staleDerived = new LinkedHashMap<>();
        Map<String, Map<String, AttributeValue>> staleArticleRows = new LinkedHashMap<>();
        for (Map<String, AttributeValue> row : previousArticleRows) {
            for (Map<String, AttributeValue> d : Rows.derivedRows(row)) {
                if (!keep.contains(Rows.keyString(d))) {
                    staleDerived.putIfAbsent(Rows.keyString(d), Rows.keyOf(d));
                }
            }
            if (!keep.contains(Rows.keyString(row))) {
                staleArticleRows.putIfAbsent(Rows.keyString(row), Rows.keyOf(row));
            }
        }
        // stale derived rows go before any article row is overwritten: the old article rows are the only
        // record of them, so after a crash a re-delivery can still find (and delete) them
        int deleted = writer.delete(new ArrayList<>(staleDerived.values()));
        int written = writer.put(version.articleRows()) + writer.put(dedupe(derived));
        deleted += writer.delete(new ArrayList<>(staleArticleRows.values()));

        Map<String, AttributeValue> meta = new LinkedHashMap<>(metaKey);
        meta.put(Rows.KIND, Rows.str("ARTICLE"));
        meta.put(Rows.SEQ_KEY, Rows.str(seqKey));
        putIfPresent(meta, Rows.SEQUENCER, Names.truncate(source.sequencer(), 128));
        meta.put(Rows.BUCKET, Rows.str(source.bucket()));
        meta.put(Rows.OBJECT_KEY, Rows.str(source.key()));
        meta.putAll(version.metaFields());
        try {
            dynamo.putItem(b -> b.tableName(tableName).item(meta)
                    .conditionExpression("#seqKey = :seqKey")
                    .expressionAttributeNames(Map.of("#seqKey", Rows.SEQ_KEY))
                    .expressionAttributeValues(Map.of(":seqKey", Rows.str(seqKey))));
        } catch (ConditionalCheckFailedException supersededMeanwhile) {
            // a newer version claimed the article while we wrote; its own write finishes the job
            return new WriteOutcome(articleId, false, written, deleted);
        }
        return new WriteOutcome(articleId, true, written + 1, deleted);
    }

    private List<Map<String, AttributeValue>> articlePartitionRows(String articleId) {
        List<Map<String, AttributeValue>> rows = new ArrayList<>();
        QueryRequest request = QueryRequest.builder().tableName(tableName).consistentRead(true)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", Keys.PK))
                .expressionAttributeValues(Map.of(":pk", Rows.str(Keys.articlePk(articleId))))
                .build();
        for (QueryResponse page : dynamo.queryPaginator(request)) {
            for (Map<String, AttributeValue> item : page.items()) {
                if (!Keys.META.equals(Rows.s(item, Keys.SK))) {
                    rows.add(item);
                }
            }
        }
        return rows;
    }

    private static List<Map<String, AttributeValue>> dedupe(List<Map<String, AttributeValue>> items) {
        Map<String, Map<String, AttributeValue>> byKey = new LinkedHashMap<>();
        for (Map<String, AttributeValue> item : items) {
            byKey.putIfAbsent(Rows.keyString(item), item);
        }
        return new ArrayList<>(byKey.values());
    }

    // ---------------------------------------------------------------- building a version

    private Version buildVersion(String articleId, Article article, Extraction extraction, LocalDate ingestedOn) {
        List<PlannedEntity> entities = new ArrayList<>();
        int droppedEntities = 0;
        for (Entity entity : extraction.entities()) {
            String norm = Names.normalise(entity.name());
            if (norm.isEmpty()) {
                droppedEntities++;
                continue;
            }
            PlannedEntity sameInArticle = findInArticle(entities, entity.type(), norm, entity.aliases());
            if (sameInArticle != null) {
                sameInArticle.addAlias(entity.name());
                entity.aliases().forEach(sameInArticle::addAlias);
                continue;
            }
            if (entities.size() >= MAX_ENTITIES) {
                droppedEntities++;
                continue;
            }
            PlannedEntity planned = new PlannedEntity(entity.type(), Names.truncate(entity.name().strip(),
                    Names.MAX_NAME_CHARS), norm);
            entity.aliases().forEach(planned::addAlias);
            entities.add(planned);
        }
        new EntityResolver(dynamo, tableName, articleId).resolve(entities);

        // two article entities may resolve to one actor: one row per entity id, names merged
        Map<String, PlannedEntity> byId = new LinkedHashMap<>();
        for (PlannedEntity planned : entities) {
            PlannedEntity existing = byId.putIfAbsent(planned.entityId, planned);
            if (existing != null) {
                existing.addAlias(planned.name);
                planned.aliasesByNorm.values().forEach(existing::addAlias);
            }
        }
        Map<String, PlannedEntity> byNorm = new LinkedHashMap<>();
        for (PlannedEntity planned : byId.values()) {
            byNorm.putIfAbsent(planned.norm, planned);
        }
        for (PlannedEntity planned : byId.values()) {
            planned.aliasesByNorm.keySet().forEach(n -> byNorm.putIfAbsent(n, planned));
        }

        List<Map<String, AttributeValue>> rows = new ArrayList<>();
        for (PlannedEntity planned : byId.values()) {
            Map<String, AttributeValue> row = new LinkedHashMap<>();
            row.put(Keys.PK, Rows.str(Keys.articlePk(articleId)));
            row.put(Keys.SK, Rows.str(Keys.entityRowSk(planned.entityId)));
            row.put(Rows.ENTITY_ID, Rows.str(planned.entityId));
            row.put(Rows.TYPE, Rows.str(Keys.typeOfEntityId(planned.entityId).name()));
            row.put(Rows.NAME, Rows.str(planned.name));
            row.put(Rows.NORM, Rows.str(planned.norm));
            planned.aliasesByNorm.remove(planned.norm);
            row.put(Rows.ALIASES, AttributeValue.fromL(planned.aliasesByNorm.values().stream().map(Rows::str).toList()));
            row.put(Rows.ALIAS_NORMS, AttributeValue.fromL(planned.aliasesByNorm.keySet().stream().map(Rows::str).toList()));
            row.put(Rows.ARTICLE_ID, Rows.str(articleId));
            rows.add(row);
        }

        String fallbackDate = article.published() != null ? article.published().toString() : ingestedOn.toString();
        int relationCount = 0;
        int droppedRelations = 0;
        for (Relation relation : extraction.relations()) {
            if (relationCount >= MAX_RELATIONS) {
                droppedRelations++;
                continue;
            }
            rows.add(relationRow(articleId, relationCount, relation, byNorm, fallbackDate));
            relationCount++;
        }

        Map<String, AttributeValue> meta = new LinkedHashMap<>();
        meta.put(Rows.STATUS, Rows.str(ArticleStatus.INGESTED.name()));
        putIfPresent(meta, Rows.TITLE, Names.truncate(article.title(), MAX_TEXT_CHARS));
        putIfPresent(meta, Rows.URL, Names.truncate(article.url(), MAX_TEXT_CHARS));
        putIfPresent(meta, Rows.PUBLISHED, article.published() == null ? null : article.published().toString());
        meta.put(Rows.INGESTED_ON, Rows.str(ingestedOn.toString()));
        meta.put(Rows.ENTITY_COUNT, AttributeValue.fromN(Integer.toString(byId.size())));
        meta.put(Rows.RELATION_COUNT, AttributeValue.fromN(Integer.toString(relationCount)));
        meta.put(Rows.DROPPED_ENTITIES, AttributeValue.fromN(Integer.toString(droppedEntities)));
        meta.put(Rows.DROPPED_RELATIONS, AttributeValue.fromN(Integer.toString(droppedRelations)));
        return new Version(rows, meta);
    }

    private static PlannedEntity findInArticle(List<PlannedEntity> entities, EntityType type, String norm,
                                               List<String> aliases) {
        for (PlannedEntity planned : entities) {
            if (planned.type != type) {
                continue;
            }
            if (planned.norm.equals(norm) || planned.aliasesByNorm.containsKey(norm)) {
                return planned;
            }
            for (String alias : aliases) {
                if (planned.norm.equals(Names.normalise(alias))) {
                    return planned;
                }
            }
        }
        return null;
    }

    private static Map<String, AttributeValue> relationRow(String articleId, int index, Relation relation,
                                                           Map<String, PlannedEntity> byNorm, String fallbackDate) {
        Map<String, AttributeValue> row = new LinkedHashMap<>();
        row.put(Keys.PK, Rows.str(Keys.articlePk(articleId)));
        row.put(Keys.SK, Rows.str(Keys.relationRowSk(index)));
        row.put(Rows.ARTICLE_ID, Rows.str(articleId));
        row.put(Rows.INDEX, AttributeValue.fromN(Integer.toString(index)));
        row.put(Rows.PREDICATE, Rows.str(relation.predicate().name()));
        PlannedEntity subject = byNorm.get(Names.normalise(relation.subject()));
        PlannedEntity object = byNorm.get(Names.normalise(relation.object()));
        PlannedEntity location = relation.location() == null ? null : byNorm.get(Names.normalise(relation.location()));
        row.put(Rows.SUBJECT, Rows.str(displayName(relation.subject(), subject)));
        row.put(Rows.OBJECT, Rows.str(displayName(relation.object(), object)));
        if (subject != null) {
            row.put(Rows.SUBJECT_ID, Rows.str(subject.entityId));
        }
        if (object != null) {
            row.put(Rows.OBJECT_ID, Rows.str(object.entityId));
            row.put(Rows.OBJECT_IS_PLACE, AttributeValue.fromBool(PLACE_TYPES.contains(object.type)));
        }
        if (relation.location() != null && !relation.location().isBlank()) {
            row.put(Rows.LOCATION, Rows.str(displayName(relation.location(), location)));
            if (location != null && PLACE_TYPES.contains(location.type)) {
                row.put(Rows.LOCATION_ID, Rows.str(location.entityId));
            }
        }
        String date = relation.date() == null ? null : relation.date().strip();
        boolean validDate = date != null && ISO_PARTIAL_DATE.matcher(date).matches();
        if (validDate) {
            row.put(Rows.DATE, Rows.str(date));
        }
        row.put(Rows.SORT_DATE, Rows.str(validDate ? padDate(date) : fallbackDate));
        row.put(Rows.EVIDENCE, Rows.str(Names.truncate(relation.evidence(), MAX_EVIDENCE_CHARS)));
        return row;
    }

    /** The entity's canonical name when the relation's name resolves to one, else the name as given. */
    private static String displayName(String given, PlannedEntity entity) {
        return entity != null ? entity.name : Names.truncate(given.strip(), Names.MAX_NAME_CHARS);
    }

    /** "2024" and "2024-03" sort as "2024-00-00" and "2024-03-00": fixed width, before the period's days. */
    static String padDate(String isoPartialDate) {
        return switch (isoPartialDate.length()) {
            case 4 -> isoPartialDate + "-00-00";
            case 7 -> isoPartialDate + "-00";
            default -> isoPartialDate;
        };
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null && !value.isEmpty()) {
            item.put(name, Rows.str(value));
        }
    }
}
