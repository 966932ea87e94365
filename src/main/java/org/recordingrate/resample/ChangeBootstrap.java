package org.recordingrate.resample;

import org.recordingrate.format.Percent;
import org.recordingrate.format.ResultTable;
import org.recordingrate.internal.Args;
import org.recordingrate.model.Result;
import org.recordingrate.model.Tally;

/**
 * The bootstrap of the change between two tallies (later minus earlier), with the tallies: what
 * {@code bootstrap --before R/N --after R/N} writes.
 *
 * @param before   the earlier tally
 * @param after    the later tally
 * @param estimate the bootstrap estimate of the change ({@link Bootstrap#compare(Tally, Tally)})
 */
public record ChangeBootstrap(Tally before, Tally after, BootstrapEstimate estimate) implements Result {

    /**
     * Checks for nulls.
     *
     * @param before   the earlier tally
     * @param after    the later tally
     * @param estimate the bootstrap estimate of the change
     * @throws IllegalArgumentException if an argument is null
     */
    public ChangeBootstrap {
        Args.notNull("before", before);
        Args.notNull("after", after);
        Args.notNull("estimate", estimate);
    }

    /** {@code "change 512 of 640 -> 188 of 202: +13.1 points (95% CI +7.9 to +17.4, BCa, ...)"}. */
    @Override
    public String toString() {
        return "change " + before + " -> " + after + ": " + estimate.changeSummary();
    }

    /**
     * The line, then the bootstrap standard error and bias in points.
     *
     * @return a few lines
     */
    @Override
    public String summary() {
        return this + String.format(java.util.Locale.ROOT, "%nstandard error %.2f points, bias %s%n",
                100 * estimate.standardError(), Percent.points(estimate.bias()))
                + Resampled.noteLines(estimate.notes());
    }

    /**
     * As the command line writes it: {@code recorded_before,audited_before,recorded_after,audited_after,
     * confidence,change,lower,upper,se,interval,replicates,seed} ({@link ResampleColumns#change}).
     *
     * @return a new table of one row
     */
    @Override
    public ResultTable table() {
        return ResampleColumns.change(before, after, estimate);
    }

    /**
     * The notes of the resampled result (a bootstrap distribution at the edge, with the interval
     * offered instead; whole incidents permuted).
     *
     * @return the notes, in order; empty when there is nothing to say
     */
    @Override
    public java.util.List<String> notes() {
        return estimate.notes();
    }
}
