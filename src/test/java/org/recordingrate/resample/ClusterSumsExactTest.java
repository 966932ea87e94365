package org.recordingrate.resample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recordingrate.model.Incidents;
import org.recordingrate.model.Tally;

/**
 * {@link ClusterSums}, the bootstrap distribution of a category's rate R*&#47;A* when its incidents
 * are drawn with replacement, against the definition computed another way: every ordered draw of
 * the m incidents enumerated (m<sup>m</sup> draws of probability m<sup>-m</sup> each, for m up to
 * 7), or the multinomial over the incident patterns summed in log space (for m in the hundreds,
 * where the grid drops its negligible cells), and R* and A* summed and reduced to lowest terms
 * with exact integers. The cache of recent distributions is emptied before each test, so that
 * every answer here is computed, not remembered.
 */
class ClusterSumsExactTest {

    @BeforeEach
    void computeAfresh() {
        ClusterSums.forget();
    }

    @Test
    void smallCategoriesEqualEveryDrawEnumerated() {
        long[][][] cases = {
            {{2, 2, 1}, {2, 1, 0}},
            {{3, 1, 1, 2}, {1, 1, 0, 2}},
            {{1, 2, 2, 3, 1}, {1, 0, 2, 3, 0}},
            {{4, 1, 2, 1, 1, 2}, {3, 1, 0, 0, 1, 2}},
            {{2, 2, 2, 1, 1, 3, 1}, {2, 1, 0, 1, 0, 3, 1}},
            {{2, 2}, {0, 0}},
            {{3, 2, 2}, {3, 2, 2}},
        };
        for (long[][] c : cases) {
            Incidents incidents = Incidents.of(c[0], c[1]);
            TreeMap<Fraction, Double> expected = enumerate(c[0], c[1]);
            ClusterSums sums = ClusterSums.of(incidents);
            assertNotNull(sums, incidents.toString());
            assertMatches(expected, sums, 1e-13, incidents.toString());
        }
    }

    @Test
    void largeCategoriesEqualTheMultinomialOverTheirPatterns() {
        // 240 incidents of three patterns (1 crime recorded; 2 crimes, 1 recorded; 3 crimes, all
        // recorded), then 150 of four: the grid drops cells below 2^-64 of the largest as it goes,
        // so every atom of probability above 1e-15 must be there, with its probability to 1e-9
        // (or 1e-16 absolute, in the tails)
        long[][] patterns = {{1, 1, 120}, {2, 1, 80}, {3, 3, 40}};
        long[][] four = {{1, 0, 30}, {1, 1, 70}, {2, 2, 30}, {4, 2, 20}};
        for (long[][] groups : new long[][][] {patterns, four}) {
            Incidents incidents = incidentsOf(groups);
            TreeMap<Fraction, Double> expected = multinomial(groups);
            ClusterSums sums = ClusterSums.of(incidents);
            assertNotNull(sums);
            double kept = 0;
            int large = 0;
            for (int i = 0; i < sums.size(); i++) {
                Fraction f = new Fraction(sums.numerator(i), sums.denominator(i));
                Double p = expected.get(f);
                assertNotNull(p, "an atom no draw reaches: " + f);
                // the cells the grid dropped (each below 2^-64 of the largest) take at most some 1e-17
                // from an atom; it never has more than the multinomial gives it but for the renormalisation
                assertEquals(p, sums.probabilities()[i], 1e-9 * p + 1e-16, f.toString());
                assertTrue(sums.probabilities()[i] <= p * (1 + 1e-12) + 1e-300, f + ": " + sums.probabilities()[i] + " > " + p);
                kept += p;
            }
            for (Map.Entry<Fraction, Double> e : expected.entrySet()) {
                if (e.getValue() > 1e-15) {
                    large++;
                }
            }
            assertTrue(sums.valuesAbove(1e-15) >= large - 1 && sums.valuesAbove(1e-15) <= large + 1,
                    sums.valuesAbove(1e-15) + " atoms above 1e-15, the multinomial has " + large);
            assertEquals(1.0, kept, 1e-12, "the mass dropped is negligible (below 1e-9 by the class comment)");
            assertMoments(expected, sums, 1e-12);
            long x = incidents.recorded();
            long n = incidents.crimes();
            int observed = sums.observed();
            assertEquals(new Fraction(x, n), new Fraction(sums.numerator(observed), sums.denominator(observed)));
        }
    }

