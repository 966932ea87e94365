package org.recordingrate.compare;

import java.math.BigInteger;

/**
 * Binomial coefficients for the tests' brute-force oracles, written independently of the code
 * under test ({@code ExactArithmetic.binomial} multiplies balanced range products and divides
 * once): here the multiplicative formula C(n, k) = prod_{i=1..k} (n - k + i) / i, each partial
 * product an exact integer (it is C(n - k + i, i)), so every division is exact.
 */
final class Choose {

    private Choose() {
    }

    /** C(n, k) exactly; 0 when k &lt; 0 or k &gt; n. */
    static BigInteger of(long n, long k) {
        if (k < 0 || k > n) {
            return BigInteger.ZERO;
        }
        long m = Math.min(k, n - k);
        BigInteger result = BigInteger.ONE;
        for (long i = 1; i <= m; i++) {
            result = result.multiply(BigInteger.valueOf(n - m + i)).divide(BigInteger.valueOf(i));
        }
        return result;
    }
}
