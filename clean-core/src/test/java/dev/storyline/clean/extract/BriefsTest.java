package dev.storyline.clean.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class BriefsTest {

    private final Briefs briefs = new Briefs(400);

    private static Extraction found(List<String> paragraphs, String description) {
        return new Extraction(null, List.of(), null, null, null, null, description, paragraphs, List.of(), "none");
    }

    @Test
    void aHeadlineWithASummaryTheExtractorDroppedIsABriefOfBoth() {
        RawInput input = new RawInput("Man sought in connection to deaths\nTCSO: Five found dead in apparent homicide",
                "Man sought in connection to deaths", null, null, null);
        Briefs.Article a = briefs.of("Man sought in connection to deaths", found(List.of(), null), input, false);
        assertTrue(a.brief());
        assertEquals("Man sought in connection to deaths", a.title());
        assertEquals(List.of("TCSO: Five found dead in apparent homicide"), a.paragraphs());
    }

    @Test
    void aTitleAloneIsABriefWithNoBody() {
        Briefs.Article a = briefs.of("Storm hits the coast", found(List.of(), null), RawInput.of(""), false);
        assertTrue(a.brief());
        assertEquals(List.of(), a.paragraphs());
    }

    @Test
    void anHtmlPageWithNothingButItsDescriptionIsABriefOfTheDescription() {
        Briefs.Article a = briefs.of(null, found(List.of(), "Five people were found dead on Sunday."),
                RawInput.of("<html></html>"), true);
        assertTrue(a.brief());
        assertNull(a.title());
        assertEquals(List.of("Five people were found dead on Sunday."), a.paragraphs());
    }

    @Test
    void aLongBodyIsAnArticleAndNothingUsableIsNone() {
        String p = "The council approved the budget on Monday after a debate that lasted well into the night. ";
        Briefs.Article a = briefs.of("Budget", found(List.of(p.repeat(5)), null), RawInput.of(p.repeat(5)), false);
        assertFalse(a.brief());
        assertNull(briefs.of(" -- ", found(List.of(), null), RawInput.of("<nav>Home</nav>"), true));
        assertNull(briefs.of(null, found(List.of(), null), RawInput.of("?! --"), false));
    }
}
