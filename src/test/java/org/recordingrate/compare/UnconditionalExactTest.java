package org.recordingrate.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;

import org.junit.jupiter.api.Test;
import org.recordingrate.model.Tally;
import org.recordingrate.internal.ExactArithmetic;

/**
 * Barnard's and Boschloo's tests against brute force: the rejection region classified table by
 * table in exact integer arithmetic (z^2 and Fisher tail probabilities as ratios of integers,
 * binomial coefficients from the test's own {@link Choose}, not the library's {@code ExactArithmetic}),
 * and the supremum over the common rate taken on a 20,001-point grid, then on a 2,001-point
 * grid across the two cells around every promising grid maximum (step 5e-8). The fast answer must not fall below that maximum (beyond
 * rounding) and must agree with it to 1e-9.
 */
class UnconditionalExactTest {

    private static final int GRID = 20_000;
    private static final int FINE = 1_000;

    /** Whether the table (a, b) is at least as extreme as the observed one, exactly. */
    @FunctionalInterface
    private interface ExactOrder {
        boolean atLeastAsExtreme(int a, int b);
    }

    /** sup over pi of the region's probability, by brute force. */
    private static double bruteForceSupremum(int na, int nb, ExactOrder region) {
        double[] coefficient = coefficients(na, nb, region);
        double[] values = new double[GRID + 1];
        double best = 0;
        for (int g = 0; g <= GRID; g++) {
            values[g] = probability(coefficient, (double) g / GRID);
            best = Math.max(best, values[g]);
        }
        // then a 2,001-point grid across the two cells around every promising local maximum
        double coarseBest = best;
        for (int g = 0; g <= GRID; g++) {
            // skip rounding noise on a flat objective (such as a region holding every table)
            boolean noise = g > 0 && g < GRID && values[g] - Math.min(values[g - 1], values[g + 1]) < 1e-14 * values[g];
            if (!isPeak(values, g) || noise || values[g] < 0.5 * coarseBest) {
                continue;
            }
            for (int f = -FINE; f <= FINE; f++) {
                double pi = (g + (double) f / FINE) / GRID;
                if (pi >= 0 && pi <= 1) {
                    best = Math.max(best, probability(coefficient, pi));
                }
            }
        }
        return Math.min(1, best);
    }

    /** Coefficient of pi^s (1 - pi)^(N - s): the sum of C(na, a) C(nb, b) over region tables with a + b = s. */
    private static double[] coefficients(int na, int nb, ExactOrder region) {
        double[] coefficient = new double[na + nb + 1];
        for (int a = 0; a <= na; a++) {
            for (int b = 0; b <= nb; b++) {
                if (region.atLeastAsExtreme(a, b)) {
                    coefficient[a + b] += Choose.of(na, a).multiply(Choose.of(nb, b))
                            .doubleValue();
                }
            }
        }
        return coefficient;
    }

    /** A grid maximum: at least its neighbours and above one of them (plateaus are not peaks). */
    private static boolean isPeak(double[] values, int g) {
        double left = g == 0 ? Double.NEGATIVE_INFINITY : values[g - 1];
        double right = g == values.length - 1 ? Double.NEGATIVE_INFINITY : values[g + 1];
        return values[g] >= left && values[g] >= right && (values[g] > left || values[g] > right);
    }

    /** The number of interior grid maxima within a factor 2 of the largest value. */
    private static int countPeaks(int na, int nb, ExactOrder region) {
        double[] coefficient = coefficients(na, nb, region);
        double[] values = new double[GRID + 1];
        double best = 0;
        for (int g = 0; g <= GRID; g++) {
            values[g] = probability(coefficient, (double) g / GRID);
            best = Math.max(best, values[g]);
        }
        int peaks = 0;
        for (int g = 1; g < GRID; g++) {
            if (isPeak(values, g) && values[g] > 0.5 * best && values[g] - Math.min(values[g - 1], values[g + 1]) > 1e-12) {
                peaks++;
            }
        }
        return peaks;
    }

    /** sum over s of coefficient[s] pi^s (1 - pi)^(N - s), by the running product. */
    private static double probability(double[] coefficient, double pi) {
        int n = coefficient.length - 1;
        if (pi == 1) {
            return coefficient[n];
        }
        double odds = pi / (1 - pi);
        double term = Math.pow(1 - pi, n);
        double sum = 0;
        for (int s = 0; s <= n; s++) {
            sum += coefficient[s] * term;
            term *= odds;
        }
        return sum;
    }

