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
import io.newsgraph.core.mention.Mention;
import io.newsgraph.core.model.EntityType;
import io.newsgraph.core.model.Predicate;
import io.newsgraph.core.model.Relation;
import io.newsgraph.core.text.DateResolver;
import io.newsgraph.core.text.Document;
import io.newsgraph.core.text.Sentence;
import io.newsgraph.core.text.Token;


/** One document's relation search state: mention lookup by token, the relations found, helpers. */
final class RelationContext {

    /** Words that may stand between an organisation and a title ("Velmora's longtime ruler"). */
    static final Set<String> MODIFIERS = Set.of("former", "longtime", "long-time", "then", "current",
            "acting", "interim", "late", "new", "deputy", "senior", "top", "chief", "veteran", "elected",
            "outgoing", "incoming", "foreign", "defence", "defense", "finance", "interior", "press", "party",
            "the", "a", "an", "its", "their", "his", "her", "vice", "prime", "general", "de", "facto",
            "associate", "assistant", "adjunct", "visiting", "executive", "managing", "junior", "regional",
            "national", "local", "overseas", "and", "home", "justice", "health", "education", "trade", "economy",
            "environment", "energy", "culture", "transport", "labour", "labor", "agriculture", "security",
            "intelligence", "military", "army", "navy", "police", "opposition", "state", "federal", "media");

    final Document doc;
    final EntityLayer layer;
    /** For each token, the index of the mention covering it, or -1. */
    final int[] mentionAt;
    private final DateResolver dates;
    private final ResolvedEntity dominantCountry;
    /** Relations by (subject, predicate, object) key, in the order found. */
    private final Map<String, Relation> found = new LinkedHashMap<>();

    RelationContext(Document doc, EntityLayer layer, DateResolver dates) {
        this.doc = doc;
        this.layer = layer;
        this.dates = dates;
        this.mentionAt = new int[doc.tokenCount()];
        Arrays.fill(mentionAt, -1);
        List<Mention> mentions = layer.mentions();
        for (int i = 0; i < mentions.size(); i++) {
            Mention m = mentions.get(i);
            for (int t = m.start(); t < m.end() && t < mentionAt.length; t++) {
                mentionAt[t] = i;
            }
        }
        this.dominantCountry = dominantCountry(layer);
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

    ResolvedEntity dominantCountry() {
        return dominantCountry;
    }

    List<Relation> relations() {
        return new ArrayList<>(found.values());
    }

    ResolvedEntity entity(int mention) {
        return layer.entityOfMention(mention);
    }

    Mention mention(int index) {
        return layer.mentions().get(index);
    }

    String word(int token) {
        return doc.tokens().get(token).text().toLowerCase(Locale.ROOT);
    }

    /** First token index from {@code from} that is not one of the words. */
    int skip(int from, int end, Set<String> words) {
        int k = from;
        while (k < end && words.contains(word(k))) {
            k++;
        }
        return k;
    }

    /** Lower-case words [from, to) joined by spaces. */
    String phrase(int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from) {
                b.append(' ');
            }
            b.append(word(i));
        }
        return b.toString();
    }

    /**
     * Records a relation once per (subject, predicate, object); symmetric predicates once per pair.
     * A repeated statement completes the first with a place or date it lacked.
     */

    void add(Sentence s, ResolvedEntity subject, Predicate predicate, ResolvedEntity object) {
        if (subject == object || subject.name().equals(object.name())) {
            return;
        }
        String key = subject.name() + "\u0000" + predicate + "\u0000" + object.name();
        if (predicate.symmetric()) {
            String reverse = object.name() + "\u0000" + predicate + "\u0000" + subject.name();
            if (found.containsKey(reverse)) {
                key = reverse;
            }
        }
        List<Token> tokens = doc.tokensOf(s);
        boolean role = predicate == Predicate.HEAD_OF || predicate == Predicate.MEMBER_OF;
        String location = role ? null : locationIn(s, subject, object);
        String date = role ? null : dates.dateIn(tokens, doc.published());
        Relation earlier = found.get(key);
        if (earlier != null) {
            // Stated again: keep the first statement, completed with a place or date the later one gives.
            if (earlier.location() == null && location != null || earlier.date() == null && date != null) {
                found.put(key, new Relation(earlier.subject(), earlier.predicate(), earlier.object(),
                        earlier.location() != null ? earlier.location() : location,
                        earlier.date() != null ? earlier.date() : date, earlier.evidence()));
            }
            return;
        }
        found.put(key, new Relation(subject.name(), predicate, object.name(), location, date,
                doc.sentenceText(s.index())));
    }

    private static final Set<String> PLACE_PREPOSITIONS = Set.of("in", "at", "near", "outside");

    /**
     * Where it happened: a LOCATION after "in"/"at"/"near" (or "the border town of") in the sentence, other
     * than the object; else such a COUNTRY other than the subject and object.
     */
    private String locationIn(Sentence s, ResolvedEntity subject, ResolvedEntity object) {
        ResolvedEntity country = null;
        for (int k = s.firstToken() + 1; k < s.endToken(); k++) {
            int mi = mentionAt[k];
            if (mi < 0 || mention(mi).start() != k || !(PLACE_PREPOSITIONS.contains(word(k - 1))
                    || k - 2 >= s.firstToken() && word(k - 1).equals("of")
                    && EventRelations.PLACE_NOUNS.contains(word(k - 2)))) {
                continue;
            }
            ResolvedEntity e = entity(mi);
            if (e.type() == EntityType.LOCATION && e != object) {
                return e.name();
            }
            if (country == null && e.type() == EntityType.COUNTRY && e != object && e != subject) {
                country = e;
            }
        }
        // "clashes in Sudan": with no city or region named, the country is where it happened.
        return country == null ? null : country.name();
    }
}
