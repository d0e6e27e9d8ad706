package io.newsgraph.storage;

import static io.newsgraph.storage.Fixtures.article;
import static io.newsgraph.storage.Fixtures.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * docs/data-model.md against the code: every kind of item the store writes has an example in the doc with
 * the same key shape and attributes, and every class method and index the doc names exists.
 */
class DataModelDocTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String doc;
    private static List<JsonNode> examples;

    @BeforeAll
    static void readDoc() throws IOException {
        doc = Files.readString(Path.of(System.getProperty("newsgraph.root", "../.."), "docs", "data-model.md"));
        examples = new ArrayList<>();
        Matcher block = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        while (block.find()) {
            examples.add(JSON.readTree(block.group(1)));
        }
        assertFalse(examples.isEmpty(), "the doc has example items");
    }

    @Test
    void everyKindOfItemTheStoreWritesHasAnExampleWithItsKeyShapeAndAttributes() {
        String table = Emulator.newTable();
        GraphStore store = new GraphStore(Emulator.client(), table);
        store.saveArticle(source("summit.txt", "0A"), article("Summit", LocalDate.of(2025, 3, 20)),
                Fixtures.summit());
        store.saveRejected(source("scan.pdf", "01"), "BINARY", "not a text document");

        Map<String, List<Set<String>>> written = new TreeMap<>();
        for (Map<String, AttributeValue> item : Emulator.items(table)) {
            written.computeIfAbsent(kind(item.get(Keys.PK).s(), item.get(Keys.SK).s()), k -> new ArrayList<>())
                    .add(item.keySet());
        }
        Map<String, JsonNode> documented = new TreeMap<>();
        for (JsonNode example : examples) {
            documented.putIfAbsent(kind(example.get(Keys.PK).asText(), example.get(Keys.SK).asText()), example);
        }

        for (var kind : written.entrySet()) {
            JsonNode example = documented.get(kind.getKey());
            assertTrue(example != null, "no example item of kind " + kind.getKey() + " in docs/data-model.md");
            if (example.has("...")) {
                continue; // an example that says "same attributes as above"
            }
            Set<String> exampleAttributes = new HashSet<>();
            example.fieldNames().forEachRemaining(exampleAttributes::add);
            Set<String> every = new HashSet<>(kind.getValue().get(0));
            Set<String> any = new HashSet<>();
            for (Set<String> attributes : kind.getValue()) {
                every.retainAll(attributes);
                any.addAll(attributes);
            }
            assertTrue(exampleAttributes.containsAll(every), kind.getKey() + ": the example lacks attributes every "
                    + "such item has: " + minus(every, exampleAttributes));
            assertTrue(any.containsAll(exampleAttributes), kind.getKey() + ": the example shows attributes the "
                    + "store never writes: " + minus(exampleAttributes, any));
        }
    }

    @Test
    void exampleSequencerKeysArePaddedAsTheStoreDoes() {
        int checked = 0;
        for (JsonNode example : examples) {
            if (example.has("seqKey") && !example.get("seqKey").asText().contains("...")) {
                assertEquals(Sequencers.sortable(example.get("sequencer").asText()), example.get("seqKey").asText());
                checked++;
            }
        }
        assertTrue(checked > 0, "at least one example shows a full seqKey");
    }

    @Test
    void everyMethodAndIndexTheDocNamesExists() {
        assertTrue(doc.contains(Keys.NAME_PREFIX_INDEX), "the doc names the prefix index");
        Matcher reference = Pattern.compile("`?(GraphQueries|GraphStore|Rows)[.#](\\w+)").matcher(doc);
        int checked = 0;
        while (reference.find()) {
            Class<?> type = switch (reference.group(1)) {
                case "GraphQueries" -> GraphQueries.class;
                case "GraphStore" -> GraphStore.class;
                default -> Rows.class;
            };
            String method = reference.group(2);
            assertTrue(Arrays.stream(type.getDeclaredMethods()).anyMatch(m -> m.getName().equals(method)),
                    "docs/data-model.md names " + type.getSimpleName() + "." + method + ", which does not exist");
            checked++;
        }
        assertTrue(checked >= 5, "the access patterns name the methods that serve them");
    }

    /** An item's kind: its partition-key prefix and sort-key prefix, e.g. "A#|R#" or "ART#|META". */
    private static String kind(String pk, String sk) {
        return prefix(pk) + "|" + prefix(sk);
    }

    private static String prefix(String key) {
        int hash = key.indexOf('#');
        return hash < 0 ? key : key.substring(0, hash + 1);
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> difference = new HashSet<>(a);
        difference.removeAll(b);
        return difference;
    }
}
