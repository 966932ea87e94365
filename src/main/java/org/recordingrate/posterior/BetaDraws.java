package org.recordingrate.posterior;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;
import java.util.random.RandomGenerator.SplittableGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Draws of a volume-weighted sum of independent Beta variables, sum W<sub>h</sub> p<sub>h</sub>, in
 * fixed blocks of {@link #BLOCK} replicates: block k draws from the k-th generator split (in block
 * order, before any work) from the seed's L64X128MixRandom, and writes only its own replicates, so
 * the draws are the same for any number of threads. A Beta(a, b) variable is X / (X + Y) with X, Y
 * independent Gamma(a) and Gamma(b) (Marsaglia and Tsang 2000, "A simple method for generating gamma
 * variables", ACM TOMS 26, 363-372; for a shape below 1, Gamma(a + 1) U<sup>1/a</sup>). Not part of
 * the API.
 */
final class BetaDraws {

    /** Replicates per block. */
    static final int BLOCK = 1 << 13;

    private static final RandomGeneratorFactory<RandomGenerator> FACTORY = RandomGeneratorFactory.of("L64X128MixRandom");

    private BetaDraws() {
    }

    /**
     * The replicates of sum W<sub>h</sub> Beta(a<sub>h</sub>, b<sub>h</sub>).
     *
     * @param weights    W<sub>h</sub>
     * @param a          first shapes
     * @param b          second shapes
     * @param replicates how many
     * @param seed       the seed
     * @param threads    threads to use, at least 1 (the draws do not depend on it)
     * @return the replicates in replicate order
     */
    static double[] weightedSums(double[] weights, double[] a, double[] b, int replicates, long seed, int threads) {
        double[] out = new double[replicates];
        int blocks = (int) ((replicates + (long) BLOCK - 1) / BLOCK);
        SplittableGenerator source = (SplittableGenerator) FACTORY.create(seed);
        RandomGenerator[] generators = new RandomGenerator[blocks];
        for (int k = 0; k < blocks; k++) {
            generators[k] = source.split();
        }
        AtomicInteger next = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Runnable worker = () -> {
            try {
                for (int k = next.getAndIncrement(); k < blocks && failure.get() == null; k = next.getAndIncrement()) {
                    RandomGenerator random = generators[k];
                    int end = (int) Math.min(replicates, (long) (k + 1) * BLOCK);
                    for (int r = k * BLOCK; r < end; r++) {
                        double sum = 0;
                        for (int h = 0; h < weights.length; h++) {
                            double x = gamma(a[h], random);
                            double y = gamma(b[h], random);
                            sum += weights[h] * (x / (x + y));
                        }
                        out[r] = sum;
                    }
                }
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        };
        Thread[] helpers = new Thread[Math.max(0, Math.min(threads, blocks) - 1)];
        for (int t = 0; t < helpers.length; t++) {
            helpers[t] = new Thread(worker, "recording-rate-posterior-" + t);
            helpers[t].setDaemon(true);
            helpers[t].start();
        }
        worker.run();
        for (Thread helper : helpers) {
            boolean interrupted = false;
            while (true) {
                try {
                    helper.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return out;
    }

    /** A Gamma(shape, 1) variate by Marsaglia and Tsang's method. */
    static double gamma(double shape, RandomGenerator random) {
        if (shape < 1) {
            double u = random.nextDouble();
            return gamma(shape + 1, random) * Math.pow(u, 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            double x2 = x * x;
            if (u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}
