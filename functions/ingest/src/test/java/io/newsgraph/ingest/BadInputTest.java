package io.newsgraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsgraph.storage.ArticleRecord;
import io.newsgraph.storage.ArticleStatus;
import io.newsgraph.storage.GraphStore;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 4, "Bad input": every awkward object ends with a recorded status and reason on the article's row and
 * the handler returning normally (so Lambda never retries a poison object).
 */
class BadInputTest {
    /** A small invented news paragraph (names made up for tests). */
    static final String STORY = "Orvania's foreign minister Talia Brenn met Quellish president Ado Marsk in Ventora"
            + " on Tuesday. Brenn criticized the Quellish army for the attack on the port of Kessa.\n"
            + "Marsk later visited Lunor, where he praised the United Nations for its aid.\n";

    /** The ingest function's Timeout in template.yaml. */
    static final long LAMBDA_TIMEOUT_MILLIS = 120_000;

    private static final AtomicInteger INPUTS_TRIED = new AtomicInteger();
    private static final AtomicInteger HANDLER_EXCEPTIONS = new AtomicInteger();
    private static Emulators aws;
    private static String table;
    private static String bucket;
    private static GraphStore store;

    @BeforeAll
    static void start() {
        aws = Emulators.inMemory();
        table = aws.newTable();
        bucket = aws.newBucket();
        store = new GraphStore(aws.dynamo, table);
    }

    @AfterAll
    static void stop() {
        Figures.record("BadInputTest", "inputs tried", INPUTS_TRIED.get());
        Figures.record("BadInputTest", "handler exceptions", HANDLER_EXCEPTIONS.get());
        aws.close();
    }

    /** Puts the object, delivers its ObjectCreated event, and returns the article's recorded row. */
    private static ArticleRecord ingest(String key, byte[] content, String contentType) {
        return ingest(aws.handler(table), key, content, contentType, content.length);
    }

    private static ArticleRecord ingest(IngestHandler handler, String key, byte[] content, String contentType,
                                        long eventSize) {
        INPUTS_TRIED.incrementAndGet();
        aws.put(bucket, key, content, contentType);
        IngestSummary summary;
        try {
            summary = handler.handleRequest(
                    TestEvents.put(bucket, key, eventSize, TestEvents.sequencer(INPUTS_TRIED.get())), null);
        } catch (RuntimeException | Error e) {
            HANDLER_EXCEPTIONS.incrementAndGet();
            throw e;
        }
        assertEquals(1, summary.articles().size());
        ArticleRecord record = store.findArticle(GraphStore.articleId(bucket, key)).orElseThrow(
                () -> new AssertionError("no row recorded for " + key));
        assertEquals(key, record.key());
        assertEquals(bucket, record.bucket());
        assertEquals(summary.articles().get(0).status().name(), record.status().name());
        return record;
    }

    private static void assertRejected(ArticleRecord record, String reason) {
        assertEquals(ArticleStatus.REJECTED, record.status(), () -> "status of " + record.key());
        assertEquals(reason, record.reasonCode(), () -> "reason of " + record.key());
        assertNotNull(record.message());
        assertTrue(!record.message().isBlank());
    }

    private static void assertIngested(ArticleRecord record) {
        assertEquals(ArticleStatus.INGESTED, record.status(),
                () -> record.key() + " was " + record.reasonCode() + ": " + record.message());
    }

    @Test
    void emptyObjectIsRejectedAsEmpty() {
        assertRejected(ingest("empty.txt", new byte[0], "text/plain"), "EMPTY");
    }

    @Test
    void whitespaceOnlyObjectIsRejected() {
        ArticleRecord record = ingest("blank.txt", " \n\t \r\n ".getBytes(StandardCharsets.US_ASCII), "text/plain");
        assertEquals(ArticleStatus.REJECTED, record.status());
        assertTrue(Set.of("EMPTY", "NO_TEXT").contains(record.reasonCode()), record.reasonCode());
    }

    @Test
    void objectOverTheSizeLimitIsRejectedWithoutReadingItsBody() {
        CountingS3Client s3 = new CountingS3Client(aws.s3);
        IngestHandler handler = aws.handler(s3, aws.dynamo, table, 1024);
        byte[] big = STORY.repeat(20).getBytes(StandardCharsets.UTF_8);
        ArticleRecord record = ingest(handler, "too-big.txt", big, "text/plain", big.length);
        assertRejected(record, "TOO_LARGE");
        assertEquals(0, s3.getObjectCalls.get(), "GetObject must not be called for an object the event says is too big");
        assertEquals(0, s3.bodyBytesRead.get());
    }

    @Test
    void objectLargerThanItsEventSaysIsRejectedOnItsContentLengthWithoutReadingItsBody() {
        CountingS3Client s3 = new CountingS3Client(aws.s3);
        IngestHandler handler = aws.handler(s3, aws.dynamo, table, 1024);
        byte[] big = STORY.repeat(20).getBytes(StandardCharsets.UTF_8);
        // the object was overwritten by a larger one after this (small) event was sent
        ArticleRecord record = ingest(handler, "grew-since-event.txt", big, "text/plain", 100);
        assertRejected(record, "TOO_LARGE");
        assertEquals(1, s3.getObjectCalls.get());
        assertEquals(0, s3.bodyBytesRead.get(), "the body must not be read once Content-Length is over the limit");
    }

