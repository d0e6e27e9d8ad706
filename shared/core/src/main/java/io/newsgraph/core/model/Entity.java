package io.newsgraph.core.model;

import java.util.List;
import java.util.Objects;

/**
 * One real-world thing the article names.
 *
 * @param name    the fullest form the article uses
 * @param type    its type
 * @param aliases every other form the article uses (surnames, variants, short forms, demonyms)
 */
public record Entity(String name, EntityType type, List<String> aliases) {
    public Entity {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
