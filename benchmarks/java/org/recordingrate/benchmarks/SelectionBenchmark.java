package org.recordingrate.benchmarks;

import org.recordingrate.model.Token;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.recordingrate.io.PopulationFile;
import org.recordingrate.select.PermanentRandomNumber;
import org.recordingrate.select.PlannedCategory;
import org.recordingrate.select.SelectionMethod;
import org.recordingrate.select.Selector;

/**
 * Drawing 10,000 records (4,000, 2,000 and 4,000 from three categories) from a population file of
 * {@code rows} records shaped as {@code examples/MakePopulation.java} makes them, one whole draw
 * per call, file reading, SHA-256 and the duplicate check included:
 * <ul>
 *   <li>{@code prn}, {@code srs}, {@code systematic}: {@link Selector} with each method (streaming:
 *       a heap or reservoir of k per category);</li>
 *   <li>{@code read_only}: {@link PopulationFile#read} with a sink that does nothing, the floor
 *       under every method;</li>
 *   <li>{@code naive}: the way a script does it: every line into memory
 *       ({@code Files.readAllLines}), split, grouped by category, each group shuffled
 *       ({@code Collections.shuffle} with a seeded {@code Random}) and its first k taken; no checks,
 *       memory that grows with the file.</li>
 * </ul>
 * {@link #prnNumbers} is the cost of the permanent random numbers alone (HMAC-SHA-256 of 10,000 ids).
 *
 * <p>Run: {@code mvn -q -Pbenchmark test-compile exec:exec -Djmh.args="SelectionBenchmark -f 1 -wi 2 -i 3"}
 * (add {@code -jvmArgs -Xmx48m} to hold the streaming methods to 48 MB).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class SelectionBenchmark {

    private static final String[] CATEGORIES = {"violence", "sexual offences", "other crime"};
    private static final List<PlannedCategory> PLAN = List.of(new PlannedCategory("violence", 4_000),
            new PlannedCategory("sexual offences", 2_000), new PlannedCategory("other crime", 4_000));

    @Param({"1000000"})
    public int rows;

    @Param({"prn", "srs", "systematic", "read_only", "naive"})
    public String method;

    private Path file;
    private final List<String> ids = new ArrayList<>();

    @Setup(Level.Trial)
    public void writePopulation() throws IOException {
        file = Files.createTempFile("population-", ".csv");
        SplittableRandom random = new SplittableRandom(2022);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("record_id,category,reported_on,recorded\n");
            for (long i = 0; i < rows; i++) {
                double u = random.nextDouble();
                String category = CATEGORIES[u < 0.40 ? 0 : u < 0.45 ? 1 : 2];
                String id = "INC" + String.format("%08d", (48271 * i + 12345) % 100_000_000L);
                if (ids.size() < 10_000) {
                    ids.add(id);
                }
                out.write(id + "," + category + ",2021-" + (4 + random.nextInt(9)) + "-01," + (random.nextDouble() < 0.9
                        ? "yes" : "no") + "\n");
            }
        }
    }

    @TearDown(Level.Trial)
    public void deletePopulation() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    public long draw() throws IOException {
        switch (method) {
            case "read_only":
                return PopulationFile.of(file).read(row -> { }).rows();
            case "naive":
                return naive();
            default:
                return Selector.withSeed(2022).with(Token.parse(SelectionMethod.class, "method", method)).select(file, PLAN).drawn();
        }
    }

    private long naive() throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<String, List<String[]>> byCategory = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            byCategory.computeIfAbsent(cells[1], c -> new ArrayList<>()).add(cells);
        }
        Random random = new Random(2022);
        long drawn = 0;
        for (PlannedCategory category : PLAN) {
            List<String[]> group = byCategory.getOrDefault(category.category(), List.of());
            Collections.shuffle(group, random);
            drawn += Math.min(group.size(), category.audited());
        }
        return drawn;
    }

    @Benchmark
    public long prnNumbers() {
        PermanentRandomNumber numbers = PermanentRandomNumber.withSeed(2022);
        long sum = 0;
        for (String id : ids) {
            sum += numbers.bits(id);
        }
        return sum;
    }
}
