package org.recordingrate.plan;

import java.util.OptionalDouble;
import java.util.OptionalLong;

import org.recordingrate.estimate.IntervalMethod;
import org.recordingrate.internal.Args;
import org.recordingrate.error.ArgumentException;
import org.recordingrate.internal.Normal;
import org.recordingrate.internal.Units;
import org.recordingrate.model.Interval;

/**
 * Sample size for one category: the smallest audited count n whose margin at the expected
 * recording rate p is at most a target m. Immutable and thread-safe.
 *
 * <pre>{@code
 * SampleSize n = SampleSizePlanner.withDefaults().with(IntervalMethod.WALD).plan(2.5, 90);   // 554
 * SampleSize cp = SampleSizePlanner.withDefaults().with(IntervalMethod.CLOPPER_PEARSON).plan(2.5, 90, 5_000);
 * n.targetMargin();                                                                          // 0.025
 * }</pre>
 *
 * <p><b>Units.</b> Targets are given in percent, as published figures are: the margin in points
 * (2.5 for +/- 2.5 points), the expected rate in percent (90). A call whose margin and expected
 * rate both look like fractions ({@code plan(0.025, 0.9)}) is refused with the library's one units
 * hint; {@link #inFractions()} gives a planner that takes fractions (also the way to plan for an
 * expected rate truly below 1 percent with a margin below 1 point). Results hold fractions.
 *
 * <p><b>Margin.</b> For {@link IntervalMethod#WALD}, the published "+/-":
 * z sqrt(p(1 - p)/n), times sqrt((N - n)/(N - 1)) with a finite population of N records, at the
 * expected rate itself. For every other method, the interval of the expected count
 * x = round(n p) (halves up) of n, and its <i>larger half-width</i> max(x/n - lower, upper - x/n)
 * (asymmetric intervals have two); with a population, the finite-population version of the
 * method ({@link FinitePopulationInterval}: hypergeometric for Clopper-Pearson and mid-p, Kish's
 * effective size for Wilson and Jeffreys).
 *
 * <p><b>Wald: closed form.</b> n0 = z^2 p (1 - p)/m^2 and n = ceil(n0) (Cochran 1977, Sampling
 * Techniques, 3rd ed., eq. 4.1); with a population, n = ceil(n0 N/(n0 + N - 1)), which solves
 * z^2 p(1-p)/n (N-n)/(N-1) = m^2 (Cochran eq. 4.2, n0/(1 + (n0 - 1)/N)). The answer is then checked
 * against the margin formula at n and n - 1 so that rounding can never leave it one off.
 *
 * <p><b>Other methods: exact search.</b> Their margins are not monotone in n (x = round(np) moves
 * in steps), so the answer is the first count, upwards from 1, whose margin is at most m: its margin
 * is at most m and the margin at n - 1 is above it; a larger count may still exceed m (a tooth of
 * the saw), which the result does not hide: see {@link #margin}.
 * <ul>
 *   <li>Clopper-Pearson, mid-p, Jeffreys and Wilson without a population, and Clopper-Pearson and
 *       mid-p with one, have bounds that rise with x and fall as n grows at fixed x (they invert
 *       tests whose tail probabilities do so; Jeffreys' are Beta(x + 1/2, n - x + 1/2) quantiles).
 *       So over a block of counts [n1, n2], with x1 = round(n1 p) and x2 = round(n2 p), every
 *       margin is at least max(U(x1, n2) - x2/n1, x1/n2 - L(x2, n1)); a block whose bound exceeds m
 *       (by more than 1e-9, for rounding) holds no answer and is skipped whole. Blocks double
 *       while they are skipped and halve when not, down to single counts, which are evaluated. The
 *       answer is still exactly the first count; the cost is some (2/m)(1 + ln(n m)) intervals
 *       instead of n, milliseconds to a few seconds.</li>
 *   <li>The others (Wilson's continuity correction, Agresti-Coull, logit, and Wilson and Jeffreys
 *       with a population, whose effective count changes with n) are evaluated at every count:
 *       from 1 when the Wald size n_W of the same target is at most {@value #EXHAUSTIVE}, else from
 *       n_W/2 (where the margin is near sqrt(2) m; the search restarts from 1 if it is not above m
 *       there). They are closed forms or one Beta quantile per count.</li>
 * </ul>
 *
 * <p><b>Limits.</b> Without a population, Wald sizes above {@value #MAX_AUDITED} are refused
 * (every method). With a population, Clopper-Pearson and mid-p invert the hypergeometric
 * distribution at every count the search evaluates (each inversion sums tails of some
 * 40 sqrt(n p (1 - p)) terms about 27 times), so they plan at most {@value #MAX_HYPERGEOMETRIC}
 * audited (by the Wald size): beyond, the plan would run for minutes (issue 16: a margin of 0.01
 * points from 10^8 records did), and the message names the method and the limit; Wald, Wilson and
 * Jeffreys with the population plan any size up to it, and agree with the exact interval to a
 * small fraction of a point at such sizes.
 *
 * <p>Edges: an expected rate of 0 or 1 gives the Wald margin 0, so Wald plans 1 record there:
 * use an exact method near the edges. Answers above {@value #MAX_AUDITED} (without a population)
 * are refused.
 */
