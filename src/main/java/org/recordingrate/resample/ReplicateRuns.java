package org.recordingrate.resample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

import org.recordingrate.internal.OrderStatistics;

/**
 * Replicates drawn one by one, in bounded memory: up to {@link #STORE} replicates are kept one
 * double each (quantiles by selection); beyond, none is kept. Then the first pass keeps their sums,
 * the counts below and equal to the estimate, and a histogram of {@link Buckets#COUNT} buckets with
 * each bucket's smallest and largest value; a quantile's order statistics are found afterwards by
 * drawing the same replicates again (every block's generator is made afresh from the run's seed, so
 * a second pass repeats the first to the bit) and gathering only the values of the buckets that
 * hold the wanted ranks (a bucket holding one value needs no gathering; a bucket too full to
 * gather is split into finer buckets by a further pass). So a billion replicates need a few
 * passes and a few MiB, not 8 GB; the result is the same as keeping every replicate, on any
 * number of threads.
 */
final class ReplicateRuns {

    /** The most replicates kept one double each (16,777,216: 128 MiB). */
    static final int STORE = 1 << 24;

    /** The most values gathered in one further pass. */
    static final long GATHER = 1 << 22;

    private ReplicateRuns() {
    }

    /** One worker's way of drawing replicates (holds its scratch space: not shared between threads). */
    interface Kernel {
        /**
         * Draws {@code count} replicates into {@code values[0..count)} from {@code random} (the
         * statistic, or its studentized form), adding to {@code sums} the deviations of the
         * statistic from the reported estimate, their squares, and the replicates below and equal
         * to the estimate (decided exactly).
         */
        void draw(int count, RandomGenerator random, double[] values, Sums sums);
    }

    /** A block's sums: sum (t* - t), sum (t* - t)&sup2;, replicates below and equal to t. */
    static final class Sums {
        double deviations;
        double squares;
        long below;
        long equal;

        /** Adds one replicate t* with its exact sign against the estimate. */
        void add(double deviation, int sign) {
            deviations += deviation;
            squares += deviation * deviation;
            below += sign >>> 31;
            equal += sign == 0 ? 1 : 0;
        }
    }

    /** What the runs need besides the kernel: the summaries every Monte Carlo distribution carries. */
    record Summary(double estimate, double center, double spread, double acceleration, double observedSe,
                   double lowest, double highest) {
    }

    /**
     * Draws {@code replicates} replicates in fixed blocks, every block's generator split from a
     * generator seeded with {@code runSeed}, and returns their distribution.
     */
    static MonteCarloDistribution run(Supplier<Kernel> kernels, int replicates, long runSeed, int threads,
                                      ProgressListener progress, Cancellation cancellation, Summary summary) {
        return run(kernels, replicates, runSeed, threads, progress, cancellation, summary, STORE);
    }

    /** The same, keeping the replicates only up to {@code storeAtMost} (tests lower it to try the replay). */
    static MonteCarloDistribution run(Supplier<Kernel> kernels, int replicates, long runSeed, int threads,
                                      ProgressListener progress, Cancellation cancellation, Summary summary,
                                      int storeAtMost) {
        return run(kernels, replicates, runSeed, threads, progress, cancellation, summary, storeAtMost, GATHER);
    }

