package org.recordingrate.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.recordingrate.compare.Alternative;
import org.recordingrate.compare.ChangeTest;
import org.recordingrate.compare.ChangeTestMethod;
import org.recordingrate.internal.Args;
import org.recordingrate.internal.ArgumentException;
import org.recordingrate.model.Tally;

/**
 * Power for a change: how likely a planned audit of n records is to show a given change from the
 * previous inspection as significant, and the audited count needed for a given power. See
 * {@link PowerMethod} for the definitions. Immutable and thread-safe.
 *
 * <pre>{@code
 * PowerPlanner z = PowerPlanner.withDefaults();                      // z_pooled, two-sided 5%, normal
 * PowerSize n = z.plan(Tally.of(512, 640), 0.03, 0.80);             // audited to detect +3 points
 * PowerPoint p = z.with(ChangeTest.BOSCHLOO).power(Tally.of(512, 640), 0.03, 600);   // exact
 * }</pre>
 *
 * <p>Sample size: the normal approximation's power increases with n, so its size is found by
 * bisection and is the smallest. Exact and simulated powers are saw-toothed in n (the tables
 * that reject change in steps); their size is found by bisection from the normal approximation's
 * answer and is a count n with power(n) &gt;= target &gt; power(n - 1), both shown; a smaller count
 * can reach the target on a tooth of the saw, which a {@link #curve power curve} shows. When no
 * audit, however large, can reach the target (the previous inspection's own sampling error
 * limits the power: as n_a grows it tends to Phi((|delta| - z sigma_b)/sigma_b) with
 * sigma_b^2 = p_b(1 - p_b)/n_b), an exception gives the largest power possible.
 */
public final class PowerPlanner {

    /** The default significance level. */
    public static final double DEFAULT_SIGNIFICANCE = 0.05;
    /** The default number of replicates for {@link PowerMethod#SIMULATION}. */
    public static final long DEFAULT_REPLICATES = 10_000;
    /** The largest audited count planned. */
    public static final long MAX_AUDITED = 1_000_000;

    private static final PowerPlanner DEFAULTS = new PowerPlanner(ChangeTest.Z_POOLED, Optional.empty(),
            Alternative.TWO_SIDED, DEFAULT_SIGNIFICANCE, DEFAULT_REPLICATES, 0);

    private final ChangeTestMethod test;
    private final Optional<PowerMethod> method;
    private final Alternative alternative;
    private final double significance;
    private final long replicates;
    private final long seed;

    private PowerPlanner(ChangeTestMethod test, Optional<PowerMethod> method, Alternative alternative,
                         double significance, long replicates, long seed) {
        this.test = Args.notNull("test", test);
        this.method = method;
        this.alternative = Args.notNull("alternative", alternative);
        this.significance = Args.significance(significance);
        this.replicates = Args.positive("replicates", replicates);
        this.seed = seed;
    }

    /** The pooled z-test, two-sided at 5%, power by the normal approximation. */
    public static PowerPlanner withDefaults() {
        return DEFAULTS;
    }

    /**
     * This planner for another test. Unless a method is set, the z-tests use
     * {@link PowerMethod#NORMAL} and the others {@link PowerMethod#EXACT}.
     *
     * @throws IllegalArgumentException if {@code test} is null
     */
    public PowerPlanner with(ChangeTestMethod test) {
        return new PowerPlanner(test, method, alternative, significance, replicates, seed);
    }

    /**
     * This planner with another way of computing power.
     *
     * @throws IllegalArgumentException if {@code method} is null
     */
    public PowerPlanner with(PowerMethod method) {
        return new PowerPlanner(test, Optional.of(Args.notNull("power method", method)), alternative, significance,
                replicates, seed);
    }

    /**
     * This planner against another alternative.
     *
     * @throws IllegalArgumentException if {@code alternative} is null
     */
    public PowerPlanner with(Alternative alternative) {
        return new PowerPlanner(test, method, alternative, significance, replicates, seed);
    }

    /**
     * This planner at another significance level.
     *
     * @throws IllegalArgumentException if {@code significance} is not strictly between 0 and 1
     */
    public PowerPlanner withSignificance(double significance) {
        return new PowerPlanner(test, method, alternative, significance, replicates, seed);
    }

    /**
     * This planner with another number of replicates and seed for {@link PowerMethod#SIMULATION}.
     *
     * @throws IllegalArgumentException if {@code replicates} is below 1
     */
    public PowerPlanner withSimulation(long replicates, long seed) {
        return new PowerPlanner(test, method, alternative, significance, replicates, seed);
    }

