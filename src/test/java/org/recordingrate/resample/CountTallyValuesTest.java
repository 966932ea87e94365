package org.recordingrate.resample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;
import org.recordingrate.internal.AliasSampler;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Tally;

/**
 * {@link CountTally}'s plan (cells, groups, thresholds) and its draws against the exact law. Every
 * randomised check is seeded and at 5 sigma (two-sided normal tail 5.7e-7); about 60 such
 * checks, so a correct implementation fails with some other seed with chance below 4e-5.
 * The laws: one category's count is Binomial(n, x/n) (the categories here have every value at
 * least 2^-32 likely, so their tables hold the whole of 0..n and their 32-bit masses are exact
 * quarters and halves where stated); a tally of B replicates is Multinomial(B, cell
 * probabilities), each cell's count Binomial(B, pi).
 */
class CountTallyValuesTest {

    /** A 5-sigma check of a count against Binomial(trials, p); returns 1. */
    private static int checkFrequency(double p, long count, long trials, String what) {
        double mean = trials * p;
        double sd = Math.sqrt(trials * p * (1 - p));
        assertEquals(mean, count, 5 * sd + 1e-9, what + ": expected " + mean + " (sd " + sd + "), got " + count);
        return 1;
    }

    /**
     * Ranges 16, 8 and 16 (7 of 15, 3 of 7, 7 of 15: every count of 0..n at least 1e-5 likely)
     * make exactly 2048 = GROUP_TUPLES joint values: one group. 2048 cells are allowed at 4096
     * replicates (at most half), not at 4095; the tally itself is drawn from 8 x 2048 replicates.
     */
    @Test
    void planCountsCellsGroupsAndThresholds() {
        Inspection design = Inspection.builder("ranges").category("a", 7, 15, 10).category("b", 3, 7, 10)
                .category("c", 7, 15, 10).build();
        LinearStatistic statistic = LinearStatistic.of(design);
        AliasSampler[] samplers = statistic.samplers();
        for (int i = 0; i < 3; i++) {
            assertEquals(0, samplers[i].lowest32());
            assertEquals(statistic.audited(i), samplers[i].highest32());
        }
        assertNull(CountTally.plan(statistic, samplers, 4095));
        CountTally tally = CountTally.plan(statistic, samplers, 4096);
        assertNotNull(tally);
        assertEquals(16 * 8 * 16, tally.cells());
        assertEquals(1, tally.groups());
        assertTrue(tally.drawsTheTally(8 * 2048));
        assertFalse(tally.drawsTheTally(8 * 2048 - 1));
        // a tally of 40,000 replicates: each category's marginal is Binomial(n, x/n)
        int replicates = 40_000;
        int[] cells = tally.count(replicates, Blocks.source(5).split(), 2, ProgressListener.NONE, new Cancellation());
        long[][] marginal = {new long[16], new long[8], new long[16]};
        long total = 0;
        for (int cell = 0; cell < cells.length; cell++) {
            marginal[0][cell / 128] += cells[cell];
            marginal[1][cell / 16 % 8] += cells[cell];
            marginal[2][cell % 16] += cells[cell];
            total += cells[cell];
        }
        assertEquals(replicates, total);
        int checked = 0;
        for (int i = 0; i < 3; i++) {
            BinomialDistribution law = new BinomialDistribution(null, (int) statistic.audited(i), statistic.rate(i));
            for (int v = 0; v < marginal[i].length; v++) {
                checked += checkFrequency(law.probability(v), marginal[i][v], replicates, "category " + i + " " + v);
            }
        }
        assertEquals(40, checked);
    }

