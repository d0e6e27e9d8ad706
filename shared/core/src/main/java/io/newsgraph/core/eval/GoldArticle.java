package io.newsgraph.core.eval;

import io.newsgraph.core.model.EntityType;
import io.newsgraph.core.model.Predicate;

import java.util.List;

/**
 * One annotated article (GUIDELINES section 3).
 *
 * @param id        the article's id
 * @param source    where the gold came from (file path), for messages
 * @param text      the article text as annotated
 * @param entities  gold entities
 * @param relations gold relations
 */
public record GoldArticle(String id, String source, String text, List<GoldEntity> entities,
                          List<GoldRelation> relations) {
    public GoldArticle {
        entities = List.copyOf(entities);
        relations = List.copyOf(relations);
    }

    /** A gold entity; {@code optional} ones score nothing either way. */
    public record GoldEntity(String name, EntityType type, List<String> aliases, boolean optional) {
        public GoldEntity {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
        }
    }

    /** A gold relation; subject, object and location name gold entities. */
    public record GoldRelation(String subject, Predicate predicate, String object, String location, String date,
                               String evidence, boolean optional) {
    }
}
