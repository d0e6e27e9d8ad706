package io.newsgraph.core.read;

import io.newsgraph.core.model.Article;
import io.newsgraph.core.model.ArticleFormat;
import io.newsgraph.core.read.UnreadableArticleException.Reason;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticleReaderTest {

    private final ArticleReader reader = new ArticleReader();

    private Article read(String text, String name) throws UnreadableArticleException {
        return reader.read(text.getBytes(StandardCharsets.UTF_8), name, null);
    }

    private Reason rejection(byte[] bytes, String name) {
        return assertThrows(UnreadableArticleException.class, () -> reader.read(bytes, name, null)).reason();
    }

    // ---- plain text

    @Test
    void plainTextWithHeadlineAndDateLine() throws Exception {
        Article article = read("Harbour council approves new ferry line\nFriday, July 21, 2017\n"
                + "The council of Port Amble voted on Thursday to fund a ferry.\nIt starts in May.\n", "story.txt");
        assertEquals(ArticleFormat.PLAIN_TEXT, article.format());
        assertEquals("Harbour council approves new ferry line", article.title());
        assertTrue(article.body().startsWith("Friday, July 21, 2017\nThe council"), article.body());
        assertEquals(LocalDate.of(2017, 7, 21), article.published());
    }

    @Test
    void plainTextFirstSentenceIsNotATitle() throws Exception {
        Article article = read("The council voted on Thursday.\nIt starts in May.", "story.txt");
        assertNull(article.title());
        assertEquals("The council voted on Thursday.\nIt starts in May.", article.body());
        assertNull(article.published());
    }

    @Test
    void dateLinesInSeveralShapes() {
        assertEquals(LocalDate.of(2017, 7, 21), DateText.parseLine("July 21, 2017"));
        assertEquals(LocalDate.of(2017, 7, 21), DateText.parseLine("2017-07-21"));
        assertEquals(LocalDate.of(2017, 7, 21), DateText.parseLine("21 July 2017"));
        assertEquals(LocalDate.of(2017, 7, 21), DateText.parseLine("Published: Fri, Jul 21st, 2017 10:30 am EDT"));
        assertEquals(LocalDate.of(2026, 3, 9), DateText.parseLine("PORT AMBLE, March 9, 2026"));
        assertNull(DateText.parseLine("Ines Varga, the mayor, March 9, 2026 and later"));
        assertNull(DateText.parseLine("July 21, 2017 was a quiet day"));
        assertNull(DateText.parseLine("February 30, 2017"));
        assertEquals(LocalDate.of(2017, 7, 21), DateText.parseValue("2017-07-21T23:30:00-04:00"));
        assertEquals(LocalDate.of(2017, 7, 21), DateText.parseValue("Fri, 21 Jul 2017 09:30:00 GMT"));
        assertEquals(LocalDate.of(2017, 7, 21), DateText.parseValue("1500629400"));
        assertNull(DateText.parseValue("soon"));
    }

    // ---- HTML

    @Test
    void htmlKeepsVisibleTextOnly() throws Exception {
        String html = "<!DOCTYPE html><html><head><title>Ferry vote | Amble Herald</title>"
                + "<meta property=\"og:title\" content=\"Council approves ferry\">"
                + "<meta property=\"article:published_time\" content=\"2019-03-04T08:00:00Z\">"
                + "<link rel=\"canonical\" href=\"https://herald.example/ferry\">"
                + "<style>p { color: red }</style><script>var secret = 'tracking';</script></head>"
                + "<body><nav>Home | Sport</nav><header>Amble Herald</header>"
                + "<h1>Council approves ferry</h1><p>The council of Port Amble voted\n   on Monday.</p>"
                + "<p>Mayor Ines Varga <b>welcomed</b> the vote.<br>Work starts soon.</p>"
                + "<div style=\"display:none\">hidden promo</div><aside>Related stories</aside>"
                + "<noscript>enable javascript</noscript><form>Subscribe</form><footer>Copyright</footer>"
                + "</body></html>";
        Article article = read(html, "ferry.html");
        assertEquals(ArticleFormat.HTML, article.format());
        assertEquals("Council approves ferry", article.title());
        assertEquals("The council of Port Amble voted on Monday.\nMayor Ines Varga welcomed the vote.\n"
                + "Work starts soon.", article.body());
        assertEquals(LocalDate.of(2019, 3, 4), article.published());
        assertEquals("https://herald.example/ferry", article.url());
    }

    @Test
    void htmlTitleAndDateFromTitleTagAndTimeElement() throws Exception {
        Article article = read("<html><head><title>Bridge reopens</title></head><body><article>"
                + "<time datetime=\"2020-11-02\">2 November</time><p>The old bridge reopened.</p></article>"
                + "<section>Comments</section></body></html>", "page");
        assertEquals("Bridge reopens", article.title());
        assertEquals(LocalDate.of(2020, 11, 2), article.published());
        assertEquals("2 November\nThe old bridge reopened.", article.body());
    }

    @Test
    void htmlTitleTagLosesTheSiteName() throws Exception {
        assertEquals("Council approves new ferry", read("<html><head><title>Council approves new ferry | Amble Herald"
                + "</title></head><body><p>The council voted.</p></body></html>", "a.html").title());
        assertEquals("Ferry | Herald", HtmlArticleParser.withoutSiteName("Ferry | Herald"));
    }

    @Test
    void htmlOfOnlyScriptAndStyleHasNoText() {
        StringBuilder html = new StringBuilder("<html><head><style>body{margin:0}</style></head><body>");
        for (int i = 0; i < 200; i++) {
            html.append("<script>document.write('x").append(i).append("');</script><style>.a{}</style>");
        }
        html.append("</body></html>");
        assertEquals(Reason.NO_TEXT, rejection(html.toString().getBytes(StandardCharsets.UTF_8), "a.html"));
    }

    @Test
    void htmlMetaCharsetIsRespected() throws Exception {
        byte[] bytes = ("<html><head><meta charset=\"ISO-8859-1\"><title>Caf\u00e9</title></head>"
                + "<body><p>Le caf\u00e9 de la gare a rouvert \u00e0 No\u00ebl.</p></body></html>")
                .getBytes(StandardCharsets.ISO_8859_1);
        Article article = reader.read(bytes, "cafe.html", null);
        assertEquals("Caf\u00e9", article.title());
        assertEquals("Le caf\u00e9 de la gare a rouvert \u00e0 No\u00ebl.", article.body());
    }

    @Test
    void htmlInCyrillicCharsetFromMeta() throws Exception {
        Charset koi8 = Charset.forName("KOI8-R");
        byte[] bytes = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\"></head>"
                + "<body><p>\u041a\u0430\u0437\u0430\u043d\u044c \u0438 \u0422\u0432\u0435\u0440\u044c</p></body></html>")
                .getBytes(koi8);
        assertEquals("\u041a\u0430\u0437\u0430\u043d\u044c \u0438 \u0422\u0432\u0435\u0440\u044c",
                reader.read(bytes, "x.html", null).body());
    }

    // ---- Markdown

    @Test
    void markdownRendersToPlainTextWithHeadingAsTitle() throws Exception {
        String md = "# Council approves ferry\n\nThe council of *Port Amble* voted on [Monday](http://x.example).\n"
                + "It was close.\n\n## Reaction\n\n- Mayor Ines Varga welcomed it\n- Critics did not\n\n"
                + "![a photo](p.png)\n\n> A quoted line\n";
        Article article = read(md, "ferry.md");
        assertEquals(ArticleFormat.MARKDOWN, article.format());
        assertEquals("Council approves ferry", article.title());
        assertEquals("The council of Port Amble voted on Monday. It was close.\nReaction\n"
                + "Mayor Ines Varga welcomed it\nCritics did not\nA quoted line", article.body());
    }

    @Test
    void markdownFrontMatterGivesTitleAndDate() throws Exception {
        String md = "---\ntitle: \"Bridge reopens\"\ndate: 2020-11-02\n---\nThe old bridge reopened on Monday.\n";
        Article article = read(md, null);
        assertEquals(ArticleFormat.MARKDOWN, article.format());
        assertEquals("Bridge reopens", article.title());
        assertEquals(LocalDate.of(2020, 11, 2), article.published());
        assertEquals("The old bridge reopened on Monday.", article.body());
    }

    // ---- JSON

    @Test
    void jsonArticleFields() throws Exception {
        Article article = read("{\"headline\": \"Bridge reopens\", \"articleBody\": \"The old bridge reopened.\\n"
                + "Traffic resumed.\", \"datePublished\": \"Mon, 2 Nov 2020 10:00:00 GMT\", \"link\": "
                + "\"https://news.example/b\"}", "b.json");
        assertEquals(ArticleFormat.JSON, article.format());
        assertEquals("Bridge reopens", article.title());
        assertEquals("The old bridge reopened.\nTraffic resumed.", article.body());
        assertEquals(LocalDate.of(2020, 11, 2), article.published());
        assertEquals("https://news.example/b", article.url());
    }

    @Test
    void jsonBodyHoldingHtmlIsReducedToText() throws Exception {
        Article article = read("{\"title\": \"T\", \"content\": \"<p>First part.</p><script>x()</script><p>Second.</p>\"}",
                null);
        assertEquals("First part.\nSecond.", article.body());
    }

    @Test
    void jsonBodyAsParagraphArrayWithEscapedControls() throws Exception {
        Article article = read("[{\"title\": \"Ferry\\u0000 vote\", \"body\": [\"First part.\\r\\n\", \"Second\\u0007 part.\"],"
                + " \"published\": \"2021-05-06\"}]", "a.json");
        assertEquals("Ferry vote", article.title());
        assertEquals("First part.\nSecond part.", article.body());
        assertEquals(LocalDate.of(2021, 5, 6), article.published());
    }

    @Test
    void goldFileIsReadThroughItsTextExactly() throws Exception {
        String text = "Harbour council approves ferry\nTuesday, June 4, 2019\nYesterday the council voted.  Twice.\n";
        String gold = "{\"id\": \"g1\", \"title\": \"ignored\", \"text\": " + quote(text)
                + ", \"entities\": [], \"relations\": []}";
        Article article = read(gold, "g1.json");
        assertNull(article.title());
        assertEquals(text, article.body());
        assertEquals(LocalDate.of(2019, 6, 4), article.published());
    }

    @Test
    void malformedJsonIsRejected() {
        assertEquals(Reason.MALFORMED_JSON, rejection("{\"title\": \"a\", \"body\": ".getBytes(StandardCharsets.UTF_8), "a.json"));
        assertEquals(Reason.MALFORMED_JSON, rejection("{\"body\": \"a\"} trailing".getBytes(StandardCharsets.UTF_8), null));
        assertEquals(Reason.MALFORMED_JSON, rejection("[{]".getBytes(StandardCharsets.UTF_8), null));
        assertEquals(Reason.MALFORMED_JSON, rejection("[".repeat(100_000).getBytes(StandardCharsets.UTF_8), "deep.json"));
    }

    @Test
    void jsonWithoutBodyHasNoText() {
        assertEquals(Reason.NO_TEXT, rejection("{\"title\": \"Only a title\", \"date\": \"2020-01-01\"}"
                .getBytes(StandardCharsets.UTF_8), "a.json"));
        assertEquals(Reason.NO_TEXT, rejection("{\"body\": \"   \"}".getBytes(StandardCharsets.UTF_8), "a.json"));
        assertEquals(Reason.NO_TEXT, rejection("[1, 2]".getBytes(StandardCharsets.UTF_8), "a.json"));
    }

    // ---- charsets

    @Test
    void utf16WithByteOrderMarks() throws Exception {
        String text = "Mayor Ines Varga welcomed the vote in M\u00e1laga.";
        assertEquals(text, reader.read(withBom(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE)),
                "a.txt", null).body());
        assertEquals(text, reader.read(withBom(new byte[] {(byte) 0xFE, (byte) 0xFF}, text.getBytes(StandardCharsets.UTF_16BE)),
                "a.txt", null).body());
        assertEquals(text, reader.read(withBom(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                text.getBytes(StandardCharsets.UTF_8)), "a.txt", null).body());
        assertEquals(text, reader.read(withBom(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0},
                text.getBytes(Charset.forName("UTF-32LE"))), "a.txt", null).body());
        assertEquals(text, reader.read(withBom(new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF},
                text.getBytes(Charset.forName("UTF-32BE"))), "a.txt", null).body());
    }

    @Test
    void utf16WithoutByteOrderMarkByNulPattern() throws Exception {
        String text = "The council of Port Amble voted on Monday.";
        assertEquals(text, reader.read(text.getBytes(StandardCharsets.UTF_16LE), null, null).body());
        assertEquals(text, reader.read(text.getBytes(StandardCharsets.UTF_16BE), null, null).body());
    }

    @Test
    void latin1FallsBackToWindows1252() throws Exception {
        byte[] bytes = "Le caf\u00e9 de la gare a rouvert \u00e0 No\u00ebl, dit la ma\u00eetresse \u2014 enfin."
                .getBytes(Charset.forName("windows-1252"));
        assertEquals("Le caf\u00e9 de la gare a rouvert \u00e0 No\u00ebl, dit la ma\u00eetresse \u2014 enfin.",
                reader.read(bytes, "a.txt", null).body());
    }

    @Test
    void declaredContentTypeCharsetIsUsed() throws Exception {
        byte[] bytes = "Caf\u00e9 society".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("Caf\u00e9 society", reader.read(bytes, "a", "text/plain; charset=ISO-8859-1").body());
    }

    @Test
    void plainUtf8WinsOverAWrongDeclaration() throws Exception {
        assertEquals("Plain words here.", reader.read("Plain words here.".getBytes(StandardCharsets.UTF_8), "a",
                "text/plain; charset=utf-16").body());
        assertEquals("Caf\u00e9 here.", reader.read("Caf\u00e9 here.".getBytes(StandardCharsets.UTF_8), "a",
                "text/plain; charset=iso-8859-1").body());
    }

    @Test
    void invalidUtf8IsUndecodable() {
        byte[] broken = concat("The council voted ".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xC3, 0x28, ' ', (byte) 0xE2, 0x28, (byte) 0xA1, ' ', (byte) 0xFF},
                " on Monday in M\u00e1laga.".getBytes(StandardCharsets.UTF_8));
        assertEquals(Reason.UNDECODABLE_TEXT, rejection(broken, "a.txt"));
        byte[] loneBytes = concat("Stray ".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xF0, 0x28, (byte) 0x8C,
                (byte) 0xBC}, " bytes".getBytes(StandardCharsets.UTF_8));
        assertEquals(Reason.UNDECODABLE_TEXT, rejection(loneBytes, "a.txt"));
        byte[] badBom = {(byte) 0xFF, (byte) 0xFE, 0x00, (byte) 0xD8, 'a', 0};
        assertEquals(Reason.UNDECODABLE_TEXT, rejection(badBom, "a.txt"));
    }

    // ---- rejections

    @Test
    void emptyAndWhitespaceOnly() {
        assertEquals(Reason.EMPTY, rejection(new byte[0], "a.txt"));
        assertEquals(Reason.EMPTY, rejection(" \n\t\r\n ".getBytes(StandardCharsets.UTF_8), "a.txt"));
        assertEquals(Reason.EMPTY, rejection(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, ' '}, "a.txt"));
    }

    @Test
    void tooLarge() {
        ArticleReader small = new ArticleReader(100);
        byte[] bytes = "word ".repeat(30).getBytes(StandardCharsets.UTF_8);
        assertEquals(Reason.TOO_LARGE,
                assertThrows(UnreadableArticleException.class, () -> small.read(bytes, "a.txt", null)).reason());
    }

    @Test
    void binaryFormatsByMagicNumber() throws Exception {
        assertEquals(Reason.BINARY, rejection(concat("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII),
                "1 0 obj << /Type /Catalog >> endobj".getBytes(StandardCharsets.US_ASCII)), "a.pdf"));
        assertEquals(Reason.BINARY, rejection(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13},
                "a.txt"));
        assertEquals(Reason.BINARY, rejection(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16},
                "a.jpg"));
        assertEquals(Reason.BINARY, rejection("GIF89a....".getBytes(StandardCharsets.US_ASCII), "a.gif"));

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("word/document.xml"));
            out.write("<w:document>text</w:document>".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        assertEquals(Reason.BINARY, rejection(zip.toByteArray(), "a.docx"));

        ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
            out.write("The council voted.".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(Reason.BINARY, rejection(gzip.toByteArray(), "a.txt.gz"));
    }

    @Test
    void randomBytesAreBinary() {
        Random random = new Random(42);
        for (int i = 0; i < 50; i++) {
            byte[] bytes = new byte[200 + random.nextInt(5000)];
            random.nextBytes(bytes);
            UnreadableArticleException e = assertThrows(UnreadableArticleException.class,
                    () -> reader.read(bytes, "r.bin", null));
            assertTrue(e.reason() == Reason.BINARY || e.reason() == Reason.UNDECODABLE_TEXT, e.reason() + " " + e.getMessage());
        }
    }

    @Test
    void controlBytesInTextAreBinary() {
        byte[] bytes = "text\u0000\u0001\u0002\u0003 with controls".getBytes(StandardCharsets.UTF_8);
        assertEquals(Reason.BINARY, rejection(bytes, "a.txt"));
    }

    @Test
    void punctuationOnlyHasNoText() {
        assertEquals(Reason.NO_TEXT, rejection("... --- !!!".getBytes(StandardCharsets.UTF_8), "a.txt"));
    }

    // ---- bounded time on hostile shapes (correctness asserted; speed is measured by bench, not here)

    @Test
    void oneMegabyteLineWithoutPunctuation() throws Exception {
        StringBuilder line = new StringBuilder(1 << 20);
        while (line.length() < (1 << 20)) {
            line.append("word ");
        }
        Article article = read(line.toString(), "long.txt");
        assertNull(article.title());
        assertEquals(line.toString().strip(), article.body());
        Article asMarkdown = read("# Title\n" + line, "long.md");
        assertEquals("Title", asMarkdown.title());
        assertFalse(asMarkdown.body().isEmpty());
    }

    @Test
    void manyCapitalisedTokens() throws Exception {
        String text = "Name ".repeat(100_000);
        assertEquals(text.strip(), read(text, "caps.txt").body());
    }

    @Test
    void formatHintsFromNameAndContentType() {
        assertEquals(ArticleFormat.HTML, ArticleReader.formatHint("a/b c+d.HTM", null));
        assertEquals(ArticleFormat.JSON, ArticleReader.formatHint(null, "application/json; charset=utf-8"));
        assertEquals(ArticleFormat.MARKDOWN, ArticleReader.formatHint("notes.md", null));
        assertNull(ArticleReader.formatHint("noext", null));
        // content wins over a wrong hint
        assertEquals(ArticleFormat.HTML, ArticleReader.detectFormat("<!doctype html><p>x</p>", ArticleFormat.PLAIN_TEXT));
        assertEquals(ArticleFormat.JSON, ArticleReader.detectFormat(" {\"body\": \"x\"}", ArticleFormat.HTML));
        assertEquals(ArticleFormat.PLAIN_TEXT, ArticleReader.detectFormat("[Reuters] said so", null));
    }

    private static byte[] withBom(byte[] bom, byte[] body) {
        return concat(bom, body);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