    /**
     * The last replicate of an odd block takes the high halves of its random longs: run single
     * replicates with 400 seeds and the first category (1 of 2: 0, 1, 2 with probabilities
     * 1/4, 1/2, 1/4) must follow its law; with a second group (7,000 of 14,000, about 740
     * values, more than 2048/3: a group of its own), its count must fall at or below 7,000 with
     * probability P(X <= 7000) = 1/2 + P(X = 7000)/2.
     */
    @Test
    void singleTrailingReplicatesFollowTheLaw() {
        LinearStatistic[] designs = {LinearStatistic.of(Tally.of(1, 2)),
                LinearStatistic.of(Inspection.builder("two groups").category("a", 1, 2, 1)
                        .category("b", 7_000, 14_000, 1).build())};
        for (LinearStatistic statistic : designs) {
            AliasSampler[] samplers = statistic.samplers();
            CountTally tally = CountTally.plan(statistic, samplers, 1 << 20);
            int k = statistic.size();
            assertEquals(k, tally.groups());
            int second = k == 1 ? 1 : (int) (samplers[1].highest32() - samplers[1].lowest32() + 1);
            long[] first = new long[3];
            long low = 0;
            int runs = 400;
            for (int seed = 0; seed < runs; seed++) {
                int[] cells = tally.count(1, Blocks.source(1000 + seed).split(), 1, ProgressListener.NONE,
                        new Cancellation());
                int hits = 0;
                for (int cell = 0; cell < cells.length; cell++) {
                    if (cells[cell] != 0) {
                        hits += cells[cell];
                        first[cell / second]++;
                        if (k == 2 && samplers[1].lowest32() + cell % second <= 7_000) {
                            low++;
                        }
                    }
                }
                assertEquals(1, hits);
            }
            double[] quarter = {0.25, 0.5, 0.25};
            for (int v = 0; v < 3; v++) {
                checkFrequency(quarter[v], first[v], runs, k + " groups, first category " + v);
            }
            if (k == 2) {
                assertTrue(second > 2048 / 3, "range " + second);
                double p = new BinomialDistribution(null, 14_000, 0.5).cumulativeProbability(7_000);
                checkFrequency(p, low, runs, "second category at or below 7000");
            }
        }
    }

    /**
     * Three groups (30 of 60 each: 47 values, any two more than 2048): every replicate counted
     * once, for odd and even blocks (3, 4, a full block and one more), and each category's mean
     * count 30 within 5 standard errors (sd sqrt(60/4)).
     */
    @Test
    void threeGroupsCountEveryReplicateOnce() {
        Inspection design = Inspection.builder("three").category("a", 30, 60, 1).category("b", 30, 60, 1)
                .category("c", 30, 60, 1).build();
        LinearStatistic statistic = LinearStatistic.of(design);
        AliasSampler[] samplers = statistic.samplers();
        CountTally tally = CountTally.plan(statistic, samplers, Integer.MAX_VALUE);
        assertEquals(3, tally.groups());
        int range = (int) (samplers[0].highest32() - samplers[0].lowest32() + 1);
        assertEquals((long) range * range * range, tally.cells());
        for (int replicates : new int[] {3, 4, Blocks.SIZE + 1, 20_000}) {
            int[] cells = tally.count(replicates, Blocks.source(replicates).split(), 1, ProgressListener.NONE,
                    new Cancellation());
            long total = 0;
            double[] sum = new double[3];
            for (int cell = 0; cell < cells.length; cell++) {
                total += cells[cell];
                sum[0] += (double) cells[cell] * (samplers[0].lowest32() + cell / (range * range));
                sum[1] += (double) cells[cell] * (samplers[1].lowest32() + cell / range % range);
                sum[2] += (double) cells[cell] * (samplers[2].lowest32() + cell % range);
            }
            assertEquals(replicates, total, "replicates " + replicates);
            if (replicates == 20_000) {
                double se = Math.sqrt(60 * 0.25 / replicates);
                for (int i = 0; i < 3; i++) {
                    assertEquals(30, sum[i] / replicates, 5 * se, "category " + i);
                }
            }
        }
    }

    /** A generator counting the longs it gives. */
    private static final class Counting implements RandomGenerator {
        private final SplittableRandom random;
        private int calls;

        Counting(long seed) {
            random = new SplittableRandom(seed);
        }

        @Override
        public long nextLong() {
            calls++;
            return random.nextLong();
        }
    }