    /** sign(z(a, b)) and z^2 as a fraction, compared exactly with BigInteger. */
    private static int compareZ(int na, int nb, int a, int b, int xa, int xb, boolean absolute) {
        BigInteger[] first = zSquared(na, nb, a, b);
        BigInteger[] second = zSquared(na, nb, xa, xb);
        int signFirst = absolute ? first[2].abs().signum() : first[2].signum();
        int signSecond = absolute ? second[2].abs().signum() : second[2].signum();
        if (signFirst != signSecond) {
            return Integer.compare(signFirst, signSecond);
        }
        int squares = first[0].multiply(second[1]).compareTo(second[0].multiply(first[1]));
        return signFirst >= 0 ? squares : -squares;
    }

    /** {numerator, denominator, sign} of z^2 = D^2 N / (na nb s (N - s)); 0/1 when the variance is 0. */
    private static BigInteger[] zSquared(int na, int nb, int a, int b) {
        long s = a + b;
        long n = na + nb;
        BigInteger d = BigInteger.valueOf((long) a * nb - (long) b * na);
        BigInteger denominator = BigInteger.valueOf(na).multiply(BigInteger.valueOf(nb))
                .multiply(BigInteger.valueOf(s)).multiply(BigInteger.valueOf(n - s));
        if (denominator.signum() == 0) {
            return new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, BigInteger.ZERO};
        }
        return new BigInteger[] {d.multiply(d).multiply(BigInteger.valueOf(n)), denominator, BigInteger.valueOf(d.signum())};
    }

    /** The one-sided Fisher p-value of (a, b) as {count, total}: P(X >= a | s) or P(X <= a | s). */
    private static BigInteger[] fisherTail(int na, int nb, int a, int b, boolean improved) {
        int s = a + b;
        BigInteger count = BigInteger.ZERO;
        for (int k = Math.max(0, s - nb); k <= Math.min(na, s); k++) {
            if (improved ? k >= a : k <= a) {
                count = count.add(Choose.of(na, k).multiply(Choose.of(nb, s - k)));
            }
        }
        return new BigInteger[] {count, Choose.of(na + nb, s)};
    }

    private static boolean fisherAtMost(BigInteger[] tail, BigInteger[] observed) {
        return tail[0].multiply(observed[1]).compareTo(observed[0].multiply(tail[1])) <= 0;
    }

    private static double barnardBruteForce(int xb, int nb, int xa, int na, Alternative alternative) {
        return bruteForceSupremum(na, nb, switch (alternative) {
            case TWO_SIDED -> (a, b) -> compareZ(na, nb, a, b, xa, xb, true) >= 0;
            case IMPROVED -> (a, b) -> compareZ(na, nb, a, b, xa, xb, false) >= 0;
            case DETERIORATED -> (a, b) -> compareZ(na, nb, a, b, xa, xb, false) <= 0;
        });
    }

    private static double boschlooBruteForce(int xb, int nb, int xa, int na, boolean improved) {
        BigInteger[] observed = fisherTail(na, nb, xa, xb, improved);
        return bruteForceSupremum(na, nb, (a, b) -> fisherAtMost(fisherTail(na, nb, a, b, improved), observed));
    }

    private static void assertMatches(double bruteForce, double fast, String where) {
        assertTrue(fast >= bruteForce - 1e-14, where + ": fast " + fast + " below the grid maximum " + bruteForce);
        assertEquals(bruteForce, fast, 1e-9, where);
    }

    private static final int[][] TABLES = {
        // before recorded, audited, after recorded, audited
        {3, 10, 9, 10}, {2, 7, 6, 7}, {7, 10, 3, 10}, {4, 8, 4, 8}, {0, 5, 0, 5}, {1, 2, 1, 2},
        {0, 2, 3, 3}, {5, 12, 2, 9}, {6, 14, 0, 3}, {1, 15, 4, 6}, {11, 13, 5, 11}, {9, 12, 1, 8},
        {0, 9, 9, 9}, {12, 16, 8, 16}, {3, 20, 7, 14},
    };

    @Test
    void barnardMatchesBruteForceInEveryDirection() {
        for (int[] t : TABLES) {
            for (Alternative alternative : Alternative.values()) {
                double fast = ChangeTest.BARNARD.test(Tally.of(t[0], t[1]), Tally.of(t[2], t[3]), alternative).pValue();
                assertMatches(barnardBruteForce(t[0], t[1], t[2], t[3], alternative), fast,
                        "Barnard " + alternative.token() + " " + t[0] + "/" + t[1] + " -> " + t[2] + "/" + t[3]);
            }
        }
    }

    @Test
    void boschlooMatchesBruteForceInEveryDirection() {
        for (int[] t : TABLES) {
            Tally before = Tally.of(t[0], t[1]);
            Tally after = Tally.of(t[2], t[3]);
            String where = " " + t[0] + "/" + t[1] + " -> " + t[2] + "/" + t[3];
            double improved = boschlooBruteForce(t[0], t[1], t[2], t[3], true);
            double deteriorated = boschlooBruteForce(t[0], t[1], t[2], t[3], false);
            assertMatches(improved, ChangeTest.BOSCHLOO.test(before, after, Alternative.IMPROVED).pValue(),
                    "Boschloo improved" + where);
            assertMatches(deteriorated, ChangeTest.BOSCHLOO.test(before, after, Alternative.DETERIORATED).pValue(),
                    "Boschloo deteriorated" + where);
            assertEquals(Math.min(1, 2 * Math.min(improved, deteriorated)),
                    ChangeTest.BOSCHLOO.test(before, after, Alternative.TWO_SIDED).pValue(), 2e-9, "Boschloo two-sided" + where);
        }
    }

    @Test
    void everyTableOfSmallGroupsMatchesBruteForce() {
        // unequal groups, and equal ones (full of mirror ties)
        for (int[] groups : new int[][] {{4, 5}, {6, 6}}) {
            int na = groups[0];
            int nb = groups[1];
            for (int xa = 0; xa <= na; xa++) {
                for (int xb = 0; xb <= nb; xb++) {
                    Tally before = Tally.of(xb, nb);
                    Tally after = Tally.of(xa, na);
                    String where = " " + before + " -> " + after;
                    for (Alternative alternative : Alternative.values()) {
                        assertMatches(barnardBruteForce(xb, nb, xa, na, alternative),
                                ChangeTest.BARNARD.test(before, after, alternative).pValue(),
                                "Barnard " + alternative.token() + where);
                    }
                    assertMatches(boschlooBruteForce(xb, nb, xa, na, true),
                            ChangeTest.BOSCHLOO.test(before, after, Alternative.IMPROVED).pValue(), "Boschloo improved" + where);
                    assertMatches(boschlooBruteForce(xb, nb, xa, na, false),
                            ChangeTest.BOSCHLOO.test(before, after, Alternative.DETERIORATED).pValue(),
                            "Boschloo deteriorated" + where);
                }
            }
        }
    }

    @Test
    void mirrorTablesOfEqualGroupsTieExactly() {
        // 3/10 -> 7/10 and its mirror 3/10 -> 7/10 reflected (7/10 -> 3/10 swapped) have equal |z|
        // and equal one-sided Fisher p-values; floating point may order them either way
        PooledZOrder order = new PooledZOrder(10, 10, 7, 3);
        assertEquals(0, order.compareAbsolute(3, 7));
        assertEquals(0, order.compare(7, 3));
        assertTrue(order.compare(3, 7) < 0);
        // (a, b) and (n - b, n - a) share |z| with equal groups: 2/10 vs 5/10 and 5/10 vs 8/10
        assertEquals(0, new PooledZOrder(10, 10, 2, 5).compareAbsolute(5, 8));
    }

    @Test
    void pooledZOrderAgreesWithExactFractions() {
        int na = 13;
        int nb = 7;
        for (int xa = 0; xa <= na; xa++) {
            for (int xb = 0; xb <= nb; xb++) {
                PooledZOrder order = new PooledZOrder(na, nb, xa, xb);
                for (int a = 0; a <= na; a++) {
                    for (int b = 0; b <= nb; b++) {
                        assertEquals(Integer.signum(compareZ(na, nb, a, b, xa, xb, false)), Integer.signum(order.compare(a, b)));
                        assertEquals(Integer.signum(compareZ(na, nb, a, b, xa, xb, true)),
                                Integer.signum(order.compareAbsolute(a, b)));
                    }
                }
            }
        }
    }

    @Test
    void objectiveWithSeveralLocalMaximaFindsTheGlobalOne() {
        // tables whose region probability has two to five local maxima of similar height
        int[][] barnard = {{7, 25, 10, 22}, {10, 13, 9, 19}, {17, 19, 8, 13}, {1, 2, 18, 20}};
        for (int[] t : barnard) {
            int nb = t[1];
            int na = t[3];
            ExactOrder region = (a, b) -> compareZ(na, nb, a, b, t[2], t[0], true) >= 0;
            String where = "Barnard " + t[0] + "/" + t[1] + " -> " + t[2] + "/" + t[3];
            assertTrue(countPeaks(na, nb, region) >= 2, where + " should have several peaks");
            assertMatches(bruteForceSupremum(na, nb, region),
                    ChangeTest.BARNARD.test(Tally.of(t[0], t[1]), Tally.of(t[2], t[3]), Alternative.TWO_SIDED).pValue(),
                    where);
        }
        int[][] boschloo = {{10, 24, 22, 27}, {7, 25, 10, 22}, {1, 2, 18, 20}};
        for (int[] t : boschloo) {
            int nb = t[1];
            int na = t[3];
            BigInteger[] observed = fisherTail(na, nb, t[2], t[0], true);
            ExactOrder region = (a, b) -> fisherAtMost(fisherTail(na, nb, a, b, true), observed);
            String where = "Boschloo improved " + t[0] + "/" + t[1] + " -> " + t[2] + "/" + t[3];
            assertTrue(countPeaks(na, nb, region) >= 2, where + " should have several peaks");
            assertMatches(bruteForceSupremum(na, nb, region),
                    ChangeTest.BOSCHLOO.test(Tally.of(t[0], t[1]), Tally.of(t[2], t[3]), Alternative.IMPROVED).pValue(),
                    where);
        }
    }

    @Test
    void auditSizedTablesAreWellWithinTheirBounds() {
        Tally before = Tally.of(560, 640);
        Tally after = Tally.of(188, 202);
        TestResult barnard = ChangeTest.BARNARD.test(before, after, Alternative.TWO_SIDED);
        TestResult boschloo = ChangeTest.BOSCHLOO.test(before, after, Alternative.TWO_SIDED);
        double fisherImproved = ChangeTest.FISHER_EXACT.test(before, after, Alternative.IMPROVED).pValue();
        assertEquals(fisherImproved, boschloo.statistic().orElse(Double.NaN), 1e-15);
        assertTrue(boschloo.pValue() <= 2 * fisherImproved, boschloo.toString());
        // the supremum is at least the probability at the pooled rate
        RejectionRegion region = RejectionRegion.build(202, 640,
                (a, b) -> new PooledZOrder(202, 640, 188, 560).compareAbsolute(a, b) >= 0);
        double pooled = 748.0 / 842;
        assertTrue(barnard.pValue() >= region.probabilityFunction().applyAsDouble(pooled, 1 - pooled));
        assertTrue(barnard.pValue() > 0 && barnard.pValue() < 0.1, barnard.toString());
    }

    @Test
    void extremeTablesGiveTinyPValuesNotNaN() {
        TestResult barnard = ChangeTest.BARNARD.test(Tally.of(0, 60), Tally.of(60, 60), Alternative.TWO_SIDED);
        // only the observed table and its mirror: sup 2 pi^60 (1 - pi)^60 = 2^-119
        assertEquals(Math.pow(2, -119), barnard.pValue(), 1e-9 * Math.pow(2, -119));
        TestResult boschloo = ChangeTest.BOSCHLOO.test(Tally.of(0, 60), Tally.of(60, 60), Alternative.TWO_SIDED);
        assertEquals(Math.pow(2, -119), boschloo.pValue(), 1e-9 * Math.pow(2, -119));
        TestResult beyond = ChangeTest.BOSCHLOO.test(Tally.of(0, 600), Tally.of(600, 600), Alternative.TWO_SIDED);
        assertEquals(0, beyond.pValue());
    }
}
