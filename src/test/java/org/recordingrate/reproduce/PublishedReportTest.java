package org.recordingrate.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recordingrate.compare.Verdict;

/**
 * Figures read from the synthetic report paragraphs of {@code src/test/resources/reports} (written
 * for these tests in the inspectors' style; see its README). Expected z-values, volume ranges and
 * tallies are those printed by {@code make-figures.py} beside them.
 */
class PublishedReportTest {

    private static final Path REPORTS = Path.of("src/test/resources/reports");

    /** One expected row: the figures as printed, where the sentence starts, and the check. */
    private static void row(ReportFigure f, String category, String published, String rate, String margin,
                            String previousRate, String previousMargin, String label, Verdict verdict, Long moreThan,
                            long line, Boolean consistent) {
        String where = f.toString();
        assertEquals(category, f.category(), where);
        assertEquals(published, f.publishedCategory(), where);
        assertEquals(rate, f.figure().ratePercent().toPlainString(), where);
        assertEquals(margin, f.figure().marginPercent().toPlainString(), where);
        assertEquals(Optional.ofNullable(previousRate), f.previous().map(p -> p.ratePercent().toPlainString()), where);
        assertEquals(Optional.ofNullable(previousMargin), f.previous().map(p -> p.marginPercent().toPlainString()), where);
        assertEquals(Optional.ofNullable(label), f.previousLabel(), where);
        assertEquals(Optional.ofNullable(verdict), f.publishedVerdict(), where);
        assertEquals(moreThan == null ? OptionalLong.empty() : OptionalLong.of(moreThan), f.moreThan(), where);
        assertEquals(line, f.line(), where);
        assertEquals(Optional.ofNullable(consistent), f.check().consistent(), where + " " + f.notes());
    }

    @Test
    void everyVariantOfTheInspectorsPhrasing() {
        PublishedReport report = PublishedReport.read(REPORTS.resolve("northshire-peel.txt"));
        assertEquals("1 report read, 5 figures found, 0 inconsistent", report.counts());
        List<ReportFigure> rows = report.figures();
        assertEquals(5, rows.size());
        for (ReportFigure f : rows) {
            assertEquals(Optional.of("Northshire Constabulary"), f.force());
            assertEquals(Optional.of("PEEL 2023\u201325"), f.inspection());
        }
        // "that that the", a sentence over three lines, "didn’t" with a curly apostrophe; the percentages
        // of emergency calls (line 9) and of effective investigations are not recording rates
        row(rows.get(0), "all crime", "all reported crime (excluding fraud)", "91.4", "2.6", "86.2", "2.0", "2019",
                Verdict.IMPROVEMENT, 7500L, 15, true);
        // a heading, "records", no-break spaces, "per cent", "±", "not a statistically significant change" after a
        // semicolon, "It didn't record more than 2,100 of these crimes"
        row(rows.get(1), "violence", "reported violent crime", "88.0", "3.4", "83.6", "4.0", "2019", Verdict.NO_CHANGE,
                2100L, 23, true);
        // "For CATEGORY,", "%", the previous inspection unlabelled, "statisti-" / "cally" hyphenated at a line end
        row(rows.get(2), "sexual offences", "sexual offences", "95.9", "2.8", "87.7", "4.9", null, Verdict.IMPROVEMENT,
                null, 28, true);
        // "plus or minus 2.6 percentage points" between commas, "deterioration", "when we found ... was recording"
        row(rows.get(3), "other crime", "other crime", "91.4", "2.6", "96.0", "1.8", "2019", Verdict.DETERIORATION,
                null, 32, true);
        // "(with a 95 percent confidence interval of", "This is not a statistically significant change"
        row(rows.get(4), "rape", "reported rape offences", "93.3", "4.8", "87.1", "6.5", "2019", Verdict.NO_CHANGE,
                null, 37, true);
        // recomputed z-tests (make-figures.py): 3.1070289438549703, 1.6427109833349187, 2.8477851764857594,
        // -2.85105714860098, 1.5038912974601035; p = 0.0018897789505681391, ...
        double[] z = {3.1070289438549703, 1.6427109833349187, 2.8477851764857594, -2.85105714860098, 1.5038912974601035};
        double[] p = {0.0018897789505681391, 0.10044274523752945, 0.004402463102661383, 0.004357413709315774,
            0.13260935814424188};
        for (int i = 0; i < 5; i++) {
            assertEquals(z[i], rows.get(i).check().comparison().get().z(), 1e-12);
            assertEquals(p[i], rows.get(i).check().comparison().get().pValue(), 1e-12 * p[i] + 1e-15);
        }
        // each category figure comes from a tally (make-figures.py: 301/342, 188/196, 402/440, 97/104)
        assertEquals(Optional.empty(), rows.get(0).check().tally(), "no tally is asked of all crime");
        assertEquals(342, rows.get(1).check().tally().get().example().get().audited());
        assertEquals(List.of(), report.notes());
    }

