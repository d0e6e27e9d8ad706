package io.newsgraph.storage;

/**
 * One relation as stored (in an article, or as a copy under an actor or a location).
 *
 * @param subject    subject's name as the article gives it
 * @param subjectId  subject entity id, or null when the extraction named no such entity
 * @param predicate  predicate name (io.newsgraph.core.model.Predicate)
 * @param object     object's name
 * @param objectId   object entity id, or null
 * @param location   where it happened, or null
 * @param locationId location entity id, or null
 * @param date       ISO date (yyyy-MM-dd, yyyy-MM or yyyy) the text gives, or null
 * @param sortDate   the date it is ordered by: its date, else the article's publication, else ingest day
 * @param evidence   the sentence stating it (at most 1,000 characters)
 * @param articleId  the article it comes from
 * @param role       under an actor: subject|object; under a location: location|object; in an article: null
 */
public record StoredRelation(String subject, String subjectId, String predicate, String object, String objectId,
                             String location, String locationId, String date, String sortDate, String evidence,
                             String articleId, String role) {
}
