package org.recordingrate.resample;

import org.recordingrate.internal.Normal;
import org.recordingrate.internal.OrderStatistics;

/**
 * B Monte Carlo replicates of a statistic (or of its studentized form), one double each, with
 * the sums that the interval methods need, accumulated as the replicates were drawn.
 *
 * <p>Quantiles follow R's {@code boot} ({@code norm.inter}; Davison and Hinkley 1997, section
 * 5.2): with k = floor((B + 1) alpha), the k-th order statistic when (B + 1) alpha is whole,
 * otherwise interpolation between the k-th and (k+1)-th on the normal quantile scale; the
 * smallest or largest replicate when k is 0 or B. Order statistics are found by selection
 * ({@link OrderStatistics}), never by sorting. Unlike {@code norm.inter}, infinite replicates
 * (studentized replicates whose variance estimate is 0) are kept, at the ends.
 */
final class MonteCarloDistribution implements Distribution {

    private final double[] values;
    private final double estimate;
    private final double sumDeviations;
    private final double sumSquaredDeviations;
    private final long below;
    private final long equal;
    private final double acceleration;
    private final double observedStandardError;
    private final double lowest;
    private final double highest;
    private final OrderStatistics.Histogram histogram;

    /**
     * @param values                the replicates
     * @param estimate              the estimate t&#770;
     * @param sumDeviations         sum (t* - t&#770;)
     * @param sumSquaredDeviations  sum (t* - t&#770;)&sup2;
     * @param below                 replicates below the estimate
     * @param equal                 replicates equal to it
     */
    MonteCarloDistribution(double[] values, double estimate, double sumDeviations, double sumSquaredDeviations,
                           long below, long equal, double acceleration, double observedStandardError, double lowest,
                           double highest) {
        this(values, estimate, sumDeviations, sumSquaredDeviations, below, equal, acceleration, observedStandardError,
                lowest, highest, null);
    }

    /** The same, with the histogram of the values made while they were drawn (or null). */
    MonteCarloDistribution(double[] values, double estimate, double sumDeviations, double sumSquaredDeviations,
                           long below, long equal, double acceleration, double observedStandardError, double lowest,
                           double highest, OrderStatistics.Histogram histogram) {
        this.histogram = histogram;
        this.values = values;
        this.estimate = estimate;
        this.sumDeviations = sumDeviations;
        this.sumSquaredDeviations = sumSquaredDeviations;
        this.below = below;
        this.equal = equal;
        this.acceleration = acceleration;
        this.observedStandardError = observedStandardError;
        this.lowest = lowest;
        this.highest = highest;
    }

    int replicates() {
        return values.length;
    }

    /** The replicates themselves (not a copy: callers only read them). */
    double[] values() {
        return values;
    }

    long below() {
        return below;
    }

    long equal() {
        return equal;
    }

    @Override
    public double estimate() {
        return estimate;
    }

    @Override
    public double[] quantiles(double... levels) {
        return interpolatedQuantiles(values, values.length, histogram, levels);
    }

    /**
     * R's {@code norm.inter} on {@code values[0..length)}, which stay unchanged ({@code histogram}
     * their counts, or null).
     */
    static double[] interpolatedQuantiles(double[] values, int length, OrderStatistics.Histogram histogram,
                                          double... levels) {
        int r = length;
        int[] ranks = new int[2 * levels.length];
        long[] ks = new long[levels.length];
        int used = 0;
        for (int i = 0; i < levels.length; i++) {
            double rk = (r + 1) * levels[i];
            long k = (long) rk;
            if (!(rk >= 0)) {
                k = 0;
            }
            ks[i] = k;
            if (k == 0) {
                ranks[used++] = 0;
            } else if (k >= r) {
                ranks[used++] = r - 1;
            } else {
                ranks[used++] = (int) k - 1;
                ranks[used++] = (int) k;
            }
        }
        int[] trimmed = java.util.Arrays.copyOf(ranks, used);
        double[] selected = histogram != null && length > 0 ? OrderStatistics.select(values, length, histogram, trimmed)
                : OrderStatistics.select(values, length, trimmed);
        double[] result = new double[levels.length];
        int at = 0;
        for (int i = 0; i < levels.length; i++) {
            long k = ks[i];
            double rk = (r + 1) * levels[i];
            if (k == 0 || k >= r) {
                result[i] = selected[at++];
                continue;
            }
            double tk = selected[at++];
            double tk1 = selected[at++];
            if (k == rk || tk == tk1) {
                result[i] = tk;
                continue;
            }
            double z = Normal.quantile(levels[i]);
            double zk = Normal.quantile(k / (r + 1.0));
            double zk1 = Normal.quantile((k + 1) / (r + 1.0));
            result[i] = tk + (z - zk) / (zk1 - zk) * (tk1 - tk);
        }
        return result;
    }

    @Override
    public double mean() {
        return estimate + sumDeviations / values.length;
    }

    @Override
    public double variance() {
        int b = values.length;
        if (b < 2) {
            return 0;
        }
        return Math.max(0, (sumSquaredDeviations - sumDeviations * sumDeviations / b) / (b - 1));
    }

    @Override
    public double shareBelow(TieCounting ties) {
        return ties.share(below, equal, values.length);
    }

    @Override
    public double acceleration() {
        return acceleration;
    }

    @Override
    public double observedStandardError() {
        return observedStandardError;
    }

    @Override
    public double lowest() {
        return lowest;
    }

    @Override
    public double highest() {
        return highest;
    }
}
