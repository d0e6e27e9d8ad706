package io.newsgraph.tools;

import static io.newsgraph.tools.TemplateYaml.asList;
import static io.newsgraph.tools.TemplateYaml.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.newsgraph.ingest.IngestConfig;
import io.newsgraph.ingest.IngestHandler;
import io.newsgraph.lookup.LookupConfig;
import io.newsgraph.lookup.LookupHandler;
import io.newsgraph.storage.GraphTable;
import io.newsgraph.tools.local.ApiRoutes;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

/**
 * template.yaml agrees with the code: handlers resolve to Lambda handler classes, every variable the
 * code reads is set (and nothing else), the table equals the one definition in code, the API's routes
 * equal docs/openapi.yaml and the local runner's, and each CodeUri is the jar its module builds.
 */
class TemplateTest {
    /** The variables each handler's configuration reads. */
    private static final Map<Class<?>, Set<String>> VARIABLES_READ = Map.of(
            IngestHandler.class, IngestConfig.VARIABLES,
            LookupHandler.class, LookupConfig.VARIABLES);
    /** Set for the JVM, not read by our code. */
    private static final Set<String> RUNTIME_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private static Path root;
    private static TemplateYaml template;

    @BeforeAll
    static void load() throws Exception {
        root = TemplateYaml.repositoryRoot();
        template = TemplateYaml.load(root.resolve("template.yaml"));
    }

    @Test
    void isASamTemplateWithBothFunctions() {
        assertEquals("AWS::Serverless-2016-10-31", template.root().get("Transform"));
        assertEquals(List.of("IngestFunction", "LookupFunction"), template.resourcesOfType("AWS::Serverless::Function"));
    }

    @Test
    void everyHandlerIsAPublicLambdaHandlerClassWithAPublicNoArgConstructor() throws Exception {
        for (String function : template.resourcesOfType("AWS::Serverless::Function")) {
            String handler = (String) template.functionProperties(function).get("Handler");
            assertNotNull(handler, function + " has no Handler");
            String[] parts = handler.split("::");
            assertEquals(2, parts.length, function + " handler must be class::method, was " + handler);
            Class<?> type = Class.forName(parts[0]);
            assertTrue(Modifier.isPublic(type.getModifiers()) && !Modifier.isAbstract(type.getModifiers()), handler);
            assertTrue(RequestHandler.class.isAssignableFrom(type) || RequestStreamHandler.class.isAssignableFrom(type),
                    type + " implements neither RequestHandler nor RequestStreamHandler");
            assertTrue(Modifier.isPublic(type.getConstructor().getModifiers()), type + " needs a public no-arg constructor");
            List<Method> methods = Arrays.stream(type.getMethods())
                    .filter(m -> m.getName().equals(parts[1]) && !m.isBridge())
                    .filter(m -> m.getParameterCount() >= 2 && m.getParameterTypes()[m.getParameterCount() - 1] == Context.class)
                    .toList();
            assertEquals(1, methods.size(), handler + " must name one public method taking (event, Context)");
        }
    }

    @Test
    void eachFunctionSetsExactlyTheVariablesItsCodeReads() throws Exception {
        for (String function : template.resourcesOfType("AWS::Serverless::Function")) {
            Map<String, Object> properties = template.functionProperties(function);
            Class<?> handler = Class.forName(((String) properties.get("Handler")).split("::")[0]);
            Set<String> read = VARIABLES_READ.get(handler);
            assertNotNull(read, "no configuration class known for " + handler);
            Map<String, Object> set = map(map(properties.get("Environment")).get("Variables"));
            assertTrue(set.keySet().containsAll(read), function + " does not set every variable its code reads: " + read);
            Set<String> unexplained = new TreeSet<>(set.keySet());
            unexplained.removeAll(read);
            unexplained.removeAll(RUNTIME_VARIABLES);
            assertEquals(Set.of(), unexplained, function + " sets variables no code reads");
            for (String variable : read) {
                assertNotNull(set.get(variable), function + " sets " + variable + " to nothing");
            }
        }
        Map<String, Object> ingest = map(map(template.properties("IngestFunction").get("Environment")).get("Variables"));
        assertEquals(Map.of("Ref", "GraphTable"), ingest.get(IngestConfig.TABLE_NAME));
        Map<String, Object> lookup = map(map(template.properties("LookupFunction").get("Environment")).get("Variables"));
        assertEquals(Map.of("Ref", "GraphTable"), lookup.get("TABLE_NAME"));
    }

