package dev.storyline.cluster.core;

/**
 * An article's sparse vector over term ids: ids ascending, with their weights (stories sum them in a
 * {@link Centroid}).
 */
final class SparseVector {

    final int[] ids;
    final double[] weights;

    SparseVector(int[] ids, double[] weights) {
        this.ids = ids;
        this.weights = weights;
    }

    /** The norm of the part over name terms. */
    double norm(boolean[] isName) {
        double n = 0;
        for (int i = 0; i < ids.length; i++) {
            if (isName[ids[i]]) {
                n += weights[i] * weights[i];
            }
        }
        return Math.sqrt(n);
    }

    /** The ids of the {@code n} heaviest terms, heaviest first (ties: the lower position first). */
    int[] topIds(int n) {
        // Weights are positive, so their float bits order as the weights do: (weight, position) packed in a long,
        // all distinct. The best m are kept sorted ascending as they come (no full sort for a few of many).
        int m = Math.min(n, ids.length);
        long[] best = new long[m];
        int kept = 0;
        for (int i = 0; i < ids.length; i++) {
            long p = ((long) Float.floatToIntBits((float) weights[i]) << 32) | (ids.length - 1 - i);
            if (kept < m) {
                int at = kept++;
                while (at > 0 && best[at - 1] > p) {
                    best[at] = best[at - 1];
                    at--;
                }
                best[at] = p;
            } else if (p > best[0]) {
                int at = 0;
                while (at + 1 < m && best[at + 1] < p) {
                    best[at] = best[at + 1];
                    at++;
                }
                best[at] = p;
            }
        }
        int[] out = new int[m];
        for (int i = 0; i < m; i++) {
            out[i] = ids[ids.length - 1 - (int) best[m - 1 - i]];
        }
        return out;
    }
}
