package org.recordingrate.estimate;

import org.recordingrate.model.Token;

import org.recordingrate.model.Interval;
import org.recordingrate.model.Tally;

/**
 * A way of computing a confidence interval for one category's recording rate from its tally.
 * {@link IntervalMethod} holds the published formulas; a resampled (bootstrap) interval is one
 * more implementation, so that {@link RateEstimator} and the reports take either. Implementations
 * are immutable and thread-safe.
 */
public interface RateIntervalMethod extends Token {

    /**
     * The command-line token, e.g. {@code clopper_pearson}: lower case with underscores, unique among
     * the methods a command offers, and the value written in CSV and JSON output.
     *
     * @return the token
     */
    @Override
    String token();

    /**
     * The name for people, e.g. {@code "Clopper-Pearson"}, as {@link RateEstimate#toString()} and the
     * text tables show it.
     *
     * @return the display name
     */
    @Override
    String displayName();

    /**
     * The two-sided interval for the tally's rate at {@code confidence}.
     *
     * @param tally      recorded of audited
     * @param confidence the confidence level, in the supported range (see {@code Args.confidence})
     * @return the interval, within [0, 1]
     * @throws IllegalArgumentException for a null tally, a confidence out of range, or counts the
     *                                  method does not support
     */
    Interval interval(Tally tally, double confidence);

    /**
     * The one-sided lower bound at {@code confidence}: by default the lower bound of the two-sided
     * interval at level {@code 2 confidence - 1}, which is what every equal-tailed method gives.
     * Override it for a method whose tails are not equal.
     *
     * @param tally      recorded of audited
     * @param confidence the one-sided level c, strictly between 0.5 and 1; the two-sided level 2c - 1
     *                   must also be one that {@link #interval} accepts
     * @return the bound L: with confidence c the rate is at least L; in [0, 1]
     * @throws IllegalArgumentException as {@link #interval}, or if {@code confidence} is not strictly
     *                                  between 0.5 and 1 (NaN included)
     */
    default double lowerBound(Tally tally, double confidence) {
        return interval(tally, twoSidedLevel(confidence)).lower();
    }

    /**
     * The one-sided upper bound at {@code confidence}, as {@link #lowerBound}: by default the upper
     * bound of the two-sided interval at level {@code 2 confidence - 1}.
     *
     * @param tally      recorded of audited
     * @param confidence the one-sided level c, strictly between 0.5 and 1
     * @return the bound U: with confidence c the rate is at most U; in [0, 1]
     * @throws IllegalArgumentException as {@link #lowerBound}
     */
    default double upperBound(Tally tally, double confidence) {
        return interval(tally, twoSidedLevel(confidence)).upper();
    }

    private static double twoSidedLevel(double confidence) {
        if (!(confidence > 0.5 && confidence < 1)) {
            throw new IllegalArgumentException("confidence (" + confidence + ") of a one-sided bound must lie"
                    + " strictly between 0.5 and 1 for this method");
        }
        return 2 * confidence - 1;
    }
}