    @Test
    void singleCrimeIncidentsAndTalliesAreBinomial() {
        long[][] tallies = {{7, 10}, {1, 3}, {180, 202}, {599, 600}, {0, 25}, {25, 25}};
        for (long[] t : tallies) {
            Tally tally = Tally.of(t[0], t[1]);
            long n = t[1];
            ClusterSums sums = ClusterSums.binomial(tally);
            ClusterSums viaIncidents = ClusterSums.of(Incidents.ofSingleCrimes(tally));
            BinomialDistribution law = new BinomialDistribution(null, (int) n, (double) t[0] / n);
            TreeMap<Fraction, Double> expected = new TreeMap<>();
            for (long r = 0; r <= n; r++) {
                double p = law.probability((int) r);
                if (p > 0) {
                    expected.merge(new Fraction(r, n), p, Double::sum);
                }
            }
            for (ClusterSums s : new ClusterSums[] {sums, viaIncidents}) {
                double top = expected.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
                for (int i = 0; i < s.size(); i++) {
                    Fraction f = new Fraction(s.numerator(i), s.denominator(i));
                    double p = expected.get(f);
                    assertEquals(p, s.probabilities()[i], 1e-12 * p + 1e-300, tally + " at " + f);
                    if (i > 0) {
                        assertTrue(s.value(i) > s.value(i - 1), "increasing");
                    }
                }
                // every atom above 2^-64 of the largest is kept
                long large = expected.values().stream().filter(p -> p >= top * 0x1.0p-60).count();
                assertTrue(s.size() >= large, tally + ": " + s.size() + " atoms, " + large + " above 2^-60 of the top");
                assertEquals(new Fraction(t[0], n), new Fraction(s.numerator(s.observed()), s.denominator(s.observed())));
                double p = (double) t[0] / n;
                assertEquals(p, s.mean(), 1e-13, "the binomial rate's bootstrap mean is x/n");
                assertEquals(p * (1 - p) / n, s.variance(), 1e-10 * p * (1 - p) / n, tally.toString());
            }
        }
        assertEquals(1, ClusterSums.binomial(Tally.of(0, 40)).size());
        assertEquals(0.0, ClusterSums.binomial(Tally.of(0, 40)).value(0));
        assertEquals(1.0, ClusterSums.binomial(Tally.of(40, 40)).value(0));
        assertEquals(1.0, ClusterSums.binomial(Tally.of(40, 40)).probabilities()[0]);
        assertNull(ClusterSums.binomial(Tally.of(100_000_000_000L, 200_000_000_000L)),
                "19 sd + 64 cells beyond 2^22: left to the caller");
    }

    @Test
    void theSizeEstimateIsNineteenStandardDeviationsEachWay() {
        // Var(A*) = m Var(c) and Var(R* | A*) = m (Var(r) - Cov(c, r)^2 / Var(c)) for a sum of m
        // independent draws: the moments here come from the enumerated draws of a small category
        long[] crimes = {1, 2, 2, 3, 1};
        long[] recorded = {1, 0, 2, 3, 0};
        int m = crimes.length;
        double[] sums = new double[5]; // E A, E R, E A^2, E R^2, E A R over every draw
        long draws = forEachDraw(crimes, recorded, (a, r) -> {
            sums[0] += a;
            sums[1] += r;
            sums[2] += (double) a * a;
            sums[3] += (double) r * r;
            sums[4] += (double) a * r;
        });
        double ea = sums[0] / draws;
        double er = sums[1] / draws;
        double va = sums[2] / draws - ea * ea;
        double vr = sums[3] / draws - er * er;
        double cov = sums[4] / draws - ea * er;
        double expected = (19 * Math.sqrt(va) + 1) * (19 * Math.sqrt(vr - cov * cov / va) + 1);
        Incidents incidents = Incidents.of(crimes, recorded);
        assertEquals(expected, ClusterSums.estimatedCells(incidents), 1e-9 * expected);
        assertEquals(incidents.groups().size() * (double) m * expected / 2, ClusterSums.estimatedWork(incidents),
                1e-9 * expected * m * incidents.groups().size());
        // every incident of the same size: no spread in A*, the cells are one row of 19 sd(R*) + 1
        Incidents pairs = Incidents.of(new long[] {2, 2, 2, 2}, new long[] {0, 1, 2, 1});
        double vrPairs = 0.5; // r takes 0, 1, 2, 1: mean 1, variance (1 + 0 + 1 + 0)/4
        assertEquals(19 * Math.sqrt(4 * vrPairs) + 1, ClusterSums.estimatedCells(pairs), 1e-12);
    }

