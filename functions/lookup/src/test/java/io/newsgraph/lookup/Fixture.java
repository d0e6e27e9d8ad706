package io.newsgraph.lookup;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsgraph.core.model.Article;
import io.newsgraph.core.model.ArticleFormat;
import io.newsgraph.core.model.Entity;
import io.newsgraph.core.model.EntityType;
import io.newsgraph.core.model.Extraction;
import io.newsgraph.core.model.Predicate;
import io.newsgraph.core.model.Relation;
import io.newsgraph.emulators.AwsClients;
import io.newsgraph.emulators.DynamoDbEmulator;
import io.newsgraph.emulators.EmulatorPaths;
import io.newsgraph.storage.ArticleSource;
import io.newsgraph.storage.GraphStore;
import io.newsgraph.storage.GraphTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A dynalite table seeded with invented articles, and a handler over it. Shared by the lookup tests
 * (one emulator per JVM).
 */
final class Fixture {
    static final String BUCKET = "newsgraph-articles";
    static final String TABLE = "lookup-graph";
    static final byte[] KEY = "test-signing-key-0123456789".getBytes(StandardCharsets.UTF_8);
    static final ObjectMapper JSON = new ObjectMapper();

    private static DynamoDbEmulator emulator;
    private static DynamoDbClient client;
    private static LookupHandler handler;

    private Fixture() {
    }

    static synchronized DynamoDbClient client() {
        if (client == null) {
            emulator = DynamoDbEmulator.inMemory().start();
            Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
            client = AwsClients.dynamoDb(emulator.endpoint());
            GraphTable.ensureTable(client, TABLE);
            seed(new GraphStore(client, TABLE));
        }
        return client;
    }

    static synchronized LookupHandler handler() {
        if (handler == null) {
            handler = new LookupHandler(client(), new LookupConfig(TABLE, KEY));
        }
        return handler;
    }

    static Path events() {
        return EmulatorPaths.repositoryRoot().resolve("events");
    }

    static Path docs() {
        return EmulatorPaths.repositoryRoot().resolve("docs");
    }

    private static void seed(GraphStore store) {
        Entity velkov = new Entity("Mara Velkov", EntityType.PERSON, List.of("Velkov", "President Velkov"));
        Entity rennick = new Entity("Tomas Rennick", EntityType.PERSON, List.of("Rennick"));
        Entity ostrelia = new Entity("Ostrelia", EntityType.COUNTRY, List.of("Ostrelian"));
        Entity port = new Entity("Port Kasimir", EntityType.LOCATION, List.of());
        Entity council = new Entity("Dunmore Council", EntityType.ORGANIZATION, List.of());
        List<Relation> week = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            week.add(new Relation("Mara Velkov", day % 2 == 0 ? Predicate.MEET : Predicate.CRITICIZE,
                    day % 2 == 0 ? "Tomas Rennick" : "Dunmore Council", day == 2 ? "Port Kasimir" : null,
                    "2025-05-0" + day, "Sentence number " + day + " about Velkov."));
        }
        week.add(new Relation("Tomas Rennick", Predicate.VISIT, "Ostrelia", null, "2025-05-09",
                "Rennick visited Ostrelia."));
        store.saveArticle(new ArticleSource(BUCKET, "harbour-agreement.md", "0A", 100, null),
                new Article("Harbour agreement", "Body.", LocalDate.of(2025, 5, 10), null, ArticleFormat.MARKDOWN),
                new Extraction(List.of(velkov, rennick, ostrelia, port, council), week));
        // two people share the alias "Jorin"
        store.saveArticle(new ArticleSource(BUCKET, "jorin-one.txt", "01", 10, null),
                new Article("One", "Body.", null, null, ArticleFormat.PLAIN_TEXT),
                new Extraction(List.of(new Entity("Jorin Smale", EntityType.PERSON, List.of("Jorin"))), List.of()));
        store.saveArticle(new ArticleSource(BUCKET, "jorin-two.txt", "01", 10, null),
                new Article("Two", "Body.", null, null, ArticleFormat.PLAIN_TEXT),
                new Extraction(List.of(new Entity("Jorin Blackwood", EntityType.PERSON, List.of("Jorin"))), List.of()));
        store.saveRejected(new ArticleSource(BUCKET, "scan.pdf", "01", 10, null), "BINARY", "not a text document");
    }

    static String articleId(String key) {
        return GraphStore.articleId(BUCKET, key);
    }

    static APIGatewayV2HTTPEvent get(String rawPath, Map<String, String> query) {
        return request("GET", rawPath, query);
    }

    static APIGatewayV2HTTPEvent request(String method, String rawPath, Map<String, String> query) {
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("$default")
                .withRawPath(rawPath)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withStage("$default")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method)
                                .withPath(rawPath).build())
                        .build())
                .build();
    }

    static APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent event) {
        return handler().handleRequest(event, null);
    }

    static JsonNode body(APIGatewayV2HTTPResponse response) {
        try {
            return JSON.readTree(response.getBody());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
