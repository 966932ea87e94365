package org.recordingrate.resample;

import org.recordingrate.format.ResultTable;
import org.recordingrate.model.Result;

import java.util.List;

import org.recordingrate.internal.Args;

/**
 * The bootstrap of one inspection: a row per category (each category resampled on its own) and
 * an all-crime row (every category resampled, volumes fixed), in that order.
 *
 * @param inspection the inspection's name
 * @param rows       the category rows in the inspection's order, then the all-crime row
 */
public record BootstrapInspectionEstimate(String inspection, List<BootstrapRow> rows) implements Result {

    /**
     * Validates the components.
     *
     * @param inspection the inspection's name
     * @param rows the category rows in the inspection's order, then the all-crime row
     * @throws IllegalArgumentException if a reference is null or the last row is not all crime
     */
    public BootstrapInspectionEstimate {
        Args.notNull("inspection", inspection);
        rows = List.copyOf(Args.notNull("rows", rows));
        if (rows.isEmpty() || !rows.get(rows.size() - 1).isAllCrime()) {
            throw new IllegalArgumentException("rows must end with the all-crime row");
        }
    }

    /**
     * The category rows.
     *
     * @return every row but the last, in the inspection's order
     */
    public List<BootstrapRow> categories() {
        return rows.subList(0, rows.size() - 1);
    }

    /**
     * The all-crime row.
     *
     * @return the last row
     */
    public BootstrapRow allCrime() {
        return rows.get(rows.size() - 1);
    }

    /**
     * One line per row.
     *
     * @return the inspection's name, a line per row and the unrecorded crimes of all crime
     */
    @Override
    public String summary() {
        StringBuilder text = new StringBuilder(inspection).append('\n');
        for (BootstrapRow row : rows) {
            text.append("  ").append(row).append('\n');
        }
        text.append("  unrecorded crimes (all crime): ").append(allCrime().unrecorded());
        return text.toString();
    }

    /** The all-crime row in one line. */
    @Override
    public String toString() {
        return inspection + ": " + allCrime();
    }

    /**
     * As the command line writes it: a row per category and all crime, with {@link #notes()}.
     *
     * @return a new table
     */
    @Override
    public ResultTable table() {
        return ResampleColumns.inspections(java.util.List.of(this), 0);
    }
}
