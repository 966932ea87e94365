package org.recordingrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recordingrate.model.Tally;
import org.recordingrate.compare.Alternative;
import org.recordingrate.compare.ChangeTest;
import org.recordingrate.compare.DifferenceMethod;

/** {@code recording-rate compare}: two tallies, pairs in a CSV, two inspection files, and bad input. */
class CompareCommandTest {

    @TempDir
    Path dir;

    @Test
    void twoTallies() throws IOException {
        CliRun text = CliRun.of("compare", "--before", "512/640", "--after", "188/202", "--method", "newcombe", "--test",
                "fisher_exact");
        assertEquals(0, text.status(), text.toString());
        assertTrue(text.out().contains("statistically significant improvement"), text.out());
        CliRun csv = CliRun.of("compare", "--before", "512/640", "--after", "188/202", "--test", "barnard",
                "--alternative", "improved", "--format", "csv");
        CSVRecord row = EstimateCommandTest.csv(csv.out()).get(0);
        var expected = ChangeTest.BARNARD.test(Tally.of(512, 640), Tally.of(188, 202), Alternative.IMPROVED);
        assertEquals(expected.pValue(), Double.parseDouble(row.get("p_value")), 0.0);
        assertEquals(expected.statistic().orElse(Double.NaN), Double.parseDouble(row.get("statistic")), 0.0);
        assertEquals("miettinen_nurminen", row.get("method"));
    }

    @Test
    void pairsCarryTheirColumnsAndSettings() throws IOException {
        Path cases = Files.writeString(dir.resolve("pairs.csv"),
                "force,recorded_before,audited_before,recorded_after,audited_after,method,test,confidence,alternative\n"
                        + "A,48,80,56,70,newcombe,fisher_exact,0.90,\n"
                        + "B,10,10,10,10,,,,\n"
                        + "C,3,10,9,10,wald,z_unpooled,0.99,improved\n");
        CliRun run = CliRun.of("compare", "--cases", cases.toString());
        assertEquals(0, run.status(), run.toString());
        List<CSVRecord> rows = EstimateCommandTest.csv(run.out());
        assertEquals(3, rows.size());
        assertEquals(List.of("force", "recorded_before", "audited_before", "recorded_after", "audited_after", "method",
                "test", "confidence", "alternative", "change", "lower", "upper", "statistic", "p_value", "verdict", "notes"),
                rows.get(0).getParser().getHeaderNames());
        assertEquals("", rows.get(0).get("statistic"), "Fisher's test has no statistic");
        assertEquals(DifferenceMethod.NEWCOMBE.interval(Tally.of(48, 80), Tally.of(56, 70), 0.90).lower(),
                Double.parseDouble(rows.get(0).get("lower")), 0.0);
        assertEquals("no statistically significant change", rows.get(1).get("verdict"));
        assertEquals(ChangeTest.Z_UNPOOLED.test(Tally.of(3, 10), Tally.of(9, 10), Alternative.IMPROVED).pValue(),
                Double.parseDouble(rows.get(2).get("p_value")), 0.0);
    }

    @Test
    void twoInspectionFiles() throws IOException {
        CliRun run = CliRun.of("compare", "examples/data/cdi-2017.csv", "examples/data/peel-2022.csv", "--format", "csv");
        assertEquals(0, run.status(), run.toString());
        List<CSVRecord> rows = EstimateCommandTest.csv(run.out());
        assertEquals(List.of("violence", "sexual offences", "other crime", "all crime"),
                rows.stream().map(r -> r.get("category")).toList());
        for (CSVRecord row : rows) {
            assertEquals("statistically significant improvement", row.get("verdict"), row.toString());
        }
        CliRun text = CliRun.of("compare", "examples/data/cdi-2017.csv", "examples/data/peel-2022.csv", "--format", "text");
        assertTrue(text.out().contains("all crime") && text.out().contains("Cochran-Mantel-Haenszel"), text.out());
    }

    @Test
    void manyForcesMatchedByName() throws IOException {
        Path later = Path.of("examples/data/forces-2022.csv");
        String earlierText = Files.readString(later).replace("force 43,", "force 99,");
        Path earlier = Files.writeString(dir.resolve("forces-2017.csv"), earlierText);
        CliRun run = CliRun.of("compare", earlier.toString(), later.toString(), "--format", "csv");
        assertEquals(0, run.status(), run.toString());
        assertEquals(42 * 4, EstimateCommandTest.csv(run.out()).size());
        assertTrue(run.err().contains("no earlier inspection for: force 43") && run.err().contains(
                "no later inspection for: force 99"), run.err());
    }

    @Test
    void badInput() throws IOException {
        assertEquals(2, CliRun.of("compare", "--before", "512-640", "--after", "188/202").status());
        assertEquals(2, CliRun.of("compare", "--before", "512/640").status());
        assertEquals(2, CliRun.of("compare", "--before", "512/640", "--after", "188/202", "--test", "t_test").status());
        assertEquals(2, CliRun.of("compare", "--before", "512/640", "--after", "188/202", "--method", "exact").status());
        assertEquals(2, CliRun.of("compare", "examples/data/cdi-2017.csv").status());
        CliRun over = CliRun.of("compare", "--before", "700/640", "--after", "188/202");
        assertEquals(1, over.status(), over.toString());
        assertTrue(over.err().contains("recorded (700)"), over.err());
        Path cases = Files.writeString(dir.resolve("bad.csv"),
                "recorded_before,audited_before,recorded_after,audited_after,test\n1,2,3,4,fisher_exact\n5,4,3,4,\n");
        CliRun bad = CliRun.of("compare", "--cases", cases.toString());
        assertEquals(1, bad.status(), bad.toString());
        assertTrue(bad.err().contains("line 3") && bad.err().contains("recorded_before") && bad.err().contains("'5'"),
                bad.err());
        Path missing = Files.writeString(dir.resolve("missing.csv"), "recorded_before,audited_before\n1,2\n");
        CliRun noColumn = CliRun.of("compare", "--cases", missing.toString());
        assertEquals(1, noColumn.status());
        assertTrue(noColumn.err().contains("recorded_after"), noColumn.err());
    }
}
