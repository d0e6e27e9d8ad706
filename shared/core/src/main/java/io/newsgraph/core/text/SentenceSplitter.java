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
        for (Span s : spans) {
            addTrimmed(text, from + s.getStart(), from + s.getEnd(), out);
        }
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
