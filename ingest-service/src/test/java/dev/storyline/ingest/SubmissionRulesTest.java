package dev.storyline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.storyline.ingest.intake.ArticleSubmission;
import dev.storyline.ingest.intake.RejectedSubmission;
import dev.storyline.ingest.intake.SubmissionRules;
import dev.storyline.ingest.intake.UrlCanonicalizer;

class SubmissionRulesTest {

    private final UrlCanonicalizer urls = new UrlCanonicalizer(List.of("utm_.*", "fbclid"));
    private final SubmissionRules rules = new SubmissionRules(1000, 100, urls);

    private static ArticleSubmission article(String url, String published, String html, String text) {
        return new ArticleSubmission("x", url, null, null, published, "en", html, text);
    }

    @Test
    void canonicalUrlIgnoresCaseFragmentsTrackingAndParameterOrder() {
        String a = urls.canonicalize("HTTPS://Example.ORG:443/News/a/../story?b=2&utm_source=x&a=1#comments");
        String b = urls.canonicalize("https://example.org/News/story?a=1&b=2&fbclid=zz");
        assertEquals("https://example.org/News/story?a=1&b=2", a);
        assertEquals(a, b);
        assertEquals("https://example.org/x", urls.canonicalize("https://example.org/x?utm_medium=rss"));
    }

    @Test
    void nonHttpUrlsAreNotCanonical() {
        assertNull(urls.canonicalize("ftp://example.org/a"));
        assertNull(urls.canonicalize("not a url"));
        assertNull(urls.canonicalize("/relative/path"));
    }

    @Test
    void exactlyOneOfHtmlOrText() {
        assertTrue(message(article(null, null, null, null)).contains("exactly one of html or text"));
        assertTrue(message(article(null, null, "<p>a</p>", "a")).contains("not both"));
        assertTrue(message(article(null, null, "  ", null)).contains("exactly one"));
        assertTrue(rules.check(article(null, null, "<p>a</p>", null)).isHtml());
    }

    @Test
    void publishedMustBeIsoDateOrDateTimeWithOffset() {
        rules.check(article(null, "2025-08-20", null, "t"));
        rules.check(article(null, "2025-08-20T10:00:00+05:30", null, "t"));
        assertTrue(message(article(null, "20/08/2025", null, "t")).contains("not ISO-8601"));
        assertTrue(message(article(null, "2025-08-20T10:00:00", null, "t")).contains("not ISO-8601"));
    }

    @Test
    void oversizedContentIs413() {
        RejectedSubmission e = assertThrows(RejectedSubmission.class,
                () -> rules.check(article(null, null, null, "x".repeat(1001))));
        assertEquals(413, e.status());
    }

    @Test
    void badUrlIsExplained() {
        assertTrue(message(article("javascript:alert(1)", null, null, "t")).contains("not an absolute http(s) URL"));
    }

    @Test
    void contentHashIsStableAndDiffersWithContent() {
        var a = rules.check(article(null, null, null, "same"));
        var b = rules.check(article(null, null, null, "same"));
        var c = rules.check(article(null, null, null, "other"));
        assertEquals(a.contentHash(), b.contentHash());
        assertTrue(!a.contentHash().equals(c.contentHash()));
    }

    private String message(ArticleSubmission s) {
        RejectedSubmission e = assertThrows(RejectedSubmission.class, () -> rules.check(s));
        assertEquals(400, e.status());
        return e.getMessage();
    }
}
