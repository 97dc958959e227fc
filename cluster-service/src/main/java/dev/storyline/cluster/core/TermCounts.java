package dev.storyline.cluster.core;

/** Term weights summed per term: an open-addressing table of strings to doubles, with no boxing. */
final class TermCounts {

    private String[] keys = new String[128];
    private double[] values = new double[128];
    private int size;

    void add(String term, double weight) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int at = spread(term.hashCode()) & mask;
        while (keys[at] != null && !keys[at].equals(term)) {
            at = (at + 1) & mask;
        }
        if (keys[at] == null) {
            keys[at] = term;
            size++;
        }
        values[at] += weight;
    }

    int size() {
        return size;
    }

    /** The table's slots: a slot holds a term when {@link #term} is not null. */
    int slots() {
        return keys.length;
    }

    String term(int slot) {
        return keys[slot];
    }

    double weight(int slot) {
        return values[slot];
    }

    private void grow() {
        String[] oldKeys = keys;
        double[] oldValues = values;
        keys = new String[oldKeys.length * 2];
        values = new double[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int at = spread(oldKeys[i].hashCode()) & mask;
                while (keys[at] != null) {
                    at = (at + 1) & mask;
                }
                keys[at] = oldKeys[i];
                values[at] = oldValues[i];
            }
        }
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
