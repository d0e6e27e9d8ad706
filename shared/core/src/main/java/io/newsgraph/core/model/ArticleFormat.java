package io.newsgraph.core.model;

/** Source formats the reader understands. */
public enum ArticleFormat {
    PLAIN_TEXT,
    HTML,
    MARKDOWN,
    JSON
}
