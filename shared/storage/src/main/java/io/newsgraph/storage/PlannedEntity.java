package io.newsgraph.storage;

import io.newsgraph.core.model.EntityType;
import java.util.LinkedHashMap;

/** One entity as the article names it, after merging duplicates and resolving it across articles. */
final class PlannedEntity {
    final EntityType type;
    final String name;
    final String norm;
    final LinkedHashMap<String, String> aliasesByNorm = new LinkedHashMap<>();
    String entityId;

    PlannedEntity(EntityType type, String name, String norm) {
        this.type = type;
        this.name = name;
        this.norm = norm;
    }

    void addAlias(String alias) {
        String aliasNorm = Names.normalise(alias);
        if (!aliasNorm.isEmpty() && !aliasNorm.equals(norm) && aliasesByNorm.size() < GraphStore.MAX_ALIASES) {
            aliasesByNorm.putIfAbsent(aliasNorm, Names.truncate(alias.strip(), Names.MAX_NAME_CHARS));
        }
    }
}
