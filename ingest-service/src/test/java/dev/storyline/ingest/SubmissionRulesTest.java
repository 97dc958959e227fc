package dev.storyline.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.storyline.ingest.intake.ArticleSubmission;
import dev.storyline.ingest.intake.FieldLimits;
import dev.storyline.ingest.intake.RejectedSubmission;
import dev.storyline.ingest.intake.SubmissionRules;
import dev.storyline.ingest.intake.UrlCanonicalizer;

class SubmissionRulesTest {

    private final UrlCanonicalizer urls = new UrlCanonicalizer(List.of("utm_.*", "fbclid"));
    private final SubmissionRules rules = new SubmissionRules(limits(1000), urls);

    static FieldLimits limits(long contentBytes) {
        return new FieldLimits() {
            public int externalId() { return 20; }
            public int source() { return 20; }
            public int url() { return 100; }
            public int title() { return 100; }
            public int language() { return 35; }
            public long contentBytes() { return contentBytes; }
        };
    }

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
    void atMostOneOfHtmlOrTextAndAUsableTitleOrContent() {
        assertTrue(message(article(null, null, null, null)).contains("usable title, text or html"));
        assertTrue(message(article(null, null, "<p>a</p>", "a")).contains("not both"));
        assertTrue(message(article(null, null, "  ", null)).contains("usable"));
        assertTrue(message(article(null, null, null, "- !")).contains("at least 3 letters or digits"));
        assertTrue(rules.check(article(null, null, "<p>a</p>", null)).isHtml());
    }

    @Test
    void aTitleAloneIsABrief() {
        var a = rules.check(new ArticleSubmission("x", null, null, "Five found dead", null, null, null, null));
        assertEquals("", a.content());
        assertTrue(!a.isHtml());
        assertTrue(message(new ArticleSubmission("x", null, null, " ?! ", null, null, null, null)).contains("usable"));
    }

    @Test
    void charactersPostgresCannotStoreAreRemovedFromContentAndRefusedInIdentifiers() {
        var a = rules.check(new ArticleSubmission("x", null, "so\u0000urce", "Ti\u0000tle", null, null, null,
                "Body\u0000 text \ud800here"));
        assertEquals("Body text here", a.content());
        assertEquals("Title", a.submission().title());
        assertEquals("source", a.submission().source());
        assertTrue(message(new ArticleSubmission("x\u0000y", null, null, null, null, null, null, "text"))
                .contains("control character"));
    }

    @Test
    void everyFieldIsCheckedAtItsLimitAndOnePast() {
        FieldLimits l = limits(1000);
        rules.check(new ArticleSubmission("e".repeat(l.externalId()), "https://a.org/" + "u".repeat(l.url() - 14),
                "s".repeat(l.source()), "t".repeat(l.title()), null, null, null, "x".repeat(1000)));
        assertTrue(message(new ArticleSubmission("e".repeat(l.externalId() + 1), null, null, null, null, null, null,
                "text")).contains("externalId is 21 characters; the limit is 20"));
        assertTrue(message(new ArticleSubmission("x", "https://a.org/" + "u".repeat(l.url() - 13), null, null, null,
                null, null, "text")).contains("url is 101"));
        assertTrue(message(new ArticleSubmission("x", null, "s".repeat(l.source() + 1), null, null, null, null,
                "text")).contains("source is 21"));
        assertTrue(message(new ArticleSubmission("x", null, null, "t".repeat(l.title() + 1), null, null, null,
                "text")).contains("title is 101"));
        assertTrue(message(new ArticleSubmission("x", null, null, null, null, "en-" + "a".repeat(33), null, "text"))
                .contains("language is 36"));
        assertEquals(413, assertThrows(RejectedSubmission.class, () -> rules.check(new ArticleSubmission("x", null,
                null, null, null, null, null, "x".repeat(1001)))).status());
    }

    @Test
    void publishedMustBeIsoDateOrDateTimeWithOffset() {
        rules.check(article(null, "2025-08-20", null, "the text"));
        rules.check(article(null, "2025-08-20T10:00:00+05:30", null, "the text"));
        assertTrue(message(article(null, "20/08/2025", null, "the text")).contains("not ISO-8601"));
        assertTrue(message(article(null, "2025-08-20T10:00:00", null, "the text")).contains("not ISO-8601"));
    }

    @Test
    void oversizedContentIs413() {
        RejectedSubmission e = assertThrows(RejectedSubmission.class,
                () -> rules.check(article(null, null, null, "x".repeat(1001))));
        assertEquals(413, e.status());
    }

    @Test
    void badUrlIsExplained() {
        assertTrue(message(article("javascript:alert(1)", null, null, "the text")).contains("not an absolute http(s) URL"));
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
