package io.newsgraph.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsgraph.emulators.AwsClients;
import io.newsgraph.emulators.S3Emulator;
import io.newsgraph.tools.local.BucketWatcher;
import io.newsgraph.tools.local.S3EventFactory.ObjectChange;
import io.newsgraph.tools.local.S3EventFactory.ObjectChange.Kind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Bucket listings over S3Proxy's folder store become creations, changes and removals, whichever way files arrive. */
class LocalBucketWatcherTest {
    private static final String BUCKET = "watched";

    @TempDir
    static Path store;
    private static S3Emulator emulator;
    private static S3Client s3;

    @BeforeAll
    static void start() {
        emulator = S3Emulator.onDisk(store, 0).start();
        s3 = AwsClients.s3(emulator.endpoint());
        s3.createBucket(b -> b.bucket(BUCKET));
    }

    @AfterAll
    static void stop() {
        s3.close();
        emulator.close();
    }

    @Test
    void reportsPutsHandCopiedFilesChangesAndRemovals() throws Exception {
        BucketWatcher watcher = new BucketWatcher(s3, BUCKET);
        put("first.txt", "The minister met the envoy.");
        List<ObjectChange> initial = watcher.poll();
        assertEquals(List.of(ObjectChange.created(BUCKET, "first.txt", 27, initial.get(0).eTag())), initial);
        assertEquals(List.of(), watcher.poll(), "nothing changed");

        // a file copied into the bucket's folder by hand, also in a sub-folder and with a space in its name
        Path folder = store.resolve(BUCKET);
        Files.writeString(folder.resolve("by hand.md"), "# Title\n\nText.", StandardCharsets.UTF_8);
        Files.createDirectories(folder.resolve("world"));
        Files.writeString(folder.resolve("world/report.html"), "<p>Hello</p>", StandardCharsets.UTF_8);
        List<ObjectChange> copied = watcher.poll();
        assertEquals(List.of("by hand.md", "world/report.html"), copied.stream().map(ObjectChange::key).sorted().toList());
        assertTrue(copied.stream().allMatch(c -> c.kind() == Kind.CREATED && c.size() > 0));

        // the same key uploaded again with other content is a change
        put("first.txt", "The minister met the envoy again in the capital.");
        List<ObjectChange> changed = watcher.poll();
        assertEquals(1, changed.size());
        assertEquals(Kind.CREATED, changed.get(0).kind());
        assertEquals(48, changed.get(0).size());

        // a file edited on disk with the same size shows through its modification time
        Path byHand = folder.resolve("by hand.md");
        Files.writeString(byHand, "# Tetle\n\nText.", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(byHand, FileTime.from(Instant.now().plusSeconds(5)));
        assertEquals(List.of("by hand.md"), watcher.poll().stream().map(ObjectChange::key).toList());

        s3.deleteObject(b -> b.bucket(BUCKET).key("first.txt"));
        Files.delete(folder.resolve("world/report.html"));
        List<ObjectChange> removed = watcher.poll();
        assertEquals(List.of(ObjectChange.removed(BUCKET, "first.txt"), ObjectChange.removed(BUCKET, "world/report.html")),
                removed.stream().sorted(java.util.Comparator.comparing(ObjectChange::key)).toList());
    }

    @Test
    void aFailedChangeIsReportedAgainAfterRetry() {
        BucketWatcher watcher = new BucketWatcher(s3, BUCKET);
        put("retry.txt", "Some text.");
        ObjectChange change = watcher.poll().stream().filter(c -> c.key().equals("retry.txt")).findFirst().orElseThrow();
        watcher.retry(change);
        assertEquals(List.of(change), watcher.poll());

        s3.deleteObject(b -> b.bucket(BUCKET).key("retry.txt"));
        ObjectChange removal = watcher.poll().get(0);
        assertEquals(Kind.REMOVED, removal.kind());
        watcher.retry(removal);
        assertEquals(List.of(removal), watcher.poll());
        assertEquals(List.of(), watcher.poll());
    }

    private static void put(String key, String text) {
        s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(text, StandardCharsets.UTF_8));
    }
}
