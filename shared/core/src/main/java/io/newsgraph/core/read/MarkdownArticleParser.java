package io.newsgraph.core.read;

import io.newsgraph.core.model.Article;
import io.newsgraph.core.model.ArticleFormat;
import io.newsgraph.core.read.UnreadableArticleException.Reason;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Markdown (CommonMark): rendered to plain text, one line per block, headings kept as lines; the first heading
 * (when it opens the document, or the first level-1 heading) is the title. A YAML front-matter block gives
 * title, date and url.
 */
final class MarkdownArticleParser {

    private static final int FRONT_MATTER_MAX_LINES = 60;
    private final Parser parser = Parser.builder().build();

    Article parse(String markdown) throws UnreadableArticleException {
        FrontMatter front = FrontMatter.read(markdown);
        Document document = (Document) parser.parse(front.rest);
        Heading titleHeading = titleHeading(document);
        String title = titleHeading == null ? null : TextCleanup.oneLine(plain(titleHeading));
        if (titleHeading != null) {
            titleHeading.unlink();
        }
        if (front.title != null) {
            title = front.title;
        }
        StringBuilder out = new StringBuilder();
        document.accept(new PlainTextVisitor(out));
        String body = TextCleanup.dropLeadingTitle(TextCleanup.tidyLines(out.toString()), title);
        if (!TextCleanup.hasLetterOrDigit(body)) {
            throw new UnreadableArticleException(Reason.NO_TEXT, "Markdown without body text");
        }
        LocalDate published = front.date != null ? front.date : DateText.findDateLine(body);
        return new Article(title == null || title.isEmpty() ? null : title, body, published, front.url,
                ArticleFormat.MARKDOWN);
    }

    private static Heading titleHeading(Document document) {
        Node first = document.getFirstChild();
        if (first instanceof Heading heading) {
            return heading;
        }
        for (Node node = first; node != null; node = node.getNext()) {
            if (node instanceof Heading heading && heading.getLevel() == 1) {
                return heading;
            }
        }
        return null;
    }

    private static String plain(Node node) {
        StringBuilder out = new StringBuilder();
        node.accept(new PlainTextVisitor(out));
        return out.toString();
    }

    /** Text content of each node; a line break around every block. */
    private static final class PlainTextVisitor extends AbstractVisitor {
        private final StringBuilder out;

        PlainTextVisitor(StringBuilder out) {
            this.out = out;
        }

        @Override
        public void visit(Text text) {
            out.append(text.getLiteral());
        }

        @Override
        public void visit(Code code) {
            out.append(code.getLiteral());
        }

        @Override
        public void visit(SoftLineBreak softLineBreak) {
            out.append(' ');
        }

        @Override
        public void visit(HardLineBreak hardLineBreak) {
            out.append('\n');
        }

        @Override
        public void visit(HtmlInline htmlInline) {
            // inline tags carry no text of their own
        }

        @Override
        public void visit(HtmlBlock htmlBlock) {
            out.append('\n').append(Jsoup.parse(htmlBlock.getLiteral()).text()).append('\n');
        }

        @Override
        public void visit(Image image) {
            // images are not text; their alt text is not part of the article
        }

        @Override
        public void visit(ThematicBreak thematicBreak) {
            out.append('\n');
        }

        @Override
        public void visit(FencedCodeBlock code) {
            out.append('\n').append(code.getLiteral()).append('\n');
        }

        @Override
        public void visit(IndentedCodeBlock code) {
            out.append('\n').append(code.getLiteral()).append('\n');
        }

        @Override
        protected void visitChildren(Node parent) {
            boolean block = parent instanceof Block;
            if (block) {
                out.append('\n');
            }
            super.visitChildren(parent);
            if (block) {
                out.append('\n');
            }
        }
    }

    /** A leading {@code ---} block of {@code key: value} lines (Jekyll/Hugo style), read without a YAML parser. */
    private record FrontMatter(String title, LocalDate date, String url, String rest) {
        static FrontMatter read(String text) {
            if (!text.startsWith("---\n")) {
                return new FrontMatter(null, null, null, text);
            }
            String title = null;
            LocalDate date = null;
            String url = null;
            int start = 4;
            for (int lines = 0; lines < FRONT_MATTER_MAX_LINES && start <= text.length(); lines++) {
                int end = text.indexOf('\n', start);
                if (end < 0) {
                    end = text.length();
                }
                String line = text.substring(start, end);
                if (line.trim().equals("---") || line.trim().equals("...")) {
                    return new FrontMatter(title, date, url, end >= text.length() ? "" : text.substring(end + 1));
                }
                int colon = line.indexOf(':');
                if (colon > 0) {
                    String key = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                    String value = unquote(line.substring(colon + 1).trim());
                    switch (key) {
                        case "title", "headline" -> title = value.isEmpty() ? null : value;
                        case "date", "published", "publishedat", "datepublished" -> date = DateText.parseValue(value);
                        case "url", "link" -> url = value.isEmpty() ? null : value;
                        default -> { }
                    }
                }
                start = end + 1;
            }
            // no closing line: not front matter after all
            return new FrontMatter(null, null, null, text);
        }

        private static String unquote(String value) {
            if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                    && value.charAt(value.length() - 1) == value.charAt(0)) {
                return value.substring(1, value.length() - 1);
            }
            return value;
        }
    }
}
