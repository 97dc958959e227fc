package dev.storyline.ingest.intake;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Checks a submission and puts it in the form we store. Plain Java; the limits come from configuration.
 * Every rejection says what is wrong in words an integrator can act on.
 */
public final class SubmissionRules {

    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    private final long maxContentBytes;
    private final int maxFieldLength;
    private final UrlCanonicalizer urls;

    public SubmissionRules(long maxContentBytes, int maxFieldLength, UrlCanonicalizer urls) {
        this.maxContentBytes = maxContentBytes;
        this.maxFieldLength = maxFieldLength;
        this.urls = urls;
    }

    /** A submission that passed the rules, with its URL in canonical form and its content hash. */
    public record Accepted(ArticleSubmission submission, String canonicalUrl, boolean isHtml, String content,
            String contentHash) {
    }

    public Accepted check(ArticleSubmission s) {
        if (s == null) {
            throw RejectedSubmission.badRequest("the body must be a JSON object describing one article");
        }
        boolean hasHtml = s.html() != null && !s.html().isBlank();
        boolean hasText = s.text() != null && !s.text().isBlank();
        if (hasHtml == hasText) {
            throw RejectedSubmission.badRequest(hasHtml
                    ? "give either html or text, not both"
                    : "exactly one of html or text is required, and it must not be blank");
        }
        String content = hasHtml ? s.html() : s.text();
        long bytes = content.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > maxContentBytes) {
            throw RejectedSubmission.tooLarge("the article content is " + bytes + " bytes; the limit is "
                    + maxContentBytes);
        }
        checkLength("externalId", s.externalId());
        checkLength("source", s.source());
        checkLength("title", s.title());
        checkLength("url", s.url());
        if (s.externalId() != null && s.externalId().isBlank()) {
            throw RejectedSubmission.badRequest("externalId must not be blank when given");
        }
        if (s.published() != null) {
            checkPublished(s.published());
        }
        if (s.language() != null && !LANGUAGE.matcher(s.language()).matches()) {
            throw RejectedSubmission.badRequest("language '" + s.language() + "' is not a BCP-47 tag such as en or pt-BR");
        }
        String canonical = null;
        if (s.url() != null) {
            canonical = urls.canonicalize(s.url());
            if (canonical == null) {
                throw RejectedSubmission.badRequest("url '" + s.url() + "' is not an absolute http(s) URL");
            }
        }
        return new Accepted(s, canonical, hasHtml, content, Hashes.sha256(content));
    }

    private void checkLength(String field, String value) {
        if (value != null && value.length() > maxFieldLength) {
            throw RejectedSubmission.badRequest(field + " is " + value.length() + " characters; the limit is "
                    + maxFieldLength);
        }
    }

    private static void checkPublished(String published) {
        try {
            if (published.length() == 10) {
                LocalDate.parse(published);
            } else {
                OffsetDateTime.parse(published);
            }
        } catch (DateTimeParseException e) {
            throw RejectedSubmission.badRequest("published '" + published
                    + "' is not ISO-8601: use a date (2025-08-20) or a date-time with offset (2025-08-20T10:00:00Z)");
        }
    }
}
