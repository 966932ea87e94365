package org.recordingrate.internal;

/**
 * The inverse of the incomplete beta ratio: the x with I<sub>x</sub>(a, b) = p.
 *
 * <p>The unknown is always the smaller of x and 1 - x (so that it carries full relative
 * precision) and the equation is always posed on the smaller tail probability (so that the target
 * is exact): for p &gt; 1/2, I<sub>x</sub>(a, b) = p becomes I<sub>y</sub>(b, a) = 1 - p in
 * y = 1 - x. A closed-form approximation gives a start (see {@link #startLogOdds}); then Halley's
 * method on
 * g(u) = ln(tail(e<sup>u</sup>) / target) in u = ln t. On that scale the power-law tails
 * I<sub>t</sub> ~ c t<sup>a</sup> are straight lines and the normal middle is nearly quadratic, so
 * a start within a factor of two converges in three or four steps. Every evaluation also narrows
 * a bracket around the root, and a step that would leave it is replaced by bisection, so the
 * iteration cannot diverge.
 *
 * <p>Not part of the API: callers validate the arguments.
 */
final class BetaInverse {

    /**
     * Far more than bisection alone needs (about 110 steps from 1 down to the smallest double, 60
     * more to full precision); Halley's method needs 1 to 3 evaluations from the usual starts.
     */
    private static final int MAX_ITERATIONS = 300;
    /**
     * A Halley step from a residual |g| below this leaves an error of order |g|<sup>3</sup>, below
     * the rounding of the tail itself: the iteration stops after taking it.
     */
    private static final double CONVERGED_RESIDUAL = 1e-6;
    /** A step in ln t this small is rounding noise. */
    private static final double STEP_TOLERANCE = 1e-15;

    private BetaInverse() {
    }

    /**
     * The x with I<sub>x</sub>(a, b) = prob, or with 1 - I<sub>x</sub>(a, b) = prob if {@code upper},
     * for 0 &lt; prob &lt; 1 and valid shapes; x has full relative accuracy, and so has 1 - x before
     * it is rounded into x.
     */
    static double quantile(double prob, boolean upper, double a, double b) {
        // pose the problem on the smaller tail alpha <= 1/2 of Beta(pp, qq) with unknown t, where
        // t = x for a lower tail and t = 1 - x for an upper one (1 - I_x(a, b) = I_{1-x}(b, a))
        boolean flipped = (prob > 0.5) != upper;
        double alpha = prob > 0.5 ? 1 - prob : prob; // exact for prob > 1/2
        double pp = flipped ? b : a;
        double qq = flipped ? a : b;
        double logBeta = BetaSupport.logBeta(a, b);
        double logOdds = startLogOdds(alpha, pp, qq, logBeta);
        // iterate on the smaller of t and 1 - t: I_t(pp, qq) = 1 - I_{1-t}(qq, pp)
        boolean complemented = logOdds > 0;
        double v = solveFrame(pp, qq, logBeta, alpha, complemented, logistic(-Math.abs(logOdds)));
        if (v > 0.5) {
            // the start was on the wrong side of 1/2: solve again for the other, smaller unknown,
            // since near 1 the iteration variable had no relative precision left
            complemented = !complemented;
            v = solveFrame(pp, qq, logBeta, alpha, complemented, Math.max(Double.MIN_NORMAL, 1 - v));
        }
        // v is x itself when neither or both of the two mirror images were taken
        return flipped == complemented ? v : 1 - v;
    }

    /** The t with I_t(p, q) = alpha, or its complement 1 - t if {@code complemented}, starting at v. */
    private static double solveFrame(double p, double q, double logBeta, double alpha, boolean complemented,
            double v) {
        return complemented ? solve(q, p, logBeta, alpha, true, v) : solve(p, q, logBeta, alpha, false, v);
    }

    /** e<sup>l</sup> / (1 + e<sup>l</sup>) for l &lt;= 0, at least the smallest normal double. */
    private static double logistic(double l) {
        double e = Math.exp(l);
        return Math.max(Double.MIN_NORMAL, e / (1 + e));
    }

