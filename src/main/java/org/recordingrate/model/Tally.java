package org.recordingrate.model;

import org.recordingrate.internal.Args;
import org.recordingrate.error.ArgumentException;

/**
 * The audit tally of one group: {@code recorded} of {@code audited} reports of crime were
 * recorded by the force.
 *
 * <p>Counts are {@code long}, so tallies beyond 2<sup>31</sup> work. Valid tallies have
 * {@code 0 <= recorded <= audited} and {@code audited >= 1}; a tally where every audited crime
 * was recorded (or none) is valid.
 *
 * @param recorded audited reports that the force recorded as crimes
 * @param audited  reports audited
 */
public record Tally(long recorded, long audited) {

    /** Two counts in ASCII digits (Java's [0-9] and its white space class are ASCII-only) around "/" or "of". */
    private static final java.util.regex.Pattern TALLY = java.util.regex.Pattern.compile(
            "([0-9]+)(?:\\s*/\\s*|\\s+of\\s+)([0-9]+)");

    /**
     * Validates the counts.
     *
     * @param recorded audited reports that the force recorded as crimes, 0 to {@code audited}
     * @param audited  reports audited, at least 1
     * @throws IllegalArgumentException if {@code recorded < 0}, {@code audited < 1} or
     *                                  {@code recorded > audited}; the message names the count
     */
    public Tally {
        Args.tally(recorded, audited);
    }

    /**
     * Same as the constructor, for readability in JShell: {@code Tally.of(188, 202)}.
     *
     * @param recorded audited reports that the force recorded as crimes, 0 to {@code audited}
     * @param audited  reports audited, at least 1
     * @return the tally
     * @throws IllegalArgumentException as the constructor
     */
    public static Tally of(long recorded, long audited) {
        return new Tally(recorded, audited);
    }

    /**
     * Parses {@code "188/202"} or {@code "188 of 202"}: two whole numbers, recorded first,
     * separated by {@code /} or the word {@code of}, with any white space around the separator.
     * {@code "of"} is matched in lower case only. The numbers are written in the ASCII digits 0 to 9
     * only, without sign, separators or exponent: other scripts' digits (Arabic-Indic
     * {@code "١٨٨/٢٠٢"}, fullwidth {@code "１８８/２０２"}, ...) are refused, as every number the library
     * reads from text.
     *
     * @param text the tally as written on the command line
     * @return the tally
     * @throws IllegalArgumentException if the text is not two whole numbers in ASCII digits separated
     *                                  by {@code /} or {@code of} (the message quotes the text), a
     *                                  count is too large for a long, or the counts are invalid (as
     *                                  the constructor)
     */
    public static Tally parse(String text) {
        Args.notBlank("tally", text);
        java.util.regex.Matcher m = TALLY.matcher(text.strip());
        if (!m.matches()) {
            throw new ArgumentException("tally", "tally ('" + text + "') must be two whole numbers in the digits 0 to 9, "
                    + "such as 188/202");
        }
        long[] counts = new long[2];
        for (int i = 0; i < 2; i++) {
            String digits = m.group(i + 1);
            if (digits.length() > 18 && new java.math.BigInteger(digits).bitLength() > 63) {
                throw new ArgumentException(i == 0 ? "recorded" : "audited", "tally ('" + text + "'): "
                        + (i == 0 ? "recorded" : "audited") + " is too large (at most " + Long.MAX_VALUE + ")");
            }
            counts[i] = Long.parseLong(digits);
        }
        return new Tally(counts[0], counts[1]);
    }

    /**
     * The recording rate of the tally, p = x / n.
     *
     * @return {@code recorded / audited} as a fraction in [0, 1] (not percent): exactly 0 when
     *         nothing was recorded, exactly 1 when everything was
     */
    public double rate() {
        return (double) recorded / audited;
    }

    /**
     * Audited reports that the force did not record.
     *
     * @return {@code audited - recorded}, 0 to {@code audited}
     */
    public long unrecorded() {
        return audited - recorded;
    }

    /** {@code "188 of 202"}. */
    @Override
    public String toString() {
        return recorded + " of " + audited;
    }
}
