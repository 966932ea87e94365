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
 * every value (those in the set first) is sent by its top 8 bits to one of {@value #BUCKETS}
 * partitions, and at the end each partition is read back into a hash set of its own: values equal
 * to each other share a partition, so each is checked alone (hash partitioning, as in a Grace hash
 * join). The values are expected to be well-mixed hashes (fingerprints), so the partitions are of
 * about equal size, and each is checked with a set of its own (one set, reused): 256 x 2^16 = 17
 * million values in a set of at most 1 MB; beyond that the set grows with the partitions (4 MB
 * at 67 million).
 *
 * <p>The partitions live in one temporary file: a partition's values are gathered in a buffer of
 * {@value #BUFFERED} (1 MB for all 256) and appended to the file a buffer (4 KB) at a time, and
 * an index of those 4 KB chunks (8 bytes each, 1/512 of the values' bytes) says which partition
 * each holds. Disk: 8 bytes a value, deleted on {@link #close()}. Not thread-safe.
 */
final class DuplicateFinder implements AutoCloseable {

    /**
     * Distinct values held in memory before partitioning to disk: a table of at most 1 MB, so that
     * even a 48 MB heap never holds large arrays (with G1, arrays over half a region go straight to
     * the old generation and cost full collections).
     */
    static final int IN_MEMORY = 1 << 16;
    /** Partitions (each partition's set then stays small enough for the processor's cache). */
    static final int BUCKETS = 256;
    /** Values gathered per partition before they are written: a 4 KB chunk of the file. */
    static final int BUFFERED = 512;

    private final int inMemory;
    private LongSet memory = new LongSet(1 << 10);
    /** The temporary file, made at once when asked for (see the constructor), else when first needed. */
    private Path path;
    private FileChannel spill;
    private boolean partitioned;
    private long[][] pending;
    private int[] pendingCount;
    private ByteBuffer out;
    /** Per chunk written, in file order: its partition. */
    private byte[] chunkBucket = new byte[64];
    /** Its number of values (BUFFERED but for the last chunk of each partition). */
    private short[] chunkCount = new short[64];
    private int chunks;
    private long[] repeated = new long[16];
    private int repeatedCount;

    DuplicateFinder() {
        this(IN_MEMORY, false);
    }

    /**
     * @param inMemory     distinct values held before partitioning (smaller in tests, to exercise it)
     * @param likelyToSpill make the temporary file now rather than in the middle of the stream:
     *                      for a long stream, so that the classes it needs (the JDK's temporary-file
     *                      names come from a {@code SecureRandom}) are loaded before the hot code
     *                      is compiled, not while it is
     */
    DuplicateFinder(int inMemory, boolean likelyToSpill) {
        this.inMemory = inMemory;
        if (likelyToSpill) {
            open();
        }
    }

    /** With a smaller memory limit, so tests can exercise the partitioning. */
    DuplicateFinder(int inMemory) {
        this(inMemory, false);
    }

    void add(long value) {
        if (partitioned) {
            write(value);
        } else if (memory.size() >= inMemory) {
            partition();
            write(value);
        } else if (!memory.add(value)) {
            record(value);
        }
    }

    /** The distinct values met at least twice, sorted. */
    long[] repeated() {
        if (partitioned) {
            try {
                for (int b = 0; b < BUCKETS; b++) {
                    flush(b);
                }
                long[] values = new long[BUFFERED];
                ByteBuffer in = ByteBuffer.allocate(8 * BUFFERED);
                long[] sizes = new long[BUCKETS];
                for (int c = 0; c < chunks; c++) {
                    sizes[chunkBucket[c] & 0xff] += chunkCount[c];
                }
                LongSet set = null;
                for (int b = 0; b < BUCKETS; b++) {
                    int capacity = Integer.highestOneBit((int) Math.min(Math.max(2 * sizes[b], 1 << 4), 1 << 29)) * 2;
                    if (set == null || set.capacity() < capacity) {
                        set = new LongSet(capacity);
                    } else {
                        set.clear();
                    }
                    long at = 0;
                    for (int c = 0; c < chunks; c++) {
                        int count = chunkCount[c];
                        if ((chunkBucket[c] & 0xff) == b) {
                            read(in, at, count);
                            in.asLongBuffer().get(values, 0, count);
                            for (int i = 0; i < count; i++) {
                                if (!set.add(values[i])) {
                                    record(values[i]);
                                }
                            }
                        }
                        at += 8L * count;
                    }
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

    private void read(ByteBuffer in, long at, int count) throws IOException {
        in.clear();
        in.limit(8 * count);
        long position = at;
        while (in.hasRemaining()) {
            int n = spill.read(in, position);
            if (n < 0) {
                throw new java.io.EOFException(path + " ended early");
            }
            position += n;
        }
        in.flip();
    }

    private void record(long value) {
        if (repeatedCount == repeated.length) {
            repeated = Arrays.copyOf(repeated, 2 * repeatedCount);
        }
        repeated[repeatedCount++] = value;
    }

    private void open() {
        try {
            path = Files.createTempFile("recording-rate-ids-", ".bin");
            spill = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private void partition() {
        if (spill == null) {
            open();
        }
        partitioned = true;
        pending = new long[BUCKETS][BUFFERED];
        pendingCount = new int[BUCKETS];
        out = ByteBuffer.allocate(8 * BUFFERED);
        LongSet held = memory;
        memory = null;
        if (held.hasZero) {
            write(0);
        }
        for (long value : held.table) {
            if (value != 0) {
                write(value);
            }
        }
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

    /** Appends the values gathered for partition b as one chunk (big-endian, as {@link #repeated()} reads them). */
    private void flush(int b) throws IOException {
        int count = pendingCount[b];
        if (count == 0) {
            return;
        }
        out.clear();
        out.asLongBuffer().put(pending[b], 0, count);
        out.limit(8 * count);
        while (out.hasRemaining()) {
            spill.write(out);
        }
        if (chunks == chunkBucket.length) {
            chunkBucket = Arrays.copyOf(chunkBucket, 2 * chunks);
            chunkCount = Arrays.copyOf(chunkCount, 2 * chunks);
        }
        chunkBucket[chunks] = (byte) b;
        chunkCount[chunks] = (short) count;
        chunks++;
        pendingCount[b] = 0;
    }

    private static UncheckedIOException failure(IOException e) {
        return new UncheckedIOException("temporary file of record-id fingerprints: " + e.getMessage(), e);
    }

    /** Deletes the temporary file. */
    @Override
    public void close() {
        if (path == null) {
            return;
        }
        try {
            spill.close();
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a temporary file left behind is harmless; the system's cleaner removes it
        }
        path = null;
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
    }
}
