package org.recordingrate.resample;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;
import java.util.random.RandomGenerator.SplittableGenerator;
import java.util.random.RandomGeneratorFactory;
import java.util.function.Supplier;

/**
 * Runs replicates in fixed blocks of {@link #SIZE}, each with its own generator, on any number
 * of threads, so that the result does not depend on the number of threads: block b always
 * draws from the b-th generator split from the run's source (L64X128MixRandom, Steele, Lea and
 * Flood 2021, "LXM: better splittable pseudorandom number generators"), the splits made in
 * block order before any work starts, and every block writes only its own replicates and
 * partial sums, which are combined in block order. Threads take the next unstarted block.
 *
 * <p>Not part of the API: public so that the rank intervals of {@code org.recordingrate.forces} run
 * their parametric bootstrap on the same blocks, rather than on a copy of this class.
 */
public final class Blocks {

    /** Replicates per block: big enough to amortise a block's set-up, small enough to share work. */
    public static final int SIZE = 1 << 13;

    /** The algorithm of every generator: java.util.random's L64X128MixRandom. */
    static final String ALGORITHM = "L64X128MixRandom";

    private static final RandomGeneratorFactory<RandomGenerator> FACTORY = RandomGeneratorFactory.of(ALGORITHM);

    private Blocks() {
    }

    /**
     * The source generator of a seed.
     *
     * @param seed any whole number
     * @return a new L64X128MixRandom seeded with it
     */
    public static SplittableGenerator source(long seed) {
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

    /**
     * The number of blocks for {@code replicates}.
     *
     * @param replicates the replicates, 0 or more
     * @return ceil(replicates / {@link #SIZE})
     */
    public static int count(int replicates) {
        return (int) ((replicates + (long) SIZE - 1) / SIZE);
    }

    /**
     * The work of one block with the state of the worker (thread) that runs it.
     *
     * @param <S> the worker's state
     */
    public interface WorkerTask<S> {
        /**
         * Runs one block.
         *
         * @param state  the worker's own state (see {@link Blocks#run(int, SplittableGenerator, int, int, ProgressListener, Cancellation, Supplier, WorkerTask)})
         * @param block  the block's index
         * @param from   its first replicate
         * @param count  its number of replicates
         * @param random its generator
         */
        void run(S state, int block, int from, int count, RandomGenerator random);
    }

    /**
     * Runs every block of {@code replicates}.
     *
     * @throws CancellationException if cancelled or the calling thread is interrupted
     */
    static void run(int replicates, SplittableGenerator source, int threads, ProgressListener progress,
                    Cancellation cancellation, Task task) {
        run(replicates, source, threads, threads, progress, cancellation, () -> null,
                (Object state, int block, int from, int count, RandomGenerator random) ->
                        task.run(block, from, count, random));
    }

    /**
     * Runs every block of {@code replicates} on at most {@code min(threads, workers)} threads,
     * each with its own state from {@code state}, and returns the states (in no particular
     * order). The blocks' generators are those of {@link #run(int, SplittableGenerator, int,
     * ProgressListener, Cancellation, Task)}; which worker ran which block is unpredictable, so
     * the states must be combined by an operation whose result does not depend on it (integer
     * sums of counts, for example).
     *
     * @param replicates   the replicates, in blocks of {@link #SIZE}
     * @param source       the run's source generator ({@link #source(long)})
     * @param threads      the most threads to use, at least 1
     * @param workers      the most states wanted (each costs memory)
     * @param progress     told after each block
     * @param cancellation checked before each block
     * @param state        makes a worker's state, once per worker that finds work
     * @param task         the work of one block
     * @param <S>          the worker's state
     * @return the workers' states
     * @throws CancellationException if cancelled or the calling thread is interrupted
     */
    public static <S> List<S> run(int replicates, SplittableGenerator source, int threads, int workers,
                           ProgressListener progress, Cancellation cancellation, Supplier<S> state,
                           WorkerTask<S> task) {
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
        List<S> states = Collections.synchronizedList(new ArrayList<>());
        Runnable worker = () -> {
            try {
                S own = null;
                boolean made = false;
                for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
                    if (stop.get() || cancellation.isCancelled() || caller.isInterrupted() || failure.get() != null) {
                        return;
                    }
                    if (!made) {
                        // made on the first block only: a thread that finds no work costs no memory
                        own = state.get();
                        states.add(own);
                        made = true;
                    }
                    int from = b * SIZE;
                    int count = Math.min(SIZE, replicates - from);
                    task.run(own, b, from, count, generators[b]);
                    progress.progress(done.addAndGet(count), replicates);
                }
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            }
        };
        int helpers = Math.min(Math.min(threads, workers), blocks) - 1;
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
        return new ArrayList<>(states);
    }
}
