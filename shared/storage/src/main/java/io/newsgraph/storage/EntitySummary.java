package io.newsgraph.storage;

import io.newsgraph.core.model.EntityType;
import java.util.List;

/**
 * An entity (actor or place) resolved across articles.
 *
 * @param id      entity id (e.g. per-0a1b...)
 * @param name    its fullest canonical name
 * @param type    its type
 * @param aliases other names articles use for it (bounded sample)
 */
public record EntitySummary(String id, String name, EntityType type, List<String> aliases) {
    public EntitySummary {
        aliases = List.copyOf(aliases);
    }
}
