package org.recordingrate.report;

import org.recordingrate.format.ResultTable;
import org.recordingrate.format.ResultColumns;

import org.recordingrate.estimate.CategoryEstimate;
import org.recordingrate.format.ResultTable.Kind;

/**
 * The columns an estimate gains when the audited records named their incidents (a record-level
 * audit file with an {@code incident_id} column), after {@link Columns#inspectionRow(long)}:
 * {@code incidents} (the incidents holding the row's audited crimes) and {@code design_effect}
 * (the survey variance over incidents over the binomial variance of independent crimes, whichever
 * convention the estimate uses; empty when not defined, see {@link CategoryEstimate#designEffect()}).
 * Estimates without incidents do not have these columns.
 */
public final class IncidentColumns {

    private IncidentColumns() {
    }

    /** {@code incidents,design_effect}. */
    public static final ResultColumns<CategoryEstimate> INCIDENTS = ResultColumns.<CategoryEstimate>of()
            .add("incidents", Kind.COUNT, CategoryEstimate::incidents)
            .add("design_effect", Kind.NUMBER, CategoryEstimate::designEffect);
}
