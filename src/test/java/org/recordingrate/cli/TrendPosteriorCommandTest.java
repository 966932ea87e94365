package org.recordingrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code trend}, {@code posterior} and {@code plot trend} commands: their modes, columns, exit
 * statuses and messages. The numbers themselves are checked against R, metafor, mpmath and QUADPACK in the
 * trend and posterior packages' tests; here they are traced to the same sources where quoted.
 */
class TrendPosteriorCommandTest {

    @TempDir
    Path folder;

    private static List<CSVRecord> csv(String text) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(new StringReader(text))
                .getRecords();
    }

    @Test
    void trend_ofPublishedFiguresInTheirOwnColumns_writesARowPerSeries() throws IOException {
        CliRun run = CliRun.of("trend", "examples/data/trend-figures.csv", "--time", "inspection_year", "--columns",
                "category=crime_type,rate=recorded_pct,margin=ci_halfwidth_pct");
        assertEquals(0, run.status(), run.toString());
        List<CSVRecord> rows = csv(run.out());
        assertEquals(4, rows.size());
        CSVRecord violence = rows.get(1);
        assertEquals("Northshire", violence.get("force"));
        assertEquals("violence", violence.get("category"));
        assertEquals("fixed_effect", violence.get("method"));
        // metafor 3.8.1: rma(yi, vi, mods = ~ time, method = "FE") on 74.5 +/- 3.6, 80.0 +/- 3.1, 89.1 +/- 4.3
        // (2014, 2017, 2022) gives b = 0.018247889999552985, se = 0.0035721350273428625 (trend-figures.csv)
        assertEquals(0.018247889999552985, Double.parseDouble(violence.get("slope")), 1e-12);
        assertEquals(0.0035721350273428625, Double.parseDouble(violence.get("se")), 1e-12);
        assertEquals("0.891", violence.get("last_rate"), "the published decimal, without float noise");
        assertTrue(violence.get("sentence").startsWith("Northshire's recording of violence has improved by 1.8"));
        assertTrue(run.err().contains("read 12 rows"), run.err());
    }

    /**
     * The units rule: the same figures written as fractions (as {@code reproduce --from-text} writes
     * them) are refused with the one hint, and read alike with {@code --units fraction}.
     */
    @Test
    void trend_ofFiguresAsFractions_isRefusedWithTheHint_andTheSameWithUnitsFraction() throws IOException {
        Path percent = java.nio.file.Files.writeString(folder.resolve("percent.csv"),
                "force,time,rate,margin\nA,2014,74.5,3.6\nA,2017,80.0,3.1\nA,2022,89.1,4.3\n");
        Path fractions = java.nio.file.Files.writeString(folder.resolve("fractions.csv"),
                "force,time,rate,margin\nA,2014,0.745,0.036\nA,2017,0.800,0.031\nA,2022,0.891,0.043\n");
        CliRun refused = CliRun.of("trend", fractions.toString());
        assertEquals(1, refused.status(), refused.toString());
        assertTrue(refused.err().contains("look like fractions") && refused.err().contains("--units fraction"),
                refused.err());
        CliRun asPercent = CliRun.of("trend", percent.toString());
        CliRun asFractions = CliRun.of("trend", fractions.toString(), "--units", "fraction");
        assertEquals(0, asFractions.status(), asFractions.toString());
        CSVRecord one = csv(asPercent.out()).get(0);
        CSVRecord other = csv(asFractions.out()).get(0);
        // metafor's slope of these figures, as in the test above (trend-figures.csv's violence)
        assertEquals(0.018247889999552985, Double.parseDouble(other.get("slope")), 1e-12);
        assertEquals(one.get("slope"), other.get("slope"));
        assertEquals(one.get("p_value"), other.get("p_value"));
    }

    @Test
    void trend_ofTalliesOnTheCommandLine_isRsPropTrendTest() throws IOException {
        CliRun text = CliRun.of("trend", "--times", "2014,2017,2022", "--tallies", "150/200,171/205,188/202");
        assertEquals(0, text.status(), text.toString());
        // R: prop.trend.test(c(150, 171, 188), c(200, 205, 202), score = c(2014, 2017, 2022)): X-squared = 24.017
        assertTrue(text.out().contains("chi-square = 24.017"), text.out());
        assertTrue(text.out().contains("The force's recording has improved by 2.2 points a year over the three"
                + " inspections since 2014"), text.out());
        CliRun csv = CliRun.of("trend", "--times", "2014,2017,2022", "--tallies", "150/200,171/205,188/202",
                "--format", "csv");
        CSVRecord row = csv(csv.out()).get(0);
        assertEquals(24.017462057856708, Double.parseDouble(row.get("chi_square")), 1e-9);
        assertEquals("cochran_armitage", row.get("method"));
    }

    @Test
    void trend_ofAnInspectionFile_givesEachCategoryAndAllCrime_andItsUsageErrorsAreExit2() {
        CliRun run = CliRun.of("trend", "examples/data/trend-inspections.csv", "--time", "year", "--format", "json");
        assertEquals(0, run.status(), run.toString());
        assertTrue(run.out().contains("\"category\": \"all crime\""), run.out());
        assertEquals(2, CliRun.of("trend", "examples/data/trend-inspections.csv", "--time", "year", "--method",
                "nosuch").status());
        assertEquals(2, CliRun.of("trend").status());
        assertEquals(2, CliRun.of("trend", "--times", "2014,2017", "--tallies", "1/2,1/2,1/2").status());
        assertEquals(2, CliRun.of("trend", "--times", "2014,2017,2022", "--tallies", "1/2,1/2,1/2", "--by",
                "force").status());
        CliRun twice = CliRun.of("trend", "--times", "2014,2014,2022", "--tallies", "1/2,1/2,1/2");
        assertEquals(1, twice.status(), twice.toString());
        assertTrue(twice.err().contains("two inspections at time 2014"), twice.err());
        CliRun impossible = CliRun.of("trend", "--times", "2014,2017,2022", "--tallies", "3/2,1/2,1/2");
        assertEquals(1, impossible.status(), impossible.toString());
        CliRun missing = CliRun.of("trend", "examples/data/trend-inspections.csv");
        assertEquals(1, missing.status(), missing.toString());
        assertTrue(missing.err().contains("has no column 'time'"), missing.err());
    }

    @Test
    void posterior_ofATally_ofTwoTallies_ofAnInspection_andAcrossForces() throws IOException {
        CliRun one = CliRun.of("posterior", "--recorded", "188", "--audited", "202");
        assertEquals(0, one.status(), one.toString());
        assertTrue(one.out().startsWith("92.9% (95% credible 88.9% to 96.0%, highest density 89.3% to 96.2%; Jeffreys"
                + " prior, 188 of 202)"), one.out());
        CSVRecord tally = csv(CliRun.of("posterior", "--recorded", "188", "--audited", "202", "--format", "csv")
                .out()).get(0);
        // mpmath (beta-posterior.csv): Beta(188.5, 14.5) quantiles 0.8894492258744091 and 0.9597255447730530
        assertEquals(0.8894492258744091, Double.parseDouble(tally.get("lower")), 1e-13);
        assertEquals(0.9620547325359068, Double.parseDouble(tally.get("hpd_upper")), 1e-11);
        CSVRecord change = csv(CliRun.of("posterior", "--before", "512/640", "--after", "188/202", "--format", "csv")
                .out()).get(0);
        // QUADPACK (beta-change.csv): P(after > before) = 0.99999838130963448
        assertEquals(0.99999838130963448, Double.parseDouble(change.get("p_improvement")), 1e-11);
        CliRun inspection = CliRun.of("posterior", "examples/data/peel-2022.csv", "--replicates", "20000");
        assertEquals(0, inspection.status(), inspection.toString());
        List<CSVRecord> rows = csv(inspection.out());
        assertEquals(4, rows.size());
        assertEquals("all crime", rows.get(3).get("category"));
        assertTrue(rows.get(3).get("notes").contains("20,000 seeded replicates"), rows.get(3).get("notes"));
        CliRun across = CliRun.of("posterior", "examples/data/forces-2022.csv", "--across-forces", "--category",
                "violence");
        assertEquals(0, across.status(), across.toString());
        assertEquals(43, csv(across.out()).size());
        Path tallies = folder.resolve("tallies.csv");
        Files.writeString(tallies, "force,recorded,audited\nA,180,202\nB,90,100\nC,45,60\nD,200,210\n");
        CliRun fromTallies = CliRun.of("posterior", tallies.toString(), "--across-forces");
        assertEquals(0, fromTallies.status(), fromTallies.toString());
        assertEquals(List.of("A", "B", "C", "D"), csv(fromTallies.out()).stream().map(r -> r.get("force")).toList());
    }

    @Test
    void posterior_refusesWhatItCannotTake() {
        assertEquals(2, CliRun.of("posterior").status());
        assertEquals(2, CliRun.of("posterior", "--recorded", "5").status());
        assertEquals(2, CliRun.of("posterior", "--recorded", "5", "--audited", "9", "--prior", "haldane").status());
        assertEquals(2, CliRun.of("posterior", "--recorded", "5", "--audited", "9", "--across-forces").status());
        assertEquals(2, CliRun.of("posterior", "examples/data/peel-2022.csv", "--replicates", "10").status());
        CliRun impossible = CliRun.of("posterior", "--recorded", "205", "--audited", "202");
        assertEquals(1, impossible.status());
        assertTrue(impossible.err().contains("must not exceed audited"), impossible.err());
        CliRun percent = CliRun.of("posterior", "--recorded", "5", "--audited", "9", "--confidence", "95");
        assertEquals(1, percent.status(), percent.toString());
        assertTrue(percent.err().contains("0.95"), percent.err());
    }

    @Test
    void plotTrend_writesPngAndWellFormedSvg() throws Exception {
        Path svg = folder.resolve("trend.svg");
        CliRun run = CliRun.of("plot", "trend", "examples/data/trend-inspections.csv", "--time", "year", "--force",
                "Northshire", "--out", svg.toString());
        assertEquals(0, run.status(), run.toString());
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        Path png = folder.resolve("trend.png");
        assertEquals(0, CliRun.of("plot", "trend", "examples/data/trend-inspections.csv", "--time", "year", "--force",
                "Southshire", "--category", "violence", "--out", png.toString()).status());
        assertEquals(560, javax.imageio.ImageIO.read(png.toFile()).getHeight());
        CliRun tooMany = CliRun.of("plot", "trend", "examples/data/trend-inspections.csv", "--time", "year", "--out",
                svg.toString());
        assertEquals(2, tooMany.status(), tooMany.toString());
        assertTrue(tooMany.err().contains("too many for one picture"), tooMany.err());
        CliRun none = CliRun.of("plot", "trend", "examples/data/trend-inspections.csv", "--time", "year", "--force",
                "Nowhere", "--out", svg.toString());
        assertEquals(1, none.status(), none.toString());
        assertTrue(none.err().contains("no series of force 'Nowhere'"), none.err());
    }

    /** Every trend and posterior command of README.md runs, and what README quotes of them is what they print. */
    @Test
    void readmesCommandsRun_andItsQuotesAreTheirOutput() throws IOException {
        String prefix = "java -jar target/recording-rate-cli.jar ";
        String readme = Files.readString(Path.of("README.md"));
        int run = 0;
        for (String line : readme.split("\n")) {
            String l = line.strip();
            if (l.startsWith(prefix + "trend ") || l.startsWith(prefix + "posterior ")) {
                CliRun result = CliRun.of(l.substring(prefix.length()).split("\\s+"));
                assertEquals(0, result.status(), l + "\n" + result);
                run++;
            }
        }
        assertTrue(run >= 8, "README's trend and posterior commands: " + run);
        CliRun figures = CliRun.of("trend", "examples/data/trend-figures.csv", "--time", "inspection_year", "--columns",
                "category=crime_type,rate=recorded_pct,margin=ci_halfwidth_pct", "--format", "text");
        String[] sentences = figures.out().split("\n");
        assertTrue(readme.contains("> " + sentences[1] + "\n"), sentences[1]);
        assertTrue(readme.contains("> " + sentences[2] + "\n"), sentences[2]);
        String one = CliRun.of("posterior", "--recorded", "188", "--audited", "202").out().split("\n")[0];
        assertTrue(readme.contains("`" + one + "`"), one);
    }

    @Test
    void trend_ofARecordLevelAuditFile_withItsVolumes() throws IOException {
        StringBuilder audit = new StringBuilder("inspection,year,record_id,category,recorded\n");
        StringBuilder volumes = new StringBuilder("inspection,category,volume\n");
        int[][] counts = {{14, 20}, {16, 20}, {19, 21}};
        int id = 0;
        for (int t = 0; t < 3; t++) {
            String name = "CDI " + (2014 + 4 * t);
            for (int k = 0; k < counts[t][1]; k++) {
                audit.append(name).append(',').append(2014 + 4 * t).append(",R").append(id++).append(",violence,")
                        .append(k < counts[t][0] ? "yes" : "no").append('\n');
            }
            volumes.append(name).append(",violence,2000\n");
        }
        Path auditFile = folder.resolve("audit.csv");
        Path volumesFile = folder.resolve("volumes.csv");
        Files.writeString(auditFile, audit);
        Files.writeString(volumesFile, volumes);
        CliRun run = CliRun.of("trend", auditFile.toString(), "--volumes", volumesFile.toString(), "--time", "year");
        assertEquals(0, run.status(), run.toString());
        List<CSVRecord> rows = csv(run.out());
        assertEquals(2, rows.size(), "violence and all crime");
        CliRun byHand = CliRun.of("trend", "--times", "2014,2018,2022", "--tallies", "14/20,16/20,19/21", "--format",
                "csv");
        assertEquals(csv(byHand.out()).get(0).get("chi_square"), rows.get(0).get("chi_square"));
        CliRun without = CliRun.of("trend", auditFile.toString(), "--time", "year");
        assertEquals(2, without.status(), without.toString());
        assertTrue(without.err().contains("needs --volumes"), without.err());
    }
}
