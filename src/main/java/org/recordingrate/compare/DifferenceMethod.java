package org.recordingrate.compare;

import org.recordingrate.model.Token;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.recordingrate.model.Interval;
import org.recordingrate.model.Tally;
import org.recordingrate.estimate.IntervalMethod;
import org.recordingrate.internal.Args;
import org.recordingrate.internal.Normal;
import org.recordingrate.internal.Roots;
import org.recordingrate.internal.Wilson;
import org.recordingrate.internal.ExactArithmetic;

/**
 * Confidence intervals for the change in recording rate between two inspections,
 * d = p<sub>a</sub> - p<sub>b</sub> (a = after, the later inspection; b = before). Each constant
 * carries its own computation; bounds lie in [-1, 1].
 *
 * <p>Which test agrees with which interval (the interval excludes 0 exactly when the test rejects
 * at alpha = 1 - confidence, two-sided): {@link #MIETTINEN_NURMINEN} with the pooled score test
 * carrying the same N/(N - 1) factor (and, without it, {@link ChangeTest#Z_POOLED} at D = 0 where
 * the restricted estimates are the pooled rate); {@link #WALD} with {@link ChangeTest#Z_UNPOOLED};
 * {@link #EXACT_UNCONDITIONAL} with {@link ChangeTest#BARNARD} one-sided at alpha/2 on each side.
 * Newcombe's and Agresti-Caffo's intervals have no exactly matching test.
 *
 * <p>Numerics: d is formed from the exact cross difference x<sub>a</sub>n<sub>b</sub> -
 * x<sub>b</sub>n<sub>a</sub>, every q = 1 - p from the counts, and every distance from d to a bound
 * without subtracting nearby numbers, so the bounds keep their relative precision when the rates
 * are within 1/n of 0 or 1 and the change is near 0.
 *
 * <p>Supported range (see {@code Args}): each group audited 1 to 2<sup>53</sup>, confidence
 * 10<sup>-6</sup> to 1 - 10<sup>-9</sup>; there every bound is within 1e-9 absolute, and 1e-7 relative
 * below 1e-3, of the 80-digit values of {@code src/test/resources/reference-extended/two-proportion-extended.csv};
 * beyond it the methods refuse. Reference values: also {@code shared/reference/two-proportion.csv}
 * (R, statsmodels and 50-digit mpmath).
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
            double d = change(xb, nb, xa, na);
            double half = z * Math.sqrt(binomialVariance(xa, na) + binomialVariance(xb, nb));
            return clipped(d - half, d + half);
        }
    },

    /**
     * Wald with continuity correction, R's {@code prop.test(c(x_a, x_b), c(n_a, n_b))$conf.int} (its
     * default {@code correct = TRUE}): d &plusmn; (z sqrt(p<sub>a</sub>q<sub>a</sub>/n<sub>a</sub> +
     * p<sub>b</sub>q<sub>b</sub>/n<sub>b</sub>) + c), c = min(&frac12;(1/n<sub>a</sub> + 1/n<sub>b</sub>),
     * |d|), clipped to [-1, 1]. The correction is Yates's half count on each tally, never more than
     * |d| (as R's {@code YATES <- min(0.5, abs(DELTA) / sum(1/n))} times {@code sum(1/n)}), so the
     * interval is d &plusmn; z se when d = 0 and zero width when both rates are 0 or 1. For 188 of 202
     * after 512 of 640: +8.07 to +18.07 points, as R. Reference: R Core Team, {@code stats::prop.test};
     * Fleiss, Levin and Paik (2003), Statistical Methods for Rates and Proportions, 3rd ed., 5.2 (Yates
     * correction for a difference); Newcombe (1998b), method 2.
     */
    WALD_CC("wald_cc", "Wald with continuity correction") {
        @Override
        Interval interval(long xb, long nb, long xa, long na, double confidence, double tail, double z) {
            double d = change(xb, nb, xa, na);
            double correction = Math.min(0.5 * (1.0 / na + 1.0 / nb), Math.abs(d));
            double half = z * Math.sqrt(binomialVariance(xa, na) + binomialVariance(xb, nb)) + correction;
            return clipped(d - half, d + half);
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
            double d = change(xb + 1, nb + 2, xa + 1, na + 2);
            double half = z * Math.sqrt(binomialVariance(xa + 1, na + 2) + binomialVariance(xb + 1, nb + 2));
            return clipped(d - half, d + half);
        }
    },

    /**
     * Newcombe's hybrid score interval (1998b, method 10): with the Wilson limits (l, u) of each
     * tally at the same confidence, L = d - sqrt((p<sub>a</sub> - l<sub>a</sub>)&sup2; + (u<sub>b</sub> -
     * p<sub>b</sub>)&sup2;), U = d + sqrt((u<sub>a</sub> - p<sub>a</sub>)&sup2; + (p<sub>b</sub> -
     * l<sub>b</sub>)&sup2;).
     * The distances p - l and u - p come from their own closed forms
     * ({@code Wilson.below}, {@code Wilson.above}), not as differences of nearby doubles (which lose
     * their digits when a bound lies within a few ulps of the rate, as at n - 1 of 2<sup>53</sup> or
     * at confidence 10<sup>-6</sup>). Within [-1, 1] by construction. Reference:
     * Newcombe, Statistics in Medicine 17 (1998) 873-890.
     */
    NEWCOMBE("newcombe", "Newcombe") {
        @Override
        Interval interval(long xb, long nb, long xa, long na, double confidence, double tail, double z) {
            double d = change(xb, nb, xa, na);
            double ya = na - xa;
            double yb = nb - xb;
            return clipped(d - Math.hypot(Wilson.below(xa, ya, z), Wilson.above(xb, yb, z)),
                    d + Math.hypot(Wilson.above(xa, ya, z), Wilson.below(xb, yb, z)));
        }
    },

    /**
     * Newcombe's method 11: as {@link #NEWCOMBE} with the continuity-corrected Wilson limits
     * ({@link IntervalMethod#WILSON_CC}), the distances again from their closed forms
     * ({@code Wilson.correctedBelow}, {@code Wilson.correctedAbove}). Reference: Newcombe (1998b).
     */
    NEWCOMBE_CC("newcombe_cc", "Newcombe with continuity correction") {
        @Override
        Interval interval(long xb, long nb, long xa, long na, double confidence, double tail, double z) {
            double d = change(xb, nb, xa, na);
            double ya = na - xa;
            double yb = nb - xb;
            return clipped(d - Math.hypot(Wilson.correctedBelow(xa, ya, z), Wilson.correctedAbove(xb, yb, z)),
                    d + Math.hypot(Wilson.correctedAbove(xa, ya, z), Wilson.correctedBelow(xb, yb, z)));
        }
    },

    /**
     * Miettinen and Nurminen's (1985) score interval: all D with |d - D| &lt;= z sqrt(V(D)),
     * V(D) = [r<sub>a</sub>(1 - r<sub>a</sub>)/n<sub>a</sub> + r<sub>b</sub>(1 - r<sub>b</sub>)/n<sub>b</sub>]
     * N/(N - 1),
     * N = n<sub>a</sub> + n<sub>b</sub>, where r<sub>b</sub> = r<sub>a</sub> - D and r<sub>a</sub> is the
     * maximum likelihood estimate under p<sub>a</sub> - p<sub>b</sub> = D (a root of Farrington and
     * Manning's (1990) cubic), found as the deviation r<sub>a</sub> - p<sub>a</sub> from the observed
     * rate, with the complementary rates formed from the counts (see {@link ScoreVariance}): the
     * closed-form root of the cubic lost its digits when both rates were near 0 or 1. Each bound
     * d + t is the root in t of |t| - z sqrt(V(d + t)), monotone on either side of d, to full
     * precision; when V(d) = 0 (both rates 0 or 1) the search starts just beside d, at a distance
     * far below the bound's (z&sup2;/N x 10<sup>-6</sup>). L = -1 when d = -1 and U = 1 when d = 1.
     * Reference: Miettinen and Nurminen, Statistics in Medicine 4 (1985) 213-226; Farrington and
     * Manning, Statistics in Medicine 9 (1990) 1447-1454.
     */
    MIETTINEN_NURMINEN("miettinen_nurminen", "Miettinen-Nurminen") {
        @Override
        Interval interval(long xb, long nb, long xa, long na, double confidence, double tail, double z) {
            ScoreVariance variance = new ScoreVariance(xa, na, xb, nb);
            double d = variance.change();
            double total = (double) na + nb;
            double lower = xa == 0 && xb == nb ? -1.0 : d + distance(variance, z, -1 - d, total);
            double upper = xa == na && xb == 0 ? 1.0 : d + distance(variance, z, 1 - d, total);
            return clipped(lower, upper);
        }

        /**
         * The t between 0 and {@code end} (the distance to -1 or 1) with |t| = z sqrt(V(d + t)):
         * f(t) = |t| - z sqrt(V) is at most 0 at t = 0 and positive at the end.
         */
        private double distance(ScoreVariance variance, double z, double end, double total) {
            if (end == 0) {
                // d rounded to -1 or 1 although not every record went one way (n - 1 of 2^53 against 0):
                // the bound is d itself (found by IntervalPropertiesTest; it threw "no sign change")
                return 0;
            }
            java.util.function.DoubleUnaryOperator f = t -> Math.abs(t) - z * Math.sqrt(variance.atDistance(t));
            double inner = 0;
            if (f.applyAsDouble(0) == 0) {
                // V(d) = 0: f(t) ~ |t| - z sqrt(c |t|) is negative on (0, z^2 c), c of order 1/N
                inner = Math.copySign(Math.max(Double.MIN_NORMAL, 1e-6 * z * z / total), end);
                if (f.applyAsDouble(inner) > 0) {
                    return 0;
                }
            }
            return Roots.bracketed(f, Math.min(inner, end), Math.max(inner, end));
        }
    },

    /**
     * The exact unconditional interval (Chan and Zhang 1999; Agresti and Min 2001): the changes D that
     * neither one-sided exact unconditional test rejects at alpha/2, tables ordered by Farrington and
     * Manning's score statistic at D and the probability maximised over the nuisance rate; at D = 0 the
     * test is Barnard's ({@link ChangeTest#BARNARD}, pooled z), so the interval excludes 0 on a side
     * exactly when Barnard's one-sided test in that direction rejects at alpha/2. Guaranteed coverage
     * (at least the nominal level at every pair of rates). As SAS's {@code RISKDIFF(CL=EXACT)} with
     * {@code METHOD=SCORE}, StatXact and R's {@code exact2x2::uncondExact2x2(method = "score")}. At most
     * 5,000 audited in both groups together (above, {@link #MIETTINEN_NURMINEN} is its asymptotic
     * counterpart and the two agree closely). See {@link UnconditionalInterval} for the definition and
     * the algorithm. References: Chan and Zhang, Biometrics 55 (1999) 1202-1209; Agresti and Min,
     * Biometrics 57 (2001) 963-971.
     */
    EXACT_UNCONDITIONAL("exact_unconditional", "exact unconditional") {
        @Override
        Interval interval(long xb, long nb, long xa, long na, double confidence, double tail, double z) {
            return UnconditionalInterval.interval(xb, nb, xa, na, tail);
        }
    };

    private final String token;
    private final String displayName;

    DifferenceMethod(String token, String displayName) {
        this.token = token;
        this.displayName = displayName;
    }

    /**
     * Whether this method gives an interval for tallies of these sizes. Every method does, except
     * {@link #EXACT_UNCONDITIONAL} beyond 5,000 audited in both tallies together (its search over the
     * nuisance rate would take too long there; {@link #MIETTINEN_NURMINEN} is its asymptotic counterpart).
     * Lets a caller asking for every method leave out, with a note, the one that cannot answer.
     *
     * @param before the earlier tally, not null
     * @param after the later tally, not null
     * @return true when {@link #interval} can be called for these tallies
     * @throws IllegalArgumentException if either tally is null
     */
    public boolean handles(Tally before, Tally after) {
        Args.notNull("before", before);
        Args.notNull("after", after);
        return this != EXACT_UNCONDITIONAL
                || before.audited() + after.audited() <= UnconditionalInterval.MAX_AUDITED;
    }

    /**
     * Why {@link #handles} is false for these tallies, as a note: "exact_unconditional left out: 6,400
     * audited in all, more than its 5,000 (miettinen_nurminen is its asymptotic counterpart)".
     *
     * @param before the earlier tally, not null
     * @param after the later tally, not null
     * @return the sentence
     * @throws IllegalArgumentException if either tally is null
     */
    public String leftOut(Tally before, Tally after) {
        Args.notNull("before", before);
        Args.notNull("after", after);
        return token + " left out: " + String.format(java.util.Locale.ROOT, "%,d", before.audited() + after.audited())
                + " audited in all, more than its " + String.format(java.util.Locale.ROOT, "%,d", UnconditionalInterval.MAX_AUDITED)
                + " (" + MIETTINEN_NURMINEN.token() + " is its asymptotic counterpart)";
    }

    /** The interval with tail probability {@code tail} and z = -Phi<sup>-1</sup>(tail); inputs valid. */
    abstract Interval interval(long xb, long nb, long xa, long na, double confidence, double tail, double z);

    /**
     * The command-line token, e.g. {@code miettinen_nurminen}: the constant's name in lower case.
     *
     * @return the token
     */
    @Override
    public String token() {
        return token;
    }

    /**
     * The name for text output, e.g. {@code "Miettinen-Nurminen"}.
     *
     * @return the display name
     */
    @Override
    public String displayName() {
        return displayName;
    }

    /**
     * The two-sided interval for the change {@code after.rate() - before.rate()} at
     * {@code confidence}.
     *
     * @param before     the earlier inspection's tally, at most 2<sup>53</sup> audited
     * @param after      the later inspection's tally, at most 2<sup>53</sup> audited
     * @param confidence from 10<sup>-6</sup> to 1 - 10<sup>-9</sup> ({@code Args.confidence})
     * @return the interval, within [-1, 1]
     * @throws IllegalArgumentException for a null tally, an audited count above 2<sup>53</sup> or a
     *                                  confidence outside the supported range or NaN; the message
     *                                  names the argument, its value and the limit
     */
    @Override
    public Interval interval(Tally before, Tally after, double confidence) {
        Args.notNull("before", before);
        Args.notNull("after", after);
        Args.countInRange("audited before", before.audited());
        Args.countInRange("audited after", after.audited());
        double tail = (1 - Args.confidence(confidence)) / 2;
        return interval(before.recorded(), before.audited(), after.recorded(), after.audited(), confidence, tail,
                Normal.twoSidedCritical(confidence));
    }



    private static Interval clipped(double lower, double upper) {
        return new Interval(Math.max(-1.0, lower), Math.min(1.0, upper));
    }

    /** d = x<sub>a</sub>/n<sub>a</sub> - x<sub>b</sub>/n<sub>b</sub> from the exact cross difference. */
    private static double change(long xb, long nb, long xa, long na) {
        return ExactArithmetic.crossDifference(xa, nb, xb, na) / ((double) na * nb);
    }

    /** p q / n from the counts: (x/n)((n - x)/n)/n. */
    private static double binomialVariance(long x, long n) {
        return ((double) x / n) * ((double) (n - x) / n) / n;
    }
}
