package org.recordingrate.resample;

/**
 * Told how far a resampling run has got: after each block of replicates, with the number of
 * replicates done so far and the total. Called from the threads doing the work, possibly from
 * several at once, so an implementation must be thread-safe and quick (the command line's
 * progress bar only prints when the percentage changes). Reports arrive in no fixed order of
 * blocks, but {@code done} never decreases for one run.
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores every report. */
    ProgressListener NONE = (done, total) -> { };

    /**
     * @param done  replicates finished, 1 to {@code total}
     * @param total replicates in the run
     */
    void progress(long done, long total);
}
