package io.newsgraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsgraph.core.model.EntityType;
import io.newsgraph.storage.ArticleRecord;
import io.newsgraph.storage.ArticleStatus;
import io.newsgraph.storage.GraphQueries;
import io.newsgraph.storage.GraphStore;
import io.newsgraph.storage.Keys;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 4, "Events and writes": at-least-once, out-of-order delivery and re-uploads leave the table exactly
 * as one clean ingest of the latest version would (full scans compared row by row).
 */
class DeliveryIntegrityTest {
    static final String STORY = BadInputTest.STORY;
    /** Fewer entities and relations than STORY: only its first sentence. */
    static final String SHORTER_STORY = "Orvania's foreign minister Talia Brenn met Quellish president Ado Marsk in"
            + " Ventora on Tuesday.\n";
    static final String OTHER_STORY = "Orvania's foreign minister Talia Brenn visited Dastrova on Friday and met"
            + " Dastrovan prime minister Hollis Ferrant. Ferrant praised Orvania for its aid to Dastrova.\n";

    private static Emulators aws;
    private static int redelivered;

    @BeforeAll
    static void start() {
        aws = Emulators.inMemory();
    }

    @AfterAll
    static void stop() {
        Figures.record("DeliveryIntegrityTest", "events re-delivered", redelivered);
        aws.close();
    }

    /** The table after a single, clean ingest of {@code text} as s3://bucket/key, in a fresh table. */
    static TableSnapshot cleanIngest(String bucket, String key, String text, long sequencer) {
        String table = aws.newTable();
        aws.put(bucket, key, bytes(text), "text/plain");
        IngestSummary summary = aws.handler(table).handleRequest(
                TestEvents.put(bucket, key, bytes(text).length, TestEvents.sequencer(sequencer)), null);
        assertEquals(1, summary.ingested());
        return TableSnapshot.scan(aws.dynamo, table);
    }

    private static IngestSummary deliver(IngestHandler handler, com.amazonaws.services.lambda.runtime.events.S3Event e) {
        return handler.handleRequest(e, null);
    }

    private static void assertSameTable(String test, TableSnapshot expected, TableSnapshot actual) {
        int lost = actual.rowsLostComparedTo(expected);
        int extra = actual.rowsExtraComparedTo(expected);
        Figures.record(test, "rows lost", lost);
        Figures.record(test, "rows duplicated or left over", extra);
        assertEquals(expected.items(), actual.items());
        assertEquals(0, lost);
        assertEquals(0, extra);
    }

    @Test
    void sameEventDeliveredTenTimesLeavesTheStateOfOneDelivery() {
        String bucket = aws.newBucket();
        String table = aws.newTable();
        String key = "ten-times.txt";
        IngestHandler handler = aws.handler(table);
        aws.put(bucket, key, bytes(STORY), "text/plain");
        var event = TestEvents.put(bucket, key, bytes(STORY).length, TestEvents.sequencer(1));
        IngestSummary first = deliver(handler, event);
        assertEquals(1, first.ingested());
        TableSnapshot once = TableSnapshot.scan(aws.dynamo, table);
        assertTrue(once.size() > 5, "the story yields graph rows: " + once.size());
        for (int i = 2; i <= 10; i++) {
            IngestSummary again = deliver(handler, event);
            assertEquals(1, again.articles().size());
            redelivered++;
        }
        assertSameTable("sameEventDeliveredTenTimes", once, TableSnapshot.scan(aws.dynamo, table));
        assertSameTable("sameEventDeliveredTenTimes vs clean", cleanIngest(bucket, key, STORY, 1),
                TableSnapshot.scan(aws.dynamo, table));
    }

    @Test
    void olderCreateEventArrivingLateNeverOverwritesTheNewerVersion() {
        String bucket = aws.newBucket();
        String table = aws.newTable();
        String key = "out-of-order.txt";
        IngestHandler handler = aws.handler(table);
        // v1 then v2 were uploaded; S3 holds v2; v2's event arrives first, v1's late
        aws.put(bucket, key, bytes(SHORTER_STORY), "text/plain");
        aws.put(bucket, key, bytes(STORY), "text/plain");
        assertEquals(1, deliver(handler, TestEvents.put(bucket, key, bytes(STORY).length, TestEvents.sequencer(20)))
                .ingested());
        IngestSummary late = deliver(handler,
                TestEvents.put(bucket, key, bytes(SHORTER_STORY).length, TestEvents.sequencer(10)));
        redelivered++;
        assertEquals(ArticleResult.Status.STALE, late.articles().get(0).status());
        ArticleRecord record = new GraphStore(aws.dynamo, table).findArticle(GraphStore.articleId(bucket, key)).orElseThrow();
        assertEquals(ArticleStatus.INGESTED, record.status());
        assertEquals(0, io.newsgraph.storage.Sequencers.compare(TestEvents.sequencer(20), record.sequencer()));
        assertSameTable("olderCreateEventArrivingLate", cleanIngest(bucket, key, STORY, 20),
                TableSnapshot.scan(aws.dynamo, table));
    }

