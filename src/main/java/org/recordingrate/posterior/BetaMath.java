package org.recordingrate.posterior;

import org.recordingrate.internal.Beta;

/**
 * The Beta distribution's density, highest-density interval and the distribution of the difference
 * of two independent Beta variables, for the posteriors of this package. Not part of the API.
 */
final class BetaMath {

    private BetaMath() {
    }

    /**
     * ln f(x) for X ~ Beta(a, b): (a - 1) ln x + (b - 1) ln(1 - x) - ln B(a, b); -infinity where the
     * density is 0 (x = 0 with a &gt; 1, x = 1 with b &gt; 1), +infinity where it is unbounded.
     */
    static double logDensity(double x, double a, double b) {
        double left = a == 1 ? 0 : (a - 1) * Math.log(x);
        double right = b == 1 ? 0 : (b - 1) * Math.log1p(-x);
        return left + right - Beta.logBeta(a, b);
    }

    /**
     * The highest-density interval of Beta(a, b) with probability {@code level}: the shortest
     * interval holding that probability. When a &le; 1 the density falls from 0 and the interval is
     * [0, F<sup>-1</sup>(level)]; when b &le; 1 it rises to 1 and the interval is
     * [F<sup>-1</sup>(1 - level), 1]. Otherwise the density is unimodal and 0 at both ends, and the
     * interval [F<sup>-1</sup>(t), F<sup>-1</sup>(t + level)] is the one whose ends have equal density
     * (the condition for the shortest), found by bisection on the lower tail probability t in
     * (0, 1 - level): ln f(upper) - ln f(lower) falls from +infinity to -infinity as t grows.
     *
     * @return {lower, upper}
     */
    static double[] highestDensity(double a, double b, double level) {
        if (a <= 1 && b <= 1) {
            // U-shaped or flat: not reached by a posterior of at least one audited record
            throw new IllegalStateException("Beta(" + a + ", " + b + ") has no single highest-density interval");
        }
        if (a <= 1) {
            return new double[] {0, Beta.quantile(level, a, b)};
        }
        if (b <= 1) {
            return new double[] {Beta.complementQuantile(level, a, b), 1};
        }
        double outside = 1 - level;
        double lo = 0;
        double hi = outside;
        for (int i = 0; i < 200 && hi - lo > 2 * Math.ulp(hi); i++) {
            double t = 0.5 * (lo + hi);
            double[] bounds = bounds(t, level, outside, a, b);
            double g = logDensity(bounds[1], a, b) - logDensity(bounds[0], a, b);
            if (g > 0 || Double.isNaN(g) && bounds[0] == 0) {
                lo = t;
            } else {
                hi = t;
            }
        }
        return bounds(0.5 * (lo + hi), level, outside, a, b);
    }

    /** The interval from lower tail t to t + level, the upper end through its own tail 1 - level - t. */
    private static double[] bounds(double t, double level, double outside, double a, double b) {
        double lower = Beta.quantile(t, a, b);
        double upperTail = outside - t;
        double upper = upperTail < 0.5 ? Beta.complementQuantile(Math.max(0, upperTail), a, b)
                : Beta.quantile(t + level, a, b);
        return new double[] {lower, upper};
    }

    /**
     * The distribution of D = X<sub>after</sub> - X<sub>before</sub> for independent Beta variables,
     * by quadrature over the probability scale of the narrower of the two (so the other's
     * distribution function is smooth across it): with X the narrower,
     * P(D &le; d) = &int;<sub>0</sub><sup>1</sup> G(F<sub>X</sub><sup>-1</sup>(u), d) du, where G is the
     * other's distribution function (or survival function) at the matching point. The integral is
     * taken by the tanh-sinh rule (Takahasi and Mori 1974), whose nodes crowd towards u = 0 and 1
     * where F<sup>-1</sup> is singular, halving the step until two levels agree to 1e-13; the
     * quantiles at the nodes are computed once and kept, so each further d costs only the other's
     * distribution function at the nodes.
     */
    static final class Difference {

        /** Half-width of the tanh-sinh rule in t: beyond it the nodes' weights are below 1e-40. */
        private static final double T_MAX = 4.5;
        /** The coarsest step of the rule. */
        private static final double FIRST_STEP = 0.5;
        /** Levels of halving, at most. */
        private static final int LEVELS = 10;
        /** Two successive levels that differ by less than this end the halving. */
        private static final double TOLERANCE = 1e-13;

