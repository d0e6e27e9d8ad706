package io.newsgraph.core.mention;

import io.newsgraph.core.lexicon.Role;
import io.newsgraph.core.model.EntityType;

/**
 * One span of text that names something.
 *
 * @param sentence  sentence index
 * @param start     first token index (document-wide)
 * @param end       token index after the span
 * @param text      the name as written (a possessive "'s" excluded)
 * @param kind      how it was recognised
 * @param type      the type its own evidence gives, or null when undecided
 * @param canonical the lexicon's canonical name (countries, known organisations), or null
 * @param title     role of a title written right before it ("President X"), or null
 * @param weak      true for spans from a title-cased headline: kept only if confirmed elsewhere
 */
public record Mention(int sentence, int start, int end, String text, MentionKind kind, EntityType type,
                      String canonical, Role title, boolean weak) {

    public Mention withType(EntityType newType) {
        return new Mention(sentence, start, end, text, kind, newType, canonical, title, weak);
    }
}
