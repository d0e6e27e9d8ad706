package io.newsgraph.core.eval;

import io.newsgraph.core.model.EntityType;
import io.newsgraph.core.model.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GoldLoaderTest {

    @Test
    void walksDirectoriesForJsonAndJsonLines(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("nested/deeper"));
        Files.writeString(dir.resolve("b.json"), """
                {"id": "b", "text": "Ines Varga met Tomas Lind in Port Amble.",
                 "entities": [{"name": "Ines Varga", "type": "PERSON", "aliases": ["Varga"]},
                              {"name": "Tomas Lind", "type": "person", "aliases": []},
                              {"name": "Port Amble", "type": "LOCATION", "aliases": [], "optional": true}],
                 "relations": [{"subject": "Ines Varga", "predicate": "MEET", "object": "Tomas Lind",
                                "location": "Port Amble", "evidence": "Ines Varga met Tomas Lind"}]}
                """);
        Files.writeString(dir.resolve("nested/deeper/more.jsonl"),
                "{\"id\": \"c1\", \"text\": \"One.\", \"entities\": [], \"relations\": []}\n\n"
                        + "{\"text\": \"Two.\", \"entities\": [], \"relations\": []}\n");
        Files.writeString(dir.resolve("nested/readme.txt"), "not gold");

        List<GoldArticle> articles = new GoldLoader().load(dir);
        assertEquals(3, articles.size());
        GoldArticle b = articles.get(0);
        assertEquals("b", b.id());
        assertEquals(3, b.entities().size());
        assertEquals(EntityType.PERSON, b.entities().get(1).type());
        assertTrue(b.entities().get(2).optional());
        assertFalse(b.entities().get(0).optional());
        assertEquals(Predicate.MEET, b.relations().get(0).predicate());
        assertEquals("Port Amble", b.relations().get(0).location());
        assertNull(b.relations().get(0).date());
        assertEquals("c1", articles.get(1).id());
        assertEquals("more", articles.get(2).id(), "an article without id is named after its file");
    }

    @Test
    void unknownPredicateIsAnErrorNamingTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"text\": \"x\", \"entities\": [], \"relations\": "
                + "[{\"subject\": \"a\", \"predicate\": \"HUG\", \"object\": \"b\"}]}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GoldLoader().load(file));
        assertTrue(e.getMessage().contains("bad.json") && e.getMessage().contains("HUG"), e.getMessage());
    }
}
