package io.newsgraph.storage;

import io.newsgraph.emulators.AwsClients;
import io.newsgraph.emulators.DynamoDbEmulator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/** One dynalite process shared by the storage tests (a fresh table per test). */
final class Emulator {
    private static DynamoDbEmulator emulator;
    private static DynamoDbClient client;
    private static final AtomicInteger TABLES = new AtomicInteger();

    private Emulator() {
    }

    static synchronized DynamoDbClient client() {
        if (client == null) {
            emulator = DynamoDbEmulator.inMemory().start();
            client = AwsClients.dynamoDb(emulator.endpoint());
            Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
        }
        return client;
    }

    static String newTable() {
        String name = "graph-" + TABLES.incrementAndGet();
        GraphTable.ensureTable(client(), name);
        return name;
    }

    /** Every item of the table, sorted by key, as comparable text. */
    static List<String> scan(String table) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (ScanResponse page : client().scanPaginator(ScanRequest.builder().tableName(table).build())) {
            items.addAll(page.items());
        }
        return items.stream()
                .map(item -> new TreeMap<>(item).toString())
                .sorted(Comparator.naturalOrder())
                .toList();
    }

    static List<Map<String, AttributeValue>> items(String table) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (ScanResponse page : client().scanPaginator(ScanRequest.builder().tableName(table).build())) {
            items.addAll(page.items());
        }
        return items;
    }
}