public final class SampleSizePlanner {

    /** The default method: Wilson's score interval, as for estimates. */
    public static final IntervalMethod DEFAULT_METHOD = IntervalMethod.WILSON;
    /** The default confidence level. */
    public static final double DEFAULT_CONFIDENCE = 0.95;
    /** Exact searches start from 1 when the Wald size is at most this. */
    static final long EXHAUSTIVE = 100_000;
    /** The largest size planned without a population. */
    public static final long MAX_AUDITED = 10_000_000;
    /**
     * The largest Wald size planned for Clopper-Pearson and mid-p with a population, whose
     * intervals are hypergeometric inversions (see the class comment).
     */
    public static final long MAX_HYPERGEOMETRIC = 50_000;
    /** Block bounds are trusted only when they exceed the target by more than this (rounding of bounds). */
    private static final double BOUND_SLACK = 1e-9;

    private static final SampleSizePlanner DEFAULTS = new SampleSizePlanner(DEFAULT_METHOD, DEFAULT_CONFIDENCE, false);

    private final IntervalMethod method;
    private final double confidence;
    private final boolean fractions;
    private final double tail;
    private final double z;

    private SampleSizePlanner(IntervalMethod method, double confidence, boolean fractions) {
        this.method = Args.notNull("method", method);
        this.confidence = Args.confidence(confidence);
        this.fractions = fractions;
        this.tail = (1 - confidence) / 2;
        this.z = -Normal.quantile(tail);
    }

    /**
     * The planner for Wilson's score interval ({@link #DEFAULT_METHOD}) at 95%
     * ({@value #DEFAULT_CONFIDENCE}), as for estimates.
     *
     * @return the shared default planner
     */
    public static SampleSizePlanner withDefaults() {
        return DEFAULTS;
    }

    /**
     * This planner with another interval method, whose margin the size is planned for. Any method
     * plans without a population; with one, only those {@link FinitePopulationInterval} supports (and
     * Wald) do, which {@link #plan(double, double, long)} checks.
     *
     * @param method the interval method of the margin
     * @return a new planner at this one's confidence
     * @throws IllegalArgumentException if {@code method} is null
     */
    public SampleSizePlanner with(IntervalMethod method) {
        return new SampleSizePlanner(method, confidence, fractions);
    }

    /**
     * This planner at another two-sided confidence level, which sets z = Phi^-1(1 - (1 - level)/2)
     * and the intervals' level.
     *
     * @param confidence the two-sided level, from 10<sup>-6</sup> to 1 - 10<sup>-9</sup>, e.g. 0.95
     * @return a new planner with this one's method
     * @throws IllegalArgumentException if {@code confidence} is outside that supported range or NaN
     */
    public SampleSizePlanner withConfidence(double confidence) {
        return new SampleSizePlanner(method, confidence, fractions);
    }

