package io.newsgraph.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsgraph.emulators.AwsClients;
import io.newsgraph.ingest.ArticleResult;
import io.newsgraph.storage.GraphStore;
import io.newsgraph.tools.local.LocalOptions;
import io.newsgraph.tools.local.LocalRunner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code ./newsgraph local} in-process on free ports: the samples are ingested at start, and a file
 * dropped into the bucket (on disk or through S3) becomes queryable over HTTP, and goes away when deleted.
 * Bounds are generous: this checks function, not speed.
 */
class LocalRunnerTest {
    private static final Duration BOUND = Duration.ofSeconds(15);

    @TempDir
    static Path dataDir;
    private static final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private static LocalRunner runner;
    private static Path root;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        root = TemplateYaml.repositoryRoot();
        LocalOptions options = LocalOptions.defaults(root).withDataDir(dataDir).withFreePorts()
                .withPollInterval(Duration.ofMillis(200));
        runner = LocalRunner.start(options, new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() {
        if (runner != null) {
            runner.close();
        }
    }

    @Test
    void samplesAreIngestedAtStartAndServedOverHttp() throws Exception {
        List<ArticleResult> seeded = runner.seeded();
        try (var samples = Files.list(root.resolve("events/articles"))) {
            assertEquals(samples.count(), seeded.size(), console());
        }
        ArticleResult seed = seeded.stream().filter(r -> r.key().equals("seed-syria-russia.txt")).findFirst().orElseThrow();
        assertEquals(ArticleResult.Status.INGESTED, seed.status());
        assertTrue(seed.entities() > 0 && seed.relations() > 0);
        assertTrue(console().contains(seed.articleId()) && console().contains("seed-syria-russia.txt"),
                "one line per ingested article: " + console());

        HttpResponse<String> actor = get("/actors/Putin");
        assertEquals(200, actor.statusCode(), actor.body());
        assertTrue(actor.body().contains(seed.articleId()));
        assertTrue(actor.headers().firstValue("content-type").orElse("").startsWith("application/json"));
        assertEquals(404, get("/no/such/route").statusCode());
        assertTrue(runner.banner(Duration.ofSeconds(1)).contains(runner.apiEndpoint() + "/actors/Putin"));
    }

    @Test
    void aFileCopiedIntoTheBucketFolderIsIngestedAndItsDeletionRemovesIt() throws Exception {
        String key = "dropped by hand.txt";
        Path file = runner.bucketDir().resolve(key);
        Files.copy(root.resolve("events/articles/seed-syria-russia.txt"), file);
        String path = "/articles/" + GraphStore.articleId("newsgraph-articles", key).replace(" ", "%20");
        awaitStatus(path, status -> status == 200);
        assertTrue(console().contains(key), console());

        Files.delete(file);
        awaitStatus(path, status -> status == 404);
        assertTrue(console().lines().anyMatch(line -> line.startsWith("removed") && line.contains(key)), console());
    }

    @Test
    void anObjectPutThroughS3IsIngestedAndItsDeletionRemovesIt() throws Exception {
        String key = "uploads/harbour agreement.md";
        try (S3Client s3 = AwsClients.s3(runner.s3Endpoint())) {
            s3.putObject(b -> b.bucket("newsgraph-articles").key(key),
                    RequestBody.fromFile(root.resolve("events/articles/harbour-agreement.md")));
            String path = "/articles/" + GraphStore.articleId("newsgraph-articles", key).replace(" ", "%20");
            awaitStatus(path, status -> status == 200);
            assertTrue(Files.exists(runner.bucketDir().resolve(key)), "S3Proxy stores the object as a file");

            s3.deleteObject(b -> b.bucket("newsgraph-articles").key(key));
            awaitStatus(path, status -> status == 404);
        }
    }

    private static void awaitStatus(String path, IntPredicate wanted) throws Exception {
        long deadline = System.nanoTime() + BOUND.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = get(path).statusCode();
            if (wanted.test(last)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " still answered " + last + " after " + BOUND + "; console:\n" + console());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(runner.apiEndpoint() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String console() {
        return console.toString(StandardCharsets.UTF_8);
    }
}
