package org.recordingrate.io;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The batches of one read: made as needed up to a limit, then reused as they are released;
 * and the duplicate check, which takes each batch's fingerprints (a hash of each id) when it
 * is released. For a large file that work is done by a thread of its own, so that the reading
 * thread only reads: a released batch goes to that thread, which adds its fingerprints to the
 * {@link DuplicateFinder} and then makes the batch free. The values met twice do not depend on
 * the order in which batches come back, so neither does the check.
 */
final class PopulationBatches implements AutoCloseable {
    private final int limit;
    private final PopulationLayout layout;
    private final BlockingQueue<PopulationBatch> free;
    private final DuplicateFinder finder;
    /** Released batches on their way to {@link #checker}, or null when the check is made in place. */
    private final BlockingQueue<Object> toCheck;
    private final Thread checker;
    private volatile Throwable checkFailed;
    private static final Object END = new Object();
    private int made;
    /** False once the read has ended: a batch released after that (the read failed) is not checked. */
    private volatile boolean open = true;

    PopulationBatches(int limit, PopulationLayout layout, DuplicateFinder finder, boolean ownThread) {
        this.limit = limit;
        this.layout = layout;
        this.free = new ArrayBlockingQueue<>(limit);
        this.finder = finder;
        if (finder != null && ownThread) {
            toCheck = new ArrayBlockingQueue<>(limit + 1);
            checker = new Thread(this::check, "recording-rate-duplicate-check");
            checker.setDaemon(true);
            checker.start();
        } else {
            toCheck = null;
            checker = null;
        }
    }

    PopulationBatch take() {
        PopulationBatch batch = free.poll();
        if (batch == null && made < limit) {
            made++;
            return new PopulationBatch(layout, this::release);
        }
        try {
            batch = batch != null ? batch : free.take();
        } catch (InterruptedException e) {
            throw interrupted();
        }
        batch.clear();
        return batch;
    }

    /** Takes the batch's fingerprints (here or on the checking thread), then makes it free again. */
    void release(PopulationBatch batch) {
        if (finder == null) {
            free.offer(batch);
        } else if (toCheck != null) {
            // never full: it holds at most the batches made
            toCheck.offer(batch);
        } else {
            synchronized (this) {
                if (open) {
                    fingerprints(batch);
                }
            }
            free.offer(batch);
        }
    }

    private void fingerprints(PopulationBatch batch) {
        for (int i = 0; i < batch.size; i++) {
            finder.add(DuplicateIds.fingerprint(batch.data, batch.idAt[i], batch.idLength[i]));
        }
    }

    /** The checking thread: until {@link #END}, each batch's fingerprints. */
    private void check() {
        while (true) {
            Object next;
            try {
                next = toCheck.take();
            } catch (InterruptedException e) {
                checkFailed = e;
                return;
            }
            if (next == END) {
                return;
            }
            PopulationBatch batch = (PopulationBatch) next;
            try {
                if (open && checkFailed == null) {
                    fingerprints(batch);
                }
            } catch (RuntimeException | Error e) {
                checkFailed = e;
            } finally {
                free.offer(batch);
            }
        }
    }

    /**
     * Waits for every batch to come back (checked), then the fingerprints met twice (none
     * without the duplicate check).
     */
    long[] repeated() {
        List<PopulationBatch> back = new ArrayList<>(made);
        try {
            for (int i = 0; i < made; i++) {
                back.add(free.take());
            }
        } catch (InterruptedException e) {
            throw interrupted();
        }
        free.addAll(back);
        Throwable failed = checkFailed;
        if (failed instanceof RuntimeException e) {
            throw e;
        } else if (failed instanceof Error e) {
            throw e;
        } else if (failed != null) {
            throw interrupted();
        }
        synchronized (this) {
            return finder == null ? new long[0] : finder.repeated();
        }
    }

    private static UncheckedIOException interrupted() {
        Thread.currentThread().interrupt();
        return new UncheckedIOException(new java.io.InterruptedIOException("interrupted while reading"));
    }

    @Override
    public void close() {
        open = false;
        if (checker != null) {
            toCheck.offer(END);
            try {
                checker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (finder != null) {
                finder.close();
            }
        }
    }
}