    /**
     * This planner taking its targets as fractions (a margin of 0.025 for 2.5 points, an expected
     * rate of 0.9), none refused as looking like fractions: the way to plan for an expected rate
     * truly below 1 percent with a margin below 1 point. Results hold fractions either way.
     *
     * @return a new planner with this one's method and confidence
     */
    public SampleSizePlanner inFractions() {
        return new SampleSizePlanner(method, confidence, true);
    }

    /**
     * The interval method whose margin is planned for.
     *
     * @return the method
     */
    public IntervalMethod method() {
        return method;
    }

    /**
     * The two-sided confidence level of the margins.
     *
     * @return the level, e.g. 0.95
     */
    public double confidence() {
        return confidence;
    }

    /**
     * The smallest audited count with margin at most {@code margin} at the expected rate, records
     * drawn from an unlimited population (with replacement, in effect).
     *
     * @param margin   the target half-width in points, strictly between 0 and 100 (2.5 for +/- 2.5
     *                 points; a fraction with {@link #inFractions()})
     * @param expected the expected recording rate in percent, in [0, 100] (90; a fraction with
     *                 {@link #inFractions()})
     * @return the size, with its margin at n and n - 1, in fractions
     * @throws IllegalArgumentException for a margin or rate out of range, both looking like fractions
     *                                  (the message gives them in percent), or a size above
     *                                  {@value #MAX_AUDITED}
     */
    public SampleSize plan(double margin, double expected) {
        return plan(margin, expected, OptionalLong.empty());
    }

    /**
     * The smallest audited count with margin at most {@code margin} at the expected rate, drawn
     * without replacement from {@code population} records. The answer is at most {@code population}:
     * a census has margin 0, so every target is met by then, and no {@value #MAX_AUDITED} cap applies.
     *
     * @param margin     the target half-width in points, strictly between 0 and 100 (a fraction with
     *                   {@link #inFractions()})
     * @param expected   the expected recording rate in percent, in [0, 100] (a fraction with
     *                   {@link #inFractions()})
     * @param population records in the category, from 1 to 2^53
     * @return the size, with its margin at n and n - 1 and the population, in fractions
     * @throws IllegalArgumentException for a margin or rate out of range or both looking like
     *                                  fractions, a population out of range, a method without a
     *                                  finite-population version (only Wald, Wilson, Clopper-Pearson,
     *                                  Jeffreys and mid-p have one), or Clopper-Pearson or mid-p
     *                                  with a Wald size above {@value #MAX_HYPERGEOMETRIC}
     */
    public SampleSize plan(double margin, double expected, long population) {
        Args.positive("population", population);
        Args.countInRange("population", population);
        return plan(margin, expected, OptionalLong.of(population));
    }

