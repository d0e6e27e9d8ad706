package io.newsgraph.core.text;

/**
 * One token of the analysed text.
 *
 * @param text     surface form
 * @param start    start offset in the document text
 * @param end      end offset (exclusive)
 * @param sentence index of its sentence
 * @param tag      Universal Dependencies part-of-speech tag (PROPN, VERB, ...), or "" before tagging
 */
public record Token(String text, int start, int end, int sentence, String tag) {

    public Token withTag(String newTag) {
        return new Token(text, start, end, sentence, newTag);
    }

    /** Starts with an upper-case letter (or a digit-free upper-case acronym). */
    public boolean capitalised() {
        return !text.isEmpty() && Character.isUpperCase(text.codePointAt(0));
    }

    public boolean isWord() {
        return !text.isEmpty() && Character.isLetterOrDigit(text.codePointAt(0));
    }

    public boolean properNounTag() {
        return tag.equals("PROPN");
    }

    public boolean verbTag() {
        return tag.equals("VERB") || tag.equals("AUX");
    }

    public boolean nounTag() {
        return tag.equals("NOUN") || tag.equals("PROPN");
    }
}
