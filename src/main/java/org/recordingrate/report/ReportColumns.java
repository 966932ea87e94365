package org.recordingrate.report;

import org.recordingrate.format.ResultTable;
import org.recordingrate.format.ResultColumns;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

import org.recordingrate.estimate.CategoryEstimate;
import org.recordingrate.format.ResultTable.Kind;
import org.recordingrate.estimate.EstimateColumns;
import org.recordingrate.compare.ChangeColumns.ChangeRow;

/**
 * The columns of the inspectors' report, defined once: the full set for CSV and JSON, and the
 * narrower set shown beside the paragraphs in text, markdown and HTML (made of the same columns).
 * Names follow {@code estimate} and {@code compare}: the later inspection's columns carry the names
 * of {@link EstimateColumns#inspectionRow(long)}, the earlier one's the suffix {@code _before}, and the
 * change's interval is {@code change_lower,change_upper} (its {@code lower,upper} in {@code compare}).
 */
public final class ReportColumns {

    private ReportColumns() {
    }

    /** {@code force,inspection,inspection_before}. */
    static final ResultColumns<ReportRow> NAMES = ResultColumns.<ReportRow>of()
            .add("force", Kind.TEXT, ReportRow::force)
            .add("inspection", Kind.TEXT, r -> r.change().map(ChangeRow::inspectionAfter).orElse(null))
            .add("inspection_before", Kind.TEXT, r -> r.change().map(ChangeRow::inspectionBefore).orElse(null));

    /** {@code category}. */
    static final ResultColumns<ReportRow> CATEGORY = ResultColumns.<ReportRow>of()
            .add("category", Kind.TEXT, ReportRow::category);

    /** The earlier inspection's counts: {@code recorded_before,audited_before,volume_before}. */
    static final ResultColumns<ReportRow> COUNTS_BEFORE = ResultColumns.<ReportRow>of()
            .add("recorded_before", Kind.COUNT, r -> r.before().map(CategoryEstimate::recorded))
            .add("audited_before", Kind.COUNT, r -> r.before().map(CategoryEstimate::audited))
            .add("volume_before", Kind.COUNT, r -> r.before().map(CategoryEstimate::volume));

    /** {@code rate_before}. */
    static final ResultColumns<ReportRow> RATE_BEFORE = before("rate_before", CategoryEstimate::rate);
    /** {@code margin_before}: the earlier Wald "+/-". */
    static final ResultColumns<ReportRow> MARGIN_BEFORE = before("margin_before", CategoryEstimate::margin);
    /** {@code lower_before,upper_before}. */
    static final ResultColumns<ReportRow> BOUNDS_BEFORE = before("lower_before", CategoryEstimate::lower)
            .then(before("upper_before", CategoryEstimate::upper));
    /** {@code se_before}. */
    static final ResultColumns<ReportRow> SE_BEFORE = before("se_before", CategoryEstimate::standardError);

    /** {@code change,change_lower,change_upper}. */
    static final ResultColumns<ReportRow> CHANGE = ResultColumns.<ReportRow>of()
            .add("change", Kind.CHANGE, r -> r.change().map(ChangeRow::change))
            .add("change_lower", Kind.CHANGE, r -> r.change().map(ChangeRow::lower))
            .add("change_upper", Kind.CHANGE, r -> r.change().map(ChangeRow::upper));

    /** {@code statistic}. */
    static final ResultColumns<ReportRow> STATISTIC = ResultColumns.<ReportRow>of()
            .add("statistic", Kind.NUMBER, r -> r.change().map(c -> c.statistic().isPresent()
                    ? Optional.of(c.statistic().getAsDouble()) : Optional.empty()));

    /** {@code p_value}. */
    static final ResultColumns<ReportRow> P_VALUE = ResultColumns.<ReportRow>of()
            .add("p_value", Kind.PVALUE, r -> r.change().map(ChangeRow::pValue));

    /**
     * {@code change_method}: the change interval's method ({@code wald} in the published convention),
     * the token {@code compare} writes in its {@code method} column.
     */
    static final ResultColumns<ReportRow> CHANGE_METHOD = ResultColumns.<ReportRow>of()
            .add("change_method", Kind.TEXT, r -> r.change().map(ChangeRow::method));

