package dev.storyline.clean.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Title, author and date from what a page prints when its declarations are missing or wrong. */
class PrintedMetadataTest {

    static final JsoupExtractor EXTRACTOR = new JsoupExtractor(FurniturePatterns.load(), new LinguaLanguageGuesser(), 5000);
    static final String BODY = "<p>" + "The council met on Tuesday evening to discuss the new budget for the coming year, "
            .repeat(4) + "</p><p>" + "Residents asked questions about the plans for the library and the swimming pool. "
            .repeat(4) + "</p>";

    static Extraction page(String head, String beforeBody, String url) {
        return EXTRACTOR.extract(new RawInput("<html><head>" + head + "</head><body><header><h1>Gazette</h1></header>"
                + "<article>" + beforeBody + BODY + "</article></body></html>", null, url, null, null));
    }

    @Test
    void theVisibleHeadlineWinsOverADeclaredTitleWithTheSiteNameAttached() {
        Extraction e = page("<title>Council passes budget | The Gazette</title>"
                + "<meta property=\"og:title\" content=\"Council passes budget &amp;#8211; The Gazette\">",
                "<h1>Council passes the budget after a long night</h1>", "https://www.gazette.example/news/1");
        assertEquals("Council passes the budget after a long night", e.title());
    }

    @Test
    void withoutAHeadlineTheSiteNameIsCutFromTheTitle() {
        Extraction e = page("<title>Council passes budget &#8211; Gazette</title>", "", "https://www.gazette.example/a");
        assertEquals("Council passes budget", e.title());
    }

    @Test
    void aSectionNameInTheH1GivesWayToTheDeclaredTitle() {
        Extraction e = page("<meta property=\"og:title\" content=\"Council passes budget\">", "<h1>News</h1>",
                "https://gazette.example/b");
        assertEquals("Council passes budget", e.title());
    }

    @Test
    void printedDatesInTheirOwnLanguageAndPublicationBeforeUpdate() {
        assertEquals("2016-02-09", page("<meta http-equiv=\"content-language\" content=\"de\">",
                "<h1>Der Rat beschließt den Haushalt</h1><p class=\"date\">9. Februar 2016</p>", null).published());
        assertEquals("2025-12-12", page("", "<h1>Council passes budget</h1><div>12.12.2025</div>",
                "https://gazette.example/c").published());
        assertEquals("2019-08-16", page("", "<h1>Council passes budget</h1><p><span>August 16, 2019</span>"
                + "<span>- Updated July 9, 2025</span></p>", null).published());
        assertEquals("2025-12-12", page("", "<h1>Council passes budget</h1><div>Last updated:</div><div>Dec 12, 2025</div>",
                null).published());
        assertEquals("2016-02-09", page("", "<h1>Council passes budget</h1>",
                "https://gazette.example/2016/02/09/council-budget/").published());
    }

    @Test
    void printedBylinesReplaceHandlesAndTheSiteName() {
        assertEquals(List.of("Edzel Tabing"), page("<meta name=\"author\" content=\"kffnirmitap\">",
                "<h1>Council passes budget</h1><p>Written by</p><p>Edzel Tabing</p>", null).bylines());
        assertEquals(List.of("Halina Goetz"), page("<meta property=\"og:site_name\" content=\"Gazette\">"
                + "<meta name=\"author\" content=\"Gazette\">", "<h1>Council passes budget</h1><p class=\"name\">"
                + "<a href=\"/author/hgoetz/\" rel=\"author\">Halina Goetz</a></p>", null).bylines());
        assertEquals(List.of("Sara Brown"), page("", "<h1>Council passes budget</h1><div class=\"author-name\">"
                + "By Sara Brown, Senior Editor</div>", null).bylines());
    }
}