    private SampleSize plan(double marginTarget, double expectedRate, OptionalLong population) {
        Targets.units(fractions, "SampleSizePlanner", Units.Figure.of("margin", marginTarget, false),
                Units.Figure.of("expected", expectedRate, true));
        double margin = Targets.open("margin", marginTarget, fractions);
        double expected = Targets.closed("expected", expectedRate, fractions);
        checkMethod(population);
        long limit = population.orElse(Long.MAX_VALUE);
        double n0 = z * z * expected * (1 - expected) / (margin * margin);
        double wald = population.isPresent()
                ? n0 * population.getAsLong() / (n0 + population.getAsLong() - 1) : n0;
        if (population.isEmpty() && wald > MAX_AUDITED) {
            throw new ArgumentException("margin", String.format(java.util.Locale.ROOT,
                    "margin (%s) needs about %.3g audited at expected %s: more than %,d", Args.show(marginTarget)
                            + (fractions ? "" : " points"), wald, Args.show(expectedRate) + (fractions ? "" : "%"),
                    MAX_AUDITED));
        }
        if (population.isPresent() && hypergeometric() && wald > MAX_HYPERGEOMETRIC) {
            throw new ArgumentException("method", String.format(java.util.Locale.ROOT,
                    "method (%s) with a population plans at most %,d audited, and margin (%s) needs about %,.0f at "
                            + "expected %s: its search inverts the hypergeometric distribution at every count and "
                            + "would run for minutes; use wilson, jeffreys or wald with the population (they agree "
                            + "to a small fraction of a point at such sizes), or a wider margin", method.token(),
                    MAX_HYPERGEOMETRIC, Args.show(marginTarget) + (fractions ? "" : " points"), wald,
                    Args.show(expectedRate) + (fractions ? "" : "%")));
        }
        long n;
        if (method == IntervalMethod.WALD) {
            n = Math.min(limit, Math.max(1, (long) Math.ceil(wald)));
            // the closed form, checked against the margin itself at n and n - 1
            while (n < limit && margin(n, expected, population) > margin) {
                n++;
            }
            while (n > 1 && margin(n - 1, expected, population) <= margin) {
                n--;
            }
        } else {
            n = search(margin, expected, population, wald, limit);
        }
        return new SampleSize(method, confidence, expected, margin, population, n, expectedCount(n, expected),
                margin(n, expected, population),
                n > 1 ? OptionalDouble.of(margin(n - 1, expected, population)) : OptionalDouble.empty());
    }

    private long search(double margin, double expected, OptionalLong population, double wald, long limit) {
        if (bounded(population)) {
            return boundedSearch(margin, expected, population, limit);
        }
        long start = wald <= EXHAUSTIVE ? 1 : Math.min(limit, (long) Math.floor(wald / 2));
        if (start > 1 && margin(start, expected, population) <= margin) {
            start = 1;
        }
        for (long n = start; n <= limit; n++) {
            if (margin(n, expected, population) <= margin) {
                return n;
            }
        }
        // unreachable with a population (the margin is 0 at n = N), and capped without one
        throw new IllegalStateException("no audited count up to " + limit + " reaches margin " + margin);
    }

    /** Whether the method's bounds rise with x and fall with n (see the class comment). */
    private boolean bounded(OptionalLong population) {
        return method == IntervalMethod.CLOPPER_PEARSON || method == IntervalMethod.MID_P
                || population.isEmpty() && (method == IntervalMethod.JEFFREYS || method == IntervalMethod.WILSON);
    }

    private boolean hypergeometric() {
        return method == IntervalMethod.CLOPPER_PEARSON || method == IntervalMethod.MID_P;
    }

    /** The first count from 1 whose margin is at most m, skipping blocks whose lower bound exceeds m. */
    private long boundedSearch(double margin, double expected, OptionalLong population, long limit) {
        long n = 1;
        long block = 1;
        while (n <= limit) {
            if (block == 1) {
                if (margin(n, expected, population) <= margin) {
                    return n;
                }
                n++;
                block = 2;
                continue;
            }
            long last = Math.min(limit, n + block - 1);
            if (blockBound(n, last, expected, population) > margin + BOUND_SLACK) {
                n = last + 1;
                block = Math.min(block * 2, 1L << 40);
            } else {
                block /= 2;
            }
        }
        // unreachable with a population (the margin is 0 at n = N), and capped without one
        throw new IllegalStateException("no audited count up to " + limit + " reaches margin " + margin);
    }

    /**
     * A lower bound on the margin at every count of [first, last]: max(U(x1, last) - x2/first,
     * x1/last - L(x2, first)), x1 and x2 the expected counts at first and last.
     */
    private double blockBound(long first, long last, double expected, OptionalLong population) {
        long x1 = expectedCount(first, expected);
        long x2 = expectedCount(last, expected);
        double upper = interval(x1, last, population).upper() - (double) x2 / first;
        double lower = x2 <= first ? (double) x1 / last - interval(x2, first, population).lower()
                : Double.NEGATIVE_INFINITY;
        return Math.max(upper, lower);
    }

