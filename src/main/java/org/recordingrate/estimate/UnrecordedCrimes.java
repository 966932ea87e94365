package org.recordingrate.estimate;

import org.recordingrate.format.ResultTable;
import org.recordingrate.model.Result;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Locale;
import java.util.OptionalLong;

import org.recordingrate.internal.Args;
import org.recordingrate.error.ArgumentException;
import org.recordingrate.internal.Rational;
import org.recordingrate.model.Interval;

/**
 * The crimes a force would have had to add to its records: volume x (1 - rate)/rate, where the
 * volume is what it did record. The interval maps the rate's bounds (the function decreases in
 * the rate, so the upper rate bound gives the lower count).
 *
 * <p><b>Unbounded.</b> When nothing was recorded (rate 0) the count is unbounded: {@link #estimate()}
 * is {@link Double#POSITIVE_INFINITY}, {@link #isUnbounded()} is true and {@link #moreThan()} is
 * empty; CSV writes {@code Inf}, JSON the string {@code "Inf"}, text "unbounded". The upper
 * bound is unbounded the same way whenever the lower rate bound is 0.
 *
 * <p><b>"Didn't record more than N".</b> N is the estimate rounded down to a multiple of the
 * unit, computed exactly from the rate as a fraction (a tally's x/n, the volume-weighted sum of
 * such fractions, or a published decimal such as 90.4%), never from a rounded double: an
 * estimate of exactly 4,800 gives 4,800, one of 4,799.6 gives 4,700. The default unit follows
 * the inspectors for large counts and never turns an estimate of 1 or more into 0: 100 for
 * estimates of 1,000 or more, 10 from 100, 1 below 100 (see {@link #unitFor(double)}).
 *
 * <p>Immutable; equal when volume, counts and exact rate are equal.
 */
public final class UnrecordedCrimes implements Result {

    private final long volume;
    private final double estimate;
    private final double lower;
    private final double upper;
    /** The rate as an exact fraction, for {@link #moreThan(long)}. */
    private final Rational exactRate;

    private UnrecordedCrimes(long volume, double estimate, double lower, double upper, Rational exactRate) {
        this.volume = volume;
        this.estimate = estimate;
        this.lower = lower;
        this.upper = upper;
        this.exactRate = exactRate;
    }

    /**
     * Crimes recorded in the period.
     *
     * @return the volume, at least 1
     */
    public long volume() {
        return volume;
    }

    /**
     * The point estimate of the crimes not recorded.
     *
     * @return volume x (1 - rate)/rate, 0 at rate 1; {@link Double#POSITIVE_INFINITY} when the rate
     *         is 0
     */
    public double estimate() {
        return estimate;
    }

    /**
     * The lower end of the interval: the count at the rate's upper bound.
     *
     * @return volume x (1 - upper)/upper, 0 when the upper rate bound is 1
     */
    public double lower() {
        return lower;
    }

    /**
     * The upper end of the interval: the count at the rate's lower bound.
     *
     * @return volume x (1 - lower)/lower; {@link Double#POSITIVE_INFINITY} when the lower rate bound
     *         is 0
     */
    public double upper() {
        return upper;
    }

    /**
     * The unrecorded crimes implied by a rate and its interval. The rate is read as the shortest
     * decimal that prints as it (0.904 as exactly 904/1000), which is right for figures typed or
     * published as decimals.
     *
     * @param volume   crimes recorded, at least 1
     * @param rate     the recording rate as a fraction, in [0, 1] (0.904, not 90.4)
     * @param interval the rate's interval, within [0, 1] and holding the rate
     * @return the estimate and interval of the unrecorded crimes
     * @throws IllegalArgumentException for a volume below 1, a rate outside [0, 1] or NaN, a null
     *                                  interval, one reaching outside [0, 1], or one that does not
     *                                  hold the rate (the message names both)
     */
    public static UnrecordedCrimes of(long volume, double rate, Interval interval) {
        Args.inRange("rate", rate, 0, 1);
        return of(volume, Rational.ofDecimal(rate), rate, interval);
    }

