package io.newsgraph.storage;

import java.util.Objects;

/**
 * Where one version of an article came from: its S3 object and the event's sequencer.
 *
 * @param bucket    S3 bucket
 * @param key       decoded object key
 * @param sequencer the S3 event's sequencer (hex, orders events for one key), or null when unknown
 * @param size      object size in bytes as the event reported it (0 for removals)
 * @param eTag      object ETag, or null
 */
public record ArticleSource(String bucket, String key, String sequencer, long size, String eTag) {
    public ArticleSource {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
    }
}
