package org.recordingrate.estimate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.recordingrate.format.Percent;
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
                                 double confidence, List<CategoryEstimate> categories, CategoryEstimate allCrime) {

    /** Copies the category list. */
    public InspectionEstimate {
        categories = List.copyOf(categories);
    }

    /** The categories followed by the all-crime row. */
    public List<CategoryEstimate> rows() {
        List<CategoryEstimate> rows = new ArrayList<>(categories);
        rows.add(allCrime);
        return rows;
    }

    /** One line: {@code "PEEL 2021/22: all crime 93.3% (95% CI 91.1% to 95.6%, Wald, binomial variance)"}. */
    @Override
    public String toString() {
        return inspection + ": all crime " + Percent.format(allCrime.rate()) + " (" + Percent.level(confidence) + " CI "
                + Percent.format(allCrime.lower()) + " to " + Percent.format(allCrime.upper()) + ", "
                + method.displayName() + ", " + variance.token() + " variance)";
    }

    private static String moreThan(UnrecordedCrimes unrecorded, long unit) {
        if (unrecorded.isUnbounded()) {
            return "unbounded";
        }
        return String.format(Locale.ROOT, "> %,d", (unit == 0 ? unrecorded.moreThan() : unrecorded.moreThan(unit))
                .getAsLong());
    }

    /**
     * A table with a row per category and all crime: rate, interval, margin, and unrecorded crimes
     * as "more than N" at the default precision of 100.
     */
    public String summary() {
        return summary(0);
    }

    /**
     * As {@link #summary()}, rounding the unrecorded crimes down to a multiple of {@code unit}
     * (0: each row's default unit, {@link UnrecordedCrimes#unit()}).
     *
     * @throws IllegalArgumentException if {@code unit < 0}
     */
    public String summary(long unit) {
        Args.nonNegative("unit", unit);
        TextTable table = new TextTable("category", "recorded", "audited", "volume", "rate",
                Percent.level(confidence) + " CI", "+/-", "unrecorded");
        for (CategoryEstimate row : rows()) {
            table.row(row.category(), String.valueOf(row.recorded()), String.valueOf(row.audited()),
                    String.format(Locale.ROOT, "%,d", row.volume()), Percent.format(row.rate()),
                    Percent.format(row.lower()) + " to " + Percent.format(row.upper()), Percent.format(row.margin()),
                    moreThan(row.unrecorded(), unit));
        }
        return inspection + " (" + method.displayName() + " intervals, " + variance.token() + " variance)\n"
                + table.render();
    }
}
