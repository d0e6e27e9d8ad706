package io.newsgraph.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsgraph.core.model.Entity;
import io.newsgraph.core.model.Extraction;
import io.newsgraph.core.model.Relation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An {@link Extraction} in the GUIDELINES gold shape: {@code {"entities": [{"name", "type", "aliases"}],
 * "relations": [{"subject", "predicate", "object", "location", "date", "evidence"}]}}, with null location and
 * date left out.
 */
final class GoldShapeWriter {

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    ObjectNode toJson(Extraction extraction) {
        ObjectNode root = json.createObjectNode();
        ArrayNode entities = root.putArray("entities");
        for (Entity entity : extraction.entities()) {
            ObjectNode node = entities.addObject();
            node.put("name", entity.name());
            node.put("type", entity.type().name());
            ArrayNode aliases = node.putArray("aliases");
            entity.aliases().forEach(aliases::add);
        }
        ArrayNode relations = root.putArray("relations");
        for (Relation relation : extraction.relations()) {
            ObjectNode node = relations.addObject();
            node.put("subject", relation.subject());
            node.put("predicate", relation.predicate().name());
            node.put("object", relation.object());
            if (relation.location() != null) {
                node.put("location", relation.location());
            }
            if (relation.date() != null) {
                node.put("date", relation.date());
            }
            node.put("evidence", relation.evidence());
        }
        return root;
    }

    String toText(Extraction extraction) throws IOException {
        return json.writeValueAsString(toJson(extraction)) + "\n";
    }

    void write(Extraction extraction, Path file) throws IOException {
        Files.writeString(file, toText(extraction), StandardCharsets.UTF_8);
    }
}
