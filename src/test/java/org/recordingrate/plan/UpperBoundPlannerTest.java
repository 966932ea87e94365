package org.recordingrate.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.recordingrate.error.ArgumentException;

/**
 * Zero-error and one-sided attribute sample sizes against the binomial and hypergeometric
 * formulas, each written here: (1 - p)^n &lt;= alpha with e = 0; the binomial sum
 * sum_{k &lt;= e} C(n, k) p^k (1 - p)^(n - k) and the hypergeometric sum
 * sum_{k &lt;= e} C(D, k) C(N - D, n - k) / C(N, n) in exact rational arithmetic otherwise.
 */
class UpperBoundPlannerTest {

    private static final UpperBoundPlanner FRACTIONS = UpperBoundPlanner.withDefaults().inFractions();
    private static final UpperBoundPlanner PLANNER = UpperBoundPlanner.withDefaults();

    @Test
    void fiftyNineRecordsShowUnderFivePercentWithNoneFound() {
        // 0.95^59 = 0.04849 <= 0.05 < 0.95^58 = 0.05105
        UpperBoundSize size = PLANNER.plan(5, 0);
        assertEquals(59, size.audited());
        assertEquals(0.05, size.tolerable());
        assertEquals(Math.pow(0.95, 59), size.risk(), 1e-15);
        assertEquals(Math.pow(0.95, 58), size.riskOneFewer().getAsDouble(), 1e-15);
        // the one-sided Clopper-Pearson bound for 0 of 59 is 1 - 0.05^(1/59), below 5%
        assertEquals(1 - Math.pow(0.05, 1.0 / 59), size.upperBound(), 1e-14);
    }

    @Test
    void zeroErrorSizesAreTheClosedForm() {
        for (double tolerable : new double[] {0.2, 0.1, 0.05, 0.03, 0.02, 0.01, 0.001}) {
            for (double confidence : new double[] {0.8, 0.9, 0.95, 0.99}) {
                long n = (long) Math.ceil(Math.log(1 - confidence) / Math.log(1 - tolerable));
                assertEquals(n, FRACTIONS.withConfidence(confidence).plan(tolerable, 0).audited(),
                        tolerable + " at " + confidence);
            }
        }
    }

    @Test
    void sizesWithErrorsAgainstTheBinomialSum() {
        for (double tolerable : new double[] {0.1, 0.05, 0.02}) {
            for (long errors = 0; errors <= 4; errors++) {
                UpperBoundSize size = FRACTIONS.plan(tolerable, errors);
                long n = size.audited();
                assertTrue(binomialAtMost(errors, n, tolerable) <= 0.05, tolerable + " " + errors + " at " + n);
                assertTrue(binomialAtMost(errors, n - 1, tolerable) > 0.05, tolerable + " " + errors + " at " + (n - 1));
                assertEquals(binomialAtMost(errors, n, tolerable), size.risk(), 1e-12);
            }
        }
        // e = 1 at 5%: 0.95^93 + 93 (0.05) 0.95^92 = 0.0498
        assertEquals(93, PLANNER.plan(5, 1).audited());
    }

    /** sum_{k <= e} C(n, k) p^k q^(n-k), terms by the ratio recurrence from q^n. */
    private static double binomialAtMost(long e, long n, double p) {
        double term = Math.pow(1 - p, n);
        double sum = term;
        for (long k = 1; k <= e; k++) {
            term *= (double) (n - k + 1) / k * p / (1 - p);
            sum += term;
        }
        return sum;
    }

    @Test
    void hypergeometricSizesAgainstExactSums() {
        for (long big : new long[] {20, 100, 400, 1_000}) {
            for (double tolerable : new double[] {0.1, 0.05}) {
                for (long errors = 0; errors <= 2; errors++) {
                    long d0 = (long) Math.ceil(tolerable * big);
                    if (d0 <= errors) {
                        continue;
                    }
                    UpperBoundSize size = FRACTIONS.plan(tolerable, errors, big);
                    long n = size.audited();
                    String what = "N=" + big + " " + tolerable + " e=" + errors + " n=" + n;
                    BigDecimal alpha = new BigDecimal("0.05");
                    assertTrue(ExactCounts.hypergeometric(0, errors, n, d0, big).compareTo(alpha) <= 0, what);
                    assertTrue(ExactCounts.hypergeometric(0, errors, n - 1, d0, big).compareTo(alpha) > 0, what);
                    assertEquals(ExactCounts.hypergeometric(0, errors, n, d0, big).doubleValue(), size.risk(), 1e-12, what);
                    assertEquals(d0, size.tolerableCount().getAsLong());
                    assertTrue(size.upperBound() < tolerable, what);
                }
            }
        }
        // e = 0: C(N - D, n)/C(N, n) = prod_{i < n} (N - D - i)/(N - i); 1,000 records, D0 = 50
        UpperBoundSize thousand = PLANNER.plan(5, 0, 1_000);
        double product = 1;
        for (long i = 0; i < thousand.audited(); i++) {
            product *= (1_000.0 - 50 - i) / (1_000.0 - i);
        }
        assertEquals(product, thousand.risk(), 1e-13);
        assertTrue(thousand.audited() < 59, "fewer than the binomial 59 from a finite population");
    }

