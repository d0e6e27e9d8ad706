package io.newsgraph.core.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsgraph.core.model.Article;
import io.newsgraph.core.model.ArticleFormat;
import io.newsgraph.core.read.UnreadableArticleException.Reason;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

/** HTML: visible text only, block structure kept as lines; title, date and URL from the markup. */
final class HtmlArticleParser {

    /** Elements whose content a reader does not see as the article (or does not see at all). */
    private static final String INVISIBLE = "script, style, noscript, nav, header, footer, aside, form, template, svg, "
            + "iframe, object, embed, canvas, button, select, textarea, input, dialog, menu, [hidden], [aria-hidden=true]";
    /** Elements that start a new line in rendered text. */
    private static final Set<String> BLOCKS = Set.of("address", "article", "blockquote", "br", "caption", "center",
            "dd", "details", "div", "dl", "dt", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
            "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead",
            "tr", "ul", "body", "html");

    private final ObjectMapper json;

    HtmlArticleParser(ObjectMapper json) {
        this.json = json;
    }

    Article parse(String html) throws UnreadableArticleException {
        Document doc = Jsoup.parse(html);
        JsonNode linkedData = linkedData(doc);
        String title = firstNonBlank(
                meta(doc, "meta[property=og:title]"),
                linkedData == null ? null : text(linkedData.get("headline")),
                doc.selectFirst("h1") == null ? null : doc.selectFirst("h1").text(),
                withoutSiteName(doc.title()));
        LocalDate published = DateText.parseValue(firstNonBlank(
                meta(doc, "meta[property=article:published_time]"),
                meta(doc, "meta[itemprop=datePublished]"),
                linkedData == null ? null : text(linkedData.get("datePublished")),
                meta(doc, "meta[name=date]"),
                meta(doc, "meta[name=pubdate]"),
                meta(doc, "meta[name=publishdate]"),
                meta(doc, "meta[name=dc.date]"),
                doc.selectFirst("time[datetime]") == null ? null : doc.selectFirst("time[datetime]").attr("datetime")));
        Element canonical = doc.selectFirst("link[rel=canonical][href]");
        String url = firstNonBlank(canonical == null ? null : canonical.attr("href"), meta(doc, "meta[property=og:url]"));

        Element root = contentRoot(doc);
        root.select(INVISIBLE).remove();
        root.select("[style]").forEach(e -> {
            String style = e.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
            if (style.contains("display:none") || style.contains("visibility:hidden")) {
                e.remove();
            }
        });
        String body = visibleText(root);
        if (published == null) {
            published = DateText.findDateLine(body);
        }
        title = title == null ? null : TextCleanup.oneLine(title);
        body = TextCleanup.dropLeadingTitle(body, title);
        if (!TextCleanup.hasLetterOrDigit(body)) {
            throw new UnreadableArticleException(Reason.NO_TEXT, "HTML without visible text");
        }
        return new Article(title, body, published, url, ArticleFormat.HTML);
    }

    /** "Ferry vote approved | Amble Herald" without " | Amble Herald", when what stays still reads as a headline. */
    static String withoutSiteName(String title) {
        int bar = title.lastIndexOf(" | ");
        if (bar > 0) {
            String head = title.substring(0, bar).trim();
            if (head.split(" ").length >= 3) {
                return head;
            }
        }
        return title;
    }

    /** Visible text of an HTML fragment (a body field holding markup). */
    String fragmentText(String fragment) {
        Element body = Jsoup.parseBodyFragment(fragment).body();
        body.select(INVISIBLE).remove();
        return visibleText(body);
    }

    /** The single {@code <article>} or {@code <main>} when the page has one, else the body. */
    private static Element contentRoot(Document doc) {
        Elements articles = doc.select("article");
        if (articles.size() == 1) {
            return articles.first();
        }
        Elements mains = doc.select("main");
        if (mains.size() == 1) {
            return mains.first();
        }
        return doc.body();
    }

    /** Text as a browser lays it out: whitespace folded within lines, a line per block element. */
    static String visibleText(Element root) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    if (insidePre(textNode)) {
                        out.append(textNode.getWholeText());
                    } else {
                        appendFolded(out, textNode.getWholeText());
                    }
                } else if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    out.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                    out.append('\n');
                }
            }
        }, root);
        return TextCleanup.tidyLines(out.toString());
    }

    private static boolean insidePre(TextNode node) {
        for (Node parent = node.parentNode(); parent != null; parent = parent.parentNode()) {
            if (parent instanceof Element element && element.normalName().equals("pre")) {
                return true;
            }
        }
        return false;
    }

    private static void appendFolded(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ' && out.charAt(out.length() - 1) != '\n') {
                    out.append(' ');
                }
            } else {
                out.append(c);
            }
        }
    }

    /** The first schema.org JSON-LD object in the page (for headline and datePublished), or null. */
    private JsonNode linkedData(Document doc) {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                JsonNode node = json.readTree(script.data());
                if (node != null && node.isArray() && node.size() > 0) {
                    node = node.get(0);
                }
                if (node != null && node.isObject() && node.has("@graph") && node.get("@graph").isArray()) {
                    for (JsonNode item : node.get("@graph")) {
                        if (item.has("headline") || item.has("datePublished")) {
                            return item;
                        }
                    }
                }
                if (node != null && node.isObject()) {
                    return node;
                }
            } catch (Exception e) {
                // broken JSON-LD is common; the page is still readable without it
            }
        }
        return null;
    }

    private static String meta(Document doc, String selector) {
        Element element = doc.selectFirst(selector);
        return element == null ? null : element.attr("content");
    }

    private static String text(JsonNode node) {
        return node != null && node.isTextual() ? node.asText() : null;
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        return null;
    }
}
