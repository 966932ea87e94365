package org.recordingrate.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recordingrate.format.ResultTable;

/**
 * What the reproduce results write (tables, summaries, one-line forms) and how reports are found and decoded,
 * with the numbers worked out independently:
 * <ul>
 *   <li>93.2% +/- 2.3% at 95%: se = 0.023 / 1.959963984540054 = 0.01173490950926704, implied audited
 *       0.932 x 0.068 / se^2 = 460.2198 (scipy: {@code norm.ppf(0.975)});</li>
 *   <li>against 87.8% +/- 1.7%: change 0.054, se = hypot(0.023, 0.017) / 1.959964 = 0.014592461656310448,
 *       z = 3.7005408183922093, p = 0.00021514046839888953, 95% interval 0.025399300707849817 to
 *       0.08260069929215018 (scipy: {@code 2 * norm.sf(z)}, {@code 0.054 -/+ norm.ppf(0.975) * se}).</li>
 * </ul>
 */
class ReproduceOutputsTest {

    private static final PublishedFigure NOW = new PublishedFigure(new BigDecimal("93.2"), new BigDecimal("2.3"), 0.95);
    private static final PublishedFigure BEFORE = new PublishedFigure(new BigDecimal("87.8"), new BigDecimal("1.7"), 0.95);