    @Test
    void environmentDefaultsAreAcceptedByTheConfigurationClasses() {
        // the template's parameter defaults, resolved, must make valid configurations
        Object maxBytes = map(template.parameters().get(refName("IngestFunction", IngestConfig.MAX_OBJECT_BYTES))).get("Default");
        Map<String, String> ingestEnv = Map.of(IngestConfig.TABLE_NAME, "table", IngestConfig.MAX_OBJECT_BYTES, String.valueOf(maxBytes));
        assertTrue(IngestConfig.fromEnvironment(ingestEnv).maxObjectBytes() > 0);
        Map<String, Object> keyParameter = map(template.parameters().get(refName("LookupFunction", "CURSOR_SIGNING_KEY")));
        int minLength = ((Number) keyParameter.get("MinLength")).intValue();
        assertNotNull(LookupConfig.fromEnvironment(Map.of("TABLE_NAME", "table", "CURSOR_SIGNING_KEY", "k".repeat(minLength))));
    }

    @Test
    void tableEqualsTheOneDefinitionInCode() {
        CreateTableRequest code = GraphTable.createTableRequest("graph");
        Map<String, Object> table = template.properties("GraphTable");

        Map<String, String> templateAttributes = new TreeMap<>();
        for (Object raw : asList(table.get("AttributeDefinitions"))) {
            templateAttributes.put((String) map(raw).get("AttributeName"), (String) map(raw).get("AttributeType"));
        }
        Map<String, String> codeAttributes = new TreeMap<>();
        code.attributeDefinitions().forEach(a -> codeAttributes.put(a.attributeName(), a.attributeTypeAsString()));
        assertEquals(codeAttributes, templateAttributes, "AttributeDefinitions");

        assertEquals(keySchema(code.keySchema()), templateKeySchema(table.get("KeySchema")), "KeySchema");
        assertEquals(code.billingModeAsString() == null ? "PAY_PER_REQUEST" : code.billingModeAsString(),
                table.get("BillingMode"));

        Map<String, List<Object>> codeIndexes = new TreeMap<>();
        for (GlobalSecondaryIndex index : code.globalSecondaryIndexes()) {
            List<String> nonKey = index.projection().nonKeyAttributes() == null
                    ? List.of() : index.projection().nonKeyAttributes().stream().sorted().toList();
            codeIndexes.put(index.indexName(), List.of(keySchema(index.keySchema()),
                    index.projection().projectionTypeAsString(), nonKey));
        }
        Map<String, List<Object>> templateIndexes = new TreeMap<>();
        for (Object raw : asList(table.get("GlobalSecondaryIndexes"))) {
            Map<String, Object> index = map(raw);
            Map<String, Object> projection = map(index.get("Projection"));
            List<String> nonKey = asList(projection.get("NonKeyAttributes")).stream().map(String::valueOf).sorted().toList();
            templateIndexes.put((String) index.get("IndexName"), List.of(templateKeySchema(index.get("KeySchema")),
                    projection.get("ProjectionType"), nonKey));
        }
        assertEquals(codeIndexes, templateIndexes, "GlobalSecondaryIndexes");
        assertEquals(code.hasLocalSecondaryIndexes() && !code.localSecondaryIndexes().isEmpty(),
                table.containsKey("LocalSecondaryIndexes"), "LocalSecondaryIndexes");
    }

