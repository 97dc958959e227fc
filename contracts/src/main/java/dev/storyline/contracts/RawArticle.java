package dev.storyline.contracts;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code articles.raw}: an article as ingest-service accepted it, before any cleaning.
 * At most one of {@link #html} or {@link #text} is set; a brief may carry only a {@link #title}. Schema: {@code schemas/raw-article.v1.json}.
 *
 * @param schemaVersion always {@link #SCHEMA_VERSION} for this record
 * @param id            the ingest id; also the Kafka record key
 * @param published     ISO-8601 date or date-time as the caller supplied it (a hint, not a fact)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RawArticle(
        int schemaVersion,
        String id,
        String externalId,
        String url,
        String canonicalUrl,
        String source,
        String title,
        String published,
        String language,
        String html,
        String text,
        String contentHash,
        Instant receivedAt) implements Versioned {

    public static final int SCHEMA_VERSION = 1;
}
