package org.recordingrate.resample;

import org.recordingrate.format.ResultTable;
import org.recordingrate.format.ResultColumns;

import java.util.List;

import org.recordingrate.compare.MonteCarlo;
import org.recordingrate.estimate.EstimateColumns;
import org.recordingrate.model.Tally;
import org.recordingrate.format.ResultTable.Kind;

/**
 * The columns of the resampling results, defined once beside them for the command line, JShell and
 * reports.
 * The bootstrap's columns are {@code estimate}'s with {@code interval,replicates,seed} after them
 * ({@code se} is the bootstrap standard error and {@code margin} z x se); the permutation test's
 * are {@code change,p_value,replicates,seed,method}. For the exact bootstrap and for exact
 * enumeration {@code replicates} and {@code seed} are empty. No timings: the same seed gives the
 * same bytes.
 */
public final class ResampleColumns {

    private ResampleColumns() {
    }

    /** {@code interval,replicates,seed}. */
    public static final ResultColumns<BootstrapEstimate> RESAMPLING = ResultColumns.<BootstrapEstimate>of()
            .add("interval", Kind.TEXT, e -> e.method().token())
            .add("replicates", Kind.COUNT, e -> e.monteCarlo().map(MonteCarlo::replicates))
            .add("seed", Kind.COUNT, e -> e.monteCarlo().map(MonteCarlo::seed));

    /**
     * A bootstrap estimate alone, rate or change: {@code estimate,lower,upper,margin,se}, then
     * {@link #RESAMPLING}; {@link #tally} and {@link #change} name the estimate and add the inputs.
     */
    public static final ResultColumns<BootstrapEstimate> ESTIMATE = ResultColumns.<BootstrapEstimate>of()
            .add("estimate", Kind.NUMBER, BootstrapEstimate::estimate)
            .add("lower", Kind.NUMBER, BootstrapEstimate::lower)
            .add("upper", Kind.NUMBER, BootstrapEstimate::upper)
            .add("margin", Kind.NUMBER, BootstrapEstimate::margin)
            .add("se", Kind.NUMBER, BootstrapEstimate::standardError)
            .then(RESAMPLING);

    /** A rate's bootstrap estimate: {@code rate,lower,upper,margin,se}, as {@code estimate}'s columns. */
    public static final ResultColumns<BootstrapEstimate> RATE_VALUES = ResultColumns.<BootstrapEstimate>of()
            .add("rate", Kind.FRACTION, BootstrapEstimate::estimate)
            .add("lower", Kind.FRACTION, BootstrapEstimate::lower)
            .add("upper", Kind.FRACTION, BootstrapEstimate::upper)
            .add("margin", Kind.FRACTION, BootstrapEstimate::margin)
            .add("se", Kind.FRACTION, BootstrapEstimate::standardError);

    /** A rate's bootstrap: {@link #RATE_VALUES}, then {@link #RESAMPLING}. */
    public static final ResultColumns<BootstrapEstimate> RATE = RATE_VALUES.then(RESAMPLING);

    /** A change's bootstrap: {@code change,lower,upper,se}, then {@link #RESAMPLING}. */
    public static final ResultColumns<BootstrapEstimate> CHANGE = ResultColumns.<BootstrapEstimate>of()
            .add("change", Kind.CHANGE, BootstrapEstimate::estimate)
            .add("lower", Kind.CHANGE, BootstrapEstimate::lower)
            .add("upper", Kind.CHANGE, BootstrapEstimate::upper)
            .add("se", Kind.CHANGE, BootstrapEstimate::standardError)
            .then(RESAMPLING);

    /**
     * One tally's bootstrap, with its inputs: {@code recorded,audited,confidence} then {@link #RATE}.
     *
     * @param tally the tally resampled, whose counts head the row
     * @param e     its bootstrap estimate
     * @return a table of one row
     * @throws IllegalArgumentException if {@code e} is null
     * @throws NullPointerException     if {@code tally} is null
     */
    public static ResultTable tally(Tally tally, BootstrapEstimate e) {
        return ResultColumns.<BootstrapEstimate>of()
                .add("recorded", Kind.COUNT, x -> tally.recorded())
                .add("audited", Kind.COUNT, x -> tally.audited())
                .add("confidence", Kind.NUMBER, BootstrapEstimate::confidence)
                .then(RATE).table(e).notes(e.notes());
    }