    @Test
    void aContradictedVerdictIsFlaggedWithItsLine() {
        PublishedReport report = PublishedReport.read(REPORTS.resolve("southshire-cdi.txt"));
        assertEquals("1 report read, 2 figures found, 1 inconsistent", report.counts());
        ReportFigure all = report.inconsistent().get(0);
        assertEquals(Optional.of("Southshire Police"), all.force());
        assertEquals(Optional.of("CDI 2019"), all.inspection());
        // make-figures.py: (90.1, 3.0, 88.9, 2.8): z = 0.5731367985857112, p = 0.5665520730966365
        row(all, "all crime", "all reported crime (excluding fraud)", "90.1", "3.0", "88.9", "2.8", "2016",
                Verdict.IMPROVEMENT, 9000L, 6, false);
        assertEquals(Verdict.NO_CHANGE, all.check().comparison().get().verdict());
        assertEquals("published \"statistically significant improvement\" but the figures give no statistically"
                + " significant change (z = 0.57, p = 0.5666), and no rounding of the printed figures gives a"
                + " statistically significant improvement", all.notes().get(0));
        row(report.figures().get(1), "violence", "reported violent offences", "92.5", "2.6", null, null, null, null,
                1900L, 13, true);
    }

    @Test
    void aMoreThanTheVolumeContradicts() {
        PublishedReport report = PublishedReport.read(REPORTS.resolve("northshire-peel.txt"));
        // make-figures.py: 7500 at 91.4: (79206, 81288); 2100 at 88.0: (15328, 16210)
        PublishedReport fits = report.withVolume("all crime", 80_000).withVolume("reported violent crime", 16_000);
        assertEquals(Optional.of(true), fits.figures().get(0).check().consistent());
        assertEquals(Optional.of(true), fits.figures().get(1).check().consistent());
        assertEquals(OptionalLong.of(16_000), fits.figures().get(1).volume());
        PublishedReport contradicted = report.withVolume("all crime", 62_000);
        ReportFigure all = contradicted.inconsistent().get(0);
        assertEquals(15, all.line());
        assertEquals(List.of("\"didn't record more than 7,500\" at 91.4 percent needs a volume of 79,206 to 81,288"
                + " recorded crimes; the volume is 62,000"), all.notes());
        assertEquals("1 report read, 5 figures found, 1 inconsistent", contradicted.counts());
    }

    @Test
    void variantsWithoutATitleAndFiguresThatAreNotRead() {
        PublishedReport report = PublishedReport.read(REPORTS.resolve("westshire-variants.txt"));
        List<ReportFigure> rows = report.figures();
        assertEquals(5, rows.size());
        // no title: the force from "We estimate that Westshire Police is recording", no inspection
        assertEquals(Optional.of("Westshire Police"), rows.get(0).force());
        assertEquals(Optional.empty(), rows.get(0).inspection());
        // "records 92.5% (±1.6%) of all crime": nothing to check for all crime alone
        row(rows.get(0), "all crime", "all crime", "92.5", "1.6", null, null, null, null, null, 1, null);
        // a 99% margin over two lines: make-figures.py "180/202 at 99%: (89.1, 5.6)"; "did not record more than"
        row(rows.get(1), "violence", "reported violence against the person", "89.1", "5.6", null, null, null, null,
                3300L, 3, true);
        assertEquals(0.99, rows.get(1).figure().confidence());
        // the previous figure first, then "is now recording"
        row(rows.get(2), "sexual offences", "reported sexual offences", "89.1", "4.3", "80.0", "3.1", "2017",
                Verdict.IMPROVEMENT, null, 7, true);
        // "left fewer than one of these crimes unrecorded" reads as 0
        row(rows.get(3), "robbery", "reported robbery", "97.9", "2.8", null, null, null, null, 0L, 16, true);
        // no whole tally gives 81.37 +/- 3.23 (make-figures.py: 0 tallies up to n = 5,000)
        row(rows.get(4), "public order", "reported public order offences", "81.37", "3.23", null, null, null, null,
                null, 20, false);
        assertEquals(List.of(
                "src/test/resources/reports/westshire-variants.txt: line 11: the figure 92.5 percent of reported burglary"
                        + " is given with an interval (89.6 to 94.6 percent), not a +/- margin: not read",
                "src/test/resources/reports/westshire-variants.txt: line 14: the figure 90.0 percent (+/- 3.5 percent)"
                        + " names no category: not read"), report.notes());
    }

