package org.recordingrate.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AliasMethodDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.apache.commons.rng.sampling.distribution.GuideTableDiscreteSampler;
import org.apache.commons.rng.sampling.distribution.MarsagliaTsangWangDiscreteSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.recordingrate.internal.AliasSampler;
import org.recordingrate.internal.InversionSampler;

/**
 * One Binomial(n, p) draw, the inner step of the bootstrap, by each candidate sampler; time per
 * draw (each invocation makes {@link #DRAWS} draws and sums them):
 * <ul>
 *   <li>{@code ours}: {@link AliasSampler} (Walker's alias table in exact integers, a branchless
 *       draw) fed by java.util.random's L64X128MixRandom;</li>
 *   <li>{@code ours_guide}: {@link InversionSampler} (guide table over 2^62-scaled integer cumulative
 *       probabilities), the same generator;</li>
 *   <li>{@code commons_mtw}: Commons RNG 1.6 {@code MarsagliaTsangWangDiscreteSampler.Binomial}
 *       (five look-up tables, probabilities rounded to 2^-31) on its {@code L64_X128_MIX};</li>
 *   <li>{@code commons_guide}: Commons RNG {@code GuideTableDiscreteSampler} on the same
 *       probabilities as ours;</li>
 *   <li>{@code commons_alias}: Commons RNG {@code AliasMethodDiscreteSampler};</li>
 *   <li>{@code naive}: the sum of n Bernoulli draws (resampling the records one by one);</li>
 *   <li>{@code baseline}: the random long alone (the floor for any one-number sampler).</li>
 * </ul>
 * Command: {@code mvn -q -Pbenchmark test-compile exec:exec -Djmh.args="BinomialSamplerBenchmark -rf json -rff target/jmh-sampler.json"}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class BinomialSamplerBenchmark {

    static final int DRAWS = 1024;

    @Param({"ours", "ours_guide", "commons_mtw", "commons_guide", "commons_alias", "naive", "baseline"})
    public String sampler;

    /** recorded/audited: the violence category of the seed report, and a large audit. */
    @Param({"180/202", "90000/100000"})
    public String tally;

    private RandomGenerator jdk;
    private UniformRandomProvider commonsRandom;
    private AliasSampler ours;
    private InversionSampler guide;
    private DiscreteSampler commons;
    private int n;
    private double p;

    @Setup
    public void setUp() {
        String[] parts = tally.split("/");
        n = Integer.parseInt(parts[1]);
        p = Double.parseDouble(parts[0]) / n;
        jdk = RandomGeneratorFactory.of("L64X128MixRandom").create(42);
        commonsRandom = RandomSource.L64_X128_MIX.create(42L);
        ours = AliasSampler.binomial(n, p);
        guide = InversionSampler.binomial(n, p);
        double[] probabilities = new double[(int) (ours.highest() - ours.lowest() + 1)];
        for (int i = 0; i < probabilities.length; i++) {
            probabilities[i] = ours.probability(ours.lowest() + i);
        }
        commons = switch (sampler) {
            case "commons_mtw" -> MarsagliaTsangWangDiscreteSampler.Binomial.of(commonsRandom, n, p);
            case "commons_guide" -> GuideTableDiscreteSampler.of(commonsRandom, probabilities);
            case "commons_alias" -> AliasMethodDiscreteSampler.of(commonsRandom, probabilities);
            default -> null;
        };
    }

    @Benchmark
    @OperationsPerInvocation(DRAWS)
    public long draw() {
        long sum = 0;
        switch (sampler) {
            case "ours" -> {
                for (int i = 0; i < DRAWS; i++) {
                    sum += ours.sample(jdk.nextLong());
                }
            }
            case "ours_guide" -> {
                for (int i = 0; i < DRAWS; i++) {
                    sum += guide.sample(jdk.nextLong());
                }
            }
            case "naive" -> {
                for (int i = 0; i < DRAWS; i++) {
                    int x = 0;
                    for (int j = 0; j < n; j++) {
                        x += jdk.nextDouble() < p ? 1 : 0;
                    }
                    sum += x;
                }
            }
            case "baseline" -> {
                for (int i = 0; i < DRAWS; i++) {
                    sum += jdk.nextLong();
                }
            }
            default -> {
                for (int i = 0; i < DRAWS; i++) {
                    sum += commons.sample();
                }
            }
        }
        return sum;
    }
}
