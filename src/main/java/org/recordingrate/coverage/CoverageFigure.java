package org.recordingrate.coverage;

import org.recordingrate.model.Result;

/**
 * One coverage figure: the probability that an interval method's interval holds the true value, at
 * one design and one true rate (or pair of rates), and the expected width of the interval there.
 */
public interface CoverageFigure extends Result {

    /**
     * How far below the nominal level coverage may fall before a method is said to under-cover:
     * 0.01 (one percentage point), as in Brown, Cai and DasGupta (2001), who call coverage below
     * 0.94 at the nominal 0.95 "poor".
     */
    double TOLERANCE = 0.01;

    /**
     * The probability that the interval holds the true value.
     *
     * @return a fraction in [0, 1]
     */
    double coverage();

    /**
     * The expected width of the interval, E[U - L].
     *
     * @return a fraction in [0, 1] (in [0, 2] for a change)
     */
    double expectedWidth();

    /**
     * The nominal level: the interval method's confidence.
     *
     * @return the confidence, a fraction
     */
    double confidence();

    /**
     * The true rate this figure is plotted against (the before rate for a change).
     *
     * @return a fraction in [0, 1]
     */
    double rate();

    /**
     * Whether coverage falls more than {@link #TOLERANCE} below the nominal level.
     *
     * @return {@code coverage() < confidence() - TOLERANCE}
     */
    default boolean underCovers() {
        return coverage() < confidence() - TOLERANCE;
    }
}
