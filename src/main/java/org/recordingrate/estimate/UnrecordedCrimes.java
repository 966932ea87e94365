package org.recordingrate.estimate;

import java.util.Locale;

import org.recordingrate.model.Interval;
import org.recordingrate.internal.Args;

/**
 * The crimes a force would have had to add to its records: volume x (1 - rate)/rate, where the
 * volume is what it did record. The interval maps the rate's bounds (the function decreases in
 * the rate, so the upper rate bound gives the lower count). With no crime recorded the count is
 * infinite.
 *
 * @param volume   crimes recorded in the period
 * @param estimate volume x (1 - rate)/rate
 * @param lower    volume x (1 - upper)/upper
 * @param upper    volume x (1 - lower)/lower; infinite when the lower rate bound is 0
 */
public record UnrecordedCrimes(long volume, double estimate, double lower, double upper) {

    /** The precision the inspectors round to by default: "more than 4,500 crimes". */
    public static final long DEFAULT_PRECISION = 100;

    /**
     * The unrecorded crimes implied by a rate and its interval.
     *
     * @param volume   crimes recorded, at least 1
     * @param rate     the recording rate, in [0, 1]
     * @param interval the rate's interval, within [0, 1]
     * @throws IllegalArgumentException for a volume below 1, a rate outside [0, 1] or a null interval
     */
    public static UnrecordedCrimes of(long volume, double rate, Interval interval) {
        Args.positive("volume", volume);
        Args.inRange("rate", rate, 0, 1);
        Args.notNull("interval", interval);
        return new UnrecordedCrimes(volume, implied(volume, rate), implied(volume, interval.upper()),
                implied(volume, interval.lower()));
    }

    /** volume x (1 - rate)/rate; infinite at rate 0. */
    static double implied(long volume, double rate) {
        return rate <= 0 ? Double.POSITIVE_INFINITY : volume * ((1 - rate) / rate);
    }

    /**
     * The count the inspectors quote, "the force didn't record more than N crimes": the estimate
     * rounded down to a multiple of {@code precision}. {@link Long#MAX_VALUE} when the estimate is
     * infinite (no crime recorded).
     *
     * @param precision the rounding step, at least 1 (the inspectors use 100 or 500)
     * @throws IllegalArgumentException if {@code precision < 1}
     */
    public long moreThan(long precision) {
        Args.positive("precision", precision);
        if (Double.isInfinite(estimate)) {
            return Long.MAX_VALUE;
        }
        return (long) Math.floor(estimate / precision) * precision;
    }

    /** {@link #moreThan(long)} at the default precision of 100. */
    public long moreThan() {
        return moreThan(DEFAULT_PRECISION);
    }

    /** {@code "more than 4,400 (estimate 4,474; 3,204 to 6,082)"}. */
    @Override
    public String toString() {
        if (Double.isInfinite(estimate)) {
            return "unbounded (no crime recorded)";
        }
        return String.format(Locale.ROOT, "more than %,d (estimate %,.0f; %,.0f to %s)", moreThan(), estimate, lower,
                Double.isInfinite(upper) ? "unbounded" : String.format(Locale.ROOT, "%,.0f", upper));
    }
}
