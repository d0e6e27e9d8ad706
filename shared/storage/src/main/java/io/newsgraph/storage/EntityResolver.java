package io.newsgraph.storage;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Resolves each planned entity to an entity id through the name index: the entity joins an existing
 * one of the same type when exactly one compatible candidate shares a name with it in a way that
 * involves a canonical name (its canonical name is one of the candidate's names, or the candidate's
 * canonical name is one of its aliases) and neither name's words contradict the other's ("Velkov" and
 * "Mara Velkov" agree; "Jorin Smale" and "Jorin Blackwood" do not). Otherwise its own id
 * (type + normalised canonical name) is used.
 */
final class EntityResolver {
    private final DynamoDbClient dynamo;
    private final String tableName;
    private final Map<String, Set<String>> knownNamesCache = new LinkedHashMap<>();
    private final Map<String, List<NameIndex.NameUse>> usesCache = new LinkedHashMap<>();
    private final NameIndex nameIndex;
    /** The article being written: its own previous rows never influence its resolution. */
    private final String articleId;

    EntityResolver(DynamoDbClient dynamo, String tableName, String articleId) {
        this.dynamo = dynamo;
        this.tableName = tableName;
        this.articleId = articleId;
        this.nameIndex = new NameIndex(dynamo, tableName);
    }

    void resolve(List<PlannedEntity> entities) {
        for (PlannedEntity planned : entities) {
            String ownId = Keys.entityId(planned.type, planned.norm);
            String typePrefix = Keys.entityIdPrefix(planned.type);
            Set<String> candidates = new LinkedHashSet<>();
            // anyone who uses our canonical name, canonically or as an alias
            for (NameIndex.NameUse use : uses(planned.norm)) {
                if (use.entityId().startsWith(typePrefix)) {
                    candidates.add(use.entityId());
                }
            }
            // anyone whose canonical name is one of our aliases
            for (String aliasNorm : planned.aliasesByNorm.keySet()) {
                for (NameIndex.NameUse use : uses(aliasNorm)) {
                    if (use.canonical() && use.entityId().startsWith(typePrefix)) {
                        candidates.add(use.entityId());
                    }
                }
            }
            if (candidates.contains(ownId)) {
                planned.entityId = ownId;
                continue;
            }
            List<String> compatible = candidates.stream()
                    .filter(candidate -> compatible(planned.norm, knownCanonicalNames(candidate))).toList();
            planned.entityId = compatible.size() == 1 ? compatible.get(0) : ownId;
        }
    }

    private List<NameIndex.NameUse> uses(String norm) {
        return usesCache.computeIfAbsent(norm, n -> nameIndex.uses(n, articleId));
    }

    /** Normalised canonical names the entity has in the articles that mention it (a sample). */
    private Set<String> knownCanonicalNames(String entityId) {
        return knownNamesCache.computeIfAbsent(entityId, id -> {
            QueryResponse response = dynamo.query(b -> b.tableName(tableName).limit(25)
                    .keyConditionExpression("#pk = :pk AND begins_with(#sk, :m)")
                    .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK, "#norm", Rows.NORM))
                    .expressionAttributeValues(Map.of(":pk", Rows.str(Keys.actorPk(id)),
                            ":m", Rows.str(Keys.MENTION)))
                    .projectionExpression("#sk, #norm"));
            Set<String> names = new LinkedHashSet<>();
            for (Map<String, AttributeValue> item : response.items()) {
                if (!Rows.s(item, Keys.SK).equals(Keys.mentionSk(articleId))) {
                    names.add(Rows.s(item, Rows.NORM));
                }
            }
            return names;
        });
    }

    /** No known canonical name's words contradict ours: one word set contains the other. */
    private static boolean compatible(String norm, Set<String> knownNames) {
        Set<String> ours = Set.copyOf(Arrays.asList(norm.split(" ")));
        for (String known : knownNames) {
            Set<String> theirs = Set.copyOf(Arrays.asList(known.split(" ")));
            if (!ours.containsAll(theirs) && !theirs.containsAll(ours)) {
                return false;
            }
        }
        return true;
    }
}