    /**
     * The tally drawn itself as a chain of binomials over two groups of three tuples each,
     * masses 1/2, 1/4, 1/4 (exact in 2^32ths), cells 3a + b: 100,000 replicates give every cell
     * Binomial(B, pi_a pi_b) frequencies; and one uniform per binomial, drawn only for tuples
     * reached before the replicates run out (the last tuple, holding all the mass left, takes
     * what is left without one), counted over 300 seeded chains of 3 replicates.
     */
    @Test
    void drawnTallyIsMultinomialWithOneUniformPerBinomialReached() {
        long half = 1L << 31;
        long quarter = 1L << 30;
        long[][] masses = {{half, quarter, quarter}, {half, quarter, quarter}};
        int[][] offsets = {{0, 3, 6}, {0, 1, 2}};
        double[] pi = {0.5, 0.25, 0.25};
        int replicates = 100_000;
        int[] counts = new int[9];
        CountTally.drawChain(counts, masses, offsets, 0, replicates, 0, new SplittableRandom(17),
                ProgressListener.NONE, new Cancellation());
        long total = 0;
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                checkFrequency(pi[a] * pi[b], counts[3 * a + b], replicates, "cell " + a + ", " + b);
                total += counts[3 * a + b];
            }
        }
        assertEquals(replicates, total);
        for (int seed = 0; seed < 300; seed++) {
            int b = 3;
            int[] small = new int[9];
            Counting random = new Counting(seed);
            CountTally.drawChain(small, masses, offsets, 0, b, 0, random, ProgressListener.NONE, new Cancellation());
            // group 0: tuple 0 always reached, tuple 1 when tuple 0 left some; within each tuple a
            // reached (count x_a > 0) the same for group 1
            int[] x = new int[3];
            for (int a = 0; a < 3; a++) {
                x[a] = small[3 * a] + small[3 * a + 1] + small[3 * a + 2];
            }
            int expected = 1 + (x[0] < b ? 1 : 0);
            for (int a = 0; a < 3; a++) {
                if (x[a] > 0) {
                    expected += 1 + (small[3 * a] < x[a] ? 1 : 0);
                }
            }
            assertEquals(b, x[0] + x[1] + x[2]);
            assertEquals(expected, random.calls, "seed " + seed);
        }
    }

    /**
     * Studentized replicates t* = (T* - t)/s*, s*^2 = c^2/n X(n - X) (BinomialResampler#run):
     * for 1 of 2, X = 0 and X = 2 have s* = 0 and go to minus and plus infinity, X = 1 is the
     * estimate itself, 0.
     */
    @Test
    void studentizedReplicatesWithoutVarianceGoToTheirSide() {
        LinearStatistic statistic = LinearStatistic.of(Tally.of(1, 2));
        CountTally tally = CountTally.plan(statistic, statistic.samplers(), 100);
        assertEquals(3, tally.cells());
        MonteCarloDistribution d = tally.distribution(new int[] {1, 2, 3}, 0.5, true);
        double inf = Double.POSITIVE_INFINITY;
        assertArrayEquals(new double[] {-inf, 0, 0, inf, inf, inf}, d.sortedValues());
        assertEquals(1, d.below());
        assertEquals(2, d.equal());
    }

    /**
     * A cancelled chain stops before its first binomial and says how many of the replicates were
     * placed: none of 1,000.
     */
    @Test
    void cancelledChainSaysHowManyReplicatesWerePlaced() {
        Cancellation cancellation = new Cancellation();
        cancellation.cancel();
        int[] counts = new int[9];
        java.util.concurrent.CancellationException e = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.CancellationException.class, () -> CountTally.drawChain(counts,
                        new long[][] {{1L << 31, 1L << 31}}, new int[][] {{0, 1}}, 0, 1000, 0, new SplittableRandom(1),
                        ProgressListener.NONE, cancellation));
        assertEquals("resampling cancelled after 0 of 1000 replicates", e.getMessage());
        assertArrayEquals(new int[9], counts);
    }
}
