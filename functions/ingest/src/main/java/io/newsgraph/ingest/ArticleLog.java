package io.newsgraph.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Instant;

/**
 * One JSON line per article on stdout, matching Lambda's JSON log format (level, message, fields).
 * Only ids, codes and counts are logged: never the article's text.
 */
final class ArticleLog {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;

    ArticleLog(PrintStream out) {
        this.out = out;
    }

    void article(ArticleResult result) {
        ObjectNode line = JSON.createObjectNode();
        line.put("timestamp", Instant.now().toString());
        line.put("level", result.status() == ArticleResult.Status.REJECTED ? "WARN" : "INFO");
        line.put("message", result.message());
        line.put("articleId", result.articleId());
        line.put("bucket", result.bucket());
        line.put("key", result.key());
        line.put("status", result.status().name());
        line.put("reason", result.reason());
        line.put("entities", result.entities());
        line.put("relations", result.relations());
        line.put("rowsWritten", result.rowsWritten());
        line.put("rowsDeleted", result.rowsDeleted());
        line.put("millis", result.millis());
        write(line);
    }

    /** A record that is not about an article (unknown event type, malformed record). */
    void note(String level, String message, String eventName, String bucket, String key) {
        ObjectNode line = JSON.createObjectNode();
        line.put("timestamp", Instant.now().toString());
        line.put("level", level);
        line.put("message", message);
        line.put("eventName", eventName);
        line.put("bucket", bucket);
        line.put("key", key);
        write(line);
    }

    private void write(ObjectNode line) {
        try {
            out.println(JSON.writeValueAsString(line));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a log line", e);
        }
    }
}
