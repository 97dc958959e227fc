package dev.storyline.cluster.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Near-duplicate detection: MinHash signatures over word shingles (one-permutation hashing into as many bins as
 * the signature has values), indexed by locality-sensitive hashing. The
 * number of bands and rows is derived from the Jaccard threshold: of all (bands, rows) that fit the signature, the
 * pair whose S-curve 1-(1-s^r)^b misclassifies the least probability mass (false positives below the threshold plus
 * false negatives above it, equally weighted). Candidates from shared buckets are confirmed on the estimated
 * Jaccard similarity. Not thread-safe: one caller at a time (it reuses scratch buffers).
 */
public final class MinHashLsh {

    private final double threshold;
    private final int permutations;
    private final int shingleWords;
    private final int bands;
    private final int rows;
    private final long[] seeds;
    /** The indexed documents, by position: id, publication day (or {@link #UNDATED}), arrival and signature. */
    private String[] ids = new String[1024];
    private long[] days = new long[1024];
    private long[] arrivals = new long[1024];
    private int[][] signatures = new int[1024][];
    private int count;
    /**
     * One bucket table per band: band key to the latest document in the bucket (+ 1). The chains go on through
     * {@link #next}: a document's links for all bands lie side by side, in one or two cache lines. They are kept in
     * pages of {@link #PAGE} documents, added as the index grows: one array for all (32 links a document) was copied
     * whole each time it doubled, 128 MB into a new 256 MB array at the 1,048,576th document, and that article took
     * 574 ms (102 ms with the pages).
     */
    private final BucketTable[] tables;
    private int[][] nextPages = new int[16][];
    private static final int PAGE_BITS = 12;
    private static final int PAGE = 1 << PAGE_BITS;
    /** Scratch for one text at a time (callers serialise calls): its word hashes and its signature's bins. */
    private long[] words = new long[256];
    private final int[] scratch;
    private final long[] bandKeys;
    /** Where the cache-warming reads go, so that the compiler keeps them. */
    private long sink;

