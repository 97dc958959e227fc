package dev.storyline.clean.extract;

/**
 * One item to clean, with whatever the caller told us about it. The hints are used, never trusted blindly:
 * the extractor decides from the content itself whether it is HTML, escaped HTML or flattened text.
 */
public record RawInput(String content, String titleHint, String urlHint, String publishedHint, String languageHint) {

    public static RawInput of(String content) {
        return new RawInput(content, null, null, null, null);
    }
}
