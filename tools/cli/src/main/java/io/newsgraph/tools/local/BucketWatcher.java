package io.newsgraph.tools.local;

import io.newsgraph.tools.local.S3EventFactory.ObjectChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Turns a bucket's listings into object changes: compares each ListObjectsV2 listing with the previous
 * one by ETag, size and last-modified time. The first poll reports every object as created.
 * Not thread-safe: one thread polls.
 */
public final class BucketWatcher {
    private final S3Client s3;
    private final String bucket;
    private Map<String, Version> previous = new HashMap<>();

    public BucketWatcher(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** What is stored under a key, as far as a listing tells. */
    record Version(String eTag, long size, Instant lastModified) {
    }

    /** Lists the bucket and returns what changed since the last poll: creations and changes first, then removals. */
    public List<ObjectChange> poll() {
        Map<String, Version> current = list();
        List<ObjectChange> changes = new ArrayList<>();
        current.forEach((key, version) -> {
            if (!version.equals(previous.get(key))) {
                changes.add(ObjectChange.created(bucket, key, version.size(), version.eTag()));
            }
        });
        for (String key : previous.keySet()) {
            if (!current.containsKey(key)) {
                changes.add(ObjectChange.removed(bucket, key));
            }
        }
        previous = current;
        return changes;
    }

    /** Makes the next poll report this change again (its ingest failed and should be retried). */
    public void retry(ObjectChange change) {
        if (change.kind() == ObjectChange.Kind.CREATED) {
            previous.remove(change.key());
        } else {
            previous.put(change.key(), new Version(null, -1, Instant.EPOCH));
        }
    }

    private Map<String, Version> list() {
        Map<String, Version> objects = new TreeMap<>();
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()) {
            if (object.key().endsWith("/") && Objects.requireNonNullElse(object.size(), 0L) == 0L) {
                continue; // a folder marker, not an article
            }
            objects.put(object.key(), new Version(object.eTag(), Objects.requireNonNullElse(object.size(), 0L),
                    object.lastModified()));
        }
        return objects;
    }
}
