package io.newsgraph.storage;

import io.newsgraph.core.model.EntityType;

/**
 * A name-prefix search hit.
 *
 * @param id        entity id
 * @param type      entity type
 * @param matched   the name that matched the prefix (canonical or alias)
 * @param canonical the entity's canonical name in an article using that name
 */
public record NameMatch(String id, EntityType type, String matched, String canonical) {
}
