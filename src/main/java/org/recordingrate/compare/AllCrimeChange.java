package org.recordingrate.compare;

import org.recordingrate.model.Interval;
import org.recordingrate.format.Percent;

/**
 * The change in the volume-weighted all-crime rate between two inspections: change = p<sub>after</sub>
 * - p<sub>before</sub>, standard error sqrt(V<sub>before</sub> + V<sub>after</sub>) (independent samples;
 * each V under the chosen variance convention), z = change / se, the Wald interval change &plusmn;
 * z<sub>1-alpha/2</sub> se clipped to [-1, 1], the p-value for the alternative and the verdict. When
 * both variances are 0 (every category all or none recorded in both inspections) z is 0 with
 * p = 1 if the rates are equal, and infinite with p = 0 otherwise.
 *
 * @param rateBefore    the earlier all-crime rate
 * @param rateAfter     the later all-crime rate
 * @param change        rateAfter - rateBefore
 * @param standardError the standard error of the change
 * @param interval      the Wald interval for the change
 * @param z             change / standardError
 * @param pValue        the p-value for the alternative
 * @param alternative   the alternative tested
 * @param verdict       the inspectors' verdict at the chosen significance level
 */
public record AllCrimeChange(double rateBefore, double rateAfter, double change, double standardError,
                             Interval interval, double z, double pValue, Alternative alternative, Verdict verdict) {

    /**
     * {@code "all crime 87.8% -> 93.2%: +5.4 points (+2.5 to +8.3 points), z = 3.70, p = 0.000216: statistically
     * significant improvement"}: the interval without its level, z with two decimals.
     */
    @Override
    public String toString() {
        return "all crime " + Percent.format(rateBefore) + " -> " + Percent.format(rateAfter) + ": "
                + Percent.points(change) + " (" + Percent.range(interval.lower(), interval.upper()) + " points), z = "
                + String.format(java.util.Locale.ROOT, "%.2f", z)
                + ", p = " + Percent.pValue(pValue) + ": " + verdict;
    }

    /**
     * A few lines: both rates, the change with its standard error (percent, two decimals) and
     * interval, the z-test with its alternative, the verdict.
     *
     * @return multi-line text, each line ending in the platform's line separator
     */
    public String summary() {
        return String.format(java.util.Locale.ROOT, "%-12s%s%n%-12s%s%n%-12s%s (se %s, CI %s)%n%-12sz = %.2f, p = %s"
                        + " (%s)%n%-12s%s%n",
                "before", Percent.format(rateBefore), "after", Percent.format(rateAfter), "change",
                Percent.points(change), Percent.format(standardError, 2),
                Percent.range(interval.lower(), interval.upper()), "test", z, Percent.pValue(pValue),
                alternative.token().replace('_', '-'), "verdict", verdict);
    }
}
