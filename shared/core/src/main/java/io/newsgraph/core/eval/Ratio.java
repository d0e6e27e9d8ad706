package io.newsgraph.core.eval;

/** A share: {@code correct} out of {@code total}; {@link Double#NaN} when there is nothing to count. */
public record Ratio(long correct, long total) {

    public static final Ratio ZERO = new Ratio(0, 0);

    public Ratio plus(Ratio other) {
        return new Ratio(correct + other.correct, total + other.total);
    }

    public double value() {
        return total == 0 ? Double.NaN : (double) correct / total;
    }
}
