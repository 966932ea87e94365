package org.recordingrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recordingrate.compare.ChangeTest;
import org.recordingrate.compare.DifferenceMethod;
import org.recordingrate.estimate.AllCrimeMethod;
import org.recordingrate.estimate.IntervalMethod;
import org.recordingrate.model.Tally;
import org.recordingrate.reproduce.PublishedFigure;

/**
 * The command line for researchers reproducing published figures: files read in their own column
 * names, rows paired within a file, one-sided comparisons, the volumes behind a "more than N",
 * every method at once, and readable digits.
 */
class ResearcherCommandsTest {

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, content);
        return path;
    }

    private static List<CSVRecord> ok(CliRun run) throws IOException {
        assertEquals(0, run.status(), run.toString());
        return EstimateCommandTest.csv(run.out());
    }

    @Test
    void aPublishedFileIsReadInItsOwnColumnNamesAndComesBackUnchanged() throws IOException {
        Path cdi = file("cdi.csv", "force,rate_pct,ci_halfwidth_pct\nCambridgeshire,93.2,2.3\n");
        List<CSVRecord> rows = ok(CliRun.of("reproduce", "--cases", cdi.toString(), "--columns",
                "rate=rate_pct,margin=ci_halfwidth_pct", "--format", "csv"));
        assertEquals(List.of("force", "rate_pct", "ci_halfwidth_pct"), rows.get(0).getParser().getHeaderNames()
                .subList(0, 3), "the file's own columns, first and unchanged");
        assertEquals("93.2", rows.get(0).get("rate_pct"));
        // se = margin / z: 2.3% / qnorm(0.975)
        assertEquals(0.023 / 1.959963984540054, Double.parseDouble(rows.get(0).get("se")), 1e-15);
        // a column named in the map but absent is bad data naming it
        CliRun missing = CliRun.of("reproduce", "--cases", cdi.toString(), "--columns", "rate=rate_percent,margin=ci");
        BadInputTest.badData(missing, "cdi.csv", "rate_percent");
        // the same option on estimate
        Path tallies = file("t.csv", "n_recorded,n_audited\n188,202\n");
        List<CSVRecord> estimated = ok(CliRun.of("estimate", "--cases", tallies.toString(), "--columns",
                "recorded=n_recorded,audited=n_audited"));
        assertEquals(IntervalMethod.WILSON.interval(188, 202, 0.95).lower(),
                Double.parseDouble(estimated.get(0).get("lower")), 0.0);
    }

    @Test
    void rowsArePairedWithThePreviousRowOfTheirGroup() throws IOException {
        // two forces' all-crime figures over three inspections, interleaved in the file
        Path figures = file("f.csv", "force,year,rate,margin\nA,2017,87.8,1.7\nB,2017,90.0,2.0\nA,2019,90.1,2.0\n"
                + "A,2022,93.2,2.3\nB,2022,89.0,2.5\n");
        List<CSVRecord> rows = ok(CliRun.of("reproduce", "--cases", figures.toString(), "--pair-by", "force"));
        assertEquals("", rows.get(0).get("change"), "the first of a group has no comparison");
        assertEquals("", rows.get(1).get("change"));
        assertEquals("2", rows.get(2).get("paired_with_line"), "A 2019 against A 2017, on line 2");
        assertEquals("4", rows.get(3).get("paired_with_line"), "A 2022 against A 2019, on line 4");
        assertEquals("3", rows.get(4).get("paired_with_line"), "B 2022 against B 2017, on line 3");
        // A 2022 vs 2019: z = (93.2 - 90.1)/sqrt((2.3/z)^2 + (2.0/z)^2), computed here
        double z95 = 1.959963984540054;
        double z = 3.1 / Math.sqrt(Math.pow(2.3 / z95, 2) + Math.pow(2.0 / z95, 2));
        assertEquals(z, Double.parseDouble(rows.get(3).get("z")), 1e-9);
        // one tally per row for compare: the change from the previous row of each category
        Path tallies = file("t.csv", "category,year,recorded,audited\nviolence,2017,512,640\nsexual,2017,164,180\n"
                + "violence,2022,188,202\nsexual,2022,131,132\n");
        List<CSVRecord> changes = ok(CliRun.of("compare", "--cases", tallies.toString(), "--pair-by", "category",
                "--test", "fisher_exact"));
        assertEquals("", changes.get(0).get("p_value"));
        double fisher = ChangeTest.FISHER_EXACT.test(Tally.of(512, 640), Tally.of(188, 202),
                org.recordingrate.compare.Alternative.TWO_SIDED).pValue();
        assertEquals(fisher, Double.parseDouble(changes.get(2).get("p_value")), 0.0);
        assertEquals("2", changes.get(2).get("paired_with_line"));
    }

    @Test
    void oneSidedPublishedComparisons() throws IOException {
        double z95 = 1.959963984540054;
        double z = (93.2 - 87.8) / Math.hypot(2.3 / z95, 1.7 / z95);
        CSVRecord improved = ok(CliRun.of("reproduce", "--rate", "93.2", "--margin", "2.3", "--previous-rate", "87.8",
                "--previous-margin", "1.7", "--alternative", "improved", "--format", "csv")).get(0);
        // one-sided p = 1 - Phi(z) = erfc(z / sqrt 2) / 2
        assertEquals(org.apache.commons.math3.special.Erf.erfc(z / Math.sqrt(2)) / 2,
                Double.parseDouble(improved.get("p_value")), 1e-15);
        CSVRecord worse = ok(CliRun.of("reproduce", "--rate", "93.2", "--margin", "2.3", "--previous-rate", "87.8",
                "--previous-margin", "1.7", "--alternative", "deteriorated", "--format", "csv")).get(0);
        assertEquals("no statistically significant change", worse.get("verdict"));
        BadInputTest.usage(CliRun.of("reproduce", "--rate", "93.2", "--margin", "2.3", "--alternative", "up"),
                "'up'");
    }

    @Test
    void theVolumesBehindAPublishedMoreThan() throws IOException {
        CSVRecord row = ok(CliRun.of("reproduce", "--rate", "93.2", "--margin", "2.3", "--more-than", "4500",
                "--format", "csv")).get(0);
        // 4,500 <= V (1 - r)/r < 4,600 for some r in [93.15%, 93.25%): V >= 4500 r/(1 - r) at r = 0.9315 and
        // V < 4600 r/(1 - r) at r = 0.9325, computed here in 34-digit decimals
        MathContext mc = MathContext.DECIMAL128;
        BigDecimal low = new BigDecimal("0.9315");
        BigDecimal high = new BigDecimal("0.9325");
        long lower = new BigDecimal(4500).multiply(low).divide(BigDecimal.ONE.subtract(low), mc)
                .setScale(0, java.math.RoundingMode.CEILING).longValueExact();
        long upper = new BigDecimal(4600).multiply(high).divide(BigDecimal.ONE.subtract(high), mc)
                .setScale(0, java.math.RoundingMode.CEILING).longValueExact() - 1;
        assertEquals(lower, Long.parseLong(row.get("volume_lower")));
        assertEquals(upper, Long.parseLong(row.get("volume_upper")));
        // each end gives "more than 4,500" when the rate is at the matching edge of its rounding
        assertEquals(4500, PublishedFigure.fromPercent(93.15, 2.3).unrecorded(lower).moreThan(100).getAsLong());
        assertEquals(4500, PublishedFigure.fromPercent(93.25, 2.3).unrecorded(upper).moreThan(100).getAsLong());
        assertEquals(4400, PublishedFigure.fromPercent(93.15, 2.3).unrecorded(lower - 1).moreThan(100).getAsLong());
        assertEquals(4600, PublishedFigure.fromPercent(93.25, 2.3).unrecorded(upper + 1).moreThan(100).getAsLong());
    }

    @Test
    void everyMethodAtOnce() throws IOException {
        List<CSVRecord> rows = ok(CliRun.of("estimate", "--recorded", "180", "--audited", "202", "--method", "all",
                "--format", "csv"));
        assertEquals(IntervalMethod.values().length, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            IntervalMethod method = IntervalMethod.values()[i];
            assertEquals(method.token(), rows.get(i).get("method"));
            assertEquals(method.interval(180, 202, 0.95).upper(), Double.parseDouble(rows.get(i).get("upper")), 0.0);
        }
        Path cases = file("c.csv", "id,recorded,audited\nx,1,2\ny,3,4\n");
        List<CSVRecord> both = ok(CliRun.of("estimate", "--cases", cases.toString(), "--method", "all"));
        assertEquals(2 * IntervalMethod.values().length, both.size());
        List<CSVRecord> inspection = ok(CliRun.of("estimate", "examples/data/peel-2022.csv", "--method", "all"));
        assertEquals(4 * AllCrimeMethod.values().length, inspection.size(), "3 categories and all crime per method");
        List<CSVRecord> pairs = ok(CliRun.of("compare", "--before", "512/640", "--after", "188/202", "--method", "all",
                "--test", "all", "--format", "csv"));
        assertEquals(DifferenceMethod.values().length * ChangeTest.values().length, pairs.size());
        assertTrue(pairs.stream().anyMatch(r -> r.get("method").equals("newcombe") && r.get("test").equals("boschloo")));
        BadInputTest.usage(CliRun.of("compare", "examples/data/cdi-2017.csv", "examples/data/peel-2022.csv", "--method",
                "all"), "--method all");
    }

    /** An unknown tool name in {@code --columns} is a usage error naming it and what was meant, in every command. */
    @Test
    void anUnknownColumnNameIsAUsageErrorNamingItAndTheNearest() throws IOException {
        Path cdi = file("cdi-typo.csv", "force,rate_pct,ci_halfwidth_pct\nCambridgeshire,93.2,2.3\n");
        CliRun typo = CliRun.of("reproduce", "--cases", cdi.toString(), "--columns", "rte=rate_pct,margin=ci_halfwidth_pct");
        BadInputTest.usage(typo, "--columns", "'rte'", "did you mean rate");
        Path cases = file("cases-typo.csv", "recorded,audited\n180,202\n");
        BadInputTest.usage(CliRun.of("estimate", "--cases", cases.toString(), "--columns", "recordd=recorded"),
                "--columns", "'recordd'", "recorded");
        BadInputTest.usage(CliRun.of("bootstrap", "examples/data/peel-2022.csv", "--columns", "volumes=volume"),
                "--columns", "'volumes'", "volume");
        // a known name still reads the file's own column
        List<CSVRecord> rows = ok(CliRun.of("reproduce", "--cases", cdi.toString(), "--columns",
                "RATE=rate_pct, margin =ci_halfwidth_pct"));
        assertEquals(1, rows.size());
    }

    /**
     * {@code --method all} on tallies beyond the exact unconditional interval's 5,000 audited: every other
     * method answers, that one is left out with its reason (a note on the table, or on the case's row),
     * never exit 1 for the whole run.
     */
    @Test
    void methodAllLeavesOutTheExactUnconditionalIntervalBeyondItsSizeWithANote() throws IOException {
        CliRun large = CliRun.of("compare", "--before", "5120/6400", "--after", "1880/2020", "--method", "all",
                "--format", "csv");
        List<CSVRecord> rows = ok(large);
        assertEquals(DifferenceMethod.values().length - 1, rows.size());
        assertTrue(rows.stream().noneMatch(r -> r.get("method").equals("exact_unconditional")), large.out());
        assertTrue(rows.get(0).get("notes").contains("exact_unconditional left out: 8,420 audited in all"), large.out());
        assertTrue(large.err().contains("note: exact_unconditional left out"), large.err());
        Path cases = file("pairs.csv", "recorded_before,audited_before,recorded_after,audited_after\n"
                + "512,640,188,202\n5120,6400,1880,2020\n");
        List<CSVRecord> both = ok(CliRun.of("compare", "--cases", cases.toString(), "--method", "all"));
        assertEquals(2 * DifferenceMethod.values().length, both.size(), "every row kept, the left-out one blank");
        CSVRecord small = both.stream().filter(r -> r.get("audited_before").equals("640")
                && r.get("method").equals("exact_unconditional")).findFirst().orElseThrow();
        assertFalse(small.get("lower").isEmpty());
        CSVRecord left = both.stream().filter(r -> r.get("audited_before").equals("6400")
                && r.get("method").equals("exact_unconditional")).findFirst().orElseThrow();
        assertTrue(left.get("lower").isEmpty() && left.get("notes").contains("left out"), left.toString());
    }

    @Test
    void digitsMakeTablesReadableAndStayTheSameBytes() throws IOException {
        CliRun full = CliRun.of("estimate", "--recorded", "188", "--audited", "202", "--format", "csv");
        CliRun short1 = CliRun.of("estimate", "--recorded", "188", "--audited", "202", "--format", "csv", "--digits", "4");
        CliRun short2 = CliRun.of("estimate", "--recorded", "188", "--audited", "202", "--format", "csv", "--digits", "4");
        assertEquals(short1.out(), short2.out());
        CSVRecord exact = ok(full).get(0);
        CSVRecord rounded = ok(short1).get(0);
        assertEquals("188", rounded.get("recorded"), "counts are whole and untouched");
        assertEquals(new BigDecimal(exact.get("lower")).round(new MathContext(4)).stripTrailingZeros().toPlainString(),
                rounded.get("lower"));
        CliRun json = CliRun.of("estimate", "--recorded", "188", "--audited", "202", "--format", "json", "--digits", "3");
        assertTrue(json.out().contains("\"rate\": 0.931"), json.out());
        BadInputTest.usage(CliRun.of("estimate", "--recorded", "1", "--audited", "2", "--digits", "0"), "--digits");
    }

    @Test
    void publishedFiguresAreQuotedAsGiven() {
        CliRun run = CliRun.of("reproduce", "--rate", "99.0", "--margin", "1.66");
        assertEquals(0, run.status(), run.toString());
        assertTrue(run.out().contains("99.0% (+/- 1.66%)"), run.out());
    }
}
