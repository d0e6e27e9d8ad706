package io.newsgraph.lookup;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * The lookup function's configuration, from environment variables.
 *
 * @param tableName  DynamoDB table (TABLE_NAME, required)
 * @param cursorKey  HMAC-SHA256 key for pagination cursors (CURSOR_SIGNING_KEY, at least 16 characters,
 *                   required: a per-process random key would make cursors fail whenever the next page
 *                   reaches another Lambda instance; template.yaml sets it from a NoEcho parameter).
 */
public record LookupConfig(String tableName, byte[] cursorKey) {
    public static final String TABLE_NAME = "TABLE_NAME";
    public static final String CURSOR_SIGNING_KEY = "CURSOR_SIGNING_KEY";
    /** Every environment variable this function reads. */
    public static final Set<String> VARIABLES = Set.of(TABLE_NAME, CURSOR_SIGNING_KEY);
    static final int MIN_KEY_CHARS = 16;

    public LookupConfig {
        if (tableName == null || tableName.isBlank()) {
            throw new IllegalArgumentException(TABLE_NAME + " is required");
        }
        if (cursorKey == null || cursorKey.length < MIN_KEY_CHARS) {
            throw new IllegalArgumentException(CURSOR_SIGNING_KEY + " must have at least " + MIN_KEY_CHARS + " bytes");
        }
        cursorKey = cursorKey.clone();
    }

    public static LookupConfig fromEnvironment(Map<String, String> env) {
        String table = env.get(TABLE_NAME);
        if (table == null || table.isBlank()) {
            throw new IllegalStateException("environment variable " + TABLE_NAME + " is not set");
        }
        String key = env.get(CURSOR_SIGNING_KEY);
        if (key == null || key.isBlank()) {
            throw new IllegalStateException("environment variable " + CURSOR_SIGNING_KEY + " is not set");
        }
        if (key.length() < MIN_KEY_CHARS) {
            throw new IllegalStateException(CURSOR_SIGNING_KEY + " must have at least " + MIN_KEY_CHARS + " characters");
        }
        return new LookupConfig(table.strip(), key.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] cursorKey() {
        return cursorKey.clone();
    }

    @Override
    public String toString() {
        return "LookupConfig[tableName=" + tableName + ", cursorKey=(hidden)]";
    }
}
