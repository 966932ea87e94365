package org.recordingrate.resample;

import org.recordingrate.internal.OrderStatistics;

/**
 * The partial sums each block of replicates leaves, one slot per block, combined in block order
 * so that the totals do not depend on which thread ran which block: sum (t* - t), sum (t* - t)^2,
 * and the counts below and equal to the estimate.
 */
final class BlockSums {

    private final double[] sums;
    private final double[] squares;
    private final long[] below;
    private final long[] equal;

    BlockSums(int blocks) {
        sums = new double[blocks];
        squares = new double[blocks];
        below = new long[blocks];
        equal = new long[blocks];
    }

    /** What block {@code block} found. */
    void record(int block, double sum, double square, long belowCount, long equalCount) {
        sums[block] = sum;
        squares[block] = square;
        below[block] = belowCount;
        equal[block] = equalCount;
    }

    /** Replicates not kept, found again by {@code replay}, with the combined sums. */
    MonteCarloDistribution distribution(MonteCarloDistribution.Selection replay, int replicates, double estimate,
                                        double acceleration, double observedSe, double lowest, double highest) {
        double[] total = totals();
        return new MonteCarloDistribution(replay, replicates, estimate, total[0], total[1], (long) total[2],
                (long) total[3], acceleration, observedSe, lowest, highest);
    }

    private double[] totals() {
        double s1 = 0;
        double s2 = 0;
        long lo = 0;
        long eq = 0;
        for (int b = 0; b < sums.length; b++) {
            s1 += sums[b];
            s2 += squares[b];
            lo += below[b];
            eq += equal[b];
        }
        return new double[] {s1, s2, lo, eq};
    }

    /** The replicates with the combined sums. */
    MonteCarloDistribution distribution(double[] values, double estimate, double acceleration, double observedSe,
                                        double lowest, double highest, OrderStatistics.Histogram histogram) {
        double[] total = totals();
        return new MonteCarloDistribution(values, estimate, total[0], total[1], (long) total[2], (long) total[3],
                acceleration, observedSe, lowest, highest, histogram);
    }
}
