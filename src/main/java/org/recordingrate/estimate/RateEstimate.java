package org.recordingrate.estimate;

import org.recordingrate.format.ResultTable;
import org.recordingrate.model.Interval;
import org.recordingrate.model.Result;
import org.recordingrate.model.Tally;
import org.recordingrate.format.Percent;

/**
 * One category's recording rate with its confidence interval: the result of
 * {@link RateEstimator#estimate(Tally)}. Immutable; accessors give full precision, {@link #toString()}
 * one readable line such as {@code "93.1% (95% CI 88.7% to 95.8%, Wilson, 188 of 202)"}.
 *
 * @param tally         the audit tally
 * @param method        the interval method
 * @param confidence    the two-sided confidence level
 * @param rate          recorded / audited, a fraction in [0, 1]
 * @param lower         the lower bound, in [0, 1]
 * @param upper         the upper bound, in [0, 1]
 * @param standardError the binomial standard error sqrt(p&#770;(1 - p&#770;)/n); 0 at x = 0 and x = n
 * @param margin        the unclipped Wald half-width z x standard error: the "+/-" figure inspectors
 *                      publish, whatever the interval method
 */
public record RateEstimate(Tally tally, RateIntervalMethod method, double confidence, double rate, double lower,
                           double upper, double standardError, double margin) implements Result {

    /**
     * The interval as a value.
     *
     * @return {@code [lower, upper]}
     * @throws IllegalArgumentException if a bound is NaN or {@code lower > upper} (only possible for a
     *                                  record built by hand, or from a faulty {@link RateIntervalMethod})
     */
    public Interval interval() {
        return new Interval(lower, upper);
    }

    /** {@code "93.1% (95% CI 88.7% to 95.8%, Wilson, 188 of 202)"}: percent with one decimal. */
    @Override
    public String toString() {
        return Percent.format(rate) + " (" + Percent.level(confidence) + " CI " + Percent.format(lower) + " to "
                + Percent.format(upper) + ", " + method.displayName() + ", " + tally + ")";
    }

    /**
     * A few lines for a reader: the rate, the interval, the published-style margin (the Wald
     * half-width z x se, named so, whatever the interval method) and the standard error, in percent
     * and points with two decimals (three for the standard error).
     *
     * @return multi-line text, each line ending in the platform's line separator
     */
    @Override
    public String summary() {
        String ci = Percent.level(confidence) + " CI";
        return String.format(java.util.Locale.ROOT,
                "%-16s%s (%s audited reports recorded)%n%-16s%s to %s (%s)%n%-16s%s (Wald: z x standard error,"
                        + " as published)%n%-16s%.3f points%n",
                "recording rate", Percent.format(rate, 2), tally, ci, Percent.format(lower, 2), Percent.format(upper, 2),
                method.displayName(), "margin", Percent.plusMinus(margin, 2), "standard error", 100 * standardError);
    }

    /**
     * The estimate as the command line writes it: one row of {@link EstimateColumns#RATE_INPUTS} then
     * {@link EstimateColumns#RATE} ({@code recorded,audited,method,confidence,rate,lower,upper,margin,se}).
     *
     * @return a new table of one row
     */
    @Override
    public ResultTable table() {
        return EstimateColumns.RATE_INPUTS.then(EstimateColumns.RATE).table(this);
    }
}
