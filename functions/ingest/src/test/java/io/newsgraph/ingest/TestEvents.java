package io.newsgraph.ingest;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * S3 events for tests, built from the repository's real event files (events/s3-put.json,
 * events/s3-delete.json) by rewriting bucket, key, size and sequencer in the JSON, then deserialising
 * with Lambda's own event serializer, exactly as the runtime would.
 */
final class TestEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestEvents() {
    }

    static Path root() {
        String root = System.getProperty("newsgraph.root");
        Path dir = root == null || root.isBlank() ? Path.of("../..") : Path.of(root);
        return dir.toAbsolutePath().normalize();
    }

    static Path eventFile(String name) {
        return root().resolve("events").resolve(name);
    }

    static S3Event put(String bucket, String key, long size, String sequencer) {
        return fromTemplate("s3-put.json", bucket, key, size, sequencer);
    }

    static S3Event delete(String bucket, String key, String sequencer) {
        return fromTemplate("s3-delete.json", bucket, key, null, sequencer);
    }

    /** The key as S3 puts it in an event: form-encoded UTF-8, slashes kept. */
    static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    /** A sequencer of the fixed width S3 uses for one key, so string order is event order. */
    static String sequencer(long n) {
        return String.format("%018X", 0x0067489A00000000L + n);
    }

    private static S3Event fromTemplate(String file, String bucket, String key, Long size, String sequencer) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(Files.readString(eventFile(file)));
            ObjectNode s3 = (ObjectNode) event.get("Records").get(0).get("s3");
            ObjectNode bucketNode = (ObjectNode) s3.get("bucket");
            bucketNode.put("name", bucket);
            bucketNode.put("arn", "arn:aws:s3:::" + bucket);
            ObjectNode object = (ObjectNode) s3.get("object");
            object.put("key", encodeKey(key));
            object.put("sequencer", sequencer);
            if (size != null) {
                object.put("size", size);
                object.remove("eTag"); // the template's ETag belongs to its own object
            }
            return parse(JSON.writeValueAsString(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static S3Event parse(String json) {
        return LambdaEventSerializers.serializerFor(S3Event.class, TestEvents.class.getClassLoader()).fromJson(json);
    }
}
