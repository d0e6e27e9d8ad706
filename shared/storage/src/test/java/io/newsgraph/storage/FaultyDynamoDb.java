package io.newsgraph.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Fault injection over a real server: delegates to the emulator client, but can process only part of
 * each BatchWriteItem (returning the rest as UnprocessedItems, as DynamoDB does under load), throw a
 * throttling error, or "crash" (throw) after a number of batch writes.
 */
final class FaultyDynamoDb implements DynamoDbClient {
    private final DynamoDbClient real;
    final AtomicInteger batchCalls = new AtomicInteger();
    /** Batch calls that leave half their items unprocessed. */
    volatile int partialBatches;
    /** Batch calls answered with a throttling error before anything is written. */
    volatile int throttledBatches;
    /** After this many successful batch calls, every further call throws (a crash); negative = never. */
    volatile int crashAfterBatches = -1;
    /** Runs before the batch call with this number (1-based), e.g. to kill the server. */
    volatile int hookAtBatch = -1;
    volatile Runnable hook = () -> { };

    FaultyDynamoDb(DynamoDbClient real) {
        this.real = real;
    }

    @Override
    public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
        int call = batchCalls.incrementAndGet();
        if (call == hookAtBatch) {
            hook.run();
        }
        if (crashAfterBatches >= 0 && call > crashAfterBatches) {
            throw new IllegalStateException("simulated crash");
        }
        if (throttledBatches > 0) {
            throttledBatches--;
            throw ProvisionedThroughputExceededException.builder().message("simulated throttling")
                    .statusCode(400).build();
        }
        if (partialBatches > 0) {
            partialBatches--;
            Map.Entry<String, List<WriteRequest>> only = request.requestItems().entrySet().iterator().next();
            List<WriteRequest> all = only.getValue();
            int half = Math.max(1, all.size() / 2);
            List<WriteRequest> done = new ArrayList<>(all.subList(0, all.size() - half));
            List<WriteRequest> left = new ArrayList<>(all.subList(all.size() - half, all.size()));
            if (!done.isEmpty()) {
                real.batchWriteItem(b -> b.requestItems(Map.of(only.getKey(), done)));
            }
            return BatchWriteItemResponse.builder().unprocessedItems(Map.of(only.getKey(), left)).build();
        }
        return real.batchWriteItem(request);
    }

    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest request) {
        return real.updateItem(request);
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        return real.putItem(request);
    }

    @Override
    public QueryResponse query(QueryRequest request) {
        return real.query(request);
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        return real.getItem(request);
    }

    @Override
    public String serviceName() {
        return real.serviceName();
    }

    @Override
    public void close() {
    }
}
