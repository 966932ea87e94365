package org.recordingrate.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.recordingrate.compare.Alternative;
import org.recordingrate.compare.ChangeTest;
import org.recordingrate.compare.ChangeTestMethod;
import org.recordingrate.internal.Args;
import org.recordingrate.internal.Units;
import org.recordingrate.error.ArgumentException;
import org.recordingrate.model.Tally;

/**
 * Power for a change: how likely a planned audit of n records is to show a given change from the
 * previous inspection as significant, and the audited count needed for a given power. See
 * {@link PowerMethod} for the definitions. Immutable and thread-safe.
 *
 * <pre>{@code
 * PowerPlanner z = PowerPlanner.withDefaults();                      // z_pooled, two-sided 5%, normal
 * PowerSize n = z.plan(Tally.of(512, 640), 8, 0.80);                // audited to detect +8 points
 * PowerPoint p = z.with(ChangeTest.BOSCHLOO).power(Tally.of(512, 640), 3, 600);   // exact
 * p.change();                                                       // 0.03
 * }</pre>
 *
 * <p><b>Units.</b> The change to detect is given in points (3 for +3 points), as every planning
 * target is given in percent; changes that all look like fractions (0.03) are refused with the
 * library's one units hint, and {@link #inFractions()} gives a planner that takes fractions (also
 * the way to state a change truly below 1 point). Results hold fractions. Power and significance
 * are probabilities, as everywhere.
 *
 * <p>Sample size: the normal approximation's power increases with n, so its size is found by
 * bisection and is the smallest. Exact and simulated powers are saw-toothed in n (the tables
 * that reject change in steps); their size is found by bisection from the normal approximation's
 * answer and is a count n with power(n) &gt;= target &gt; power(n - 1), both shown; a smaller count
 * can reach the target on a tooth of the saw, which a {@link #curve power curve} shows. When no
 * audit, however large, can reach the target (the previous inspection's own sampling error
 * limits the power: as n_a grows it tends to Phi((|delta| - z sigma_b)/sigma_b) with
 * sigma_b^2 = p_b(1 - p_b)/n_b), an exception gives the largest power possible; when the target
 * could be reached but only beyond {@value #MAX_AUDITED} audited, the most planned, the exception
 * gives the power at that count instead.
 *
 * <p>Limits: audited counts up to {@value #MAX_AUDITED}; at most {@value #MAX_REPLICATES}
 * replicates for {@link PowerMethod#SIMULATION}: each replicate draws two tallies and decides a
 * table (some 0.1 microseconds), so that many take about a second per power and a plan takes
 * some twenty powers; the Monte Carlo error there is below 0.0002, and {@link PowerMethod#EXACT}
 * gives the power without it. More (the probe of issue 16 asked for 10^12, which ran for hours)
 * are refused naming the limit.
 */
public final class PowerPlanner {

    /** The default significance level. */
    public static final double DEFAULT_SIGNIFICANCE = 0.05;
    /** The default number of replicates for {@link PowerMethod#SIMULATION}. */
    public static final long DEFAULT_REPLICATES = 10_000;
    /** The largest audited count planned. */
    public static final long MAX_AUDITED = 1_000_000;
    /** The most replicates a simulated power takes (see the class comment). */
    public static final long MAX_REPLICATES = 10_000_000;

    private static final PowerPlanner DEFAULTS = new PowerPlanner(ChangeTest.Z_POOLED, Optional.empty(),
            Alternative.TWO_SIDED, DEFAULT_SIGNIFICANCE, DEFAULT_REPLICATES, 0, false);

    private final ChangeTestMethod test;
    private final Optional<PowerMethod> method;
    private final Alternative alternative;
    private final double significance;
    private final long replicates;
    private final long seed;
    private final boolean fractions;

    private PowerPlanner(ChangeTestMethod test, Optional<PowerMethod> method, Alternative alternative,
                         double significance, long replicates, long seed, boolean fractions) {
        this.test = Args.notNull("test", test);
        this.method = method;
        this.alternative = Args.notNull("alternative", alternative);
        this.significance = Args.significance(significance);
        this.replicates = Args.positive("replicates", replicates);
        if (replicates > MAX_REPLICATES) {
            throw new ArgumentException("replicates", String.format(java.util.Locale.ROOT,
                    "replicates (%d) must be at most %,d: a simulated power takes about a second at that many, with "
                            + "Monte Carlo error below 0.0002; use the exact power method for more precision",
                    replicates, MAX_REPLICATES));
        }
        this.seed = seed;
        this.fractions = fractions;
    }

    /**
     * The planner for the pooled z-test, two-sided at 5% ({@value #DEFAULT_SIGNIFICANCE}), power by the
     * normal approximation; {@value #DEFAULT_REPLICATES} replicates and seed 0 should simulation be chosen.
     *
     * @return the shared default planner
     */
    public static PowerPlanner withDefaults() {
        return DEFAULTS;
    }