    /**
     * The unrecorded crimes for a rate given as an exact decimal (a published 90.4% is
     * {@code new BigDecimal("0.904")}): "more than N" is then exact. The estimate and the interval
     * are computed in double precision from the rate's nearest double.
     *
     * @param volume   crimes recorded, at least 1
     * @param rate     the recording rate as an exact decimal fraction, 0 to 1
     * @param interval the rate's interval, within [0, 1] and holding the rate
     * @return the estimate and interval of the unrecorded crimes
     * @throws IllegalArgumentException for a volume below 1, a null rate, a rate outside [0, 1] (also
     *                                  one that rounds into it, such as 1.00000000000000001), a null
     *                                  interval, one reaching outside [0, 1] or one that does not hold
     *                                  the rate
     */
    public static UnrecordedCrimes of(long volume, BigDecimal rate, Interval interval) {
        Args.notNull("rate", rate);
        double value = rate.doubleValue();
        Args.inRange("rate", value, 0, 1);
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
            throw new ArgumentException("rate", "rate (" + rate + ") must lie between 0 and 1");
        }
        return of(volume, Rational.of(rate), value, interval);
    }

    /**
     * The unrecorded crimes for a rate known as an exact fraction (a tally's x/n, or the
     * volume-weighted sum of such).
     *
     * @throws IllegalArgumentException for a volume below 1, a rate outside [0, 1], a null interval,
     *                                  one outside [0, 1] or one that does not hold the rate
     */
    static UnrecordedCrimes of(long volume, Rational exactRate, double rate, Interval interval) {
        Args.positive("volume", volume);
        Args.notNull("interval", interval);
        if (interval.lower() < 0 || interval.upper() > 1) {
            throw new ArgumentException("interval", "interval " + interval + " of a rate must lie within [0, 1]");
        }
        if (!(interval.lower() <= rate && rate <= interval.upper())) {
            throw new ArgumentException("interval", "interval (" + Args.show(interval.lower()) + " to "
                    + Args.show(interval.upper()) + ") must hold the rate (" + Args.show(rate) + ")");
        }
        return new UnrecordedCrimes(volume, implied(volume, rate), implied(volume, interval.upper()),
                implied(volume, interval.lower()), exactRate);
    }

    /** volume x (1 - rate)/rate; infinite at rate 0. */
    static double implied(long volume, double rate) {
        return rate <= 0 ? Double.POSITIVE_INFINITY : volume * ((1 - rate) / rate);
    }

    /**
     * Whether the count is unbounded: nothing was recorded.
     *
     * @return true if the exact rate is 0 (then {@link #estimate()} is infinite and {@link #moreThan()}
     *         empty)
     */
    public boolean isUnbounded() {
        return exactRate.isZero();
    }

    /**
     * The default unit for "more than N": 100 for estimates of 1,000 or more (as the inspectors
     * publish), 10 from 100, otherwise 1, so that an estimate of 1 or more never reads "more than 0".
     *
     * @param estimate a count, 0 or more (infinity, an unbounded count, gives 100)
     * @return 1, 10 or 100
     * @throws IllegalArgumentException for a negative or NaN estimate, naming it
     */
    public static long unitFor(double estimate) {
        if (!(estimate >= 0)) {
            throw new ArgumentException("estimate", "estimate (" + Args.show(estimate)
                    + ") must be a count of crimes, 0 or more");
        }
        return estimate >= 1000 ? 100 : estimate >= 100 ? 10 : 1;
    }

    /**
     * The default unit for this estimate.
     *
     * @return {@link #unitFor(double)} of {@link #estimate()}: 1, 10 or 100
     */
    public long unit() {
        return unitFor(estimate);
    }

    /**
     * "The force didn't record more than N crimes": the estimate rounded down to a multiple of
     * {@code unit}, exactly (see the class comment). Empty when the count is unbounded.
     *
     * @param unit the rounding step, at least 1 (the inspectors use 100 or 500)
     * @return N, or empty when nothing was recorded
     * @throws IllegalArgumentException if {@code unit < 1}, or N exceeds {@link Long#MAX_VALUE}
     *                                  (a volume beyond any force's, such as 10^17 at a rate of 0.5%)
     */
    public OptionalLong moreThan(long unit) {
        Args.positive("unit", unit);
        if (isUnbounded()) {
            return OptionalLong.empty();
        }
        BigInteger count = roundedDown(unit);
        if (count.bitLength() > 63) {
            throw new ArgumentException("volume", String.format(Locale.ROOT,
                    "unrecorded crimes (about %.3g for volume %d) exceed %d, the largest count supported",
                    estimate, volume, Long.MAX_VALUE));
        }
        return OptionalLong.of(count.longValue());
    }

    /** The estimate rounded down to a multiple of unit: volume (1 - p)/p = volume (b - a)/a for p = a/b, exactly. */
    private BigInteger roundedDown(long unit) {
        BigInteger a = exactRate.numerator();
        BigInteger b = exactRate.denominator();
        BigInteger step = BigInteger.valueOf(unit);
        return BigInteger.valueOf(volume).multiply(b.subtract(a)).divide(a.multiply(step)).multiply(step);
    }

    /**
     * {@link #moreThan(long)} at the default {@link #unit()}, so an estimate of 4,474 gives 4,400 and
     * one of 37.9 gives 37.
     *
     * @return N, or empty when nothing was recorded
     * @throws IllegalArgumentException if N exceeds {@link Long#MAX_VALUE}
     */
    public OptionalLong moreThan() {
        return moreThan(unit());
    }

    /** {@code "more than 4,400 (estimate 4,474; 3,204 to 6,082)"}, or "unbounded (no crime recorded)". */
    @Override
    public String toString() {
        if (isUnbounded()) {
            return "unbounded (no crime recorded)";
        }
        return String.format(Locale.ROOT, "more than %,d (estimate %,.0f; %,.0f to %s)", roundedDown(unit()), estimate,
                lower, Double.isInfinite(upper) ? "unbounded" : String.format(Locale.ROOT, "%,.0f", upper));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UnrecordedCrimes u && u.volume == volume && Double.compare(u.estimate, estimate) == 0
                && Double.compare(u.lower, lower) == 0 && Double.compare(u.upper, upper) == 0
                && u.exactRate.equals(exactRate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(volume, estimate, lower, upper, exactRate);
    }

    /**
     * A few lines: the volume, the estimate with its interval (whole crimes, thousands separated),
     * and "more than N" at the default unit; for an unbounded count the volume and "unbounded".
     *
     * @return multi-line text, each line ending in the platform's line separator
     */
    @Override
    public String summary() {
        if (isUnbounded()) {
            return String.format(Locale.ROOT, "volume      %,d%nunrecorded  unbounded (no crime recorded)%n", volume);
        }
        return String.format(Locale.ROOT, "volume      %,d%nunrecorded  %,.0f (%,.0f to %s)%nmore than   %,d (unit %d)%n",
                volume, estimate, lower, Double.isInfinite(upper) ? "unbounded" : String.format(Locale.ROOT, "%,.0f", upper),
                roundedDown(unit()), unit());
    }

    /**
     * As the command line writes it: {@code volume} then {@link EstimateColumns#unrecorded(long)}
     * ({@code unrecorded,unrecorded_lower,unrecorded_upper,more_than} at the default unit).
     *
     * @return a new table of one row
     */
    @Override
    public ResultTable table() {
        return org.recordingrate.format.ResultColumns.<UnrecordedCrimes>of()
                .add("volume", ResultTable.Kind.COUNT, UnrecordedCrimes::volume)
                .then(EstimateColumns.unrecorded(0)).table(this);
    }
}
