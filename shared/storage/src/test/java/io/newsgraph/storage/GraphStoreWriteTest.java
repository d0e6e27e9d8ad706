package io.newsgraph.storage;

import static io.newsgraph.storage.Fixtures.article;
import static io.newsgraph.storage.Fixtures.person;
import static io.newsgraph.storage.Fixtures.relation;
import static io.newsgraph.storage.Fixtures.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsgraph.core.model.Entity;
import io.newsgraph.core.model.EntityType;
import io.newsgraph.core.model.Extraction;
import io.newsgraph.core.model.Predicate;
import io.newsgraph.core.model.Relation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class GraphStoreWriteTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T10:00:00Z"), ZoneOffset.UTC);
    private static final RetryPolicy FAST = new RetryPolicy(8, 1, 4, millis -> { });

    private final String table = Emulator.newTable();
    private final GraphStore store = new GraphStore(Emulator.client(), table, FAST, CLOCK);

    @Test
    void articleIdIsDeterministicUrlSafeAndDistinct() {
        String id = GraphStore.articleId("articles", "2025/jan news.txt");
        assertEquals(id, GraphStore.articleId("articles", "2025/jan news.txt"));
        assertTrue(id.matches("[0-9a-f]{32}"), id);
        assertFalse(id.equals(GraphStore.articleId("articles", "2025/jan news.txt ")));
        assertFalse(id.equals(GraphStore.articleId("other", "2025/jan news.txt")));
    }

    @Test
    void savesAnArticleAndReadsBackItsRecord() {
        WriteOutcome outcome = store.saveArticle(source("a.txt", "0A"), article("Summit", LocalDate.of(2025, 3, 16)),
                Fixtures.summit());
        assertTrue(outcome.applied());
        assertTrue(outcome.rowsWritten() > 10, outcome.toString());
        ArticleRecord record = store.findArticle(outcome.articleId()).orElseThrow();
        assertEquals(ArticleStatus.INGESTED, record.status());
        assertEquals("articles", record.bucket());
        assertEquals("a.txt", record.key());
        assertEquals("0A", record.sequencer());
        assertEquals("Summit", record.title());
        assertEquals(5, record.entityCount());
        assertEquals(4, record.relationCount());
        assertFalse(record.pending());
        assertTrue(store.findArticle("0".repeat(32)).isEmpty());
        assertTrue(store.findArticle("not an id").isEmpty());
    }

    @Test
    void sameSaveTenTimesLeavesTheTableOfOne() {
        store.saveArticle(source("a.txt", "0A"), article("Summit", null), Fixtures.summit());
        List<String> once = Emulator.scan(table);
        for (int i = 0; i < 9; i++) {
            store.saveArticle(source("a.txt", "0A"), article("Summit", null), Fixtures.summit());
        }
        assertEquals(once, Emulator.scan(table));
    }

    @Test
    void reuploadWithFewerEntitiesRemovesTheRowsThatAreGoneEverywhere() {
        store.saveArticle(source("a.txt", "01"), article("Summit", null), Fixtures.summit());
        String freshTable = Emulator.newTable();
        GraphStore fresh = new GraphStore(Emulator.client(), freshTable, FAST, CLOCK);
        Extraction smaller = new Extraction(List.of(person("Mara Velkov"), person("Tomas Rennick")),
                List.of(relation("Mara Velkov", Predicate.MEET, "Tomas Rennick", null, "2025-03-14")));

        WriteOutcome outcome = store.saveArticle(source("a.txt", "02"), article("Summit", null), smaller);
        fresh.saveArticle(source("a.txt", "02"), article("Summit", null), smaller);

        assertTrue(outcome.applied());
        assertTrue(outcome.rowsDeleted() > 10, outcome.toString());
        assertEquals(Emulator.scan(freshTable), Emulator.scan(table), "replaced == fresh ingest of the new version");
        String all = String.join("\n", Emulator.scan(table));
        assertFalse(all.contains("NAME#velkov"), "alias row gone");
        assertFalse(all.contains("Dunmore"), "organisation rows gone");
        assertFalse(all.contains("L#"), "location copies gone");
    }

    @Test
    void aReuploadIsResolvedAgainstOtherArticlesOnlyNeverItsOwnPreviousVersion() {
        // v1 calls her "Velkov"; v2 calls her "Mara Velkov" with the alias "Velkov": v2 must not inherit
        // v1's entity id through v1's own rows (it would differ from a clean ingest of v2)
        store.saveArticle(source("a.txt", "01"), article("One", null),
                new Extraction(List.of(person("Velkov")), List.of()));
        Extraction v2 = new Extraction(List.of(person("Mara Velkov", "Velkov")), List.of());
        store.saveArticle(source("a.txt", "02"), article("One", null), v2);
        String cleanTable = Emulator.newTable();
        new GraphStore(Emulator.client(), cleanTable, FAST, CLOCK).saveArticle(source("a.txt", "02"),
                article("One", null), v2);
        assertEquals(Emulator.scan(cleanTable), Emulator.scan(table));
        // another article still joins her across articles
        store.saveArticle(source("b.txt", "01"), article("Two", null),
                new Extraction(List.of(person("Velkov")), List.of()));
        assertEquals(1, new GraphQueries(Emulator.client(), table)
                .resolve("Velkov", java.util.EnumSet.of(EntityType.PERSON)).size());
    }

    @Test
    void olderSequencerNeverOverwritesNewer() {
        store.saveArticle(source("a.txt", "0062E9A1F3B1C5D3B2"), article("Newer", null), Fixtures.summit());
        List<String> newer = Emulator.scan(table);
        WriteOutcome stale = store.saveArticle(source("a.txt", "0062E9A1F3B1C5D3A9"), article("Older", null),
                new Extraction(List.of(person("Someone Else")), List.of()));
        assertFalse(stale.applied());
        assertEquals(0, stale.rowsWritten());
        assertEquals(newer, Emulator.scan(table));
        assertFalse(store.removeArticle(source("a.txt", "0062E9A1F3B1C5D3B1")).applied());
        assertEquals("Newer", store.findArticle(stale.articleId()).orElseThrow().title());
    }

    @Test
    void removeDeletesEveryRowAndLeavesATombstoneThatBlocksOlderCreates() {
        WriteOutcome saved = store.saveArticle(source("a.txt", "10"), article("Summit", null), Fixtures.summit());
        WriteOutcome removed = store.removeArticle(source("a.txt", "11"));
        assertTrue(removed.applied());
        List<Map<String, AttributeValue>> items = Emulator.items(table);
        assertEquals(1, items.size(), items.toString());
        ArticleRecord tombstone = store.findArticle(saved.articleId()).orElseThrow();
        assertEquals(ArticleStatus.REMOVED, tombstone.status());
        assertEquals("11", tombstone.sequencer());

        assertFalse(store.saveArticle(source("a.txt", "10"), article("Summit", null), Fixtures.summit()).applied());
        assertEquals(1, Emulator.items(table).size());
        assertTrue(store.saveArticle(source("a.txt", "12"), article("Back", null), Fixtures.summit()).applied());
        assertEquals(ArticleStatus.INGESTED, store.findArticle(saved.articleId()).orElseThrow().status());
    }

    @Test
    void removeOfAnUnknownArticleStillLeavesATombstone() {
        WriteOutcome removed = store.removeArticle(source("never.txt", "05"));
        assertTrue(removed.applied());
        assertEquals(ArticleStatus.REMOVED, store.findArticle(removed.articleId()).orElseThrow().status());
        assertFalse(store.saveArticle(source("never.txt", "04"), article("Late", null), Fixtures.summit()).applied());
    }

    @Test
    void rejectedReplacesAPreviousGraphAndRecordsTheReason() {
        store.saveArticle(source("a.txt", "01"), article("Summit", null), Fixtures.summit());
        WriteOutcome rejected = store.saveRejected(source("a.txt", "02"), "EMPTY", "the object is empty");
        assertTrue(rejected.applied());
        ArticleRecord record = store.findArticle(rejected.articleId()).orElseThrow();
        assertEquals(ArticleStatus.REJECTED, record.status());
        assertEquals("EMPTY", record.reasonCode());
        assertEquals("the object is empty", record.message());
        assertEquals(1, Emulator.items(table).size());
    }

    @Test
    void unprocessedItemsAndThrottlingAreRetriedUntilEverythingIsWritten() {
        FaultyDynamoDb faulty = new FaultyDynamoDb(Emulator.client());
        faulty.partialBatches = 5;
        faulty.throttledBatches = 2;
        List<Long> sleeps = new ArrayList<>();
        GraphStore flaky = new GraphStore(faulty, table, new RetryPolicy(8, 10, 200, sleeps::add), CLOCK);
        flaky.saveArticle(source("a.txt", "01"), article("Summit", null), Fixtures.summit());

        String cleanTable = Emulator.newTable();
        new GraphStore(Emulator.client(), cleanTable, FAST, CLOCK)
                .saveArticle(source("a.txt", "01"), article("Summit", null), Fixtures.summit());
        assertEquals(Emulator.scan(cleanTable), Emulator.scan(table));
        assertFalse(sleeps.isEmpty(), "backed off");
        assertTrue(sleeps.stream().allMatch(s -> s >= 0 && s <= 200), sleeps.toString());
    }

    @Test
    void persistentUnprocessedItemsFailTheWriteAfterTheBound() {
        FaultyDynamoDb faulty = new FaultyDynamoDb(Emulator.client());
        faulty.partialBatches = Integer.MAX_VALUE;
        List<Long> sleeps = new ArrayList<>();
        GraphStore flaky = new GraphStore(faulty, table, new RetryPolicy(4, 10, 100, sleeps::add), CLOCK);
        assertThrows(StorageRetriesExhaustedException.class,
                () -> flaky.saveArticle(source("a.txt", "01"), article("Summit", null), Fixtures.summit()));
        assertEquals(3, sleeps.size(), "three backoffs between four attempts");
    }

    @Test
    void persistentThrottlingFailsTheWriteAfterTheBound() {
        FaultyDynamoDb faulty = new FaultyDynamoDb(Emulator.client());
        faulty.throttledBatches = Integer.MAX_VALUE;
        GraphStore flaky = new GraphStore(faulty, table, new RetryPolicy(3, 1, 2, millis -> { }), CLOCK);
        StorageRetriesExhaustedException e = assertThrows(StorageRetriesExhaustedException.class,
                () -> flaky.saveArticle(source("a.txt", "01"), article("Summit", null), Fixtures.summit()));
        assertTrue(e.getCause().getMessage().contains("simulated throttling"));
        assertEquals(3, faulty.batchCalls.get());
    }

    @Test
    void crashPartWayThenRedeliveryConvergesToACleanIngest() {
        store.saveArticle(source("a.txt", "01"), article("First", null), Fixtures.summit());
        Extraction second = new Extraction(
                List.of(person("Mara Velkov", "Velkov"), person("Ilse Harrow"), Fixtures.country("Ostrelia")),
                List.of(relation("Ilse Harrow", Predicate.VISIT, "Ostrelia", null, "2025-04-01"),
                        relation("Velkov", Predicate.PRAISE, "Ilse Harrow", null, "2025-04-02")));
        for (int crashAfter = 0; crashAfter < 4; crashAfter++) {
            FaultyDynamoDb crashing = new FaultyDynamoDb(Emulator.client());
            crashing.crashAfterBatches = crashAfter;
            GraphStore dying = new GraphStore(crashing, table, FAST, CLOCK);
            assertThrows(IllegalStateException.class,
                    () -> dying.saveArticle(source("a.txt", "02"), article("Second", null), second));
        }
        assertTrue(store.findArticle(GraphStore.articleId("articles", "a.txt")).orElseThrow().pending());
        assertTrue(store.saveArticle(source("a.txt", "02"), article("Second", null), second).applied());

        String cleanTable = Emulator.newTable();
        new GraphStore(Emulator.client(), cleanTable, FAST, CLOCK)
                .saveArticle(source("a.txt", "02"), article("Second", null), second);
        assertEquals(Emulator.scan(cleanTable), Emulator.scan(table));
    }

    @Test
    void hugeExtractionsAreCappedAndEveryItemStaysSmall() {
        List<Entity> entities = new ArrayList<>();
        List<Relation> relations = new ArrayList<>();
        String longName = "Q".repeat(5_000);
        for (int i = 0; i < 600; i++) {
            entities.add(new Entity("Zorvan" + i + " Kell", EntityType.ORGANIZATION,
                    List.of("ZK" + i, longName + i)));
        }
        for (int i = 0; i < 550; i++) {
            relations.add(new Relation("Zorvan" + i + " Kell", Predicate.CRITICIZE, "Zorvan" + (i + 1) + " Kell",
                    null, "2025-01-01", "E".repeat(50_000)));
        }
        WriteOutcome outcome = store.saveArticle(source("big.txt", "01"), article("Big", null),
                new Extraction(entities, relations));
        assertTrue(outcome.applied());
        ArticleRecord record = store.findArticle(outcome.articleId()).orElseThrow();
        assertEquals(GraphStore.MAX_ENTITIES, record.entityCount());
        assertEquals(100, record.droppedEntities());
        assertEquals(GraphStore.MAX_RELATIONS, record.relationCount());
        assertEquals(50, record.droppedRelations());
        int largest = Emulator.items(table).stream().mapToInt(GraphStoreWriteTest::approximateSize).max().orElseThrow();
        assertTrue(largest < 10_000, "largest item " + largest + " bytes");
    }

    @Test
    void sequencersCompareAsNumbers() {
        assertTrue(Sequencers.compare("62E9A1F3B1C5D3A0", "62E9A1F3B1C5D3A1") < 0);
        // different lengths: the shorter is right-padded with zeros (S3's documented rule)
        assertTrue(Sequencers.compare("62E9A1F3B1C5D3A0", "62E9A1F3B1C5D3A0AB") < 0);
        assertTrue(Sequencers.compare("62E9A1F3B1C5D3A1", "62E9A1F3B1C5D3A0FF") > 0);
        assertEquals(0, Sequencers.compare("62E9A1F3B1C5D3A0", "62E9A1F3B1C5D3A000"));
        assertEquals(0, Sequencers.compare("0a", "0A"));
        assertTrue(Sequencers.compare(null, "01") < 0);
        assertEquals(Sequencers.sortable(null), Sequencers.sortable("xyz"), "malformed sorts lowest, never throws");
        assertEquals(Sequencers.sortable(null), Sequencers.sortable("1".repeat(65)));
    }

    @Test
    void namesNormaliseCaseAccentsAndPunctuation() {
        assertEquals("mara velkov", Names.normalise("  MARA   Velkov "));
        assertEquals("gomez", Names.normalise("Gómez"));
        assertEquals("us", Names.normalise("U.S."));
        assertEquals("saint cyr", Names.normalise("Saint-Cyr"));
        assertEquals("council", Names.normalise("the Council"));
        assertEquals("", Names.normalise("!!!"));
        assertEquals(Names.MAX_NAME_CHARS, Names.normalise("x".repeat(10_000)).length());
    }

    /** DynamoDB's item size: attribute names plus values, UTF-8 (lists and maps add a few bytes). */
    private static int approximateSize(Map<String, AttributeValue> item) {
        int size = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            size += e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8).length + valueSize(e.getValue());
        }
        return size;
    }

    private static int valueSize(AttributeValue value) {
        if (value.s() != null) {
            return value.s().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        if (value.n() != null) {
            return value.n().length();
        }
        if (value.hasL()) {
            return 3 + value.l().stream().mapToInt(v -> 1 + valueSize(v)).sum();
        }
        SdkBytes bytes = value.b();
        return bytes != null ? bytes.asByteArray().length : 1;
    }
}
