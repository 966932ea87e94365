package org.recordingrate.resample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.apache.commons.math3.distribution.HypergeometricDistribution;
import org.junit.jupiter.api.Test;
import org.recordingrate.compare.Alternative;
import org.recordingrate.compare.MonteCarlo;
import org.recordingrate.internal.Hypergeometric;
import org.recordingrate.model.AuditedCategory;
import org.recordingrate.model.Category;
import org.recordingrate.model.Incidents;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Tally;

/**
 * The permutation tests against their definition, enumerated here by brute force: every way of
 * dealing the pooled incidents (or crimes) back to the two inspections, each inspection keeping its
 * number, equally likely (Good 2005, ch. 3; the permutation distribution of a statistic under
 * exchangeability). The statistic is compared exactly, in rational arithmetic, so ties count on both
 * sides as the class promises. The exact p-values must agree to rounding; the Monte Carlo ones
 * within five of their standard errors, and be of the form (b + 1)/(B + 1) (Davison and Hinkley
 * 1997, eq. 4.11) with the error sqrt(p (1 - p) / B).
 */
class PermutationEnumeratedTest {

    private static final Alternative[] ALTERNATIVES = Alternative.values();

    @Test
    void aCategoryOfIncidentsIsPermutedIncidentByIncident() {
        long[][] before = {{2, 1, 3, 1, 2, 1}, {1, 1, 1, 0, 2, 0}};
        long[][] after = {{1, 2, 2, 1, 3, 1, 1}, {1, 2, 2, 1, 3, 0, 1}};
        AuditedCategory b = category("violence", 1_000, before);
        AuditedCategory a = category("violence", 1_000, after);
        List<Stratum> strata = List.of(new Stratum(before, after, BigInteger.ONE, BigInteger.ONE, BigInteger.ONE,
                BigInteger.ONE));
        assertMatchesEnumeration(strata, (test, alternative) -> test.permute(b, a, alternative),
                "(13 incidents holding 21 crimes; each inspection keeps its number of incidents)");
    }

    @Test
    void anInspectionOfIncidentsIsPermutedWithinCategoriesAndWeightedByVolume() {
        long[][] violenceBefore = {{2, 1, 3, 1}, {1, 1, 2, 0}};
        long[][] violenceAfter = {{1, 2, 2, 1, 2}, {1, 2, 1, 1, 2}};
        long[][] otherBefore = {{1, 1, 2, 1, 1}, {0, 1, 2, 1, 0}};
        long[][] otherAfter = {{1, 3, 1, 1}, {1, 3, 1, 0}};
        Inspection before = Inspection.builder("CDI 2017").category(category("violence", 3_000, violenceBefore))
                .category(category("other crime", 7_000, otherBefore)).build();
        Inspection after = Inspection.builder("PEEL 2022").category(category("violence", 4_000, violenceAfter))
                .category(category("other crime", 6_000, otherAfter)).build();
        BigInteger va = BigInteger.valueOf(10_000);
        BigInteger vb = BigInteger.valueOf(10_000);
        List<Stratum> strata = List.of(
                new Stratum(violenceBefore, violenceAfter, BigInteger.valueOf(4_000), va, BigInteger.valueOf(3_000), vb),
                new Stratum(otherBefore, otherAfter, BigInteger.valueOf(6_000), va, BigInteger.valueOf(7_000), vb));
        assertMatchesEnumeration(strata, (test, alternative) -> test.permute(before, after, alternative),
                "(18 incidents holding 27 crimes; each inspection keeps its number of incidents)");
    }

    @Test
    void crimesDrawnOneByOneMatchFishersExactTest() {
        // without incidents the permutation distribution of the recorded after is hypergeometric:
        // the one-sided p-values are its tails (commons-math3), the two-sided Fisher's (R fisher.test)
        Tally before = Tally.of(31, 40);
        Tally after = Tally.of(36, 40);
        HypergeometricDistribution h = new HypergeometricDistribution(null, 80, 67, 40);
        double up = h.upperCumulativeProbability(36);
        double down = h.cumulativeProbability(36);
        double observed = h.probability(36);
        double twoSided = 0;
        for (int k = h.getSupportLowerBound(); k <= h.getSupportUpperBound(); k++) {
            if (h.probability(k) <= observed * (1 + 1e-7)) {
                twoSided += h.probability(k);
            }
        }
        double[] expected = {Math.min(1, twoSided), up, down};
        for (int i = 0; i < ALTERNATIVES.length; i++) {
            Alternative alternative = ALTERNATIVES[i];
            PermutationResult exact = PermutationTest.withDefaults().permute(before, after, alternative);
            assertEquals(expected[i], exact.pValue(), 1e-12, alternative.token());
            PermutationResult drawn = PermutationTest.withDefaults().with(Enumeration.NEVER).withReplicates(20_000)
                    .withSeed(21).permute(before, after, alternative);
            // Fisher's two-sided region is counted as one region here, not as twice the smaller tail
            assertMonteCarlo(expected[i], drawn, 20_000, alternative, false);
        }
    }

