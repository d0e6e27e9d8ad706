package io.newsgraph.core.text;

import java.util.ArrayList;
import java.util.List;

import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.postag.POSContextGenerator;
import opennlp.tools.postag.POSModel;
import opennlp.tools.util.SequenceValidator;

/**
 * Stage 4: Universal Dependencies part-of-speech tags (PROPN, VERB, NOUN, ...) from OpenNLP's English
 * maximum-entropy model, decoded greedily (one model evaluation per token, the best tag the model's
 * tag dictionary allows) instead of OpenNLP's beam of three: about three times faster, and the
 * pipeline only needs coarse tags. Long sentences are tagged in bounded windows.
 */
public final class PosTagger {

    static final int WINDOW = 80;
    /** Artifact name of the maximum-entropy model inside an OpenNLP POS model package. */
    static final String MODEL_ENTRY = "pos.model";

    private final MaxentModel maxent;
    private final ThreadLocal<POSContextGenerator> contexts;
    private final SequenceValidator<String> validator;
    private final int propnIndex;
    static final String PROPER_NOUN = "PROPN";
    static final double PROPER_NOUN_FLOOR = 0.2;

    public PosTagger(POSModel model) {
        this.maxent = model == null ? null : model.getArtifact(MODEL_ENTRY);
        this.contexts = model == null ? null : ThreadLocal.withInitial(() -> model.getFactory().getPOSContextGenerator(0));
        this.validator = model == null ? null : model.getFactory().getSequenceValidator();
        this.propnIndex = maxent == null ? -1 : maxent.getIndex(PROPER_NOUN);
    }

    /** Decides which tokens of a sentence need a tag; the others keep "" (saves most of the model's work). */
    @FunctionalInterface
    public interface Need {
        boolean at(List<Token> sentence, int index);

        Need ALL = (sentence, index) -> true;
    }

    /** Returns the tokens of one sentence with every tag set. */
    public List<Token> tag(List<Token> sentence) {
        return tag(sentence, Need.ALL);
    }

    /**
     * Returns the tokens of one sentence with tags set where needed. A needed token is tagged with
     * the two tokens before it as context, so its features match a full tagging closely.
     */
    public List<Token> tag(List<Token> sentence, Need need) {
        if (need != Need.ALL) {
            return tagSparse(sentence, need);
        }
        List<Token> out = new ArrayList<>(sentence.size());
        for (int from = 0; from < sentence.size(); from += WINDOW) {
            int to = Math.min(sentence.size(), from + WINDOW);
            String[] words = new String[to - from];
            for (int i = from; i < to; i++) {
                words[i - from] = taggingForm(sentence.get(i).text());
            }
            String[] tags = maxent == null ? fallback(words) : greedy(words);
            for (int i = from; i < to; i++) {
                out.add(sentence.get(i).withTag(tags[i - from]));
            }
        }
        return out;
    }

    private List<Token> tagSparse(List<Token> sentence, Need need) {
        int n = sentence.size();
        boolean[] wanted = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (need.at(sentence, i)) {
                for (int k = Math.max(0, i - 2); k <= i; k++) {
                    wanted[k] = true;
                }
            }
        }
        String[] words = new String[n];
        for (int i = 0; i < n; i++) {
            words[i] = taggingForm(sentence.get(i).text());
        }
        String[] tags = new String[n];
        for (int i = 0; i < n; i++) {
            if (wanted[i]) {
                tags[i] = maxent == null ? fallback(new String[] {words[i]})[0] : tagAt(words, tags, i);
            }
        }
        List<Token> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(tags[i] == null ? sentence.get(i) : sentence.get(i).withTag(tags[i]));
        }
        return out;
    }

    private String[] greedy(String[] words) {
        String[] tags = new String[words.length];
        for (int i = 0; i < words.length; i++) {
            tags[i] = tagAt(words, tags, i);
        }
        return tags;
    }

    /** The best tag the tag dictionary allows at i, given the tags chosen before it (null where untagged). */
    private String tagAt(String[] words, String[] tags, int i) {
        String[] prior = java.util.Arrays.copyOf(tags, i);
        for (int k = 0; k < i; k++) {
            if (prior[k] == null) {
                prior[k] = "";
            }
        }
        double[] probs = maxent.eval(contexts.get().getContext(i, words, prior, null));
        if (i == 0 && propnIndex >= 0 && !words[i].isEmpty() && Character.isUpperCase(words[i].charAt(0))
                && probs[propnIndex] >= PROPER_NOUN_FLOOR) {
            // At a sentence start capitals say nothing and the model has no lexicon: an unfamiliar
            // capitalised word ("Tarvo hosted ...") gets some proper-noun weight; enough makes it a name.
            return PROPER_NOUN;
        }
        int best = -1;
        for (int o = 0; o < probs.length; o++) {
            if ((best < 0 || probs[o] > probs[best])
                    && (validator == null || validator.validSequence(i, words, prior, maxent.getOutcome(o)))) {
                best = o;
            }
        }
        return best < 0 ? maxent.getBestOutcome(probs) : maxent.getOutcome(best);
    }

    /** "al-Qassari" is tagged as "Qassari": the model has not seen joined particles. */
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
