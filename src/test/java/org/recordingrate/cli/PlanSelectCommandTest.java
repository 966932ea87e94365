package org.recordingrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code recording-rate plan} and {@code select}: each mode, the PLAN file written by one and read
 * by the other, and the end-to-end run plan, select, estimate on the bundled synthetic population
 * (the steps of {@code examples/plan-select-estimate.sh}, in process).
 */
class PlanSelectCommandTest {

    @TempDir
    Path dir;

    private static final Path POPULATION = Path.of("examples", "data", "population.csv");
    private static final Path VOLUMES = Path.of("examples", "data", "plan-volumes.csv");

    private Path file(String name, String content) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, content);
        return path;
    }

    private static CliRun ok(String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(0, run.status(), run.toString());
        return run;
    }

    private static void fails(int status, CliRun run, String... mentions) {
        assertEquals(status, run.status(), run.toString());
        for (String text : mentions) {
            assertTrue(run.err().contains(text), "stderr should mention '" + text + "': " + run);
        }
    }

    @Test
    void oneCategoryAsTheAcceptanceCheckReadsIt() throws IOException {
        // 1.959964^2 x 0.9 x 0.1 / 0.025^2 = 553.19: 554 (Cochran 4.1)
        List<CSVRecord> rows = EstimateCommandTest.csv(ok("plan", "--margin", "2.5", "--expected", "90", "--method",
                "wald", "--format", "csv").out());
        assertEquals("554", rows.get(rows.size() - 1).get("audited"));
        assertEquals("0.025", rows.get(0).get("target_margin"));
        assertTrue(ok("plan", "--margin", "2.5", "--expected", "90").out().startsWith("672 audited"));
        String json = ok("plan", "--margin", "2.5", "--expected", "90", "--population", "2000", "--method",
                "clopper_pearson", "--format", "json").out();
        assertTrue(json.startsWith("{") && json.contains("\"population\": 2000"), json);
    }

    @Test
    void allocationWritesThePlanFile() throws IOException {
        String out = ok("plan", "--volumes", VOLUMES.toString(), "--margin", "3", "--allocation", "neyman",
                "--minimum", "50").out();
        assertTrue(out.startsWith("category,volume,expected,audited,margin,notes\n"), out);
        List<CSVRecord> rows = EstimateCommandTest.csv(out);
        assertEquals(4, rows.size());
        assertEquals("all crime", rows.get(3).get("category"));
        assertEquals("0.89", rows.get(0).get("expected"));
        long total = 0;
        for (int i = 0; i < 3; i++) {
            assertTrue(Long.parseLong(rows.get(i).get("audited")) >= 50);
            total += Long.parseLong(rows.get(i).get("audited"));
        }
        assertEquals(total, Long.parseLong(rows.get(3).get("audited")));
        assertTrue(Double.parseDouble(rows.get(3).get("margin")) <= 0.03);
        // one --expected for a file without the column
        Path bare = file("bare.csv", "category,volume\nviolence,25000\nother crime,35000\n");
        assertEquals(3, EstimateCommandTest.csv(ok("plan", "--volumes", bare.toString(), "--margin", "3", "--expected",
                "90").out()).size());
        fails(2, CliRun.of("plan", "--volumes", bare.toString(), "--margin", "3"), "--expected");
        Path bad = file("bad.csv", "category,volume,expected\nviolence,25000,89\nViolence,10,90\n");
        CliRun twice = CliRun.of("plan", "--volumes", bad.toString(), "--margin", "3");
        fails(1, twice, "bad.csv line 3, column category", "first on line 2");
        Path percent = file("pct.csv", "category,volume,expected\nviolence,25000,189\n");
        fails(1, CliRun.of("plan", "--volumes", percent.toString(), "--margin", "3"), "line 2, column expected", "189");
    }

    @Test
    void powerSizesCurvesAndWhatCannotBeReached() throws IOException {
        CliRun size = ok("plan", "--previous", "512/640", "--detect", "5", "--power", "0.8", "--format", "csv");
        CSVRecord row = EstimateCommandTest.csv(size.out()).get(0);
        assertTrue(Double.parseDouble(row.get("power")) >= 0.8);
        assertTrue(Double.parseDouble(row.get("power_one_fewer")) < 0.8);
        List<CSVRecord> curve = EstimateCommandTest.csv(ok("plan", "--previous", "512/640", "--detect", "3,5",
                "--audited", "200,640").out());
        assertEquals(4, curve.size());
        assertEquals("0.05", curve.get(2).get("change"));
        // +3 points on 640 audited: the previous sample alone limits the power to about 0.52
        fails(1, CliRun.of("plan", "--previous", "512/640", "--detect", "3", "--power", "0.8"), "cannot be reached",
                "0.523");
        fails(2, CliRun.of("plan", "--previous", "512/640", "--power", "0.8"), "--detect");
        fails(2, CliRun.of("plan", "--previous", "512/640", "--detect", "3", "--test", "t_test", "--power", "0.8"),
                "--test");
        fails(2, CliRun.of("plan", "--previous", "512/640", "--detect", "3", "--power", "0.8", "--margin", "2"),
                "--margin does not go with --previous");
        CliRun boschloo = ok("plan", "--previous", "40/50", "--detect", "10", "--audited", "60", "--test", "boschloo",
                "--format", "csv");
        assertEquals("exact", EstimateCommandTest.csv(boschloo.out()).get(0).get("power_method"));
    }

    @Test
    void attributeSampleSizes() throws IOException {
        CSVRecord row = EstimateCommandTest.csv(ok("plan", "--upper-bound", "5", "--expected-errors", "0", "--format",
                "csv").out()).get(0);
        // 0.95^59 = 0.0485 <= 0.05 < 0.95^58
        assertEquals("59", row.get("audited"));
        fails(1, CliRun.of("plan", "--upper-bound", "150"), "--upper-bound (150)");
        fails(2, CliRun.of("plan", "--upper-bound", "5", "--volumes", VOLUMES.toString()), "one of");
    }

    /**
     * Issue 16's probes of {@code plan}, each an exit 1 with a message (no stack trace), with other
     * values of the same kinds; and the units rule with its hint and {@code --units fraction}.
     */
    @Test
    void probesAndUnits() throws IOException {
        for (String errors : new String[] {"9223372036854775807", "9007199254740993"}) {
            fails(1, CliRun.of("plan", "--upper-bound", "5", "--expected-errors", errors),
                    "expected errors (" + errors + ")", "2^53");
        }
        fails(1, CliRun.of("plan", "--upper-bound", "1", "--expected-errors", "4503599627370496"), "2^53");
        for (String replicates : new String[] {"1000000000000", "10000001"}) {
            fails(1, CliRun.of("plan", "--previous", "512/640", "--detect", "5", "--power", "0.8", "--power-method",
                    "simulation", "--replicates", replicates), "replicates (" + replicates + ")", "10,000,000");
        }
        for (String method : new String[] {"clopper_pearson", "mid_p"}) {
            fails(1, CliRun.of("plan", "--margin", "0.01", "--expected", "50", "--method", method, "--population",
                    "100000000"), "method (" + method + ")", "50,000");
        }
        // a minimum beyond what a category has is cut to it, with a note
        Path volumes = file("volumes.csv", "category,volume\nviolence,300\nother crime,900\n");
        CliRun cut = ok("plan", "--volumes", volumes.toString(), "--margin", "20", "--expected", "90",
                "--minimum", "100000000", "--format", "csv");
        List<CSVRecord> rows = EstimateCommandTest.csv(cut.out());
        assertEquals("300", rows.get(0).get("audited"));
        assertEquals("900", rows.get(1).get("audited"));
        assertTrue(cut.err().contains("violence: all 300 records audited (its volume, no population given): a category "
                + "is never asked for more records than it has"), cut.toString());
        // power that only an audit beyond the most planned would reach: said so, with the power there
        fails(1, CliRun.of("plan", "--previous", "512000000/640000000", "--detect", "0.0001", "--units", "fraction",
                "--power", "0.8"), "within 1,000,000 audited", "+0.01 points");
        // --previous reads its tally through Tally.parse: ASCII digits only (Arabic-Indic and fullwidth here)
        for (String previous : new String[] {"\u0665\u0661\u0662/\u0666\u0664\u0660", "\uFF15\uFF11\uFF12/640"}) {
            fails(2, CliRun.of("plan", "--previous", previous, "--detect", "5", "--power", "0.8"), "--previous",
                    "188/202");
        }
        // units: targets that all look like fractions get the library's one hint
        fails(1, CliRun.of("plan", "--margin", "0.03", "--expected", "0.9"), "look like fractions", "write 3 and 90",
                "--units fraction");
        fails(1, CliRun.of("plan", "--upper-bound", "0.05"), "looks like a fraction", "write 5");
        fails(1, CliRun.of("plan", "--previous", "512000000/640000000", "--detect", "0.01", "--power", "0.8"),
                "change (0.01) looks like a fraction");
        fails(1, CliRun.of("plan", "--volumes", volumes.toString(), "--margin", "0.03", "--expected", "90"),
                "margin (0.03) looks like a fraction");
        fails(1, CliRun.of("plan", "--volumes", file("fractions.csv", "category,volume,expected\nviolence,300,0.891\n")
                .toString(), "--margin", "3"), "line 2, column expected", "looks like a fraction");
        assertEquals(ok("plan", "--margin", "3", "--expected", "90", "--format", "csv").out(),
                ok("plan", "--margin", "0.03", "--expected", "0.9", "--units", "fraction", "--format", "csv").out());
        assertEquals(ok("plan", "--upper-bound", "5", "--format", "csv").out(),
                ok("plan", "--upper-bound", "0.05", "--units", "fraction", "--format", "csv").out());
        assertEquals(ok("plan", "--previous", "512/640", "--detect", "5", "--audited", "300", "--format", "csv").out(),
                ok("plan", "--previous", "512/640", "--detect", "0.05", "--audited", "300", "--units", "fraction",
                        "--format", "csv").out());
        fails(1, CliRun.of("plan", "--margin", "3", "--expected", "90", "--units", "fraction"), "--margin (3)",
                "fraction");
    }

    @Test
    void planThenSelectThenEstimateOnTheBundledPopulation() throws IOException {
        Path plan = dir.resolve("plan.csv");
        ok("plan", "--volumes", VOLUMES.toString(), "--margin", "3", "--minimum", "50", "--out", plan.toString());
        Map<String, Long> planned = new LinkedHashMap<>();
        Map<String, Long> volume = new HashMap<>();
        for (CSVRecord row : EstimateCommandTest.csv(Files.readString(plan))) {
            if (!row.get("category").equals("all crime")) {
                planned.put(row.get("category"), Long.parseLong(row.get("audited")));
                volume.put(row.get("category"), Long.parseLong(row.get("volume")));
            }
        }
        Path sample = dir.resolve("sample.csv");
        CliRun select = ok("select", POPULATION.toString(), "--plan", plan.toString(), "--seed", "2022", "--out",
                sample.toString());
        assertTrue(select.err().contains("read 12,000 records"), select.toString());
        String first = Files.readString(sample);
        assertTrue(first.startsWith("record_id,category,selection_order,reported_on,recorded,notes\n"), first);
        // exact in counts, each category's selection order 1..k
        Map<String, Long> drawn = new LinkedHashMap<>();
        Map<String, long[]> tally = new LinkedHashMap<>();
        for (CSVRecord row : EstimateCommandTest.csv(first)) {
            long order = drawn.merge(row.get("category"), 1L, Long::sum);
            assertEquals(order, Long.parseLong(row.get("selection_order")));
            long[] t = tally.computeIfAbsent(row.get("category"), c -> new long[2]);
            t[0] += row.get("recorded").equals("yes") ? 1 : 0;
            t[1]++;
        }
        assertEquals(planned, drawn);
        // the manifest: the seed, the method, and the population by its rows and SHA-256
        String manifest = Files.readString(dir.resolve("sample.manifest.json"));
        assertTrue(manifest.contains("\"seed\": 2022") && manifest.contains("\"method\": \"prn\"")
                && manifest.contains("\"population_rows\": 12000"), manifest);
        assertTrue(manifest.contains(sha256(POPULATION)), manifest);
        // a rerun gives the same bytes
        Path again = dir.resolve("again.csv");
        ok("select", POPULATION.toString(), "--plan", plan.toString(), "--seed", "2022", "--out", again.toString());
        assertEquals(first, Files.readString(again));
        // the sample list with the auditors' findings is a record-level audit file: estimate it with the volumes
        CliRun estimated = ok("estimate", sample.toString(), "--volumes", VOLUMES.toString(), "--format", "csv");
        List<CSVRecord> estimate = EstimateCommandTest.csv(estimated.out());
        CSVRecord all = estimate.get(estimate.size() - 1);
        assertEquals("all crime", all.get("category"));
        long audited = planned.values().stream().mapToLong(Long::longValue).sum();
        long recorded = tally.values().stream().mapToLong(t -> t[0]).sum();
        assertEquals(Long.toString(audited), all.get("audited"));
        assertEquals(Long.toString(recorded), all.get("recorded"));
        for (CSVRecord row : estimate.subList(0, estimate.size() - 1)) {
            assertEquals(Long.toString(tally.get(row.get("category"))[1]), row.get("audited"));
            assertEquals(Long.toString(volume.get(row.get("category"))), row.get("volume"));
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void selectionErrorsAreLocated() throws IOException {
        Path plan = file("plan.csv", "category,audited\na,2\nall crime,2\n");
        Path duplicate = file("dup.csv", "record_id,category\nx1,a\nx2,a\nx1,a\n");
        fails(1, CliRun.of("select", duplicate.toString(), "--plan", plan.toString(), "--seed", "1"),
                "dup.csv line 4, column record_id: 'x1' appears twice (first on line 2)");
        Path unknown = file("unknown.csv", "record_id,category\nx1,a\nx2,fraud\n");
        fails(1, CliRun.of("select", unknown.toString(), "--plan", plan.toString(), "--seed", "1"),
                "unknown.csv line 3, column category: 'fraud' is not a category of the plan");
        CliRun other = ok("select", unknown.toString(), "--plan", plan.toString(), "--seed", "1", "--other", "a");
        assertEquals(3, other.out().strip().lines().count(), other.toString());
        assertTrue(other.err().contains("1 records of categories not in the plan went to 'a'"), other.toString());
        Path small = file("small.csv", "record_id,category\nx1,a\n");
        assertTrue(ok("select", small.toString(), "--plan", plan.toString(), "--seed", "1").err()
                .contains("shortfall: a: only 1 record for 2 planned"));
        fails(2, CliRun.of("select", small.toString(), "--plan", plan.toString()), "--seed");
        fails(2, CliRun.of("select", small.toString(), "--plan", plan.toString(), "--seed", "1", "--method", "cluster"),
                "--method");
        Path noCategory = file("single.csv", "method,audited\nwald,554\n");
        fails(1, CliRun.of("select", small.toString(), "--plan", noCategory.toString(), "--seed", "1"),
                "no column 'category'");
    }
}
