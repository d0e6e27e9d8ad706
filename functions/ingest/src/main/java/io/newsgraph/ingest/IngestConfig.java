package io.newsgraph.ingest;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The ingest function's settings, read from environment variables.
 *
 * @param tableName      DynamoDB table holding the graph ({@code TABLE_NAME}, required)
 * @param maxObjectBytes largest object read, in bytes ({@code MAX_OBJECT_BYTES}, default 5 MiB);
 *                       larger objects are rejected without reading their body
 */
public record IngestConfig(String tableName, long maxObjectBytes) {
    public static final String TABLE_NAME = "TABLE_NAME";
    public static final String MAX_OBJECT_BYTES = "MAX_OBJECT_BYTES";
    public static final long DEFAULT_MAX_OBJECT_BYTES = 5L * 1024 * 1024;
    /** The body is held in one byte array, so the limit must stay well inside an array's bounds. */
    public static final long CEILING_MAX_OBJECT_BYTES = 512L * 1024 * 1024;

    /** Every environment variable this function reads (template.yaml must set each one). */
    public static final Set<String> VARIABLES = Set.of(TABLE_NAME, MAX_OBJECT_BYTES);

    public IngestConfig {
        Objects.requireNonNull(tableName, "tableName");
        if (tableName.isBlank()) {
            throw new IllegalArgumentException("table name is blank");
        }
        if (maxObjectBytes <= 0 || maxObjectBytes > CEILING_MAX_OBJECT_BYTES) {
            throw new IllegalArgumentException("maxObjectBytes must be between 1 and " + CEILING_MAX_OBJECT_BYTES
                    + ", was " + maxObjectBytes);
        }
    }

    public static IngestConfig fromEnvironment(Map<String, String> env) {
        String table = env.get(TABLE_NAME);
        if (table == null || table.isBlank()) {
            throw new IllegalStateException("environment variable " + TABLE_NAME + " is not set");
        }
        String max = env.get(MAX_OBJECT_BYTES);
        long maxBytes;
        if (max == null || max.isBlank()) {
            maxBytes = DEFAULT_MAX_OBJECT_BYTES;
        } else {
            try {
                maxBytes = Long.parseLong(max.trim());
            } catch (NumberFormatException e) {
                throw new IllegalStateException(MAX_OBJECT_BYTES + " is not a whole number of bytes: " + max, e);
            }
            if (maxBytes <= 0 || maxBytes > CEILING_MAX_OBJECT_BYTES) {
                throw new IllegalStateException(MAX_OBJECT_BYTES + " must be between 1 and "
                        + CEILING_MAX_OBJECT_BYTES + ", was " + max);
            }
        }
        return new IngestConfig(table.trim(), maxBytes);
    }
}
