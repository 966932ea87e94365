package org.recordingrate.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

import org.junit.jupiter.api.Test;

/**
 * The samplers' tables against the distributions they claim, and their draws against the
 * tables. Table probabilities are compared with {@link Binomial#logPmf} and
 * {@link Hypergeometric#logPmf} (Loader's method, checked elsewhere against 50-digit values):
 * each is rounded to a multiple of 2^-62, so the tolerance is 1e-13 absolute (the error of the
 * probabilities themselves, relative 1e-14, dominates). Draws: chi-square-free 5-sigma checks of
 * each value's frequency in 10^6 draws (false-failure budget below 1e-4 over the about 100
 * values checked).
 */
class SamplerTest {
    // (the 32-bit alias table is checked at 2^-32 per probability, as its Javadoc states)

    @Test
    void binomialTablesHoldTheBinomialProbabilities() {
        long[][] cases = {{180, 202}, {131, 132}, {0, 10}, {10, 10}, {1, 1}, {5_000, 10_000}, {3, 100_000}};
        for (long[] c : cases) {
            long x = c[0];
            long n = c[1];
            double p = (double) x / n;
            AliasSampler alias = AliasSampler.binomial(n, p);
            InversionSampler guide = InversionSampler.binomial(n, p);
            double total = 0;
            double exactTotal = 0;
            for (long k = alias.lowest(); k <= alias.highest(); k++) {
                double expected = p == 0 || p == 1 ? (k == x ? 1 : 0) : Math.exp(Binomial.logPmf(k, n, p, 1 - p));
                assertEquals(expected, alias.probability(k), 1e-13, x + "/" + n + " at " + k);
                assertEquals(expected, guide.probability(k), 1e-13, x + "/" + n + " at " + k);
                // the 32-bit table: multiples of 2^-32, each within 2^-32 (plus the 1e-13 above)
                assertEquals(expected, alias.probability32(k), 0x1.0p-32 + 1e-13, x + "/" + n + " at " + k);
                total += alias.probability(k);
                exactTotal += expected;
            }
            assertEquals(1, total, 1e-12);
            // what is left out is negligible: terms below 2^-64 of the mode (1e-12 covers the summation)
            assertEquals(1, exactTotal, 1e-12, x + "/" + n);
        }
    }

    @Test
    void hypergeometricTablesHoldTheHypergeometricProbabilities() {
        long[][] cases = {{202, 640, 700}, {5, 5, 3}, {132, 112, 233}, {1, 1, 1}};
        for (long[] c : cases) {
            Hypergeometric h = new Hypergeometric(c[0], c[1], c[2]);
            AliasSampler alias = AliasSampler.hypergeometric(c[0], c[1], c[2]);
            for (long k = alias.lowest(); k <= alias.highest(); k++) {
                assertEquals(Math.exp(h.logPmf(k)), alias.probability(k), 1e-13, java.util.Arrays.toString(c) + " " + k);
            }
        }
    }

    @Test
    void drawsFollowTheTable() {
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(17);
        AliasSampler alias = AliasSampler.binomial(202, 180 / 202.0);
        InversionSampler guide = InversionSampler.binomial(202, 180 / 202.0);
        int draws = 1_000_000;
        long[] a = new long[203];
        long[] g = new long[203];
        long[] h = new long[203];
        for (int i = 0; i < draws; i++) {
            a[(int) alias.sample(random.nextLong())]++;
            g[(int) guide.sample(random.nextLong())]++;
            h[(int) alias.sample32(random.nextInt())]++;
        }
        for (int k = 0; k <= 202; k++) {
            double p = alias.probability(k);
            double sd = Math.sqrt(draws * p * (1 - p));
            assertEquals(draws * p, a[k], 5 * sd + 1e-9, "alias " + k);
            assertEquals(draws * p, g[k], 5 * sd + 1e-9, "guide " + k);
            double p32 = alias.probability32(k);
            assertEquals(draws * p32, h[k], 5 * Math.sqrt(draws * p32 * (1 - p32)) + 1e-9, "alias, 32 bits " + k);
        }
    }

    @Test
    void poissonTable() {
        InversionSampler poisson = InversionSampler.poisson(1.0);
        for (int k = 0; k <= 10; k++) {
            double expected = Math.exp(-1) / org.apache.commons.math3.util.CombinatoricsUtils.factorialDouble(k);
            assertEquals(expected, poisson.probability(k), 1e-15, "k = " + k);
        }
    }

