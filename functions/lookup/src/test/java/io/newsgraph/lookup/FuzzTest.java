package io.newsgraph.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Generated requests against the real handler over dynalite: random methods, paths, names (unicode,
 * control characters, percent-encodings, very long), limits, dates, predicates, roles, types, and
 * valid, foreign, tampered or truncated cursors. No response may be a 5xx, and every error body must be
 * exactly the documented {"error": {"code", "message"}} with a documented code.
 */
class FuzzTest {
    static final List<String> ERROR_CODES = List.of("invalid_parameter", "invalid_cursor",
            "not_found", "method_not_allowed", "internal_error", "service_unavailable");
    private static final int REQUESTS = 12_000;
    private static final long SEED = 20261128L;

    private static final String[] ODD_METHODS = {"POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH", "get", "",
            "G\u00c9T", "TRACE"};
    private static final String[] KNOWN = {"Velkov", "Mara%20Velkov", "mara velkov", "PRESIDENT%20VELKOV",
            "Rennick", "Ostrelia", "Port%20Kasimir", "Jorin", "Dunmore%20Council", "per-6dafc4ad23ae85836e46",
            "Ostrelian"};
    private static final String[] PARAMS = {"limit", "predicate", "role", "since", "until", "next", "prefix",
            "type", "x", "LIMIT", ""};

    @Test
    void tenThousandGeneratedRequestsGiveNo5xxAndOnlyDocumentedErrors() throws Exception {
        Fixture.client();
        List<String> cursors = harvestCursors();
        Map<Integer, AtomicInteger> byStatus = new ConcurrentHashMap<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicInteger serverErrors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int worker = 0; worker < 4; worker++) {
                Random random = new Random(SEED + worker);
                int count = REQUESTS / 4;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < count; i++) {
                        APIGatewayV2HTTPEvent event = randomEvent(random, cursors);
                        APIGatewayV2HTTPResponse response = Fixture.call(event);
                        byStatus.computeIfAbsent(response.getStatusCode(), s -> new AtomicInteger()).incrementAndGet();
                        if (response.getStatusCode() >= 500) {
                            serverErrors.incrementAndGet();
                        }
                        String problem = check(response);
                        if (problem != null && failures.size() < 20) {
                            failures.add(problem + " for " + event.getRequestContext().getHttp().getMethod() + " "
                                    + abbreviate(event.getRawPath()) + " " + abbreviate(String.valueOf(
                                    event.getQueryStringParameters())));
                        }
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        int total = byStatus.values().stream().mapToInt(AtomicInteger::get).sum();
        System.out.println("lookup fuzz: requests=" + total + " status>=500=" + serverErrors.get()
                + " byStatus=" + new TreeMap<>(byStatus));
        assertEquals(REQUESTS, total);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertEquals(0, serverErrors.get());
        assertTrue(byStatus.containsKey(200) && byStatus.containsKey(400) && byStatus.containsKey(404)
                && byStatus.containsKey(405), "the generator reaches every outcome: " + byStatus);
    }

    /** Null when the response is acceptable, else what is wrong. */
    private static String check(APIGatewayV2HTTPResponse response) {
        if (response.getStatusCode() >= 500) {
            return "status " + response.getStatusCode();
        }
        if (!"application/json".equals(response.getHeaders().get("Content-Type"))) {
            return "content type " + response.getHeaders();
        }
        JsonNode body;
        try {
            body = Fixture.JSON.readTree(response.getBody());
        } catch (Exception e) {
            return "body is not JSON";
        }
        if (response.getStatusCode() == 200) {
            return body.isObject() ? null : "200 body is not an object";
        }
        if (!fieldNames(body).equals(Set.of("error")) || !fieldNames(body.get("error")).equals(Set.of("code", "message"))
                || !ERROR_CODES.contains(body.at("/error/code").asText())
                || !body.at("/error/message").isTextual() || body.at("/error/message").asText().isBlank()) {
            return "undocumented error body " + abbreviate(response.getBody());
        }
        String message = body.at("/error/message").asText();
        if (message.contains("Exception") || message.contains("at io.") || message.contains("software.amazon")) {
            return "internal detail in " + message;
        }
        return null;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new java.util.HashSet<>();
        if (node != null) {
            Iterator<String> it = node.fieldNames();
            it.forEachRemaining(names::add);
        }
        return names;
    }

