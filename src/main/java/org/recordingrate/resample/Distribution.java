package org.recordingrate.resample;

/**
 * A bootstrap distribution of a statistic as the interval methods need it: Monte Carlo
 * replicates ({@link MonteCarloDistribution}) or the exact distribution ({@link ExactDistribution}).
 */
interface Distribution {

    /** The statistic on the data, t&#770;. */
    double estimate();

    /**
     * Quantiles of the distribution at the given levels in (0, 1) (levels of 0 and 1 give the
     * smallest and largest value).
     */
    double[] quantiles(double... levels);

    /** The mean of the distribution. */
    double mean();

    /** Its variance (for Monte Carlo replicates with the B - 1 denominator, as R's {@code var}). */
    double variance();

    /** The share of the distribution below the estimate, ties counted as {@code ties} says. */
    double shareBelow(TieCounting ties);

    /** The BCa acceleration (see {@link LinearStatistic#acceleration()}). */
    double acceleration();

    /** The standard error of the estimate on the data (binomial formula), for studentized intervals. */
    double observedStandardError();

    /** The smallest value the statistic can take: bounds are clipped to [lowest, highest]. */
    double lowest();

    /** The largest value the statistic can take. */
    double highest();
}