    @Test
    void apiRoutesEqualTheOpenApiSpecAndTheLocalRunner() throws Exception {
        Set<String> templateRoutes = new TreeSet<>();
        for (String function : template.resourcesOfType("AWS::Serverless::Function")) {
            Object events = template.properties(function).get("Events");
            if (events == null) {
                continue;
            }
            for (Object raw : map(events).values()) {
                Map<String, Object> event = map(raw);
                if ("HttpApi".equals(event.get("Type"))) {
                    Map<String, Object> properties = map(event.get("Properties"));
                    templateRoutes.add(String.valueOf(properties.get("Method")).toUpperCase(Locale.ROOT) + " " + properties.get("Path"));
                }
            }
        }
        Set<String> specRoutes = new TreeSet<>();
        Map<String, Object> spec = TemplateYaml.loadPlain(root.resolve("docs/openapi.yaml"));
        assertTrue(String.valueOf(spec.get("openapi")).startsWith("3."), "docs/openapi.yaml is OpenAPI 3");
        map(spec.get("paths")).forEach((path, operations) -> map(operations).keySet().stream()
                .filter(HTTP_METHODS::contains)
                .forEach(method -> specRoutes.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        Set<String> localRoutes = new TreeSet<>();
        ApiRoutes.ROUTES.forEach(route -> localRoutes.add(route.routeKey()));

        assertEquals(specRoutes, templateRoutes, "template.yaml routes vs docs/openapi.yaml");
        assertEquals(templateRoutes, localRoutes, "template.yaml routes vs ./newsgraph local");
        assertEquals(Set.of("GET /actors/{name}", "GET /locations/{name}", "GET /articles/{id}", "GET /actors"), templateRoutes);
    }

    @Test
    void codeUriIsTheJarItsModuleBuilds() throws Exception {
        for (String function : template.resourcesOfType("AWS::Serverless::Function")) {
            String codeUri = (String) template.functionProperties(function).get("CodeUri");
            Path jar = Path.of(codeUri);
            assertEquals("target", jar.getParent().getFileName().toString(), function + " CodeUri " + codeUri);
            Path module = root.resolve(jar.getParent().getParent());
            String pom = Files.readString(module.resolve("pom.xml"));
            String artifactId = firstTag(pom.replaceAll("(?s)<parent>.*?</parent>", ""), "artifactId");
            String finalName = firstTag(pom, "finalName");
            String expected = (finalName != null ? finalName : artifactId + "-" + version()) + ".jar";
            assertEquals(expected, jar.getFileName().toString(), function + ": the jar " + module + " builds");
            assertTrue(pom.contains("maven-shade-plugin"), module + " must build a self-contained (shaded) jar");
            Path built = root.resolve(codeUri);
            if (Files.exists(built)) {
                assertTrue(Files.size(built) < 250L * 1024 * 1024, "Lambda's unzipped size limit is 250 MB");
            }
        }
    }

    private static String refName(String function, String variable) {
        Object value = map(map(template.properties(function).get("Environment")).get("Variables")).get(variable);
        return String.valueOf(map(value).get("Ref"));
    }

    private static String version() throws Exception {
        String parent = Files.readString(root.resolve("pom.xml"));
        return firstTag(parent.replaceAll("(?s)<parent>.*?</parent>", ""), "version");
    }

    private static String firstTag(String xml, String tag) {
        Matcher matcher = Pattern.compile("<" + tag + ">\\s*([^<]+?)\\s*</" + tag + ">").matcher(xml);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static List<String> keySchema(List<KeySchemaElement> elements) {
        List<String> keys = new ArrayList<>();
        elements.forEach(e -> keys.add(e.attributeName() + " " + e.keyTypeAsString()));
        return keys;
    }

    private static List<String> templateKeySchema(Object raw) {
        List<String> keys = new ArrayList<>();
        for (Object element : asList(raw)) {
            Map<String, Object> key = new LinkedHashMap<>(map(element));
            keys.add(key.get("AttributeName") + " " + key.get("KeyType"));
        }
        return keys;
    }

    @Test
    void everyResourceReferenceResolves() {
        Set<String> known = new TreeSet<>(template.resources().keySet());
        known.addAll(template.parameters().keySet());
        List<String> unresolved = new ArrayList<>();
        collectReferences(template.resources(), known, unresolved);
        collectReferences(map(template.root().get("Outputs")), known, unresolved);
        assertFalse(!unresolved.isEmpty(), "unresolved references: " + unresolved);
    }

    private static void collectReferences(Object node, Set<String> known, List<String> unresolved) {
        if (node instanceof Map<?, ?> mapNode) {
            for (Map.Entry<?, ?> entry : mapNode.entrySet()) {
                String key = String.valueOf(entry.getKey());
                Object value = entry.getValue();
                if (key.equals("Ref") && value instanceof String ref && !ref.startsWith("AWS::") && !known.contains(ref)) {
                    unresolved.add(ref);
                } else if (key.equals("Fn::GetAtt") && value instanceof String att && !known.contains(att.split("\\.")[0])) {
                    unresolved.add(att);
                } else if (key.equals("Fn::Sub") && value instanceof String text) {
                    Matcher matcher = Pattern.compile("\\$\\{([^}!]+)}").matcher(text);
                    while (matcher.find()) {
                        String name = matcher.group(1).split("\\.")[0];
                        if (!name.startsWith("AWS::") && !known.contains(name)) {
                            unresolved.add(matcher.group(1));
                        }
                    }
                } else {
                    collectReferences(value, known, unresolved);
                }
            }
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectReferences(item, known, unresolved));
        }
    }
}
