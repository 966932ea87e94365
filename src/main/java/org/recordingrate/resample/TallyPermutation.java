package org.recordingrate.resample;

import org.recordingrate.format.ResultTable;
import org.recordingrate.internal.Args;
import org.recordingrate.model.Result;
import org.recordingrate.model.Tally;

/**
 * The permutation test of the change between two tallies, with the tallies: what {@code permute
 * --before R/N --after R/N} writes.
 *
 * @param before the earlier tally
 * @param after  the later tally
 * @param result the test's result
 */
public record TallyPermutation(Tally before, Tally after, PermutationResult result) implements Result {

    /**
     * Checks for nulls.
     *
     * @param before the earlier tally
     * @param after  the later tally
     * @param result the test's result
     * @throws IllegalArgumentException if an argument is null
     */
    public TallyPermutation {
        Args.notNull("before", before);
        Args.notNull("after", after);
        Args.notNull("result", result);
    }

    /** {@code "512 of 640 -> 188 of 202: +13.1 points, improved: p = ..."}. */
    @Override
    public String toString() {
        return before + " -> " + after + ": " + result;
    }

    /**
     * The one line: it says all of it.
     *
     * @return the line, with a line end
     */
    @Override
    public String summary() {
        return this + "\n" + Resampled.noteLines(result.notes());
    }

    /**
     * As the command line writes it: {@code recorded_before,audited_before,recorded_after,audited_after,
     * alternative,change,p_value,replicates,seed,method} ({@link ResampleColumns#permutation}).
     *
     * @return a new table of one row
     */
    @Override
    public ResultTable table() {
        return ResampleColumns.permutation(before, after, result);
    }

    /**
     * The notes of the resampled result (a bootstrap distribution at the edge, with the interval
     * offered instead; whole incidents permuted).
     *
     * @return the notes, in order; empty when there is nothing to say
     */
    @Override
    public java.util.List<String> notes() {
        return result.notes();
    }
}
