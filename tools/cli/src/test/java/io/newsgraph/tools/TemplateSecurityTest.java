package io.newsgraph.tools;

import static io.newsgraph.tools.TemplateYaml.asList;
import static io.newsgraph.tools.TemplateYaml.map;
import static io.newsgraph.tools.TemplateYaml.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 4, template security: least privilege for both functions, a locked-down bucket (no public
 * access, encryption, TLS only, never written by a function), an encrypted table with point-in-time
 * recovery, an encrypted failure queue, and an API whose throttling and CORS are set on purpose.
 */
class TemplateSecurityTest {
    /** DynamoDB actions that only read. */
    static final Set<String> DYNAMODB_READ_ACTIONS = Set.of("dynamodb:GetItem", "dynamodb:BatchGetItem",
            "dynamodb:Query", "dynamodb:ConditionCheckItem");

    private static TemplateYaml template;

    @BeforeAll
    static void load() throws Exception {
        template = TemplateYaml.load(TemplateYaml.repositoryRoot().resolve("template.yaml"));
    }

    @Test
    void ingestRoleOnlyReadsArticleObjectsWritesTheTableAndReportsToItsQueue() {
        Grants grants = Grants.of(template, "IngestFunction");

        assertEquals(Set.of("s3:GetObject"), grants.actionsWithPrefix("s3:"), "ingest S3 actions");
        assertEquals(Set.of(articleObjectsArn()), grants.resourcesOf("s3:GetObject"),
                "s3:GetObject must be limited to the articles bucket's objects");

        Set<String> dynamo = grants.actionsWithPrefix("dynamodb:");
        assertEquals(Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem",
                "dynamodb:BatchWriteItem", "dynamodb:Query"), dynamo, "ingest DynamoDB actions");
        for (String action : dynamo) {
            assertEquals(Set.of(tableArn()), grants.resourcesOf(action), action + " resources (no index)");
        }

        Object failureQueue = map(map(map(template.properties("IngestFunction").get("EventInvokeConfig"))
                .get("DestinationConfig")).get("OnFailure")).get("Destination");
        assertEquals(Set.of("sqs:SendMessage"), grants.actionsWithPrefix("sqs:"));
        assertEquals(Set.of(String.valueOf(failureQueue)), grants.resourcesOf("sqs:SendMessage"),
                "sqs:SendMessage only to the on-failure queue");