    @Test
    void impossiblePlansAreRefused() {
        // 2% of 100 records is 2 unrecorded: finding 2 can never rule 2 out
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PLANNER.plan(2, 2, 100));
        assertTrue(e.getMessage().contains("expected errors (2)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PLANNER.plan(5, -1));
        assertTrue(e.getMessage().contains("-1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PLANNER.plan(150, 0));
        assertTrue(e.getMessage().contains("tolerable (150)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FRACTIONS.plan(1.5, 0));
        assertTrue(e.getMessage().contains("tolerable (1.5)"), e.getMessage());
    }

    /**
     * Issue 16: {@code plan(0.05, Long.MAX_VALUE)} and {@code --expected-errors 9223372036854775807}
     * overflowed a long with a stack trace; every count is now kept within 2^53 and refused past it,
     * naming the argument.
     */
    @Test
    void hugeExpectedErrorsAreRefusedNamingTheArgument() {
        for (long errors : new long[] {Long.MAX_VALUE, Long.MAX_VALUE / 2, 1L << 53, (1L << 53) + 1}) {
            for (UpperBoundPlanner planner : new UpperBoundPlanner[] {PLANNER, PLANNER.withConfidence(0.99)}) {
                ArgumentException e = assertThrows(ArgumentException.class, () -> planner.plan(5, errors));
                assertEquals("expectedErrors", e.argument());
                assertTrue(e.getMessage().contains("expected errors (" + errors + ")"), e.getMessage());
                e = assertThrows(ArgumentException.class, () -> planner.plan(5, errors, 1_000));
                assertEquals("expectedErrors", e.argument());
            }
        }
        // below 2^53 but needing more than 2^53 audited: refused naming the tolerable share and the limit
        for (long errors : new long[] {1L << 52, 1L << 50}) {
            ArgumentException e = assertThrows(ArgumentException.class, () -> PLANNER.plan(5, errors));
            assertEquals("tolerable", e.argument());
            assertTrue(e.getMessage().contains("2^53") && e.getMessage().contains(errors + " expected errors"),
                    e.getMessage());
        }
        // a population past 2^53
        ArgumentException e = assertThrows(ArgumentException.class, () -> PLANNER.plan(5, 0, Long.MAX_VALUE));
        assertTrue(e.getMessage().contains("population (" + Long.MAX_VALUE + ")"), e.getMessage());
        // large but supported: e errors among n, with n about e / p_t
        UpperBoundSize big = PLANNER.plan(50, 1_000_000_000L);
        assertTrue(big.risk() <= 0.05 && big.riskOneFewer().getAsDouble() > 0.05, big.toString());
    }

    /** The tolerable share is percent; a fraction-looking one is refused with the library's one hint. */
    @Test
    void tolerableShareIsPercent() {
        assertEquals(FRACTIONS.plan(0.05, 0), PLANNER.plan(5, 0));
        for (double fraction : new double[] {0.05, 0.1, 0.5}) {
            ArgumentException e = assertThrows(ArgumentException.class, () -> PLANNER.plan(fraction, 0));
            assertTrue(e.getMessage().startsWith("tolerable (" + fraction + ") looks like a fraction, but planning "
                    + "targets are taken in percent: write "), e.getMessage());
            assertTrue(e.getMessage().contains("UpperBoundPlanner.inFractions()"), e.getMessage());
        }
        // 1 percent cannot be a fraction (a share of 1 is not below 1): it is percent
        assertEquals(FRACTIONS.plan(0.01, 0), PLANNER.plan(1, 0));
    }
}
