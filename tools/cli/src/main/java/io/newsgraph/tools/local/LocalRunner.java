package io.newsgraph.tools.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import io.newsgraph.core.Extractor;
import io.newsgraph.emulators.AwsClients;
import io.newsgraph.emulators.DynamoDbEmulator;
import io.newsgraph.emulators.S3Emulator;
import io.newsgraph.ingest.ArticleResult;
import io.newsgraph.ingest.IngestConfig;
import io.newsgraph.ingest.IngestHandler;
import io.newsgraph.ingest.IngestSummary;
import io.newsgraph.lookup.LookupConfig;
import io.newsgraph.lookup.LookupHandler;
import io.newsgraph.storage.GraphTable;
import io.newsgraph.tools.local.S3EventFactory.ObjectChange;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/**
 * The whole pipeline on 127.0.0.1: S3Proxy over a folder (a bucket is a directory, an object a file),
 * dynalite, the ingest handler fed with S3 events built from bucket listings (no emulator sends
 * notifications), and the lookup handler behind a local HTTP API.
 *
 * <p>The table is rebuilt from the bucket on every start (its data directory is cleared and every object
 * in the bucket is ingested), so it never holds articles whose files were deleted while it was down.
 */
public final class LocalRunner implements AutoCloseable {
    /** Attempts per change before it is given up, like Lambda's two retries of an async event. */
    static final int MAX_ATTEMPTS = 3;

    private final LocalOptions options;
    private final PrintStream out;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private final Map<String, Integer> attempts = new HashMap<>();
    private final S3EventFactory events = new S3EventFactory(AwsClients.REGION.id());
    private S3Emulator s3Emulator;
    private DynamoDbEmulator dynamoDbEmulator;
    private S3Client s3;
    private DynamoDbClient dynamo;
    private IngestHandler ingest;
    private BucketWatcher watcher;
    private LocalApiServer api;
    private ScheduledExecutorService poller;
    private PrintStream lambdaLog;
    private final List<ArticleResult> seeded = new ArrayList<>();

