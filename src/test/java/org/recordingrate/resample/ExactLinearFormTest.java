package org.recordingrate.resample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * {@link ExactLinearForm}, L(X) = sum c_k X_k with rational c_k = num_k/den_k, whose sign of
 * L(X) - L(x) decides ties in the permutation and exact tests: checked against the sign computed
 * here over the common denominator in {@code BigInteger}, in both of its exact paths (long
 * multipliers when the bound allows, {@code BigInteger} beyond), and its double value and band
 * against their definitions.
 */
class ExactLinearFormTest {

    @Test
    void signsAreExactInLongArithmetic() {
        BigInteger[] num = {BigInteger.valueOf(3), BigInteger.valueOf(-7), BigInteger.valueOf(5)};
        BigInteger[] den = {BigInteger.valueOf(10), BigInteger.valueOf(15), BigInteger.valueOf(6)};
        long[] observed = {4, 6, 9};
        long[] bounds = {10, 12, 9};
        ExactLinearForm form = new ExactLinearForm(num, den, observed, bounds);
        assertTrue(form.fitsInLong());
        assertEquals(3, form.size());
        assertEquals(0.3, form.coefficient(0), 0.0);
        assertEquals(-7 / 15.0, form.coefficient(1), 0.0);
        assertEquals(5 / 6.0, form.coefficient(2), 0.0);
        // the common denominator is lcm(10, 15, 6) = 30: multipliers 9, -14, 25
        assertEquals(9, form.longMultiplier(0));
        assertEquals(-14, form.longMultiplier(1));
        assertEquals(25, form.longMultiplier(2));
        assertEquals(0.3 * 4 + -7 / 15.0 * 6 + 5 / 6.0 * 9, form.observedValue(), 0.0);
        double scale = 0.3 * (4 + 10) + 7 / 15.0 * (6 + 12) + 5 / 6.0 * (9 + 9);
        assertEquals(64.0 * 4 * Math.ulp(scale), form.band(), 0.0, "64 (k + 1) ulps of the largest partial sum");
        assertSignsAgree(form, num, den, observed, bounds);
    }

    @Test
    void signsAreExactInBigIntegersBeyondLongs() {
        BigInteger big = BigInteger.valueOf(1_000_003L).multiply(BigInteger.valueOf(999_983L));
        BigInteger[] num = {big, big.negate().add(BigInteger.ONE)};
        BigInteger[] den = {big.add(BigInteger.TWO), big.add(BigInteger.valueOf(4))};
        long[] observed = {40_000, 41_000};
        long[] bounds = {40_000_000_000L, 40_000_000_000L};
        ExactLinearForm form = new ExactLinearForm(num, den, observed, bounds);
        assertFalse(form.fitsInLong(), "the bound needs more than 62 bits");
        assertSignsAgree(form, num, den, observed, new long[] {40_000, 41_000});
        // the two coefficients nearly cancel: counts that move both by one differ only exactly
        assertEquals(expectedSign(num, den, observed, new long[] {40_001, 41_001}),
                form.sign(new long[] {40_001, 41_001}));
    }

    private static void assertSignsAgree(ExactLinearForm form, BigInteger[] num, BigInteger[] den, long[] observed,
                                         long[] bounds) {
        SplittableRandom random = new SplittableRandom(17);
        int zeros = 0;
        for (int trial = 0; trial < 5_000; trial++) {
            long[] counts = new long[observed.length];
            for (int i = 0; i < counts.length; i++) {
                long spread = Math.min(bounds[i], 6);
                counts[i] = Math.max(0, observed[i] + random.nextLong(-spread, spread + 1));
            }
            int expected = expectedSign(num, den, observed, counts);
            zeros += expected == 0 ? 1 : 0;
            assertEquals(expected, form.sign(counts), java.util.Arrays.toString(counts));
            assertEquals(expected, form.sign(form.value(counts), counts), java.util.Arrays.toString(counts));
        }
        assertEquals(0, form.sign(observed.clone()));
        assertTrue(zeros > 0, "some ties were tried");
        // outside the band the double decides, inside the exact sign: at the observed counts it is 0
        assertEquals(0, form.sign(form.observedValue() + form.band() / 2, observed));
        assertEquals(1, form.sign(form.observedValue() + 2 * form.band(), observed));
        assertEquals(-1, form.sign(form.observedValue() - 2 * form.band(), observed));
    }

    /** sign(sum num_k/den_k (X_k - x_k)) over the product of the denominators. */
    private static int expectedSign(BigInteger[] num, BigInteger[] den, long[] observed, long[] counts) {
        BigInteger product = BigInteger.ONE;
        for (BigInteger d : den) {
            product = product.multiply(d);
        }
        BigInteger total = BigInteger.ZERO;
        for (int i = 0; i < num.length; i++) {
            total = total.add(num[i].multiply(product.divide(den[i])).multiply(BigInteger.valueOf(counts[i] - observed[i])));
        }
        return total.signum();
    }
}
