package io.newsgraph.core.read;

/** Small linear text clean-ups shared by the format parsers. */
final class TextCleanup {

    private TextCleanup() {
    }

    /**
     * Line endings to {@code \n}, a leading byte-order mark dropped, stray control characters (other than tab,
     * line feed and form feed) turned into spaces.
     */
    static String normalizeDecoded(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int start = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\u2028' || c == '\u2029') {
                out.append('\n');
            } else if (TextDecoder.isBadControl(c) || c == 0x0B || c == 0x1B) {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Control characters (other than tab, line feed, carriage return and form feed) replaced one for one by
     * spaces: the text keeps its length and offsets.
     */
    static String blankControls(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (TextDecoder.isBadControl(c) || c == 0x0B || c == 0x1B) {
                if (out == null) {
                    out = new StringBuilder(text);
                }
                out.setCharAt(i, ' ');
            }
        }
        return out == null ? text : out.toString();
    }

    /** Each line trimmed with inner space runs folded, blank lines dropped, lines joined by {@code \n}. */
    static String tidyLines(String text) {
        StringBuilder out = new StringBuilder(text.length());
        StringBuilder line = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            if (c == '\n' || c == '\r') {
                int end = line.length();
                while (end > 0 && line.charAt(end - 1) == ' ') {
                    end--;
                }
                if (end > 0) {
                    if (out.length() > 0) {
                        out.append('\n');
                    }
                    out.append(line, 0, end);
                }
                line.setLength(0);
            } else if (c == ' ' || c == '\t' || c == '\u00A0' || c == '\f') {
                if (line.length() > 0 && line.charAt(line.length() - 1) != ' ') {
                    line.append(' ');
                }
            } else {
                line.append(c);
            }
        }
        return out.toString();
    }

    /** Whitespace (line breaks included) folded to single spaces, trimmed. */
    static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            } else {
                out.append(c);
            }
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        return out.substring(0, end);
    }

    /** The body without its first line when that line is the title (the article would otherwise say it twice). */
    static String dropLeadingTitle(String body, String title) {
        if (title == null || title.isEmpty()) {
            return body;
        }
        int end = body.indexOf('\n');
        String first = end < 0 ? body : body.substring(0, end);
        if (first.trim().equals(title)) {
            return end < 0 ? "" : body.substring(end + 1);
        }
        return body;
    }

    static boolean hasLetterOrDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    static boolean isBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '\u00A0' && c != '\uFEFF' && c != '\u200B') {
                return false;
            }
        }
        return true;
    }
}
