package io.newsgraph.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * BatchWriteItem in chunks of 25. UnprocessedItems and throttling errors are retried with exponential
 * backoff and full jitter up to the policy's bound; then {@link StorageRetriesExhaustedException} is
 * thrown. Any other error propagates at once.
 */
final class BatchWriter {
    static final int MAX_BATCH = 25;

    private final DynamoDbClient dynamo;
    private final String tableName;
    private final RetryPolicy retry;

    BatchWriter(DynamoDbClient dynamo, String tableName, RetryPolicy retry) {
        this.dynamo = dynamo;
        this.tableName = tableName;
        this.retry = retry;
    }

    int put(List<Map<String, AttributeValue>> items) {
        List<WriteRequest> requests = new ArrayList<>(items.size());
        for (Map<String, AttributeValue> item : items) {
            requests.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        }
        write(requests);
        return items.size();
    }

    int delete(List<Map<String, AttributeValue>> keys) {
        List<WriteRequest> requests = new ArrayList<>(keys.size());
        for (Map<String, AttributeValue> key : keys) {
            requests.add(WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build());
        }
        write(requests);
        return keys.size();
    }

    private void write(List<WriteRequest> requests) {
        for (int from = 0; from < requests.size(); from += MAX_BATCH) {
            writeChunk(requests.subList(from, Math.min(requests.size(), from + MAX_BATCH)));
        }
    }

    private void writeChunk(List<WriteRequest> chunk) {
        List<WriteRequest> pending = chunk;
        RuntimeException lastFailure = null;
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            if (attempt > 1) {
                retry.pause(attempt - 1);
            }
            try {
                List<WriteRequest> batch = pending;
                BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(Map.of(tableName, batch)));
                List<WriteRequest> unprocessed = response.hasUnprocessedItems()
                        ? response.unprocessedItems().getOrDefault(tableName, List.of()) : List.of();
                if (unprocessed.isEmpty()) {
                    return;
                }
                pending = unprocessed;
                lastFailure = null;
            } catch (AwsServiceException e) {
                if (!isThrottling(e)) {
                    throw e;
                }
                lastFailure = e;
            }
        }
        throw new StorageRetriesExhaustedException("BatchWriteItem on " + tableName + ": " + pending.size()
                + " of " + chunk.size() + " items still unprocessed after " + retry.maxAttempts() + " attempts",
                lastFailure);
    }

    static boolean isThrottling(AwsServiceException e) {
        return e.isThrottlingException() || e instanceof ProvisionedThroughputExceededException
                || e instanceof RequestLimitExceededException;
    }
}
