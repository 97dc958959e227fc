package dev.storyline.ingest.intake;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an integrator posts: one article, as JSON (or one NDJSON line). Exactly one of html or text. */
@Schema(description = "An article to ingest. Exactly one of html or text is required.")
public record ArticleSubmission(
        @Schema(description = "The caller's own id; a repeat of it is a duplicate") String externalId,
        @Schema(description = "Where the article lives; a repeat of its canonical form is a duplicate") String url,
        @Schema(description = "Who delivered it, e.g. a feed or site name") String source,
        @Schema(description = "Headline hint") String title,
        @Schema(description = "ISO-8601 date (2025-08-20) or date-time with offset (2025-08-20T10:00:00Z)") String published,
        @Schema(description = "Language hint, BCP-47 (en, pt-BR)") String language,
        @Schema(description = "The page or fragment as HTML") String html,
        @Schema(description = "The article as plain text") String text) {
}