    /**
     * {@code test}: the test behind the row's p-value, beside it ({@code z_unpooled} in the published
     * convention, {@code z_weighted} for all crime), as {@code compare} writes it: {@code report} and
     * {@code compare} have different defaults (the inspectors' two-sample z-test, against
     * Miettinen-Nurminen with the pooled z-test), so every p-value names its test.
     */
    static final ResultColumns<ReportRow> TEST = ResultColumns.<ReportRow>of()
            .add("test", Kind.TEXT, r -> r.change().map(ChangeRow::test));

    /** {@code p_adjusted}: the categories' adjusted p-value, on which their verdict rests (empty for all crime). */
    static final ResultColumns<ReportRow> P_ADJUSTED = ResultColumns.<ReportRow>of()
            .add("p_adjusted", Kind.PVALUE, r -> r.change().map(c -> c.pAdjusted().isPresent()
                    ? Optional.of(c.pAdjusted().getAsDouble()) : Optional.empty()));

    /** {@code verdict}: empty for a category the earlier inspection did not audit. */
    static final ResultColumns<ReportRow> VERDICT = ResultColumns.<ReportRow>of()
            .add("verdict", Kind.TEXT, r -> r.change().map(ChangeRow::verdict));

    /** {@code paragraph}. */
    static final ResultColumns<ReportRow> PARAGRAPH = ResultColumns.<ReportRow>of()
            .add("paragraph", Kind.TEXT, r -> r.paragraph().text());

    /**
     * Every column of a report row, for CSV and JSON: {@code force,inspection,inspection_before},
     * the later inspection's {@link EstimateColumns#inspectionRow(long)} ({@code category,recorded,audited,
     * volume,rate,lower,upper,margin,se,unrecorded,unrecorded_lower,unrecorded_upper,more_than}),
     * the earlier one's {@code recorded_before,audited_before,volume_before,rate_before,lower_before,
     * upper_before,margin_before,se_before}, the change {@code change,change_lower,change_upper,
     * change_method,statistic,p_value,test,p_adjusted,verdict}, and the {@code paragraph}.
     *
     * @param unit the rounding unit of {@code more_than}, or 0 for each row's default
     * @return the columns
     */
    public static ResultColumns<ReportRow> full(long unit) {
        return NAMES.then(EstimateColumns.inspectionRow(unit).from(ReportRow::after))
                .then(COUNTS_BEFORE).then(RATE_BEFORE).then(BOUNDS_BEFORE).then(MARGIN_BEFORE).then(SE_BEFORE)
                .then(CHANGE).then(CHANGE_METHOD).then(STATISTIC).then(P_VALUE).then(TEST).then(P_ADJUSTED).then(VERDICT)
                .then(PARAGRAPH);
    }

    /**
     * The columns shown beside the paragraphs, a subset of {@link #full(long)}: {@code category},
     * the earlier and later rates with their "+/-" ({@code margins}, the published convention) or
     * their interval bounds, the change and its interval, {@code p_value} and the {@code test} that
     * gave it, {@code p_adjusted} when the p-values were adjusted, and {@code verdict}.
     *
     * @param margins  show the Wald margins rather than the bounds
     * @param adjusted show the adjusted p-values
     * @return the columns
     */
    public static ResultColumns<ReportRow> shown(boolean margins, boolean adjusted) {
        List<String> names = new ArrayList<>(List.of("category", "rate_before"));
        names.addAll(margins ? List.of("margin_before") : List.of("lower_before", "upper_before"));
        names.add("rate");
        names.addAll(margins ? List.of("margin") : List.of("lower", "upper"));
        names.addAll(List.of("change", "change_lower", "change_upper", "p_value", "test"));
        if (adjusted) {
            names.add("p_adjusted");
        }
        names.add("verdict");
        return select(full(0), names);
    }

    /** The named columns of {@code all}, in the order named: the same definitions, fewer of them. */
    static <T> ResultColumns<T> select(ResultColumns<T> all, List<String> names) {
        List<String> known = all.names();
        ResultColumns<T> chosen = ResultColumns.of();
        for (String name : names) {
            int index = known.indexOf(name);
            if (index < 0) {
                throw new IllegalArgumentException("column '" + name + "' is not one of " + known);
            }
            chosen = chosen.add(name, all.columns().get(index).kind(), r -> all.values(r).get(index));
        }
        return chosen;
    }

    private static ResultColumns<ReportRow> before(String name, ToDoubleFunction<CategoryEstimate> value) {
        return ResultColumns.<ReportRow>of().add(name, Kind.FRACTION, r -> r.before().map(value::applyAsDouble));
    }
}
