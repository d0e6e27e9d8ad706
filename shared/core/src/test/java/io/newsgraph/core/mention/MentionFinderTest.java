package io.newsgraph.core.mention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.newsgraph.core.TestPipeline;
import io.newsgraph.core.lexicon.Role;
import io.newsgraph.core.model.EntityType;
import io.newsgraph.core.text.Document;

class MentionFinderTest {

    private static List<Mention> find(String text) {
        Document doc = TestPipeline.analyze(text);
        return TestPipeline.MENTIONS.find(doc);
    }

    private static List<String> texts(String text) {
        return find(text).stream().map(Mention::text).collect(Collectors.toList());
    }

    @Test
    void splitsDemonymTitleAndPerson() {
        List<Mention> ms = find("The talks began when Peruvian President Rosa Quispe-Mamani arrived.");
        assertEquals(2, ms.size());
        assertEquals(MentionKind.DEMONYM, ms.get(0).kind());
        assertEquals("Peru", ms.get(0).canonical());
        assertEquals("Rosa Quispe-Mamani", ms.get(1).text());
        assertEquals(Role.HEAD, ms.get(1).title());
    }

    @Test
    void organisationNamesKeepConnectorsButNotCoordination() {
        assertEquals(List.of("Bank of Lower Tarvia", "Tarvian Farmers Union"),
                texts("Officials from the Bank of Lower Tarvia and the Tarvian Farmers Union attended."));
        assertEquals(List.of("Ostrava Institute of Technology", "Brno State University"),
                texts("Scientists at the Ostrava Institute of Technology and Brno State University agree."));
    }

    @Test
    void commonNounsJoinedByAndFormOneOrganisation() {
        assertEquals(List.of("Immigration and Customs Authority"),
                texts("Yesterday the Immigration and Customs Authority closed the border."));
    }

    @Test
    void facilitiesExtendNamesAndPossessivesSplit() {
        List<Mention> ms = find("Troops left the Zarqan air base on Kenya's coast.");
        assertEquals("Zarqan air base", ms.get(0).text());
        assertEquals(EntityType.LOCATION, ms.get(0).type());
        assertEquals("Kenya", ms.get(1).text());
    }

    @Test
    void sentenceOpenersAndEventsAreNotNames() {
        assertFalse(texts("Historically, the region was calm.").contains("Historically"));
        assertFalse(texts("Crowds gathered for Harvest Day in Lyon.").contains("Harvest Day"));
        assertTrue(texts("Crowds gathered for Harvest Day in Lyon.").contains("Lyon"));
    }

    @Test
    void hyphenatedPlaceAdjectivesGiveTheirPlace() {
        List<Mention> ms = find("They entered Somali-controlled areas.");
        assertEquals(1, ms.size());
        assertEquals("Somalia", ms.get(0).canonical());
    }

    @Test
    void nameParticlesStayInsideNames() {
        assertEquals(List.of("Khalid bin Tariq", "Anna van der Berg"),
                texts("Later Khalid bin Tariq greeted Anna van der Berg warmly."));
    }

    @Test
    void headlineSpansAreMarkedWeak() {
        List<Mention> ms = find("Storm Warning Issued For Coastal Towns Near Porto\nRain fell in Porto.");
        assertTrue(ms.stream().filter(m -> m.sentence() == 0 && m.kind() == MentionKind.NAME).allMatch(Mention::weak));
    }
}
