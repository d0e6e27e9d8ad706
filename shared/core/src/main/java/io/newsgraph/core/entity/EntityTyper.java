package io.newsgraph.core.entity;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.newsgraph.core.lexicon.Lexicon;
import io.newsgraph.core.lexicon.Names;
import io.newsgraph.core.mention.Mention;
import io.newsgraph.core.mention.MentionKind;
import io.newsgraph.core.model.EntityType;
import io.newsgraph.core.text.Document;
import io.newsgraph.core.text.Token;
import io.newsgraph.core.text.Vocabulary;

/**
 * Stage 6c: the type of an entity, consistent across the document, from the evidence of all its
 * mentions: gazetteers, organisation and facility words, titles, given names, particles, context
 * words (place prepositions, speech verbs, person nouns, ages), match scores, and the document's
 * own vocabulary.
 */
public final class EntityTyper {

    private static final Set<String> PLACE_PREPOSITIONS = Set.of("in", "at", "near", "outside", "inside", "across",
            "into", "around", "throughout");
    private static final Set<String> SPEECH_VERBS = Set.of("said", "says", "told", "added", "wrote", "explained",
            "stated", "argued", "noted", "asked", "recalled", "claimed", "insisted");
    private static final Set<String> PERSON_NOUNS = Set.of("musician", "actor", "actress", "writer", "author",
            "singer", "artist", "player", "coach", "striker", "designer", "photographer", "journalist", "poet",
            "novelist", "director", "producer", "composer", "architect", "businessman", "businesswoman",
            "candidate", "politician", "councillor", "lawmaker", "veteran", "pan-democrat", "democrat", "defector",
            "dissident", "inventor", "engineer", "painter", "son", "daughter", "wife", "husband", "mother",
            "father", "brother", "sister", "teammate", "rival", "opponent", "mr", "mrs", "ms");


    /**
     * One type for an entity from all its mentions' evidence, strongest cue first.
     *
     * @param fullestForm    the entity's fullest name
     * @param lexiconType    the type a gazetteer or known-organisation list gives, or null
     * @param entityMentions indices of its mentions in {@code mentions}
     */
    public EntityType type(Document doc, Vocabulary vocabulary, String fullestForm, EntityType lexiconType,
                           List<Integer> entityMentions, List<Mention> mentions) {
        if (lexiconType != null) {
            if (lexiconType != EntityType.ORGANIZATION) {
                for (int mi : entityMentions) {
                    if (inScore(doc, mentions.get(mi)) || beforeSportsRole(doc, mentions.get(mi))) {
                        return EntityType.ORGANIZATION;
                    }
                }
            }
            return lexiconType;
        }
        String form = fullestForm == null ? "" : fullestForm;
        String[] words = form.split("\\s+");
        String last = words[words.length - 1];
        if (words.length >= 2 && BUILDING_HEADS.contains(last.toLowerCase(Locale.ROOT))
                && Character.isUpperCase(last.charAt(0))) {
            // "Harwick Hospital Station", "Larkspur Trade Towers": a facility, whatever it houses.
            return EntityType.LOCATION;
        }
        if (isOrganisationName(words)) {
            return EntityType.ORGANIZATION;
        }
        if (words.length >= 2 && PLACE_OPENERS.contains(words[0])) {
            // "Lake Vostok", "Mount Kenya", "Camp Bastion".
            return EntityType.LOCATION;
        }
        if (words.length >= 2 && words[0].length() >= 2 && words[0].chars().allMatch(Character::isUpperCase)
                && lexicon.place(words[0]) == null) {
            // "DLU Brightwater", "KVT Navigator": an acronym opens organisation and product names, not people's.
            return EntityType.ORGANIZATION;
        }
        if (isCompassPlace(words)) {
            return EntityType.LOCATION;
        }
        int location = 0;
        int strongLocation = 0;
        int person = 0;
        boolean acronym = false;
        for (int mi : entityMentions) {
            Mention m = mentions.get(mi);
            if (m.type() == EntityType.LOCATION) {
                return EntityType.LOCATION;
            }
            if (m.type() != null) {
                return m.type();
            }
            if (m.title() != null) {
                person += 3;
            }
            acronym |= m.kind() == MentionKind.ACRONYM;
            person += personContext(doc, m);
            location += locationContext(doc, m);
            strongLocation += strongLocationContext(doc, m);
        }
        if (words.length >= 2 && lexicon.isFacilityWord(last) && Character.isUpperCase(last.charAt(0))) {
            return EntityType.LOCATION;
        }
        if (hasParticle(form)) {
            return EntityType.PERSON;
        }
        if (person >= 3) {
            return EntityType.PERSON;
        }
        if (location >= 2 && location == entityMentions.size() && person == 0 && !lexicon.isFirstName(words[0])) {
            return EntityType.LOCATION;
        }
        if (acronym) {
            return EntityType.ORGANIZATION;
        }
        if (words.length >= 2 && !lexicon.isFirstName(words[0]) && last.length() > 3 && last.endsWith("s")
                && !last.endsWith("ss") && person == 0 && vocabulary.writtenLower(last.substring(0, last.length() - 1))) {
            // "The Harrow Fencers", "Baltic Runners": a plural head names a group.
            return EntityType.ORGANIZATION;
        }
        if (person > 0 || words.length >= 2 && looksLikePersonName(words, entityMentions, mentions)) {
            return EntityType.PERSON;
        }
        for (int mi : entityMentions) {
            if (organisationContext(doc, mentions.get(mi))) {
                // "Ivo Sand of Glass Orchard", "Veridian's Tomas Kell": a person's organisation.
                return EntityType.ORGANIZATION;
            }
        }
        if (words.length >= 2 && containsOrdinaryWord(words, vocabulary)) {
            // "Common Ground", "Fair Wages", "Copper Kettle": names made of ordinary words.
            return EntityType.ORGANIZATION;
        }
        if (words.length >= 2) {
            // Most multi-word names with no other cue in news are people's.
            return EntityType.PERSON;
        }
        if (strongLocation == entityMentions.size() && !lexicon.isFirstName(words[0])) {
            // "arrested him in Tarvik", "ships near Osmo": a lone name only ever after "in"/"near" is a place
            // ("at" is left out: "works at Veridian").
            return EntityType.LOCATION;
        }
        return EntityType.ORGANIZATION;
    }


