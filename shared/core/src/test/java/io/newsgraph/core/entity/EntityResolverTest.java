package io.newsgraph.core.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.newsgraph.core.TestPipeline;
import io.newsgraph.core.model.EntityType;

class EntityResolverTest {

    private static Optional<ResolvedEntity> find(EntityLayer layer, String name) {
        return layer.entities().stream().filter(e -> e.name().equals(name)).findFirst();
    }

    @Test
    void surnamesAndSpellingVariantsJoinTheFullName() {
        EntityLayer layer = TestPipeline.entities(
                "Opposition leader Yusuf al-Haddadi spoke in Tunis. Later al-Hadadi said more. Haddadi left.");
        ResolvedEntity person = find(layer, "Yusuf al-Haddadi").orElseThrow();
        assertEquals(EntityType.PERSON, person.type());
        assertTrue(person.aliases().containsAll(java.util.List.of("al-Hadadi", "Haddadi")), person.aliases().toString());
        assertEquals(EntityType.LOCATION, find(layer, "Tunis").orElseThrow().type());
    }

    @Test
    void acronymsJoinTheirExpansionAndDemonymsTheirCountry() {
        EntityLayer layer = TestPipeline.entities(
                "The Baltic Shipping Council criticised Polish ports. The BSC met Poland's minister twice.");
        ResolvedEntity council = find(layer, "Baltic Shipping Council").orElseThrow();
        assertEquals(EntityType.ORGANIZATION, council.type());
        assertTrue(council.aliases().contains("BSC"));
        ResolvedEntity poland = find(layer, "Poland").orElseThrow();
        assertEquals(EntityType.COUNTRY, poland.type());
        assertTrue(poland.aliases().contains("Polish"));
    }

    @Test
    void aCompanysShortNameJoinsItsFullName() {
        EntityLayer layer = TestPipeline.entities("Investors cheered Quorvex Holdings on Monday. "
                + "Quorvex said profits rose. Analysts expect Quorvex to grow.");
        ResolvedEntity company = find(layer, "Quorvex Holdings").orElseThrow();
        assertEquals(EntityType.ORGANIZATION, company.type());
        assertTrue(company.aliases().contains("Quorvex"));
    }

    @Test
    void productsAndModelCodesAreNotEntities() {
        EntityLayer layer = TestPipeline.entities("Users of Nimbus Navigator 7 complained. The Nimbus Navigator "
                + "team at Samsung said the NN7 update and the Google Maps app would fix it. NN users waited.");
        assertTrue(find(layer, "Nimbus Navigator").isEmpty(), layer.entities().toString());
        assertTrue(find(layer, "NN7").isEmpty());
        assertTrue(find(layer, "Google Maps").isEmpty());
        assertTrue(find(layer, "NN").isEmpty());
        assertTrue(find(layer, "Samsung").isPresent());
    }

    @Test
    void typesComeFromCues() {
        EntityLayer layer = TestPipeline.entities("Deputy Mayor Ines Carvalho of the Green Unity Party visited "
                + "the Porto Cruz Stadium. Carvalho praised the Tarnow Institute. Carvalho thanked the Tarnow Institute.");
        assertEquals(EntityType.PERSON, find(layer, "Ines Carvalho").orElseThrow().type());
        assertEquals(EntityType.ORGANIZATION, find(layer, "Green Unity Party").orElseThrow().type());
        assertEquals(EntityType.LOCATION, find(layer, "Porto Cruz Stadium").orElseThrow().type());
        assertEquals(EntityType.ORGANIZATION, find(layer, "Tarnow Institute").orElseThrow().type());
    }

    @Test
    void aSurnameThatIsAlsoATownStaysThePerson() {
        EntityLayer layer = TestPipeline.entities("Helena Lisbon, a lawyer, sued the firm. Lisbon said she would win.");
        ResolvedEntity helena = find(layer, "Helena Lisbon").orElseThrow();
        assertEquals(EntityType.PERSON, helena.type());
        assertTrue(layer.entities().stream().noneMatch(e -> e.name().equals("Lisbon")));
    }

    @Test
    void citiesNamingClubsAreOrganisations() {
        EntityLayer layer = TestPipeline.entities("Bergen striker Ola Nygaard scored as his side beat Stavanger 2-0. "
                + "Nygaard joined Bergen last year. The fans celebrated. The coach smiled.");
        assertEquals(EntityType.ORGANIZATION, find(layer, "Bergen").orElseThrow().type());
        assertEquals(EntityType.ORGANIZATION, find(layer, "Stavanger").orElseThrow().type());
    }

    @Test
    void headWordsOpeningNamesStay() {
        EntityLayer layer = TestPipeline.entities("Divers reached the lake. They mapped Lake Ordan in a week. "
                + "The lake was cold. Nobody swam.");
        assertEquals(EntityType.LOCATION, find(layer, "Lake Ordan").orElseThrow().type());
    }

    @Test
    void listedNamesShareTheirListsType() {
        EntityLayer layer = TestPipeline.entities("The old temple honoured Tarnis, Velora, Oskun and Meridel. "
                + "Pilgrims came every year. The rites lasted days. Priests kept the fires.");
        for (String god : java.util.List.of("Tarnis", "Velora", "Oskun", "Meridel")) {
            assertEquals(EntityType.PERSON, find(layer, god).orElseThrow().type());
        }
    }

    @Test
    void nationalTeamsInScoresAreOrganisations() {
        EntityLayer layer = TestPipeline.entities("In the final, Norway beat Chile 2 - 1 in Oslo.");
        assertEquals(EntityType.ORGANIZATION, find(layer, "Norway").orElseThrow().type());
    }
}
