package org.recordingrate.resample;

/**
 * A way to stop a resampling run from another thread: give it to the procedure
 * ({@code Bootstrap.withCancellation}, {@code PermutationTest.withCancellation}), call
 * {@link #cancel()}, and the run stops after the blocks in progress, throwing
 * {@link java.util.concurrent.CancellationException}. Interrupting the thread that started the
 * run stops it the same way. A cancelled token stays cancelled: use a new one for the next run.
 * Thread-safe.
 */
public final class Cancellation {

    private volatile boolean cancelled;

    /** Asks every run using this token to stop. */
    public void cancel() {
        cancelled = true;
    }

    /**
     * Whether {@link #cancel()} has been called.
     *
     * @return true once cancelled
     */
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public String toString() {
        return cancelled ? "Cancellation[cancelled]" : "Cancellation[active]";
    }
}
