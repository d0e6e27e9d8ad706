package io.newsgraph.core.eval;

/**
 * True positives, false positives and false negatives, with the derived precision, recall and F1.
 * Undefined ratios (nothing predicted, nothing to find) are {@link Double#NaN}.
 */
public record Counts(long tp, long fp, long fn) {

    public static final Counts ZERO = new Counts(0, 0, 0);

    public Counts plus(Counts other) {
        return new Counts(tp + other.tp, fp + other.fp, fn + other.fn);
    }

    public double precision() {
        return tp + fp == 0 ? Double.NaN : (double) tp / (tp + fp);
    }

    public double recall() {
        return tp + fn == 0 ? Double.NaN : (double) tp / (tp + fn);
    }

    /** 2PR/(P+R), written as 2tp/(2tp+fp+fn) so it is 0 (not undefined) when one side is empty. */
    public double f1() {
        long denominator = 2 * tp + fp + fn;
        return denominator == 0 ? Double.NaN : 2.0 * tp / denominator;
    }
}
