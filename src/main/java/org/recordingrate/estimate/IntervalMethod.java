package org.recordingrate.estimate;

import org.recordingrate.model.Token;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.recordingrate.model.Interval;
import org.recordingrate.model.Tally;
import org.recordingrate.internal.Args;
import org.recordingrate.internal.Beta;
import org.recordingrate.internal.Normal;
import org.recordingrate.internal.Roots;
import org.recordingrate.internal.Wilson;

/**
 * Confidence intervals for one category's recording rate p from a tally of {@code x} recorded
 * of {@code n} audited. Each constant carries its own computation.
 *
 * <p>Notation: p&#770; = x/n, q&#770; = 1 - p&#770;, alpha = 1 - confidence, z = Phi<sup>-1</sup>(1 -
 * alpha/2) for a two-sided interval. A one-sided bound at level c is the bound of the two-sided
 * interval at level 2c - 1 (the tail probability alpha/2 is replaced by 1 - c).
 *
 * <p>Conventions at the edges (after Brown, Cai and DasGupta 2001, Statistical Science 16, 101-133):
 * all bounds lie in [0, 1]; at x = 0 the lower bound is exactly 0 and at x = n the upper bound is
 * exactly 1 for every method except {@link #WALD}, whose interval collapses to the point p&#770;
 * there (that is what the formula gives, and what published "+/- 0.0" figures show).
 *
 * <p><b>Supported range and accuracy.</b> Audited counts from 1 to 2<sup>53</sup>
 * (9007199254740992, {@code Args.MAX_AUDITED}) and confidence levels from 10<sup>-6</sup> to
 * 1 - 10<sup>-9</sup> ({@code Args.MIN_CONFIDENCE}, {@code Args.MAX_CONFIDENCE}; one-sided bounds
 * from 0.5). In that range every bound of every method is within 1e-9 of the exact value, and
 * within 1e-7 relative when it is below 1e-3 (so a bound of 1e-15 is right to 1e-22): checked
 * against 80-digit mpmath values over the whole range, recorded counts 0, 1, 2, n/1000, n/2, n - 2,
 * n - 1 and n, in {@code src/test/resources/reference-extended/single-proportion-extended.csv}
 * (made by {@code make_extended_reference.py} there), and against
 * {@code shared/reference/single-proportion.csv} (R, statsmodels and 50-digit mpmath). Outside
 * the range every method refuses with an {@link IllegalArgumentException} naming the argument,
 * its value and the limit (the checks are {@code Args.tallyInRange}, {@code Args.confidence} and
 * {@code Args.oneSidedConfidence}): above 2<sup>53</sup> neither the counts nor the rate are exact
 * doubles, and at levels like 1 - 10<sup>-16</sup> or 10<sup>-16</sup> the tail probability or the
 * interval's width is down to a few ulps. The formulas avoid every cancellation that matters in
 * the range: no q&#770; = 1 - p&#770; of a rounded p&#770; (each is formed from the counts), no bound
 * near 0 computed as 1 minus a number near 1, the smaller Wilson root from the product of the
 * roots; the Beta quantiles keep their relative accuracy for shapes up to 2<sup>53</sup>.
 */
public enum IntervalMethod implements RateIntervalMethod {

    /**
     * Wald (Laplace) interval: p&#770; &plusmn; z sqrt(p&#770;q&#770;/n), clipped to [0, 1]. The unclipped
     * half-width z sqrt(p&#770;q&#770;/n) is the "+/- margin" the inspectors publish (see
     * {@link RateEstimate#margin()}). p&#770;q&#770;/n is formed as (x/n)((n - x)/n)/n from the counts,
     * so that q&#770; keeps its digits when p&#770; is within 10<sup>-16</sup> of 1. Degenerate (zero
     * width) at x = 0 and x = n. Reference: Laplace (1812); Brown, Cai and DasGupta (2001), section
     * 2.1.
     */
    WALD("wald", "Wald") {
        @Override
        double lower(long x, long n, double tail, double z) {
            return Math.max(0.0, (double) x / n - z * standardError(x, n));
        }

        @Override
        double upper(long x, long n, double tail, double z) {
            return Math.min(1.0, (double) x / n + z * standardError(x, n));
        }
    },

