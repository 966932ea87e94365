package org.recordingrate.compare;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.recordingrate.model.Interval;
import org.recordingrate.model.Tally;
import org.recordingrate.estimate.IntervalMethod;
import org.recordingrate.internal.Args;
import org.recordingrate.internal.Normal;
import org.recordingrate.internal.Roots;

/**
 * Confidence intervals for the change in recording rate between two inspections,
 * d = p<sub>a</sub> - p<sub>b</sub> (a = after, the later inspection; b = before). Each constant
 * carries its own computation; bounds lie in [-1, 1].
 *
 * <p>Which test agrees with which interval (the interval excludes 0 exactly when the test rejects
 * at alpha = 1 - confidence, two-sided): {@link #MIETTINEN_NURMINEN} with the pooled score test
 * carrying the same N/(N - 1) factor (and, without it, {@link ChangeTest#Z_POOLED} at D = 0 where
 * the restricted estimates are the pooled rate); {@link #WALD} with {@link ChangeTest#Z_UNPOOLED}.
 * Newcombe's and Agresti-Caffo's intervals have no exactly matching test.
 *
 * <p>Reference values: {@code shared/reference/two-proportion.csv} (R, statsmodels and 50-digit
 * mpmath), matched to 1e-9.
 */
public enum DifferenceMethod implements ChangeIntervalMethod {

    /**
     * Wald: d &plusmn; z sqrt(p<sub>a</sub>q<sub>a</sub>/n<sub>a</sub> + p<sub>b</sub>q<sub>b</sub>/n<sub>b</sub>),
     * clipped to [-1, 1]. Zero width when both rates are 0 or 1. Reference: Agresti (2013),
     * Categorical Data Analysis, 3.1.
     */
    WALD("wald", "Wald") {
        @Override
        Interval interval(long xb, long nb, long xa, long na, double confidence, double tail, double z) {
            double pa = (double) xa / na;
            double pb = (double) xb / nb;
            double half = z * Math.sqrt(pa * (1 - pa) / na + pb * (1 - pb) / nb);
            return clipped(pa - pb - half, pa - pb + half);
        }
    },

    /**
     * Agresti and Caffo (2000): add one recorded and one unrecorded record to each tally, then Wald
     * on the adjusted rates (x + 1)/(n + 2) with n + 2; clipped to [-1, 1]. Reference: Agresti and
     * Caffo, The American Statistician 54 (2000) 280-288.
     */
    AGRESTI_CAFFO("agresti_caffo", "Agresti-Caffo") {
        @Override
        Interval interval(long xb, long nb, long xa, long na, double confidence, double tail, double z) {
            double pa = (xa + 1.0) / (na + 2.0);
            double pb = (xb + 1.0) / (nb + 2.0);
            double half = z * Math.sqrt(pa * (1 - pa) / (na + 2.0) + pb * (1 - pb) / (nb + 2.0));
            return clipped(pa - pb - half, pa - pb + half);
        }
    },

    /**
     * Newcombe's hybrid score interval (1998b, method 10): with the Wilson limits (l, u) of each
     * tally at the same confidence, L = d - sqrt((p<sub>a</sub> - l<sub>a</sub>)&sup2; + (u<sub>b</sub> -
     * p<sub>b</sub>)&sup2;), U = d + sqrt((u<sub>a</sub> - p<sub>a</sub>)&sup2; + (p<sub>b</sub> - l<sub>b</sub>)&sup2;).
     * Within [-1, 1] by construction. Reference: Newcombe, Statistics in Medicine 17 (1998) 873-890.
     */
    NEWCOMBE("newcombe", "Newcombe") {
        @Override
        Interval interval(long xb, long nb, long xa, long na, double confidence, double tail, double z) {
            return hybrid(IntervalMethod.WILSON, xb, nb, xa, na, confidence);
        }
    },

    /**
     * Newcombe's method 11: as {@link #NEWCOMBE} with the continuity-corrected Wilson limits
     * ({@link IntervalMethod#WILSON_CC}). Reference: Newcombe (1998b).
     */
    NEWCOMBE_CC("newcombe_cc", "Newcombe with continuity correction") {
        @Override
        Interval interval(long xb, long nb, long xa, long na, double confidence, double tail, double z) {
            return hybrid(IntervalMethod.WILSON_CC, xb, nb, xa, na, confidence);
        }
    },

