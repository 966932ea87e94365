package org.recordingrate.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.recordingrate.estimate.IntervalMethod;
import org.recordingrate.model.Interval;

/**
 * Sample sizes for one category. Wald against the closed form with the finite population
 * correction (Cochran 1977, eqs. 4.1 and 4.2), computed here; exact methods by evaluating the
 * interval at n and n - 1 and at every smaller n (an exhaustive scan written here, independent of
 * the planner's search); the hypergeometric Clopper-Pearson interval against exact rational tail
 * sums written here.
 */
class SampleSizePlannerTest {

    /** R: qnorm(0.975) = 1.959963984540054. */
    private static final double Z95 = 1.959963984540054;

    private static final SampleSizePlanner PLANNER = SampleSizePlanner.withDefaults();
    /** The same planner taking fractions, for the loops below that compute in fractions. */
    private static final SampleSizePlanner FRACTIONS = PLANNER.inFractions();

    @Test
    void waldIsTheClosedFormWithFinitePopulationCorrection() {
        // the acceptance case: +/- 2.5 points at 90% expected, 95%: 1.96^2 x 0.09 / 0.025^2 = 553.19 -> 554
        assertEquals(554, PLANNER.with(IntervalMethod.WALD).plan(2.5, 90).audited());
        double[] rates = {0.5, 0.9, 0.93, 0.99, 0.999, 0.1};
        double[] margins = {0.05, 0.025, 0.02, 0.01, 0.003};
        long[] populations = {1, 2, 50, 600, 2_500, 35_000, 1_000_000};
        int checked = 0;
        for (double p : rates) {
            for (double m : margins) {
                double n0 = Z95 * Z95 * p * (1 - p) / (m * m);
                SampleSize infinite = FRACTIONS.with(IntervalMethod.WALD).plan(m, p);
                assertEquals(Math.max(1, (long) Math.ceil(n0)), infinite.audited(), p + " " + m);
                for (long big : populations) {
                    // Cochran 4.2: n = n0 / (1 + (n0 - 1)/N) = n0 N / (n0 + N - 1), rounded up, at most N
                    long expected = Math.min(big, Math.max(1, (long) Math.ceil(n0 * big / (n0 + big - 1))));
                    SampleSize finite = FRACTIONS.with(IntervalMethod.WALD).plan(m, p, big);
                    assertEquals(expected, finite.audited(), p + " " + m + " N=" + big);
                    double at = waldMargin(p, finite.audited(), big);
                    assertTrue(at <= m, "margin at n");
                    if (finite.audited() > 1) {
                        assertTrue(waldMargin(p, finite.audited() - 1, big) > m, "margin at n - 1");
                    }
                    assertEquals(at, finite.margin(), 1e-15);
                    checked++;
                }
            }
        }
        assertEquals(rates.length * margins.length * populations.length, checked);
    }

    private static double waldMargin(double p, long n, long big) {
        double fpc = big == 1 ? 0 : (double) (big - n) / (big - 1);
        return Z95 * Math.sqrt(p * (1 - p) / n * fpc);
    }

    @Test
    void exactSizesAreTheFirstCountWhoseMarginAtTheExpectedCountIsSmallEnough() {
        IntervalMethod[] methods = {IntervalMethod.WILSON, IntervalMethod.CLOPPER_PEARSON, IntervalMethod.JEFFREYS,
                IntervalMethod.MID_P, IntervalMethod.AGRESTI_COULL};
        double[] rates = {0.5, 0.9, 0.95, 0.99, 1.0, 0.0};
        double[] margins = {0.05, 0.03, 0.025};
        double[] levels = {0.95, 0.9};
        for (IntervalMethod method : methods) {
            for (double confidence : levels) {
                SampleSizePlanner planner = FRACTIONS.with(method).withConfidence(confidence);
                for (double p : rates) {
                    for (double m : margins) {
                        SampleSize size = planner.plan(m, p);
                        long n = size.audited();
                        String what = method + " " + confidence + " " + p + " " + m + " n=" + n;
                        assertTrue(margin(method, confidence, n, p) <= m, what);
                        assertEquals(margin(method, confidence, n, p), size.margin(), 0, what);
                        // every smaller count, the one before included, misses the target
                        for (long smaller = 1; smaller < n; smaller++) {
                            assertTrue(margin(method, confidence, smaller, p) > m, what + " at " + smaller);
                        }
                        if (n > 1) {
                            assertEquals(margin(method, confidence, n - 1, p), size.marginOneFewer().getAsDouble(), 0);
                        }
                        assertEquals(Math.round(n * p), size.expectedRecorded(), what);
                    }
                }
            }
        }
    }

