package io.newsgraph.core.mention;

/** How a mention was recognised. */
public enum MentionKind {
    /** A capitalised proper-name span. */
    NAME,
    /** An all-capitals acronym ("KCNA"). */
    ACRONYM,
    /** A gazetteer name of a country or place. */
    PLACE,
    /** A demonym standing for its country ("Norwegian"). */
    DEMONYM,
    /** A widely known organisation from the lexicon. */
    KNOWN_ORG
}
