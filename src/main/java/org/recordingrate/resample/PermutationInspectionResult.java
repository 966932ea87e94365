package org.recordingrate.resample;

import org.recordingrate.format.ResultTable;
import org.recordingrate.model.Result;

import java.util.List;

import org.recordingrate.internal.Args;

/**
 * Permutation tests between two inspections: a row per category audited in both (in the later
 * inspection's order), then the stratified all-crime row.
 *
 * @param before the earlier inspection's name
 * @param after  the later inspection's name
 * @param rows   the rows
 */
public record PermutationInspectionResult(String before, String after, List<PermutationRow> rows) implements Result {

    /**
     * Validates the components.
     *
     * @param before the earlier inspection's name
     * @param after the later inspection's name
     * @param rows the rows
     * @throws IllegalArgumentException if a reference is null or the last row is not all crime
     */
    public PermutationInspectionResult {
        Args.notNull("before", before);
        Args.notNull("after", after);
        rows = List.copyOf(Args.notNull("rows", rows));
        if (rows.isEmpty() || !rows.get(rows.size() - 1).isAllCrime()) {
            throw new IllegalArgumentException("rows must end with the all-crime row");
        }
    }

    /**
     * The stratified all-crime row.
     *
     * @return the last row
     */
    public PermutationRow allCrime() {
        return rows.get(rows.size() - 1);
    }

    /**
     * One line per row.
     *
     * @return the inspections' names, then a line per row
     */
    @Override
    public String summary() {
        StringBuilder text = new StringBuilder(before).append(" -> ").append(after).append('\n');
        for (PermutationRow row : rows) {
            text.append("  ").append(row).append('\n');
        }
        return text.toString().stripTrailing();
    }

    @Override
    public String toString() {
        return before + " -> " + after + ": " + allCrime();
    }

    /**
     * As the command line writes it: a row per category and all crime, with {@link #notes()}.
     *
     * @return a new table
     */
    @Override
    public ResultTable table() {
        return ResampleColumns.permutations(java.util.List.of(this));
    }
}
