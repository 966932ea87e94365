package org.recordingrate.resample;

import org.recordingrate.internal.Normal;
import org.recordingrate.internal.OrderStatistics;

/**
 * B Monte Carlo replicates of a statistic (or of its studentized form), with the sums that the
 * interval methods need, accumulated as the replicates were drawn. The replicates are held
 * either one double each, or as a tally: the distinct values with how often each occurred
 * (with 0/1 outcomes a replicate is a function of the categories' counts, which take few values,
 * so a million replicates have a few thousand distinct values). Both forms give the same
 * quantiles of the same replicates.
 *
 * <p>Quantiles follow R's {@code boot} ({@code norm.inter}; Davison and Hinkley 1997, section
 * 5.2): with k = floor((B + 1) alpha), the k-th order statistic when (B + 1) alpha is whole,
 * otherwise interpolation between the k-th and (k+1)-th on the normal quantile scale; the
 * smallest or largest replicate when k is 0 or B. Order statistics are found by selection
 * ({@code OrderStatistics}), never by sorting. Unlike {@code norm.inter}, infinite replicates
 * (studentized replicates whose variance estimate is 0) are kept, at the ends.
 */
final class MonteCarloDistribution implements Distribution {

    private final double[] values;
    private final double[] distinct;
    private final int[] counts;
    private final int distinctLength;
    private final int replicates;
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
    private final Selection replay;

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
        this(values, histogram, null, null, 0, values.length, estimate, sumDeviations, sumSquaredDeviations, below,
                equal, acceleration, observedStandardError, lowest, highest, null);
    }

    /**
     * Replicates that are not kept: {@code replay} finds any of their order statistics (by drawing
     * them again, see {@code ReplicateRuns}); the sums were kept as they were drawn.
     */
    MonteCarloDistribution(Selection replay, int replicates, double estimate, double sumDeviations,
                           double sumSquaredDeviations, long below, long equal, double acceleration,
                           double observedStandardError, double lowest, double highest) {
        this(null, null, null, null, 0, replicates, estimate, sumDeviations, sumSquaredDeviations, below, equal,
                acceleration, observedStandardError, lowest, highest, replay);
    }

    /**
     * Replicates as a tally: {@code distinct[i]} occurred {@code counts[i]} times, for i below
     * {@code length}, the counts summing to the number of replicates. The arrays are taken, not
     * copied (selection rearranges them in pairs).
     */
    MonteCarloDistribution(double[] distinct, int[] counts, int length, double estimate, double sumDeviations,
                           double sumSquaredDeviations, long below, long equal, double acceleration,
                           double observedStandardError, double lowest, double highest) {
        this(null, null, distinct, counts, length, total(counts, length), estimate, sumDeviations,
                sumSquaredDeviations, below, equal, acceleration, observedStandardError, lowest, highest, null);
    }

    private MonteCarloDistribution(double[] values, OrderStatistics.Histogram histogram, double[] distinct,
                                   int[] counts, int distinctLength, int replicates, double estimate,
                                   double sumDeviations, double sumSquaredDeviations, long below, long equal,
                                   double acceleration, double observedStandardError, double lowest, double highest,
                                   Selection replay) {
        this.values = values;
        this.replay = replay;
        this.histogram = histogram;
        this.distinct = distinct;
        this.counts = counts;
        this.distinctLength = distinctLength;
        this.replicates = replicates;
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

    private static int total(int[] counts, int length) {
        long total = 0;
        for (int i = 0; i < length; i++) {
            total += counts[i];
        }
        if (total < 1 || total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("replicates (" + total + ") must lie in [1, 2^31)");
        }
        return (int) total;
    }

    int replicates() {
        return replicates;
    }

    /** What a tally or the list of replicates is told, value by value. */
    interface ValueCount {
        void accept(double value, long count);
    }

    /**
     * Each replicate's value with its count: every distinct value once (tally), or every
     * replicate with count 1, in no order that callers may rely on.
     */
    void forEach(ValueCount action) {
        if (replay != null) {
            throw new UnsupportedOperationException("the replicates were not kept");
        }
        if (values != null) {
            for (double v : values) {
                action.accept(v, 1);
            }
        } else {
            for (int i = 0; i < distinctLength; i++) {
                action.accept(distinct[i], counts[i]);
            }
        }
    }

    /** Whether the replicates are held as a tally of distinct values. */
    boolean tallied() {
        return values == null && replay == null;
    }

    /**
     * The replicates sorted, one double each (for tests and small runs: B doubles): the same
     * list from either form.
     */
    double[] sortedValues() {
        double[] sorted = new double[replicates];
        int[] at = {0};
        forEach((v, c) -> {
            for (long j = 0; j < c; j++) {
                sorted[at[0]++] = v;
            }
        });
        java.util.Arrays.sort(sorted);
        return sorted;
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
        if (replay != null) {
            return interpolatedQuantiles(replicates, replay, levels);
        }
        if (values != null) {
            return interpolatedQuantiles(values, values.length, histogram, levels);
        }
        // the selection rearranges the tally's two arrays together: one caller at a time
        synchronized (this) {
            return interpolatedQuantiles(replicates, ranks -> {
                long[] wide = new long[ranks.length];
                for (int i = 0; i < ranks.length; i++) {
                    wide[i] = ranks[i];
                }
                return OrderStatistics.selectWeighted(distinct, counts, distinctLength, wide);
            }, levels);
        }
    }

    /** Selects the values of 0-based ranks among the replicates. */
    interface Selection {
        double[] select(int[] ranks);
    }

    /**
     * R's {@code norm.inter} on {@code values[0..length)}, which stay unchanged ({@code histogram}
     * their counts, or null).
     */
    static double[] interpolatedQuantiles(double[] values, int length, OrderStatistics.Histogram histogram,
                                          double... levels) {
        return interpolatedQuantiles(length, trimmed -> histogram != null && length > 0
                ? OrderStatistics.select(values, length, histogram, trimmed)
                : OrderStatistics.select(values, length, trimmed), levels);
    }

    /** R's {@code norm.inter} on {@code length} replicates whose order statistics {@code selection} finds. */
    static double[] interpolatedQuantiles(int length, Selection selection, double... levels) {
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
        double[] selected = selection.select(trimmed);
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
        return estimate + sumDeviations / replicates;
    }

    @Override
    public double variance() {
        int b = replicates;
        if (b < 2) {
            return 0;
        }
        return Math.max(0, (sumSquaredDeviations - sumDeviations * sumDeviations / b) / (b - 1));
    }

    @Override
    public double shareBelow(TieCounting ties) {
        return ties.share(below, equal, replicates);
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
