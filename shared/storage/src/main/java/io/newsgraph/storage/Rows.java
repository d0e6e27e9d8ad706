package io.newsgraph.storage;

import io.newsgraph.core.model.EntityType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Attribute names, and the rows derived from an article's own rows. The article partition (ART#id) is
 * the index of everything an article wrote elsewhere: each E# row yields its mention and name rows and
 * each R# row its relation copies, by {@link #derivedRows}. Writing and deleting both use it, so the
 * stale rows of a previous version are always computable from what is stored.
 */
final class Rows {
    static final String ARTICLE_ID = "articleId";
    static final String ENTITY_ID = "entityId";
    static final String TYPE = "type";
    static final String NAME = "name";
    static final String NORM = "norm";
    static final String ALIASES = "aliases";
    static final String ALIAS_NORMS = "aliasNorms";
    static final String CANONICAL = "canonical";
    static final String INDEX = "index";
    static final String SUBJECT = "subject";
    static final String SUBJECT_ID = "subjectId";
    static final String PREDICATE = "predicate";
    static final String OBJECT = "object";
    static final String OBJECT_ID = "objectId";
    static final String OBJECT_IS_PLACE = "objectIsPlace";
    static final String LOCATION = "location";
    static final String LOCATION_ID = "locationId";
    static final String DATE = "date";
    static final String SORT_DATE = "sortDate";
    static final String EVIDENCE = "evidence";
    static final String ROLE = "role";
    // META
    static final String KIND = "kind";
    static final String STATUS = "status";
    static final String SEQUENCER = "sequencer";
    static final String SEQ_KEY = "seqKey";
    static final String BUCKET = "bucket";
    static final String OBJECT_KEY = "objectKey";
    static final String REASON_CODE = "reasonCode";
    static final String MESSAGE = "message";
    static final String TITLE = "title";
    static final String URL = "url";
    static final String PUBLISHED = "published";
    static final String INGESTED_ON = "ingestedOn";
    static final String ENTITY_COUNT = "entityCount";
    static final String RELATION_COUNT = "relationCount";
    static final String DROPPED_ENTITIES = "droppedEntities";
    static final String DROPPED_RELATIONS = "droppedRelations";
    static final String PENDING = "pending";

    static final String ROLE_SUBJECT = "subject";
    static final String ROLE_OBJECT = "object";
    static final String ROLE_LOCATION = "location";

    private static final List<String> RELATION_ATTRIBUTES = List.of(ARTICLE_ID, INDEX, SUBJECT, SUBJECT_ID,
            PREDICATE, OBJECT, OBJECT_ID, OBJECT_IS_PLACE, LOCATION, LOCATION_ID, DATE, SORT_DATE, EVIDENCE);

    private Rows() {
    }

    static boolean isEntityRow(Map<String, AttributeValue> row) {
        return s(row, Keys.SK).startsWith(Keys.ENTITY_ROW);
    }

    static boolean isRelationRow(Map<String, AttributeValue> row) {
        return s(row, Keys.SK).startsWith(Keys.RELATION_ROW);
    }

    /** Every row kept outside the article partition on behalf of one article-partition row. */
    static List<Map<String, AttributeValue>> derivedRows(Map<String, AttributeValue> articleRow) {
        if (isEntityRow(articleRow)) {
            return entityDerived(articleRow);
        }
        if (isRelationRow(articleRow)) {
            return relationDerived(articleRow);
        }
        return List.of();
    }

    private static List<Map<String, AttributeValue>> entityDerived(Map<String, AttributeValue> row) {
        String articleId = s(row, ARTICLE_ID);
        String entityId = s(row, ENTITY_ID);
        String type = s(row, TYPE);
        String name = s(row, NAME);
        List<Map<String, AttributeValue>> out = new ArrayList<>();

        Map<String, AttributeValue> mention = new LinkedHashMap<>();
        mention.put(Keys.PK, str(Keys.actorPk(entityId)));
        mention.put(Keys.SK, str(Keys.mentionSk(articleId)));
        mention.put(ENTITY_ID, str(entityId));
        mention.put(TYPE, str(type));
        mention.put(NAME, str(name));
        mention.put(NORM, str(s(row, NORM)));
        if (row.containsKey(ALIASES)) {
            mention.put(ALIASES, row.get(ALIASES));
        }
        mention.put(ARTICLE_ID, str(articleId));
        out.add(mention);

        out.add(nameRow(s(row, NORM), name, true, entityId, type, name, articleId));
        List<String> aliases = list(row, ALIASES);
        List<String> aliasNorms = list(row, ALIAS_NORMS);
        for (int i = 0; i < aliasNorms.size(); i++) {
            out.add(nameRow(aliasNorms.get(i), i < aliases.size() ? aliases.get(i) : aliasNorms.get(i), false,
                    entityId, type, name, articleId));
        }
        return out;
    }

