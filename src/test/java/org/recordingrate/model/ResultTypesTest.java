package org.recordingrate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.recordingrate.compare.Comparison;
import org.recordingrate.estimate.InspectionEstimator;
import org.recordingrate.estimate.RateEstimator;
import org.recordingrate.format.ResultTable;
import org.recordingrate.io.InspectionFile;
import org.recordingrate.plan.AllocationPlanner;
import org.recordingrate.reproduce.PublishedFigure;
import org.recordingrate.resample.Bootstrap;
import org.recordingrate.resample.ChangeBootstrap;
import org.recordingrate.resample.PermutationTest;
import org.recordingrate.resample.TallyBootstrap;
import org.recordingrate.resample.TallyPermutation;
import org.recordingrate.report.Report;

/**
 * One result type (issue 16, item 2): every public type that gives a {@code summary()} implements
 * {@link Result}, and every result's table writes as CSV and JSON with its notes, the same rows in
 * both.
 */
class ResultTypesTest {

    private static final Path SOURCES = Path.of("src/main/java");

    /**
     * Parts of a result, with a summary of their own but no table: each is a row of its parent's
     * table ({@code InspectionChange}).
     */
    private static final java.util.Set<String> PARTS = java.util.Set.of("org.recordingrate.compare.AllCrimeChange",
            "org.recordingrate.compare.CategoryChange");

    /** Every public class of the library with a public no-argument {@code summary()} is a {@link Result}. */
    @Test
    void everyTypeWithASummaryIsAResult() throws IOException, ClassNotFoundException {
        List<String> offenders = new ArrayList<>();
        int results = 0;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String name = SOURCES.relativize(file).toString().replace('/', '.').replaceAll("\\.java$", "");
                if (name.endsWith("package-info") || name.endsWith("module-info")) {
                    continue;
                }
                Class<?> type = Class.forName(name);
                if (!Modifier.isPublic(type.getModifiers()) || type.isInterface()) {
                    continue;
                }
                boolean hasSummary = Stream.of(type.getMethods()).anyMatch(ResultTypesTest::isSummary);
                if (hasSummary && !Result.class.isAssignableFrom(type) && !PARTS.contains(name)) {
                    offenders.add(name);
                }
                if (Result.class.isAssignableFrom(type)) {
                    results++;
                }
            }
        }
        assertEquals(List.of(), offenders, "public types with a summary() that are not a Result");
        assertTrue(results >= 20, "the results found: " + results);
    }

    private static boolean isSummary(Method m) {
        return m.getName().equals("summary") && m.getParameterCount() == 0 && m.getReturnType() == String.class
                && !Modifier.isStatic(m.getModifiers());
    }

    /** A result of every kind, each written as CSV and JSON with the same rows and a notes column. */
    @Test
    void everyResultWritesItsTableInEveryFormat() {
        Tally before = Tally.of(512, 640);
        Tally after = Tally.of(188, 202);
        Inspection peel = InspectionFile.read(Path.of("examples/data/peel-2022.csv")).get(0);
        Inspection cdi = InspectionFile.read(Path.of("examples/data/cdi-2017.csv")).get(0);
        Bootstrap bootstrap = Bootstrap.withDefaults().withReplicates(2000).withSeed(1);
        List<Result> all = List.of(
                RateEstimator.withDefaults().estimate(after),
                InspectionEstimator.withDefaults().estimate(peel),
                Comparison.withDefaults().compare(before, after),
                Comparison.withDefaults().compare(cdi, peel),
                PublishedFigure.fromPercent(93.2, 2.3),
                PublishedFigure.fromPercent(93.2, 2.3).compareWith(PublishedFigure.fromPercent(87.8, 1.7)),
                AllocationPlanner.withDefaults().plan(peel.categories().stream()
                        .map(c -> org.recordingrate.plan.PlanningCategory.of(c.category(), 90)).toList(), 3),
                new TallyBootstrap(after, bootstrap.estimate(after)),
                new ChangeBootstrap(before, after, bootstrap.compare(before, after)),
                bootstrap.estimate(peel),
                new TallyPermutation(before, after, PermutationTest.withDefaults().withReplicates(999).withSeed(2)
                        .permute(before, after, org.recordingrate.compare.Alternative.TWO_SIDED)),
                PermutationTest.withDefaults().withReplicates(999).withSeed(2)
                        .permuteAll(cdi, peel, org.recordingrate.compare.Alternative.TWO_SIDED),
                Report.of(cdi, peel).force("Test force"));
        for (Result result : all) {
            ResultTable table = result.table();
            assertTrue(table.size() > 0, result.getClass().getSimpleName());
            StringWriter csv = new StringWriter();
            table.writeCsv(csv);
            List<CSVRecord> rows = parse(csv.toString());
            assertEquals(table.size(), rows.size(), result.getClass().getSimpleName());
            assertTrue(rows.get(0).getParser().getHeaderNames().contains(ResultTable.NOTES),
                    result.getClass().getSimpleName() + " has a notes column");
            StringWriter json = new StringWriter();
            table.writeJson(json);
            assertEquals(table.size(), json.toString().split("\"notes\": ", -1).length - 1,
                    result.getClass().getSimpleName() + ": a notes field per JSON row");
            assertFalse(result.summary().isBlank(), result.getClass().getSimpleName());
            assertFalse(result.toString().isBlank(), result.getClass().getSimpleName());
        }
    }

    /** A result's notes reach every format: the CSV cell, the JSON field and the text footnote. */
    @Test
    void notesReachEveryFormat() {
        Inspection peel = InspectionFile.read(Path.of("examples/data/peel-2022.csv")).get(0);
        Inspection cdi = InspectionFile.read(Path.of("examples/data/cdi-2017.csv")).get(0);
        Inspection fewer = new Inspection(cdi.name(), cdi.categories().subList(0, 2));
        Result change = Comparison.withDefaults().compare(fewer, peel);
        assertEquals(1, change.notes().size(), change.notes().toString());
        String note = change.notes().get(0);
        assertTrue(note.startsWith("audited only in " + peel.name() + ": "), note);
        ResultTable table = change.table();
        StringWriter csv = new StringWriter();
        table.writeCsv(csv);
        for (CSVRecord row : parse(csv.toString())) {
            assertEquals(note, row.get(ResultTable.NOTES));
        }
        StringWriter json = new StringWriter();
        table.writeJson(json);
        assertTrue(json.toString().contains("\"notes\": \"" + note + "\""), json.toString());
        assertTrue(table.renderText().contains("Note: " + note), table.renderText());
        assertTrue(change.toString().contains(note), "a one-line view never hides it: " + change);
    }

    private static List<CSVRecord> parse(String csv) {
        try {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(new StringReader(csv)).getRecords();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