    /**
     * The same, gathering at most {@code gatherAtMost} values in one further pass (tests lower it to
     * try the splitting of crowded buckets without millions of replicates).
     */
    static MonteCarloDistribution run(Supplier<Kernel> kernels, int replicates, long runSeed, int threads,
                                      ProgressListener progress, Cancellation cancellation, Summary summary,
                                      int storeAtMost, long gatherAtMost) {
        int blocks = Blocks.count(replicates);
        BlockSums partials = new BlockSums(blocks);
        boolean store = replicates <= storeAtMost;
        double[] values = store ? new double[replicates] : null;
        double estimate = summary.estimate();
        double low = summary.center() - 12 * summary.spread();
        double high = summary.center() + 12 * summary.spread();
        List<FirstPass> workers = Blocks.run(replicates, Blocks.source(runSeed), threads, threads, progress,
                cancellation, () -> new FirstPass(kernels.get(), store ? new OrderStatistics.Histogram(low, high) : null,
                        store ? null : new Buckets(low, high)),
                (state, block, from, count, random) -> {
                    Sums sums = new Sums();
                    state.kernel.draw(count, random, state.buffer, sums);
                    for (int i = 0; i < count; i++) {
                        double v = state.buffer[i];
                        if (store) {
                            state.histogram.count(v);
                        } else {
                            state.buckets.add(v);
                        }
                    }
                    if (store) {
                        System.arraycopy(state.buffer, 0, values, from, count);
                    }
                    partials.record(block, sums.deviations, sums.squares, sums.below, sums.equal);
                });
        if (store) {
            OrderStatistics.Histogram histogram = workers.get(0).histogram;
            for (int w = 1; w < workers.size(); w++) {
                histogram.add(workers.get(w).histogram);
            }
            return partials.distribution(values, estimate, summary.acceleration(), summary.observedSe(),
                    summary.lowest(), summary.highest(), histogram);
        }
        Buckets buckets = workers.get(0).buckets;
        for (int w = 1; w < workers.size(); w++) {
            buckets.merge(workers.get(w).buckets);
        }
        Replay replay = new Replay(kernels, replicates, runSeed, threads, cancellation, buckets, gatherAtMost);
        return partials.distribution(replay, replicates, estimate, summary.acceleration(), summary.observedSe(),
                summary.lowest(), summary.highest());
    }

    private static final class FirstPass {
        final Kernel kernel;
        final double[] buffer = new double[Blocks.SIZE];
        final OrderStatistics.Histogram histogram;
        final Buckets buckets;

        FirstPass(Kernel kernel, OrderStatistics.Histogram histogram, Buckets buckets) {
            this.kernel = kernel;
            this.histogram = histogram;
            this.buckets = buckets;
        }
    }

    /**
     * Counts in {@link #COUNT} equal buckets over [low, high] and one bucket at each end (infinities
     * included), with the smallest and largest value of each bucket. Not thread-safe.
     */
    static final class Buckets {
        static final int COUNT = 4096;

        private final double low;
        private final double high;
        private final double scale;
        final long[] counts = new long[COUNT + 2];
        final double[] min = new double[COUNT + 2];
        final double[] max = new double[COUNT + 2];

        Buckets(double low, double high) {
            this.low = low;
            this.high = high;
            this.scale = high > low ? COUNT / (high - low) : 0;
            Arrays.fill(min, Double.POSITIVE_INFINITY);
            Arrays.fill(max, Double.NEGATIVE_INFINITY);
        }

        int bucket(double v) {
            if (v < low) {
                return 0;
            }
            if (v > high) {
                return COUNT + 1;
            }
            return 1 + Math.min(COUNT - 1, (int) ((v - low) * scale));
        }

        void add(double v) {
            int b = bucket(v);
            counts[b]++;
            if (v < min[b]) {
                min[b] = v;
            }
            if (v > max[b]) {
                max[b] = v;
            }
        }

        void merge(Buckets other) {
            for (int b = 0; b < counts.length; b++) {
                counts[b] += other.counts[b];
                min[b] = Math.min(min[b], other.min[b]);
                max[b] = Math.max(max[b], other.max[b]);
            }
        }

        /** The bucket holding 0-based rank {@code rank}, and in {@code within[0]} the rank inside it. */
        int locate(long rank, long[] within) {
            long before = 0;
            for (int b = 0; b < counts.length; b++) {
                if (rank < before + counts[b]) {
                    within[0] = rank - before;
                    return b;
                }
                before += counts[b];
            }
            throw new IllegalStateException("rank " + rank + " beyond " + before + " replicates");
        }
    }

