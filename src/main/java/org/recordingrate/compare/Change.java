package org.recordingrate.compare;

import org.recordingrate.format.ResultTable;
import org.recordingrate.model.Result;

import org.recordingrate.model.Interval;
import org.recordingrate.model.Tally;
import org.recordingrate.format.Percent;

/**
 * The change in recording rate between two tallies (later minus earlier) with its interval, a
 * test and the inspectors' verdict: the result of {@link Comparison#compare(Tally, Tally)}.
 *
 * @param before       the earlier tally
 * @param after        the later tally
 * @param change       after rate - before rate, a fraction in [-1, 1] (0.054 for 5.4 points)
 * @param method       the interval method
 * @param confidence   the interval's confidence level, a fraction
 * @param interval     the interval for the change, within [-1, 1]
 * @param test         the test result
 * @param significance the level of the verdict, a fraction (0.05)
 * @param verdict      the verdict from the test's p-value and the sign of the change
 */
public record Change(Tally before, Tally after, double change, ChangeIntervalMethod method, double confidence,
                     Interval interval, TestResult test, double significance, Verdict verdict) implements Result {

    /**
     * {@code "+5.4 points (95% CI +1.2 to +9.6, Newcombe); z-test (pooled variance) p = 0.0123: statistically
     * significant improvement"}: the change and its bounds in percentage points with one decimal, the
     * p-value as {@link Percent#pValue(double)}.
     */
    @Override
    public String toString() {
        return describeChange() + "; " + test.test().displayName() + " p = " + Percent.pValue(test.pValue()) + ": "
                + verdict;
    }

    /** {@code "+5.4 points (95% CI 1.2 to 9.6, Newcombe)"}: the change and its interval, without the test. */
    String describeChange() {
        return Percent.points(change) + " (" + Percent.level(confidence) + " CI "
                + Percent.range(interval.lower(), interval.upper()) + ", " + method.displayName() + ")";
    }

    /**
     * A few lines: the two rates with their tallies, the change with its interval, the test (with
     * its statistic) and the verdict with its significance level.
     *
     * @return multi-line text, each line ending in the platform's line separator
     */
    @Override
    public String summary() {
        return String.format(java.util.Locale.ROOT, "%-12s%s (%s)%n%-12s%s (%s)%n%-12s%s (%s CI %s to %s, %s)%n"
                        + "%-12s%s%n%-12s%s%n",
                "before", Percent.format(before.rate()), before, "after", Percent.format(after.rate()), after,
                "change", Percent.points(change), Percent.level(confidence),
                Percent.signed(interval.lower()), Percent.signed(interval.upper()), method.displayName(),
                "test", test, "verdict", verdict + " (at " + Percent.level(significance) + " significance)");
    }

    /**
     * The change as the command line writes it: one row of {@link ChangeColumns#CHANGE_INPUTS} then
     * {@link ChangeColumns#CHANGE}.
     *
     * @return a new table of one row
     */
    @Override
    public ResultTable table() {
        return ChangeColumns.CHANGE_INPUTS.then(ChangeColumns.CHANGE).table(this);
    }
}