    @Test
    void aReportWithoutACdiSectionGivesNoRowsAndANote() {
        PublishedReport report = PublishedReport.read(REPORTS.resolve("eastshire-no-cdi.txt"));
        assertEquals("1 report read, 0 figures found, 0 inconsistent", report.counts());
        assertEquals(List.of(), report.figures());
        assertEquals(Optional.of("Eastshire Police"), report.reports().get(0).force());
        assertEquals(1, report.notes().size());
        assertTrue(report.notes().get(0).endsWith("no crime data integrity figures found (no \"recording N percent"
                + " (with a confidence interval of +/- M percent) of ...\" sentence)"), report.notes().get(0));
        // the note reaches the table, which has no rows
        assertEquals(0, report.table().size());
        assertEquals(report.notes(), report.table().notes());
    }

    @Test
    void aFolderIsReadInNameOrderAsOneTable() {
        // README.md and make-figures.py beside the reports are not read
        PublishedReport all = PublishedReport.read(REPORTS);
        assertEquals("4 reports read, 12 figures found, 2 inconsistent", all.counts());
        assertEquals(List.of("eastshire-no-cdi.txt", "northshire-peel.txt", "southshire-cdi.txt",
                "westshire-variants.txt"), all.reports().stream().map(s -> Path.of(s.file()).getFileName().toString())
                .toList());
        StringWriter csv = new StringWriter();
        all.table().writeCsv(csv);
        String[] lines = csv.toString().split("\n");
        assertEquals("file,force,inspection,category,published_category,rate,margin,confidence,previous_rate,"
                + "previous_margin,previous_label,published_verdict,more_than,line,change,z,p_value,verdict,"
                + "implied_audited,implied_audited_lower,implied_audited_upper,volume,volume_lower,volume_upper,"
                + "consistent,notes", lines[0]);
        // fractions without binary noise: 91.4 +/- 2.6 is 0.914, 0.026; the change 91.4 - 86.2 is 0.052
        assertTrue(lines[1].startsWith("src/test/resources/reports/northshire-peel.txt,Northshire Constabulary,"
                + "PEEL 2023\u201325,all crime,all reported crime (excluding fraud),0.914,0.026,0.95,0.862,0.02,2019,"
                + "statistically significant improvement,7500,15,0.052,"), lines[1]);
        assertEquals(13, lines.length, "a header and 12 rows");
    }

    @Test
    void aPdfIsReadAsItsText() {
        // pdf/northshire-peel.pdf was made from northshire-peel.txt by Ghostscript (make-pdf.py), not by PDFBox:
        // its hyphens come back as U+2212 and its apostrophes as U+2019; every figure, word and line is the same
        List<ReportFigure> text = PublishedReport.read(REPORTS.resolve("northshire-peel.txt")).figures();
        List<ReportFigure> pdf = PublishedReport.read(REPORTS.resolve("pdf/northshire-peel.pdf")).figures();
        assertEquals(text.size(), pdf.size());
        for (int i = 0; i < text.size(); i++) {
            ReportFigure t = text.get(i);
            ReportFigure p = pdf.get(i);
            assertEquals(t.toString(), p.toString());
            assertEquals(t.previousLabel(), p.previousLabel(), p.toString());
            assertEquals(t.moreThan(), p.moreThan(), p.toString());
            assertEquals(t.publishedCategory(), p.publishedCategory(), p.toString());
            assertEquals(t.force(), p.force());
        }
        // the en dash of "PEEL 2023–25" is outside Latin 1: the PDF has a hyphen
        assertEquals(Optional.of("PEEL 2023-25"), pdf.get(0).inspection());
    }

