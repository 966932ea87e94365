package org.recordingrate.internal;

import java.math.BigInteger;

/**
 * Integer arithmetic that never rounds, for the few decisions that floating point cannot make
 * safely: whether two products of counts are equal, and exact binomial coefficients for breaking
 * near-ties between probabilities.
 */
public final class ExactArithmetic {

    /** Below this many factors a range product is multiplied out one factor at a time. */
    private static final int SEQUENTIAL_FACTORS = 16;

    private ExactArithmetic() {
    }

    /**
     * The sign of {@code a*b - c*d} for non-negative arguments, computed on the full 128-bit
     * products (so {@code a*b} may exceed {@link Long#MAX_VALUE}).
     *
     * @return negative, zero or positive as {@code a*b} is less than, equal to or greater than
     *         {@code c*d}
     */
    public static int compareProducts(long a, long b, long c, long d) {
        // For operands below 2^63 the signed high word equals the unsigned one.
        long high1 = Math.multiplyHigh(a, b);
        long high2 = Math.multiplyHigh(c, d);
        if (high1 != high2) {
            return Long.compare(high1, high2);
        }
        return Long.compareUnsigned(a * b, c * d);
    }

    /**
     * {@code a*b - c*d} rounded once to the nearest double, for any long arguments (the products
     * may overflow a long; then BigInteger is used).
     */
    public static double crossDifference(long a, long b, long c, long d) {
        long high1 = Math.multiplyHigh(a, b);
        long high2 = Math.multiplyHigh(c, d);
        long low1 = a * b;
        long low2 = c * d;
        // Both products fit in a long when the high word is the sign extension of the low word.
        if (high1 == (low1 >> 63) && high2 == (low2 >> 63)) {
            long difference = low1 - low2;
            // Overflow of the subtraction happens only when the operands' signs differ and the
            // result's sign differs from the minuend's.
            if (((low1 ^ low2) & (low1 ^ difference)) >= 0) {
                return difference;
            }
        }
        return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b))
                .subtract(BigInteger.valueOf(c).multiply(BigInteger.valueOf(d))).doubleValue();
    }

    /**
     * The product {@code from * (from+1) * ... * to}, by binary splitting (balanced operands keep
     * BigInteger's sub-quadratic multiplication effective); 1 when {@code from > to}.
     *
     * @param from first factor, at least 1
     * @param to   last factor
     */
    public static BigInteger rangeProduct(long from, long to) {
        if (from > to) {
            return BigInteger.ONE;
        }
        if (to - from < SEQUENTIAL_FACTORS) {
            BigInteger product = BigInteger.valueOf(from);
            for (long factor = from + 1; factor <= to; factor++) {
                product = product.multiply(BigInteger.valueOf(factor));
            }
            return product;
        }
        long middle = from + (to - from) / 2;
        return rangeProduct(from, middle).multiply(rangeProduct(middle + 1, to));
    }

    /**
     * The binomial coefficient C(n, k) exactly; 0 when {@code k < 0} or {@code k > n}.
     */
    public static BigInteger binomial(long n, long k) {
        if (k < 0 || k > n) {
            return BigInteger.ZERO;
        }
        long smaller = Math.min(k, n - k);
        return rangeProduct(n - smaller + 1, n).divide(rangeProduct(1, smaller));
    }
}