        private final double aBefore;
        private final double bBefore;
        private final double aAfter;
        private final double bAfter;
        /** Whether the integration variable is the later rate (narrower or as narrow as the earlier). */
        private final boolean overAfter;
        /** Nodes by level: the quantile of the integration variable at each node, and the weight. */
        private final double[][] quantiles = new double[LEVELS + 1][];
        private final double[][] weights = new double[LEVELS + 1][];

        Difference(double aBefore, double bBefore, double aAfter, double bAfter) {
            this.aBefore = aBefore;
            this.bBefore = bBefore;
            this.aAfter = aAfter;
            this.bAfter = bAfter;
            this.overAfter = variance(aAfter, bAfter) <= variance(aBefore, bBefore);
        }

        static double variance(double a, double b) {
            double s = a + b;
            return a / s * (b / s) / (s + 1);
        }

        /** P(D &le; d), or P(D &gt; d) when {@code upper}. */
        double probability(double d, boolean upper) {
            double previous = Double.NaN;
            double sum = 0;
            double h = FIRST_STEP;
            for (int level = 0; level <= LEVELS; level++) {
                ensure(level);
                double[] q = quantiles[level];
                double[] w = weights[level];
                double add = 0;
                for (int i = 0; i < q.length; i++) {
                    if (w[i] != 0) {
                        add += w[i] * other(q[i], d, upper);
                    }
                }
                // level 0 holds every node of step FIRST_STEP; each later level the odd multiples of h
                sum = level == 0 ? add : sum + add;
                double estimate = sum * h;
                if (level >= 3 && Math.abs(estimate - previous) <= TOLERANCE) {
                    return clamp(estimate);
                }
                previous = estimate;
                h /= 2;
            }
            return clamp(previous);
        }

        private static double clamp(double p) {
            return Math.min(1, Math.max(0, p));
        }

        /**
         * The other variable's probability at the integration variable's value x: with X the later
         * rate, P(X - before &le; d) given X = x is P(before &ge; x - d); with X the earlier rate,
         * P(after - X &le; d) given X = x is P(after &le; x + d). {@code upper} gives the complements.
         */
        private double other(double x, double d, boolean upper) {
            if (overAfter) {
                double y = x - d;
                // P(before >= y), or P(before < y) for the upper tail
                if (y <= 0) {
                    return upper ? 0 : 1;
                }
                if (y >= 1) {
                    return upper ? 1 : 0;
                }
                return upper ? Beta.regularized(y, aBefore, bBefore) : Beta.regularizedComplement(y, aBefore, bBefore);
            }
            double y = x + d;
            // P(after <= y), or P(after > y)
            if (y <= 0) {
                return upper ? 1 : 0;
            }
            if (y >= 1) {
                return upper ? 0 : 1;
            }
            return upper ? Beta.regularizedComplement(y, aAfter, bAfter) : Beta.regularized(y, aAfter, bAfter);
        }

        /** The nodes and weights of a level: u(t) = (1 + tanh(pi/2 sinh t)) / 2, weight u'(t). */
        private void ensure(int level) {
            if (quantiles[level] != null) {
                return;
            }
            double h = FIRST_STEP / (1 << level);
            int steps = (int) Math.ceil(T_MAX / h);
            double a = overAfter ? aAfter : aBefore;
            double b = overAfter ? bAfter : bBefore;
            double[] q = new double[2 * steps + 1];
            double[] w = new double[2 * steps + 1];
            int n = 0;
            for (int k = -steps; k <= steps; k++) {
                if (level > 0 && k % 2 == 0) {
                    continue;
                }
                double t = k * h;
                double s = Math.PI / 2 * Math.sinh(t);
                double cosh = Math.cosh(s);
                double weight = Math.PI / 4 * Math.cosh(t) / (cosh * cosh);
                // the smaller of u and 1 - u, to full relative precision: 1 / (1 + e^{2|s|})
                double small = 1 / (1 + Math.exp(2 * Math.abs(s)));
                if (weight == 0 || small == 0) {
                    q[n] = 0;
                    w[n++] = 0;
                    continue;
                }
                q[n] = t < 0 ? Beta.quantile(small, a, b) : Beta.complementQuantile(small, a, b);
                w[n++] = weight;
            }
            quantiles[level] = java.util.Arrays.copyOf(q, n);
            weights[level] = java.util.Arrays.copyOf(w, n);
        }
    }
}
