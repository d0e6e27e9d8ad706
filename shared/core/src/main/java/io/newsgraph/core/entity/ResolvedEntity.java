package io.newsgraph.core.entity;

import java.util.List;

import io.newsgraph.core.model.EntityType;

/**
 * One entity of the document with the mentions that name it.
 *
 * @param name     canonical name (fullest form, or the gazetteer's short name for countries)
 * @param type     its type, consistent across the document
 * @param aliases  other forms used in the text
 * @param mentions indices into the mention list, in text order
 */
public record ResolvedEntity(String name, EntityType type, List<String> aliases, List<Integer> mentions) {

    public ResolvedEntity {
        aliases = List.copyOf(aliases);
        mentions = List.copyOf(mentions);
    }
}