    /** The larger half-width of the method's interval at x = round(n p), from IntervalMethod itself. */
    private static double margin(IntervalMethod method, double confidence, long n, double p) {
        long x = (long) Math.floor(n * p + 0.5);
        Interval interval = method.interval(x, n, confidence);
        double rate = (double) x / n;
        return Math.max(rate - interval.lower(), interval.upper() - rate);
    }

    @Test
    void marginsOfExactMethodsAreNotMonotone() {
        // why the search looks at every count: Clopper-Pearson at 90% expected is a saw-tooth in n
        int rises = 0;
        for (long n = 100; n < 300; n++) {
            if (margin(IntervalMethod.CLOPPER_PEARSON, 0.95, n + 1, 0.9) > margin(IntervalMethod.CLOPPER_PEARSON, 0.95, n, 0.9)) {
                rises++;
            }
        }
        assertTrue(rises > 10, "rises: " + rises);
    }

    @Test
    void hypergeometricClopperPearsonAgainstExactRationalTails() {
        // small populations, where every tail can be summed exactly as a ratio of binomial coefficients
        long[] populations = {40, 97};
        double[] rates = {0.9, 0.75, 1.0};
        double[] margins = {0.1, 0.06};
        SampleSizePlanner cp = FRACTIONS.with(IntervalMethod.CLOPPER_PEARSON);
        for (long big : populations) {
            for (double p : rates) {
                for (double m : margins) {
                    SampleSize size = cp.plan(m, p, big);
                    long n = size.audited();
                    String what = "N=" + big + " p=" + p + " m=" + m + " n=" + n;
                    // the answer and the count before it, exactly
                    assertTrue(exactHypergeometricMargin(n, p, big, 0.025) <= m, what);
                    assertTrue(exactHypergeometricMargin(n - 1, p, big, 0.025) > m, what);
                    assertEquals(exactHypergeometricMargin(n, p, big, 0.025), size.margin(), 1e-15, what);
                    // no smaller count was skipped (the planner's margin, checked exactly above and below)
                    for (long smaller = 1; smaller < n; smaller++) {
                        assertTrue(cp.margin(smaller, p, big) > m, what + " at " + smaller);
                    }
                }
            }
        }
        // the margin function itself, exactly, at counts across the range
        for (long n = 1; n <= 97; n += 8) {
            assertEquals(exactHypergeometricMargin(n, 0.8, 97, 0.025), cp.margin(n, 0.8, 97), 1e-15, "n=" + n);
        }
    }

    /**
     * The hypergeometric Clopper-Pearson margin by definition: the K accepted by both one-sided
     * tests at level tail, tails summed exactly as sum C(K, j) C(N - K, n - j) / C(N, n).
     */
    private static double exactHypergeometricMargin(long n, double p, long big, double tail) {
        long x = (long) Math.floor(n * p + 0.5);
        BigDecimal level = BigDecimal.valueOf(tail);
        long lower = -1;
        long upper = -1;
        for (long k = 0; k <= big; k++) {
            boolean acceptedBelow = x == 0 || ExactCounts.hypergeometric(x, n, n, k, big).compareTo(level) > 0;
            boolean acceptedAbove = x == n || ExactCounts.hypergeometric(0, x, n, k, big).compareTo(level) > 0;
            if (acceptedBelow && acceptedAbove) {
                if (lower < 0) {
                    lower = k;
                }
                upper = k;
            }
        }
        double rate = (double) x / n;
        return Math.max(rate - (double) lower / big, (double) upper / big - rate);
    }

