package org.recordingrate.resample;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;
import java.util.random.RandomGenerator.SplittableGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Runs replicates in fixed blocks of {@link #SIZE}, each with its own generator, on any number
 * of threads, so that the result does not depend on the number of threads: block b always
 * draws from the b-th generator split from the run's source (L64X128MixRandom, Steele, Lea and
 * Flood 2021, "LXM: better splittable pseudorandom number generators"), the splits made in
 * block order before any work starts, and every block writes only its own replicates and
 * partial sums, which are combined in block order. Threads take the next unstarted block.
 */
final class Blocks {

    /** Replicates per block: big enough to amortise a block's set-up, small enough to share work. */
    static final int SIZE = 1 << 13;

    /** The algorithm of every generator: java.util.random's L64X128MixRandom. */
    static final String ALGORITHM = "L64X128MixRandom";

    private static final RandomGeneratorFactory<RandomGenerator> FACTORY = RandomGeneratorFactory.of(ALGORITHM);

    private Blocks() {
    }

    /** The source generator of a seed. */
    static SplittableGenerator source(long seed) {
        return (SplittableGenerator) FACTORY.create(seed);
    }

    /** The work of one block. */
    interface Task {
        /**
         * @param block  the block's index
         * @param from   its first replicate
         * @param count  its number of replicates
         * @param random its generator
         */
        void run(int block, int from, int count, RandomGenerator random);
    }

    /** The number of blocks for {@code replicates}. */
    static int count(int replicates) {
        return (int) ((replicates + (long) SIZE - 1) / SIZE);
    }

    /**
     * Runs every block of {@code replicates}.
     *
     * @throws CancellationException if cancelled or the calling thread is interrupted
     */
    static void run(int replicates, SplittableGenerator source, int threads, ProgressListener progress,
                    Cancellation cancellation, Task task) {
        int blocks = count(replicates);
        RandomGenerator[] generators = new RandomGenerator[blocks];
        for (int b = 0; b < blocks; b++) {
            generators[b] = source.split();
        }
        AtomicInteger next = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread caller = Thread.currentThread();
        AtomicBoolean stop = new AtomicBoolean();
        Runnable worker = () -> {
            try {
                for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
                    if (stop.get() || cancellation.isCancelled() || caller.isInterrupted() || failure.get() != null) {
                        return;
                    }
                    int from = b * SIZE;
                    int count = Math.min(SIZE, replicates - from);
                    task.run(b, from, count, generators[b]);
                    progress.progress(done.addAndGet(count), replicates);
                }
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            }
        };
        int helpers = Math.min(threads, blocks) - 1;
        Thread[] started = new Thread[Math.max(0, helpers)];
        for (int t = 0; t < started.length; t++) {
            started[t] = new Thread(worker, "recording-rate-resample-" + t);
            started[t].setDaemon(true);
            started[t].start();
        }
        worker.run();
        boolean interrupted = false;
        for (Thread thread : started) {
            while (true) {
                try {
                    thread.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    stop.set(true);
                }
            }
        }
        if (interrupted || caller.isInterrupted()) {
            Thread.currentThread().interrupt();
        }
        Throwable e = failure.get();
        if (e instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (e instanceof Error error) {
            throw error;
        }
        if (done.get() < replicates) {
            throw new CancellationException("resampling cancelled after " + done.get() + " of " + replicates
                    + " replicates");
        }
    }
}
