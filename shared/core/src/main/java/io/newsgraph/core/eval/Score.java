package io.newsgraph.core.eval;

/**
 * The GUIDELINES section 4 measures for one article or, summed, for a whole gold set (micro-average: the counts
 * add up and the ratios are taken from the totals).
 */
public record Score(Counts entityUntyped, Counts entityTyped, Counts relationTyped, Counts relationPair,
                    Ratio location) {

    public static final Score ZERO = new Score(Counts.ZERO, Counts.ZERO, Counts.ZERO, Counts.ZERO, Ratio.ZERO);

    public Score plus(Score other) {
        return new Score(entityUntyped.plus(other.entityUntyped), entityTyped.plus(other.entityTyped),
                relationTyped.plus(other.relationTyped), relationPair.plus(other.relationPair),
                location.plus(other.location));
    }
}
