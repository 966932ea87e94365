package org.recordingrate.estimate;

import java.util.List;
import java.util.OptionalLong;

import org.recordingrate.format.ResultColumns;
import org.recordingrate.format.ResultTable;
import org.recordingrate.format.ResultTable.Kind;

/**
 * The columns of the estimates, defined once beside them: what {@link RateEstimate#table()} and
 * {@link InspectionEstimate#table()} give, and so what the command line, JShell's {@code save(..)}
 * and the inspectors' report write. Rates, bounds, margins and standard errors are fractions at full
 * precision in CSV and JSON, percent in text. README ("Output") lists them.
 */
public final class EstimateColumns {

    private EstimateColumns() {
    }

    /** The inputs of one estimate: {@code recorded,audited,method,confidence}. */
    public static final ResultColumns<RateEstimate> RATE_INPUTS = ResultColumns.<RateEstimate>of()
            .add("recorded", Kind.COUNT, e -> e.tally().recorded())
            .add("audited", Kind.COUNT, e -> e.tally().audited())
            .add("method", Kind.TEXT, e -> e.method().token())
            .add("confidence", Kind.NUMBER, RateEstimate::confidence);

    /**
     * One category's estimate: {@code rate,lower,upper,margin,se}; {@code margin} is the
     * unclipped Wald half-width z x se (the published "+/-") whatever the interval method.
     */
    public static final ResultColumns<RateEstimate> RATE = ResultColumns.<RateEstimate>of()
            .add("rate", Kind.FRACTION, RateEstimate::rate)
            .add("lower", Kind.FRACTION, RateEstimate::lower)
            .add("upper", Kind.FRACTION, RateEstimate::upper)
            .add("margin", Kind.FRACTION, RateEstimate::margin)
            .add("se", Kind.FRACTION, RateEstimate::standardError);

    /**
     * The columns an estimate gains when the audited records named their incidents (a record-level
     * audit file with an {@code incident_id} column), after {@link #inspectionRow(long)}:
     * {@code incidents} (the incidents holding the row's audited crimes) and {@code design_effect}
     * (the survey variance over incidents over the binomial variance of independent crimes, whichever
     * convention the estimate uses; empty when not defined, see {@link CategoryEstimate#designEffect()}).
     * Estimates without incidents do not have these columns.
     */
    public static final ResultColumns<CategoryEstimate> INCIDENTS = ResultColumns.<CategoryEstimate>of()
            .add("incidents", Kind.COUNT, CategoryEstimate::incidents)
            .add("design_effect", Kind.NUMBER, CategoryEstimate::designEffect);

    /**
     * One row of an inspection's estimate, after the {@code inspection} column:
     * {@code category,recorded,audited,volume,rate,lower,upper,margin,se,unrecorded,unrecorded_lower,
     * unrecorded_upper,more_than}. {@code more_than} is "didn't record more than N" at {@code unit}
     * (0: the default unit of each row, {@link UnrecordedCrimes#unit()}).
     *
     * @param unit the rounding unit of {@code more_than}, or 0 for the default
     * @return the columns
     */
    public static ResultColumns<CategoryEstimate> inspectionRow(long unit) {
        return ResultColumns.<CategoryEstimate>of()
                .add("category", Kind.TEXT, CategoryEstimate::category)
                .add("recorded", Kind.COUNT, CategoryEstimate::recorded)
                .add("audited", Kind.COUNT, CategoryEstimate::audited)
                .add("volume", Kind.COUNT, CategoryEstimate::volume)
                .add("rate", Kind.FRACTION, CategoryEstimate::rate)
                .add("lower", Kind.FRACTION, CategoryEstimate::lower)
                .add("upper", Kind.FRACTION, CategoryEstimate::upper)
                .add("margin", Kind.FRACTION, CategoryEstimate::margin)
                .add("se", Kind.FRACTION, CategoryEstimate::standardError)
                .then(unrecorded(unit).from(CategoryEstimate::unrecorded));
    }

    /**
     * Unrecorded crimes: {@code unrecorded,unrecorded_lower,unrecorded_upper,more_than}; unbounded
     * counts are {@code Inf} (see {@link ResultTable}).
     *
     * @param unit the rounding unit of {@code more_than}, or 0 for the default
     * @return the columns
     */
    public static ResultColumns<UnrecordedCrimes> unrecorded(long unit) {
        return ResultColumns.<UnrecordedCrimes>of()
                .add("unrecorded", Kind.COUNT, UnrecordedCrimes::estimate)
                .add("unrecorded_lower", Kind.COUNT, UnrecordedCrimes::lower)
                .add("unrecorded_upper", Kind.COUNT, UnrecordedCrimes::upper)
                .add("more_than", Kind.COUNT, u -> moreThan(u, unit));
    }

    /**
     * "More than N" at a unit, as a table value.
     *
     * @param unrecorded the unrecorded crimes
     * @param unit       the rounding unit, or 0 for the default ({@link UnrecordedCrimes#unit()})
     * @return N as a {@code Long}, or positive infinity (a {@code Double}) when unbounded
     */
    public static Object moreThan(UnrecordedCrimes unrecorded, long unit) {
        if (unrecorded.isUnbounded()) {
            return Double.POSITIVE_INFINITY;
        }
        OptionalLong n = unit == 0 ? unrecorded.moreThan() : unrecorded.moreThan(unit);
        return n.getAsLong();
    }

    /**
     * Every row of every inspection's estimate, each preceded by the inspection's name: the
     * columns {@code inspection} and {@link #inspectionRow(long)}, then {@link #INCIDENTS} when an
     * estimate's records named their incidents; each estimate's notes on its own rows.
     *
     * @param estimates  the estimates, in order
     * @param unit       the rounding unit of {@code more_than}, or 0 for each row's default
     * @param withMethod whether to add the method's token as a column after {@code inspection}
     *                   (estimates by several methods in one table)
     * @return the table
     * @throws NullPointerException if {@code estimates} is null or holds null
     */
    public static ResultTable inspectionEstimates(List<InspectionEstimate> estimates, long unit, boolean withMethod) {
        ResultColumns<InspectionRow> columns = ResultColumns.<InspectionRow>of()
                .add("inspection", Kind.TEXT, r -> r.estimate().inspection());
        if (withMethod) {
            columns = columns.add("method", Kind.TEXT, r -> r.estimate().method().token());
        }
        columns = columns.then(inspectionRow(unit).from(InspectionRow::row));
        if (estimates.stream().anyMatch(InspectionEstimate::hasIncidents)) {
            columns = columns.then(INCIDENTS.from(InspectionRow::row));
        }
        ResultTable table = new ResultTable(columns.columns());
        for (InspectionEstimate estimate : estimates) {
            int first = table.size();
            for (CategoryEstimate row : estimate.rows()) {
                table.row(columns.values(new InspectionRow(estimate, row)).toArray());
            }
            table.noteRowsFrom(first, estimate.notes());
        }
        return table;
    }

    private record InspectionRow(InspectionEstimate estimate, CategoryEstimate row) {
    }
}
