package org.recordingrate.model;

/**
 * A two-sided interval {@code [lower, upper]}: bounds for a recording rate (in [0, 1]) or for a
 * change between rates (in [-1, 1]).
 *
 * @param lower the lower bound
 * @param upper the upper bound, not below {@code lower}
 */
public record Interval(double lower, double upper) {

    /**
     * Validates the bounds. Infinite bounds are accepted; a point interval ({@code lower == upper})
     * is valid.
     *
     * @param lower the lower bound, not NaN
     * @param upper the upper bound, not NaN and not below {@code lower}
     * @throws IllegalArgumentException if a bound is NaN or {@code lower > upper}
     */
    public Interval {
        if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
            throw new IllegalArgumentException("interval bounds (" + lower + ", " + upper + ") must be ordered numbers");
        }
    }

    /**
     * The width of the interval, twice the margin when the interval is symmetric.
     *
     * @return {@code upper - lower}, at least 0 (in the bounds' units: fractions for rates and
     *         changes); infinite if a bound is
     */
    public double width() {
        return upper - lower;
    }

    /**
     * Whether a value lies in the closed interval, bounds included.
     *
     * @param value a rate or change, in the bounds' units (fractions, not percent)
     * @return true if {@code lower <= value <= upper}; false for NaN
     */
    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }

    @Override
    public String toString() {
        return "[" + lower + ", " + upper + "]";
    }
}