    /**
     * Two tallies' change: {@code recorded_before,audited_before,recorded_after,audited_after,confidence}
     * then {@link #CHANGE}.
     *
     * @param before the earlier tally
     * @param after  the later tally
     * @param e      the bootstrap estimate of the change, after minus before
     * @return a table of one row
     * @throws IllegalArgumentException if {@code e} is null
     * @throws NullPointerException     if {@code before} or {@code after} is null
     */
    public static ResultTable change(Tally before, Tally after, BootstrapEstimate e) {
        return ResultColumns.<BootstrapEstimate>of()
                .add("recorded_before", Kind.COUNT, x -> before.recorded())
                .add("audited_before", Kind.COUNT, x -> before.audited())
                .add("recorded_after", Kind.COUNT, x -> after.recorded())
                .add("audited_after", Kind.COUNT, x -> after.audited())
                .add("confidence", Kind.NUMBER, BootstrapEstimate::confidence)
                .then(CHANGE).table(e).notes(e.notes());
    }

    private record Row(String inspection, BootstrapRow row) {
    }

    /**
     * Every row of every inspection's bootstrap: {@code inspection,category,recorded,audited,volume,
     * rate,lower,upper,margin,se,unrecorded,unrecorded_lower,unrecorded_upper,more_than,interval,replicates,seed}.
     *
     * @param estimates the inspections' bootstrap estimates, each contributing its rows in order (its
     *                  categories, then all crime)
     * @param unit      the rounding unit of {@code more_than}, or 0 for each row's default
     * @return a table of a row per category and inspection; no rows for an empty list
     * @throws IllegalArgumentException if {@code unit} is negative (refused by
     *                                  {@link org.recordingrate.estimate.UnrecordedCrimes#moreThan(long)}
     *                                  when a row is read)
     * @throws NullPointerException     if {@code estimates} is null or holds null
     */
    public static ResultTable inspections(List<BootstrapInspectionEstimate> estimates, long unit) {
        ResultColumns<Row> columns = ResultColumns.<Row>of()
                .add("inspection", Kind.TEXT, Row::inspection)
                .add("category", Kind.TEXT, r -> r.row().category())
                .add("recorded", Kind.COUNT, r -> r.row().recorded())
                .add("audited", Kind.COUNT, r -> r.row().audited())
                .add("volume", Kind.COUNT, r -> r.row().volume())
                .then(RATE_VALUES.<Row>from(r -> r.row().rate()))
                .then(EstimateColumns.unrecorded(unit).<Row>from(r -> r.row().unrecorded()))
                .then(RESAMPLING.<Row>from(r -> r.row().rate()));
        ResultTable table = new ResultTable(columns.columns());
        for (BootstrapInspectionEstimate e : estimates) {
            for (BootstrapRow row : e.rows()) {
                table.row(columns.values(new Row(e.inspection(), row)).toArray());
                // a category's bootstrap at the edge is said on its own row
                row.rate().notes().forEach(table::noteRow);
            }
        }
        return table;
    }

    private record ChangeRow(String before, String after, BootstrapChangeRow row) {
    }

