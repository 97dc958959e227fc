package dev.storyline.ingest.intake;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import dev.storyline.contracts.Usable;

/**
 * Checks a submission and puts it in the form we store. Plain Java; the limits come from configuration.
 * Every rejection says what is wrong in words an integrator can act on.
 */
public final class SubmissionRules {

    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    private final FieldLimits limits;
    private final UrlCanonicalizer urls;

    public SubmissionRules(FieldLimits limits, UrlCanonicalizer urls) {
        this.limits = limits;
        this.urls = urls;
    }

    /**
     * A submission that passed the rules, with characters that cannot be stored removed, its URL in canonical form
     * and its content hash. {@code content} is empty for a brief that is only a title, and for a URL to fetch
     * ({@code fetch}: a url with neither html nor text).
     */
    public record Accepted(ArticleSubmission submission, String canonicalUrl, boolean isHtml, String content,
            String contentHash, boolean fetch) {
    }

    public Accepted check(ArticleSubmission given) {
        if (given == null) {
            throw RejectedSubmission.badRequest("the body must be a JSON object describing one article");
        }
        checkIdentifier("externalId", given.externalId());
        checkIdentifier("url", given.url());
        ArticleSubmission s = hygienic(given);
        boolean hasHtml = s.html() != null && !s.html().isBlank();
        boolean hasText = s.text() != null && !s.text().isBlank();
        if (hasHtml && hasText) {
            throw RejectedSubmission.badRequest("give either html or text, not both");
        }
        boolean fetch = !hasHtml && !hasText && s.url() != null && !s.url().isBlank();
        if (!fetch && !hasHtml && !Usable.text(s.text()) && !Usable.text(s.title())) {
            throw RejectedSubmission.badRequest("an article needs a usable title, text or html: a title or text is "
                    + "usable when it holds at least " + Usable.MIN_WORD_CHARACTERS + " letters or digits");
        }
        String content = hasHtml ? s.html() : hasText ? s.text() : "";
        byte[] utf8 = content.getBytes(StandardCharsets.UTF_8);
        long bytes = utf8.length;
        if (bytes > limits.contentBytes()) {
            throw RejectedSubmission.tooLarge("the article content is " + bytes + " bytes; the limit is "
                    + limits.contentBytes());
        }
        checkLength("externalId", s.externalId(), limits.externalId());
        checkLength("source", s.source(), limits.source());
        checkLength("title", s.title(), limits.title());
        checkLength("url", s.url(), limits.url());
        checkLength("language", s.language(), limits.language());
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
        return new Accepted(s, canonical, hasHtml, content, Hashes.sha256(utf8), fetch);
    }

    /** Fetched content, checked as posted content is: storable characters and the size limit. */
    public String fetchedContent(String html) {
        String clean = TextHygiene.clean(html);
        long bytes = clean.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > limits.contentBytes()) {
            throw RejectedSubmission.tooLarge("the fetched page is " + bytes + " bytes; the limit is " + limits.contentBytes());
        }
        return clean;
    }

    private static ArticleSubmission hygienic(ArticleSubmission s) {
        return new ArticleSubmission(s.externalId(), s.url(), TextHygiene.clean(s.source()), TextHygiene.clean(s.title()),
                TextHygiene.clean(s.published()), TextHygiene.clean(s.language()), TextHygiene.clean(s.html()),
                TextHygiene.clean(s.text()));
    }

    private static void checkIdentifier(String field, String value) {
        if (!TextHygiene.isClean(value)) {
            throw RejectedSubmission.badRequest(field + " holds a control character (such as NUL) or a broken "
                    + "UTF-16 surrogate; an identifier must be plain text");
        }
    }

    private static void checkLength(String field, String value, long limit) {
        if (value != null && value.length() > limit) {
            throw RejectedSubmission.badRequest(field + " is " + value.length() + " characters; the limit is " + limit);
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
