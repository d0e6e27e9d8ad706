package io.newsgraph.core.read;

import io.newsgraph.core.read.UnreadableArticleException.Reason;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Bytes to text: byte-order marks, strict UTF-8, BOM-less UTF-16/32 by NUL patterns, declared charsets,
 * and a windows-1252 fallback only for bytes that look like 8-bit text. Every step is a linear scan.
 */
final class TextDecoder {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");
    /** How much of the start is sampled for the UTF-16/32 NUL pattern and the HTML meta charset. */
    private static final int SNIFF_BYTES = 4096;

    private TextDecoder() {
    }

    /** The decoded text and the charset it was decoded with. */
    record Decoded(String text, Charset charset) {
    }

    /**
     * @param bytes           the raw content (non-empty)
     * @param declaredCharset charset named by the caller (content type), or null
     * @param htmlHint        whether the name or content type says HTML (enables the meta charset scan)
     */
    static Decoded decode(byte[] bytes, String declaredCharset, boolean htmlHint) throws UnreadableArticleException {
        Decoded withBom = decodeByBom(bytes);
        if (withBom != null) {
            return checked(withBom);
        }
        String binaryKind = BinarySniffer.magicKind(bytes);
        if (binaryKind != null) {
            throw new UnreadableArticleException(Reason.BINARY, "binary content (" + binaryKind + "), not text");
        }
        Charset wide = wideCharsetByNulPattern(bytes);
        if (wide != null) {
            String text = strict(bytes, 0, wide);
            if (text == null) {
                throw new UnreadableArticleException(Reason.UNDECODABLE_TEXT,
                        "looks like " + wide.name() + " without a byte-order mark but does not decode as it");
            }
            return checked(new Decoded(text, wide));
        }
        if (BinarySniffer.tooManyControlBytes(bytes)) {
            throw new UnreadableArticleException(Reason.BINARY, "binary content (control or NUL bytes), not text");
        }
        Charset declared = supported(declaredCharset);
        if (declared == null && (htmlHint || startsWithTag(bytes))) {
            declared = supported(metaCharset(bytes));
        }
        Utf8Shape shape = Utf8Shape.of(bytes);
        // A declaration loses to bytes that are plainly UTF-8: multi-byte sequences, or (for a declared UTF-16/32,
        // whose NUL pattern was not found above) any valid UTF-8 at all.
        boolean plainlyUtf8 = shape.valid && (shape.multiByte > 0 || (declared != null && isWide(declared)));
        if (declared != null && !isUtf8(declared) && !plainlyUtf8) {
            Decoded byDeclaration = decodeDeclared(bytes, declared);
            if (byDeclaration != null) {
                return checked(byDeclaration);
            }
        }
        if (shape.valid) {
            String text = strict(bytes, 0, StandardCharsets.UTF_8);
            if (text != null) {
                return checked(new Decoded(text, StandardCharsets.UTF_8));
            }
        }
        if (shape.looksLikeEightBitText(bytes)) {
            String text = strict(bytes, 0, WINDOWS_1252);
            if (text != null) {
                return checked(new Decoded(text, WINDOWS_1252));
            }
        }
        throw new UnreadableArticleException(Reason.UNDECODABLE_TEXT,
                "not valid UTF-8 (" + shape.invalid + " invalid byte sequence(s)) and not recognisable 8-bit text");
    }

