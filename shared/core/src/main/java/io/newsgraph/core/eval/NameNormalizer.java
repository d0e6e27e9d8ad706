package io.newsgraph.core.eval;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Names as GUIDELINES section 4 compares them: Unicode NFKD with combining marks removed, lower case, a leading
 * "the " dropped, hyphens, apostrophes (' and ’) and dots removed, runs of white space folded to one space,
 * trimmed. "The U.S." and "us" are equal; "al-Qassari" and "Al Qassari" are not (the hyphen joins, the space
 * separates).
 */
public final class NameNormalizer {

    private NameNormalizer() {
    }

    public static String normalize(String name) {
        if (name == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK) {
                continue;
            }
            folded.append(c);
        }
        String text = foldWhitespace(folded.toString().toLowerCase(Locale.ROOT));
        if (text.startsWith("the ")) {
            text = text.substring(4);
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '-' || c == '\u2010' || c == '\'' || c == '\u2019' || c == '.') {
                continue;
            }
            out.append(c);
        }
        return foldWhitespace(out.toString());
    }

    private static String foldWhitespace(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
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
}
