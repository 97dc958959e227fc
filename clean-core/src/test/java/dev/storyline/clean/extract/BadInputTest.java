package dev.storyline.clean.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.storyline.clean.extract.Decoding;
import dev.storyline.clean.extract.Extraction;
import dev.storyline.clean.extract.FurniturePatterns;
import dev.storyline.clean.extract.JsoupExtractor;
import dev.storyline.clean.extract.LinguaLanguageGuesser;
import dev.storyline.clean.extract.RawInput;

/**
 * Hostile input never crashes or hangs the extractor: each case ends with an article or an empty one with a reason.
 * (The REST answers to the same cases are in CleanServiceTest.)
 */
class BadInputTest {

    private static final long BUDGET_MS = 3000;
    private static final JsoupExtractor EXTRACTOR = new JsoupExtractor(FurniturePatterns.load(),
            new LinguaLanguageGuesser(), BUDGET_MS);

    static String deeplyNested(int depth) {
        return "<html><body>" + "<div>".repeat(depth) + "<p>The innermost paragraph of a page nested far too deep "
                + "for any real site, with enough words to read as text.</p>" + "</div>".repeat(depth) + "</body></html>";
    }

    @Test
    void emptyInputIsAnEmptyArticleWithAReason() {
        Extraction e = EXTRACTOR.extract(RawInput.of(""));
        assertTrue(e.paragraphs().isEmpty());
        assertEquals("the input is empty", e.reason());
    }

    @Test
    void tagsNested100000DeepEndInAnArticleOrAReason() {
        Extraction e = EXTRACTOR.extract(RawInput.of(deeplyNested(100_000)));
        assertTrue(!e.paragraphs().isEmpty() || e.reason() != null, "an article or a reason");
    }

    @Test
    void binaryDataIsNotText() {
        byte[] bytes = new byte[200_000];
        new Random(7).nextBytes(bytes);
        Extraction e = EXTRACTOR.extract(RawInput.of(Decoding.decode(bytes, null)));
        assertTrue(e.paragraphs().isEmpty());
        assertTrue(e.reason().contains("not text"), e.reason());
    }

    @Test
    void invalidUtf8IsReadWithReplacementCharacters() {
        byte[] good = "<p>A paragraph about the council budget, approved on Monday after a debate.</p>"
                .getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[good.length + 2];
        System.arraycopy(good, 0, bytes, 0, good.length);
        bytes[good.length] = (byte) 0xC3; // a truncated two-byte sequence
        bytes[good.length + 1] = (byte) 0x28;
        Extraction e = EXTRACTOR.extract(RawInput.of(Decoding.decode(bytes, null)));
        assertEquals("A paragraph about the council budget, approved on Monday after a debate.", e.text());
    }

    @Test
    void aPageWithoutAnArticleSaysSo() {
        Extraction e = EXTRACTOR.extract(RawInput.of("<html><body><nav><a href='/'>Home</a> <a href='/a'>World</a></nav>"
                + "<footer>© 2025 Example</footer></body></html>"));
        assertTrue(e.paragraphs().isEmpty());
        assertNotNull(e.reason());
    }

    @Test
    void aTwentyMegabytePageEndsWithinItsBudget() {
        StringBuilder page = new StringBuilder("<html><body><article>");
        for (int i = 0; page.length() < 20_000_000; i++) {
            page.append("<div class='x").append(i % 7).append("'><p>Paragraph ").append(i)
                    .append(", with commas, and words enough to score as article text in the page.</p></div>");
        }
        page.append("</article></body></html>");
        Extraction e = EXTRACTOR.extract(RawInput.of(page.toString()));
        assertTrue(!e.paragraphs().isEmpty() || e.reason() != null, "an article or a reason");
    }
}
