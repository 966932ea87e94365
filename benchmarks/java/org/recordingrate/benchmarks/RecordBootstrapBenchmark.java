package org.recordingrate.benchmarks;

import java.util.ArrayList;
import java.util.List;
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
import org.recordingrate.estimate.WeightedRate;
import org.recordingrate.internal.InversionSampler;
import org.recordingrate.model.AuditAccumulator;
import org.recordingrate.model.AuditRecord;
import org.recordingrate.model.Category;
import org.recordingrate.resample.Bootstrap;
import org.recordingrate.resample.BootstrapInterval;
import org.recordingrate.resample.RecordBootstrap;
import org.recordingrate.resample.ResamplingWeights;

/**
 * The record-level bootstrap of the 3-category design's 554 audited records, 10,000 percentile
 * replicates on one thread, time per run:
 * <ul>
 *   <li>{@code ours_multinomial}, {@code ours_poisson}: {@link RecordBootstrap};</li>
 *   <li>{@code draws_multinomial}: just its random numbers: 554 uniform indices per replicate
 *       (the same multiply-and-reject), summed;</li>
 *   <li>{@code draws_poisson}: just 554 Poisson(1) weights per replicate from the same table;</li>
 *   <li>{@code naive_records}: per replicate, a list of 554 records drawn with
 *       {@code nextInt}, an {@code AuditAccumulator}, an {@code Inspection} and its
 *       {@code WeightedRate}: resampling records the straightforward way with the library's own
 *       types.</li>
 * </ul>
 * Command: {@code mvn -q -Pbenchmark test-compile exec:exec -Djmh.args="RecordBootstrapBenchmark -rf json -rff target/jmh-records.json"}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RecordBootstrapBenchmark {

    static final int REPLICATES = 10_000;
    static final List<Category> DESIGN = List.of(Category.of("violence", 25_000), Category.of("sexual offences", 2_500),
            Category.of("other crime", 35_000));

    @Param({"ours_multinomial", "ours_poisson", "draws_multinomial", "draws_poisson", "naive_records"})
    public String implementation;

    private List<AuditRecord> records;
    private List<List<AuditRecord>> byCategory;
    private RecordBootstrap bootstrap;
    private InversionSampler poisson;
    private long seed;

    @Setup
    public void setUp() {
        records = new ArrayList<>();
        byCategory = new ArrayList<>();
        long[][] tallies = {{180, 202}, {131, 132}, {211, 220}};
        for (int h = 0; h < 3; h++) {
            List<AuditRecord> category = new ArrayList<>();
            for (int j = 0; j < tallies[h][1]; j++) {
                category.add(AuditRecord.of("R" + h + "-" + j, DESIGN.get(h).name(), j < tallies[h][0]));
            }
            records.addAll(category);
            byCategory.add(category);
        }
        Bootstrap settings = Bootstrap.withDefaults().with(BootstrapInterval.PERCENTILE).withReplicates(REPLICATES)
                .withThreads(1);
        bootstrap = RecordBootstrap.withDefaults().with(settings).with(implementation.equals("ours_poisson")
                ? ResamplingWeights.POISSON : ResamplingWeights.MULTINOMIAL);
        poisson = InversionSampler.poisson(1.0);
    }

    @Benchmark
    public double run() {
        seed++;
        switch (implementation) {
            case "ours_multinomial", "ours_poisson":
                return bootstrap.with(Bootstrap.withDefaults().with(BootstrapInterval.PERCENTILE)
                        .withReplicates(REPLICATES).withThreads(1).withSeed(seed)).allCrime(records, DESIGN).lower();
            case "draws_multinomial": {
                RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
                long sum = 0;
                for (int i = 0; i < REPLICATES; i++) {
                    for (List<AuditRecord> category : byCategory) {
                        int m = category.size();
                        long threshold = ((1L << 32) - m) % m;
                        for (int j = 0; j < m; j++) {
                            long product;
                            do {
                                product = (random.nextLong() >>> 32) * m;
                            } while ((product & 0xFFFFFFFFL) < threshold);
                            sum += product >>> 32;
                        }
                    }
                }
                return sum;
            }
            case "draws_poisson": {
                RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
                long sum = 0;
                for (int i = 0; i < REPLICATES; i++) {
                    for (int j = 0; j < records.size(); j++) {
                        sum += poisson.sample(random.nextLong());
                    }
                }
                return sum;
            }
            default: {
                RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
                double sum = 0;
                for (int i = 0; i < REPLICATES; i++) {
                    AuditAccumulator audit = new AuditAccumulator();
                    for (List<AuditRecord> category : byCategory) {
                        List<AuditRecord> drawn = new ArrayList<>(category.size());
                        for (int j = 0; j < category.size(); j++) {
                            drawn.add(category.get(random.nextInt(category.size())));
                        }
                        drawn.forEach(audit::add);
                    }
                    sum += WeightedRate.of(audit.inspection("replicate", DESIGN),
                            org.recordingrate.estimate.VarianceConvention.BINOMIAL).rate();
                }
                return sum;
            }
        }
    }
}
