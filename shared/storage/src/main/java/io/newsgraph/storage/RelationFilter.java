package io.newsgraph.storage;

import io.newsgraph.core.model.Predicate;
import java.time.LocalDate;

/**
 * Filters of a relation query; null means "no filter".
 *
 * @param predicate only this predicate
 * @param role      for actor queries: the actor's role
 * @param since     relations dated on or after this day
 * @param until     relations dated on or before this day
 */
public record RelationFilter(Predicate predicate, Role role, LocalDate since, LocalDate until) {
    public static final RelationFilter NONE = new RelationFilter(null, Role.ANY, null, null);

    public RelationFilter {
        role = role == null ? Role.ANY : role;
        if (since != null && until != null && since.isAfter(until)) {
            throw new IllegalArgumentException("since is after until");
        }
    }

    public enum Role {
        SUBJECT, OBJECT, ANY
    }
}
