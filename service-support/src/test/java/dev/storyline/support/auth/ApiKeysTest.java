package dev.storyline.support.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ApiKeysTest {

    private final ApiKeys keys = new ApiKeys(List.of(" first-key ", "second-key", ""));

    @Test
    void acceptsEachKeyAsABearerTokenOnly() {
        assertTrue(keys.accepts("Bearer first-key"));
        assertTrue(keys.accepts("bearer second-key"));
        assertTrue(keys.accepts("BEARER  second-key "));
        assertFalse(keys.accepts("Bearer first-ke"));
        assertFalse(keys.accepts("Bearer first-key2"));
        assertFalse(keys.accepts("Basic Zmlyc3Qta2V5"));
        assertFalse(keys.accepts("first-key"));
        assertFalse(keys.accepts("Bearer "));
        assertFalse(keys.accepts(null));
    }

    @Test
    void blankKeysDoNotCount() {
        assertTrue(new ApiKeys(List.of("", " ")).none());
        assertFalse(keys.none());
        assertFalse(keys.accepts("Bearer "));
    }
}
