package io.newsgraph.core.lexicon;

/** What a title says about its bearer's tie to a country or organisation. */
public enum Role {
    HEAD,
    MEMBER,
    NONE
}
