package io.newsgraph.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsgraph.core.model.Entity;
import io.newsgraph.core.model.EntityType;
import io.newsgraph.core.model.Extraction;
import io.newsgraph.core.model.Predicate;
import io.newsgraph.core.model.Relation;
import io.newsgraph.emulators.AwsClients;
import io.newsgraph.emulators.DynamoDbEmulator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The database process dies part-way through replacing an article (dynalite persisting to disk, killed
 * like a crash), is restarted, and the event is delivered again: the table equals a clean ingest.
 */
class EmulatorCrashTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T10:00:00Z"), ZoneOffset.UTC);
    private static final RetryPolicy FAST = new RetryPolicy(3, 1, 4, millis -> { });

    private static Extraction extraction(String family, int size) {
        List<Entity> entities = new ArrayList<>();
        List<Relation> relations = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            entities.add(new Entity(family + " Orvell" + i, EntityType.PERSON, List.of("Orvell" + i)));
        }
        for (int i = 0; i + 1 < size; i++) {
            relations.add(new Relation(family + " Orvell" + i, Predicate.SUPPORT, family + " Orvell" + (i + 1),
                    null, "2025-02-" + String.format("%02d", 1 + i % 28), "Evidence " + i + "."));
        }
        return new Extraction(entities, relations);
    }

    @Test
    void killedMidWriteThenRestartedAndRedeliveredEqualsACleanIngest(@TempDir Path data) {
        try (DynamoDbEmulator emulator = DynamoDbEmulator.persistent(data, 0).start()) {
            DynamoDbClient client = AwsClients.dynamoDb(emulator.endpoint());
            GraphTable.ensureTable(client, "crash-table");
            GraphTable.ensureTable(client, "clean-table");
            GraphStore store = new GraphStore(client, "crash-table", FAST, CLOCK);
            store.saveArticle(Fixtures.source("a.txt", "01"), Fixtures.article("First", null), extraction("Ann", 30));

            FaultyDynamoDb dying = new FaultyDynamoDb(client);
            dying.hookAtBatch = 6;
            dying.hook = emulator::kill;
            GraphStore crashing = new GraphStore(dying, "crash-table", FAST, CLOCK);
            assertThrows(SdkException.class, () -> crashing.saveArticle(Fixtures.source("a.txt", "02"),
                    Fixtures.article("Second", null), extraction("Bea", 20)));
            assertTrue(dying.batchCalls.get() >= 6, "died part-way: " + dying.batchCalls.get());

            emulator.start();
            assertTrue(store.findArticle(GraphStore.articleId("articles", "a.txt")).orElseThrow().pending());
            assertTrue(store.saveArticle(Fixtures.source("a.txt", "02"), Fixtures.article("Second", null),
                    extraction("Bea", 20)).applied());

            new GraphStore(client, "clean-table", FAST, CLOCK).saveArticle(Fixtures.source("a.txt", "02"),
                    Fixtures.article("Second", null), extraction("Bea", 20));
            assertEquals(scan(client, "clean-table"), scan(client, "crash-table"));
        }
    }

    private static List<String> scan(DynamoDbClient client, String table) {
        List<String> items = new ArrayList<>();
        client.scanPaginator(b -> b.tableName(table)).items()
                .forEach(item -> items.add(new java.util.TreeMap<>(item).toString()));
        items.sort(null);
        return items;
    }
}
