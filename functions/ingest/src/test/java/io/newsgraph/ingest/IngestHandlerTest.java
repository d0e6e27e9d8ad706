package io.newsgraph.ingest;

import static io.newsgraph.ingest.DeliveryIntegrityTest.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsgraph.core.read.ArticleReader;
import io.newsgraph.storage.ArticleRecord;
import io.newsgraph.storage.ArticleStatus;
import io.newsgraph.storage.GraphStore;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The handler end to end on the repository's own event files and sample article, against the emulators. */
class IngestHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SAMPLE_BUCKET = "newsgraph-articles";

    private static Emulators aws;

    @BeforeAll
    static void start() {
        aws = Emulators.inMemory();
        aws.s3.createBucket(b -> b.bucket(SAMPLE_BUCKET));
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    private static byte[] sampleArticle() throws Exception {
        return Files.readAllBytes(TestEvents.root().resolve("events/articles/seed-syria-russia.txt"));
    }

    @Test
    void putEventFileIngestsTheSampleArticleAndDeleteEventFileRemovesIt() throws Exception {
        String table = aws.newTable();
        aws.put(SAMPLE_BUCKET, "seed-syria-russia.txt", sampleArticle(), "text/plain");
        IngestHandler handler = aws.handler(table);

        IngestSummary put = handler.handleRequest(EventLoader.loadS3Event(
                TestEvents.eventFile("s3-put.json").toString()), null);
        assertEquals(1, put.ingested());
        ArticleResult result = put.articles().get(0);
        assertTrue(result.entities() > 0 && result.relations() > 0, result.toString());
        assertTrue(result.rowsWritten() > 0);
        GraphStore store = new GraphStore(aws.dynamo, table);
        ArticleRecord record = store.findArticle(GraphStore.articleId(SAMPLE_BUCKET, "seed-syria-russia.txt"))
                .orElseThrow();
        assertEquals(ArticleStatus.INGESTED, record.status());
        assertEquals(result.entities(), record.entityCount());
        assertEquals(result.relations(), record.relationCount());

        IngestSummary delete = handler.handleRequest(EventLoader.loadS3Event(
                TestEvents.eventFile("s3-delete.json").toString()), null);
        assertEquals(1, delete.removed());
        assertEquals(ArticleStatus.REMOVED, store.findArticle(record.articleId()).orElseThrow().status());
        assertEquals(1, TableSnapshot.scan(aws.dynamo, table).size(), "only the tombstone is left");
    }

    @Test
    void encodedKeyEventFileReadsTheObjectUnderItsDecodedKey() throws Exception {
        String table = aws.newTable();
        String decoded = "Jan 2024/naïve report + 50%.txt";
        aws.put(SAMPLE_BUCKET, decoded, sampleArticle(), "text/plain");
        IngestSummary summary = aws.handler(table).handleRequest(EventLoader.loadS3Event(
                TestEvents.eventFile("s3-put-encoded-key.json").toString()), null);
        assertEquals(1, summary.ingested(), summary.toString());
        assertEquals(decoded, summary.articles().get(0).key());
        assertEquals(decoded, new GraphStore(aws.dynamo, table)
                .findArticle(GraphStore.articleId(SAMPLE_BUCKET, decoded)).orElseThrow().key());
    }

    @Test
    void writesOneJsonLogLinePerArticleWithCountsAndNeverTheText() throws Exception {
        String table = aws.newTable();
        String bucket = aws.newBucket();
        aws.put(bucket, "logged.txt", sampleArticle(), "text/plain");
        aws.put(bucket, "logged-empty.txt", new byte[0], "text/plain");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IngestService service = new IngestService(aws.s3, new GraphStore(aws.dynamo, table), new ArticleReader()::read,
                Emulators.extractor()::extract, IngestConfig.DEFAULT_MAX_OBJECT_BYTES,
                new PrintStream(out, true, StandardCharsets.UTF_8));
        S3Event event = new S3Event(List.of(
                TestEvents.put(bucket, "logged.txt", sampleArticle().length, TestEvents.sequencer(1)).getRecords().get(0),
                TestEvents.put(bucket, "logged-empty.txt", 0, TestEvents.sequencer(2)).getRecords().get(0)));
        service.handle(event);

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(2, lines.size(), lines.toString());
        JsonNode ingested = JSON.readTree(lines.get(0));
        assertEquals("INFO", ingested.get("level").asText());
        assertEquals("article ingested", ingested.get("message").asText());
        assertEquals(GraphStore.articleId(bucket, "logged.txt"), ingested.get("articleId").asText());
        assertEquals("logged.txt", ingested.get("key").asText());
        assertEquals(bucket, ingested.get("bucket").asText());
        assertEquals("INGESTED", ingested.get("status").asText());
        for (String field : new String[] {"entities", "relations", "rowsWritten", "rowsDeleted", "millis"}) {
            assertTrue(ingested.get(field).isNumber(), field);
        }
        assertTrue(ingested.get("entities").asInt() > 0);
        JsonNode rejected = JSON.readTree(lines.get(1));
        assertEquals("article rejected", rejected.get("message").asText());
        assertEquals("EMPTY", rejected.get("reason").asText());
        assertEquals("WARN", rejected.get("level").asText());

        // no sentence of the article reaches the log
        String log = out.toString(StandardCharsets.UTF_8);
        for (String sentence : new String(sampleArticle(), StandardCharsets.UTF_8).split("[.\\n]")) {
            if (sentence.strip().length() > 30) {
                assertFalse(log.contains(sentence.strip()), "logged article text: " + sentence);
            }
        }
    }

    @Test
    void extractorFailingOnOneDocumentIsRecordedAndTheOthersStillIngest() {
        String table = aws.newTable();
        String bucket = aws.newBucket();
        aws.put(bucket, "poison.txt", bytes("Poison pill story about Orvania."), "text/plain");
        aws.put(bucket, "fine.txt", bytes(BadInputTest.STORY), "text/plain");
        GraphStore store = new GraphStore(aws.dynamo, table);
        IngestService service = new IngestService(aws.s3, store, new ArticleReader()::read, article -> {
            if (article.body().contains("Poison pill")) {
                throw new IllegalStateException("extractor bug: " + article.body());
            }
            return Emulators.extractor().extract(article);
        }, IngestConfig.DEFAULT_MAX_OBJECT_BYTES, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        IngestSummary summary = service.handle(new S3Event(List.of(
                TestEvents.put(bucket, "poison.txt", 32, TestEvents.sequencer(1)).getRecords().get(0),
                TestEvents.put(bucket, "fine.txt", bytes(BadInputTest.STORY).length, TestEvents.sequencer(2))
                        .getRecords().get(0))));
        assertEquals(1, summary.rejected());
        assertEquals(1, summary.ingested());
        ArticleRecord poison = store.findArticle(GraphStore.articleId(bucket, "poison.txt")).orElseThrow();
        assertEquals(ArticleStatus.REJECTED, poison.status());
        assertEquals(IngestService.EXTRACTION_FAILED, poison.reasonCode());
        assertTrue(poison.message().contains("IllegalStateException"), poison.message());
        assertFalse(poison.message().contains("Poison pill"), "the exception's text (article text) is not recorded");
    }

    /** S3 as the deployed role sees a deleted key: only s3:GetObject is granted, so S3 answers 403, not 404. */
    private static final S3Client DENYING_S3 = new S3Client() {
        @Override
        public <ReturnT> ReturnT getObject(GetObjectRequest request,
                                           ResponseTransformer<GetObjectResponse, ReturnT> transformer) {
            throw (S3Exception) S3Exception.builder().statusCode(403)
                    .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDenied").errorMessage("Access Denied")
                            .serviceName("S3").build())
                    .build();
        }

        @Override
        public String serviceName() {
            return "s3";
        }

        @Override
        public void close() {
        }
    };

    @Test
    void accessDeniedOnAKeyWhoseNewerRemovalIsStoredIsStaleAndOtherwiseThrowsForARetry() {
        String table = aws.newTable();
        String bucket = aws.newBucket();
        IngestHandler handler = aws.handler(DENYING_S3, aws.dynamo, table, IngestConfig.DEFAULT_MAX_OBJECT_BYTES);
        // nothing newer is known: the denial may be real (or the removal not yet delivered), so Lambda retries
        S3Event create = TestEvents.put(bucket, "denied.txt", 100, TestEvents.sequencer(5));
        assertThrows(S3Exception.class, () -> handler.handleRequest(create, null));
        // once the newer removal is applied, the late create has nothing left to do
        assertEquals(1, handler.handleRequest(TestEvents.delete(bucket, "denied.txt", TestEvents.sequencer(9)), null)
                .removed());
        IngestSummary late = handler.handleRequest(create, null);
        assertEquals(1, late.stale());
        assertEquals(IngestService.OBJECT_GONE, late.articles().get(0).reason());
    }

    @Test
    void readerFailingUnexpectedlyIsRecordedAsReadFailedNotRetried() {
        String table = aws.newTable();
        String bucket = aws.newBucket();
        aws.put(bucket, "unreadable.txt", bytes("Some words about Orvania."), "text/plain");
        GraphStore store = new GraphStore(aws.dynamo, table);
        IngestService service = new IngestService(aws.s3, store, (content, name, type) -> {
            throw new ArrayIndexOutOfBoundsException("reader bug at byte 7");
        }, Emulators.extractor()::extract, IngestConfig.DEFAULT_MAX_OBJECT_BYTES,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        IngestSummary summary = service.handle(TestEvents.put(bucket, "unreadable.txt", 25, TestEvents.sequencer(1)));
        assertEquals(1, summary.rejected());
        ArticleRecord record = store.findArticle(GraphStore.articleId(bucket, "unreadable.txt")).orElseThrow();
        assertEquals(IngestService.READ_FAILED, record.reasonCode());
        assertTrue(record.message().contains("ArrayIndexOutOfBoundsException"), record.message());
    }

    @Test
    void extractionRunningPastTheInvocationsTimeIsRecordedAsATimeoutNotRetried() throws Exception {
        String table = aws.newTable();
        String bucket = aws.newBucket();
        aws.put(bucket, "slow.txt", bytes(BadInputTest.STORY), "text/plain");
        GraphStore store = new GraphStore(aws.dynamo, table);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        IngestService service = new IngestService(aws.s3, store, new ArticleReader()::read, article -> {
            try {
                release.await(); // an extraction that never ends on its own (it waits, burning no CPU)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Emulators.extractor().extract(article);
        }, IngestConfig.DEFAULT_MAX_OBJECT_BYTES, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            // 1.5 s of extraction budget once the write reserve is kept back; a constant, not a wall-clock
            // deadline, so a slow S3 read on a loaded machine cannot eat the budget before extraction starts
            IngestSummary summary = service.handle(
                    TestEvents.put(bucket, "slow.txt", bytes(BadInputTest.STORY).length, TestEvents.sequencer(1)),
                    () -> IngestService.WRITE_RESERVE_MILLIS + 1_500);
            assertEquals(1, summary.rejected());
            ArticleRecord record = store.findArticle(GraphStore.articleId(bucket, "slow.txt")).orElseThrow();
            assertEquals(ArticleStatus.REJECTED, record.status());
            assertEquals(IngestService.EXTRACTION_TIMEOUT, record.reasonCode());
        } finally {
            release.countDown();
        }
    }

    @Test
    void handlerUsesTheLambdaContextsRemainingTimeAndRetriesWhenTooLittleIsLeft() {
        String table = aws.newTable();
        String bucket = aws.newBucket();
        aws.put(bucket, "late.txt", bytes(BadInputTest.STORY), "text/plain");
        S3Event event = TestEvents.put(bucket, "late.txt", bytes(BadInputTest.STORY).length, TestEvents.sequencer(1));
        IngestHandler handler = aws.handler(table);
        // less time left than the write reserve: the invocation fails so Lambda re-delivers the event
        assertThrows(IllegalStateException.class, () -> handler.handleRequest(event, new TestContext(5_000)));
        // with a normal Lambda budget the same event ingests
        assertEquals(1, handler.handleRequest(event, new TestContext(120_000)).ingested());
    }

    @Test
    void otherEventTypesAreSkipped() {
        String table = aws.newTable();
        String json = "{\"Records\":[{\"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\",\"awsRegion\":\"us-east-1\","
                + "\"eventTime\":\"2026-11-28T12:00:00.000Z\",\"eventName\":\"ObjectRestore:Completed\","
                + "\"s3\":{\"s3SchemaVersion\":\"1.0\",\"bucket\":{\"name\":\"b\",\"arn\":\"arn:aws:s3:::b\"},"
                + "\"object\":{\"key\":\"x.txt\",\"size\":3,\"sequencer\":\"0A\"}}}]}";
        IngestSummary summary = aws.handler(table).handleRequest(TestEvents.parse(json), null);
        assertEquals(1, summary.skipped());
        assertEquals(IngestService.UNHANDLED_EVENT, summary.articles().get(0).reason());
        assertEquals(0, TableSnapshot.scan(aws.dynamo, table).size());
    }

    @Test
    void emptyEventDoesNothing() {
        IngestSummary summary = aws.handler(aws.newTable()).handleRequest(new S3Event(List.of()), null);
        assertEquals(0, summary.articles().size());
    }
}
