package io.newsgraph.tools;

import io.newsgraph.core.Extractor;
import io.newsgraph.core.eval.Counts;
import io.newsgraph.core.eval.GoldArticle;
import io.newsgraph.core.eval.GoldLoader;
import io.newsgraph.core.eval.Score;
import io.newsgraph.core.eval.Scorer;
import io.newsgraph.core.eval.Scorer.ArticleScore;
import io.newsgraph.core.model.Article;
import io.newsgraph.core.model.Extraction;
import io.newsgraph.core.model.Predicate;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code eval GOLD_DIR [--per-doc] [--errors] [--predicates]}: runs the pipeline on every gold article under
 * GOLD_DIR and prints precision, recall and F1 as GUIDELINES section 4 defines them (micro-averaged), overall and
 * optionally per document; {@code --errors} also lists each document's missed and spurious entities and
 * relations, {@code --predicates} splits the typed relation counts by predicate.
 */
final class EvalCommand implements Command {

    private final Supplier<Function<Article, Extraction>> pipeline;
    private final PrintStream out;
    private final PrintStream err;

    EvalCommand() {
        this(() -> Extractor.loadDefault()::extract, System.out, System.err);
    }

    /** For tests: any pipeline, any output streams. */
    EvalCommand(Supplier<Function<Article, Extraction>> pipeline, PrintStream out, PrintStream err) {
        this.pipeline = pipeline;
        this.out = out;
        this.err = err;
    }

    @Override
    public String usage() {
        return "GOLD_DIR [--per-doc] [--errors] [--predicates]  score the extractor against gold files"
                + " (GUIDELINES section 4)";
    }

    @Override
    public int run(List<String> args) throws Exception {
        Path goldDir = null;
        boolean perDoc = false;
        boolean errors = false;
        boolean predicates = false;
        for (String arg : args) {
            switch (arg) {
                case "--per-doc" -> perDoc = true;
                case "--errors" -> errors = true;
                case "--predicates" -> predicates = true;
                default -> {
                    if (arg.startsWith("--") || goldDir != null) {
                        err.println("usage: ./newsgraph eval " + usage());
                        return 2;
                    }
                    goldDir = Path.of(arg);
                }
            }
        }
        if (goldDir == null || !Files.exists(goldDir)) {
            err.println(goldDir == null ? "usage: ./newsgraph eval " + usage() : "eval: no such file or directory: " + goldDir);
            return 2;
        }
        List<GoldArticle> gold = new GoldLoader().load(goldDir);
        if (gold.isEmpty()) {
            err.println("eval: no gold files (*.json, *.jsonl) under " + goldDir);
            return 2;
        }
        long loadStart = System.nanoTime();
        Function<Article, Extraction> extractor = pipeline.get();
        long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;

        Scorer scorer = new Scorer();
        Score total = Score.ZERO;
        Map<Predicate, Counts> byPredicate = new EnumMap<>(Predicate.class);
        List<ArticleScore> scores = new ArrayList<>();
        List<Long> millis = new ArrayList<>();
        int failed = 0;
        for (GoldArticle article : gold) {
            long start = System.nanoTime();
            Extraction extraction;
            try {
                extraction = extractor.apply(article.article());
            } catch (RuntimeException e) {
                failed++;
                err.println(article.id() + ": extraction failed, scored as empty: " + e);
                extraction = new Extraction(List.of(), List.of());
            }
            millis.add((System.nanoTime() - start) / 1_000_000);
            ArticleScore score = scorer.score(article, extraction);
            scores.add(score);
            total = total.plus(score.score());
            score.relationsByPredicate().forEach((predicate, counts) -> byPredicate.merge(predicate, counts, Counts::plus));
        }

        out.printf(Locale.ROOT, "gold: %s (%d documents); pipeline loaded in %d ms; extraction %d ms in total%n%n",
                goldDir, gold.size(), loadMillis, millis.stream().mapToLong(Long::longValue).sum());
        if (perDoc || errors) {
            int width = EvalTable.idWidth(scores.stream().map(ArticleScore::id).toList());
            out.print(EvalTable.perDocumentHeader(width));
            for (int i = 0; i < scores.size(); i++) {
                ArticleScore score = scores.get(i);
                out.print(EvalTable.perDocumentRow(score.id(), width, score.score(), millis.get(i)));
                if (errors) {
                    printErrors(score);
                }
            }
            out.println();
        }
        if (predicates) {
            out.print(EvalTable.byPredicate(byPredicate));
            out.println();
        }
        out.print(EvalTable.overall(total, gold.size()));
        if (failed > 0) {
            err.println("eval: extraction failed on " + failed + " document(s)");
            return 1;
        }
        return 0;
    }

    private void printErrors(ArticleScore score) {
        list("missed entity", score.missedEntities());
        list("spurious entity", score.spuriousEntities());
        list("missed relation", score.missedRelations());
        list("spurious relation", score.spuriousRelations());
    }

    private void list(String what, List<String> items) {
        for (String item : items) {
            out.println("    " + what + ": " + item);
        }
    }
}