    /**
     * Wilson (1927) score interval: the p with |p&#770; - p| &lt;= z sqrt(p(1 - p)/n), i.e.
     * (x + z&sup2;/2 &plusmn; z sqrt(x(n-x)/n + z&sup2;/4)) / (n + z&sup2;). Computed without cancellation
     * (see {@code Wilson}): the smaller root as the product of the roots,
     * x&sup2;/(n(n + z&sup2;)), over the larger one; of the two bounds, the one on the far side of 1/2
     * as 1 minus the mirror image's small bound, never 1 minus a number near 1 (the textbook
     * 1 - L(n - x) put the upper bound of 1 of 10<sup>14</sup> 1.5e-3 too high, relatively, and that
     * of 1 of 10<sup>17</sup> below the rate). Relative error a few ulps at every supported count.
     * Lower bound exactly 0 at x = 0, upper exactly 1 at x = n. Reference: Wilson, JASA 22 (1927)
     * 209-212; Newcombe (1998a) method 3.
     */
    WILSON("wilson", "Wilson") {
        @Override
        double lower(long x, long n, double tail, double z) {
            return Wilson.lower(x, n - x, z);
        }

        @Override
        double upper(long x, long n, double tail, double z) {
            return Wilson.upper(x, n - x, z);
        }
    },

    /**
     * Wilson score interval with continuity correction, Newcombe (1998a) method 4:
     * L = (2x + z&sup2; - 1 - z sqrt(z&sup2; - 2 - 1/n + 4p&#770;(nq&#770; + 1))) / (2(n + z&sup2;)),
     * U = (2x + z&sup2; + 1 + z sqrt(z&sup2; + 2 - 1/n + 4p&#770;(nq&#770; - 1))) / (2(n + z&sup2;)).
     * L is computed in the algebraically equal form (2x - 1)&sup2; / (2n(2x + z&sup2; - 1 + z sqrt(...)))
     * free of cancellation, and U directly for x &lt; n - x and as 1 - L(n - x) otherwise (an
     * identity), see {@code Wilson.correctedLower}. L = 0 at x = 0 and
     * U = 1 at x = n. Unlike R's {@code prop.test}, the correction is never dropped (not even at
     * p&#770; = 0.5). Reference: Newcombe, Statistics in Medicine 17 (1998) 857-872.
     */
    WILSON_CC("wilson_cc", "Wilson with continuity correction") {
        @Override
        double lower(long x, long n, double tail, double z) {
            return Wilson.correctedLower(x, n - x, z);
        }

        @Override
        double upper(long x, long n, double tail, double z) {
            return Wilson.correctedUpper(x, n - x, z);
        }
    },

