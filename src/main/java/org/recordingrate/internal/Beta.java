package org.recordingrate.internal;

import org.apache.commons.math3.special.Gamma;

/**
 * The regularized incomplete beta function I<sub>x</sub>(a, b) and its inverse, for real
 * parameters a, b &gt; 0: the engine of the exact (Clopper-Pearson), Jeffreys, mid-p and
 * Korn-Graubard intervals.
 *
 * <p>Not part of the API. (Placeholder implementation: continued fraction with a Newton/bisection
 * inverse. To be replaced by the fast one.)
 */
public final class Beta {

    private Beta() {
    }

    /**
     * I<sub>x</sub>(a, b) = P(X &lt;= x) for X ~ Beta(a, b).
     *
     * @param x in [0, 1]
     * @param a first shape, &gt; 0
     * @param b second shape, &gt; 0
     * @return the probability
     */
    public static double regularized(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        if (x > (a + 1) / (a + b + 2)) {
            return 1 - regularizedComplementDirect(x, a, b);
        }
        return continuedFraction(x, a, b);
    }

    /**
     * 1 - I<sub>x</sub>(a, b) = P(X &gt; x), computed without cancellation.
     *
     * @param x in [0, 1]
     * @param a first shape, &gt; 0
     * @param b second shape, &gt; 0
     * @return the probability
     */
    public static double regularizedComplement(double x, double a, double b) {
        return regularized(1 - x, b, a);
    }

    private static double regularizedComplementDirect(double x, double a, double b) {
        return continuedFraction(1 - x, b, a);
    }

    /** NR 6.4 with modified Lentz; valid for x &lt; (a+1)/(a+b+2). */
    private static double continuedFraction(double x, double a, double b) {
        double logFront = a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b) - Math.log(a);
        double tiny = 1e-300;
        double c = 1;
        double d = 1 - (a + b) * x / (a + 1);
        if (Math.abs(d) < tiny) {
            d = tiny;
        }
        d = 1 / d;
        double f = d;
        for (int m = 1; m < 100000; m++) {
            double m2 = 2.0 * m;
            double aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 + aa * d;
            if (Math.abs(d) < tiny) {
                d = tiny;
            }
            c = 1 + aa / c;
            if (Math.abs(c) < tiny) {
                c = tiny;
            }
            d = 1 / d;
            f *= d * c;
            aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 + aa * d;
            if (Math.abs(d) < tiny) {
                d = tiny;
            }
            c = 1 + aa / c;
            if (Math.abs(c) < tiny) {
                c = tiny;
            }
            d = 1 / d;
            double delta = d * c;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return Math.exp(logFront) * f;
    }

    /** log B(a, b). */
    public static double logBeta(double a, double b) {
        return Gamma.logGamma(a) + Gamma.logGamma(b) - Gamma.logGamma(a + b);
    }

    /**
     * The lower-tail quantile: x with I<sub>x</sub>(a, b) = p.
     *
     * @param p probability in [0, 1]; 0 gives 0, 1 gives 1
     * @param a first shape, &gt; 0
     * @param b second shape, &gt; 0
     * @return x in [0, 1]
     */
    public static double quantile(double p, double a, double b) {
        if (p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return 1;
        }
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 2000 && hi - lo > 0; i++) {
            double mid = 0.5 * (lo + hi);
            if (mid == lo || mid == hi) {
                break;
            }
            if (regularized(mid, a, b) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /**
     * The upper-tail quantile: x with 1 - I<sub>x</sub>(a, b) = q, accurate when x is near 1.
     *
     * @param q upper-tail probability in [0, 1]; 0 gives 1, 1 gives 0
     * @param a first shape, &gt; 0
     * @param b second shape, &gt; 0
     * @return x in [0, 1]
     */
    public static double complementQuantile(double q, double a, double b) {
        return 1 - quantile(q, b, a);
    }
}
