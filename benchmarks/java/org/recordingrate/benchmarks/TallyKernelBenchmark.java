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
import org.recordingrate.internal.AliasSampler;
import org.recordingrate.internal.InversionSampler;

/**
 * The bootstrap's inner loop alone, one change at a time: drawing 1,000,000 replicates of the
 * issue's 3-category design (violence 180/202, sexual offences 131/132, other crime 211/220;
 * coefficients volume/total/audited) on one thread from one generator, without set-up,
 * blocks, threads or intervals ({@code BootstrapBenchmark} times the whole call). Time per
 * million replicates ({@code kernel}):
 * <ul>
 *   <li>{@code random_only}: the floor: the 1,000,000 random longs that {@code tally_guide_grouped}
 *       uses, summed;</li>
 *   <li>{@code values_alias}: the previous kernel's work: three {@link AliasSampler#sample32}
 *       draws (two per random long), the weighted sum in doubles, one double stored per
 *       replicate (then still to be selected from);</li>
 *   <li>{@code tally_alias}: the same draws, counted in an int cell per tuple of counts
 *       instead (no doubles, no store of a replicate);</li>
 *   <li>{@code tally_guide}: the same tally, each category drawn by inversion with a guide
 *       table ({@link InversionSampler.IndexTable32} of one category) instead of the alias
 *       table;</li>
 *   <li>{@code tally_guide_grouped}: what {@code CountTally} does: violence and sexual
 *       offences drawn together from one joint table (702 tuples), other crime from its own, so
 *       two look-ups and one random long a replicate;</li>
 *   <li>{@code tally_alias_grouped}: the same groups, each drawn from a Walker alias table of its
 *       tuples (branch-free, then the tuple's cell offset looked up).</li>
 * </ul>
 * {@code generator}: the JDK algorithm of the random longs (L64X128MixRandom is what the
 * library uses; SplittableRandom and Xoroshiro128PlusPlus are the cheaper JDK candidates).
 * Command: {@code mvn -q -Pbenchmark test-compile exec:exec -Djmh.args="TallyKernelBenchmark"}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class TallyKernelBenchmark {

    static final int REPLICATES = 1_000_000;
    static final long[] RECORDED = {180, 131, 211};
    static final long[] AUDITED = {202, 132, 220};
    static final double[] VOLUMES = {25_000, 2_500, 35_000};

    @Param({"random_only", "values_alias", "tally_alias", "tally_guide", "tally_alias_grouped", "tally_guide_grouped"})
    public String kernel;

    @Param({"L64X128MixRandom"})
    public String generator;

    private RandomGenerator random;
    private AliasSampler[] alias;
    private long[] low;
    private int[] strides;
    private double[] coefficients;
    private InversionSampler.IndexTable32[] single;
    private InversionSampler.IndexTable32 pair;
    private int[] cells;
    private double[] values;
    private AliasSampler pairAlias;
    private int[] pairOffsets;
    private int[] lastOffsets;

    @Setup
    public void setUp() {
        random = RandomGeneratorFactory.of(generator).create(42);
        alias = new AliasSampler[3];
        low = new long[3];
        long[] high = new long[3];
        int[] range = new int[3];
        coefficients = new double[3];
        for (int i = 0; i < 3; i++) {
            alias[i] = AliasSampler.binomial(AUDITED[i], (double) RECORDED[i] / AUDITED[i]);
            low[i] = alias[i].lowest32();
            high[i] = alias[i].highest32();
            range[i] = (int) (high[i] - low[i] + 1);
            coefficients[i] = VOLUMES[i] / 62_500 / AUDITED[i];
        }
        strides = new int[] {range[1] * range[2], range[2], 1};
        single = new InversionSampler.IndexTable32[3];
        for (int i = 0; i < 3; i++) {
            single[i] = InversionSampler.IndexTable32.binomials(new long[] {AUDITED[i]},
                    new double[] {(double) RECORDED[i] / AUDITED[i]}, new long[] {low[i]}, new long[] {high[i]},
                    new int[] {strides[i]});
        }
        pair = InversionSampler.IndexTable32.binomials(new long[] {AUDITED[0], AUDITED[1]},
                new double[] {(double) RECORDED[0] / AUDITED[0], (double) RECORDED[1] / AUDITED[1]},
                new long[] {low[0], low[1]}, new long[] {high[0], high[1]}, new int[] {strides[0], strides[1]});
        cells = new int[range[0] * range[1] * range[2]];
        // the same joint tuples as an alias table (Walker), each tuple's cell offset looked up
        double[] joint = new double[range[0] * range[1]];
        pairOffsets = new int[joint.length];
        for (int a = 0; a < range[0]; a++) {
            for (int b = 0; b < range[1]; b++) {
                joint[a * range[1] + b] = pair.probability(a * strides[0] + b * strides[1]);
                pairOffsets[a * range[1] + b] = a * strides[0] + b * strides[1];
            }
        }
        pairAlias = AliasSampler.of(0, joint);
        lastOffsets = new int[(int) (alias[2].highest() - alias[2].lowest() + 1)];
        for (int v = 0; v < lastOffsets.length; v++) {
            lastOffsets[v] = (int) Math.max(0, Math.min(range[2] - 1, alias[2].lowest() + v - low[2]));
        }
        values = kernel.equals("values_alias") ? new double[REPLICATES] : null;
    }

    @Benchmark
    public Object draw() {
        if (kernel.equals("random_only")) {
            long sum = 0;
            for (int i = 0; i < REPLICATES; i++) {
                sum += random.nextLong();
            }
            return sum;
        }
        switch (kernel) {
            case "values_alias" -> valuesAlias();
            case "tally_alias" -> tallyAlias();
            case "tally_guide" -> tallyGuide();
            case "tally_alias_grouped" -> tallyAliasGrouped();
            default -> tallyGuideGrouped();
        }
        return kernel.equals("values_alias") ? values : cells;
    }

    private void valuesAlias() {
        AliasSampler s0 = alias[0];
        AliasSampler s1 = alias[1];
        AliasSampler s2 = alias[2];
        double c0 = coefficients[0];
        double c1 = coefficients[1];
        double c2 = coefficients[2];
        double[] v = values;
        for (int i = 0; i < REPLICATES; i += 2) {
            long r0 = random.nextLong();
            long r1 = random.nextLong();
            long r2 = random.nextLong();
            v[i] = c0 * s0.sample32((int) (r0 >>> 32)) + c1 * s1.sample32((int) (r1 >>> 32))
                    + c2 * s2.sample32((int) (r2 >>> 32));
            v[i + 1] = c0 * s0.sample32((int) r0) + c1 * s1.sample32((int) r1) + c2 * s2.sample32((int) r2);
        }
    }

    private void tallyAlias() {
        AliasSampler s0 = alias[0];
        AliasSampler s1 = alias[1];
        AliasSampler s2 = alias[2];
        long base = low[0] * strides[0] + low[1] * strides[1] + low[2];
        int d0 = strides[0];
        int d1 = strides[1];
        int[] c = cells;
        for (int i = 0; i < REPLICATES; i += 2) {
            long r0 = random.nextLong();
            long r1 = random.nextLong();
            long r2 = random.nextLong();
            c[(int) (s0.sample32((int) (r0 >>> 32)) * d0 + s1.sample32((int) (r1 >>> 32)) * d1
                    + s2.sample32((int) (r2 >>> 32)) - base)]++;
            c[(int) (s0.sample32((int) r0) * d0 + s1.sample32((int) r1) * d1 + s2.sample32((int) r2) - base)]++;
        }
    }

    private void tallyGuide() {
        int[] g0 = single[0].guide();
        int[] g1 = single[1].guide();
        int[] g2 = single[2].guide();
        long[] u0 = single[0].cumulative();
        long[] u1 = single[1].cumulative();
        long[] u2 = single[2].cumulative();
        int[] o0 = single[0].offsets();
        int[] o1 = single[1].offsets();
        int[] o2 = single[2].offsets();
        int h0 = single[0].shift();
        int h1 = single[1].shift();
        int h2 = single[2].shift();
        int[] c = cells;
        for (int i = 0; i < REPLICATES; i += 2) {
            long r0 = random.nextLong();
            long r1 = random.nextLong();
            long r2 = random.nextLong();
            c[InversionSampler.IndexTable32.sample(g0, u0, o0, h0, (int) (r0 >>> 32))
                    + InversionSampler.IndexTable32.sample(g1, u1, o1, h1, (int) (r1 >>> 32))
                    + InversionSampler.IndexTable32.sample(g2, u2, o2, h2, (int) (r2 >>> 32))]++;
            c[InversionSampler.IndexTable32.sample(g0, u0, o0, h0, (int) r0)
                    + InversionSampler.IndexTable32.sample(g1, u1, o1, h1, (int) r1)
                    + InversionSampler.IndexTable32.sample(g2, u2, o2, h2, (int) r2)]++;
        }
    }

    private void tallyAliasGrouped() {
        AliasSampler s0 = pairAlias;
        AliasSampler s1 = alias[2];
        int[] o0 = pairOffsets;
        int[] o1 = lastOffsets;
        long f1 = alias[2].lowest();
        int[] c = cells;
        for (int i = 0; i < REPLICATES; i += 2) {
            long r0 = random.nextLong();
            long r1 = random.nextLong();
            c[o0[(int) s0.sample32((int) (r0 >>> 32))] + o1[(int) (s1.sample32((int) (r1 >>> 32)) - f1)]]++;
            c[o0[(int) s0.sample32((int) r0)] + o1[(int) (s1.sample32((int) r1) - f1)]]++;
        }
    }

    private void tallyGuideGrouped() {
        int[] g0 = pair.guide();
        int[] g1 = single[2].guide();
        long[] u0 = pair.cumulative();
        long[] u1 = single[2].cumulative();
        int[] o0 = pair.offsets();
        int[] o1 = single[2].offsets();
        int h0 = pair.shift();
        int h1 = single[2].shift();
        int[] c = cells;
        for (int i = 0; i < REPLICATES; i += 2) {
            long r0 = random.nextLong();
            long r1 = random.nextLong();
            c[InversionSampler.IndexTable32.sample(g0, u0, o0, h0, (int) (r0 >>> 32))
                    + InversionSampler.IndexTable32.sample(g1, u1, o1, h1, (int) (r1 >>> 32))]++;
            c[InversionSampler.IndexTable32.sample(g0, u0, o0, h0, (int) r0)
                    + InversionSampler.IndexTable32.sample(g1, u1, o1, h1, (int) r1)]++;
        }
    }
}
