package dev.storyline.cluster.core;

import java.util.Arrays;

/**
 * Term ids for character sequences, looked up straight from a character buffer, so that tokenising an article
 * allocates no string per word. A term is known by a 64-bit hash of its characters: an open-addressing table holds
 * hash and id side by side, so a lookup touches one cache line, with no character comparison (two of ten million
 * terms share a 64-bit hash with odds of about 3 in a million; they would then count as one term). Each term also
 * carries flags (a proper name; a word that is never a term; a capitalised word that is not a name), and its
 * characters are kept for {@link #term}.
 */
final class Vocabulary {

    static final byte NAME = 1;
    static final byte STOP_WORD = 2;
    static final byte NOT_A_NAME = 4;
    /** A month's name or abbreviation. */
    static final byte MONTH = 8;
    /** A weekday's name or abbreviation. */
    static final byte WEEKDAY = 16;
    /** A word that introduces an age ("aged 23"). */
    static final byte AGE_WORD = 32;

    private static final long SEED = 0xcbf29ce484222325L;

    private char[] pool = new char[1 << 16];
    private int poolSize;
    /** By id: where its characters start in the pool (the next id's start is where they end), and flags. */
    private int[] starts = new int[1024];
    private byte[] flags = new byte[1024];
    private boolean[] names = new boolean[1024];
    private int size;
    /** Open addressing, two longs a slot: the term's hash (never 0) and its id; hash 0 marks an empty slot. */
    private long[] table = new long[2 * 2048];
    /**
     * A hash's probe starts at its top bits ({@code hash >>> shift}), so that when the table doubles its entries keep
     * their order and the rehash streams through both tables instead of writing at random places.
     */
    private int shift = 64 - 11;

    int size() {
        return size;
    }

    static long hash(char[] chars, int length) {
        long h = SEED;
        for (int i = 0; i < length; i++) {
            h = step(h, chars[i]);
        }
        return finish(h);
    }

    /** {@link #hash}, one character at a time: start from {@link #start}, {@link #step} each, then {@link #finish}. */
    static long start() {
        return SEED;
    }

    static long step(long h, char c) {
        return (h ^ c) * 0x100000001b3L;
    }

    static long finish(long h) {
        h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
        h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }

    /** The id of the term with this {@link #hash}, or -1 when it has none yet. */
    int find(long hash) {
        int at = slot(hash);
        return table[2 * at] == 0 ? -1 : (int) table[2 * at + 1];
    }

    /** The slot holding the hash, or the empty slot where its probe ends. */
    private int slot(long hash) {
        int mask = table.length / 2 - 1;
        int at = (int) (hash >>> shift);
        while (table[2 * at] != 0 && table[2 * at] != hash) {
            at = (at + 1) & mask;
        }
        return at;
    }

    /** The id of the term (chars[0, length) with this {@link #hash}), given one with these flags if it has none. */
    int intern(char[] chars, int length, long hash, byte flagsIfNew) {
        int at = slot(hash);
        if (table[2 * at] != 0) {
            return (int) table[2 * at + 1];
        }
        // not there: it goes in the empty slot the search ended on (unless the table grows first)
        int id = add(chars, length, hash, at);
        flag(id, flagsIfNew);
        return id;
    }

    int intern(String term) {
        char[] chars = term.toCharArray();
        return intern(chars, chars.length, hash(chars, chars.length), (byte) 0);
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

    /** Adds the term; {@code at} is the empty slot its search ended on. */
    private int add(char[] chars, int length, long hash, int at) {
        if (poolSize + length > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + length));
        }
        if (size == starts.length) {
            int n = size * 2;
            starts = Arrays.copyOf(starts, n);
            flags = Arrays.copyOf(flags, n);
            names = Arrays.copyOf(names, n);
        }
        int id = size++;
        System.arraycopy(chars, 0, pool, poolSize, length);
        starts[id] = poolSize;
        poolSize += length;
        if (2 * size > table.length / 2) {
            long[] old = table;
            table = new long[old.length * 2];
            shift--;
            for (int k = 0; k < old.length; k += 2) {
                if (old[k] != 0) {
                    place(old[k], (int) old[k + 1], slot(old[k]));
                }
            }
            at = slot(hash);
        }
        place(hash, id, at);
        return id;
    }

    private void place(long hash, int id, int at) {
        table[2 * at] = hash;
        table[2 * at + 1] = id;
    }
}
