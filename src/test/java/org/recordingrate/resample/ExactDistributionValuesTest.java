package org.recordingrate.resample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Tally;

/**
 * {@link ExactDistribution} against the exact bootstrap distribution enumerated here by brute
 * force: every resample of every category (n<sup>n</sup> equally likely sequences of record
 * indices drawn with replacement, Efron and Tibshirani 1993, section 6.2; within categories,
 * Davison and Hinkley 1997, section 3.2), its weighted all-crime rate kept as an exact integer
 * numerator over a common denominator, equal values merged. Every comparison is of exact
 * fractions rounded once, so the tolerances are 1e-12 unless stated. The binomial table against
 * commons-math3's {@code BinomialDistribution}.
 */
class ExactDistributionValuesTest {

    /** The tiny inspection: 2 of 3 recorded (volume 1), 3 of 5 (volume 2): T = x1/9 + 2 x2/15 = (5 x1 + 6 x2)/45. */
    private static final Inspection TINY = Inspection.builder("tiny").category("a", 2, 3, 1)
            .category("b", 3, 5, 2).build();
    private static final int DENOMINATOR = 45;

    /** How many of the n^n resamples (with replacement) of n records, x of them recorded, hold each count of recorded. */
    private static long[] resampleCounts(int x, int n) {
        long[] counts = new long[n + 1];
        int[] draw = new int[n];
        long total = 1;
        for (int i = 0; i < n; i++) {
            total *= n;
        }
        for (long s = 0; s < total; s++) {
            long rest = s;
            int recorded = 0;
            for (int i = 0; i < n; i++) {
                draw[i] = (int) (rest % n);
                rest /= n;
                recorded += draw[i] < x ? 1 : 0;
            }
            counts[recorded]++;
        }
        return counts;
    }

    /** numerator (of T* times the denominator) -> probability, from two categories' resample counts. */
    private static TreeMap<Long, Double> enumerate(int x1, int n1, long m1, int x2, int n2, long m2) {
        long[] c1 = resampleCounts(x1, n1);
        long[] c2 = resampleCounts(x2, n2);
        double all = Math.pow(n1, n1) * Math.pow(n2, n2);
        TreeMap<Long, Long> ways = new TreeMap<>();
        for (int a = 0; a <= n1; a++) {
            for (int b = 0; b <= n2; b++) {
                if (c1[a] * c2[b] > 0) {
                    ways.merge(m1 * a + m2 * b, c1[a] * c2[b], Long::sum);
                }
            }
        }
        TreeMap<Long, Double> out = new TreeMap<>();
        ways.forEach((s, w) -> out.put(s, w / all));
        return out;
    }

    private static TreeMap<Long, Double> tiny() {
        return enumerate(2, 3, 5, 3, 5, 6);
    }

    private static double below(TreeMap<Long, Double> law, long s, boolean inclusive) {
        double sum = 0;
        for (Map.Entry<Long, Double> e : law.headMap(s, inclusive).entrySet()) {
            sum += e.getValue();
        }
        return sum;
    }

    /**
     * Every atom of the distribution (read back by its quantile at the middle of its step), its
     * cdf (P(T* <= t)) and cdfBelow (P(T* < t)) at the atom itself and between atoms, equal the
     * enumeration; so do mean, variance, standard error and the number of atoms.
     */
    private static void assertMatches(ExactDistribution d, TreeMap<Long, Double> law, double denominator) {
        assertEquals(law.size(), d.atoms());
        assertEquals(0, d.error());
        double cumulative = 0;
        double mean = 0;
        for (Map.Entry<Long, Double> e : law.entrySet()) {
            mean += e.getKey() / denominator * e.getValue();
        }
        double variance = 0;
        for (Map.Entry<Long, Double> e : law.entrySet()) {
            long s = e.getKey();
            double p = e.getValue();
            variance += p * Math.pow(s / denominator - mean, 2);
            double atom = d.quantiles(cumulative + p / 2)[0];
            assertEquals(s / denominator, atom, 1e-15, "atom " + s);
            assertEquals(cumulative, d.cdfBelow(atom), 1e-12, "cdfBelow at atom " + s);
            assertEquals(cumulative + p, d.cdf(atom), 1e-12, "cdf at atom " + s);
            assertEquals(cumulative, d.cdf((s - 0.5) / denominator), 1e-12, "cdf below atom " + s);
            assertEquals(cumulative + p, d.cdfBelow((s + 0.5) / denominator), 1e-12, "cdfBelow above atom " + s);
            cumulative += p;
        }
        assertEquals(1, cumulative, 1e-12);
        assertEquals(mean, d.mean(), 1e-12);
        assertEquals(variance, d.variance(), 1e-12 * variance);
        assertEquals(Math.sqrt(variance), d.observedStandardError(), 1e-12 * Math.sqrt(variance));
    }