    @Test
    void olderRemoveEventArrivingLateDoesNotRemoveTheRecreatedObject() {
        String bucket = aws.newBucket();
        String table = aws.newTable();
        String key = "deleted-then-recreated.txt";
        IngestHandler handler = aws.handler(table);
        aws.put(bucket, key, bytes(STORY), "text/plain");
        // the object was deleted (sequencer 30) and uploaded again (40); the events arrive in reverse
        assertEquals(1, deliver(handler, TestEvents.put(bucket, key, bytes(STORY).length, TestEvents.sequencer(40)))
                .ingested());
        IngestSummary lateRemove = deliver(handler, TestEvents.delete(bucket, key, TestEvents.sequencer(30)));
        redelivered++;
        assertEquals(ArticleResult.Status.STALE, lateRemove.articles().get(0).status());
        assertSameTable("olderRemoveEventArrivingLate", cleanIngest(bucket, key, STORY, 40),
                TableSnapshot.scan(aws.dynamo, table));
    }

    @Test
    void olderCreateEventArrivingAfterTheRemovalDoesNotResurrectTheArticle() {
        String bucket = aws.newBucket();
        String table = aws.newTable();
        String key = "removed-then-late-create.txt";
        IngestHandler handler = aws.handler(table);
        // the read of the late create event still finds the object (S3 is eventually consistent on listing
        // and the delete raced the read): only the sequencer can tell the removal is newer
        aws.put(bucket, key, bytes(STORY), "text/plain");
        assertEquals(1, deliver(handler, TestEvents.delete(bucket, key, TestEvents.sequencer(60))).removed());
        IngestSummary lateCreate = deliver(handler,
                TestEvents.put(bucket, key, bytes(STORY).length, TestEvents.sequencer(50)));
        redelivered++;
        assertEquals(ArticleResult.Status.STALE, lateCreate.articles().get(0).status());
        TableSnapshot table1 = TableSnapshot.scan(aws.dynamo, table);
        String id = GraphStore.articleId(bucket, key);
        assertEquals(1, table1.size(), () -> "only the removal's tombstone remains: " + table1.items().keySet());
        assertEquals(ArticleStatus.REMOVED,
                new GraphStore(aws.dynamo, table).findArticle(id).orElseThrow().status());
    }

    @Test
    void reuploadWithFewerEntitiesAndRelationsRemovesTheRowsThatAreGone() {
        String bucket = aws.newBucket();
        String table = aws.newTable();
        String key = "shrinking.txt";
        IngestHandler handler = aws.handler(table);
        aws.put(bucket, key, bytes(STORY), "text/plain");
        ArticleResult v1 = deliver(handler, TestEvents.put(bucket, key, bytes(STORY).length, TestEvents.sequencer(1)))
                .articles().get(0);
        TableSnapshot afterV1 = TableSnapshot.scan(aws.dynamo, table);
        aws.put(bucket, key, bytes(SHORTER_STORY), "text/plain");
        ArticleResult v2 = deliver(handler,
                TestEvents.put(bucket, key, bytes(SHORTER_STORY).length, TestEvents.sequencer(2))).articles().get(0);
        assertEquals(ArticleResult.Status.INGESTED, v2.status());
        assertTrue(v2.entities() < v1.entities(), v1.entities() + " -> " + v2.entities());
        assertTrue(v2.relations() < v1.relations(), v1.relations() + " -> " + v2.relations());
        assertTrue(v2.rowsDeleted() > 0, "rows of v1 that v2 lacks were deleted");
        TableSnapshot after = TableSnapshot.scan(aws.dynamo, table);

        // names (canonical and alias) and entity partitions only v1 had: none may keep a single row
        Set<String> gonePartitions = partitions(afterV1);
        gonePartitions.removeAll(partitions(after));
        assertTrue(gonePartitions.stream().anyMatch(p -> p.startsWith("S:NAME#")), "v1 had names v2 lacks");
        assertTrue(gonePartitions.stream().anyMatch(p -> p.startsWith("S:A#") || p.startsWith("S:L#")),
                "v1 had actors or locations v2 lacks");
        Figures.record("reuploadWithFewerEntities", "names, actor and location partitions gone", gonePartitions.size());

        // through the read side: every name and alias only v1 used stops resolving, every actor only v1 had is gone
        GraphQueries queries = new GraphQueries(aws.dynamo, table);
        Set<String> goneAliases = new TreeSet<>();
        for (String row : afterV1.items().keySet()) {
            String partition = row.substring(0, row.indexOf(" | "));
            if (gonePartitions.contains(partition) && partition.startsWith("S:NAME#")) {
                String norm = partition.substring("S:NAME#".length());
                assertEquals(List.of(), queries.resolve(norm, EnumSet.allOf(EntityType.class)), norm + " still resolves");
                if (row.contains(" | S:A#")) {
                    goneAliases.add(norm);
                }
            }
            if (gonePartitions.contains(partition) && partition.startsWith("S:A#")) {
                String entityId = partition.substring("S:A#".length());
                assertTrue(queries.entity(entityId).isEmpty(), entityId + " is still an actor");
            }
        }
        assertTrue(!goneAliases.isEmpty(), "v1 used aliases (short forms) that v2 does not");
        Figures.record("reuploadWithFewerEntities", "aliases that stopped resolving", goneAliases);
        assertSameTable("reuploadWithFewerEntities", cleanIngest(bucket, key, SHORTER_STORY, 2), after);
    }

