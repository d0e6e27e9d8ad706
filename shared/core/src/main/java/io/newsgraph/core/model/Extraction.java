package io.newsgraph.core.model;

import java.util.List;

/** What the pipeline found in one article: entities (with aliases) and the relations between them. */
public record Extraction(List<Entity> entities, List<Relation> relations) {
    public Extraction {
        entities = List.copyOf(entities);
        relations = List.copyOf(relations);
    }
}
