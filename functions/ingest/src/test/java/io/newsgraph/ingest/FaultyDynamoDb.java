package io.newsgraph.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A DynamoDB client that forwards every call to a real emulator client, with faults injected on
 * BatchWriteItem: throttling errors, UnprocessedItems (only part of a batch really written), or an action
 * (such as killing the emulator) after a number of batches.
 */
final class FaultyDynamoDb implements DynamoDbClient {
    private final DynamoDbClient delegate;
    final AtomicInteger batchWriteCalls = new AtomicInteger();
    final AtomicInteger faultsInjected = new AtomicInteger();
    private volatile int throttleRemaining;
    private volatile int unprocessedRemaining;
    private volatile boolean throttleForever;
    private volatile boolean unprocessedForever;
    private volatile int validationErrorsRemaining;
    private volatile int actionAfterBatches = -1;
    private volatile Runnable action;

    FaultyDynamoDb(DynamoDbClient delegate) {
        this.delegate = delegate;
    }

    /** The next {@code n} BatchWriteItem calls fail with ProvisionedThroughputExceededException. */
    FaultyDynamoDb throttle(int n) {
        throttleRemaining = n;
        return this;
    }

    FaultyDynamoDb throttleForever() {
        throttleForever = true;
        return this;
    }

    /** The next {@code n} BatchWriteItem calls write only the first item and return the rest unprocessed. */
    FaultyDynamoDb partiallyProcess(int n) {
        unprocessedRemaining = n;
        return this;
    }

    /** The next {@code n} BatchWriteItem calls fail as DynamoDB fails an item it refuses (e.g. over 400 KB). */
    FaultyDynamoDb refuseItems(int n) {
        validationErrorsRemaining = n;
        return this;
    }

    /** Every BatchWriteItem call writes nothing and returns everything unprocessed. */
    FaultyDynamoDb processNothing() {
        unprocessedForever = true;
        return this;
    }

    /** Runs {@code action} once, right after the {@code batches}-th BatchWriteItem call returned. */
    FaultyDynamoDb after(int batches, Runnable action) {
        this.actionAfterBatches = batches;
        this.action = action;
        return this;
    }

    FaultyDynamoDb heal() {
        throttleRemaining = 0;
        validationErrorsRemaining = 0;
        unprocessedRemaining = 0;
        throttleForever = false;
        unprocessedForever = false;
        actionAfterBatches = -1;
        action = null;
        return this;
    }

    @Override
    public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
        int call = batchWriteCalls.incrementAndGet();
        if (validationErrorsRemaining > 0) {
            validationErrorsRemaining--;
            faultsInjected.incrementAndGet();
            throw (DynamoDbException) DynamoDbException.builder()
                    .statusCode(400)
                    .awsErrorDetails(AwsErrorDetails.builder()
                            .errorCode("ValidationException")
                            .errorMessage("injected: Item size has exceeded the maximum allowed size")
                            .serviceName("DynamoDb")
                            .build())
                    .build();
        }
        if (throttleForever || throttleRemaining > 0) {
            if (!throttleForever) {
                throttleRemaining--;
            }
            faultsInjected.incrementAndGet();
            throw (ProvisionedThroughputExceededException) ProvisionedThroughputExceededException.builder()
                    .statusCode(400)
                    .awsErrorDetails(AwsErrorDetails.builder()
                            .errorCode("ProvisionedThroughputExceededException")
                            .errorMessage("injected: the level of configured provisioned throughput was exceeded")
                            .serviceName("DynamoDb")
                            .build())
                    .build();
        }
        BatchWriteItemResponse response;
        if (unprocessedForever) {
            faultsInjected.incrementAndGet();
            response = BatchWriteItemResponse.builder().unprocessedItems(request.requestItems()).build();
        } else if (unprocessedRemaining > 0 && totalItems(request) > 1) {
            unprocessedRemaining--;
            faultsInjected.incrementAndGet();
            response = writeFirstOnly(request);
        } else {
            response = delegate.batchWriteItem(request);
        }
        Runnable due = action;
        if (due != null && call == actionAfterBatches) {
            action = null;
            due.run();
        }
        return response;
    }

    private BatchWriteItemResponse writeFirstOnly(BatchWriteItemRequest request) {
        Map<String, List<WriteRequest>> first = new LinkedHashMap<>();
        Map<String, List<WriteRequest>> rest = new LinkedHashMap<>();
        boolean taken = false;
        for (var entry : request.requestItems().entrySet()) {
            for (WriteRequest write : entry.getValue()) {
                var target = taken ? rest : first;
                target.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(write);
                taken = true;
            }
        }
        BatchWriteItemResponse written = delegate.batchWriteItem(r -> r.requestItems(first));
        rest.forEach((table, writes) -> {
            List<WriteRequest> notWritten = written.unprocessedItems().get(table);
            if (notWritten != null) {
                writes.addAll(notWritten);
            }
        });
        return BatchWriteItemResponse.builder().unprocessedItems(rest).build();
    }

    private static int totalItems(BatchWriteItemRequest request) {
        return request.requestItems().values().stream().mapToInt(List::size).sum();
    }

    @Override
    public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
        return delegate.batchGetItem(request);
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        return delegate.getItem(request);
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        return delegate.putItem(request);
    }

    @Override
    public DeleteItemResponse deleteItem(DeleteItemRequest request) {
        return delegate.deleteItem(request);
    }

    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest request) {
        return delegate.updateItem(request);
    }

    @Override
    public QueryResponse query(QueryRequest request) {
        return delegate.query(request);
    }

    @Override
    public ScanResponse scan(ScanRequest request) {
        return delegate.scan(request);
    }

    @Override
    public DescribeTableResponse describeTable(DescribeTableRequest request) {
        return delegate.describeTable(request);
    }

    @Override
    public String serviceName() {
        return delegate.serviceName();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
