package org.recordingrate.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.recordingrate.format.ResultColumns;
import org.recordingrate.format.ResultTable;
import org.recordingrate.format.ResultTable.Kind;
import org.recordingrate.model.Names;
import org.recordingrate.model.RowKind;

/**
 * The columns of the comparisons, defined once beside them: what {@link Change#table()},
 * {@link InspectionChange#table()} and {@link InspectionComparisons#table()} give, and so what the
 * command line, JShell's {@code save(..)} and the inspectors' report write. Rates are fractions and
 * changes differences of fractions at full precision in CSV and JSON; text shows percent and points.
 */
public final class ChangeColumns {

    private ChangeColumns() {
    }

    /**
     * The inputs of one comparison:
     * {@code recorded_before,audited_before,recorded_after,audited_after,method,test,confidence,alternative}.
     */
    public static final ResultColumns<Change> CHANGE_INPUTS = ResultColumns.<Change>of()
            .add("recorded_before", Kind.COUNT, c -> c.before().recorded())
            .add("audited_before", Kind.COUNT, c -> c.before().audited())
            .add("recorded_after", Kind.COUNT, c -> c.after().recorded())
            .add("audited_after", Kind.COUNT, c -> c.after().audited())
            .add("method", Kind.TEXT, c -> c.method().token())
            .add("test", Kind.TEXT, c -> c.test().test().token())
            .add("confidence", Kind.NUMBER, Change::confidence)
            .add("alternative", Kind.TEXT, c -> c.test().alternative().token());

    /**
     * A change between two tallies: {@code change,lower,upper,statistic,p_value,verdict} (the
     * statistic is empty for tests that have none; the verdict rests on {@code p_value}).
     */
    public static final ResultColumns<Change> CHANGE = ResultColumns.<Change>of()
            .add("change", Kind.CHANGE, Change::change)
            .add("lower", Kind.CHANGE, c -> c.interval().lower())
            .add("upper", Kind.CHANGE, c -> c.interval().upper())
            .add("statistic", Kind.NUMBER, c -> c.test().statistic())
            .add("p_value", Kind.PVALUE, c -> c.test().pValue())
            .add("verdict", Kind.TEXT, c -> c.verdict().words());

    /**
     * The columns of an inspections comparison, one row per category compared and one for all
     * crime: {@code inspection_before,inspection_after,category,recorded_before,audited_before,
     * recorded_after,audited_after,rate_before,rate_after,change,lower,upper,statistic,p_value,
     * p_adjusted,verdict,method,test}. A category's verdict rests on {@code p_adjusted} (the p-value
     * adjusted across the categories); the all-crime verdict on its own {@code p_value}
     * ({@code p_adjusted} empty). {@code method} and {@code test} name the interval and the test of
     * the row: the chosen ones, {@code survey_z} for categories tested on their survey standard errors
     * ({@link SurveyChange}), and for all crime {@code wald} and {@code z_weighted} (the z-test on the
     * volume-weighted rates).
     */
    public static final ResultColumns<ChangeRow> INSPECTION_CHANGE = ResultColumns.<ChangeRow>of()
            .add("inspection_before", Kind.TEXT, ChangeRow::inspectionBefore)
            .add("inspection_after", Kind.TEXT, ChangeRow::inspectionAfter)
            .add("category", Kind.TEXT, ChangeRow::category)
            .add("recorded_before", Kind.COUNT, ChangeRow::recordedBefore)
            .add("audited_before", Kind.COUNT, ChangeRow::auditedBefore)
            .add("recorded_after", Kind.COUNT, ChangeRow::recordedAfter)
            .add("audited_after", Kind.COUNT, ChangeRow::auditedAfter)
            .add("rate_before", Kind.FRACTION, ChangeRow::rateBefore)
            .add("rate_after", Kind.FRACTION, ChangeRow::rateAfter)
            .add("change", Kind.CHANGE, ChangeRow::change)
            .add("lower", Kind.CHANGE, ChangeRow::lower)
            .add("upper", Kind.CHANGE, ChangeRow::upper)
            .add("statistic", Kind.NUMBER, ChangeRow::statistic)
            .add("p_value", Kind.PVALUE, ChangeRow::pValue)
            .add("p_adjusted", Kind.PVALUE, ChangeRow::pAdjusted)
            .add("verdict", Kind.TEXT, ChangeRow::verdict)
            .add("method", Kind.TEXT, ChangeRow::method)
            .add("test", Kind.TEXT, ChangeRow::test);

