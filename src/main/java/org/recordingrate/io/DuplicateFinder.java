package org.recordingrate.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The 64-bit values met more than once in a stream of any length, in bounded memory. Up to
 * {@value #IN_MEMORY} distinct values are kept in an open-addressing hash set (1 MB); past that,
 * every value (those in the set first) is written to one of {@value #BUCKETS} temporary files by its
 * top 8 bits, and at the end each file is read back into a hash set of its own: values equal to
 * each other share a file, so each file is checked alone (hash partitioning, as in a Grace hash
 * join). The values are expected to be well-mixed hashes (fingerprints), so the files are of
 * about equal size, and each is checked with a set of its own: 256 x 2^16 = 17 million values
 * in sets of at most 1 MB; beyond that a file's set grows with it (4 MB per file at 67 million).
 * Values bound for a file are gathered in a buffer of {@value #BUFFERED} per file (1 MB in all)
 * and written a buffer at a time (and read back a buffer at a time, into one set reused from
 * file to file). Disk: 8 bytes a value, deleted on {@link #close()}. Not
 * thread-safe.
 */
final class DuplicateFinder implements AutoCloseable {

    /**
     * Distinct values held in memory before partitioning to disk: a table of at most 1 MB, so that
     * even a 48 MB heap never holds large arrays (with G1, arrays over half a region go straight to
     * the old generation and cost full collections).
     */
    static final int IN_MEMORY = 1 << 16;
    /** Temporary files when partitioning (a file's set then stays small enough for the processor's cache). */
    static final int BUCKETS = 256;
    /** Values gathered per file before they are written. */
    static final int BUFFERED = 512;

    private final int inMemory;
    private LongSet memory = new LongSet(1 << 10);
    private FileChannel[] buckets;
    private Path[] paths;
    private long[][] pending;
    private int[] pendingCount;
    private ByteBuffer out;
    private long[] repeated = new long[16];
    private int repeatedCount;

    DuplicateFinder() {
        this(IN_MEMORY);
    }

    /** With a smaller memory limit, so tests can exercise the partitioning. */
    DuplicateFinder(int inMemory) {
        this.inMemory = inMemory;
    }

    void add(long value) {
        if (buckets == null && memory.size() >= inMemory) {
            partition();
        }
        if (buckets != null) {
            write(value);
        } else if (!memory.add(value)) {
            record(value);
        }
    }

    /** The distinct values met at least twice, sorted. */
    long[] repeated() {
        if (buckets != null) {
            try {
                // one set and one read buffer for all the files, each file's values read a buffer at a time
                LongSet set = null;
                ByteBuffer in = ByteBuffer.allocate(8 * BUFFERED);
                for (int b = 0; b < BUCKETS; b++) {
                    flush(b);
                    long count = buckets[b].size() / 8;
                    int capacity = Integer.highestOneBit((int) Math.min(Math.max(2 * count, 1 << 4), 1 << 29)) * 2;
                    if (set == null || set.capacity() < capacity) {
                        set = new LongSet(capacity);
                    } else {
                        set.clear();
                    }
                    buckets[b].position(0);
                    for (long remaining = 8 * count; remaining > 0; ) {
                        in.clear();
                        in.limit((int) Math.min(in.capacity(), remaining));
                        while (in.hasRemaining()) {
                            if (buckets[b].read(in) < 0) {
                                throw new java.io.EOFException(paths[b] + " ended early");
                            }
                        }
                        remaining -= in.position();
                        in.flip();
                        while (in.hasRemaining()) {
                            long value = in.getLong();
                            if (!set.add(value)) {
                                record(value);
                            }
                        }
                    }
                    buckets[b].close();
                }
            } catch (IOException e) {
                throw failure(e);
            }
        }
        long[] found = Arrays.copyOf(repeated, repeatedCount);
        Arrays.sort(found);
        int distinct = 0;
        for (int i = 0; i < found.length; i++) {
            if (i == 0 || found[i] != found[i - 1]) {
                found[distinct++] = found[i];
            }
        }
        return Arrays.copyOf(found, distinct);
    }

    private void record(long value) {
        if (repeatedCount == repeated.length) {
            repeated = Arrays.copyOf(repeated, 2 * repeatedCount);
        }
        repeated[repeatedCount++] = value;
    }

    private void partition() {
        buckets = new FileChannel[BUCKETS];
        paths = new Path[BUCKETS];
        pending = new long[BUCKETS][BUFFERED];
        pendingCount = new int[BUCKETS];
        out = ByteBuffer.allocate(8 * BUFFERED);
        try {
            for (int b = 0; b < BUCKETS; b++) {
                paths[b] = Files.createTempFile("recording-rate-ids-", ".bin");
                buckets[b] = FileChannel.open(paths[b], StandardOpenOption.READ, StandardOpenOption.WRITE);
            }
        } catch (IOException e) {
            throw failure(e);
        }
        memory.forEach(this::write);
        memory = null;
    }

    private void write(long value) {
        int b = (int) (value >>> 56);
        pending[b][pendingCount[b]++] = value;
        if (pendingCount[b] == BUFFERED) {
            try {
                flush(b);
            } catch (IOException e) {
                throw failure(e);
            }
        }
    }

    /** Writes the values gathered for file b (big-endian, as {@link #repeated()} reads them). */
    private void flush(int b) throws IOException {
        out.clear();
        out.asLongBuffer().put(pending[b], 0, pendingCount[b]);
        out.limit(8 * pendingCount[b]);
        while (out.hasRemaining()) {
            buckets[b].write(out);
        }
        pendingCount[b] = 0;
    }

    private static UncheckedIOException failure(IOException e) {
        return new UncheckedIOException("temporary file of record-id fingerprints: " + e.getMessage(), e);
    }

    /** Deletes the temporary files. */
    @Override
    public void close() {
        if (paths == null) {
            return;
        }
        for (int b = 0; b < BUCKETS; b++) {
            try {
                if (buckets[b] != null) {
                    buckets[b].close();
                }
                if (paths[b] != null) {
                    Files.deleteIfExists(paths[b]);
                }
            } catch (IOException ignored) {
                // a temporary file left behind is harmless; the system's cleaner removes it
            }
        }
        paths = null;
    }

    /**
     * A set of longs by open addressing with linear probing, at most half full. Empty slots hold
     * 0, so the value 0 itself is tracked by a flag.
     */
    private static final class LongSet {
        private long[] table;
        private int size;
        private boolean hasZero;

        LongSet(int capacity) {
            table = new long[capacity];
        }

        int size() {
            return size;
        }

        int capacity() {
            return table.length;
        }

        void clear() {
            Arrays.fill(table, 0);
            size = 0;
            hasZero = false;
        }

        /** Adds; false if already present. */
        boolean add(long value) {
            if (value == 0) {
                if (hasZero) {
                    return false;
                }
                hasZero = true;
                size++;
                return true;
            }
            if (2 * (size + 1) > table.length) {
                grow();
            }
            if (!insert(table, value)) {
                return false;
            }
            size++;
            return true;
        }

        private static boolean insert(long[] table, long value) {
            int mask = table.length - 1;
            int i = (int) (value ^ (value >>> 32)) & mask;
            while (table[i] != 0) {
                if (table[i] == value) {
                    return false;
                }
                i = (i + 1) & mask;
            }
            table[i] = value;
            return true;
        }

        private void grow() {
            long[] bigger = new long[table.length * 2];
            for (long value : table) {
                if (value != 0) {
                    insert(bigger, value);
                }
            }
            table = bigger;
        }

        void forEach(java.util.function.LongConsumer action) {
            if (hasZero) {
                action.accept(0);
            }
            for (long value : table) {
                if (value != 0) {
                    action.accept(value);
                }
            }
        }
    }
}
