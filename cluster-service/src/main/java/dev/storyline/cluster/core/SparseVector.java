package dev.storyline.cluster.core;

import java.util.Arrays;

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

    int size() {
        return ids.length;
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

    double norm() {
        double n = 0;
        for (double w : weights) {
            n += w * w;
        }
        return Math.sqrt(n);
    }

    /** The ids of the {@code n} heaviest terms, heaviest first (ties: the lower position first). */
    int[] topIds(int n) {
        // Weights are positive, so their float bits sort as the weights do: sort (weight, position) packed in a long.
        long[] packed = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            packed[i] = ((long) Float.floatToIntBits((float) weights[i]) << 32) | (ids.length - 1 - i);
        }
        Arrays.sort(packed);
        int m = Math.min(n, ids.length);
        int[] out = new int[m];
        for (int i = 0; i < m; i++) {
            out[i] = ids[ids.length - 1 - (int) packed[packed.length - 1 - i]];
        }
        return out;
    }
}
