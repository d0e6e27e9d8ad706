package io.newsgraph.core.eval;

import io.newsgraph.core.eval.GoldArticle.GoldEntity;
import io.newsgraph.core.eval.GoldArticle.GoldRelation;
import io.newsgraph.core.eval.Scorer.ArticleScore;
import io.newsgraph.core.model.Entity;
import io.newsgraph.core.model.EntityType;
import io.newsgraph.core.model.Extraction;
import io.newsgraph.core.model.Predicate;
import io.newsgraph.core.model.Relation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.newsgraph.core.model.EntityType.COUNTRY;
import static io.newsgraph.core.model.EntityType.LOCATION;
import static io.newsgraph.core.model.EntityType.ORGANIZATION;
import static io.newsgraph.core.model.EntityType.PERSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scorer on small invented articles (names are made up; the text itself is not scored). */
class ScorerTest {

    private final Scorer scorer = new Scorer();

    private static GoldEntity gold(String name, EntityType type, String... aliases) {
        return new GoldEntity(name, type, List.of(aliases), false);
    }

    private static GoldEntity optionalGold(String name, EntityType type, String... aliases) {
        return new GoldEntity(name, type, List.of(aliases), true);
    }

    private static GoldRelation rel(String subject, Predicate predicate, String object) {
        return new GoldRelation(subject, predicate, object, null, null, null, false);
    }

    private static GoldRelation relAt(String subject, Predicate predicate, String object, String location) {
        return new GoldRelation(subject, predicate, object, location, null, null, false);
    }

    private static Entity sys(String name, EntityType type, String... aliases) {
        return new Entity(name, type, List.of(aliases));
    }

    private static Relation sysRel(String subject, Predicate predicate, String object) {
        return new Relation(subject, predicate, object, null, null, "");
    }

    private static Relation sysRelAt(String subject, Predicate predicate, String object, String location) {
        return new Relation(subject, predicate, object, location, null, "");
    }

    private static GoldArticle article(List<GoldEntity> entities, List<GoldRelation> relations) {
        return new GoldArticle("t", "test", "text", entities, relations);
    }

    private Score score(GoldArticle gold, List<Entity> entities, List<Relation> relations) {
        return scorer.score(gold, new Extraction(entities, relations)).score();
    }

    private final GoldArticle varga = article(
            List.of(gold("Ines Varga", PERSON, "Varga"), gold("Norlandia", COUNTRY, "Norlandian"),
                    gold("Port Amble", LOCATION), gold("Amble Ferry Company", ORGANIZATION, "AFC")),
            List.of(rel("Ines Varga", Predicate.HEAD_OF, "Norlandia"),
                    relAt("Ines Varga", Predicate.VISIT, "Amble Ferry Company", "Port Amble"),
                    rel("Norlandia", Predicate.MEET, "Amble Ferry Company")));

    @Test
    void perfectOutputScoresOne() {
        Score s = score(varga,
                List.of(sys("Ines Varga", PERSON, "Varga"), sys("Norlandia", COUNTRY, "Norlandian"),
                        sys("Port Amble", LOCATION), sys("Amble Ferry Company", ORGANIZATION, "AFC")),
                List.of(sysRel("Varga", Predicate.HEAD_OF, "Norlandia"),
                        sysRelAt("Ines Varga", Predicate.VISIT, "AFC", "Port Amble"),
                        sysRel("Amble Ferry Company", Predicate.MEET, "Norlandia")));
        assertEquals(new Counts(4, 0, 0), s.entityUntyped());
        assertEquals(new Counts(4, 0, 0), s.entityTyped());
        assertEquals(new Counts(3, 0, 0), s.relationTyped());
        assertEquals(new Counts(3, 0, 0), s.relationPair());
        assertEquals(new Ratio(1, 1), s.location());
        assertEquals(1.0, s.entityTyped().f1());
    }

