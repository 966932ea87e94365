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

    /**
     * Every row in one line, the alternative and method once, then the notes: {@code "CDI 2017 -> PEEL
     * 2022 (permutation tests, two-sided, exact enumeration): violence +9.1 points p = 0.0039, ...; all
     * crime 86.9% -> 93.3%, +6.4 points p = 7.51e-05"}.
     */
    @Override
    public String toString() {
        java.util.List<String> items = new java.util.ArrayList<>();
        for (PermutationRow row : rows) {
            items.add(row.category() + (row.isAllCrime() ? " " + org.recordingrate.format.Percent.format(row.before())
                    + " -> " + org.recordingrate.format.Percent.format(row.after()) + "," : "") + " "
                    + org.recordingrate.format.Percent.points(row.result().change()) + " p = "
                    + org.recordingrate.format.Percent.pValue(row.result().pValue()));
        }
        return Lines.join(before + " -> " + after + " (permutation tests, "
                + allCrime().result().alternative().token().replace('_', '-') + ", " + Lines.methods(rows) + ")",
                items, this);
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
