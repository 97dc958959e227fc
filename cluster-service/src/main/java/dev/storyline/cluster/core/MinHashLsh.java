package dev.storyline.cluster.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Near-duplicate detection: MinHash signatures over word shingles, indexed by locality-sensitive hashing. The
 * number of bands and rows is derived from the Jaccard threshold: of all (bands, rows) that fit the signature, the
 * pair whose S-curve 1-(1-s^r)^b misclassifies the least probability mass (false positives below the threshold plus
 * false negatives above it, equally weighted). Candidates from shared buckets are confirmed on the estimated
 * Jaccard similarity.
 */
public final class MinHashLsh {

    /** One indexed document. */
    private record Doc(String id, LocalDate published, long arrival, int[] signature) {
    }

    private final double threshold;
    private final int permutations;
    private final int shingleWords;
    private final int bands;
    private final int rows;
    private final long[] seeds;
    private final List<Map<Long, List<Doc>>> buckets = new ArrayList<>();

    public MinHashLsh(double threshold, int permutations, int shingleWords) {
        this.threshold = threshold;
        this.permutations = permutations;
        this.shingleWords = shingleWords;
        int[] br = optimalBandsAndRows(threshold, permutations);
        this.bands = br[0];
        this.rows = br[1];
        this.seeds = new long[permutations];
        long x = 0x9E3779B97F4A7C15L;
        for (int i = 0; i < permutations; i++) {
            x = mix(x + i);
            seeds[i] = x;
        }
        for (int b = 0; b < bands; b++) {
            buckets.add(new HashMap<>());
        }
    }

    public int bands() {
        return bands;
    }

    public int rows() {
        return rows;
    }

    /**
     * Indexes the document and tells which earlier-indexed document it copies: the earliest copy by publication
     * day (then arrival). When the new document is itself the earliest, the copies found are reported as copies of
     * it instead.
     */
    public Copies add(String id, String text, LocalDate published, long arrival) {
        int[] sig = signature(text);
        if (sig == null) {
            return new Copies(null, List.of());
        }
        Doc doc = new Doc(id, published, arrival, sig);
        Map<String, Doc> candidates = new HashMap<>();
        for (int b = 0; b < bands; b++) {
            List<Doc> bucket = buckets.get(b).computeIfAbsent(bandKey(sig, b), k -> new ArrayList<>(1));
            for (Doc other : bucket) {
                candidates.putIfAbsent(other.id(), other);
            }
            bucket.add(doc);
        }
        List<Doc> copies = candidates.values().stream().filter(other -> jaccard(sig, other.signature()) >= threshold)
                .toList();
        if (copies.isEmpty()) {
            return new Copies(null, List.of());
        }
        Doc earliest = copies.stream().min(EARLIEST).orElseThrow();
        if (EARLIEST.compare(earliest, doc) < 0) {
            return new Copies(earliest.id(), List.of());
        }
        // Arrived late but published first: it is the original, and the copies found point to it from now on.
        return new Copies(null, copies.stream().map(Doc::id).toList());
    }

    /** What {@link #add} found: the original the document copies, and earlier documents that now copy it. */
    public record Copies(String copyOf, List<String> nowCopiesOfThis) {
    }

    /** Publication day when both are dated, else arrival. */
    private static final Comparator<Doc> EARLIEST = (a, b) -> {
        if (a.published() != null && b.published() != null && !a.published().equals(b.published())) {
            return a.published().compareTo(b.published());
        }
        return Long.compare(a.arrival(), b.arrival());
    };

    /** The estimated Jaccard similarity of two texts, from their signatures. */
    public double similarity(String a, String b) {
        int[] sa = signature(a);
        int[] sb = signature(b);
        return sa == null || sb == null ? 0 : jaccard(sa, sb);
    }

    int[] signature(String text) {
        List<String> words = Text.words(text);
        if (words.size() < shingleWords) {
            return null;
        }
        int[] sig = new int[permutations];
        java.util.Arrays.fill(sig, Integer.MAX_VALUE);
        for (int i = 0; i + shingleWords <= words.size(); i++) {
            long h = 0xcbf29ce484222325L;
            for (int j = i; j < i + shingleWords; j++) {
                h = (h ^ words.get(j).hashCode()) * 0x100000001b3L;
            }
            for (int p = 0; p < permutations; p++) {
                int v = (int) (mix(h ^ seeds[p]) >>> 33);
                if (v < sig[p]) {
                    sig[p] = v;
                }
            }
        }
        return sig;
    }

    private long bandKey(int[] sig, int band) {
        long h = band;
        for (int r = band * rows; r < (band + 1) * rows; r++) {
            h = mix(h * 31 + sig[r]);
        }
        return h;
    }

    private static double jaccard(int[] a, int[] b) {
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return (double) same / a.length;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** {bands, rows} with bands * rows <= permutations that best separate pairs above and below the threshold. */
    static int[] optimalBandsAndRows(double threshold, int permutations) {
        double best = Double.MAX_VALUE;
        int[] choice = { 1, permutations };
        for (int b = 1; b <= permutations; b++) {
            for (int r = 1; b * r <= permutations; r++) {
                final int bb = b;
                final int rr = r;
                double falsePositive = integrate(s -> 1 - Math.pow(1 - Math.pow(s, rr), bb), 0, threshold);
                double falseNegative = integrate(s -> Math.pow(1 - Math.pow(s, rr), bb), threshold, 1);
                double error = 0.5 * falsePositive + 0.5 * falseNegative;
                if (error < best) {
                    best = error;
                    choice = new int[] { b, r };
                }
            }
        }
        return choice;
    }

    private static double integrate(java.util.function.DoubleUnaryOperator f, double a, double b) {
        int steps = 200;
        double h = (b - a) / steps;
        double sum = 0.5 * (f.applyAsDouble(a) + f.applyAsDouble(b));
        for (int i = 1; i < steps; i++) {
            sum += f.applyAsDouble(a + i * h);
        }
        return sum * h;
    }
}
