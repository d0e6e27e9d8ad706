package io.newsgraph.ingest;

import static io.newsgraph.ingest.DeliveryIntegrityTest.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import io.newsgraph.emulators.DynamoDbEmulator;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4, "Events and writes": throttling and UnprocessedItems are retried with backoff up to a bound and then
 * fail the invocation (so Lambda retries it and finally sends it to the on-failure destination); a DynamoDB
 * crash part-way through an ingest, followed by a restart and a re-delivery, ends in the table a clean ingest
 * gives. The DynamoDB emulator persists to disk here, so the crash is a real kill -9 of the server.
 */
class WriteFailureTest {
    /** Long enough to need several 25-item BatchWriteItem calls. */
    static final String STORY = BadInputTest.STORY + DeliveryIntegrityTest.OTHER_STORY
            + "Ventoran police arrested two Kessan protesters in Lunor on Monday. The Dastrovan army withdrew from"
            + " Kessa after talks with Orvania. Hollis Ferrant threatened Quellish leaders with sanctions.\n";

    @TempDir
    static Path dataDir;

    private static Emulators aws;
    private static int redelivered;
    private static int faults;

    @BeforeAll
    static void start() {
        aws = Emulators.with(DynamoDbEmulator.persistent(dataDir.resolve("dynalite"), 0));
    }

    @AfterAll
    static void stop() {
        Figures.record("WriteFailureTest", "events re-delivered", redelivered);
        Figures.record("WriteFailureTest", "faults injected", faults);
        aws.close();
    }

    private record Scenario(String bucket, String key, S3Event event, TableSnapshot clean, int cleanBatches) {
    }

    /** Uploads the story and measures a clean ingest of it (table contents and BatchWriteItem calls). */
    private static Scenario scenario(String key) {
        String bucket = aws.newBucket();
        aws.put(bucket, key, bytes(STORY), "text/plain");
        S3Event event = TestEvents.put(bucket, key, bytes(STORY).length, TestEvents.sequencer(1));
        String cleanTable = aws.newTable();
        FaultyDynamoDb counting = new FaultyDynamoDb(aws.dynamo);
        assertEquals(1, aws.handler(aws.s3, counting, cleanTable, IngestConfig.DEFAULT_MAX_OBJECT_BYTES)
                .handleRequest(event, null).ingested());
        return new Scenario(bucket, key, event, TableSnapshot.scan(aws.dynamo, cleanTable),
                counting.batchWriteCalls.get());
    }

    private static IngestHandler handler(FaultyDynamoDb dynamo, String table) {
        return aws.handler(aws.s3, dynamo, table, IngestConfig.DEFAULT_MAX_OBJECT_BYTES);
    }

    private static void assertSameTable(String test, TableSnapshot expected, TableSnapshot actual) {
        int lost = actual.rowsLostComparedTo(expected);
        int extra = actual.rowsExtraComparedTo(expected);
        Figures.record(test, "rows lost", lost);
        Figures.record(test, "rows duplicated or left over", extra);
        assertEquals(expected.items(), actual.items());
    }

    @Test
    void throttledBatchWritesAreRetriedAndTheIngestCompletes() {
        Scenario s = scenario("throttled.txt");
        String table = aws.newTable();
        FaultyDynamoDb dynamo = new FaultyDynamoDb(aws.dynamo).throttle(3);
        assertEquals(1, handler(dynamo, table).handleRequest(s.event(), null).ingested());
        assertEquals(3, dynamo.faultsInjected.get());
        faults += dynamo.faultsInjected.get();
        assertSameTable("throttledBatchWritesAreRetried", s.clean(), TableSnapshot.scan(aws.dynamo, table));
    }

    @Test
    void unprocessedItemsAreRetriedAndTheIngestCompletes() {
        Scenario s = scenario("unprocessed.txt");
        String table = aws.newTable();
        FaultyDynamoDb dynamo = new FaultyDynamoDb(aws.dynamo).partiallyProcess(4);
        assertEquals(1, handler(dynamo, table).handleRequest(s.event(), null).ingested());
        assertTrue(dynamo.faultsInjected.get() > 0);
        faults += dynamo.faultsInjected.get();
        assertSameTable("unprocessedItemsAreRetried", s.clean(), TableSnapshot.scan(aws.dynamo, table));
    }

    @Test
    void persistentThrottlingFailsTheInvocationAfterBoundedRetriesAndARedeliveryCompletesIt() {
        Scenario s = scenario("always-throttled.txt");
        String table = aws.newTable();
        FaultyDynamoDb dynamo = new FaultyDynamoDb(aws.dynamo).throttleForever();
        IngestHandler handler = handler(dynamo, table);
        RuntimeException failure = assertThrows(RuntimeException.class, () -> handler.handleRequest(s.event(), null));
        int attempts = dynamo.batchWriteCalls.get();
        faults += dynamo.faultsInjected.get();
        Figures.record("persistentThrottling", "BatchWriteItem attempts before failing", attempts);
        Figures.record("persistentThrottling", "thrown", failure.getClass().getSimpleName());
        assertTrue(attempts > 1 && attempts <= 20, "retried, but boundedly: " + attempts);
        // Lambda retries the event once throttling stops
        dynamo.heal();
        redelivered++;
        assertEquals(1, handler.handleRequest(s.event(), null).ingested());
        assertSameTable("persistentThrottling then re-delivery", s.clean(), TableSnapshot.scan(aws.dynamo, table));
    }

