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
     * What a reader must be told beside the rows: the rows' own notes, in order (bootstrap
     * distributions at the edge with the interval offered instead, see
     * {@link BootstrapEstimate#notes()}).
     *
     * @return the notes; empty when there is nothing to say
     */
    public List<String> notes() {
        List<String> notes = new java.util.ArrayList<>();
        for (BootstrapRow row : rows) {
            notes.addAll(row.rate().notes());
        }
        return List.copyOf(notes);
    }

    /**
     * One line per row, then the notes.
     *
     * @return the inspection's name, a line per row, the unrecorded crimes of all crime and a line
     *         per note
     */
    @Override
    public String summary() {
        StringBuilder text = new StringBuilder(inspection).append('\n');
        for (BootstrapRow row : rows) {
            text.append("  ").append(row).append('\n');
        }
        text.append("  unrecorded crimes (all crime): ").append(allCrime().unrecorded());
        for (String note : notes()) {
            text.append("\n  note: ").append(note);
        }
        return text.toString();
    }

    /**
     * Every row in one line, the settings once, then the notes: {@code "PEEL 2022 (bootstrap BCa, 95% CI,
     * 100,000 replicates, seed 1): violence 89.1% (84.2% to 93.1%), ...; all crime 93.3% (90.8% to 95.3%)"}.
     */
    @Override
    public String toString() {
        java.util.List<String> items = new java.util.ArrayList<>();
        for (BootstrapRow row : rows) {
            items.add(row.category() + " " + Lines.rate(row.rate()));
        }
        return Lines.join(inspection + " (" + Lines.settings(allCrime().rate()) + ")", items, this);
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
