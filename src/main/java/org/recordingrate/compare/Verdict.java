package org.recordingrate.compare;

import org.recordingrate.internal.Args;

/**
 * The inspectors' verdict on a change between two inspections, in their own words.
 */
public enum Verdict {
    /** The later rate is higher and the test rejects "no change". */
    IMPROVEMENT("statistically significant improvement"),
    /** The later rate is lower and the test rejects "no change". */
    DETERIORATION("statistically significant deterioration"),
    /** The test does not reject "no change" at the chosen significance level (p above it). */
    NO_CHANGE("no statistically significant change");

    private final String words;

    Verdict(String words) {
        this.words = words;
    }

    /**
     * The words as published.
     *
     * @return e.g. {@code "statistically significant improvement"}
     */
    public String words() {
        return words;
    }

    /**
     * The verdict for a change (later minus earlier) and its p-value: significant when
     * {@code pValue <= significance} (as {@link TestResult#significantAt(double)}: an exact test
     * then has size at most the level), and then named by the sign of the change. A significant
     * result with a change of exactly 0 (impossible for the tests here) is reported as no change.
     *
     * @param change       after - before
     * @param pValue       the test's p-value, in [0, 1]
     * @param significance the level, in (0, 1), e.g. 0.05
     * @return {@link #IMPROVEMENT} or {@link #DETERIORATION} when significant, else {@link #NO_CHANGE}
     * @throws IllegalArgumentException if the p-value is outside [0, 1] or NaN, the change is NaN,
     *                                  or the significance is outside (0, 1)
     */
    public static Verdict of(double change, double pValue, double significance) {
        Args.inRange("p-value", pValue, 0, 1);
        Args.significance(significance);
        if (Double.isNaN(change)) {
            throw new IllegalArgumentException("change (NaN) must be a number");
        }
        if (pValue > significance || change == 0) {
            return NO_CHANGE;
        }
        return change > 0 ? IMPROVEMENT : DETERIORATION;
    }

    /** The words. */
    @Override
    public String toString() {
        return words;
    }
}
