package io.newsgraph.storage;

import static io.newsgraph.storage.Fixtures.article;
import static io.newsgraph.storage.Fixtures.country;
import static io.newsgraph.storage.Fixtures.org;
import static io.newsgraph.storage.Fixtures.person;
import static io.newsgraph.storage.Fixtures.place;
import static io.newsgraph.storage.Fixtures.relation;
import static io.newsgraph.storage.Fixtures.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsgraph.core.model.Entity;
import io.newsgraph.core.model.EntityType;
import io.newsgraph.core.model.Extraction;
import io.newsgraph.core.model.Predicate;
import io.newsgraph.core.model.Relation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GraphQueriesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T10:00:00Z"), ZoneOffset.UTC);
    private static final Set<EntityType> ACTORS = EnumSet.of(EntityType.PERSON, EntityType.ORGANIZATION,
            EntityType.COUNTRY);
    private static final Set<EntityType> PLACES = EnumSet.of(EntityType.LOCATION, EntityType.COUNTRY);

    private final String table = Emulator.newTable();
    private final GraphStore store = new GraphStore(Emulator.client(), table,
            new RetryPolicy(8, 1, 4, millis -> { }), CLOCK);
    private final GraphQueries queries = new GraphQueries(Emulator.client(), table);

    private EntitySummary only(String name) {
        List<EntitySummary> found = queries.resolve(name, ACTORS);
        assertEquals(1, found.size(), name + " -> " + found);
        return found.get(0);
    }

    @Test
    void namesAndAliasesResolveToOneActorWhateverTheCase() {
        store.saveArticle(source("a.txt", "01"), article("Summit", LocalDate.of(2025, 3, 16)), Fixtures.summit());
        EntitySummary velkov = only("Mara Velkov");
        assertEquals("Mara Velkov", velkov.name());
        assertEquals(EntityType.PERSON, velkov.type());
        assertTrue(velkov.aliases().containsAll(List.of("Velkov", "President Velkov")), velkov.aliases().toString());
        for (String form : List.of("mara velkov", "MARA VELKOV", "Velkov", "velkov", " President  Velkov ")) {
            assertEquals(velkov.id(), only(form).id(), form);
        }
        assertEquals(velkov, queries.entity(velkov.id()).orElseThrow());
        assertTrue(queries.resolve("Nobody Known", ACTORS).isEmpty());
        assertTrue(queries.resolve("Port Kasimir", ACTORS).isEmpty(), "a plain place is not an actor");
        assertEquals(1, queries.resolve("Port Kasimir", PLACES).size());
        assertEquals(1, queries.resolve("Ostrelia", PLACES).size(), "a country is a place too");
        assertTrue(queries.resolve("!!!", ACTORS).isEmpty());
    }

    @Test
    void actorsAreResolvedAcrossArticles() {
        store.saveArticle(source("a.txt", "01"), article("Summit", LocalDate.of(2025, 3, 16)), Fixtures.summit());
        // a later article only says "Velkov": it is the same person
        store.saveArticle(source("b.txt", "01"), article("Follow-up", LocalDate.of(2025, 4, 2)),
                new Extraction(List.of(person("Velkov"), org("Harbour Union")),
                        List.of(relation("Velkov", Predicate.PRAISE, "Harbour Union", null, "2025-04-01"))));
        EntitySummary velkov = only("Velkov");
        assertEquals("Mara Velkov", velkov.name());
        Page<StoredRelation> page = queries.actorRelations(velkov.id(), RelationFilter.NONE, 20, null);
        assertEquals(List.of("PRAISE", "CRITICIZE", "MEET", "HEAD_OF"),
                page.items().stream().map(StoredRelation::predicate).toList(), "newest first");
        assertEquals(GraphStore.articleId("articles", "b.txt"), page.items().get(0).articleId());
        assertNull(page.after());
    }

    @Test
    void aSharedAliasReturnsTheCandidates() {
        store.saveArticle(source("a.txt", "01"), article("One", null),
                new Extraction(List.of(person("Jorin Smale", "Jorin")), List.of()));
        store.saveArticle(source("b.txt", "01"), article("Two", null),
                new Extraction(List.of(person("Jorin Blackwood", "Jorin")), List.of()));
        List<EntitySummary> candidates = queries.resolve("Jorin", ACTORS);
        assertEquals(Set.of("Jorin Smale", "Jorin Blackwood"),
                Set.copyOf(candidates.stream().map(EntitySummary::name).toList()));
        assertEquals(1, queries.resolve("jorin smale", ACTORS).size());
        // a third article naming only "Jorin" cannot pick one of them: it stays its own candidate
        store.saveArticle(source("c.txt", "01"), article("Three", null),
                new Extraction(List.of(person("Jorin")), List.of()));
        assertEquals(3, queries.resolve("Jorin", ACTORS).size());
    }

    @Test
    void actorRelationsPageNewestFirstAndFilter() {
        List<Relation> relations = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            relations.add(relation("Mara Velkov", day % 2 == 0 ? Predicate.MEET : Predicate.CRITICIZE,
                    "Tomas Rennick", null, "2025-05-0" + day));
        }
        relations.add(relation("Tomas Rennick", Predicate.THREATEN, "Mara Velkov", null, "2025-05-08"));
        store.saveArticle(source("a.txt", "01"), article("Week", null), new Extraction(
                List.of(person("Mara Velkov"), person("Tomas Rennick")), relations));
        String id = only("Mara Velkov").id();

        List<String> dates = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            Page<StoredRelation> page = queries.actorRelations(id, RelationFilter.NONE, 3, after);
            page.items().forEach(r -> dates.add(r.sortDate()));
            after = page.after();
            pages++;
        } while (after != null);
        assertEquals(3, pages);
        assertEquals(List.of("2025-05-08", "2025-05-07", "2025-05-06", "2025-05-05", "2025-05-04", "2025-05-03",
                "2025-05-02", "2025-05-01"), dates);

        Page<StoredRelation> meets = queries.actorRelations(id, new RelationFilter(Predicate.MEET, null, null, null), 2, null);
        assertEquals(List.of("2025-05-06", "2025-05-04"), meets.items().stream().map(StoredRelation::sortDate).toList());
        assertNotNull(meets.after());
        Page<StoredRelation> rest = queries.actorRelations(id, new RelationFilter(Predicate.MEET, null, null, null), 2,
                meets.after());
        assertEquals(List.of("2025-05-02"), rest.items().stream().map(StoredRelation::sortDate).toList());
        assertNull(rest.after());

        Page<StoredRelation> asObject = queries.actorRelations(id,
                new RelationFilter(null, RelationFilter.Role.OBJECT, null, null), 20, null);
        assertEquals(1, asObject.items().size());
        assertEquals("THREATEN", asObject.items().get(0).predicate());
        assertEquals("object", asObject.items().get(0).role());
        assertEquals(7, queries.actorRelations(id, new RelationFilter(null, RelationFilter.Role.SUBJECT, null, null),
                20, null).items().size());

        Page<StoredRelation> window = queries.actorRelations(id,
                new RelationFilter(null, null, LocalDate.of(2025, 5, 3), LocalDate.of(2025, 5, 5)), 20, null);
        assertEquals(List.of("2025-05-05", "2025-05-04", "2025-05-03"),
                window.items().stream().map(StoredRelation::sortDate).toList());
        assertThrows(IllegalArgumentException.class, () -> queries.actorRelations(id,
                new RelationFilter(null, null, LocalDate.of(2025, 5, 3), LocalDate.of(2025, 5, 5)), 20, "R#2025-06-01"));
        assertThrows(IllegalArgumentException.class, () -> queries.actorRelations(id, RelationFilter.NONE, 0, null));
        assertThrows(IllegalArgumentException.class, () -> queries.actorRelations(id, RelationFilter.NONE, 101, null));
    }

    @Test
    void relationsCarryEveryFieldAndFallBackToThePublicationDate() {
        store.saveArticle(source("a.txt", "01"), article("Summit", LocalDate.of(2025, 3, 16)), Fixtures.summit());
        String rennick = only("Rennick").id();
        List<StoredRelation> items = queries.actorRelations(rennick, RelationFilter.NONE, 20, null).items();
        StoredRelation visit = items.get(0);
        assertEquals("Tomas Rennick", visit.subject());
        assertEquals("VISIT", visit.predicate());
        assertEquals("Ostrelia", visit.object());
        assertNull(visit.date());
        assertEquals("2025-03-16", visit.sortDate(), "undated: the article's publication day");
        StoredRelation meet = items.get(1);
        assertEquals("Port Kasimir", meet.location());
        assertEquals("2025-03-14", meet.date());
        assertEquals("Mara Velkov meet Tomas Rennick.", meet.evidence());
        assertEquals(GraphStore.articleId("articles", "a.txt"), meet.articleId());
    }

    @Test
    void relationsAtOrIntoAPlace() {
        store.saveArticle(source("a.txt", "01"), article("Summit", LocalDate.of(2025, 3, 16)), Fixtures.summit());
        String port = queries.resolve("port kasimir", PLACES).get(0).id();
        List<StoredRelation> at = queries.locationRelations(port, RelationFilter.NONE, 20, null).items();
        assertEquals(List.of("MEET"), at.stream().map(StoredRelation::predicate).toList());
        assertEquals("location", at.get(0).role());
        String ostrelia = queries.resolve("Ostrelia", PLACES).get(0).id();
        List<StoredRelation> into = queries.locationRelations(ostrelia, RelationFilter.NONE, 20, null).items();
        assertEquals(Set.of("VISIT", "HEAD_OF"), Set.copyOf(into.stream().map(StoredRelation::predicate).toList()));
        assertTrue(into.stream().allMatch(r -> "object".equals(r.role())));
    }

    @Test
    void anArticleGraphPagesThroughEntitiesThenRelations() {
        WriteOutcome saved = store.saveArticle(source("a.txt", "01"), article("Summit", null), Fixtures.summit());
        ArticleGraph first = queries.articleGraph(saved.articleId(), 4, null).orElseThrow();
        assertEquals("Summit", first.article().title());
        assertEquals(4, first.entities().size());
        assertTrue(first.relations().isEmpty());
        ArticleGraph second = queries.articleGraph(saved.articleId(), 4, first.after()).orElseThrow();
        assertEquals(1, second.entities().size());
        assertEquals(3, second.relations().size());
        ArticleGraph third = queries.articleGraph(saved.articleId(), 4, second.after()).orElseThrow();
        assertEquals(1, third.relations().size());
        assertNull(third.after());
        ArticleGraph all = queries.articleGraph(saved.articleId(), 100, null).orElseThrow();
        assertEquals(5, all.entities().size());
        assertEquals(4, all.relations().size());
        assertNull(all.after());
        assertTrue(queries.articleGraph("0".repeat(32), 10, null).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> queries.articleGraph(saved.articleId(), 10, "META"));
    }

    @Test
    void rejectedArticlesShowTheirStatusAndRemovedOnesAreGone() {
        WriteOutcome rejected = store.saveRejected(source("bad.pdf", "01"), "BINARY", "not text");
        ArticleGraph graph = queries.articleGraph(rejected.articleId(), 10, null).orElseThrow();
        assertEquals(ArticleStatus.REJECTED, graph.article().status());
        assertEquals("BINARY", graph.article().reasonCode());
        store.removeArticle(source("bad.pdf", "02"));
        assertTrue(queries.articleGraph(rejected.articleId(), 10, null).isEmpty());
    }

    @Test
    void prefixSearchFindsNamesOptionallyByTypeAndPages() {
        List<Entity> entities = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            entities.add(person("Velma Quorn" + (char) ('a' + i)));
        }
        entities.add(org("Velmar Shipping", "Velmar"));
        entities.add(person("Mara Velkov", "Velkov"));
        store.saveArticle(source("a.txt", "01"), article("Names", null), new Extraction(entities, List.of()));
        store.saveArticle(source("b.txt", "01"), article("Names again", null), new Extraction(entities, List.of()));

        Page<NameMatch> orgs = queries.searchNames("VEL", EntityType.ORGANIZATION, 10, null);
        assertEquals(List.of("Velmar", "Velmar Shipping"), orgs.items().stream().map(NameMatch::matched).toList());
        assertNull(orgs.after());

        List<String> matched = new ArrayList<>();
        String after = null;
        do {
            Page<NameMatch> page = queries.searchNames("vel", null, 5, after);
            page.items().forEach(m -> matched.add(m.matched()));
            after = page.after();
        } while (after != null);
        assertEquals(15, matched.size(), matched.toString());
        assertEquals(Set.copyOf(matched).size(), matched.size(), "each (name, entity) once though two articles use it");
        assertEquals("Velkov", matched.get(0));
        assertTrue(queries.searchNames("zzz", null, 10, null).items().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> queries.searchNames("vel", null, 10, "abc"));
    }

    @Test
    void replacedAndRemovedArticlesNoLongerResolve() {
        store.saveArticle(source("a.txt", "01"), article("Summit", null), Fixtures.summit());
        assertEquals(1, queries.resolve("President Velkov", ACTORS).size());
        store.saveArticle(source("a.txt", "02"), article("Summit", null), new Extraction(
                List.of(person("Mara Velkov"), country("Ostrelia")),
                List.of(relation("Mara Velkov", Predicate.VISIT, "Ostrelia", null, "2025-03-20"))));
        assertTrue(queries.resolve("President Velkov", ACTORS).isEmpty(), "alias no article uses any more");
        assertTrue(queries.resolve("Tomas Rennick", ACTORS).isEmpty(), "actor no article mentions any more");
        String velkov = only("Mara Velkov").id();
        assertEquals(List.of("VISIT"), queries.actorRelations(velkov, RelationFilter.NONE, 20, null).items().stream()
                .map(StoredRelation::predicate).toList());
        assertTrue(queries.searchNames("president", null, 10, null).items().isEmpty());

        store.removeArticle(source("a.txt", "03"));
        assertTrue(queries.resolve("Mara Velkov", ACTORS).isEmpty());
        assertTrue(queries.actorRelations(velkov, RelationFilter.NONE, 20, null).items().isEmpty());
        assertTrue(queries.entity(velkov).isEmpty());
        assertTrue(queries.resolve("Ostrelia", PLACES).isEmpty());
    }

    @Test
    void placesAreEntitiesOfTheirOwnType() {
        store.saveArticle(source("a.txt", "01"), article("Trip", null), new Extraction(
                List.of(person("Ilse Harrow"), place("Greyhaven"), country("Ostrelia")),
                List.of(relation("Ilse Harrow", Predicate.VISIT, "Greyhaven", "Greyhaven", "2025-01-02"))));
        String greyhaven = queries.resolve("Greyhaven", PLACES).get(0).id();
        List<StoredRelation> at = queries.locationRelations(greyhaven, RelationFilter.NONE, 20, null).items();
        assertEquals(1, at.size(), "one copy when the location is also the object");
    }

    @Test
    void relationsNamingNoExtractedEntityAreKeptInTheArticleOnly() {
        WriteOutcome saved = store.saveArticle(source("a.txt", "01"), article("Loose", null), new Extraction(
                List.of(person("Ilse Harrow")),
                List.of(relation("Ilse Harrow", Predicate.CRITICIZE, "Unnamed Group", "Nowhere Town", "2025-02-02"))));
        ArticleGraph graph = queries.articleGraph(saved.articleId(), 10, null).orElseThrow();
        StoredRelation relation = graph.relations().get(0);
        assertEquals("Unnamed Group", relation.object());
        assertNull(relation.objectId());
        assertEquals("Nowhere Town", relation.location());
        assertNull(relation.locationId());
        String harrow = only("Ilse Harrow").id();
        assertEquals(1, queries.actorRelations(harrow, RelationFilter.NONE, 10, null).items().size());
        assertTrue(queries.resolve("Unnamed Group", ACTORS).isEmpty());
    }

    @Test
    void prefixSearchReachesNamesWithLettersBeyondTheBasicPlane() {
        String name = "Vel" + new String(Character.toChars(0x20000)) + "mar";
        store.saveArticle(source("a.txt", "01"), article("Plane", null),
                new Extraction(List.of(org(name), org("Velmont")), List.of()));
        assertEquals(Set.of(name, "Velmont"), Set.copyOf(queries.searchNames("vel", null, 10, null).items().stream()
                .map(NameMatch::matched).toList()));
        assertEquals(1, queries.resolve(name.toUpperCase(), ACTORS).size());
    }
}
