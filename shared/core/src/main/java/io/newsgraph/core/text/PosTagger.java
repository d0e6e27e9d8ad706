package io.newsgraph.core.text;

import java.util.ArrayList;
import java.util.List;

import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.postag.POSTagFormat;

/**
 * Stage 4: Universal Dependencies part-of-speech tags (PROPN, VERB, NOUN, ...) from OpenNLP's maximum-entropy tagger. Long sentences are
 * tagged in bounded windows so cost stays linear.
 */
public final class PosTagger {

    static final int WINDOW = 80;

    private final ThreadLocal<POSTaggerME> tagger;

    public PosTagger(POSModel model) {
        this.tagger = model == null ? null : ThreadLocal.withInitial(() -> new POSTaggerME(model, POSTagFormat.UD));
    }

    /** Returns the tokens of one sentence with tags set. */
    public List<Token> tag(List<Token> sentence) {
        List<Token> out = new ArrayList<>(sentence.size());
        for (int from = 0; from < sentence.size(); from += WINDOW) {
            int to = Math.min(sentence.size(), from + WINDOW);
            String[] words = new String[to - from];
            for (int i = from; i < to; i++) {
                words[i - from] = taggingForm(sentence.get(i).text());
            }
            String[] tags = tagger == null ? fallback(words) : tagger.get().tag(words);
            for (int i = from; i < to; i++) {
                out.add(sentence.get(i).withTag(tags[i - from]));
            }
        }
        return out;
    }

    /** "al-Sharaa" is tagged as "Sharaa": the model has not seen joined particles. */
    static String taggingForm(String word) {
        int dash = word.lastIndexOf('-');
        if (dash > 0 && dash < word.length() - 1 && Character.isUpperCase(word.charAt(dash + 1))) {
            return word.substring(dash + 1);
        }
        return word;
    }

    private static String[] fallback(String[] words) {
        String[] tags = new String[words.length];
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            tags[i] = w.isEmpty() || !Character.isLetter(w.charAt(0)) ? "SYM"
                    : Character.isUpperCase(w.charAt(0)) ? "PROPN" : "NOUN";
        }
        return tags;
    }
}
