package io.newsgraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsgraph.core.Extractor;
import io.newsgraph.core.model.Article;
import io.newsgraph.core.model.Entity;
import io.newsgraph.core.model.Extraction;
import io.newsgraph.core.model.Relation;
import io.newsgraph.core.read.ArticleReader;
import io.newsgraph.core.read.UnreadableArticleException;
import io.newsgraph.storage.ArticleRecord;
import io.newsgraph.storage.GraphStore;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 4, "Bad input": 1,000 generated documents (random bytes, random Unicode, word salad with capitalised
 * words and news verbs, broken HTML, odd JSON, Markdown) through the reader and the extractor: the only
 * exception allowed is a rejection with a reason code, and every extraction is well formed. A sample also
 * goes through the handler against the emulators, each ending with a recorded row.
 */
class RandomDocumentsTest {
    static final int DOCUMENTS = 1_000;
    static final int THROUGH_HANDLER = 40;
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");

    private static final String[] NAMES = {"Orvania", "Quellia", "Talia", "Brenn", "Ado", "Marsk", "Ventora", "Kessa",
            "Lunor", "Dastrova", "Hollis", "Ferrant", "United", "Nations", "Council", "Army", "Ministry", "President",
            "Minister", "General", "Bank", "Republic", "North", "South", "River", "Mount", "St.", "Dr.", "Mr.", "Ms."};
    private static final String[] WORDS = {"met", "visited", "attacked", "criticized", "praised", "signed", "an",
            "agreement", "with", "in", "on", "Tuesday", "the", "of", "and", "said", "told", "reporters", "troops",
            "withdrew", "from", "arrested", "killed", "sanctions", "against", "talks", "yesterday", "2026", "March",
            "3", "who", "he", "she", "they", "it", "'s", "\"", "(", ")", ",", ";", ":", "-", "—", "…"};
    private static final String[] SCRIPTS = {"Ωμέγα", "Москва", "北京", "القاهرة", "תל אביב", "Zürich", "Ça", "🚀",
            "e\u0301", "\u200b", "\u202e", "\u0000", "\t", "\r\n", "\ufeff", "\ud83d\ude00"};