    /**
     * Miettinen and Nurminen's (1985) score interval: all D with |d - D| &lt;= z sqrt(V(D)),
     * V(D) = [r<sub>a</sub>(1 - r<sub>a</sub>)/n<sub>a</sub> + r<sub>b</sub>(1 - r<sub>b</sub>)/n<sub>b</sub>] N/(N - 1),
     * N = n<sub>a</sub> + n<sub>b</sub>, where r<sub>b</sub> = r<sub>a</sub> - D and r<sub>a</sub> is the
     * maximum likelihood estimate under p<sub>a</sub> - p<sub>b</sub> = D: the root of a cubic, solved
     * in closed form with Farrington and Manning's (1990) coefficients (checked here against a direct
     * maximisation of the likelihood; statsmodels 0.14 has one coefficient wrong, its issue #10269).
     * Each bound is the root of a monotone function on [-1, d] or [d, 1], found to full precision.
     * L = -1 when d = -1 and U = 1 when d = 1. Reference: Miettinen and Nurminen, Statistics in
     * Medicine 4 (1985) 213-226; Farrington and Manning, Statistics in Medicine 9 (1990) 1447-1454.
     */
    MIETTINEN_NURMINEN("miettinen_nurminen", "Miettinen-Nurminen") {
        @Override
        Interval interval(long xb, long nb, long xa, long na, double confidence, double tail, double z) {
            double pa = (double) xa / na;
            double pb = (double) xb / nb;
            double d = pa - pb;
            ScoreVariance variance = new ScoreVariance(pa, na, pb, nb);
            double lower = d <= -1 ? -1.0 : bound(D -> (d - D) - z * Math.sqrt(variance.at(D)), -1.0, d, -1);
            double upper = d >= 1 ? 1.0 : bound(D -> (D - d) - z * Math.sqrt(variance.at(D)), 1.0, d, 1);
            return new Interval(lower, upper);
        }

        /**
         * The root of {@code f} between {@code end} (where f &gt; 0) and the estimate d (where f &lt;= 0).
         * When the variance vanishes at d (both rates 0 or 1), f(d) = 0 but f is negative just
         * beside d, so the search starts a hair inside.
         */
        private double bound(java.util.function.DoubleUnaryOperator f, double end, double d, int direction) {
            double inner = d;
            if (f.applyAsDouble(d) == 0) {
                inner = d + direction * 1e-14;
                if (f.applyAsDouble(inner) > 0) {
                    return d;
                }
            }
            return Roots.bracketed(f, Math.min(end, inner), Math.max(end, inner));
        }
    };

    private final String token;
    private final String displayName;

    DifferenceMethod(String token, String displayName) {
        this.token = token;
        this.displayName = displayName;
    }

    /** The interval with tail probability {@code tail} and z = -Phi<sup>-1</sup>(tail); inputs valid. */
    abstract Interval interval(long xb, long nb, long xa, long na, double confidence, double tail, double z);

    /** The command-line token, e.g. {@code miettinen_nurminen}. */
    @Override
    public String token() {
        return token;
    }

    /** The name for text output. */
    @Override
    public String displayName() {
        return displayName;
    }

    /**
     * The two-sided interval for the change {@code after.rate() - before.rate()} at
     * {@code confidence}.
     *
     * @param before     the earlier inspection's tally
     * @param after      the later inspection's tally
     * @param confidence in (0, 1)
     * @return the interval, within [-1, 1]
     * @throws IllegalArgumentException for a null tally or a confidence outside (0, 1) or NaN
     */
    @Override
    public Interval interval(Tally before, Tally after, double confidence) {
        Args.notNull("before", before);
        Args.notNull("after", after);
        double tail = (1 - Args.confidence(confidence)) / 2;
        return interval(before.recorded(), before.audited(), after.recorded(), after.audited(), confidence, tail,
                -Normal.quantile(tail));
    }

    /**
     * The method for a token: case ignored, {@code -} or space read as {@code _}.
     *
     * @throws IllegalArgumentException naming the token and the valid ones
     */
    public static DifferenceMethod fromToken(String token) {
        String normalized = Args.token(token);
        for (DifferenceMethod method : values()) {
            if (method.token.equals(normalized)) {
                return method;
            }
        }
        throw new IllegalArgumentException("method ('" + token + "') must be one of " + tokens());
    }

    /** The valid tokens, comma-separated. */
    public static String tokens() {
        return Arrays.stream(values()).map(DifferenceMethod::token).collect(Collectors.joining(", "));
    }

    private static Interval clipped(double lower, double upper) {
        return new Interval(Math.max(-1.0, lower), Math.min(1.0, upper));
    }

    private static Interval hybrid(IntervalMethod method, long xb, long nb, long xa, long na, double confidence) {
        double pa = (double) xa / na;
        double pb = (double) xb / nb;
        Interval a = method.interval(xa, na, confidence);
        Interval b = method.interval(xb, nb, confidence);
        double d = pa - pb;
        return new Interval(d - Math.hypot(pa - a.lower(), b.upper() - pb), d + Math.hypot(a.upper() - pa, pb - b.lower()));
    }
}
