package io.newsgraph.core.relation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.newsgraph.core.entity.ResolvedEntity;
import io.newsgraph.core.lexicon.Lexicon;
import io.newsgraph.core.lexicon.PredicateCue;
import io.newsgraph.core.mention.Mention;
import io.newsgraph.core.mention.MentionKind;
import io.newsgraph.core.model.EntityType;
import io.newsgraph.core.model.Predicate;
import io.newsgraph.core.text.Sentence;
import io.newsgraph.core.text.Token;


/**
 * Stage 7b: event relations from the predicate cues of the lexicon, in active and passive voice,
 * with "led by" leaders, conjoined subjects and objects, "including" members, inverse cues ("received
 * support from"), noun cues with their possessor, pronoun subjects resolved to the salient person,
 * and negated, hypothetical and infinitive cues skipped.
 */
final class EventRelations {

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
    private static final Set<String> LEADER_VERBS = Set.of("led", "headed", "commanded");
    private static final Set<String> PRONOUNS = Set.of("he", "she");
    private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "its", "their", "his", "her");
    /** The tagger often calls past participles ADJ; these tags rule a verb reading out. */
    private static final Set<String> NOT_VERB_TAGS = Set.of("NOUN", "PROPN", "ADP", "ADV", "DET", "PRON");
    private static final Set<String> POSSESSIVE_PRONOUNS = Set.of("his", "her");
    private static final Set<String> SKIPPABLE_BEFORE_VERB = Set.of("also", "then", "later", "reportedly",
            "allegedly", "subsequently", "has", "have", "had", "quickly", "recently", "formally", "officially",
            "publicly", "again", "already", "instead", "eventually", "finally", "immediately", "once", "jointly");


    private final Lexicon lexicon;

    EventRelations(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    void find(RelationContext ctx, Sentence s) {
        events(ctx, s);
    }

    private void events(RelationContext ctx, Sentence s) {
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
                if (cue.verb() ? NOT_VERB_TAGS.contains(t.tag()) && !verbBetweenActors(ctx, s, v, cue) : !t.nounTag()) {
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

    /**
     * "Brazil supports Venezuela", "Israel strikes Gaza": a cue word the tagger read as a noun, right after
     * a named actor (or its "soldiers", "police") and before a name, a determiner or the cue's next word, is the verb.
     */
    private static boolean verbBetweenActors(RelationContext ctx, Sentence s, int v, PredicateCue cue) {
        int actor = v - 1;
        if (actor - 1 >= s.firstToken() && ctx.mentionAt[actor] < 0 && STATE_NOUNS.contains(ctx.word(actor))) {
            // "Nigerian soldiers shot dead X": the demonym's state noun stands between.
            actor--;
        }
        if (actor < s.firstToken() || v + 1 >= s.endToken() || ctx.mentionAt[actor] < 0
                || !ctx.entity(ctx.mentionAt[actor]).type().isActor()) {
            return false;
        }
        return ctx.mentionAt[v + 1] >= 0 || DETERMINERS.contains(ctx.word(v + 1))
                || !cue.rest().isEmpty() && cue.rest().get(0).equals(ctx.word(v + 1));
    }

    /** End (exclusive) of the cue's later words after the head, allowing two other words between; -1 if absent. */
    private static int matchRest(RelationContext ctx, PredicateCue cue, int from, int end) {
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

    private static boolean negatedOrHypothetical(RelationContext ctx, Sentence s, int v) {
        if (v - 1 >= s.firstToken() && ctx.word(v - 1).equals("(")) {
            return true;
        }
        if (v - 1 >= s.firstToken() && ctx.word(v - 1).equals(",") && ctx.word(v).endsWith("ing")) {
            // ", leaving the port with ...": a participle adjunct, its subject unclear.
            return true;
        }
        // "urged the council to review and approve": a verb under an infinitive "to".
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
        // "denied that it had attacked X", "denies Hezbollah attacked X": the denied event is not stated.
        for (int k = v - 1; k >= s.firstToken() && k >= v - 6; k--) {
            String w = ctx.word(k);
            if (DENIALS.contains(w)) {
                return true;
            }
            if (w.equals(",") || w.equals("but") || w.equals(";") || w.equals("and")) {
                break;
            }
        }
        return v - 1 >= s.firstToken() && ctx.word(v - 1).equals("to");
    }

    private static final Set<String> DENIALS = Set.of("denied", "denies", "deny", "denying", "dismissed",
            "refuted", "disputed");

    private void applyCue(RelationContext ctx, Sentence s, PredicateCue cue, int v, int cueEnd,
                          List<ResolvedEntity> lastSubjects) {
        if (cue.verb() && cue.participles().contains(ctx.word(v)) && cueEnd == v + 1 && cueEnd < s.endToken()
                && ctx.word(cueEnd).equals("by") && v - 1 >= s.firstToken() && ctx.mentionAt[v - 1] < 0
                && ctx.doc.tokens().get(v - 1).nounTag() && !STATE_NOUNS.contains(ctx.word(v - 1))) {
            // "the summit hosted by X", "the resolution drafted by X": the participle only describes a thing.
            return;
        }
        boolean passive = cue.verb() && cue.participles().contains(ctx.word(v))
                && (beBefore(ctx, s, v) || reducedPassive(ctx, s, v, cueEnd));
        List<ResolvedEntity> subjects;
        List<ResolvedEntity> objects;
        if (!cue.verb()) {
            // Noun cues ("Norway's presence in", "her visit to") need their possessor as subject,
            // or a verb governing them ("Veridian voiced support for X").
            subjects = possessor(ctx, s, v);
            int governor = governingVerb(ctx, s, v);
            if (subjects.isEmpty() && governor >= 0 && !negatedOrHypothetical(ctx, s, governor)) {
                subjects = subjectsBefore(ctx, s, governor);
            }
            objects = objectsAfter(ctx, s, cueEnd, false, cue.predicate(), 3);
        } else if (passive) {
            boolean agent = cueEnd < s.endToken() && ctx.word(cueEnd).equals("by");
            if (agent) {
                subjects = objectsAfter(ctx, s, cueEnd + 1, true, Predicate.MEET, 6);
                objects = subjectsBefore(ctx, s, v);
            } else if (cue.predicate() == Predicate.DEPLOY) {
                // "Danish troops were deployed at X": the troops' country deploys them.
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
        if (cue.predicate().symmetric() && !cue.rest().isEmpty() && cue.rest().get(cue.rest().size() - 1).equals("between")) {
            // "talks between X and Y" (whoever hosted or mediated them): X and Y act on each other.
            if (objects.size() >= 2 && objects.get(0) != objects.get(1) && objects.get(0).type().isActor()
                    && objects.get(1).type().isActor()) {
                ctx.add(s, objects.get(0), cue.predicate(), objects.get(1));
            }
            return;
        }
        if (subjects.size() == 2 && RECIPROCAL_HEADS.contains(cue.head().get(0))
                && objects.stream().noneMatch(o -> o.type().isActor())) {
            // "Thailand and Cambodia exchanged fire", "X and Y restored relations": each side acts on the other.
            ctx.add(s, subjects.get(1), cue.predicate(), subjects.get(0));
            ctx.add(s, subjects.get(0), cue.predicate(), subjects.get(1));
            return;
        }
        if (objects.isEmpty() && subjects.size() >= 2 && cue.predicate().symmetric()) {
            // "Kishida and Yoon met in Tokyo": the conjoined subjects act on each other.
            ctx.add(s, subjects.get(1), cue.predicate(), subjects.get(0));
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
                    ctx.add(s, subj, cue.predicate(), obj);
                }
            }
        }
    }

    /** "... left Velmora and sought asylum in Norway": the verb continues the previous verb's subject. */
    private static boolean conjoinedVerb(RelationContext ctx, Sentence s, int v) {
        int k = v - 1;
        while (k >= s.firstToken() && SKIPPABLE_BEFORE_VERB.contains(ctx.word(k))) {
            k--;
        }
        return k >= s.firstToken() && (ctx.word(k).equals("and") || ctx.word(k).equals("then"));
    }

    /** "expressed/voiced/offered support": the verb (skipping determiners and adjectives) right before the noun, or -1. */
    private static int governingVerb(RelationContext ctx, Sentence s, int v) {
        int k = v - 1;
        while (k >= s.firstToken() && k >= v - 3 && ctx.mentionAt[k] < 0
                && (DETERMINERS.contains(ctx.word(k)) || "ADJ".equals(ctx.doc.tokens().get(k).tag()))) {
            k--;
        }
        return k >= s.firstToken() && ctx.mentionAt[k] < 0 && ctx.doc.tokens().get(k).verbTag()
                && !BE.contains(ctx.word(k)) ? k : -1;
    }

    /** The possessor of a noun cue: "[X]'s (adj) noun" or "his/her noun". */
    private List<ResolvedEntity> possessor(RelationContext ctx, Sentence s, int v) {
        int k = v - 1;
        int guard = 0;
        while (k >= s.firstToken() && guard++ < 2 && ctx.mentionAt[k] < 0 && !POSSESSIVE_PRONOUNS.contains(ctx.word(k))
                && !ctx.word(k).equals("'s")
                && ("ADJ".equals(ctx.doc.tokens().get(k).tag()) || RelationContext.MODIFIERS.contains(ctx.word(k)))) {
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

    /** "Armenia, backed by France, ...", "rebels armed by X": a participle with its agent and no "be". */
    private static boolean reducedPassive(RelationContext ctx, Sentence s, int v, int cueEnd) {
        return cueEnd == v + 1 && cueEnd < s.endToken() && ctx.word(cueEnd).equals("by")
                && v - 1 >= s.firstToken() && (ctx.word(v - 1).equals(",") || ctx.mentionAt[v - 1] >= 0
                || ctx.doc.tokens().get(v - 1).nounTag());
    }

    private static boolean beBefore(RelationContext ctx, Sentence s, int v) {
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
    private List<ResolvedEntity> subjectsBefore(RelationContext ctx, Sentence s, int v) {
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
            if (!e.type().isActor() || adjectivalDemonym(ctx, s, m)) {
                continue;
            }
            if (m.start() > s.firstToken()) {
                int before = m.start() - 1;
                while (before > s.firstToken() && DETERMINERS.contains(ctx.word(before))) {
                    before--;
                }
                String prev = ctx.word(before);
                // "rebels led by X attacked", "gunmen loyal to X attacked": the group's acts are its leader's.
                boolean leader = before - 1 >= s.firstToken() && (prev.equals("by") && LEADER_VERBS.contains(ctx.word(before - 1))
                        || prev.equals("to") && ctx.word(before - 1).equals("loyal"));
                // "Prosecutors in Italy investigated X": state bodies located in a country act for it.
                boolean stateBodyIn = prev.equals("in") && e.type() == EntityType.COUNTRY && before - 1 >= s.firstToken()
                        && STATE_NOUNS.contains(ctx.word(before - 1));
                if (!leader && !stateBodyIn && (PREPOSITIONS.contains(prev) || prev.equals("by"))) {
                    continue;
                }
                if (prev.equals("'s")) {
                    continue;
                }
                if (afterVerb(ctx, s, m.start())) {
                    continue;
                }
            }
            if (m.end() < ctx.doc.tokenCount() && ctx.word(m.end()).equals("'s")
                    && !(e.type() != EntityType.PERSON && possessedStateBody(ctx, m.end() + 1, v))) {
                // "Varga's aide said" is not Varga; "Chile's army attacked" is Chile.
                continue;
            }
            out.add(e);
            // "Marek and Varga met", "X and South Korean President Y met": a conjoined subject.
            int c = m.start() - 1;
            int guard = 0;
            while (c >= s.firstToken() && guard++ < 4 && (ctx.mentionAt[c] >= 0
                    && ctx.entity(ctx.mentionAt[c]).type() == EntityType.COUNTRY
                    || ctx.mentionAt[c] < 0 && (lexicon.title(ctx.word(c)) != null || RelationContext.MODIFIERS.contains(ctx.word(c)) && !ctx.word(c).equals("and")))) {
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

    /** "Chile's [foreign] minister", "Chile's armed forces": up to two modifiers, then a state noun. */
    private static boolean possessedStateBody(RelationContext ctx, int from, int v) {
        for (int k = from; k < v && k < from + 3; k++) {
            if (ctx.mentionAt[k] >= 0) {
                return false;
            }
            if (STATE_NOUNS.contains(ctx.word(k))) {
                return true;
            }
        }
        return false;
    }

    /** A mention right after a verb (skipping determiners) is that verb's object, not a later verb's subject. */
    private boolean afterVerb(RelationContext ctx, Sentence s, int start) {
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
    private static ResolvedEntity salientPerson(RelationContext ctx, Sentence s, int k) {
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

    private static ResolvedEntity nearestPerson(RelationContext ctx, int from, int to) {
        for (int t = to - 1; t >= from; t--) {
            int mi = ctx.mentionAt[t];
            if (mi >= 0 && ctx.entity(mi).type() == EntityType.PERSON) {
                return ctx.entity(mi);
            }
        }
        return null;
    }

    private static ResolvedEntity firstPerson(RelationContext ctx, int from, int to) {
        for (int t = from; t < to; t++) {
            int mi = ctx.mentionAt[t];
            if (mi >= 0 && ctx.entity(mi).type() == EntityType.PERSON) {
                return ctx.entity(mi);
            }
        }
        return null;
    }

    /** Nouns a demonym stands for its country before: "Danish forces", "Chilean officials". */
    private static final Set<String> STATE_NOUNS = Set.of("troops", "forces", "force", "soldiers", "army",
            "military", "navy", "government", "authorities", "officials", "official", "police", "diplomats",
            "diplomat", "leaders", "leader", "regime", "ministry", "warplanes", "jets", "aircraft", "drones",
            "missiles", "ships", "warships", "embassy", "delegation", "negotiators", "side", "state", "administration",
            "president", "minister", "spokesman", "spokeswoman", "ambassador", "envoy", "security", "intelligence",
            "units", "militias", "fighters", "team", "national", "federal", "prosecutors", "courts", "court",
            "positions", "guards", "commandos", "coastguard", "artillery", "authority", "junta", "cabinet",
            "parliament", "premier", "chancellor", "investigators", "regulators", "inspectors", "agents",
            "lawmakers", "officers", "judges", "judiciary", "customs");

    /** Verbs whose conjoined subjects, with no object, act on each other. */
    private static final Set<String> RECIPROCAL_HEADS = Set.of("exchange", "restore", "establish", "normalize",
            "normalise", "clash");

    /** Acts a demonym attributes to its state: "condemned the Israeli strike" criticizes Israel. */
    private static final Set<String> ACTION_NOUNS = Set.of("attack", "attacks", "strike", "strikes", "airstrike",
            "airstrikes", "invasion", "offensive", "incursion", "aggression", "occupation", "raid", "raids", "bombing",
            "bombardment", "shelling", "decision", "move", "proposal", "plan", "policy", "sanctions", "crackdown",
            "blockade", "annexation", "deployment", "buildup", "provocation", "provocations");

    /** "Peruvian farmers": a demonym used as an adjective of an ordinary noun, not standing for its country. */
    private static boolean adjectivalDemonym(RelationContext ctx, Sentence s, Mention m) {
        if (m.kind() != MentionKind.DEMONYM || m.end() >= s.endToken()) {
            return false;
        }
        String next = ctx.doc.tokens().get(m.end()).text();
        if (next.isEmpty() || !Character.isLowerCase(next.charAt(0)) || m.text().endsWith("s")
                || STOP_AFTER_OBJECT.contains(next)) {
            // "Palestinians in Gaza": a plural demonym is a noun, and a preposition follows no adjective.
            return false;
        }
        int k = m.end();
        // Skip one adjective: "Danish naval forces", "Chilean armed forces", "a Turkish air strike".
        if (k + 1 < s.endToken() && !STATE_NOUNS.contains(ctx.word(k)) && !ACTION_NOUNS.contains(ctx.word(k))
                && (STATE_NOUNS.contains(ctx.word(k + 1)) || ACTION_NOUNS.contains(ctx.word(k + 1)))) {
            return false;
        }
        return !STATE_NOUNS.contains(ctx.word(k)) && !ACTION_NOUNS.contains(ctx.word(k));
    }

    /** Objects after the cue: the first fitting mention within a short window, plus conjoined ones. */
    private List<ResolvedEntity> objectsAfter(RelationContext ctx, Sentence s, int from, boolean agent, Predicate p,
                                              int window) {
        List<ResolvedEntity> out = new ArrayList<>();
        // "attacked militants in Gaza", "deployed ships near Crete": with no named target, the place is the object.
        ResolvedEntity attackedPlace = null;
        int limit = Math.min(s.endToken(), from + window);
        for (int k = from; k < limit; k++) {
            int mi = ctx.mentionAt[k];
            String w = ctx.word(k);
            if (mi < 0) {
                if (w.equals(";") || w.equals("said") || w.equals("who") || w.equals("which") || w.equals("that")
                        || w.equals("by") && k > from && !agent && !ACTION_NOUNS.contains(ctx.word(k - 1))
                        || w.equals("of") && k > from && !PLACE_NOUNS.contains(ctx.word(k - 1))
                        || w.equals(",") || w.equals(":")) {
                    // "review the ruling of the Tribunal": what follows "of" belongs to the noun.
                    break;
                }
                if (PLACE_NOUNS.contains(w) && k + 1 < s.endToken() && ctx.word(k + 1).equals("of")) {
                    // "a convoy in the northern city of X": reach the place's name.
                    limit = Math.min(s.endToken(), Math.max(limit, k + 3));
                }
                continue;
            }
            Mention m = ctx.mention(mi);
            ResolvedEntity e = ctx.entity(mi);
            if (m.end() < s.endToken() && ctx.word(m.end()).equals("'s") && !agent) {
                // "ousted Velmora's ruler Tomas al-Qassari": the named possessed is the object;
                // "backed Varga's efforts": with nothing named after, the possessor is.
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
            if (adjectivalDemonym(ctx, s, m) && p != Predicate.MEET && p != Predicate.NEGOTIATE) {
                // "aid for Peruvian farmers" is not aid for Peru ("met Chilean officials" is a meeting with Chile).
                k = m.end() - 1;
                continue;
            }
            if (!agent && m.start() - 1 > from - 1 && LOCATIVES.contains(ctx.word(m.start() - 1))
                    && (!placeObject(p) || m.start() - 1 > from)) {
                // "killed five soldiers in Niger", "left her job in Boston": where it happened, not the object.
                if ((p == Predicate.ATTACK || p == Predicate.DEPLOY) && attackedPlace == null && (e.type() == EntityType.LOCATION || e.type() == EntityType.COUNTRY)) {
                    attackedPlace = e;
                }
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
        if (attackedPlace != null) {
            out.add(attackedPlace);
        }
        return out;
    }

    /** Nouns naming a kind of place: "the border town of X" names X, unlike "the ruling of X". */
    static final Set<String> PLACE_NOUNS = Set.of("town", "city", "village", "province", "region", "district",
            "port", "capital", "island", "state", "county", "area", "enclave", "territory", "governorate");

    private static boolean namedSoonAfter(RelationContext ctx, Sentence s, int from, int window) {
        for (int k = from; k < s.endToken() && k < from + window; k++) {
            if (ctx.mentionAt[k] >= 0) {
                return true;
            }
            if (PREPOSITIONS.contains(ctx.word(k))) {
                // "hosted Qatar's emir in Doha": a place after a preposition is not the possessed.
                return false;
            }
        }
        return false;
    }

    /** "X and Y", "X, Y and the Z": further objects joined to the first. */
    private static void conjoined(RelationContext ctx, Sentence s, int c, boolean agent, Predicate p,
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
    private static List<ResolvedEntity> including(RelationContext ctx, Sentence s, int from, boolean agent, Predicate p) {
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
    private int skipTitle(RelationContext ctx, int from, int end) {
        int k = from;
        while (k < end && k < from + 3 && RelationContext.MODIFIERS.contains(ctx.word(k)) && ctx.mentionAt[k] < 0) {
            k++;
        }
        for (int len = lexicon.maxTitleWords(); len >= 1; len--) {
            if (k + len <= end && lexicon.title(ctx.phrase(k, k + len)) != null) {
                return k + len;
            }
        }
        return from;
    }

}
