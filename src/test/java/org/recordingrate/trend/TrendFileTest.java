package org.recordingrate.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recordingrate.io.CsvInput;
import org.recordingrate.io.DataFileException;
import org.recordingrate.model.Tally;
import org.recordingrate.reproduce.PublishedFigure;

/**
 * Reading trends from every kind of file: each series read from a file gives the same trend as the
 * same inspections given to {@link TrendAnalysis} by hand.
 */
class TrendFileTest {

    @TempDir
    Path folder;

    private CsvInput csv(String name, String content) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return CsvInput.read(file);
    }

    @Test
    void publishedFigures_inTheirOwnColumnNames_giveTheMetaRegressionOfEachSeries() throws IOException {
        CsvInput input = CsvInput.read(Path.of("examples/data/trend-figures.csv"))
                .withColumns(Map.of("category", "crime_type", "rate", "recorded_pct", "margin", "ci_halfwidth_pct"));
        TrendFile.Read read = TrendFile.read(input, "inspection_year", TrendFile.BY);
        assertEquals(TrendFile.Kind.FIGURES, read.kind());
        assertEquals(4, read.series().size());
        Trends trends = TrendAnalysis.withDefaults().trends(read);
        Trend violence = trends.trend("Northshire", "violence");
        Trend byHand = TrendAnalysis.of(new double[] {2014, 2017, 2022}, PublishedFigure.fromPercent(74.5, 3.6),
                PublishedFigure.fromPercent(80.0, 3.1), PublishedFigure.fromPercent(89.1, 4.3));
        assertEquals(byHand.slope(), violence.slope(), 0);
        assertEquals(byHand.pValue(), violence.pValue(), 0);
        // metafor: rma(c(.745, .80, .891), vi, mods = ~ c(2014, 2017, 2022), method = "FE") gives b = 0.018247889999552985
        assertEquals(0.018247889999552985, violence.slope(), 1e-12);
        assertEquals("Northshire's recording of violence has improved by 1.8 points a year over the three inspections"
                + " since 2014 (95 percent confidence interval 1.1 to 2.5 points a year; test for trend p = 3.25e-07).",
                violence.sentence());
        assertEquals("Southshire's recording of all reported crime has not changed significantly over the three"
                + " inspections since 2014 (-0.0 points a year, 95 percent confidence interval -0.3 to +0.3; test for"
                + " trend p = 0.9961).", trends.trend("southshire", "ALL CRIME").sentence());
        assertEquals(List.of("force", "category"), trends.table().columns().stream().limit(2)
                .map(c -> c.name()).toList());
    }

    @Test
    void tallies_giveTheCochranArmitageTrendOfEachGroup() throws IOException {
        CsvInput input = csv("tallies.csv", "force,category,time,recorded,audited\n"
                + "A,violence,2014,150,200\nA,violence,2017,171,205\nA,violence,2022,188,202\n"
                + "B,violence,2014,180,200\nB,violence,2022,183,201\n");
        TrendFile.Read read = TrendFile.read(input, "time", TrendFile.BY);
        assertEquals(TrendFile.Kind.TALLIES, read.kind());
        assertEquals(1, read.series().size());
        assertEquals(List.of("force B, category violence: 2 inspections, left out (a trend needs three or more)"),
                read.notes());
        Trends trends = TrendAnalysis.withDefaults().trends(read);
        // R: prop.trend.test(c(150, 171, 188), c(200, 205, 202), score = c(2014, 2017, 2022)): X-squared = 24.017462057856708
        assertEquals(24.017462057856708, trends.trend("A", "violence").chiSquare(), 1e-10);
        assertTrue(trends.table().notes().get(0).contains("left out"));
    }

    @Test
    void inspectionFiles_giveEachCategoryAndAllCrime() {
        CsvInput input = CsvInput.read(Path.of("examples/data/trend-inspections.csv"));
        TrendFile.Read read = TrendFile.read(input, "year", List.of("force"));
        assertEquals(TrendFile.Kind.INSPECTIONS, read.kind());
        assertEquals(List.of("force", "category"), read.columns());
        assertEquals(8, read.series().size());
        Trends trends = TrendAnalysis.withDefaults().trends(read);
        Trend violence = trends.trend("Northshire", "violence");
        Trend byHand = TrendAnalysis.of(new double[] {2014, 2017, 2022}, Tally.of(148, 200), Tally.of(164, 205),
                Tally.of(180, 202));
        assertEquals(byHand.chiSquare(), violence.chiSquare(), 0);
        assertEquals(TrendMethod.COCHRAN_ARMITAGE, violence.method());
        Trend all = trends.trend("Northshire", "all crime");
        assertEquals(TrendMethod.FIXED_EFFECT, all.method());
        // all crime at 2014: W = (23000, 2100, 32000) / 57100, rate sum W p, se sqrt(sum W^2 p (1 - p) / n)
        double[] w = {23000 / 57100.0, 2100 / 57100.0, 32000 / 57100.0};
        double[] p = {148 / 200.0, 150 / 170.0, 560 / 640.0};
        double[] n = {200, 170, 640};
        double rate = 0;
        double variance = 0;
        for (int i = 0; i < 3; i++) {
            rate += w[i] * p[i];
            variance += w[i] * w[i] * p[i] * (1 - p[i]) / n[i];
        }
        assertEquals(rate, all.first().rate(), 1e-15);
        assertEquals(Math.sqrt(variance), all.first().standardError(), 1e-15);
        assertTrue(all.sentence().startsWith("Northshire's recording of all reported crime has improved by"),
                all.sentence());
    }

    @Test
    void recordLevelAuditFiles_giveWhatTheirTalliesGive() throws IOException {
        StringBuilder audit = new StringBuilder("inspection,year,force,record_id,category,recorded\n");
        StringBuilder volumes = new StringBuilder("inspection,category,volume\n");
        int[][] counts = {{14, 20, 9, 10}, {16, 20, 9, 11}, {19, 21, 10, 10}};
        String[] names = {"CDI 2014", "CDI 2017", "PEEL 2022"};
        String[] years = {"2014", "2017", "2022"};
        StringBuilder inspections = new StringBuilder("year,category,recorded,audited,volume\n");
        int id = 0;
        for (int t = 0; t < 3; t++) {
            int[] c = counts[t];
            for (int k = 0; k < c[1]; k++) {
                audit.append(names[t]).append(',').append(years[t]).append(",Northshire,R").append(id++)
                        .append(",violence,").append(k < c[0] ? "yes" : "no").append('\n');
            }
            for (int k = 0; k < c[3]; k++) {
                audit.append(names[t]).append(',').append(years[t]).append(",Northshire,R").append(id++)
                        .append(",other crime,").append(k < c[2] ? "yes" : "no").append('\n');
            }
            volumes.append(names[t]).append(",violence,2000\n").append(names[t]).append(",other crime,3000\n");
            inspections.append(years[t]).append(",violence,").append(c[0]).append(',').append(c[1]).append(",2000\n")
                    .append(years[t]).append(",other crime,").append(c[2]).append(',').append(c[3]).append(",3000\n");
        }
        Path auditFile = folder.resolve("audit.csv");
        Path volumesFile = folder.resolve("volumes.csv");
        Files.writeString(auditFile, audit);
        Files.writeString(volumesFile, volumes);
        TrendFile.Read read = TrendFile.readAudit(auditFile, volumesFile, Map.of(), "year", TrendFile.BY);
        assertEquals(TrendFile.Kind.AUDIT, read.kind());
        Trends fromRecords = TrendAnalysis.withDefaults().trends(read);
        CsvInput tallies = csv("inspections.csv", inspections.toString());
        Trends fromTallies = TrendAnalysis.withDefaults().trends(TrendFile.read(tallies, "year",
                TrendFile.defaultBy(tallies)));
        assertEquals(fromTallies.trend("violence").chiSquare(), fromRecords.trend("Northshire", "violence").chiSquare(), 0);
        assertEquals(fromTallies.trend("all crime").slope(), fromRecords.trend("Northshire", "all crime").slope(), 0);
        // a record whose time differs from its inspection's is an error at its line
        Files.writeString(auditFile, audit.toString().replace("CDI 2017,2017,Northshire,R35,", "CDI 2017,2018,Northshire,R35,"));
        DataFileException e = assertThrows(DataFileException.class,
                () -> TrendFile.readAudit(auditFile, volumesFile, Map.of(), "year", TrendFile.BY));
        assertEquals("year", e.column());
        assertTrue(e.getMessage().contains("differs from line"), e.getMessage());
    }

    @Test
    void datesAreDecimalYears_andBadTimesAreNamed() throws IOException {
        CsvInput input = csv("dates.csv", "time,recorded,audited\n2014-07-02,150,200\n2017-01-01,171,205\n"
                + "2022-12-31,188,202\n");
        Trend trend = TrendAnalysis.withDefaults().trends(TrendFile.read(input, "time", List.of())).trends().get(0);
        assertEquals(2014 + 182 / 365.0, trend.first().time(), 1e-12);
        assertEquals(2022 + 364 / 365.0, trend.last().time(), 1e-12);
        assertTrue(trend.sentence().contains("since 2014-07-02"), trend.sentence());
        DataFileException bad = assertThrows(DataFileException.class, () -> TrendFile.read(csv("bad.csv",
                "time,recorded,audited\n2014,150,200\nlast year,171,205\n2022,188,202\n"), "time", List.of()));
        assertEquals(3, bad.line());
        assertEquals("time", bad.column());
        DataFileException twice = assertThrows(DataFileException.class, () -> TrendFile.read(csv("twice.csv",
                "time,recorded,audited\n2014,150,200\n2014.0,171,205\n2022,188,202\n"), "time", List.of()));
        assertTrue(twice.getMessage().contains("repeats time 2014.0 of line 2"), twice.getMessage());
        DataFileException none = assertThrows(DataFileException.class, () -> TrendFile.read(csv("none.csv",
                "time,recorded,audited\n2014,150,200\n2022,188,202\n"), "time", List.of()));
        assertTrue(none.getMessage().contains("no series of three or more"), none.getMessage());
        assertThrows(DataFileException.class, () -> TrendFile.read(csv("notime.csv",
                "year,recorded,audited\n2014,150,200\n"), "time", List.of()));
        DataFileException impossible = assertThrows(DataFileException.class, () -> TrendFile.read(csv("over.csv",
                "time,recorded,audited\n2014,250,200\n2017,171,205\n2022,188,202\n"), "time", List.of()));
        assertEquals(2, impossible.line());
    }
}
