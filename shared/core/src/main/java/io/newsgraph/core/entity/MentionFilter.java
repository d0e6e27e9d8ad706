package io.newsgraph.core.entity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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

/**
 * Stage 6a: decides which mentions name entities at all, before they are grouped. Headline spans
 * need the body's confirmation; products and model codes are dropped; a lone capitalised word seen
 * once with no cue is dropped unless it sits in an enumeration or has a place or organisation cue.
 */
public final class MentionFilter {

    /** Mentions beyond this many are ignored: no news article has them, and the work stays bounded. */
    static final int MAX_MENTIONS = 50_000;

    private final Lexicon lexicon;

    public MentionFilter(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** The mentions worth grouping, in text order (a new, mutable list). */
    public List<Mention> filter(Document doc, List<Mention> all) {
        List<Mention> named = new ArrayList<>();
        for (Mention m : all.size() > MAX_MENTIONS ? all.subList(0, MAX_MENTIONS) : all) {
            // A span of marks only ("-", "'") names nothing.
            if (!Names.normalize(m.text()).isEmpty() && (m.canonical() == null || !m.canonical().isBlank())) {
                named.add(m);
            }
        }
        return dropUnsupportedSingletons(doc, dropProducts(doc, confirmWeak(named)));
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
                // "Tamsin, Orrin, Bex and Juno": members of a list of names share its type.
                out.add(m.withType(listType[i]));
                continue;
            }
            boolean lone = m.kind() == MentionKind.NAME && m.end() - m.start() == 1 && m.type() == null
                    && m.title() == null && counts.get(norm) == 1 && !inLonger.contains(Names.stripArticle(norm))
                    && EntityTyper.personContext(doc, m) == 0;
            if (!lone) {
                out.add(m);
            } else if (EntityTyper.locationContext(doc, m) > 0) {
                // "arrived in Velmora": a lone word after a place preposition is a place.
                out.add(m.withType(EntityType.LOCATION));
            } else if (EntityTyper.organisationContext(doc, m)) {
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


    /** Nouns that only products take as modifiers ("the Skylark browser"); "a Mara Quell video" proves nothing. */
    private static final Set<String> PRODUCT_NOUNS = Set.of("browser", "browsers", "console", "consoles", "app",
            "apps", "software", "smartphone", "smartphones", "headset", "headsets", "firmware", "chipset");

    /**
     * Names of products and works are not entities: a name written anywhere in the article right
     * before a version number ("Skylark Navigator 6") or a product noun ("the Skylark browser",
     * "the Winter Heron novel") is dropped everywhere, unless a gazetteer or title makes it an entity.
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
                // "Sony Walkman", "Adobe Reader": a company's name before another name is its product.
                products.add(Names.normalize(m.text()));
                continue;
            }
            if (m.kind() == MentionKind.ACRONYM && m.text().matches("[A-Z]{1,4}[0-9]{1,4}")) {
                // "SX9", "A380": model and version codes.
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
                    // Its acronym ("SN" for "Skylark Navigator") names the same product.
                    products.add(Names.normalize(EntityResolver.initials(m.text())));
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

}
