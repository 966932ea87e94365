package org.recordingrate.benchmarks;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.recordingrate.forces.ForceFigure;
import org.recordingrate.forces.Forces;
import org.recordingrate.forces.ForcesFile;
import org.recordingrate.forces.ForcesResult;
import org.recordingrate.forces.RankIntervals;

/**
 * Rank intervals of the 43 bundled forces' all-crime rates (examples/data/forces-2022.csv), 10^6
 * parametric-bootstrap replicates, marginal and simultaneous (Mogstad, Romano, Shaikh and Wilhelm 2024),
 * time per computation:
 * <ul>
 *   <li>{@code ours}: {@code RankIntervals.of(rates, variances, 0.95, R, seed, threads)} on every processor
 *       (2 here): blocks of 8,192 replicates, batches of 512 whose 903 pairwise maxima the JIT vectorises
 *       (single precision), the largest 5% kept per statistic, exact order statistics;</li>
 *   <li>{@code ours_1_thread}: the same on one thread;</li>
 *   <li>{@code naive}: the computation as it is usually written, replicate by replicate: 43 normals, then for
 *       every force the largest |Z_j - Z_k| / s_jk over the 42 others in double precision, every value kept,
 *       then sorted for the quantiles; one thread;</li>
 *   <li>{@code forces_analysis}: the whole {@code Forces.withDefaults().withReplicates(R).analyse(file)}:
 *       funnel, over-dispersion, DerSimonian-Laird, ranks and national rate, every processor.</li>
 * </ul>
 * The peer is numpy (benchmarks/ranks_numpy.py, the same computation vectorised over replicates).
 * Command: {@code mvn -q -Pbenchmark test-compile exec:exec -Djmh.args="RankIntervalsBenchmark -rf json -rff target/jmh-ranks.json"}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RankIntervalsBenchmark {

    @Param({"ours", "ours_1_thread", "naive", "forces_analysis"})
    public String implementation;

    @Param({"1000000"})
    public int replicates;

    private ForcesFile file;
    private double[] rates;
    private double[] variances;
    private long seed;

    @Setup
    public void setUp() {
        file = ForcesFile.read(Path.of("examples/data/forces-2022.csv"));
        rates = file.figures().stream().mapToDouble(ForceFigure::rate).toArray();
        variances = file.figures().stream().mapToDouble(ForceFigure::variance).toArray();
    }

    @Benchmark
    public Object ranks() {
        seed++;
        switch (implementation) {
            case "ours":
                return RankIntervals.of(rates, variances, 0.95, replicates, seed, Runtime.getRuntime().availableProcessors());
            case "ours_1_thread":
                return RankIntervals.of(rates, variances, 0.95, replicates, seed, 1);
            case "naive":
                return naive(rates, variances, replicates, seed);
            default:
                ForcesResult result = Forces.withDefaults().withReplicates(replicates).withSeed(seed).analyse(file);
                return result;
        }
    }

    /** Replicate by replicate, every value kept and sorted: the critical values of each force and all. */
    static double[] naive(double[] rates, double[] variances, int replicates, long seed) {
        int count = rates.length;
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        double[][] t = new double[count + 1][replicates];
        double[] z = new double[count];
        double[] sd = new double[count];
        for (int k = 0; k < count; k++) {
            sd[k] = Math.sqrt(variances[k]);
        }
        for (int r = 0; r < replicates; r++) {
            for (int k = 0; k < count; k++) {
                z[k] = sd[k] * random.nextGaussian();
            }
            double all = 0;
            for (int j = 0; j < count; j++) {
                double max = 0;
                for (int k = 0; k < count; k++) {
                    if (k != j) {
                        max = Math.max(max, Math.abs(z[j] - z[k]) / Math.sqrt(variances[j] + variances[k]));
                    }
                }
                t[j][r] = max;
                all = Math.max(all, max);
            }
            t[count][r] = all;
        }
        double[] critical = new double[count + 1];
        for (int j = 0; j <= count; j++) {
            Arrays.sort(t[j]);
            double h = (replicates - 1) * 0.95;
            int lo = (int) h;
            critical[j] = t[j][lo] + (h - lo) * (t[j][lo + 1] - t[j][lo]);
        }
        return critical;
    }
}
