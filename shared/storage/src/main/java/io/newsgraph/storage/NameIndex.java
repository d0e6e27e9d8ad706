package io.newsgraph.storage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Reads the name index (NAME#{norm} partitions): which entities use a normalised name, and how. */
final class NameIndex {
    /** Most distinct entities read for one name (an alias shared by more is reported with this many). */
    static final int MAX_CANDIDATES = 10;

    /** One entity's use of a name: as its canonical name or as an alias. */
    record NameUse(String entityId, boolean canonical) {
    }

    private final DynamoDbClient dynamo;
    private final String tableName;

    NameIndex(DynamoDbClient dynamo, String tableName) {
        this.dynamo = dynamo;
        this.tableName = tableName;
    }

    /** Distinct uses of a normalised name by any article; see {@link #uses(String, String)}. */
    List<NameUse> uses(String norm) {
        return uses(norm, null);
    }

    /**
     * Distinct (entity, kind) uses of a normalised name, up to {@link #MAX_CANDIDATES} entities, ignoring
     * the rows of {@code excludedArticleId} (an article being re-written is resolved against the others
     * only, so its result never depends on its own previous version): a page of rows, then a skip past
     * the last entity's remaining rows (a popular name has one row per article).
     */
    List<NameUse> uses(String norm, String excludedArticleId) {
        Set<NameUse> found = new LinkedHashSet<>();
        Set<String> entities = new LinkedHashSet<>();
        String after = null;
        for (int round = 0; round < 4 * MAX_CANDIDATES && entities.size() < MAX_CANDIDATES; round++) {
            String from = after;
            QueryResponse response = dynamo.query(b -> {
                b.tableName(tableName).limit(100).projectionExpression("#sk");
                if (from == null) {
                    b.keyConditionExpression("#pk = :pk")
                            .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                            .expressionAttributeValues(Map.of(":pk", Rows.str(Keys.namePk(norm))));
                } else {
                    b.keyConditionExpression("#pk = :pk AND #sk > :after")
                            .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                            .expressionAttributeValues(Map.of(":pk", Rows.str(Keys.namePk(norm)),
                                    ":after", Rows.str(from)));
                }
            });
            String lastSk = null;
            NameUse lastUse = null;
            for (Map<String, AttributeValue> item : response.items()) {
                String sk = Rows.s(item, Keys.SK);
                int split = sk.indexOf('#', 2);
                lastSk = sk;
                if (split < 0 || sk.substring(split + 1).equals(excludedArticleId)) {
                    lastUse = null;
                    continue;
                }
                lastUse = new NameUse(sk.substring(2, split), sk.startsWith(Keys.CANONICAL));
                if (entities.size() < MAX_CANDIDATES || entities.contains(lastUse.entityId())) {
                    found.add(lastUse);
                    entities.add(lastUse.entityId());
                }
            }
            if (lastSk == null || !response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
                break;
            }
            // continue right after an excluded row (the entity may have other articles' rows), else skip
            // the rest of the last entity's rows
            after = lastUse == null ? lastSk : Keys.afterEntityInName(lastUse.canonical(), lastUse.entityId());
        }
        return new ArrayList<>(found);
    }
}