        assertEquals(Set.of("s3:", "dynamodb:", "sqs:"), grants.servicePrefixes(), "ingest touches other services");
    }

    @Test
    void lookupRoleOnlyReadsTheTableAndItsIndexes() {
        Grants grants = Grants.of(template, "LookupFunction");
        assertEquals(Set.of("dynamodb:"), grants.servicePrefixes(), "lookup touches only DynamoDB");
        Set<String> actions = grants.actionsWithPrefix("dynamodb:");
        assertFalse(actions.isEmpty());
        assertTrue(DYNAMODB_READ_ACTIONS.containsAll(actions), "lookup has non-read actions: " + actions);
        assertEquals(Set.of("dynamodb:GetItem", "dynamodb:Query"), actions, "lookup DynamoDB actions");
        assertEquals(Set.of(tableArn()), grants.resourcesOf("dynamodb:GetItem"), "GetItem reads the table only");
        assertEquals(tableAndIndexes(), grants.resourcesOf("dynamodb:Query"), "Query: the table and its indexes");
    }

    @Test
    void noFunctionHasWildcardsOrWritesToTheBucket() {
        for (String function : template.resourcesOfType("AWS::Serverless::Function")) {
            for (Map<String, Object> statement : template.policyStatements(function)) {
                assertEquals("Allow", statement.get("Effect"), function + " statement effect");
                assertFalse(statement.containsKey("NotAction") || statement.containsKey("NotResource"),
                        function + " uses NotAction/NotResource");
                for (String action : strings(statement.get("Action"))) {
                    assertFalse(action.contains("*"), function + " has wildcard action " + action);
                    assertFalse(action.startsWith("s3:Put") || action.startsWith("s3:Delete")
                                    || action.startsWith("s3:Restore") || action.startsWith("s3:Replicate"),
                            function + " may write to a bucket: " + action);
                }
                for (Object resource : asList(statement.get("Resource"))) {
                    assertFalse("*".equals(resource), function + " grants on every resource");
                }
            }
        }
    }

    @Test
    void articlesBucketBlocksPublicAccessIsEncryptedAndDeniesPlainHttp() {
        Map<String, Object> bucket = template.properties("ArticlesBucket");
        Map<String, Object> block = map(bucket.get("PublicAccessBlockConfiguration"));
        for (String setting : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
            assertEquals(Boolean.TRUE, block.get(setting), setting);
        }
        List<Object> rules = TemplateYaml.list(map(bucket.get("BucketEncryption")).get("ServerSideEncryptionConfiguration"));
        assertFalse(rules.isEmpty());
        String algorithm = String.valueOf(map(map(rules.get(0)).get("ServerSideEncryptionByDefault")).get("SSEAlgorithm"));
        assertTrue(Set.of("AES256", "aws:kms", "aws:kms:dsse").contains(algorithm), "encryption " + algorithm);
        assertEquals(articleBucketName(), bucket.get("BucketName"), "bucket name must be the one the ingest policy names");

        String policyId = template.resourcesOfType("AWS::S3::BucketPolicy").stream()
                .filter(id -> Map.of("Ref", "ArticlesBucket").equals(template.properties(id).get("Bucket")))
                .findFirst().orElseThrow(() -> new AssertionError("no bucket policy on ArticlesBucket"));
        boolean deniesInsecureTransport = false;
        for (Object raw : TemplateYaml.list(map(template.properties(policyId).get("PolicyDocument")).get("Statement"))) {
            Map<String, Object> statement = map(raw);
            if (!"Deny".equals(statement.get("Effect")) || !"*".equals(statement.get("Principal"))) {
                continue;
            }
            Map<String, Object> condition = map(statement.getOrDefault("Condition", Map.of()));
            Object bool = condition.get("Bool");
            boolean onlyInsecure = bool != null
                    && "false".equals(String.valueOf(map(bool).get("aws:SecureTransport")).toLowerCase());
            Set<String> resources = strings(statement.get("Resource"));
            boolean coversBucketAndObjects = resources.contains(String.valueOf(Map.of("Fn::GetAtt", "ArticlesBucket.Arn")))
                    && resources.contains(String.valueOf(Map.of("Fn::Sub", "${ArticlesBucket.Arn}/*")));
            if (onlyInsecure && coversBucketAndObjects && strings(statement.get("Action")).contains("s3:*")) {
                deniesInsecureTransport = true;
            }
        }
        assertTrue(deniesInsecureTransport, "the bucket policy must deny s3:* without TLS on the bucket and its objects");
    }

    @Test
    void ingestIsTriggeredByTheBucketsCreateAndRemoveEventsOnly() {
        Set<String> events = new TreeSet<>();
        for (Object raw : map(template.properties("IngestFunction").get("Events")).values()) {
            Map<String, Object> event = map(raw);
            assertEquals("S3", event.get("Type"));
            Map<String, Object> properties = map(event.get("Properties"));
            assertEquals(Map.of("Ref", "ArticlesBucket"), properties.get("Bucket"));
            events.addAll(strings(properties.get("Events")));
        }
        assertEquals(Set.of("s3:ObjectCreated:*", "s3:ObjectRemoved:*"), events);
    }

    @Test
    void ingestRetriesTwiceThenSendsToAnEncryptedQueue() {
        Map<String, Object> invokeConfig = map(template.properties("IngestFunction").get("EventInvokeConfig"));
        assertEquals(2, invokeConfig.get("MaximumRetryAttempts"));
        Map<String, Object> onFailure = map(map(invokeConfig.get("DestinationConfig")).get("OnFailure"));
        assertEquals("SQS", onFailure.get("Type"));
        String queueId = String.valueOf(map(onFailure.get("Destination")).get("Fn::GetAtt")).replace(".Arn", "");
        assertEquals("AWS::SQS::Queue", template.type(queueId));
        Map<String, Object> queue = template.properties(queueId);
        assertTrue(Boolean.TRUE.equals(queue.get("SqsManagedSseEnabled")) || queue.containsKey("KmsMasterKeyId"),
                "the failure queue must be encrypted");
    }

    @Test
    void tableIsEncryptedOnDemandAndRecoverable() {
        Map<String, Object> table = template.properties("GraphTable");
        assertEquals("PAY_PER_REQUEST", table.get("BillingMode"));
        assertEquals(Boolean.TRUE, map(table.get("SSESpecification")).get("SSEEnabled"));
        assertEquals(Boolean.TRUE, map(table.get("PointInTimeRecoverySpecification")).get("PointInTimeRecoveryEnabled"));
    }

    @Test
    void apiIsThrottledAndAllowsOnlyGetFromExplicitOrigins() {
        List<String> apis = template.resourcesOfType("AWS::Serverless::HttpApi");
        assertEquals(1, apis.size());
        Map<String, Object> api = template.properties(apis.get(0));
        Map<String, Object> throttling = map(api.get("DefaultRouteSettings"));
        assertNotNull(throttling.get("ThrottlingBurstLimit"), "burst limit");
        assertNotNull(throttling.get("ThrottlingRateLimit"), "rate limit");
        for (String limit : List.of("ThrottlingBurstLimit", "ThrottlingRateLimit")) {
            Object value = throttling.get(limit);
            if (value instanceof Map<?, ?> ref) {
                Map<String, Object> parameter = map(template.parameters().get(String.valueOf(ref.get("Ref"))));
                assertTrue(((Number) parameter.get("Default")).intValue() > 0, limit + " default");
            } else {
                assertTrue(((Number) value).intValue() > 0, limit);
            }
        }

        Map<String, Object> cors = map(api.get("CorsConfiguration"));
        assertEquals(Set.of("GET"), strings(cors.get("AllowMethods")));
        assertEquals(Boolean.FALSE, cors.get("AllowCredentials"));
        Object origins = cors.get("AllowOrigins");
        Set<String> originValues = new HashSet<>();
        if (origins instanceof Map<?, ?> ref) {
            Map<String, Object> parameter = map(template.parameters().get(String.valueOf(ref.get("Ref"))));
            assertEquals("CommaDelimitedList", parameter.get("Type"));
            originValues.addAll(List.of(String.valueOf(parameter.get("Default")).split(",")));
        } else {
            originValues.addAll(strings(origins));
        }
        assertFalse(originValues.isEmpty());
        for (String origin : originValues) {
            assertFalse(origin.contains("*"), "CORS origin must be explicit, not " + origin);
            assertTrue(origin.trim().startsWith("https://") || origin.trim().startsWith("http://localhost")
                    || origin.trim().startsWith("http://127.0.0.1"), "origin " + origin);
        }
    }

    @Test
    void cursorSigningKeyIsASecretParameterOfAtLeast32Characters() {
        Map<String, Object> variables = map(map(template.properties("LookupFunction").get("Environment")).get("Variables"));
        Object key = variables.get("CURSOR_SIGNING_KEY");
        assertTrue(key instanceof Map<?, ?>, "CURSOR_SIGNING_KEY must come from a parameter, not a literal");
        Map<String, Object> parameter = map(template.parameters().get(String.valueOf(map(key).get("Ref"))));
        assertEquals(Boolean.TRUE, parameter.get("NoEcho"));
        assertTrue(((Number) parameter.get("MinLength")).intValue() >= 32);
        assertFalse(parameter.containsKey("Default"), "a signing key must not have a default");
    }

    @Test
    void bothFunctionsUseSnapStartOnAPublishedAliasAndStopRecursiveLoops() {
        for (String function : template.resourcesOfType("AWS::Serverless::Function")) {
            Map<String, Object> properties = template.functionProperties(function);
            assertEquals("java21", properties.get("Runtime"), function);
            assertEquals("PublishedVersions", map(properties.get("SnapStart")).get("ApplyOn"), function);
            assertNotNull(properties.get("AutoPublishAlias"), function + " needs an alias for SnapStart");
            assertEquals("Terminate", properties.get("RecursiveLoop"), function + " must stop recursive loops");
        }
    }

    private static Map<String, Object> articleBucketName() {
        return Map.of("Fn::Sub", "${ArticlesBucketPrefix}-${AWS::AccountId}-${AWS::Region}");
    }

    private static String articleObjectsArn() {
        return String.valueOf(Map.of("Fn::Sub",
                "arn:${AWS::Partition}:s3:::${ArticlesBucketPrefix}-${AWS::AccountId}-${AWS::Region}/*"));
    }

    private static String tableArn() {
        return String.valueOf(Map.of("Fn::GetAtt", "GraphTable.Arn"));
    }

    private static Set<String> tableAndIndexes() {
        return Set.of(tableArn(), String.valueOf(Map.of("Fn::Sub", "${GraphTable.Arn}/index/*")));
    }

    /** A function's allowed actions and, per action, the resources (as strings of their YAML value). */
    record Grants(Map<String, Set<String>> resourcesByAction) {
        static Grants of(TemplateYaml template, String functionId) {
            Map<String, Set<String>> byAction = new java.util.TreeMap<>();
            for (Map<String, Object> statement : template.policyStatements(functionId)) {
                assertEquals("Allow", statement.get("Effect"));
                Set<String> resources = new LinkedHashSet<>();
                asList(statement.get("Resource")).forEach(r -> resources.add(String.valueOf(r)));
                for (String action : strings(statement.get("Action"))) {
                    byAction.computeIfAbsent(action, a -> new TreeSet<>()).addAll(resources);
                }
            }
            return new Grants(byAction);
        }

        Set<String> actionsWithPrefix(String prefix) {
            Set<String> actions = new TreeSet<>();
            resourcesByAction.keySet().stream().filter(a -> a.startsWith(prefix)).forEach(actions::add);
            return actions;
        }

        Set<String> resourcesOf(String action) {
            return resourcesByAction.getOrDefault(action, Set.of());
        }

        Set<String> servicePrefixes() {
            Set<String> prefixes = new TreeSet<>();
            resourcesByAction.keySet().forEach(a -> prefixes.add(a.substring(0, a.indexOf(':') + 1)));
            return prefixes;
        }
    }
}