    @Test
    void partialOutputCountsHitsMissesAndSpurious() {
        Score s = score(varga,
                List.of(sys("Varga", PERSON), sys("Norlandia", COUNTRY), sys("Tuesday Market", LOCATION)),
                List.of(sysRel("Varga", Predicate.HEAD_OF, "Norlandia"),
                        sysRel("Varga", Predicate.CRITICIZE, "Norlandia")));
        assertEquals(new Counts(2, 1, 2), s.entityUntyped());
        assertEquals(2.0 / 3, s.entityUntyped().precision(), 1e-9);
        assertEquals(0.5, s.entityUntyped().recall(), 1e-9);
        assertEquals(4.0 / 7, s.entityUntyped().f1(), 1e-9);
        assertEquals(new Counts(1, 1, 2), s.relationTyped());
        // the pair (Varga, Norlandia) counts once, whatever the predicate
        assertEquals(new Counts(1, 0, 2), s.relationPair());
        assertEquals(new Ratio(0, 0), s.location());
    }

    @Test
    void typedNeedsTheSameTypeUntypedDoesNot() {
        Score s = score(varga,
                List.of(sys("Ines Varga", PERSON), sys("Norlandia", LOCATION), sys("AFC", PERSON)),
                List.of());
        assertEquals(new Counts(3, 0, 1), s.entityUntyped());
        assertEquals(new Counts(1, 2, 3), s.entityTyped());
    }

    @Test
    void optionalGoldItemsScoreNothingEitherWay() {
        GoldArticle gold = article(
                List.of(gold("Ines Varga", PERSON), optionalGold("Amble Harbour", LOCATION)),
                List.of(rel("Ines Varga", Predicate.VISIT, "Amble Harbour"),
                        new GoldRelation("Ines Varga", Predicate.PRAISE, "Amble Harbour", null, null, null, true)));
        Score found = score(gold, List.of(sys("Ines Varga", PERSON), sys("Amble Harbour", ORGANIZATION)),
                List.of(sysRel("Ines Varga", Predicate.VISIT, "Amble Harbour"),
                        sysRel("Ines Varga", Predicate.PRAISE, "Amble Harbour")));
        assertEquals(new Counts(1, 0, 0), found.entityUntyped());
        assertEquals(new Counts(1, 0, 0), found.entityTyped(), "an optional entity excuses any type");
        assertEquals(new Counts(1, 0, 0), found.relationTyped());
        assertEquals(new Counts(1, 0, 0), found.relationPair());

        Score missed = score(gold, List.of(sys("Ines Varga", PERSON)), List.of());
        assertEquals(new Counts(1, 0, 0), missed.entityTyped());
        assertEquals(new Counts(0, 0, 1), missed.relationTyped());
    }

    @Test
    void requiredGoldIsCreditedBeforeOptionalExcuses() {
        // "Amble" is a form of both a required and an optional gold entity; the two system entities must end up
        // as one hit and one excused, never one excused and one false positive.
        GoldArticle gold = article(
                List.of(gold("Amble Ferry Company", ORGANIZATION, "Amble"), optionalGold("Amble", LOCATION)),
                List.of());
        Score s = score(gold, List.of(sys("Amble", LOCATION), sys("Amble Ferry Company", ORGANIZATION)), List.of());
        assertEquals(new Counts(1, 0, 0), s.entityUntyped());
    }

    @Test
    void symmetricPredicatesMatchInEitherOrder() {
        GoldArticle gold = article(
                List.of(gold("Ines Varga", PERSON), gold("Tomas Lind", PERSON)),
                List.of(rel("Ines Varga", Predicate.MEET, "Tomas Lind"),
                        rel("Ines Varga", Predicate.PRAISE, "Tomas Lind")));
        List<Entity> entities = List.of(sys("Ines Varga", PERSON), sys("Tomas Lind", PERSON));
        Score s = score(gold, entities, List.of(sysRel("Tomas Lind", Predicate.MEET, "Ines Varga"),
                sysRel("Tomas Lind", Predicate.PRAISE, "Ines Varga")));
        assertEquals(new Counts(1, 1, 1), s.relationTyped(), "MEET reversed matches, PRAISE reversed does not");
        // pairs: the gold pair Varga->Lind is reachable reversed because one of its relations is symmetric
        assertEquals(new Counts(1, 0, 0), s.relationPair());

        Score asymmetric = score(article(gold.entities(), List.of(rel("Ines Varga", Predicate.PRAISE, "Tomas Lind"))),
                entities, List.of(sysRel("Tomas Lind", Predicate.PRAISE, "Ines Varga")));
        assertEquals(new Counts(0, 1, 1), asymmetric.relationTyped());
        assertEquals(new Counts(0, 1, 1), asymmetric.relationPair());
    }

