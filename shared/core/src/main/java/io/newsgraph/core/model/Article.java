package io.newsgraph.core.model;

import java.time.LocalDate;

/**
 * An article as read from its source, before any analysis.
 *
 * @param title     headline, or null
 * @param body      visible body text (paragraphs separated by newlines)
 * @param published publication date when known, or null (anchors "Wednesday", "yesterday")
 * @param url       canonical URL when known, or null
 * @param format    the format it was read from
 */
public record Article(String title, String body, LocalDate published, String url, ArticleFormat format) {
    public Article {
        body = body == null ? "" : body;
    }

    /** Title and body as one text, the title first on its own line. */
    public String fullText() {
        return title == null || title.isBlank() ? body : title + "\n" + body;
    }
}
