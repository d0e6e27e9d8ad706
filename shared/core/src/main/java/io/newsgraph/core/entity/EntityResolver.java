package io.newsgraph.core.entity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.newsgraph.core.lexicon.Lexicon;
import io.newsgraph.core.lexicon.Names;
import io.newsgraph.core.mention.Mention;
import io.newsgraph.core.mention.MentionFinder;
import io.newsgraph.core.mention.MentionKind;
import io.newsgraph.core.model.EntityType;
import io.newsgraph.core.text.Document;
import io.newsgraph.core.text.Token;
import io.newsgraph.core.text.Vocabulary;

/**
 * Stage 6: groups mentions into entities (same name, surname or first name of a person, spelling
 * variants, acronyms of organisation names, demonyms and short forms of countries) and gives each
 * entity one type from the evidence of all its mentions.
 */
public final class EntityResolver {

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

    private final Lexicon lexicon;

    public EntityResolver(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    private static final class Cluster {
        final List<Integer> mentions = new ArrayList<>();
        String canonical;
        EntityType placeType;
        String bestForm;
        String[] bestWords;
        int bestTokens;
        final int id;

        Cluster(int id) {
            this.id = id;
        }
    }

    /** Lookups over the clusters built so far, so resolution stays near-linear in the mentions. */
    private static final class Index {
        final Map<String, List<Cluster>> byWord = new HashMap<>();
        final Map<String, Cluster> byInitials = new HashMap<>();
        final Map<Integer, Integer> mentionByStart = new HashMap<>();
        final Map<Integer, Integer> mentionByEnd = new HashMap<>();

        void addName(Cluster c, String form) {
            for (String w : words(form)) {
                for (String key : wordKeys(w)) {
                    List<Cluster> list = byWord.computeIfAbsent(key, k -> new ArrayList<>());
                    if (list.isEmpty() || list.get(list.size() - 1) != c) {
                        list.add(c);
                    }
                }
            }
            if (form.split("\\s+").length >= 2) {
                byInitials.putIfAbsent(initials(form), c);
            }
        }

        /**
         * Clusters sharing a word, or a word's first or last three letters (for one-letter variants);
         * for a word shared by very many clusters, only the latest ones (bounded work on odd input).
         */
        List<Cluster> candidates(String[] words) {
            java.util.LinkedHashSet<Cluster> out = new java.util.LinkedHashSet<>();
            for (String w : words) {
                for (String key : wordKeys(w)) {
                    List<Cluster> list = byWord.getOrDefault(key, List.of());
                    out.addAll(list.size() <= MAX_CANDIDATES ? list
                            : list.subList(list.size() - MAX_CANDIDATES, list.size()));
                }
            }
            return new ArrayList<>(out);
        }

        private static List<String> wordKeys(String w) {
            if (w.length() < 5) {
                return List.of(w);
            }
            return List.of(w, "p:" + w.substring(0, 3), "s:" + w.substring(w.length() - 3));
        }
    }

    static final int MAX_CANDIDATES = 64;

    /** Mentions beyond this many are ignored: no news article has them, and the work stays bounded. */
    static final int MAX_MENTIONS = 50_000;

    public EntityLayer resolve(Document doc, List<Mention> all) {
        return resolve(doc, Vocabulary.of(doc), all);
    }

    public EntityLayer resolve(Document doc, Vocabulary vocabulary, List<Mention> all) {
        List<Mention> named = new ArrayList<>();
        for (Mention m : all.size() > MAX_MENTIONS ? all.subList(0, MAX_MENTIONS) : all) {
            // A span of marks only ("-", "'") names nothing.
            if (!Names.normalize(m.text()).isEmpty() && (m.canonical() == null || !m.canonical().isBlank())) {
                named.add(m);
            }
        }
        List<Mention> mentions = dropUnsupportedSingletons(doc, dropProducts(doc, confirmWeak(named)));
        List<Cluster> clusters = new ArrayList<>();
        Index index = new Index();
        for (int i = 0; i < mentions.size(); i++) {
            index.mentionByStart.put(mentions.get(i).start(), i);
            index.mentionByEnd.put(mentions.get(i).end(), i);
        }
        Map<String, Cluster> byKey = new HashMap<>();
        int[] clusterOf = new int[mentions.size()];
        java.util.Arrays.fill(clusterOf, -1);

        // Pass 1: places, known organisations and multi-token names, longest first.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < mentions.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> {
            int ta = tokenCount(mentions.get(a));
            int tb = tokenCount(mentions.get(b));
            return ta != tb ? tb - ta : Integer.compare(a, b);
        });
        for (int i : order) {
            Mention m = mentions.get(i);
            String key = key(m);
            Cluster c = byKey.get(key);
            if (m.canonical() == null && m.kind() == MentionKind.NAME || m.kind() == MentionKind.PLACE
                    && m.type() == EntityType.LOCATION && tokenCount(m) == 1) {
                // A surname that is also a town ("Paris") belongs to the person named in full.
                Cluster person = containingName(index, m, mentions);
                if (person != null && (c == null || m.canonical() != null)) {
                    c = person;
                    if (m.canonical() != null) {
                        // The town reading loses: this "Paris" is the person's surname.
                        m = new Mention(m.sentence(), m.start(), m.end(), m.text(), MentionKind.NAME, null, null,
                                m.title(), m.weak());
                        mentions.set(i, m);
                    }
                }
            }
            if (m.kind() == MentionKind.KNOWN_ORG && tokenCount(m) >= 2) {
                // "Supreme Court" after "Italian Supreme Court of Cassation": the particular court.
                Cluster longer = containingName(index, m, mentions);
                if (longer != null) {
                    c = longer;
                    m = new Mention(m.sentence(), m.start(), m.end(), m.text(), MentionKind.NAME,
                            EntityType.ORGANIZATION, null, m.title(), m.weak());
                    mentions.set(i, m);
                }
            }
            if (c == null && m.canonical() == null && m.kind() == MentionKind.ACRONYM) {
                c = index.byInitials.get(m.text().replace(".", "").toUpperCase(Locale.ROOT));
                if (c != null && c.bestTokens < 2) {
                    c = null;
                }
                if (c == null) {
                    c = parenthesised(doc, m, index, clusterOf, clusters);
                }
            }
            if (c == null) {
                c = new Cluster(clusters.size());
                clusters.add(c);
            }
            byKey.putIfAbsent(key, c);
            if (join(c, m, i)) {
                index.addName(c, c.bestForm);
            }
            clusterOf[i] = c.id;
        }
        return build(doc, vocabulary, mentions, clusters, clusterOf);
    }


    /**
     * A lone capitalised word seen once, with no type cue and no longer name containing it, is more
     * often a quoted word, product or heading than an entity.
     */
    private List<Mention> dropUnsupportedSingletons(Document doc, List<Mention> mentions) {
        if (doc.sentences().size() < MentionFinder.SHORT_TEXT_SENTENCES) {
            return mentions;
        }
        Map<String, Integer> counts = new HashMap<>();
        Set<String> inLonger = new HashSet<>();
        for (Mention m : mentions) {
            counts.merge(Names.normalize(m.text()), 1, Integer::sum);
            String[] words = m.text().split("\\s+");
            if (words.length > 1) {
                for (String w : words) {
                    inLonger.add(Names.stripArticle(Names.normalize(w)));
                }
            }
        }
        EntityType[] listType = enumerations(doc, mentions);
        List<Mention> out = new ArrayList<>();
        for (int i = 0; i < mentions.size(); i++) {
            Mention m = mentions.get(i);
            String norm = Names.normalize(m.text());
            if (listType[i] != null && m.type() == null && m.canonical() == null && m.end() - m.start() == 1
                    && m.kind() == MentionKind.NAME) {
                // "Zeus, Hera, Poseidon and Athena": members of a list of names share its type.
                out.add(m.withType(listType[i]));
                continue;
            }
            boolean lone = m.kind() == MentionKind.NAME && m.end() - m.start() == 1 && m.type() == null
                    && m.title() == null && counts.get(norm) == 1 && !inLonger.contains(Names.stripArticle(norm))
                    && personContext(doc, m) == 0;
            if (!lone) {
                out.add(m);
            } else if (locationContext(doc, m) > 0) {
                // "arrived in Herat": a lone word after a place preposition is a place.
                out.add(m.withType(EntityType.LOCATION));
            } else if (organisationContext(doc, m)) {
                out.add(m.withType(EntityType.ORGANIZATION));
            }
        }
        return out;
    }

    /**
     * For mentions in an enumeration of three or more names ("A, B, C and D"), the type the list's
     * typed members give (PERSON when none is typed); null for mentions outside such lists.
     */
    private static EntityType[] enumerations(Document doc, List<Mention> mentions) {
        EntityType[] out = new EntityType[mentions.size()];
        List<Token> tokens = doc.tokens();
        int start = 0;
        for (int i = 1; i <= mentions.size(); i++) {
            boolean linked = i < mentions.size() && listed(tokens, mentions.get(i - 1), mentions.get(i));
            if (linked) {
                continue;
            }
            if (i - start >= 3) {
                EntityType type = EntityType.PERSON;
                for (int k = start; k < i; k++) {
                    if (mentions.get(k).type() != null) {
                        type = mentions.get(k).type();
                        break;
                    }
                }
                for (int k = start; k < i; k++) {
                    out[k] = type;
                }
            }
            start = i;
        }
        return out;
    }

    /** b follows a directly after ", ", " and " or ", and ". */
    private static boolean listed(List<Token> tokens, Mention a, Mention b) {
        int gap = b.start() - a.end();
        if (gap < 1 || gap > 2) {
            return false;
        }
        String first = tokens.get(a.end()).text();
        if (gap == 1) {
            return first.equals(",") || first.equals("and");
        }
        return first.equals(",") && tokens.get(a.end() + 1).text().equals("and");
    }

    private static int firstTokenOfSentence(Document doc, int token) {
        return doc.sentences().get(doc.tokens().get(token).sentence()).firstToken();
    }

    private static final Set<String> ORG_NOUNS = Set.of("company", "firm", "group", "party", "band", "magazine",
            "newspaper", "website", "site", "developer", "publisher", "studio", "network", "broadcaster", "agency",
            "organisation", "organization", "charity", "team", "club", "airline", "bank", "maker", "manufacturer",
            "retailer", "startup", "giant", "brand", "sponsor", "channel", "outlet", "daily", "paper", "union",
            "movement", "militia", "faction", "label", "church", "religion", "sect", "publication");

    /**
     * Evidence that a lone name is an organisation: "Demosisto's Nathan Law" (a person's organisation),
     * "Nathan Law of Demosisto", "the game developer Ubisoft".
     */
    private static boolean organisationContext(Document doc, Mention m) {
        List<Token> tokens = doc.tokens();
        int after = m.end();
        if (after + 1 < tokens.size() && tokens.get(after).text().equals("'s")
                && tokens.get(after).sentence() == tokens.get(after + 1).sentence()
                && Character.isUpperCase(tokens.get(after + 1).text().charAt(0))) {
            return true;
        }
        int before = m.start() - 1;
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

    /** Nouns that only products take as modifiers ("the Firefox browser"); "a Tom Cruise video" proves nothing. */
    private static final Set<String> PRODUCT_NOUNS = Set.of("browser", "browsers", "console", "consoles", "app",
            "apps", "software", "smartphone", "smartphones", "headset", "headsets", "firmware", "chipset");

    /**
     * Names of products and works are not entities: a name written anywhere in the article right
     * before a version number ("Internet Explorer 6") or a product noun ("the Firefox browser",
     * "the Angel Catbird novel") is dropped everywhere, unless a gazetteer or title makes it an entity.
     */
    private List<Mention> dropProducts(Document doc, List<Mention> mentions) {
        List<Token> tokens = doc.tokens();
        Set<String> products = new HashSet<>();
        for (Mention m : mentions) {
            if (m.canonical() != null || m.title() != null) {
                continue;
            }
            String[] words = m.text().split("\\s+");
            if (words.length >= 2 && lexicon.knownOrganization(words[0]) != null
                    && !lexicon.isOrgWord(words[words.length - 1]) && !lexicon.isFacilityWord(words[words.length - 1])) {
                // "Google Chrome", "Microsoft Office": a company's name before another name is its product.
                products.add(Names.normalize(m.text()));
                continue;
            }
            if (m.kind() == MentionKind.ACRONYM && m.text().matches("[A-Z]{1,4}[0-9]{1,4}")) {
                // "IE9", "A380": model and version codes.
                products.add(Names.normalize(m.text()));
                continue;
            }
            if (m.end() >= tokens.size()) {
                continue;
            }
            Token next = tokens.get(m.end());
            if (next.sentence() != tokens.get(m.start()).sentence()) {
                continue;
            }
            String x = next.text();
            boolean version = x.length() <= 2 && !x.isEmpty() && x.chars().allMatch(Character::isDigit)
                    && next.start() == tokens.get(m.end() - 1).end() + 1;
            if (version || PRODUCT_NOUNS.contains(x.toLowerCase(Locale.ROOT))) {
                products.add(Names.normalize(m.text()));
                if (words.length >= 2) {
                    // Its acronym ("IE" for "Internet Explorer") names the same product.
                    products.add(Names.normalize(initials(m.text())));
                }
            }
        }
        if (products.isEmpty()) {
            return mentions;
        }
        List<Mention> out = new ArrayList<>();
        for (Mention m : mentions) {
            if (!products.contains(Names.normalize(m.text())) || m.canonical() != null || m.title() != null) {
                out.add(m);
            }
        }
        return out;
    }

    /** Headline spans count only when the body confirms them. */
    private List<Mention> confirmWeak(List<Mention> all) {
        Set<String> strongForms = new HashSet<>();
        Set<String> strongWords = new HashSet<>();
        for (Mention m : all) {
            if (!m.weak()) {
                strongForms.add(Names.normalize(m.text()));
                for (String w : m.text().split("\\s+")) {
                    strongWords.add(Names.normalize(w));
                    strongWords.add(Names.stripArticle(Names.normalize(w)));
                }
            }
        }
        List<Mention> out = new ArrayList<>();
        for (Mention m : all) {
            if (!m.weak() || m.type() != null && m.type() != EntityType.LOCATION
                    || strongForms.contains(Names.normalize(m.text()))) {
                out.add(m);
            } else if (m.text().split("\\s+").length == 1 && strongWords.contains(Names.normalize(m.text()))) {
                out.add(m);
            }
        }
        return out;
    }

    private static int tokenCount(Mention m) {
        return m.end() - m.start();
    }

    private static String key(Mention m) {
        return m.canonical() != null ? "c:" + Names.normalize(m.canonical()) : Names.normalize(m.text());
    }

    /** Adds the mention; true when it gave the cluster a new fullest form. */
    private boolean join(Cluster c, Mention m, int index) {
        c.mentions.add(index);
        if (m.canonical() != null && c.canonical == null) {
            c.canonical = m.canonical();
            c.placeType = m.kind() == MentionKind.KNOWN_ORG ? EntityType.ORGANIZATION : m.type();
        }
        int words = m.text().split("\\s+").length;
        boolean better = m.kind() != MentionKind.DEMONYM && (c.bestForm == null || words > c.bestTokens
                || words == c.bestTokens && m.text().length() > c.bestForm.length());
        if (better) {
            c.bestForm = m.text();
            c.bestWords = words(m.text());
            c.bestTokens = words;
        }
        return better;
    }

    /**
     * A name that is part of an already seen longer name: a surname or first name ("Putin", "Daniel"),
     * a spelling variant of one ("Shara" for "al-Sharaa"), or a shorter multi-word form.
     */
    private Cluster containingName(Index index, Mention m, List<Mention> mentions) {
        String[] words = words(m.text());
        Cluster best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Cluster c : index.candidates(words)) {
            if (c.canonical != null || c.bestForm == null) {
                continue;
            }
            String[] longer = c.bestWords;
            boolean variant = longer.length == words.length && words.length >= 2 && matchesAt(words, longer, 0);
            boolean inner = words.length >= 2 && longer.length > words.length && !personShaped(longer)
                    && containsRun(words, longer);
            if (!variant && !inner && (longer.length <= words.length || !subName(words, longer))) {
                continue;
            }
            if (m.canonical() != null && m.kind() != MentionKind.KNOWN_ORG
                    && (longer.length < 2 || endsWithOrgOrFacility(longer))) {
                continue;
            }
            if (words.length == 1 && m.canonical() != null && !personShaped(longer)) {
                // A town joins a person's name ("Paris" for "Valeska Paris"), not "Municipality of Livorno".
                continue;
            }
            if (words.length == 1 && endsWithOrgOrFacility(longer)
                    && !(m.canonical() == null && longer.length == 2 && matchesAt(words, longer, 0))) {
                // "Westbridge" for "Westbridge Holdings" joins; "Livorno" for "Municipality of Livorno" does not.
                continue;
            }
            // Prefer the entity mentioned most recently before this mention.
            int distance = Integer.MAX_VALUE - 1;
            for (int idx : c.mentions) {
                Mention o = mentions.get(idx);
                if (o.start() <= m.start()) {
                    distance = Math.min(distance, m.start() - o.start());
                }
            }
            if (distance < bestDistance || best == null) {
                best = c;
                bestDistance = distance;
            }
        }
        return best;
    }

    private boolean personShaped(String[] words) {
        for (String w : words) {
            if (lexicon.isOrgWord(w) || lexicon.isFacilityWord(w) || w.equals("of") || w.equals("for")
                    || w.equals("and") || lexicon.isEventWord(w)) {
                return false;
            }
        }
        return true;
    }

    private boolean endsWithOrgOrFacility(String[] words) {
        String last = words[words.length - 1];
        return lexicon.isOrgWord(last) || lexicon.isFacilityWord(last);
    }

    private static String[] words(String text) {
        String[] raw = text.trim().split("\\s+");
        String[] out = new String[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = Names.stripArticle(Names.normalize(raw[i]));
        }
        return out;
    }

    /** Words equal a contiguous part of longer at its start or end, allowing one edit per long word. */
    static boolean subName(String[] words, String[] longer) {
        return matchesAt(words, longer, longer.length - words.length) || matchesAt(words, longer, 0);
    }

    private static boolean matchesAt(String[] words, String[] longer, int offset) {
        for (int i = 0; i < words.length; i++) {
            if (!similar(words[i], longer[offset + i])) {
                return false;
            }
        }
        return true;
    }

    /** "Supreme Court" inside "Italian Supreme Court of Cassation". */
    private static boolean containsRun(String[] words, String[] longer) {
        for (int offset = 0; offset + words.length <= longer.length; offset++) {
            if (matchesAt(words, longer, offset)) {
                return true;
            }
        }
        return false;
    }

    static boolean similar(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        return Math.min(a.length(), b.length()) >= 5 && Math.abs(a.length() - b.length()) <= 1
                && editDistanceAtMostOne(a, b);
    }

    private static boolean editDistanceAtMostOne(String a, String b) {
        if (a.length() > b.length()) {
            String t = a;
            a = b;
            b = t;
        }
        int i = 0;
        while (i < a.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (a.length() == b.length()) {
            return a.substring(i + 1).equals(b.substring(i + 1));
        }
        return a.substring(i).equals(b.substring(i + 1));
    }

    /**
     * "Union of Rationalist Atheists and Agnostics (UAAR)" or "CEI (Italian Episcopal Conference)": an
     * acronym in parentheses right after a name, or a name in parentheses right after the acronym.
     */
    private static Cluster parenthesised(Document doc, Mention m, Index index, int[] clusterOf,
                                         List<Cluster> clusters) {
        List<Token> tokens = doc.tokens();
        Integer other = null;
        if (m.start() >= 1 && tokens.get(m.start() - 1).text().equals("(") && m.end() < tokens.size()
                && tokens.get(m.end()).text().equals(")")) {
            other = index.mentionByEnd.get(m.start() - 1);
        }
        if (other == null && m.end() + 1 < tokens.size() && tokens.get(m.end()).text().equals("(")) {
            other = index.mentionByStart.get(m.end() + 1);
        }
        if (other == null || clusterOf[other] < 0) {
            return null;
        }
        return clusters.get(clusterOf[other]);
    }

    static String initials(String name) {
        StringBuilder b = new StringBuilder();
        for (String w : name.split("[\\s-]+")) {
            if (!w.isEmpty() && Character.isUpperCase(w.charAt(0))) {
                b.append(w.charAt(0));
            }
        }
        return b.toString();
    }

    private EntityLayer build(Document doc, Vocabulary vocabulary, List<Mention> mentions, List<Cluster> clusters,
                              int[] clusterOf) {
        // Entities in order of first mention.
        List<Integer> clusterOrder = new ArrayList<>();
        for (int i = 0; i < clusters.size(); i++) {
            clusterOrder.add(i);
        }
        int[] first = new int[clusters.size()];
        for (int i = 0; i < clusters.size(); i++) {
            first[i] = clusters.get(i).mentions.stream().mapToInt(Integer::intValue).min().orElse(0);
        }
        clusterOrder.sort((a, b) -> Integer.compare(first[a], first[b]));
        int[] newIndex = new int[clusters.size()];
        List<ResolvedEntity> entities = new ArrayList<>();
        Map<String, Integer> byName = new LinkedHashMap<>();
        for (int ci : clusterOrder) {
            Cluster c = clusters.get(ci);
            EntityType type = typeOf(doc, vocabulary, c, mentions);
            String name = c.canonical != null ? c.canonical : c.bestForm;
            if (name == null) {
                name = mentions.get(c.mentions.get(0)).text();
            }
            List<Integer> ms = new ArrayList<>(c.mentions);
            ms.sort(Integer::compare);
            List<String> aliases = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            seen.add(Names.normalize(name));
            for (int mi : ms) {
                String form = mentions.get(mi).text();
                if (seen.add(Names.normalize(form))) {
                    aliases.add(form);
                }
            }
            String normName = Names.normalize(name);
            Integer existing = byName.get(normName);
            if (existing != null) {
                // Two clusters ended with the same name: fold into the earlier one.
                int target = existing;
                ResolvedEntity e = entities.get(target);
                List<String> mergedAliases = new ArrayList<>(e.aliases());
                Set<String> have = new HashSet<>();
                have.add(Names.normalize(e.name()));
                e.aliases().forEach(a -> have.add(Names.normalize(a)));
                for (String a : aliases) {
                    if (have.add(Names.normalize(a))) {
                        mergedAliases.add(a);
                    }
                }
                List<Integer> mergedMentions = new ArrayList<>(e.mentions());
                mergedMentions.addAll(ms);
                mergedMentions.sort(Integer::compare);
                entities.set(target, new ResolvedEntity(e.name(), e.type(), mergedAliases, mergedMentions));
                newIndex[ci] = target;
                continue;
            }
            byName.put(normName, entities.size());
            newIndex[ci] = entities.size();
            entities.add(new ResolvedEntity(name, type, aliases, ms));
        }
        int[] entityOf = new int[mentions.size()];
        for (int i = 0; i < mentions.size(); i++) {
            entityOf[i] = newIndex[clusterOf[i]];
        }
        return new EntityLayer(List.copyOf(mentions), entities, entityOf);
    }

    /** One type per entity from all its mentions' evidence, strongest cue first. */
    private EntityType typeOf(Document doc, Vocabulary vocabulary, Cluster c, List<Mention> mentions) {
        if (c.placeType != null) {
            if (c.placeType != EntityType.ORGANIZATION) {
                for (int mi : c.mentions) {
                    if (inScore(doc, mentions.get(mi))) {
                        return EntityType.ORGANIZATION;
                    }
                }
            }
            return c.placeType;
        }
        String form = c.bestForm == null ? "" : c.bestForm;
        String[] words = form.split("\\s+");
        String last = words[words.length - 1];
        if (words.length >= 2 && BUILDING_HEADS.contains(last.toLowerCase(Locale.ROOT))
                && Character.isUpperCase(last.charAt(0))) {
            // "NTU Hospital Station", "Century Plaza Towers": a facility, whatever it houses.
            return EntityType.LOCATION;
        }
        if (isOrganisationName(words)) {
            return EntityType.ORGANIZATION;
        }
        if (words.length >= 2 && words[0].length() >= 2 && words[0].chars().allMatch(Character::isUpperCase)
                && lexicon.place(words[0]) == null) {
            // "UNC Greensboro", "HMC Searcher": an acronym opens organisation and product names, not people's.
            return EntityType.ORGANIZATION;
        }
        if (isCompassPlace(words)) {
            return EntityType.LOCATION;
        }
        int location = 0;
        int person = 0;
        boolean acronym = false;
        for (int mi : c.mentions) {
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
        if (location >= 2 && location == c.mentions.size() && person == 0 && !lexicon.isFirstName(words[0])) {
            return EntityType.LOCATION;
        }
        if (acronym) {
            return EntityType.ORGANIZATION;
        }
        if (words.length >= 2 && !lexicon.isFirstName(words[0]) && last.length() > 3 && last.endsWith("s")
                && !last.endsWith("ss") && person == 0 && vocabulary.writtenLower(last.substring(0, last.length() - 1))) {
            // "The Ontario Ghostbusters", "Afghan Girls": a plural head names a group.
            return EntityType.ORGANIZATION;
        }
        if (person > 0 || words.length >= 2 && looksLikePersonName(words, c, mentions)) {
            return EntityType.PERSON;
        }
        if (words.length >= 2 && containsOrdinaryWord(words, vocabulary)) {
            // "People Power", "Social Welfare", "Velvet Underground": names made of ordinary words.
            return EntityType.ORGANIZATION;
        }
        if (words.length >= 2) {
            // Most multi-word names with no other cue in news are people's.
            return EntityType.PERSON;
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
     * ("Chung-tai"), an initial ("L. Ron"), or its last word used alone elsewhere as a surname.
     */
    private boolean looksLikePersonName(String[] words, Cluster c, List<Mention> mentions) {
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
        for (int mi : c.mentions) {
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
        // "British Red Cross": ends with a known organisation.
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

    /** "New Territories East", "East Los Angeles": a known place with a compass word. */
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

    /** A country in a match score ("Sweden 1 – 0 Korea", "beat Panama 3-0") is a national team. */
    private static boolean inScore(Document doc, Mention m) {
        List<Token> tokens = doc.tokens();
        for (int k = Math.max(0, m.start() - 3); k < Math.min(tokens.size(), m.end() + 4); k++) {
            if (k >= m.start() && k < m.end()) {
                continue;
            }
            String x = tokens.get(k).text();
            if (k + 2 < tokens.size() && isSmallNumber(x) && isDash(tokens.get(k + 1).text())
                    && isSmallNumber(tokens.get(k + 2).text())) {
                return true;
            }
        }
        return false;
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

    private static int personContext(Document doc, Mention m) {
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
            // "Daniel Montalvo, 19, ..." gives an age.
            if (next.equals(",") && m.end() + 2 < tokens.size()
                    && tokens.get(m.end() + 1).text().chars().allMatch(Character::isDigit)
                    && tokens.get(m.end() + 2).text().equals(",")) {
                score += 3;
            }
        }
        return score;
    }

    private static int locationContext(Document doc, Mention m) {
        List<Token> tokens = doc.tokens();
        if (m.start() > 0) {
            String prev = tokens.get(m.start() - 1).text().toLowerCase(Locale.ROOT);
            if (PLACE_PREPOSITIONS.contains(prev)) {
                return 1;
            }
        }
        return 0;
    }
}