    private static Decoded decodeByBom(byte[] b) throws UnreadableArticleException {
        Charset charset = null;
        int skip = 0;
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            skip = 3;
        } else if (startsWith(b, 0x00, 0x00, 0xFE, 0xFF)) {
            charset = UTF_32BE;
            skip = 4;
        } else if (startsWith(b, 0xFF, 0xFE, 0x00, 0x00)) {
            charset = UTF_32LE;
            skip = 4;
        } else if (startsWith(b, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (startsWith(b, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        }
        if (charset == null) {
            return null;
        }
        String text = strict(b, skip, charset);
        if (text == null) {
            throw new UnreadableArticleException(Reason.UNDECODABLE_TEXT,
                    "has a " + charset.name() + " byte-order mark but does not decode as " + charset.name());
        }
        return new Decoded(text, charset);
    }

    /** Decoded text must still be text: a UTF-16 file full of control characters is binary. */
    private static Decoded checked(Decoded decoded) throws UnreadableArticleException {
        String text = decoded.text();
        int controls = 0;
        for (int i = 0; i < text.length(); i++) {
            if (isBadControl(text.charAt(i))) {
                controls++;
            }
        }
        if (controls > text.length() / 100) {
            throw new UnreadableArticleException(Reason.BINARY,
                    "decodes as " + decoded.charset().name() + " but is mostly control characters");
        }
        return decoded;
    }

    static boolean isBadControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x0B && c != 0x1B)
                || (c >= 0x7F && c <= 0x9F);
    }

    private static Decoded decodeDeclared(byte[] bytes, Charset declared) {
        // Like browsers (WHATWG encoding spec), labels for Latin-1 and ASCII mean windows-1252.
        Charset charset = declared.equals(StandardCharsets.ISO_8859_1) || declared.equals(StandardCharsets.US_ASCII)
                ? WINDOWS_1252 : declared;
        String text = strict(bytes, 0, charset);
        if (text == null && charset.equals(WINDOWS_1252)) {
            charset = StandardCharsets.ISO_8859_1;
            text = strict(bytes, 0, charset);
        }
        return text == null ? null : new Decoded(text, charset);
    }

    /** Strict decoding (malformed or unmappable input reported, never replaced); null when it fails. */
    static String strict(byte[] bytes, int offset, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * UTF-16 or UTF-32 without a BOM: mostly-ASCII text then has NUL bytes at fixed positions
     * (odd positions for UTF-16LE, even for UTF-16BE).
     */
    static Charset wideCharsetByNulPattern(byte[] b) {
        int n = Math.min(b.length, SNIFF_BYTES) & ~3;
        if (n < 4) {
            n = Math.min(b.length, SNIFF_BYTES) & ~1;
            if (n < 2) {
                return null;
            }
        }
        int[] zerosByPosition = new int[4];
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) {
                zerosByPosition[i & 3]++;
            }
        }
        int quads = n / 4;
        if (quads >= 1) {
            if (zerosByPosition[1] >= quads * 0.9 && zerosByPosition[2] >= quads * 0.9 && zerosByPosition[3] >= quads * 0.9
                    && zerosByPosition[0] <= quads * 0.1) {
                return UTF_32LE;
            }
            if (zerosByPosition[0] >= quads * 0.9 && zerosByPosition[1] >= quads * 0.9 && zerosByPosition[2] >= quads * 0.9
                    && zerosByPosition[3] <= quads * 0.1) {
                return UTF_32BE;
            }
        }
        int pairs = n / 2;
        int zerosEven = zerosByPosition[0] + zerosByPosition[2];
        int zerosOdd = zerosByPosition[1] + zerosByPosition[3];
        if (zerosOdd >= pairs * 0.4 && zerosEven <= pairs * 0.05) {
            return StandardCharsets.UTF_16LE;
        }
        if (zerosEven >= pairs * 0.4 && zerosOdd <= pairs * 0.05) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    private static boolean startsWithTag(byte[] b) {
        for (int i = 0; i < b.length && i < SNIFF_BYTES; i++) {
            int c = b[i] & 0xFF;
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            return c == '<';
        }
        return false;
    }

    /** {@code <meta charset="x">} or {@code content="text/html; charset=x"} in the first bytes, or null. */
    static String metaCharset(byte[] b) {
        int n = Math.min(b.length, SNIFF_BYTES);
        String head = new String(b, 0, n, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        int meta = head.indexOf("<meta");
        while (meta >= 0) {
            int end = head.indexOf('>', meta);
            if (end < 0) {
                end = head.length();
            }
            String tag = head.substring(meta, end);
            int at = tag.indexOf("charset=");
            if (at >= 0) {
                String value = charsetToken(tag, at + "charset=".length());
                if (!value.isEmpty()) {
                    return value;
                }
            }
            meta = head.indexOf("<meta", end);
        }
        return null;
    }

    /** The charset parameter of a media type such as {@code text/html; charset=ISO-8859-1}, or null. */
    static String contentTypeCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        String lower = contentType.toLowerCase(Locale.ROOT);
        int at = lower.indexOf("charset=");
        if (at < 0) {
            return null;
        }
        String value = charsetToken(lower, at + "charset=".length());
        return value.isEmpty() ? null : value;
    }

