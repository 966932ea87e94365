package org.recordingrate.resample;

import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGenerator.SplittableGenerator;

import org.recordingrate.internal.AliasSampler;

/**
 * The bootstrap of a {@link LinearStatistic} by tallying count tuples: sufficiency one step
 * further than {@link BinomialResampler}. A replicate is determined by its tuple of counts
 * (X<sub>1</sub>, ..., X<sub>k</sub>), and each X<sub>k</sub> takes few values (those a 32-bit
 * alias table can draw: for 180 of 202 recorded, 57), so instead of one double per replicate
 * the draws are counted in an int array with a cell per possible tuple. A draw from each
 * category's {@link AliasSampler#indexTable32 index table} gives its value's offset already
 * multiplied by the category's stride, so the cell of a replicate is the sum of k look-ups: no
 * floating point, no store of a replicate, no selection over B doubles in the loop.
 *
 * <p>Afterwards each occupied cell's value is computed once, in category order exactly as
 * {@link LinearStatistic#sum} (so the values are bit for bit those of the replicate-by-replicate
 * path), compared exactly with the estimate ({@link ExactLinearForm#sign}), and the quantiles
 * are taken from the weighted distinct values ({@code OrderStatistics.selectWeighted}), the
 * mean and variance from the weighted sums.
 *
 * <p>The draws are those of {@link BinomialResampler}'s replicate-by-replicate kernel: per pair
 * of replicates one random {@code long} per category, in category order, its high half for the
 * first replicate and its low half for the second; so the replicates, and hence the order
 * statistics and the counts below and equal to the estimate, are the same as that kernel's.
 *
 * <p>Used when the number of cells C (the product of the categories' ranges) is at most
 * {@link #MAX_CELLS} and at most half the replicates: then the counts of every worker (at most
 * 2B/C of them, one int array each) and the tally of the occupied cells (an int and a double
 * each) never take more than one double per replicate. The counts are integers and their sums
 * do not depend on which worker ran which block, so the result is the same on any number of
 * threads.
 */
final class CountTally {

    /** The most cells (16 MiB of counts per worker). */
    static final int MAX_CELLS = 1 << 22;

    private final LinearStatistic statistic;
    private final long[] low;
    private final int[] range;
    private final int[][] tables;
    private final int[] shifts;
    private final int[] masks;
    private final int cells;

    private CountTally(LinearStatistic statistic, AliasSampler[] samplers, long[] low, int[] range, int cells) {
        this.statistic = statistic;
        this.low = low;
        this.range = range;
        this.cells = cells;
        int k = samplers.length;
        tables = new int[k][];
        shifts = new int[k];
        masks = new int[k];
        // the last category varies fastest: stride 1; category i's stride the product of the later ranges
        int stride = 1;
        for (int i = k - 1; i >= 0; i--) {
            tables[i] = samplers[i].indexTable32(stride);
            shifts[i] = 32 - samplers[i].columnBits();
            masks[i] = (int) ((1L << shifts[i]) - 1);
            stride *= range[i];
        }
    }

    /**
     * The tally for {@code replicates} replicates of {@code statistic}, or null when it has too
     * many cells (see the class comment).
     */
    static CountTally plan(LinearStatistic statistic, AliasSampler[] samplers, int replicates) {
        int k = samplers.length;
        long[] low = new long[k];
        int[] range = new int[k];
        long cells = 1;
        long limit = Math.min(MAX_CELLS, replicates / 2);
        for (int i = 0; i < k; i++) {
            low[i] = samplers[i].lowest32();
            range[i] = (int) (samplers[i].highest32() - low[i] + 1);
            cells *= range[i];
            if (cells > limit) {
                return null;
            }
        }
        return new CountTally(statistic, samplers, low, range, (int) cells);
    }

    /** The number of cells. */
    int cells() {
        return cells;
    }

    /**
     * Draws the replicates and returns their distribution (of the statistic, or of its
     * studentized form as {@link BinomialResampler#run} defines it).
     */
    MonteCarloDistribution run(double reportedEstimate, int replicates, SplittableGenerator source, int threads,
                               ProgressListener progress, Cancellation cancellation, boolean studentized) {
        int workers = (int) Math.max(1, Math.min(threads, 2L * replicates / cells));
        List<int[]> counts = Blocks.run(replicates, source, threads, workers, progress, cancellation,
                () -> new int[cells], this::block);
        int[] total = counts.get(0);
        for (int w = 1; w < counts.size(); w++) {
            int[] other = counts.get(w);
            for (int c = 0; c < cells; c++) {
                total[c] += other[c];
            }
        }
        counts = null;
        return distribution(total, reportedEstimate, studentized);
    }

    /** One block of replicates, counted into {@code cells}. */
    private void block(int[] cells, int block, int from, int count, RandomGenerator random) {
        switch (tables.length) {
            case 1 -> one(cells, count, random);
            case 2 -> two(cells, count, random);
            case 3 -> three(cells, count, random);
            default -> any(cells, count, random);
        }
    }

    /**
     * The cell offset of one 32-bit draw from an index table: column from the top bits, the
     * threshold compared with the rest without a branch (see {@link AliasSampler#indexTable32}).
     */
    private static int pick(int[] table, int shift, int mask, int random) {
        int j = 3 * (random >>> shift);
        int own = ~((table[j] - (random & mask)) >> 31);
        int alias = table[j + 2];
        return alias ^ ((table[j + 1] ^ alias) & own);
    }

