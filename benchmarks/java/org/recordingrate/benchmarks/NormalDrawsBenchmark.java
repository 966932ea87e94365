package org.recordingrate.benchmarks;

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
import org.recordingrate.internal.FloatNormals;

/**
 * Standard normal variates into a float array of 512 (a batch of the rank intervals' kernel), time per
 * variate:
 * <ul>
 *   <li>{@code float_normals}: {@code FloatNormals.fill} (ziggurat, 128 layers, two variates per
 *       {@code nextLong()}), what {@code RankIntervals} draws;</li>
 *   <li>{@code next_gaussian}: {@code (float) random.nextGaussian()} one by one (the JDK's ziggurat in double
 *       precision, one {@code nextLong()} each), what it drew before.</li>
 * </ul>
 * Both on the L64X128MixRandom of {@code resample.Blocks}. The peer: numpy's
 * {@code Generator.standard_normal(512, dtype=np.float32)} (its own float ziggurat), timed in
 * benchmarks/README.md. Command: {@code mvn -q -Pbenchmark test-compile exec:exec -Djmh.args="NormalDrawsBenchmark"}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class NormalDrawsBenchmark {

    private static final int SIZE = 512;

    @Param({"float_normals", "next_gaussian"})
    public String implementation;

    private RandomGenerator random;
    private final float[] values = new float[SIZE];

    @Setup
    public void setUp() {
        random = RandomGeneratorFactory.of("L64X128MixRandom").create(1);
    }

    /** @return the batch (so that nothing is optimised away); time per batch of 512 */
    @Benchmark
    public float[] batch() {
        if (implementation.equals("float_normals")) {
            FloatNormals.fill(random, values, SIZE);
        } else {
            for (int r = 0; r < SIZE; r++) {
                values[r] = (float) random.nextGaussian();
            }
        }
        return values;
    }
}
