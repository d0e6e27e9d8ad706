package io.newsgraph.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.newsgraph.core.model.Article;
import io.newsgraph.core.model.ArticleFormat;
import io.newsgraph.core.model.Entity;
import io.newsgraph.core.model.EntityType;
import io.newsgraph.core.model.Extraction;
import io.newsgraph.core.model.Predicate;
import io.newsgraph.core.model.Relation;

class ExtractorTest {

    private static Extractor extractor;

    @BeforeAll
    static void load() {
        extractor = Extractor.loadDefault();
    }

    private static Extraction run(String title, String body) {
        return extractor.extract(new Article(title, body, LocalDate.of(2030, 3, 14), null, ArticleFormat.PLAIN_TEXT));
    }

    private static Optional<Entity> entity(Extraction x, String name) {
        return x.entities().stream().filter(e -> e.name().equals(name)).findFirst();
    }

    private static boolean has(Extraction x, String subject, Predicate p, String object) {
        return x.relations().stream().anyMatch(r -> r.subject().equals(subject) && r.predicate() == p
                && r.object().equals(object));
    }

    @Test
    void findsTypedEntitiesWithAliases() {
        Extraction x = run("Ministers meet in Lisbon",
                "Norwegian Prime Minister Ingrid Solberg-Haugen met with Chilean President Tomas Ferreyra in Lisbon. "
                        + "Solberg-Haugen later told reporters that Norway backs Chile.");
        Entity ingrid = entity(x, "Ingrid Solberg-Haugen").orElseThrow();
        assertEquals(EntityType.PERSON, ingrid.type());
        assertTrue(ingrid.aliases().contains("Solberg-Haugen"));
        Entity norway = entity(x, "Norway").orElseThrow();
        assertEquals(EntityType.COUNTRY, norway.type());
        assertTrue(norway.aliases().contains("Norwegian"));
        assertEquals(EntityType.LOCATION, entity(x, "Lisbon").orElseThrow().type());
        assertTrue(has(x, "Ingrid Solberg-Haugen", Predicate.HEAD_OF, "Norway"));
        assertTrue(has(x, "Tomas Ferreyra", Predicate.HEAD_OF, "Chile"));
        Relation meet = x.relations().stream().filter(r -> r.predicate() == Predicate.MEET).findFirst().orElseThrow();
        assertEquals("Lisbon", meet.location());
        assertEquals("Ingrid Solberg-Haugen", meet.subject());
        assertEquals("Tomas Ferreyra", meet.object());
    }

    @Test
    void outputIsAlwaysConsistent() {
        Extraction x = run("Talks", "The Zorvian Party's Ana Pereira-Lund spoke. She was arrested by Estonian police. "
                + "Estonia expelled Pereira-Lund on Tuesday.");
        Set<String> names = new HashSet<>();
        for (Entity e : x.entities()) {
            assertFalse(e.name().isBlank());
            assertTrue(names.add(e.name()), "duplicate entity " + e.name());
        }
        Set<String> triples = new HashSet<>();
        for (Relation r : x.relations()) {
            assertTrue(names.contains(r.subject()));
            assertTrue(names.contains(r.object()));
            if (r.location() != null) {
                assertTrue(names.contains(r.location()));
            }
            assertTrue(triples.add(r.subject() + r.predicate() + r.object()));
        }
    }

    @Test
    void neverThrowsOnOddInput() {
        assertNotNull(extractor.extract(null));
        assertNotNull(run(null, ""));
        assertNotNull(run("", "   \n\n\t "));
        assertNotNull(run(null, "\u0000\u0001\uFFFF\uD800 garbage \u00AD-- ''' ..."));
        StringBuilder caps = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            caps.append("Alpha Beta-Gamma al-Delta ");
        }
        assertNotNull(run(null, caps.toString()));
        assertNotNull(run(null, "x".repeat(100_000)));
    }

    @Test
    void neverThrowsOnRandomText() {
        java.util.Random random = new java.util.Random(42);
        String[] pieces = {"Al-", "al-", "bin ", "'s ", "U.S.", "(", ")", ",", ".", " ", "\n", "-", "\u2013", "President ",
            "Party ", "of ", "the ", "and ", "He ", "met ", "was ", "by ", "in ", "Paris ", "Maria ", "KCNA ", "1 – 0 ",
            "Monday ", "December 8, 2024 ", "\u00E9", "\uD83D\uDE00", "\"", "'", "Ministry ", "led ", "not ", "X. "};
        for (int n = 0; n < 300; n++) {
            StringBuilder b = new StringBuilder();
            int len = random.nextInt(80);
            for (int i = 0; i < len; i++) {
                b.append(random.nextInt(4) == 0 ? String.valueOf((char) random.nextInt(0x2FFF))
                        : pieces[random.nextInt(pieces.length)]);
            }
            Extraction x = run(random.nextBoolean() ? null : "Title", b.toString());
            Set<String> names = new HashSet<>();
            x.entities().forEach(e -> assertTrue(names.add(e.name()), "duplicate " + e.name()));
            for (Relation r : x.relations()) {
                assertTrue(names.contains(r.subject()) && names.contains(r.object()), r.toString());
            }
        }
    }

    @Test
    void oneSentenceEventRecordsKeepTheirNames() {
        Extraction x = run(null, "Danish Prime Minister Karen Holm and Peruvian President Luis Quispe met in Lima.");
        assertTrue(has(x, "Karen Holm", Predicate.MEET, "Luis Quispe") || has(x, "Luis Quispe", Predicate.MEET, "Karen Holm"),
                x.relations().toString());
        assertTrue(has(x, "Karen Holm", Predicate.HEAD_OF, "Denmark"));
        Extraction y = run(null, "Tarvo hosted Ilves in Tallinn.");
        assertTrue(has(y, "Tarvo", Predicate.MEET, "Ilves"), y.relations().toString());
        Extraction z = run(null, "Norway and Chile signed an agreement on fisheries.");
        assertTrue(has(z, "Norway", Predicate.AGREE, "Chile") || has(z, "Chile", Predicate.AGREE, "Norway"));
    }

    @Test
    void concurrentUseGivesTheSameResults() throws Exception {
        List<String> texts = List.of(
                "Danish Prime Minister Karen Holm met Peruvian President Luis Quispe in Lima on Monday.",
                "The Baltic Shipping Council (BSC) criticised Polish ports. The BSC later praised Lithuania.",
                "Militants led by Omar Diallo attacked Gao. Diallo was arrested by Malian police in Bamako.",
                "Quorvex Holdings chief executive Ines Carvalho visited Oslo. Carvalho met Norway's king.");
        List<Extraction> expected = new java.util.ArrayList<>();
        texts.forEach(t -> expected.add(run("News", t)));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> checks = new java.util.ArrayList<>();
            for (int round = 0; round < 20; round++) {
                for (int i = 0; i < texts.size(); i++) {
                    int k = i;
                    checks.add(pool.submit(() -> run("News", texts.get(k)).equals(expected.get(k))));
                }
            }
            for (java.util.concurrent.Future<Boolean> check : checks) {
                assertTrue(check.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void countsTokensThroughAnalyze() {
        int tokens = extractor.analyze(new Article("A title", "One two three.", null, null, ArticleFormat.PLAIN_TEXT))
                .tokenCount();
        assertEquals(6, tokens);
    }
}
