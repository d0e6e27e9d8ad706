package io.newsgraph.core.eval;

import io.newsgraph.core.eval.GoldArticle.GoldEntity;
import io.newsgraph.core.eval.GoldArticle.GoldRelation;
import io.newsgraph.core.model.Entity;
import io.newsgraph.core.model.EntityType;
import io.newsgraph.core.model.Extraction;
import io.newsgraph.core.model.Predicate;
import io.newsgraph.core.model.Relation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Scores one system {@link Extraction} against one {@link GoldArticle}, exactly as GUIDELINES section 4 says.
 *
 * <ul>
 * <li><b>Forms.</b> An entity's forms are its name and aliases after {@link NameNormalizer#normalize}. Two
 * entities match when their form sets share a member.</li>
 * <li><b>Entities.</b> Each gold entity is matched at most once, and each system entity at most once. The
 * pairing is a maximum bipartite matching (augmenting paths), not a first-come greedy pass, so the counts do not
 * depend on the order the system lists its entities. Untyped: any form match; typed: form match and the same
 * type (its own maximum matching).</li>
 * <li><b>Relations.</b> A relation's subject, object and location are names; each is resolved to the entity on
 * its own side whose normalised name equals it, else whose forms include it (a name no entity carries stands
 * for an entity with just that form). A system relation matches a gold relation when the predicates are equal
 * and the subjects match and the objects match as entities (forms shared); for symmetric predicates
 * ({@link Predicate#symmetric()}) subject and object may be swapped. Pair: the same without the predicate; the
 * swap is allowed when either relation's predicate is symmetric. Each (subject, predicate, object) counts once
 * per article on each side (duplicates merged; a merged gold item is optional only if every copy was).
 * Relations are paired by maximum matching too.</li>
 * <li><b>Optional gold items</b> are removed from both sides: they are not in the recall denominator, and a
 * system item left unmatched that matches an optional gold item is not counted as a false positive. System
 * entities are excused by an optional gold entity sharing a form whatever its type; system relations by an
 * optional gold relation they match (typed, or as a pair for pair F1). System items that could be excused are
 * matched last, so a required gold item is credited to a system
 * item that would otherwise be a false positive.</li>
 * <li><b>Location accuracy</b>: of the typed-matched relations whose gold has a location, the share whose system
 * location matches it (through entity forms, as above). When duplicates were merged, any of the merged
 * locations counts.</li>
 * </ul>
 */
public final class Scorer {

    /** Scores one article; the result also lists what was missed and what was spurious, for inspection. */
    public ArticleScore score(GoldArticle gold, Extraction system) {
        Side goldSide = new Side();
        for (GoldEntity entity : gold.entities()) {
            goldSide.addEntity(entity.name(), entity.aliases(), entity.type(), entity.optional());
        }
        Side systemSide = new Side();
        for (Entity entity : system.entities()) {
            systemSide.addEntity(entity.name(), entity.aliases(), entity.type(), false);
        }

        List<String> missedEntities = new ArrayList<>();
        List<String> spuriousEntities = new ArrayList<>();
        Counts untyped = matchEntities(systemSide.entities, goldSide.entities, false, null, null);
        Counts typed = matchEntities(systemSide.entities, goldSide.entities, true, missedEntities, spuriousEntities);

        List<RelationItem> goldRelations = new ArrayList<>();
        for (GoldRelation relation : gold.relations()) {
            RelationItem item = new RelationItem(goldSide.resolve(relation.subject()), relation.predicate(),
                    goldSide.resolve(relation.object()), relation.optional());
            if (relation.location() != null) {
                item.locations.add(goldSide.resolve(relation.location()));
            }
            mergeRelation(goldRelations, item);
        }
        List<RelationItem> systemRelations = new ArrayList<>();
        for (Relation relation : system.relations()) {
            RelationItem item = new RelationItem(systemSide.resolve(relation.subject()), relation.predicate(),
                    systemSide.resolve(relation.object()), false);
            if (relation.location() != null && !relation.location().isBlank()) {
                item.locations.add(systemSide.resolve(relation.location()));
            }
            mergeRelation(systemRelations, item);
        }

        List<String> missedRelations = new ArrayList<>();
        List<String> spuriousRelations = new ArrayList<>();
        Matching typedRelations = match(systemRelations, goldRelations, Scorer::typedMatch, Scorer::typedMatch,
                item -> item.optional,
                missedRelations, spuriousRelations);
        long locationTotal = 0;
        long locationCorrect = 0;
        for (int s = 0; s < systemRelations.size(); s++) {
            int g = typedRelations.goldOfSystem[s];
            if (g < 0 || goldRelations.get(g).locations.isEmpty()) {
                continue;
            }
            locationTotal++;
            if (anyOverlap(systemRelations.get(s).locations, goldRelations.get(g).locations)) {
                locationCorrect++;
            }
        }

        Matching pairs = match(pairsOf(systemRelations), pairsOf(goldRelations), Scorer::pairMatch, Scorer::pairMatch,
                item -> item.optional, null, null);

        Score score = new Score(untyped, typed, typedRelations.counts, pairs.counts,
                new Ratio(locationCorrect, locationTotal));
        return new ArticleScore(gold.id(), score, byPredicate(systemRelations, goldRelations, typedRelations),
                missedEntities, spuriousEntities, missedRelations, spuriousRelations);
    }

    /** One article's score and its errors (typed entities and typed relations). */
    public record ArticleScore(String id, Score score, Map<Predicate, Counts> relationsByPredicate,
                               List<String> missedEntities, List<String> spuriousEntities,
                               List<String> missedRelations, List<String> spuriousRelations) {
    }

    /**
     * Typed relation counts split by predicate: a hit or a miss under the gold predicate, a false positive under
     * the system's. The per-predicate counts add up to the typed relation counts.
     */
    private static Map<Predicate, Counts> byPredicate(List<RelationItem> system, List<RelationItem> gold,
                                                      Matching matching) {
        Map<Predicate, Counts> counts = new EnumMap<>(Predicate.class);
        boolean[] goldMatched = new boolean[gold.size()];
        for (int s = 0; s < system.size(); s++) {
            int g = matching.goldOfSystem()[s];
            if (g >= 0) {
                goldMatched[g] = true;
                counts.merge(gold.get(g).predicate, new Counts(1, 0, 0), Counts::plus);
            } else if (!matching.excused()[s]) {
                counts.merge(system.get(s).predicate, new Counts(0, 1, 0), Counts::plus);
            }
        }
        for (int g = 0; g < gold.size(); g++) {
            if (!goldMatched[g] && !gold.get(g).optional) {
                counts.merge(gold.get(g).predicate, new Counts(0, 0, 1), Counts::plus);
            }
        }
        return counts;
    }

    // ---- entities

    private static Counts matchEntities(List<EntityNode> system, List<EntityNode> gold, boolean typed,
                                        List<String> missed, List<String> spurious) {
        BiPredicate<EntityNode, EntityNode> edge = (s, g) -> s.overlaps(g) && (!typed || s.type == g.type);
        // An optional gold entity excuses a system entity that shares a form with it, whatever the type.
        return match(system, gold, edge, EntityNode::overlaps, g -> g.optional, missed, spurious).counts;
    }

    // ---- relations

    private static final class RelationItem {
        final EntityNode subject;
        final Predicate predicate;
        final EntityNode object;
        final Set<EntityNode> locations = new LinkedHashSet<>();
        boolean optional;

        RelationItem(EntityNode subject, Predicate predicate, EntityNode object, boolean optional) {
            this.subject = subject;
            this.predicate = predicate;
            this.object = object;
            this.optional = optional;
        }

        boolean sameAs(RelationItem other) {
            return predicate == other.predicate && ((subject == other.subject && object == other.object)
                    || (predicate.symmetric() && subject == other.object && object == other.subject));
        }

        @Override
        public String toString() {
            return subject.label + " " + predicate + " " + object.label
                    + (locations.isEmpty() ? "" : " @ " + locations.iterator().next().label);
        }
    }

    /** Each (subject, predicate, object) once per side: a duplicate adds its locations and can make it required. */
    private static void mergeRelation(List<RelationItem> items, RelationItem item) {
        for (RelationItem existing : items) {
            if (existing.sameAs(item)) {
                existing.locations.addAll(item.locations);
                existing.optional &= item.optional;
                return;
            }
        }
        items.add(item);
    }

    private static boolean typedMatch(RelationItem s, RelationItem g) {
        if (s.predicate != g.predicate) {
            return false;
        }
        return (s.subject.overlaps(g.subject) && s.object.overlaps(g.object))
                || (g.predicate.symmetric() && s.subject.overlaps(g.object) && s.object.overlaps(g.subject));
    }

    private static final class PairItem {
        final EntityNode subject;
        final EntityNode object;
        boolean symmetric;
        boolean optional;

        PairItem(EntityNode subject, EntityNode object, boolean symmetric, boolean optional) {
            this.subject = subject;
            this.object = object;
            this.symmetric = symmetric;
            this.optional = optional;
        }

        @Override
        public String toString() {
            return subject.label + (symmetric ? " <-> " : " -> ") + object.label;
        }
    }

    /** The distinct (subject, object) pairs; a pair reached through a symmetric predicate also matches reversed. */
    private static List<PairItem> pairsOf(List<RelationItem> relations) {
        List<PairItem> pairs = new ArrayList<>();
        for (RelationItem relation : relations) {
            PairItem item = new PairItem(relation.subject, relation.object, relation.predicate.symmetric(),
                    relation.optional);
            PairItem same = null;
            for (PairItem existing : pairs) {
                boolean forward = existing.subject == item.subject && existing.object == item.object;
                boolean reversed = (existing.symmetric || item.symmetric)
                        && existing.subject == item.object && existing.object == item.subject;
                if (forward || reversed) {
                    same = existing;
                    break;
                }
            }
            if (same == null) {
                pairs.add(item);
            } else {
                same.symmetric |= item.symmetric;
                same.optional &= item.optional;
            }
        }
        return pairs;
    }

    private static boolean pairMatch(PairItem s, PairItem g) {
        return (s.subject.overlaps(g.subject) && s.object.overlaps(g.object))
                || ((s.symmetric || g.symmetric) && s.subject.overlaps(g.object) && s.object.overlaps(g.subject));
    }

    private static boolean anyOverlap(Set<EntityNode> system, Set<EntityNode> gold) {
        for (EntityNode s : system) {
            for (EntityNode g : gold) {
                if (s.overlaps(g)) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---- matching

    private record Matching(Counts counts, int[] goldOfSystem, boolean[] excused) {
    }

    /**
     * Maximum bipartite matching of system items to required gold items (Kuhn's augmenting paths). System items
     * that {@code excuse} ties to an optional gold item are tried last; left unmatched, they are excused rather
     * than false positives.
     */
    private static <S, G> Matching match(List<S> system, List<G> gold, BiPredicate<S, G> edge, BiPredicate<S, G> excuse,
                                         java.util.function.Predicate<G> isOptional, List<String> missed,
                                         List<String> spurious) {
        int n = system.size();
        boolean[] excusable = new boolean[n];
        List<List<Integer>> adjacency = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            List<Integer> targets = new ArrayList<>();
            for (int g = 0; g < gold.size(); g++) {
                if (isOptional.test(gold.get(g))) {
                    excusable[s] |= excuse.test(system.get(s), gold.get(g));
                } else if (edge.test(system.get(s), gold.get(g))) {
                    targets.add(g);
                }
            }
            adjacency.add(targets);
        }
        int[] systemOfGold = new int[gold.size()];
        Arrays.fill(systemOfGold, -1);
        int[] goldOfSystem = new int[n];
        Arrays.fill(goldOfSystem, -1);
        for (int pass = 0; pass < 2; pass++) {
            for (int s = 0; s < n; s++) {
                if (excusable[s] == (pass == 1) && !adjacency.get(s).isEmpty()) {
                    augment(s, adjacency, systemOfGold, new boolean[gold.size()]);
                }
            }
        }
        long tp = 0;
        for (int g = 0; g < gold.size(); g++) {
            if (systemOfGold[g] >= 0) {
                goldOfSystem[systemOfGold[g]] = g;
                tp++;
            }
        }
        long fp = 0;
        for (int s = 0; s < n; s++) {
            if (goldOfSystem[s] < 0 && !excusable[s]) {
                fp++;
                if (spurious != null) {
                    spurious.add(String.valueOf(system.get(s)));
                }
            }
        }
        long fn = 0;
        for (int g = 0; g < gold.size(); g++) {
            if (!isOptional.test(gold.get(g)) && systemOfGold[g] < 0) {
                fn++;
                if (missed != null) {
                    missed.add(String.valueOf(gold.get(g)));
                }
            }
        }
        return new Matching(new Counts(tp, fp, fn), goldOfSystem, excusable);
    }

    private static boolean augment(int s, List<List<Integer>> adjacency, int[] systemOfGold, boolean[] visited) {
        for (int g : adjacency.get(s)) {
            if (visited[g]) {
                continue;
            }
            visited[g] = true;
            if (systemOfGold[g] < 0 || augment(systemOfGold[g], adjacency, systemOfGold, visited)) {
                systemOfGold[g] = s;
                return true;
            }
        }
        return false;
    }

    // ---- entities and name resolution

    /** An entity as a set of normalised forms. */
    private static final class EntityNode {
        final String label;
        final Set<String> forms = new LinkedHashSet<>();
        final EntityType type;
        final boolean optional;

        EntityNode(String label, EntityType type, boolean optional) {
            this.label = label;
            this.type = type;
            this.optional = optional;
        }

        boolean overlaps(EntityNode other) {
            if (this == other) {
                return true;
            }
            Set<String> small = forms.size() <= other.forms.size() ? forms : other.forms;
            Set<String> large = small == forms ? other.forms : forms;
            for (String form : small) {
                if (large.contains(form)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return label + (type == null ? "" : " (" + type + ")");
        }
    }

    /** The entities of one side (gold or system) and the lookup from relation names to them. */
    private static final class Side {
        final List<EntityNode> entities = new ArrayList<>();
        private final Map<String, EntityNode> byName = new HashMap<>();
        private final Map<String, EntityNode> byForm = new HashMap<>();
        private final Map<String, EntityNode> unknown = new HashMap<>();

        void addEntity(String name, List<String> aliases, EntityType type, boolean optional) {
            EntityNode node = new EntityNode(name, type, optional);
            addForm(node, name);
            for (String alias : aliases) {
                addForm(node, alias);
            }
            entities.add(node);
            byName.putIfAbsent(NameNormalizer.normalize(name), node);
            for (String form : node.forms) {
                byForm.putIfAbsent(form, node);
            }
        }

        private static void addForm(EntityNode node, String form) {
            String normalized = NameNormalizer.normalize(form);
            if (!normalized.isEmpty()) {
                node.forms.add(normalized);
            }
        }

        EntityNode resolve(String name) {
            String normalized = NameNormalizer.normalize(name);
            EntityNode node = byName.get(normalized);
            if (node == null) {
                node = byForm.get(normalized);
            }
            if (node == null) {
                node = unknown.computeIfAbsent(normalized, key -> {
                    EntityNode stray = new EntityNode(name, null, false);
                    if (!key.isEmpty()) {
                        stray.forms.add(key);
                    }
                    return stray;
                });
            }
            return node;
        }
    }
}
