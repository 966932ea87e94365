package org.recordingrate.estimate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.recordingrate.format.Percent;
import org.recordingrate.format.ResultTable;
import org.recordingrate.model.Result;
import org.recordingrate.internal.Args;
import org.recordingrate.format.TextTable;

/**
 * The estimate for one inspection: a row per category and the volume-weighted all-crime row.
 *
 * @param inspection the inspection's name
 * @param method     the interval method
 * @param variance   the variance convention
 * @param confidence the two-sided confidence level
 * @param categories one estimate per category, in the inspection's order
 * @param allCrime   the combined estimate
 */
public record InspectionEstimate(String inspection, AllCrimeMethod method, VarianceConvention variance,
                                 double confidence, List<CategoryEstimate> categories, CategoryEstimate allCrime)
        implements Result {

    /**
     * Copies the category list (the record is immutable); nothing else is checked.
     *
     * @param inspection the inspection's name
     * @param method     the interval method
     * @param variance   the variance convention
     * @param confidence the two-sided confidence level, a fraction
     * @param categories one estimate per category, in the inspection's order
     * @param allCrime   the combined estimate
     * @throws NullPointerException if {@code categories} is null or holds null
     */
    public InspectionEstimate {
        categories = List.copyOf(categories);
    }

    /**
     * Every row, as the tables show them.
     *
     * @return the categories in the inspection's order followed by the all-crime row; a new, modifiable
     *         list each call
     */
    public List<CategoryEstimate> rows() {
        List<CategoryEstimate> rows = new ArrayList<>(categories);
        rows.add(allCrime);
        return rows;
    }

    /**
     * One line with every row: {@code "PEEL 2021/22: violence 89.1% (84.1% to 92.7%), sexual offences
     * 99.2% (95.8% to 99.9%), other crime 95.9% (92.4% to 97.8%); all crime 93.3% (95% CI 91.1% to
     * 95.6%, Wald, binomial variance)"}; when the records named their incidents, the variance says
     * whether it is over them or ignores them, with the design effect: {@code "..., survey variance
     * over 402 incidents, design effect 1.19)"}; then the notes.
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(inspection).append(": ");
        for (CategoryEstimate row : categories) {
            text.append(row.category()).append(' ').append(Percent.format(row.rate())).append(" (")
                    .append(Percent.format(row.lower())).append(" to ").append(Percent.format(row.upper())).append("), ");
        }
        if (!categories.isEmpty()) {
            text.setLength(text.length() - 2);
            text.append("; ");
        }
        text.append("all crime ").append(Percent.format(allCrime.rate())).append(" (").append(Percent.level(confidence))
                .append(" CI ").append(Percent.format(allCrime.lower())).append(" to ")
                .append(Percent.format(allCrime.upper())).append(", ").append(method.displayName()).append(", ")
                .append(varianceText()).append(')');
        for (String note : notes()) {
            text.append("; ").append(note);
        }
        return text.toString();
    }

    /**
     * Whether the records named their incidents.
     *
     * @return true if the all-crime row (and then every row) has its incidents and, where defined, its
     *         design effect
     */
    public boolean hasIncidents() {
        return allCrime.incidents().isPresent();
    }

    /** "binomial variance", or with incidents "survey variance over N incidents, design effect D". */
    private String varianceText() {
        if (!hasIncidents()) {
            return variance.token() + " variance";
        }
        return variance.token() + " variance " + (variance == VarianceConvention.BINOMIAL ? "ignoring " : "over ")
                + String.format(Locale.ROOT, "%,d", allCrime.incidents().getAsLong()) + " incidents"
                + (allCrime.designEffect().isPresent()
                        ? String.format(Locale.ROOT, ", design effect %.2f", allCrime.designEffect().getAsDouble()) : "");
    }

    private static String moreThan(UnrecordedCrimes unrecorded, long unit) {
        if (unrecorded.isUnbounded()) {
            return "unbounded";
        }
        return String.format(Locale.ROOT, "> %,d", (unit == 0 ? unrecorded.moreThan() : unrecorded.moreThan(unit))
                .getAsLong());
    }

    /**
     * A table with a row per category and all crime: counts, volume, rate, interval, the Wald margin
     * ("Wald +/-", the published convention, whatever the interval method), and
     * unrecorded crimes as "more than N" rounded down to each row's default unit
     * ({@link UnrecordedCrimes#unit()}: 100 from an estimate of 1,000, 10 from 100, else 1), or
     * "unbounded" when nothing was recorded. Rates in percent with one decimal.
     *
     * @return a title line naming the method and the variance, then the table, then the notes
     */
    @Override
    public String summary() {
        return summary(0);
    }

    /**
     * As {@link #summary()}, rounding the unrecorded crimes down to a multiple of {@code unit}
     * (0: each row's default unit, {@link UnrecordedCrimes#unit()}).
     *
     * @param unit the rounding step of "more than N" (the inspectors use 100 or 500), or 0 for each row's
     *             default
     * @return a title line naming the method and the variance, then the table
     * @throws IllegalArgumentException if {@code unit < 0}, or a row's "more than N" exceeds
     *                                  {@link Long#MAX_VALUE} (see {@link UnrecordedCrimes#moreThan(long)})
     */
    public String summary(long unit) {
        Args.nonNegative("unit", unit);
        List<String> header = new ArrayList<>(List.of("category", "recorded", "audited", "volume", "rate",
                Percent.level(confidence) + " CI", "Wald +/-", "unrecorded"));
        if (hasIncidents()) {
            header.addAll(List.of("incidents", "design effect"));
        }
        TextTable table = new TextTable(header.toArray(new String[0]));
        for (CategoryEstimate row : rows()) {
            List<String> cells = new ArrayList<>(List.of(row.category(), String.valueOf(row.recorded()),
                    String.valueOf(row.audited()), String.format(Locale.ROOT, "%,d", row.volume()),
                    Percent.format(row.rate()), Percent.format(row.lower()) + " to " + Percent.format(row.upper()),
                    Percent.format(row.margin()), moreThan(row.unrecorded(), unit)));
            if (hasIncidents()) {
                cells.add(row.incidents().isPresent() ? String.valueOf(row.incidents().getAsLong()) : "");
                cells.add(row.designEffect().isPresent()
                        ? String.format(Locale.ROOT, "%.2f", row.designEffect().getAsDouble()) : "n/a");
            }
            table.row(cells.toArray(new String[0]));
        }
        StringBuilder notes = new StringBuilder();
        for (String note : notes()) {
            notes.append("Note: ").append(note).append('\n');
        }
        return inspection + " (" + method.displayName() + " intervals, " + varianceText() + ")\n"
                + table.render() + notes;
    }

    /**
     * What a reader must be told: when the records named their incidents but the binomial variance
     * was chosen, that it treats every crime as an independent draw.
     *
     * @return the notes; empty when there is nothing to say
     */
    @Override
    public List<String> notes() {
        if (hasIncidents() && variance == VarianceConvention.BINOMIAL) {
            return List.of(BINOMIAL_WITH_INCIDENTS);
        }
        return List.of();
    }

    /** The note for a clustered file analysed with the binomial variance. */
    static final String BINOMIAL_WITH_INCIDENTS = "binomial variance treats every crime as an independent draw,"
            + " ignoring that crimes came in incidents (the survey convention estimates over them: --variance survey)";

    /**
     * The estimate as the command line writes it: a row per category and all crime
     * ({@link EstimateColumns#inspectionEstimates}), {@code more_than} at each row's default unit, and
     * {@link #notes()}.
     *
     * @return a new table
     */
    @Override
    public ResultTable table() {
        return EstimateColumns.inspectionEstimates(List.of(this), 0, false);
    }
}
