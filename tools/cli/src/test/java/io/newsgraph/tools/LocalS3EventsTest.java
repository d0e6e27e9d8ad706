package io.newsgraph.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import io.newsgraph.tools.local.S3EventFactory;
import io.newsgraph.tools.local.S3EventFactory.ObjectChange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The S3 notifications the local runner builds read back, through Lambda's serializer, as S3 sends them. */
class LocalS3EventsTest {
    private final S3EventFactory factory = new S3EventFactory("us-east-1");

    @Test
    void createdObjectBecomesAnObjectCreatedPutRecord() {
        S3Event event = factory.event(ObjectChange.created("articles", "world/summit.txt", 1234, "\"0123abcd\""));
        assertEquals(1, event.getRecords().size());
        S3EventNotificationRecord record = event.getRecords().get(0);
        assertEquals("ObjectCreated:Put", record.getEventName());
        assertEquals("aws:s3", record.getEventSource());
        assertEquals("us-east-1", record.getAwsRegion());
        assertEquals("articles", record.getS3().getBucket().getName());
        assertEquals("world/summit.txt", record.getS3().getObject().getKey());
        assertEquals(1234L, record.getS3().getObject().getSizeAsLong());
        assertEquals("0123abcd", record.getS3().getObject().geteTag(), "notifications carry the ETag unquoted");
        assertTrue(record.getS3().getObject().getSequencer().matches("[0-9A-F]{18}"));
    }

    @Test
    void removedObjectBecomesAnObjectRemovedDeleteRecordWithoutSize() {
        S3Event event = factory.event(ObjectChange.removed("articles", "old.md"));
        S3EventNotificationRecord record = event.getRecords().get(0);
        assertEquals("ObjectRemoved:Delete", record.getEventName());
        assertEquals("old.md", record.getS3().getObject().getKey());
        String eTag = record.getS3().getObject().geteTag();
        assertTrue(eTag == null || eTag.isEmpty(), "S3 sends no ETag for removals");
    }

    @Test
    void keysAreEncodedAsS3EncodesThemAndDecodeBack() {
        List<String> keys = List.of("Jan 2024/naïve café.txt", "a+b=c&d.md", "100% sure?.html", "日本/記事.txt",
                "plain/key-with_dots.v2.json");
        for (String key : keys) {
            S3Event event = factory.event(ObjectChange.created("b", key, 1, "e"));
            String encoded = event.getRecords().get(0).getS3().getObject().getKey();
            assertEquals(S3EventFactory.encodeKey(key), encoded);
            assertTrue(!encoded.contains(" ") && !encoded.contains("%2F"), encoded);
            assertEquals(key, URLDecoder.decode(encoded, StandardCharsets.UTF_8));
        }
        assertEquals("Jan+2024/na%C3%AFve", S3EventFactory.encodeKey("Jan 2024/naïve"));
        assertEquals("a%2Bb", S3EventFactory.encodeKey("a+b"));
    }

    @Test
    void sequencersIncreaseAsNumbersAndAsStrings() {
        List<String> sequencers = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            sequencers.add(factory.nextSequencer());
        }
        for (int i = 1; i < sequencers.size(); i++) {
            assertTrue(sequencers.get(i).compareTo(sequencers.get(i - 1)) > 0);
            assertTrue(Long.parseLong(sequencers.get(i), 16) > Long.parseLong(sequencers.get(i - 1), 16));
        }
        // a new factory (a restarted runner) still hands out larger ones: they start from the clock
        assertTrue(new S3EventFactory("us-east-1").nextSequencer().compareTo(sequencers.get(0)) > 0);
    }

    @Test
    void oneNotificationCanCarrySeveralRecordsInOrder() {
        S3Event event = factory.event(List.of(ObjectChange.created("b", "one.txt", 3, "x"),
                ObjectChange.removed("b", "two.txt")));
        assertEquals(List.of("ObjectCreated:Put", "ObjectRemoved:Delete"),
                event.getRecords().stream().map(S3EventNotificationRecord::getEventName).toList());
        String first = event.getRecords().get(0).getS3().getObject().getSequencer();
        String second = event.getRecords().get(1).getS3().getObject().getSequencer();
        assertTrue(second.compareTo(first) > 0);
    }

    @Test
    void readsTheRepositorysRecordedS3EventsLikeItsOwn() throws Exception {
        var events = TemplateYaml.repositoryRoot().resolve("events");
        String put = Files.readString(events.resolve("s3-put.json"));
        S3Event event = S3EventFactory.parse(put);
        assertEquals(1, event.getRecords().size());
        assertTrue(event.getRecords().get(0).getEventName().startsWith("ObjectCreated:"));
        // our own JSON has the same shape: same top-level and s3.object fields
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var recorded = json.readTree(put).get("Records").get(0);
        var ours = json.readTree(factory.notificationJson(List.of(ObjectChange.created("b", "k", 1, "e"))))
                .get("Records").get(0);
        List<String> recordedFields = new ArrayList<>();
        recorded.fieldNames().forEachRemaining(recordedFields::add);
        for (String field : recordedFields) {
            assertTrue(ours.has(field), "our record lacks " + field);
        }
        recorded.get("s3").get("object").fieldNames().forEachRemaining(field ->
                assertTrue(ours.get("s3").get("object").has(field), "our s3.object lacks " + field));
    }

    @Test
    void readsEveryRecordedS3EventLikeTheLambdaTestsEventLoader() throws Exception {
        List<java.nio.file.Path> files;
        try (var list = Files.list(TemplateYaml.repositoryRoot().resolve("events"))) {
            files = list.filter(p -> p.getFileName().toString().matches("s3-.*\\.json")).sorted().toList();
        }
        assertTrue(files.size() >= 2, "events/s3-put.json and s3-delete.json at least");
        for (var file : files) {
            S3Event ours = S3EventFactory.parse(Files.readString(file));
            S3Event loaded = com.amazonaws.services.lambda.runtime.tests.EventLoader.loadS3Event(file.toString());
            assertEquals(loaded.getRecords().size(), ours.getRecords().size(), file.toString());
            for (int i = 0; i < ours.getRecords().size(); i++) {
                S3EventNotificationRecord a = ours.getRecords().get(i);
                S3EventNotificationRecord b = loaded.getRecords().get(i);
                assertEquals(b.getEventName(), a.getEventName());
                assertEquals(b.getS3().getBucket().getName(), a.getS3().getBucket().getName());
                assertEquals(b.getS3().getObject().getKey(), a.getS3().getObject().getKey());
                assertEquals(b.getS3().getObject().getSequencer(), a.getS3().getObject().getSequencer());
            }
        }
    }
}