    @Test
    void namesAreComparedNormalised() {
        assertEquals("us", NameNormalizer.normalize("The U.S."));
        assertEquals("jose marquez", NameNormalizer.normalize("  Jos\u00e9   M\u00c1RQUEZ "));
        assertEquals("alhadi", NameNormalizer.normalize("al-Hadi"));
        assertEquals("oneil", NameNormalizer.normalize("O\u2019Neil"));
        assertEquals("oneil", NameNormalizer.normalize("O'Neil"));
        assertEquals("theodore", NameNormalizer.normalize("Theodore"));
        assertEquals("fi", NameNormalizer.normalize("\ufb01"));
        assertEquals("north bay", NameNormalizer.normalize("the\tNorth\nBay"));

        GoldArticle gold = article(List.of(gold("United Provinces", COUNTRY, "U.S."), gold("Jos\u00e9 M\u00e1rquez", PERSON),
                gold("Kerr-Abbot", ORGANIZATION)), List.of());
        Score s = score(gold, List.of(sys("the US", COUNTRY), sys("Jose Marquez", PERSON),
                sys("KerrAbbot", ORGANIZATION)), List.of());
        assertEquals(new Counts(3, 0, 0), s.entityTyped());
    }

    @Test
    void eachGoldEntityMatchesOnce() {
        GoldArticle gold = article(List.of(gold("Ines Varga", PERSON, "Varga")), List.of());
        Score s = score(gold, List.of(sys("Ines Varga", PERSON), sys("Varga", PERSON)), List.of());
        assertEquals(new Counts(1, 1, 0), s.entityTyped());
    }

    @Test
    void matchingIsMaximumNotFirstCome() {
        // A first-come pass would give "Lind" (forms lind, tomas lind) to gold "Lind" and leave "Tomas Lind" out.
        GoldArticle gold = article(List.of(gold("Lind", ORGANIZATION), gold("Tomas Lind", PERSON)), List.of());
        Score s = score(gold, List.of(sys("Tomas Lind", PERSON, "Lind"), sys("Lind", ORGANIZATION)), List.of());
        assertEquals(new Counts(2, 0, 0), s.entityUntyped());
        assertEquals(new Counts(2, 0, 0), s.entityTyped());
    }

    @Test
    void relationsCountOncePerArticle() {
        GoldArticle gold = article(List.of(gold("Ines Varga", PERSON, "Varga"), gold("Norlandia", COUNTRY)),
                List.of(rel("Ines Varga", Predicate.HEAD_OF, "Norlandia"), rel("Varga", Predicate.HEAD_OF, "Norlandia")));
        Score s = score(gold, List.of(sys("Ines Varga", PERSON, "Varga"), sys("Norlandia", COUNTRY)),
                List.of(sysRel("Varga", Predicate.HEAD_OF, "Norlandia"), sysRel("Ines Varga", Predicate.HEAD_OF,
                        "Norlandia")));
        assertEquals(new Counts(1, 0, 0), s.relationTyped());
    }

    @Test
    void relationNamesResolveThroughEntityForms() {
        // the system calls the country by its demonym alias in the relation; the gold uses the name
        GoldArticle gold = article(List.of(gold("Norlandia", COUNTRY, "Norlandian"), gold("Port Amble", LOCATION)),
                List.of(rel("Norlandia", Predicate.DEPLOY, "Port Amble")));
        Score s = score(gold, List.of(sys("Norlandia", COUNTRY, "Norlandian"), sys("Port Amble", LOCATION)),
                List.of(sysRel("Norlandian", Predicate.DEPLOY, "Port Amble")));
        assertEquals(new Counts(1, 0, 0), s.relationTyped());
        // a relation to an entity the system never listed still matches by its name
        Score stray = score(gold, List.of(), List.of(sysRel("Norlandia", Predicate.DEPLOY, "port amble")));
        assertEquals(new Counts(1, 0, 0), stray.relationTyped());
    }

