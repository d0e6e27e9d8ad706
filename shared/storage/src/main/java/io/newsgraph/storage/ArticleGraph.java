package io.newsgraph.storage;

import java.util.List;

/**
 * One page of an article's graph: its record, then its entities, then its relations (in that order
 * across pages).
 *
 * @param article   the META record
 * @param entities  entities on this page (as this article names them)
 * @param relations relations on this page
 * @param after     where the next page starts, or null at the end
 */
public record ArticleGraph(ArticleRecord article, List<EntitySummary> entities, List<StoredRelation> relations,
                           String after) {
    public ArticleGraph {
        entities = List.copyOf(entities);
        relations = List.copyOf(relations);
    }
}
