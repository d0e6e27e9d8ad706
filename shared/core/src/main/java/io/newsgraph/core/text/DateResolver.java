package io.newsgraph.core.text;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Dates the text fixes: explicit dates ("March 3, 2019", "3 March 2019", "October 2010"),
 * weekdays ("on Wednesday": the latest such day on or before publication) and "yesterday"/"today"
 * against the publication date. Also finds a publication date in an article's first lines.
 */
public final class DateResolver {

    private static final Map<String, Month> MONTHS = new HashMap<>();
    static final int DATELINE_TOKENS = 10;
    private static final Map<String, DayOfWeek> DAYS = new HashMap<>();

    static {
        for (Month m : Month.values()) {
            MONTHS.put(m.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT), m);
            MONTHS.put(m.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT), m);
        }
        MONTHS.put("sept", Month.SEPTEMBER);
        MONTHS.remove("may"); // "may" is mostly the verb; handled only when capitalised
        for (DayOfWeek d : DayOfWeek.values()) {
            DAYS.put(d.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT), d);
        }
    }

    /** A publication date written in the first lines of the text ("Tuesday, March 12, 2019"), or null. */
    public LocalDate publicationDate(Document doc) {
        int lines = 0;
        for (Sentence s : doc.sentences()) {
            if (lines++ >= 3) {
                break;
            }
            List<Token> tokens = doc.tokensOf(s);
            if (tokens.size() > DATELINE_TOKENS) {
                // Only a short date line ("Tuesday, March 12, 2019") dates the article, not a sentence's date.
                continue;
            }
            for (int i = 0; i < tokens.size(); i++) {
                String iso = explicitAt(tokens, i, null);
                if (iso != null && iso.length() == 10) {
                    return LocalDate.parse(iso);
                }
            }
        }
        return null;
    }

    /** The first date the sentence fixes, ISO formatted, or null. */
    public String dateIn(List<Token> tokens, LocalDate published) {
        for (int i = 0; i < tokens.size(); i++) {
            String explicit = explicitAt(tokens, i, published);
            if (explicit != null) {
                return explicit;
            }
            String w = tokens.get(i).text().toLowerCase(Locale.ROOT);
            if (published == null) {
                continue;
            }
            if (w.equals("yesterday")) {
                return published.minusDays(1).toString();
            }
            if (w.equals("today")) {
                return published.toString();
            }
            DayOfWeek day = DAYS.get(w);
            if (day != null && Character.isUpperCase(tokens.get(i).text().charAt(0))) {
                boolean next = i > 0 && tokens.get(i - 1).text().equalsIgnoreCase("next");
                if (next) {
                    continue;
                }
                LocalDate d = published;
                int guard = 0;
                while (d.getDayOfWeek() != day && guard++ < 7) {
                    d = d.minusDays(1);
                }
                return d.toString();
            }
        }
        return null;
    }

    private static String explicitAt(List<Token> tokens, int i, LocalDate published) {
        Month month = month(tokens.get(i));
        if (month != null) {
            // Month day[,] year | Month day | Month year
            if (i + 1 < tokens.size() && isDay(tokens.get(i + 1).text())) {
                int day = Integer.parseInt(tokens.get(i + 1).text());
                int k = i + 2;
                if (k < tokens.size() && tokens.get(k).text().equals(",")) {
                    k++;
                }
                if (k < tokens.size() && isYear(tokens.get(k).text())) {
                    return safe(Integer.parseInt(tokens.get(k).text()), month, day);
                }
                return withoutYear(month, day, published);
            }
            if (i + 1 < tokens.size() && isYear(tokens.get(i + 1).text())) {
                return String.format(Locale.ROOT, "%04d-%02d", Integer.parseInt(tokens.get(i + 1).text()),
                        month.getValue());
            }
            return null;
        }
        // day Month year
        if (isDay(tokens.get(i).text()) && i + 2 < tokens.size()) {
            Month m = month(tokens.get(i + 1));
            if (m != null && isYear(tokens.get(i + 2).text())) {
                return safe(Integer.parseInt(tokens.get(i + 2).text()), m, Integer.parseInt(tokens.get(i).text()));
            }
        }
        // day Month, no year: "on 3 May"
        if (isDay(tokens.get(i).text()) && i + 1 < tokens.size() && i > 0
                && tokens.get(i - 1).text().equalsIgnoreCase("on")) {
            Month m = month(tokens.get(i + 1));
            if (m != null) {
                return withoutYear(m, Integer.parseInt(tokens.get(i).text()), published);
            }
        }
        return null;
    }

    /**
     * "on May 3" with no year: the publication year, or the year before when that would put the day more
     * than a month after publication (news reports what has happened).
     */
    private static String withoutYear(Month month, int day, LocalDate published) {
        if (published == null) {
            return null;
        }
        String date = safe(published.getYear(), month, day);
        if (date != null && LocalDate.parse(date).isAfter(published.plusDays(31))) {
            date = safe(published.getYear() - 1, month, day);
        }
        return date;
    }

    private static Month month(Token t) {
        String x = t.text();
        if (x.isEmpty() || !Character.isUpperCase(x.charAt(0))) {
            return null;
        }
        String lower = x.toLowerCase(Locale.ROOT);
        return lower.equals("may") ? Month.MAY : MONTHS.get(lower);
    }

    private static String safe(int year, Month month, int day) {
        if (day < 1 || day > month.length(year % 4 == 0)) {
            return null;
        }
        return LocalDate.of(year, month, day).toString();
    }

    private static boolean isDay(String s) {
        return s.length() <= 2 && !s.isEmpty() && s.chars().allMatch(Character::isDigit)
                && Integer.parseInt(s) >= 1 && Integer.parseInt(s) <= 31;
    }

    private static boolean isYear(String s) {
        return s.length() == 4 && s.chars().allMatch(Character::isDigit)
                && Integer.parseInt(s) >= 1000 && Integer.parseInt(s) <= 2999;
    }
}
