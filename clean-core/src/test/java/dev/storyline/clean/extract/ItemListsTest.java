package dev.storyline.clean.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A listing page gives its entries; an article with a list of related links under it stays the article. */
class ItemListsTest {

    static final JsoupExtractor EXTRACTOR = new JsoupExtractor(FurniturePatterns.load(), new LinguaLanguageGuesser(), 5000);

    static String tile(int i) {
        return "<li class=\"tile\"><a href=\"/p/" + i + "\">Cast iron skillet, " + (8 + i) + " inch</a>"
                + "<span class=\"price\">$" + (20 + i) + ".99</span></li>";
    }

    @Test
    void aCollectionPageGivesOneEntryPerItem() {
        StringBuilder tiles = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            tiles.append(tile(i));
        }
        Extraction e = EXTRACTOR.extract(RawInput.of("<html><head><title>Skillets</title></head><body><h1>Skillets</h1>"
                + "<ul class=\"grid\">" + tiles + "</ul><footer><p>Store hours: 9 to 5.</p></footer></body></html>"));
        assertEquals(20, e.paragraphs().size(), e.paragraphs().toString());
        assertEquals("Cast iron skillet, 8 inch $20.99", e.paragraphs().get(0));
    }

    @Test
    void anArticleWithRelatedLinksStaysTheArticle() {
        StringBuilder related = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            related.append("<li class=\"rel\"><a href=\"/n/").append(i).append("\">Another story about the council, part ")
                    .append(i).append("</a></li>");
        }
        String para = "<p>The council met on Tuesday evening to discuss the new budget for the coming year, and the "
                + "residents who came asked about the library, the pool and the roads that need repair.</p>";
        Extraction e = EXTRACTOR.extract(RawInput.of("<html><body><article><h1>Council passes budget</h1>" + para.repeat(4)
                + "</article><ul>" + related + "</ul></body></html>"));
        assertTrue(e.paragraphs().stream().allMatch(p -> p.startsWith("The council met")), e.paragraphs().toString());
    }
}
