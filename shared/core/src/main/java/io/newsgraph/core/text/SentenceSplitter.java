package io.newsgraph.core.text;

import java.util.ArrayList;
import java.util.List;

import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.util.Span;

/**
 * Stage 1: splits text into sentence ranges. Line breaks are hard boundaries (title, paragraphs);
 * inside a line OpenNLP's maximum-entropy sentence detector decides. Very long lines are cut into
 * bounded chunks first so the cost stays linear on unpunctuated input.
 */
public final class SentenceSplitter {

    /** A chunk of a line longer than this is cut at whitespace before detection. */
    static final int MAX_CHUNK_CHARS = 4_000;

    private final ThreadLocal<SentenceDetectorME> detector;

    public SentenceSplitter(SentenceModel model) {
        this.detector = model == null ? null : ThreadLocal.withInitial(() -> new SentenceDetectorME(model));
    }

    /** Character ranges [start, end) of sentences, trimmed, never empty. */
    public List<int[]> split(String text) {
        List<int[]> out = new ArrayList<>();
        int n = text.length();
        int lineStart = 0;
        while (lineStart < n) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            splitLine(text, lineStart, lineEnd, out);
            lineStart = lineEnd + 1;
        }
        return out;
    }

    private void splitLine(String text, int from, int to, List<int[]> out) {
        int start = from;
        while (start < to) {
            int end = to;
            if (end - start > MAX_CHUNK_CHARS) {
                end = start + MAX_CHUNK_CHARS;
                int ws = text.lastIndexOf(' ', end);
                if (ws > start + MAX_CHUNK_CHARS / 2) {
                    end = ws;
                }
            }
            detect(text, start, end, out);
            start = end;
        }
    }

    private void detect(String text, int from, int to, List<int[]> out) {
        String chunk = text.substring(from, to);
        if (chunk.isBlank()) {
            return;
        }
        if (detector == null) {
            addTrimmed(text, from, to, out);
            return;
        }
        Span[] spans = detector.get().sentPosDetect(chunk);
        if (spans.length == 0) {
            addTrimmed(text, from, to, out);
            return;
        }
        int start = spans[0].getStart();
        for (int i = 0; i < spans.length; i++) {
            int end = spans[i].getEnd();
            // "J. Arlo Finch", "George W. Bush": an initial does not end a sentence.
            if (i + 1 < spans.length && (endsWithInitial(chunk, spans[i].getStart(), end)
                    || endsWithDottedAcronym(chunk, spans[i].getStart(), end)
                    && !startsWithFunctionWord(chunk, spans[i + 1].getStart(), spans[i + 1].getEnd()))) {
                continue;
            }
            addTrimmed(text, from + start, from + end, out);
            if (i + 1 < spans.length) {
                start = spans[i + 1].getStart();
            }
        }
    }

    private static boolean endsWithInitial(String chunk, int start, int end) {
        int e = end;
        while (e > start && Character.isWhitespace(chunk.charAt(e - 1))) {
            e--;
        }
        return e - start >= 2 && chunk.charAt(e - 1) == '.' && Character.isUpperCase(chunk.charAt(e - 2))
                && (e - 3 < start || chunk.charAt(e - 3) == ' ');
    }

    /** "U.S." before "President Marek" does not end a sentence; before "The" it may. */
    private static boolean endsWithDottedAcronym(String chunk, int start, int end) {
        int e = end;
        while (e > start && Character.isWhitespace(chunk.charAt(e - 1))) {
            e--;
        }
        return e - start >= 4 && chunk.charAt(e - 1) == '.' && Character.isUpperCase(chunk.charAt(e - 2))
                && chunk.charAt(e - 3) == '.' && Character.isUpperCase(chunk.charAt(e - 4));
    }

    private static final java.util.Set<String> FUNCTION_WORDS = java.util.Set.of("The", "A", "An", "He", "She",
            "It", "They", "We", "I", "This", "That", "These", "Those", "But", "And", "In", "On", "At", "There", "His",
            "Her", "Their", "Its", "Our", "As", "If", "When", "While", "After", "Before", "So", "Yet", "However");

    private static boolean startsWithFunctionWord(String chunk, int start, int end) {
        int e = start;
        while (e < end && Character.isLetter(chunk.charAt(e))) {
            e++;
        }
        return FUNCTION_WORDS.contains(chunk.substring(start, e));
    }

    private static void addTrimmed(String text, int start, int end, List<int[]> out) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            out.add(new int[] {start, end});
        }
    }
}