    /** The partition keys present in a snapshot ("S:NAME#lunor", "S:A#per-...", ...). */
    static Set<String> partitions(TableSnapshot snapshot) {
        Set<String> partitions = new TreeSet<>();
        snapshot.items().keySet().forEach(k -> partitions.add(k.substring(0, k.indexOf(" | "))));
        return partitions;
    }

    @Test
    void objectRemovedRemovesEveryRowOfThatArticleEverywhere() {
        String bucket = aws.newBucket();
        String table = aws.newTable();
        IngestHandler handler = aws.handler(table);
        aws.put(bucket, "removed.txt", bytes(STORY), "text/plain");
        aws.put(bucket, "kept.txt", bytes(OTHER_STORY), "text/plain");
        deliver(handler, TestEvents.put(bucket, "removed.txt", bytes(STORY).length, TestEvents.sequencer(1)));
        deliver(handler, TestEvents.put(bucket, "kept.txt", bytes(OTHER_STORY).length, TestEvents.sequencer(2)));
        IngestSummary removal = deliver(handler, TestEvents.delete(bucket, "removed.txt", TestEvents.sequencer(3)));
        assertEquals(1, removal.removed());
        assertTrue(removal.articles().get(0).rowsDeleted() > 0);

        String removedId = GraphStore.articleId(bucket, "removed.txt");
        TableSnapshot after = TableSnapshot.scan(aws.dynamo, table);
        String tombstone = "S:" + Keys.articlePk(removedId) + " | S:" + Keys.META;
        assertTrue(after.items().containsKey(tombstone), "a tombstone guards against late older events");
        assertEquals(ArticleStatus.REMOVED,
                new GraphStore(aws.dynamo, table).findArticle(removedId).orElseThrow().status());
        TableSnapshot withoutTombstone = new TableSnapshot(new java.util.TreeMap<>(after.items()), 0);
        withoutTombstone.items().remove(tombstone);
        assertTrue(withoutTombstone.items().values().stream().noneMatch(v -> v.contains(removedId)),
                "no row refers to the removed article");
        TableSnapshot clean = cleanIngest(bucket, "kept.txt", OTHER_STORY, 2);
        assertSameTable("objectRemovedRemovesEveryRow", clean, withoutTombstone);
        // names only the removed article used no longer resolve; names both used still do
        GraphQueries queries = new GraphQueries(aws.dynamo, table);
        Set<String> keptNames = new TreeSet<>();
        partitions(clean).stream().filter(p -> p.startsWith("S:NAME#")).forEach(p -> keptNames.add(p.substring(7)));
        assertTrue(!keptNames.isEmpty());
        for (String name : keptNames) {
            assertTrue(!queries.resolve(name, EnumSet.allOf(EntityType.class)).isEmpty(), name + " should resolve");
        }
        for (String name : new String[] {"Ado Marsk", "Marsk", "Lunor", "Kessa"}) {
            if (!keptNames.contains(io.newsgraph.storage.Names.normalise(name))) {
                assertEquals(List.of(), queries.resolve(name, EnumSet.allOf(EntityType.class)), name);
            }
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
