package org.recordingrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reproduce --from-text} (issue 21), pairing published files (issue 17, item 5), the
 * {@code consistent} column of {@code --cases} (issue 17, item 6) and issue 16's findings about
 * {@code reproduce}. The synthetic reports are those of {@code src/test/resources/reports}; the
 * numbers cited come from {@code make-figures.py} beside them.
 */
class ReproduceTextCommandTest {

    private static final String REPORTS = "src/test/resources/reports";

    @TempDir
    Path dir;

    private static List<CSVRecord> csv(String text) throws IOException {
        return EstimateCommandTest.csv(text);
    }

    @Test
    void aFolderOfReportsIsOneTableWithACountOnStandardError() throws IOException {
        CliRun run = CliRun.of("reproduce", "--from-text", REPORTS);
        assertEquals(0, run.status(), run.toString());
        List<CSVRecord> rows = csv(run.out());
        assertEquals(12, rows.size());
        assertTrue(run.err().endsWith("4 reports read, 12 figures found, 2 inconsistent\n"), run.err());
        // the contradicted verdict is flagged with its file and line
        assertTrue(run.err().contains(REPORTS + "/southshire-cdi.txt line 6: all crime not consistent: published"
                + " \"statistically significant improvement\" but the figures give no statistically significant change"
                + " (z = 0.57, p = 0.5666)"), run.err());
        CSVRecord southshire = rows.stream().filter(r -> r.get("file").endsWith("southshire-cdi.txt")).findFirst().get();
        assertEquals("Southshire Police", southshire.get("force"));
        assertEquals("CDI 2019", southshire.get("inspection"));
        assertEquals("6", southshire.get("line"));
        assertEquals("false", southshire.get("consistent"));
        assertEquals("no statistically significant change", southshire.get("verdict"));
        assertEquals("statistically significant improvement", southshire.get("published_verdict"));
        // rates and margins as fractions, exactly the published decimals
        assertEquals("0.901", southshire.get("rate"));
        assertEquals("0.03", southshire.get("margin"));
        assertEquals("0.889", southshire.get("previous_rate"));
        assertEquals("0.012", southshire.get("change"));
        // the columns scripts call
        for (String column : List.of("category", "published_category", "rate", "margin", "previous_rate",
                "previous_margin", "previous_label", "published_verdict", "more_than", "line", "z", "p_value", "verdict",
                "implied_audited", "consistent", "notes", "force", "inspection")) {
            assertTrue(rows.get(0).isMapped(column), column);
        }
    }

