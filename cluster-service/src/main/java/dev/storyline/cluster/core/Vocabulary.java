package dev.storyline.cluster.core;

import java.util.Arrays;

/**
 * Term ids for character sequences, looked up straight from a character buffer, so that tokenising an article
 * allocates no string per word: an open-addressing table over an append-only pool of the terms' characters. Each
 * term also carries flags (a proper name; a word that is never a term; a capitalised word that is not a name).
 */
final class Vocabulary {

    static final byte NAME = 1;
    static final byte STOP_WORD = 2;
    static final byte NOT_A_NAME = 4;

    private char[] pool = new char[1 << 16];
    private int poolSize;
    /** By id: where its characters start in the pool (the next id's start is where they end), hash and flags. */
    private int[] starts = new int[1024];
    private int[] hashes = new int[1024];
    private byte[] flags = new byte[1024];
    private boolean[] names = new boolean[1024];
    private int size;
    /** Open addressing: id + 1, or 0 for an empty slot. */
    private int[] table = new int[2048];

    int size() {
        return size;
    }

    static int hash(char[] chars, int length) {
        int h = 0;
        for (int i = 0; i < length; i++) {
            h = 31 * h + chars[i];
        }
        return h ^ (h >>> 16);
    }

    /** The id of the term, or -1 when it has none yet. */
    int find(char[] chars, int length, int hash) {
        int mask = table.length - 1;
        for (int at = hash & mask; table[at] != 0; at = (at + 1) & mask) {
            int id = table[at] - 1;
            if (hashes[id] == hash && same(id, chars, length)) {
                return id;
            }
        }
        return -1;
    }

    /** The id of the term, given one if it has none. */
    int intern(char[] chars, int length, int hash) {
        int id = find(chars, length, hash);
        return id >= 0 ? id : add(chars, length, hash);
    }

    int intern(String term) {
        char[] chars = term.toCharArray();
        return intern(chars, chars.length, hash(chars, chars.length));
    }

    byte flags(int id) {
        return flags[id];
    }

    void flag(int id, byte flag) {
        flags[id] |= flag;
        names[id] = (flags[id] & NAME) != 0;
    }

    /** Whether each id is a proper name (or a run of two); the array may be replaced as ids are added. */
    boolean[] names() {
        return names;
    }

    String term(int id) {
        int end = id + 1 < size ? starts[id + 1] : poolSize;
        return new String(pool, starts[id], end - starts[id]);
    }

    private boolean same(int id, char[] chars, int length) {
        int start = starts[id];
        int end = id + 1 < size ? starts[id + 1] : poolSize;
        if (end - start != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (pool[start + i] != chars[i]) {
                return false;
            }
        }
        return true;
    }

    private int add(char[] chars, int length, int hash) {
        if (poolSize + length > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + length));
        }
        if (size == starts.length) {
            int n = size * 2;
            starts = Arrays.copyOf(starts, n);
            hashes = Arrays.copyOf(hashes, n);
            flags = Arrays.copyOf(flags, n);
            names = Arrays.copyOf(names, n);
        }
        int id = size++;
        System.arraycopy(chars, 0, pool, poolSize, length);
        starts[id] = poolSize;
        poolSize += length;
        hashes[id] = hash;
        if (2 * size > table.length) {
            rehash();
        }
        place(id);
        return id;
    }

    private void place(int id) {
        int mask = table.length - 1;
        int at = hashes[id] & mask;
        while (table[at] != 0) {
            at = (at + 1) & mask;
        }
        table[at] = id + 1;
    }

    private void rehash() {
        table = new int[table.length * 2];
        for (int id = 0; id < size - 1; id++) {
            place(id);
        }
    }
}