    /**
     * The BCa acceleration by the stratified jackknife (Davison and Hinkley 1997, section 3.2 and
     * eq. 5.23's stratified influence values; Efron and Tibshirani 1993 eq. 14.15 per stratum):
     * every record of every category left out in turn, T recomputed, l = (n - 1)(T - T(-j)),
     * a = sum_k n_k^-3 sum_j l^3 / (6 (sum_k n_k^-2 sum_j l^2)^1.5).
     */
    private static double jackknifeAcceleration(long[] x, long[] n, double[] w) {
        double third = 0;
        double second = 0;
        double t = 0;
        for (int k = 0; k < x.length; k++) {
            t += w[k] * x[k] / n[k];
        }
        for (int k = 0; k < x.length; k++) {
            double cubes = 0;
            double squares = 0;
            for (int j = 0; j < n[k]; j++) {
                long left = x[k] - (j < x[k] ? 1 : 0);
                double tj = t - w[k] * x[k] / n[k] + w[k] * left / (n[k] - 1);
                double l = (n[k] - 1) * (t - tj);
                cubes += l * l * l;
                squares += l * l;
            }
            third += cubes / Math.pow(n[k], 3);
            second += squares / Math.pow(n[k], 2);
        }
        return third / (6 * Math.pow(second, 1.5));
    }

    @Test
    void tinyInspectionEqualsTheEnumeratedBootstrap() {
        TreeMap<Long, Double> law = tiny();
        assertEquals(24, law.size());   // 5 x1 + 6 x2 takes 24 distinct values
        double estimate = 28.0 / 45;    // (5 * 2 + 6 * 3)/45
        ExactDistribution d = ExactDistribution.of(LinearStatistic.of(TINY), estimate);
        assertMatches(d, law, DENOMINATOR);
        assertEquals(estimate, d.estimate());
        assertEquals(0, d.lowest());
        assertEquals(1, d.highest());
        // share below the estimate: P(T* < t) and P(T* < t) + P(T* = t)/2, equality decided on the numerators
        double strictly = below(law, 28, false);
        double equal = law.get(28L);
        assertTrue(equal > 0.05);
        assertEquals(strictly, d.shareBelow(TieCounting.STRICTLY_BELOW), 1e-12);
        assertEquals(strictly + equal / 2, d.shareBelow(TieCounting.HALF), 1e-12);
        assertEquals(jackknifeAcceleration(new long[] {2, 3}, new long[] {3, 5}, new double[] {1 / 3.0, 2 / 3.0}),
                d.acceleration(), 1e-12);
        // quantiles: the smallest atom whose cumulative probability reaches the level (levels between steps)
        double[] levels = {0.001, 0.025, 0.3, 0.5, 0.8, 0.975, 0.999};
        double[] expected = new double[levels.length];
        for (int l = 0; l < levels.length; l++) {
            double sum = 0;
            for (Map.Entry<Long, Double> e : law.entrySet()) {
                sum += e.getValue();
                if (sum >= levels[l]) {
                    expected[l] = e.getKey() / (double) DENOMINATOR;
                    break;
                }
            }
        }
        assertArrayEquals(expected, d.quantiles(levels), 1e-15);
        // the atom limit is inclusive: 4 x 6 = 24 atoms still exact
        ExactDistribution atLimit = ExactDistribution.of(LinearStatistic.of(TINY), estimate, 24);
        assertMatches(atLimit, law, DENOMINATOR);
    }