    /**
     * This planner for another test. Unless a method is set, the z-tests use
     * {@link PowerMethod#NORMAL} and the others {@link PowerMethod#EXACT}.
     *
     * @param test the test the inspection will apply to the two tallies
     * @return a new planner with this one's other settings
     * @throws IllegalArgumentException if {@code test} is null
     */
    public PowerPlanner with(ChangeTestMethod test) {
        return new PowerPlanner(test, method, alternative, significance, replicates, seed, fractions);
    }

    /**
     * This planner with another way of computing power. Not checked against the test here:
     * {@link PowerMethod#NORMAL} with a test other than the z-tests fails when power is computed.
     *
     * @param method how power is computed, overriding the test's default
     * @return a new planner with this one's other settings
     * @throws IllegalArgumentException if {@code method} is null
     */
    public PowerPlanner with(PowerMethod method) {
        return new PowerPlanner(test, Optional.of(Args.notNull("power method", method)), alternative, significance,
                replicates, seed, fractions);
    }

    /**
     * This planner against another alternative: two-sided power counts only significant changes in
     * the direction of the change to detect (see {@link PowerMethod}).
     *
     * @param alternative the direction of change the test looks for
     * @return a new planner with this one's other settings
     * @throws IllegalArgumentException if {@code alternative} is null
     */
    public PowerPlanner with(Alternative alternative) {
        return new PowerPlanner(test, method, alternative, significance, replicates, seed, fractions);
    }

    /**
     * This planner at another significance level alpha: a change counts as shown when p &lt;= alpha.
     *
     * @param significance alpha, strictly between 0 and 1 (0.05 usually)
     * @return a new planner with this one's other settings
     * @throws IllegalArgumentException if {@code significance} is not strictly between 0 and 1 (NaN
     *                                  fails)
     */
    public PowerPlanner withSignificance(double significance) {
        return new PowerPlanner(test, method, alternative, significance, replicates, seed, fractions);
    }

    /**
     * This planner with another number of replicates and seed for {@link PowerMethod#SIMULATION}; the
     * other methods ignore both. The simulated power has Monte Carlo standard error
     * sqrt(power (1 - power) / replicates), and the same seed gives the same power.
     *
     * @param replicates simulated pairs of tallies per power, from 1 to {@value #MAX_REPLICATES}
     * @param seed       the seed of the {@link java.util.SplittableRandom}, any long
     * @return a new planner with this one's test, method, alternative and significance
     * @throws IllegalArgumentException if {@code replicates} is out of range (the message names the limit)
     */
    public PowerPlanner withSimulation(long replicates, long seed) {
        return new PowerPlanner(test, method, alternative, significance, replicates, seed, fractions);
    }

    /**
     * This planner taking changes to detect as fractions (0.03 for +3 points), none refused as
     * looking like fractions: the way to state a change truly below 1 point. Results hold fractions
     * either way.
     *
     * @return a new planner with this one's other settings
     */
    public PowerPlanner inFractions() {
        return new PowerPlanner(test, method, alternative, significance, replicates, seed, true);
    }

    /**
     * The test whose power is planned.
     *
     * @return the change test
     */
    public ChangeTestMethod test() {
        return test;
    }

    /**
     * The power method in use.
     *
     * @return the one set by {@link #with(PowerMethod)}, else {@link PowerMethod#NORMAL} for the z-tests
     *         and {@link PowerMethod#EXACT} for the others
     */
    public PowerMethod method() {
        return method.orElse(test == ChangeTest.Z_POOLED || test == ChangeTest.Z_UNPOOLED
                ? PowerMethod.NORMAL : PowerMethod.EXACT);
    }

    /**
     * The alternative the test is run against.
     *
     * @return the direction of change looked for
     */
    public Alternative alternative() {
        return alternative;
    }

    /**
     * The significance level alpha.
     *
     * @return alpha, strictly between 0 and 1
     */
    public double significance() {
        return significance;
    }

    /**
     * Replicates for {@link PowerMethod#SIMULATION}, kept (and ignored) under the other methods.
     *
     * @return simulated pairs of tallies per power, at least 1
     */
    public long replicates() {
        return replicates;
    }

    /**
     * The seed for {@link PowerMethod#SIMULATION}, kept (and ignored) under the other methods.
     *
     * @return the seed, 0 unless set
     */
    public long seed() {
        return seed;
    }

