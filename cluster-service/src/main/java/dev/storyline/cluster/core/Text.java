package dev.storyline.cluster.core;

import java.util.Set;

/** Which lower-cased words count as terms: not too short, not among the commonest function words. */
final class Text {

    private static final Set<String> STOP = Set.of("the", "and", "for", "that", "with", "was", "were", "are", "has",
            "have", "had", "from", "this", "which", "their", "they", "his", "her", "she", "its", "but", "not", "been",
            "will", "would", "said", "say", "says", "who", "about", "after", "over", "than", "also", "into", "more",
            "one", "two", "out", "when", "what", "there", "our", "can", "could", "all", "new", "other", "some", "them");

    private Text() {
    }

    static boolean isTerm(String word) {
        return word.length() >= 3 && !STOP.contains(word);
    }
}
