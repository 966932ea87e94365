package org.recordingrate.benchmarks;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.apache.commons.rng.sampling.distribution.MarsagliaTsangWangDiscreteSampler;
import org.apache.commons.rng.simple.RandomSource;
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
import org.recordingrate.internal.Normal;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Interval;
import org.recordingrate.resample.Bootstrap;
import org.recordingrate.resample.BootstrapInterval;

/**
 * A BCa interval for the all-crime rate of the 3-category design (violence 180/202
 * volume 25,000; sexual offences 131/132 volume 2,500; other crime 211/220 volume 35,000), time
 * per interval for {@code replicates} replicates:
 * <ul>
 *   <li>{@code ours}: {@code Bootstrap.withDefaults().with(BCA).withReplicates(B).allCrime(design)},
 *       every processor (2 here): the replicates tallied by their tuple of counts
 *       ({@code CountTally}: violence and sexual offences drawn together from one table, other
 *       crime from another, one random long a replicate), quantiles from the weighted distinct
 *       values;</li>
 *   <li>{@code ours_1_thread}: the same on one thread;</li>
 *   <li>{@code commons_rng}: the same sufficient-statistics loop written by hand on Commons RNG
 *       1.6's {@code MarsagliaTsangWangDiscreteSampler.Binomial}, one thread, quantiles by
 *       sorting and the BCa levels from the same closed-form acceleration;</li>
 *   <li>{@code naive_records}: resampling each category's 0/1 records one by one
 *       ({@code nextInt(n)}), the rate of each replicate, then a sort: the way a bootstrap is
 *       usually written; one thread.</li>
 * </ul>
 * Command: {@code mvn -q -Pbenchmark test-compile exec:exec -Djmh.args="\.BootstrapBenchmark -rf json -rff target/jmh-bootstrap.json"};
 * side by side with the Python peers: {@code sh benchmarks/bootstrap_side_by_side.sh}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BootstrapBenchmark {

    static final Inspection DESIGN = Inspection.builder("issue 8").category("violence", 180, 202, 25_000)
            .category("sexual offences", 131, 132, 2_500).category("other crime", 211, 220, 35_000).build();
    static final long[] RECORDED = {180, 131, 211};
    static final int[] AUDITED = {202, 132, 220};
    static final double[] VOLUMES = {25_000, 2_500, 35_000};

    @Param({"ours", "ours_1_thread", "commons_rng", "naive_records"})
    public String implementation;

    @Param({"100000", "1000000"})
    public int replicates;

    private Bootstrap bootstrap;
    private long seed;

    @Setup
    public void setUp() {
        bootstrap = Bootstrap.withDefaults().with(BootstrapInterval.BCA).withReplicates(replicates);
        if (implementation.equals("ours_1_thread")) {
            bootstrap = bootstrap.withThreads(1);
        }
    }

    @Benchmark
    public Interval bca() {
        seed++;
        return switch (implementation) {
            case "ours", "ours_1_thread" -> bootstrap.withSeed(seed).allCrime(DESIGN).interval();
            case "commons_rng" -> commons(seed);
            default -> naive(seed);
        };
    }

    private Interval commons(long seed) {
        UniformRandomProvider random = RandomSource.L64_X128_MIX.create(seed);
        DiscreteSampler[] samplers = new DiscreteSampler[3];
        double[] c = new double[3];
        for (int h = 0; h < 3; h++) {
            samplers[h] = MarsagliaTsangWangDiscreteSampler.Binomial.of(random, AUDITED[h], (double) RECORDED[h] / AUDITED[h]);
            c[h] = VOLUMES[h] / 62_500 / AUDITED[h];
        }
        double[] t = new double[replicates];
        for (int i = 0; i < replicates; i++) {
            double sum = 0;
            for (int h = 0; h < 3; h++) {
                sum += c[h] * samplers[h].sample();
            }
            t[i] = sum;
        }
        return bcaBySorting(t);
    }

    private Interval naive(long seed) {
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        int[][] records = new int[3][];
        for (int h = 0; h < 3; h++) {
            records[h] = new int[AUDITED[h]];
            for (int j = 0; j < RECORDED[h]; j++) {
                records[h][j] = 1;
            }
        }
        double[] t = new double[replicates];
        for (int i = 0; i < replicates; i++) {
            double sum = 0;
            for (int h = 0; h < 3; h++) {
                int x = 0;
                for (int j = 0; j < AUDITED[h]; j++) {
                    x += records[h][random.nextInt(AUDITED[h])];
                }
                sum += VOLUMES[h] * x / AUDITED[h];
            }
            t[i] = sum / 62_500;
        }
        return bcaBySorting(t);
    }

    /** BCa from sorted replicates: z0 with ties half, the closed-form stratified acceleration. */
    private static Interval bcaBySorting(double[] t) {
        double theta = 0;
        double third = 0;
        double second = 0;
        for (int h = 0; h < 3; h++) {
            double w = VOLUMES[h] / 62_500;
            double p = (double) RECORDED[h] / AUDITED[h];
            theta += w * p;
            double n = AUDITED[h];
            third += w * w * w * p * (1 - p) * (1 - 2 * p) / (n * n);
            second += w * w * p * (1 - p) / n;
        }
        double a = third / (6 * Math.pow(second, 1.5));
        Arrays.sort(t);
        int below = 0;
        int equal = 0;
        for (double v : t) {
            below += v < theta - 1e-12 ? 1 : 0;
            equal += Math.abs(v - theta) <= 1e-12 ? 1 : 0;
        }
        double z0 = Normal.quantile((below + 0.5 * equal) / t.length);
        double z = 1.959963984540054;
        double lo = Normal.cdf(z0 + (z0 - z) / (1 - a * (z0 - z)));
        double hi = Normal.cdf(z0 + (z0 + z) / (1 - a * (z0 + z)));
        return new Interval(t[(int) Math.max(0, Math.floor((t.length + 1) * lo) - 1)],
                t[(int) Math.min(t.length - 1, Math.floor((t.length + 1) * hi) - 1)]);
    }
}
