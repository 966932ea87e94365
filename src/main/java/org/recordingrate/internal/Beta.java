package org.recordingrate.internal;

/**
 * The regularized incomplete beta function I<sub>x</sub>(a, b) and its inverse, for real
 * parameters a, b &gt; 0: the engine of the exact (Clopper-Pearson), Jeffreys, mid-p and
 * Korn-Graubard intervals.
 *
 * <p>I<sub>x</sub>(a, b) = B(a, b)<sup>-1</sup> &int;<sub>0</sub><sup>x</sup> t<sup>a-1</sup>
 * (1 - t)<sup>b-1</sup> dt is the distribution function of a Beta(a, b) variable. It is computed by
 * the algorithm of DiDonato and Morris, ACM TOMS 708 (1992), the one behind R's {@code pbeta}, in
 * a time that does not grow with a and b (see {@link IncompleteBeta}); the quantiles by
 * Halley's method on a good starting value (see {@link BetaInverse}). Both tails come to about
 * 1e-14 relative error (1e-13 for results near 1e-300) and the quantiles to a few units of 1e-15,
 * for shapes from 1e-20 to 1e9 (tested against 50-digit mpmath and closed forms,
 * {@code beta/beta-reference.csv}), and the quantiles of the exact intervals for shapes up to
 * 2<sup>53</sup> (4.5 x 10<sup>15</sup> on each side at n/2 of 2<sup>53</sup>) to 1e-9 of their
 * distance from x/n plus 8 ulps, against 80-digit quadratures
 * ({@code reference-extended/single-proportion-extended.csv}; BetaTest). Beyond 2<sup>53</sup> the
 * shapes themselves are no longer exact doubles; the intervals refuse such counts.
 *
 * <p>Every method checks its arguments: a shape must be a finite number above 0, x and p must lie
 * in [0, 1]; NaN fails. The messages name the argument and its value, like those of {@link Args}.
 *
 * <p>Not part of the API.
 */
public final class Beta {

    private Beta() {
    }

    /**
     * I<sub>x</sub>(a, b) = P(X &lt;= x) for X ~ Beta(a, b): the regularized incomplete beta
     * function, B(a, b)<sup>-1</sup> &int;<sub>0</sub><sup>x</sup> t<sup>a-1</sup> (1 - t)<sup>b-1</sup>
     * dt, by DiDonato and Morris (1992), ACM TOMS 708 {@code bratio}. For integer a and b it is
     * the binomial upper tail P(Y &gt;= a), Y ~ Binomial(a + b - 1, x).
     *
     * <p>Relative error about 1e-14 (the exponent of a tiny result carries its own rounding, so
     * results near 1e-300 may be off by 1e-13). x = 0 gives exactly 0 and x = 1 exactly 1; results
     * below about 1e-308 lose digits gradually and then underflow to 0.
     *
     * @param x in [0, 1]
     * @param a first shape, finite and &gt; 0
     * @param b second shape, finite and &gt; 0
     * @return the probability, in [0, 1]
     * @throws IllegalArgumentException naming the argument that is out of range or NaN
     */
    public static double regularized(double x, double a, double b) {
        checkShapes(a, b);
        Args.inRange("x", x, 0, 1);
        if (x == 0 || x == 1) {
            return x;
        }
        return IncompleteBeta.ratio(a, b, x, 1 - x, false);
    }

    /**
     * 1 - I<sub>x</sub>(a, b) = P(X &gt; x) for X ~ Beta(a, b), computed directly (never as 1 minus
     * a number near 1), so it keeps its relative accuracy in the upper tail. Same method, accuracy
     * and edges as {@link #regularized}: equal to I<sub>1-x</sub>(b, a).
     *
     * @param x in [0, 1]; 0 gives exactly 1 and 1 gives exactly 0
     * @param a first shape, finite and &gt; 0
     * @param b second shape, finite and &gt; 0
     * @return the probability, in [0, 1]
     * @throws IllegalArgumentException naming the argument that is out of range or NaN
     */
    public static double regularizedComplement(double x, double a, double b) {
        checkShapes(a, b);
        Args.inRange("x", x, 0, 1);
        if (x == 0 || x == 1) {
            return 1 - x;
        }
        return IncompleteBeta.ratio(a, b, x, 1 - x, true);
    }

    /**
     * The lower-tail quantile: the x in [0, 1] with I<sub>x</sub>(a, b) = p, by Halley's method on
     * ln I in ln x from a closed-form start (a power-law tail, Carter's normal approximation as in
     * AS 109 of Cran, Martin and Thomas (1977), or the gamma limit), kept inside a bracket so that
     * it always converges (see {@link BetaInverse}).
     *
     * <p>Relative error in x a few units of 1e-15 (the relative error of I divided by
     * x f(x) / I, which is at least about a/2). When x is near 1 the result is 1 - y with y computed
     * to full relative accuracy and then rounded into x; y itself is {@code complementQuantile(p, b, a)}
     * (or {@code quantile(1 - p, b, a)} when 1 - p is exact). A quantile below the smallest double
     * comes back as 0; subnormal ones lose digits gradually.
     *
     * @param p probability in [0, 1]; 0 gives 0 and 1 gives 1
     * @param a first shape, finite and &gt; 0
     * @param b second shape, finite and &gt; 0
     * @return x in [0, 1]
     * @throws IllegalArgumentException naming the argument that is out of range or NaN
     */
    public static double quantile(double p, double a, double b) {
        checkShapes(a, b);
        Args.inRange("p", p, 0, 1);
        if (p == 0 || p == 1) {
            return p;
        }
        return BetaInverse.quantile(p, false, a, b);
    }

    /**
     * The upper-tail quantile: the x in [0, 1] with 1 - I<sub>x</sub>(a, b) = q. By the symmetry
     * 1 - I<sub>x</sub>(a, b) = I<sub>1-x</sub>(b, a) it is 1 - {@code quantile(q, b, a)}: the small
     * number 1 - x is found to full relative accuracy, then x is rounded; so a q near 0 (an x
     * near 1) loses nothing but the final rounding.
     *
     * @param q upper-tail probability in [0, 1]; 0 gives 1 and 1 gives 0
     * @param a first shape, finite and &gt; 0
     * @param b second shape, finite and &gt; 0
     * @return x in [0, 1]
     * @throws IllegalArgumentException naming the argument that is out of range or NaN
     */
    public static double complementQuantile(double q, double a, double b) {
        checkShapes(a, b);
        Args.inRange("q", q, 0, 1);
        if (q == 0 || q == 1) {
            return 1 - q;
        }
        return BetaInverse.quantile(q, true, a, b);
    }

    /**
     * ln B(a, b) = ln &Gamma;(a) + ln &Gamma;(b) - ln &Gamma;(a + b), computed without the cancellation
     * of that formula when a or b is large (DiDonato and Morris 1992, TOMS 708 {@code betaln}: the
     * small shape's gamma functions reduced to arguments near 1 and 2, the large ones through
     * Stirling's series). Absolute error below 1e-15 times max(1, |ln B|).
     *
     * @param a first shape, finite and &gt; 0
     * @param b second shape, finite and &gt; 0
     * @return ln B(a, b)
     * @throws IllegalArgumentException naming the argument that is out of range or NaN
     */
    public static double logBeta(double a, double b) {
        checkShapes(a, b);
        return BetaSupport.logBeta(a, b);
    }

    private static void checkShapes(double a, double b) {
        Args.positive("a", a);
        Args.positive("b", b);
    }
}
