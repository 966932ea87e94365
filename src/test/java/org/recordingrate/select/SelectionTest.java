package org.recordingrate.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recordingrate.io.DataFileException;

/**
 * Selection of records: permanent random numbers against Python's hmac (a committed reference
 * file made by {@code src/test/resources/plan/make-prn-reference.py}); every method uniform,
 * reproducible and exact in counts; permanent random numbers independent of row order and stable
 * when records are added.
 *
 * <p>Uniformity: over R seeds each record's inclusion count O_i. For a sample of k from N without
 * replacement the inclusion indicators have covariance pi(1-pi) N/(N-1) (I - J/N), a projection of
 * rank N - 1, so T = (N - 1)/N sum (O_i - R pi)^2 / (R pi (1 - pi)) is asymptotically chi-square
 * with N - 1 degrees of freedom (CLT over the R independent draws). The test fails above the
 * chi-square quantile 1 - 1e-4. For systematic selection the joint law is not that of simple
 * random sampling, so each record's count is compared with Binomial(R, k/N) at 4.89 standard
 * errors (two-sided 1e-6 each, 120 records). False-failure budget of the class: 2 x 1e-4 (PRN,
 * SRS) + 120 x 1e-6 (systematic) = 3.2e-4 per run, fixed seeds.
 */
class SelectionTest {

    @TempDir
    Path folder;

