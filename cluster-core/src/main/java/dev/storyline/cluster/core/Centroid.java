package dev.storyline.cluster.core;

import java.util.Arrays;

/**
 * A story's summed term weights: ids ascending in the first {@link #size} places of arrays with room to spare, so
 * that adding an article's vector is a merge from the back, in place, without allocating (new arrays, half again
 * as large, only when it would not fit).
 */
final class Centroid {

    int[] ids = new int[0];
    double[] weights = new double[0];
    int size;

    /** Adds the first n entries of the given sorted ids and weights. */
    void add(int[] otherIds, double[] otherWeights, int n) {
        int union = size;
        for (int i = 0, j = 0; j < n;) {
            if (i < size && ids[i] < otherIds[j]) {
                i++;
            } else {
                if (i >= size || ids[i] != otherIds[j]) {
                    union++;
                } else {
                    i++;
                }
                j++;
            }
        }
        if (union > ids.length) {
            int capacity = Math.max(16, union + union / 2);
            ids = Arrays.copyOf(ids, capacity);
            weights = Arrays.copyOf(weights, capacity);
        }
        // from the back: the write position never overtakes the unread part of this centroid
        int i = size - 1;
        int j = n - 1;
        for (int k = union - 1; k >= 0; k--) {
            if (j < 0 || (i >= 0 && ids[i] > otherIds[j])) {
                ids[k] = ids[i];
                weights[k] = weights[i--];
            } else if (i < 0 || ids[i] < otherIds[j]) {
                ids[k] = otherIds[j];
                weights[k] = otherWeights[j--];
            } else {
                ids[k] = ids[i];
                weights[k] = weights[i--] + otherWeights[j--];
            }
        }
        size = union;
    }

    void add(SparseVector v) {
        add(v.ids, v.weights, v.ids.length);
    }

    void add(Centroid other) {
        add(other.ids, other.weights, other.size);
    }

    /** Keeps the {@code keep} heaviest terms (ties: the lower ids), ids still ascending. */
    void keepHeaviest(int keep) {
        if (size <= keep) {
            return;
        }
        double[] sorted = Arrays.copyOf(weights, size);
        Arrays.sort(sorted);
        double cut = sorted[size - keep];
        int heavier = 0;
        for (int i = 0; i < size; i++) {
            if (weights[i] > cut) {
                heavier++;
            }
        }
        int ties = keep - heavier;
        int k = 0;
        for (int i = 0; i < size; i++) {
            if (weights[i] > cut || (weights[i] == cut && ties-- > 0)) {
                ids[k] = ids[i];
                weights[k++] = weights[i];
            }
        }
        size = k;
    }

    /**
     * The dot product with a short vector whose ids are sorted: each id is found by binary search from where the one
     * before it was, so the cost follows the short vector, not this one.
     */
    double dot(int[] otherIds, double[] otherWeights) {
        double sum = 0;
        int from = 0;
        for (int k = 0; k < otherIds.length && from < size; k++) {
            int at = Arrays.binarySearch(ids, from, size, otherIds[k]);
            if (at >= 0) {
                sum += weights[at] * otherWeights[k];
                from = at + 1;
            } else {
                from = -at - 1;
            }
        }
        return sum;
    }

    double norm() {
        double n = 0;
        for (int i = 0; i < size; i++) {
            n += weights[i] * weights[i];
        }
        return Math.sqrt(n);
    }

    /** The norm, and in {@code nameNormOut[0]} the norm of the part over name terms ({@code isName} by id). */
    double norm(boolean[] isName, double[] nameNormOut) {
        double n = 0;
        double names = 0;
        for (int i = 0; i < size; i++) {
            double square = weights[i] * weights[i];
            n += square;
            if (isName[ids[i]]) {
                names += square;
            }
        }
        nameNormOut[0] = Math.sqrt(names);
        return Math.sqrt(n);
    }

    void clear() {
        ids = new int[0];
        weights = new double[0];
        size = 0;
    }
}
