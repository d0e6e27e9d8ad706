package io.newsgraph.ingest;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A full scan of a table in a canonical, comparable form: each item rendered with sorted attribute names,
 * keyed by its primary key. Attributes that record wall-clock time are left out so that two ingests of
 * the same content compare equal.
 */
record TableSnapshot(TreeMap<String, String> items, int largestItemBytes) {
    /** Attribute names holding wall-clock values (the day an article was first ingested). */
    static final Set<String> CLOCK_ATTRIBUTES = Set.of("ingestedOn", "updatedAt", "createdAt", "writtenAt");

    static TableSnapshot scan(DynamoDbClient dynamo, String table) {
        TreeMap<String, String> items = new TreeMap<>();
        int largest = 0;
        for (Map<String, AttributeValue> item : dynamo.scanPaginator(b -> b.tableName(table)).items()) {
            largest = Math.max(largest, itemBytes(item));
            String key = render(item.get("PK")) + " | " + render(item.get("SK"));
            StringBuilder rendered = new StringBuilder();
            for (String name : new TreeSet<>(item.keySet())) {
                if (!CLOCK_ATTRIBUTES.contains(name)) {
                    rendered.append(name).append('=').append(render(item.get(name))).append("; ");
                }
            }
            items.put(key, rendered.toString());
        }
        return new TableSnapshot(items, largest);
    }

    int size() {
        return items.size();
    }

    /** Rows of {@code expected} missing here, or present with other content. */
    int rowsLostComparedTo(TableSnapshot expected) {
        int lost = 0;
        for (var e : expected.items.entrySet()) {
            if (!e.getValue().equals(items.get(e.getKey()))) {
                lost++;
            }
        }
        return lost;
    }

    /** Rows here that {@code expected} does not have (duplicates or leftovers). */
    int rowsExtraComparedTo(TableSnapshot expected) {
        Set<String> extra = new HashSet<>(items.keySet());
        extra.removeAll(expected.items.keySet());
        return extra.size();
    }

    /** Only the rows whose key does not mention {@code text}. */
    TableSnapshot without(String text) {
        TreeMap<String, String> kept = new TreeMap<>();
        items.forEach((k, v) -> {
            if (!k.contains(text)) {
                kept.put(k, v);
            }
        });
        return new TableSnapshot(kept, largestItemBytes);
    }

    private static String render(AttributeValue v) {
        if (v == null) {
            return "null";
        }
        if (v.s() != null) {
            return "S:" + v.s();
        }
        if (v.n() != null) {
            return "N:" + v.n();
        }
        if (v.bool() != null) {
            return "BOOL:" + v.bool();
        }
        if (v.hasSs()) {
            return "SS:" + new TreeSet<>(v.ss());
        }
        if (v.hasNs()) {
            return "NS:" + new TreeSet<>(v.ns());
        }
        if (v.hasL()) {
            StringBuilder b = new StringBuilder("L:[");
            v.l().forEach(e -> b.append(render(e)).append(','));
            return b.append(']').toString();
        }
        if (v.hasM()) {
            StringBuilder b = new StringBuilder("M:{");
            new TreeMap<>(v.m()).forEach((k, e) -> b.append(k).append('=').append(render(e)).append(','));
            return b.append('}').toString();
        }
        if (v.b() != null) {
            return "B:" + java.util.HexFormat.of().formatHex(v.b().asByteArray());
        }
        return v.toString();
    }

    /** DynamoDB's item size rule: attribute name bytes plus value bytes (numbers about 1 byte per 2 digits). */
    static int itemBytes(Map<String, AttributeValue> item) {
        int total = 0;
        for (var e : item.entrySet()) {
            total += utf8(e.getKey()) + valueBytes(e.getValue());
        }
        return total;
    }

    private static int valueBytes(AttributeValue v) {
        if (v.s() != null) {
            return utf8(v.s());
        }
        if (v.n() != null) {
            return v.n().length() / 2 + 2;
        }
        if (v.b() != null) {
            return v.b().asByteArray().length;
        }
        if (v.bool() != null || Boolean.TRUE.equals(v.nul())) {
            return 1;
        }
        if (v.hasSs()) {
            return v.ss().stream().mapToInt(TableSnapshot::utf8).sum();
        }
        if (v.hasNs()) {
            return v.ns().stream().mapToInt(n -> n.length() / 2 + 2).sum();
        }
        if (v.hasL()) {
            return 3 + v.l().stream().mapToInt(e -> 1 + valueBytes(e)).sum();
        }
        if (v.hasM()) {
            return 3 + v.m().entrySet().stream().mapToInt(e -> 1 + utf8(e.getKey()) + valueBytes(e.getValue())).sum();
        }
        return 1;
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
