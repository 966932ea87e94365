package org.recordingrate.internal;

import java.math.BigInteger;

/**
 * The conditional distribution of a 2x2 table given its margins: X, the recorded count of group
 * a (after), is hypergeometric,
 * {@code h(k) = C(na, k) C(nb, s - k) / C(na + nb, s)} on {@code max(0, s - nb) <= k <= min(na, s)},
 * where {@code s} is the total recorded.
 *
 * <p>The probabilities are computed as a ratio of three binomial probabilities at the pooled
 * rate {@code s/N} (as R's {@code dhyper} does), each by Loader's saddle-point method, so that
 * {@link #logPmf} keeps about 13 correct digits down to the smallest doubles; tails are summed
 * outwards from a term with the exact ratio recurrence
 * {@code h(k+1)/h(k) = (na - k)(s - k) / ((k + 1)(nb - s + k + 1))}.
 *
 * <p>h is strictly increasing up to the lower mode {@link #mode()}, then non-increasing, and
 * strictly decreasing from {@code mode + 1} on: only the two modes can have equal probabilities
 * on the same side of the peak. Immutable.
 */
public final class Hypergeometric {

    /** A tail sum stops when the rest is provably below this fraction of the sum so far. */
    private static final double NEGLIGIBLE = 1e-17;

    private final long na;
    private final long nb;
    private final long s;
    private final long lowest;
    private final long highest;
    private final long mode;
    private final double p;
    private final double q;
    private final double logDenominator;

    /**
     * @param na audited in group a (after), at least 1
     * @param nb audited in group b (before), at least 1
     * @param s  recorded in both groups, in [0, na + nb]
     */
    public Hypergeometric(long na, long nb, long s) {
        this.na = na;
        this.nb = nb;
        this.s = s;
        long n = na + nb;
        this.lowest = Math.max(0, s - nb);
        this.highest = Math.min(na, s);
        this.p = (double) s / n;
        this.q = (double) (n - s) / n;
        this.logDenominator = Binomial.logPmf(s, n, p, q);
        this.mode = lowerMode();
    }

    /** The smallest value of X with positive probability. */
    public long lowest() {
        return lowest;
    }

    /** The largest value of X with positive probability. */
    public long highest() {
        return highest;
    }

    /**
     * The lower mode: h is strictly increasing up to it, {@code h(mode + 1) <= h(mode)} (equal
     * when the distribution has two modes), strictly decreasing after {@code mode + 1}.
     */
    public long mode() {
        return mode;
    }

    /** log h(k) for k in [lowest, highest]. */
    public double logPmf(long k) {
        if (lowest == highest) {
            return 0;
        }
        return Binomial.logPmf(k, na, p, q) + Binomial.logPmf(s - k, nb, p, q) - logDenominator;
    }

    /** log P(X &gt;= k), accurate also when the tail is tiny or near 1. */
    public double logUpperTail(long k) {
        if (k <= lowest) {
            return 0;
        }
        if (k > highest) {
            return Double.NEGATIVE_INFINITY;
        }
        if (k > mode) {
            return logPmf(k) + Math.log(relativeTail(k, true));
        }
        // the tail holds the peak: 1 minus the short tail on the other side
        return Math.log1p(-Math.exp(logLowerTail(k - 1)));
    }

    /** log P(X &lt;= k), accurate also when the tail is tiny or near 1. */
    public double logLowerTail(long k) {
        if (k >= highest) {
            return 0;
        }
        if (k < lowest) {
            return Double.NEGATIVE_INFINITY;
        }
        if (k <= mode) {
            return logPmf(k) + Math.log(relativeTail(k, false));
        }
        return Math.log1p(-Math.exp(logUpperTail(k + 1)));
    }

    /**
     * The sum of h(j) over j from {@code start} away from the peak, divided by h(start):
     * {@code upward} sums j &gt;= start (needs {@code start > mode}, or {@code start == mode + 1}
     * with two modes), otherwise j &lt;= start (needs {@code start <= mode}).
     *
     * <p>Going away from the peak the ratios of successive terms decrease (h is log-concave), so
     * once a ratio r is below 1 the rest is at most {@code term r / (1 - r)}: the sum stops when
     * that bound is negligible.
     */
    public double relativeTail(long start, boolean upward) {
        double term = 1;
        double sum = 1;
        long k = start;
        while (upward ? k < highest : k > lowest) {
            double ratio = upward ? ratioUp(k) : ratioDown(k);
            k += upward ? 1 : -1;
            term *= ratio;
            sum += term;
            if (ratio < 1 && term * ratio <= NEGLIGIBLE * sum * (1 - ratio)) {
                break;
            }
        }
        return sum;
    }

