package dev.storyline.clean.quality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The article-extraction benchmark's metric, as described in {@code extraction-dev/README.md}: tokens are runs of
 * Unicode letters, digits and underscore; each text becomes the multiset of its overlapping 4-token shingles (a text
 * of 1 to 3 tokens gives one shorter shingle); a page's precision and recall come from the shared shingles.
 */
public final class ShingleMetric {

    private ShingleMetric() {
    }

    public record PageScore(String id, int tp, int fp, int fn, boolean predicted, boolean expected) {
        public double precision() {
            return fp == 0 && tp == 0 ? 1 : (double) tp / (tp + fp);
        }

        public double recall() {
            return fn == 0 && tp == 0 ? 1 : (double) tp / (tp + fn);
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    public record Summary(double precision, double recall, double f1, double accuracy, int pages) {
        @Override
        public String toString() {
            return String.format("F1 %.4f (precision %.4f, recall %.4f, exact %.3f) over %d pages", f1, precision, recall,
                    accuracy, pages);
        }
    }

    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        int i = 0;
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!isWord(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n && isWord(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            out.add(text.substring(start, i));
        }
        return out;
    }

    /** Python's {@code \w}: alphanumeric in the Unicode sense (letters and every kind of number) or underscore. */
    static boolean isWord(int cp) {
        if (cp == '_' || Character.isLetter(cp) || Character.isDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    static Map<String, Integer> shingles(List<String> tokens) {
        Map<String, Integer> out = new HashMap<>();
        if (tokens.isEmpty()) {
            return out;
        }
        if (tokens.size() < 4) {
            out.put(String.join(" ", tokens), 1);
            return out;
        }
        for (int i = 0; i + 4 <= tokens.size(); i++) {
            out.merge(String.join(" ", tokens.subList(i, i + 4)), 1, Integer::sum);
        }
        return out;
    }

    public static PageScore score(String id, String predicted, String truth) {
        Map<String, Integer> p = shingles(tokens(predicted));
        Map<String, Integer> t = shingles(tokens(truth));
        int tp = 0;
        int predictedCount = 0;
        int truthCount = 0;
        for (Map.Entry<String, Integer> e : p.entrySet()) {
            predictedCount += e.getValue();
            tp += Math.min(e.getValue(), t.getOrDefault(e.getKey(), 0));
        }
        for (int c : t.values()) {
            truthCount += c;
        }
        return new PageScore(id, tp, predictedCount - tp, truthCount - tp, !p.isEmpty(), !t.isEmpty());
    }

    public static Summary summarize(List<PageScore> pages, List<Boolean> exact) {
        double precisionSum = 0;
        int precisionPages = 0;
        double recallSum = 0;
        int recallPages = 0;
        for (PageScore s : pages) {
            if (s.predicted()) {
                precisionSum += s.precision();
                precisionPages++;
            }
            if (s.expected()) {
                recallSum += s.recall();
                recallPages++;
            }
        }
        double precision = precisionPages == 0 ? 0 : precisionSum / precisionPages;
        double recall = recallPages == 0 ? 0 : recallSum / recallPages;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        long exactCount = exact.stream().filter(Boolean::booleanValue).count();
        return new Summary(precision, recall, f1, pages.isEmpty() ? 0 : (double) exactCount / pages.size(), pages.size());
    }

    /** Whether the two texts have the same token sequence (the benchmark's accuracy). */
    public static boolean exact(String predicted, String truth) {
        return tokens(predicted).equals(tokens(truth));
    }
}
