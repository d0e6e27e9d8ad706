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

    /**
     * Distinct (entity, kind) uses of a normalised name, up to {@link #MAX_CANDIDATES} entities: a page of
     * rows, then a skip past the last entity's remaining rows (a popular name has one row per article).
     */
    List<NameUse> uses(String norm) {
        Set<NameUse> found = new LinkedHashSet<>();
        Set<String> entities = new LinkedHashSet<>();
        String after = null;
        for (int round = 0; round < 2 * MAX_CANDIDATES && entities.size() < MAX_CANDIDATES; round++) {
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
            NameUse last = null;
            for (Map<String, AttributeValue> item : response.items()) {
                String sk = Rows.s(item, Keys.SK);
                last = new NameUse(sk.substring(2, sk.indexOf('#', 2)), sk.startsWith(Keys.CANONICAL));
                if (entities.size() < MAX_CANDIDATES || entities.contains(last.entityId())) {
                    found.add(last);
                    entities.add(last.entityId());
                }
            }
            if (last == null || !response.hasLastEvaluatedKey() || response.lastEvaluatedKey().isEmpty()) {
                break;
            }
            after = Keys.afterEntityInName(last.canonical(), last.entityId());
        }
        return new ArrayList<>(found);
    }
}
