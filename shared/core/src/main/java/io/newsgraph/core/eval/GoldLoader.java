package io.newsgraph.core.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsgraph.core.eval.GoldArticle.GoldEntity;
import io.newsgraph.core.eval.GoldArticle.GoldRelation;
import io.newsgraph.core.model.EntityType;
import io.newsgraph.core.model.Predicate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads gold files: a directory is walked recursively for {@code *.json} (one article object, or an array of
 * them) and {@code *.jsonl} (one article object per line), in path order.
 */
public final class GoldLoader {

    private final ObjectMapper json = new ObjectMapper();

    /** Every gold article under {@code path} (a directory or a single file). */
    public List<GoldArticle> load(Path path) throws IOException {
        List<GoldArticle> articles = new ArrayList<>();
        for (Path file : goldFiles(path)) {
            articles.addAll(loadFile(file));
        }
        return articles;
    }

    /** The gold files under a directory (or the file itself), sorted by path. */
    public static List<Path> goldFiles(Path path) throws IOException {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> {
                        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        return name.endsWith(".json") || name.endsWith(".jsonl");
                    })
                    .sorted()
                    .toList();
        }
    }

    public List<GoldArticle> loadFile(Path file) throws IOException {
        String content = Files.readString(file, StandardCharsets.UTF_8);
        List<GoldArticle> articles = new ArrayList<>();
        String source = file.toString();
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl")) {
            String[] lines = content.split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    articles.add(parse(json.readTree(lines[i]), source + ":" + (i + 1)));
                }
            }
            return articles;
        }
        JsonNode root = json.readTree(content);
        if (root != null && root.isArray()) {
            int index = 0;
            for (JsonNode node : root) {
                articles.add(parse(node, source + "[" + index++ + "]"));
            }
        } else {
            articles.add(parse(root, source));
        }
        return articles;
    }

    /** One gold article object; unknown types or predicates are errors naming the file. */
    public GoldArticle parse(JsonNode node, String source) {
        if (node == null || !node.isObject() || !node.path("text").isTextual()) {
            throw new IllegalArgumentException(source + ": not a gold article (an object with a \"text\" string)");
        }
        String id = node.path("id").isTextual() ? node.get("id").asText() : fileStem(source);
        List<GoldEntity> entities = new ArrayList<>();
        for (JsonNode e : node.path("entities")) {
            List<String> aliases = new ArrayList<>();
            for (JsonNode alias : e.path("aliases")) {
                aliases.add(alias.asText());
            }
            entities.add(new GoldEntity(required(e, "name", source), enumValue(EntityType.class, required(e, "type", source),
                    source), aliases, e.path("optional").asBoolean(false)));
        }
        List<GoldRelation> relations = new ArrayList<>();
        for (JsonNode r : node.path("relations")) {
            relations.add(new GoldRelation(required(r, "subject", source),
                    enumValue(Predicate.class, required(r, "predicate", source), source),
                    required(r, "object", source), optionalText(r, "location"), optionalText(r, "date"),
                    optionalText(r, "evidence"), r.path("optional").asBoolean(false)));
        }
        return new GoldArticle(id, source, node.get("text").asText(), entities, relations);
    }

    private static String required(JsonNode node, String field, String source) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(source + ": missing \"" + field + "\" in " + node);
        }
        return value.asText();
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() || value.asText().isBlank() ? null : value.asText();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String source) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": unknown " + type.getSimpleName() + " \"" + value + "\"");
        }
    }

    private static String fileStem(String source) {
        String name = Path.of(source.replaceAll("[:\\[].*$", "")).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
