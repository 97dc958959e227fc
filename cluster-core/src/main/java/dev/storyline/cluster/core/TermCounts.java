package dev.storyline.cluster.core;

import java.util.Arrays;

/**
 * Term weights summed per term id for one article: a small open-addressing table (it stays in cache, whatever the
 * size of the vocabulary) over entries kept in the order the terms first came. Reused from article to article;
 * clearing costs only what was added.
 */
final class TermCounts {

    /** By slot: id + 1 (0 for empty) and the entry it points to. */
    private int[] slotIds = new int[512];
    private int[] slotEntries = new int[512];
    /** By entry: id, summed weight and slot. */
    private int[] ids = new int[256];
    private double[] weights = new double[256];
    private int[] slots = new int[256];
    private int size;

    void add(int id, double weight) {
        int mask = slotIds.length - 1;
        int at = slot(id, mask);
        while (slotIds[at] != 0) {
            if (slotIds[at] == id + 1) {
                weights[slotEntries[at]] += weight;
                return;
            }
            at = (at + 1) & mask;
        }
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, 2 * size);
            weights = Arrays.copyOf(weights, 2 * size);
            slots = Arrays.copyOf(slots, 2 * size);
        }
        slotIds[at] = id + 1;
        slotEntries[at] = size;
        ids[size] = id;
        weights[size] = weight;
        slots[size] = at;
        size++;
        if (4 * size > slotIds.length) {
            grow();
        }
    }

    /** The entry of the id (its position in the order of {@link #id}), or -1. */
    int indexOf(int id) {
        int mask = slotIds.length - 1;
        for (int at = slot(id, mask); slotIds[at] != 0; at = (at + 1) & mask) {
            if (slotIds[at] == id + 1) {
                return slotEntries[at];
            }
        }
        return -1;
    }

    int size() {
        return size;
    }

    /** The i-th distinct id added, and its summed weight. */
    int id(int i) {
        return ids[i];
    }

    double weight(int i) {
        return weights[i];
    }

    void clear() {
        for (int i = 0; i < size; i++) {
            slotIds[slots[i]] = 0;
        }
        size = 0;
    }

    private static int slot(int id, int mask) {
        return ((id * 0x9E3779B1) >>> 16) & mask;
    }

    private void grow() {
        slotIds = new int[slotIds.length * 2];
        slotEntries = new int[slotIds.length];
        int mask = slotIds.length - 1;
        for (int i = 0; i < size; i++) {
            int at = slot(ids[i], mask);
            while (slotIds[at] != 0) {
                at = (at + 1) & mask;
            }
            slotIds[at] = ids[i] + 1;
            slotEntries[at] = i;
            slots[i] = at;
        }
    }
}
