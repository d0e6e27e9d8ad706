package io.newsgraph.lookup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque pagination cursors: {@code v1.<payload>.<HMAC-SHA256>} in base64url. The payload binds the
 * query (route, resolved entity or article, filters) to the storage position, so a cursor is accepted
 * only by the query that issued it and cannot be forged or edited without the key.
 */
final class Cursors {
    static final int MAX_CURSOR_CHARS = 2048;
    private static final String VERSION = "v1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    Cursors(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    String issue(String queryBinding, String position) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("q", queryBinding);
        payload.put("p", position);
        String body = ENCODER.encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8));
        return VERSION + "." + body + "." + ENCODER.encodeToString(mac(VERSION + "." + body));
    }

    /** The storage position inside {@code cursor}, after checking its signature and query. */
    String open(String cursor, String queryBinding) {
        if (cursor.length() > MAX_CURSOR_CHARS) {
            throw invalid();
        }
        String[] parts = cursor.split("\\.", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw invalid();
        }
        byte[] given;
        byte[] payload;
        try {
            given = DECODER.decode(parts[2]);
            payload = DECODER.decode(parts[1]);
        } catch (IllegalArgumentException notBase64) {
            throw invalid();
        }
        if (!MessageDigest.isEqual(given, mac(parts[0] + "." + parts[1]))) {
            throw invalid();
        }
        JsonNode node;
        try {
            node = JSON.readTree(payload);
        } catch (java.io.IOException e) {
            throw invalid();
        }
        if (node == null || !node.path("q").isTextual() || !node.path("p").isTextual()) {
            throw invalid();
        }
        if (!node.get("q").asText().equals(queryBinding)) {
            throw ApiException.badRequest(ApiException.INVALID_CURSOR,
                    "the cursor belongs to another query; repeat the query with the same parameters");
        }
        return node.get("p").asText();
    }

    private byte[] mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every JVM", e);
        }
    }

    private static ApiException invalid() {
        return ApiException.badRequest(ApiException.INVALID_CURSOR, "the cursor is malformed or was altered");
    }
}
