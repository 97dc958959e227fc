package dev.storyline.cluster.stories;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * What a reader narrows the stories to. Every part is optional.
 *
 * @param q        words, searched in titles and leads (PostgreSQL full-text search, web-search syntax: quotes for a
 *                 phrase, {@code -word} to exclude)
 * @param from     stories updated at or after this time
 * @param to       stories first seen before this time
 * @param source   stories with an article from this outlet (a host, such as {@code apnews.com})
 * @param language stories with an article in this language (ISO 639-1)
 */
public record StoryFilter(String q, Instant from, Instant to, String source, String language) {

    public static final StoryFilter NONE = new StoryFilter(null, null, null, null, null);
    private static final int MAX_QUERY_CHARS = 200;

    public StoryFilter {
        q = blankToNull(q);
        source = blankToNull(source);
        language = blankToNull(language);
        if (q != null && q.length() > MAX_QUERY_CHARS) {
            throw new InvalidQuery("q must be at most " + MAX_QUERY_CHARS + " characters");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidQuery("from must be before to");
        }
    }

    /** From query parameters as typed: {@code from} and {@code to} are a date or an ISO-8601 instant. */
    public static StoryFilter parse(String q, String from, String to, String source, String language) {
        return new StoryFilter(q, time("from", from, false), time("to", to, true), source, language);
    }

    public boolean isEmpty() {
        return q == null && from == null && to == null && source == null && language == null;
    }

    /** A date means its whole day: {@code from} its start, {@code to} the start of the next day. */
    private static Instant time(String name, String value, boolean endOfDay) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return v.length() == 10 ? LocalDate.parse(v).plusDays(endOfDay ? 1 : 0).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new InvalidQuery(name + " must be a date (2025-08-20) or an instant (2025-08-20T15:57:00Z), not '"
                    + value + "'");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