    /**
     * The power of a planned audit of {@code audited} records to detect {@code change}.
     *
     * @param previous the previous inspection's tally
     * @param change   the change to detect in points (3 for +3 points; a fraction with
     *                 {@link #inFractions()}), not 0, taking the previous rate to a rate in [0, 100]
     *                 percent
     * @param audited  the planned audited count, from 1 to {@value #MAX_AUDITED}
     * @return the power, with the settings it was computed under (and the Monte Carlo error when
     *         simulated); its change a fraction
     * @throws IllegalArgumentException for a null {@code previous}, a {@code change} of 0, NaN or
     *                                  infinite, looking like a fraction (magnitude at most 1) or
     *                                  taking the rate outside [0, 100], {@code audited} out of
     *                                  range, {@link PowerMethod#NORMAL} set for a test other than
     *                                  the z-tests, or a test that cannot take the tallies (Barnard
     *                                  and Boschloo have size limits)
     */
    public PowerPoint power(Tally previous, double change, long audited) {
        return powerOf(previous, changes(previous, List.of(change)).get(0), audited);
    }

    /** {@link #power} with the change already a checked fraction. */
    private PowerPoint powerOf(Tally previous, double change, long audited) {
        if (audited < 1 || audited > MAX_AUDITED) {
            throw new ArgumentException("audited", "audited (" + audited + ") must lie between 1 and " + MAX_AUDITED);
        }
        return method().power(this, previous, change, (int) audited);
    }

    /**
     * A power curve: the power at each audited count and change (changes outer, counts inner), to see
     * the saw-teeth of exact power in n that {@link #plan} steps over.
     *
     * @param previous the previous inspection's tally
     * @param changes  the changes to detect in points, each as {@link #power} takes it, at least
     *                 one (the units rule looks at them together: refused when every one looks
     *                 like a fraction)
     * @param audited  the planned audited counts, each as {@link #power} takes it, at least one
     * @return {@code changes.size() * audited.size()} points, never empty
     * @throws IllegalArgumentException if a list is null, empty or holds null (the message names the
     *                                  list), or a point's arguments are refused as by {@link #power}
     */
    public List<PowerPoint> curve(Tally previous, List<Double> changes, List<Long> audited) {
        List<Double> fractionChanges = changes(previous, changes);
        Args.notNull("audited", audited);
        if (audited.isEmpty()) {
            throw new ArgumentException("audited", "audited must hold at least one count: a curve needs points");
        }
        for (int i = 0; i < audited.size(); i++) {
            if (audited.get(i) == null) {
                throw new ArgumentException("audited", "audited must not hold null (at position " + (i + 1) + ")");
            }
        }
        List<PowerPoint> points = new ArrayList<>();
        for (double change : fractionChanges) {
            for (long n : audited) {
                points.add(powerOf(previous, change, n));
            }
        }
        return points;
    }

    /**
     * The audited count for which the power to detect a change reaches {@code power}.
     *
     * @param previous       the previous inspection's tally
     * @param changeToDetect the change to detect in points (a fraction with {@link #inFractions()}),
     *                       as {@link #power} takes it
     * @param power          the power wanted, strictly between 0 and 1 (0.8 usually)
     * @return the count, with the power there and at one fewer (none at a count of 1)
     * @throws IllegalArgumentException for arguments out of range (as {@link #power}); when no
     *                                  audit reaches the power (the message gives the power it tends
     *                                  to however many are audited); or when only an audit beyond
     *                                  {@value #MAX_AUDITED} would (the message gives the power at
     *                                  {@value #MAX_AUDITED} and about the count needed)
     */
    public PowerSize plan(Tally previous, double changeToDetect, double power) {
        double change = changes(previous, List.of(changeToDetect)).get(0);
        Args.openUnit("power", power);
        boolean pooled = test != ChangeTest.Z_UNPOOLED;
        double atMost = PowerMethod.normalPower(pooled, alternative, significance, previous, change, MAX_AUDITED);
        if (atMost < power) {
            double limit = PowerMethod.normalPower(pooled, alternative, significance, previous, change,
                    Long.MAX_VALUE / 4);
            if (limit < power) {
                throw new ArgumentException("power", String.format(java.util.Locale.ROOT,
                        "power (%s) cannot be reached: with the previous inspection's %d audited the power to detect "
                                + "%s tends to %.3f however many are audited now (normal approximation)",
                        Args.show(power), previous.audited(), points(change), limit));
            }
            throw new ArgumentException("power", String.format(java.util.Locale.ROOT,
                    "power (%s) cannot be reached within %,d audited, the most planned: there the power to detect %s "
                            + "is %.3f (normal approximation); only an audit of about %s would reach it",
                    Args.show(power), MAX_AUDITED, points(change), atMost,
                    beyond(pooled, previous, change, power)));
        }
        // the normal approximation: increasing in n, so bisection gives its smallest count
        long low = 0;
        long high = 1;
        while (PowerMethod.normalPower(pooled, alternative, significance, previous, change, high) < power) {
            low = high;
            high = Math.min(MAX_AUDITED, 2 * high);
        }
        long n = crossing(low, high, m -> PowerMethod.normalPower(pooled, alternative, significance, previous, change, m)
                >= power);
        if (method() != PowerMethod.NORMAL) {
            n = exactCrossing(previous, change, power, n);
        }
        PowerPoint achieved = powerOf(previous, change, n);
        return new PowerSize(power, achieved, n > 1 ? Optional.of(powerOf(previous, change, n - 1)) : Optional.empty());
    }

