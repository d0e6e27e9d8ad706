package io.newsgraph.core.relation;

import java.util.List;

import io.newsgraph.core.entity.EntityLayer;
import io.newsgraph.core.lexicon.Lexicon;
import io.newsgraph.core.model.Relation;
import io.newsgraph.core.text.DateResolver;
import io.newsgraph.core.text.Document;
import io.newsgraph.core.text.Sentence;


/**
 * Stage 7: relations between entities: roles ({@link RoleRelations}) and events
 * ({@link EventRelations}) sentence by sentence, each (subject, predicate, object) kept once with the
 * first statement's evidence, the sentence's place ("in Lisbon") and the date it fixes.
 */
public final class RelationExtractor {

    private final DateResolver dates;
    private final RoleRelations roles;
    private final EventRelations events;

    public RelationExtractor(Lexicon lexicon, DateResolver dates) {
        this.dates = dates;
        this.roles = new RoleRelations(lexicon);
        this.events = new EventRelations(lexicon);
    }

    /** Collects relations, each (subject, predicate, object) once, the first statement's evidence kept. */
    public List<Relation> extract(Document doc, EntityLayer layer) {
        RelationContext ctx = new RelationContext(doc, layer, dates);
        for (Sentence s : doc.sentences()) {
            roles.find(ctx, s);
            events.find(ctx, s);
        }
        return ctx.relations();
    }
}
