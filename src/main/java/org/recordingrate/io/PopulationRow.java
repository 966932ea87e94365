package org.recordingrate.io;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One data row: its record id, its category in the plan's spelling (the other category when
 * its own is not in the plan), its line, and its cells.
 */
public final class PopulationRow {
    private final String recordId;
    private final String category;
    private final long line;
    private final PopulationCells cells;
    private final PopulationLayout layout;

    PopulationRow(String recordId, String category, long line, PopulationCells cells, PopulationLayout layout) {
        this.recordId = recordId;
        this.category = category;
        this.line = line;
        this.cells = cells;
        this.layout = layout;
    }

    /**
     * The record id, without surrounding spaces.
     *
     * @return the record id, stripped of white space at either end
     */
    public String recordId() {
        return recordId;
    }

    /**
     * The category as the plan spells it.
     *
     * @return the category as the plan spells it (the other category for a row sent there)
     */
    public String category() {
        return category;
    }

    /**
     * The category cell exactly as written (it differs from {@link #category()} for the other
     * category).
     *
     * @return the category cell exactly as written
     */
    public String categoryAsWritten() {
        return cells.get(layout.category);
    }

    /**
     * The 1-based line (header = 1).
     *
     * @return the 1-based line where the row starts
     */
    public long line() {
        return line;
    }

    /**
     * The cells of the columns other than {@code record_id} and {@code category}, in header
     * order, exactly as written.
     *
     * @return the carried cells, unmodifiable
     */
    public List<String> carried() {
        String[] values = new String[layout.carried.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = cells.get(layout.carried[i]);
        }
        return List.of(values);
    }

    /**
     * Every cell, in header order.
     *
     * @return every cell, unmodifiable
     */
    public List<String> cells() {
        return Collections.unmodifiableList(Arrays.asList(cells.all()));
    }

    @Override
    public String toString() {
        return recordId + " (" + category + ", line " + line + ")";
    }
}