    @Test
    void theReadmeShowsWhatTheCommandPrints() throws IOException {
        CliRun run = CliRun.of("reproduce", "--from-text", "examples/data/report-paragraph.txt", "--digits", "4");
        assertEquals(0, run.status(), run.toString());
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains("```\n" + run.out() + "```\n"), run.out());
        assertTrue(readme.contains("```\n" + run.err() + "```\n"), run.err());
        // the contradicted verdict, flagged with its line
        assertTrue(run.err().startsWith("examples/data/report-paragraph.txt line 13: violence not consistent"), run.err());
    }

    @Test
    void aMoreThanTheVolumeContradictsIsFlagged() throws IOException {
        // make-figures.py: "more than 7,500" at 91.4 needs 79,206 to 81,288 recorded crimes
        String report = REPORTS + "/northshire-peel.txt";
        CliRun fits = CliRun.of("reproduce", "--from-text", report, "--volume", "80000", "--volume", "violence=16000");
        assertEquals(0, fits.status(), fits.toString());
        assertTrue(fits.err().endsWith("1 report read, 5 figures found, 0 inconsistent\n"), fits.err());
        CliRun contradicted = CliRun.of("reproduce", "--from-text", report, "--volume", "all crime=62000");
        assertEquals(0, contradicted.status(), contradicted.toString());
        assertTrue(contradicted.err().contains(report + " line 15: all crime not consistent: \"didn't record more than"
                + " 7,500\" at 91.4 percent needs a volume of 79,206 to 81,288 recorded crimes; the volume is 62,000"),
                contradicted.err());
        CSVRecord all = csv(contradicted.out()).get(0);
        assertEquals("62000", all.get("volume"));
        assertEquals("79206", all.get("volume_lower"));
        assertEquals("false", all.get("consistent"));
        assertTrue(all.get("notes").startsWith("\"didn't record more than 7,500\""), all.get("notes"));
        CliRun bad = CliRun.of("reproduce", "--from-text", report, "--volume", "all crime=0");
        assertEquals(1, bad.status(), bad.toString());
        assertTrue(bad.err().contains("--volume (0) must be at least 1"), bad.err());
    }

    @Test
    void aReportWithoutACdiSectionGivesNoRowsANoteAndExitZero() throws IOException {
        CliRun run = CliRun.of("reproduce", "--from-text", REPORTS + "/eastshire-no-cdi.txt");
        assertEquals(0, run.status(), run.toString());
        assertEquals(0, csv(run.out()).size());
        assertTrue(run.out().startsWith("file,force,inspection,category,"), run.out());
        assertTrue(run.err().contains("eastshire-no-cdi.txt: no crime data integrity figures found"), run.err());
        CliRun json = CliRun.of("reproduce", "--from-text", REPORTS + "/eastshire-no-cdi.txt", "--format", "json");
        assertEquals("[]\n", json.out());
    }

    @Test
    void theReportsOwnTextReadsBackToTheFiguresItWasMadeFrom() throws IOException {
        // issue 21, "Done when": report --format text on the bundled examples, read back by --from-text
        for (List<String> files : List.of(List.of("examples/data/cdi-2017.csv", "examples/data/peel-2022.csv"),
                List.of("examples/data/audit-2017.csv", "examples/data/audit-2022.csv", "--volumes",
                        "examples/data/volumes.csv"))) {
            List<String> args = new java.util.ArrayList<>(List.of("report"));
            args.addAll(files);
            args.addAll(List.of("--force", "Cambridgeshire", "--previous-label", "2017"));
            Path text = dir.resolve("report.txt");
            List<String> asText = new java.util.ArrayList<>(args);
            asText.addAll(List.of("--format", "text", "--out", text.toString()));
            assertEquals(0, CliRun.of(asText.toArray(String[]::new)).status());
            List<String> asCsv = new java.util.ArrayList<>(args);
            asCsv.addAll(List.of("--format", "csv"));
            CliRun made = CliRun.of(asCsv.toArray(String[]::new));
            assertEquals(0, made.status(), made.toString());
            CliRun read = CliRun.of("reproduce", "--from-text", text.toString());
            assertEquals(0, read.status(), read.toString());
            Map<String, CSVRecord> back = csv(read.out()).stream().collect(Collectors.toMap(r -> r.get("category"),
                    r -> r));
            List<CSVRecord> source = csv(made.out());
            assertEquals(source.size(), back.size(), read.out());
            for (CSVRecord row : source) {
                CSVRecord figure = back.get(row.get("category"));
                String where = row.get("category") + ": " + figure;
                assertEquals(oneDecimal(row.get("rate")), percent(figure.get("rate")), where);
                assertEquals(oneDecimal(row.get("margin")), percent(figure.get("margin")), where);
                assertEquals(oneDecimal(row.get("rate_before")), percent(figure.get("previous_rate")), where);
                assertEquals(oneDecimal(row.get("margin_before")), percent(figure.get("previous_margin")), where);
                assertEquals(row.get("verdict"), figure.get("published_verdict").replace("not a ", "no "), where);
                assertEquals(row.get("more_than"), figure.get("more_than"), where);
                assertEquals("2017", figure.get("previous_label"), where);
                assertEquals("Cambridgeshire", figure.get("force"), where);
                assertEquals(row.get("inspection"), figure.get("inspection"), where);
                assertEquals("true", figure.get("consistent"), where);
            }
        }
    }

    private static String oneDecimal(String fraction) {
        return String.format(Locale.ROOT, "%.1f", 100 * Double.parseDouble(fraction));
    }

    /** A fraction read back as the published percent, exactly: 0.932 is 93.2. */
    private static String percent(String fraction) {
        return new java.math.BigDecimal(fraction).movePointRight(2).setScale(1, java.math.RoundingMode.UNNECESSARY)
                .toPlainString();
    }

    @Test
    void standardInputAndJson() {
        CliRun json = CliRun.of("reproduce", "--from-text", REPORTS + "/southshire-cdi.txt", "--format", "json");
        assertEquals(0, json.status(), json.toString());
        assertTrue(json.out().contains("\"consistent\": false,"), json.out());
        assertTrue(json.out().contains("\"rate\": 0.901,"), json.out());
        CliRun twice = CliRun.of("reproduce", "--from-text", "-", REPORTS + "/southshire-cdi.txt");
        assertEquals(2, twice.status(), twice.toString());
        CliRun missing = CliRun.of("reproduce", "--from-text", REPORTS + "/nosuch.txt");
        assertEquals(1, missing.status(), missing.toString());
        assertTrue(missing.err().contains("nosuch.txt: does not exist"), missing.err());
        CliRun conflicting = CliRun.of("reproduce", "--from-text", REPORTS, "--rate", "93.2", "--margin", "2.3");
        assertEquals(2, conflicting.status(), conflicting.toString());
        CliRun moreThan = CliRun.of("reproduce", "--from-text", REPORTS, "--more-than", "4500");
        assertEquals(2, moreThan.status(), moreThan.toString());
    }

    @Test
    void pairingReportsItsPairsAndWarnsAtZero() throws IOException {
        Path file = dir.resolve("published.csv");
        // the inspectorate's labels change between years: "all crime (excl. fraud)" then "all crime"
        Files.writeString(file, "force,category,year,rate,margin\n"
                + "Northshire,all crime,2022,93.2,2.3\n"
                + "Northshire,all crime (excl. fraud),2017,87.8,1.7\n"
                + "Southshire,violence,2017,80.0,3.1\n"
                + "Southshire,violence,2022,89.1,4.3\n");
        CliRun fileOrder = CliRun.of("reproduce", "--cases", file.toString(), "--pair-by", "force,category");
        assertEquals(0, fileOrder.status(), fileOrder.toString());
        assertTrue(fileOrder.err().contains("--pair-by force,category: 1 pair formed from 4 rows (file order)"),
                fileOrder.err());
        // with the alias and the year, Northshire's 2022 figure is compared with its 2017 one, not the reverse
        CliRun aliased = CliRun.of("reproduce", "--cases", file.toString(), "--pair-by", "force,category",
                "--alias", "all crime (excl. fraud)=all crime", "--order-by", "year");
        assertEquals(0, aliased.status(), aliased.toString());
        assertTrue(aliased.err().contains("--pair-by force,category: 2 pairs formed from 4 rows (ordered by year)"),
                aliased.err());
        List<CSVRecord> rows = csv(aliased.out());
        assertEquals("3", rows.get(0).get("paired_with_line"), "2022 against the 2017 row on line 3");
        assertEquals("", rows.get(1).get("paired_with_line"));
        // (93.2 - 87.8) / sqrt((2.3/z)^2 + (1.7/z)^2) = 3.7005 (the seed report's z, DESIGN.md)
        assertEquals(3.7005408, Double.parseDouble(rows.get(0).get("z")), 1e-6);
        assertEquals("4", rows.get(3).get("paired_with_line"));
        // an alias file does the same
        Path aliases = dir.resolve("aliases.csv");
        Files.writeString(aliases, "label,category\nall crime (excl. fraud),all crime\n");
        CliRun fromFile = CliRun.of("reproduce", "--cases", file.toString(), "--pair-by", "force,category",
                "--aliases", aliases.toString(), "--order-by", "year");
        assertEquals(aliased.out(), fromFile.out());
        // no pair at all: a warning on standard error and in the notes; --strict fails
        CliRun none = CliRun.of("reproduce", "--cases", file.toString(), "--pair-by", "year,category");
        assertEquals(0, none.status(), none.toString());
        assertTrue(none.err().contains("warning: --pair-by year,category formed no pair"), none.err());
        assertTrue(csv(none.out()).get(0).get("notes").contains("formed no pair"), none.out());
        CliRun strict = CliRun.of("reproduce", "--cases", file.toString(), "--pair-by", "year,category", "--strict");
        assertEquals(1, strict.status(), strict.toString());
        assertTrue(strict.err().contains("--strict requires a pair"), strict.err());
        // an order cell without a year is bad data at its line and column
        Files.writeString(file, "force,year,rate,margin\nA,2017,80.0,3.1\nA,later,89.1,4.3\n");
        CliRun noYear = CliRun.of("reproduce", "--cases", file.toString(), "--pair-by", "force", "--order-by", "year");
        assertEquals(1, noYear.status(), noYear.toString());
        assertTrue(noYear.err().contains("line 3, column year: 'later' has no year or date to order by"), noYear.err());
        assertEquals(2, CliRun.of("reproduce", "--cases", file.toString(), "--order-by", "year").status());
    }

    @Test
    void theConsistentColumnOfAFileOfFigures() throws IOException {
        // the seed report's published figures, in its own column names: all crime is not asked for a tally;
        // sexual offences 99.0 +/- 1.7 comes from no tally with a Wald margin (TallyCheckTest)
        CliRun run = CliRun.of("reproduce", "--cases", "examples/data/published-figures.csv", "--columns",
                "rate=rate_pct,margin=margin_pct,previous_rate=previous_rate_pct,previous_margin=previous_margin_pct,"
                        + "published_more_than=published_unrecorded_over");
        assertEquals(0, run.status(), run.toString());
        List<CSVRecord> rows = csv(run.out());
        assertEquals("true", rows.get(0).get("consistent"), "the verdict and the z-test agree");
        assertEquals("", rows.get(0).get("implied_audited_lower"), "all crime: no tally asked");
        assertEquals("true", rows.get(1).get("consistent"));
        assertEquals("false", rows.get(2).get("consistent"));
        assertTrue(rows.get(2).get("notes").startsWith("no whole tally gives 99.0 +/- 1.7 with a Wald margin"),
                rows.get(2).get("notes"));
        // a verdict the figures contradict
        Path file = dir.resolve("claims.csv");
        Files.writeString(file, "category,rate,margin,previous_rate,previous_margin,published_verdict\n"
                + "all crime,90.1,3.0,88.9,2.8,a statistically significant improvement\n"
                + "all crime,90.1,3.0,88.9,2.8,no significant change\n"
                + "all crime,90.1,3.0,88.9,2.8,better\n");
        CliRun claims = CliRun.of("reproduce", "--cases", file.toString());
        assertEquals(1, claims.status(), claims.toString());
        assertTrue(claims.err().contains("line 4, column published_verdict: 'better' is invalid"), claims.err());
        Files.writeString(file, "category,rate,margin,previous_rate,previous_margin,published_verdict\n"
                + "all crime,90.1,3.0,88.9,2.8,a statistically significant improvement\n"
                + "all crime,90.1,3.0,88.9,2.8,no significant change\n");
        List<CSVRecord> checked = csv(CliRun.of("reproduce", "--cases", file.toString()).out());
        assertEquals("false", checked.get(0).get("consistent"));
        assertEquals("true", checked.get(1).get("consistent"));
    }

    @Test
    void issue16FindingsAboutReproduce() throws IOException {
        // stack traces before: ArithmeticException (overflow) in volumesConsistentWith
        CliRun huge = CliRun.of("reproduce", "--rate", "93.2", "--margin", "2.3", "--more-than", "9223372036854775807");
        assertEquals(1, huge.status(), huge.toString());
        assertEquals("recording-rate reproduce: --more-than (9223372036854775807) exceeds the supported limit 2^53 ="
                + " 9007199254740992: larger counts are not exact in double precision\n", huge.err());
        CliRun unit = CliRun.of("reproduce", "--rate", "93.2", "--margin", "2.3", "--more-than", "100", "--precision",
                "9223372036854775807");
        assertEquals(1, unit.status(), unit.toString());
        assertTrue(unit.err().startsWith("recording-rate reproduce: --precision (9223372036854775807) exceeds"), unit.err());
        assertFalse(unit.err().contains("Exception"), unit.err());
        // the message names the option typed, not the API's argument
        CliRun negative = CliRun.of("reproduce", "--rate", "93.2", "--margin", "2.3", "--more-than", "-5");
        assertEquals(1, negative.status(), negative.toString());
        assertEquals("recording-rate reproduce: --more-than (-5) must be a finite number, 0 or above\n", negative.err());
        // units: every rate, bound and margin a fraction in one row, without binary noise
        CliRun one = CliRun.of("reproduce", "--rate", "93.2", "--margin", "2.3", "--previous-rate", "87.8",
                "--previous-margin", "1.7", "--format", "csv");
        CSVRecord row = csv(one.out()).get(0);
        assertEquals("0.932", row.get("rate"));
        assertEquals("0.023", row.get("margin"));
        assertEquals("0.878", row.get("previous_rate"));
        assertEquals("0.017", row.get("previous_margin"));
        assertEquals("0.909", row.get("lower"));
        assertEquals("0.955", row.get("upper"));
        assertEquals("0.054", row.get("change"));
        CliRun json = CliRun.of("reproduce", "--rate", "93.2", "--margin", "2.3", "--format", "json");
        assertTrue(json.out().startsWith("{\"rate\": 0.932, \"margin\": 0.023,"), json.out());
        assertTrue(json.out().contains("\"upper\": 0.955,"), json.out());
        // a --cases file's own cells come back as read; the results are fractions
        Path file = dir.resolve("figures.csv");
        Files.writeString(file, "rate,margin\n93.2,2.3\n");
        CSVRecord cases = csv(CliRun.of("reproduce", "--cases", file.toString()).out()).get(0);
        assertEquals("93.2", cases.get("rate"));
        assertEquals("0.955", cases.get("upper"));
    }
}
