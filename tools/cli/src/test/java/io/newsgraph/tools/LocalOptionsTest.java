package io.newsgraph.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsgraph.tools.local.LocalOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalOptionsTest {
    private final Path root = Path.of("/repo");

    @Test
    void defaultsAreTheDocumentedPortsBucketAndFolders() {
        LocalOptions options = LocalOptions.parse(root, List.of());
        assertEquals(3000, options.apiPort());
        assertEquals(9000, options.s3Port());
        assertEquals(8000, options.dynamoDbPort());
        assertEquals("newsgraph-articles", options.bucket());
        assertEquals(root.resolve(".newsgraph"), options.dataDir());
        assertEquals(root.resolve("events/articles"), options.samplesDir());
        assertEquals(Duration.ofMillis(500), options.pollInterval());
        assertEquals(false, options.exitAfterSeed());
        assertNull(options.ingestOnceKey());
    }

    @Test
    void flagsOverrideDefaults() {
        LocalOptions options = LocalOptions.parse(root, List.of("--api-port", "3100", "--s3-port", "9100",
                "--dynamodb-port", "8100", "--bucket", "my-news", "--table", "graph2", "--poll-ms", "250",
                "--no-samples", "--exit-after-seed", "--data-dir", "/tmp/ng", "--ingest-once", "a b.txt"));
        assertEquals(3100, options.apiPort());
        assertEquals(9100, options.s3Port());
        assertEquals(8100, options.dynamoDbPort());
        assertEquals("my-news", options.bucket());
        assertEquals("graph2", options.table());
        assertEquals(Duration.ofMillis(250), options.pollInterval());
        assertNull(options.samplesDir());
        assertTrue(options.exitAfterSeed());
        assertEquals(Path.of("/tmp/ng"), options.dataDir());
        assertEquals("a b.txt", options.ingestOnceKey());
    }

    @Test
    void badFlagsAreRefusedWithAReason() {
        for (List<String> args : List.of(List.of("--api-port"), List.of("--api-port", "x"), List.of("--s3-port", "70000"),
                List.of("--bucket", "Bad_Name"), List.of("--poll-ms", "0"), List.of("--what"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LocalOptions.parse(root, args));
            assertTrue(!e.getMessage().isBlank(), args.toString());
        }
    }
}