    /** The test token of the all-crime row: the z-test on the volume-weighted rates. */
    public static final String ALL_CRIME_TEST = "z_weighted";

    /**
     * One row of an inspections comparison (see {@link #INSPECTION_CHANGE}).
     *
     * @param kind             a category or all crime
     * @param inspectionBefore the earlier inspection's name
     * @param inspectionAfter  the later inspection's name
     * @param category         the category, or "all crime"
     * @param recordedBefore   recorded before (summed for all crime)
     * @param auditedBefore    audited before (summed for all crime)
     * @param recordedAfter    recorded after (summed for all crime)
     * @param auditedAfter     audited after (summed for all crime)
     * @param rateBefore       the earlier rate (volume-weighted for all crime)
     * @param rateAfter        the later rate
     * @param change           rateAfter - rateBefore
     * @param lower            the interval's lower bound
     * @param upper            the interval's upper bound
     * @param statistic        the test statistic, if the test has one
     * @param pValue           the p-value
     * @param pAdjusted        the adjusted p-value (categories only)
     * @param verdict          the verdict's words
     * @param method           the interval's token
     * @param test             the test's token
     */
    public record ChangeRow(RowKind kind, String inspectionBefore, String inspectionAfter, String category,
                            long recordedBefore, long auditedBefore, long recordedAfter, long auditedAfter,
                            double rateBefore, double rateAfter, double change, double lower, double upper,
                            OptionalDouble statistic, double pValue, OptionalDouble pAdjusted, String verdict,
                            String method, String test) {

        /** The row of one category. */
        static ChangeRow of(InspectionChange parent, CategoryChange row) {
            Change c = row.change();
            return new ChangeRow(RowKind.CATEGORY, parent.before().name(), parent.after().name(), row.category(),
                    c.before().recorded(), c.before().audited(), c.after().recorded(), c.after().audited(),
                    c.before().rate(), c.after().rate(), c.change(), c.interval().lower(), c.interval().upper(),
                    c.test().statistic(), c.test().pValue(), OptionalDouble.of(row.adjustedPValue()),
                    row.verdict().words(), c.method().token(), c.test().test().token());
        }

        /** The all-crime row. */
        static ChangeRow allCrime(InspectionChange parent) {
            AllCrimeChange all = parent.allCrime();
            return new ChangeRow(RowKind.ALL_CRIME, parent.before().name(), parent.after().name(), Names.ALL_CRIME,
                    parent.before().totalRecorded(), parent.before().totalAudited(), parent.after().totalRecorded(),
                    parent.after().totalAudited(), all.rateBefore(), all.rateAfter(), all.change(),
                    all.interval().lower(), all.interval().upper(), OptionalDouble.of(all.z()), all.pValue(),
                    OptionalDouble.empty(), all.verdict().words(), "wald", ALL_CRIME_TEST);
        }
    }

    /**
     * The rows of inspections comparisons: each category compared, then all crime, per pair; the
     * common shape the tables, the report and the forest plot read changes in.
     *
     * @param changes the comparisons, in order
     * @return a mutable list, {@code categories().size() + 1} rows per comparison; empty for no
     *         comparisons
     * @throws NullPointerException if {@code changes} is null or holds null
     */
    public static List<ChangeRow> changeRows(List<InspectionChange> changes) {
        List<ChangeRow> rows = new ArrayList<>();
        for (InspectionChange change : changes) {
            for (CategoryChange row : change.categories()) {
                rows.add(ChangeRow.of(change, row));
            }
            rows.add(ChangeRow.allCrime(change));
        }
        return rows;
    }

    /**
     * The table of inspections comparisons ({@link #INSPECTION_CHANGE}), a row per
     * {@link #changeRows} row, each comparison's notes on its own rows.
     *
     * @param changes the comparisons, in order
     * @return the table; no rows for no comparisons
     * @throws NullPointerException if {@code changes} is null or holds null
     */
    public static ResultTable inspectionChanges(List<InspectionChange> changes) {
        ResultTable table = new ResultTable(INSPECTION_CHANGE.columns());
        for (InspectionChange change : changes) {
            int first = table.size();
            for (ChangeRow row : changeRows(List.of(change))) {
                table.row(INSPECTION_CHANGE.values(row).toArray());
            }
            table.noteRowsFrom(first, change.notes());
        }
        return table;
    }
}
