package dev.storyline.clean.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class NormalizeTest {

    @Test
    void runsOfAnyWhitespaceBecomeOneSpaceAndTheEndsAreTrimmed() {
        assertEquals("a b c", JsoupExtractor.normalize("  a \t\n b\u00a0\u200b c\ufeff "));
        assertEquals("one two", JsoupExtractor.normalize("one\u2003two"));
        assertEquals("", JsoupExtractor.normalize(" \u00a0 "));
        assertEquals("", JsoupExtractor.normalize(null));
    }

    @Test
    void cleanTextIsReturnedAsItIs() {
        String clean = "Nothing to change here, at all.";
        assertSame(clean, JsoupExtractor.normalize(clean));
    }
}