    @Test
    void pdfIsRejectedAsBinary() {
        byte[] pdf = ("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                + "stream\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] content = concat(pdf, randomBytes(4096, 1), "\nendstream\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        assertRejected(ingest("report.pdf", content, "application/pdf"), "BINARY");
    }

    @Test
    void pngIsRejectedAsBinary() {
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                0, 0, 0, 16, 0, 0, 0, 16, 8, 6, 0, 0, 0};
        byte[] content = concat(header, randomBytes(2048, 2));
        // named .txt on purpose: the bytes, not the name, decide
        assertRejected(ingest("photo-named-as-text.txt", content, "text/plain"), "BINARY");
    }

    @Test
    void randomBytesAreRejected() {
        ArticleRecord record = ingest("random.bin", randomBytes(64 * 1024, 3), "application/octet-stream");
        assertEquals(ArticleStatus.REJECTED, record.status());
        assertTrue(Set.of("BINARY", "UNDECODABLE_TEXT").contains(record.reasonCode()), record.reasonCode());
    }

    @Test
    void invalidUtf8IsRecordedEitherDecodedOrRejectedAsUndecodable() {
        byte[] text = STORY.getBytes(StandardCharsets.UTF_8);
        // stray continuation bytes and a truncated sequence in the middle of otherwise valid UTF-8
        byte[] content = concat(text, new byte[] {(byte) 0x80, (byte) 0xBF, ' ', (byte) 0xE2, (byte) 0x82, ' '}, text);
        ArticleRecord record = ingest("invalid-utf8.txt", content, "text/plain; charset=utf-8");
        if (record.status() == ArticleStatus.REJECTED) {
            assertEquals("UNDECODABLE_TEXT", record.reasonCode());
        } else {
            assertIngested(record);
            assertTrue(record.entityCount() > 0, "the valid text around the bad bytes is still read");
        }
    }

