package org.recordingrate.internal;

import org.recordingrate.error.ArgumentException;

import java.util.Locale;

/**
 * Argument validation for every public entry point, in one place so that every message has the
 * same shape: it names the argument and shows the offending value, e.g.
 * {@code "recorded (205) must not exceed audited (202)"}.
 *
 * <p><b>The supported range</b> of the numerical methods is defined here, once, and every entry
 * point (one-category intervals, the rate and inspection estimators, change intervals, tests of
 * change and the comparison procedures) refuses input outside it in the same words:
 * <ul>
 *   <li>confidence levels of two-sided intervals from {@value #MIN_CONFIDENCE} to
 *       1 - 10<sup>-9</sup> ({@link #MAX_CONFIDENCE}), see {@link #confidence(double)}; one-sided
 *       bounds from 0.5 to 1 - 10<sup>-9</sup>, see {@link #oneSidedConfidence(double)};</li>
 *   <li>audited counts up to 2<sup>53</sup> = {@value #MAX_AUDITED} per tally (per group for the
 *       two-sample methods), see {@link #countInRange(String, long)}: beyond it a count, and a
 *       rate x/n, is no longer exact in double precision.</li>
 * </ul>
 * Within that range every interval bound is accurate to 1e-9 absolute, and to 1e-7 relative when
 * it is below 1e-3, against 80-digit references ({@code src/test/resources/reference-extended}).
 * {@code org.recordingrate.model.Tally} itself accepts any {@code long} counts (it is a plain record);
 * the methods check the range when they compute.
 *
 * <p>Not part of the API: it lives in {@code internal} because every package needs it.
 * All failures are {@link IllegalArgumentException}s (unchecked).
 */
public final class Args {

    /** The smallest supported confidence level, 10<sup>-6</sup>. */
    public static final double MIN_CONFIDENCE = 1e-6;
    /**
     * The largest supported confidence level, 1 - 10<sup>-9</sup> (the double nearest to
     * 0.999999999): two-sided tail probabilities down to 5 x 10<sup>-10</sup>.
     */
    public static final double MAX_CONFIDENCE = 1 - 1e-9;
    /** The smallest supported confidence level of a one-sided bound, 0.5. */
    public static final double MIN_ONE_SIDED_CONFIDENCE = 0.5;
    /**
     * The largest supported audited count of one tally, 2<sup>53</sup>: every count up to it,
     * and every difference of two of them, is exact as a double.
     */
    public static final long MAX_AUDITED = 1L << 53;

    private static final String CONFIDENCE_RANGE = "0.000001 and 0.999999999 (1 - 1e-9), the supported range";
    private static final String ONE_SIDED_RANGE = "0.5 and 0.999999999 (1 - 1e-9), the supported range of one-sided"
            + " bounds";

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
     * Checks a tally as {@link #tally(long, long)} and that {@code audited} is within the
     * supported range, at most {@link #MAX_AUDITED} (2<sup>53</sup>).
     *
     * @param recorded number of audited records that were recorded
     * @param audited  number of records audited
     * @throws IllegalArgumentException naming the argument, its value and the limit
     */
    public static void tallyInRange(long recorded, long audited) {
        tally(recorded, audited);
        countInRange("audited", audited);
    }

    /**
     * Checks that a count is at most {@link #MAX_AUDITED} = 2<sup>53</sup> = 9007199254740992, the
     * supported limit of every method: above it neither the count nor the rate x/n is exact in
     * double precision, and the two-sample methods would overflow. Negative counts are the
     * business of {@link #tally(long, long)}.
     *
     * @param name  what the count is, for the message, e.g. {@code "audited"} or
     *              {@code "audited before"}
     * @param count the count
     * @return the count
     * @throws IllegalArgumentException naming the argument, its value and the limit, e.g.
     *                                  {@code "audited (100000000000000000) exceeds the supported
     *                                  limit 2^53 = 9007199254740992 ..."}
     */
    public static long countInRange(String name, long count) {
        if (count > MAX_AUDITED) {
            throw new ArgumentException(name.contains("audited") ? "audited" : name, name + " (" + count
                    + ") exceeds the supported limit 2^53 = "
                    + MAX_AUDITED + ": larger counts are not exact in double precision");
        }
        return count;
    }

    /**
     * Checks the confidence level of a two-sided interval: it must lie in the supported range
     * [{@link #MIN_CONFIDENCE}, {@link #MAX_CONFIDENCE}] = [10<sup>-6</sup>, 1 - 10<sup>-9</sup>];
     * NaN fails. Outside it the methods would lose their accuracy guarantee (at 1 - 10<sup>-16</sup>
     * the tail probability is a few ulps; below 10<sup>-6</sup> the interval is narrower than the
     * rounding of some bounds), and a level of 0 or 1 has no finite interval.
     *
     * @return the confidence, for chaining
     * @throws IllegalArgumentException naming the argument, its value and the range
     */
    public static double confidence(double confidence) {
        if (!(confidence >= MIN_CONFIDENCE && confidence <= MAX_CONFIDENCE)) {
            throw new ArgumentException("confidence", "confidence (" + show(confidence) + ") must lie between "
                    + CONFIDENCE_RANGE + percentHint(confidence));
        }
        return confidence;
    }

    /** A hint when a level looks like a percentage: 95 for 0.95. */
    private static String percentHint(double confidence) {
        return confidence > 1 && confidence < 100 ? ": a level is a fraction; did you mean " + show(confidence / 100)
                + "?" : "";
    }

    /**
     * Checks the confidence level of a one-sided bound: in [0.5, {@link #MAX_CONFIDENCE}]. A
     * one-sided bound at level c is the bound of the two-sided interval at level 2c - 1, so its tail
     * probability 1 - c runs from 10<sup>-9</sup> to 0.5 (a bound at a level below 0.5 would lie on
     * the wrong side of the estimate); NaN fails.
     *
     * @return the confidence, for chaining
     * @throws IllegalArgumentException naming the argument, its value and the range
     */
    public static double oneSidedConfidence(double confidence) {
        if (!(confidence >= MIN_ONE_SIDED_CONFIDENCE && confidence <= MAX_CONFIDENCE)) {
            throw new ArgumentException("confidence", "confidence (" + show(confidence) + ") must lie between "
                    + ONE_SIDED_RANGE + percentHint(confidence));
        }
        return confidence;
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
