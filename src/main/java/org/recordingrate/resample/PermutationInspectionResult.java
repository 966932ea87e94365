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
 * @param onlyBefore categories audited only in the earlier inspection: no row, and constants of the
 *                   all-crime statistic (not permuted)
 * @param onlyAfter  categories audited only in the later inspection
 */
public record PermutationInspectionResult(String before, String after, List<PermutationRow> rows,
                                          List<String> onlyBefore, List<String> onlyAfter) implements Result {

    /**
     * Validates the components.
     *
     * @param before the earlier inspection's name
     * @param after the later inspection's name
     * @param rows the rows
     * @param onlyBefore categories audited only in the earlier inspection
     * @param onlyAfter categories audited only in the later inspection
     * @throws IllegalArgumentException if a reference is null or the last row is not all crime
     */
    public PermutationInspectionResult {
        Args.notNull("before", before);
        Args.notNull("after", after);
        onlyBefore = List.copyOf(Args.notNull("onlyBefore", onlyBefore));
        onlyAfter = List.copyOf(Args.notNull("onlyAfter", onlyAfter));
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
     * Tests with every category audited in both.
     *
     * @param before the earlier inspection's name
     * @param after the later inspection's name
     * @param rows the rows
     * @throws IllegalArgumentException as the canonical constructor
     */
    public PermutationInspectionResult(String before, String after, List<PermutationRow> rows) {
        this(before, after, rows, List.of(), List.of());
    }

    /**
     * What a reader must be told beside the rows: categories audited in one inspection only (not
     * tested by category; constants of the all-crime statistic), then the rows' own notes, each
     * once (whole incidents permuted, say).
     *
     * @return the notes, in order; empty when there is nothing to say
     */
    public List<String> notes() {
        java.util.LinkedHashSet<String> notes = new java.util.LinkedHashSet<>(Resampled.unmatched(before, after,
                onlyBefore, onlyAfter, Resampled.HELD));
        for (PermutationRow row : rows) {
            notes.addAll(row.result().notes());
        }
        return List.copyOf(notes);
    }

    /**
     * One line per row, then the notes.
     *
     * @return the inspections' names, then a line per row and a line per note
     */
    @Override
    public String summary() {
        StringBuilder text = new StringBuilder(before).append(" -> ").append(after).append('\n');
        for (PermutationRow row : rows) {
            text.append("  ").append(row).append('\n');
        }
        for (String note : notes()) {
            text.append("  note: ").append(note).append('\n');
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
