package io.newsgraph.tools.local;

import io.newsgraph.emulators.AwsClients;
import io.newsgraph.ingest.ArticleResult;
import io.newsgraph.ingest.IngestConfig;
import io.newsgraph.ingest.IngestHandler;
import io.newsgraph.ingest.IngestSummary;
import io.newsgraph.tools.local.S3EventFactory.ObjectChange;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * A cold start measured: in this fresh JVM, build the clients and the ingest handler and deliver one
 * S3 event for an object of a running {@code ./newsgraph local}, then print how long each step took
 * counted from the JVM's start. The emulators are already up, as S3 and DynamoDB are for a Lambda.
 */
public final class IngestOnce {
    private IngestOnce() {
    }

    public static int run(LocalOptions options, PrintStream out) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        String key = options.ingestOnceKey();
        URI s3Endpoint = URI.create("http://127.0.0.1:" + options.s3Port());
        URI dynamoEndpoint = URI.create("http://127.0.0.1:" + options.dynamoDbPort());
        try (S3Client s3 = AwsClients.s3(s3Endpoint); DynamoDbClient dynamo = AwsClients.dynamoDb(dynamoEndpoint)) {
            long clients = sinceStart(jvmStart);
            // the function's init, as Lambda runs it before the first event
            IngestHandler handler = new IngestHandler(s3, dynamo, IngestConfig.fromEnvironment(Map.of(
                    IngestConfig.TABLE_NAME, options.table(),
                    IngestConfig.MAX_OBJECT_BYTES, Long.toString(IngestConfig.DEFAULT_MAX_OBJECT_BYTES))));
            long handlerReady = sinceStart(jvmStart);
            // what S3 would put into the notification: the object's size and ETag (this lookup is the harness's)
            HeadObjectResponse head = s3.headObject(b -> b.bucket(options.bucket()).key(key));
            var event = new S3EventFactory(AwsClients.REGION.id())
                    .event(ObjectChange.created(options.bucket(), key, head.contentLength(), head.eTag()));
            long eventReady = sinceStart(jvmStart);
            IngestSummary summary = handler.handleRequest(event,
                    new LocalLambdaContext("IngestFunction", 2048, Duration.ofSeconds(120), System.err));
            long done = sinceStart(jvmStart);
            for (ArticleResult result : summary.articles()) {
                out.println(LocalRunner.describe(result));
            }
            out.printf(Locale.ROOT, "from JVM start: clients %d ms, handler initialised %d ms, S3 event read %d ms,"
                    + " event fully ingested %d ms (handleRequest %d ms)%n", clients, handlerReady, eventReady, done,
                    done - eventReady);
            return summary.articles().stream().allMatch(r -> r.status() != ArticleResult.Status.REJECTED) ? 0 : 1;
        }
    }

    private static long sinceStart(long jvmStartMillis) {
        return System.currentTimeMillis() - jvmStartMillis;
    }
}
