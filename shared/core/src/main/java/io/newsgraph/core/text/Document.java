package io.newsgraph.core.text;

import java.time.LocalDate;
import java.util.List;

/**
 * The immutable analysed text: sentences and tokens (with tags once tagged).
 *
 * @param text      the full text (title on the first line)
 * @param published the date relative expressions resolve against, or null
 * @param sentences sentences in order
 * @param tokens    tokens in order
 */
public record Document(String text, LocalDate published, List<Sentence> sentences, List<Token> tokens) {

    public Document {
        sentences = List.copyOf(sentences);
        tokens = List.copyOf(tokens);
    }

    public int tokenCount() {
        return tokens.size();
    }

    public String sentenceText(int sentence) {
        Sentence s = sentences.get(sentence);
        return text.substring(s.start(), s.end()).strip();
    }

    public List<Token> tokensOf(Sentence s) {
        return tokens.subList(s.firstToken(), s.endToken());
    }

    public Document withTokens(List<Sentence> newSentences, List<Token> newTokens) {
        return new Document(text, published, newSentences, newTokens);
    }

    public Document withPublished(LocalDate date) {
        return new Document(text, date, sentences, tokens);
    }

    /** Text covered by tokens [from, to). */
    public String span(int from, int to) {
        return text.substring(tokens.get(from).start(), tokens.get(to - 1).end());
    }
}
