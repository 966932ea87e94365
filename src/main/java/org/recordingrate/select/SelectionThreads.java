package org.recordingrate.select;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.recordingrate.io.PopulationFile;
import org.recordingrate.io.PopulationSummary;
import org.recordingrate.io.PopulationBatch;

/**
 * A population file read on the calling thread with its batches of rows worked on by other
 * threads: the reading (bytes, SHA-256, parsing, the duplicate check) is sequential, the work on
 * rows (permanent random numbers) is not, and with both at once the processors share the load.
 * At most {@code 2 threads + 2} batches are out at a time (about 0.4 MB each), so memory is
 * bounded whatever the file's length; the reading waits when the workers fall behind.
 *
 * <p>Errors: a bad file ({@link org.recordingrate.io.DataFileException}) stops the reading and is
 * thrown once the workers have stopped; an exception on a worker stops the reading and is thrown
 * from {@link #read}. The threads are daemons, made for one read and ended before it returns.
 */
final class SelectionThreads {

    private static final Object END = new Object();

    private SelectionThreads() {
    }

    /**
     * Reads {@code population} with each batch of rows given to one of {@code threads} workers,
     * each with its own work from {@code work} (called once per worker, on that worker).
     *
     * @return what the read found
     */
    static PopulationSummary read(PopulationFile population, int threads,
                                       Supplier<? extends Consumer<PopulationBatch>> work) {
        int batches = 2 * threads + 2;
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(batches + threads);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                Consumer<PopulationBatch> mine = null;
                while (true) {
                    Object next;
                    try {
                        next = queue.take();
                    } catch (InterruptedException e) {
                        failure.compareAndSet(null, e);
                        return;
                    }
                    if (next == END) {
                        return;
                    }
                    PopulationBatch batch = (PopulationBatch) next;
                    try {
                        if (failure.get() == null) {
                            if (mine == null) {
                                mine = work.get();
                            }
                            mine.accept(batch);
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        batch.release();
                    }
                }
            }, "recording-rate-select-" + t);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        PopulationSummary summary;
        try {
            summary = population.readBatches(batches, batch -> {
                if (failure.get() != null) {
                    batch.release();
                    throw rethrown(failure.get());
                }
                put(queue, batch);
            });
        } catch (RuntimeException | Error e) {
            // the workers skip what is left
            failure.compareAndSet(null, e);
            throw e;
        } finally {
            for (int t = 0; t < threads; t++) {
                put(queue, END);
            }
            join(workers);
        }
        if (failure.get() != null) {
            throw rethrown(failure.get());
        }
        return summary;
    }

    private static void put(BlockingQueue<Object> queue, Object item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while drawing the sample", e);
        }
    }

    private static void join(List<Thread> workers) {
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                // the workers end by themselves once the queue is drained; leave them to it
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static RuntimeException rethrown(Throwable failure) {
        if (failure instanceof RuntimeException e) {
            return e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return new IllegalStateException("drawing the sample failed on a worker thread: " + failure, failure);
    }
}
