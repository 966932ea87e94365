package org.recordingrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recordingrate.coverage.ChangeCoverage;
import org.recordingrate.coverage.RateCoverage;
import org.recordingrate.compare.DifferenceMethod;
import org.recordingrate.estimate.IntervalMethod;

/** The coverage command: rows, columns, values equal to the API's, the plot, the notes of estimate, exits. */
class CoverageCommandTest {

    @TempDir
    Path folder;

    @Test
    void gridGivesARowPerMethodAndRateWithTheApisValues() throws Exception {
        Path plot = folder.resolve("coverage.svg");
        CliRun run = CliRun.of("coverage", "--method", "wald,clopper_pearson", "--audited", "100,202", "--rates",
                "0.8:0.999:0.001", "--plot", plot.toString());
        assertEquals(0, run.status(), run.toString());
        List<String> lines = run.out().lines().toList();
        assertEquals("method,confidence,audited,rate,coverage,expected_width,notes", lines.get(0));
        assertEquals(1 + 2 * 2 * 200, lines.size());
        String[] first = lines.get(1).split(",");
        assertEquals("wald", first[0]);
        assertEquals("100", first[2]);
        assertEquals("0.8", first[3]);
        assertEquals(RateCoverage.withDefaults().with(IntervalMethod.WALD).at(100, 0.8).coverage(),
                Double.parseDouble(first[4]));
        // decimal grid: 0.955 is written as 0.955, not 0.9550000000000001
        assertTrue(lines.get(156).startsWith("wald,0.95,100,0.955,"), lines.get(156));
        String svg = Files.readString(plot, StandardCharsets.UTF_8);
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(plot.toFile());
        assertTrue(svg.contains("Clopper-Pearson 95% CI, 202 audited"), svg);
        assertTrue(run.err().contains("wrote " + plot), run.err());
    }

    @Test
    void oneRateInTextAndAPngPlot() throws Exception {
        CliRun run = CliRun.of("coverage", "--method", "wald", "--audited", "40", "--rate", "0.5");
        assertEquals(0, run.status(), run.toString());
        assertTrue(run.out().contains("coverage        91.93% (more than 1 point below nominal)"), run.out());
        Path png = folder.resolve("c.png");
        CliRun drawn = CliRun.of("coverage", "--audited", "40", "--rates", "0.1:0.9:0.1", "--plot", png.toString(),
                "--format", "json");
        assertEquals(0, drawn.status(), drawn.toString());
        byte[] bytes = Files.readAllBytes(png);
        assertEquals((byte) 0x89, bytes[0]);
        assertEquals('P', bytes[1]);
        assertTrue(drawn.out().startsWith("["), drawn.out());
    }

    @Test
    void changeByDoubleEnumeration() {
        CliRun run = CliRun.of("coverage", "--method", "newcombe,wald", "--audited-before", "64",
                "--audited-after", "40", "--rates", "0.8:0.9:0.05", "--change", "0.05", "--format", "csv");
        assertEquals(0, run.status(), run.toString());
        List<String> lines = run.out().lines().toList();
        assertEquals("method,confidence,audited_before,rate_before,audited_after,rate_after,change,coverage,"
                + "expected_width,notes", lines.get(0));
        assertEquals(1 + 2 * 3, lines.size());
        String[] first = lines.get(1).split(",");
        assertEquals(ChangeCoverage.withDefaults().at(64, 0.8, 40, 0.8 + 0.05).coverage(), Double.parseDouble(first[7]));
        CliRun pair = CliRun.of("coverage", "--method", "miettinen_nurminen", "--audited-before", "30",
                "--audited-after", "20", "--rate-before", "0.9", "--rate-after", "0.8", "--format", "csv");
        assertEquals(0, pair.status(), pair.toString());
        assertEquals(ChangeCoverage.withDefaults().with(DifferenceMethod.MIETTINEN_NURMINEN).at(30, 0.9, 20, 0.8)
                .coverage(), Double.parseDouble(pair.out().lines().toList().get(1).split(",")[7]));
    }

    @Test
    void allCrimeDesignBySimulation() {
        CliRun run = CliRun.of("coverage", "--design", "examples/data/peel-2022.csv", "--replicates", "2000",
                "--seed", "5", "--format", "csv");
        assertEquals(0, run.status(), run.toString());
        List<String> lines = run.out().lines().toList();
        assertEquals("inspection,method,variance,confidence,rate,replicates,seed,coverage,mc_error,expected_width,notes",
                lines.get(0));
        assertEquals(2, lines.size());
        assertEquals(run.out(), CliRun.of("coverage", "--design", "examples/data/peel-2022.csv", "--replicates", "2000",
                "--seed", "5", "--format", "csv").out());
    }

    @Test
    void usageAndDataErrors() {
        assertEquals(2, CliRun.of("coverage").status());
        assertEquals(2, CliRun.of("coverage", "--audited", "20").status());
        assertEquals(2, CliRun.of("coverage", "--audited", "20", "--rate", "0.5", "--rates", "0.1:0.2:0.1").status());
        assertEquals(2, CliRun.of("coverage", "--audited", "20", "--rates", "0.1:0.2").status());
        assertEquals(2, CliRun.of("coverage", "--audited", "20", "--rates", "0.1:x:0.1").status());
        assertEquals(2, CliRun.of("coverage", "--audited", "20", "--rate", "0.5", "--method", "nosuch").status());
        assertEquals(2, CliRun.of("coverage", "--audited", "20", "--rate", "0.5", "--plot", "x.pdf").status());
        assertEquals(2, CliRun.of("coverage", "--audited-before", "20", "--rate", "0.5").status());
        CliRun percent = CliRun.of("coverage", "--audited", "20", "--rate", "93");
        assertEquals(1, percent.status());
        assertTrue(percent.err().contains("did you mean 0.93?"), percent.err());
        assertEquals(1, CliRun.of("coverage", "--audited", "2000000", "--rate", "0.5").status());
        assertEquals(1, CliRun.of("coverage", "--audited", "20", "--rates", "0.9:0.1:0.1").status());
        assertEquals(1, CliRun.of("coverage", "--audited-before", "2000", "--audited-after", "2000",
                "--rate-before", "0.5", "--rate-after", "0.5").status());
        assertEquals(1, CliRun.of("coverage", "--design", "no-such-file.csv").status());
    }

    @Test
    void estimateNotesAMethodKnownToUnderCover() {
        CliRun run = CliRun.of("estimate", "--recorded", "202", "--audited", "202", "--method", "wald", "--format",
                "csv");
        assertEquals(0, run.status(), run.toString());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).endsWith(",notes"), lines.get(0));
        assertTrue(lines.get(1).contains("Wald is known to under-cover at 202 audited near 100.0%"), lines.get(1));
        assertTrue(run.err().contains("Wald is known to under-cover"), run.err());
        CliRun wilson = CliRun.of("estimate", "--recorded", "188", "--audited", "202", "--format", "csv");
        assertTrue(!wilson.out().contains("under-cover"), wilson.out());
    }
}