    @Test
    void wilsonWithPopulationIsTheScoreIntervalWithFinitePopulationCorrection() {
        // solve (x/n - p)^2 = z^2 p (1-p)/n (N-n)/(N-1) directly: a quadratic in p
        long big = 2_000;
        SampleSize size = PLANNER.with(IntervalMethod.WILSON).plan(2.5, 90, big);
        for (long n : new long[] {size.audited(), size.audited() - 1, 300, 1_999}) {
            long x = (long) Math.floor(n * 0.9 + 0.5);
            double rate = (double) x / n;
            double c = Z95 * Z95 / n * (big - n) / (big - 1.0);
            // (1 + c) p^2 - (2 rate + c) p + rate^2 = 0
            double a = 1 + c;
            double b = -(2 * rate + c);
            double root = Math.sqrt(b * b - 4 * a * rate * rate);
            double lower = (-b - root) / (2 * a);
            double upper = (-b + root) / (2 * a);
            double expected = Math.max(rate - lower, upper - rate);
            assertEquals(expected, PLANNER.with(IntervalMethod.WILSON).margin(n, 90, big), 1e-12, "n=" + n);
        }
        assertTrue(size.margin() <= 0.025 && size.marginOneFewer().getAsDouble() > 0.025);
    }

    @Test
    void finitePopulationNeedsFewerAndTendsToTheBinomialSize() {
        for (IntervalMethod method : new IntervalMethod[] {IntervalMethod.CLOPPER_PEARSON, IntervalMethod.MID_P,
                IntervalMethod.JEFFREYS, IntervalMethod.WILSON}) {
            long infinite = PLANNER.with(method).plan(2.5, 90).audited();
            long small = PLANNER.with(method).plan(2.5, 90, 2_000).audited();
            long huge = PLANNER.with(method).plan(2.5, 90, 1_000_000_000L).audited();
            assertTrue(small < infinite, method + ": " + small + " vs " + infinite);
            // a billion records: the same answer as sampling with replacement, give or take the saw's teeth
            assertTrue(Math.abs(huge - infinite) <= 2, method + ": " + huge + " vs " + infinite);
        }
        // a census has margin 0
        assertEquals(0, PLANNER.with(IntervalMethod.CLOPPER_PEARSON).margin(50, 90, 50));
    }

    @Test
    void largeAnswersAreTheFirstCountToo() {
        // 0.15 points at 90%: the Wald size is about 154,000; Clopper-Pearson's blocks of counts are
        // skipped by their bound, and the counts just before the answer are checked here one by one
        SampleSize size = PLANNER.with(IntervalMethod.CLOPPER_PEARSON).plan(0.15, 90);
        long n = size.audited();
        assertTrue(size.margin() <= 0.0015 && size.marginOneFewer().getAsDouble() > 0.0015);
        // the counts just below also miss the target (a window of the scan checked here)
        for (long smaller = n - 200; smaller < n; smaller++) {
            assertTrue(margin(IntervalMethod.CLOPPER_PEARSON, 0.95, smaller, 0.9) > 0.0015, "at " + smaller);
        }
    }

    /**
     * The block search (Clopper-Pearson, mid-p, Jeffreys, Wilson) at answers of a few thousand:
     * every smaller count misses the target, by IntervalMethod itself at each count (a plain scan
     * written in the test).
     */
    @Test
    void blocksSkippedByTheirBoundHideNoAnswer() {
        IntervalMethod[] methods = {IntervalMethod.WILSON, IntervalMethod.CLOPPER_PEARSON, IntervalMethod.JEFFREYS,
            IntervalMethod.MID_P};
        for (IntervalMethod method : methods) {
            for (double[] target : new double[][] {{1.5, 50}, {0.9, 96.5}, {0.4, 99.5}, {2, 3}}) {
                SampleSize size = PLANNER.with(method).plan(target[0], target[1]);
                double m = target[0] / 100;
                double p = target[1] / 100;
                long n = size.audited();
                String what = method + " " + target[0] + " at " + target[1] + ": n=" + n;
                assertTrue(margin(method, 0.95, n, p) <= m, what);
                for (long smaller = 1; smaller < n; smaller++) {
                    if (margin(method, 0.95, smaller, p) <= m) {
                        throw new AssertionError(what + " but " + smaller + " reaches it");
                    }
                }
            }
        }
        // with a population: hypergeometric Clopper-Pearson and mid-p, every smaller count by the margin
        for (IntervalMethod method : new IntervalMethod[] {IntervalMethod.CLOPPER_PEARSON, IntervalMethod.MID_P}) {
            SampleSize size = PLANNER.with(method).plan(4, 85, 3_000);
            long n = size.audited();
            for (long smaller = 1; smaller < n; smaller++) {
                assertTrue(PLANNER.with(method).margin(smaller, 85, 3_000) > 0.04, method + " n=" + n + " at " + smaller);
            }
        }
    }

