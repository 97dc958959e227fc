package dev.storyline.contracts;

/**
 * What counts as usable content, the same at every stage: a title or a text is usable when it holds at least
 * {@link #MIN_WORD_CHARACTERS} letters or digits (in any script). An item with neither a usable title nor usable
 * content is rejected; anything else becomes an article, a brief if there is little of it.
 */
public final class Usable {

    public static final int MIN_WORD_CHARACTERS = 3;

    private Usable() {
    }

    public static boolean text(String value) {
        if (value == null) {
            return false;
        }
        int found = 0;
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (Character.isLetterOrDigit(cp) && ++found >= MIN_WORD_CHARACTERS) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }
}
