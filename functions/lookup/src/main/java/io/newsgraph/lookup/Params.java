package io.newsgraph.lookup;

import io.newsgraph.core.model.EntityType;
import io.newsgraph.core.model.Predicate;
import io.newsgraph.storage.GraphQueries;
import io.newsgraph.storage.RelationFilter;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Validation of query parameters and path names: every value is bounded and checked. */
final class Params {
    static final int MAX_NAME_CHARS = 200;
    static final int MAX_PREFIX_CHARS = 100;
    static final int MAX_VALUE_CHARS = 2048;
    static final int DEFAULT_LIMIT = 20;

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,3}");
    private static final DateTimeFormatter ISO_DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private final Map<String, String> query;

    Params(Map<String, String> query) {
        this.query = query;
        for (Map.Entry<String, String> entry : query.entrySet()) {
            boolean cursor = "next".equals(entry.getKey());
            if (entry.getKey() != null && entry.getKey().length() > MAX_VALUE_CHARS
                    || !cursor && entry.getValue() != null && entry.getValue().length() > MAX_VALUE_CHARS) {
                throw bad("query parameters are limited to " + MAX_VALUE_CHARS + " characters");
            }
        }
    }

    /** A path name: 1-200 characters, no control characters. */
    static String name(String value, String what) {
        if (value == null || value.isBlank()) {
            throw bad(what + " must not be empty");
        }
        if (value.codePointCount(0, value.length()) > MAX_NAME_CHARS) {
            throw bad(what + " is limited to " + MAX_NAME_CHARS + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw bad(what + " must not contain control characters");
        }
        return value;
    }

    private String raw(String name) {
        String value = query.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    int limit() {
        String value = raw("limit");
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        if (!DIGITS.matcher(value).matches()) {
            throw bad("limit must be a whole number from 1 to " + GraphQueries.MAX_LIMIT);
        }
        int limit = Integer.parseInt(value);
        if (limit < 1 || limit > GraphQueries.MAX_LIMIT) {
            throw bad("limit must be a whole number from 1 to " + GraphQueries.MAX_LIMIT);
        }
        return limit;
    }

    String next() {
        String value = raw("next");
        if (value != null && value.length() > Cursors.MAX_CURSOR_CHARS) {
            throw ApiException.badRequest(ApiException.INVALID_CURSOR, "the cursor is malformed or was altered");
        }
        return value;
    }

    Predicate predicate() {
        String value = raw("predicate");
        if (value == null) {
            return null;
        }
        try {
            return Predicate.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw bad("predicate must be one of " + java.util.Arrays.toString(Predicate.values()));
        }
    }

    RelationFilter.Role role() {
        String value = raw("role");
        if (value == null) {
            return RelationFilter.Role.ANY;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "subject" -> RelationFilter.Role.SUBJECT;
            case "object" -> RelationFilter.Role.OBJECT;
            case "any" -> RelationFilter.Role.ANY;
            default -> throw bad("role must be subject, object or any");
        };
    }

    LocalDate date(String name) {
        String value = raw(name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value, ISO_DAY);
        } catch (DateTimeParseException e) {
            throw bad(name + " must be a date yyyy-MM-dd");
        }
    }

    RelationFilter filter(boolean withRole) {
        LocalDate since = date("since");
        LocalDate until = date("until");
        if (since != null && until != null && since.isAfter(until)) {
            throw bad("since must not be after until");
        }
        return new RelationFilter(predicate(), withRole ? role() : RelationFilter.Role.ANY, since, until);
    }

    EntityType type() {
        String value = raw("type");
        if (value == null) {
            return null;
        }
        try {
            return EntityType.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw bad("type must be one of " + java.util.Arrays.toString(EntityType.values()));
        }
    }

    String prefix() {
        String value = raw("prefix");
        if (value == null || value.isBlank()) {
            throw bad("prefix is required");
        }
        if (value.codePointCount(0, value.length()) > MAX_PREFIX_CHARS) {
            throw bad("prefix is limited to " + MAX_PREFIX_CHARS + " characters");
        }
        return value;
    }

    private static ApiException bad(String message) {
        return ApiException.badRequest(ApiException.INVALID_PARAMETER, message);
    }
}
