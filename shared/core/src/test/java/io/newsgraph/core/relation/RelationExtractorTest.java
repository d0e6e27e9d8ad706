package io.newsgraph.core.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.newsgraph.core.TestPipeline;
import io.newsgraph.core.entity.EntityLayer;
import io.newsgraph.core.model.Predicate;
import io.newsgraph.core.model.Relation;
import io.newsgraph.core.text.Document;

class RelationExtractorTest {

    private static List<Relation> relations(String text) {
        // A headline first, as in a real article (the first line's names need confirming).
        Document doc = TestPipeline.analyze("News of the day\n" + text);
        EntityLayer layer = TestPipeline.ENTITIES.resolve(doc, TestPipeline.MENTIONS.find(doc));
        return TestPipeline.RELATIONS.extract(doc, layer);
    }

    private static Optional<Relation> find(List<Relation> rels, String subject, Predicate p, String object) {
        return rels.stream().filter(r -> r.subject().equals(subject) && r.predicate() == p
                && r.object().equals(object)).findFirst();
    }

    @Test
    void titlesAndAppositionsGiveRoles() {
        List<Relation> rels = relations("Kenyan Foreign Minister Amina Odhiambo met Chilean officials. "
                + "Pavel Dvorak, the chairman of the Brno Rail Union, spoke. Tomas Berg of the Nordic Green Party agreed. "
                + "The Tarnow Institute's Ewa Nowak disagreed.");
        assertTrue(find(rels, "Amina Odhiambo", Predicate.MEMBER_OF, "Kenya").isPresent(), rels.toString());
        assertTrue(find(rels, "Pavel Dvorak", Predicate.HEAD_OF, "Brno Rail Union").isPresent(), rels.toString());
        assertTrue(find(rels, "Tomas Berg", Predicate.MEMBER_OF, "Nordic Green Party").isPresent(), rels.toString());
        assertTrue(find(rels, "Ewa Nowak", Predicate.MEMBER_OF, "Tarnow Institute").isPresent(), rels.toString());
    }

    @Test
    void activePassiveAndLedBy() {
        List<Relation> rels = relations("Militants led by Omar Diallo attacked Gao on Tuesday. "
                + "Diallo was arrested by Malian police in Bamako. Mali later expelled Diallo.");
        Relation attack = find(rels, "Omar Diallo", Predicate.ATTACK, "Gao").orElseThrow();
        assertEquals("2031-05-13", attack.date());
        Relation arrest = find(rels, "Mali", Predicate.ARREST, "Omar Diallo").orElseThrow();
        assertEquals("Bamako", arrest.location());
        assertTrue(find(rels, "Mali", Predicate.SANCTION, "Omar Diallo").isPresent());
    }

    @Test
    void pronounSubjectsAndConjoinedVerbs() {
        List<Relation> rels = relations("Rosa Quispe spoke in Lima. She later travelled to Bolivia "
                + "and met Evo Mendez in La Paz.");
        assertTrue(find(rels, "Rosa Quispe", Predicate.VISIT, "Bolivia").isPresent(), rels.toString());
        Relation meet = find(rels, "Rosa Quispe", Predicate.MEET, "Evo Mendez").orElseThrow();
        assertEquals("La Paz", meet.location());
    }

    @Test
    void negatedAndHypotheticalEventsAreSkipped() {
        List<Relation> rels = relations("Ukraine did not sanction Peru. Chile plans to criticize Peru. "
                + "Norway may invade Sweden.");
        assertFalse(rels.stream().anyMatch(r -> r.predicate() != Predicate.HEAD_OF
                && r.predicate() != Predicate.MEMBER_OF), rels.toString());
    }

    @Test
    void rolesFromCopulasAndVerbs() {
        List<Relation> rels = relations("Maria Lopez is the president of the Andean Farmers Union. "
                + "She joined the Green Party in 2010. Sweden joined NATO. Carlos Ruiz leads the Pacific Fishing Council.");
        assertTrue(find(rels, "Maria Lopez", Predicate.HEAD_OF, "Andean Farmers Union").isPresent(), rels.toString());
        assertTrue(find(rels, "Maria Lopez", Predicate.MEMBER_OF, "Green Party").isPresent(), rels.toString());
        assertTrue(find(rels, "Sweden", Predicate.MEMBER_OF, "North Atlantic Treaty Organization").isPresent());
        assertTrue(find(rels, "Carlos Ruiz", Predicate.HEAD_OF, "Pacific Fishing Council").isPresent());
    }

    @Test
    void nationalTitlesWithoutACountryGoToTheArticlesCountry() {
        List<Relation> rels = relations("Chile raised taxes. Chile said the budget was balanced. "
                + "Critics in Chile disagreed. Prime Minister Ana Torres defended the plan in Santiago.");
        assertTrue(find(rels, "Ana Torres", Predicate.HEAD_OF, "Chile").isPresent(), rels.toString());
    }

    @Test
    void inverseCuesAndGovernedNouns() {
        List<Relation> rels = relations("Quispe received support from Bolivian President Evo Mendez. "
                + "The Andean Farmers Union voiced support for Rosa Quispe.");
        assertTrue(find(rels, "Evo Mendez", Predicate.SUPPORT, "Rosa Quispe").isPresent(), rels.toString());
        assertTrue(find(rels, "Andean Farmers Union", Predicate.SUPPORT, "Rosa Quispe").isPresent(), rels.toString());
    }

    @Test
    void conjoinedObjectsAndFlight() {
        List<Relation> rels = relations("The former ruler Idris Kamara fled Liberia on June 3, 2029, "
                + "and took refuge in Ghana. Guinea condemned Ghana and Togo.");
        Relation fled = find(rels, "Idris Kamara", Predicate.FLEE, "Liberia").orElseThrow();
        assertEquals("2029-06-03", fled.date());
        assertTrue(find(rels, "Idris Kamara", Predicate.FLEE, "Ghana").isPresent(), rels.toString());
        assertTrue(find(rels, "Guinea", Predicate.CRITICIZE, "Ghana").isPresent());
        assertTrue(find(rels, "Guinea", Predicate.CRITICIZE, "Togo").isPresent());
    }
}