    @Test
    void categoriesBeyondTheLimitsAreLeftToTheCaller() {
        // 200,000 incidents of one or two crimes: (19 sd(A*) + 1)(19 sd(R*|A*) + 1) is some 10^7 cells
        int m = 200_000;
        long[] crimes = new long[m];
        long[] recorded = new long[m];
        for (int i = 0; i < m; i++) {
            crimes[i] = 1 + i % 2;
            recorded[i] = i % 3 == 0 ? 0 : Math.min(crimes[i], 1 + i % 5 % 2);
        }
        Incidents huge = Incidents.of(crimes, recorded);
        assertTrue(ClusterSums.estimatedCells(huge) > ClusterSums.MAX_CELLS, "" + ClusterSums.estimatedCells(huge));
        assertNull(ClusterSums.of(huge));
        // 20,000 incidents of four patterns: cells within the limit, work (patterns x m x cells / 2) beyond
        int k = 20_000;
        long[] c2 = new long[k];
        long[] r2 = new long[k];
        for (int i = 0; i < k; i++) {
            c2[i] = 1 + i % 4 / 2;
            r2[i] = i % 4 == 0 ? 0 : i % 4 == 3 ? 2 : 1;
        }
        Incidents busy = Incidents.of(c2, r2);
        assertTrue(ClusterSums.estimatedCells(busy) <= ClusterSums.MAX_CELLS, "" + ClusterSums.estimatedCells(busy));
        assertTrue(ClusterSums.estimatedWork(busy) > ClusterSums.MAX_WORK, "" + ClusterSums.estimatedWork(busy));
        assertNull(ClusterSums.of(busy));
    }

    @Test
    void aDistributionIsRememberedUntilForgotten() {
        Incidents incidents = Incidents.of(new long[] {2, 1, 3, 1}, new long[] {1, 1, 2, 0});
        ClusterSums first = ClusterSums.of(incidents);
        assertSame(first, ClusterSums.of(Incidents.of(new long[] {2, 1, 3, 1}, new long[] {1, 1, 2, 0})),
                "equal incidents, the same distribution, not computed again");
        ClusterSums.forget();
        ClusterSums again = ClusterSums.of(incidents);
        assertNotSame(first, again);
        assertEquals(first.size(), again.size());
        for (int i = 0; i < first.size(); i++) {
            assertEquals(first.numerator(i), again.numerator(i));
            assertEquals(first.denominator(i), again.denominator(i));
            assertEquals(first.probabilities()[i], again.probabilities()[i]);
        }
    }

    @Test
    void theGreatestCommonDivisorReducesFractions() {
        assertEquals(6, ClusterSums.gcd(12, 18));
        assertEquals(1, ClusterSums.gcd(7, 10));
        assertEquals(5, ClusterSums.gcd(0, 5));
        assertEquals(5, ClusterSums.gcd(5, 0));
        assertEquals(1, ClusterSums.gcd(0, 0), "0/0 never occurs; 1 keeps a division safe");
    }

    // ---- the definition, computed another way --------------------------------------------------------

    /** Every ordered draw of the m incidents, each of probability m^-m. */
    private static TreeMap<Fraction, Double> enumerate(long[] crimes, long[] recorded) {
        TreeMap<Fraction, Long> counts = new TreeMap<>();
        long draws = forEachDraw(crimes, recorded, (a, r) -> counts.merge(new Fraction(r, a), 1L, Long::sum));
        TreeMap<Fraction, Double> probabilities = new TreeMap<>();
        for (Map.Entry<Fraction, Long> e : counts.entrySet()) {
            probabilities.put(e.getKey(), (double) e.getValue() / draws);
        }
        return probabilities;
    }

    /** Calls {@code visit} with (A*, R*) of each of the m^m ordered draws of the m incidents; returns m^m. */
    private static long forEachDraw(long[] crimes, long[] recorded, java.util.function.BiConsumer<Long, Long> visit) {
        int m = crimes.length;
        long draws = 1;
        for (int i = 0; i < m; i++) {
            draws *= m;
        }
        for (long code = 0; code < draws; code++) {
            long a = 0;
            long r = 0;
            long rest = code;
            for (int i = 0; i < m; i++) {
                int pick = (int) (rest % m);
                rest /= m;
                a += crimes[pick];
                r += recorded[pick];
            }
            visit.accept(a, r);
        }
        return draws;
    }

