package io.newsgraph.core.read;

import io.newsgraph.core.model.Article;
import io.newsgraph.core.model.ArticleFormat;
import io.newsgraph.core.read.UnreadableArticleException.Reason;

/** Plain text: the first line is the title when it reads like a headline; a date line near the top dates it. */
final class PlainTextArticleParser {

    /** Headlines are short. */
    private static final int MAX_TITLE_CHARS = 150;
    private static final int MAX_TITLE_WORDS = 25;

    Article parse(String text) throws UnreadableArticleException {
        String trimmed = text.strip();
        if (!TextCleanup.hasLetterOrDigit(trimmed)) {
            throw new UnreadableArticleException(Reason.NO_TEXT, "text without letters or digits");
        }
        int end = trimmed.indexOf('\n');
        String title = null;
        String body = trimmed;
        if (end > 0) {
            String first = trimmed.substring(0, end).strip();
            String rest = trimmed.substring(end + 1).strip();
            if (looksLikeHeadline(first) && TextCleanup.hasLetterOrDigit(rest)) {
                title = first;
                body = rest;
            }
        }
        return new Article(title, body, DateText.findDateLine(trimmed), null, ArticleFormat.PLAIN_TEXT);
    }

    /** Short, has letters, no final period (or colon/comma, which continue a sentence), and is not a date. */
    static boolean looksLikeHeadline(String line) {
        if (line.isEmpty() || line.length() > MAX_TITLE_CHARS) {
            return false;
        }
        char last = line.charAt(line.length() - 1);
        if (last == '.' || last == ',' || last == ':' || last == ';') {
            return false;
        }
        int words = 0;
        boolean inWord = false;
        boolean letters = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            letters |= Character.isLetter(c);
            boolean space = Character.isWhitespace(c);
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return letters && words <= MAX_TITLE_WORDS && DateText.parseLine(line) == null;
    }
}
