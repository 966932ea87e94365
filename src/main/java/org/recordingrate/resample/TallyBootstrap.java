package org.recordingrate.resample;

import org.recordingrate.format.ResultTable;
import org.recordingrate.internal.Args;
import org.recordingrate.model.Result;
import org.recordingrate.model.Tally;

/**
 * The bootstrap of one tally's recording rate, with the tally: what {@code bootstrap --recorded N
 * --audited N} writes.
 *
 * @param tally    the tally resampled
 * @param estimate its bootstrap estimate ({@link Bootstrap#estimate(Tally)})
 */
public record TallyBootstrap(Tally tally, BootstrapEstimate estimate) implements Result {

    /**
     * Checks for nulls.
     *
     * @param tally    the tally resampled
     * @param estimate its bootstrap estimate
     * @throws IllegalArgumentException if an argument is null
     */
    public TallyBootstrap {
        Args.notNull("tally", tally);
        Args.notNull("estimate", estimate);
    }

    /** {@code "89.1% (95% CI 84.2% to 93.1%, BCa, 100,000 replicates, seed 42), 180 of 202"}. */
    @Override
    public String toString() {
        return estimate + ", " + tally;
    }

    /**
     * The line, then the bootstrap standard error and bias in percent.
     *
     * @return a few lines
     */
    @Override
    public String summary() {
        return this + String.format(java.util.Locale.ROOT, "%nstandard error %s, bias %s%n",
                org.recordingrate.format.Percent.format(estimate.standardError(), 3),
                org.recordingrate.format.Percent.points(estimate.bias()))
                + Resampled.noteLines(estimate.notes());
    }

    /**
     * As the command line writes it: {@code recorded,audited,confidence,rate,lower,upper,margin,se,
     * interval,replicates,seed} ({@link ResampleColumns#tally}).
     *
     * @return a new table of one row
     */
    @Override
    public ResultTable table() {
        return ResampleColumns.tally(tally, estimate);
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
