package io.newsgraph.ingest;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import io.newsgraph.core.model.Article;
import io.newsgraph.core.model.Extraction;
import io.newsgraph.core.read.ArticleReader;
import io.newsgraph.core.read.UnreadableArticleException;
import io.newsgraph.storage.ArticleSource;
import io.newsgraph.storage.GraphStore;
import io.newsgraph.storage.Sequencers;
import io.newsgraph.storage.WriteOutcome;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Turns S3 event records into graph writes: created objects are read, extracted and saved; removed objects
 * have their rows removed. A bad object is recorded as rejected and never throws (no retry storm); a
 * transient AWS failure throws, so Lambda's retries and on-failure destination take over.
 */
public final class IngestService {
    /** Reason codes the service itself assigns (the reader's codes come from UnreadableArticleException). */
    public static final String TOO_LARGE = UnreadableArticleException.Reason.TOO_LARGE.name();
    public static final String READ_FAILED = "READ_FAILED";
    public static final String EXTRACTION_FAILED = "EXTRACTION_FAILED";
    public static final String EXTRACTION_TIMEOUT = "EXTRACTION_TIMEOUT";
    /**
     * Time kept back from the invocation's remaining time for writing the rows (up to the storage caps) and
     * recording the outcome, so an extraction that runs long is recorded as a timeout instead of the
     * invocation timing out (which Lambda would retry, with the same result, and then dead-letter).
     */
    public static final long WRITE_RESERVE_MILLIS = 20_000;
    public static final String WRITE_REJECTED = "WRITE_REJECTED";
    public static final String OBJECT_GONE = "OBJECT_GONE";
    public static final String UNHANDLED_EVENT = "UNHANDLED_EVENT";

    private final S3Client s3;
    private final GraphStore store;
    private final Reader reader;
    private final Function<Article, Extraction> extractor;
    private final long maxObjectBytes;
    private final ArticleLog log;

    /**
     * @param reader         bytes to article, usually {@code new ArticleReader()::read}
     * @param extractor      the extraction pipeline, usually {@code Extractor.loadDefault()::extract}
     * @param maxObjectBytes objects larger than this are rejected without reading their body
     * @param logOut         where the one-line-per-article JSON log goes (stdout in Lambda)
     */
    public IngestService(S3Client s3, GraphStore store, Reader reader, Function<Article, Extraction> extractor,
                         long maxObjectBytes, PrintStream logOut) {
        this.s3 = s3;
        this.store = store;
        this.reader = reader;
        this.extractor = extractor;
        this.maxObjectBytes = maxObjectBytes;
        this.log = new ArticleLog(logOut);
    }

    /** Handles the event without a time limit (tests, the local runner). */
    public IngestSummary handle(S3Event event) {
        return handle(event, RemainingTime.UNLIMITED);
    }

    /** Handles the event; {@code remaining} is the invocation's time left (Lambda's context). */
    public IngestSummary handle(S3Event event, RemainingTime remaining) {
        List<ArticleResult> results = new ArrayList<>();
        if (event != null && event.getRecords() != null) {
            for (S3EventNotificationRecord record : event.getRecords()) {
                results.add(handle(record, remaining));
            }
        }
        return IngestSummary.of(results);
    }

    /** Turns an object's bytes into an article ({@link ArticleReader#read}). */
    @FunctionalInterface
    public interface Reader {
        Article read(byte[] bytes, String name, String contentType) throws UnreadableArticleException;
    }

    /** Milliseconds left in this invocation. */
    @FunctionalInterface
    public interface RemainingTime {
        RemainingTime UNLIMITED = () -> Long.MAX_VALUE;

        long millis();
    }

