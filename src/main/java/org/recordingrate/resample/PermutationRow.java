package org.recordingrate.resample;

import org.recordingrate.format.Percent;
import org.recordingrate.internal.Args;
import org.recordingrate.model.RowKind;

/**
 * One row of a permutation test between two inspections: a category audited in both, or all
 * crime (the stratified test).
 *
 * @param kind     a category or all crime
 * @param category its name ({@code "all crime"} for the stratified row)
 * @param before   the earlier rate
 * @param after    the later rate
 * @param result   the test
 */
public record PermutationRow(RowKind kind, String category, double before, double after, PermutationResult result) {

    /**
     * Validates the components.
     *
     * @param kind a category or all crime
     * @param category its name ({@code "all crime"} for the stratified row)
     * @param before the earlier rate
     * @param after the later rate
     * @param result the test
     * @throws IllegalArgumentException if a reference is null
     */
    public PermutationRow {
        Args.notNull("kind", kind);
        Args.notNull("category", category);
        Args.notNull("result", result);
    }

    /**
     * Whether this is the all-crime row.
     *
     * @return true for the all-crime row, false for a category
     */
    public boolean isAllCrime() {
        return kind == RowKind.ALL_CRIME;
    }

    @Override
    public String toString() {
        return category + ": " + Percent.format(before) + " -> " + Percent.format(after) + ", " + result;
    }
}
