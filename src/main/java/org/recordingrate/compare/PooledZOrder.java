package org.recordingrate.compare;

import org.recordingrate.internal.ExactArithmetic;

/**
 * Orders 2x2 tables with fixed group sizes by their pooled z statistic, exactly.
 *
 * <p>With {@code D = xa nb - xb na}, {@code s = xa + xb} and {@code N = na + nb},
 * {@code z = D sqrt(N / (na nb s (N - s)))} (0 when {@code s (N - s) = 0}), so
 * {@code z^2 = D^2 N / (na nb s (N - s))} is a ratio of integers and two tables compare as
 * {@code D1^2 s2 (N - s2)} against {@code D2^2 s1 (N - s1)}: 128-bit products, no rounding.
 * Floating-point z values, as in scipy 1.10's {@code barnard_exact}, can put mathematically
 * equal statistics on either side of the observed one (scipy issue #18798); this cannot.
 *
 * <p>Needs {@code na nb < 2^31} and {@code N < 2^31} so that {@code D^2} and
 * {@code s (N - s)} fit in a long. Immutable.
 */
final class PooledZOrder {

    private final long na;
    private final long nb;
    private final long observedD;
    private final long observedSpread;
    private final int observedSign;

    /**
     * @param na audited after
     * @param nb audited before
     * @param xa recorded after in the observed table
     * @param xb recorded before in the observed table
     */
    PooledZOrder(int na, int nb, int xa, int xb) {
        this.na = na;
        this.nb = nb;
        this.observedD = difference(xa, xb);
        this.observedSpread = spread(xa, xb);
        this.observedSign = sign(observedD, observedSpread);
    }

    /** The sign of z(xa, xb) - z(observed). */
    int compare(int xa, int xb) {
        long d = difference(xa, xb);
        long spread = spread(xa, xb);
        int sign = sign(d, spread);
        if (sign != observedSign) {
            return Integer.compare(sign, observedSign);
        }
        if (sign == 0) {
            return 0;
        }
        int squares = compareSquares(d, spread);
        return sign > 0 ? squares : -squares;
    }

    /** The sign of |z(xa, xb)| - |z(observed)|. */
    int compareAbsolute(int xa, int xb) {
        long d = difference(xa, xb);
        long spread = spread(xa, xb);
        if (sign(d, spread) == 0) {
            return observedSign == 0 ? 0 : -1;
        }
        if (observedSign == 0) {
            return 1;
        }
        return compareSquares(d, spread);
    }

    /** The sign of d^2 / spread - observedD^2 / observedSpread, both spreads positive. */
    private int compareSquares(long d, long spread) {
        return ExactArithmetic.compareProducts(d * d, observedSpread, observedD * observedD, spread);
    }

    private long difference(int xa, int xb) {
        return xa * nb - xb * na;
    }

    /** {@code s (N - s)}: proportional to the pooled variance. */
    private long spread(int xa, int xb) {
        long s = (long) xa + xb;
        return s * (na + nb - s);
    }

    /** The sign of z: 0 when D = 0 or the pooled variance is 0. */
    private static int sign(long d, long spread) {
        return spread == 0 ? 0 : Long.signum(d);
    }
}
