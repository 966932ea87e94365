package org.recordingrate.internal;

import java.util.Locale;

/**
 * Argument validation for every public entry point, in one place so that every message has the
 * same shape: it names the argument and shows the offending value, e.g.
 * {@code "recorded (205) must not exceed audited (202)"}.
 *
 * <p>Not part of the API: it lives in {@code internal} because every package needs it.
 * All failures are {@link IllegalArgumentException}s (unchecked).
 */
public final class Args {

    private Args() {
    }

    /**
     * Checks a tally: {@code 0 <= recorded <= audited} and {@code audited >= 1}.
     *
     * @param recorded number of audited records that were recorded
     * @param audited  number of records audited
     * @throws IllegalArgumentException naming the argument and its value
     */
    public static void tally(long recorded, long audited) {
        if (recorded < 0) {
            throw new ArgumentException("recorded", "recorded (" + recorded + ") must not be negative");
        }
        if (audited < 0) {
            throw new ArgumentException("audited", "audited (" + audited + ") must not be negative");
        }
        if (audited == 0) {
            throw new ArgumentException("audited", "audited (0) must be at least 1: a rate needs audited records");
        }
        if (recorded > audited) {
            throw new ArgumentException("recorded",
                    "recorded (" + recorded + ") must not exceed audited (" + audited + ")");
        }
    }

    /**
     * Checks a confidence level: strictly between 0 and 1 (so not NaN).
     *
     * @return the confidence, for chaining
     * @throws IllegalArgumentException naming the argument and its value
     */
    public static double confidence(double confidence) {
        return openUnit("confidence", confidence);
    }

    /**
     * Checks a significance level (alpha): strictly between 0 and 1.
     *
     * @return the level, for chaining
     * @throws IllegalArgumentException naming the argument and its value
     */
    public static double significance(double significance) {
        return openUnit("significance", significance);
    }

    /**
     * Checks that {@code value} lies strictly inside (0, 1); NaN fails.
     *
     * @return the value
     * @throws IllegalArgumentException naming {@code name} and the value
     */
    public static double openUnit(String name, double value) {
        if (!(value > 0 && value < 1)) {
            throw new ArgumentException(name,name + " (" + show(value) + ") must be strictly between 0 and 1");
        }
        return value;
    }

    /**
     * Checks that {@code value} is finite and strictly positive.
     *
     * @return the value
     * @throws IllegalArgumentException naming {@code name} and the value
     */
    public static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new ArgumentException(name,name + " (" + show(value) + ") must be a finite number above 0");
        }
        return value;
    }

    /**
     * Checks that {@code value} is strictly positive.
     *
     * @return the value
     * @throws IllegalArgumentException naming {@code name} and the value
     */
    public static long positive(String name, long value) {
        if (value <= 0) {
            throw new ArgumentException(name,name + " (" + value + ") must be at least 1");
        }
        return value;
    }

    /**
     * Checks that {@code value} is finite and not negative.
     *
     * @return the value
     * @throws IllegalArgumentException naming {@code name} and the value
     */
    public static double nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new ArgumentException(name,name + " (" + show(value) + ") must be a finite number, 0 or above");
        }
        return value;
    }

    /**
     * Checks that {@code value} is finite and lies in {@code [low, high]}.
     *
     * @return the value
     * @throws IllegalArgumentException naming {@code name} and the value
     */
    public static double inRange(String name, double value, double low, double high) {
        if (!(value >= low && value <= high)) {
            throw new ArgumentException(name,
                    name + " (" + show(value) + ") must lie between " + show(low) + " and " + show(high));
        }
        return value;
    }

    /**
     * Checks that a reference is not null.
     *
     * @return the reference
     * @throws IllegalArgumentException naming {@code name}
     */
    public static <T> T notNull(String name, T value) {
        if (value == null) {
            throw new ArgumentException(name,name + " must not be null");
        }
        return value;
    }

    /**
     * Checks that a text is neither null nor blank.
     *
     * @return the text, stripped of surrounding white space
     * @throws IllegalArgumentException naming {@code name} and the value
     */
    public static String notBlank(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new ArgumentException(name,name + " (" + (value == null ? "null" : "'" + value + "'")
                    + ") must not be blank");
        }
        return value.strip();
    }

    /**
     * A method or option token as the enums spell theirs: stripped, lower case, with {@code -}
     * and spaces read as {@code _} (so {@code "Clopper-Pearson"} reads as {@code clopper_pearson});
     * null reads as the empty string, which matches no token.
     *
     * @param token the text as typed
     * @return the normalised token
     */
    public static String token(String token) {
        return token == null ? "" : token.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    }

    /** Formats a number for a message: integers without a fraction, others in full precision. */
    public static String show(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return Double.toString(value);
    }
}
