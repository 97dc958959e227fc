package dev.storyline.cluster.core;

import java.util.Arrays;

/**
 * Term weights summed per term id for one article: a dense array by id plus the list of ids touched, so that adding
 * is one array write and clearing costs only what was touched. Reused from article to article.
 */
final class TermCounts {

    private double[] weights = new double[1024];
    private int[] touched = new int[256];
    private int size;

    void add(int id, double weight) {
        if (id >= weights.length) {
            weights = Arrays.copyOf(weights, Math.max(id + 1, weights.length * 2));
        }
        if (weights[id] == 0) {
            if (size == touched.length) {
                touched = Arrays.copyOf(touched, size * 2);
            }
            touched[size++] = id;
        }
        weights[id] += weight;
    }

    int size() {
        return size;
    }

    /** The i-th distinct id added. */
    int id(int i) {
        return touched[i];
    }

    double weight(int id) {
        return weights[id];
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            weights[touched[i]] = 0;
        }
        size = 0;
    }
}
