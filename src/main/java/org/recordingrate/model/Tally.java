package org.recordingrate.model;

import org.recordingrate.internal.Args;

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
     * {@code "of"} is matched in lower case only.
     *
     * @param text the tally as written on the command line
     * @return the tally
     * @throws IllegalArgumentException if the text is not two whole numbers separated by
     *                                  {@code /} or {@code of}, or the counts are invalid
     */
    public static Tally parse(String text) {
        Args.notBlank("tally", text);
        String[] parts = text.strip().split("\\s*(/|\\bof\\b)\\s*");
        if (parts.length != 2) {
            throw new IllegalArgumentException("tally ('" + text + "') must look like 188/202");
        }
        try {
            return new Tally(Long.parseLong(parts[0].strip()), Long.parseLong(parts[1].strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("tally ('" + text + "') must be two whole numbers such as 188/202");
        }
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
