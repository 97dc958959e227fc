package dev.storyline.clean.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.storyline.clean.extract.Extraction;
import dev.storyline.clean.extract.FurniturePatterns;
import dev.storyline.clean.extract.JsoupExtractor;
import dev.storyline.clean.extract.LinguaLanguageGuesser;
import dev.storyline.clean.extract.RawInput;

class JsoupExtractorTest {

    private static final JsoupExtractor EXTRACTOR = new JsoupExtractor(FurniturePatterns.load(),
            new LinguaLanguageGuesser(), 5000);

    @Test
    void keepsArticleParagraphsAndDropsPageFurniture() {
        String html = """
                <html lang="en-GB"><head><title>Site | Page</title>
                <meta property="og:title" content="Storm hits the coast">
                <meta property="og:site_name" content="Example News">
                <meta property="article:published_time" content="2025-08-20T10:00:00+01:00">
                <meta name="author" content="Jane Roe">
                <link rel="canonical" href="https://news.example/storm"></head>
                <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
                <div class="share-bar"><p>Share this</p></div>
                <article><h1>Storm hits the coast</h1>
                <p>A storm hit the coast on Wednesday, cutting power to thousands of homes.</p>
                <div class="ad-slot"><p>Advertisement</p></div>
                <p>Officials said repairs would take several days.</p>
                <script>var x = "tracking";</script>
                </article>
                <aside><h3>You May Also Like</h3><p>Unrelated celebrity story</p></aside>
                <footer><p>Copyright Example</p></footer></body></html>""";
        Extraction e = EXTRACTOR.extract(RawInput.of(html));
        assertEquals("Storm hits the coast", e.title());
        assertEquals("Example News", e.siteName());
        assertEquals("2025-08-20T10:00:00+01:00", e.published());
        assertEquals(List.of("Jane Roe"), e.bylines());
        assertEquals("en", e.language());
        assertEquals("https://news.example/storm", e.canonicalUrl());
        assertEquals(List.of("A storm hit the coast on Wednesday, cutting power to thousands of homes.",
                "Officials said repairs would take several days."), e.paragraphs());
        assertEquals(String.join("\n\n", e.paragraphs()), e.text());
    }

    @Test
    void decodesEntityEscapedMarkup() {
        String escaped = "Headline line\n\n&lt;p&gt;First paragraph&comma; with a comma&period;&lt;/p&gt;&NewLine;"
                + "<p>Second one, with a few more words to say.<&sol;p>";
        Extraction e = EXTRACTOR.extract(RawInput.of(escaped));
        assertTrue(e.text().contains("First paragraph, with a comma."), e.text() + " " + e.dropped());
        assertTrue(e.text().contains("Second one"), e.text());
        assertFalse(e.text().contains("&comma;") || e.text().contains("<p>") || e.text().contains("&lt;"), e.text());
        assertTrue(e.dropped().contains("decoded entity-escaped markup"));
    }

    @Test
    void plainTextKeepsParagraphsAndStopsAtRelatedLists() {
        String text = "Headline of the story\n\nThe first paragraph of the body tells what happened.\n\nShare this\n\n"
                + "The second paragraph of the body adds the details.\n\nYou May Also Like\n\nA giraffe escaped from a zoo";
        Extraction e = EXTRACTOR.extract(RawInput.of(text));
        assertEquals("Headline of the story", e.title());
        assertEquals(List.of("The first paragraph of the body tells what happened.",
                "The second paragraph of the body adds the details."), e.paragraphs(), e.dropped().toString());
    }

    @Test
    void detectsLanguageWhenThePageDoesNotSayIt() {
        Extraction e = EXTRACTOR.extract(RawInput.of(
                "<p>Die Verteidigungsminister der Nato haben am Mittwoch über Sicherheitsgarantien für die Ukraine beraten.</p>"));
        assertEquals("de", e.language());
    }

    @Test
    void emptyOrArticlelessInputGivesAnEmptyArticle() {
        assertTrue(EXTRACTOR.extract(RawInput.of("")).paragraphs().isEmpty());
        assertTrue(EXTRACTOR.extract(RawInput.of("<html><body><nav><a href='/'>Home</a></nav></body></html>"))
                .paragraphs().isEmpty());
    }
}