    private static final long UNDATED = Long.MIN_VALUE;

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
            seeds[i] = x | 1;
        }
        scratch = new int[permutations];
        bandKeys = new long[bands];
        tables = new BucketTable[bands];
        for (int b = 0; b < bands; b++) {
            tables[b] = new BucketTable();
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
        int count = wordHashes(text);
        return add(id, words, count, published, arrival);
    }

    /**
     * {@link #add(String, String, LocalDate, long)} for a text already split into words: the first {@code count}
     * of {@code wordHashes}, a 64-bit hash of each lower-cased word in order (as {@link Features} reads them).
     */
    Copies add(String id, long[] wordHashes, int count, LocalDate published, long arrival) {
        int[] sig = signature(wordHashes, count);
        if (sig == null) {
            return new Copies(null, List.of());
        }
        int doc = store(id, published == null ? UNDATED : published.toEpochDay(), arrival, sig);
        int[] copies = new int[8];
        int found = 0;
        long[] keys = bandKeys;
        long touched = 0;
        for (int b = 0; b < bands; b++) {
            keys[b] = bandKey(sig, b);
            // read each band's slot before any is written: the loads do not wait on one another, so their cache
            // misses overlap instead of coming one after the other
            touched += tables[b].peek(keys[b]);
        }
        sink ^= touched;
        for (int b = 0; b < bands; b++) {
            long key = keys[b];
            int head = tables[b].put(key, doc + 1);
            nextPages[doc >>> PAGE_BITS][(doc & (PAGE - 1)) * bands + b] = head;
            for (int other = head - 1; other >= 0; other = next(other, b) - 1) {
                if (!contains(copies, found, other) && jaccard(sig, signatures[other]) >= threshold) {
                    if (found == copies.length) {
                        copies = Arrays.copyOf(copies, 2 * found);
                    }
                    copies[found++] = other;
                }
            }
        }
        if (found == 0) {
            return new Copies(null, List.of());
        }
        int earliest = copies[0];
        for (int i = 1; i < found; i++) {
            if (earlier(copies[i], earliest)) {
                earliest = copies[i];
            }
        }
        if (earlier(earliest, doc)) {
            return new Copies(ids[earliest], List.of());
        }
        // Arrived late but published first: it is the original, and the copies found point to it from now on.
        List<String> later = new ArrayList<>(found);
        for (int i = 0; i < found; i++) {
            later.add(ids[copies[i]]);
        }
        return new Copies(null, later);
    }

    private static boolean contains(int[] values, int count, int value) {
        for (int i = 0; i < count; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    private int store(String id, long day, long arrival, int[] sig) {
        if (count == ids.length) {
            int n = count * 2;
            ids = Arrays.copyOf(ids, n);
            days = Arrays.copyOf(days, n);
            arrivals = Arrays.copyOf(arrivals, n);
            signatures = Arrays.copyOf(signatures, n);
        }
        int page = count >>> PAGE_BITS;
        if (page == nextPages.length) {
            nextPages = Arrays.copyOf(nextPages, 2 * page);
        }
        if (nextPages[page] == null) {
            nextPages[page] = new int[PAGE * bands];
        }
        ids[count] = id;
        days[count] = day;
        arrivals[count] = arrival;
        signatures[count] = sig;
        return count++;
    }

    /** The document after this one (+ 1; 0 at the end) in the band's bucket. */
    private int next(int doc, int band) {
        return nextPages[doc >>> PAGE_BITS][(doc & (PAGE - 1)) * bands + band];
    }

    /** Publication day when both are dated, else arrival. */
    private boolean earlier(int a, int b) {
        if (days[a] != UNDATED && days[b] != UNDATED && days[a] != days[b]) {
            return days[a] < days[b];
        }
        return arrivals[a] < arrivals[b];
    }

    /**
     * An open-addressing map from band key to the latest document (position + 1) in that bucket, one long a slot:
     * the key's upper 32 bits (which also choose the slot: band keys are mixed hashes) and the document side by
     * side, so that a lookup touches one cache line of a compact table. Two band keys that share their upper bits
     * share a bucket: that only adds a candidate, which the similarity check then turns down.
     */
    private static final class BucketTable {
        private long[] slots = new long[2048];
        /**
         * A key's probe starts at its top bits ({@code key >>> shift}): when the table doubles, the entries keep
         * their order, so the rehash streams through the old table and the new one instead of writing at random
         * places of a table too big for the cache.
         */
        private int shift = 64 - 11;
        private int size;

        /** The slot where the key would start its probe (read only to bring it into the cache). */
        long peek(long key) {
            return slots[(int) (key >>> shift)];
        }

        /** Stores the document as the bucket's latest and returns the previous latest (0 when none). */
        int put(long key, int doc) {
            if (2 * (size + 1) > slots.length) {
                grow();
            }
            long tag = key & 0xFFFFFFFF00000000L;
            int mask = slots.length - 1;
            int at = (int) (key >>> shift);
            while (slots[at] != 0 && (slots[at] & 0xFFFFFFFF00000000L) != tag) {
                at = (at + 1) & mask;
            }
            int previous = (int) slots[at];
            if (previous == 0) {
                size++;
            }
            slots[at] = tag | doc;
            return previous;
        }

        private void grow() {
            long[] old = slots;
            slots = new long[old.length * 2];
            shift--;
            int mask = slots.length - 1;
            for (long slot : old) {
                if (slot != 0) {
                    int at = (int) (slot >>> shift);
                    while (slots[at] != 0) {
                        at = (at + 1) & mask;
                    }
                    slots[at] = slot;
                }
            }
        }
    }

    /** What {@link #add} found: the original the document copies, and earlier documents that now copy it. */
    public record Copies(String copyOf, List<String> nowCopiesOfThis) {
    }

    /** The estimated Jaccard similarity of two texts, from their signatures. */
    public double similarity(String a, String b) {
        int count = wordHashes(a);
        int[] sa = signature(words, count);
        count = wordHashes(b);
        int[] sb = signature(words, count);
        return sa == null || sb == null ? 0 : jaccard(sa, sb);
    }

    /**
     * One-permutation MinHash: each shingle is hashed once, its hash picks one of the {@code permutations} bins and
     * the bin keeps its smallest value; empty bins (short texts) borrow the value of a bin chosen by a hash of their
     * own index (optimal densification, Shrivastava 2017), so that two texts agree in a bin with probability equal to
     * their Jaccard similarity, as with independent permutations, at a fraction of the cost.
     */
    private int[] signature(long[] words, int n) {
        if (n < shingleWords) {
            return null;
        }
        int[] sig = scratch;
        Arrays.fill(sig, Integer.MAX_VALUE);
        long filled = 0; // bins 0-63
        long filledHigh = 0; // bins 64-127 (more bins: see binFilled)
        boolean[] filledMore = permutations > 128 ? new boolean[permutations] : null;
        // the shingle's hash rolls: sum of word * P^(k-1-j) over its k words, updated in two multiplications a word
        long power = 1;
        for (int j = 1; j < shingleWords; j++) {
            power *= SHINGLE_BASE;
        }
        long rolling = 0;
        for (int j = 0; j < shingleWords; j++) {
            rolling = rolling * SHINGLE_BASE + words[j];
        }
        for (int i = 0; i + shingleWords <= n; i++) {
            if (i > 0) {
                rolling = (rolling - words[i - 1] * power) * SHINGLE_BASE + words[i + shingleWords - 1];
            }
            long h = mix(rolling);
            int bin = (int) (((h >>> 32) * permutations) >>> 32);
            int v = (int) h & Integer.MAX_VALUE;
            if (v < sig[bin]) {
                sig[bin] = v;
            }
            if (bin < 64) {
                filled |= 1L << bin;
            } else if (bin < 128) {
                filledHigh |= 1L << (bin - 64);
            } else {
                filledMore[bin] = true;
            }
        }
        int[] out = sig.clone();
        for (int b = 0; b < permutations; b++) {
            if (!binFilled(b, filled, filledHigh, filledMore)) {
                long probe = seeds[b];
                int from;
                do {
                    probe = mix(probe);
                    from = (int) (((probe >>> 32) * permutations) >>> 32);
                } while (!binFilled(from, filled, filledHigh, filledMore));
                out[b] = sig[from];
            }
        }
        return out;
    }

    private static boolean binFilled(int bin, long filled, long filledHigh, boolean[] filledMore) {
        if (bin < 64) {
            return (filled & (1L << bin)) != 0;
        }
        return bin < 128 ? (filledHigh & (1L << (bin - 64))) != 0 : filledMore[bin];
    }

    private static final long SHINGLE_BASE = 0x100000001b3L;

    /**
     * A hash of each word (letter-or-digit run, lower-cased), computed in place without building strings, into
     * {@link #words}; how many.
     */
    private int wordHashes(String text) {
        if (text == null) {
            return 0;
        }
        long[] out = words;
        int n = 0;
        int len = text.length();
        int i = 0;
        while (i < len) {
            while (i < len && !Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            if (i >= len) {
                break;
            }
            long h = 0x84222325cbf29ce4L;
            while (i < len && Character.isLetterOrDigit(text.charAt(i))) {
                h = (h ^ Character.toLowerCase(text.charAt(i))) * 0x100000001b3L;
                i++;
            }
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = h;
        }
        words = out;
        return n;
    }

    private long bandKey(int[] sig, int band) {
        // the band's values as digits of a number in an odd 64-bit base, mixed once
        long h = band;
        for (int r = band * rows; r < (band + 1) * rows; r++) {
            h = h * 0x9E3779B97F4A7C15L + sig[r];
        }
        return mix(h);
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