    /**
     * The v in (0, 1) with tail(v) = target, where tail is I<sub>v</sub>(a, b) or, if
     * {@code upper}, 1 - I<sub>v</sub>(a, b); start at v. logBeta = ln B(a, b).
     */
    private static double solve(double a, double b, double logBeta, double target, boolean upper, double v) {
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double w = 1 - v;
            double tail = IncompleteBeta.ratio(a, b, v, w, upper);
            double g = logRatio(tail, target);
            if (g == 0) {
                return v;
            }
            // the lower tail grows with v, the upper one shrinks
            if ((g > 0) != upper) {
                hi = v;
            } else {
                lo = v;
            }
            // dg/du with u = ln v: v f(v) / tail, f the density v^(a-1) w^(b-1) / B(a, b). Its
            // logarithm may cancel to ~1e-7 relative for shapes of 1e9 (a ln v against ln B), which
            // only slows the last step, never moves the root: that is fixed by g alone
            double slope = Math.exp(a * Math.log(v) + (b - 1) * Math.log1p(-v) - logBeta - Math.log(tail));
            if (upper) {
                slope = -slope;
            }
            double next = v * Math.exp(halleyStep(g, slope, a, b, v / w));
            boolean inside = next > lo && next < hi;
            boolean converged = Math.abs(g) < CONVERGED_RESIDUAL || Math.abs(next - v) <= STEP_TOLERANCE * v;
            if (next == v || inside && converged) {
                return next; // converged (a step below the spacing of v lands on v itself)
            }
            if (!inside) {
                next = bisect(lo, hi);
                if (next <= 0) {
                    return 0; // the root lies below the smallest double
                }
                if (next == lo || next == hi) {
                    return v; // the bracket is down to adjacent doubles
                }
            }
            v = next;
        }
        return v;
    }

    /**
     * The Halley step in u = ln v: -(g / g') / (1 - (g / g') g'' / (2 g')), where
     * g''/g' = a - (b - 1) v / (1 - v) - g' follows from the density's logarithmic derivative.
     * Far from the root, where the correction is large, Newton's step is safer. A step that is
     * not a number (a vanishing tail or density) is returned as such and turned into bisection.
     */
    private static double halleyStep(double g, double slope, double a, double b, double odds) {
        double newton = g / slope;
        double denominator = 1 - 0.5 * newton * (a - (b - 1) * odds - slope);
        if (denominator > 0.5 && denominator < 2) {
            return -newton / denominator;
        }
        return -newton;
    }

    /** ln(tail / target), accurate when the two are close. */
    private static double logRatio(double tail, double target) {
        double ratio = tail / target;
        if (ratio > 0.5 && ratio < 2) {
            return Math.log1p((tail - target) / target);
        }
        return Math.log(ratio);
    }

    /** The middle of the bracket: geometric while it spans orders of magnitude. */
    private static double bisect(double lo, double hi) {
        if (lo == 0) {
            return hi * 0x1p-10;
        }
        return hi > 4 * lo ? Math.sqrt(lo) * Math.sqrt(hi) : 0.5 * (lo + hi);
    }

    /**
     * A starting value for the root of I<sub>t</sub>(p, q) = alpha &lt;= 1/2, as ln(t / (1 - t)) so
     * that t near 1 is not lost; logBeta = ln B(p, q). Of three approximations the one valid where
     * the answer lies:
     * <ul>
     *   <li>the power-law tail I<sub>t</sub> ~ t<sup>p</sup> / (p B(p, q)) (1 + p (1 - q) t / (p + 1))
     *       when its correction term is small (a small t);</li>
     *   <li>Carter's normal approximation (AS 109, Cran, Martin and Thomas, Appl. Statist. 26 (1977)
     *       111-114, with the exact normal quantile) when p and q are both above 1: at the usual
     *       levels (0.005 to 0.3) within about 0.05 in ln I for shapes of 5 and more and 1e-4 for
     *       shapes of 1000, whatever their ratio (up to 1 in tails of 1e-10 for small shapes);</li>
     *   <li>with one shape at most 1, the gamma limit of the beta distribution, with the
     *       Wilson-Hilferty cube-root normal approximation of the gamma quantile:
     *       t ~ G<sub>p</sub> / (q + (p - 1)/2) for the smaller shape p, or
     *       1 - t ~ G<sub>q</sub> / (p + (q - 1)/2) for the smaller shape q.</li>
     * </ul>
     */
    private static double startLogOdds(double alpha, double p, double q, double logBeta) {
        double logT = powerTail(Math.log(alpha), p, q, logBeta);
        if (!Double.isNaN(logT)) {
            return logT - Math.log1p(-Math.exp(logT));
        }
        double logS = powerTail(Math.log1p(-alpha), q, p, logBeta); // s = 1 - t
        if (!Double.isNaN(logS)) {
            return Math.log1p(-Math.exp(logS)) - logS;
        }
        double z = -Normal.quantile(alpha); // >= 0
        if (p > 1 && q > 1) {
            return carterLogOdds(z, p, q);
        }
        // (for two small shapes neither limit holds, and the start is t = 1/2)
        if (p <= q) {
            double g = wilsonHilferty(p, -z);
            double scale = q + 0.5 * (p - 1);
            return g > 0 && scale > 0 ? Math.log(g) - Math.log(scale) : 0;
        }
        double g = wilsonHilferty(q, z);
        double scale = p + 0.5 * (q - 1);
        return g > 0 && scale > 0 ? Math.log(scale) - Math.log(g) : 0;
    }

    /**
     * ln t from I<sub>t</sub>(p, q) ~ t<sup>p</sup> / (p B(p, q)) (1 + p (1 - q) t / (p + 1))
     * = e<sup>logProb</sup>, or NaN where that expansion is not valid (t above 1/2 or a correction
     * above 5%).
     */
    private static double powerTail(double logProb, double p, double q, double logBeta) {
        double logT = (logProb + Math.log(p) + logBeta) / p;
        double t = Math.exp(logT);
        double correction = (q - 1) * t / (p + 1);
        if (t < 0.5 && Math.abs(correction) < 0.05) {
            return Math.min(logT + Math.log1p(correction), -Math.log(2));
        }
        return Double.NaN;
    }

    /**
     * Carter's approximation as in AS 109: with s = 1/(2p - 1), r = 1/(2q - 1), h = 2/(s + r) and
     * z the upper normal quantile of alpha, ln(t / (1 - t)) = ln(p / q) - 2w where
     * w = z sqrt(h + l) / h - (r - s)(l + 5/6 - 2/(3h)), l = (z<sup>2</sup> - 3) / 6.
     */
    private static double carterLogOdds(double z, double p, double q) {
        double l = (z * z - 3) / 6;
        double s = 1 / (2 * p - 1);
        double r = 1 / (2 * q - 1);
        double h = 2 / (s + r);
        double w = z * Math.sqrt(h + l) / h - (r - s) * (l + 5.0 / 6 - 2 / (3 * h));
        return Math.log(p / q) - 2 * w;
    }

    /**
     * The gamma(k) quantile at the normal quantile z, k (1 - 1/(9k) + z / (3 sqrt(k)))<sup>3</sup>
     * (Wilson and Hilferty 1931); &lt;= 0 where the approximation breaks down.
     */
    private static double wilsonHilferty(double k, double z) {
        double c = 1 - 1 / (9 * k) + z / (3 * Math.sqrt(k));
        return k * c * c * c;
    }
}
