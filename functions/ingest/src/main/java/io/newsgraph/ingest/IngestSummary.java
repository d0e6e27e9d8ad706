package io.newsgraph.ingest;

import java.util.List;

/**
 * What one invocation did, returned to Lambda (and to the local runner).
 *
 * @param articles one result per S3 record, in event order
 */
public record IngestSummary(int ingested, int rejected, int removed, int stale, int skipped,
                            List<ArticleResult> articles) {
    public IngestSummary {
        articles = List.copyOf(articles);
    }

    static IngestSummary of(List<ArticleResult> results) {
        int ingested = 0, rejected = 0, removed = 0, stale = 0, skipped = 0;
        for (ArticleResult r : results) {
            switch (r.status()) {
                case INGESTED -> ingested++;
                case REJECTED -> rejected++;
                case REMOVED -> removed++;
                case STALE -> stale++;
                case SKIPPED -> skipped++;
            }
        }
        return new IngestSummary(ingested, rejected, removed, stale, skipped, results);
    }
}