    @Test
    void fishersTwoSidedRegionHoldsEveryTableNoLikelierThanTheObserved() {
        // {k : h(k) <= h(x)} by exact integer products C(na, k) C(nb, s - k), ties included (equal
        // group sizes make h symmetric, so ties are exact there)
        long[][] cases = {{10, 10, 9}, {10, 10, 10}, {12, 7, 8}, {5, 9, 6}, {20, 20, 21}, {3, 3, 3}, {40, 25, 50}};
        for (long[] c : cases) {
            long na = c[0];
            long nb = c[1];
            long s = c[2];
            Hypergeometric h = new Hypergeometric(na, nb, s);
            for (long x = h.lowest(); x <= h.highest(); x++) {
                BigInteger hx = weight(na, nb, s, x);
                long[] region = PermutationTest.fisherRegion(h, x);
                for (long k = h.lowest(); k <= h.highest(); k++) {
                    boolean inRegion = k <= region[0] || k >= region[1];
                    boolean expected = weight(na, nb, s, k).compareTo(hx) <= 0;
                    assertEquals(expected, inRegion, "na " + na + ", nb " + nb + ", s " + s + ", x " + x + ", k " + k);
                }
            }
        }
    }

    @Test
    void theTestSaysHowItIsSetUp() {
        Cancellation cancellation = new Cancellation();
        PermutationTest test = PermutationTest.withDefaults().withReplicates(1_234).withSeed(77).withThreads(2)
                .with(Enumeration.NEVER).withCancellation(cancellation);
        assertEquals(1_234, test.replicates());
        assertEquals(77, test.seed());
        assertEquals(Enumeration.NEVER, test.enumeration());
        assertEquals("PermutationTest[1234 replicates, seed 77, 2 threads, enumerate never]", test.toString());
        assertEquals("permutation test", test.displayName());
        assertEquals("change", test.statisticName(), "the statistic reported is the observed change");
        cancellation.cancel();
        org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.CancellationException.class,
                () -> test.permute(Tally.of(30, 40), Tally.of(35, 40), Alternative.TWO_SIDED), "a cancelled run stops");
    }

    /**
     * For each alternative: enumerated by default, with the brute-force p-value to 1e-12 and the
     * incident note; drawn (20,000 replicates) within 5 SE of it, with the same note.
     */
    private static void assertMatchesEnumeration(List<Stratum> strata,
                                                 BiFunction<PermutationTest, Alternative, PermutationResult> permute,
                                                 String counts) {
        List<String> note = List.of("incidents: whole incidents permuted between the inspections within each category "
                + counts);
        for (Alternative alternative : ALTERNATIVES) {
            double expected = bruteForce(strata, alternative);
            PermutationResult exact = permute.apply(PermutationTest.withDefaults(), alternative);
            assertEquals(PermutationMethod.EXACT_ENUMERATION, exact.method());
            assertEquals(expected, exact.pValue(), 1e-12, alternative.token());
            assertEquals(note, exact.notes());
            PermutationResult drawn = permute.apply(PermutationTest.withDefaults().with(Enumeration.NEVER)
                    .withReplicates(20_000).withSeed(5), alternative);
            assertMonteCarlo(expected, drawn, 20_000, alternative, true);
            assertEquals(note, drawn.notes());
        }
    }

    // ---- the definition ----------------------------------------------------------------------------

    /** One category: its incidents {crimes[], recorded[]} before and after, and its weights alpha and beta. */
    private record Stratum(long[][] before, long[][] after, BigInteger alphaNum, BigInteger alphaDen,
                           BigInteger betaNum, BigInteger betaDen) {
    }

    private static AuditedCategory category(String name, long volume, long[][] incidents) {
        return AuditedCategory.of(Category.of(name, volume), Incidents.of(incidents[0], incidents[1]));
    }

    /**
     * Every arrangement of every stratum (subsets of its pooled incidents of the after's size), the
     * statistic D = sum alpha R_a/A_a - beta R_b/A_b as an exact fraction, P(D >= d) and P(D <= d).
     */
    private static double bruteForce(List<Stratum> strata, Alternative alternative) {
        List<List<long[]>> outcomes = new ArrayList<>(); // per stratum: {R_a, A_a, R_b, A_b} of each arrangement
        BigInteger[] observed = {BigInteger.ZERO, BigInteger.ONE};
        for (Stratum s : strata) {
            int mb = s.before()[0].length;
            int ma = s.after()[0].length;
            long[] crimes = new long[ma + mb];
            long[] recorded = new long[ma + mb];
            for (int i = 0; i < mb; i++) {
                crimes[i] = s.before()[0][i];
                recorded[i] = s.before()[1][i];
            }
            for (int i = 0; i < ma; i++) {
                crimes[mb + i] = s.after()[0][i];
                recorded[mb + i] = s.after()[1][i];
            }
            long totalC = 0;
            long totalR = 0;
            for (int i = 0; i < crimes.length; i++) {
                totalC += crimes[i];
                totalR += recorded[i];
            }
            List<long[]> list = new ArrayList<>();
            for (int mask = 0; mask < 1 << crimes.length; mask++) {
                if (Integer.bitCount(mask) != ma) {
                    continue;
                }
                long ra = 0;
                long ca = 0;
                for (int i = 0; i < crimes.length; i++) {
                    if ((mask >> i & 1) == 1) {
                        ra += recorded[i];
                        ca += crimes[i];
                    }
                }
                list.add(new long[] {ra, ca, totalR - ra, totalC - ca});
            }
            outcomes.add(list);
            long ra = 0;
            long ca = 0;
            for (int i = 0; i < ma; i++) {
                ra += s.after()[1][i];
                ca += s.after()[0][i];
            }
            observed = add(observed, term(s, new long[] {ra, ca, totalR - ra, totalC - ca}));
        }
        double[] tails = new double[2];
        walk(strata, outcomes, 0, new BigInteger[] {BigInteger.ZERO, BigInteger.ONE}, 1.0, observed, tails);
        return switch (alternative) {
            case IMPROVED -> tails[0];
            case DETERIORATED -> tails[1];
            case TWO_SIDED -> Math.min(1, 2 * Math.min(tails[0], tails[1]));
        };
    }

    private static void walk(List<Stratum> strata, List<List<long[]>> outcomes, int h, BigInteger[] sum,
                             double probability, BigInteger[] observed, double[] tails) {
        if (h == strata.size()) {
            int sign = add(sum, new BigInteger[] {observed[0].negate(), observed[1]})[0].signum();
            if (sign >= 0) {
                tails[0] += probability;
            }
            if (sign <= 0) {
                tails[1] += probability;
            }
            return;
        }
        List<long[]> list = outcomes.get(h);
        for (long[] o : list) {
            walk(strata, outcomes, h + 1, add(sum, term(strata.get(h), o)), probability / list.size(), observed, tails);
        }
    }

    /** alpha R_a / A_a - beta R_b / A_b as a fraction {numerator, positive denominator}. */
    private static BigInteger[] term(Stratum s, long[] o) {
        BigInteger[] after = {s.alphaNum().multiply(BigInteger.valueOf(o[0])), s.alphaDen().multiply(BigInteger.valueOf(o[1]))};
        BigInteger[] before = {s.betaNum().multiply(BigInteger.valueOf(o[2])).negate(),
            s.betaDen().multiply(BigInteger.valueOf(o[3]))};
        return add(after, before);
    }

    private static BigInteger[] add(BigInteger[] x, BigInteger[] y) {
        BigInteger num = x[0].multiply(y[1]).add(y[0].multiply(x[1]));
        BigInteger den = x[1].multiply(y[1]);
        BigInteger g = num.gcd(den);
        return g.signum() == 0 ? new BigInteger[] {num, den} : new BigInteger[] {num.divide(g), den.divide(g)};
    }

    private static BigInteger weight(long na, long nb, long s, long k) {
        return choose(na, k).multiply(choose(nb, s - k));
    }

    private static BigInteger choose(long n, long k) {
        BigInteger c = BigInteger.ONE;
        for (long i = 0; i < k; i++) {
            c = c.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        }
        return c;
    }

    private static void assertMonteCarlo(double expected, PermutationResult drawn, long replicates, Alternative alternative,
                                         boolean doubledTail) {
        assertEquals(PermutationMethod.MONTE_CARLO, drawn.method());
        MonteCarlo mc = drawn.monteCarlo().orElseThrow();
        double p = drawn.pValue();
        assertEquals(Math.sqrt(p * (1 - p) / replicates), mc.standardError(), 1e-15, "sqrt(p (1 - p) / B)");
        double se = Math.sqrt(expected * (1 - expected) / replicates) + 1.0 / replicates;
        assertEquals(expected, p, 5 * se, alternative.token() + ": within five standard errors");
        double b = alternative == Alternative.TWO_SIDED && doubledTail ? p * (replicates + 1) / 2 : p * (replicates + 1);
        if (p < 1) {
            assertEquals(Math.rint(b), b, 1e-6, alternative.token() + ": (b + 1) / (B + 1)");
        }
    }
}