    /**
     * The change after - before of one category (a negative coefficient: its values decrease with
     * the count and are put in increasing order): T = X_a/4 - X_b/3 = (3 X_a - 4 X_b)/12, with
     * 0 = 3*0 - 4*0 = 3*4 - 4*3 merged into one atom.
     */
    @Test
    void changeOfOneCategoryEqualsTheEnumeratedBootstrap() {
        TreeMap<Long, Double> law = enumerate(3, 4, 3, 1, 3, -4);
        assertEquals(19, law.size());   // 20 count pairs, two of them at 0
        LinearStatistic change = LinearStatistic.change(Tally.of(1, 3), Tally.of(3, 4));
        double estimate = 3 / 4.0 - 1 / 3.0;
        ExactDistribution d = ExactDistribution.of(change, estimate);
        assertMatches(d, law, 12);
        assertEquals(-1, d.lowest());
        assertEquals(1, d.highest());
        assertEquals(below(law, 5, false), d.shareBelow(TieCounting.STRICTLY_BELOW), 1e-12);   // 12 t = 9 - 4
        assertEquals(below(law, 5, false) + law.get(5L) / 2, d.shareBelow(TieCounting.HALF), 1e-12);
        assertEquals(jackknifeAcceleration(new long[] {3, 1}, new long[] {4, 3}, new double[] {1, -1}),
                d.acceleration(), 1e-12);
    }

    /**
     * A category at 0% or 100% has one value, 0 or n records recorded: the inspection with 0 of
     * 3 and 4 of 4 has the single value 2/3 (volumes 1 and 2).
     */
    @Test
    void categoriesAtZeroAndOneHoldOneValue() {
        long[] range = new long[1];
        assertArrayEquals(new double[] {1}, ExactDistribution.binomial(7, 0, range));
        assertEquals(0, range[0]);
        assertArrayEquals(new double[] {1}, ExactDistribution.binomial(7, 1, range));
        assertEquals(7, range[0]);
        Inspection edge = Inspection.builder("edge").category("a", 0, 3, 1).category("b", 4, 4, 2).build();
        ExactDistribution d = ExactDistribution.of(LinearStatistic.of(edge), 2 / 3.0);
        assertEquals(1, d.atoms());
        assertEquals(2 / 3.0, d.quantiles(0.5)[0], 1e-15);
        assertEquals(0, d.cdfBelow(2 / 3.0 - 1e-9));
        assertEquals(1, d.cdf(2 / 3.0 + 1e-9));
        assertEquals(0, d.acceleration());   // no variance
        assertEquals(0, d.observedStandardError());
        assertEquals(1, ExactDistribution.heldValues(1000, 0));
        assertEquals(1, ExactDistribution.heldValues(1000, 1));
    }

    /**
     * The binomial table against commons-math3 (Loader's saddle point, built with a null
     * generator): relative 1e-12 at every kept value, and exactly the values documented as kept,
     * those at least 2^-64 times as likely as the mode; their number within {@code heldValues}
     * ("9.5 standard deviations each side", 19 sd + 64).
     */
    @Test
    void binomialTableEqualsCommonsMath() {
        int[][] designs = {{20, 11}, {1000, 300}, {202, 180}, {132, 131}, {50, 1}};
        for (int[] design : designs) {
            int n = design[0];
            double p = design[1] / (double) n;
            BinomialDistribution reference = new BinomialDistribution(null, n, p);
            long[] range = new long[1];
            double[] table = ExactDistribution.binomial(n, p, range);
            double total = 0;
            for (double t : table) {
                total += t;
            }
            double mode = 0;
            for (int x = 0; x <= n; x++) {
                mode = Math.max(mode, reference.probability(x));
            }
            double threshold = 0x1.0p-64 * mode;
            int first = -1;
            int last = -1;
            for (int x = 0; x <= n; x++) {
                double f = reference.probability(x);
                assertTrue(Math.abs(f - threshold) > 1e-9 * threshold, "no value at the threshold");
                if (f >= threshold) {
                    first = first < 0 ? x : first;
                    last = x;
                }
            }
            String where = n + ", " + p;
            assertEquals(first, range[0], where);
            assertEquals(last - first + 1, table.length, where);
            assertTrue(table.length <= ExactDistribution.heldValues(n, p), where);
            for (int i = 0; i < table.length; i++) {
                double f = reference.probability(first + i);
                assertEquals(f, table[i] / total, 1e-12 * f, where + " at " + (first + i));
            }
        }
        double sd = Math.sqrt(1000 * 0.3 * 0.7);
        assertEquals(19 * sd + 64, ExactDistribution.heldValues(1000, 0.3), 1e-12 * sd);
    }