    /**
     * Agresti-Coull ("add z&sup2;/2 successes and failures") interval: with n&#771; = n + z&sup2; and
     * p&#771; = (x + z&sup2;/2)/n&#771;, p&#771; &plusmn; z sqrt(p&#771;(1 - p&#771;)/n&#771;), clipped to [0, 1]
     * (the clipping makes the lower bound 0 at x = 0 and the upper 1 at x = n). p&#771; and
     * q&#771; = (n - x + z&sup2;/2)/n&#771; are both formed from the counts, and the bound on the far side
     * of 1/2 is 1 minus its mirror image's, so no bound is 1 minus a number near 1 (the textbook
     * 1 - q&#771; + ... put the upper bound of 1 of 10<sup>14</sup> 10% too high). Reference: Agresti
     * and Coull, The American Statistician 52 (1998) 119-126.
     */
    AGRESTI_COULL("agresti_coull", "Agresti-Coull") {
        @Override
        double lower(long x, long n, double tail, double z) {
            return 2 * x <= n ? adjustedLower(x, n - x, z) : 1 - adjustedUpper(n - x, x, z);
        }

        @Override
        double upper(long x, long n, double tail, double z) {
            return 2 * x < n ? adjustedUpper(x, n - x, z) : 1 - adjustedLower(n - x, x, z);
        }

        /** max(0, p&#771; - z sqrt(p&#771;q&#771;/n&#771;)) for x recorded and y not. */
        private double adjustedLower(long x, long y, double z) {
            double z2 = z * z;
            double nTilde = x + y + z2;
            double pTilde = (x + z2 / 2) / nTilde;
            double qTilde = (y + z2 / 2) / nTilde;
            return Math.max(0.0, pTilde - z * Math.sqrt(pTilde * qTilde / nTilde));
        }

        /** min(1, p&#771; + z sqrt(p&#771;q&#771;/n&#771;)). */
        private double adjustedUpper(long x, long y, double z) {
            double z2 = z * z;
            double nTilde = x + y + z2;
            double pTilde = (x + z2 / 2) / nTilde;
            double qTilde = (y + z2 / 2) / nTilde;
            return Math.min(1.0, pTilde + z * Math.sqrt(pTilde * qTilde / nTilde));
        }
    },

    /**
     * Clopper-Pearson "exact" interval: L = B<sup>-1</sup>(alpha/2; x, n - x + 1) and
     * U = B<sup>-1</sup>(1 - alpha/2; x + 1, n - x), the Beta quantiles equivalent to inverting the
     * two binomial tails P(X &gt;= x) = alpha/2 and P(X &lt;= x) = alpha/2. L = 0 at x = 0, U = 1
     * at x = n. Reference: Clopper and Pearson, Biometrika 26 (1934) 404-413.
     */
    CLOPPER_PEARSON("clopper_pearson", "Clopper-Pearson") {
        @Override
        double lower(long x, long n, double tail, double z) {
            return x == 0 ? 0.0 : Beta.quantile(tail, x, n - x + 1.0);
        }

        @Override
        double upper(long x, long n, double tail, double z) {
            return x == n ? 1.0 : Beta.complementQuantile(tail, x + 1.0, n - x);
        }
    },

    /**
     * Jeffreys interval: the equal-tailed alpha/2 and 1 - alpha/2 quantiles of the Beta(x + 1/2,
     * n - x + 1/2) posterior under the Jeffreys prior, with Brown, Cai and DasGupta's (2001)
     * modification: L = 0 at x = 0 and U = 1 at x = n. Reference: Brown, Cai and DasGupta,
     * Statistical Science 16 (2001) 101-133, section 4.1.2.
     */
    JEFFREYS("jeffreys", "Jeffreys") {
        @Override
        double lower(long x, long n, double tail, double z) {
            return x == 0 ? 0.0 : Beta.quantile(tail, x + 0.5, n - x + 0.5);
        }

        @Override
        double upper(long x, long n, double tail, double z) {
            return x == n ? 1.0 : Beta.complementQuantile(tail, x + 0.5, n - x + 0.5);
        }
    },

