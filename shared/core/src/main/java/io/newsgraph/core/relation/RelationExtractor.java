package io.newsgraph.core.relation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.newsgraph.core.entity.EntityLayer;
import io.newsgraph.core.entity.ResolvedEntity;
import io.newsgraph.core.lexicon.Lexicon;
import io.newsgraph.core.lexicon.PredicateCue;
import io.newsgraph.core.lexicon.Role;
import io.newsgraph.core.mention.Mention;
import io.newsgraph.core.model.EntityType;
import io.newsgraph.core.model.Predicate;
import io.newsgraph.core.model.Relation;
import io.newsgraph.core.text.DateResolver;
import io.newsgraph.core.text.Document;
import io.newsgraph.core.text.Sentence;
import io.newsgraph.core.text.Token;

/**
 * Stage 7: relations between entities. Roles (HEAD_OF, MEMBER_OF) come from titles and appositions
 * ("Kremlin spokesman X", "X, the Prime Minister of Y", "X of the Labour Party", "Y's X"); events from
 * the predicate cues of the lexicon, in active and passive voice, with "led by" leaders, conjoined
 * objects, pronoun subjects resolved to the latest person, and negated or hypothetical cues skipped.
 */
public final class RelationExtractor {

    private static final Set<String> PREPOSITIONS = Set.of("of", "in", "at", "with", "to", "from", "for", "on",
            "into", "against", "about", "over", "under", "near", "between", "among", "than", "like",
            "during", "through", "toward", "towards", "within", "without", "including", "via");
    private static final Set<String> NEGATIONS = Set.of("not", "n't", "never", "no", "neither", "nor", "without",
            "failed", "refused", "denied");
    private static final Set<String> MODALS = Set.of("will", "would", "could", "may", "might", "should", "can",
            "must", "shall", "plans", "planned", "plan", "wants", "want", "wanted", "hopes", "hope", "expected",
            "if", "whether", "unless", "intends", "intend", "aims", "seeks", "threatened", "vowed", "promised");
    private static final Set<String> BE = Set.of("was", "were", "is", "are", "been", "being", "be", "got", "get",
            "gets", "am");
    private static final Set<String> LEADER_VERBS = Set.of("led", "headed", "commanded", "backed");
    private static final Set<String> PRONOUNS = Set.of("he", "she");
    private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "its", "their", "his", "her");
    /** The tagger often calls past participles ADJ; these tags rule a verb reading out. */
    private static final Set<String> NOT_VERB_TAGS = Set.of("NOUN", "PROPN", "ADP", "ADV", "DET", "PRON");
    private static final Set<String> POSSESSIVE_PRONOUNS = Set.of("his", "her");
    private static final Set<String> SKIPPABLE_BEFORE_VERB = Set.of("also", "then", "later", "reportedly",
            "allegedly", "subsequently", "has", "have", "had", "quickly", "recently", "formally", "officially",
            "publicly", "again", "already", "instead", "eventually", "finally", "immediately", "once", "jointly");
    private static final Set<String> MODIFIERS = Set.of("former", "longtime", "long-time", "then", "current",
            "acting", "interim", "late", "new", "deputy", "senior", "top", "chief", "veteran", "elected",
            "outgoing", "incoming", "foreign", "defence", "defense", "finance", "interior", "press", "party",
            "the", "a", "an", "its", "their", "his", "her", "vice", "prime", "general", "de", "facto");

    private final Lexicon lexicon;
    private final DateResolver dates;

    public RelationExtractor(Lexicon lexicon, DateResolver dates) {
        this.lexicon = lexicon;
        this.dates = dates;
    }

    /** Collects relations, each (subject, predicate, object) once, the first statement's evidence kept. */
    public List<Relation> extract(Document doc, EntityLayer layer) {
        int[] mentionAt = new int[doc.tokenCount()];
        Arrays.fill(mentionAt, -1);
        List<Mention> mentions = layer.mentions();
        for (int i = 0; i < mentions.size(); i++) {
            Mention m = mentions.get(i);
            for (int t = m.start(); t < m.end() && t < mentionAt.length; t++) {
                mentionAt[t] = i;
            }
        }
        Map<String, Relation> found = new LinkedHashMap<>();
        Context ctx = new Context(doc, layer, mentionAt, found, dominantCountry(layer));
        for (Sentence s : doc.sentences()) {
            roles(ctx, s);
            events(ctx, s);
        }
        return new ArrayList<>(found.values());
    }

    /** The country named clearly most often (at least three times, half again the runner-up), or null. */
    static ResolvedEntity dominantCountry(EntityLayer layer) {
        ResolvedEntity best = null;
        int bestCount = 0;
        int second = 0;
        for (ResolvedEntity e : layer.entities()) {
            if (e.type() != EntityType.COUNTRY) {
                continue;
            }
            int n = e.mentions().size();
            if (n > bestCount) {
                second = bestCount;
                bestCount = n;
                best = e;
            } else if (n > second) {
                second = n;
            }
        }
        return bestCount >= 3 && bestCount * 2 >= second * 3 ? best : null;
    }

    private record Context(Document doc, EntityLayer layer, int[] mentionAt, Map<String, Relation> found,
                           ResolvedEntity dominantCountry) {

        ResolvedEntity entity(int mention) {
            return layer.entityOfMention(mention);
        }

        Mention mention(int index) {
            return layer.mentions().get(index);
        }

        String word(int token) {
            return doc.tokens().get(token).text().toLowerCase(Locale.ROOT);
        }
    }

    // ---------------------------------------------------------------- roles

    private void roles(Context ctx, Sentence s) {
        for (int t = s.firstToken(); t < s.endToken(); t++) {
            int mi = ctx.mentionAt[t];
            if (mi < 0 || ctx.mention(mi).start() != t) {
                continue;
            }
            Mention m = ctx.mention(mi);
            ResolvedEntity person = ctx.entity(mi);
            if (person.type() != EntityType.PERSON) {
                continue;
            }
            titleBefore(ctx, s, m, person);
            appositionAfter(ctx, s, m, person);
        }
    }

    /** "[Org|Country]('s) [modifiers] title [Person]" and "[Org]'s [Person]". */
    private void titleBefore(Context ctx, Sentence s, Mention m, ResolvedEntity person) {
        if (m.start() - 2 >= s.firstToken() && ctx.word(m.start() - 1).equals(",")
                && lexicon.title(ctx.word(m.start() - 2)) != null && ctx.mentionAt[m.start() - 2] < 0) {
            // "a Scientology attorney, Kendrick Moxon": the title sits before a comma.
            titleBeforeAt(ctx, s, m.start() - 1, person);
            return;
        }
        titleBeforeAt(ctx, s, m.start(), person, m);
    }

    private void titleBeforeAt(Context ctx, Sentence s, int nameStart, ResolvedEntity person) {
        Role role = null;
        int titleStart = -1;
        for (int len = Math.min(lexicon.maxTitleWords(), nameStart - s.firstToken()); len >= 1; len--) {
            Role r = lexicon.title(phrase(ctx, nameStart - len, nameStart));
            if (r != null) {
                role = r;
                titleStart = nameStart - len;
                break;
            }
        }
        if (role != null) {
            roleFromOrganisationBefore(ctx, s, titleStart, role, person);
        }
    }

    private void titleBeforeAt(Context ctx, Sentence s, int nameStart, ResolvedEntity person, Mention m) {
        int k = m.start() - 1;
        Role role = null;
        // Read back over a title phrase of up to four words, with modifiers.
        int titleStart = -1;
        for (int len = Math.min(lexicon.maxTitleWords(), m.start() - s.firstToken()); len >= 1; len--) {
            Role r = lexicon.title(phrase(ctx, m.start() - len, m.start()));
            if (r != null) {
                role = r;
                titleStart = m.start() - len;
                break;
            }
        }
        if (role == null && m.title() != null) {
            // The title was inside the capitalised run ("Syrian President X"); find where it begins.
            int j = m.start() - 1;
            while (j >= s.firstToken() && ctx.mentionAt[j] < 0 && j >= m.start() - 4) {
                j--;
            }
            role = m.title();
            titleStart = j + 1;
        }
        if (role == null) {
            // "[Org]'s [Person]": a member of the organisation.
            if (k >= s.firstToken() && ctx.word(k).equals("'s") && k - 1 >= s.firstToken()
                    && ctx.mentionAt[k - 1] >= 0) {
                ResolvedEntity org = ctx.entity(ctx.mentionAt[k - 1]);
                if (org.type() == EntityType.ORGANIZATION) {
                    add(ctx, s, person, Predicate.MEMBER_OF, org);
                }
            }
            return;
        }
        roleFromOrganisationBefore(ctx, s, titleStart, role, person);
    }

    /** The organisation or country written before a title: "Kremlin spokesman", "Syria's longtime ruler". */
    private void roleFromOrganisationBefore(Context ctx, Sentence s, int titleStart, Role role, ResolvedEntity person) {
        if (role == Role.NONE) {
            return;
        }
        int j = titleStart - 1;
        int guard = 0;
        while (j >= s.firstToken() && guard++ < 3 && ctx.mentionAt[j] < 0 && MODIFIERS.contains(ctx.word(j))) {
            j--;
        }
        if (j >= s.firstToken() && ctx.word(j).equals("'s")) {
            j--;
        }
        if (j >= s.firstToken() && ctx.mentionAt[j] >= 0) {
            ResolvedEntity org = ctx.entity(ctx.mentionAt[j]);
            if (org.type() == EntityType.ORGANIZATION || org.type() == EntityType.COUNTRY) {
                add(ctx, s, person, role == Role.HEAD ? Predicate.HEAD_OF : Predicate.MEMBER_OF, org);
            }
            return;
        }
        // "Prime Minister Rishi Sunak" with no country written: the country the article is about.
        String title = titlePhrase(ctx, titleStart, s.endToken());
        if (title != null && NATIONAL_TITLES.contains(title) && ctx.dominantCountry() != null
                && Character.isUpperCase(ctx.doc.tokens().get(titleStart).text().charAt(0))
                && !otherCountryIn(ctx, s, ctx.dominantCountry())) {
            add(ctx, s, person, role == Role.HEAD ? Predicate.HEAD_OF : Predicate.MEMBER_OF, ctx.dominantCountry());
        }
    }

    /** The sentence names a country other than the given one (so the title may be that country's). */
    private static boolean otherCountryIn(Context ctx, Sentence s, ResolvedEntity country) {
        for (int k = s.firstToken(); k < s.endToken(); k++) {
            int mi = ctx.mentionAt[k];
            if (mi >= 0 && ctx.entity(mi).type() == EntityType.COUNTRY && ctx.entity(mi) != country) {
                return true;
            }
        }
        return false;
    }

    /** Titles of national office: without a country written, they belong to the article's main country. */
    private static final Set<String> NATIONAL_TITLES = Set.of("prime minister", "premier", "chancellor",
            "home secretary", "foreign secretary", "foreign minister", "defence minister", "defense minister",
            "interior minister", "finance minister", "health minister", "deputy prime minister", "president");

    /** The longest title phrase starting at k, lower case, or null. */
    private String titlePhrase(Context ctx, int k, int end) {
        for (int len = lexicon.maxTitleWords(); len >= 1; len--) {
            if (k + len <= end) {
                String p = phrase(ctx, k, k + len);
                if (lexicon.title(p) != null) {
                    return p;
                }
            }
        }
        return null;
    }

    /** "[Person], (the) title of [Org]", "[Person] of/from the [Org]", "[Person], a member of [Org]". */
    private void appositionAfter(Context ctx, Sentence s, Mention m, ResolvedEntity person) {
        int k = m.end();
        int end = s.endToken();
        if (k >= end) {
            return;
        }
        String w = ctx.word(k);
        if ((w.equals("of") || w.equals("from")) && k + 1 < end) {
            int o = skip(ctx, k + 1, end, Set.of("the"));
            if (o < end && ctx.mentionAt[o] >= 0) {
                ResolvedEntity org = ctx.entity(ctx.mentionAt[o]);
                if (org.type() == EntityType.ORGANIZATION) {
                    add(ctx, s, person, Predicate.MEMBER_OF, org);
                }
            }
            return;
        }
        int j = k + 1;
        if (COPULAS.contains(w)) {
            // "X is the president of Y", "X became chairman of Y".
            j = k + 1;
        } else if (!w.equals(",")) {
            return;
        }
        // Skip an age: "X, 19, a member of".
        if (j + 1 < end && ctx.word(j).chars().allMatch(Character::isDigit) && ctx.word(j + 1).equals(",")) {
            j += 2;
        }
        int limit = Math.min(end, j + 8);
        Role role = null;
        int afterTitle = -1;
        for (int a = j; a < limit && role == null; a++) {
            if (ctx.mentionAt[a] >= 0 && !MODIFIERS.contains(ctx.word(a))) {
                // "X, the Kremlin spokesman": organisation before the title.
                ResolvedEntity org = ctx.entity(ctx.mentionAt[a]);
                Mention om = ctx.mention(ctx.mentionAt[a]);
                int b = om.end();
                if (b < end && ctx.word(b).equals("'s")) {
                    b++;
                }
                for (int len = lexicon.maxTitleWords(); len >= 1; len--) {
                    if (b + len <= end) {
                        Role r = lexicon.title(phrase(ctx, b, b + len));
                        if (r != null && r != Role.NONE && (org.type() == EntityType.ORGANIZATION
                                || org.type() == EntityType.COUNTRY)) {
                            add(ctx, s, person, r == Role.HEAD ? Predicate.HEAD_OF : Predicate.MEMBER_OF, org);
                            return;
                        }
                    }
                }
                return;
            }
            for (int len = lexicon.maxTitleWords(); len >= 1; len--) {
                if (a + len <= end) {
                    Role r = lexicon.title(phrase(ctx, a, a + len));
                    if (r != null && r != Role.NONE) {
                        role = r;
                        afterTitle = a + len;
                        break;
                    }
                }
            }
            if (role == null && !MODIFIERS.contains(ctx.word(a)) && !Character.isLowerCase(
                    ctx.doc.tokens().get(a).text().charAt(0))) {
                return;
            }
        }
        if (role == null || afterTitle >= end) {
            return;
        }
        // "X, curator of the exhibition at the University of Y", "X, editor at large at the Z":
        // the first organisation or country introduced by of/at/for/in after the title.
        for (int p = afterTitle; p < end && p < afterTitle + 8; p++) {
            String pw = ctx.word(p);
            if (pw.equals(",") || pw.equals(";") || pw.equals("said") || ctx.doc.tokens().get(p).verbTag()) {
                return;
            }
            if (!(pw.equals("of") || pw.equals("for") || pw.equals("at") || pw.equals("in") || pw.equals("to"))) {
                continue;
            }
            int o = skip(ctx, p + 1, end, Set.of("the"));
            if (o < end && ctx.mentionAt[o] >= 0) {
                ResolvedEntity org = ctx.entity(ctx.mentionAt[o]);
                if (org.type() == EntityType.ORGANIZATION || org.type() == EntityType.COUNTRY) {
                    add(ctx, s, person, role == Role.HEAD ? Predicate.HEAD_OF : Predicate.MEMBER_OF, org);
                    return;
                }
            }
        }
    }

    private static int skip(Context ctx, int from, int end, Set<String> words) {
        int k = from;
        while (k < end && words.contains(ctx.word(k))) {
            k++;
        }
        return k;
    }

    private static String phrase(Context ctx, int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) {
                b.append(' ');
            }
            b.append(ctx.word(i));
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- events

    private void events(Context ctx, Sentence s) {
        List<Token> tokens = ctx.doc.tokens();
        List<ResolvedEntity> lastSubjects = new ArrayList<>();
        for (int v = s.firstToken(); v < s.endToken(); v++) {
            if (ctx.mentionAt[v] >= 0) {
                continue;
            }
            Token t = tokens.get(v);
            List<PredicateCue> cues = lexicon.cues(t.text().toLowerCase(Locale.ROOT));
            if (cues.isEmpty()) {
                continue;
            }
            for (PredicateCue cue : cues) {
                if (cue.verb() ? NOT_VERB_TAGS.contains(t.tag()) : !t.nounTag()) {
                    continue;
                }
                int cueEnd = matchRest(ctx, cue, v + 1, s.endToken());
                if (cueEnd < 0) {
                    continue;
                }
                if (negatedOrHypothetical(ctx, s, v)) {
                    break;
                }
                applyCue(ctx, s, cue, v, cueEnd, lastSubjects);
                break;
            }
        }
    }

    /** End (exclusive) of the cue's later words after the head, allowing two other words between; -1 if absent. */
    private static int matchRest(Context ctx, PredicateCue cue, int from, int end) {
        int k = from;
        for (String word : cue.rest()) {
            int found = -1;
            for (int g = k; g < end && g <= k + 4; g++) {
                if (ctx.word(g).equals(word)) {
                    found = g;
                    break;
                }
                if (ctx.mentionAt[g] >= 0) {
                    break;
                }
            }
            if (found < 0) {
                return -1;
            }
            k = found + 1;
        }
        return k;
    }

    private static boolean negatedOrHypothetical(Context ctx, Sentence s, int v) {
        if (v - 1 >= s.firstToken() && ctx.word(v - 1).equals("(")) {
            return true;
        }
        if (v - 1 >= s.firstToken() && ctx.word(v - 1).equals(",") && ctx.word(v).endsWith("ing")) {
            // ", leaving the country with ...": a participle adjunct, its subject unclear.
            return true;
        }
        // "asked the government to respect and execute": a verb under an infinitive "to".
        for (int k = v - 1; k >= s.firstToken() && k >= v - 4; k--) {
            String w = ctx.word(k);
            if (ctx.mentionAt[k] >= 0 || !Character.isLetter(w.charAt(0))) {
                break;
            }
            if (w.equals("to") && k + 1 < v && !Character.isUpperCase(ctx.doc.tokens().get(k + 1).text().charAt(0))
                    && ctx.word(v - 1).equals("and")) {
                return true;
            }
        }
        for (int k = v - 1; k >= s.firstToken() && k >= v - 3; k--) {
            String w = ctx.word(k);
            if (NEGATIONS.contains(w) || MODALS.contains(w)) {
                return true;
            }
            if (ctx.mentionAt[k] >= 0) {
                break;
            }
        }
        return v - 1 >= s.firstToken() && ctx.word(v - 1).equals("to");
    }

    private void applyCue(Context ctx, Sentence s, PredicateCue cue, int v, int cueEnd,
                          List<ResolvedEntity> lastSubjects) {
        boolean passive = cue.verb() && cue.participles().contains(ctx.word(v)) && beBefore(ctx, s, v);
        List<ResolvedEntity> subjects;
        List<ResolvedEntity> objects;
        if (!cue.verb()) {
            // Noun cues ("Russia's presence in", "his visit to") need their possessor as subject,
            // or a verb governing them ("NASA tweeted support for X").
            subjects = possessor(ctx, s, v);
            if (subjects.isEmpty() && governedByVerb(ctx, s, v)) {
                subjects = subjectsBefore(ctx, s, v);
            }
            objects = objectsAfter(ctx, s, cueEnd, false, cue.predicate(), 3);
        } else if (passive) {
            boolean agent = cueEnd < s.endToken() && ctx.word(cueEnd).equals("by");
            if (agent) {
                subjects = objectsAfter(ctx, s, cueEnd + 1, true, Predicate.MEET, 6);
                objects = subjectsBefore(ctx, s, v);
            } else if (cue.predicate() == Predicate.DEPLOY) {
                // "Russian troops are deployed at X": the troops' country deploys them.
                subjects = subjectsBefore(ctx, s, v);
                objects = objectsAfter(ctx, s, cueEnd, false, cue.predicate(), 6);
            } else {
                return;
            }
        } else {
            subjects = conjoinedVerb(ctx, s, v) && !lastSubjects.isEmpty() ? List.copyOf(lastSubjects)
                    : subjectsBefore(ctx, s, v);
            objects = objectsAfter(ctx, s, cueEnd, false, cue.predicate(), cue.rest().isEmpty() ? 6 : 7);
        }
        if (!passive && !subjects.isEmpty()) {
            lastSubjects.clear();
            lastSubjects.addAll(subjects);
        }
        if (cue.inverse()) {
            // "X received support from Y": Y acts on X.
            List<ResolvedEntity> swap = subjects;
            subjects = objects;
            objects = swap;
        }
        if (objects.isEmpty() && subjects.size() >= 2 && cue.predicate().symmetric()) {
            // "Kishida and Yoon met in Tokyo": the conjoined subjects act on each other.
            add(ctx, s, subjects.get(1), cue.predicate(), subjects.get(0));
            return;
        }
        if (subjects.isEmpty() || objects.isEmpty()) {
            return;
        }
        boolean roleCue = cue.predicate() == Predicate.HEAD_OF || cue.predicate() == Predicate.MEMBER_OF;
        for (ResolvedEntity subj : subjects) {
            for (ResolvedEntity obj : objects) {
                if (roleCue && subj.type() != EntityType.PERSON && !(cue.predicate() == Predicate.MEMBER_OF
                        && subj.type() == EntityType.COUNTRY && obj.type() == EntityType.ORGANIZATION)) {
                    continue;
                }
                if (subj != obj && subj.type().isActor() && objectAllowed(cue.predicate(), obj.type())) {
                    add(ctx, s, subj, cue.predicate(), obj);
                }
            }
        }
    }

    /** "... fled Syria and took refuge in Russia": the verb continues the previous verb's subject. */
    private static boolean conjoinedVerb(Context ctx, Sentence s, int v) {
        int k = v - 1;
        while (k >= s.firstToken() && SKIPPABLE_BEFORE_VERB.contains(ctx.word(k))) {
            k--;
        }
        return k >= s.firstToken() && (ctx.word(k).equals("and") || ctx.word(k).equals("then"));
    }

    /** "expressed/tweeted/offered support": a verb (skipping determiners and adjectives) right before the noun. */
    private static boolean governedByVerb(Context ctx, Sentence s, int v) {
        int k = v - 1;
        while (k >= s.firstToken() && k >= v - 3 && ctx.mentionAt[k] < 0
                && (DETERMINERS.contains(ctx.word(k)) || "ADJ".equals(ctx.doc.tokens().get(k).tag()))) {
            k--;
        }
        return k >= s.firstToken() && ctx.mentionAt[k] < 0 && ctx.doc.tokens().get(k).verbTag()
                && !BE.contains(ctx.word(k));
    }

    /** The possessor of a noun cue: "[X]'s (adj) noun" or "his/her noun". */
    private List<ResolvedEntity> possessor(Context ctx, Sentence s, int v) {
        int k = v - 1;
        int guard = 0;
        while (k >= s.firstToken() && guard++ < 2 && ctx.mentionAt[k] < 0 && !POSSESSIVE_PRONOUNS.contains(ctx.word(k))
                && !ctx.word(k).equals("'s")
                && ("ADJ".equals(ctx.doc.tokens().get(k).tag()) || MODIFIERS.contains(ctx.word(k)))) {
            k--;
        }
        if (k < s.firstToken()) {
            return List.of();
        }
        if (POSSESSIVE_PRONOUNS.contains(ctx.word(k))) {
            ResolvedEntity p = salientPerson(ctx, s, k);
            return p == null ? List.of() : List.of(p);
        }
        if (ctx.word(k).equals("'s") && k - 1 >= s.firstToken() && ctx.mentionAt[k - 1] >= 0) {
            ResolvedEntity e = ctx.entity(ctx.mentionAt[k - 1]);
            return e.type().isActor() ? List.of(e) : List.of();
        }
        return List.of();
    }

    private static boolean beBefore(Context ctx, Sentence s, int v) {
        for (int k = v - 1; k >= s.firstToken() && k >= v - 3; k--) {
            if (BE.contains(ctx.word(k))) {
                return true;
            }
            if (ctx.mentionAt[k] >= 0) {
                return false;
            }
        }
        return false;
    }

    private static boolean isLowerWord(String w) {
        return !w.isEmpty() && Character.isLowerCase(w.charAt(0)) && !STOP_AFTER_OBJECT.contains(w);
    }

    /** Words that may follow an object without making it a modifier. */
    private static final Set<String> STOP_AFTER_OBJECT = Set.of("and", "or", "on", "in", "at", "for", "to", "from",
            "with", "after", "before", "since", "as", "by", "when", "where", "while", "during", "last", "this",
            "early", "earlier", "late", "later", "yesterday", "today", "again", "too", "via", "amid", "over", "until",
            "because", "but", "instead", "which", "who", "that", "said", "says", "into", "of");

    /** A subject further back than this many tokens is more often another clause's. */
    static final int MAX_SUBJECT_DISTANCE = 20;

    private static final Set<String> COPULAS = Set.of("is", "was", "became", "becomes", "remains", "remained");
    private static final Set<String> LOCATIVES = Set.of("in", "at", "near", "inside", "outside", "across");

    /** Predicates whose object is where the subject went or acted. */
    private static boolean placeObject(Predicate p) {
        return p == Predicate.VISIT || p == Predicate.DEPLOY || p == Predicate.FLEE || p == Predicate.WITHDRAW
                || p == Predicate.ATTACK;
    }

    private static boolean objectAllowed(Predicate p, EntityType type) {
        return switch (p) {
            case HEAD_OF, MEMBER_OF -> type == EntityType.ORGANIZATION || type == EntityType.COUNTRY;
            case VISIT, DEPLOY, FLEE -> type == EntityType.LOCATION || type == EntityType.COUNTRY;
            case WITHDRAW, ATTACK -> true;
            default -> type.isActor();
        };
    }

    /** The actor(s) doing the verb at v: nearest actor mention on the left outside a prepositional phrase. */
    private List<ResolvedEntity> subjectsBefore(Context ctx, Sentence s, int v) {
        List<ResolvedEntity> out = new ArrayList<>();
        for (int k = v - 1; k >= s.firstToken() && k >= v - MAX_SUBJECT_DISTANCE; k--) {
            String w = ctx.word(k);
            if (PRONOUNS.contains(w) && ctx.mentionAt[k] < 0) {
                ResolvedEntity p = salientPerson(ctx, s, k);
                if (p != null) {
                    out.add(p);
                }
                return out;
            }
            int mi = ctx.mentionAt[k];
            if (mi < 0) {
                continue;
            }
            Mention m = ctx.mention(mi);
            ResolvedEntity e = ctx.entity(mi);
            k = m.start();
            if (!e.type().isActor()) {
                continue;
            }
            if (m.start() > s.firstToken()) {
                int before = m.start() - 1;
                while (before > s.firstToken() && DETERMINERS.contains(ctx.word(before))) {
                    before--;
                }
                String prev = ctx.word(before);
                boolean leader = prev.equals("by") && before - 1 >= s.firstToken()
                        && LEADER_VERBS.contains(ctx.word(before - 1));
                if (!leader && (PREPOSITIONS.contains(prev) || prev.equals("by"))) {
                    continue;
                }
                if (prev.equals("'s")) {
                    continue;
                }
                if (afterVerb(ctx, s, m.start())) {
                    continue;
                }
            }
            if (m.end() < ctx.doc.tokenCount() && ctx.word(m.end()).equals("'s")) {
                continue;
            }
            out.add(e);
            // "Putin and al-Sharaa met", "X and South Korean President Y met": a conjoined subject.
            int c = m.start() - 1;
            int guard = 0;
            while (c >= s.firstToken() && guard++ < 4 && (ctx.mentionAt[c] >= 0
                    && ctx.entity(ctx.mentionAt[c]).type() == EntityType.COUNTRY
                    || ctx.mentionAt[c] < 0 && (lexicon.title(ctx.word(c)) != null || MODIFIERS.contains(ctx.word(c))))) {
                c = ctx.mentionAt[c] >= 0 ? ctx.mention(ctx.mentionAt[c]).start() - 1 : c - 1;
            }
            if (c >= s.firstToken() && ctx.word(c).equals("and") && c - 1 >= s.firstToken()
                    && ctx.mentionAt[c - 1] >= 0) {
                ResolvedEntity other = ctx.entity(ctx.mentionAt[c - 1]);
                if (other.type().isActor()) {
                    out.add(other);
                }
            }
            return out;
        }
        return out;
    }

    /** A mention right after a verb (skipping determiners) is that verb's object, not a later verb's subject. */
    private boolean afterVerb(Context ctx, Sentence s, int start) {
        int k = start - 1;
        while (k >= s.firstToken() && (ctx.word(k).equals("the") || ctx.word(k).equals("a"))) {
            k--;
        }
        return k >= s.firstToken() && !lexicon.cues(ctx.word(k)).isEmpty()
                && ctx.doc.tokens().get(k).verbTag();
    }

    /**
     * The person a "he"/"she" at token k refers to: the first person named in the current sentence
     * before k, else the first person (the likely subject) of the closest earlier sentence naming one.
     */
    private static ResolvedEntity salientPerson(Context ctx, Sentence s, int k) {
        ResolvedEntity inSentence = nearestPerson(ctx, s.firstToken(), k);
        if (inSentence != null) {
            return inSentence;
        }
        List<Sentence> sentences = ctx.doc.sentences();
        for (int i = s.index() - 1; i >= 0 && i >= s.index() - 4; i--) {
            Sentence prev = sentences.get(i);
            ResolvedEntity p = firstPerson(ctx, prev.firstToken(), prev.endToken());
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private static ResolvedEntity nearestPerson(Context ctx, int from, int to) {
        for (int t = to - 1; t >= from; t--) {
            int mi = ctx.mentionAt[t];
            if (mi >= 0 && ctx.entity(mi).type() == EntityType.PERSON) {
                return ctx.entity(mi);
            }
        }
        return null;
    }

    private static ResolvedEntity firstPerson(Context ctx, int from, int to) {
        for (int t = from; t < to; t++) {
            int mi = ctx.mentionAt[t];
            if (mi >= 0 && ctx.entity(mi).type() == EntityType.PERSON) {
                return ctx.entity(mi);
            }
        }
        return null;
    }

    /** Objects after the cue: the first fitting mention within a short window, plus conjoined ones. */
    private List<ResolvedEntity> objectsAfter(Context ctx, Sentence s, int from, boolean agent, Predicate p,
                                              int window) {
        List<ResolvedEntity> out = new ArrayList<>();
        int limit = Math.min(s.endToken(), from + window);
        for (int k = from; k < limit; k++) {
            int mi = ctx.mentionAt[k];
            String w = ctx.word(k);
            if (mi < 0) {
                if (w.equals(";") || w.equals("said") || w.equals("who") || w.equals("which")
                        || w.equals("of") && k > from) {
                    // "execute the sentence of the Court": what follows "of" belongs to the noun.
                    break;
                }
                continue;
            }
            Mention m = ctx.mention(mi);
            ResolvedEntity e = ctx.entity(mi);
            if (m.end() < s.endToken() && ctx.word(m.end()).equals("'s") && !agent) {
                // "ousted Syria's ruler Bashar al-Assad": the named possessed is the object;
                // "backed al-Shara's efforts": with nothing named after, the possessor is.
                if (namedSoonAfter(ctx, s, m.end() + 1, 3)) {
                    limit = Math.min(s.endToken(), limit + 3);
                    k = m.end();
                    continue;
                }
            }
            if (agent ? !e.type().isActor() : !objectAllowed(p, e.type())) {
                k = m.end() - 1;
                continue;
            }
            if (!agent && m.start() - 1 > from - 1 && LOCATIVES.contains(ctx.word(m.start() - 1))
                    && (!placeObject(p) || m.start() - 1 > from)) {
                // "killed five soldiers in Niger", "left her job in Boston": where it happened, not the object.
                k = m.end() - 1;
                continue;
            }
            if (!agent && placeObject(p) && e.type() == EntityType.LOCATION && m.end() < s.endToken()
                    && isLowerWord(ctx.doc.tokens().get(m.end()).text())) {
                // "went to the East Side police station": the place only qualifies the noun after it.
                k = m.end() - 1;
                continue;
            }
            // "met with Chilean President X": the person after the title is the object.
            int afterTitle = skipTitle(ctx, m.end(), s.endToken());
            if (afterTitle > m.end() && afterTitle < s.endToken() && ctx.mentionAt[afterTitle] >= 0) {
                int pm = ctx.mentionAt[afterTitle];
                if (ctx.entity(pm).type() == EntityType.PERSON) {
                    m = ctx.mention(pm);
                    e = ctx.entity(pm);
                }
            }
            List<ResolvedEntity> included = including(ctx, s, m.end(), agent, p);
            if (!included.isEmpty()) {
                // "members of X, including Y and Z": the named members act.
                return included;
            }
            out.add(e);
            conjoined(ctx, s, m.end(), agent, p, out);
            return out;
        }
        return out;
    }

    private static boolean namedSoonAfter(Context ctx, Sentence s, int from, int window) {
        for (int k = from; k < s.endToken() && k < from + window; k++) {
            if (ctx.mentionAt[k] >= 0) {
                return true;
            }
        }
        return false;
    }

    /** "X and Y", "X, Y and the Z": further objects joined to the first. */
    private static void conjoined(Context ctx, Sentence s, int c, boolean agent, Predicate p,
                                  List<ResolvedEntity> out) {
        while (c + 1 < s.endToken() && (ctx.word(c).equals("and") || ctx.word(c).equals(","))) {
            int n = c + 1;
            if (n < s.endToken() && ctx.word(n).equals("the")) {
                n++;
            }
            if (n >= s.endToken() || ctx.mentionAt[n] < 0) {
                break;
            }
            int next = ctx.mentionAt[n];
            ResolvedEntity other = ctx.entity(next);
            if (!(agent ? other.type().isActor() : objectAllowed(p, other.type()))) {
                break;
            }
            out.add(other);
            c = ctx.mention(next).end();
        }
    }

    /** Mentions after ", including" (within a few words) that fit the slot. */
    private static List<ResolvedEntity> including(Context ctx, Sentence s, int from, boolean agent, Predicate p) {
        int k = from;
        if (k < s.endToken() && ctx.word(k).equals(",")) {
            k++;
        }
        if (k >= s.endToken() || !ctx.word(k).equals("including")) {
            return List.of();
        }
        List<ResolvedEntity> out = new ArrayList<>();
        for (int j = k + 1; j < s.endToken() && j <= k + 3; j++) {
            int mi = ctx.mentionAt[j];
            if (mi < 0) {
                continue;
            }
            ResolvedEntity e = ctx.entity(mi);
            if (agent ? e.type().isActor() : objectAllowed(p, e.type())) {
                out.add(e);
                conjoined(ctx, s, ctx.mention(mi).end(), agent, p, out);
            }
            break;
        }
        return out;
    }

    /** End of a title phrase (with modifiers) starting at from, or from when there is none. */
    private int skipTitle(Context ctx, int from, int end) {
        int k = from;
        while (k < end && k < from + 3 && MODIFIERS.contains(ctx.word(k)) && ctx.mentionAt[k] < 0) {
            k++;
        }
        for (int len = lexicon.maxTitleWords(); len >= 1; len--) {
            if (k + len <= end && lexicon.title(phrase(ctx, k, k + len)) != null) {
                return k + len;
            }
        }
        return from;
    }

    // ---------------------------------------------------------------- output

    private void add(Context ctx, Sentence s, ResolvedEntity subject, Predicate predicate, ResolvedEntity object) {
        if (subject == object || subject.name().equals(object.name())) {
            return;
        }
        String key = subject.name() + "\u0000" + predicate + "\u0000" + object.name();
        if (predicate.symmetric()) {
            String reverse = object.name() + "\u0000" + predicate + "\u0000" + subject.name();
            if (ctx.found.containsKey(reverse)) {
                key = reverse;
            }
        }
        List<Token> tokens = ctx.doc.tokensOf(s);
        boolean role = predicate == Predicate.HEAD_OF || predicate == Predicate.MEMBER_OF;
        String location = role ? null : locationIn(ctx, s, object);
        String date = role ? null : dates.dateIn(tokens, ctx.doc.published());
        Relation earlier = ctx.found.get(key);
        if (earlier != null) {
            // Stated again: keep the first statement, completed with a place or date the later one gives.
            if (earlier.location() == null && location != null || earlier.date() == null && date != null) {
                ctx.found.put(key, new Relation(earlier.subject(), earlier.predicate(), earlier.object(),
                        earlier.location() != null ? earlier.location() : location,
                        earlier.date() != null ? earlier.date() : date, earlier.evidence()));
            }
            return;
        }
        ctx.found.put(key, new Relation(subject.name(), predicate, object.name(), location, date,
                ctx.doc.sentenceText(s.index())));
    }

    /** A LOCATION named after "in"/"at" in the sentence, other than the object. */
    private static String locationIn(Context ctx, Sentence s, ResolvedEntity object) {
        Set<String> prepositions = Set.of("in", "at");
        for (int k = s.firstToken() + 1; k < s.endToken(); k++) {
            int mi = ctx.mentionAt[k];
            if (mi < 0 || ctx.mention(mi).start() != k || !prepositions.contains(ctx.word(k - 1))) {
                continue;
            }
            ResolvedEntity e = ctx.entity(mi);
            if (e.type() == EntityType.LOCATION && e != object) {
                return e.name();
            }
        }
        return null;
    }
}