    ArticleResult handle(S3EventNotificationRecord record, RemainingTime remaining) {
        long start = System.nanoTime();
        String eventName = eventName(record);
        if (record.getS3() == null || record.getS3().getBucket() == null || record.getS3().getObject() == null
                || record.getS3().getBucket().getName() == null || record.getS3().getObject().getKey() == null) {
            log.note("WARN", "record skipped: no bucket or key", eventName, null, null);
            return new ArticleResult(null, null, null, ArticleResult.Status.SKIPPED, UNHANDLED_EVENT,
                    0, 0, 0, 0, millisSince(start));
        }
        var object = record.getS3().getObject();
        String bucket = record.getS3().getBucket().getName();
        String key = decodeKey(object.getKey());
        Long size = object.getSizeAsLong();
        ArticleSource source = new ArticleSource(bucket, key, blankToNull(object.getSequencer()),
                size == null ? 0 : size, blankToNull(object.geteTag()));
        try {
            ArticleResult result;
            if (eventName.startsWith("ObjectCreated:")) {
                result = ingest(source, size, start, remaining);
            } else if (eventName.startsWith("ObjectRemoved:")) {
                result = written(source, store.removeArticle(source), ArticleResult.Status.REMOVED, null, 0, 0,
                        start);
            } else {
                result = new ArticleResult(GraphStore.articleId(bucket, key), bucket, key,
                        ArticleResult.Status.SKIPPED, UNHANDLED_EVENT, 0, 0, 0, 0, millisSince(start));
            }
            log.article(result);
            return result;
        } catch (RuntimeException e) {
            // transient (throttling, 5xx, connection): rethrown so Lambda retries the whole event
            log.note("ERROR", "article failed, will be retried: " + e.getClass().getName(), eventName, bucket, key);
            throw e;
        }
    }

    private ArticleResult ingest(ArticleSource source, Long eventSize, long start, RemainingTime remaining) {
        if (eventSize != null && eventSize > maxObjectBytes) {
            return reject(source, TOO_LARGE, tooLarge(eventSize), start);
        }
        byte[] bytes;
        String contentType;
        GetObjectRequest request = GetObjectRequest.builder().bucket(source.bucket()).key(source.key()).build();
        try (ResponseInputStream<GetObjectResponse> body = s3.getObject(request)) {
            GetObjectResponse response = body.response();
            contentType = response.contentType();
            Long length = response.contentLength();
            if (length != null && length > maxObjectBytes) {
                body.abort(); // the object grew since the event: refuse without reading it
                return reject(source, TOO_LARGE, tooLarge(length), start);
            }
            // never trust a declared length alone: read at most one byte past the limit
            bytes = body.readNBytes((int) maxObjectBytes + 1);
            if (bytes.length > maxObjectBytes) {
                body.abort();
                return reject(source, TOO_LARGE, "object is larger than the limit of " + maxObjectBytes + " bytes",
                        start);
            }
        } catch (NoSuchKeyException gone) {
            // deleted since the event; its ObjectRemoved event removes whatever was stored
            return new ArticleResult(GraphStore.articleId(source.bucket(), source.key()), source.bucket(),
                    source.key(), ArticleResult.Status.SKIPPED, OBJECT_GONE, 0, 0, 0, 0, millisSince(start));
        } catch (S3Exception e) {
            if (e.statusCode() == 403 && newerVersionStored(source)) {
                // with only s3:GetObject (no ListBucket) S3 answers 403, not 404, for a deleted key; when a newer
                // event for this key is already applied this older one has nothing left to do
                return new ArticleResult(GraphStore.articleId(source.bucket(), source.key()), source.bucket(),
                        source.key(), ArticleResult.Status.STALE, OBJECT_GONE, 0, 0, 0, 0, millisSince(start));
            }
            throw e; // throttling, 5xx, or access denied without a newer version: Lambda retries
        } catch (IOException e) {
            throw new UncheckedIOException("reading s3://" + source.bucket() + "/" + source.key() + " failed", e);
        }

        Article article;
        try {
            article = reader.read(bytes, source.key(), contentType);
        } catch (UnreadableArticleException e) {
            return reject(source, e.reason().name(), e.getMessage(), start);
        } catch (RuntimeException | StackOverflowError e) {
            return reject(source, READ_FAILED, "the reader failed on this object: " + e.getClass().getName(), start);
        }

        Extraction extraction;
        long left = remaining.millis();
        long budget = left == Long.MAX_VALUE ? Long.MAX_VALUE : left - WRITE_RESERVE_MILLIS;
        if (budget < 1_000) {
            // too little time left in this invocation to do the article justice: Lambda retries the event
            throw new IllegalStateException("only " + left + " ms left in the invocation");
        }
        try {
            extraction = extractWithin(article, budget);
        } catch (TimeoutException e) {
            return reject(source, EXTRACTION_TIMEOUT, "the extractor did not finish within " + budget
                    + " ms; the article is recorded, not retried", start);
        } catch (RuntimeException | StackOverflowError e) {
            // one poison document must not crash-loop the function: record it, keep going
            return reject(source, EXTRACTION_FAILED, "the extractor failed on this article: "
                    + e.getClass().getName(), start);
        }

        WriteOutcome outcome;
        try {
            outcome = store.saveArticle(source, article, extraction);
        } catch (DynamoDbException e) {
            if (!isPermanentRejection(e)) {
                throw e;
            }
            return reject(source, WRITE_REJECTED, "DynamoDB refused the article's rows: "
                    + e.awsErrorDetails().errorCode(), start);
        }
        return written(source, outcome, ArticleResult.Status.INGESTED, null, extraction.entities().size(),
                extraction.relations().size(), start);
    }

