package io.newsgraph.tools.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Settings of {@code ./newsgraph local}.
 *
 * @param root          repository root (samples come from {@code events/articles} under it)
 * @param dataDir       where the bucket's files and the table's data live ({@code <root>/.newsgraph})
 * @param samplesDir    sample articles uploaded at start, or null for none
 * @param apiPort       lookup API port (0: a free one)
 * @param s3Port        S3 port (0: a free one)
 * @param dynamoDbPort  DynamoDB port (0: a free one)
 * @param bucket        articles bucket
 * @param table         graph table
 * @param pollInterval  how often the bucket is listed for changes
 * @param exitAfterSeed ingest what is in the bucket, print, and stop
 * @param ingestOnceKey when set: start nothing, ingest this one object of a running local setup in this fresh
 *                      JVM (a cold start, as Lambda's), print the timings, and stop
 */
public record LocalOptions(Path root, Path dataDir, Path samplesDir, int apiPort, int s3Port, int dynamoDbPort,
                           String bucket, String table, Duration pollInterval, boolean exitAfterSeed,
                           String ingestOnceKey) {
    public static final int DEFAULT_API_PORT = 3000;
    public static final int DEFAULT_S3_PORT = 9000;
    public static final int DEFAULT_DYNAMODB_PORT = 8000;
    public static final String DEFAULT_BUCKET = "newsgraph-articles";
    public static final String DEFAULT_TABLE = "newsgraph";

    public static final String USAGE = "[--api-port N] [--s3-port N] [--dynamodb-port N] [--bucket NAME] [--table NAME]"
            + " [--data-dir DIR] [--no-samples] [--poll-ms N] [--exit-after-seed] [--ingest-once KEY]: run S3 -> ingest"
            + " -> DynamoDB -> lookup API on 127.0.0.1 (API on :3000, S3 on :9000, DynamoDB on :8000)";

    public static LocalOptions defaults(Path root) {
        return new LocalOptions(root, root.resolve(".newsgraph"), root.resolve("events/articles"), DEFAULT_API_PORT,
                DEFAULT_S3_PORT, DEFAULT_DYNAMODB_PORT, DEFAULT_BUCKET, DEFAULT_TABLE, Duration.ofMillis(500), false, null);
    }

    /** Reads command-line flags over the defaults; throws IllegalArgumentException on a bad flag. */
    public static LocalOptions parse(Path root, List<String> args) {
        LocalOptions options = defaults(root);
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            switch (flag) {
                case "--exit-after-seed" -> options = options.withExitAfterSeed(true);
                case "--no-samples" -> options = options.withSamplesDir(null);
                case "--api-port" -> options = options.withApiPort(port(flag, value(args, ++i, flag)));
                case "--s3-port" -> options = options.withS3Port(port(flag, value(args, ++i, flag)));
                case "--dynamodb-port" -> options = options.withDynamoDbPort(port(flag, value(args, ++i, flag)));
                case "--bucket" -> options = options.withBucket(bucketName(value(args, ++i, flag)));
                case "--table" -> options = options.withTable(value(args, ++i, flag));
                case "--data-dir" -> options = options.withDataDir(Path.of(value(args, ++i, flag)).toAbsolutePath());
                case "--ingest-once" -> options = options.withIngestOnceKey(value(args, ++i, flag));
                case "--poll-ms" -> options = options.withPollInterval(Duration.ofMillis(positive(flag, value(args, ++i, flag))));
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        return options;
    }

    public LocalOptions withApiPort(int port) {
        return new LocalOptions(root, dataDir, samplesDir, port, s3Port, dynamoDbPort, bucket, table, pollInterval, exitAfterSeed, ingestOnceKey);
    }

    public LocalOptions withS3Port(int port) {
        return new LocalOptions(root, dataDir, samplesDir, apiPort, port, dynamoDbPort, bucket, table, pollInterval, exitAfterSeed, ingestOnceKey);
    }

    public LocalOptions withDynamoDbPort(int port) {
        return new LocalOptions(root, dataDir, samplesDir, apiPort, s3Port, port, bucket, table, pollInterval, exitAfterSeed, ingestOnceKey);
    }

    /** All three ports chosen free at start: for tests and parallel runs. */
    public LocalOptions withFreePorts() {
        return withApiPort(0).withS3Port(0).withDynamoDbPort(0);
    }

    public LocalOptions withBucket(String name) {
        return new LocalOptions(root, dataDir, samplesDir, apiPort, s3Port, dynamoDbPort, name, table, pollInterval, exitAfterSeed, ingestOnceKey);
    }

    public LocalOptions withTable(String name) {
        return new LocalOptions(root, dataDir, samplesDir, apiPort, s3Port, dynamoDbPort, bucket, name, pollInterval, exitAfterSeed, ingestOnceKey);
    }

    public LocalOptions withDataDir(Path dir) {
        return new LocalOptions(root, dir, samplesDir, apiPort, s3Port, dynamoDbPort, bucket, table, pollInterval, exitAfterSeed, ingestOnceKey);
    }

    public LocalOptions withSamplesDir(Path dir) {
        return new LocalOptions(root, dataDir, dir, apiPort, s3Port, dynamoDbPort, bucket, table, pollInterval, exitAfterSeed, ingestOnceKey);
    }

    public LocalOptions withPollInterval(Duration interval) {
        return new LocalOptions(root, dataDir, samplesDir, apiPort, s3Port, dynamoDbPort, bucket, table, interval, exitAfterSeed, ingestOnceKey);
    }

    public LocalOptions withExitAfterSeed(boolean exit) {
        return new LocalOptions(root, dataDir, samplesDir, apiPort, s3Port, dynamoDbPort, bucket, table, pollInterval, exit, ingestOnceKey);
    }

    public LocalOptions withIngestOnceKey(String key) {
        return new LocalOptions(root, dataDir, samplesDir, apiPort, s3Port, dynamoDbPort, bucket, table, pollInterval,
                exitAfterSeed, key);
    }

    private static String value(List<String> args, int index, String flag) {
        if (index >= args.size()) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args.get(index);
    }

    private static int port(String flag, String value) {
        int port = (int) positive(flag, value);
        if (port > 65535) {
            throw new IllegalArgumentException(flag + " must be a port number, was " + value);
        }
        return port;
    }

    private static long positive(String flag, String value) {
        try {
            long number = Long.parseLong(value);
            if (number <= 0) {
                throw new IllegalArgumentException(flag + " must be positive, was " + value);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be a number, was " + value, e);
        }
    }

    private static String bucketName(String name) {
        if (!name.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new IllegalArgumentException("not a valid S3 bucket name: " + name);
        }
        return name;
    }
}
