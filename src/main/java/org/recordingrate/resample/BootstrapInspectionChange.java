package org.recordingrate.resample;

import org.recordingrate.format.ResultTable;
import org.recordingrate.model.Result;

import java.util.List;

import org.recordingrate.internal.Args;

/**
 * The bootstrap of the change between two inspections: a row per category audited in both
 * (matched by name, in the later inspection's order) and an all-crime row.
 *
 * @param before the earlier inspection's name
 * @param after  the later inspection's name
 * @param rows   the category rows, then the all-crime row
 * @param onlyBefore categories audited only in the earlier inspection: no category row, but their
 *                   crimes count in the earlier all-crime rate
 * @param onlyAfter  categories audited only in the later inspection
 */
public record BootstrapInspectionChange(String before, String after, List<BootstrapChangeRow> rows,
                                        List<String> onlyBefore, List<String> onlyAfter) implements Result {

    /**
     * Validates the components.
     *
     * @param before the earlier inspection's name
     * @param after the later inspection's name
     * @param rows the category rows, then the all-crime row
     * @param onlyBefore categories audited only in the earlier inspection
     * @param onlyAfter categories audited only in the later inspection
     * @throws IllegalArgumentException if a reference is null or the last row is not all crime
     */
    public BootstrapInspectionChange {
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
     * The all-crime row.
     *
     * @return the last row
     */
    public BootstrapChangeRow allCrime() {
        return rows.get(rows.size() - 1);
    }

    /**
     * A change with every category audited in both.
     *
     * @param before the earlier inspection's name
     * @param after the later inspection's name
     * @param rows the category rows, then the all-crime row
     * @throws IllegalArgumentException as the canonical constructor
     */
    public BootstrapInspectionChange(String before, String after, List<BootstrapChangeRow> rows) {
        this(before, after, rows, List.of(), List.of());
    }

    /**
     * What a reader must be told beside the rows: categories audited in one inspection only (not
     * compared by category, counted in that inspection's all-crime rate), then the rows' own notes
     * (bootstrap distributions at the edge, see {@link BootstrapEstimate#notes()}).
     *
     * @return the notes, in order; empty when there is nothing to say
     */
    public List<String> notes() {
        List<String> notes = new java.util.ArrayList<>(Resampled.unmatched(before, after, onlyBefore, onlyAfter,
                Resampled.COUNTED));
        for (BootstrapChangeRow row : rows) {
            notes.addAll(row.change().notes());
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
        for (BootstrapChangeRow row : rows) {
            text.append("  ").append(row).append('\n');
        }
        for (String note : notes()) {
            text.append("  note: ").append(note).append('\n');
        }
        return text.toString().stripTrailing();
    }

    /**
     * Every row in one line, the settings once, then the notes: {@code "CDI 2017 -> PEEL 2022 (bootstrap
     * BCa, 95% CI, 100,000 replicates, seed 1): violence +9.1 points (+3.9 to +14.0), ...; all crime
     * 86.9% -> 93.3%, +6.4 points (+3.5 to +9.1)"}.
     */
    @Override
    public String toString() {
        java.util.List<String> items = new java.util.ArrayList<>();
        for (BootstrapChangeRow row : rows) {
            items.add(row.category() + (row.isAllCrime() ? " " + org.recordingrate.format.Percent.format(row.before())
                    + " -> " + org.recordingrate.format.Percent.format(row.after()) + "," : "") + " "
                    + Lines.change(row.change()));
        }
        return Lines.join(before + " -> " + after + " (" + Lines.settings(allCrime().change()) + ")", items, this);
    }

    /**
     * As the command line writes it: a row per category and all crime, with {@link #notes()}.
     *
     * @return a new table
     */
    @Override
    public ResultTable table() {
        return ResampleColumns.inspectionChanges(java.util.List.of(this));
    }
}
