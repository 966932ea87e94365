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
     * As {@link #bracketed}, for a bracket known mathematically to hold the root but so narrow
     * that rounding in {@code f} may hide the sign change (bounds at audited counts of 10^12 and
     * more): then the end where |f| is smallest is the best answer the arithmetic can give, and
     * lies within the bracket's width of the root.
     *
     * @param f    a continuous function with a root in the bracket
     * @param low  one end
     * @param high the other end
     * @return the root, or the better end when f shows no sign change
     */
    public static double bracketedLenient(DoubleUnaryOperator f, double low, double high) {
        double fa = f.applyAsDouble(low);
        double fb = f.applyAsDouble(high);
        if (fa == 0) {
            return low;
        }
        if (fb == 0) {
            return high;
        }
        if (Math.signum(fa) == Math.signum(fb)) {
            return Math.abs(fa) <= Math.abs(fb) ? low : high;
        }
        return solve(f, low, high, fa, fb);
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
