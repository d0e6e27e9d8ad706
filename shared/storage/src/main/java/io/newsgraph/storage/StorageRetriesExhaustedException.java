package io.newsgraph.storage;

/**
 * DynamoDB kept throttling or returning unprocessed items after every retry. Thrown (never swallowed)
 * so that the calling Lambda invocation fails and Lambda's own retry and on-failure destination take over.
 */
public final class StorageRetriesExhaustedException extends RuntimeException {
    public StorageRetriesExhaustedException(String message, Throwable cause) {
        super(message, cause);
    }
}
