package io.newsgraph.core.text;

/**
 * One sentence: a character range of the document and the token range inside it.
 *
 * @param index      position in the document
 * @param start      start offset in the document text
 * @param end        end offset (exclusive)
 * @param firstToken index of its first token
 * @param endToken   index after its last token
 */
public record Sentence(int index, int start, int end, int firstToken, int endToken) {

    public int tokenCount() {
        return endToken - firstToken;
    }
}
