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
import io.newsgraph.core.mention.MentionKind;
import io.newsgraph.core.model.EntityType;
import io.newsgraph.core.text.Document;
import io.newsgraph.core.text.Token;
import io.newsgraph.core.text.Vocabulary;

/**
 * Stage 6: entities from mentions. Filters them ({@link MentionFilter}, 6a), groups them (6b, here:
 * same name, surname or first name of a person, spelling variants, acronyms of organisation names,
 * demonyms and short forms of countries; canonical name = fullest form, or the gazetteer's name for
 * countries) and types each entity once ({@link EntityTyper}, 6c).
 */
public final class EntityResolver {

    private final Lexicon lexicon;
    private final MentionFilter filter;
    private final EntityTyper typer;

    public EntityResolver(Lexicon lexicon) {
        this.lexicon = lexicon;
        this.filter = new MentionFilter(lexicon);
        this.typer = new EntityTyper(lexicon);
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


    public EntityLayer resolve(Document doc, List<Mention> all) {
        return resolve(doc, Vocabulary.of(doc), all);
    }

    public EntityLayer resolve(Document doc, Vocabulary vocabulary, List<Mention> all) {
        List<Mention> mentions = filter.filter(doc, all);
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
                // A surname that is also a town ("Preston") belongs to the person named in full.
                Cluster person = containingName(index, m, mentions);
                if (person != null && (c == null || m.canonical() != null)) {
                    c = person;
                    if (m.canonical() != null) {
                        // The town reading loses: this "Preston" is the person's surname.
                        m = new Mention(m.sentence(), m.start(), m.end(), m.text(), MentionKind.NAME, null, null,
                                m.title(), m.weak());
                        mentions.set(i, m);
                    }
                }
            }
            if (m.kind() == MentionKind.KNOWN_ORG && tokenCount(m) >= 2) {
                // "Supreme Court" after "Veldrian Supreme Court of Appeal": the particular court.
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
     * A name that is part of an already seen longer name: a surname or first name ("Marek", "Tomas"),
     * a spelling variant of one ("Qasari" for "al-Qassari"), or a shorter multi-word form.
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
                // A town joins a person's name ("Preston" for "Ada Preston"), not "Municipality of Brenholm".
                continue;
            }
            if (words.length == 1 && endsWithOrgOrFacility(longer)
                    && !(m.canonical() == null && longer.length == 2 && matchesAt(words, longer, 0))) {
                // "Westbridge" for "Westbridge Holdings" joins; "Brenholm" for "Municipality of Brenholm" does not.
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

    /** "Supreme Court" inside "Veldrian Supreme Court of Appeal". */
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
     * "League of Independent Cartographers (LIC)" or "NFA (Northern Ferry Alliance)": an
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
            EntityType type = typer.type(doc, vocabulary, c.bestForm, c.placeType, c.mentions, mentions);
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

}