    /**
     * Atoms given directly, with unnormalised probabilities 1 and 3: normalised to 1/4 and 3/4;
     * the level 1/4 is reached exactly at the first atom (inf{t : F(t) >= alpha}), level 1 at the
     * last; the caller's arrays are neither changed nor kept (one term: the copy).
     */
    @Test
    void directAtomsAreNormalisedAndNotKept() {
        ExactDistribution.Shape shape = new ExactDistribution.Shape(0, 10, 0, 0, 0, 0, 0, 0);
        double[][] values = {{2, 5}};
        double[][] probabilities = {{1, 3}};
        ExactDistribution d = ExactDistribution.of(values, probabilities, shape, 2, ExactDistribution.ATOMS);
        assertArrayEquals(new double[] {1, 3}, probabilities[0]);
        values[0][0] = 7;
        probabilities[0][0] = 100;
        assertEquals(0.25, d.cdf(2), 0);
        assertEquals(0.25, d.cdfBelow(5), 0);
        assertEquals(1, d.cdf(5), 0);
        assertArrayEquals(new double[] {2, 2, 5, 5, 2, 5}, d.quantiles(0.25, 0.1, 0.26, 1, 0, 0.75));
        // six atoms of weight 1: each 1/6 after normalising, and six sixths add up (left to right)
        // to 1 - 2^-53 < 1: level 1 still gives the largest atom
        double[] ones = new double[6];
        double[] six = new double[6];
        double sixths = 0;
        for (int i = 0; i < 6; i++) {
            ones[i] = 1;
            six[i] = i;
            sixths += 1 / 6.0;
        }
        assertTrue(sixths < 1);
        ExactDistribution d6 = ExactDistribution.of(new double[][] {six}, new double[][] {ones}, shape, 0,
                ExactDistribution.ATOMS);
        assertEquals(5, d6.quantiles(1)[0]);
        assertEquals(0.5, d6.cdf(2), 1e-15);
        assertEquals(1, d6.cdf(5), 1e-15);
    }

    /**
     * The lattice (forced with an atom limit of 1 on the tiny inspection): its spacing is the
     * possible range (0 to 1) over LATTICE - 1, both categories rounded so the stated error is
     * two half spacings; the atoms are 1/45 apart, far more than the error, so each lands on
     * its own point and the cdf between atoms is the enumeration's.
     */
    @Test
    void latticeKeepsEveryAtomWithinItsError() {
        TreeMap<Long, Double> law = tiny();
        ExactDistribution d = ExactDistribution.of(LinearStatistic.of(TINY), 28.0 / 45, 1);
        double spacing = 1.0 / (ExactDistribution.LATTICE - 1);
        assertEquals(spacing, d.error(), 1e-12 * spacing);
        assertEquals(law.size(), d.atoms());
        double cumulative = 0;
        for (Map.Entry<Long, Double> e : law.entrySet()) {
            long s = e.getKey();
            double atom = d.quantiles(cumulative + e.getValue() / 2)[0];
            assertEquals(s / 45.0, atom, d.error(), "atom " + s);
            assertEquals(cumulative, d.cdf((s - 0.5) / 45), 1e-12);
            assertEquals(cumulative, d.cdfBelow(atom), 1e-12);
            cumulative += e.getValue();
            assertEquals(cumulative, d.cdfBelow((s + 0.5) / 45), 1e-12);
            assertEquals(cumulative, d.cdf(atom), 1e-12);
        }
    }

