package io.newsgraph.core.text;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the text stages in order: sentences, tokens, token repair, part-of-speech tags; then fixes the
 * document's date (the article's, else one written in its first lines).
 */
public final class TextAnalyzer {

    private final SentenceSplitter splitter;
    private final Tokenizer tokenizer;
    private final TokenRepair repair;
    private final PosTagger tagger;
    private final DateResolver dates;
    private final PosTagger.Need need;

    public TextAnalyzer(SentenceSplitter splitter, Tokenizer tokenizer, TokenRepair repair, PosTagger tagger,
                        DateResolver dates) {
        this(splitter, tokenizer, repair, tagger, dates, PosTagger.Need.ALL);
    }

    /** With a tagging policy: only the tokens later stages look at get tags. */
    public TextAnalyzer(SentenceSplitter splitter, Tokenizer tokenizer, TokenRepair repair, PosTagger tagger,
                        DateResolver dates, PosTagger.Need need) {
        this.need = need;
        this.splitter = splitter;
        this.tokenizer = tokenizer;
        this.repair = repair;
        this.tagger = tagger;
        this.dates = dates;
    }

    public Document analyze(String text, LocalDate published) {
        String clean = text == null ? "" : text;
        List<Sentence> sentences = new ArrayList<>();
        List<Token> tokens = new ArrayList<>();
        List<Token> scratch = new ArrayList<>();
        for (int[] range : splitter.split(clean)) {
            scratch.clear();
            int index = sentences.size();
            tokenizer.tokenize(clean, range[0], range[1], index, scratch);
            List<Token> repaired = repair.repair(clean, scratch);
            if (repaired.isEmpty()) {
                continue;
            }
            int first = tokens.size();
            tokens.addAll(tagger.tag(repaired, need));
            sentences.add(new Sentence(index, range[0], range[1], first, tokens.size()));
        }
        Document doc = new Document(clean, published, sentences, tokens);
        if (published == null) {
            LocalDate written = dates.publicationDate(doc);
            if (written != null) {
                doc = doc.withPublished(written);
            }
        }
        return doc;
    }
}
