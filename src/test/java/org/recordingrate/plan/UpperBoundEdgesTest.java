package org.recordingrate.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.recordingrate.error.ArgumentException;

/**
 * The upper bounds an attribute sample size reports, and its risk at one fewer at the edges, each
 * computed here from the definitions: the binomial Clopper-Pearson one-sided bound is the p_U with
 * P(X &lt;= e; n, p_U) = alpha (found by bisection on the binomial sum written here); the
 * hypergeometric bound is the largest D with P(X &lt;= e | N, D, n) &gt; alpha, the sums exact
 * ratios of binomial coefficients ({@link ExactCounts}).
 */
class UpperBoundEdgesTest {

    /** sum_{k <= e} C(n, k) p^k q^(n-k), by the ratio recurrence from q^n. */
    private static double binomialAtMost(long e, long n, double p) {
        double term = Math.pow(1 - p, n);
        double sum = term;
        for (long k = 1; k <= e; k++) {
            term *= (double) (n - k + 1) / k * p / (1 - p);
            sum += term;
        }
        return sum;
    }

    /** The p with binomialAtMost(e, n, p) = alpha, by bisection (the sum falls in p). */
    private static double clopperPearsonUpper(long e, long n, double alpha) {
        double low = 0;
        double high = 1;
        for (int step = 0; step < 200; step++) {
            double middle = (low + high) / 2;
            if (binomialAtMost(e, n, middle) > alpha) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return (low + high) / 2;
    }

    @Test
    void binomialUpperBoundIsClopperPearsons() {
        UpperBoundPlanner planner = UpperBoundPlanner.withDefaults();
        for (double[] c : new double[][] {{5, 0}, {5, 1}, {5, 3}, {10, 2}, {2, 4}, {20, 0}}) {
            UpperBoundSize size = planner.plan(c[0], (long) c[1]);
            String what = c[0] + "% with " + (long) c[1] + ": " + size;
            assertEquals(clopperPearsonUpper((long) c[1], size.audited(), 0.05), size.upperBound(), 1e-9, what);
            assertTrue(size.upperBound() <= c[0] / 100, what);
            assertEquals(0.95, size.confidence());
            assertEquals((long) c[1], size.expectedErrors());
            assertFalse(size.population().isPresent());
        }
        // at 90% one-sided: 1 - 0.1^(1/22) for 0 of 22 (0.9^22 = 0.0985 <= 0.1 < 0.9^21 = 0.109)
        UpperBoundSize ninety = planner.withConfidence(0.9).plan(10, 0);
        assertEquals(22, ninety.audited());
        assertEquals(1 - Math.pow(0.1, 1.0 / 22), ninety.upperBound(), 1e-13);
        assertEquals(0.9, planner.withConfidence(0.9).confidence());
    }

    @Test
    void hypergeometricUpperBoundIsTheLargestCountNotRuledOut() {
        UpperBoundPlanner planner = UpperBoundPlanner.withDefaults().inFractions();
        BigDecimal alpha = new BigDecimal("0.05");
        for (long big : new long[] {30, 100, 400}) {
            for (double tolerable : new double[] {0.1, 0.05, 0.2}) {
                for (long errors = 0; errors <= 2; errors++) {
                    if ((long) Math.ceil(tolerable * big) <= errors) {
                        continue;
                    }
                    UpperBoundSize size = planner.plan(tolerable, errors, big);
                    long n = size.audited();
                    long largest = errors;
                    for (long d = errors; d <= big; d++) {
                        if (ExactCounts.hypergeometric(0, errors, n, d, big).compareTo(alpha) > 0) {
                            largest = d;
                        }
                    }
                    String what = "N=" + big + " " + tolerable + " e=" + errors + " n=" + n;
                    assertEquals((double) largest / big, size.upperBound(), 1e-15, what);
                    assertEquals(big, size.population().getAsLong(), what);
                }
            }
        }
        // 30 records at 4%, 99%: D0 = ceil(1.2) = 2, P(X = 0) = C(28, n)/C(30, n) = (30 - n)(29 - n)/870,
        // at most 0.01 first at n = 27 (6/870; 12/870 at 26)
        UpperBoundSize census = planner.withConfidence(0.99).plan(0.04, 0, 30);
        assertEquals(27, census.audited());
        assertEquals(6.0 / 870, census.risk(), 1e-15);
        assertEquals(12.0 / 870, census.riskOneFewer().getAsDouble(), 1e-15);
        // at 27 of 30 with none found, D = 1 leaves P(X = 0) = 3/30 > 0.01, D = 2 leaves 6/870
        assertEquals(1.0 / 30, census.upperBound(), 1e-15);
    }

    @Test
    void riskOneFewerIsGivenWhenOneFewerCanStillHoldTheErrors() {
        UpperBoundPlanner planner = UpperBoundPlanner.withDefaults();
        // 96%: one record with none unrecorded already gives 0.04 <= 0.05; there is no count below 1
        UpperBoundSize one = planner.plan(96, 0);
        assertEquals(1, one.audited());
        assertEquals(0.04, one.risk(), 1e-15);
        assertTrue(one.riskOneFewer().isEmpty());
        // 98% with 1 allowed: P(X <= 1; 2, 0.98) = 1 - 0.98^2 = 0.0396; one fewer holds the one error: risk 1
        UpperBoundSize two = planner.plan(98, 1);
        assertEquals(2, two.audited());
        assertEquals(1 - 0.98 * 0.98, two.risk(), 1e-15);
        assertEquals(1, two.riskOneFewer().getAsDouble(), 0);
        // with a population of 10, D0 = 10 at 96%: every record unrecorded, one audited shows it
        UpperBoundSize whole = planner.plan(96, 0, 10);
        assertEquals(1, whole.audited());
        assertEquals(0, whole.risk());
        assertTrue(whole.riskOneFewer().isEmpty());
        // D0 = 10 of 10 with 1 allowed: two audited find 2 for certain; one fewer finds 1 (risk 1)
        UpperBoundSize pair = planner.plan(96, 1, 10);
        assertEquals(2, pair.audited());
        assertEquals(1, pair.riskOneFewer().getAsDouble(), 0);
    }

    @Test
    void expectedErrorsAreCheckedWithAPopulationToo() {
        UpperBoundPlanner planner = UpperBoundPlanner.withDefaults();
        ArgumentException e = assertThrows(ArgumentException.class, () -> planner.plan(5, -2, 1_000));
        assertEquals("expectedErrors", e.argument());
        assertEquals("expected errors (-2) must not be negative", e.getMessage());
        long huge = 1L << 53;
        e = assertThrows(ArgumentException.class, () -> planner.plan(5, huge, 1L << 53));
        assertTrue(e.getMessage().startsWith("expected errors (" + huge + ") must be below 2^53"), e.getMessage());
    }

    @Test
    void plannersSayWhatTheyPlan() {
        assertEquals("attribute sample size: 95% one-sided", UpperBoundPlanner.withDefaults().toString());
        assertEquals("attribute sample size: 90% one-sided, tolerable share in fractions",
                UpperBoundPlanner.withDefaults().withConfidence(0.9).inFractions().toString());
        assertEquals(0.95, UpperBoundPlanner.withDefaults().inFractions().confidence());
    }
}