    /**
     * Exact mid-p interval: L solves (1/2)P(X = x) + P(X &gt; x) = alpha/2 and U solves
     * (1/2)P(X = x) + P(X &lt; x) = alpha/2, X ~ Binomial(n, p). With I the regularized
     * incomplete beta function, (1/2)P(X = x) + P(X &gt; x) = (I<sub>p</sub>(x, n - x + 1) +
     * I<sub>p</sub>(x + 1, n - x))/2; each root is found to full precision by Newton's method
     * (the derivative is the mean of two Beta densities) from the Jeffreys bound, which lies close
     * to it, inside a bracket that keeps it safe. Closed forms at the edges: L = 0 and
     * U = 1 - (alpha)<sup>1/n</sup> at x = 0; L = alpha<sup>1/n</sup> and U = 1 at x = n. Reference:
     * Lancaster (1961); Berry and Armitage, The Statistician 44 (1995) 417-423; Newcombe (1998a)
     * method 6.
     */
    MID_P("mid_p", "mid-p") {
        /*
         * Above n/2 each bound is 1 minus the other bound of the mirrored tally n - x (L(x) = 1 - U(n - x)):
         * solved directly, a bound within a few ulps of 1 came out of the root search on the wrong side
         * of the other (lower 1 - 3.3e-16 above upper 1 - 4.4e-16 at n - 1 of 2^53, an exception instead of
         * an interval; found by IntervalPropertiesTest), while its mirror image near 0 keeps every digit.
         */
        @Override
        double lower(long x, long n, double tail, double z) {
            return x > n - x ? 1 - upperDirect(n - x, n, tail) : lowerDirect(x, n, tail);
        }

        @Override
        double upper(long x, long n, double tail, double z) {
            return x > n - x ? 1 - lowerDirect(n - x, n, tail) : upperDirect(x, n, tail);
        }

        private double lowerDirect(long x, long n, double tail) {
            if (x == 0) {
                return 0.0;
            }
            if (x == n) {
                // (1/2) p^n = tail
                return Math.exp(Math.log(2 * tail) / n);
            }
            double a = x;
            double b = n - x + 1.0;
            return Roots.newton(p -> 0.5 * (Beta.regularized(p, a, b) + Beta.regularized(p, a + 1, b - 1)) - tail,
                    p -> midDensity(p, x, n), 0, 1, Beta.quantile(tail, x + 0.5, n - x + 0.5));
        }

        private double upperDirect(long x, long n, double tail) {
            if (x == n) {
                return 1.0;
            }
            if (x == 0) {
                // (1/2) (1 - p)^n = tail
                return -Math.expm1(Math.log(2 * tail) / n);
            }
            double a = x;
            double b = n - x + 1.0;
            // (1/2)P(X = x) + P(X < x) = (P(X <= x) + P(X < x)) / 2 = (1 - I_p(x+1, n-x) + 1 - I_p(x, n-x+1)) / 2,
            // decreasing in p: solve its negative, which has the same derivative as the lower bound's function.
            return Roots.newton(
                    p -> tail - 0.5 * (Beta.regularizedComplement(p, a + 1, b - 1) + Beta.regularizedComplement(p, a, b)),
                    p -> midDensity(p, x, n), 0, 1, Beta.complementQuantile(tail, x + 0.5, n - x + 0.5));
        }

        /**
         * d/dp of (I_p(x, n-x+1) + I_p(x+1, n-x))/2: the mean of the two Beta densities. Only
         * the Newton steps use it, so the log-space form is accurate enough at any n.
         */
        private double midDensity(double p, long x, long n) {
            double logP = Math.log(p);
            double logQ = Math.log1p(-p);
            double first = Math.exp((x - 1) * logP + (n - x) * logQ - Beta.logBeta(x, n - x + 1.0));
            double second = x == n ? 0.0 : Math.exp(x * logP + (n - x - 1) * logQ - Beta.logBeta(x + 1.0, n - x));
            return 0.5 * (first + second);
        }
    },