    @Test
    void utf16WithByteOrderMarkIsDecoded() {
        byte[] content = STORY.getBytes(StandardCharsets.UTF_16); // Java writes a big-endian BOM
        ArticleRecord utf16be = ingest("utf16-be.txt", content, "text/plain");
        assertIngested(utf16be);
        byte[] le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, STORY.getBytes(StandardCharsets.UTF_16LE));
        ArticleRecord utf16le = ingest("utf16-le.txt", le, null);
        assertIngested(utf16le);
        ArticleRecord utf8 = ingest("utf8-reference.txt", STORY.getBytes(StandardCharsets.UTF_8), "text/plain");
        assertEquals(utf8.entityCount(), utf16be.entityCount());
        assertEquals(utf8.relationCount(), utf16le.relationCount());
        assertTrue(utf8.entityCount() > 0);
    }

    @Test
    void latin1IsDecoded() {
        String text = "Le ministre Élodie Varèse a rencontré à Montréal le président Çelik Dûrand.\n" + STORY;
        ArticleRecord record = ingest("latin1.txt", text.getBytes(StandardCharsets.ISO_8859_1), "text/plain");
        assertIngested(record);
        assertTrue(record.entityCount() > 0);
    }

    @Test
    void htmlFullOfScriptAndStyleKeepsOnlyTheVisibleText() {
        StringBuilder html = new StringBuilder("<!doctype html><html><head><title>Talks in Ventora</title>");
        for (int i = 0; i < 200; i++) {
            html.append("<style>.c").append(i).append("{color:red} body{font-family:Arial}</style>")
                    .append("<script>var Zarkon").append(i).append(" = 'Vextrel Holdings'; if (a < b) { go(); }</script>");
        }
        html.append("</head><body><nav><script>window.Grimbold = 'Pellaxa Group';</script></nav>");
        for (String paragraph : STORY.split("\n")) {
            html.append("<p>").append(paragraph).append("</p><script>track('Morrow Castell');</script>");
        }
        html.append("<noscript>Enable Javascript, Qorlin Mavers</noscript></body></html>");
        ArticleRecord record = ingest("script-heavy.html", html.toString().getBytes(StandardCharsets.UTF_8),
                "text/html; charset=utf-8");
        assertIngested(record);
        assertEquals("Talks in Ventora", record.title());
        ArticleRecord plain = ingest("script-heavy-reference.txt", STORY.getBytes(StandardCharsets.UTF_8), "text/plain");
        // the script and style text adds no entities: the HTML yields what its visible text yields
        assertTrue(record.entityCount() <= plain.entityCount() + 1,
                "html " + record.entityCount() + " entities vs plain " + plain.entityCount());
    }

    @Test
    void malformedJsonIsRejected() {
        byte[] content = "{\"title\": \"Talks\", \"body\": \"Orvania met Quellish officials".getBytes(StandardCharsets.UTF_8);
        assertRejected(ingest("broken.json", content, "application/json"), "MALFORMED_JSON");
    }

    @Test
    void jsonWithoutABodyIsRejectedAsNoText() {
        byte[] content = "{\"title\": \"Talks in Ventora\", \"date\": \"2026-11-03\", \"url\": \"https://example.org/a\"}"
                .getBytes(StandardCharsets.UTF_8);
        assertRejected(ingest("no-body.json", content, "application/json"), "NO_TEXT");
    }

    @Test
    void jsonArticleWithBodyIsIngested() {
        String json = "{\"title\": \"Talks in Ventora\", \"date\": \"2026-11-03\", \"url\": \"https://example.org/a\","
                + " \"body\": " + quote(STORY) + "}";
        ArticleRecord record = ingest("article.json", json.getBytes(StandardCharsets.UTF_8), "application/json");
        assertIngested(record);
        assertEquals("Talks in Ventora", record.title());
    }

    @Test
    void oneMegabyteLineWithNoPunctuationCompletes() {
        StringBuilder line = new StringBuilder(1 << 20);
        Random random = new Random(4);
        String[] words = {"alpha", "Bravo", "charlie", "Delta", "echo", "foxtrot", "Golf", "hotel", "India", "juliet"};
        while (line.length() < 1 << 20) {
            line.append(words[random.nextInt(words.length)]).append(' ');
        }
        long start = System.nanoTime();
        ArticleRecord record = ingest("one-long-line.txt", line.toString().getBytes(StandardCharsets.US_ASCII),
                "text/plain");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(record.status() == ArticleStatus.INGESTED || record.status() == ArticleStatus.REJECTED);
        Figures.record("BadInputTest", "one 1 MiB line without punctuation, millis", millis);
    }

    @Test
    void hundredThousandCapitalisedTokensStayUnderTheItemSizeLimit() {
        StringBuilder text = new StringBuilder();
        Random random = new Random(5);
        for (int i = 0; i < 100_000; i++) {
            text.append((char) ('A' + random.nextInt(26)))
                    .append(Long.toString(random.nextLong() & 0xFFFFFFL, 36))
                    .append(i % 12 == 11 ? ". " : " ");
        }
        long start = System.nanoTime();
        byte[] content = text.toString().getBytes(StandardCharsets.US_ASCII);
        INPUTS_TRIED.incrementAndGet();
        aws.put(bucket, "capitalised-tokens.txt", content, "text/plain");
        // as deployed: the Lambda context carries the template's 120 s timeout, which bounds extraction
        IngestSummary summary = aws.handler(table).handleRequest(TestEvents.put(bucket, "capitalised-tokens.txt",
                content.length, TestEvents.sequencer(INPUTS_TRIED.get())), new TestContext(LAMBDA_TIMEOUT_MILLIS));
        long millis = (System.nanoTime() - start) / 1_000_000;
        ArticleRecord record = store.findArticle(GraphStore.articleId(bucket, "capitalised-tokens.txt")).orElseThrow();
        assertEquals(summary.articles().get(0).status().name(), record.status().name());
        if (record.status() == ArticleStatus.REJECTED) {
            assertEquals(IngestService.EXTRACTION_TIMEOUT, record.reasonCode());
        } else {
            assertIngested(record);
        }
        Figures.record("BadInputTest", "100k capitalised tokens, outcome",
                record.status() + (record.reasonCode() == null ? "" : " " + record.reasonCode()));
        int largest = TableSnapshot.scan(aws.dynamo, table).largestItemBytes();
        assertTrue(largest < 400 * 1024, "largest item " + largest + " bytes");
        Figures.record("BadInputTest", "100k capitalised tokens, millis", millis);
        Figures.record("BadInputTest", "100k capitalised tokens, entities stored", record.entityCount());
        Figures.record("BadInputTest", "largest item bytes", largest);
    }

    @Test
    void keysWithSpacesPlusPercentAndNonAsciiAreDecoded() {
        List<String> keys = List.of("with space.txt", "a+b.txt", "100% sure.txt", "Jan 2024/naïve café.txt",
                "日本語 記事.txt", "emoji 🚀 + 50%/x%2By.md");
        List<String> failed = new ArrayList<>();
        for (String key : keys) {
            ArticleRecord record = ingest(key, STORY.getBytes(StandardCharsets.UTF_8), "text/plain");
            if (record.status() != ArticleStatus.INGESTED) {
                failed.add(key + " -> " + record.status() + " " + record.reasonCode());
            }
        }
        assertEquals(List.of(), failed);
    }

    @Test
    void objectDeletedBeforeItsEventIsHandledSkippedWithoutAnError() {
        String key = "gone-before-read.txt";
        INPUTS_TRIED.incrementAndGet();
        IngestSummary summary = aws.handler(table).handleRequest(
                TestEvents.put(bucket, key, 10, TestEvents.sequencer(1)), null);
        assertEquals(ArticleResult.Status.SKIPPED, summary.articles().get(0).status());
        assertEquals(IngestService.OBJECT_GONE, summary.articles().get(0).reason());
    }

    static byte[] randomBytes(int n, long seed) {
        byte[] bytes = new byte[n];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static String quote(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