    private boolean newerVersionStored(ArticleSource source) {
        if (source.sequencer() == null) {
            return false;
        }
        return store.findArticle(GraphStore.articleId(source.bucket(), source.key()))
                .map(stored -> stored.sequencer() != null && Sequencers.compare(stored.sequencer(), source.sequencer()) > 0)
                .orElse(false);
    }

    /**
     * Runs the extractor, on a separate daemon thread when the time is limited. The extractor cannot be
     * stopped from outside: on a timeout its thread is interrupted and left to finish on its own.
     */
    private Extraction extractWithin(Article article, long budgetMillis) throws TimeoutException {
        if (budgetMillis == Long.MAX_VALUE) {
            return extractor.apply(article);
        }
        FutureTask<Extraction> task = new FutureTask<>(() -> extractor.apply(article));
        Thread worker = new Thread(task, "newsgraph-extract");
        worker.setDaemon(true);
        worker.start();
        try {
            return task.get(budgetMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            task.cancel(true);
            throw new IllegalStateException("interrupted while extracting", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** A 400 ValidationException (e.g. an item over 400 KB) will fail the same way on every retry. */
    private static boolean isPermanentRejection(DynamoDbException e) {
        return e.statusCode() == 400 && e.awsErrorDetails() != null
                && "ValidationException".equals(e.awsErrorDetails().errorCode());
    }

    private ArticleResult reject(ArticleSource source, String reason, String message, long start) {
        return written(source, store.saveRejected(source, reason, message), ArticleResult.Status.REJECTED, reason,
                0, 0, start);
    }

    private static ArticleResult written(ArticleSource source, WriteOutcome outcome, ArticleResult.Status status,
                                         String reason, int entities, int relations, long start) {
        if (!outcome.applied()) {
            return new ArticleResult(outcome.articleId(), source.bucket(), source.key(), ArticleResult.Status.STALE,
                    reason, 0, 0, outcome.rowsWritten(), outcome.rowsDeleted(), millisSince(start));
        }
        return new ArticleResult(outcome.articleId(), source.bucket(), source.key(), status, reason, entities,
                relations, outcome.rowsWritten(), outcome.rowsDeleted(), millisSince(start));
    }

    private String tooLarge(long size) {
        return "object is " + size + " bytes; the limit is " + maxObjectBytes + " bytes";
    }

    /** "ObjectCreated:Put" as S3 sends it; an "s3:" prefix (as in notification configs) is tolerated. */
    private static String eventName(S3EventNotificationRecord record) {
        String name = record.getEventName() == null ? "" : record.getEventName();
        return name.toLowerCase(Locale.ROOT).startsWith("s3:") ? name.substring(3) : name;
    }

    /**
     * S3 event keys are form-encoded: "+" is a space and %xx are UTF-8 bytes. A key that does not decode
     * (never sent by S3) is used as it is.
     */
    public static String decodeKey(String encodedKey) {
        try {
            return URLDecoder.decode(encodedKey, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            return encodedKey;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
