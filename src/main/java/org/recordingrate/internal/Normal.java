package org.recordingrate.internal;

import org.apache.commons.math3.special.Erf;

/**
 * The standard normal distribution: quantile and tail probabilities, to full double precision.
 *
 * <p>The quantile is Wichura's algorithm AS 241 (PPND16), Applied Statistics 37 (1988) 477-484,
 * relative accuracy about 1e-16 over (0, 1); it is used instead of Commons Math's
 * {@code NormalDistribution.inverseCumulativeProbability} because it is both faster and exact in
 * the far tails. Tail probabilities use Commons Math's {@link Erf#erfc(double)}, which keeps
 * relative accuracy for small tails (p-values down to about 1e-300).
 *
 * <p>Not part of the API.
 */
public final class Normal {

    private static final double SQRT2 = Math.sqrt(2.0);

    private Normal() {
    }

    /**
     * Phi(x), the lower tail probability P(Z &lt;= x).
     *
     * @param x any number; -infinity gives 0, +infinity gives 1, NaN gives NaN
     * @return the probability
     */
    public static double cdf(double x) {
        return 0.5 * Erf.erfc(-x / SQRT2);
    }

    /**
     * 1 - Phi(x), the upper tail probability P(Z &gt; x), accurate for large x.
     *
     * @param x any number
     * @return the probability
     */
    public static double upperTail(double x) {
        return 0.5 * Erf.erfc(x / SQRT2);
    }

    /**
     * The two-sided tail probability 2 (1 - Phi(|x|)), at most 1.
     *
     * @param x a statistic
     * @return the probability
     */
    public static double twoSidedTail(double x) {
        return Math.min(1.0, Erf.erfc(Math.abs(x) / SQRT2));
    }

    /**
     * Phi<sup>-1</sup>(p): the quantile. AS 241 (PPND16).
     *
     * @param p a probability in [0, 1]; 0 gives -infinity and 1 gives +infinity
     * @return the quantile
     */
    public static double quantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability (" + p + ") must lie between 0 and 1");
        }
        if (p == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p == 1) {
            return Double.POSITIVE_INFINITY;
        }
        double q = p - 0.5;
        if (Math.abs(q) <= 0.425) {
            return central(q);
        }
        double r = q < 0 ? p : 1.0 - p;
        return q < 0 ? -tail(r) : tail(r);
    }

    /** AS 241 for |q| = |p - 1/2| &lt;= 0.425: the quantile at p = 1/2 + q, from q itself. */
    private static double central(double q) {
        double r = 0.180625 - q * q;
        return q * (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r
                    + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r
                    + 133.14166789178437745) * r + 3.387132872796366608)
                    / (((((((r * 5226.495278852545925 + 28729.085735721942674) * r + 39307.89580009271061) * r
                    + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r
                    + 42.313330701600911252) * r + 1.0);
    }

    /** AS 241 in the tails: -Phi<sup>-1</sup>(t) &gt; 0 for the smaller tail probability t &lt; 0.075. */
    private static double tail(double t) {
        double r = Math.sqrt(-Math.log(t));
        double value;
        if (r <= 5.0) {
            r -= 1.6;
            value = (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r + 0.24178072517745061177) * r
                    + 1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r
                    + 4.6303378461565452959) * r + 1.42343711074968357734)
                    / (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r
                    + 0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r
                    + 2.05319162663775882187) * r + 1.0);
        } else {
            r -= 5.0;
            value = (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r
                    + 0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r
                    + 5.4637849111641143699) * r + 6.6579046435011037772)
                    / (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r
                    + 7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r
                    + 0.59983220655588793769) * r + 1.0);
        }
        return value;
    }

    /**
     * The two-sided critical value z at {@code confidence}: Phi<sup>-1</sup>(1 - alpha/2) with
     * alpha = 1 - confidence. Both ends are computed from an exact argument: in the middle
     * (confidence up to 0.85) from q = confidence/2 = (1 - alpha/2) - 1/2 itself, not from
     * 1/2 - alpha/2 (which rounds 1 - confidence: at confidence 10<sup>-6</sup> that cost z a relative
     * 6e-11); in the tails from alpha/2 = (1 - confidence)/2, exact for confidence &gt;= 1/2.
     * Relative accuracy about 1e-16 over the supported range.
     *
     * @param confidence in the supported range ({@link Args#confidence(double)})
     * @return z &gt; 0
     * @throws IllegalArgumentException outside the supported range or NaN
     */
    public static double twoSidedCritical(double confidence) {
        Args.confidence(confidence);
        double q = confidence / 2;
        return q <= 0.425 ? central(q) : tail((1.0 - confidence) / 2.0);
    }
}
