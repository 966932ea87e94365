package org.recordingrate.select;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.recordingrate.io.PopulationRow;

/**
 * The k records of one category with the smallest permanent random numbers offered so far, for
 * {@link SelectionMethod#PRN}: a binary max-heap on (number, record id), so its top is the record
 * that the next smaller one replaces. Numbers are held as keys, the 64 bits with the sign bit
 * flipped, so that comparing keys as signed longs orders the numbers as unsigned ones.
 *
 * <p>Safe for several threads offering at once: {@link #offer} is synchronized, and
 * {@link #mayEnter} reads a volatile threshold without the lock, so the common record, whose number
 * is above the k-th smallest, costs no lock at all. The heap's final content does not depend on the
 * order in which records were offered: under a strict total order (ties of 64-bit numbers broken
 * by the record id, ids being unique) the k smallest of a set are one set, whatever the threads did.
 */
final class SelectionHeap {

    private final long k;
    private long[] keys;
    private PopulationRow[] rows;
    private int size;
    /** A key above this cannot enter: the top's once the heap is full, until then the largest key. */
    private volatile long threshold = Long.MAX_VALUE;

    /** A heap of the {@code k} smallest. */
    SelectionHeap(long k) {
        this.k = k;
        int capacity = (int) Math.min(Math.max(k, 1), 1 << 12);
        keys = new long[capacity];
        rows = new PopulationRow[capacity];
    }

    /** The key of a number: its bits with the sign flipped (signed order of keys = unsigned order of bits). */
    static long key(long bits) {
        return bits ^ Long.MIN_VALUE;
    }

    /** The most records kept (the planned k). */
    long capacity() {
        return k;
    }

    /**
     * Whether a record of this key could enter: false means it cannot (its number is above the k
     * kept); true means {@link #offer} decides, ties by record id included.
     */
    boolean mayEnter(long key) {
        return k > 0 && key <= threshold;
    }

    /** Keeps the record if it is among the k smallest so far. */
    synchronized void offer(long key, PopulationRow row) {
        if (size < k) {
            if (size == keys.length) {
                int capacity = (int) Math.min(k, 2L * size);
                keys = Arrays.copyOf(keys, capacity);
                rows = Arrays.copyOf(rows, capacity);
            }
            int i = size++;
            keys[i] = key;
            rows[i] = row;
            up(i);
            if (size == k) {
                threshold = keys[0];
            }
        } else if (size > 0 && less(key, row, keys[0], rows[0])) {
            keys[0] = key;
            rows[0] = row;
            down(0);
            threshold = keys[0];
        }
    }

    /** The records kept, in increasing order of number (then id): the selection order. */
    synchronized List<Ranked> sorted() {
        List<Ranked> kept = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            kept.add(new Ranked(keys[i] ^ Long.MIN_VALUE, rows[i]));
        }
        kept.sort((a, b) -> less(key(a.bits()), a.row(), key(b.bits()), b.row()) ? -1
                : less(key(b.bits()), b.row(), key(a.bits()), a.row()) ? 1 : 0);
        return kept;
    }

    /** A record kept, with its number's bits. */
    record Ranked(long bits, PopulationRow row) {
    }

    private static boolean less(long key, PopulationRow row, long otherKey, PopulationRow other) {
        return key != otherKey ? key < otherKey : row.recordId().compareTo(other.recordId()) < 0;
    }

    private void up(int i) {
        long key = keys[i];
        PopulationRow row = rows[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(keys[parent], rows[parent], key, row)) {
                break;
            }
            keys[i] = keys[parent];
            rows[i] = rows[parent];
            i = parent;
        }
        keys[i] = key;
        rows[i] = row;
    }

    private void down(int i) {
        long key = keys[i];
        PopulationRow row = rows[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && less(keys[child], rows[child], keys[right], rows[right])) {
                child = right;
            }
            if (!less(key, row, keys[child], rows[child])) {
                break;
            }
            keys[i] = keys[child];
            rows[i] = rows[child];
            i = child;
        }
        keys[i] = key;
        rows[i] = row;
    }
}
