package io.newsgraph.core.lexicon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.newsgraph.core.TestPipeline;
import io.newsgraph.core.model.EntityType;
import io.newsgraph.core.model.Predicate;

class LexiconTest {

    private final Lexicon lexicon = TestPipeline.LEXICON;

    @Test
    void countriesDemonymsAndShortForms() {
        assertEquals("United States", lexicon.place("U.S.").canonical());
        assertEquals("United States", lexicon.place("USA").canonical());
        Place peruvian = lexicon.place("Peruvians");
        assertEquals("Peru", peruvian.canonical());
        assertTrue(peruvian.viaDemonym());
        assertEquals(EntityType.COUNTRY, lexicon.place("Soviet Union").type());
        assertEquals(EntityType.LOCATION, lexicon.place("Greenland").type());
        assertEquals(EntityType.LOCATION, lexicon.place("Rotterdam").type());
        assertNull(lexicon.place("March"));
        // GeoNames "Al Muharraq" is found as "Muharraq" too.
        assertEquals(EntityType.LOCATION, lexicon.place("Muharraq").type());
    }

    @Test
    void titlesOrganisationsAndNames() {
        assertEquals(Role.HEAD, lexicon.title("prime minister"));
        assertEquals(Role.MEMBER, lexicon.title("Spokeswoman"));
        assertTrue(lexicon.isOrgWord("Ministries"));
        assertTrue(lexicon.isFirstName("Margaret"));
        assertFalse(lexicon.isFirstName("Ministry"));
        assertEquals("North Atlantic Treaty Organization", lexicon.knownOrganization("NATO"));
        assertNull(lexicon.knownOrganization("who"));
    }

    @Test
    void verbCuesHaveTheirInflections() {
        PredicateCue ban = Lexicon.parseCue(Predicate.SANCTION, "ban");
        assertTrue(ban.head().containsAll(java.util.List.of("ban", "bans", "banned", "banning")));
        PredicateCue flee = Lexicon.parseCue(Predicate.FLEE, "flee/fled to");
        assertTrue(flee.head().contains("fled"));
        assertEquals(java.util.List.of("to"), flee.rest());
        assertEquals("criticizes", Lexicon.thirdPerson("criticize"));
        assertEquals("carried", Lexicon.pastForm("carry"));
        assertEquals("arriving", Lexicon.ingForm("arrive"));
        assertFalse(lexicon.cues("met").isEmpty());
    }

    @Test
    void normalisationFollowsTheGuidelines() {
        assertEquals("alqassari", Names.normalize("al-Qassari"));
        assertEquals("us", Names.normalize("U.S."));
        assertEquals("sao paulo", Names.normalize("The  São Paulo"));
        assertEquals("sharaa", Names.stripArticle("alsharaa"));
    }
}
