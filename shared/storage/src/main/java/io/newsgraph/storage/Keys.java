package io.newsgraph.storage;

import io.newsgraph.core.model.EntityType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Builds every key of the single table (see docs/data-model.md). Nothing else concatenates key strings.
 *
 * <pre>
 * ART#{articleId}   META                                  article status, sequencer, counts, title
 * ART#{articleId}   E#{entityId}                          one entity as this article names it
 * ART#{articleId}   R#{00042}                             one relation of the article
 * A#{entityId}      M#{articleId}                         the entity is mentioned by this article (names)
 * A#{entityId}      R#{sortDate}#{articleId}#{00042}#S|O  relation copy, entity as subject (S) or object (O)
 * L#{entityId}      R#{sortDate}#{articleId}#{00042}      relation at (location) or into (place object) it
 * NAME#{norm}       C|A#{entityId}#{articleId}            name index: canonical (C) or alias (A) use of a name
 *   GSI ByNamePrefix: GSI1PK = NP#{first char of norm}, GSI1SK = {norm} #{entityId}#{articleId}#C|A
 * </pre>
 */
public final class Keys {
    public static final String PK = "PK";
    public static final String SK = "SK";
    public static final String GSI1PK = "GSI1PK";
    public static final String GSI1SK = "GSI1SK";
    public static final String NAME_PREFIX_INDEX = "ByNamePrefix";

    public static final String META = "META";
    static final String ARTICLE = "ART#";
    static final String ENTITY_ROW = "E#";
    static final String RELATION_ROW = "R#";
    static final String ACTOR = "A#";
    static final String LOCATION = "L#";
    static final String MENTION = "M#";
    static final String NAME = "NAME#";
    static final String NAME_PREFIX = "NP#";
    static final String CANONICAL = "C#";
    static final String ALIAS = "A#";

    private static final Pattern ARTICLE_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern ENTITY_ID = Pattern.compile("(per|org|cty|loc)-[0-9a-f]{20}");
    private static final Map<EntityType, String> TYPE_PREFIX = Map.of(
            EntityType.PERSON, "per", EntityType.ORGANIZATION, "org",
            EntityType.COUNTRY, "cty", EntityType.LOCATION, "loc");

    private Keys() {
    }

    /** 128 bits of SHA-256 over "bucket/key", lower-case hex: deterministic and URL-safe. */
    public static String articleId(String bucket, String key) {
        return sha256Hex(bucket + "/" + key).substring(0, 32);
    }

    /** Entity id from type and normalised canonical name, e.g. {@code per-3f2a...}. */
    public static String entityId(EntityType type, String normalisedName) {
        return TYPE_PREFIX.get(type) + "-" + sha256Hex(type.name() + "|" + normalisedName).substring(0, 20);
    }

    /** The prefix every entity id of {@code type} starts with, e.g. {@code per-}. */
    static String entityIdPrefix(EntityType type) {
        return TYPE_PREFIX.get(type) + "-";
    }

    public static boolean isArticleId(String text) {
        return text != null && ARTICLE_ID.matcher(text).matches();
    }

    public static boolean isEntityId(String text) {
        return text != null && ENTITY_ID.matcher(text).matches();
    }

    /** The entity type an entity id encodes. */
    public static EntityType typeOfEntityId(String entityId) {
        String prefix = entityId.substring(0, 3).toLowerCase(Locale.ROOT);
        return TYPE_PREFIX.entrySet().stream().filter(e -> e.getValue().equals(prefix))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    public static String articlePk(String articleId) {
        return ARTICLE + articleId;
    }

    public static String entityRowSk(String entityId) {
        return ENTITY_ROW + entityId;
    }

    public static String relationRowSk(int index) {
        return RELATION_ROW + String.format(Locale.ROOT, "%05d", index);
    }

    public static String actorPk(String entityId) {
        return ACTOR + entityId;
    }

    public static String locationPk(String entityId) {
        return LOCATION + entityId;
    }

    public static String mentionSk(String articleId) {
        return MENTION + articleId;
    }

    /** Sort key of a relation copy under an actor: newest first by date, then article, index and role. */
    public static String actorRelationSk(String sortDate, String articleId, int index, boolean asSubject) {
        return locationRelationSk(sortDate, articleId, index) + (asSubject ? "#S" : "#O");
    }

    public static String locationRelationSk(String sortDate, String articleId, int index) {
        return RELATION_ROW + sortDate + "#" + articleId + "#" + String.format(Locale.ROOT, "%05d", index);
    }

    /** Lowest sort key of relation copies dated on or after {@code day} (yyyy-MM-dd). */
    public static String relationsFrom(String day) {
        return RELATION_ROW + day;
    }

    /** Highest sort key of relation copies dated on or before {@code day} (yyyy-MM-dd). */
    public static String relationsUntil(String day) {
        return RELATION_ROW + day + "#\uffff";
    }

    public static String namePk(String normalisedName) {
        return NAME + normalisedName;
    }

    public static String nameSk(boolean canonical, String entityId, String articleId) {
        return (canonical ? CANONICAL : ALIAS) + entityId + "#" + articleId;
    }

    /** Sort keys greater than this one skip every remaining row of {@code entityId} under one name kind. */
    static String afterEntityInName(boolean canonical, String entityId) {
        return (canonical ? CANONICAL : ALIAS) + entityId + "$";
    }

    public static String namePrefixPk(String normalisedName) {
        return NAME_PREFIX + normalisedName.substring(0, Character.charCount(normalisedName.codePointAt(0)));
    }

    public static String namePrefixSk(String normalisedName, String entityId, String articleId, boolean canonical) {
        // " #" sorts below any letter, digit or space, so index order is name order ("ab" before "ab c")
        return normalisedName + " #" + entityId + "#" + articleId + (canonical ? "#C" : "#A");
    }

    /** GSI sort keys greater than this skip every remaining row of (name, entity). */
    static String afterNameAndEntity(String normalisedName, String entityId) {
        return normalisedName + " #" + entityId + "$";
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk));
    }

    static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
