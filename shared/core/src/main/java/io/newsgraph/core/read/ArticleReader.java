package io.newsgraph.core.read;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsgraph.core.model.Article;
import io.newsgraph.core.model.ArticleFormat;
import io.newsgraph.core.read.UnreadableArticleException.Reason;

import java.util.Locale;

/**
 * Turns raw bytes (plain text, HTML, Markdown, JSON; any common charset) into an {@link Article}.
 *
 * <p>The format is decided from the content first (a JSON object, a document starting with a tag, a Markdown
 * heading); the file name's extension and the declared content type are hints for content that could be
 * either. Every step scans the input linearly (no backtracking regular expressions), so time and memory stay
 * proportional to the input size, which is capped at {@link #maxBytes()}. Thread-safe.
 */
public final class ArticleReader {

    /** Default cap on the input size; callers with a smaller limit pass it to the constructor. */
    public static final int DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
    /** How far into the text the HTML sniffing looks for an {@code <html>} or {@code <body>} tag. */
    private static final int SNIFF_CHARS = 4096;

    private final int maxBytes;
    private final JsonArticleParser json;
    private final HtmlArticleParser html;
    private final MarkdownArticleParser markdown = new MarkdownArticleParser();
    private final PlainTextArticleParser plain = new PlainTextArticleParser();

    public ArticleReader() {
        this(DEFAULT_MAX_BYTES);
    }

    public ArticleReader(int maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
        ObjectMapper mapper = new ObjectMapper();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build());
        this.html = new HtmlArticleParser(mapper);
        this.json = new JsonArticleParser(mapper, html);
    }

    public int maxBytes() {
        return maxBytes;
    }

    /**
     * @param bytes       the object's content
     * @param name        file name or object key (its extension is a format hint), may be null
     * @param contentType the declared media type (a hint), may be null
     * @throws UnreadableArticleException with a reason code when the bytes are not a readable article
     */
    public Article read(byte[] bytes, String name, String contentType) throws UnreadableArticleException {
        if (bytes == null || bytes.length == 0) {
            throw new UnreadableArticleException(Reason.EMPTY, "empty input (0 bytes)");
        }
        if (bytes.length > maxBytes) {
            throw new UnreadableArticleException(Reason.TOO_LARGE,
                    "input of " + bytes.length + " bytes exceeds the limit of " + maxBytes + " bytes");
        }
        ArticleFormat hint = formatHint(name, contentType);
        TextDecoder.Decoded decoded = TextDecoder.decode(bytes, TextDecoder.contentTypeCharset(contentType),
                hint == ArticleFormat.HTML);
        String text = TextCleanup.normalizeDecoded(decoded.text());
        if (TextCleanup.isBlank(text)) {
            throw new UnreadableArticleException(Reason.EMPTY, "input holds only white space");
        }
        return switch (detectFormat(text, hint)) {
            case JSON -> json.parse(text);
            case HTML -> html.parse(text);
            case MARKDOWN -> markdown.parse(text);
            case PLAIN_TEXT -> plain.parse(text);
        };
    }

    /** Content first; the hint decides between formats the content does not tell apart. */
    static ArticleFormat detectFormat(String text, ArticleFormat hint) {
        int first = 0;
        while (first < text.length() && Character.isWhitespace(text.charAt(first))) {
            first++;
        }
        char c = text.charAt(first);
        char next = nextNonSpace(text, first + 1);
        if (c == '{' || (c == '[' && (next == '{' || next == ']' || next == '"' || hint == ArticleFormat.JSON))) {
            return ArticleFormat.JSON;
        }
        if (c == '<' && (Character.isLetter(next) || next == '!' || next == '?')) {
            return ArticleFormat.HTML;
        }
        String head = text.substring(first, Math.min(text.length(), first + SNIFF_CHARS)).toLowerCase(Locale.ROOT);
        if (head.contains("<html") || head.contains("<body") || head.contains("<!doctype html")) {
            return ArticleFormat.HTML;
        }
        if (hint == ArticleFormat.HTML && head.indexOf('<') >= 0) {
            return ArticleFormat.HTML;
        }
        if (hint == ArticleFormat.MARKDOWN || looksLikeMarkdown(text, first)) {
            return ArticleFormat.MARKDOWN;
        }
        return ArticleFormat.PLAIN_TEXT;
    }

    /** An ATX heading ("# Title") on the first line, or YAML front matter. */
    private static boolean looksLikeMarkdown(String text, int first) {
        if (text.startsWith("---\n", first)) {
            return true;
        }
        int i = first;
        int hashes = 0;
        while (i < text.length() && text.charAt(i) == '#' && hashes < 7) {
            hashes++;
            i++;
        }
        return hashes >= 1 && hashes <= 6 && i < text.length() && text.charAt(i) == ' ';
    }

    private static char nextNonSpace(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return text.charAt(i);
            }
        }
        return '\0';
    }

    /** The format the name's extension or the media type announces, or null. */
    static ArticleFormat formatHint(String name, String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.contains("json")) {
            return ArticleFormat.JSON;
        }
        if (type.contains("html")) {
            return ArticleFormat.HTML;
        }
        if (type.contains("markdown")) {
            return ArticleFormat.MARKDOWN;
        }
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        String extension = dot < 0 ? "" : lower.substring(dot + 1);
        return switch (extension) {
            case "json", "jsonl" -> ArticleFormat.JSON;
            case "html", "htm", "xhtml" -> ArticleFormat.HTML;
            case "md", "markdown", "mdown", "mkd" -> ArticleFormat.MARKDOWN;
            case "txt", "text" -> ArticleFormat.PLAIN_TEXT;
            default -> type.startsWith("text/plain") ? ArticleFormat.PLAIN_TEXT : null;
        };
    }
}
