package dev.storyline.clean.extract;

/** Names the language of a text (ISO 639-1), or null when it cannot tell. */
public interface LanguageGuesser {
    String guess(String text);
}
