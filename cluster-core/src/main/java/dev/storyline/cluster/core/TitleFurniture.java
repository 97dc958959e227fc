package dev.storyline.cluster.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Learns, as headlines stream in, which parts of them are site furniture: a headline part set off by a dash or a bar
 * ("Four shot at nightclub - Toledo News Now, News, Weather, Sports") that earlier headlines carried word for word is
 * the site's name or slogan, shared by every story of that site, and is left out of the article's terms. Nothing is
 * site-specific: a part counts as furniture once {@code repeats} earlier headlines had it.
 */
final class TitleFurniture {

    private static final Pattern SEPARATOR = Pattern.compile("\\s+[-|–—]+\\s+");

    private final int repeats;
    /** How many headlines carried each part, by a 64-bit hash of the part. */
    private final Map<Long, Integer> seen = new HashMap<>();

    TitleFurniture(int repeats) {
        this.repeats = repeats;
    }

    /** The article with its headline's furniture removed; then the headline's parts are counted. */
    ClusterInput strip(ClusterInput article) {
        String title = article.title();
        if (title == null || repeats <= 0) {
            return article;
        }
        String[] parts = SEPARATOR.split(title);
        if (parts.length < 2) {
            return article;
        }
        List<String> kept = new ArrayList<>(parts.length);
        long[] keys = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            keys[i] = hash(parts[i].strip().toLowerCase(Locale.ROOT));
            if (seen.getOrDefault(keys[i], 0) < repeats) {
                kept.add(parts[i]);
            }
        }
        for (long key : keys) {
            seen.merge(key, 1, Integer::sum);
        }
        if (kept.size() == parts.length) {
            return article;
        }
        String stripped = kept.isEmpty() ? parts[0] : String.join(" - ", kept);
        return new ClusterInput(article.id(), stripped, article.text(), article.published(), article.arrival());
    }

    private static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }
}
