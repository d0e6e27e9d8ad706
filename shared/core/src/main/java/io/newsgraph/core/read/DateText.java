package io.newsgraph.core.read;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Publication dates from metadata values ("2017-07-21", "2017-07-21T09:30:00Z", "Fri, 21 Jul 2017 09:30:00 GMT",
 * "July 21, 2017") and from a date line near the top of a text ("Friday, July 21, 2017").
 * Token scanning only, no regular expressions: bounded, linear time on any input.
 */
public final class DateText {

    /** Lines longer than this are prose, not a date line. */
    private static final int MAX_DATE_LINE = 80;
    /** How many non-blank lines from the top may hold the date line. */
    private static final int DATE_LINE_WINDOW = 6;

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("january", 1), Map.entry("jan", 1), Map.entry("february", 2), Map.entry("feb", 2),
            Map.entry("march", 3), Map.entry("mar", 3), Map.entry("april", 4), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("june", 6), Map.entry("jun", 6), Map.entry("july", 7),
            Map.entry("jul", 7), Map.entry("august", 8), Map.entry("aug", 8), Map.entry("september", 9),
            Map.entry("sept", 9), Map.entry("sep", 9), Map.entry("october", 10), Map.entry("oct", 10),
            Map.entry("november", 11), Map.entry("nov", 11), Map.entry("december", 12), Map.entry("dec", 12));
    private static final Set<String> WEEKDAYS = Set.of("monday", "mon", "tuesday", "tue", "tues", "wednesday", "wed",
            "thursday", "thu", "thur", "thurs", "friday", "fri", "saturday", "sat", "sunday", "sun");
    /** Words that may introduce a date line: "Published: July 21, 2017". */
    private static final Set<String> LEAD_WORDS = Set.of("published", "updated", "posted", "date", "dated", "on",
            "last", "first", "modified");
    /** Words that may follow the date on a date line: a time of day and its zone. */
    private static final Set<String> TIME_WORDS = Set.of("am", "pm", "a", "m", "p", "gmt", "utc", "z", "et", "est",
            "edt", "ct", "cst", "cdt", "mt", "mst", "mdt", "pt", "pst", "pdt", "bst", "cet", "cest", "eet", "eest",
            "ist", "jst", "aest", "msk", "h", "hrs", "at", "local", "time");
    private static final Set<String> ORDINAL_SUFFIXES = Set.of("st", "nd", "rd", "th");

    private DateText() {
    }

    /** A metadata value as a date (the calendar date as written, no time-zone shift), or null. */
    public static LocalDate parseValue(String value) {
        if (value == null) {
            return null;
        }
        String s = value.trim();
        if (s.isEmpty() || s.length() > 200) {
            return null;
        }
        LocalDate iso = isoPrefix(s);
        if (iso != null) {
            return iso;
        }
        if (allDigits(s) && (s.length() == 10 || s.length() == 13)) {
            long epoch = Long.parseLong(s);
            Instant instant = s.length() == 10 ? Instant.ofEpochSecond(epoch) : Instant.ofEpochMilli(epoch);
            return instant.atZone(ZoneOffset.UTC).toLocalDate();
        }
        try {
            return java.time.ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate();
        } catch (DateTimeException e) {
            // not RFC 1123; try words below
        }
        return fromTokens(tokens(s), false);
    }

    /** The date of a line that is only a date (with optional weekday, lead word and time), or null. */
    public static LocalDate parseLine(String line) {
        if (line == null || line.length() > MAX_DATE_LINE) {
            return null;
        }
        String s = line.trim();
        LocalDate iso = isoPrefix(s);
        if (iso != null && (s.length() == 10 || !Character.isLetter(s.charAt(10)))) {
            List<String> rest = tokens(s.substring(10));
            if (rest.stream().allMatch(DateText::isTimeToken)) {
                return iso;
            }
        }
        LocalDate date = fromTokens(tokens(s), true);
        if (date == null) {
            // a dateline: "LISBON, September 3, 2026"
            int comma = s.indexOf(',');
            if (comma > 0 && isPlaceName(s.substring(0, comma))) {
                date = fromTokens(tokens(s.substring(comma + 1)), true);
            }
        }
        return date;
    }

    /** One to four words of letters (with dots, hyphens, apostrophes): a dateline's place. */
    private static boolean isPlaceName(String s) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c) || c == '.' || c == '-' || c == '\'' || c == '\u2019') {
                if (!inWord) {
                    words++;
                }
                inWord = true;
            } else if (c == ' ') {
                inWord = false;
            } else {
                return false;
            }
        }
        return words >= 1 && words <= 4;
    }

    /** The first date line among the first non-blank lines of a text, or null. */
    public static LocalDate findDateLine(String text) {
        int seen = 0;
        int start = 0;
        while (start < text.length() && seen < DATE_LINE_WINDOW) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            if (end - start <= MAX_DATE_LINE + 20) {
                String line = text.substring(start, end).trim();
                if (!line.isEmpty()) {
                    seen++;
                    LocalDate date = parseLine(line);
                    if (date != null) {
                        return date;
                    }
                }
            } else {
                seen++;
            }
            start = end + 1;
        }
        return null;
    }

    /** yyyy-MM-dd or yyyy/MM/dd at the start of s. */
    private static LocalDate isoPrefix(String s) {
        if (s.length() < 10) {
            return null;
        }
        char sep = s.charAt(4);
        if ((sep != '-' && sep != '/') || s.charAt(7) != sep) {
            return null;
        }
        String year = s.substring(0, 4);
        String month = s.substring(5, 7);
        String day = s.substring(8, 10);
        if (!allDigits(year) || !allDigits(month) || !allDigits(day)) {
            return null;
        }
        if (s.length() > 10 && Character.isDigit(s.charAt(10))) {
            return null;
        }
        return date(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
    }

    /**
     * Month-day-year ("July 21, 2017") or day-month-year ("21 July 2017"), after an optional weekday.
     * With {@code wholeLine}, every other token must be a lead word, a weekday or part of a time of day.
     */
    private static LocalDate fromTokens(List<String> tokens, boolean wholeLine) {
        int i = 0;
        while (i < tokens.size() && (LEAD_WORDS.contains(tokens.get(i)) || WEEKDAYS.contains(tokens.get(i)))) {
            i++;
        }
        if (!wholeLine) {
            // In a metadata value, skip anything before the first month or day number.
            while (i < tokens.size() && !MONTHS.containsKey(tokens.get(i)) && !isDayNumber(tokens.get(i))) {
                i++;
            }
        }
        if (i + 3 > tokens.size()) {
            return null;
        }
        String a = tokens.get(i);
        String b = tokens.get(i + 1);
        String c = tokens.get(i + 2);
        LocalDate found = null;
        if (MONTHS.containsKey(a) && isDayNumber(b) && isYear(c)) {
            found = date(Integer.parseInt(c), MONTHS.get(a), Integer.parseInt(b));
        } else if (isDayNumber(a) && MONTHS.containsKey(b) && isYear(c)) {
            found = date(Integer.parseInt(c), MONTHS.get(b), Integer.parseInt(a));
        }
        if (found == null || !wholeLine) {
            return found;
        }
        for (int k = i + 3; k < tokens.size(); k++) {
            if (!isTimeToken(tokens.get(k))) {
                return null;
            }
        }
        return found;
    }

    private static boolean isTimeToken(String token) {
        return TIME_WORDS.contains(token) || (allDigits(token) && token.length() <= 2);
    }

    /** Lower-case runs of letters and runs of digits; ordinal suffixes after a number ("21st") dropped. */
    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int start = i;
            if (Character.isDigit(c)) {
                while (i < s.length() && Character.isDigit(s.charAt(i))) {
                    i++;
                }
            } else if (Character.isLetter(c)) {
                while (i < s.length() && Character.isLetter(s.charAt(i))) {
                    i++;
                }
            } else {
                i++;
                continue;
            }
            String token = s.substring(start, i).toLowerCase(Locale.ROOT);
            boolean ordinal = ORDINAL_SUFFIXES.contains(token) && !out.isEmpty() && allDigits(out.get(out.size() - 1))
                    && start > 0 && Character.isDigit(s.charAt(start - 1));
            if (!ordinal) {
                out.add(token);
            }
        }
        return out;
    }

    private static boolean isDayNumber(String token) {
        return allDigits(token) && token.length() <= 2 && Integer.parseInt(token) >= 1 && Integer.parseInt(token) <= 31;
    }

    private static boolean isYear(String token) {
        return allDigits(token) && token.length() == 4;
    }

    private static boolean allDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static LocalDate date(int year, int month, int day) {
        if (year < 1000 || year > 2999) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