    @Test
    void orderStatisticsEqualSorting() {
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(3);
        double[] data = new double[200_000];
        for (int i = 0; i < data.length; i++) {
            // a lattice with heavy ties, and a few infinities
            data[i] = i % 5000 == 0 ? Double.POSITIVE_INFINITY : random.nextInt(300) / 300.0;
        }
        double[] sorted = data.clone();
        java.util.Arrays.sort(sorted);
        int[] ranks = {0, 1, 4999, 5000, 100_000, 194_999, 199_959, 199_960, 199_999};
        double[] selected = OrderStatistics.select(data, data.length, ranks);
        OrderStatistics.Histogram h = new OrderStatistics.Histogram(0.2, 0.8);
        for (double v : data) {
            h.count(v);
        }
        double[] withHistogram = OrderStatistics.select(data, data.length, h, ranks);
        for (int i = 0; i < ranks.length; i++) {
            assertEquals(sorted[ranks[i]], selected[i], "rank " + ranks[i]);
            assertEquals(sorted[ranks[i]], withHistogram[i], "rank " + ranks[i]);
        }
    }

    /**
     * The joint table of independent binomials holds each tuple's probability, the product of
     * Loader's binomial probabilities renormalised over the ranges, within 2^-32 (plus 1e-13 for
     * the probabilities themselves); its masses sum to 1; a tuple's offset is the strided sum;
     * and [lowest32, highest32] is exactly the range of values with a 32-bit mass (so a range
     * leaves out only values below 2^-32 each).
     */
    @Test
    void jointIndexTableHoldsTheProductOfTheBinomialProbabilities() {
        long[] n = {202, 132};
        long[] x = {180, 131};
        long[] low = new long[2];
        long[] high = new long[2];
        double[] rates = new double[2];
        for (int j = 0; j < 2; j++) {
            rates[j] = (double) x[j] / n[j];
            AliasSampler alias = AliasSampler.binomial(n[j], rates[j]);
            low[j] = alias.lowest32();
            high[j] = alias.highest32();
            for (long v = alias.lowest(); v <= alias.highest(); v++) {
                assertEquals(alias.probability32(v) > 0, v >= low[j] && v <= high[j], n[j] + " at " + v);
            }
        }
        int[] strides = {1000, 3};
        InversionSampler.IndexTable32 table = InversionSampler.IndexTable32.binomials(n, rates, low, high, strides);
        double[][] pmf = new double[2][];
        for (int j = 0; j < 2; j++) {
            pmf[j] = new double[(int) (high[j] - low[j] + 1)];
            double total = 0;
            for (int i = 0; i < pmf[j].length; i++) {
                pmf[j][i] = Math.exp(Binomial.logPmf(low[j] + i, n[j], rates[j], 1 - rates[j]));
                total += pmf[j][i];
            }
            for (int i = 0; i < pmf[j].length; i++) {
                pmf[j][i] /= total;
            }
        }
        double sum = 0;
        for (int a = 0; a < pmf[0].length; a++) {
            for (int b = 0; b < pmf[1].length; b++) {
                double p = table.probability(a * 1000 + b * 3);
                assertEquals(pmf[0][a] * pmf[1][b], p, 0x1.0p-32 + 1e-13, a + ", " + b);
                sum += p;
            }
        }
        assertEquals(1, sum, 1e-12);
        assertTrue(table.searchShare() < 0.05, "share of guide entries that search: " + table.searchShare());
    }

    /**
     * Draws from the joint table follow its masses: every 32-bit pattern's column of the guide
     * and both ends of each guide entry are drawn as the cumulative masses say (an exhaustive
     * check of the inversion at the entry boundaries), and 10^6 random draws give each tuple's
     * frequency within 5 sigma (about 700 tuples; false-failure budget below 1e-4).
     */
    @Test
    void jointIndexTableDrawsFollowItsMasses() {
        InversionSampler.IndexTable32 table = InversionSampler.IndexTable32.binomials(new long[] {202, 132},
                new double[] {180 / 202.0, 131 / 132.0}, new long[] {148, 120}, new long[] {201, 132},
                new int[] {13, 1});
        long[] cumulative = table.cumulative();
        int[] offsets = table.offsets();
        for (int k = 0; k < cumulative.length; k++) {
            long start = k == 0 ? 0 : cumulative[k - 1];
            long end = cumulative[k] - 1;
            assertEquals(offsets[k], table.sample((int) start), "first pattern of tuple " + k);
            assertEquals(offsets[k], table.sample((int) end), "last pattern of tuple " + k);
        }
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(23);
        int draws = 1_000_000;
        int[] counts = new int[54 * 13];
        for (int i = 0; i < draws; i++) {
            counts[table.sample(random.nextInt())]++;
        }
        for (int c = 0; c < counts.length; c++) {
            double p = table.probability(c);
            assertEquals(draws * p, counts[c], 5 * Math.sqrt(draws * p * (1 - p)) + 1e-9, "tuple " + c);
        }
    }

