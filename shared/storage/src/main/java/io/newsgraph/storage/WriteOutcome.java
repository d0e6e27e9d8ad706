package io.newsgraph.storage;

/**
 * What one write did.
 *
 * @param articleId   the article's id
 * @param applied     false when a newer version (higher sequencer) was already stored and nothing changed
 * @param rowsWritten items put
 * @param rowsDeleted items deleted (rows of the previous version that are gone)
 */
public record WriteOutcome(String articleId, boolean applied, int rowsWritten, int rowsDeleted) {
}
