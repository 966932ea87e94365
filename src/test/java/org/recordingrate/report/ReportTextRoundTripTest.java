package org.recordingrate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.recordingrate.compare.ChangeTest;
import org.recordingrate.compare.Verdict;
import org.recordingrate.estimate.AllCrimeMethod;
import org.recordingrate.estimate.CategoryEstimate;
import org.recordingrate.io.InspectionSource;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Names;
import org.recordingrate.reproduce.FigureCheck;
import org.recordingrate.reproduce.PublishedReport;
import org.recordingrate.reproduce.ReportFigure;

/**
 * Issue 21's round trip: the report's own text ({@link Report#text()}, what {@code report --format
 * text} prints, worded by {@link InspectorsWords}) read back by {@link PublishedReport} gives the
 * figures it was made from: each row's rate and margin to one decimal, the earlier inspection's,
 * the verdict, "more than N", the force, the inspection and the previous inspection's label.
 */
class ReportTextRoundTripTest {

    private static Inspection read(String file, String volumes) {
        return InspectionSource.read(Path.of("examples/data", file),
                volumes == null ? Optional.empty() : Optional.of(Path.of("examples/data", volumes))).inspections().get(0);
    }

    private static String oneDecimal(double fraction) {
        return String.format(Locale.ROOT, "%.1f", 100 * fraction);
    }

    /** Reads the report's text back and checks every row against what made it. */
    private static PublishedReport roundTrip(Report report, String label) {
        PublishedReport read = PublishedReport.parse("report.txt", report.text());
        List<ReportRow> rows = report.rows();
        assertEquals(rows.size(), read.figures().size(), read.summary());
        for (ReportRow row : rows) {
            ReportFigure figure = read.figures().stream().filter(f -> Names.same(f.category(), row.category()))
                    .findFirst().orElseThrow(() -> new AssertionError(row.category() + " not read: " + read.summary()));
            String where = figure.toString();
            CategoryEstimate after = row.after();
            assertEquals(oneDecimal(after.rate()), figure.figure().ratePercent().toPlainString(), where);
            assertEquals(oneDecimal(after.margin()), figure.figure().marginPercent().toPlainString(), where);
            assertEquals(report.confidence(), figure.figure().confidence(), where);
            if (row.before().isPresent()) {
                assertEquals(oneDecimal(row.before().get().rate()), figure.previous().get().ratePercent().toPlainString(),
                        where);
                assertEquals(oneDecimal(row.before().get().margin()),
                        figure.previous().get().marginPercent().toPlainString(), where);
                Verdict verdict = FigureCheck.verdict(row.change().get().verdict());
                assertEquals(Optional.of(verdict), figure.publishedVerdict(), where);
                assertEquals(Optional.of(label), figure.previousLabel(), where);
            } else {
                assertEquals(Optional.empty(), figure.previous(), where);
            }
            OptionalLong moreThan = after.unrecorded().isUnbounded() ? OptionalLong.empty() : after.unrecorded().moreThan();
            assertEquals(moreThan, figure.moreThan(), where);
            assertEquals(Optional.of(report.force()), figure.force(), where);
            assertEquals(Optional.of(report.after().name()), figure.inspection(), where);
            assertEquals(row.category(), figure.publishedCategory().replaceFirst("^(all )?reported ", "")
                    .replace("crime", row.kind() == org.recordingrate.model.RowKind.ALL_CRIME ? "all crime" : "crime")
                    .replace("all all crime", "all crime"), where);
        }
        return read;
    }

    @Test
    void theBundledInspectionFilesReportReadsBackExactly() {
        Report report = Report.of(read("cdi-2017.csv", null), read("peel-2022.csv", null)).force("Cambridgeshire")
                .since("2017");
        PublishedReport read = roundTrip(report, "2017");
        // figures rounded to one decimal still come from a tally, and the verdicts stand
        assertEquals(List.of(), read.inconsistent(), read.summary());
        assertEquals("1 report read, 4 figures found, 0 inconsistent", read.counts());
    }

    @Test
    void otherLevelsTestsAndLabelsReadBackToo() {
        // a 99 percent margin and the chi-square test at 1 percent; the label defaults to the earlier inspection's name
        // (the bundled audit files' report: ReproduceTextCommandTest, through the command line)
        Report report = Report.of(read("cdi-2017.csv", null), read("peel-2022.csv", null)).force("Cambridgeshire")
                .withConfidence(0.99).with(ChangeTest.CHISQ_YATES).withSignificance(0.01);
        PublishedReport read = roundTrip(report, report.previousLabel());
        for (ReportFigure figure : read.figures()) {
            assertEquals(0.99, figure.figure().confidence());
            assertEquals(0.01, figure.significance(), figure.toString());
        }
        assertTrue(read.figures().get(1).notes().stream().anyMatch(n -> n.startsWith("the report's verdict rests on"
                + " chi-square test with Yates' correction")), read.figures().get(1).notes().toString());
    }

    @Test
    void intervalsByAnotherMethodAreNotReadAndSaySo() {
        Report report = Report.of(read("cdi-2017.csv", null), read("peel-2022.csv", null)).force("Cambridgeshire")
                .with(AllCrimeMethod.WILSON);
        PublishedReport read = PublishedReport.parse("wilson.txt", report.text());
        assertEquals(0, read.figures().size(), read.summary());
        assertEquals(4, read.notes().size(), read.notes().toString());
        assertTrue(read.notes().get(0).contains("is given with an interval"), read.notes().get(0));
    }
}
