package dev.storyline.cluster.core;

import java.util.Arrays;

/**
 * A sparse vector over term ids: ids ascending, with their weights; sums are merge-joins of two sorted arrays, with
 * no hashing and no boxing.
 */
final class SparseVector {

    static final SparseVector EMPTY = new SparseVector(new int[0], new double[0]);

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

    boolean contains(int id) {
        return Arrays.binarySearch(ids, id) >= 0;
    }

    double norm() {
        double n = 0;
        for (double w : weights) {
            n += w * w;
        }
        return Math.sqrt(n);
    }

    /** This plus the other, term by term. */
    SparseVector plus(SparseVector other) {
        int[] a = ids;
        int[] b = other.ids;
        // first the size of the union, so that the result is allocated once, at its size
        int union = 0;
        for (int i = 0, j = 0; i < a.length || j < b.length; union++) {
            if (j >= b.length || (i < a.length && a[i] < b[j])) {
                i++;
            } else if (i >= a.length || a[i] > b[j]) {
                j++;
            } else {
                i++;
                j++;
            }
        }
        int[] ids2 = new int[union];
        double[] w2 = new double[union];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.length || j < b.length) {
            if (j >= b.length || (i < a.length && a[i] < b[j])) {
                ids2[k] = a[i];
                w2[k++] = weights[i++];
            } else if (i >= a.length || a[i] > b[j]) {
                ids2[k] = b[j];
                w2[k++] = other.weights[j++];
            } else {
                ids2[k] = a[i];
                w2[k++] = weights[i++] + other.weights[j++];
            }
        }
        return new SparseVector(ids2, w2);
    }

    /** The {@code keep} heaviest terms, ids still ascending. */
    SparseVector heaviest(int keep) {
        if (ids.length <= keep) {
            return this;
        }
        double cut = kthLargest(keep);
        int[] ids2 = new int[keep];
        double[] w2 = new double[keep];
        int k = 0;
        // strictly heavier first, then ties at the cut in id order, until full
        for (int pass = 0; pass < 2 && k < keep; pass++) {
            for (int i = 0; i < ids.length && k < keep; i++) {
                boolean take = pass == 0 ? weights[i] > cut : weights[i] == cut;
                if (take) {
                    ids2[k] = ids[i];
                    w2[k++] = weights[i];
                }
            }
        }
        // restore ascending ids
        long[] packed = new long[k];
        for (int i = 0; i < k; i++) {
            packed[i] = ((long) ids2[i] << 32) | i;
        }
        Arrays.sort(packed);
        int[] ids3 = new int[k];
        double[] w3 = new double[k];
        for (int i = 0; i < k; i++) {
            int at = (int) packed[i];
            ids3[i] = ids2[at];
            w3[i] = w2[at];
        }
        return new SparseVector(ids3, w3);
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

    private double kthLargest(int k) {
        double[] copy = weights.clone();
        Arrays.sort(copy);
        return copy[copy.length - k];
    }
}
