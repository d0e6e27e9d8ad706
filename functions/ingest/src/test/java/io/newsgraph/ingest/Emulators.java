package io.newsgraph.ingest;

import io.newsgraph.core.Extractor;
import io.newsgraph.core.read.ArticleReader;
import io.newsgraph.core.read.UnreadableArticleException;
import java.nio.charset.StandardCharsets;
import io.newsgraph.emulators.AwsClients;
import io.newsgraph.emulators.DynamoDbEmulator;
import io.newsgraph.emulators.S3Emulator;
import io.newsgraph.storage.GraphTable;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Real S3 (S3Proxy) and DynamoDB (dynalite) servers for one test class, plus the extraction pipeline,
 * loaded once per JVM because it is the expensive part.
 */
final class Emulators implements AutoCloseable {
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static Extractor extractor;

    final S3Emulator s3Emulator;
    final DynamoDbEmulator dynamoEmulator;
    final S3Client s3;
    final DynamoDbClient dynamo;

    private Emulators(S3Emulator s3Emulator, DynamoDbEmulator dynamoEmulator) {
        this.s3Emulator = s3Emulator;
        this.dynamoEmulator = dynamoEmulator;
        this.s3 = AwsClients.s3(s3Emulator.endpoint());
        this.dynamo = AwsClients.dynamoDb(dynamoEmulator.endpoint());
    }

    static Emulators inMemory() {
        return new Emulators(S3Emulator.inMemory().start(), DynamoDbEmulator.inMemory().start());
    }

    static Emulators with(DynamoDbEmulator dynamoEmulator) {
        return new Emulators(S3Emulator.inMemory().start(), dynamoEmulator.start());
    }

    static synchronized Extractor extractor() {
        if (extractor == null) {
            extractor = Extractor.loadDefault();
            warmUp(extractor);
        }
        return extractor;
    }

    /**
     * Reads and extracts one small document of each format once, so every reader and pipeline class is
     * loaded before the long tests start (a concurrent build may replace the upstream jar meanwhile).
     */
    private static void warmUp(Extractor extractor) {
        String story = "Orvania's minister Talia Brenn met Ado Marsk in Ventora on Tuesday.";
        String[][] documents = {
                {"w.md", "---\ntitle: Talks\ndate: 2026-11-03\n---\n# Talks\n\n*" + story + "*\n"},
                {"w.html", "<html><head><title>Talks</title><script>x()</script></head><body><p>" + story
                        + "</p></body></html>"},
                {"w.json", "{\"title\": \"Talks\", \"date\": \"2026-11-03\", \"body\": \"" + story + "\"}"},
                {"w.txt", story}};
        ArticleReader reader = new ArticleReader();
        for (String[] document : documents) {
            try {
                extractor.extract(reader.read(document[1].getBytes(StandardCharsets.UTF_8), document[0], null));
                reader.read(document[1].getBytes(StandardCharsets.UTF_16), document[0], null);
            } catch (UnreadableArticleException e) {
                throw new IllegalStateException("warm-up document unreadable: " + document[0], e);
            }
        }
        for (byte[] odd : new byte[][] {new byte[0], {(byte) 0x89, 'P', 'N', 'G', 0, 0}, "{\"title\": 1".getBytes(
                StandardCharsets.UTF_8)}) {
            try {
                reader.read(odd, "w.json", null);
            } catch (UnreadableArticleException expected) {
                // the rejection paths are loaded too
            }
        }
    }

    /** A fresh, empty graph table. */
    String newTable() {
        String table = "graph-" + TABLES.incrementAndGet();
        GraphTable.ensureTable(dynamo, table);
        return table;
    }

    String newBucket() {
        String bucket = "articles-" + TABLES.incrementAndGet();
        s3.createBucket(b -> b.bucket(bucket));
        return bucket;
    }

    void put(String bucket, String key, byte[] content, String contentType) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromBytes(content));
    }

    IngestHandler handler(String table) {
        return handler(s3, dynamo, table, IngestConfig.DEFAULT_MAX_OBJECT_BYTES);
    }

    IngestHandler handler(S3Client s3Client, DynamoDbClient dynamoClient, String table, long maxObjectBytes) {
        return new IngestHandler(s3Client, dynamoClient, new IngestConfig(table, maxObjectBytes), extractor());
    }

    @Override
    public void close() {
        s3.close();
        dynamo.close();
        s3Emulator.close();
        dynamoEmulator.close();
    }
}