    /**
     * Wald interval on the logit scale: logit(p&#770;) &plusmn; z sqrt(1/(n p&#770; q&#770;)), transformed back
     * with expit. The logit is undefined at x = 0 and x = n; there this method returns the
     * Clopper-Pearson bounds, [0, 1 - (alpha/2)<sup>1/n</sup>] and [(alpha/2)<sup>1/n</sup>, 1], as the
     * R package {@code binom} does, so batch runs never fail on a category where every audited crime
     * was recorded. Reference: Brown, Cai and DasGupta (2001), section 4.1.3; Agresti (2013),
     * Categorical Data Analysis, section 1.4.
     */
    LOGIT("logit", "logit") {
        @Override
        double lower(long x, long n, double tail, double z) {
            return x == 0 || x == n ? CLOPPER_PEARSON.lower(x, n, tail, z) : logitBound(x, n, -z);
        }

        @Override
        double upper(long x, long n, double tail, double z) {
            return x == 0 || x == n ? CLOPPER_PEARSON.upper(x, n, tail, z) : logitBound(x, n, z);
        }

        /**
         * expit(logit(x/n) + signedZ / sqrt(n p(1 - p))) for 0 &lt; x &lt; n, with n p (1 - p) formed
         * as x (n - x)/n from the counts (1 - p from a rounded p is 0 at n - 1 of 10<sup>18</sup>).
         */
        private double logitBound(long x, long n, double signedZ) {
            double npq = x * ((double) (n - x) / n);
            return expit(Math.log((double) x / (n - x)) + signedZ / Math.sqrt(npq));
        }
    };

    private final String token;
    private final String displayName;

    IntervalMethod(String token, String displayName) {
        this.token = token;
        this.displayName = displayName;
    }

    /**
     * The lower bound at tail probability {@code tail} with {@code z = -Phi^-1(tail)}; arguments
     * already validated.
     */
    abstract double lower(long x, long n, double tail, double z);

    /** The upper bound at tail probability {@code tail}; arguments already validated. */
    abstract double upper(long x, long n, double tail, double z);

    /**
     * The command-line token, e.g. {@code clopper_pearson}: the constant's name in lower case.
     *
     * @return the token
     */
    @Override
    public String token() {
        return token;
    }

    /**
     * The name used in text output, e.g. {@code "Clopper-Pearson"}.
     *
     * @return the display name
     */
    @Override
    public String displayName() {
        return displayName;
    }

    /**
     * The two-sided interval for {@code recorded} of {@code audited} at {@code confidence}.
     *
     * @param recorded   audited reports that were recorded, 0 to {@code audited}
     * @param audited    reports audited, 1 to 2<sup>53</sup> ({@code Args.MAX_AUDITED})
     * @param confidence the confidence level, 10<sup>-6</sup> to 1 - 10<sup>-9</sup> (0.95 for 95%)
     * @return the interval, bounds in [0, 1], accurate to 1e-9 absolute and 1e-7 relative below 1e-3
     * @throws IllegalArgumentException for negative counts, {@code recorded > audited},
     *                                  {@code audited == 0} or above 2<sup>53</sup>, or a confidence
     *                                  outside the supported range or NaN; the message names the
     *                                  argument, its value and the limit
     */
    public Interval interval(long recorded, long audited, double confidence) {
        Args.tallyInRange(recorded, audited);
        double tail = (1 - Args.confidence(confidence)) / 2;
        return interval(recorded, audited, tail, Normal.twoSidedCritical(confidence));
    }

    /**
     * The two-sided interval for a tally at {@code confidence}, as
     * {@link #interval(long, long, double)}.
     *
     * @param tally      recorded of audited, audited at most 2<sup>53</sup>
     * @param confidence the confidence level, 10<sup>-6</sup> to 1 - 10<sup>-9</sup>
     * @return the interval, bounds in [0, 1]
     * @throws IllegalArgumentException for a null tally, audited above 2<sup>53</sup> or a confidence out
     *                                  of range
     */
    @Override
    public Interval interval(Tally tally, double confidence) {
        Args.notNull("tally", tally);
        return interval(tally.recorded(), tally.audited(), confidence);
    }

