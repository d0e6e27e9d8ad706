package io.newsgraph.tools;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * template.yaml as plain maps and lists. CloudFormation short-form tags become their long JSON form
 * ({@code !Ref X} is {@code {Ref: X}}, {@code !Sub s} is {@code {Fn::Sub: s}}), so tests can compare
 * references structurally.
 */
final class TemplateYaml {
    private static final List<String> INTRINSICS = List.of("Ref", "Condition", "Sub", "GetAtt", "If", "Join",
            "Select", "Split", "Equals", "Not", "And", "Or", "FindInMap", "Base64", "Cidr", "GetAZs",
            "ImportValue", "Transform", "Length", "ToJsonString");

    private final Map<String, Object> root;

    private TemplateYaml(Map<String, Object> root) {
        this.root = root;
    }

    static TemplateYaml load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new TemplateYaml(map(new Yaml(new CloudFormationConstructor()).load(reader)));
        }
    }

    static Map<String, Object> loadPlain(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return map(new Yaml(new CloudFormationConstructor()).load(reader));
        }
    }

    static Path repositoryRoot() {
        String root = System.getProperty("newsgraph.root");
        if (root != null && Files.isRegularFile(Path.of(root, "template.yaml"))) {
            return Path.of(root).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("template.yaml not found above " + Path.of("").toAbsolutePath());
    }

    Map<String, Object> root() {
        return root;
    }

    Map<String, Object> resources() {
        return map(root.get("Resources"));
    }

    Map<String, Object> parameters() {
        return map(root.getOrDefault("Parameters", Map.of()));
    }

    Map<String, Object> resource(String logicalId) {
        Object resource = resources().get(logicalId);
        if (resource == null) {
            throw new AssertionError("template.yaml has no resource " + logicalId);
        }
        return map(resource);
    }

    String type(String logicalId) {
        return (String) resource(logicalId).get("Type");
    }

    Map<String, Object> properties(String logicalId) {
        return map(resource(logicalId).getOrDefault("Properties", Map.of()));
    }

    /** Logical ids of every resource of this type, in template order. */
    List<String> resourcesOfType(String type) {
        List<String> ids = new ArrayList<>();
        resources().forEach((id, resource) -> {
            if (type.equals(map(resource).get("Type"))) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** A function's properties with Globals.Function underneath (function values win; maps merge). */
    Map<String, Object> functionProperties(String logicalId) {
        Map<String, Object> globals = map(map(root.getOrDefault("Globals", Map.of())).getOrDefault("Function", Map.of()));
        return merge(globals, properties(logicalId));
    }

    /** Every IAM statement of a function's inline policies; fails on anything that is not inline. */
    List<Map<String, Object>> policyStatements(String functionId) {
        List<Map<String, Object>> statements = new ArrayList<>();
        Object policies = properties(functionId).get("Policies");
        for (Object policy : list(policies == null ? List.of() : policies)) {
            if (!(policy instanceof Map<?, ?> document) || !document.containsKey("Statement")) {
                throw new AssertionError(functionId + " has a policy that is not an inline policy document: " + policy
                        + " (managed policies and SAM policy templates cannot be checked for least privilege)");
            }
            for (Object statement : list(document.get("Statement"))) {
                statements.add(map(statement));
            }
        }
        return statements;
    }

    static Set<String> strings(Object value) {
        Set<String> result = new TreeSet<>();
        if (value instanceof List<?> values) {
            values.forEach(v -> result.add(String.valueOf(v)));
        } else if (value != null) {
            result.add(String.valueOf(value));
        }
        return result;
    }

    static List<Object> asList(Object value) {
        if (value instanceof List<?> values) {
            return new ArrayList<>(values);
        }
        return value == null ? List.of() : List.of(value);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        if (!(value instanceof Map)) {
            throw new AssertionError("expected a mapping, got " + value);
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        if (!(value instanceof List)) {
            throw new AssertionError("expected a list, got " + value);
        }
        return (List<Object>) value;
    }

    private static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        override.forEach((key, value) -> {
            Object existing = merged.get(key);
            if (existing instanceof Map && value instanceof Map) {
                merged.put(key, merge(map(existing), map(value)));
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    /** SafeConstructor that also accepts CloudFormation's short-form intrinsic function tags. */
    private static final class CloudFormationConstructor extends SafeConstructor {
        CloudFormationConstructor() {
            super(new LoaderOptions());
            for (String function : INTRINSICS) {
                String longName = function.equals("Ref") || function.equals("Condition") ? function : "Fn::" + function;
                yamlConstructors.put(new Tag("!" + function), new Intrinsic(longName));
            }
        }

        private final class Intrinsic extends AbstractConstruct {
            private final String longName;

            Intrinsic(String longName) {
                this.longName = longName;
            }

            @Override
            public Object construct(Node node) {
                Object value;
                if (node instanceof ScalarNode scalar) {
                    value = constructScalar(scalar);
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = constructMapping((MappingNode) node);
                }
                Map<String, Object> intrinsic = new LinkedHashMap<>();
                intrinsic.put(longName, value);
                return intrinsic;
            }
        }
    }
}
