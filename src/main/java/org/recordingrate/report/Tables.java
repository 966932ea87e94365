package org.recordingrate.report;

import org.recordingrate.format.ResultTable;
import org.recordingrate.format.ResultColumns;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.recordingrate.compare.AllCrimeChange;
import org.recordingrate.compare.CategoryChange;
import org.recordingrate.compare.Change;
import org.recordingrate.compare.InspectionChange;
import org.recordingrate.compare.InspectionComparisons;
import org.recordingrate.estimate.CategoryEstimate;
import org.recordingrate.estimate.InspectionEstimate;
import org.recordingrate.estimate.RateEstimate;
import org.recordingrate.internal.Args;
import org.recordingrate.model.Names;
import org.recordingrate.plan.AllocationPlan;
import org.recordingrate.plan.PowerPoint;
import org.recordingrate.plan.PowerSize;
import org.recordingrate.plan.SampleSize;
import org.recordingrate.plan.UpperBoundSize;
import org.recordingrate.model.RowKind;
import org.recordingrate.reproduce.PublishedComparison;
import org.recordingrate.reproduce.PublishedFigure;
import org.recordingrate.report.Columns.FigureResult;
import org.recordingrate.format.ResultTable.Kind;

/**
 * Results as tables with the columns of {@link Columns}: what the command line writes, what
 * JShell's {@code save(..)} writes, and what the inspectors' report is built from.
 */
public final class Tables {

    private Tables() {
    }

    /**
     * The table of any result the library returns: a {@link RateEstimate}, an
     * {@link InspectionEstimate}, a {@link Change}, an {@link InspectionChange}, an
     * {@link InspectionComparisons}, a {@link PublishedFigure} or a {@link PublishedComparison}, a
     * plan ({@link SampleSize}, {@link UpperBoundSize}, {@link PowerSize}, {@link AllocationPlan},
     * a list of {@link PowerPoint}), or a list of {@link RateEstimate}, {@link InspectionEstimate},
     * {@link Change} or {@link InspectionChange} (a list of the other types has no table). The type is
     * read from the list's first element; every element must be of it.
     *
     * @param result the result, or a list of results of one type
     * @return the table with the columns of that result type, a row per result (per category and all
     *         crime for inspections); {@code more_than} at each row's default unit
     * @throws IllegalArgumentException for a null result, another type, an empty list, or a list whose
     *                                  elements are of mixed types or null
     * @throws NullPointerException     if a list's first element is null
     */
    public static ResultTable of(Object result) {
        Args.notNull("result", result);
        if (result instanceof List<?> list) {
            if (list.isEmpty()) {
                throw new IllegalArgumentException("result (an empty list) has nothing to write");
            }
            Object first = list.get(0);
            if (first instanceof RateEstimate) {
                return Columns.RATE_INPUTS.then(Columns.RATE).table(cast(list, RateEstimate.class));
            }
            if (first instanceof InspectionEstimate) {
                return inspectionEstimates(cast(list, InspectionEstimate.class), 0);
            }
            if (first instanceof Change) {
                return Columns.CHANGE_INPUTS.then(Columns.CHANGE).table(cast(list, Change.class));
            }
            if (first instanceof InspectionChange) {
                return inspectionChanges(cast(list, InspectionChange.class));
            }
            if (first instanceof PowerPoint) {
                return PlanColumns.POWER.table(cast(list, PowerPoint.class));
            }
            throw new IllegalArgumentException("result (a list of " + first.getClass().getSimpleName()
                    + ") has no table: " + KNOWN);
        }
        if (result instanceof RateEstimate e) {
            return Columns.RATE_INPUTS.then(Columns.RATE).table(e);
        }
        if (result instanceof InspectionEstimate e) {
            return inspectionEstimates(List.of(e), 0);
        }
        if (result instanceof Change c) {
            return Columns.CHANGE_INPUTS.then(Columns.CHANGE).table(c);
        }
        if (result instanceof InspectionChange c) {
            return inspectionChanges(List.of(c));
        }
        if (result instanceof InspectionComparisons c) {
            return inspectionChanges(c.changes());
        }
        if (result instanceof PublishedFigure f) {
            return figures(List.of(new FigureResult(f, Optional.empty())), 0);
        }
        if (result instanceof PublishedComparison c) {
            return figures(List.of(new FigureResult(c.current(), Optional.of(c))), 0);
        }
        if (result instanceof SampleSize size) {
            return PlanColumns.SAMPLE_SIZE.table(size);
        }
        if (result instanceof UpperBoundSize size) {
            return PlanColumns.UPPER_BOUND.table(size);
        }
        if (result instanceof PowerSize size) {
            return PlanColumns.POWER_SIZE.table(size);
        }
        if (result instanceof AllocationPlan plan) {
            return PlanColumns.ALLOCATION.table(plan.rows());
        }
        throw new IllegalArgumentException("result (a " + result.getClass().getSimpleName() + ") has no table: " + KNOWN);
    }

    private static final String KNOWN = "give an estimate, a change, a published figure or comparison, or a list of them";