    /**
     * The table-free binomial draw is inversion: fed an even grid of G uniforms ((i + 1/2)/G),
     * it returns each value k for a share of the grid within 1/G of its probability (the share
     * of [0, 1) that maps to k is its probability, up to the probabilities' own rounding of
     * order 1e-13), so the shares equal Loader's probabilities within 1/G + 1e-12 with no
     * randomness at all. Small means (from 0), large means (from the mode, both directions),
     * p above 1/2 (reflected), and a billion trials.
     */
    @Test
    void tableFreeBinomialDrawIsInversion() {
        long[][] cases = {{30, 9}, {202, 180}, {132, 131}, {640, 512}, {1_000_000, 10_000}, {100_000, 3},
            {2_000_000_000L, 1_000_000_000L}};
        for (long[] c : cases) {
            long n = c[0];
            double p = (double) c[1] / n;
            double q = (double) (n - c[1]) / n;
            int grid = n > 10_000_000 ? 2_000 : 400_000;
            java.util.Map<Long, Integer> shares = new java.util.HashMap<>();
            for (int i = 0; i < grid; i++) {
                long k = InversionSampler.binomialDraw(n, p, q, (i + 0.5) / grid);
                shares.merge(k, 1, Integer::sum);
            }
            double mean = n * p;
            double sd = Math.sqrt(n * p * q);
            for (long k = Math.max(0, (long) (mean - 8 * sd) - 2); k <= Math.min(n, (long) (mean + 8 * sd) + 2); k++) {
                double expected = Math.exp(Binomial.logPmf(k, n, p, q));
                assertEquals(expected, shares.getOrDefault(k, 0) / (double) grid, 1.0 / grid + 1e-12, n + ", " + p + " at " + k);
            }
        }
        assertEquals(0, InversionSampler.binomialDraw(0, 0.5, 0.5, 0.7));
        assertEquals(0, InversionSampler.binomialDraw(10, 0, 1, 0.99));
        assertEquals(10, InversionSampler.binomialDraw(10, 1, 0, 0.01));
    }

    /**
     * Weighted selection equals sorting the multiset written out: values on a lattice with
     * heavy ties, zero counts, infinities, and ranks at the ends and around the tied runs.
     */
    @Test
    void weightedOrderStatisticsEqualSortingTheWrittenOutMultiset() {
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(5);
        int m = 3000;
        double[] values = new double[m];
        int[] counts = new int[m];
        int total = 0;
        for (int i = 0; i < m; i++) {
            values[i] = i % 701 == 0 ? Double.NEGATIVE_INFINITY : random.nextInt(500) / 500.0;
            counts[i] = i % 10 == 0 ? 0 : random.nextInt(200);
            total += counts[i];
        }
        double[] all = new double[total];
        int at = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < counts[i]; j++) {
                all[at++] = values[i];
            }
        }
        java.util.Arrays.sort(all);
        long[] ranks = {0, 1, 199, 200, total / 40, total / 2, total - total / 40, total - 2, total - 1};
        double[] selected = OrderStatistics.selectWeighted(values, counts, m, ranks);
        for (int r = 0; r < ranks.length; r++) {
            assertEquals(all[(int) ranks[r]], selected[r], "rank " + ranks[r]);
        }
        // the arrays are rearranged in pairs, so a second selection on them is still right
        double[] again = OrderStatistics.selectWeighted(values, counts, m, ranks);
        for (int r = 0; r < ranks.length; r++) {
            assertEquals(all[(int) ranks[r]], again[r], "again, rank " + ranks[r]);
        }
    }
}
