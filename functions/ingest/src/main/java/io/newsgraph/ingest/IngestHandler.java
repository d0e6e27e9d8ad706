package io.newsgraph.ingest;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import io.newsgraph.core.Extractor;
import io.newsgraph.core.read.ArticleReader;
import io.newsgraph.storage.GraphStore;
import java.io.PrintStream;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Lambda entry point for S3 ObjectCreated/ObjectRemoved notifications. Thin: everything happens in
 * {@link IngestService}. Clients and the extraction pipeline are built once, at init (SnapStart-friendly).
 */
public final class IngestHandler implements RequestHandler<S3Event, IngestSummary> {
    private final IngestService service;

    /** Used by Lambda: configuration from the environment; region, credentials and endpoints from the SDK. */
    public IngestHandler() {
        this(S3Client.builder().httpClient(UrlConnectionHttpClient.create()).build(),
                DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build(),
                IngestConfig.fromEnvironment(System.getenv()));
    }

    /** Used by tests and the local runner with clients of their choice. */
    public IngestHandler(S3Client s3, DynamoDbClient dynamo, IngestConfig config) {
        this(s3, dynamo, config, Extractor.loadDefault());
    }

    /** As above, sharing an already loaded extractor; the JSON log lines go to stdout, as Lambda expects. */
    public IngestHandler(S3Client s3, DynamoDbClient dynamo, IngestConfig config, Extractor extractor) {
        this(s3, dynamo, config, extractor, System.out);
    }

    /** As above, with the JSON log lines going to {@code log} (the local runner writes them to a file). */
    public IngestHandler(S3Client s3, DynamoDbClient dynamo, IngestConfig config, Extractor extractor,
                         PrintStream log) {
        this.service = new IngestService(s3, new GraphStore(dynamo, config.tableName()), new ArticleReader()::read,
                extractor::extract, config.maxObjectBytes(), log);
    }

    @Override
    public IngestSummary handleRequest(S3Event event, Context context) {
        // Lambda's remaining time bounds extraction; without a context (local runs) there is no limit
        return context == null ? service.handle(event)
                : service.handle(event, context::getRemainingTimeInMillis);
    }
}
