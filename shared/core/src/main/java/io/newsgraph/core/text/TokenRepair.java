package io.newsgraph.core.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Stage 3: repairs tokens for name finding. Rejoins hyphenated words written without spaces
 * ("al-Qassari", "Wei-lun", "Danish-built") and glues name particles written with an
 * apostrophe ("d'Estaing" stays whole already). Possessives were split by the tokenizer.
 */
public final class TokenRepair {

    /** At most this many parts are joined, so a 1 MB hyphen chain stays cheap. */
    static final int MAX_PARTS = 6;

    public List<Token> repair(String text, List<Token> tokens) {
        List<Token> out = new ArrayList<>(tokens.size());
        int i = 0;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (!t.isWord()) {
                out.add(t);
                i++;
                continue;
            }
            int j = i;
            int parts = 1;
            while (j + 2 < tokens.size() && parts < MAX_PARTS && isJoiner(tokens.get(j + 1).text())
                    && tokens.get(j + 1).start() == tokens.get(j).end()
                    && tokens.get(j + 2).start() == tokens.get(j + 1).end()
                    && tokens.get(j + 2).isWord()) {
                j += 2;
                parts++;
            }
            if (j == i) {
                out.add(t);
            } else {
                Token last = tokens.get(j);
                out.add(new Token(text.substring(t.start(), last.end()), t.start(), last.end(), t.sentence(), ""));
            }
            i = j + 1;
        }
        return out;
    }

    private static boolean isJoiner(String s) {
        return s.equals("-") || s.equals("\u2010") || s.equals("\u2011") || s.equals("\u2013");
    }
}