    @Test
    void locationAccuracyOverMatchedRelationsWithGoldLocation() {
        GoldArticle gold = article(
                List.of(gold("Ines Varga", PERSON), gold("Tomas Lind", PERSON), gold("Port Amble", LOCATION, "Amble"),
                        gold("Westholm", LOCATION), gold("Norlandia", COUNTRY)),
                List.of(relAt("Ines Varga", Predicate.MEET, "Tomas Lind", "Port Amble"),
                        relAt("Ines Varga", Predicate.PRAISE, "Tomas Lind", "Westholm"),
                        relAt("Tomas Lind", Predicate.CRITICIZE, "Norlandia", "Westholm"),
                        rel("Tomas Lind", Predicate.HEAD_OF, "Norlandia")));
        Score s = score(gold,
                List.of(sys("Ines Varga", PERSON), sys("Tomas Lind", PERSON), sys("Port Amble", LOCATION, "Amble"),
                        sys("Norlandia", COUNTRY)),
                List.of(sysRelAt("Tomas Lind", Predicate.MEET, "Ines Varga", "Amble"),
                        sysRel("Ines Varga", Predicate.PRAISE, "Tomas Lind"),
                        sysRelAt("Tomas Lind", Predicate.HEAD_OF, "Norlandia", "Port Amble")));
        // matched with a gold location: MEET (right, through the alias) and PRAISE (system gave none);
        // HEAD_OF matched but its gold has no location; CRITICIZE was not matched.
        assertEquals(new Ratio(1, 2), s.location());
        assertEquals(0.5, s.location().value());
        assertEquals(new Counts(3, 0, 1), s.relationTyped());
    }

    @Test
    void microAverageAddsCountsBeforeDividing() {
        Score a = new Score(new Counts(9, 1, 0), Counts.ZERO, Counts.ZERO, Counts.ZERO, new Ratio(1, 1));
        Score b = new Score(new Counts(0, 1, 10), Counts.ZERO, Counts.ZERO, Counts.ZERO, new Ratio(0, 3));
        Score total = a.plus(b);
        assertEquals(new Counts(9, 2, 10), total.entityUntyped());
        assertEquals(9.0 / 11, total.entityUntyped().precision(), 1e-9);
        assertEquals(9.0 / 19, total.entityUntyped().recall(), 1e-9);
        assertEquals(new Ratio(1, 4), total.location());
        assertTrue(Double.isNaN(Counts.ZERO.f1()));
        assertTrue(Double.isNaN(new Counts(0, 0, 3).precision()));
        assertEquals(0.0, new Counts(0, 0, 3).f1());
    }

    @Test
    void errorsListMissedAndSpuriousItems() {
        ArticleScore result = scorer.score(varga, new Extraction(
                List.of(sys("Ines Varga", PERSON), sys("Westholm", LOCATION)),
                List.of(sysRel("Ines Varga", Predicate.MEET, "Westholm"))));
        assertEquals(List.of("Westholm (LOCATION)"), result.spuriousEntities());
        assertEquals(3, result.missedEntities().size());
        assertTrue(result.missedRelations().contains("Ines Varga HEAD_OF Norlandia"), result.missedRelations().toString());
        assertEquals(List.of("Ines Varga MEET Westholm"), new ArrayList<>(result.spuriousRelations()));
        assertEquals(new Counts(0, 0, 1), result.relationsByPredicate().get(Predicate.HEAD_OF));
        assertEquals(new Counts(0, 1, 1), result.relationsByPredicate().get(Predicate.MEET));
        assertEquals(new Counts(0, 0, 1), result.relationsByPredicate().get(Predicate.VISIT));
        Counts sum = result.relationsByPredicate().values().stream().reduce(Counts.ZERO, Counts::plus);
        assertEquals(result.score().relationTyped(), sum);
    }
}
