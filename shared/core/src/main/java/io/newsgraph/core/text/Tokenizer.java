package io.newsgraph.core.text;

import java.util.List;

/**
 * Stage 2: a linear, rule-based scanner. Words are runs of letters and digits; inner apostrophes
 * (O'Brien) and dotted acronyms (U.S.) stay in the word; a possessive "'s" becomes its own token;
 * every other symbol is a one-character token. Hyphens are split here and rejoined by {@link TokenRepair}.
 */
public final class Tokenizer {

    /** Longer runs are cut so one token never grows without bound. */
    static final int MAX_TOKEN_CHARS = 64;

    /** Appends the tokens of text[from, to) to out. */
    public void tokenize(String text, int from, int to, int sentence, List<Token> out) {
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || c == '\u00AD' || c == '\u200B') {
                i++;
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                int end = scanWord(text, i, to);
                // An initial keeps its dot: "J. Arlo Finch".
                if (end == i + 1 && Character.isUpperCase(c) && end + 2 < to && text.charAt(end) == '.'
                        && text.charAt(end + 1) == ' ' && Character.isUpperCase(text.charAt(end + 2))) {
                    end++;
                }
                out.add(new Token(text.substring(i, end), i, end, sentence, ""));
                i = end;
            } else if (isApostrophe(c) && i + 1 < to && (text.charAt(i + 1) == 's' || text.charAt(i + 1) == 'S')
                    && (i + 2 >= to || !Character.isLetter(text.charAt(i + 2))) && i > from
                    && Character.isLetterOrDigit(text.charAt(i - 1))) {
                out.add(new Token("'s", i, i + 2, sentence, ""));
                i += 2;
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < to ? i + 2 : i + 1;
                out.add(new Token(text.substring(i, end), i, end, sentence, ""));
                i = end;
            }
        }
    }

    private static int scanWord(String text, int start, int to) {
        int i = start;
        int limit = Math.min(to, start + MAX_TOKEN_CHARS);
        while (i < limit) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
                i++;
            } else if (isApostrophe(c) && i + 1 < to && Character.isLetter(text.charAt(i + 1))) {
                // Possessive 's ends the word; O'Brien and don't continue it.
                char next = text.charAt(i + 1);
                boolean possessive = (next == 's' || next == 'S')
                        && (i + 2 >= to || !Character.isLetter(text.charAt(i + 2)));
                if (possessive) {
                    break;
                }
                i++;
            } else if (c == '.' && i + 1 < to && Character.isLetter(text.charAt(i + 1)) && i - start == 1
                    && dottedAcronym(text, start, to)) {
                return dottedEnd(text, start, to);
            } else {
                break;
            }
        }
        return i;
    }

    /** "U.S." or "U.S.A." style: single letters each followed by a dot. */
    private static boolean dottedAcronym(String text, int start, int to) {
        return Character.isUpperCase(text.charAt(start)) && dottedEnd(text, start, to) > start + 3;
    }

    private static int dottedEnd(String text, int start, int to) {
        int i = start;
        while (i + 1 < to && Character.isUpperCase(text.charAt(i)) && text.charAt(i + 1) == '.'
                && (i + 2 >= to || !Character.isLetter(text.charAt(i + 2)) || i + 3 >= to
                    || text.charAt(i + 3) == '.')) {
            i += 2;
        }
        return i;
    }

    static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '\u2018';
    }
}
