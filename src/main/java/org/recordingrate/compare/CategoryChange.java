package org.recordingrate.compare;

import org.recordingrate.format.Percent;

/**
 * One category's change within an {@link InspectionChange}. Its verdict rests on the p-value
 * adjusted across the categories compared, which is what is printed beside it.
 *
 * @param category        the category's name
 * @param change          the change with its interval and test (its own verdict uses the raw p-value)
 * @param adjustedPValue  the test's p-value adjusted across the categories compared, in [0, 1]; equal to
 *                        the raw p-value under {@link PValueAdjustment#NONE}
 * @param adjustment      how it was adjusted
 * @param verdict         the verdict on the adjusted p-value
 */
public record CategoryChange(String category, Change change, double adjustedPValue, PValueAdjustment adjustment,
                             Verdict verdict) {

    /**
     * {@code "violence: +9.1 points (95% CI +2.0 to +15.7, Miettinen-Nurminen); z-test (pooled variance)
     * p = 0.0477, holm-adjusted p = 0.0953: no statistically significant change"}.
     */
    @Override
    public String toString() {
        return category + ": " + change.describeChange() + "; " + change.test().test().displayName() + " p = "
                + Percent.pValue(change.test().pValue())
                + (adjustment == PValueAdjustment.NONE ? ""
                        : ", " + adjustment.token() + "-adjusted p = " + Percent.pValue(adjustedPValue))
                + ": " + verdict;
    }

    /**
     * The category's name, the change's summary, then the adjusted p-value and the verdict that rests
     * on it.
     *
     * @return multi-line text; the change's own verdict line (on the raw p-value) comes first, the
     *         adjusted verdict last
     */
    public String summary() {
        return category + "\n" + change.summary() + String.format(java.util.Locale.ROOT, "%-12s%s (%s)%n%-12s%s%n",
                "adjusted p", Percent.pValue(adjustedPValue), adjustment.token(), "verdict", verdict);
    }
}
