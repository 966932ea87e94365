package org.recordingrate.resample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

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
import org.recordingrate.compare.Alternative;
import org.recordingrate.io.InspectionSource;
import org.recordingrate.model.AuditRecord;
import org.recordingrate.model.AuditedCategory;
import org.recordingrate.model.Category;
import org.recordingrate.model.Incidents;
import org.recordingrate.model.Inspection;

/**
 * The stratified cluster bootstrap and the permutation of incidents on the bundled record-level
 * audits ({@code examples/data/audit-2022.csv}: 603 crimes in 361 incidents of one to four crimes,
 * three categories; {@code audit-2017.csv}: 1,588 crimes in 908 incidents), time per call on
 * {@code threads} threads (1: like for like with numpy, which runs on one core):
 * <ul>
 *   <li>{@code bootstrap_ours}: {@link Bootstrap#allCrime(Inspection)}, BCa, the categories' sums
 *       drawn from their bootstrap distributions (computed once and kept, as in a session);</li>
 *   <li>{@code bootstrap_ours_uncached}: the same, each category's distribution computed anew in every
 *       call (what a fresh process does);</li>
 *   <li>{@code bootstrap_naive}: the same BCa interval by {@link RecordBootstrap} with incidents as units:
 *       one random index per incident and replicate (the library before this work);</li>
 *   <li>{@code permute_ours}: {@link PermutationTest#permute(Inspection, Inspection, Alternative)}
 *       of 2017 against 2022, Monte Carlo, incidents permuted pattern by pattern;</li>
 *   <li>{@code permute_naive}: the same test by shuffling each category's pooled incidents
 *       (Fisher-Yates) and summing the first m<sub>after</sub>: one random index per incident.</li>
 * </ul>
 * Command: {@code mvn -q -Pbenchmark test-compile exec:exec -Djmh.args="IncidentBootstrapBenchmark -rf json -rff target/jmh-incidents.json"}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class IncidentBootstrapBenchmark {

    @Param({"bootstrap_ours", "bootstrap_ours_uncached", "bootstrap_naive", "permute_ours", "permute_naive"})
    public String implementation;

    @Param({"100000", "1000000"})
    public int replicates;

    @Param({"1"})
    public int threads;

    private Inspection later;
    private Inspection earlier;
    private List<AuditRecord> records;
    private List<Category> design;
    private long seed;

    @Setup
    public void setUp() {
        Optional<Path> volumes = Optional.of(Path.of("examples/data/volumes.csv"));
        later = InspectionSource.read(Path.of("examples/data/audit-2022.csv"), volumes).inspections().get(0);
        earlier = InspectionSource.read(Path.of("examples/data/audit-2017.csv"), volumes).inspections().get(0);
        records = new ArrayList<>();
        design = new ArrayList<>();
        int id = 0;
        for (AuditedCategory c : later.categories()) {
            design.add(c.category());
            int incident = 0;
            for (Incidents.Group g : c.incidents().orElseThrow().groups()) {
                for (long i = 0; i < g.incidents(); i++) {
                    String name = c.name() + "-" + incident++;
                    for (long j = 0; j < g.crimes(); j++) {
                        records.add(AuditRecord.of("R" + id++, c.name(), j < g.recorded(), name));
                    }
                }
            }
        }
    }

    @Benchmark
    public double run() {
        seed++;
        Bootstrap settings = Bootstrap.withDefaults().with(BootstrapInterval.BCA).withReplicates(replicates)
                .withThreads(threads).withSeed(seed);
        switch (implementation) {
            case "bootstrap_ours":
                return settings.allCrime(later).lower();
            case "bootstrap_ours_uncached":
                ClusterSums.forget();
                return settings.allCrime(later).lower();
            case "bootstrap_naive":
                return RecordBootstrap.withDefaults().withIncidentsAsUnits(true).with(settings).allCrime(records, design)
                        .lower();
            case "permute_ours":
                return PermutationTest.withDefaults().with(Enumeration.NEVER).withReplicates(replicates)
                        .withThreads(threads).withSeed(seed).permute(earlier, later, Alternative.TWO_SIDED).pValue();
            case "permute_naive":
                return naivePermutation(seed);
            default:
                throw new IllegalStateException(implementation);
        }
    }

    /** The stratified permutation of incidents by shuffling, two-sided p as twice the smaller tail. */
    private double naivePermutation(long seed) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        int k = later.categories().size();
        long[][][] pooled = new long[k][][];
        int[] afterSize = new int[k];
        long[][] totals = new long[k][2];
        double[] wa = new double[k];
        double[] wb = new double[k];
        double observed = 0;
        for (int h = 0; h < k; h++) {
            AuditedCategory a = later.categories().get(h);
            AuditedCategory b = earlier.category(a.name()).orElseThrow();
            List<long[]> units = new ArrayList<>();
            for (AuditedCategory side : List.of(a, b)) {
                for (Incidents.Group g : side.incidents().orElseThrow().groups()) {
                    for (long i = 0; i < g.incidents(); i++) {
                        units.add(new long[] {g.crimes(), g.recorded()});
                    }
                }
                if (side == a) {
                    afterSize[h] = units.size();
                }
            }
            pooled[h] = units.toArray(new long[0][]);
            totals[h] = new long[] {a.tally().recorded() + b.tally().recorded(), a.tally().audited() + b.tally().audited()};
            wa[h] = (double) a.volume() / later.totalVolume();
            wb[h] = (double) b.volume() / earlier.totalVolume();
            observed += wa[h] * a.tally().rate() - wb[h] * b.tally().rate();
        }
        long up = 0;
        long down = 0;
        for (int r = 0; r < replicates; r++) {
            double t = 0;
            for (int h = 0; h < k; h++) {
                long[][] units = pooled[h];
                long rec = 0;
                long crimes = 0;
                // a partial Fisher-Yates shuffle: the first afterSize[h] places
                for (int i = 0; i < afterSize[h]; i++) {
                    int j = i + random.nextInt(units.length - i);
                    long[] swap = units[i];
                    units[i] = units[j];
                    units[j] = swap;
                    crimes += units[i][0];
                    rec += units[i][1];
                }
                t += wa[h] * rec / crimes - wb[h] * (double) (totals[h][0] - rec) / (totals[h][1] - crimes);
            }
            up += t >= observed ? 1 : 0;
            down += t <= observed ? 1 : 0;
        }
        return Math.min(1, 2 * Math.min((up + 1.0) / (replicates + 1), (down + 1.0) / (replicates + 1)));
    }
}
