package io.newsgraph.ingest;

/**
 * The outcome of one S3 record. Carries counts and codes only, never the article's text.
 *
 * @param articleId   deterministic id of (bucket, key), or null for a skipped non-article record
 * @param bucket      S3 bucket
 * @param key         decoded object key
 * @param status      what happened
 * @param reason      reason code when rejected or skipped (e.g. TOO_LARGE, BINARY, EXTRACTION_FAILED), else null
 * @param entities    entities extracted (0 unless ingested)
 * @param relations   relations extracted (0 unless ingested)
 * @param rowsWritten items put
 * @param rowsDeleted items deleted
 * @param millis      wall time for this record
 */
public record ArticleResult(String articleId, String bucket, String key, Status status, String reason,
                            int entities, int relations, int rowsWritten, int rowsDeleted, long millis) {

    public enum Status {
        /** Extracted and written. */
        INGESTED,
        /** Not a readable article (or extraction failed); recorded with a reason code. */
        REJECTED,
        /** The object was removed and so were its rows. */
        REMOVED,
        /** A newer version of this key was already stored; nothing changed. */
        STALE,
        /** Nothing to do: an event type we do not handle, or the object is gone since the event. */
        SKIPPED
    }

    /** The log line's message for this outcome. */
    public String message() {
        return "article " + status.name().toLowerCase(java.util.Locale.ROOT);
    }
}
