package dev.storyline.clean.quality;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** WCXB's own metric (its README): token-multiset F1 of the body, snippets found, and metadata matches. */
public final class WcxbMetric {

    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern NAME_SPLIT = Pattern.compile("\\s*(?:,|\\band\\b|&)\\s*", Pattern.CASE_INSENSITIVE);

    public record Body(double precision, double recall, double f1) {
    }

    private WcxbMetric() {
    }

    public static Body body(String predicted, String reference) {
        Map<String, Integer> ref = tokens(reference == null ? "" : reference);
        Map<String, Integer> got = tokens(predicted == null ? "" : predicted);
        int refCount = ref.values().stream().mapToInt(Integer::intValue).sum();
        int gotCount = got.values().stream().mapToInt(Integer::intValue).sum();
        if (refCount == 0) {
            double s = gotCount == 0 ? 1 : 0;
            return new Body(s, s, s);
        }
        if (gotCount == 0) {
            return new Body(0, 0, 0);
        }
        int common = 0;
        for (Map.Entry<String, Integer> e : got.entrySet()) {
            common += Math.min(e.getValue(), ref.getOrDefault(e.getKey(), 0));
        }
        double p = common / (double) gotCount;
        double r = common / (double) refCount;
        return new Body(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }

    /** How many of the snippets the text contains, case-insensitively. */
    public static int found(String text, List<String> snippets) {
        String t = text == null ? "" : text.toLowerCase(Locale.ROOT);
        int n = 0;
        for (String s : snippets) {
            if (t.contains(s.toLowerCase(Locale.ROOT))) {
                n++;
            }
        }
        return n;
    }

    public static boolean sameTitle(String predicted, String reference) {
        return predicted != null && normalizeTitle(predicted).equals(normalizeTitle(reference));
    }

    /** One reference name has the same tokens as one predicted byline. */
    public static boolean sameAuthor(List<String> bylines, String reference) {
        for (String name : NAME_SPLIT.split(reference)) {
            Set<String> want = tokenSet(name);
            if (want.isEmpty()) {
                continue;
            }
            for (String byline : bylines) {
                for (String got : NAME_SPLIT.split(byline)) {
                    if (tokenSet(got).equals(want)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The predicted stamp (ISO, possibly with a time) falls on the reference's calendar day. */
    public static boolean sameDay(String predicted, String referenceDay) {
        return predicted != null && predicted.length() >= 10 && predicted.substring(0, 10).equals(referenceDay);
    }

    static String normalizeTitle(String s) {
        String t = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replaceAll("[\"'\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a`\u00b4]", "");
        return t.replaceAll("\\s+", " ").trim();
    }

    private static Set<String> tokenSet(String s) {
        Set<String> out = new TreeSet<>();
        Matcher m = WORD.matcher(s.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static Map<String, Integer> tokens(String s) {
        Map<String, Integer> out = new HashMap<>();
        Matcher m = WORD.matcher(s.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.merge(m.group(), 1, Integer::sum);
        }
        return out;
    }
}