    private boolean containsOrdinaryWord(String[] words, Vocabulary vocabulary) {
        for (String w : words) {
            if (w.length() > 2 && !lexicon.isFirstName(w) && vocabulary.writtenLower(w)) {
                return true;
            }
        }
        return false;
    }


    /**
     * A multi-word name with a person's shape: a given name first, a hyphenated given name
     * ("Wei-lun"), an initial ("J. Arlo"), or its last word used alone elsewhere as a surname.
     */
    private boolean looksLikePersonName(String[] words, List<Integer> entityMentions, List<Mention> mentions) {
        if (words.length > 4) {
            return false;
        }
        if (lexicon.isFirstName(words[0])) {
            return true;
        }
        for (String w : words) {
            int dash = w.indexOf('-');
            if (dash > 0 && dash < w.length() - 1 && Character.isLowerCase(w.charAt(dash + 1))) {
                return true;
            }
            if (w.length() == 2 && w.charAt(1) == '.' && Character.isUpperCase(w.charAt(0))) {
                return true;
            }
        }
        String surname = Names.normalize(words[words.length - 1]);
        for (int mi : entityMentions) {
            Mention m = mentions.get(mi);
            if (m.end() - m.start() == 1 && Names.normalize(m.text()).equals(surname)) {
                return true;
            }
        }
        return false;
    }

    /** Heads of built or physical places: the name is a place whatever organisation word precedes them. */
    private static final Set<String> BUILDING_HEADS = Set.of("station", "base", "airbase", "airport", "tower",
            "towers", "building", "plaza", "square", "bridge", "palace", "stadium", "arena", "park", "street",
            "avenue", "road", "mosque", "temple", "cathedral", "hotel", "prison", "camp", "harbour", "harbor", "port");

    /** Words that end organisation names but also occur inside other names. */
    private static final Set<String> WEAK_ORG_WORDS = Set.of("united", "post", "press", "times", "news", "media",
            "team", "government", "administration", "trust", "project", "program", "programme", "mission", "world",
            "express", "monitor", "review", "observer", "daily", "weekly", "group");

