package io.newsgraph.core.mention;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.newsgraph.core.lexicon.Lexicon;
import io.newsgraph.core.lexicon.Place;
import io.newsgraph.core.lexicon.Role;
import io.newsgraph.core.model.EntityType;
import io.newsgraph.core.text.Document;
import io.newsgraph.core.text.Sentence;
import io.newsgraph.core.text.Token;
import io.newsgraph.core.text.Vocabulary;

/**
 * Stage 5: finds proper-name spans, acronyms, gazetteer places and demonyms. A span is a run of
 * capitalised tokens, with name particles (al, bin, van, de) inside and, after an organisation
 * word, connectors ("Bank of England", "Alliance for the Betterment"). Titles at its start are cut
 * off and remembered; a leading country or demonym before a title becomes its own mention
 * ("Norwegian | President | Tomas al-Qassari").
 */
public final class MentionFinder {

    /** Texts shorter than this many sentences (event records, briefs) keep every name they mention. */
    public static final int SHORT_TEXT_SENTENCES = 4;

    /** Longest name span considered; longer capitalised runs are cut (bounded work on odd input). */
    static final int MAX_RUN = 12;
    static final int MAX_PLACE_TOKENS = 6;

    private static final Set<String> PARTICLES = Set.of("al", "el", "bin", "ibn", "bint", "abu", "van", "von",
            "de", "da", "del", "della", "der", "den", "di", "du", "la", "le", "dos", "das", "ter", "ben");
    /** Never the start of a name, whatever the tagger says. */
    private static final Set<String> FUNCTION_WORDS = Set.of("the", "a", "an", "this", "that", "these", "those",
            "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their", "our", "my", "your", "in", "on",
            "at", "of", "for", "and", "but", "or", "if", "when", "while", "after", "before", "as", "so", "there");
    private static final Set<String> GOVERNMENT_WORDS = Set.of("Government", "Administration", "Regime",
            "Authorities", "Forces", "Troops", "Military");
    private static final Set<String> NON_NAME_PREFIXES = Set.of("pro", "anti", "pan", "ex", "non", "neo", "post",
            "pre", "mid", "semi", "multi", "trans", "inter", "sub", "super", "co");
    private static final Set<String> CONNECTORS = Set.of("of", "for", "and", "the", "&", "'s", "on", "de");
    private static final Set<String> FACILITY_TAIL = Set.of("base", "airbase", "airport", "port", "coast",
            "prison", "camp", "border", "crossing", "region", "province", "district", "valley", "river",
            "mountains", "island", "islands", "peninsula", "strait", "sea", "square", "palace", "stadium");

    private final Lexicon lexicon;