    /**
     * Every row of every inspection's estimate, each preceded by the inspection's name: the
     * columns {@code inspection} and {@link Columns#inspectionRow(long)}, then
     * {@link IncidentColumns#INCIDENTS} when an estimate's records named their incidents.
     *
     * @param estimates the estimates, in order
     * @param unit      the rounding unit of {@code more_than}, or 0 for each row's default
     * @return the table
     */
    public static ResultTable inspectionEstimates(List<InspectionEstimate> estimates, long unit) {
        return inspectionEstimates(estimates, unit, false);
    }

    /**
     * As {@link #inspectionEstimates(List, long)}, with a {@code method} column after
     * {@code inspection} when {@code withMethod} (estimates by several methods in one table).
     *
     * @param estimates  the estimates, in order
     * @param unit       the rounding unit of {@code more_than}, or 0 for each row's default
     * @param withMethod whether to add the method's token as a column
     * @return the table
     */
    public static ResultTable inspectionEstimates(List<InspectionEstimate> estimates, long unit, boolean withMethod) {
        ResultColumns<InspectionRow> columns = ResultColumns.<InspectionRow>of()
                .add("inspection", Kind.TEXT, r -> r.estimate().inspection());
        if (withMethod) {
            columns = columns.add("method", Kind.TEXT, r -> r.estimate().method().token());
        }
        columns = columns.then(Columns.inspectionRow(unit).from(InspectionRow::row));
        if (estimates.stream().anyMatch(InspectionEstimate::hasIncidents)) {
            columns = columns.then(IncidentColumns.INCIDENTS.from(InspectionRow::row));
        }
        List<InspectionRow> rows = new ArrayList<>();
        for (InspectionEstimate estimate : estimates) {
            for (CategoryEstimate row : estimate.rows()) {
                rows.add(new InspectionRow(estimate, row));
            }
        }
        return columns.table(rows);
    }

    private record InspectionRow(InspectionEstimate estimate, CategoryEstimate row) {
    }

    /**
     * The columns of an inspections comparison, one row per category compared and one for all
     * crime: {@code inspection_before,inspection_after,category,recorded_before,audited_before,
     * recorded_after,audited_after,rate_before,rate_after,change,lower,upper,statistic,p_value,
     * p_adjusted,verdict}. A category's verdict rests on {@code p_adjusted} (the p-value adjusted
     * across the categories); the all-crime verdict on its own {@code p_value} ({@code p_adjusted} empty).
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
            .add("verdict", Kind.TEXT, ChangeRow::verdict);

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
     */
    public record ChangeRow(RowKind kind, String inspectionBefore, String inspectionAfter, String category,
                            long recordedBefore, long auditedBefore, long recordedAfter, long auditedAfter,
                            double rateBefore, double rateAfter, double change, double lower, double upper,
                            OptionalDouble statistic, double pValue, OptionalDouble pAdjusted, String verdict) {

        /** The row of one category. */
        static ChangeRow of(InspectionChange parent, CategoryChange row) {
            Change c = row.change();
            return new ChangeRow(RowKind.CATEGORY, parent.before().name(), parent.after().name(), row.category(), c.before().recorded(),
                    c.before().audited(), c.after().recorded(), c.after().audited(), c.before().rate(),
                    c.after().rate(), c.change(), c.interval().lower(), c.interval().upper(), c.test().statistic(),
                    c.test().pValue(), OptionalDouble.of(row.adjustedPValue()), row.verdict().words());
        }

        /** The all-crime row. */
        static ChangeRow allCrime(InspectionChange parent) {
            AllCrimeChange all = parent.allCrime();
            return new ChangeRow(RowKind.ALL_CRIME, parent.before().name(), parent.after().name(), Names.ALL_CRIME,
                    parent.before().totalRecorded(), parent.before().totalAudited(), parent.after().totalRecorded(),
                    parent.after().totalAudited(), all.rateBefore(), all.rateAfter(), all.change(),
                    all.interval().lower(), all.interval().upper(), OptionalDouble.of(all.z()), all.pValue(),
                    OptionalDouble.empty(), all.verdict().words());
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
     * {@link #changeRows} row.
     *
     * @param changes the comparisons, in order
     * @return the table; no rows for no comparisons
     * @throws NullPointerException if {@code changes} is null or holds null
     */
    public static ResultTable inspectionChanges(List<InspectionChange> changes) {
        return INSPECTION_CHANGE.table(changeRows(changes));
    }

    /**
     * The table of published figures: {@link Columns#FIGURE_INPUTS} and {@link Columns#figure(long)}.
     *
     * @param figures the figures with what was asked of each, a row each
     * @param unit    the rounding unit of {@code more_than}, or 0 for each row's default
     * @return the table
     * @throws IllegalArgumentException if {@code figures} or an element is null
     */
    public static ResultTable figures(List<FigureResult> figures, long unit) {
        return Columns.FIGURE_INPUTS.then(Columns.figure(unit)).table(figures);
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> cast(List<?> list, Class<T> type) {
        for (Object item : list) {
            if (!type.isInstance(item)) {
                throw new IllegalArgumentException("result list mixes " + type.getSimpleName() + " with "
                        + (item == null ? "null" : item.getClass().getSimpleName()));
            }
        }
        return (List<T>) list;
    }
}
