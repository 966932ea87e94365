package org.recordingrate.plan;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * Hypergeometric probabilities in exact integer arithmetic, for the tests: written from the
 * definition P(X = j) = C(K, j) C(N - K, n - j) / C(N, n), independently of the library's
 * {@code internal.Hypergeometric}.
 */
final class ExactCounts {

    private ExactCounts() {
    }

    /** P(from &lt;= X &lt;= to) for X the recorded in a sample of n from N holding K recorded, to 34 digits. */
    static BigDecimal hypergeometric(long from, long to, long n, long k, long big) {
        BigInteger sum = BigInteger.ZERO;
        for (long j = Math.max(0, from); j <= Math.min(n, to); j++) {
            sum = sum.add(choose(k, j).multiply(choose(big - k, n - j)));
        }
        return new BigDecimal(sum).divide(new BigDecimal(choose(big, n)), MathContext.DECIMAL128);
    }

    /** C(n, k), 0 outside 0 &lt;= k &lt;= n. */
    static BigInteger choose(long n, long k) {
        if (k < 0 || k > n) {
            return BigInteger.ZERO;
        }
        BigInteger value = BigInteger.ONE;
        for (long i = 0; i < k; i++) {
            value = value.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        }
        return value;
    }
}
