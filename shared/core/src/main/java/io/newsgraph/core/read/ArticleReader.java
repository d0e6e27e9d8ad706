package io.newsgraph.core.read;

import io.newsgraph.core.model.Article;

/** Turns raw bytes (plain text, HTML, Markdown, JSON; any common charset) into an {@link Article}. */
public final class ArticleReader {

    /**
     * @param bytes       the object's content
     * @param name        file name or object key (its extension is a format hint), may be null
     * @param contentType the declared media type (a hint), may be null
     * @throws UnreadableArticleException with a reason code when the bytes are not a readable article
     */
    public Article read(byte[] bytes, String name, String contentType) throws UnreadableArticleException {
        throw new UnsupportedOperationException("scaffold");
    }
}
