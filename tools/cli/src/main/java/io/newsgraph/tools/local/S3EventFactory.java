package io.newsgraph.tools.local;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds S3 event notifications as S3 sends them (JSON, keys URL-encoded, a sequencer per event) and
 * reads them back with the Lambda runtime's own serializer, so a handler sees exactly what Lambda would
 * hand it. No emulator sends notifications, so the local runner and the tests use this instead.
 */
public final class S3EventFactory {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PojoSerializer<S3Event> SERIALIZER =
            LambdaEventSerializers.serializerFor(S3Event.class, S3Event.class.getClassLoader());

    private final String region;
    /** Last sequencer handed out: microseconds since the epoch, bumped so it always increases. */
    private final AtomicLong lastSequencer = new AtomicLong();

    public S3EventFactory(String region) {
        this.region = region;
    }

    /** One change to one object. {@code eTag} may be null for removals. */
    public record ObjectChange(Kind kind, String bucket, String key, long size, String eTag) {
        public enum Kind { CREATED, REMOVED }

        public static ObjectChange created(String bucket, String key, long size, String eTag) {
            return new ObjectChange(Kind.CREATED, bucket, key, size, eTag);
        }

        public static ObjectChange removed(String bucket, String key) {
            return new ObjectChange(Kind.REMOVED, bucket, key, 0, null);
        }
    }

    /** The notification JSON for these changes, one record each, with increasing sequencers. */
    public String notificationJson(List<ObjectChange> changes) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode records = root.putArray("Records");
        for (ObjectChange change : changes) {
            records.add(record(change));
        }
        return root.toString();
    }

    /** The event Lambda would deliver for these changes. */
    public S3Event event(List<ObjectChange> changes) {
        return parse(notificationJson(changes));
    }

    public S3Event event(ObjectChange change) {
        return event(List.of(change));
    }

    /** Reads S3 notification JSON the way the Lambda Java runtime does. */
    public static S3Event parse(String json) {
        return SERIALIZER.fromJson(json);
    }

    /** An object key as S3 writes it into a notification (form-encoded, slashes kept). */
    public static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    /**
     * A sequencer larger than every one handed out before, also across restarts (it starts from the
     * clock), as fixed-width upper-case hex so that string order is numeric order.
     */
    public String nextSequencer() {
        long now = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        long next = lastSequencer.updateAndGet(last -> Math.max(last + 1, now));
        return String.format(Locale.ROOT, "%018X", next);
    }

    private ObjectNode record(ObjectChange change) {
        boolean created = change.kind() == ObjectChange.Kind.CREATED;
        ObjectNode record = JSON.createObjectNode();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", region);
        record.put("eventTime", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        record.put("eventName", created ? "ObjectCreated:Put" : "ObjectRemoved:Delete");
        record.putObject("userIdentity").put("principalId", "newsgraph-local");
        record.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
        ObjectNode response = record.putObject("responseElements");
        response.put("x-amz-request-id", Long.toHexString(System.nanoTime()).toUpperCase(Locale.ROOT));
        response.put("x-amz-id-2", "newsgraph-local");
        ObjectNode s3 = record.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", created ? "ArticleCreated" : "ArticleRemoved");
        ObjectNode bucket = s3.putObject("bucket");
        bucket.put("name", change.bucket());
        bucket.putObject("ownerIdentity").put("principalId", "newsgraph-local");
        bucket.put("arn", "arn:aws:s3:::" + change.bucket());
        ObjectNode object = s3.putObject("object");
        object.put("key", encodeKey(change.key()));
        if (created) {
            object.put("size", change.size());
            if (change.eTag() != null) {
                object.put("eTag", stripQuotes(change.eTag()));
            }
        }
        object.put("sequencer", nextSequencer());
        return record;
    }

    /** S3 quotes ETags in HTTP headers and listings but not in notifications. */
    private static String stripQuotes(String eTag) {
        return eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")
                ? eTag.substring(1, eTag.length() - 1) : eTag;
    }
}
