package io.newsgraph.storage;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Name normalisation for the name index: "VELKOV", "Velkov" and " velkov " are one key; so are "Gómez" and
 * "Gomez", "U.S." and "US", "Saint-Cyr" and "Saint Cyr". A leading "the" is dropped ("the Council").
 */
public final class Names {
    /** Longest normalised name stored (keys stay far below DynamoDB's 1 KB sort-key limit). */
    public static final int MAX_NAME_CHARS = 200;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern JOINERS = Pattern.compile("[.'\u2019`\u00b4]");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Names() {
    }

    /** The normalised form, or an empty string when nothing name-like remains. */
    public static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String text = name.length() > 4 * MAX_NAME_CHARS ? name.substring(0, 4 * MAX_NAME_CHARS) : name;
        text = Normalizer.normalize(text, Normalizer.Form.NFKD);
        text = MARKS.matcher(text).replaceAll("");
        text = text.toLowerCase(Locale.ROOT);
        text = JOINERS.matcher(text).replaceAll("");
        text = SEPARATORS.matcher(text).replaceAll(" ").strip();
        if (text.startsWith("the ") && text.length() > 4) {
            text = text.substring(4);
        }
        return truncate(text, MAX_NAME_CHARS).strip();
    }

    /** At most {@code max} chars, never splitting a surrogate pair. */
    static String truncate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }
}