    private static String charsetToken(String s, int from) {
        int i = from;
        while (i < s.length() && (s.charAt(i) == '"' || s.charAt(i) == '\'' || s.charAt(i) == ' ')) {
            i++;
        }
        int start = i;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == ':') {
                i++;
            } else {
                break;
            }
        }
        return s.substring(start, i);
    }

    private static Charset supported(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(name.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isWide(Charset charset) {
        return charset.name().startsWith("UTF-16") || charset.name().startsWith("UTF-32");
    }

    private static boolean isUtf8(Charset charset) {
        return charset.equals(StandardCharsets.UTF_8);
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** One pass over the bytes: how UTF-8-like they are. */
    static final class Utf8Shape {
        boolean valid = true;
        int multiByte;
        int invalid;

        static Utf8Shape of(byte[] b) {
            Utf8Shape shape = new Utf8Shape();
            int i = 0;
            while (i < b.length) {
                int c = b[i] & 0xFF;
                if (c < 0x80) {
                    i++;
                    continue;
                }
                int continuations = c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : -1;
                boolean ok = continuations > 0;
                for (int k = 1; ok && k <= continuations; k++) {
                    if (i + k >= b.length || (b[i + k] & 0xC0) != 0x80) {
                        ok = false;
                    }
                }
                if (ok) {
                    shape.multiByte++;
                    i += continuations + 1;
                } else {
                    shape.valid = false;
                    shape.invalid++;
                    i++;
                }
            }
            return shape;
        }

        /**
         * Latin-1/windows-1252 text: few high bytes, all of them defined characters, accented letters sitting
         * next to other letters, and (almost) no well-formed UTF-8 sequences, which would mean damaged UTF-8.
         */
        boolean looksLikeEightBitText(byte[] b) {
            if (multiByte > invalid / 5) {
                return false;
            }
            int high = 0;
            int highLetters = 0;
            int lettersInWords = 0;
            for (int i = 0; i < b.length; i++) {
                int c = b[i] & 0xFF;
                if (c < 0x80) {
                    continue;
                }
                high++;
                if (c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D) {
                    return false; // undefined in windows-1252, C1 controls in ISO-8859-1
                }
                if (isLetter1252(c)) {
                    highLetters++;
                    boolean before = i > 0 && isWordByte(b[i - 1] & 0xFF);
                    boolean after = i + 1 < b.length && isWordByte(b[i + 1] & 0xFF);
                    if (before || after || isOneLetterWord(b, i)) {
                        lettersInWords++;
                    }
                }
            }
            if (high == 0 || high > b.length * 3L / 10) {
                return false;
            }
            return lettersInWords * 10L >= highLetters * 8L;
        }

        /** Accented lower-case vowels stand alone as words ("à", "é", "ó"), between spaces. */
        private static boolean isOneLetterWord(byte[] b, int i) {
            int c = b[i] & 0xFF;
            boolean vowel = (c >= 0xE0 && c <= 0xE2) || (c >= 0xE8 && c <= 0xEA) || (c >= 0xF2 && c <= 0xF4)
                    || (c >= 0xF9 && c <= 0xFB);
            return vowel && i > 0 && b[i - 1] == ' ' && i + 1 < b.length && b[i + 1] == ' ';
        }

        private static boolean isWordByte(int c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isLetter1252(c);
        }

        private static boolean isLetter1252(int c) {
            return (c >= 0xC0 && c != 0xD7 && c != 0xF7) || c == 0x8A || c == 0x8C || c == 0x8E || c == 0x9A
                    || c == 0x9C || c == 0x9E || c == 0x9F || c == 0xAA || c == 0xBA;
        }
    }
}
