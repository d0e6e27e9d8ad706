package io.newsgraph.storage;

import java.time.LocalDate;

/**
 * An article's META row: what is stored for one article id.
 *
 * @param articleId        the id ({@link GraphStore#articleId(String, String)})
 * @param bucket           S3 bucket
 * @param key              decoded object key
 * @param sequencer        the S3 sequencer of the version applied last (as received), or null
 * @param status           lifecycle status
 * @param reasonCode       rejection reason code (REJECTED only), else null
 * @param message          rejection message (REJECTED only), else null
 * @param title            headline, or null
 * @param url              canonical URL, or null
 * @param published        publication date, or null
 * @param ingestedOn       the day the article was first ingested (fallback relation date), or null
 * @param entityCount      entities stored
 * @param relationCount    relations stored
 * @param droppedEntities  entities not stored because of the per-article cap
 * @param droppedRelations relations not stored because of the per-article cap
 * @param pending          true while a write of the version {@code sequencer} is in progress (or crashed)
 */
public record ArticleRecord(String articleId, String bucket, String key, String sequencer, ArticleStatus status,
                            String reasonCode, String message, String title, String url, LocalDate published,
                            LocalDate ingestedOn, int entityCount, int relationCount, int droppedEntities,
                            int droppedRelations, boolean pending) {
}
