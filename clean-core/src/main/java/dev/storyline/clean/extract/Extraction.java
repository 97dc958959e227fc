package dev.storyline.clean.extract;

import java.util.List;

/**
 * What the extractor made of an item. {@code dropped} says, for each piece left out, why; it is shown on request.
 * {@code reason} says why there is no article at all, when {@code paragraphs} is empty.
 */
public record Extraction(String title, List<String> bylines, String published, String siteName, String language,
        String canonicalUrl, String description, List<String> paragraphs, List<String> dropped, String reason) {

    public Extraction {
        bylines = List.copyOf(bylines);
        paragraphs = List.copyOf(paragraphs);
        dropped = List.copyOf(dropped);
    }

    public String text() {
        return String.join("\n\n", paragraphs);
    }

    public Extraction withLanguage(String lang) {
        return new Extraction(title, bylines, published, siteName, lang, canonicalUrl, description, paragraphs, dropped,
                reason);
    }

    public static Extraction empty(String reason, List<String> dropped) {
        return new Extraction(null, List.of(), null, null, null, null, null, List.of(), dropped, reason);
    }
}
