package org.recordingrate.resample;

import org.recordingrate.internal.Args;
import org.recordingrate.model.RowKind;

/**
 * One row of the bootstrap of the change between two inspections: a category audited in both,
 * or all crime (each inspection's weighted rate), with both rates and the bootstrap estimate of
 * the change (after - before), the two inspections resampled independently.
 *
 * @param kind     a category or all crime
 * @param category the category's name ({@code "all crime"} for the combined row)
 * @param before   the earlier rate
 * @param after    the later rate
 * @param change   the bootstrap estimate of after - before
 */
public record BootstrapChangeRow(RowKind kind, String category, double before, double after,
                                 BootstrapEstimate change) {

    /**
     * Validates the components.
     *
     * @param kind a category or all crime
     * @param category the category's name ({@code "all crime"} for the combined row)
     * @param before the earlier rate
     * @param after the later rate
     * @param change the bootstrap estimate of after - before
     * @throws IllegalArgumentException if a reference is null
     */
    public BootstrapChangeRow {
        Args.notNull("kind", kind);
        Args.notNull("category", category);
        Args.notNull("change", change);
    }

    /**
     * Whether this is the all-crime row.
     *
     * @return true for the all-crime row, false for a category
     */
    public boolean isAllCrime() {
        return kind == RowKind.ALL_CRIME;
    }

    /** {@code "violence: 80.0% -> 89.1%, +9.1 points (95% CI ...)"}. */
    @Override
    public String toString() {
        return category + ": " + org.recordingrate.format.Percent.format(before) + " -> "
                + org.recordingrate.format.Percent.format(after) + ", " + change.changeSummary();
    }
}