    /** From the normal answer, brackets a change of side of the target and bisects it. */
    private long exactCrossing(Tally previous, double change, double power, long start) {
        java.util.function.LongPredicate reaches = m -> powerOf(previous, change, m).power() >= power;
        long step = Math.max(1, start / 16);
        long low;
        long high;
        if (reaches.test(start)) {
            high = start;
            low = Math.max(0, start - step);
            while (low > 0 && reaches.test(low)) {
                high = low;
                step *= 2;
                low = Math.max(0, low - step);
            }
        } else {
            low = start;
            high = Math.min(MAX_AUDITED, start + step);
            while (!reaches.test(high)) {
                if (high == MAX_AUDITED) {
                    throw new ArgumentException("power", "power (" + Args.show(power) + ") is not reached by "
                            + method().displayName() + " up to " + MAX_AUDITED + " audited");
                }
                low = high;
                step *= 2;
                high = Math.min(MAX_AUDITED, high + step);
            }
        }
        return crossing(low, high, reaches);
    }

    /** The smallest m in (low, high] with {@code reaches(m)} by bisection, given reaches(high), not reaches(low). */
    private static long crossing(long low, long high, java.util.function.LongPredicate reaches) {
        while (high - low > 1) {
            long middle = low + (high - low) / 2;
            if (reaches.test(middle)) {
                high = middle;
            } else {
                low = middle;
            }
        }
        return high;
    }

    /** A change for a message: in points, with as many digits as it has (+0.01 points, not +0.0). */
    private static String points(double change) {
        return Math.abs(change) >= 0.001 ? org.recordingrate.format.Percent.points(change)
                : (change > 0 ? "+" : "") + java.math.BigDecimal.valueOf(change).movePointRight(2).round(
                        new java.math.MathContext(3)).stripTrailingZeros().toPlainString() + " points";
    }

    /** The audited count where the normal approximation first reaches the power, beyond the most planned. */
    private String beyond(boolean pooled, Tally previous, double change, double power) {
        long low = MAX_AUDITED;
        long high = MAX_AUDITED;
        while (PowerMethod.normalPower(pooled, alternative, significance, previous, change, high) < power) {
            low = high;
            if (high > Long.MAX_VALUE / 8) {
                return "more than " + String.format(java.util.Locale.ROOT, "%,d", high);
            }
            high *= 2;
        }
        long n = crossing(low, high, m -> PowerMethod.normalPower(pooled, alternative, significance, previous, change, m)
                >= power);
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }

    /**
     * The changes to detect as fractions: the previous tally checked, the units rule applied to all
     * together, each in range.
     */
    private List<Double> changes(Tally previous, List<Double> changes) {
        Args.notNull("previous", previous);
        Args.tallyInRange(previous.recorded(), previous.audited());
        if (previous.audited() > Integer.MAX_VALUE - 1) {
            throw new ArgumentException("previous", "previous audited (" + previous.audited() + ") must be below "
                    + (Integer.MAX_VALUE - 1));
        }
        Args.notNull("changes", changes);
        if (changes.isEmpty()) {
            throw new ArgumentException("changes", "changes must hold at least one change to detect");
        }
        Units.Figure[] figures = new Units.Figure[changes.size()];
        for (int i = 0; i < changes.size(); i++) {
            if (changes.get(i) == null) {
                throw new ArgumentException("changes", "changes must not hold null (at position " + (i + 1) + ")");
            }
            figures[i] = Units.Figure.of("change", changes.get(i), true);
        }
        Targets.units(fractions, "PowerPlanner", figures);
        List<Double> result = new ArrayList<>();
        for (double given : changes) {
            double change = Targets.change("change", given, fractions);
            double rate = previous.rate() + change;
            if (!(rate >= 0 && rate <= 1)) {
                throw new ArgumentException("change", "change (" + Args.show(given) + (fractions ? "" : " points")
                        + ") takes the previous rate " + org.recordingrate.format.Percent.format(previous.rate())
                        + " outside 0 to 100%");
            }
            result.add(change);
        }
        return result;
    }

    @Override
    public String toString() {
        return "power: " + test.displayName() + ", " + alternative.token() + " at " + Args.show(significance) + ", "
                + method().displayName() + (fractions ? ", changes in fractions" : "");
    }
}
