package io.newsgraph.core.read;

/** The input is not an article we can read; {@link #reason()} is a stable code for the status row. */
public final class UnreadableArticleException extends Exception {
    private final Reason reason;

    public UnreadableArticleException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** Stable reason codes, recorded on the article's row. */
    public enum Reason {
        EMPTY,
        TOO_LARGE,
        BINARY,
        UNDECODABLE_TEXT,
        MALFORMED_JSON,
        NO_TEXT
    }
}