    /**
     * The sign of h(k) - h(x), decided exactly: by the structural symmetries first (with
     * {@code na == nb}, h(k) = h(s - k); with {@code 2s == na + nb}, h(k) = h(na - k)), then by
     * comparing the two integer products whose quotient is h(k)/h(x).
     */
    public int compareExactly(long k, long x) {
        if (k == x || (na == nb && k == s - x) || (2 * s == na + nb && k == na - x)) {
            return 0;
        }
        if (k < x) {
            return -compareExactly(x, k);
        }
        // h(k)/h(x) = prod_{j=x}^{k-1} (na - j)(s - j) / ((j + 1)(nb - s + j + 1))
        BigInteger numerator = ExactArithmetic.rangeProduct(na - k + 1, na - x)
                .multiply(ExactArithmetic.rangeProduct(s - k + 1, s - x));
        BigInteger denominator = ExactArithmetic.rangeProduct(x + 1, k)
                .multiply(ExactArithmetic.rangeProduct(nb - s + x + 1, nb - s + k));
        return numerator.compareTo(denominator);
    }

    /**
     * {@code C(N, s) P(X >= k)} exactly: the number of ways to place the recorded reports so
     * that group a has at least k, summing the shorter side.
     */
    public BigInteger upperTailCount(long k) {
        if (k - lowest <= highest - k + 1) {
            return tableCount().subtract(countBetween(lowest, k - 1));
        }
        return countBetween(k, highest);
    }

    /** {@code C(N, s) P(X <= k)} exactly. */
    public BigInteger lowerTailCount(long k) {
        return tableCount().subtract(upperTailCount(k + 1));
    }

    /** C(N, s): the number of ways the recorded reports can fall, given the margins. */
    public BigInteger tableCount() {
        return ExactArithmetic.binomial(na + nb, s);
    }

    private BigInteger countBetween(long from, long to) {
        from = Math.max(from, lowest);
        to = Math.min(to, highest);
        if (from > to) {
            return BigInteger.ZERO;
        }
        BigInteger a = ExactArithmetic.binomial(na, from);
        BigInteger b = ExactArithmetic.binomial(nb, s - from);
        BigInteger sum = a.multiply(b);
        for (long k = from; k < to; k++) {
            // C(na, k+1) = C(na, k)(na - k)/(k + 1); C(nb, s-k-1) = C(nb, s-k)(s - k)/(nb - s + k + 1)
            a = a.multiply(BigInteger.valueOf(na - k)).divide(BigInteger.valueOf(k + 1));
            b = b.multiply(BigInteger.valueOf(s - k)).divide(BigInteger.valueOf(nb - s + k + 1));
            sum = sum.add(a.multiply(b));
        }
        return sum;
    }

    /** h(k+1)/h(k). */
    private double ratioUp(long k) {
        return ((double) (na - k) * (s - k)) / ((double) (k + 1) * (nb - s + k + 1));
    }

    /** h(k-1)/h(k). */
    private double ratioDown(long k) {
        return ((double) k * (nb - s + k)) / ((double) (na - k + 1) * (s - k + 1));
    }

    private long lowerMode() {
        long n = na + nb;
        long m = (long) Math.floor((na + 1.0) * (s + 1.0) / (n + 2.0));
        m = Math.max(lowest, Math.min(highest, m));
        // make it exact: h(m) > h(m - 1) and h(m + 1) <= h(m), comparing the ratio's integer parts
        while (m > lowest && !risesTo(m)) {
            m--;
        }
        while (m < highest && risesTo(m + 1)) {
            m++;
        }
        return m;
    }

    /** Whether h(k) &gt; h(k - 1), exactly. */
    private boolean risesTo(long k) {
        long j = k - 1;
        return ExactArithmetic.compareProducts(na - j, s - j, j + 1, nb - s + j + 1) > 0;
    }
}
