package dev.storyline.contracts;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code articles.clean}: an article after clean-service turned the raw item into title, body and metadata.
 * Schema: {@code schemas/clean-article.v1.json}.
 *
 * @param published ISO-8601 (date, or date-time with offset when known); null when unknown
 * @param text      the paragraphs joined by blank lines; empty for a brief that is only a title
 * @param brief     true when the item held too little to be a page (a headline, a headline and a summary): the
 *                  article is made of what it had. Added within v1; readers that do not know it ignore it.
 * @param dropped   what the cleaner left out and why, one line each, at most {@link #MAX_DROPPED}; empty when not
 *                  recorded. Added within v1; readers that do not know it ignore it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CleanArticle(
        int schemaVersion,
        String id,
        String externalId,
        String url,
        String canonicalUrl,
        String source,
        String title,
        List<String> bylines,
        String published,
        String siteName,
        String language,
        String description,
        List<String> paragraphs,
        String text,
        Instant receivedAt,
        Instant cleanedAt,
        boolean brief,
        List<String> dropped) implements Versioned {

    public static final int SCHEMA_VERSION = 1;
    /** Enough to explain a page; a pathological one does not carry its whole DOM along. */
    public static final int MAX_DROPPED = 100;
    private static final int MAX_DROPPED_CHARS = 300;

    public CleanArticle {
        bylines = bylines == null ? List.of() : List.copyOf(bylines);
        paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
        dropped = dropped == null ? List.of() : dropped.stream().limit(MAX_DROPPED)
                .map(d -> d.length() > MAX_DROPPED_CHARS ? d.substring(0, MAX_DROPPED_CHARS) + "…" : d).toList();
    }
}
