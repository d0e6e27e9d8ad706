package io.newsgraph.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsgraph.core.model.Predicate;
import io.newsgraph.ingest.ArticleResult;
import io.newsgraph.ingest.IngestConfig;
import io.newsgraph.ingest.IngestHandler;
import io.newsgraph.ingest.IngestSummary;
import io.newsgraph.lookup.LookupConfig;
import io.newsgraph.lookup.LookupHandler;
import io.newsgraph.storage.ArticleRecord;
import io.newsgraph.storage.ArticleStatus;
import io.newsgraph.storage.GraphStore;
import io.newsgraph.storage.GraphTable;
import io.newsgraph.tools.local.ApiGatewayEvents;
import io.newsgraph.tools.local.LocalLambdaContext;
import io.newsgraph.tools.local.S3EventFactory;
import io.newsgraph.tools.local.S3EventFactory.ObjectChange;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * The whole path on real protocol servers: put object -> S3 event (Lambda's serializer) -> IngestHandler
 * -> rows -> API Gateway v2 events -> LookupHandler -> JSON. Subclasses supply the servers (the local
 * emulators, or LocalStack when Docker is there); the scenario is the same.
 *
 * <p>Assertions are about structure that holds for any reasonable extractor (a relation naming the actor
 * carries predicate, evidence and article id), never about one extractor's exact output.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class EndToEndScenario {
    /** The bucket and key of events/s3-put.json, so the recorded event file is delivered as it is. */
    private static final String BUCKET = "newsgraph-articles";
    private static final String SEED_KEY = "seed-syria-russia.txt";
    private static final String TABLE = "newsgraph-e2e";
    private static final String ACTOR = "Putin";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PrintStream QUIET = new PrintStream(PrintStream.nullOutputStream());

    /** Where the S3 and DynamoDB protocol servers are. */
    protected record Backend(URI s3, URI dynamoDb, String accessKey, String secretKey, String region) {
    }

    /** A lookup response: status, headers, parsed JSON body. */
    record Response(int status, Map<String, String> headers, JsonNode body) {
    }

    private final Set<String> ingestDynamoOperations = new ConcurrentSkipListSet<>();
    private final Set<String> ingestS3Operations = new ConcurrentSkipListSet<>();
    private final Set<String> lookupDynamoOperations = new ConcurrentSkipListSet<>();
    private final S3EventFactory events = new S3EventFactory("us-east-1");
    private final List<AutoCloseable> clients = new ArrayList<>();
    private Path root;
    private S3Client s3;
    private DynamoDbClient dynamo;
    private IngestHandler ingest;
    private LookupHandler lookup;
    private byte[] seed;
    private String seedId;

    /** Starts (or finds) the servers. Called once, before any test. */
    protected abstract Backend backend() throws Exception;

    @BeforeAll
    void startPipeline() throws Exception {
        Backend backend = backend();
        root = TemplateYaml.repositoryRoot();
        s3 = track(s3Client(backend, null));
        dynamo = track(dynamoClient(backend, null));
        GraphTable.ensureTable(dynamo, TABLE);
        s3.createBucket(b -> b.bucket(BUCKET));

        // each function gets its own clients, recording the operations it calls (checked against its IAM policy)
        ingest = new IngestHandler(track(s3Client(backend, ingestS3Operations)),
                track(dynamoClient(backend, ingestDynamoOperations)),
                IngestConfig.fromEnvironment(Map.of(IngestConfig.TABLE_NAME, TABLE,
                        IngestConfig.MAX_OBJECT_BYTES, Long.toString(IngestConfig.DEFAULT_MAX_OBJECT_BYTES))));
        lookup = new LookupHandler(track(dynamoClient(backend, lookupDynamoOperations)),
                LookupConfig.fromEnvironment(Map.of("TABLE_NAME", TABLE,
                        "CURSOR_SIGNING_KEY", "end-to-end-test-signing-key-0123456789abcdef")));

        // the user's example article, delivered with the recorded event file itself
        seed = Files.readAllBytes(root.resolve("events/articles").resolve(SEED_KEY));
        s3.putObject(b -> b.bucket(BUCKET).key(SEED_KEY), RequestBody.fromBytes(seed));
        S3Event recorded = S3EventFactory.parse(Files.readString(root.resolve("events/s3-put.json")));
        assertEquals(SEED_KEY, recorded.getRecords().get(0).getS3().getObject().getKey());
        ArticleResult result = single(ingest.handleRequest(recorded, context("IngestFunction")));
        assertEquals(ArticleResult.Status.INGESTED, result.status(), "seed article: " + result);
        seedId = result.articleId();
    }

    @AfterAll
    void stopPipeline() throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
    }

    @Test
    @Order(1)
    void seedArticleRowsAreWrittenUnderItsDeterministicId() {
        assertEquals(GraphStore.articleId(BUCKET, SEED_KEY), seedId);
        ArticleRecord record = new GraphStore(dynamo, TABLE).findArticle(seedId).orElseThrow();
        assertEquals(ArticleStatus.INGESTED, record.status());
        assertEquals(SEED_KEY, record.key());
        assertTrue(record.entityCount() > 0 && record.relationCount() > 0, "seed article graph: " + record);
    }

    @Test
    @Order(2)
    void actorLookupServesTheSeedArticlesRelationsOfPutin() {
        Response response = get("/actors/" + ACTOR + "?limit=100");
        assertEquals(200, response.status(), response.body().toString());
        assertJson(response);
        List<JsonNode> relations = relations(response.body());
        assertFalse(relations.isEmpty(), "no relations for " + ACTOR + ": " + response.body());
        for (JsonNode relation : relations) {
            assertWellFormed(relation);
            assertTrue(names(relation.get("subject"), ACTOR) || names(relation.get("object"), ACTOR),
                    "relation does not involve " + ACTOR + ": " + relation);
        }
        assertTrue(relations.stream().anyMatch(r -> seedId.equals(r.get("articleId").asText())),
                "no relation from the seed article " + seedId);
    }

    @Test
    @Order(3)
    void theActorIsReachedByAnyCaseOrItsFullName() {
        Set<String> byName = identities(relations(get("/actors/" + ACTOR + "?limit=100").body()));
        for (String alias : List.of(ACTOR.toUpperCase(Locale.ROOT), ACTOR.toLowerCase(Locale.ROOT), "Vladimir Putin")) {
            Response response = get("/actors/" + encodePath(alias) + "?limit=100");
            assertEquals(200, response.status(), alias + ": " + response.body());
            assertEquals(byName, identities(relations(response.body())), alias);
        }
    }

    @Test
    @Order(4)
    void articleLookupServesTheArticlesWholeGraph() {
        Response response = get("/articles/" + encodePath(seedId));
        assertEquals(200, response.status(), response.body().toString());
        assertJson(response);
        String body = response.body().toString();
        assertTrue(body.contains(seedId), "article response does not name its id");
        List<JsonNode> relations = relations(response.body());
        assertFalse(relations.isEmpty());
        relations.forEach(this::assertWellFormed);
        assertTrue(relations.stream().allMatch(r -> seedId.equals(r.get("articleId").asText())));
        assertTrue(body.contains(ACTOR));
    }

    @Test
    @Order(4)
    void locationLookupServesRelationsAtOrIntoThePlace() {
        // the seed's opening sentence: the two presidents met "in Moscow"
        Response response = get("/locations/Moscow?limit=100");
        assertEquals(200, response.status(), response.body().toString());
        assertJson(response);
        List<JsonNode> relations = relations(response.body());
        assertFalse(relations.isEmpty(), "no relations at Moscow: " + response.body());
        for (JsonNode relation : relations) {
            assertWellFormed(relation);
            assertTrue(names(relation.get("location"), "Moscow") || names(relation.get("object"), "Moscow"),
                    "relation neither at nor into Moscow: " + relation);
        }
    }

    @Test
    @Order(4)
    void actorSearchByPrefixFindsTheActorAndFiltersByType() {
        Response response = get("/actors?prefix=puti");
        assertEquals(200, response.status(), response.body().toString());
        assertJson(response);
        JsonNode results = response.body().get("results");
        assertNotNull(results, "search response has no results array: " + response.body());
        List<JsonNode> matches = new ArrayList<>();
        results.forEach(matches::add);
        assertTrue(matches.stream().anyMatch(r -> r.path("name").asText().contains(ACTOR)), response.body().toString());
        for (JsonNode match : matches) {
            assertTrue(match.path("matched").asText().toLowerCase(Locale.ROOT).startsWith("puti"), match.toString());
        }
        Response people = get("/actors?prefix=puti&type=PERSON");
        assertEquals(200, people.status(), people.body().toString());
        people.body().get("results").forEach(r -> assertEquals("PERSON", r.path("type").asText(), r.toString()));
        Response countries = get("/actors?prefix=puti&type=COUNTRY");
        assertEquals(200, countries.status());
        countries.body().get("results").forEach(r -> assertFalse(r.path("name").asText().contains(ACTOR), r.toString()));
        assertError(get("/actors"), 400);
    }

    @Test
    @Order(5)
    void paginationWithLimitOneWalksEveryRelationExactlyOnce() {
        Set<String> all = identities(relations(get("/actors/" + ACTOR + "?limit=100").body()));
        assertTrue(all.size() < 100, "more relations than one page of 100; widen the check");
        List<String> walked = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            String query = "?limit=1" + (next == null ? "" : "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            Response page = get("/actors/" + ACTOR + query);
            assertEquals(200, page.status(), page.body().toString());
            List<JsonNode> relations = relations(page.body());
            assertTrue(relations.size() <= 1, "limit=1 returned " + relations.size());
            relations.forEach(r -> walked.add(identity(r)));
            next = cursor(page.body());
            pages++;
            assertTrue(pages <= all.size() + 1, "pagination does not end");
        } while (next != null);
        assertEquals(walked.size(), new HashSet<>(walked).size(), "a relation came twice: " + walked);
        assertEquals(all, new TreeSet<>(walked));
        if (all.size() > 1) {
            assertTrue(pages >= all.size(), "limit=1 must page");
        }
    }

    @Test
    @Order(6)
    void clientMistakesAreJsonErrorsNever5xx() {
        assertError(get("/actors/" + encodePath("Zzyxq Unheardof")), 404);
        assertError(get("/articles/" + encodePath("no-such-article-id")), 404);
        assertError(get("/locations/" + encodePath("Nowhereland Qq")), 404);
        for (String badQuery : List.of("limit=0", "limit=101", "limit=abc", "role=sideways", "since=yesterday",
                "until=2026-13-45", "next=not-a-cursor", "next=%25%25%25")) {
            assertError(get("/actors/" + ACTOR + "?" + badQuery), 400);
        }
        // a real cursor, tampered with, is refused
        String cursor = cursor(get("/actors/" + ACTOR + "?limit=1").body());
        if (cursor != null) {
            char last = cursor.charAt(cursor.length() - 1);
            String tampered = cursor.substring(0, cursor.length() - 1) + (last == 'A' ? 'B' : 'A');
            assertError(get("/actors/" + ACTOR + "?limit=1&next=" + URLEncoder.encode(tampered, StandardCharsets.UTF_8)), 400);
            // nor does it carry over to another query
            assertError(get("/actors/" + ACTOR + "?limit=1&role=object&next=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), 400);
        }
    }

    @Test
    @Order(7)
    void reUploadReplacesTheArticlesRows() {
        String key = "replaced/story one.txt";
        ArticleResult first = upload(key, seed);
        assertEquals(ArticleResult.Status.INGESTED, first.status());
        assertTrue(relationsFromArticle(first.articleId()) > 0, "the first version's relations are served");

        byte[] other = read("events/articles/harbour-agreement.md");
        ArticleResult second = upload(key, other);
        assertEquals(ArticleResult.Status.INGESTED, second.status());
        assertEquals(first.articleId(), second.articleId(), "same bucket and key, same id");
        assertEquals(0, relationsFromArticle(first.articleId()), "relations of the replaced version remain");
        Response article = get("/articles/" + encodePath(second.articleId()));
        assertEquals(200, article.status());
        assertFalse(article.body().toString().contains(ACTOR), "the replaced version still shows: " + article.body());
    }

    @Test
    @Order(8)
    void deletingTheObjectRemovesTheArticleEverywhere() {
        String key = "deleted/naïve story+1.txt";
        s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(seed));
        S3Event creation = events.event(ObjectChange.created(BUCKET, key, seed.length, null));
        ArticleResult created = single(ingest.handleRequest(creation, context("IngestFunction")));
        assertEquals(ArticleResult.Status.INGESTED, created.status());
        assertEquals(key, created.key(), "the key arrives decoded");
        assertTrue(relationsFromArticle(created.articleId()) > 0);

        s3.deleteObject(b -> b.bucket(BUCKET).key(key));
        ArticleResult removed = single(ingest.handleRequest(events.event(ObjectChange.removed(BUCKET, key)),
                context("IngestFunction")));
        assertEquals(ArticleResult.Status.REMOVED, removed.status());
        assertEquals(created.articleId(), removed.articleId());
        assertEquals(0, relationsFromArticle(created.articleId()));
        assertError(get("/articles/" + encodePath(created.articleId())), 404);
        assertEquals(200, get("/actors/" + ACTOR).status(), "the seed article still names the actor");

        // the creation event delivered again after the removal (S3 delivers at least once) does not bring it back
        ArticleResult late = single(ingest.handleRequest(creation, context("IngestFunction")));
        assertTrue(late.status() == ArticleResult.Status.SKIPPED || late.status() == ArticleResult.Status.STALE, late.toString());
        assertError(get("/articles/" + encodePath(created.articleId())), 404);
    }

    @Test
    @Order(9)
    void theSameEventDeliveredAgainChangesNothing() {
        String key = "redelivered.txt";
        s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(seed));
        HeadObjectResponse head = s3.headObject(b -> b.bucket(BUCKET).key(key));
        S3Event event = events.event(ObjectChange.created(BUCKET, key, head.contentLength(), head.eTag()));
        ArticleResult first = single(ingest.handleRequest(event, context("IngestFunction")));
        JsonNode before = get("/articles/" + encodePath(first.articleId())).body();
        for (int i = 0; i < 3; i++) {
            ArticleResult again = single(ingest.handleRequest(event, context("IngestFunction")));
            assertNotEquals(ArticleResult.Status.REJECTED, again.status());
        }
        assertEquals(identities(relations(before)),
                identities(relations(get("/articles/" + encodePath(first.articleId())).body())));
    }

    @Test
    @Order(10)
    void unreadableObjectsAreRecordedWithAReasonAndNotRetried() {
        Map<String, byte[]> unreadable = Map.of(
                "bad/empty.txt", new byte[0],
                "bad/picture.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        for (Map.Entry<String, byte[]> object : unreadable.entrySet()) {
            ArticleResult result = upload(object.getKey(), object.getValue());
            assertEquals(ArticleResult.Status.REJECTED, result.status(), object.getKey() + ": " + result);
            assertFalse(result.reason() == null || result.reason().isBlank(), "a reason code: " + result);
            ArticleRecord record = new GraphStore(dynamo, TABLE).findArticle(result.articleId()).orElseThrow();
            assertEquals(ArticleStatus.REJECTED, record.status());
            assertEquals(result.reason(), record.reasonCode());
            Response article = get("/articles/" + encodePath(result.articleId()));
            assertTrue(article.status() < 500, article.body().toString());
        }
    }

    @Test
    @Order(11)
    void everyRecordedApiEventIsAnsweredWithJsonAndNo5xx() throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(root.resolve("events"))) {
            files = list.filter(p -> p.getFileName().toString().matches("api-.*\\.json")).sorted().toList();
        }
        for (Path file : files) {
            APIGatewayV2HTTPEvent event = ApiGatewayEvents.parse(Files.readString(file));
            APIGatewayV2HTTPResponse response = lookup.handleRequest(event, context("LookupFunction"));
            assertTrue(response.getStatusCode() < 500, file + " answered " + response.getStatusCode());
            assertNotNull(JSON.readTree(response.getBody()), file + " body is not JSON");
        }
    }

    @Test
    @Order(100)
    void functionsCalledOnlyWhatTheirTemplatePoliciesAllow() throws Exception {
        TemplateYaml template = TemplateYaml.load(root.resolve("template.yaml"));
        Set<String> ingestAllowed = TemplateSecurityTest.Grants.of(template, "IngestFunction").resourcesByAction().keySet();
        Set<String> lookupAllowed = TemplateSecurityTest.Grants.of(template, "LookupFunction").resourcesByAction().keySet();
        assertFalse(ingestDynamoOperations.isEmpty() || lookupDynamoOperations.isEmpty() || ingestS3Operations.isEmpty());
        for (String operation : ingestDynamoOperations) {
            assertTrue(ingestAllowed.contains("dynamodb:" + operation), "ingest called dynamodb:" + operation
                    + " which template.yaml does not allow: " + ingestAllowed);
        }
        for (String operation : ingestS3Operations) {
            // HeadObject is authorised by s3:GetObject
            String action = "s3:" + (operation.equals("HeadObject") ? "GetObject" : operation);
            assertTrue(ingestAllowed.contains(action), "ingest called " + action + " which template.yaml does not allow");
        }
        for (String operation : lookupDynamoOperations) {
            assertTrue(lookupAllowed.contains("dynamodb:" + operation), "lookup called dynamodb:" + operation
                    + " which template.yaml does not allow: " + lookupAllowed);
        }
        // and nothing more is granted than this scenario (ingest, reject, replace, remove, redeliver; every route) used
        // GetItem is the ingest's stale check when S3 answers 403 for an object removed since its event: real S3
        // does so without s3:ListBucket, the emulators answer 404, so this scenario cannot reach it
        Set<String> ingestUnused = filter(ingestAllowed, "dynamodb:");
        ingestUnused.removeAll(prefixed("dynamodb:", ingestDynamoOperations));
        assertTrue(Set.of("dynamodb:GetItem").containsAll(ingestUnused), "ingest is granted more than it calls: " + ingestUnused);
        assertEquals(prefixed("dynamodb:", lookupDynamoOperations), filter(lookupAllowed, "dynamodb:"),
                "lookup DynamoDB grants vs calls");
    }

    private static Set<String> prefixed(String prefix, Set<String> operations) {
        Set<String> actions = new TreeSet<>();
        operations.forEach(operation -> actions.add(prefix + operation));
        return actions;
    }

    private static Set<String> filter(Set<String> actions, String prefix) {
        Set<String> matching = new TreeSet<>();
        actions.stream().filter(a -> a.startsWith(prefix)).forEach(matching::add);
        return matching;
    }

    // ---------------------------------------------------------------------------------------------

    private ArticleResult upload(String key, byte[] content) {
        s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(content));
        HeadObjectResponse head = s3.headObject(b -> b.bucket(BUCKET).key(key));
        S3Event event = events.event(ObjectChange.created(BUCKET, key, head.contentLength(), head.eTag()));
        return single(ingest.handleRequest(event, context("IngestFunction")));
    }

    /** Relations naming the actor that come from this article (0 when the actor is unknown). */
    private int relationsFromArticle(String articleId) {
        Response response = get("/actors/" + ACTOR + "?limit=100");
        if (response.status() == 404) {
            return 0;
        }
        assertEquals(200, response.status(), response.body().toString());
        return (int) relations(response.body()).stream().filter(r -> articleId.equals(r.get("articleId").asText())).count();
    }

    Response get(String pathAndQuery) {
        APIGatewayV2HTTPEvent event = ApiGatewayEvents.get(pathAndQuery);
        assertNotNull(event, "no route for " + pathAndQuery);
        APIGatewayV2HTTPResponse response = lookup.handleRequest(event, context("LookupFunction"));
        try {
            JsonNode body = response.getBody() == null ? JSON.nullNode() : JSON.readTree(response.getBody());
            return new Response(response.getStatusCode(), response.getHeaders() == null ? Map.of() : response.getHeaders(), body);
        } catch (Exception e) {
            throw new AssertionError(pathAndQuery + " answered a body that is not JSON: " + response.getBody(), e);
        }
    }

    private static ArticleResult single(IngestSummary summary) {
        assertEquals(1, summary.articles().size(), summary.toString());
        return summary.articles().get(0);
    }

    private static LocalLambdaContext context(String function) {
        return new LocalLambdaContext(function, 1024, Duration.ofMinutes(2), QUIET);
    }

    private static void assertJson(Response response) {
        String contentType = response.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("content-type")).map(Map.Entry::getValue).findFirst().orElse("");
        assertTrue(contentType.startsWith("application/json"), "content-type " + contentType);
    }

    private static void assertError(Response response, int status) {
        assertEquals(status, response.status(), response.body().toString());
        assertJson(response);
        JsonNode error = response.body().get("error");
        assertNotNull(error, "error body must be {\"error\": {code, message}}: " + response.body());
        assertTrue(error.path("code").isTextual() && !error.path("code").asText().isBlank(), response.body().toString());
        assertTrue(error.path("message").isTextual() && !error.path("message").asText().isBlank(), response.body().toString());
        String text = response.body().toString();
        assertFalse(text.contains("Exception") || text.contains("\tat ") || text.contains("io.newsgraph"),
                "internal detail in an error: " + text);
    }

    private void assertWellFormed(JsonNode relation) {
        for (String field : List.of("subject", "predicate", "object", "evidence", "articleId")) {
            assertTrue(relation.hasNonNull(field), "relation lacks " + field + ": " + relation);
        }
        assertTrue(relation.has("location") && relation.has("date"), "relation lacks location/date: " + relation);
        String predicate = relation.get("predicate").asText();
        assertTrue(Arrays.stream(Predicate.values()).anyMatch(p -> p.name().equals(predicate)), "predicate " + predicate);
        assertFalse(relation.get("evidence").asText().isBlank());
    }

    /** The relations array of an actor, location or article response. */
    private static List<JsonNode> relations(JsonNode body) {
        JsonNode relations = body.get("relations");
        assertNotNull(relations, "response has no relations array: " + body);
        List<JsonNode> list = new ArrayList<>();
        relations.forEach(list::add);
        return list;
    }

    /** The next-page cursor, or null on the last page. */
    private static String cursor(JsonNode body) {
        JsonNode next = body.get("next");
        return next == null || next.isNull() || next.asText().isEmpty() ? null : next.asText();
    }

    /** A relation's identity across pages: the whole relation as JSON. */
    private static String identity(JsonNode relation) {
        return relation.toString();
    }

    private static Set<String> identities(List<JsonNode> relations) {
        Set<String> ids = new TreeSet<>();
        relations.forEach(r -> ids.add(identity(r)));
        return ids;
    }

    /** True when a subject/object (a name, or an object with a name and aliases) names the actor. */
    private static boolean names(JsonNode party, String actor) {
        if (party == null) {
            return false;
        }
        Set<String> texts = new LinkedHashSet<>();
        if (party.isTextual()) {
            texts.add(party.asText());
        } else {
            party.path("name").asText("").lines().forEach(texts::add);
            party.path("aliases").forEach(alias -> texts.add(alias.asText()));
        }
        return texts.stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).contains(actor.toLowerCase(Locale.ROOT)));
    }

    private static String encodePath(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private byte[] read(String relative) {
        try {
            return Files.readAllBytes(root.resolve(relative));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private <T extends AutoCloseable> T track(T client) {
        clients.add(client);
        return client;
    }

    private static S3Client s3Client(Backend backend, Set<String> operations) {
        return S3Client.builder()
                .endpointOverride(backend.s3())
                .region(Region.of(backend.region()))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(backend.accessKey(), backend.secretKey())))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> {
                    if (operations != null) {
                        c.addExecutionInterceptor(new OperationRecorder(operations));
                    }
                })
                .build();
    }

    private static DynamoDbClient dynamoClient(Backend backend, Set<String> operations) {
        return DynamoDbClient.builder()
                .endpointOverride(backend.dynamoDb())
                .region(Region.of(backend.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(backend.accessKey(), backend.secretKey())))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> {
                    if (operations != null) {
                        c.addExecutionInterceptor(new OperationRecorder(operations));
                    }
                })
                .build();
    }

    /** Records the name of every operation a client calls. */
    private record OperationRecorder(Set<String> operations) implements ExecutionInterceptor {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
        }
    }
}
