package io.newsgraph.storage;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * S3 event sequencers are hex strings that order events for one key. S3's documentation says to compare
 * sequencers of different lengths by right-padding the shorter with zeros, then comparing as strings; they
 * are stored in that padded form, one width for all, so DynamoDB condition expressions compare them the
 * same way.
 */
public final class Sequencers {
    static final int WIDTH = 64;
    private static final Pattern HEX = Pattern.compile("[0-9A-F]*");

    private Sequencers() {
    }

    /**
     * The sortable form. A missing sequencer, or one that is not hex of at most 64 digits (S3 never sends
     * such; a hand-made event might), sorts lowest rather than failing: a write must never become a
     * poison event that Lambda retries forever.
     */
    public static String sortable(String sequencer) {
        String hex = sequencer == null ? "" : sequencer.strip().toUpperCase(Locale.ROOT);
        if (hex.length() > WIDTH || !HEX.matcher(hex).matches()) {
            hex = "";
        }
        return hex + "0".repeat(WIDTH - hex.length());
    }

    /** Negative, zero or positive as {@code a} is older than, equal to or newer than {@code b}. */
    public static int compare(String a, String b) {
        return sortable(a).compareTo(sortable(b));
    }
}
