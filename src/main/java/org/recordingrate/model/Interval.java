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
     * @throws IllegalArgumentException if a bound is NaN or {@code lower > upper}
     */
    public Interval {
        if (Double.isNaN(lower) || Double.isNaN(upper) || lower > upper) {
            throw new IllegalArgumentException("interval bounds (" + lower + ", " + upper + ") must be ordered numbers");
        }
    }

    /** {@code upper - lower}. */
    public double width() {
        return upper - lower;
    }

    /** Whether {@code value} lies in the closed interval. */
    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }

    @Override
    public String toString() {
        return "[" + lower + ", " + upper + "]";
    }
}