    private static Map<String, AttributeValue> nameRow(String norm, String form, boolean canonical, String entityId,
                                                       String type, String canonicalName, String articleId) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(Keys.PK, str(Keys.namePk(norm)));
        item.put(Keys.SK, str(Keys.nameSk(canonical, entityId, articleId)));
        item.put(Keys.GSI1PK, str(Keys.namePrefixPk(norm)));
        item.put(Keys.GSI1SK, str(Keys.namePrefixSk(norm, entityId, articleId, canonical)));
        item.put(ENTITY_ID, str(entityId));
        item.put(TYPE, str(type));
        item.put(NAME, str(form));
        item.put(CANONICAL, str(canonicalName));
        item.put(ARTICLE_ID, str(articleId));
        return item;
    }

    private static List<Map<String, AttributeValue>> relationDerived(Map<String, AttributeValue> row) {
        String articleId = s(row, ARTICLE_ID);
        int index = Integer.parseInt(row.get(INDEX).n());
        String sortDate = s(row, SORT_DATE);
        String subjectId = s(row, SUBJECT_ID);
        String objectId = s(row, OBJECT_ID);
        String locationId = s(row, LOCATION_ID);
        boolean objectIsPlace = row.containsKey(OBJECT_IS_PLACE) && Boolean.TRUE.equals(row.get(OBJECT_IS_PLACE).bool());
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        if (!subjectId.isEmpty()) {
            out.add(copy(row, Keys.actorPk(subjectId), Keys.actorRelationSk(sortDate, articleId, index, true),
                    ROLE_SUBJECT));
        }
        if (!objectId.isEmpty()) {
            out.add(copy(row, Keys.actorPk(objectId), Keys.actorRelationSk(sortDate, articleId, index, false),
                    ROLE_OBJECT));
        }
        if (!locationId.isEmpty()) {
            out.add(copy(row, Keys.locationPk(locationId), Keys.locationRelationSk(sortDate, articleId, index),
                    ROLE_LOCATION));
        }
        if (objectIsPlace && !objectId.isEmpty() && !objectId.equals(locationId)) {
            out.add(copy(row, Keys.locationPk(objectId), Keys.locationRelationSk(sortDate, articleId, index),
                    ROLE_OBJECT));
        }
        return out;
    }

    private static Map<String, AttributeValue> copy(Map<String, AttributeValue> row, String pk, String sk, String role) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(Keys.PK, str(pk));
        item.put(Keys.SK, str(sk));
        for (String attribute : RELATION_ATTRIBUTES) {
            if (row.containsKey(attribute)) {
                item.put(attribute, row.get(attribute));
            }
        }
        item.put(ROLE, str(role));
        return item;
    }

    static EntityType type(Map<String, AttributeValue> row) {
        return EntityType.valueOf(s(row, TYPE));
    }

    static String keyString(Map<String, AttributeValue> item) {
        return s(item, Keys.PK) + "\u0000" + s(item, Keys.SK);
    }

    static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item) {
        return Keys.key(s(item, Keys.PK), s(item, Keys.SK));
    }

    /** String attribute or "" when absent. */
    static String s(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? "" : value.s();
    }

    /** String attribute or null when absent. */
    static String sOrNull(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    static int n(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? 0 : Integer.parseInt(value.n());
    }

    static List<String> list(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || !value.hasL()) {
            return List.of();
        }
        return value.l().stream().map(AttributeValue::s).toList();
    }

    static AttributeValue str(String value) {
        return AttributeValue.fromS(value);
    }
}