    @Test
    void unprocessedItemsForeverFailTheInvocationAfterBoundedRetriesAndARedeliveryCompletesIt() {
        Scenario s = scenario("never-processed.txt");
        String table = aws.newTable();
        FaultyDynamoDb dynamo = new FaultyDynamoDb(aws.dynamo).processNothing();
        IngestHandler handler = handler(dynamo, table);
        RuntimeException failure = assertThrows(RuntimeException.class, () -> handler.handleRequest(s.event(), null));
        int attempts = dynamo.batchWriteCalls.get();
        faults += dynamo.faultsInjected.get();
        Figures.record("unprocessedForever", "BatchWriteItem attempts before failing", attempts);
        Figures.record("unprocessedForever", "thrown", failure.getClass().getSimpleName());
        assertTrue(attempts > 1 && attempts <= 20, "retried, but boundedly: " + attempts);
        dynamo.heal();
        redelivered++;
        assertEquals(1, handler.handleRequest(s.event(), null).ingested());
        assertSameTable("unprocessedForever then re-delivery", s.clean(), TableSnapshot.scan(aws.dynamo, table));
    }

    @Test
    void rowsDynamoDbRefusesAreRecordedAsARejectionNotRetriedForever() {
        Scenario s = scenario("refused.txt");
        String table = aws.newTable();
        FaultyDynamoDb dynamo = new FaultyDynamoDb(aws.dynamo).refuseItems(1);
        IngestSummary summary = handler(dynamo, table).handleRequest(s.event(), null);
        faults += dynamo.faultsInjected.get();
        assertEquals(1, summary.rejected());
        var record = new io.newsgraph.storage.GraphStore(aws.dynamo, table)
                .findArticle(io.newsgraph.storage.GraphStore.articleId(s.bucket(), s.key())).orElseThrow();
        assertEquals(io.newsgraph.storage.ArticleStatus.REJECTED, record.status());
        assertEquals(IngestService.WRITE_REJECTED, record.reasonCode());
        TableSnapshot after = TableSnapshot.scan(aws.dynamo, table);
        assertEquals(1, after.size(), () -> "only the article's status row: " + after.items().keySet());
    }

    @Test
    void transientS3FailureThrowsSoLambdaRetriesAndNothingIsRecorded() {
        Scenario s = scenario("s3-unavailable.txt");
        String table = aws.newTable();
        software.amazon.awssdk.services.s3.S3Client unavailable = new software.amazon.awssdk.services.s3.S3Client() {
            @Override
            public <ReturnT> ReturnT getObject(software.amazon.awssdk.services.s3.model.GetObjectRequest request,
                    software.amazon.awssdk.core.sync.ResponseTransformer<
                            software.amazon.awssdk.services.s3.model.GetObjectResponse, ReturnT> transformer) {
                throw (software.amazon.awssdk.services.s3.model.S3Exception)
                        software.amazon.awssdk.services.s3.model.S3Exception.builder().statusCode(503)
                                .awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                                        .errorCode("SlowDown").errorMessage("Please reduce your request rate.")
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
        IngestHandler failing = aws.handler(unavailable, aws.dynamo, table, IngestConfig.DEFAULT_MAX_OBJECT_BYTES);
        assertThrows(software.amazon.awssdk.services.s3.model.S3Exception.class,
                () -> failing.handleRequest(s.event(), null));
        faults++;
        assertEquals(0, TableSnapshot.scan(aws.dynamo, table).size(), "nothing recorded for a transient failure");
        redelivered++;
        assertEquals(1, aws.handler(table).handleRequest(s.event(), null).ingested());
        assertSameTable("transientS3Failure then re-delivery", s.clean(), TableSnapshot.scan(aws.dynamo, table));
    }

    @Test
    void dynamoKilledPartWayThroughAnIngestThenRestartedAndRedeliveredEqualsACleanIngest() {
        Scenario s = scenario("crash.txt");
        assertTrue(s.cleanBatches() >= 2, "the story needs several batches: " + s.cleanBatches());
        String table = aws.newTable();
        DynamoDbEmulator emulator = aws.dynamoEmulator;
        int killAfter = Math.max(1, s.cleanBatches() / 2);
        FaultyDynamoDb dynamo = new FaultyDynamoDb(aws.dynamo).after(killAfter, emulator::kill);
        IngestHandler handler = handler(dynamo, table);
        RuntimeException crash = assertThrows(RuntimeException.class, () -> handler.handleRequest(s.event(), null));
        Figures.record("dynamoKilledPartWay", "batches written before the kill", killAfter + " of " + s.cleanBatches());
        Figures.record("dynamoKilledPartWay", "thrown", crash.getClass().getSimpleName());
        faults++;

        emulator.start(); // same port and data directory: what was written before the kill is still there
        TableSnapshot partial = TableSnapshot.scan(aws.dynamo, table);
        Figures.record("dynamoKilledPartWay", "rows on disk after the crash", partial.size() + " of " + s.clean().size());
        assertTrue(partial.size() > 0 && !partial.items().equals(s.clean().items()), "the crash left a partial write");

        redelivered++;
        assertEquals(1, handler.handleRequest(s.event(), null).ingested());
        assertSameTable("dynamoKilledPartWay then re-delivery", s.clean(), TableSnapshot.scan(aws.dynamo, table));
    }
}
