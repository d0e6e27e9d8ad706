package io.newsgraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsgraph.emulators.S3Emulator;
import io.newsgraph.storage.ArticleStatus;
import io.newsgraph.storage.GraphStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The handler as Lambda builds it: no-argument constructor in a fresh JVM, configured only by environment
 * variables (TABLE_NAME, MAX_OBJECT_BYTES, AWS_REGION, credentials, AWS_ENDPOINT_URL_S3 and
 * AWS_ENDPOINT_URL_DYNAMODB, which the SDK honours itself), ingesting events/s3-put.json from the emulators.
 */
class FreshJvmHandlerTest {

    @Test
    void noArgumentHandlerConfiguredByTheEnvironmentIngestsThePutEventFileInAFreshJvm() throws Exception {
        try (Emulators aws = Emulators.inMemory()) {
            String table = aws.newTable();
            aws.s3.createBucket(b -> b.bucket("newsgraph-articles"));
            aws.put("newsgraph-articles", "seed-syria-russia.txt",
                    Files.readAllBytes(TestEvents.root().resolve("events/articles/seed-syria-russia.txt")), "text/plain");

            ProcessBuilder builder = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    FreshJvmInvoke.class.getName(), TestEvents.eventFile("s3-put.json").toString()))
                    .redirectErrorStream(true);
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(name -> name.startsWith("AWS_"));
            env.put("TABLE_NAME", table);
            env.put("MAX_OBJECT_BYTES", Long.toString(IngestConfig.DEFAULT_MAX_OBJECT_BYTES));
            env.put("AWS_REGION", "us-east-1");
            env.put("AWS_ACCESS_KEY_ID", S3Emulator.ACCESS_KEY);
            env.put("AWS_SECRET_ACCESS_KEY", S3Emulator.SECRET_KEY);
            env.put("AWS_ENDPOINT_URL_S3", aws.s3Emulator.endpoint().toString());
            env.put("AWS_ENDPOINT_URL_DYNAMODB", aws.dynamoEmulator.endpoint().toString());
            env.put("AWS_CONFIG_FILE", "/nonexistent/aws-config");
            env.put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/aws-credentials");
            // output to a file, so the bound below applies even if the child hangs
            java.nio.file.Path log = java.nio.file.Files.createTempFile("fresh-jvm-", ".log");
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
            Process process = builder.start();
            boolean exited = process.waitFor(120, TimeUnit.SECONDS);
            if (!exited) {
                process.destroyForcibly();
            }
            String output = java.nio.file.Files.readString(log, StandardCharsets.UTF_8);
            assertTrue(exited, "the fresh JVM did not finish within 120 s: " + output);
            assertEquals(0, process.exitValue(), output);
            assertTrue(output.contains("SUMMARY ingested=1 "), output);

            var record = new GraphStore(aws.dynamo, table)
                    .findArticle(GraphStore.articleId("newsgraph-articles", "seed-syria-russia.txt")).orElseThrow();
            assertEquals(ArticleStatus.INGESTED, record.status());
            assertTrue(record.relationCount() > 0);

            Matcher millis = Pattern.compile("MILLIS init=(\\d+) total=(\\d+)").matcher(output);
            assertTrue(millis.find(), output);
            Figures.record("FreshJvmHandlerTest", "fresh JVM to handler built, ms", millis.group(1));
            Figures.record("FreshJvmHandlerTest", "fresh JVM to one S3 event fully ingested, ms", millis.group(2));
        }
    }
}
