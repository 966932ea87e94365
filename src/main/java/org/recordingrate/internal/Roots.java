package org.recordingrate.internal;

import java.util.function.DoubleUnaryOperator;

/**
 * Bracketed root finding to full double precision, for the intervals that are defined as the
 * roots of monotone functions (mid-p, Miettinen-Nurminen).
 *
 * <p>Not part of the API.
 */
public final class Roots {

    private Roots() {
    }

    /**
     * A root of {@code f} in {@code [low, high]}, where {@code f(low)} and {@code f(high)} have
     * opposite signs (or one is 0), by the Illinois variant of regula falsi falling back on
     * bisection: superlinear on smooth functions, never leaves the bracket, and stops when the
     * bracket is one or two ulps wide. Relative accuracy near 0 is kept because the stopping rule
     * is in ulps, not absolute.
     *
     * @param f    a continuous function
     * @param low  one end of the bracket
     * @param high the other end, above {@code low}
     * @return a point of the final bracket where |f| is smallest
     * @throws IllegalArgumentException if the values at the ends have the same sign
     */
    public static double bracketed(DoubleUnaryOperator f, double low, double high) {
        double a = low;
        double b = high;
        double fa = f.applyAsDouble(a);
        double fb = f.applyAsDouble(b);
        if (fa == 0) {
            return a;
        }
        if (fb == 0) {
            return b;
        }
        if (Math.signum(fa) == Math.signum(fb)) {
            throw new IllegalArgumentException("no sign change between " + low + " (" + fa + ") and " + high + " (" + fb + ")");
        }
        return solve(f, a, b, fa, fb);
    }

    /**
     * The root of an increasing function {@code f} in {@code [low, high]} by Newton's method from
     * {@code start}, kept inside a bracket that every evaluation narrows (a step that would leave it
     * is replaced by bisection), so it converges from any start. Quadratic convergence from a good
     * start makes this the cheapest way to an exact interval bound: three or four evaluations
     * where regula falsi needs fifteen. When rounding in {@code f} hides the last digits (bounds at
     * audited counts of 10^12 and more) it stops after a fixed number of steps at its best point.
     *
     * @param f          an increasing function with f(low) &lt;= 0 &lt;= f(high) (not evaluated at the ends)
     * @param derivative its derivative, positive
     * @param low        the lower end
     * @param high       the upper end
     * @param start      the first point, inside the bracket
     * @return the root to within a few ulps
     */
    public static double newton(DoubleUnaryOperator f, DoubleUnaryOperator derivative, double low, double high,
                                double start) {
        double a = low;
        double b = high;
        double x = Math.min(Math.max(start, low), high);
        double best = x;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 60; i++) {
            double value = f.applyAsDouble(x);
            if (value == 0) {
                return x;
            }
            if (Math.abs(value) < bestValue) {
                best = x;
                bestValue = Math.abs(value);
            }
            if (value < 0) {
                a = x;
            } else {
                b = x;
            }
            double next = x - value / derivative.applyAsDouble(x);
            // Test convergence before the bracket: at the root the step rounds to nothing and
            // next == x sits on the bracket's end, which must not be mistaken for a wild step.
            if (Math.abs(next - x) <= 4 * Math.ulp(x)) {
                return next;
            }
            if (!(next > a && next < b)) {
                next = 0.5 * (a + b);
            }
            if (b - a <= 4 * Math.ulp(b)) {
                return next;
            }
            x = next;
        }
        return best;
    }

    private static double solve(DoubleUnaryOperator f, double a, double b, double fa, double fb) {
        // ga and gb are the Illinois-weighted values used for the secant step; fa and fb stay true.
        double ga = fa;
        double gb = fb;
        int side = 0;
        for (int i = 0; i < 400; i++) {
            double c = (a * gb - b * ga) / (gb - ga);
            // Bisect every fourth step, and whenever the secant step is not strictly inside,
            // so that the bracket always shrinks geometrically.
            if (i % 4 == 3 || !(c > Math.min(a, b) && c < Math.max(a, b))) {
                c = 0.5 * (a + b);
                if (c == a || c == b) {
                    break;
                }
            }
            double fc = f.applyAsDouble(c);
            if (fc == 0) {
                return c;
            }
            if (Math.signum(fc) == Math.signum(fb)) {
                b = c;
                fb = fc;
                gb = fc;
                if (side == -1) {
                    ga *= 0.5;
                }
                side = -1;
            } else {
                a = c;
                fa = fc;
                ga = fc;
                if (side == 1) {
                    gb *= 0.5;
                }
                side = 1;
            }
            if (Math.abs(b - a) <= 2 * Math.ulp(Math.max(Math.abs(a), Math.abs(b)))) {
                break;
            }
        }
        return Math.abs(fa) < Math.abs(fb) ? a : b;
    }
}
