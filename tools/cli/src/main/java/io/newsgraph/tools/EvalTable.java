package io.newsgraph.tools;

import io.newsgraph.core.eval.Counts;
import io.newsgraph.core.eval.Ratio;
import io.newsgraph.core.eval.Score;
import io.newsgraph.core.model.Predicate;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Fixed-width text tables for {@code eval}: the overall measures, and one line per document. */
final class EvalTable {

    private EvalTable() {
    }

    /** Overall (micro-averaged) table: one row per measure with counts and P/R/F1. */
    static String overall(Score score, int documents) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-22s %6s %6s %6s %9s %9s %9s%n", "measure (" + documents + " docs)",
                "tp", "fp", "fn", "precision", "recall", "F1"));
        row(out, "entity untyped", score.entityUntyped());
        row(out, "entity typed", score.entityTyped());
        row(out, "relation typed", score.relationTyped());
        row(out, "relation pair", score.relationPair());
        Ratio location = score.location();
        out.append(String.format(Locale.ROOT, "%-22s %6s %6s %6s %9s %9s %9s   (%d of %d matched relations with a gold location)%n",
                "location accuracy", "", "", "", "", "", number(location.value()), location.correct(), location.total()));
        return out.toString();
    }

    private static void row(StringBuilder out, String name, Counts counts) {
        out.append(String.format(Locale.ROOT, "%-22s %6d %6d %6d %9s %9s %9s%n", name, counts.tp(), counts.fp(),
                counts.fn(), number(counts.precision()), number(counts.recall()), number(counts.f1())));
    }

    /** Typed relation counts by predicate (rows with any count), in the predicate set's order. */
    static String byPredicate(Map<Predicate, Counts> counts) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-22s %6s %6s %6s %9s %9s %9s%n", "relation typed by", "tp", "fp", "fn",
                "precision", "recall", "F1"));
        for (Predicate predicate : Predicate.values()) {
            Counts c = counts.get(predicate);
            if (c != null && c.tp() + c.fp() + c.fn() > 0) {
                row(out, "  " + predicate.name(), c);
            }
        }
        return out.toString();
    }

    static String perDocumentHeader(int idWidth) {
        return String.format(Locale.ROOT, "%-" + idWidth + "s | %-5s | %-29s | %-29s | %-5s | %-7s | %6s%n", "document",
                "entUF", "entity typed P R F1 tp/fp/fn", "relation typed P R F1 tp/fp/fn", "pairF", "loc", "ms")
                + "-".repeat(idWidth + 102) + "\n";
    }

    /** One document: untyped entity F1, typed entity P/R/F1 with counts, typed relation P/R/F1, pair F1, location. */
    static String perDocumentRow(String id, int idWidth, Score score, long millis) {
        return String.format(Locale.ROOT, "%-" + idWidth + "s | %5s | %-29s | %-29s | %5s | %-7s | %6d%n", id,
                number(score.entityUntyped().f1()), prf(score.entityTyped()), prf(score.relationTyped()),
                number(score.relationPair().f1()), score.location().correct() + "/" + score.location().total(), millis);
    }

    private static String prf(Counts c) {
        return number(c.precision()) + " " + number(c.recall()) + " " + number(c.f1())
                + " " + c.tp() + "/" + c.fp() + "/" + c.fn();
    }

    static int idWidth(List<String> ids) {
        int width = "document".length();
        for (String id : ids) {
            width = Math.max(width, id.length());
        }
        return Math.min(width, 48);
    }

    /** Three decimals; "n/a" when undefined (nothing predicted or nothing to find). */
    static String number(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }
}
