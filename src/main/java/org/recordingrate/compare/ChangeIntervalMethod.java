package org.recordingrate.compare;

import org.recordingrate.model.Token;

import org.recordingrate.model.Interval;
import org.recordingrate.model.Tally;

/**
 * A way of computing a confidence interval for the change in recording rate between two
 * inspections, d = p<sub>after</sub> - p<sub>before</sub>. {@link DifferenceMethod} holds the
 * published formulas; a bootstrap interval is one more implementation. Implementations are
 * immutable and thread-safe.
 */
public interface ChangeIntervalMethod extends Token {

    /**
     * The command-line token, e.g. {@code newcombe}: lower case with underscores, also written in CSV
     * and JSON output.
     *
     * @return the token
     */
    @Override
    String token();

    /**
     * The name for people, e.g. {@code "Newcombe"}, as {@link Change#toString()} shows it.
     *
     * @return the display name
     */
    @Override
    String displayName();

    /**
     * The two-sided interval for the change {@code after.rate() - before.rate()}.
     *
     * @param before     the earlier inspection's tally
     * @param after      the later inspection's tally
     * @param confidence the confidence level, in the supported range
     * @return the interval, within [-1, 1]
     * @throws IllegalArgumentException for a null tally, a confidence out of range, or counts the
     *                                  method does not support
     */
    Interval interval(Tally before, Tally after, double confidence);
}
