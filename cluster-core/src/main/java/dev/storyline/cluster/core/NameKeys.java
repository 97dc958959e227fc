package dev.storyline.cluster.core;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A spelling-tolerant key for a proper name, so that transliterations and respellings of one name meet:
 * Grynkewich/Grinkevich, Zelensky/Zelenskyy/Zelenski, Caine/Kane, Dragone/Dragon. It folds accents, maps letters
 * that transliteration swaps (c/k/q, w/v, y/i/j, z/s, ph/f), drops the vowels after the first letter and collapses
 * repeats: a consonant skeleton.
 */
public final class NameKeys {

    private NameKeys() {
    }

    public static String key(String name) {
        String s = isAscii(name) ? name.toLowerCase(Locale.ROOT)
                : Normalizer.normalize(name, Normalizer.Form.NFD).toLowerCase(Locale.ROOT);
        StringBuilder folded = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (c == 'p' && i + 1 < s.length() && s.charAt(i + 1) == 'h') {
                folded.append('f');
                i++;
                continue;
            }
            folded.append(switch (c) {
                case 'c', 'q' -> 'k';
                case 'w' -> 'v';
                case 'y', 'j' -> 'i';
                case 'z' -> 's';
                case 'x' -> 'k';
                default -> c;
            });
        }
        StringBuilder key = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                continue;
            }
            boolean vowel = c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
            if (key.length() > 0 && vowel) {
                continue;
            }
            if (key.length() > 0 && key.charAt(key.length() - 1) == c) {
                continue;
            }
            key.append(c);
        }
        return key.toString();
    }

    /**
     * The key of text[start, end), written to {@code out} (which must hold end - start characters); its length.
     * The same key as {@link #key(String)}, without building strings for an ASCII name.
     */
    static int key(String text, int start, int end, char[] out) {
        for (int i = start; i < end; i++) {
            if (text.charAt(i) >= 0x80) {
                String k = key(text.substring(start, end));
                int n = Math.min(k.length(), out.length);
                k.getChars(0, n, out, 0);
                return n;
            }
        }
        int n = 0;
        for (int i = start; i < end; i++) {
            char c = lower(text.charAt(i));
            if (c == 'p' && i + 1 < end && lower(text.charAt(i + 1)) == 'h') {
                c = 'f';
                i++;
            } else {
                c = switch (c) {
                    case 'c', 'q', 'x' -> 'k';
                    case 'w' -> 'v';
                    case 'y', 'j' -> 'i';
                    case 'z' -> 's';
                    default -> c;
                };
            }
            boolean letterOrDigit = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            boolean vowel = c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
            if (!letterOrDigit || (n > 0 && vowel) || (n > 0 && out[n - 1] == c)) {
                continue;
            }
            out[n++] = c;
        }
        return n;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
