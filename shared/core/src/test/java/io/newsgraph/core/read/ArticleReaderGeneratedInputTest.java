package io.newsgraph.core.read;

import io.newsgraph.core.model.Article;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Generated documents (seeded, so failures reproduce): text, HTML, Markdown and JSON built from random fragments,
 * in random encodings, sometimes truncated or with flipped bytes. Every one must either read into a well-formed
 * article or be refused with a reason; nothing else may escape.
 */
class ArticleReaderGeneratedInputTest {

    private static final String[] FRAGMENTS = {
            "Ines", "Varga", "met", "the", "Council", "of", "Port Amble", "on", "Monday", ".", ",", "\"", "'", "(", ")",
            "\n", "\n\n", "\r\n", "\t", "  ", "caf\u00e9", "M\u00fcnchen", "\u041a\u0430\u0437\u0430\u043d\u044c",
            "\u676d\u5dde", "\ud83d\ude00", "\u00a0", "\u200b", "\u0000", "\u0007", "<p>", "</p>", "<script>x()</script>",
            "<br>", "<b>", "</div>", "<!--", "-->", "&amp;", "&nbsp;", "# ", "## ", "*", "**", "_", "`", "```", "> ",
            "- ", "[", "](http://x.example)", "![", "---", "{", "}", "[", "]", ":", "\\", "\\u00e9", "null", "true",
            "July 21, 2017", "2017-07-21", "Friday,", "ALL CAPS HEADLINE", "12", "3.5", "\ufeff"};
    private static final Charset[] CHARSETS = {StandardCharsets.UTF_8, StandardCharsets.UTF_16LE,
            StandardCharsets.UTF_16BE, StandardCharsets.ISO_8859_1, Charset.forName("windows-1252"),
            Charset.forName("UTF-32BE")};

    @Test
    void thousandsOfGeneratedDocumentsAreReadOrRefusedWithAReason() {
        ArticleReader reader = new ArticleReader(200_000);
        Random random = new Random(20261128L);
        Map<UnreadableArticleException.Reason, Integer> refused = new EnumMap<>(UnreadableArticleException.Reason.class);
        int read = 0;
        for (int i = 0; i < 3000; i++) {
            byte[] bytes = document(random);
            String name = new String[] {"a.txt", "a.html", "a.md", "a.json", null, "noext"}[random.nextInt(6)];
            String type = new String[] {null, "text/plain", "text/html; charset=iso-8859-1", "application/json",
                    "text/markdown", "text/plain; charset=utf-16"}[random.nextInt(6)];
            try {
                Article article = reader.read(bytes, name, type);
                read++;
                assertNotNull(article.format());
                assertTrue(TextCleanup.hasLetterOrDigit(article.body()), () -> "empty body from document " + bytes.length);
                for (char c : article.body().toCharArray()) {
                    assertFalse(c == 0 || c == 7, "control character left in a body");
                }
                if (article.title() != null) {
                    assertFalse(article.title().contains("\n"), "a title is one line");
                }
            } catch (UnreadableArticleException e) {
                assertNotNull(e.reason());
                assertFalse(e.getMessage() == null || e.getMessage().isBlank());
                refused.merge(e.reason(), 1, Integer::sum);
            } catch (RuntimeException | StackOverflowError e) {
                fail("document " + i + " (" + name + ", " + type + ") escaped with " + e, e);
            }
        }
        assertTrue(read > 1000, "most generated documents are readable: " + read + " read, refused " + refused);
        assertTrue(refused.size() >= 3, "several kinds of refusal were exercised: " + refused);
    }

    private static byte[] document(Random random) {
        StringBuilder text = new StringBuilder();
        int wrapper = random.nextInt(6);
        switch (wrapper) {
            case 1 -> text.append("<html><head><title>");
            case 2 -> text.append("# ");
            case 3 -> text.append("{\"title\": \"");
            case 4 -> text.append("{\"id\": \"g\", \"entities\": [], \"text\": \"");
            default -> { }
        }
        int length = random.nextInt(random.nextInt(10) == 0 ? 3000 : 120);
        for (int k = 0; k < length; k++) {
            String fragment = FRAGMENTS[random.nextInt(FRAGMENTS.length)];
            text.append(wrapper >= 3 ? jsonEscape(fragment, random) : fragment);
            if (random.nextInt(3) > 0) {
                text.append(' ');
            }
            if (wrapper == 1 && k == 3) {
                text.append("</title></head><body><p>");
            }
            if (wrapper == 3 && k == 3) {
                text.append("\", \"body\": \"");
            }
        }
        switch (wrapper) {
            case 1 -> text.append("</p></body></html>");
            case 3 -> text.append("\", \"date\": \"2020-02-03\"}");
            case 4 -> text.append("\", \"relations\": []}");
            default -> { }
        }
        Charset charset = CHARSETS[random.nextInt(CHARSETS.length)];
        byte[] bytes = text.toString().getBytes(charset); // unmappable characters become '?'
        if (random.nextInt(8) == 0 && bytes.length > 2) {
            bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
        }
        if (random.nextInt(8) == 0) {
            for (int flips = random.nextInt(5); flips >= 0 && bytes.length > 0; flips--) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
        }
        if (random.nextInt(10) == 0) {
            ByteArrayOutputStream withBom = new ByteArrayOutputStream();
            withBom.writeBytes(charset.equals(StandardCharsets.UTF_16LE) ? new byte[] {(byte) 0xFF, (byte) 0xFE}
                    : charset.equals(StandardCharsets.UTF_16BE) ? new byte[] {(byte) 0xFE, (byte) 0xFF}
                    : new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            withBom.writeBytes(bytes);
            bytes = withBom.toByteArray();
        }
        return bytes;
    }

    /** Mostly valid JSON string content, sometimes raw (which may break the JSON on purpose). */
    private static String jsonEscape(String fragment, Random random) {
        if (random.nextInt(40) == 0) {
            return fragment;
        }
        StringBuilder out = new StringBuilder();
        for (char c : fragment.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
