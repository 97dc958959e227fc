package dev.storyline.cluster.store;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import dev.storyline.contracts.CleanArticle;

/** What the story browser shows of a clustered article, read off its clean message: outlet, lead, dates. */
public final class ArticleFacts {

    /** A lead long enough to recognise the report in a list, short enough for a phone. */
    static final int LEAD_CHARS = 300;
    private static final int SOURCE_CHARS = 255;

    private ArticleFacts() {
    }

    public static void describe(Membership m, CleanArticle a) {
        m.source = source(a);
        m.language = a.language();
        m.lead = lead(a.text());
        m.bylines = a.bylines().isEmpty() ? null : String.join("\n", a.bylines());
        m.dropped = a.dropped().isEmpty() ? null : String.join("\n", a.dropped());
        m.publishedAt = instant(a.published());
    }

    /** The outlet: the host of the article's URL (without "www."), else its site name, else ingest's source. */
    static String source(CleanArticle a) {
        String host = host(a.canonicalUrl() != null ? a.canonicalUrl() : a.url());
        String source = host != null ? host : a.siteName() != null && !a.siteName().isBlank() ? a.siteName().strip()
                : a.source();
        return source == null || source.length() <= SOURCE_CHARS ? source : source.substring(0, SOURCE_CHARS);
    }

    private static String host(String url) {
        if (url == null) {
            return null;
        }
        try {
            String host = URI.create(url.strip()).getHost();
            if (host == null || host.isBlank()) {
                return null;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The first paragraph up to {@link #LEAD_CHARS}, cut at a word; null when the article is only a title. */
    static String lead(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String first = text.strip().split("\n\n", 2)[0].strip();
        if (first.length() <= LEAD_CHARS) {
            return first;
        }
        int cut = first.lastIndexOf(' ', LEAD_CHARS);
        return first.substring(0, cut > LEAD_CHARS / 2 ? cut : LEAD_CHARS).strip() + "…";
    }

    /** ISO-8601 date-time with offset, or a date (its midnight UTC); null otherwise. */
    static Instant instant(String published) {
        String value = published == null ? "" : published.strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(value.substring(0, Math.min(10, value.length())))
                        .atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }
}