    /** The multinomial over the patterns {crimes, recorded, incidents}, in log space. */
    private static TreeMap<Fraction, Double> multinomial(long[][] groups) {
        long m = 0;
        for (long[] g : groups) {
            m += g[2];
        }
        TreeMap<Fraction, Double> probabilities = new TreeMap<>();
        List<long[]> counts = new ArrayList<>();
        compositions(groups.length, m, new long[groups.length], 0, counts);
        double logFactorial = Gamma.logGamma(m + 1.0);
        for (long[] k : counts) {
            double log = logFactorial;
            long a = 0;
            long r = 0;
            for (int g = 0; g < groups.length; g++) {
                log += k[g] * Math.log((double) groups[g][2] / m) - Gamma.logGamma(k[g] + 1.0);
                a += k[g] * groups[g][0];
                r += k[g] * groups[g][1];
            }
            probabilities.merge(new Fraction(r, a), Math.exp(log), Double::sum);
        }
        return probabilities;
    }

    private static void compositions(int parts, long total, long[] k, int at, List<long[]> out) {
        if (at == parts - 1) {
            k[at] = total;
            out.add(k.clone());
            return;
        }
        for (long i = 0; i <= total; i++) {
            k[at] = i;
            compositions(parts, total - i, k, at + 1, out);
        }
    }

    private static Incidents incidentsOf(long[][] groups) {
        int m = 0;
        for (long[] g : groups) {
            m += (int) g[2];
        }
        long[] crimes = new long[m];
        long[] recorded = new long[m];
        int at = 0;
        for (long[] g : groups) {
            for (int i = 0; i < g[2]; i++) {
                crimes[at] = g[0];
                recorded[at++] = g[1];
            }
        }
        return Incidents.of(crimes, recorded);
    }

    private static void assertMatches(TreeMap<Fraction, Double> expected, ClusterSums sums, double tolerance, String what) {
        assertEquals(expected.size(), sums.size(), what + ": distinct rates");
        int i = 0;
        for (Map.Entry<Fraction, Double> e : expected.entrySet()) {
            assertEquals(e.getKey(), new Fraction(sums.numerator(i), sums.denominator(i)), what + " atom " + i);
            assertEquals(e.getKey().value(), sums.value(i), 0.0, what + " atom " + i);
            assertEquals(e.getValue(), sums.probabilities()[i], tolerance, what + " atom " + i);
            i++;
        }
        assertMoments(expected, sums, tolerance);
    }

    private static void assertMoments(TreeMap<Fraction, Double> expected, ClusterSums sums, double tolerance) {
        double mean = 0;
        double total = 0;
        for (Map.Entry<Fraction, Double> e : expected.entrySet()) {
            mean += e.getValue() * e.getKey().value();
            total += e.getValue();
        }
        mean /= total;
        double variance = 0;
        for (Map.Entry<Fraction, Double> e : expected.entrySet()) {
            double d = e.getKey().value() - mean;
            variance += e.getValue() / total * d * d;
        }
        assertEquals(mean, sums.mean(), tolerance);
        assertEquals(variance, sums.variance(), tolerance * Math.max(variance, 1e-3));
    }

    /** A rate in lowest terms, ordered by value with exact integers. */
    private record Fraction(BigInteger numerator, BigInteger denominator) implements Comparable<Fraction> {
        Fraction(long numerator, long denominator) {
            this(reduce(numerator, denominator)[0], reduce(numerator, denominator)[1]);
        }

        private static BigInteger[] reduce(long numerator, long denominator) {
            BigInteger n = BigInteger.valueOf(numerator);
            BigInteger d = BigInteger.valueOf(denominator);
            BigInteger g = n.gcd(d);
            return g.signum() == 0 ? new BigInteger[] {n, d} : new BigInteger[] {n.divide(g), d.divide(g)};
        }

        double value() {
            return numerator.doubleValue() / denominator.doubleValue();
        }

        @Override
        public int compareTo(Fraction o) {
            return numerator.multiply(o.denominator).compareTo(o.numerator.multiply(denominator));
        }

        @Override
        public String toString() {
            return numerator + "/" + denominator;
        }
    }
}
