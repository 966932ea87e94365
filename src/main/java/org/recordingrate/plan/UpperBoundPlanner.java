package org.recordingrate.plan;

import java.util.OptionalDouble;
import java.util.OptionalLong;

import org.recordingrate.internal.Args;
import org.recordingrate.error.ArgumentException;
import org.recordingrate.internal.Beta;
import org.recordingrate.internal.Hypergeometric;
import org.recordingrate.internal.Units;

/**
 * Zero-error and one-sided planning, as auditors plan attribute samples: the smallest audited
 * count n such that finding at most e unrecorded records among them shows, one-sided at
 * confidence 1 - alpha, that fewer than a tolerable share p_t of the records are unrecorded.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * UpperBoundPlanner.withDefaults().plan(5, 0);          // 59: 0.95^59 = 0.0485 <= 0.05 < 0.95^58
 * UpperBoundPlanner.withDefaults().plan(5, 0, 1_000);   // 57 from 1,000 records (hypergeometric)
 * }</pre>
 *
 * <p><b>Units.</b> The tolerable share is given in percent (5 for "under 5% unrecorded"), as every
 * planning target; one that looks like a fraction (0.05) is refused with the library's one units
 * hint, and {@link #inFractions()} gives a planner that takes fractions (also the way to state a
 * share truly below 1 percent). Results hold fractions.
 *
 * <p><b>Range.</b> Every planned count, and so the expected errors and the population, is at most
 * 2^53 ({@link #MAX_AUDITED}), the library's supported count; a size that would pass it is refused
 * with a message naming the tolerable share and the expected errors.
 *
 * <p><b>Binomial</b> (an unlimited population): n is the smallest count with
 * P(X &lt;= e; n, p_t) &lt;= alpha, X ~ Binomial(n, p_t), the probability of passing the audit if
 * the share were p_t; equivalently the Clopper-Pearson one-sided upper bound for e of n, the
 * Beta(1 - alpha; e + 1, n - e) quantile, is at most p_t. With e = 0 this is (1 - p_t)^n &lt;= alpha,
 * n = ceil(ln alpha / ln(1 - p_t)), 59 for 5% at 95% (the "rule of three" n ~ 3/p_t is its
 * approximation). Reference: AICPA (2019), Audit Guide: Audit Sampling, table A-1; Guy,
 * Carmichael and Whittington (2002), Audit Sampling, 5th ed., chapter 4.
 *
 * <p><b>Hypergeometric</b> (N records): the share to rule out is D0 = ceil(p_t N) unrecorded
 * records (the smallest count that is not under p_t), and n is the smallest count with
 * P(X &lt;= e | N, D0, n) &lt;= alpha, X hypergeometric; with e = 0,
 * P(X = 0) = C(N - D0, n)/C(N, n). When D0 &lt;= e no audit can rule D0 out and an exception says
 * so.
 *
 * <p>Both probabilities decrease strictly in n, so the answer is found by bisection and is
 * exactly the smallest: the result shows the probability ("risk") at n and n - 1.
 */
public final class UpperBoundPlanner {

    /** The default one-sided confidence, 0.95. */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    /** The largest count planned, 2^53: every count up to it is exact as a double. */
    public static final long MAX_AUDITED = Args.MAX_AUDITED;

    private static final UpperBoundPlanner DEFAULTS = new UpperBoundPlanner(DEFAULT_CONFIDENCE, false);

    private final double confidence;
    private final double alpha;
    private final boolean fractions;

    private UpperBoundPlanner(double confidence, boolean fractions) {
        this.confidence = Args.confidence(confidence);
        this.alpha = 1 - confidence;
        this.fractions = fractions;
    }

    /**
     * The planner at one-sided 95% ({@value #DEFAULT_CONFIDENCE}), alpha = 0.05.
     *
     * @return the shared default planner
     */
    public static UpperBoundPlanner withDefaults() {
        return DEFAULTS;
    }

