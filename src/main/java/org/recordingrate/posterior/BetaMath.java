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
     * by quadrature over the narrower of the two (its density f; the other's distribution function G
     * is smooth across it): P(D &le; d) = P(mass where G is 1) + &int; f(x) G(x, d) dx over the x where G
     * lies strictly between 0 and 1, cut to where f holds all but 1e-25 of its mass. With X the later
     * rate G(x, d) = P(before &ge; x - d), 1 for x &le; d and 0 for x &ge; 1 + d; with X the earlier rate
     * G(x, d) = P(after &le; x + d). Cutting the range where G reaches 0 or 1 puts its kinks at the ends,
     * where the tanh-sinh rule (Takahasi and Mori 1974) is at its best, as it is with the density's
     * singularities at 0 or 1 (a shape below 1). The step is halved until two levels agree to 1e-13, from
     * the fourth level on, or until a halving no longer halves the change (the precision of the incomplete
     * beta function itself, reached for shapes beyond about 1e9), at most nine times.
     */
    static final class Difference {

        /** Half-width of the tanh-sinh rule in t: beyond it the nodes' weights are below 1e-40. */
        private static final double T_MAX = 4.5;
        /** The coarsest step of the rule. */
        private static final double FIRST_STEP = 0.5;
        /** Levels of halving, at most (4,600 nodes at the last). */
        private static final int LEVELS = 9;
        /** The first level whose agreement with the one before ends the halving. */
        private static final int FIRST_LEVEL = 4;
        /** Two successive levels that differ by less than this end the halving. */
        private static final double TOLERANCE = 1e-13;
        /** Mass of the integration variable left out at each end. */
        private static final double TAIL = 1e-25;

        private final double aBefore;
        private final double bBefore;
        private final double aAfter;
        private final double bAfter;
        /** Whether the integration variable is the later rate (narrower or as narrow as the earlier). */
        private final boolean overAfter;
        private final double a;
        private final double b;
        private final double logBeta;
        private final double low;
        private final double high;

        Difference(double aBefore, double bBefore, double aAfter, double bAfter) {
            this.aBefore = aBefore;
            this.bBefore = bBefore;
            this.aAfter = aAfter;
            this.bAfter = bAfter;
            this.overAfter = variance(aAfter, bAfter) <= variance(aBefore, bBefore);
            this.a = overAfter ? aAfter : aBefore;
            this.b = overAfter ? bAfter : bBefore;
            this.logBeta = Beta.logBeta(a, b);
            this.low = Beta.quantile(TAIL, a, b);
            this.high = Beta.complementQuantile(TAIL, a, b);
        }

        static double variance(double a, double b) {
            double s = a + b;
            return a / s * (b / s) / (s + 1);
        }

        /** P(D &le; d), or P(D &gt; d) when {@code upper}. */
        double probability(double d, boolean upper) {
            double from;
            double to;
            double mass;
            if (overAfter) {
                // G = 1 below x = d, 0 above x = 1 + d
                from = Math.max(0, d);
                to = Math.min(1, 1 + d);
                mass = upper ? (d < 0 ? Beta.regularizedComplement(1 + d, a, b) : 0)
                        : (d > 0 ? Beta.regularized(d, a, b) : 0);
            } else {
                // G = 0 below x = -d, 1 above x = 1 - d
                from = Math.max(0, -d);
                to = Math.min(1, 1 - d);
                mass = upper ? (d < 0 ? Beta.regularized(-d, a, b) : 0)
                        : (d > 0 ? Beta.regularizedComplement(1 - d, a, b) : 0);
            }
            from = Math.max(from, low);
            to = Math.min(to, high);
            if (!(to > from)) {
                return clamp(mass);
            }
            return clamp(mass + integral(from, to, d, upper));
        }

        private static double clamp(double p) {
            return Math.min(1, Math.max(0, p));
        }

        /** &int; f(x) G(x, d) dx over [from, to] by the tanh-sinh rule, halving the step to agreement. */
        private double integral(double from, double to, double d, boolean upper) {
            double width = to - from;
            double sum = 0;
            double previous = Double.NaN;
            double change = Double.POSITIVE_INFINITY;
            double h = FIRST_STEP;
            for (int level = 0; level <= LEVELS; level++) {
                int steps = (int) Math.ceil(T_MAX / h);
                for (int k = -steps; k <= steps; k++) {
                    if (level > 0 && k % 2 == 0) {
                        continue;
                    }
                    double t = k * h;
                    double s = Math.PI / 2 * Math.sinh(t);
                    double cosh = Math.cosh(s);
                    double weight = Math.PI / 4 * Math.cosh(t) / (cosh * cosh);
                    // the distance from the nearer end, as a share of the width: 1 / (1 + e^{2|s|})
                    double small = 1 / (1 + Math.exp(2 * Math.abs(s)));
                    if (weight == 0 || small == 0) {
                        continue;
                    }
                    // near the upper end 1 - x is kept apart from x, which may round to 1: the density of a
                    // shape b below 1 is unbounded there, and its mass within 1e-16 of 1 is not negligible
                    double x = t < 0 ? from + width * small : to - width * small;
                    double oneMinus = t < 0 ? 1 - x : (1 - to) + width * small;
                    if (!(x > 0 && oneMinus > 0)) {
                        continue;
                    }
                    double density = Math.exp((a == 1 ? 0 : (a - 1) * Math.log(x))
                            + (b == 1 ? 0 : (b - 1) * Math.log(oneMinus)) - logBeta);
                    sum += weight * width * density * other(x, d, upper);
                }
                double estimate = sum * h;
                double now = Math.abs(estimate - previous);
                // agreed, or at the noise floor of the incomplete beta function (shapes beyond 1e9): the
                // rule converges doubly exponentially, so a step that no longer halves the change is noise
                if (level >= FIRST_LEVEL && (now <= TOLERANCE || level >= 6 && now > change / 2)) {
                    return estimate;
                }
                change = now;
                previous = estimate;
                h /= 2;
            }
            return previous;
        }

        /**
         * The other variable's probability at the integration variable's value x: with X the later
         * rate, P(before &ge; x - d); with X the earlier rate, P(after &le; x + d). {@code upper} gives the
         * complements. The caller keeps x where the answer lies strictly between 0 and 1.
         */
        private double other(double x, double d, boolean upper) {
            if (overAfter) {
                double y = Math.min(1, Math.max(0, x - d));
                return upper ? Beta.regularized(y, aBefore, bBefore) : Beta.regularizedComplement(y, aBefore, bBefore);
            }
            double y = Math.min(1, Math.max(0, x + d));
            return upper ? Beta.regularizedComplement(y, aAfter, bAfter) : Beta.regularized(y, aAfter, bAfter);
        }
    }
}
