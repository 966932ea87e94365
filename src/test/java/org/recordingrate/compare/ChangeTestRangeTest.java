package org.recordingrate.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;

import org.junit.jupiter.api.Test;
import org.recordingrate.model.Tally;

/**
 * Tests of change at the ends of the supported range: for any valid {@code long} tally every
 * test either computes a finite p-value in [0, 1] or refuses with an IllegalArgumentException
 * naming the argument, the value and the limit (never an overflow, an ArithmeticException or a
 * stack trace from deep inside). The z statistics at 2<sup>53</sup> audited per group are checked
 * against a 50-digit BigDecimal computation written here.
 */
class ChangeTestRangeTest {

    private static final long LIMIT = 1L << 53;
    private static final MathContext DIGITS = new MathContext(50);

    @Test
    void talliesAboveTwoToTheFiftyThreeAreRefusedByEveryTest() {
        long[] sizes = {LIMIT + 1, 1L << 62, Long.MAX_VALUE};
        for (ChangeTest test : ChangeTest.values()) {
            for (long n : sizes) {
                for (Alternative alternative : Alternative.values()) {
                    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                            () -> test.test(Tally.of(n / 2, n), Tally.of(n / 2 + 1, n), alternative), test.token());
                    assertTrue(e.getMessage().contains("audited before (" + n + ")") && e.getMessage().contains("2^53"),
                            e.getMessage());
                    e = assertThrows(IllegalArgumentException.class,
                            () -> test.test(Tally.of(5, 10), Tally.of(n - 1, n), alternative));
                    assertTrue(e.getMessage().contains("audited after (" + n + ")"), e.getMessage());
                }
            }
        }
    }

    @Test
    void fishersTestAtTwoToTheSixtyTwoIsRefusedNotCrashed() {
        // the issue: 2^62 audited crashed with a stack trace (long overflow in na + nb)
        long n = 1L << 62;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChangeTest.FISHER_EXACT.test(Tally.of(n / 2, n), Tally.of(n / 2, n), Alternative.TWO_SIDED));
        assertTrue(e.getMessage().contains(Long.toString(n)), e.getMessage());
    }

    @Test
    void fishersTestsHaveTheirOwnLimitOfTwoToTheFortyInAll() {
        long half = 1L << 39;
        for (ChangeTest test : new ChangeTest[] {ChangeTest.FISHER_EXACT, ChangeTest.FISHER_MID_P}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> test.test(Tally.of(half / 2, half), Tally.of(half / 2, half + 1), Alternative.TWO_SIDED));
            assertTrue(e.getMessage().contains("1099511627777 in all") && e.getMessage().contains("2^40")
                    && e.getMessage().contains("z_pooled"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> test.test(Tally.of(3, LIMIT), Tally.of(2, LIMIT), Alternative.IMPROVED));
            assertTrue(e.getMessage().contains("2^40"), e.getMessage());
        }
        // at the limit it computes, and agrees with the z-test to the first digits (for tables
        // this large Fisher's p-value is the normal one to O(1/sqrt(N)))
        Tally before = Tally.of(half / 2, half);
        Tally after = Tally.of(half / 2 + 700_000, half);
        double fisher = ChangeTest.FISHER_EXACT.test(before, after, Alternative.TWO_SIDED).pValue();
        double z = ChangeTest.Z_POOLED.test(before, after, Alternative.TWO_SIDED).pValue();
        assertEquals(z, fisher, 1e-3 * z);
    }

    @Test
    void unconditionalTestsRefuseLargeTalliesWithTheirLimits() {
        for (ChangeTest test : new ChangeTest[] {ChangeTest.BARNARD, ChangeTest.BOSCHLOO}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> test.test(Tally.of(1, LIMIT), Tally.of(1, LIMIT), Alternative.TWO_SIDED));
            assertTrue(e.getMessage().contains(Long.toString(LIMIT)) && e.getMessage().contains("at most"),
                    e.getMessage());
        }
    }

    @Test
    void zTestsAtTwoToTheFiftyThreeAreFiniteAndRight() {
        long[][] tables = {
            {LIMIT / 2, LIMIT, LIMIT / 2 + 150_000_000L, LIMIT},
            {1, LIMIT, 40, LIMIT},
            {LIMIT - 40, LIMIT, LIMIT - 1, LIMIT},
            {LIMIT / 3, LIMIT - 1, LIMIT / 3 + 12_345_678L, LIMIT},
        };
        for (long[] t : tables) {
            Tally before = Tally.of(t[0], t[1]);
            Tally after = Tally.of(t[2], t[3]);
            double expected = pooledZ(t[0], t[1], t[2], t[3]);
            TestResult pooled = ChangeTest.Z_POOLED.test(before, after, Alternative.TWO_SIDED);
            assertEquals(expected, pooled.statistic().orElseThrow(), 1e-12 * Math.abs(expected), before + " -> " + after);
            for (ChangeTest test : new ChangeTest[] {ChangeTest.Z_POOLED, ChangeTest.Z_UNPOOLED, ChangeTest.CHISQ_YATES}) {
                for (Alternative alternative : Alternative.values()) {
                    TestResult r = test.test(before, after, alternative);
                    assertTrue(Double.isFinite(r.statistic().orElseThrow()) && r.pValue() >= 0 && r.pValue() <= 1,
                            test + " " + alternative + " " + r);
                }
            }
        }
    }

    /** z = d / sqrt(pbar (1 - pbar)(1/na + 1/nb)) in 50-digit decimal arithmetic. */
    private static double pooledZ(long xb, long nb, long xa, long na) {
        BigDecimal pa = BigDecimal.valueOf(xa).divide(BigDecimal.valueOf(na), DIGITS);
        BigDecimal pb = BigDecimal.valueOf(xb).divide(BigDecimal.valueOf(nb), DIGITS);
        BigDecimal total = BigDecimal.valueOf(na).add(BigDecimal.valueOf(nb));
        BigDecimal pbar = BigDecimal.valueOf(xa).add(BigDecimal.valueOf(xb)).divide(total, DIGITS);
        BigDecimal inverse = BigDecimal.ONE.divide(BigDecimal.valueOf(na), DIGITS)
                .add(BigDecimal.ONE.divide(BigDecimal.valueOf(nb), DIGITS));
        BigDecimal variance = pbar.multiply(BigDecimal.ONE.subtract(pbar)).multiply(inverse, DIGITS);
        return pa.subtract(pb).divide(variance.sqrt(DIGITS), DIGITS).doubleValue();
    }
}