    public MentionFinder(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    public List<Mention> find(Document doc) {
        return find(doc, Vocabulary.of(doc));
    }

    public List<Mention> find(Document doc, Vocabulary vocabulary) {
        List<Mention> out = new ArrayList<>();
        for (Sentence s : doc.sentences()) {
            findInSentence(doc, s, vocabulary, out);
        }
        return out;
    }

    /**
     * A capitalised word that opens a run but is written in lower case elsewhere in the article
     * ("Unaffiliated", "Second") is an ordinary word, unless a gazetteer knows it.
     */
    private boolean ordinaryWord(List<Token> tokens, int i, int to, Vocabulary vocabulary) {
        String x = tokens.get(i).text();
        if (isAcronym(x) || lexicon.knownOrganization(x) != null) {
            return false;
        }
        if ((lexicon.isFacilityWord(x) || lexicon.isOrgWord(x)) && i + 1 < to && nameToken(tokens.get(i + 1))) {
            // "Lake Vostok", "Camp David": a head word opening a name is part of it.
            return false;
        }
        int placeEnd = placeEnd(tokens, i, to);
        if (placeEnd > i + 1 || placeEnd > i && lexicon.place(x).type() == EntityType.COUNTRY) {
            return false;
        }
        return vocabulary.writtenLower(x);
    }

    private void findInSentence(Document doc, Sentence s, Vocabulary vocabulary, List<Mention> out) {
        List<Token> tokens = doc.tokens();
        int from = s.firstToken();
        int to = s.endToken();
        // A one-sentence text (an event record) has no body to confirm a headline by.
        boolean weak = doc.sentences().size() > 1 && (s.index() == 0 || isHeading(tokens, from, to))
                && headlineCased(tokens, from, to);
        int i = from;
        while (i < to) {
            Token t = tokens.get(i);
            if (hyphenPrefixPlace(doc, t, s, weak, i, out)) {
                i++;
                continue;
            }
            if (!nameToken(t) || !knownOrganisationStartsAt(tokens, i, to)
                    && ((sentenceInitial(tokens, from, i) && !properAtStart(tokens, i, to, vocabulary))
                    || (lexicon.isCommonWord(t.text()) && !placeStartsAt(tokens, i, to)
                        && (!t.properNounTag() || FUNCTION_WORDS.contains(t.text().toLowerCase(Locale.ROOT)))
                        && (FUNCTION_WORDS.contains(t.text().toLowerCase(Locale.ROOT)) || sentenceInitial(tokens, from, i)
                            || !containsOrgWord(tokens, i, runEnd(tokens, i, to))))
                    || ordinaryWord(tokens, i, to, vocabulary) && lexicon.title(t.text()) == null
                    && !containsOrgWord(tokens, i, runEnd(tokens, i, to)))) {
                i++;
                continue;
            }
            int j = runEnd(tokens, i, to);
            if (j < to && (tokens.get(j).text().equals("$") || tokens.get(j).text().equals("\u20AC"))) {
                // "US$ 45,000": a currency, not a mention.
                i = j;
                continue;
            }
            // A lone unknown word opening a sentence ("Ministers meet ...") must be confirmed elsewhere.
            boolean possessorOfName = j + 1 < to && tokens.get(j).text().equals("'s") && nameToken(tokens.get(j + 1));
            boolean initialWeak = doc.sentences().size() >= SHORT_TEXT_SENTENCES && j == i + 1 && !possessorOfName
                    && sentenceInitial(tokens, from, i) && !placeStartsAt(tokens, i, to)
                    && lexicon.knownOrganization(t.text()) == null && !isAcronym(t.text());
            segment(doc, s, i, j, weak || initialWeak, out);
            i = Math.max(j, i + 1);
        }
    }

    /** "Islamic State militants": a known multi-word organisation opens here, whatever its first word is. */
    private boolean knownOrganisationStartsAt(List<Token> tokens, int i, int to) {
        int run = runEnd(tokens, i, to);
        for (int j = Math.min(run, i + 4); j >= i + 2; j--) {
            if (lexicon.knownOrganization(spanText(tokens, i, j)) != null) {
                return true;
            }
        }
        return false;
    }

    /** "Danish-built", "French-backed", "US-led": the place before the hyphen is a mention. */
    private boolean hyphenPrefixPlace(Document doc, Token t, Sentence s, boolean weak, int index,
                                      List<Mention> out) {
        String text = t.text();
        int dash = text.indexOf('-');
        if (dash <= 1 || dash == text.length() - 1 || !Character.isUpperCase(text.charAt(0))
                || !Character.isLowerCase(text.charAt(dash + 1))) {
            return false;
        }
        String prefix = text.substring(0, dash);
        Place place = lexicon.place(prefix);
        if (place == null) {
            return false;
        }
        out.add(new Mention(s.index(), index, index + 1, prefix,
                place.viaDemonym() ? MentionKind.DEMONYM : MentionKind.PLACE, place.type(), place.canonical(),
                null, false));
        return true;
    }

    private static boolean sentenceInitial(List<Token> tokens, int from, int i) {
        for (int k = i - 1; k >= from; k--) {
            String x = tokens.get(k).text();
            if (!(x.equals("\"") || x.equals("\u201C") || x.equals("'") || x.equals("(") || x.equals("-")
                    || x.equals("\u2013") || x.equals("\u2014") || x.equals(":"))) {
                return false;
            }
        }
        return true;
    }

    /** A sentence-initial capitalised word counts as a name only with the tagger's or lexicon's support. */
    private boolean properAtStart(List<Token> tokens, int i, int to, Vocabulary vocabulary) {
        Token t = tokens.get(i);
        int placeEnd = placeEnd(tokens, i, to);
        if (placeEnd > i + 1 || placeEnd > i && (t.properNounTag() || isAcronym(t.text())
                || lexicon.place(t.text()).type() == EntityType.COUNTRY)
                || lexicon.knownOrganization(t.text()) != null) {
            return true;
        }
        if (lexicon.isCommonWord(t.text()) || lexicon.title(t.text()) != null) {
            // "President Marek said": the title run is still a name run.
            return lexicon.title(t.text()) != null && i + 1 < to && nameToken(tokens.get(i + 1));
        }
        int run = runEnd(tokens, i, to);
        if (run + 1 < to && tokens.get(run).text().equals("'s") && nameToken(tokens.get(run + 1))
                && lexicon.title(tokens.get(run + 1).text()) == null) {
            // "Veridian's Tomas Kell": a possessor of a named person is a name.
            return true;
        }
        String lower = t.text().toLowerCase(Locale.ROOT);
        if (lower.endsWith("ing") || lower.endsWith("ed") || lower.endsWith("ly") || lower.endsWith("ers")
                || lower.endsWith("ists") || lower.endsWith("men")) {
            // "Running", "Stalled", "Rarely", "Farmers", "Firemen": verb, adverb and plural noun forms.
            return false;
        }
        if (t.properNounTag() || isAcronym(t.text()) || t.text().indexOf('-') > 0
                || vocabulary.innerCapitals().contains(t.text())) {
            return true;
        }
        return i + 1 < to && nameToken(tokens.get(i + 1)) && tokens.get(i + 1).properNounTag();
    }

    private boolean placeStartsAt(List<Token> tokens, int i, int to) {
        return placeEnd(tokens, i, to) > i;
    }

    static boolean nameToken(Token t) {
        String x = t.text();
        if (x.isEmpty()) {
            return false;
        }
        char c = x.charAt(0);
        if (Character.isUpperCase(c)) {
            int dash = x.lastIndexOf('-');
            if (dash > 0 && dash < x.length() - 1) {
                // "Mid-season", "X-ray", "Pro-Velmora", "Anti-Marek" are not names.
                if (Character.isLowerCase(x.charAt(dash + 1))) {
                    return false;
                }
                String head = x.substring(0, x.indexOf('-')).toLowerCase(Locale.ROOT);
                return !NON_NAME_PREFIXES.contains(head);
            }
            return true;
        }
        // "al-Qassari", "el-Mansur", "bin-Rashed": lower-case particle joined to a capitalised name.
        int dash = x.indexOf('-');
        return dash > 0 && dash < x.length() - 1 && Character.isUpperCase(x.charAt(dash + 1))
                && PARTICLES.contains(x.substring(0, dash).toLowerCase(Locale.ROOT));
    }

    /** Inside a name, a hyphenated part may have a lower-case tail ("Lo Wei-lun"). */
    private static boolean continuationToken(Token t) {
        String x = t.text();
        int dash = x.indexOf('-');
        return dash > 1 && dash < x.length() - 1 && Character.isUpperCase(x.charAt(0))
                && !NON_NAME_PREFIXES.contains(x.substring(0, dash).toLowerCase(Locale.ROOT));
    }

    private int runEnd(List<Token> tokens, int i, int to) {
        int j = i + 1;
        boolean orgMode = lexicon.isOrgWord(tokens.get(i).text()) || lexicon.isFacilityWord(tokens.get(i).text());
        int limit = Math.min(to, i + MAX_RUN);
        int ofJoins = 0;
        while (j < limit) {
            Token t = tokens.get(j);
            String lower = t.text().toLowerCase(Locale.ROOT);
            if (nameToken(t) && !lexicon.isCommonWord(t.text()) || nameToken(t) && t.properNounTag()
                    || continuationToken(t)) {
                if (lexicon.isOrgWord(t.text()) || lexicon.isFacilityWord(t.text())) {
                    orgMode = true;
                }
                j++;
                continue;
            }
            int afterParticles = j;
            while (afterParticles < limit && afterParticles - j < 2
                    && PARTICLES.contains(tokens.get(afterParticles).text())) {
                afterParticles++;
            }
            if (afterParticles > j && afterParticles < limit && nameToken(tokens.get(afterParticles))
                    && !(orgMode && "de".equals(lower))) {
                // "bin Salman", "van der Meer": lower-case particles inside a person's name.
                j = afterParticles;
                continue;
            }
            boolean afterHead = lexicon.isOrgWord(tokens.get(j - 1).text())
                    || lexicon.isFacilityWord(tokens.get(j - 1).text());
            if (orgMode && CONNECTORS.contains(lower) && !(afterHead && (lower.equals("and") || lower.equals("&")))
                    && !(lower.equals("of") && ofJoins > 0 && placeAfter(tokens, j + 1, limit))
                    && !((lower.equals("and") || lower.equals("&")) && coordinatedOrganisation(tokens, i, j, limit))) {
                if (lower.equals("of")) {
                    ofJoins++;
                }
                int k = j;
                while (k < limit && CONNECTORS.contains(tokens.get(k).text().toLowerCase(Locale.ROOT)) && k - j < 2) {
                    k++;
                }
                if (k < limit && nameToken(tokens.get(k)) && !lexicon.isCommonWord(tokens.get(k).text())
                        && (!"'s".equals(lower) || lexicon.isOrgWord(tokens.get(k).text()))) {
                    j = k;
                    continue;
                }
            } else if (!orgMode && (lower.equals("and") || lower.equals("&")) && commonNounsOnly(tokens, i, j)
                    && organisationAhead(tokens, j + 1, limit)) {
                // "Competition and Markets Authority": common nouns joined into one organisation's name.
                orgMode = true;
                j++;
                continue;
            } else if (orgMode && lower.equals("at") && j + 1 < limit && placeEnd(tokens, j + 1, limit) > j + 1) {
                // "University of Wisconsin at Madison".
                j++;
                continue;
            } else if ("'s".equals(lower) && j + 1 < limit && lexicon.isOrgWord(tokens.get(j + 1).text())
                    && (j + 2 >= to || !nameToken(tokens.get(j + 2)))
                    && lexicon.place(tokens.get(j - 1).text()) == null) {
                // "Harbour Worker's Union": a possessive inside an organisation name.
                j++;
                continue;
            }
            break;
        }
        return j;
    }

    private boolean containsOrgWord(List<Token> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            if (lexicon.isOrgWord(tokens.get(k).text())) {
                return true;
            }
        }
        return false;
    }

