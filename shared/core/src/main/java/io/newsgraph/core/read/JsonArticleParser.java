package io.newsgraph.core.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsgraph.core.model.Article;
import io.newsgraph.core.model.ArticleFormat;
import io.newsgraph.core.read.UnreadableArticleException.Reason;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

/**
 * JSON articles: {@code title|headline}, {@code body|text|content|articleBody}, {@code date|published|publishedAt|
 * datePublished}, {@code url|link}. A gold file (a {@code text} string next to an {@code entities} array) is read
 * through {@code text} exactly, with no title split, so evaluation sees the text as it was annotated.
 */
final class JsonArticleParser {

    static final List<String> TITLE_FIELDS = List.of("title", "headline");
    static final List<String> BODY_FIELDS = List.of("body", "text", "content", "articleBody");
    static final List<String> DATE_FIELDS = List.of("date", "published", "publishedAt", "datePublished");
    static final List<String> URL_FIELDS = List.of("url", "link");

    private final ObjectMapper json;
    private final HtmlArticleParser html;

    JsonArticleParser(ObjectMapper json, HtmlArticleParser html) {
        this.json = json;
        this.html = html;
    }

    Article parse(String text) throws UnreadableArticleException {
        JsonNode root = parseStrict(text);
        if (root.isArray()) {
            if (root.size() != 1 || !root.get(0).isObject()) {
                throw new UnreadableArticleException(Reason.NO_TEXT,
                        "JSON array of " + root.size() + " values; expected one article object");
            }
            root = root.get(0);
        }
        if (!root.isObject()) {
            throw new UnreadableArticleException(Reason.NO_TEXT, "JSON " + root.getNodeType() + ", not an article object");
        }
        String url = firstText(root, URL_FIELDS);
        if (isGold(root)) {
            // exactly as annotated, except that control characters (never annotated) become spaces, one for one
            String body = TextCleanup.blankControls(root.get("text").asText());
            if (!TextCleanup.hasLetterOrDigit(body)) {
                throw new UnreadableArticleException(Reason.NO_TEXT, "gold file with an empty \"text\"");
            }
            LocalDate published = DateText.parseValue(firstText(root, DATE_FIELDS));
            return new Article(null, body, published != null ? published : DateText.findDateLine(body), url,
                    ArticleFormat.JSON);
        }
        String body = bodyOf(root);
        if (body == null || !TextCleanup.hasLetterOrDigit(body)) {
            throw new UnreadableArticleException(Reason.NO_TEXT,
                    "JSON object without a non-empty body field (one of " + BODY_FIELDS + ")");
        }
        String title = firstText(root, TITLE_FIELDS);
        title = title == null ? null : TextCleanup.oneLine(TextCleanup.normalizeDecoded(title));
        if (title != null && title.isEmpty()) {
            title = null;
        }
        body = TextCleanup.dropLeadingTitle(body, title);
        LocalDate published = DateText.parseValue(firstText(root, DATE_FIELDS));
        if (published == null) {
            published = DateText.findDateLine(body);
        }
        return new Article(title, body, published, url, ArticleFormat.JSON);
    }

    /** A gold annotation file: its text is the article. */
    static boolean isGold(JsonNode root) {
        return root.path("text").isTextual() && root.path("entities").isArray();
    }

    private JsonNode parseStrict(String text) throws UnreadableArticleException {
        try (JsonParser parser = json.createParser(text)) {
            JsonNode root = json.readTree(parser);
            if (root == null) {
                throw new UnreadableArticleException(Reason.MALFORMED_JSON, "JSON without a value");
            }
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                throw new UnreadableArticleException(Reason.MALFORMED_JSON,
                        "malformed JSON: content after the first value at line "
                                + parser.currentLocation().getLineNr());
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new UnreadableArticleException(Reason.MALFORMED_JSON, "malformed JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr()));
        } catch (IOException e) {
            throw new UnreadableArticleException(Reason.MALFORMED_JSON, "malformed JSON: " + e.getMessage());
        }
    }

    /** The body as text: a string (HTML markup stripped to visible text), or an array of paragraph strings. */
    private String bodyOf(JsonNode root) {
        for (String field : BODY_FIELDS) {
            JsonNode node = root.get(field);
            if (node == null) {
                continue;
            }
            String body = null;
            if (node.isTextual()) {
                body = node.asText();
            } else if (node.isArray()) {
                StringBuilder joined = new StringBuilder();
                for (JsonNode part : node) {
                    if (part.isTextual()) {
                        joined.append(part.asText()).append('\n');
                    }
                }
                body = joined.toString();
            }
            if (body == null || !TextCleanup.hasLetterOrDigit(body)) {
                continue;
            }
            // Escapes inside JSON strings can carry control characters the byte-level checks never saw.
            body = TextCleanup.normalizeDecoded(body);
            if (looksLikeMarkup(body)) {
                return html.fragmentText(body);
            }
            return TextCleanup.tidyLines(body);
        }
        return null;
    }

    /** Bodies from CMS exports often hold HTML paragraphs. */
    private static boolean looksLikeMarkup(String body) {
        return body.contains("</p>") || body.contains("<p>") || body.contains("<br") || body.contains("</div>");
    }

    private static String firstText(JsonNode root, List<String> fields) {
        for (String field : fields) {
            JsonNode node = root.get(field);
            if (node != null && (node.isTextual() || node.isNumber()) && !node.asText().isBlank()) {
                return node.asText().trim();
            }
        }
        return null;
    }
}
