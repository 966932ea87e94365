package org.recordingrate.report;

import org.recordingrate.format.ResultTable;
import org.recordingrate.format.ResultColumns;

import java.util.Optional;
import java.util.OptionalLong;

import org.recordingrate.compare.Change;
import org.recordingrate.estimate.CategoryEstimate;
import org.recordingrate.estimate.RateEstimate;
import org.recordingrate.estimate.UnrecordedCrimes;
import org.recordingrate.reproduce.PublishedComparison;
import org.recordingrate.reproduce.PublishedFigure;
import org.recordingrate.reproduce.PublishedFigure.VolumeRange;
import org.recordingrate.format.ResultTable.Kind;

/**
 * The columns of every result, defined once: the command line, JShell's {@code save(..)} and the
 * inspectors' report all write these. In CSV and JSON rates, bounds, margins and standard errors
 * are fractions at full precision and changes are differences of fractions; text shows percent
 * and points. README ("Output") lists them.
 */
public final class Columns {

    private Columns() {
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

    /** "More than N" at a unit (0: default), {@code Inf} when unbounded. */
    static Object moreThan(UnrecordedCrimes unrecorded, long unit) {
        if (unrecorded.isUnbounded()) {
            return Double.POSITIVE_INFINITY;
        }
        OptionalLong n = unit == 0 ? unrecorded.moreThan() : unrecorded.moreThan(unit);
        return n.getAsLong();
    }

    /** The inputs of one comparison: {@code recorded_before,audited_before,recorded_after,audited_after,method,test,confidence,alternative}. */
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

    /** The inputs of a published figure: {@code rate,margin,previous_rate,previous_margin,volume,confidence}, in percent. */
    public static final ResultColumns<FigureResult> FIGURE_INPUTS = ResultColumns.<FigureResult>of()
            .add("rate", Kind.NUMBER, f -> f.figure().ratePercent())
            .add("margin", Kind.NUMBER, f -> f.figure().marginPercent())
            .add("previous_rate", Kind.NUMBER, f -> f.comparison().map(c -> c.previous().ratePercent()))
            .add("previous_margin", Kind.NUMBER, f -> f.comparison().map(c -> c.previous().marginPercent()))
            .add("volume", Kind.COUNT, f -> f.unrecorded().map(UnrecordedCrimes::volume))
            .add("confidence", Kind.NUMBER, f -> f.figure().confidence());

    /**
     * What a published figure gives: {@code se,lower,upper,implied_audited} (an effective sample
     * size for all-crime figures), against the previous figure {@code change,z,p_value,verdict}, and
     * with a volume {@code unrecorded,more_than}, and with a published "more than N" the volumes
     * consistent with it, {@code volume_lower,volume_upper} (the rounding of the published rate
     * allowed for; see {@link PublishedFigure#volumesConsistentWith}).
     *
     * @param unit the rounding unit of {@code more_than}, or 0 for the default
     * @return the columns
     */
    public static ResultColumns<FigureResult> figure(long unit) {
        return ResultColumns.<FigureResult>of()
                .add("se", Kind.FRACTION, f -> f.figure().standardError())
                .add("lower", Kind.FRACTION, f -> f.figure().interval().lower())
                .add("upper", Kind.FRACTION, f -> f.figure().interval().upper())
                .add("implied_audited", Kind.NUMBER, f -> f.figure().impliedAudited())
                .add("change", Kind.CHANGE, f -> f.comparison().map(PublishedComparison::change))
                .add("z", Kind.NUMBER, f -> f.comparison().map(PublishedComparison::z))
                .add("p_value", Kind.PVALUE, f -> f.comparison().map(PublishedComparison::pValue))
                .add("verdict", Kind.TEXT, f -> f.comparison().map(c -> c.verdict().words()))
                .add("unrecorded", Kind.COUNT, f -> f.unrecorded().map(UnrecordedCrimes::estimate))
                .add("more_than", Kind.COUNT, f -> f.unrecorded().map(u -> moreThan(u, unit)))
                .add("volume_lower", Kind.COUNT, f -> f.volumes().map(VolumeRange::lower))
                .add("volume_upper", Kind.COUNT, f -> f.volumes().map(v -> v.upper().isPresent()
                        ? (Object) v.upper().getAsLong() : Double.POSITIVE_INFINITY));
    }

    /**
     * A published figure with what was asked of it: the comparison with a previous figure, the
     * unrecorded crimes for a volume, and the volumes consistent with a published "more than N",
     * each when given.
     *
     * @param figure     the figure
     * @param comparison its comparison with the previous figure
     * @param unrecorded its unrecorded crimes for a volume
     * @param volumes    the volumes consistent with a published "more than N"
     */
    public record FigureResult(PublishedFigure figure, Optional<PublishedComparison> comparison,
                               Optional<UnrecordedCrimes> unrecorded, Optional<VolumeRange> volumes) {

        /**
         * A figure alone, or with its comparison, without unrecorded crimes or volumes; nothing is
         * checked.
         *
         * @param figure     the figure
         * @param comparison its comparison with the previous figure, or empty
         */
        public FigureResult(PublishedFigure figure, Optional<PublishedComparison> comparison) {
            this(figure, comparison, Optional.empty(), Optional.empty());
        }
    }
}
