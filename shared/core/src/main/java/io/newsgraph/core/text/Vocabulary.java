package io.newsgraph.core.text;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How the document itself writes its words: which appear in lower case somewhere (so a capitalised
 * occurrence is an ordinary word at a sentence start) and which appear capitalised inside sentences
 * but never in lower case (so they are names even at a sentence start).
 *
 * @param lowerWords    words written in lower case somewhere
 * @param innerCapitals capitalised words seen after the first token of a sentence, never in lower case
 */
public record Vocabulary(Set<String> lowerWords, Set<String> innerCapitals) {

    public static Vocabulary of(Document doc) {
        Set<String> lower = new HashSet<>();
        Set<String> inner = new HashSet<>();
        for (Sentence s : doc.sentences()) {
            for (int i = s.firstToken(); i < s.endToken(); i++) {
                String x = doc.tokens().get(i).text();
                if (x.isEmpty()) {
                    continue;
                }
                if (Character.isLowerCase(x.charAt(0))) {
                    lower.add(x);
                } else if (i > s.firstToken() && Character.isUpperCase(x.charAt(0))) {
                    inner.add(x);
                }
            }
        }
        inner.removeIf(w -> lower.contains(w.toLowerCase(Locale.ROOT)));
        return new Vocabulary(Set.copyOf(lower), Set.copyOf(inner));
    }

    public boolean writtenLower(String word) {
        return lowerWords.contains(word.toLowerCase(Locale.ROOT));
    }
}