    private Interval interval(long x, long n, OptionalLong population) {
        return population.isPresent()
                ? FinitePopulationInterval.interval(method, x, n, population.getAsLong(), tail, z)
                : method.interval(x, n, confidence);
    }

    /**
     * The margin this planner uses at an audited count: Wald's formula at the expected rate, or
     * the larger half-width of the method's interval at the expected count round(n p).
     *
     * @param audited  the audited count, from 1 to 2^53
     * @param expected the expected rate in percent, in [0, 100] (a fraction with {@link #inFractions()})
     * @return the margin, a fraction; 0 for Wald at an expected rate of 0 or 100 percent
     * @throws IllegalArgumentException for {@code audited} out of range or {@code expected} outside
     *                                  [0, 100] or NaN (or, in fractions, [0, 1]), or an expected
     *                                  rate that looks like a fraction (at most 1, not 0)
     */
    public double margin(long audited, double expected) {
        Args.positive("audited", audited);
        Args.countInRange("audited", audited);
        return margin(audited, expectedRate(expected), OptionalLong.empty());
    }

    /**
     * The margin at an audited count drawn from {@code population} records, as
     * {@link #plan(double, double, long)} uses it: Wald's formula times sqrt((N - n)/(N - 1)), or the
     * larger half-width of the method's {@link FinitePopulationInterval} at round(n p). A census
     * ({@code audited == population}) has Wald margin 0.
     *
     * @param audited    the audited count, from 1 to {@code population}
     * @param expected   the expected rate in percent, in [0, 100] (a fraction with {@link #inFractions()})
     * @param population records in the category, from 1 to 2^53
     * @return the margin, a fraction
     * @throws IllegalArgumentException for {@code audited} or {@code population} out of range,
     *                                  {@code expected} outside [0, 100] or NaN,
     *                                  {@code audited > population}, or a method without a
     *                                  finite-population version
     */
    public double margin(long audited, double expected, long population) {
        Args.positive("audited", audited);
        Args.positive("population", population);
        Args.countInRange("population", population);
        double rate = expectedRate(expected);
        if (audited > population) {
            throw new ArgumentException("audited", "audited (" + audited + ") must not exceed population ("
                    + population + ")");
        }
        checkMethod(OptionalLong.of(population));
        return margin(audited, rate, OptionalLong.of(population));
    }

    private double margin(long n, double expected, OptionalLong population) {
        if (method == IntervalMethod.WALD) {
            double variance = expected * (1 - expected) / n;
            if (population.isPresent()) {
                long big = population.getAsLong();
                variance *= big == 1 ? 0 : (double) (big - n) / (big - 1);
            }
            return z * Math.sqrt(variance);
        }
        long x = expectedCount(n, expected);
        Interval interval = interval(x, n, population);
        double rate = (double) x / n;
        return Math.max(rate - interval.lower(), interval.upper() - rate);
    }

    /** An expected rate alone, under the units rule, as a fraction. */
    private double expectedRate(double expected) {
        Targets.units(fractions, "SampleSizePlanner", Units.Figure.of("expected", expected, true));
        return Targets.closed("expected", expected, fractions);
    }

    /** round(n p), halves up, within [0, n]. */
    static long expectedCount(long n, double expected) {
        return Math.max(0, Math.min(n, (long) Math.floor(n * expected + 0.5)));
    }

    private void checkMethod(OptionalLong population) {
        if (population.isPresent() && method != IntervalMethod.WALD && !FinitePopulationInterval.supports(method)) {
            throw new ArgumentException("method", "method (" + method.token() + ") has no finite-population version: "
                    + "with a population use wald, wilson, clopper_pearson, jeffreys or mid_p");
        }
    }

    @Override
    public String toString() {
        return "sample size: " + method.displayName() + ", " + org.recordingrate.format.Percent.level(confidence)
                + (fractions ? ", targets in fractions" : "");
    }
}