    /**
     * The bootstrap of changes between inspections: {@code inspection_before,inspection_after,
     * category,rate_before,rate_after,change,lower,upper,se,interval,replicates,seed}.
     *
     * @param changes the bootstrap comparisons, each contributing its rows in order
     * @return a table of a row per category and comparison; no rows for an empty list
     * @throws NullPointerException if {@code changes} is null or holds null
     */
    public static ResultTable inspectionChanges(List<BootstrapInspectionChange> changes) {
        ResultColumns<ChangeRow> columns = ResultColumns.<ChangeRow>of()
                .add("inspection_before", Kind.TEXT, ChangeRow::before)
                .add("inspection_after", Kind.TEXT, ChangeRow::after)
                .add("category", Kind.TEXT, r -> r.row().category())
                .add("rate_before", Kind.FRACTION, r -> r.row().before())
                .add("rate_after", Kind.FRACTION, r -> r.row().after())
                .then(CHANGE.<ChangeRow>from(r -> r.row().change()));
        ResultTable table = new ResultTable(columns.columns());
        for (BootstrapInspectionChange c : changes) {
            int first = table.size();
            for (BootstrapChangeRow row : c.rows()) {
                table.row(columns.values(new ChangeRow(c.before(), c.after(), row)).toArray());
                row.change().notes().forEach(table::noteRow);
            }
            // the categories of one inspection only concern the whole comparison: on each of its rows
            table.noteRowsFrom(first, Resampled.unmatched(c.before(), c.after(), c.onlyBefore(), c.onlyAfter(),
                    Resampled.COUNTED));
        }
        return table;
    }

    /** {@code change,p_value,replicates,seed,method}. */
    public static final ResultColumns<PermutationResult> PERMUTATION = ResultColumns.<PermutationResult>of()
            .add("change", Kind.CHANGE, PermutationResult::change)
            .add("p_value", Kind.PVALUE, PermutationResult::pValue)
            .add("replicates", Kind.COUNT, r -> r.monteCarlo().map(MonteCarlo::replicates))
            .add("seed", Kind.COUNT, r -> r.monteCarlo().map(MonteCarlo::seed))
            .add("method", Kind.TEXT, r -> r.method().words());

    /**
     * Two tallies' permutation test: {@code recorded_before,audited_before,recorded_after,audited_after,
     * alternative} then {@link #PERMUTATION}.
     *
     * @param before the earlier tally
     * @param after  the later tally
     * @param r      the test's result
     * @return a table of one row
     * @throws IllegalArgumentException if {@code r} is null
     * @throws NullPointerException     if {@code before} or {@code after} is null
     */
    public static ResultTable permutation(Tally before, Tally after, PermutationResult r) {
        return ResultColumns.<PermutationResult>of()
                .add("recorded_before", Kind.COUNT, x -> before.recorded())
                .add("audited_before", Kind.COUNT, x -> before.audited())
                .add("recorded_after", Kind.COUNT, x -> after.recorded())
                .add("audited_after", Kind.COUNT, x -> after.audited())
                .add("alternative", Kind.TEXT, x -> x.alternative().token())
                .then(PERMUTATION).table(r).notes(r.notes());
    }

    private record PermutationLine(String before, String after, PermutationRow row) {
    }

    /**
     * Permutation tests between inspections: {@code inspection_before,inspection_after,category,
     * rate_before,rate_after,alternative} then {@link #PERMUTATION}; the all-crime row is the
     * stratified test.
     *
     * @param results the inspections' permutation tests, each contributing its rows in order
     * @return a table of a row per category and comparison; no rows for an empty list
     * @throws NullPointerException if {@code results} is null or holds null
     */
    public static ResultTable permutations(List<PermutationInspectionResult> results) {
        ResultColumns<PermutationLine> columns = ResultColumns.<PermutationLine>of()
                .add("inspection_before", Kind.TEXT, PermutationLine::before)
                .add("inspection_after", Kind.TEXT, PermutationLine::after)
                .add("category", Kind.TEXT, r -> r.row().category())
                .add("rate_before", Kind.FRACTION, r -> r.row().before())
                .add("rate_after", Kind.FRACTION, r -> r.row().after())
                .add("alternative", Kind.TEXT, r -> r.row().result().alternative().token())
                .then(PERMUTATION.<PermutationLine>from(r -> r.row().result()));
        ResultTable table = new ResultTable(columns.columns());
        for (PermutationInspectionResult r : results) {
            int first = table.size();
            for (PermutationRow row : r.rows()) {
                table.row(columns.values(new PermutationLine(r.before(), r.after(), row)).toArray());
            }
            table.noteRowsFrom(first, r.notes());
        }
        return table;
    }
}