    /** Issue 16: 0.01 points from 10^8 records by Clopper-Pearson ran for minutes; now refused at once. */
    @Test
    void hypergeometricSearchesBeyondTheirLimitAreRefused() {
        for (IntervalMethod method : new IntervalMethod[] {IntervalMethod.CLOPPER_PEARSON, IntervalMethod.MID_P}) {
            for (double[] target : new double[][] {{0.01, 50, 1e8}, {0.3, 50, 1e7}, {0.2, 90, 1e9}}) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> PLANNER.with(method).plan(target[0], target[1], (long) target[2]));
                assertTrue(e.getMessage().contains("method (" + method.token() + ")")
                        && e.getMessage().contains("50,000"), e.getMessage());
            }
        }
        // the other methods plan such sizes with the population
        assertTrue(PLANNER.with(IntervalMethod.WILSON).plan(0.3, 50, 10_000_000).audited() > 100_000);
    }

    /** Targets are percent; both looking like fractions is refused with the library's one hint. */
    @Test
    void targetsAreInPercentAndFractionsAreRefusedWithTheHint() {
        assertEquals(FRACTIONS.plan(0.025, 0.9), PLANNER.plan(2.5, 90));
        assertEquals(0.025, PLANNER.plan(2.5, 90).targetMargin());
        assertEquals(0.9, PLANNER.plan(2.5, 90).expected());
        for (double[] fractions : new double[][] {{0.03, 0.9}, {0.025, 0.5}, {0.5, 1}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> PLANNER.plan(fractions[0], fractions[1]));
            assertTrue(e.getMessage().startsWith("margin (" + fractions[0] + ") and expected ("), e.getMessage());
            assertTrue(e.getMessage().contains("look like fractions, but planning targets are taken in percent: write "
                    + new BigDecimal(Double.toString(fractions[0])).movePointRight(2).stripTrailingZeros().toPlainString()
                    + " and "), e.getMessage());
            assertTrue(e.getMessage().contains("SampleSizePlanner.inFractions()"), e.getMessage());
        }
        // a margin below a point with a rate in percent is percent: 0.5 points at 90%
        assertEquals(FRACTIONS.plan(0.005, 0.9), PLANNER.plan(0.5, 90));
        // an expected rate alone (the margin at a count)
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PLANNER.margin(500, 0.9));
        assertTrue(e.getMessage().contains("expected (0.9) looks like a fraction"), e.getMessage());
        assertEquals(FRACTIONS.margin(500, 0.9), PLANNER.margin(500, 90));
    }

    @Test
    void badArgumentsNameThemselves() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PLANNER.plan(0, 90));
        assertTrue(e.getMessage().contains("margin (0)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PLANNER.plan(2, 120));
        assertTrue(e.getMessage().contains("expected (120)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PLANNER.plan(2, 90, 0));
        assertTrue(e.getMessage().contains("population (0)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PLANNER.with(IntervalMethod.LOGIT).plan(2, 90, 100));
        assertTrue(e.getMessage().contains("logit"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PLANNER.plan(0.001, 50));
        assertTrue(e.getMessage().contains("10,000,000"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FRACTIONS.plan(0.02, 1.2));
        assertTrue(e.getMessage().contains("expected (1.2)"), e.getMessage());
    }
}
