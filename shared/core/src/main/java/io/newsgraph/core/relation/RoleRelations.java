package io.newsgraph.core.relation;

import java.util.Set;

import io.newsgraph.core.entity.ResolvedEntity;
import io.newsgraph.core.lexicon.Lexicon;
import io.newsgraph.core.lexicon.Role;
import io.newsgraph.core.mention.Mention;
import io.newsgraph.core.model.EntityType;
import io.newsgraph.core.model.Predicate;
import io.newsgraph.core.text.Sentence;


/**
 * Stage 7a: role relations (HEAD_OF, MEMBER_OF) from titles and appositions: "Ministry spokesman X",
 * "Chilean President X", "X, the Prime Minister of Y", "X is the president of Y", "X of the Green
 * Party", "Y's X"; a national title with no country written goes to the article's dominant country.
 */
final class RoleRelations {

    private static final Set<String> COPULAS = Set.of("is", "was", "became", "becomes", "remains", "remained");

    private final Lexicon lexicon;

    RoleRelations(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    void find(RelationContext ctx, Sentence s) {
        roles(ctx, s);
    }

    private void roles(RelationContext ctx, Sentence s) {
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
    private void titleBefore(RelationContext ctx, Sentence s, Mention m, ResolvedEntity person) {
        if (m.start() - 2 >= s.firstToken() && ctx.word(m.start() - 1).equals(",")
                && lexicon.title(ctx.word(m.start() - 2)) != null && ctx.mentionAt[m.start() - 2] < 0) {
            // "a Veridian attorney, Ivo Marek": the title sits before a comma.
            titleBeforeAt(ctx, s, m.start() - 1, person);
            return;
        }
        titleBeforeAt(ctx, s, m.start(), person, m);
    }

    private void titleBeforeAt(RelationContext ctx, Sentence s, int nameStart, ResolvedEntity person) {
        Role role = null;
        int titleStart = -1;
        for (int len = Math.min(lexicon.maxTitleWords(), nameStart - s.firstToken()); len >= 1; len--) {
            Role r = lexicon.title(ctx.phrase(nameStart - len, nameStart));
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

    private void titleBeforeAt(RelationContext ctx, Sentence s, int nameStart, ResolvedEntity person, Mention m) {
        int k = m.start() - 1;
        Role role = null;
        // Read back over a title phrase of up to four words, with modifiers.
        int titleStart = -1;
        for (int len = Math.min(lexicon.maxTitleWords(), m.start() - s.firstToken()); len >= 1; len--) {
            Role r = lexicon.title(ctx.phrase(m.start() - len, m.start()));
            if (r != null) {
                role = r;
                titleStart = m.start() - len;
                break;
            }
        }
        if (role == null && m.title() != null) {
            // The title was inside the capitalised run ("Chilean President X"); find where it begins.
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
                    ctx.add(s, person, Predicate.MEMBER_OF, org);
                }
            }
            return;
        }
        roleFromOrganisationBefore(ctx, s, titleStart, role, person);
    }

    /** The role of a title written right before the mention (or inside its capitalised run), or null. */
    private Role titleRoleBefore(RelationContext ctx, Sentence s, Mention m) {
        for (int len = Math.min(lexicon.maxTitleWords(), m.start() - s.firstToken()); len >= 1; len--) {
            Role r = lexicon.title(ctx.phrase(m.start() - len, m.start()));
            if (r != null) {
                return r;
            }
        }
        return m.title();
    }

    /** The organisation or country written before a title: "Ministry spokesman", "Velmora's longtime ruler". */
    private void roleFromOrganisationBefore(RelationContext ctx, Sentence s, int titleStart, Role role, ResolvedEntity person) {
        if (role == Role.NONE) {
            return;
        }
        int j = titleStart - 1;
        int guard = 0;
        while (j >= s.firstToken() && guard++ < 4 && ctx.mentionAt[j] < 0 && RelationContext.MODIFIERS.contains(ctx.word(j))) {
            j--;
        }
        if (j >= s.firstToken() && ctx.word(j).equals("'s")) {
            j--;
        }
        if (j >= s.firstToken() && ctx.mentionAt[j] >= 0) {
            ResolvedEntity org = ctx.entity(ctx.mentionAt[j]);
            if (org.type() == EntityType.ORGANIZATION || org.type() == EntityType.COUNTRY) {
                ctx.add(s, person, role == Role.HEAD ? Predicate.HEAD_OF : Predicate.MEMBER_OF, org);
            }
            return;
        }
        // "Prime Minister Lena Varga" with no country written: the country the article is about.
        String title = titlePhrase(ctx, titleStart, s.endToken());
        if (title != null && NATIONAL_TITLES.contains(title) && ctx.dominantCountry() != null
                && Character.isUpperCase(ctx.doc.tokens().get(titleStart).text().charAt(0))
                && !otherCountryIn(ctx, s, ctx.dominantCountry())) {
            ctx.add(s, person, role == Role.HEAD ? Predicate.HEAD_OF : Predicate.MEMBER_OF, ctx.dominantCountry());
        }
    }

    /** The sentence names a country other than the given one (so the title may be that country's). */
    private static boolean otherCountryIn(RelationContext ctx, Sentence s, ResolvedEntity country) {
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
    private String titlePhrase(RelationContext ctx, int k, int end) {
        for (int len = lexicon.maxTitleWords(); len >= 1; len--) {
            if (k + len <= end) {
                String p = ctx.phrase(k, k + len);
                if (lexicon.title(p) != null) {
                    return p;
                }
            }
        }
        return null;
    }

    /** "[Person], (the) title of [Org]", "[Person] of/from the [Org]", "[Person], a member of [Org]". */
    private void appositionAfter(RelationContext ctx, Sentence s, Mention m, ResolvedEntity person) {
        int k = m.end();
        int end = s.endToken();
        if (k >= end) {
            return;
        }
        String w = ctx.word(k);
        if ((w.equals("of") || w.equals("from")) && k + 1 < end) {
            int o = ctx.skip(k + 1, end, Set.of("the"));
            if (o < end && ctx.mentionAt[o] >= 0) {
                ResolvedEntity org = ctx.entity(ctx.mentionAt[o]);
                Role titled = titleRoleBefore(ctx, s, m);
                if (org.type() == EntityType.ORGANIZATION) {
                    ctx.add(s, person, titled == Role.HEAD ? Predicate.HEAD_OF : Predicate.MEMBER_OF, org);
                } else if (org.type() == EntityType.COUNTRY && titled != null && titled != Role.NONE) {
                    // "President X of Y": the title is Y's; an untitled "X of Y" is only where X is from.
                    ctx.add(s, person, titled == Role.HEAD ? Predicate.HEAD_OF : Predicate.MEMBER_OF, org);
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
        // Skip an age: "X, 27, a member of".
        if (j + 1 < end && ctx.word(j).chars().allMatch(Character::isDigit) && ctx.word(j + 1).equals(",")) {
            j += 2;
        }
        int limit = Math.min(end, j + 8);
        Role role = null;
        int afterTitle = -1;
        for (int a = j; a < limit && role == null; a++) {
            if (ctx.mentionAt[a] >= 0 && !RelationContext.MODIFIERS.contains(ctx.word(a))) {
                // "X, the Ministry spokesman": organisation before the title.
                ResolvedEntity org = ctx.entity(ctx.mentionAt[a]);
                Mention om = ctx.mention(ctx.mentionAt[a]);
                int b = om.end();
                if (b < end && ctx.word(b).equals("'s")) {
                    b++;
                }
                while (b < end && b < om.end() + 3 && RelationContext.MODIFIERS.contains(ctx.word(b))) {
                    // "DLU assistant professor", "the Ministry's chief spokesman".
                    b++;
                }
                for (int len = lexicon.maxTitleWords(); len >= 1; len--) {
                    if (b + len <= end) {
                        Role r = lexicon.title(ctx.phrase(b, b + len));
                        if (r != null && r != Role.NONE && (org.type() == EntityType.ORGANIZATION
                                || org.type() == EntityType.COUNTRY)) {
                            ctx.add(s, person, r == Role.HEAD ? Predicate.HEAD_OF : Predicate.MEMBER_OF, org);
                            return;
                        }
                    }
                }
                return;
            }
            for (int len = lexicon.maxTitleWords(); len >= 1; len--) {
                if (a + len <= end) {
                    Role r = lexicon.title(ctx.phrase(a, a + len));
                    if (r != null && r != Role.NONE) {
                        role = r;
                        afterTitle = a + len;
                        break;
                    }
                }
            }
            if (role == null && !RelationContext.MODIFIERS.contains(ctx.word(a)) && !Character.isLowerCase(
                    ctx.doc.tokens().get(a).text().charAt(0))) {
                return;
            }
        }
        if (role == null || afterTitle >= end) {
            return;
        }
        // "X, head of research at the University of Y", "X, correspondent at the Z":
        // the first organisation or country introduced by of/at/for/in after the title.
        for (int p = afterTitle; p < end && p < afterTitle + 8; p++) {
            String pw = ctx.word(p);
            if (pw.equals(",") || pw.equals(";") || pw.equals("said") || ctx.doc.tokens().get(p).verbTag()) {
                return;
            }
            if (!(pw.equals("of") || pw.equals("for") || pw.equals("at") || pw.equals("in") || pw.equals("to"))) {
                continue;
            }
            int o = ctx.skip(p + 1, end, Set.of("the"));
            if (o < end && ctx.mentionAt[o] >= 0) {
                ResolvedEntity org = ctx.entity(ctx.mentionAt[o]);
                if (org.type() == EntityType.ORGANIZATION || org.type() == EntityType.COUNTRY) {
                    ctx.add(s, person, role == Role.HEAD ? Predicate.HEAD_OF : Predicate.MEMBER_OF, org);
                    return;
                }
            }
        }
    }



}