    private static List<String> harvestCursors() {
        List<String> cursors = new ArrayList<>();
        for (String path : List.of("/actors/Velkov", "/actors", "/articles/" + Fixture.articleId("harbour-agreement.md"))) {
            Map<String, String> query = new HashMap<>(Map.of("limit", "1"));
            if (path.equals("/actors")) {
                query.put("prefix", "o");
            }
            JsonNode body = Fixture.body(Fixture.call(Fixture.get(path, query)));
            if (body.hasNonNull("next")) {
                cursors.add(body.get("next").asText());
            }
        }
        assertEquals(3, cursors.size(), "every paginated route issued a cursor");
        return cursors;
    }

    private static APIGatewayV2HTTPEvent randomEvent(Random random, List<String> cursors) {
        String method = random.nextInt(8) == 0 ? ODD_METHODS[random.nextInt(ODD_METHODS.length)] : "GET";
        String path = switch (random.nextInt(10)) {
            case 0, 1, 2 -> "/actors/" + name(random);
            case 3, 4 -> "/locations/" + name(random);
            case 5 -> "/articles/" + articleId(random);
            case 6, 7 -> "/actors";
            case 8 -> "/" + name(random) + (random.nextBoolean() ? "/" + name(random) : "");
            default -> oddPath(random);
        };
        Map<String, String> query = new LinkedHashMap<>();
        int params = random.nextInt(5);
        for (int i = 0; i < params; i++) {
            String key = PARAMS[random.nextInt(PARAMS.length)];
            query.put(key, value(key, random, cursors));
        }
        if (path.equals("/actors") && random.nextInt(3) > 0) {
            query.put("prefix", value("prefix", random, cursors));
        }
        return Fixture.request(method, path, query);
    }

    private static String name(Random random) {
        return switch (random.nextInt(12)) {
            case 0, 1, 2 -> KNOWN[random.nextInt(KNOWN.length)];
            case 3 -> randomUnicode(random, 1 + random.nextInt(30));
            case 4 -> percentEncodedBytes(random, 1 + random.nextInt(20));
            case 5 -> "%" + (char) ('0' + random.nextInt(60)) + (random.nextBoolean() ? "" : "z");
            case 6 -> "x".repeat(150 + random.nextInt(5000));
            case 7 -> randomUnicode(random, 195 + random.nextInt(10));
            case 8 -> "per-" + hex(random, 20);
            case 9 -> "%00" + randomAscii(random, 5);
            case 10 -> "";
            default -> randomAscii(random, 1 + random.nextInt(40));
        };
    }

