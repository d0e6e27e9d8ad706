package io.newsgraph.core.model;

import java.util.Objects;

/**
 * Something the text states a named actor did to, with or at another named entity.
 *
 * @param subject   the acting entity's canonical name
 * @param predicate what it did
 * @param object    the other entity's canonical name
 * @param location  canonical name of where it happened, or null
 * @param date      ISO-8601 date (yyyy-MM-dd, yyyy-MM or yyyy) when the text fixes it, or null
 * @param evidence  the sentence that states it
 */
public record Relation(String subject, Predicate predicate, String object, String location, String date,
                       String evidence) {
    public Relation {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(predicate, "predicate");
        Objects.requireNonNull(object, "object");
        evidence = evidence == null ? "" : evidence;
    }
}
