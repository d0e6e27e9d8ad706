package io.newsgraph.core.eval;

import io.newsgraph.core.model.Article;
import io.newsgraph.core.model.ArticleFormat;
import io.newsgraph.core.model.EntityType;
import io.newsgraph.core.model.Predicate;

import io.newsgraph.core.read.DateText;

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

    /**
     * The article the extractor sees: the text exactly as annotated (no title split), dated by a date line near
     * its top when there is one; the same as {@code ArticleReader} reading the gold file.
     */
    public Article article() {
        return new Article(null, text, DateText.findDateLine(text), null, ArticleFormat.JSON);
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