    private static String articleId(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> Fixture.articleId("harbour-agreement.md");
            case 1 -> Fixture.articleId("scan.pdf");
            case 2 -> hex(random, 32);
            case 3 -> hex(random, random.nextInt(64));
            default -> name(random);
        };
    }

    private static String oddPath(Random random) {
        return switch (random.nextInt(9)) {
            case 0 -> "/";
            case 1 -> "";
            case 2 -> "//";
            case 3 -> "/actors/";
            case 4 -> "actors/Velkov";
            case 5 -> "/actors/Velkov/";
            case 6 -> "/" + "a/".repeat(random.nextInt(2000));
            case 7 -> "/ACTORS/Velkov";
            default -> "/articles/" + "%".repeat(random.nextInt(5));
        };
    }

    private static String value(String key, Random random, List<String> cursors) {
        if (random.nextInt(8) == 0) {
            return randomJunk(random);
        }
        return switch (key) {
            case "limit" -> switch (random.nextInt(6)) {
                case 0 -> Integer.toString(1 + random.nextInt(100));
                case 1 -> Integer.toString(random.nextInt());
                case 2 -> "0";
                case 3 -> "101";
                case 4 -> "1e2";
                default -> " 5";
            };
            case "predicate" -> random.nextBoolean()
                    ? io.newsgraph.core.model.Predicate.values()[random.nextInt(24)].name().toLowerCase()
                    : randomAscii(random, 1 + random.nextInt(12));
            case "role" -> new String[] {"subject", "object", "any", "SUBJECT", "location", ""}[random.nextInt(6)];
            case "since", "until" -> date(random);
            case "next" -> cursor(random, cursors);
            case "prefix" -> switch (random.nextInt(5)) {
                case 0 -> "v";
                case 1 -> "Ost";
                case 2 -> randomUnicode(random, 1 + random.nextInt(120));
                case 3 -> "!";
                default -> randomAscii(random, 1 + random.nextInt(6));
            };
            case "type" -> new String[] {"person", "ORGANIZATION", "country", "LOCATION", "alien", ""}[random.nextInt(6)];
            default -> randomAscii(random, random.nextInt(10));
        };
    }

    private static String date(Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> String.format("%04d-%02d-%02d", 2020 + random.nextInt(8), 1 + random.nextInt(12),
                    1 + random.nextInt(28));
            case 1 -> "2025-02-30";
            case 2 -> "2025-13-01";
            case 3 -> "+2025-01-01";
            case 4 -> "0000-00-00";
            case 5 -> "2025-05";
            default -> String.format("%d-%d-%d", random.nextInt(100000), random.nextInt(100), random.nextInt(100));
        };
    }

    private static String cursor(Random random, List<String> cursors) {
        String valid = cursors.get(random.nextInt(cursors.size()));
        return switch (random.nextInt(7)) {
            case 0 -> valid;
            case 1 -> valid.substring(0, random.nextInt(valid.length()));
            case 2 -> {
                char[] chars = valid.toCharArray();
                int at = random.nextInt(chars.length);
                chars[at] = chars[at] == 'A' ? 'B' : 'A';
                yield new String(chars);
            }
            case 3 -> "v1." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ("{\"q\":\"actor|per-" + hex(random, 20) + "|null|ANY|null|null\",\"p\":\"R#\"}")
                            .getBytes(StandardCharsets.UTF_8)) + "." + valid.substring(valid.lastIndexOf('.') + 1);
            case 4 -> "v1." + randomAscii(random, 20) + "." + randomAscii(random, 43);
            case 5 -> valid + valid;
            default -> randomUnicode(random, 1 + random.nextInt(3000));
        };
    }

    private static String randomJunk(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> "x".repeat(random.nextInt(5000));
            case 1 -> randomUnicode(random, random.nextInt(300));
            case 2 -> "\u0000\n\r\t";
            default -> "%s%n%d'\"<script>";
        };
    }

    private static String randomUnicode(Random random, int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            int codePoint = switch (random.nextInt(6)) {
                case 0 -> 0x20 + random.nextInt(0x5f);
                case 1 -> 0xa0 + random.nextInt(0x2000);
                case 2 -> 0x1f300 + random.nextInt(0x300);
                case 3 -> 0x0590 + random.nextInt(0x100);
                case 4 -> 0x0300 + random.nextInt(0x70);
                default -> random.nextInt(0x20);
            };
            text.appendCodePoint(codePoint);
        }
        if (random.nextInt(10) == 0) {
            text.append('\ud800');
        }
        return text.toString();
    }

    private static String randomAscii(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) (0x21 + random.nextInt(0x5e)));
        }
        return text.toString();
    }

    private static String percentEncodedBytes(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append('%').append(String.format("%02X", random.nextInt(256)));
        }
        return text.toString();
    }

    private static String hex(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(Character.forDigit(random.nextInt(16), 16));
        }
        return text.toString();
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 120 ? text : text.substring(0, 120) + "...";
    }
}
