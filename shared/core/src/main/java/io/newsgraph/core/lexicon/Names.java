package io.newsgraph.core.lexicon;

import java.text.Normalizer;

/** Name normalisation of the annotation guidelines (section 4), shared by matching and lookups. */
public final class Names {

    private Names() {
    }

    /**
     * NFKD with marks removed, lower case, a leading "the " dropped, hyphens, apostrophes and dots
     * removed, runs of white space folded to one space.
     */
    public static String normalize(String name) {
        if (name == null) {
            return "";
        }
        // Plain ASCII needs no Unicode decomposition (the common case, and the costly step).
        String s = isAscii(name) ? name : Normalizer.normalize(name, Normalizer.Form.NFKD);
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                    || type == Character.ENCLOSING_MARK) {
                continue;
            }
            if (c == '-' || c == '\'' || c == '.' || c == '\u2019' || c == '\u2018' || c == '\u2010'
                    || c == '\u2011' || c == '\u2013') {
                continue;
            }
            if (Character.isWhitespace(c)) {
                space = b.length() > 0;
                continue;
            }
            if (space) {
                b.append(' ');
                space = false;
            }
            b.append(Character.toLowerCase(c));
        }
        String out = b.toString();
        return out.startsWith("the ") ? out.substring(4) : out;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Normalised form without a leading Arabic article ("al-", "el-"), for spelling-variant matching. */
    public static String stripArticle(String normalized) {
        for (String p : new String[] {"al ", "el ", "al", "el"}) {
            if (normalized.startsWith(p) && normalized.length() > p.length() + 3) {
                return normalized.substring(p.length());
            }
        }
        return normalized;
    }
}