    /** A chain of (buckets, bucket) conditions: the values in every one of the buckets. */
    private record Scope(List<Buckets> levels, int[] chosen) {
        boolean contains(double v) {
            for (int i = 0; i < chosen.length; i++) {
                if (levels.get(i).bucket(v) != chosen[i]) {
                    return false;
                }
            }
            return true;
        }

        Scope then(Buckets buckets, int bucket) {
            List<Buckets> more = new ArrayList<>(levels);
            more.add(buckets);
            int[] next = Arrays.copyOf(chosen, chosen.length + 1);
            next[chosen.length] = bucket;
            return new Scope(more, next);
        }
    }

    /** Finds order statistics of the replicates by drawing them again. */
    private static final class Replay implements MonteCarloDistribution.Selection {
        private final Supplier<Kernel> kernels;
        private final int replicates;
        private final long runSeed;
        private final int threads;
        private final Cancellation cancellation;
        private final Buckets first;
        private final long gatherAtMost;

        Replay(Supplier<Kernel> kernels, int replicates, long runSeed, int threads, Cancellation cancellation,
               Buckets first, long gatherAtMost) {
            this.gatherAtMost = gatherAtMost;
            this.kernels = kernels;
            this.replicates = replicates;
            this.runSeed = runSeed;
            this.threads = threads;
            this.cancellation = cancellation;
            this.first = first;
        }

        /** Runs every replicate again, handing each worker's values to its own sink. */
        private <S extends java.util.function.DoubleConsumer> List<S> pass(Supplier<S> sinks) {
            return Blocks.run(replicates, Blocks.source(runSeed), threads, threads, ProgressListener.NONE,
                    cancellation, () -> new Object[] {kernels.get(), new double[Blocks.SIZE], sinks.get()},
                    (Object[] state, int block, int from, int count, RandomGenerator random) -> {
                        double[] buffer = (double[]) state[1];
                        ((Kernel) state[0]).draw(count, random, buffer, new Sums());
                        @SuppressWarnings("unchecked")
                        S sink = (S) state[2];
                        for (int i = 0; i < count; i++) {
                            sink.accept(buffer[i]);
                        }
                    }).stream().map(state -> {
                        @SuppressWarnings("unchecked")
                        S sink = (S) state[2];
                        return sink;
                    }).toList();
        }

        @Override
        public synchronized double[] select(int[] ranks) {
            double[] result = new double[ranks.length];
            Scope top = new Scope(List.of(), new int[0]);
            // first every rank whose bucket holds one value, or few enough to gather in one pass
            int[] buckets = new int[ranks.length];
            long[] within = new long[ranks.length];
            boolean[] done = new boolean[ranks.length];
            boolean[] gather = new boolean[first.counts.length];
            long gathered = 0;
            long[] inside = new long[1];
            for (int i = 0; i < ranks.length; i++) {
                buckets[i] = first.locate(ranks[i], inside);
                within[i] = inside[0];
                int b = buckets[i];
                if (first.min[b] == first.max[b]) {
                    result[i] = first.min[b];
                    done[i] = true;
                } else if (gather[b] || gathered + first.counts[b] <= gatherAtMost) {
                    if (!gather[b]) {
                        gathered += first.counts[b];
                        gather[b] = true;
                    }
                }
            }
            if (gathered > 0) {
                double[][] values = gatherBuckets(first, gather);
                for (int i = 0; i < ranks.length; i++) {
                    if (!done[i] && gather[buckets[i]]) {
                        result[i] = values[buckets[i]][(int) within[i]];
                        done[i] = true;
                    }
                }
            }
            // the rest: split the bucket again and again until it can be gathered
            for (int i = 0; i < ranks.length; i++) {
                if (!done[i]) {
                    result[i] = refine(top.then(first, buckets[i]), first.min[buckets[i]], first.max[buckets[i]],
                            within[i]);
                }
            }
            return result;
        }

