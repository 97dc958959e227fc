package dev.storyline.cluster.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import dev.storyline.cluster.core.ClusterInput;

/**
 * A deterministic stream of synthetic news for benchmarks: events with their own names, places and words, reported
 * by several articles each over a few days, in a common vocabulary with a Zipf-like spread. Not for quality figures.
 */
final class SyntheticNews {

    private static final String[] SYLLABLES = { "ka", "lo", "mi", "ra", "ten", "dor", "vi", "sa", "nu", "pe", "gro",
            "bel", "an", "ish", "ko", "mar", "li", "os", "tre", "ven", "zu", "hal", "mo", "ric" };

    private final Random random;
    private final String[] vocabulary;
    private int event = -1;
    private String[] eventNames;
    private String[] eventWords;
    private int left;
    private LocalDate day = LocalDate.of(2020, 1, 1);
    private long arrival;

    SyntheticNews(long seed) {
        random = new Random(seed);
        vocabulary = new String[5000];
        for (int i = 0; i < vocabulary.length; i++) {
            vocabulary[i] = word(2 + random.nextInt(3));
        }
    }

    private String word(int syllables) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < syllables; i++) {
            b.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return b.toString();
    }

    private String name() {
        String w = word(2 + random.nextInt(2));
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    ClusterInput next() {
        if (left == 0) {
            event++;
            eventNames = new String[] { name(), name(), name(), name() };
            eventWords = new String[] { word(3), word(3), word(3), word(3), word(3), word(3) };
            left = 1 + random.nextInt(6);
            if (event % 40 == 0) {
                day = day.plusDays(1);
            }
        }
        left--;
        StringBuilder title = new StringBuilder(eventNames[0]).append(' ').append(eventWords[0]).append(" in ")
                .append(eventNames[1]);
        StringBuilder text = new StringBuilder();
        for (int sentence = 0; sentence < 10; sentence++) {
            text.append("The ");
            for (int w = 0; w < 14; w++) {
                double r = random.nextDouble();
                if (r < 0.12) {
                    text.append(eventNames[random.nextInt(eventNames.length)]);
                } else if (r < 0.3) {
                    text.append(eventWords[random.nextInt(eventWords.length)]);
                } else {
                    // Zipf-like: low indices far more often
                    int i = (int) Math.floor(Math.pow(vocabulary.length, random.nextDouble())) - 1;
                    text.append(vocabulary[i]);
                }
                text.append(' ');
            }
            text.setLength(text.length() - 1);
            text.append(". ");
        }
        return new ClusterInput("syn-" + arrival, title.toString(), text.toString(),
                day.plusDays(random.nextInt(3)), arrival++);
    }

    List<ClusterInput> take(int n) {
        List<ClusterInput> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(next());
        }
        return out;
    }
}