    @Test
    void thousandGeneratedDocumentsNeverCrashTheReaderOrExtractorAndOutputIsValid() {
        Extractor extractor = Emulators.extractor();
        ArticleReader reader = new ArticleReader();
        Random random = new Random(20261128);
        int read = 0;
        int rejected = 0;
        int relations = 0;
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            Generated doc = generate(random, i);
            Article article;
            try {
                article = reader.read(doc.bytes(), doc.name(), doc.contentType());
            } catch (UnreadableArticleException e) {
                rejected++;
                if (e.reason() == null || e.getMessage() == null || e.getMessage().isBlank()) {
                    problems.add(doc.name() + ": rejection without reason or message");
                }
                continue;
            } catch (RuntimeException | StackOverflowError e) {
                problems.add(doc.name() + ": reader threw " + e);
                continue;
            }
            read++;
            try {
                Extraction extraction = extractor.extract(article);
                relations += extraction.relations().size();
                problems.addAll(validate(doc.name(), extraction));
            } catch (RuntimeException | StackOverflowError e) {
                problems.add(doc.name() + ": extractor threw " + e);
            }
        }
        Figures.record("RandomDocumentsTest", "documents generated", DOCUMENTS);
        Figures.record("RandomDocumentsTest", "read and extracted", read);
        Figures.record("RandomDocumentsTest", "rejected with a reason", rejected);
        Figures.record("RandomDocumentsTest", "relations extracted", relations);
        Figures.record("RandomDocumentsTest", "exceptions or invalid outputs", problems.size());
        assertEquals(List.of(), problems.subList(0, Math.min(20, problems.size())));
        assertTrue(read > DOCUMENTS / 3, "most generated documents are text: " + read);
    }

    @Test
    void generatedDocumentsThroughTheHandlerEachEndWithARecordedRow() {
        try (Emulators aws = Emulators.inMemory()) {
            String table = aws.newTable();
            String bucket = aws.newBucket();
            IngestHandler handler = aws.handler(table);
            GraphStore store = new GraphStore(aws.dynamo, table);
            Random random = new Random(7);
            for (int i = 0; i < THROUGH_HANDLER; i++) {
                Generated doc = generate(random, i);
                aws.put(bucket, doc.name(), doc.bytes(), doc.contentType());
                IngestSummary summary = handler.handleRequest(
                        TestEvents.put(bucket, doc.name(), doc.bytes().length, TestEvents.sequencer(i + 1)), null);
                assertEquals(1, summary.articles().size());
                ArticleRecord record = store.findArticle(GraphStore.articleId(bucket, doc.name()))
                        .orElseThrow(() -> new AssertionError("no row for " + doc.name()));
                assertEquals(summary.articles().get(0).status().name(), record.status().name(), doc.name());
            }
            Figures.record("RandomDocumentsTest", "generated documents through the handler", THROUGH_HANDLER);
        }
    }

    /** Well-formedness of one extraction (model invariants the storage and API rely on). */
    static List<String> validate(String doc, Extraction extraction) {
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> actors = new HashSet<>();
        for (Entity entity : extraction.entities()) {
            if (entity.name().isBlank()) {
                problems.add(doc + ": blank entity name");
            }
            if (entity.aliases().stream().anyMatch(a -> a == null || a.isBlank())) {
                problems.add(doc + ": blank alias of " + entity.name());
            }
            names.add(entity.name());
            if (entity.type().isActor()) {
                actors.add(entity.name());
            }
        }
        for (Relation relation : extraction.relations()) {
            if (!actors.contains(relation.subject())) {
                problems.add(doc + ": subject is not an extracted actor: " + relation.subject());
            }
            if (!names.contains(relation.object())) {
                problems.add(doc + ": object is not an extracted entity: " + relation.object());
            }
            if (relation.location() != null && !names.contains(relation.location())) {
                problems.add(doc + ": location is not an extracted entity: " + relation.location());
            }
            if (relation.date() != null && !validDate(relation.date())) {
                problems.add(doc + ": date is not ISO-8601: " + relation.date());
            }
        }
        return problems;
    }

    private static boolean validDate(String date) {
        if (!ISO_DATE.matcher(date).matches()) {
            return false;
        }
        try {
            if (date.length() == 10) {
                LocalDate.parse(date);
            } else if (date.length() == 7) {
                LocalDate.parse(date + "-01");
            }
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    record Generated(String name, byte[] bytes, String contentType) {
    }

    static Generated generate(Random random, int i) {
        return switch (random.nextInt(7)) {
            case 0 -> new Generated("doc-" + i + ".bin", BadInputTest.randomBytes(random.nextInt(3000), random.nextLong()),
                    "application/octet-stream");
            case 1 -> text(i, unicodeSoup(random), ".txt", "text/plain");
            case 2 -> text(i, wordSalad(random), ".txt", "text/plain");
            case 3 -> text(i, html(random), ".html", "text/html");
            case 4 -> text(i, json(random), ".json", "application/json");
            case 5 -> text(i, "# " + wordSalad(random) + "\n\n* " + wordSalad(random) + "\n\n> " + wordSalad(random),
                    ".md", "text/markdown");
            default -> new Generated("doc-" + i + ".txt", wordSalad(random).getBytes(
                    random.nextBoolean() ? StandardCharsets.UTF_16 : StandardCharsets.ISO_8859_1), null);
        };
    }

    private static Generated text(int i, String text, String extension, String contentType) {
        return new Generated("doc-" + i + extension, text.getBytes(StandardCharsets.UTF_8), contentType);
    }

    static String wordSalad(Random random) {
        StringBuilder b = new StringBuilder();
        int words = random.nextInt(250);
        for (int w = 0; w < words; w++) {
            String word = random.nextInt(3) == 0 ? NAMES[random.nextInt(NAMES.length)] : WORDS[random.nextInt(WORDS.length)];
            b.append(word).append(random.nextInt(15) == 0 ? ". " : " ");
            if (random.nextInt(60) == 0) {
                b.append('\n');
            }
        }
        return b.toString();
    }

    private static String unicodeSoup(Random random) {
        StringBuilder b = new StringBuilder();
        int parts = random.nextInt(200);
        for (int p = 0; p < parts; p++) {
            switch (random.nextInt(3)) {
                case 0 -> b.append(SCRIPTS[random.nextInt(SCRIPTS.length)]);
                case 1 -> b.appendCodePoint(random.nextInt(0x2FFFF));
                default -> b.append(NAMES[random.nextInt(NAMES.length)]);
            }
            b.append(random.nextBoolean() ? " " : "");
        }
        return b.toString().replaceAll("[\\ud800-\\udfff]", "?");
    }

    private static String html(Random random) {
        String[] tags = {"p", "div", "script", "style", "a", "span", "h1", "title", "article", "noscript", "br", "td"};
        StringBuilder b = new StringBuilder(random.nextBoolean() ? "<!doctype html><html><body>" : "");
        int parts = random.nextInt(40);
        for (int p = 0; p < parts; p++) {
            String tag = tags[random.nextInt(tags.length)];
            b.append('<').append(tag).append(random.nextBoolean() ? " class=\"x\">" : ">")
                    .append(wordSalad(random), 0, 0).append(random.nextInt(4) == 0 ? "<![CDATA[" : "")
                    .append(random.nextBoolean() ? wordSalad(random) : "&amp;&#x41;&bogus;");
            if (random.nextBoolean()) {
                b.append("</").append(tag).append('>');
            }
        }
        return b.toString();
    }

    private static String json(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> "{\"title\": " + BadInputTest.quote(wordSalad(random)) + ", \"body\": "
                    + BadInputTest.quote(wordSalad(random)) + ", \"date\": \"" + (random.nextBoolean() ? "2026-02-30" : "yesterday")
                    + "\", \"url\": 42}";
            case 1 -> "{\"body\": " + random.nextInt() + ", \"title\": null}";
            case 2 -> "[" + BadInputTest.quote(wordSalad(random)) + "]";
            case 3 -> "{\"body\": {\"nested\": " + BadInputTest.quote(wordSalad(random)) + "}}";
            default -> "{\"title\": \"x\", \"body\": " + BadInputTest.quote(wordSalad(random)).substring(0, 1 + random.nextInt(3));
        };
    }
}
