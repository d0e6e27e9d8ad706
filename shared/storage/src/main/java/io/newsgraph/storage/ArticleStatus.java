package io.newsgraph.storage;

/** Lifecycle of one article id, as its META row records it. */
public enum ArticleStatus {
    /** Extracted and its graph rows written. */
    INGESTED,
    /** Recorded with a reason code (unreadable, too large, unsupported); no graph rows. */
    REJECTED,
    /** The object was deleted; only a tombstone META row remains so an older event cannot resurrect it. */
    REMOVED
}