    private LocalRunner(LocalOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Starts everything, ingests what the bucket holds (samples included) and serves the API. */
    public static LocalRunner start(LocalOptions options, PrintStream out) throws Exception {
        LocalRunner runner = new LocalRunner(options, out);
        try {
            runner.startAll();
            return runner;
        } catch (Exception | Error e) {
            runner.close();
            throw e;
        }
    }

    private void startAll() throws Exception {
        checkPortFree("--api-port", options.apiPort());
        checkPortFree("--s3-port", options.s3Port());
        checkPortFree("--dynamodb-port", options.dynamoDbPort());
        Path dynamoDir = options.dataDir().resolve("dynamodb");
        deleteRecursively(dynamoDir);
        Files.createDirectories(options.dataDir().resolve("logs"));
        lambdaLog = new PrintStream(new FileOutputStream(lambdaLogFile().toFile(), true), true, StandardCharsets.UTF_8);
        resources.add(lambdaLog);

        // the emulators start in the background while this thread loads the extraction pipeline
        CompletableFuture<DynamoDbEmulator> dynamoStart = CompletableFuture.supplyAsync(
                () -> DynamoDbEmulator.persistent(dynamoDir, options.dynamoDbPort()).start());
        CompletableFuture<S3Emulator> s3Start = CompletableFuture.supplyAsync(
                () -> S3Emulator.onDisk(options.dataDir().resolve("s3"), options.s3Port()).start());
        Extractor extractor;
        try {
            extractor = Extractor.loadDefault();
            dynamoDbEmulator = dynamoStart.join();
        } catch (CompletionException e) {
            throw startFailure("DynamoDB emulator (dynalite)", e);
        } finally {
            s3Emulator = s3Start.exceptionally(e -> null).join();
            if (s3Emulator != null) {
                resources.add(s3Emulator);
            }
            DynamoDbEmulator started = dynamoStart.exceptionally(e -> null).join();
            if (started != null) {
                resources.add(started);
            }
        }
        if (s3Emulator == null) {
            try {
                s3Start.join();
            } catch (CompletionException e) {
                throw startFailure("S3 server (S3Proxy)", e);
            }
        }
        s3 = AwsClients.s3(s3Emulator.endpoint());
        dynamo = AwsClients.dynamoDb(dynamoDbEmulator.endpoint());
        resources.add(s3);
        resources.add(dynamo);

        GraphTable.ensureTable(dynamo, options.table());
        ensureBucket();
        ingest = newIngestHandler(extractor);
        LookupHandler lookup = new LookupHandler(dynamo, LookupConfig.fromEnvironment(Map.of(
                "TABLE_NAME", options.table(),
                "CURSOR_SIGNING_KEY", HexFormat.of().formatHex(randomBytes(32)))));

        uploadSamples();
        watcher = new BucketWatcher(s3, options.bucket());
        seeded.addAll(syncOnce());

        api = LocalApiServer.start(options.apiPort(), request -> invokeLookup(lookup, request));
        resources.add(api);
        if (!options.exitAfterSeed()) {
            poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "newsgraph-bucket-watcher");
                thread.setDaemon(true);
                return thread;
            });
            long every = options.pollInterval().toMillis();
            poller.scheduleWithFixedDelay(this::syncQuietly, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** The ingest handler, its JSON log lines (as Lambda would send to CloudWatch) going to a file. */
    private IngestHandler newIngestHandler(Extractor extractor) {
        IngestConfig config = IngestConfig.fromEnvironment(Map.of(
                IngestConfig.TABLE_NAME, options.table(),
                IngestConfig.MAX_OBJECT_BYTES, Long.toString(IngestConfig.DEFAULT_MAX_OBJECT_BYTES)));
        return new IngestHandler(s3, dynamo, config, extractor, lambdaLog);
    }

    private APIGatewayV2HTTPResponse invokeLookup(LookupHandler lookup, APIGatewayV2HTTPEvent request) {
        return lookup.handleRequest(request, new LocalLambdaContext("LookupFunction", 1024, Duration.ofSeconds(10), lambdaLog));
    }

    /** Lists the bucket once and ingests every change since the last listing; returns the results. */
    public synchronized List<ArticleResult> syncOnce() {
        List<ArticleResult> results = new ArrayList<>();
        for (ObjectChange change : watcher.poll()) {
            S3Event event = events.event(change);
            try {
                IngestSummary summary = ingest.handleRequest(event,
                        new LocalLambdaContext("IngestFunction", 2048, Duration.ofSeconds(120), lambdaLog));
                attempts.remove(change.key());
                for (ArticleResult result : summary.articles()) {
                    out.println(describe(result));
                    results.add(result);
                }
            } catch (RuntimeException failure) {
                int attempt = attempts.merge(change.key(), 1, Integer::sum);
                if (attempt < MAX_ATTEMPTS) {
                    out.printf(Locale.ROOT, "failed    %s (attempt %d of %d, will retry): %s%n",
                            change.key(), attempt, MAX_ATTEMPTS, failure);
                    watcher.retry(change);
                } else {
                    attempts.remove(change.key());
                    out.printf(Locale.ROOT, "gave up   %s after %d attempts: %s%n", change.key(), attempt, failure);
                }
            }
        }
        return results;
    }

    private void syncQuietly() {
        try {
            syncOnce();
        } catch (RuntimeException e) {
            // the S3 server may be briefly unreachable (e.g. while stopping): try again next round
            out.println("bucket listing failed: " + e.getMessage());
        }
    }

    /** One console line per article outcome. */
    static String describe(ArticleResult result) {
        String status = result.status().name().toLowerCase(Locale.ROOT);
        return switch (result.status()) {
            case INGESTED -> String.format(Locale.ROOT, "%-9s %s  %s  entities=%d relations=%d  %d ms",
                    status, result.articleId(), result.key(), result.entities(), result.relations(), result.millis());
            case REMOVED -> String.format(Locale.ROOT, "%-9s %s  %s  rows=%d  %d ms",
                    status, result.articleId(), result.key(), result.rowsDeleted(), result.millis());
            default -> String.format(Locale.ROOT, "%-9s %s  %s  reason=%s  %d ms",
                    status, result.articleId(), result.key(), result.reason(), result.millis());
        };
    }

    private void ensureBucket() {
        try {
            s3.headBucket(b -> b.bucket(options.bucket()));
        } catch (NoSuchBucketException missing) {
            s3.createBucket(b -> b.bucket(options.bucket()));
        }
    }

    private void uploadSamples() throws IOException {
        if (options.samplesDir() == null || !Files.isDirectory(options.samplesDir())) {
            return;
        }
        try (Stream<Path> files = Files.list(options.samplesDir())) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String key = file.getFileName().toString();
                s3.putObject(b -> b.bucket(options.bucket()).key(key).contentType(contentType(key)),
                        RequestBody.fromFile(file));
            }
        }
    }

    private static String contentType(String key) {
        String name = key.toLowerCase(Locale.ROOT);
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return "text/html; charset=utf-8";
        } else if (name.endsWith(".md")) {
            return "text/markdown; charset=utf-8";
        } else if (name.endsWith(".json")) {
            return "application/json";
        }
        return "text/plain; charset=utf-8";
    }

    /** What to tell the user once everything runs. */
    public String banner(Duration startup) {
        String apiUrl = apiEndpoint().toString();
        String s3Url = s3Endpoint().toString();
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "NewsGraph local is ready in %.1f s (%d article(s) in the bucket)%n",
                startup.toMillis() / 1000.0, seeded.size()));
        text.append("  lookup API  ").append(apiUrl).append("   (LookupHandler behind an HTTP API stand-in, payload 2.0)\n");
        text.append("  S3          ").append(s3Url).append("   bucket ").append(options.bucket())
                .append(", files in ").append(bucketDir()).append('\n');
        text.append("  DynamoDB    ").append(dynamoEndpoint()).append("   table ").append(options.table())
                .append(" (rebuilt from the bucket at every start)\n");
        text.append("  Lambda logs ").append(lambdaLogFile()).append('\n');
        text.append("Try:\n");
        text.append("  curl ").append(apiUrl).append("/actors/Putin\n");
        text.append("  curl '").append(apiUrl).append("/actors/Putin?role=subject&limit=5'\n");
        text.append("  curl '").append(apiUrl).append("/actors?prefix=al'\n");
        text.append("  curl ").append(apiUrl).append("/locations/Moscow\n");
        seeded.stream().filter(r -> r.status() == ArticleResult.Status.INGESTED).findFirst().ifPresent(r ->
                text.append("  curl ").append(apiUrl).append("/articles/").append(r.articleId()).append('\n'));
        String aws = "AWS_ACCESS_KEY_ID=" + S3Emulator.ACCESS_KEY + " AWS_SECRET_ACCESS_KEY=" + S3Emulator.SECRET_KEY
                + " aws --region " + AwsClients.REGION.id() + " --endpoint-url " + s3Url + " s3";
        text.append("Add, replace or delete articles (picked up within a second):\n");
        text.append("  ").append(aws).append(" cp my-article.txt s3://").append(options.bucket()).append("/\n");
        text.append("  cp my-article.html ").append(bucketDir()).append("/\n");
        text.append("  ").append(aws).append(" rm s3://").append(options.bucket()).append("/my-article.txt\n");
        text.append("Ctrl-C stops (the bucket's files stay in ").append(bucketDir()).append(").");
        return text.toString();
    }

    public URI apiEndpoint() {
        return api.endpoint();
    }

    public URI s3Endpoint() {
        return s3Emulator.endpoint();
    }

    public URI dynamoEndpoint() {
        return dynamoDbEmulator.endpoint();
    }

    /** The folder holding the bucket's objects as files. */
    public Path bucketDir() {
        return options.dataDir().resolve("s3").resolve(options.bucket()).toAbsolutePath();
    }

    /** The outcomes of the first sync at start. */
    public List<ArticleResult> seeded() {
        return List.copyOf(seeded);
    }

    private Path lambdaLogFile() {
        return options.dataDir().resolve("logs").resolve("lambda.log").toAbsolutePath();
    }

    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
            try {
                poller.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                out.println("while stopping: " + e);
            }
        }
        resources.clear();
    }

    private static IllegalStateException startFailure(String what, CompletionException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return new IllegalStateException("could not start the " + what + ": " + cause.getMessage(), cause);
    }

    private static void checkPortFree(String flag, int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException inUse) {
            throw new IllegalStateException("port " + port + " on 127.0.0.1 is in use (another ./newsgraph local?);"
                    + " choose another with " + flag);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