    /**
     * One category too large to hold (2e11 records, half recorded: 19 sd + 64 = 4.25 million
     * values) is searched, nothing held. X ~ Binomial(n, 1/2) is symmetric about m = n/2, so
     * P(X <= m + j) + P(X <= m - j - 1) = 1 for every j, whatever tolerance the cdf adds to t n;
     * P(X = m) = C(2m, m) 4^-m = (pi m)^-1/2 (1 - 1/(8m) + ...) (Stirling; the correction is
     * 1e-12 here), so the median is m/n and the level 1/2 + 3/4 P(X = m) is reached at m + 1.
     */
    @Test
    void largeCategoryIsSearched() {
        long n = 200_000_000_000L;
        long m = n / 2;
        LinearStatistic statistic = LinearStatistic.of(Tally.of(m, n));
        assertTrue(ExactDistribution.heldValues(n, 0.5) > ExactDistribution.ATOMS);
        ExactDistribution d = ExactDistribution.of(statistic, 0.5);
        assertEquals(0, d.atoms());
        assertEquals(0.5, d.estimate());
        double atMode = 1 / Math.sqrt(Math.PI * m);
        assertEquals(1, d.cdf(0.5) + d.cdfBelow(0.5), 1e-12);
        // the atom at 1/2 holds P(X = m) = C(2m, m) / 4^m = (pi m)^-1/2 (1 - 1/(8m) + ...): once a
        // padding of 1e-9 t n (100 counts here) made it 201 times that
        assertEquals(atMode, d.cdf(0.5) - d.cdfBelow(0.5), 1e-6 * atMode);
        assertEquals(d.cdf(0.5) - atMode, d.cdf((m - 0.5) / n), 1e-6 * atMode, "halfway to the count m - 1");
        assertEquals(d.cdf(0.5), d.cdf(Math.nextDown(0.5)), 0.0, "a double next to m/n stands for m");
        assertEquals(0.5 - atMode / 2, d.cdfBelow(0.5), 1e-6 * atMode, "P(X < m) by symmetry");
        assertTrue(d.cdf(0.5) > 0.5 && d.cdfBelow(0.5) < 0.5);
        assertEquals(1, d.cdf(1), 0);
        assertEquals(1, d.cdf(0.9), 1e-12);
        assertEquals(0, d.cdf(0.1), 1e-12);
        assertEquals(0, d.cdfBelow(0), 0);
        assertEquals(0, d.cdfBelow(0.1), 1e-12);
        assertEquals(1, d.cdfBelow(0.9), 1e-12);
        assertArrayEquals(new double[] {0.5, 0.5, (m + 1) / (double) n, (m - 1) / (double) n},
                d.quantiles(0.5, 0.5 + 0.25 * atMode, 0.5 + 0.75 * atMode, 0.5 - 0.75 * atMode));
    }

    /**
     * Terms with too many atoms for the exact convolution (2049 x 2049 > ATOMS) go through the
     * lattice and the Fourier transform: two terms with values j/2048, j = 0..2048, and
     * unnormalised probabilities proportional to j + 1 (normalised by the total). The exact law
     * of the sum (s/2048 with probability sum_j p(j) p(s - j)) is convolved here directly. The
     * lattice spans the possible range 0..2 in LATTICE - 2k steps (so the k rounded lengths fit
     * in a transform LATTICE long) and the stated error is k half spacings; atoms are 1/2048
     * apart, so the cdf halfway between them is the exact one up to the transform's rounding
     * (about 1e-16 of the largest probability, 7e-4, at each of 2^21 points: below 2e-13).
     */
    @Test
    void manyAtomsGoThroughTheTransform() {
        int size = 2049;
        double[] v = new double[size];
        double[] w = new double[size];
        double total = 0;
        for (int j = 0; j < size; j++) {
            v[j] = j / 2048.0;
            w[j] = j + 1;
            total += j + 1;
        }
        double[] exact = new double[2 * size - 1];
        for (int a = 0; a < size; a++) {
            for (int b = 0; b < size; b++) {
                exact[a + b] += w[a] / total * (w[b] / total);
            }
        }
        ExactDistribution.Shape shape = new ExactDistribution.Shape(0, 2, 0, 0, 0, 0, 0, 0);
        ExactDistribution d = ExactDistribution.ofMany(new double[][] {v, v.clone()}, new double[][] {w, w.clone()},
                shape, 1);
        double spacing = 2.0 / (ExactDistribution.LATTICE - 4);
        assertEquals(spacing, d.error(), 1e-12 * spacing);
        double cumulative = 0;
        for (int s = 0; s < exact.length; s += 37) {
            assertEquals(cumulative, d.cdf((s - 0.5) / 2048), 1e-12, "below " + s);
            for (int t = s; t < Math.min(s + 37, exact.length); t++) {
                cumulative += exact[t];
            }
        }
        assertEquals(1, d.cdf(2), 1e-12);
    }
}