    @Test
    void morePhrasingsOfThePreviousFigure() {
        String text = "Northshire Police records 93.2 percent (+/- 2.3 percent) of all crime. This compares with 87.8"
                + " percent (+/- 1.7 percent) in 2017, a statistically significant improvement.\n\n"
                + "In 2017 we estimated 80.0 percent (+/- 3.1 percent) for violence; the force is now recording 89.1"
                + " percent (+/- 4.3 percent) of violent crime. This is a significant increase.\n";
        List<ReportFigure> rows = PublishedReport.parse("phrasings", text).figures();
        assertEquals(2, rows.size(), rows.toString());
        row(rows.get(0), "all crime", "all crime", "93.2", "2.3", "87.8", "1.7", "2017", Verdict.IMPROVEMENT, null, 1,
                true);
        assertEquals(Optional.of("Northshire Police"), rows.get(0).force(), "the force from \"NAME records\"");
        row(rows.get(1), "violence", "violent crime", "89.1", "4.3", "80.0", "3.1", "2017", Verdict.IMPROVEMENT, null, 3,
                true);
    }

    @Test
    void repeatedFiguresAreReadOnce() {
        String paragraph = "We estimate that the force is recording 92.5 percent (with a confidence interval of +/- 2.6"
                + " percent) of reported violent offences.\n";
        PublishedReport report = PublishedReport.parse("summary-and-chapter", paragraph + "\n" + paragraph
                + "\nWe estimate that the force is recording 90.0 percent (+/- 3.5 percent) of violent crime.\n");
        assertEquals(2, report.figures().size());
        assertEquals(List.of("summary-and-chapter: line 3: violence repeats the figures of line 1",
                "summary-and-chapter: line 5: violence again, with other figures than line 1 (both kept)"),
                report.notes());
    }

    @Test
    void aReportNamingAnotherTestOrLevel() {
        String text = "We estimate that Northshire is recording 93.2 percent (with a 99 percent confidence interval of"
                + " +/- 3.0 percent) of all reported crime. This is a statistically significant improvement (Fisher's"
                + " exact test, at the 1 percent significance level) compared with the findings from our previous CDI"
                + " 2017 inspection, where we found 87.8 percent (with a 99 percent confidence interval of +/- 2.2"
                + " percent).";
        ReportFigure f = PublishedReport.parse("own", text).figures().get(0);
        assertEquals(0.01, f.significance());
        assertEquals(0.99, f.figure().confidence());
        assertEquals(Optional.of("CDI 2017"), f.previousLabel());
        assertEquals(Optional.of("Northshire"), f.force());
        assertTrue(f.notes().contains("the report's verdict rests on Fisher's exact test, at the 1 percent significance"
                + " level; recomputed here with the two-sample z-test on the published figures"), f.notes().toString());
        // z = 5.4 / sqrt((3.0/2.5758)^2 + (2.2/2.5758)^2) = 3.741 (R: qnorm(0.995) = 2.575829), p = 0.000183 < 0.01
        assertEquals(5.4 / Math.hypot(3.0 / 2.5758293035489004, 2.2 / 2.5758293035489004),
                f.check().comparison().get().z(), 1e-9);
        assertEquals(Optional.of(true), f.check().consistent());
    }

    @Test
    void badFilesAreRefusedWithTheirName(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("missing.txt");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PublishedReport.read(missing));
        assertEquals(missing + ": does not exist", e.getMessage());
        Path invalid = dir.resolve("latin1.txt");
        Files.write(invalid, "first line\nsecond line\nrecording 93.2 per cent \u00b1 2.3\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        e = assertThrows(IllegalArgumentException.class, () -> PublishedReport.read(invalid));
        assertTrue(e.getMessage().startsWith(invalid + " line 3: is not valid UTF-8"), e.getMessage());
        Path empty = dir.resolve("empty");
        Files.createDirectory(empty);
        e = assertThrows(IllegalArgumentException.class, () -> PublishedReport.read(empty));
        assertEquals(empty + ": holds no report (no .txt, .text or .pdf file)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PublishedReport.read(List.of()));
    }
}