    private void one(int[] cells, int count, RandomGenerator random) {
        int[] t0 = tables[0];
        int h0 = shifts[0];
        int m0 = masks[0];
        int i = 0;
        for (; i + 1 < count; i += 2) {
            long r0 = random.nextLong();
            cells[pick(t0, h0, m0, (int) (r0 >>> 32))]++;
            cells[pick(t0, h0, m0, (int) r0)]++;
        }
        if (i < count) {
            cells[pick(t0, h0, m0, (int) (random.nextLong() >>> 32))]++;
        }
    }

    private void two(int[] cells, int count, RandomGenerator random) {
        int[] t0 = tables[0];
        int[] t1 = tables[1];
        int h0 = shifts[0];
        int h1 = shifts[1];
        int m0 = masks[0];
        int m1 = masks[1];
        int i = 0;
        for (; i + 1 < count; i += 2) {
            long r0 = random.nextLong();
            long r1 = random.nextLong();
            cells[pick(t0, h0, m0, (int) (r0 >>> 32)) + pick(t1, h1, m1, (int) (r1 >>> 32))]++;
            cells[pick(t0, h0, m0, (int) r0) + pick(t1, h1, m1, (int) r1)]++;
        }
        if (i < count) {
            long r0 = random.nextLong();
            long r1 = random.nextLong();
            cells[pick(t0, h0, m0, (int) (r0 >>> 32)) + pick(t1, h1, m1, (int) (r1 >>> 32))]++;
        }
    }

    private void three(int[] cells, int count, RandomGenerator random) {
        int[] t0 = tables[0];
        int[] t1 = tables[1];
        int[] t2 = tables[2];
        int h0 = shifts[0];
        int h1 = shifts[1];
        int h2 = shifts[2];
        int m0 = masks[0];
        int m1 = masks[1];
        int m2 = masks[2];
        int i = 0;
        for (; i + 1 < count; i += 2) {
            long r0 = random.nextLong();
            long r1 = random.nextLong();
            long r2 = random.nextLong();
            cells[pick(t0, h0, m0, (int) (r0 >>> 32)) + pick(t1, h1, m1, (int) (r1 >>> 32))
                    + pick(t2, h2, m2, (int) (r2 >>> 32))]++;
            cells[pick(t0, h0, m0, (int) r0) + pick(t1, h1, m1, (int) r1) + pick(t2, h2, m2, (int) r2)]++;
        }
        if (i < count) {
            long r0 = random.nextLong();
            long r1 = random.nextLong();
            long r2 = random.nextLong();
            cells[pick(t0, h0, m0, (int) (r0 >>> 32)) + pick(t1, h1, m1, (int) (r1 >>> 32))
                    + pick(t2, h2, m2, (int) (r2 >>> 32))]++;
        }
    }

    private void any(int[] cells, int count, RandomGenerator random) {
        int k = tables.length;
        for (int i = 0; i < count; i += 2) {
            int first = 0;
            int second = 0;
            for (int c = 0; c < k; c++) {
                long r = random.nextLong();
                first += pick(tables[c], shifts[c], masks[c], (int) (r >>> 32));
                second += pick(tables[c], shifts[c], masks[c], (int) r);
            }
            cells[first]++;
            if (i + 1 < count) {
                cells[second]++;
            }
        }
    }

    /**
     * The distribution of the tallied replicates: each occupied cell's counts decoded (the last
     * category fastest, as the strides say), its value computed in category order and compared
     * exactly with the estimate.
     */
    private MonteCarloDistribution distribution(int[] total, double reportedEstimate, boolean studentized) {
        int k = low.length;
        int occupied = 0;
        for (int c = 0; c < cells; c++) {
            occupied += total[c] != 0 ? 1 : 0;
        }
        double[] values = new double[occupied];
        int[] weights = new int[occupied];
        double[] varianceFactors = statistic.varianceFactors();
        long[] audited = new long[k];
        for (int i = 0; i < k; i++) {
            audited[i] = statistic.audited(i);
        }
        ExactLinearForm form = statistic.form();
        double theta = statistic.loopEstimate();
        long[] x = low.clone();
        double sum = 0;
        double squares = 0;
        long below = 0;
        long equal = 0;
        int at = 0;
        for (int c = 0; c < cells; c++) {
            int n = total[c];
            if (n != 0) {
                double raw = form.value(x);
                int sign = form.sign(raw, x);
                double t = statistic.clamp(raw);
                below += sign < 0 ? n : 0;
                equal += sign == 0 ? n : 0;
                double e = t - reportedEstimate;
                sum += n * e;
                squares += n * (e * e);
                double value = t;
                if (studentized) {
                    double variance = 0;
                    for (int i = 0; i < k; i++) {
                        variance += varianceFactors[i] * x[i] * (audited[i] - x[i]);
                    }
                    value = sign == 0 ? 0 : variance > 0 ? (t - theta) / Math.sqrt(variance)
                            : sign < 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                }
                values[at] = value;
                weights[at] = n;
                at++;
            }
            // the next cell's counts: an odometer, the last category fastest
            for (int i = k - 1; i >= 0; i--) {
                if (++x[i] < low[i] + range[i]) {
                    break;
                }
                x[i] = low[i];
            }
        }
        return new MonteCarloDistribution(values, weights, occupied, reportedEstimate, sum, squares, below, equal,
                statistic.acceleration(), Math.sqrt(statistic.variance()), statistic.lowest(), statistic.highest());
    }
}
