package dev.storyline.ingest.intake;

/**
 * Characters no article needs and PostgreSQL cannot store: NUL, the other C0 controls except tab, line feed and
 * carriage return, and UTF-16 surrogates that pair with nothing. Content loses them; an identifier that holds one
 * is refused, since removing a character would silently change which item it names.
 */
public final class TextHygiene {

    private TextHygiene() {
    }

    public static boolean isClean(String s) {
        if (s == null) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            if (unwanted(s, i)) {
                return false;
            }
        }
        return true;
    }

    /** The value without the unwanted characters; the same instance when it holds none. */
    public static String clean(String s) {
        if (isClean(s)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (!unwanted(s, i)) {
                b.append(s.charAt(i));
            }
        }
        return b.toString();
    }

    private static boolean unwanted(String s, int i) {
        char c = s.charAt(i);
        if (c < 0x20) {
            return c != '\t' && c != '\n' && c != '\r';
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }
}
