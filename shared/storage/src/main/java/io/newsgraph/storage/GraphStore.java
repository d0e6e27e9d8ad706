package io.newsgraph.storage;

import io.newsgraph.core.model.Article;
import io.newsgraph.core.model.Extraction;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Scaffold of the storage contract; the storage issue fills it in. */
public final class GraphStore {
    public GraphStore(DynamoDbClient dynamo, String tableName) {
    }

    /** Deterministic article id for (bucket, key). */
    public static String articleId(String bucket, String key) {
        throw new UnsupportedOperationException("scaffold");
    }

    public WriteOutcome saveArticle(ArticleSource source, Article article, Extraction extraction) {
        throw new UnsupportedOperationException("scaffold");
    }

    public WriteOutcome saveRejected(ArticleSource source, String reasonCode, String message) {
        throw new UnsupportedOperationException("scaffold");
    }

    public WriteOutcome removeArticle(ArticleSource source) {
        throw new UnsupportedOperationException("scaffold");
    }
}