    /**
     * The one-sided lower bound for a tally, as {@link #lowerBound(long, long, double)}.
     *
     * @param tally      recorded of audited, audited at most 2<sup>53</sup>
     * @param confidence the one-sided level, 0.5 to 1 - 10<sup>-9</sup>
     * @return the bound, in [0, 1]
     * @throws IllegalArgumentException for a null tally, audited above 2<sup>53</sup> or a confidence out
     *                                  of range
     */
    @Override
    public double lowerBound(Tally tally, double confidence) {
        Args.notNull("tally", tally);
        return lowerBound(tally.recorded(), tally.audited(), confidence);
    }

    /**
     * The one-sided upper bound for a tally, as {@link #upperBound(long, long, double)}.
     *
     * @param tally      recorded of audited, audited at most 2<sup>53</sup>
     * @param confidence the one-sided level, 0.5 to 1 - 10<sup>-9</sup>
     * @return the bound, in [0, 1]
     * @throws IllegalArgumentException for a null tally, audited above 2<sup>53</sup> or a confidence out
     *                                  of range
     */
    @Override
    public double upperBound(Tally tally, double confidence) {
        Args.notNull("tally", tally);
        return upperBound(tally.recorded(), tally.audited(), confidence);
    }

    /** The two-sided interval with the tail probability and its z already computed. */
    Interval interval(long recorded, long audited, double tail, double z) {
        return new Interval(lower(recorded, audited, tail, z), upper(recorded, audited, tail, z));
    }

    /**
     * The one-sided lower confidence bound at {@code confidence}: the rate is at least this with
     * the stated confidence. Equal to the lower bound of the two-sided interval at level
     * {@code 2 confidence - 1}; 0 at {@code recorded == 0} (except Wald). At exactly 0.5 the tail is
     * 1/2 and z = 0, so the Wald and Wilson bounds are p&#770; itself.
     *
     * @param recorded   audited reports that were recorded, 0 to {@code audited}
     * @param audited    reports audited, 1 to 2<sup>53</sup>
     * @param confidence from 0.5 to 1 - 10<sup>-9</sup> ({@code Args.oneSidedConfidence})
     * @return the bound L, in [0, 1]: with the stated confidence the rate is at least L
     * @throws IllegalArgumentException as {@link #interval(long, long, double)}, and for a
     *                                  confidence outside [0.5, 1 - 10<sup>-9</sup>]
     */
    public double lowerBound(long recorded, long audited, double confidence) {
        Args.tallyInRange(recorded, audited);
        double tail = 1 - Args.oneSidedConfidence(confidence);
        return lower(recorded, audited, tail, -Normal.quantile(tail));
    }

    /**
     * The one-sided upper confidence bound at {@code confidence}: the rate is at most this with
     * the stated confidence. Equal to the upper bound of the two-sided interval at level
     * {@code 2 confidence - 1}; 1 at {@code recorded == audited} (except Wald).
     *
     * @param recorded   audited reports that were recorded, 0 to {@code audited}
     * @param audited    reports audited, 1 to 2<sup>53</sup>
     * @param confidence from 0.5 to 1 - 10<sup>-9</sup> ({@code Args.oneSidedConfidence})
     * @return the bound U, in [0, 1]: with the stated confidence the rate is at most U
     * @throws IllegalArgumentException as {@link #interval(long, long, double)}, and for a
     *                                  confidence outside [0.5, 1 - 10<sup>-9</sup>]
     */
    public double upperBound(long recorded, long audited, double confidence) {
        Args.tallyInRange(recorded, audited);
        double tail = 1 - Args.oneSidedConfidence(confidence);
        return upper(recorded, audited, tail, -Normal.quantile(tail));
    }



    static double expit(double t) {
        return t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t));
    }

    /**
     * The binomial standard error sqrt(p&#770;q&#770;/n) of x of n, formed as sqrt((x/n)((n - x)/n)/n)
     * from the counts: no 1 - p&#770; of a rounded p&#770;.
     */
    static double standardError(long x, long n) {
        double p = (double) x / n;
        double q = (double) (n - x) / n;
        return Math.sqrt(p * q / n);
    }
}
