package dev.storyline.cluster.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Word tokens for similarity: lower-cased letter-or-digit runs, without the commonest function words. */
final class Text {

    private static final Set<String> STOP = Set.of("the", "and", "for", "that", "with", "was", "were", "are", "has",
            "have", "had", "from", "this", "which", "their", "they", "his", "her", "she", "its", "but", "not", "been",
            "will", "would", "said", "say", "says", "who", "about", "after", "over", "than", "also", "into", "more",
            "one", "two", "out", "when", "what", "there", "our", "can", "could", "all", "new", "other", "some", "them");

    private Text() {
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        int n = text.length();
        int i = 0;
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(text.substring(start, i).toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    static boolean isTerm(String word) {
        return word.length() >= 3 && !STOP.contains(word);
    }
}