        /** The values in the marked buckets of the first pass, each bucket's sorted. */
        private double[][] gatherBuckets(Buckets level, boolean[] marked) {
            List<Gatherer> sinks = pass(() -> new Gatherer(level, marked));
            double[][] values = new double[marked.length][];
            for (int b = 0; b < marked.length; b++) {
                if (!marked[b]) {
                    continue;
                }
                int total = 0;
                for (Gatherer g : sinks) {
                    total += g.sizes[b];
                }
                double[] all = new double[total];
                int at = 0;
                for (Gatherer g : sinks) {
                    System.arraycopy(g.values[b], 0, all, at, g.sizes[b]);
                    at += g.sizes[b];
                }
                Arrays.sort(all);
                values[b] = all;
            }
            return values;
        }

        /** The {@code rank}-th smallest value in scope (whose values lie in [low, high]). */
        private double refine(Scope scope, double low, double high, long rank) {
            while (true) {
                Buckets finer = new Buckets(low, high);
                Scope in = scope;
                List<Counter> counters = pass(() -> new Counter(in, finer));
                Buckets counts = counters.get(0).buckets;
                for (int w = 1; w < counters.size(); w++) {
                    counts.merge(counters.get(w).buckets);
                }
                long[] inside = new long[1];
                int b = counts.locate(rank, inside);
                if (counts.min[b] == counts.max[b]) {
                    return counts.min[b];
                }
                Scope next = scope.then(counts, b);
                if (counts.counts[b] <= gatherAtMost) {
                    List<ScopeGatherer> sinks = pass(() -> new ScopeGatherer(next));
                    int total = 0;
                    for (ScopeGatherer g : sinks) {
                        total += g.size;
                    }
                    double[] all = new double[total];
                    int at = 0;
                    for (ScopeGatherer g : sinks) {
                        System.arraycopy(g.values, 0, all, at, g.size);
                        at += g.size;
                    }
                    Arrays.sort(all);
                    return all[(int) inside[0]];
                }
                scope = next;
                low = counts.min[b];
                high = counts.max[b];
                rank = inside[0];
            }
        }
    }

    /** Keeps the values of the marked buckets of one level. */
    private static final class Gatherer implements java.util.function.DoubleConsumer {
        final Buckets level;
        final boolean[] marked;
        final double[][] values;
        final int[] sizes;

        Gatherer(Buckets level, boolean[] marked) {
            this.level = level;
            this.marked = marked;
            values = new double[marked.length][];
            sizes = new int[marked.length];
            for (int b = 0; b < marked.length; b++) {
                values[b] = marked[b] ? new double[16] : null;
            }
        }

        @Override
        public void accept(double v) {
            int b = level.bucket(v);
            if (marked[b]) {
                if (sizes[b] == values[b].length) {
                    values[b] = Arrays.copyOf(values[b], 2 * values[b].length);
                }
                values[b][sizes[b]++] = v;
            }
        }
    }

    /** Counts the values in scope into finer buckets. */
    private static final class Counter implements java.util.function.DoubleConsumer {
        final Scope scope;
        final Buckets buckets;

        Counter(Scope scope, Buckets template) {
            this.scope = scope;
            this.buckets = new Buckets(template.low, template.high);
        }

        @Override
        public void accept(double v) {
            if (scope.contains(v)) {
                buckets.add(v);
            }
        }
    }

    /** Keeps the values in scope. */
    private static final class ScopeGatherer implements java.util.function.DoubleConsumer {
        final Scope scope;
        double[] values = new double[16];
        int size;

        ScopeGatherer(Scope scope) {
            this.scope = scope;
        }

        @Override
        public void accept(double v) {
            if (scope.contains(v)) {
                if (size == values.length) {
                    values = Arrays.copyOf(values, 2 * values.length);
                }
                values[size++] = v;
            }
        }
    }
}
