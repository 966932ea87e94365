package org.recordingrate.reproduce;

import java.util.List;

import org.recordingrate.estimate.EstimateColumns;
import org.recordingrate.estimate.UnrecordedCrimes;
import org.recordingrate.format.ResultColumns;
import org.recordingrate.format.ResultTable;
import org.recordingrate.format.ResultTable.Kind;
import org.recordingrate.reproduce.PublishedFigure.VolumeRange;

/**
 * The columns of published figures, defined once beside them: what {@link PublishedFigure#table()},
 * {@link PublishedComparison#table()} and {@link FigureResult#table()} give, and so what the command
 * line and JShell's {@code save(..)} write.
 */
public final class FigureColumns {

    private FigureColumns() {
    }

    /**
     * The inputs of a published figure: {@code rate,margin,previous_rate,previous_margin,volume,confidence};
     * rates and margins as fractions, as every rate of the library's CSV and JSON (93.2 percent is
     * 0.932: the double nearest the exact decimal, so that it prints as 0.932).
     */
    public static final ResultColumns<FigureResult> FIGURE_INPUTS = ResultColumns.<FigureResult>of()
            .add("rate", Kind.FRACTION, f -> f.figure().rate())
            .add("margin", Kind.FRACTION, f -> f.figure().margin())
            .add("previous_rate", Kind.FRACTION, f -> f.comparison().map(c -> c.previous().rate()))
            .add("previous_margin", Kind.FRACTION, f -> f.comparison().map(c -> c.previous().margin()))
            .add("volume", Kind.COUNT, f -> f.unrecorded().map(UnrecordedCrimes::volume))
            .add("confidence", Kind.NUMBER, f -> f.figure().confidence());

    /**
     * What a published figure gives: {@code se,lower,upper,implied_audited} (an effective sample
     * size for all-crime figures), {@code implied_audited_lower,implied_audited_upper} (the whole
     * audited counts the rounding of rate and margin allows, {@link TallyCheck}; empty for all
     * crime), against the previous figure {@code change,z,p_value,verdict}, with a volume
     * {@code unrecorded,more_than}, with a published "more than N" the volumes consistent with it,
     * {@code volume_lower,volume_upper} (the rounding of the published rate allowed for; see
     * {@link PublishedFigure#volumesConsistentWith}), and {@code consistent}: {@code true},
     * {@code false} (the reason in the notes) or empty, by {@link FigureCheck}.
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
                .add("implied_audited_lower", Kind.COUNT, f -> f.check().tally().map(TallyCheck::auditedLower))
                .add("implied_audited_upper", Kind.COUNT, f -> f.check().tally().map(TallyCheck::auditedUpper))
                .add("change", Kind.CHANGE, f -> f.comparison().map(PublishedComparison::change))
                .add("z", Kind.NUMBER, f -> f.comparison().map(PublishedComparison::z))
                .add("p_value", Kind.PVALUE, f -> f.comparison().map(PublishedComparison::pValue))
                .add("verdict", Kind.TEXT, f -> f.comparison().map(c -> c.verdict().words()))
                .add("unrecorded", Kind.COUNT, f -> f.unrecorded().map(UnrecordedCrimes::estimate))
                .add("more_than", Kind.COUNT, f -> f.unrecorded().map(u -> EstimateColumns.moreThan(u, unit)))
                .add("volume_lower", Kind.COUNT, f -> f.volumes().map(VolumeRange::lower))
                .add("volume_upper", Kind.COUNT, f -> f.volumes().map(v -> v.upper().isPresent()
                        ? (Object) v.upper().getAsLong() : Double.POSITIVE_INFINITY))
                .add("consistent", Kind.BOOLEAN, f -> f.check().consistent());
    }

    /**
     * The table of published figures: {@link #FIGURE_INPUTS} and {@link #figure(long)}, with each
     * figure's notes.
     *
     * @param figures the figures with what was asked of each, a row each
     * @param unit    the rounding unit of {@code more_than}, or 0 for each row's default
     * @return the table
     * @throws IllegalArgumentException if {@code figures} or an element is null
     */
    public static ResultTable figures(List<FigureResult> figures, long unit) {
        ResultColumns<FigureResult> columns = FIGURE_INPUTS.then(figure(unit));
        ResultTable table = new ResultTable(columns.columns());
        for (FigureResult figure : figures) {
            table.row(columns.values(figure).toArray());
            figure.notes().forEach(table::noteRow);
        }
        return table;
    }
}