    /** An organisation word ends the name, opens it ("Team X", "Bank of X"), or stands inside it. */
    private boolean isOrganisationName(String[] words) {
        if (lexicon.isOrgWord(words[words.length - 1])) {
            return true;
        }
        // "Danish Red Cross": ends with a known organisation.
        for (int from = 1; from < words.length && from >= words.length - 3; from++) {
            if (lexicon.knownOrganization(String.join(" ", java.util.Arrays.copyOfRange(words, from, words.length)))
                    != null) {
                return true;
            }
        }
        if (words.length < 2) {
            return false;
        }
        if (lexicon.isOrgWord(words[0]) && !WEAK_ORG_WORDS.contains(words[0].toLowerCase(Locale.ROOT))) {
            return true;
        }
        for (int i = 1; i < words.length - 1; i++) {
            if (lexicon.isOrgWord(words[i]) && !WEAK_ORG_WORDS.contains(words[i].toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> COMPASS = Set.of("north", "south", "east", "west", "northern", "southern",
            "eastern", "western", "central", "upper", "lower", "greater", "inner", "outer", "northeast", "northwest",
            "southeast", "southwest");

    /** "Oslo North", "East Lisbon": a known place with a compass word. */
    private boolean isCompassPlace(String[] words) {
        if (words.length < 2) {
            return false;
        }
        String first = words[0].toLowerCase(Locale.ROOT);
        String last = words[words.length - 1].toLowerCase(Locale.ROOT);
        if (COMPASS.contains(first)) {
            return lexicon.place(String.join(" ", java.util.Arrays.copyOfRange(words, 1, words.length))) != null;
        }
        if (COMPASS.contains(last)) {
            return lexicon.place(String.join(" ", java.util.Arrays.copyOfRange(words, 0, words.length - 1))) != null;
        }
        return false;
    }

    /** A country in a match score ("Norway 2 – 1 Chile", "beat Portugal 3-0") is a national team. */
    private static boolean inScore(Document doc, Mention m) {
        List<Token> tokens = doc.tokens();
        for (int k = Math.max(0, m.start() - 3); k < Math.min(tokens.size(), m.end() + 4); k++) {
            if (k >= m.start() && k < m.end()) {
                continue;
            }
            String x = tokens.get(k).text();
            if (x.matches("[0-9]{1,2}[-\u2013][0-9]{1,2}")) {
                // "beat Sevilla 3-1": the score written as one token.
                return true;
            }
            if (k + 2 < tokens.size() && isSmallNumber(x) && isDash(tokens.get(k + 1).text())
                    && isSmallNumber(tokens.get(k + 2).text())) {
                return true;
            }
        }
        return false;
    }

    /** Words that open place names ("Lake Vostok"); unlike "Park" they are not also surnames. */
    private static final Set<String> PLACE_OPENERS = Set.of("Lake", "Mount", "Mt.", "Camp", "Fort", "Cape", "Isle",
            "Port", "Gulf", "Bay", "Strait", "Sea", "Lac");

    private static final Set<String> SPORTS_ROLES = Set.of("striker", "midfielder", "goalkeeper", "defender",
            "forward", "winger", "coach", "manager", "captain", "player", "players", "fans", "supporters");

    /** "Valencia striker X", "Sevilla coach Y": a city's name before a sports role names its club. */
    private static boolean beforeSportsRole(Document doc, Mention m) {
        List<Token> tokens = doc.tokens();
        return m.type() == EntityType.LOCATION && m.end() < tokens.size()
                && SPORTS_ROLES.contains(tokens.get(m.end()).text());
    }

    private static boolean isSmallNumber(String s) {
        return !s.isEmpty() && s.length() <= 2 && s.chars().allMatch(Character::isDigit);
    }

    private static boolean isDash(String s) {
        return s.equals("-") || s.equals("\u2013") || s.equals("\u2014");
    }

    private static boolean hasParticle(String form) {
        String lower = form.toLowerCase(Locale.ROOT);
        return lower.startsWith("al-") || lower.contains(" al-") || lower.contains(" bin ") || lower.contains(" ibn ")
                || lower.startsWith("el-") || lower.contains(" el-");
    }

    static int personContext(Document doc, Mention m) {
        List<Token> tokens = doc.tokens();
        int score = 0;
        if (m.start() > 0) {
            String prev = tokens.get(m.start() - 1).text().toLowerCase(Locale.ROOT);
            if (PERSON_NOUNS.contains(prev)) {
                score += 3;
            }
        }
        if (m.end() < tokens.size()) {
            String next = tokens.get(m.end()).text().toLowerCase(Locale.ROOT);
            if (SPEECH_VERBS.contains(next)) {
                score += 1;
            }
            // "Lena Varga, 27, ..." gives an age.
            if (next.equals(",") && m.end() + 2 < tokens.size()
                    && tokens.get(m.end() + 1).text().chars().allMatch(Character::isDigit)
                    && tokens.get(m.end() + 2).text().equals(",")) {
                score += 3;
            }
        }
        return score;
    }

    static int locationContext(Document doc, Mention m) {
        List<Token> tokens = doc.tokens();
        if (m.start() > 0) {
            String prev = tokens.get(m.start() - 1).text().toLowerCase(Locale.ROOT);
            if (PLACE_PREPOSITIONS.contains(prev)) {
                return 1;
            }
        }
        return 0;
    }

    private static final Set<String> PLACE_KIND_NOUNS = Set.of("town", "city", "village", "province", "region",
            "district", "port", "island", "county", "enclave", "governorate", "municipality", "suburb");

    private static final Set<String> STRONG_PLACE_PREPOSITIONS = Set.of("in", "near", "outside", "across",
            "throughout");

    /** 1 when the mention follows "in"/"near" (lower case, so not inside a name such as "Made In Velmora") or "the town of". */
    static int strongLocationContext(Document doc, Mention m) {
        List<Token> tokens = doc.tokens();
        if (m.start() > 0 && STRONG_PLACE_PREPOSITIONS.contains(tokens.get(m.start() - 1).text())) {
            return 1;
        }
        // "the border town of Tarvik", "the province of Osmo".
        if (m.start() > 1 && tokens.get(m.start() - 1).text().equals("of")
                && PLACE_KIND_NOUNS.contains(tokens.get(m.start() - 2).text())) {
            return 1;
        }
        return 0;
    }

    private static final Set<String> ORG_NOUNS = Set.of("company", "firm", "group", "party", "band", "magazine",
            "newspaper", "website", "site", "developer", "publisher", "studio", "network", "broadcaster", "agency",
            "organisation", "organization", "charity", "team", "club", "airline", "bank", "maker", "manufacturer",
            "retailer", "startup", "giant", "brand", "sponsor", "channel", "outlet", "daily", "paper", "union",
            "movement", "militia", "faction", "label", "church", "religion", "sect", "publication", "school", "schools",
            "college", "university", "hospital", "institute", "museum", "foundation", "council", "committee");

    /**
     * Evidence that a lone name is an organisation: "Veridian's Tomas Kell" (a person's organisation),
     * "Tomas Kell of Veridian", "the game developer Brightforge".
     */
    static boolean organisationContext(Document doc, Mention m) {
        List<Token> tokens = doc.tokens();
        int after = m.end();
        if (after + 1 < tokens.size() && tokens.get(after).text().equals("'s")
                && tokens.get(after).sentence() == tokens.get(after + 1).sentence()
                && Character.isUpperCase(tokens.get(after + 1).text().charAt(0))) {
            return true;
        }
        int before = m.start() - 1;
        if (before >= 1 && tokens.get(before).text().equalsIgnoreCase("the")) {
            // "Mara Lind of the Fair Wages constituency".
            before--;
        }
        if (before >= 0 && tokens.get(before).sentence() == tokens.get(m.start()).sentence()) {
            String prev = tokens.get(before).text().toLowerCase(Locale.ROOT);
            if (ORG_NOUNS.contains(prev)) {
                return true;
            }
            if ((prev.equals("of") || prev.equals("from")) && before - 1 >= 0
                    && tokens.get(before - 1).sentence() == tokens.get(before).sentence()
                    && Character.isUpperCase(tokens.get(before - 1).text().charAt(0))
                    && before - 1 > firstTokenOfSentence(doc, before)) {
                return true;
            }
        }
        return false;
    }

    private static int firstTokenOfSentence(Document doc, int token) {
        return doc.sentences().get(doc.tokens().get(token).sentence()).firstToken();
    }

    private final Lexicon lexicon;

    public EntityTyper(Lexicon lexicon) {
        this.lexicon = lexicon;
    }
}