    private boolean commonNounsOnly(List<Token> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!ordinaryNoun(tokens.get(k).text())) {
                return false;
            }
        }
        return to > from;
    }

    /** The capitalised words from k on end with an organisation word. */
    private boolean organisationAhead(List<Token> tokens, int k, int limit) {
        int e = k;
        while (e < limit && nameToken(tokens.get(e))) {
            e++;
        }
        return e > k && lexicon.isOrgWord(tokens.get(e - 1).text());
    }

    /** A gazetteer place right after a connector ("of the UK"). */
    private boolean placeAfter(List<Token> tokens, int k, int limit) {
        while (k < limit && tokens.get(k).text().equalsIgnoreCase("the")) {
            k++;
        }
        return k < limit && placeEnd(tokens, k, limit) > k;
    }

    /** "X Institute of Mining and Y State College": "and" joins two organisation names. */
    private boolean coordinatedOrganisation(List<Token> tokens, int i, int j, int limit) {
        boolean leftHasHead = false;
        for (int k = i; k < j; k++) {
            leftHasHead |= lexicon.isOrgWord(tokens.get(k).text());
        }
        if (!leftHasHead) {
            return false;
        }
        int start = j + 1;
        while (start < limit && tokens.get(start).text().equalsIgnoreCase("the")) {
            start++;
        }
        int k = start;
        while (k < limit && nameToken(tokens.get(k))) {
            k++;
        }
        return k > start && lexicon.isOrgWord(tokens.get(k - 1).text());
    }

    /** Cuts a capitalised run into titles, leading places and the name proper. */
    private void segment(Document doc, Sentence s, int i, int j, boolean weak, List<Mention> out) {
        List<Token> tokens = doc.tokens();
        // "General Motors", "Justice Department": a run ending in an organisation word keeps its title word.
        boolean orgName = j - i >= 2 && (lexicon.isOrgWord(tokens.get(j - 1).text())
                || lexicon.knownOrganization(doc.span(i, j)) != null) && lexicon.place(doc.span(i, j)) == null;
        int k = i;
        Role role = null;
        while (k < j) {
            int titleEnd = orgName ? k : titleEnd(tokens, k, j);
            if (titleEnd > k) {
                Role r = titleRole(tokens, k, titleEnd);
                role = strongest(role, r);
                k = titleEnd;
                continue;
            }
            if (lexicon.isCommonWord(tokens.get(k).text()) && (!tokens.get(k).properNounTag()
                    || FUNCTION_WORDS.contains(tokens.get(k).text().toLowerCase(Locale.ROOT)))
                    && !placeStartsAt(tokens, k, j) && !(orgName && k == i
                        && !FUNCTION_WORDS.contains(tokens.get(k).text().toLowerCase(Locale.ROOT)))) {
                k++;
                continue;
            }
            int placeEnd = placeEnd(tokens, k, j);
            if (placeEnd > k && placeEnd + 1 == j && GOVERNMENT_WORDS.contains(tokens.get(placeEnd).text())
                    && lexicon.place(doc.span(k, placeEnd)).type() == EntityType.COUNTRY) {
                // "the UK Government", "US Army": a country named through its government is the country.
                addPlace(doc, s, k, placeEnd, weak, role, out);
                return;
            }
            if (placeEnd > k && placeEnd + 1 == j && lexicon.place(doc.span(k, placeEnd)).type() == EntityType.COUNTRY
                    && !lexicon.isOrgWord(tokens.get(placeEnd).text()) && ordinaryNoun(tokens.get(placeEnd).text())) {
                // "the Norway Tourism board", "Peru Republic": a country before an ordinary noun.
                addPlace(doc, s, k, placeEnd, weak, role, out);
                return;
            }
            if (placeEnd > k && !orgName && j - placeEnd >= 2 && j - placeEnd <= 3
                    && lexicon.place(doc.span(k, placeEnd)).type() == EntityType.COUNTRY
                    && personNameAt(tokens, placeEnd, j)) {
                // "Ambassador to the United Kingdom Aron Vesk": the country, then the person.
                addPlace(doc, s, k, placeEnd, weak, null, out);
                k = placeEnd;
                break;
            }
            if (placeEnd > k && !orgName && (placeEnd == j || titleEnd(tokens, placeEnd, j) > placeEnd
                    || placeEnd(tokens, placeEnd, j) == j || wholeTitle(tokens, placeEnd, j))) {
                addPlace(doc, s, k, placeEnd, weak, role, out);
                role = null;
                k = placeEnd;
                if (wholeTitle(tokens, k, j)) {
                    return;
                }
                continue;
            }
            break;
        }
        if (k >= j || wholeTitle(tokens, k, j)) {
            return;
        }
        // Trailing connectors never end a name.
        int end = j;
        while (end > k && (CONNECTORS.contains(tokens.get(end - 1).text().toLowerCase(Locale.ROOT))
                || PARTICLES.contains(tokens.get(end - 1).text()))) {
            end--;
        }
        if (end <= k) {
            return;
        }
        if (!orgName && splitAtInnerTitle(doc, s, k, end, weak, out)) {
            return;
        }
        int split = organisationThenPerson(tokens, k, end);
        if (split > k) {
            addName(doc, s, k, split, weak, role, out);
            addName(doc, s, split, end, weak, null, out);
            return;
        }
        addName(doc, s, k, end, weak, role, out);
    }

    /** [k, j) reads as a person's name: no organisation, facility, event or title words, no place start. */
    private boolean personNameAt(List<Token> tokens, int k, int j) {
        if (placeEnd(tokens, k, j) > k || lexicon.knownOrganization(spanText(tokens, k, j)) != null) {
            return false;
        }
        for (int q = k; q < j; q++) {
            String w = tokens.get(q).text();
            if (lexicon.isOrgWord(w) || lexicon.isFacilityWord(w) || lexicon.isEventWord(w) || lexicon.title(w) != null
                    || !nameToken(tokens.get(q)) || CONNECTORS.contains(w.toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        return true;
    }

    private static String spanText(List<Token> tokens, int k, int j) {
        StringBuilder b = new StringBuilder();
        for (int q = k; q < j; q++) {
            if (q > k) {
                b.append(' ');
            }
            b.append(tokens.get(q).text());
        }
        return b.toString();
    }

    /** The whole range [k, j) is one title phrase ("Ambassador", "Prime Minister"). */
    private boolean wholeTitle(List<Token> tokens, int k, int j) {
        return j > k && j - k <= lexicon.maxTitleWords() && titleRole(tokens, k, j) != null;
    }

    /**
     * "Acting Finance Secretary Lena Varga", "Harbour Authority Spokesman Ivo Marek": a title inside the
     * run separates what precedes it (kept when it is an organisation or place) from the person.
     */
    private boolean splitAtInnerTitle(Document doc, Sentence s, int k, int end, boolean weak, List<Mention> out) {
        List<Token> tokens = doc.tokens();
        for (int p = k + 1; p < end - 1; p++) {
            int te = titleEnd(tokens, p, end);
            if (te <= p || titleRole(tokens, p, te) == Role.NONE && te - p == 1
                    && !Character.isUpperCase(tokens.get(p).text().charAt(0))) {
                continue;
            }
            Role role = titleRole(tokens, p, te);
            String prefix = doc.span(k, p);
            if (lexicon.isOrgWord(tokens.get(p - 1).text()) || lexicon.knownOrganization(prefix) != null) {
                addName(doc, s, k, p, weak, null, out);
            } else if (lexicon.place(prefix) != null) {
                addPlace(doc, s, k, p, weak, null, out);
            }
            if (nameToken(tokens.get(te))) {
                addName(doc, s, te, end, weak, role, out);
            }
            return true;
        }
        return false;
    }

    /** "Harbour Council Ivo Marek": index where a person's name follows an organisation word, or -1. */
    private int organisationThenPerson(List<Token> tokens, int k, int end) {
        for (int p = k + 1; p < end - 2; p++) {
            if (!lexicon.isOrgWord(tokens.get(p).text())) {
                continue;
            }
            int rest = end - p - 1;
            if (rest < 2 || rest > 3 || lexicon.place(tokens.get(p + 1).text()) != null) {
                return -1;
            }
            for (int q = p + 1; q < end; q++) {
                String w = tokens.get(q).text();
                if (lexicon.isOrgWord(w) || !nameToken(tokens.get(q)) || lexicon.isEventWord(w) || lexicon.title(w) != null
                        || lexicon.isFacilityWord(w) || CONNECTORS.contains(w.toLowerCase(Locale.ROOT))) {
                    return -1;
                }
            }
            return p + 1;
        }
        return -1;
    }

    private void addPlace(Document doc, Sentence s, int k, int end, boolean weak, Role role, List<Mention> out) {
        String text = doc.span(k, end);
        Place place = lexicon.place(text);
        int ext = facilityExtension(doc.tokens(), end, s.endToken());
        if (ext > end && place.type() == EntityType.LOCATION) {
            out.add(new Mention(s.index(), k, ext, doc.span(k, ext), MentionKind.PLACE, EntityType.LOCATION,
                    place.canonical(), role, false));
            return;
        }
        out.add(new Mention(s.index(), k, end, text, place.viaDemonym() ? MentionKind.DEMONYM : MentionKind.PLACE,
                place.type(), place.canonical(), role, false));
    }

    private void addName(Document doc, Sentence s, int k, int end, boolean weak, Role role, List<Mention> out) {
        List<Token> tokens = doc.tokens();
        // "Transport Mr": a trailing title word is not part of the name.
        while (end - k >= 2 && lexicon.title(tokens.get(end - 1).text()) != null
                && !lexicon.isOrgWord(tokens.get(end - 1).text())) {
            end--;
        }
        // "Transport Lena Varga": an ordinary word before a given name.
        if (end - k >= 3 && lexicon.isFirstName(tokens.get(k + 1).text()) && !lexicon.isFirstName(tokens.get(k).text())
                && lexicon.place(tokens.get(k).text()) == null && ordinaryNoun(tokens.get(k).text())) {
            k++;
        }
        String first = tokens.get(k).text();
        String lastWord = tokens.get(end - 1).text();
        if (lexicon.isEventWord(lastWord) || end - k >= 2 && first.equals("Operation")) {
            return;
        }
        if (end - k == 1 && !isAcronym(first)) {
            String lower = first.toLowerCase(Locale.ROOT);
            if (lower.endsWith("ly") || lower.endsWith("ing") && !tokens.get(k).properNounTag()) {
                return;
            }
        }
        String text = doc.span(k, end);
        String known = lexicon.knownOrganization(text);
        if (known != null) {
            out.add(new Mention(s.index(), k, end, text, MentionKind.KNOWN_ORG, EntityType.ORGANIZATION, known,
                    role, false));
            return;
        }
        int ext = facilityExtension(tokens, end, s.endToken());
        if (ext > end) {
            out.add(new Mention(s.index(), k, ext, doc.span(k, ext), MentionKind.NAME, EntityType.LOCATION, null,
                    role, weak));
            return;
        }
        if (end - k == 1 && (lexicon.isOrgWord(text) || lexicon.isFacilityWord(text) || lexicon.isCommonWord(text)
                || text.length() < 2 || lexicon.title(text) != null)) {
            return;
        }
        if (end - k == 1 && isAcronym(text)) {
            out.add(new Mention(s.index(), k, end, text, MentionKind.ACRONYM, null, null, role, weak));
            return;
        }
        out.add(new Mention(s.index(), k, end, text, MentionKind.NAME, null, null, role, weak));
    }

    private static final Set<String> NOUN_SUFFIXES = Set.of("tion", "tions", "ment", "ments", "ity", "ism", "ics",
            "ence", "ance", "ship", "ness", "ure", "ing");

    /** An English common noun by its ending ("Education", "Relations", "Council"). */
    private boolean ordinaryNoun(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        if (lexicon.isOrgWord(word)) {
            return true;
        }
        for (String suffix : NOUN_SUFFIXES) {
            if (lower.endsWith(suffix) && lower.length() > suffix.length() + 2) {
                return true;
            }
        }
        return false;
    }

    /** "air base", "naval base", "airport" written in lower case right after a name. */
    private int facilityExtension(List<Token> tokens, int end, int sentenceEnd) {
        int k = end;
        int limit = Math.min(sentenceEnd, end + 2);
        while (k < limit) {
            String x = tokens.get(k).text();
            if (!Character.isLowerCase(x.charAt(0))) {
                break;
            }
            if (FACILITY_TAIL.contains(x)) {
                return k + 1;
            }
            if (!(x.equals("air") || x.equals("naval") || x.equals("military") || x.equals("border"))) {
                break;
            }
            k++;
        }
        return end;
    }

    /** End of the longest gazetteer place starting at k (exclusive), or k. */
    private int placeEnd(List<Token> tokens, int k, int j) {
        if (k >= j || tokens.get(k).text().equalsIgnoreCase("the")) {
            return k;
        }
        int best = k;
        StringBuilder b = new StringBuilder();
        for (int e = k; e < j && e - k < MAX_PLACE_TOKENS; e++) {
            Token t = tokens.get(e);
            if (e > k && tokens.get(e - 1).end() < t.start()) {
                b.append(' ');
            }
            b.append(t.text());
            if (!nameToken(tokens.get(k))) {
                break;
            }
            if (lexicon.place(b.toString()) != null && nameToken(t)
                    && (e > k || !isShortCommonCap(t.text()))) {
                best = e + 1;
            }
        }
        return best;
    }

    /** "US" is a place, but "Us" at a sentence start is not. */
    private boolean isShortCommonCap(String text) {
        return text.length() <= 3 && lexicon.isCommonWord(text) && !isAcronym(text);
    }

    private int titleEnd(List<Token> tokens, int k, int j) {
        int best = k;
        StringBuilder b = new StringBuilder();
        for (int e = k; e < j && e - k < lexicon.maxTitleWords(); e++) {
            if (e > k) {
                b.append(' ');
            }
            b.append(tokens.get(e).text().toLowerCase(Locale.ROOT));
            if (lexicon.title(b.toString()) != null) {
                best = e + 1;
            }
        }
        // A title is only cut when a name follows it ("President Marek"), never the whole run.
        return best < j ? best : k;
    }

    private Role titleRole(List<Token> tokens, int k, int end) {
        StringBuilder b = new StringBuilder();
        for (int e = k; e < end; e++) {
            if (e > k) {
                b.append(' ');
            }
            b.append(tokens.get(e).text().toLowerCase(Locale.ROOT));
        }
        return lexicon.title(b.toString());
    }

    private static Role strongest(Role a, Role b) {
        if (a == null) {
            return b;
        }
        if (b == null || b == Role.NONE) {
            return a;
        }
        return a == Role.NONE ? b : b;
    }

    static boolean isAcronym(String text) {
        int letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letters++;
            } else if (c != '.' && c != '&' && !Character.isDigit(c)) {
                return false;
            }
        }
        return letters >= 2 && text.length() <= 8;
    }

    /** A short line without closing punctuation: a heading or caption rather than a sentence. */
    static boolean isHeading(List<Token> tokens, int from, int to) {
        String last = tokens.get(to - 1).text();
        return to - from <= 10 && !(last.equals(".") || last.equals("!") || last.equals("?") || last.equals("\""));
    }

    /** A headline or heading: most longer words capitalised, so capitals say little. */
    static boolean headlineCased(List<Token> tokens, int from, int to) {
        int words = 0;
        int caps = 0;
        for (int i = from; i < to; i++) {
            String x = tokens.get(i).text();
            if (x.length() >= 4 && Character.isLetter(x.charAt(0))) {
                words++;
                if (Character.isUpperCase(x.charAt(0))) {
                    caps++;
                }
            }
        }
        return words >= 2 && caps * 4 >= words * 3;
    }
}
