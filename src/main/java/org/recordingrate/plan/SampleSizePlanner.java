package org.recordingrate.plan;

import java.util.OptionalDouble;
import java.util.OptionalLong;

import org.recordingrate.estimate.IntervalMethod;
import org.recordingrate.internal.Args;
import org.recordingrate.error.ArgumentException;
import org.recordingrate.internal.Normal;
import org.recordingrate.model.Interval;

/**
 * Sample size for one category: the smallest audited count n whose margin at the expected
 * recording rate p is at most a target m. Immutable and thread-safe.
 *
 * <pre>{@code
 * SampleSize n = SampleSizePlanner.withDefaults().with(IntervalMethod.WALD).plan(0.025, 0.90);   // 554
 * SampleSize cp = SampleSizePlanner.withDefaults().with(IntervalMethod.CLOPPER_PEARSON).plan(0.025, 0.90, 5_000);
 * }</pre>
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
 * in steps), so n is found by evaluating the margin at every count upwards: from 1 when the Wald
 * size n_W of the same target is at most {@value #EXHAUSTIVE}, else from n_W/2 (where the margin is
 * near sqrt(2) m; the search restarts from 1 if it is not above m there). The first count whose
 * margin is at most m is the answer, so its margin is at most m and the margin at n - 1 is above it;
 * a larger count may still exceed m (a tooth of the saw), which the result does not hide: see
 * {@link #margin}. Cost: one interval per count tried; tens of milliseconds for audit-sized answers.
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

    private static final SampleSizePlanner DEFAULTS = new SampleSizePlanner(DEFAULT_METHOD, DEFAULT_CONFIDENCE);

    private final IntervalMethod method;
    private final double confidence;
    private final double tail;
    private final double z;

    private SampleSizePlanner(IntervalMethod method, double confidence) {
        this.method = Args.notNull("method", method);
        this.confidence = Args.confidence(confidence);
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
        return new SampleSizePlanner(method, confidence);
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
        return new SampleSizePlanner(method, confidence);
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
     * @param margin   the target half-width as a fraction, strictly between 0 and 1 (0.025 for 2.5 points)
     * @param expected the expected recording rate, in [0, 1]
     * @return the size, with its margin at n and n - 1
     * @throws IllegalArgumentException for a margin or rate out of range, or a size above {@value #MAX_AUDITED}
     */
    public SampleSize plan(double margin, double expected) {
        return plan(margin, expected, OptionalLong.empty());
    }

    /**
     * The smallest audited count with margin at most {@code margin} at the expected rate, drawn
     * without replacement from {@code population} records. The answer is at most {@code population}:
     * a census has margin 0, so every target is met by then, and no {@value #MAX_AUDITED} cap applies.
     *
     * @param margin     the target half-width as a fraction, strictly between 0 and 1 (0.025 for 2.5 points)
     * @param expected   the expected recording rate, in [0, 1]
     * @param population records in the category, at least 1
     * @return the size, with its margin at n and n - 1 and the population
     * @throws IllegalArgumentException for a margin or rate out of range, a population below 1, or a
     *                                  method without a finite-population version (only Wald,
     *                                  Wilson, Clopper-Pearson, Jeffreys and mid-p have one)
     */
    public SampleSize plan(double margin, double expected, long population) {
        return plan(margin, expected, OptionalLong.of(Args.positive("population", population)));
    }

    private SampleSize plan(double margin, double expected, OptionalLong population) {
        Args.openUnit("margin", margin);
        Args.inRange("expected", expected, 0, 1);
        checkMethod(population);
        long limit = population.orElse(Long.MAX_VALUE);
        double n0 = z * z * expected * (1 - expected) / (margin * margin);
        double wald = population.isPresent()
                ? n0 * population.getAsLong() / (n0 + population.getAsLong() - 1) : n0;
        if (population.isEmpty() && wald > MAX_AUDITED) {
            throw new ArgumentException("margin", String.format(java.util.Locale.ROOT,
                    "margin (%s) needs about %.3g audited at expected %s: more than %,d", Args.show(margin), wald,
                    Args.show(expected), MAX_AUDITED));
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

    /**
     * The margin this planner uses at an audited count: Wald's formula at the expected rate, or
     * the larger half-width of the method's interval at the expected count round(n p).
     *
     * @param audited  the audited count, at least 1
     * @param expected the expected rate, in [0, 1]
     * @return the margin, a fraction; 0 for Wald at an expected rate of 0 or 1
     * @throws IllegalArgumentException for {@code audited} below 1 or {@code expected} outside [0, 1]
     *                                  or NaN
     */
    public double margin(long audited, double expected) {
        Args.positive("audited", audited);
        Args.inRange("expected", expected, 0, 1);
        return margin(audited, expected, OptionalLong.empty());
    }

    /**
     * The margin at an audited count drawn from {@code population} records, as
     * {@link #plan(double, double, long)} uses it: Wald's formula times sqrt((N - n)/(N - 1)), or the
     * larger half-width of the method's {@link FinitePopulationInterval} at round(n p). A census
     * ({@code audited == population}) has Wald margin 0.
     *
     * @param audited    the audited count, from 1 to {@code population}
     * @param expected   the expected rate, in [0, 1]
     * @param population records in the category, at least 1
     * @return the margin, a fraction
     * @throws IllegalArgumentException for {@code audited} or {@code population} below 1,
     *                                  {@code expected} outside [0, 1] or NaN,
     *                                  {@code audited > population}, or a method without a
     *                                  finite-population version
     */
    public double margin(long audited, double expected, long population) {
        Args.positive("audited", audited);
        Args.positive("population", population);
        Args.inRange("expected", expected, 0, 1);
        if (audited > population) {
            throw new ArgumentException("audited", "audited (" + audited + ") must not exceed population ("
                    + population + ")");
        }
        checkMethod(OptionalLong.of(population));
        return margin(audited, expected, OptionalLong.of(population));
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
        Interval interval = population.isPresent()
                ? FinitePopulationInterval.interval(method, x, n, population.getAsLong(), tail, z)
                : method.interval(x, n, confidence);
        double rate = (double) x / n;
        return Math.max(rate - interval.lower(), interval.upper() - rate);
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
        return "sample size: " + method.displayName() + ", " + org.recordingrate.format.Percent.level(confidence);
    }
}
