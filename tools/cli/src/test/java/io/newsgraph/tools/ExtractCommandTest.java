package io.newsgraph.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The extract command with a small stand-in pipeline (the real one is exercised by ./newsgraph extract). */
class ExtractCommandTest {

    /** Records what it was given; answers one entity named after the article's first word. */
    private final List<Article> seen = new ArrayList<>();
    private final Function<Article, Extraction> pipeline = article -> {
        seen.add(article);
        String first = article.body().split("\\s+")[0];
        return new Extraction(List.of(new Entity(first, EntityType.PERSON, List.of("Al")), new Entity("Norlandia",
                EntityType.COUNTRY, List.of())), List.of(new Relation(first, Predicate.VISIT, "Norlandia", null,
                "2020-01-02", "It happened.")));
    };

    @Test
    void writesGoldShapedJsonPerInputAndReportsUnreadableOnes(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("one.txt"), "Ines visited Norlandia.");
        Files.writeString(in.resolve("two.html"), "<html><body><p>Tomas visited Norlandia.</p><script>x</script></body></html>");
        Files.writeString(in.resolve("gold.json"), "{\"id\": \"g\", \"text\": \"Headline line\\nBody.\", "
                + "\"entities\": [], \"relations\": []}");
        Files.write(in.resolve("empty.md"), new byte[0]);
        Files.write(in.resolve("scan.txt"), new byte[] {'%', 'P', 'D', 'F', '-', '1', '.', '4'});
        Path out = dir.resolve("out");

        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = new ExtractCommand(() -> pipeline, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8))
                .run(List.of("--out", out.toString(), in.resolve("one.txt").toString(), in.resolve("empty.md").toString(),
                        in.resolve("two.html").toString(), in.resolve("scan.txt").toString(),
                        in.resolve("gold.json").toString()));

        assertEquals(1, code, "unreadable inputs make the exit code 1");
        String errors = stderr.toString(StandardCharsets.UTF_8);
        assertTrue(errors.contains("empty.md: unreadable (EMPTY)"), errors);
        assertTrue(errors.contains("scan.txt: unreadable (BINARY)"), errors);
        assertTrue(Files.exists(out.resolve("one.json")));
        assertTrue(Files.exists(out.resolve("two.json")));
        assertFalse(Files.exists(out.resolve("empty.json")));
        assertEquals(3, seen.size());
        assertEquals("Tomas visited Norlandia.", seen.get(1).body(), "HTML is read as visible text");
        assertEquals("Headline line\nBody.", seen.get(2).body(), "a gold file is read through its text, unsplit");

        JsonNode written = new ObjectMapper().readTree(out.resolve("one.json").toFile());
        assertEquals("Ines", written.at("/entities/0/name").asText());
        assertEquals("PERSON", written.at("/entities/0/type").asText());
        assertEquals("Al", written.at("/entities/0/aliases/0").asText());
        assertEquals("VISIT", written.at("/relations/0/predicate").asText());
        assertEquals("2020-01-02", written.at("/relations/0/date").asText());
        assertFalse(written.at("/relations/0").has("location"), "a null location is left out");
        assertEquals("It happened.", written.at("/relations/0/evidence").asText());
    }

    @Test
    void aDirectoryArgumentStandsForItsArticleFiles(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.md"), "# Title\n\nInes visited.");
        Files.writeString(dir.resolve("notes.csv"), "not,an,article");
        Path out = dir.resolve("out");
        int code = new ExtractCommand(() -> pipeline, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream())).run(List.of("--out", out.toString(), dir.toString()));
        assertEquals(0, code);
        assertTrue(Files.exists(out.resolve("a.json")));
        assertEquals(1, seen.size());
        assertEquals("Title", seen.get(0).title());
    }

    @Test
    void missingArgumentsAreAUsageError() throws Exception {
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        ExtractCommand command = new ExtractCommand(() -> pipeline, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        assertEquals(2, command.run(List.of("file.txt")));
        assertTrue(stderr.toString(StandardCharsets.UTF_8).contains("usage"));
    }
}
