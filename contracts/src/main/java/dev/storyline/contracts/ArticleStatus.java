package dev.storyline.contracts;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code articles.status}: a stage's verdict on one article, keyed by article id. clean-service says
 * {@link Verdict#CLEANED} or {@link Verdict#REJECTED}; ingest-service reads it to show each article's life.
 * (That an article is in a story travels on {@code stories.events}; a dead letter on {@code <topic>.dlq}.)
 * Schema: {@code schemas/article-status.v1.json}.
 *
 * @param stage  the service that judged: {@code clean} or {@code cluster}
 * @param reason why, for {@link Verdict#REJECTED}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArticleStatus(
        int schemaVersion,
        String articleId,
        Verdict verdict,
        String stage,
        String reason,
        Instant at) implements Versioned {

    public static final int SCHEMA_VERSION = 1;

    public enum Verdict { CLEANED, REJECTED }

    public static ArticleStatus cleaned(String articleId) {
        return new ArticleStatus(SCHEMA_VERSION, articleId, Verdict.CLEANED, "clean", null, Instant.now());
    }

    public static ArticleStatus rejected(String articleId, String stage, String reason) {
        return new ArticleStatus(SCHEMA_VERSION, articleId, Verdict.REJECTED, stage, reason, Instant.now());
    }
}
