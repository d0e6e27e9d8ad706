package io.newsgraph.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import org.junit.jupiter.api.Test;

/** The event files under events/ are real S3 notifications that Lambda's serializer reads. */
class EventFilesTest {

    @Test
    void putEventLoadsWithBucketKeySizeAndSequencer() {
        S3Event event = EventLoader.loadS3Event(TestEvents.eventFile("s3-put.json").toString());
        assertEquals(1, event.getRecords().size());
        var record = event.getRecords().get(0);
        assertEquals("ObjectCreated:Put", record.getEventName());
        assertEquals("aws:s3", record.getEventSource());
        assertEquals("newsgraph-articles", record.getS3().getBucket().getName());
        assertEquals("seed-syria-russia.txt", record.getS3().getObject().getKey());
        assertEquals(2758L, record.getS3().getObject().getSizeAsLong());
        assertNotNull(record.getS3().getObject().getSequencer());
    }

    @Test
    void deleteEventLoadsWithoutSizeAndWithALaterSequencer() {
        S3Event put = EventLoader.loadS3Event(TestEvents.eventFile("s3-put.json").toString());
        S3Event delete = EventLoader.loadS3Event(TestEvents.eventFile("s3-delete.json").toString());
        var record = delete.getRecords().get(0);
        assertEquals("ObjectRemoved:Delete", record.getEventName());
        // a removal carries no ETag or size; the serializer reports them as empty
        String eTag = record.getS3().getObject().geteTag();
        assertEquals(true, eTag == null || eTag.isEmpty(), eTag);
        String putSequencer = put.getRecords().get(0).getS3().getObject().getSequencer();
        String deleteSequencer = record.getS3().getObject().getSequencer();
        assertEquals(putSequencer.length(), deleteSequencer.length());
        assertEquals(1, Integer.signum(deleteSequencer.compareTo(putSequencer)));
    }

    @Test
    void encodedKeyEventDecodesPlusAsSpaceAndPercentAsUtf8() {
        S3Event event = EventLoader.loadS3Event(TestEvents.eventFile("s3-put-encoded-key.json").toString());
        String raw = event.getRecords().get(0).getS3().getObject().getKey();
        assertEquals("Jan 2024/naïve report + 50%.txt", IngestService.decodeKey(raw));
    }

    @Test
    void decodingInvertsTheEncodingS3Uses() {
        for (String key : new String[] {"plain.txt", "with space.txt", "a+b.txt", "100%.txt", "Zürich/café.md",
                "日本語 記事.html", "dir/sub dir/x%2By.json"}) {
            assertEquals(key, IngestService.decodeKey(TestEvents.encodeKey(key)), key);
        }
    }

    @Test
    void builtEventsCarryTheRewrittenFields() {
        S3Event event = TestEvents.put("my-bucket", "a b+c.txt", 42, TestEvents.sequencer(7));
        var object = event.getRecords().get(0).getS3().getObject();
        assertEquals("a+b%2Bc.txt", object.getKey());
        assertEquals(42L, object.getSizeAsLong());
        assertEquals(TestEvents.sequencer(7), object.getSequencer());
        assertEquals("my-bucket", event.getRecords().get(0).getS3().getBucket().getName());
    }
}