    /** The test. */
    public ChangeTestMethod test() {
        return test;
    }

    /** The power method in use: the one set, else normal for the z-tests and exact for others. */
    public PowerMethod method() {
        return method.orElse(test == ChangeTest.Z_POOLED || test == ChangeTest.Z_UNPOOLED
                ? PowerMethod.NORMAL : PowerMethod.EXACT);
    }

    /** The alternative. */
    public Alternative alternative() {
        return alternative;
    }

    /** The significance level. */
    public double significance() {
        return significance;
    }

    /** Replicates for simulation. */
    public long replicates() {
        return replicates;
    }

    /** The seed for simulation. */
    public long seed() {
        return seed;
    }

    /**
     * The power of a planned audit of {@code audited} records to detect {@code change}.
     *
     * @param previous the previous inspection's tally
     * @param change   the change to detect, a fraction (0.03 for +3 points), not 0, with
     *                 previous rate + change in [0, 1]
     * @param audited  the planned audited count, at least 1
     * @return the power
     * @throws IllegalArgumentException for arguments out of range, or a test that cannot take the
     *                                  tallies (Barnard and Boschloo have size limits)
     */
    public PowerPoint power(Tally previous, double change, long audited) {
        check(previous, change);
        if (audited < 1 || audited > MAX_AUDITED) {
            throw new ArgumentException("audited", "audited (" + audited + ") must lie between 1 and " + MAX_AUDITED);
        }
        return method().power(this, previous, change, (int) audited);
    }

    /**
     * A power curve: the power at each audited count and change (changes outer, counts inner).
     *
     * @throws IllegalArgumentException as {@link #power}
     */
    public List<PowerPoint> curve(Tally previous, List<Double> changes, List<Long> audited) {
        Args.notNull("changes", changes);
        Args.notNull("audited", audited);
        List<PowerPoint> points = new ArrayList<>();
        for (double change : changes) {
            for (long n : audited) {
                points.add(power(previous, change, n));
            }
        }
        return points;
    }

    /**
     * The audited count for which the power to detect {@code change} reaches {@code power}.
     *
     * @param previous the previous inspection's tally
     * @param change   the change to detect, a fraction, not 0
     * @param power    the power wanted, strictly between 0 and 1 (0.8 usually)
     * @return the count, with the power there and at one fewer
     * @throws IllegalArgumentException for arguments out of range, or when no audit up to
     *                                  {@value #MAX_AUDITED} reaches the power (the message gives
     *                                  the largest power possible)
     */
    public PowerSize plan(Tally previous, double change, double power) {
        check(previous, change);
        Args.openUnit("power", power);
        boolean pooled = test != ChangeTest.Z_UNPOOLED;
        double limit = PowerMethod.normalPower(pooled, alternative, significance, previous, change, Long.MAX_VALUE / 4);
        if (PowerMethod.normalPower(pooled, alternative, significance, previous, change, MAX_AUDITED) < power) {
            throw new ArgumentException("power", String.format(java.util.Locale.ROOT,
                    "power (%s) cannot be reached: with the previous inspection's %d audited the power to detect %s "
                            + "tends to %.3f however many are audited now (normal approximation)", Args.show(power),
                    previous.audited(), org.recordingrate.format.Percent.points(change), limit));
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
        PowerPoint achieved = power(previous, change, n);
        return new PowerSize(power, achieved, n > 1 ? Optional.of(power(previous, change, n - 1)) : Optional.empty());
    }

    /** From the normal answer, brackets a change of side of the target and bisects it. */
    private long exactCrossing(Tally previous, double change, double power, long start) {
        java.util.function.LongPredicate reaches = m -> power(previous, change, m).power() >= power;
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

    private static void check(Tally previous, double change) {
        Args.notNull("previous", previous);
        if (!(Math.abs(change) > 0) || Double.isInfinite(change)) {
            throw new ArgumentException("change", "change (" + Args.show(change) + ") must be a number other than 0");
        }
        double rate = previous.rate() + change;
        if (!(rate >= 0 && rate <= 1)) {
            throw new ArgumentException("change", "change (" + Args.show(change) + ") takes the previous rate "
                    + Args.show(previous.rate()) + " outside [0, 1]");
        }
        if (previous.audited() > Integer.MAX_VALUE - 1) {
            throw new ArgumentException("previous", "previous audited (" + previous.audited() + ") is too large");
        }
    }

    @Override
    public String toString() {
        return "power: " + test.displayName() + ", " + alternative.token() + " at " + Args.show(significance) + ", "
                + method().displayName();
    }
}
