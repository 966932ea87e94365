package org.recordingrate.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Consecutive data rows of a population file, as {@link PopulationFile#readBatches} hands them over: each
 * row's category, line and record id, without making objects of them; {@link #row} makes the
 * {@link PopulationRow} of one that is kept. Owned by whoever holds it between the hand-over and
 * {@link #release()}: not for use by two threads at once, nor after release.
 */
public final class PopulationBatch {
    /** Rows a batch holds at most. */
    static final int ROWS = 4096;
    /** Bytes of lines a batch holds at first (below half a G1 region of a small heap, so never humongous). */
    static final int BYTES = 1 << 18;

    private final PopulationLayout layout;
    private final Consumer<PopulationBatch> home;
    private boolean out = true;
    String[] names;
    byte[] data = new byte[BYTES];
    private int used;
    int size;
    private final int[] lineAt = new int[ROWS];
    private final int[] lineLength = new int[ROWS];
    final int[] idAt = new int[ROWS];
    final int[] idLength = new int[ROWS];
    private final int[] category = new int[ROWS];
    private final long[] lineNumber = new long[ROWS];
    /** The rows read by commons-csv (a quote), made at once; null for a line split in place. */
    private final PopulationRow[] rows = new PopulationRow[ROWS];

    PopulationBatch(PopulationLayout layout, Consumer<PopulationBatch> home) {
        this.layout = layout;
        this.home = home;
    }

    void clear() {
        out = true;
        Arrays.fill(rows, 0, size, null);
        size = 0;
        used = 0;
    }

    /** Whether the current record fits (an empty batch takes any record, growing for a long line). */
    boolean fits(PopulationRecords records) {
        return size == 0 || (size < ROWS && used + records.keptBytes() <= data.length);
    }

    void add(PopulationRecords records, int categoryIndex, String categoryName, long line) {
        int length = records.keptBytes();
        if (used + length > data.length) {
            data = Arrays.copyOf(data, Math.max(2 * data.length, used + length));
        }
        if (records.cells == null) {
            int from = records.lines.start();
            System.arraycopy(records.lines.bytes(), from, data, used, length);
            lineAt[size] = used;
            lineLength[size] = length;
            idAt[size] = used + records.idStart - from;
        } else {
            System.arraycopy(records.idBytes(), records.idStart, data, used, length);
            idAt[size] = used;
            rows[size] = new PopulationRow(new String(data, used, length, StandardCharsets.UTF_8), categoryName, line,
                    records.cells, layout);
        }
        idLength[size] = records.idEnd - records.idStart;
        category[size] = categoryIndex;
        lineNumber[size] = line;
        used += length;
        size++;
    }

    /**
     * Rows in this batch.
     *
     * @return the number of rows, at least 0
     */
    public int size() {
        return size;
    }

    /**
     * Row i's category, as an index into the categories: with a plan, the plan's categories
     * in its order; without, the categories in order of first appearance in the file.
     *
     * @param i the row's index in this batch, from 0
     * @return the category's index
     * @throws IndexOutOfBoundsException if {@code i} is not below {@link #size()}
     */
    public int category(int i) {
        return category[Objects.checkIndex(i, size)];
    }

    /**
     * The name of row i's category, as {@link PopulationRow#category()}.
     *
     * @param i the row's index in this batch, from 0
     * @return the category as the plan spells it
     * @throws IndexOutOfBoundsException if {@code i} is not below {@link #size()}
     */
    public String categoryName(int i) {
        return names[category(i)];
    }

    /**
     * Row i's line (header = 1).
     *
     * @param i the row's index in this batch, from 0
     * @return the 1-based line where the row starts
     * @throws IndexOutOfBoundsException if {@code i} is not below {@link #size()}
     */
    public long line(int i) {
        return lineNumber[Objects.checkIndex(i, size)];
    }

    /**
     * {@code hash} of row i's record id (as {@link PopulationRow#recordId()}, in UTF-8), without making
     * a string of it.
     *
     * @param i    the row's index in this batch, from 0
     * @param hash the hash to apply to the id's bytes
     * @return what {@code hash} returns
     * @throws IndexOutOfBoundsException if {@code i} is not below {@link #size()}
     */
    public long hashRecordId(int i, IdHash hash) {
        Objects.checkIndex(i, size);
        return hash.hash(data, idAt[i], idLength[i]);
    }

    /**
     * Row i, made from the batch's bytes (a new object each call, except for quoted rows).
     *
     * @param i the row's index in this batch, from 0
     * @return the row
     * @throws IndexOutOfBoundsException if {@code i} is not below {@link #size()}
     */
    public PopulationRow row(int i) {
        Objects.checkIndex(i, size);
        if (rows[i] != null) {
            return rows[i];
        }
        return new PopulationRow(new String(data, idAt[i], idLength[i], StandardCharsets.UTF_8), names[category[i]],
                lineNumber[i], PopulationCells.split(new String(data, lineAt[i], lineLength[i], StandardCharsets.UTF_8),
                layout.delimiter), layout);
    }

    /**
     * Hands the batch back to the reading, which reuses it; no use of it after this. The
     * duplicate check takes the batch's record ids here, so every batch must be released,
     * once, for the read to complete.
     *
     * @throws IllegalStateException if the batch was released already
     */
    public void release() {
        if (!out) {
            throw new IllegalStateException("batch released twice");
        }
        out = false;
        home.accept(this);
    }

    /**
     * A 64-bit hash of a record id's UTF-8 bytes, as {@link PopulationBatch#hashRecordId} hands them over
     * (a permanent random number, say).
     */
    @FunctionalInterface
    public interface IdHash {
        /**
         * The hash of bytes [offset, offset + length) of {@code utf8}, which must be read only,
         * and only during the call.
         *
         * @param utf8   the bytes holding the record id (and others': read only the range)
         * @param offset the id's first byte
         * @param length the id's length in bytes
         * @return the 64-bit hash
         */
        long hash(byte[] utf8, int offset, int length);
    }
}
