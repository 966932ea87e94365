package org.recordingrate.resample;

import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGenerator.SplittableGenerator;

import org.recordingrate.internal.AliasSampler;
import org.recordingrate.internal.InversionSampler;

/**
 * The bootstrap of a {@link LinearStatistic} by tallying count tuples: sufficiency one step
 * further than {@link BinomialResampler}. A replicate is determined by its tuple of counts
 * (X<sub>1</sub>, ..., X<sub>k</sub>), and each X<sub>k</sub> takes few values (those with a
 * probability of at least 2<sup>-32</sup>, {@code AliasSampler.lowest32} to
 * {@code AliasSampler.highest32}: for 180 of 202 recorded, 54), so instead of one double per
 * replicate the draws are counted in an int array with a cell per possible tuple. The
 * categories are drawn in groups ({@link #GROUP_TUPLES} joint values at most, in category
 * order; the three categories make two groups: violence with sexual offences, 702
 * pairs of counts, and other crime, 34 counts), each group's counts together from 32 random
 * bits by one {@code InversionSampler.IndexTable32}, which returns the group's part of the cell
 * index directly. So a replicate of those three categories costs one random {@code long}, two
 * look-ups and one increment: no floating point and no store of a replicate in the loop.
 *
 * <p>Draws, replicate by replicate ({@link #count}): per pair of replicates one random
 * {@code long} per group, in group order, its high 32 bits for the first replicate of the pair
 * and its low 32 bits for the second (the last replicate of an odd block takes the high halves
 * and leaves the low ones unused), in blocks of {@link Blocks#SIZE} on any number of threads.
 *
 * <p>Or the tally itself ({@link #drawCounts}), when the replicates are many for the cells
 * ({@link #drawsTheTally}): the counts of B independent replicates over the cells are
 * Multinomial(B, cell probabilities), and they are drawn as such, a chain of binomial draws,
 * without drawing any replicate; exactly the same distribution of the counts (so of every
 * quantile, mean and tie count) as B replicates drawn one by one from the same tables, at a
 * cost that grows with the tuples reached instead of with B: a million replicates of the
 * issue's design in about 1.5 ms on one core.
 *
 * <p>Afterwards each occupied cell's value is computed once, in category order exactly as
 * {@link LinearStatistic#sum} (the order of additions of the estimate, so a replicate with the
 * observed counts gives the estimate to the last bit), compared exactly with the estimate
 * ({@link ExactLinearForm#sign}), and the quantiles are taken from the weighted distinct values
 * ({@code OrderStatistics.selectWeighted}: exact, as if the replicates were written out and
 * sorted), the mean and variance from the weighted sums.
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

    /**
     * The most joint values of one group's table: its guide (4 entries a value) and cumulative
     * masses stay within a few tens of KiB, near the core, and each value's probability within
     * 2<sup>-32</sup>.
     */
    static final int GROUP_TUPLES = 2048;

    /** Replicates per cell from which the tally is drawn itself (see {@link #drawsTheTally}). */
    static final int DRAW_THE_TALLY = 8;

    private final LinearStatistic statistic;
    private final long[] low;
    private final int[] range;
    private final int[][] guides;
    private final long[][] cumulatives;
    private final int[][] offsets;
    private final int[] shifts;
    private final long[][] masses;
    private final int[][] massOffsets;
    private final int cells;

    private CountTally(LinearStatistic statistic, long[] low, long[] high, int[] range, int cells) {
        this.statistic = statistic;
        this.low = low;
        this.range = range;
        this.cells = cells;
        int k = low.length;
        // the last category varies fastest: stride 1; category i's stride the product of the later ranges
        int[] strides = new int[k];
        int stride = 1;
        for (int i = k - 1; i >= 0; i--) {
            strides[i] = stride;
            stride *= range[i];
        }
        // groups in category order, each as many categories as fit in GROUP_TUPLES joint values
        java.util.List<InversionSampler.IndexTable32> tables = new java.util.ArrayList<>();
        int start = 0;
        while (start < k) {
            int end = start + 1;
            long tuples = range[start];
            while (end < k && tuples * range[end] <= GROUP_TUPLES) {
                tuples *= range[end++];
            }
            long[] n = new long[end - start];
            double[] p = new double[end - start];
            for (int i = start; i < end; i++) {
                n[i - start] = statistic.audited(i);
                p[i - start] = statistic.rate(i);
            }
            tables.add(InversionSampler.IndexTable32.binomials(n, p, java.util.Arrays.copyOfRange(low, start, end),
                    java.util.Arrays.copyOfRange(high, start, end), java.util.Arrays.copyOfRange(strides, start, end)));
            start = end;
        }
        int g = tables.size();
        guides = new int[g][];
        cumulatives = new long[g][];
        offsets = new int[g][];
        shifts = new int[g];
        for (int i = 0; i < g; i++) {
            guides[i] = tables.get(i).guide();
            cumulatives[i] = tables.get(i).cumulative();
            offsets[i] = tables.get(i).offsets();
            shifts[i] = tables.get(i).shift();
        }
        // for drawing the tally itself: each group's tuples by decreasing mass (ties by offset),
        // so that the conditional binomials run out of replicates after the few likely tuples
        masses = new long[g][];
        massOffsets = new int[g][];
        for (int i = 0; i < g; i++) {
            long[] mass = tables.get(i).masses();
            int[] offset = offsets[i];
            Integer[] order = new Integer[mass.length];
            for (int t = 0; t < order.length; t++) {
                order[t] = t;
            }
            java.util.Arrays.sort(order, (a, b) -> mass[a] != mass[b] ? Long.compare(mass[b], mass[a])
                    : Integer.compare(offset[a], offset[b]));
            masses[i] = new long[mass.length];
            massOffsets[i] = new int[mass.length];
            for (int t = 0; t < order.length; t++) {
                masses[i][t] = mass[order[t]];
                massOffsets[i][t] = offset[order[t]];
            }
        }
    }

    /**
     * The tally for {@code replicates} replicates of {@code statistic}, or null when it has too
     * many cells (see the class comment).
     */
    static CountTally plan(LinearStatistic statistic, AliasSampler[] samplers, int replicates) {
        int k = samplers.length;
        long[] low = new long[k];
        long[] high = new long[k];
        int[] range = new int[k];
        long cells = 1;
        long limit = Math.min(MAX_CELLS, replicates / 2);
        for (int i = 0; i < k; i++) {
            low[i] = samplers[i].lowest32();
            high[i] = samplers[i].highest32();
            range[i] = (int) (high[i] - low[i] + 1);
            cells *= range[i];
            if (cells > limit) {
                return null;
            }
        }
        return new CountTally(statistic, low, high, range, (int) cells);
    }

    /** The number of cells. */
    int cells() {
        return cells;
    }

    /** The number of groups, so of random {@code long}s per two replicates. */
    int groups() {
        return guides.length;
    }

    /**
     * Draws the replicates and returns their distribution (of the statistic, or of its
     * studentized form as {@link BinomialResampler#run} defines it).
     */
    MonteCarloDistribution run(double reportedEstimate, int replicates, SplittableGenerator source, int threads,
                               ProgressListener progress, Cancellation cancellation, boolean studentized) {
        int[] counts = drawsTheTally(replicates) ? drawCounts(replicates, source, progress, cancellation)
                : count(replicates, source, threads, progress, cancellation);
        return distribution(counts, reportedEstimate, studentized);
    }

    /**
     * Whether {@code replicates} are tallied by drawing the tally itself ({@link #drawCounts})
     * rather than replicate by replicate ({@link #count}): when they are at least
     * {@link #DRAW_THE_TALLY} times the cells. Drawing the tally takes at most about one
     * binomial draw per cell (in fact one per tuple reached before the replicates run out),
     * some 75 ns each here, the replicate-by-replicate kernel some 10 ns a replicate on each
     * thread; measured on the design (23,868 cells, one thread): 0.8 against 1.3 ms at
     * 100,000 replicates, 1.5 against 11 ms at a million, 3 against 84 ms at ten million.
     */
    boolean drawsTheTally(int replicates) {
        return replicates >= (long) DRAW_THE_TALLY * cells;
    }

    /** The replicates' counts per cell (the last category fastest). */
    int[] count(int replicates, SplittableGenerator source, int threads, ProgressListener progress,
                Cancellation cancellation) {
        int workers = (int) Math.max(1, Math.min(threads, 2L * replicates / cells));
        List<int[]> counts = Blocks.run(replicates, source, threads, workers, progress, cancellation,
                () -> new int[cells], this::block);
        return sum(counts);
    }

    /** The workers' counts added up, cell by cell (into the first array): the same whichever worker ran which block. */
    static int[] sum(List<int[]> counts) {
        int[] total = counts.get(0);
        for (int w = 1; w < counts.size(); w++) {
            int[] other = counts.get(w);
            for (int c = 0; c < total.length; c++) {
                total[c] += other[c];
            }
        }
        return total;
    }

    /**
     * The replicates' counts per cell drawn directly, without drawing the replicates: the counts
     * of B independent replicates over the cells are Multinomial(B, &pi;), &pi; the cells'
     * probabilities, which are products of the groups' tuple masses; so the first group's
     * counts are drawn as Multinomial(B, its masses), then within each of its tuples the next
     * group's as Multinomial(that count, its masses), and so on. A multinomial is a chain of
     * binomials, tuple t getting Binomial(left, m<sub>t</sub>/R) of the replicates left, R the
     * mass not yet used (exact integers, 2<sup>32</sup> in all), by
     * {@code InversionSampler.binomialDraw}, one uniform each from one generator in this fixed
     * order (the run's first split), so the same on any machine and with any number of
     * threads. The work grows with the number of tuples reached, not with B.
     *
     * @throws java.util.concurrent.CancellationException if cancelled or the thread is interrupted
     */
    int[] drawCounts(int replicates, SplittableGenerator source, ProgressListener progress,
                     Cancellation cancellation) {
        int[] counts = new int[cells];
        RandomGenerator random = source.split();
        drawChain(counts, masses, massOffsets, 0, replicates, 0, random, progress, cancellation);
        return counts;
    }

    /**
     * Adds to {@code counts} a multinomial draw of {@code replicates} over the cells that group
     * {@code group} and the later ones span: the group's tuples in the order given (decreasing
     * mass), tuple t taking Binomial(left, m<sub>t</sub>&#47;R) of the replicates left (R the mass not
     * yet used, 2<sup>32</sup> in all, exact integers), then within it the next group's the same
     * way; each tuple adds {@code offsets[group][t]} to the cell index. One uniform per binomial from
     * {@code random}, in this fixed order. Progress is told and cancellation checked at the first
     * group's tuples. Shared by the incidents' tallies.
     *
     * @throws java.util.concurrent.CancellationException if cancelled or the thread is interrupted
     */
    static void drawChain(int[] counts, long[][] masses, int[][] offsets, int group, long replicates, int base,
                          RandomGenerator random, ProgressListener progress, Cancellation cancellation) {
        if (group == masses.length) {
            counts[base] += (int) replicates;
            return;
        }
        long[] mass = masses[group];
        int[] offset = offsets[group];
        long left = replicates;
        long rest = 1L << 32;
        for (int t = 0; t < mass.length && left > 0; t++) {
            if (group == 0 && (cancellation.isCancelled() || Thread.currentThread().isInterrupted())) {
                throw new java.util.concurrent.CancellationException("resampling cancelled after "
                        + (replicates - left) + " of " + replicates + " replicates");
            }
            long m = mass[t];
            long x = m == rest ? left : InversionSampler.binomialDraw(left, (double) m / rest,
                    (double) (rest - m) / rest, (random.nextLong() >>> 11) * 0x1.0p-53);
            rest -= m;
            left -= x;
            if (x > 0) {
                drawChain(counts, masses, offsets, group + 1, x, base + offset[t], random, progress, cancellation);
            }
            if (group == 0) {
                progress.progress(replicates - left, replicates);
            }
        }
    }

    /** One block of replicates, counted into {@code cells}. */
    private void block(int[] cells, int block, int from, int count, RandomGenerator random) {
        switch (guides.length) {
            case 1 -> one(cells, count, random);
            case 2 -> two(cells, count, random);
            case 3 -> three(cells, count, random);
            // four groups would need more than GROUP_TUPLES^2 = MAX_CELLS cells (each group but the
            // last is closed because the next category would take it past GROUP_TUPLES)
            default -> throw new IllegalStateException(guides.length + " groups");
        }
    }

    private void one(int[] cells, int count, RandomGenerator random) {
        int[] g0 = guides[0];
        long[] c0 = cumulatives[0];
        int[] o0 = offsets[0];
        int h0 = shifts[0];
        int i = 0;
        for (; i + 1 < count; i += 2) {
            long r0 = random.nextLong();
            cells[InversionSampler.IndexTable32.sample(g0, c0, o0, h0, (int) (r0 >>> 32))]++;
            cells[InversionSampler.IndexTable32.sample(g0, c0, o0, h0, (int) r0)]++;
        }
        if (i < count) {
            cells[InversionSampler.IndexTable32.sample(g0, c0, o0, h0, (int) (random.nextLong() >>> 32))]++;
        }
    }

    private void two(int[] cells, int count, RandomGenerator random) {
        int[] g0 = guides[0];
        int[] g1 = guides[1];
        long[] c0 = cumulatives[0];
        long[] c1 = cumulatives[1];
        int[] o0 = offsets[0];
        int[] o1 = offsets[1];
        int h0 = shifts[0];
        int h1 = shifts[1];
        int i = 0;
        for (; i + 1 < count; i += 2) {
            long r0 = random.nextLong();
            long r1 = random.nextLong();
            cells[InversionSampler.IndexTable32.sample(g0, c0, o0, h0, (int) (r0 >>> 32))
                    + InversionSampler.IndexTable32.sample(g1, c1, o1, h1, (int) (r1 >>> 32))]++;
            cells[InversionSampler.IndexTable32.sample(g0, c0, o0, h0, (int) r0)
                    + InversionSampler.IndexTable32.sample(g1, c1, o1, h1, (int) r1)]++;
        }
        if (i < count) {
            long r0 = random.nextLong();
            long r1 = random.nextLong();
            cells[InversionSampler.IndexTable32.sample(g0, c0, o0, h0, (int) (r0 >>> 32))
                    + InversionSampler.IndexTable32.sample(g1, c1, o1, h1, (int) (r1 >>> 32))]++;
        }
    }

    private void three(int[] cells, int count, RandomGenerator random) {
        int[] g0 = guides[0];
        int[] g1 = guides[1];
        int[] g2 = guides[2];
        long[] c0 = cumulatives[0];
        long[] c1 = cumulatives[1];
        long[] c2 = cumulatives[2];
        int[] o0 = offsets[0];
        int[] o1 = offsets[1];
        int[] o2 = offsets[2];
        int h0 = shifts[0];
        int h1 = shifts[1];
        int h2 = shifts[2];
        for (int i = 0; i < count; i += 2) {
            long r0 = random.nextLong();
            long r1 = random.nextLong();
            long r2 = random.nextLong();
            cells[InversionSampler.IndexTable32.sample(g0, c0, o0, h0, (int) (r0 >>> 32))
                    + InversionSampler.IndexTable32.sample(g1, c1, o1, h1, (int) (r1 >>> 32))
                    + InversionSampler.IndexTable32.sample(g2, c2, o2, h2, (int) (r2 >>> 32))]++;
            if (i + 1 < count) {
                cells[InversionSampler.IndexTable32.sample(g0, c0, o0, h0, (int) r0)
                        + InversionSampler.IndexTable32.sample(g1, c1, o1, h1, (int) r1)
                        + InversionSampler.IndexTable32.sample(g2, c2, o2, h2, (int) r2)]++;
            }
        }
    }

    /**
     * The distribution of the tallied replicates: each occupied cell's counts decoded (the last
     * category fastest, as the strides say), its value computed in category order and compared
     * exactly with the estimate.
     */
    MonteCarloDistribution distribution(int[] total, double reportedEstimate, boolean studentized) {
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