    /**
     * This planner at another one-sided confidence level 1 - alpha.
     *
     * @param confidence the one-sided level, from 10<sup>-6</sup> to 1 - 10<sup>-9</sup>, e.g. 0.95
     * @return a new planner
     * @throws IllegalArgumentException if {@code confidence} is outside that supported range or NaN
     */
    public UpperBoundPlanner withConfidence(double confidence) {
        return new UpperBoundPlanner(confidence, fractions);
    }

    /**
     * This planner taking the tolerable share as a fraction (0.05 for 5%), none refused as looking
     * like a fraction: the way to state a share truly below 1 percent. Results hold fractions either
     * way.
     *
     * @return a new planner at this one's confidence
     */
    public UpperBoundPlanner inFractions() {
        return new UpperBoundPlanner(confidence, true);
    }

    /**
     * The one-sided confidence level 1 - alpha.
     *
     * @return the level, e.g. 0.95
     */
    public double confidence() {
        return confidence;
    }

    /**
     * The binomial size: the smallest n with P(X &lt;= e; n, p_t) &lt;= alpha, and the Clopper-Pearson
     * upper bound at e of n. With e = 0, n = ceil(ln alpha / ln(1 - p_t)).
     *
     * @param tolerableShare the unrecorded share p_t to rule out in percent, strictly between 0 and
     *                       100 (5 for "under 5%"; a fraction with {@link #inFractions()})
     * @param expectedErrors unrecorded records e allowed among those audited, from 0 to 2^53
     * @return the size with its risk at n and n - 1 (none when n - 1 is below max(1, e)), in fractions
     * @throws IllegalArgumentException if {@code tolerableShare} is out of range (NaN fails) or looks
     *                                  like a fraction, {@code expectedErrors} is out of range, or the
     *                                  size would exceed 2^53 (a tolerable share too small for the
     *                                  errors allowed)
     */
    public UpperBoundSize plan(double tolerableShare, long expectedErrors) {
        double tolerable = tolerable(tolerableShare);
        checkErrors(expectedErrors);
        // P(X <= e; n, p) decreases in n: find a count that passes by doubling, then bisect
        long low = expectedErrors;          // n = e always passes nothing: P(X <= e) = 1
        long high = Math.max(1, expectedErrors + 1);
        while (high <= MAX_AUDITED && binomialRisk(high, tolerable, expectedErrors) > alpha) {
            low = high;
            high = high > MAX_AUDITED / 2 ? MAX_AUDITED + 1 : 2 * high;
        }
        if (high > MAX_AUDITED) {
            if (binomialRisk(MAX_AUDITED, tolerable, expectedErrors) > alpha) {
                throw new ArgumentException("tolerable", "tolerable (" + Args.show(tolerableShare) + (fractions ? ""
                        : " percent") + ") with " + expectedErrors + " expected errors needs more than 2^53 = "
                        + MAX_AUDITED + " audited, the largest count supported: allow a larger share or fewer errors");
            }
            high = MAX_AUDITED;
        }
        long n = bisect(low, high, m -> binomialRisk(m, tolerable, expectedErrors) <= alpha);
        double bound = n == expectedErrors ? 1 : Beta.quantile(confidence, expectedErrors + 1.0, (double) n - expectedErrors);
        return new UpperBoundSize(confidence, tolerable, expectedErrors, OptionalLong.empty(), OptionalLong.empty(), n,
                binomialRisk(n, tolerable, expectedErrors),
                n - 1 >= Math.max(1, expectedErrors) ? OptionalDouble.of(binomialRisk(n - 1, tolerable, expectedErrors))
                        : OptionalDouble.empty(), bound);
    }

