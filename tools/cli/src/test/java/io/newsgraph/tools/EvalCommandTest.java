package io.newsgraph.tools;

import io.newsgraph.core.eval.Counts;
import io.newsgraph.core.eval.Ratio;
import io.newsgraph.core.eval.Score;
import io.newsgraph.core.model.Article;
import io.newsgraph.core.model.Entity;
import io.newsgraph.core.model.EntityType;
import io.newsgraph.core.model.Extraction;
import io.newsgraph.core.model.Predicate;
import io.newsgraph.core.model.Relation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvalCommandTest {

    @Test
    void scoresEveryGoldFileAndPrintsTheTable(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("a.json"), """
                {"id": "a", "text": "Ines Varga visited Port Amble.",
                 "entities": [{"name": "Ines Varga", "type": "PERSON", "aliases": ["Varga"]},
                              {"name": "Port Amble", "type": "LOCATION", "aliases": []}],
                 "relations": [{"subject": "Ines Varga", "predicate": "VISIT", "object": "Port Amble"}]}
                """);
        Files.writeString(dir.resolve("sub/b.jsonl"), """
                {"id": "b", "text": "Tomas Lind met Ines Varga in Westholm.", "entities": [{"name": "Tomas Lind", "type": "PERSON", "aliases": []}, {"name": "Ines Varga", "type": "PERSON", "aliases": []}, {"name": "Westholm", "type": "LOCATION", "aliases": []}], "relations": [{"subject": "Tomas Lind", "predicate": "MEET", "object": "Ines Varga", "location": "Westholm"}]}
                """);
        // A stand-in pipeline: right on "a", and on "b" finds the meeting reversed (symmetric) but no place.
        Function<Article, Extraction> pipeline = article -> article.body().startsWith("Ines")
                ? new Extraction(List.of(new Entity("Varga", EntityType.PERSON, List.of()),
                new Entity("Port Amble", EntityType.LOCATION, List.of())),
                List.of(new Relation("Varga", Predicate.VISIT, "Port Amble", null, null, "")))
                : new Extraction(List.of(new Entity("Tomas Lind", EntityType.PERSON, List.of()),
                new Entity("Ines Varga", EntityType.ORGANIZATION, List.of())),
                List.of(new Relation("Ines Varga", Predicate.MEET, "Tomas Lind", null, null, "")));

        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        int code = new EvalCommand(() -> pipeline, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream())).run(List.of(dir.toString(), "--per-doc", "--errors", "--predicates"));
        String text = stdout.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, text);
        assertTrue(text.contains("(2 documents)"), text);
        // entities: 5 gold, untyped 4 found; typed 3 (Ines Varga typed wrong in b)
        assertTrue(text.matches("(?s).*entity untyped\\s+4\\s+0\\s+1\\s+1\\.000\\s+0\\.800\\s+0\\.889.*"), text);
        assertTrue(text.matches("(?s).*entity typed\\s+3\\s+1\\s+2\\s+0\\.750\\s+0\\.600\\s+0\\.667.*"), text);
        assertTrue(text.matches("(?s).*relation typed\\s+2\\s+0\\s+0\\s+1\\.000\\s+1\\.000\\s+1\\.000.*"), text);
        assertTrue(text.matches("(?s).*location accuracy.*0\\.000\\s+\\(0 of 1 .*"), text);
        assertTrue(text.contains("missed entity: Westholm (LOCATION)"), text);
        assertTrue(text.matches("(?s).*\\n  MEET\\s+1\\s+0\\s+0.*\\n  VISIT\\s+1\\s+0\\s+0.*"), text);
        assertTrue(text.contains("spurious entity: Ines Varga (ORGANIZATION)"), text);
    }

    @Test
    void missingDirectoryIsAUsageError(@TempDir Path dir) throws Exception {
        int code = new EvalCommand(() -> a -> new Extraction(List.of(), List.of()), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream())).run(List.of(dir.resolve("nope").toString()));
        assertEquals(2, code);
    }

    @Test
    void tableShowsUndefinedRatiosAsNotApplicable() {
        Score score = new Score(new Counts(1, 0, 0), Counts.ZERO, Counts.ZERO, Counts.ZERO, Ratio.ZERO);
        String table = EvalTable.overall(score, 1);
        assertTrue(table.contains("n/a"), table);
        assertTrue(table.lines().anyMatch(l -> l.startsWith("entity untyped") && l.endsWith("1.000")), table);
    }
}
