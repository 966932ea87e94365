package org.recordingrate.report;

import java.util.Optional;

import org.recordingrate.estimate.CategoryEstimate;
import org.recordingrate.internal.Args;
import org.recordingrate.model.RowKind;
import org.recordingrate.compare.ChangeColumns;
import org.recordingrate.compare.ChangeColumns.ChangeRow;

/**
 * One row of the inspectors' report: a category of the later inspection, or all crime, with its
 * estimate in both inspections, the change and the paragraph that says it.
 *
 * @param force     the force the report is about
 * @param before    the estimate in the earlier inspection; empty for a category it did not audit
 * @param after     the estimate in the later inspection
 * @param change    the change with its interval, test and verdict; empty when {@code before} is
 * @param paragraph the inspectors' paragraph
 */
public record ReportRow(String force, Optional<CategoryEstimate> before, CategoryEstimate after,
                        Optional<ChangeRow> change, Paragraph paragraph) {

    /**
     * Validates the row: a change needs the earlier estimate it is measured from.
     *
     * @param force     the force the report is about
     * @param before    the estimate in the earlier inspection; empty for a category it did not audit
     * @param after     the estimate in the later inspection
     * @param change    the change with its interval, test and verdict; empty when {@code before} is
     * @param paragraph the inspectors' paragraph
     * @throws IllegalArgumentException if an argument is null, or {@code change} is present while
     *                                  {@code before} is empty
     */
    public ReportRow {
        Args.notNull("force", force);
        Args.notNull("before", before);
        Args.notNull("after", after);
        Args.notNull("change", change);
        Args.notNull("paragraph", paragraph);
        if (change.isPresent() && before.isEmpty()) {
            throw new IllegalArgumentException("change of '" + after.category() + "' needs the earlier estimate");
        }
    }

    /**
     * Whether the row is a category or all crime, as the later estimate says.
     *
     * @return {@code after().kind()}
     */
    public RowKind kind() {
        return after.kind();
    }

    /**
     * The category's name, as the later inspection spells it.
     *
     * @return {@code after().category()}; {@code "all crime"} for the combined row
     */
    public String category() {
        return after.category();
    }

    /** The paragraph's text. */
    @Override
    public String toString() {
        return paragraph.text();
    }
}
