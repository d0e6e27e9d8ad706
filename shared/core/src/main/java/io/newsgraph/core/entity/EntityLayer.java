package io.newsgraph.core.entity;

import java.util.List;

import io.newsgraph.core.mention.Mention;

/**
 * Mentions grouped into entities.
 *
 * @param mentions all mentions kept, in text order
 * @param entities the entities
 * @param entityOf for each mention, the index of its entity
 */
public record EntityLayer(List<Mention> mentions, List<ResolvedEntity> entities, int[] entityOf) {

    public ResolvedEntity entityOfMention(int mention) {
        return entities.get(entityOf[mention]);
    }
}