    /**
     * The hypergeometric size for a population of {@code population} records: with
     * D0 = ceil(p_t N), the smallest n with P(X &lt;= e | N, D0, n) &lt;= alpha; at most N, since a census
     * finding e or fewer rules D0 out with certainty.
     *
     * @param tolerableShare the unrecorded share p_t to rule out in percent, strictly between 0 and
     *                       100 (a fraction with {@link #inFractions()})
     * @param expectedErrors unrecorded records e allowed among those audited, from 0 to 2^53
     * @param population     records in the population N, from 1 to 2^53
     * @return the size with its risk at n and n - 1, D0 and the hypergeometric upper bound on the
     *         share, in fractions
     * @throws IllegalArgumentException if {@code tolerableShare} is out of range or looks like a
     *                                  fraction, {@code expectedErrors} or {@code population} is out
     *                                  of range, or when ceil(tolerable x N) is not above
     *                                  {@code expectedErrors} (no audit could rule it out)
     */
    public UpperBoundSize plan(double tolerableShare, long expectedErrors, long population) {
        double tolerable = tolerable(tolerableShare);
        checkErrors(expectedErrors);
        Args.positive("population", population);
        Args.countInRange("population", population);
        long d0 = (long) Math.ceil(tolerable * population);
        if (d0 <= expectedErrors) {
            throw new ArgumentException("expectedErrors", "expected errors (" + expectedErrors + ") must be below the "
                    + "tolerable count ceil(" + Args.show(tolerable) + " x " + population + ") = " + d0
                    + ": no audit of that population can rule it out");
        }
        long n = bisect(expectedErrors, population, m -> hypergeometricRisk(m, population, d0, expectedErrors) <= alpha);
        return new UpperBoundSize(confidence, tolerable, expectedErrors, OptionalLong.of(population), OptionalLong.of(d0),
                n, hypergeometricRisk(n, population, d0, expectedErrors),
                n - 1 >= Math.max(1, expectedErrors)
                        ? OptionalDouble.of(hypergeometricRisk(n - 1, population, d0, expectedErrors)) : OptionalDouble.empty(),
                (double) hypergeometricUpper(n, population, expectedErrors) / population);
    }

    /** The smallest m in (low, high] with {@code passes(m)}, given passes(high) and not passes(low). */
    private static long bisect(long low, long high, java.util.function.LongPredicate passes) {
        while (high - low > 1) {
            long middle = low + (high - low) / 2;
            if (passes.test(middle)) {
                high = middle;
            } else {
                low = middle;
            }
        }
        return high;
    }

    /** P(X &lt;= e; n, p) for X ~ Binomial(n, p): 1 - I_p(e + 1, n - e), computed directly. */
    static double binomialRisk(long n, double p, long e) {
        if (n <= e) {
            return 1;
        }
        return Beta.regularizedComplement(p, e + 1.0, (double) n - e);
    }

    /** P(X &lt;= e | N, D, n) for X hypergeometric: e or fewer of D unrecorded in a sample of n. */
    static double hypergeometricRisk(long n, long population, long unrecorded, long e) {
        if (n <= e) {
            return 1;
        }
        if (n == population) {
            return unrecorded <= e ? 1 : 0;
        }
        return Math.exp(new Hypergeometric(n, population - n, unrecorded).logLowerTail(e));
    }

    /** The largest D with P(X &lt;= e | N, D, n) &gt; alpha (the one-sided upper bound on the count). */
    private long hypergeometricUpper(long n, long population, long e) {
        // the risk decreases in D; D = e always has risk 1
        long low = e;
        long high = population + 1;
        while (high - low > 1) {
            long middle = low + (high - low) / 2;
            if (hypergeometricRisk(n, population, middle, e) > alpha) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private double tolerable(double tolerableShare) {
        Targets.units(fractions, "UpperBoundPlanner", Units.Figure.of("tolerable", tolerableShare, false));
        return Targets.open("tolerable", tolerableShare, fractions);
    }

    private static void checkErrors(long expectedErrors) {
        if (expectedErrors < 0) {
            throw new ArgumentException("expectedErrors", "expected errors (" + expectedErrors + ") must not be negative");
        }
        if (expectedErrors >= MAX_AUDITED) {
            throw new ArgumentException("expectedErrors", "expected errors (" + expectedErrors + ") must be below 2^53 = "
                    + MAX_AUDITED + ", the largest count supported");
        }
    }

    @Override
    public String toString() {
        return "attribute sample size: " + org.recordingrate.format.Percent.level(confidence) + " one-sided"
                + (fractions ? ", tolerable share in fractions" : "");
    }
}
