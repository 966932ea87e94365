package org.recordingrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report} and {@code plot}: the numbers in the report are the ones {@code estimate} and
 * {@code compare} print for the same files with the same choices, and the paragraphs say those
 * numbers in the inspectors' words (the expected sentences are built here from the other commands'
 * output, not from the report's).
 */
class ReportCommandTest {

    private static final String BEFORE = "examples/data/cdi-2017.csv";
    private static final String AFTER = "examples/data/peel-2022.csv";

    private static Map<String, CSVRecord> byCategory(String csv) throws IOException {
        Map<String, CSVRecord> rows = new HashMap<>();
        for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(csv))) {
            rows.put(r.get("category"), r);
        }
        return rows;
    }

    private static CliRun ok(String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(0, run.status(), run.toString());
        return run;
    }

    /** A fraction's cell as the inspectors print it: percent to one decimal, half up. */
    private static String percent(String fraction) {
        return new BigDecimal(fraction).movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    @Test
    void numbersAreThoseOfEstimateAndCompare() throws IOException {
        Map<String, CSVRecord> earlier = byCategory(ok("estimate", BEFORE, "--method", "wald", "--format", "csv").out());
        Map<String, CSVRecord> later = byCategory(ok("estimate", AFTER, "--method", "wald", "--format", "csv").out());
        Map<String, CSVRecord> change = byCategory(ok("compare", BEFORE, AFTER, "--method", "wald", "--test", "z_unpooled",
                "--adjust", "none", "--format", "csv").out());
        Map<String, CSVRecord> report = byCategory(ok("report", BEFORE, AFTER, "--force", "Cambridgeshire",
                "--previous-label", "2017", "--format", "csv").out());
        assertEquals(later.keySet(), report.keySet());
        for (String category : report.keySet()) {
            CSVRecord r = report.get(category);
            CSVRecord a = later.get(category);
            CSVRecord b = earlier.get(category);
            CSVRecord c = change.get(category);
            for (String column : List.of("recorded", "audited", "volume", "rate", "lower", "upper", "margin", "se",
                    "unrecorded", "more_than")) {
                assertEquals(a.get(column), r.get(column), category + " " + column);
            }
            for (String column : List.of("recorded", "audited", "volume", "rate", "lower", "upper", "margin", "se")) {
                assertEquals(b.get(column), r.get(column + "_before"), category + " " + column + "_before");
            }
            for (String[] pair : new String[][] {{"change", "change"}, {"lower", "change_lower"}, {"upper", "change_upper"},
                {"statistic", "statistic"}, {"p_value", "p_value"}, {"p_adjusted", "p_adjusted"}, {"verdict", "verdict"}}) {
                assertEquals(c.get(pair[0]), r.get(pair[1]), category + " " + pair[1]);
            }
            boolean all = category.equals("all crime");
            String verdict = c.get("verdict").startsWith("no ") ? "not a statistically significant change" : "a " + c.get("verdict");
            String expected = "We estimate that Cambridgeshire is recording " + percent(a.get("rate"))
                    + " percent (with a confidence interval of +/- " + percent(a.get("margin")) + " percent) of "
                    + (all ? "all reported crime" : "reported " + category) + ". This is " + verdict
                    + " compared with the findings from our previous 2017 inspection, where we found "
                    + percent(b.get("rate")) + " percent (with a confidence interval of +/- " + percent(b.get("margin"))
                    + " percent). We estimate that Cambridgeshire didn't record more than "
                    + String.format(Locale.ROOT, "%,d", Long.parseLong(a.get("more_than")))
                    + (all ? " crimes" : " of these crimes") + " during the year covered by our inspection.";
            assertEquals(expected, r.get("paragraph"), category);
        }
    }

    /**
     * The synthetic record-level audits of examples/data (made by make-audit.py to give the seed
     * report's published figures) give, through {@code report}, the seed paragraph of issue 12 word
     * for word, and their numbers are {@code estimate}'s for the same files.
     */
    @Test
    void seedParagraphFromTheRecordLevelAudits() throws IOException {
        String seed = "We estimate that NAME is recording 93.2 percent (with a confidence interval of +/- 2.3 percent) of "
                + "all reported crime. This is a statistically significant improvement compared with the findings from "
                + "our previous 2017 inspection, where we found 87.8 percent (with a confidence interval of +/- 1.7 "
                + "percent). We estimate that NAME didn't record more than 4,500 crimes during the year covered by our "
                + "inspection.";
        String[] files = {"examples/data/audit-2017.csv", "examples/data/audit-2022.csv", "--volumes",
            "examples/data/volumes.csv"};
        CliRun run = ok("report", files[0], files[1], files[2], files[3], "--force", "NAME", "--previous-label", "2017",
                "--format", "csv");
        Map<String, CSVRecord> report = byCategory(run.out());
        assertEquals(seed, report.get("all crime").get("paragraph"));
        assertTrue(run.err().contains("read 620 records from examples/data/audit-2022.csv"), run.err());
        Map<String, CSVRecord> later = byCategory(ok("estimate", files[1], files[2], files[3], "--method", "wald",
                "--format", "csv").out());
        for (String category : report.keySet()) {
            for (String column : List.of("recorded", "audited", "rate", "margin", "more_than")) {
                assertEquals(later.get(category).get(column), report.get(category).get(column), category + " " + column);
            }
        }
        // --volumes with two inspection files, or an audit file without it: usage errors, as for estimate
        assertEquals(2, CliRun.of("report", BEFORE, AFTER, "--volumes", files[3], "--force", "A").status());
        assertEquals(2, CliRun.of("report", files[0], files[1], "--force", "A").status());
    }

    /** With other choices the numbers still follow the other commands run with the same choices. */
    @Test
    void otherChoicesFollowTheOtherCommands() throws IOException {
        Map<String, CSVRecord> later = byCategory(ok("estimate", AFTER, "--method", "korn_graubard", "--variance", "survey",
                "--confidence", "0.9", "--format", "csv").out());
        Map<String, CSVRecord> change = byCategory(ok("compare", BEFORE, AFTER, "--method", "newcombe", "--test",
                "fisher_exact", "--adjust", "holm", "--variance", "survey", "--confidence", "0.9", "--format", "csv").out());
        CliRun run = ok("report", BEFORE, AFTER, "--force", "Cambridgeshire", "--method", "korn_graubard", "--variance",
                "survey", "--change-method", "newcombe", "--test", "fisher_exact", "--adjust", "holm", "--confidence", "0.9",
                "--format", "csv");
        Map<String, CSVRecord> report = byCategory(run.out());
        for (String category : report.keySet()) {
            CSVRecord r = report.get(category);
            for (String column : List.of("rate", "lower", "upper", "se", "more_than")) {
                assertEquals(later.get(category).get(column), r.get(column), category + " " + column);
            }
            assertEquals(change.get(category).get("lower"), r.get("change_lower"), category);
            assertEquals(change.get(category).get("p_adjusted"), r.get("p_adjusted"), category);
            assertEquals(change.get(category).get("verdict"), r.get("verdict"), category);
            String text = r.get("paragraph");
            assertTrue(text.contains("(with a 90 percent Korn-Graubard confidence interval of "
                    + percent(later.get(category).get("lower")) + " to " + percent(later.get(category).get("upper"))
                    + " percent)"), text);
            assertTrue(text.contains(category.equals("all crime") ? "(two-sample z-test on the volume-weighted rates, at "
                    + "the 5 percent significance level)" : "(Fisher's exact test, holm-adjusted across 3 categories, at the "
                    + "5 percent significance level)"), text);
            assertTrue(text.contains("our previous cdi-2017 inspection"), "the label defaults to the earlier file's name");
        }
    }

    @Test
    void everyDocument(@TempDir Path folder) throws IOException {
        String text = ok("report", BEFORE, AFTER, "--force", "Cambridgeshire").out();
        assertTrue(text.startsWith("Recording rates: Cambridgeshire\n"), text);
        assertTrue(ok("report", BEFORE, AFTER, "--force", "Cambridgeshire", "--format", "markdown").out()
                .startsWith("# Recording rates: Cambridgeshire"));
        assertTrue(ok("report", BEFORE, AFTER, "--force", "Cambridgeshire", "--format", "JSON").out()
                .contains("\"paragraphs\": ["));
        Path html = folder.resolve("report.html");
        CliRun run = ok("report", BEFORE, AFTER, "--force", "Cambridgeshire", "--format", "html", "--out", html.toString(),
                "--forces", "examples/data/forces-2022.csv");
        assertEquals("", run.out());
        assertTrue(run.err().contains("read 43 forces from examples/data/forces-2022.csv (inspection file)"), run.err());
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertTrue(page.startsWith("<!DOCTYPE html>") && page.contains("<h2>Funnel plot</h2>")
                && page.contains("<h2>Ranks</h2>") && page.contains("<h2>Among the 44 forces</h2>"));
        // published figures in their own column names as the forces; the sentence with the rank interval
        String among = ok("report", BEFORE, AFTER, "--force", "Cambridgeshire", "--forces",
                "examples/data/published-forces.csv", "--forces-category", "all crime (excluding fraud)", "--forces-columns",
                "force=Force,rate=Recording rate (%),margin=Confidence interval (+/- %),category=Crime type").out();
        assertTrue(among.contains("Among the 13 forces\nAmong the 13 forces, Cambridgeshire's recording rate of all"
                + " reported crime (excluding fraud),\n93.3 percent, is "), among);
        assertTrue(among.matches("(?s).*it\\s+ranks\\s+between\\s+\\d+(st|nd|rd|th)\\s+and\\s+\\d+(st|nd|rd|th)\\s+\\(95\\s+percent.*"),
                among);
        // a file of every force: --force picks the inspection of that name
        assertTrue(ok("report", "examples/data/forces-2022.csv", "examples/data/forces-2022.csv", "--force", "FORCE 07")
                .out().contains("We estimate that FORCE 07 is recording"));
    }

    @Test
    void plots(@TempDir Path folder) throws IOException {
        Path svg = folder.resolve("forest.svg");
        CliRun run = ok("plot", "forest", BEFORE, AFTER, "--force", "Cambridgeshire", "--out", svg.toString());
        assertTrue(Files.readString(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assertTrue(run.err().contains("wrote " + svg + " (SVG, "), run.err());
        Path png = folder.resolve("funnel.png");
        ok("plot", "funnel", "examples/data/forces-2022.csv", "--out", png.toString(), "--scale", "2", "--highlight",
                "force 07");
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1800, image.getWidth());
        assertEquals(1240, image.getHeight());
        Path category = folder.resolve("violence.svg");
        ok("plot", "funnel", "examples/data/forces-2022.csv", "--out", category.toString(), "--category", "violence",
                "--limits", "normal", "--target", "88", "--title", "Violence");
        assertTrue(Files.readString(category).contains("<title>Violence</title>"));
        assertTrue(Files.readString(category).contains("target 88.0% (given); limits at 95% and 99.8%"),
                Files.readString(category));
    }

    @Test
    void usageErrorsAndBadData(@TempDir Path folder) throws IOException {
        Path bad = folder.resolve("bad.csv");
        Files.writeString(bad, "category,recorded,audited,volume\nviolence,205,202,100\n");
        String[][] usage = {
            {"report", BEFORE, AFTER},
            {"report", BEFORE, "--force", "A"},
            {"report", BEFORE, AFTER, "--force", "A", "--test", "t_test"},
            {"report", BEFORE, AFTER, "--force", "A", "--format", "pdf"},
            {"report", BEFORE, AFTER, "--force", "A", "--precision", "0"},
            {"plot"},
            {"plot", "pie", BEFORE},
            {"plot", "forest", BEFORE, AFTER},
            {"plot", "forest", BEFORE, AFTER, "--out", folder.resolve("f.jpg").toString()},
            {"plot", "funnel", "examples/data/forces-2022.csv", "--out", folder.resolve("f.svg").toString(), "--limits", "x"},
            {"plot", "funnel", "examples/data/forces-2022.csv", "--out", folder.resolve("f.png").toString(), "--scale", "9"}};
        for (String[] args : usage) {
            CliRun run = CliRun.of(args);
            assertEquals(2, run.status(), String.join(" ", args) + "\n" + run);
            assertFalse(run.err().contains("Exception"), run.err());
        }
        String[][] data = {
            {"report", bad.toString(), AFTER, "--force", "A"},
            {"report", BEFORE, AFTER, "--force", "A", "--confidence", "1.5"},
            {"report", BEFORE, AFTER, "--force", "A", "--out", folder.resolve("no/such/folder.txt").toString()},
            {"report", BEFORE, "examples/data/forces-2022.csv", "--force", "nowhere"},
            {"plot", "funnel", "examples/data/forces-2022.csv", "--out", folder.resolve("f.svg").toString(), "--category",
                "fraud"},
            {"plot", "funnel", "examples/data/forces-2022.csv", "--out", folder.resolve("f.svg").toString(), "--target", "100"}};
        for (String[] args : data) {
            CliRun run = CliRun.of(args);
            assertEquals(1, run.status(), String.join(" ", args) + "\n" + run);
            assertEquals(1, run.err().strip().lines().filter(l -> !l.startsWith("read ")).count(), run.err());
        }
        CliRun located = CliRun.of("report", bad.toString(), AFTER, "--force", "A");
        assertTrue(located.err().contains("bad.csv line 2, column recorded"), located.err());
        assertFalse(Files.exists(folder.resolve("f.svg")), "nothing written on bad data");
    }
}
