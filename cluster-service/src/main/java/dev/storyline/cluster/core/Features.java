package dev.storyline.cluster.core;

import java.util.Locale;
import java.util.Set;

/**
 * The raw term counts of an article, weighted by where they occur: words (lower-cased, no function words), short
 * numbers such as ages and counts ({@code =} + digits), proper names as spelling-tolerant keys ({@code #} +
 * {@link NameKeys}) and runs of two names such as a person's full name or a street ({@code ##} + both keys). The
 * title and the lead count more than the rest, and names more than words, because they are what survives rewording
 * and translation.
 */
final class Features {

    /** Capitalised words that are not names of people or places. */
    private static final Set<String> NOT_NAMES = Set.of("the", "a", "an", "he", "she", "it", "they", "we", "i", "you",
            "his", "her", "their", "this", "that", "these", "those", "there", "in", "on", "at", "for", "but", "and",
            "or", "if", "when", "after", "before", "as", "by", "with", "from", "of", "to", "mr", "mrs", "ms", "dr",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
            "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
            "according", "police", "officials", "authorities", "update", "updated", "photo", "video", "read", "click",
            "copyright", "associated", "press", "ap", "reuters", "news", "advertisement");

    final TermCounts counts = new TermCounts();

    /** Whether a term is a proper name (or a run of two). */
    static boolean isName(String term) {
        return term.charAt(0) == '#';
    }

    static Features of(ClusterInput a, Settings s) {
        Features f = new Features();
        f.add(a.title(), s.titleWeight(), s);
        String text = a.text() == null ? "" : a.text();
        int leadEnd = Math.min(text.length(), s.leadChars());
        f.add(text.substring(0, leadEnd), s.leadWeight(), s);
        f.add(text.substring(leadEnd), 1, s);
        return f;
    }

    /** The title's terms alone. */
    static Features ofTitle(ClusterInput a, Settings s) {
        Features f = new Features();
        f.add(a.title(), 1, s);
        return f;
    }

    private void add(String text, double weight, Settings s) {
        if (text == null || text.isEmpty()) {
            return;
        }
        int n = text.length();
        int i = 0;
        boolean sentenceStart = true;
        String previousName = null;
        while (i < n) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                if (c != ' ' && c != '-' && c != '.') {
                    previousName = null;
                }
                if (c == '.' || c == '!' || c == '?' || c == '\n' || c == '"' || c == '“' || c == ':') {
                    sentenceStart = true;
                }
                i++;
                continue;
            }
            int start = i;
            while (i < n && (Character.isLetterOrDigit(text.charAt(i))
                    || (text.charAt(i) == '\'' && i + 1 < n && Character.isLetter(text.charAt(i + 1))))) {
                i++;
            }
            String word = text.substring(start, i);
            String lower = word.toLowerCase(Locale.ROOT);
            if (lower.endsWith("'s")) {
                lower = lower.substring(0, lower.length() - 2);
                word = word.substring(0, word.length() - 2);
            }
            boolean capitalised = Character.isUpperCase(word.charAt(0));
            if (capitalised && !sentenceStart && lower.length() >= 2 && !NOT_NAMES.contains(lower)) {
                String key = NameKeys.key(word);
                if (key.length() >= 2) {
                    counts.add("#" + key, weight * s.nameWeight());
                    if (previousName != null) {
                        counts.add("##" + previousName + "_" + key, weight * s.nameWeight());
                    }
                    previousName = key;
                    sentenceStart = false;
                    continue;
                }
            } else if (Character.isDigit(lower.charAt(0)) && lower.length() < 3) {
                counts.add("=" + lower, weight);
            } else if (Text.isTerm(lower)) {
                counts.add(lower, weight);
            }
            sentenceStart = false;
            previousName = null;
        }
    }
}
