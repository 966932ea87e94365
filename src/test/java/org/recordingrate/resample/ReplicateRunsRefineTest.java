package org.recordingrate.resample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/**
 * The replay of {@link ReplicateRuns} (replicates not kept, order statistics found by drawing them
 * again) in the cases the bootstrap tests do not reach: a first-pass bucket holding more than
 * the values one further pass may gather, which must be split into finer buckets by further passes
 * (once, twice, or down to a bucket of one repeated value). The independent computation is the kept
 * run: every replicate stored and sorted ({@code sortedValues()}); the replay must give the same
 * order statistics to the bit, and the same quantiles (R's {@code norm.inter} on those order
 * statistics).
 */
class ReplicateRunsRefineTest {

    /** Replicates of each run: three blocks and a part. */
    private static final int REPLICATES = 3 * Blocks.SIZE + 1_234;

    /**
     * The most values one gathering pass may hold, lowered from {@link ReplicateRuns#GATHER} (4,194,304)
     * so that a bucket of the first pass is too full to gather with a few tens of thousands of replicates.
     */
    private static final long GATHER = 5_000;

    /** A kernel drawing {@code shape(u)} for a uniform u, deviations measured from 0. */
    private static Supplier<ReplicateRuns.Kernel> kernel(DoubleUnaryOperator shape) {
        return () -> (count, random, values, sums) -> {
            for (int i = 0; i < count; i++) {
                double v = shape.applyAsDouble(random.nextDouble());
                values[i] = v;
                sums.add(v, Double.compare(v, 0));
            }
        };
    }

    /**
     * The first pass spans center &plusmn; 12 spreads = [-12, 12] in 4,096 buckets of width 24/4096
     * = 0.0059: every value below 1e-3 falls in one bucket (index 1 + floor(12 * 4096 / 24) = 2049).
     */
    private static final ReplicateRuns.Summary SUMMARY = new ReplicateRuns.Summary(0, 0, 1, 0, 1, 0, 1e-3);

    private static void replayMatchesKept(Supplier<ReplicateRuns.Kernel> kernel, double... levels) {
        MonteCarloDistribution kept = ReplicateRuns.run(kernel, REPLICATES, 11, 2, ProgressListener.NONE,
                new Cancellation(), SUMMARY);
        MonteCarloDistribution replayed = ReplicateRuns.run(kernel, REPLICATES, 11, 2, ProgressListener.NONE,
                new Cancellation(), SUMMARY, 0, GATHER);
        double[] sorted = kept.sortedValues();
        assertEquals(REPLICATES, sorted.length);
        for (int rank : new int[] {0, 1, REPLICATES / 40, REPLICATES / 2, REPLICATES - REPLICATES / 40,
                REPLICATES - 1}) {
            // (rank + 1)/(B + 1) is an exact order statistic: norm.inter takes it without interpolation
            assertEquals(sorted[rank], replayed.quantiles((rank + 1.0) / (REPLICATES + 1))[0], "rank " + rank);
        }
        assertArrayEquals(kept.quantiles(levels), replayed.quantiles(levels));
        assertEquals(kept.variance(), replayed.variance());
        assertEquals(kept.shareBelow(TieCounting.HALF), replayed.shareBelow(TieCounting.HALF));
    }

    /** Every value in one first-pass bucket: one further pass of finer buckets, then gathered. */
    @Test
    void aCrowdedBucketIsSplitOnceThenGathered() {
        replayMatchesKept(kernel(u -> u * 1e-3), 0.025, 0.5, 0.975);
    }

    /**
     * 90% of the values below 1e-12 and the rest up to 1e-3: the finer buckets over [0, 1e-3] (width
     * 2.4e-7) still leave about 90% of the replicates in the first one, so it is split a second time.
     */
    @Test
    void aBucketStillCrowdedAfterOneSplitIsSplitAgain() {
        replayMatchesKept(kernel(u -> u < 0.9 ? u * 1e-12 : u * 1e-3), 0.025, 0.5, 0.95, 0.975);
    }

    /** Three repeated values: the finer bucket of the wanted rank holds one value, taken as it is. */
    @Test
    void aFinerBucketOfOneValueIsTakenWithoutGathering() {
        replayMatchesKept(kernel(u -> Math.floor(u * 3) * 1e-4), 0.1, 0.5, 0.9);
        MonteCarloDistribution replayed = ReplicateRuns.run(kernel(u -> Math.floor(u * 3) * 1e-4), REPLICATES, 11,
                1, ProgressListener.NONE, new Cancellation(), SUMMARY, 0, GATHER);
        // a third of the uniforms each: the median replicate is the middle value 1e-4
        assertEquals(1e-4, replayed.quantiles(0.5)[0]);
        assertTrue(replayed.quantiles(0.1)[0] == 0 && replayed.quantiles(0.9)[0] == 2e-4);
    }
}
