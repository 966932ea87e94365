package org.recordingrate.cli;

import org.recordingrate.model.Token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recordingrate.estimate.AllCrimeMethod;
import org.recordingrate.model.Inspection;
import org.recordingrate.estimate.InspectionEstimator;
import org.recordingrate.estimate.IntervalMethod;
import org.recordingrate.estimate.VarianceConvention;
import org.recordingrate.io.InspectionFile;

/** {@code recording-rate estimate}: the three modes, the formats, and every kind of bad input. */
class EstimateCommandTest {

    @TempDir
    Path dir;

    static List<CSVRecord> csv(String text) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(new StringReader(text))
                .getRecords();
    }

    private Path file(String name, String content) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, content);
        return path;
    }

    private static void badData(CliRun run, String... mentions) {
        assertEquals(1, run.status(), run.toString());
        assertEquals(1, run.err().strip().lines().count(), "one line on standard error: " + run);
        for (String text : mentions) {
            assertTrue(run.err().contains(text), "stderr should mention '" + text + "': " + run);
        }
    }

    private static void usage(CliRun run, String... mentions) {
        assertEquals(2, run.status(), run.toString());
        for (String text : mentions) {
            assertTrue(run.err().contains(text), "stderr should mention '" + text + "': " + run);
        }
    }

    @Test
    void oneTallyInEveryFormat() throws IOException {
        CliRun text = CliRun.of("estimate", "--recorded", "188", "--audited", "202", "--method", "wilson");
        assertEquals(0, text.status(), text.toString());
        assertTrue(text.out().contains("93.1%") && text.out().contains("Wilson"), text.out());

        CliRun csv = CliRun.of("estimate", "--recorded", "188", "--audited", "202", "--method", "clopper_pearson",
                "--confidence", "0.99", "--format", "csv");
        CSVRecord row = csv(csv.out()).get(0);
        var expected = IntervalMethod.CLOPPER_PEARSON.interval(188, 202, 0.99);
        assertEquals(expected.lower(), Double.parseDouble(row.get("lower")), 0.0);
        assertEquals(expected.upper(), Double.parseDouble(row.get("upper")), 0.0);
        assertEquals(188.0 / 202, Double.parseDouble(row.get("rate")), 0.0);

        CliRun json = CliRun.of("estimate", "--recorded", "202", "--audited", "202", "--format", "json");
        assertTrue(json.out().startsWith("{") && json.out().contains("\"upper\": 1,"), json.out());
    }

    @Test
    void casesCarryEveryColumnThroughInOrder() throws IOException {
        Path cases = file("cases.csv", "force,recorded,audited,method,confidence,note\n"
                + "A,188,202,wilson,0.95,\"quoted, with comma\"\n"
                + "B,0,20,clopper_pearson,0.90,\n"
                + "C,132,132,,,all recorded\n");
        CliRun run = CliRun.of("estimate", "--cases", cases.toString(), "--method", "jeffreys", "--confidence", "0.99");
        assertEquals(0, run.status(), run.toString());
        assertTrue(run.err().contains("read 3 cases"), run.err());
        List<CSVRecord> rows = csv(run.out());
        assertEquals(3, rows.size());
        assertEquals(List.of("force", "recorded", "audited", "method", "confidence", "note", "rate", "lower", "upper",
                "margin", "se", "notes"), rows.get(0).getParser().getHeaderNames());
        assertEquals("quoted, with comma", rows.get(0).get("note"));
        assertEquals(IntervalMethod.CLOPPER_PEARSON.interval(0, 20, 0.90).upper(),
                Double.parseDouble(rows.get(1).get("upper")), 0.0);
        // blank method and confidence fall back on the options: Jeffreys at 99%
        assertEquals(IntervalMethod.JEFFREYS.interval(132, 132, 0.99).lower(),
                Double.parseDouble(rows.get(2).get("lower")), 0.0);
        assertEquals("", rows.get(2).get("method"));
    }

    @Test
    void tenThousandCasesInOneRun() throws IOException {
        StringBuilder content = new StringBuilder("recorded,audited,method\n");
        String[] methods = Token.tokens(IntervalMethod.class).split(", ");
        for (int i = 0; i < 10_000; i++) {
            long n = 1 + (i * 7919L) % 5000;
            content.append((i * 104729L) % (n + 1)).append(',').append(n).append(',').append(methods[i % methods.length])
                    .append('\n');
        }
        Path cases = file("many.csv", content.toString());
        Path out = dir.resolve("out.csv");
        CliRun run = CliRun.of("estimate", "--cases", cases.toString(), "--out", out.toString());
        assertEquals(0, run.status(), run.toString());
        List<CSVRecord> rows = csv(Files.readString(out));
        assertEquals(10_000, rows.size());
        CSVRecord last = rows.get(9_999);
        var expected = Token.parse(IntervalMethod.class, "method", last.get("method")).interval(Long.parseLong(last.get("recorded")),
                Long.parseLong(last.get("audited")), 0.95);
        assertEquals(expected.lower(), Double.parseDouble(last.get("lower")), 0.0);
    }

    @Test
    void inspectionFileOfFortyThreeForces() throws IOException {
        Path forces = Path.of("examples/data/forces-2022.csv");
        CliRun run = CliRun.of("estimate", forces.toString(), "--method", "korn_graubard", "--variance", "survey",
                "--format", "csv");
        assertEquals(0, run.status(), run.toString());
        List<CSVRecord> rows = csv(run.out());
        assertEquals(43 * 4, rows.size());
        List<Inspection> inspections = InspectionFile.read(forces);
        assertEquals(43, inspections.size());
        Map<String, CSVRecord> allCrime = rows.stream().filter(r -> r.get("category").equals("all crime"))
                .collect(Collectors.toMap(r -> r.get("inspection"), r -> r));
        assertEquals(43, allCrime.size());
        InspectionEstimator estimator = InspectionEstimator.withDefaults().with(AllCrimeMethod.KORN_GRAUBARD)
                .with(VarianceConvention.SURVEY);
        for (Inspection inspection : inspections) {
            var expected = estimator.estimate(inspection).allCrime();
            CSVRecord row = allCrime.get(inspection.name());
            assertEquals(expected.lower(), Double.parseDouble(row.get("lower")), 0.0, inspection.name());
            assertEquals(expected.unrecorded().estimate(), Double.parseDouble(row.get("unrecorded")), 1e-6);
        }
        CliRun text = CliRun.of("estimate", forces.toString(), "--format", "text");
        assertTrue(text.out().contains("force 43") && text.out().contains("all crime"), text.out());
    }

    @Test
    void badCellsAreLocated() throws IOException {
        Path cases = file("bad.csv", "recorded,audited\n188,202\n\n20,20x\n");
        // the blank line is skipped but counted: the bad row is on line 4
        badData(CliRun.of("estimate", "--cases", cases.toString()), "bad.csv", "line 4", "column audited", "'20x'");
        badData(CliRun.of("estimate", "--cases", file("over.csv", "recorded,audited\n205,202\n").toString()),
                "over.csv", "line 2", "column recorded", "'205'", "202");
        badData(CliRun.of("estimate", "--cases", file("zero.csv", "recorded,audited\n0,0\n").toString()),
                "line 2", "column audited", "'0'");
        badData(CliRun.of("estimate", "--cases", file("neg.csv", "recorded,audited\n-1,5\n").toString()),
                "line 2", "column recorded", "'-1'");
        badData(CliRun.of("estimate", "--cases", file("meth.csv", "recorded,audited,method\n1,5,wald\n1,5,exact\n")
                .toString()), "line 3", "column method", "'exact'");
        badData(CliRun.of("estimate", "--cases", file("conf.csv", "recorded,audited,confidence\n1,5,95\n").toString()),
                "line 2", "column confidence", "'95'");
        badData(CliRun.of("estimate", "--cases", file("cols.csv", "recorded,audited\n1,5,7\n").toString()),
                "line 2", "3 cells", "header has 2");
        badData(CliRun.of("estimate", "--cases", file("missing.csv", "recorded,total\n1,5\n").toString()),
                "missing.csv", "no column 'audited'");
        badData(CliRun.of("estimate", "--cases", dir.resolve("nowhere.csv").toString()), "nowhere.csv", "does not exist");
    }

    @Test
    void badInspectionFilesAreLocated() throws IOException {
        String header = "category,recorded,audited,volume\n";
        badData(CliRun.of("estimate", file("dup.csv", header + "violence,1,2,10\nViolence,1,2,10\n").toString()),
                "dup.csv", "line 3", "column category", "'Violence'", "twice", "line 2");
        badData(CliRun.of("estimate", file("vol.csv", header + "violence,1,2,0\n").toString()),
                "line 2", "column volume", "'0'");
        badData(CliRun.of("estimate", file("negvol.csv", header + "violence,1,2,-3\n").toString()),
                "column volume", "'-3'");
        badData(CliRun.of("estimate", file("none.csv", header + "violence,0,0,10\n").toString()),
                "column audited", "'0'");
        badData(CliRun.of("estimate", file("novol.csv", "category,recorded,audited\nviolence,1,2\n").toString()),
                "no column 'volume'");
        badData(CliRun.of("estimate", file("pop.csv", header.replace("volume", "volume,population")
                + "violence,1,20,100,10\n").toString()), "column population", "'10'");
        // a category where every audited crime was recorded, or none, is valid
        CliRun ok = CliRun.of("estimate", file("edge.csv", header + "violence,0,20,10\nsexual offences,30,30,5\n")
                .toString(), "--method", "logit");
        assertEquals(0, ok.status(), ok.toString());
    }

    @Test
    void usageErrors() {
        usage(CliRun.of("estimate"), "--recorded");
        usage(CliRun.of("estimate", "--recorded", "1"), "go together");
        usage(CliRun.of("estimate", "--recorded", "1", "--audited", "2", "--method", "exact"), "'exact'", "wilson");
        usage(CliRun.of("estimate", "--recorded", "x", "--audited", "2"), "--recorded");
        usage(CliRun.of("estimate", "--recorded", "1", "--audited", "2", "--cases", "f.csv"), "--cases");
        usage(CliRun.of("estimate", "examples/data/peel-2022.csv", "--method", "jeffreys"), "'jeffreys'",
                "korn_graubard");
        usage(CliRun.of("estimate", "examples/data/peel-2022.csv", "--variance", "srs"), "'srs'");
        usage(CliRun.of("estimate", "--recorded", "1", "--audited", "2", "--format", "xml"), "--format");
        usage(CliRun.of("estimate", "--bogus"), "--bogus");
    }

    @Test
    void badValuesOnTheCommandLineAreBadData() {
        badData(CliRun.of("estimate", "--recorded", "205", "--audited", "202"), "recorded (205)", "audited (202)");
        badData(CliRun.of("estimate", "--recorded", "-1", "--audited", "202"), "recorded (-1)");
        badData(CliRun.of("estimate", "--recorded", "0", "--audited", "0"), "audited (0)");
        badData(CliRun.of("estimate", "--recorded", "1", "--audited", "2", "--confidence", "1.5"), "confidence (1.5)");
        // NaN is not a number as written: a usage error, like any value that is not a plain decimal
        usage(CliRun.of("estimate", "--recorded", "1", "--audited", "2", "--confidence", "NaN"), "'NaN'");
    }
}