    private Path population(String name, List<String> lines) throws IOException {
        Path file = folder.resolve(name);
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    /** record_id,category,note: n records, ids r0001.., categories a and b alternating. */
    private static List<String> rows(int n) {
        List<String> lines = new ArrayList<>();
        lines.add("record_id,category,note");
        for (int i = 1; i <= n; i++) {
            lines.add(String.format("r%04d,%s,note %d", i, i % 2 == 0 ? "a" : "b", i));
        }
        return lines;
    }

    @Test
    void permanentRandomNumbersMatchPythonsHmac() throws IOException {
        int checked = 0;
        try (InputStream in = getClass().getResourceAsStream("/plan/prn-reference.csv")) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                PermanentRandomNumber numbers = PermanentRandomNumber.withSeed(Long.parseLong(row.get("seed")));
                String id = row.get("record_id");
                assertEquals(Long.parseUnsignedLong(row.get("bits")), numbers.bits(id), id);
                // the same from the id's UTF-8 bytes within a larger array, as a population file hands them over
                byte[] utf8 = ("<<" + id + ">>").getBytes(StandardCharsets.UTF_8);
                assertEquals(Long.parseUnsignedLong(row.get("bits")),
                        numbers.bits(utf8, 2, utf8.length - 4), id);
                assertEquals(Double.parseDouble(row.get("prn")), numbers.of(id), 0, id);
                checked++;
            }
        }
        assertEquals(28, checked);
    }

    @Test
    void prnDrawsTheSmallestNumbersWhateverTheRowOrder() throws IOException {
        List<String> lines = rows(500);
        Path file = population("a.csv", lines);
        List<PlannedCategory> plan = List.of(new PlannedCategory("a", 30), new PlannedCategory("B", 20));
        Selection first = Selector.withSeed(2022).select(file, plan);
        // the 30 smallest numbers of category a, computed here from the numbers alone
        PermanentRandomNumber numbers = PermanentRandomNumber.withSeed(2022);
        List<String> a = new ArrayList<>();
        for (int i = 2; i <= 500; i += 2) {
            a.add(String.format("r%04d", i));
        }
        a.sort((x, y) -> Long.compareUnsigned(numbers.bits(x), numbers.bits(y)));
        List<String> drawnA = first.records().stream().filter(r -> r.category().equals("a"))
                .map(SelectedRecord::recordId).toList();
        assertEquals(a.subList(0, 30), drawnA);
        // the plan's spelling of the category, its order, and the carried column
        assertEquals("B", first.records().get(30).category());
        assertEquals(1, first.records().get(30).selectionOrder());
        SelectedRecord one = first.records().get(0);
        assertEquals(List.of("note " + Integer.parseInt(one.recordId().substring(1))), one.carried());
        assertEquals(one.line(), Integer.parseInt(one.recordId().substring(1)) + 1);

        // shuffled rows, another file: the same sample, the same order
        List<String> shuffled = new ArrayList<>(lines.subList(1, lines.size()));
        Collections.shuffle(shuffled, new java.util.Random(5));
        shuffled.add(0, lines.get(0));
        Selection again = Selector.withSeed(2022).select(population("b.csv", shuffled), plan);
        assertEquals(ids(first), ids(again));
        assertNotEquals(first.population().sha256(), again.population().sha256());
        // another seed, another sample
        assertNotEquals(ids(first), ids(Selector.withSeed(2023).select(file, plan)));
    }

    private static List<String> ids(Selection selection) {
        return selection.records().stream().map(SelectedRecord::recordId).toList();
    }

    @Test
    void prnKeepsTheSampleWhenRecordsAreAdded() throws IOException {
        List<String> lines = rows(1_000);
        List<PlannedCategory> plan = List.of(new PlannedCategory("a", 50), new PlannedCategory("b", 50));
        Selection before = Selector.withSeed(7).select(population("before.csv", lines), plan);
        List<String> more = new ArrayList<>(lines);
        for (int i = 1_001; i <= 1_100; i++) {
            more.add(String.format("r%04d,%s,late", i, i % 2 == 0 ? "a" : "b"));
        }
        Selection after = Selector.withSeed(7).select(population("after.csv", more), plan);
        Set<String> kept = new HashSet<>(ids(before));
        kept.retainAll(new HashSet<>(ids(after)));
        // exactly: an earlier record leaves only if an added record ranks below it; here about 100 x 50/1100
        Set<String> added = ids(after).stream().filter(id -> Integer.parseInt(id.substring(1)) > 1_000)
                .collect(Collectors.toSet());
        assertEquals(100 - added.size(), kept.size());
        assertTrue(kept.size() >= 80, "kept " + kept.size());
    }

    @Test
    void everyMethodIsExactInCountsAndReproducible() throws IOException {
        Path file = population("p.csv", rows(301));
        List<PlannedCategory> plan = List.of(new PlannedCategory("a", 37), new PlannedCategory("b", 151),
                new PlannedCategory("c", 5));
        for (SelectionMethod method : SelectionMethod.values()) {
            Selection selection = Selector.withSeed(11).with(method).select(file, plan);
            assertEquals(List.of(new CategoryDraw("a", 37, 150, 37), new CategoryDraw("b", 151, 151, 151),
                    new CategoryDraw("c", 5, 0, 0)), selection.categories(), method.toString());
            assertEquals(188, selection.drawn());
            assertEquals(1, selection.shortfalls().size());
            assertEquals("c", selection.shortfalls().get(0).category());
            Set<String> distinct = new HashSet<>(ids(selection));
            assertEquals(188, distinct.size(), "without replacement");
            assertEquals(selection, Selector.withSeed(11).with(method).select(file, plan), method + " reproducible");
            for (String category : List.of("a", "b")) {
                List<Long> order = selection.records().stream().filter(r -> r.category().equals(category))
                        .map(SelectedRecord::selectionOrder).toList();
                for (int i = 0; i < order.size(); i++) {
                    assertEquals(i + 1, order.get(i));
                }
            }
        }
    }

    @Test
    void everyMethodIsUniform() throws IOException {
        int big = 120;
        int k = 15;
        int replicates = 1_500;
        List<String> lines = rows(2 * big).stream().filter(line -> !line.contains(",b,")).toList();
        Path file = population("u.csv", lines);
        List<PlannedCategory> plan = List.of(new PlannedCategory("a", k));
        double pi = (double) k / big;
        double critical = new ChiSquaredDistribution(big - 1).inverseCumulativeProbability(1 - 1e-4);
        for (SelectionMethod method : SelectionMethod.values()) {
            Map<String, Integer> counts = new HashMap<>();
            for (int seed = 0; seed < replicates; seed++) {
                for (SelectedRecord record : Selector.withSeed(seed).with(method).select(file, plan).records()) {
                    if (record.category().equals("a")) {
                        counts.merge(record.recordId(), 1, Integer::sum);
                    }
                }
            }
            double expected = replicates * pi;
            if (method == SelectionMethod.SYSTEMATIC) {
                double sd = Math.sqrt(replicates * pi * (1 - pi));
                for (int i = 2; i <= 2 * big; i += 2) {
                    int observed = counts.getOrDefault(String.format("r%04d", i), 0);
                    assertTrue(Math.abs(observed - expected) <= 4.89 * sd, method + " r" + i + ": " + observed);
                }
            } else {
                double statistic = 0;
                for (int i = 2; i <= 2 * big; i += 2) {
                    double observed = counts.getOrDefault(String.format("r%04d", i), 0);
                    statistic += (observed - expected) * (observed - expected);
                }
                statistic *= (big - 1.0) / big / (replicates * pi * (1 - pi));
                assertTrue(statistic <= critical, method + ": chi-square " + statistic + " > " + critical);
            }
        }
    }

    @Test
    void systematicTakesEveryIntervalFromARandomStart() throws IOException {
        Path file = population("s.csv", rows(200));
        Selection selection = Selector.withSeed(3).with(SelectionMethod.SYSTEMATIC)
                .select(file, List.of(new PlannedCategory("a", 8), new PlannedCategory("b", 0)));
        // 100 records of a, interval 12.5: positions floor(r + 12.5 j) for the start r of SplittableRandom(3)
        double start = new SplittableRandom(3).nextDouble() * 12.5;
        List<String> expected = new ArrayList<>();
        for (int j = 0; j < 8; j++) {
            int position = (int) Math.floor(start + 12.5 * j);
            expected.add(String.format("r%04d", 2 * (position + 1)));
        }
        assertEquals(expected, ids(selection));
    }

    /**
     * Simple random sampling follows its published recipe ({@link SelectionMethod#reproduction()})
     * to the record and the selection order: reimplemented here from the recipe's words, on two
     * categories (the shuffles of the second use what the first left of the generator).
     */
    @Test
    void srsFollowsItsPublishedRecipe() throws IOException {
        int n = 101;
        Path file = population("r.csv", rows(n));
        List<PlannedCategory> plan = List.of(new PlannedCategory("b", 9), new PlannedCategory("a", 7));
        Selection selection = Selector.withSeed(29).with(SelectionMethod.SRS).select(file, plan);
        SplittableRandom random = new SplittableRandom(29);
        java.util.Map<String, List<String>> reservoirs = new java.util.HashMap<>();
        java.util.Map<String, Long> seen = new java.util.HashMap<>();
        java.util.Map<String, Integer> k = java.util.Map.of("b", 9, "a", 7);
        for (int row = 1; row <= n; row++) {
            String category = row % 2 == 0 ? "a" : "b";
            String id = String.format("r%04d", row);
            long i = seen.merge(category, 1L, Long::sum);
            List<String> reservoir = reservoirs.computeIfAbsent(category, c -> new ArrayList<>());
            if (i <= k.get(category)) {
                reservoir.add(id);
            } else {
                long j = random.nextLong(i);
                if (j < k.get(category)) {
                    reservoir.set((int) j, id);
                }
            }
        }
        List<String> expected = new ArrayList<>();
        for (String category : List.of("b", "a")) {
            List<String> reservoir = reservoirs.get(category);
            for (int i = reservoir.size() - 1; i >= 1; i--) {
                java.util.Collections.swap(reservoir, i, random.nextInt(i + 1));
            }
            expected.addAll(reservoir);
        }
        assertEquals(expected, ids(selection));
    }

    /**
     * Ten categories, more than the index of categories starts with (8): every method finds each
     * category's rows and draws its planned count, 3 of the 12 rows of each.
     */
    @Test
    void manyCategoriesAreEachDrawnTheirCount() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("record_id,category,note");
        for (int i = 0; i < 120; i++) {
            lines.add(String.format("r%04d,c%d,n", i, i % 10));
        }
        Path file = population("many.csv", lines);
        List<PlannedCategory> plan = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            plan.add(new PlannedCategory("c" + c, 3));
        }
        for (SelectionMethod method : SelectionMethod.values()) {
            Selection selection = Selector.withSeed(5).with(method).select(file, plan);
            for (int c = 0; c < 10; c++) {
                assertEquals(new CategoryDraw("c" + c, 3, 12, 3), selection.categories().get(c), method + " c" + c);
            }
            assertEquals(30, new HashSet<>(ids(selection)).size(), method.toString());
        }
    }

    @Test
    void manifestNamesSeedMethodFileAndPlan() throws IOException {
        List<String> lines = rows(40);
        Path file = population("m.csv", lines);
        Selection selection = Selector.withSeed(2022).select(file, List.of(new PlannedCategory("a", 3),
                new PlannedCategory("b", 0)));
        SelectionManifest manifest = selection.manifest();
        assertEquals("prn", manifest.method());
        assertEquals(2022, manifest.seed());
        assertEquals(40, manifest.populationRows());
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        assertEquals(java.util.HexFormat.of().formatHex(digest), manifest.sha256());
        assertTrue(manifest.reproduction().contains("HMAC-SHA-256"));
        assertEquals(List.of(new CategoryDraw("a", 3, 20, 3), new CategoryDraw("b", 0, 20, 0)), manifest.categories());
    }

    @Test
    void unknownCategoriesAreErrorsUnlessAnOtherCategoryTakesThem() throws IOException {
        Path file = population("o.csv", List.of("record_id,category", "x1,a", "x2,burglary", "x3,a"));
        List<PlannedCategory> plan = List.of(new PlannedCategory("a", 5), new PlannedCategory("other crime", 5));
        DataFileException e = assertThrows(DataFileException.class, () -> Selector.withSeed(1).select(file, plan));
        assertEquals(3, e.line());
        assertEquals("category", e.column());
        assertEquals("burglary", e.value());
        Selection selection = Selector.withSeed(1).withOther("Other Crime").select(file, plan);
        assertEquals(List.of(new CategoryDraw("a", 5, 2, 2), new CategoryDraw("other crime", 5, 1, 1)),
                selection.categories());
        assertEquals(1, selection.population().toOther());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> Selector.withSeed(1).withOther("fraud").select(file, plan));
        assertTrue(bad.getMessage().contains("fraud"), bad.getMessage());
    }

    @Test
    void duplicateIdsAreErrorsNamingBothLines() throws IOException {
        List<String> lines = rows(60);
        lines.add("r0017,a,again");
        Path file = population("d.csv", lines);
        DataFileException e = assertThrows(DataFileException.class,
                () -> Selector.withSeed(1).select(file, List.of(new PlannedCategory("a", 2), new PlannedCategory("b", 2))));
        assertEquals(62, e.line());
        assertEquals("record_id", e.column());
        assertEquals("r0017", e.value());
        assertTrue(e.getMessage().contains("first on line 18"), e.getMessage());
    }

    @Test
    void prnSampleIsTheSameWhateverTheThreads() throws IOException {
        // 30,000 rows: eight batches of rows, their numbers computed and offered to one heap per
        // category by 1, 2, 3 or 8 threads at once; the k smallest under (number, id) are one set
        List<String> lines = rows(9_999);
        for (int i = 10_000; i <= 30_000; i++) {
            lines.add(String.format("r%05d,%s,n\u00e9 %d", i, i % 3 == 0 ? "a" : "b", i));
        }
        Path file = population("t.csv", lines);
        List<PlannedCategory> plan = List.of(new PlannedCategory("a", 700), new PlannedCategory("b", 60));
        org.recordingrate.io.PopulationFile population = org.recordingrate.io.PopulationFile.of(file)
                .withCategories(List.of("a", "b"));
        SampleSelectionMethod.Draw one = SelectionMethod.prn(population, plan, 5, 1);
        assertEquals(760, one.records().values().stream().mapToInt(List::size).sum());
        for (int threads : new int[] {2, 3, 8}) {
            assertEquals(one, SelectionMethod.prn(population, plan, 5, threads), threads + " threads");
        }
        assertEquals(ids(Selector.withSeed(5).select(file, plan)),
                one.records().values().stream().flatMap(List::stream).map(SelectedRecord::recordId).toList());
        // and the sample is the 700 smallest numbers of category a, computed here from the numbers alone
        PermanentRandomNumber numbers = PermanentRandomNumber.withSeed(5);
        List<String> a = lines.subList(1, lines.size()).stream().map(l -> l.split(",")).filter(cells -> cells[1].equals("a"))
                .map(cells -> cells[0]).collect(Collectors.toList());
        a.sort((x, y) -> {
            int c = Long.compareUnsigned(numbers.bits(x), numbers.bits(y));
            return c != 0 ? c : x.compareTo(y);
        });
        assertEquals(a.subList(0, 700), one.records().get("a").stream().map(SelectedRecord::recordId).toList());
    }
}