    private static Map<String, String> onlyRow(ResultTable table) {
        StringWriter out = new StringWriter();
        table.writeCsv(out);
        String[] lines = out.toString().split("\\R");
        String[] header = lines[0].split(",", -1);
        String[] values = lines[1].split(",", -1);
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
            row.put(header[i], i < values.length ? values[i] : "");
        }
        return row;
    }

    private static void value(double expected, Map<String, String> row, String column, double tolerance) {
        assertTrue(row.containsKey(column), column + " in " + row);
        assertEquals(expected, Double.parseDouble(row.get(column)), tolerance, column + " in " + row);
    }

    @Test
    void aFiguresRowHasItsStandardErrorIntervalAndAuditedCounts() {
        Map<String, String> row = onlyRow(NOW.table());
        value(0.932, row, "rate", 1e-12);
        value(0.023, row, "margin", 1e-12);
        value(0.95, row, "confidence", 1e-12);
        value(0.01173490950926704, row, "se", 1e-8);
        value(0.909, row, "lower", 1e-8);
        value(0.955, row, "upper", 1e-8);
        value(460.21983784557835, row, "implied_audited", 1e-2);
        TallyCheck tally = TallyCheck.of(NOW);
        value(tally.auditedLower(), row, "implied_audited_lower", 0);
        value(tally.auditedUpper(), row, "implied_audited_upper", 0);
        assertEquals("", row.get("change"));
        assertEquals("", row.get("previous_rate"));
        assertEquals("", row.get("volume_upper"));
    }

    @Test
    void aComparisonsRowSummaryAndLine() {
        PublishedComparison comparison = NOW.compareWith(BEFORE);
        Map<String, String> row = onlyRow(comparison.table());
        value(0.878, row, "previous_rate", 1e-12);
        value(0.017, row, "previous_margin", 1e-12);
        value(0.054, row, "change", 1e-8);
        value(3.7005408183922093, row, "z", 1e-4);
        value(0.00021514046839888953, row, "p_value", 1e-7);
        assertTrue(row.get("verdict").contains("improvement"), row.toString());
        assertEquals(0.025399300707849817, comparison.changeInterval(0.95).lower(), 1e-12);
        assertEquals(0.08260069929215018, comparison.changeInterval(0.95).upper(), 1e-12);
        String line = comparison.toString();
        assertTrue(line.startsWith(NOW + " vs " + BEFORE + ": +5.4 points, z = 3.70, p = 0.000215: "), line);
        String summary = comparison.summary();
        assertTrue(summary.contains("(se 1.46 points, 95% CI "), summary);
        assertTrue(summary.contains("z = 3.70"), summary);
        assertTrue(summary.startsWith("now         " + NOW), summary);
        // the figure's own summary: standard error to four digits, the implied audited count
        String own = NOW.summary();
        assertTrue(own.contains("standard error    1.173% (margin / 1.959964)"), own);
        assertTrue(own.contains("implied audited   about 460 "), own);
    }

    @Test
    void aResultWithUnrecordedCrimesAndVolumesSaysThem() {
        FigureResult plain = new FigureResult(NOW, Optional.of(NOW.compareWith(BEFORE)));
        String summary = plain.summary();
        assertTrue(summary.contains("consistent        "), summary);
        assertTrue(summary.startsWith(NOW.compareWith(BEFORE).summary()), summary);
        assertTrue(plain.toString().startsWith(NOW.compareWith(BEFORE).toString()), plain.toString());
        FigureResult alone = new FigureResult(NOW, Optional.empty());
        assertTrue(alone.summary().startsWith(NOW.summary()), alone.summary());
        assertTrue(alone.summary().contains(String.format(java.util.Locale.ROOT, "audited           %,d to %,d allow",
                TallyCheck.of(NOW).auditedLower(), TallyCheck.of(NOW).auditedUpper())), alone.summary());
        assertTrue(alone.toString().startsWith(NOW.toString()), alone.toString());
    }

    @Test
    void aReportsTableSummaryAndLineCarryEveryFigureAndNote() {
        String text = "We estimate that Northshire is recording 93.2 percent (with a confidence interval of +/- 2.3"
                + " percent) of all reported crime. This is a statistically significant improvement compared with"
                + " 87.8 percent (+/- 1.7 percent) in 2017.\n";
        PublishedReport report = PublishedReport.parse("north", text);
        assertEquals(1, report.figures().size(), report.toString());
        ReportFigure figure = report.figures().get(0);
        assertTrue(figure.isAllCrime());
        assertEquals("1 report read, 1 figure found, 0 inconsistent", report.counts());
        assertEquals(report.counts() + ": " + figure, report.toString());
        assertTrue(figure.toString().startsWith("line 1: all crime " + NOW + " vs " + BEFORE
                + ": statistically significant improvement, consistent"), figure.toString());
        String summary = figure.summary();
        assertTrue(summary.startsWith("north line 1: all crime (\""), summary);
        assertTrue(summary.contains("  published  " + NOW + " vs " + BEFORE + " (2017): statistically significant"
                + " improvement\n"), summary);
        assertTrue(summary.contains("  recomputed +5.4 points, z = 3.70, p = 0.000215: "), summary);
        assertTrue(summary.contains("  consistent true\n"), summary);
        assertTrue(report.summary().startsWith(report.counts() + "\n" + summary), report.summary());
        Map<String, String> row = onlyRow(report.table());
        assertEquals("north", row.get("file"));
        value(0.054, row, "change", 1e-8);
        value(1, row, "line", 0);
        assertEquals(onlyRow(figure.table()), row);
        // a report with no figures: its note in the table and the summary
        PublishedReport none = PublishedReport.parse("empty", "Nothing about recording here.\n");
        assertEquals(0, none.figures().size());
        assertEquals(1, none.notes().size(), none.notes().toString());
        assertTrue(none.table().notes().get(0).startsWith("empty: no crime data integrity figures found"),
                none.table().notes().toString());
        assertTrue(none.summary().contains("note: empty: no crime data integrity figures found"), none.summary());
        assertTrue(!none.figures().stream().anyMatch(ReportFigure::isAllCrime));
    }

    @Test
    void aFolderIsReadForReportsOnlyAndStreamsAreDecoded(@TempDir Path dir) throws IOException {
        String figure = "We estimate that the force is recording 90.0 percent (+/- 3.5 percent) of violent crime.\n";
        Files.writeString(dir.resolve("a.txt"), figure);
        Files.writeString(dir.resolve(".hidden.txt"), figure);
        Files.writeString(dir.resolve("figures.csv"), figure);
        PublishedReport report = PublishedReport.read(dir);
        assertEquals(1, report.reports().size(), report.toString());
        assertEquals(1, report.figures().size());
        // a stream: text with a byte-order mark
        byte[] bom = ("\uFEFF" + figure).getBytes(StandardCharsets.UTF_8);
        PublishedReport stream = PublishedReport.read("-", new ByteArrayInputStream(bom));
        assertEquals(1, stream.figures().size());
        assertEquals("-", stream.figures().get(0).file());
        // a stream that starts like a PDF but is only its five-byte signature: read as a PDF, and refused
        IllegalArgumentException pdf = assertThrows(IllegalArgumentException.class,
                () -> PublishedReport.read("short", new ByteArrayInputStream("%PDF-".getBytes(StandardCharsets.US_ASCII))));
        assertTrue(pdf.getMessage().contains("short"), pdf.getMessage());
        // four bytes of it are text
        assertEquals(0, PublishedReport.read("four", new ByteArrayInputStream("%PDF".getBytes(StandardCharsets.US_ASCII)))
                .figures().size());
        // invalid UTF-8 on line 3 is named so
        byte[] bad = "one\ntwo\nthr\u00e9e\n".getBytes(StandardCharsets.ISO_8859_1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PublishedReport.read("latin", new ByteArrayInputStream(bad)));
        assertTrue(e.getMessage().contains("latin") && e.getMessage().contains("3"), e.getMessage());
    }
}
