package org.recordingrate.report;

import org.recordingrate.format.ResultTable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.recordingrate.compare.ChangeTest;
import org.recordingrate.compare.DifferenceMethod;
import org.recordingrate.compare.PValueAdjustment;
import org.recordingrate.estimate.AllCrimeMethod;
import org.recordingrate.estimate.CategoryEstimate;
import org.recordingrate.estimate.InspectionEstimate;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.RowKind;

/**
 * The report on the bundled example: its rows, its choices named in its words, and its documents.
 * That its numbers are those of the {@code estimate} and {@code compare} commands is checked
 * against their output in cli/ReportCommandTest.
 */
class ReportTest {

    private static String percent(double fraction) {
        return new java.math.BigDecimal(Double.toString(100 * fraction)).setScale(1, java.math.RoundingMode.HALF_UP)
                .toPlainString();
    }

    @Test
    void rowsAndParagraphsInOrder() {
        Report report = ForestPlotTest.bundled();
        assertEquals(List.of("violence", "sexual offences", "other crime", "all crime"),
                report.rows().stream().map(ReportRow::category).toList());
        List<Paragraph> paragraphs = report.paragraphs();
        assertEquals(RowKind.ALL_CRIME, paragraphs.get(0).kind());
        assertEquals("violence", paragraphs.get(1).category());
        assertTrue(report.notes().isEmpty());
        assertEquals("Cambridgeshire", report.force());
        assertEquals("2017", report.previousLabel());
        // the defaults: the published convention
        assertEquals(AllCrimeMethod.WALD, report.estimator().method());
        assertEquals(DifferenceMethod.WALD, report.comparison().method());
        assertEquals(ChangeTest.Z_UNPOOLED, report.comparison().test());
        assertEquals(0.05, report.comparison().significance());
    }

    @Test
    void otherChoicesAreNamedInTheText() {
        Report report = ForestPlotTest.bundled().with(AllCrimeMethod.WILSON).with(ChangeTest.FISHER_EXACT)
                .with(PValueAdjustment.HOLM).withConfidence(0.9);
        InspectionEstimate after = report.estimateAfter();
        CategoryEstimate violence = after.categories().get(0);
        String text = report.rows().get(0).paragraph().text();
        assertTrue(text.contains("recording " + percent(violence.rate()) + " percent (with a 90 percent Wilson confidence "
                + "interval of " + percent(violence.lower()) + " to " + percent(violence.upper()) + " percent) of reported "
                + "violence."), text);
        assertTrue(text.contains(" (Fisher's exact test, holm-adjusted across 3 categories, at the 5 percent significance "
                + "level) compared with"), text);
        String all = report.paragraphs().get(0).text();
        assertTrue(all.contains(" (two-sample z-test on the volume-weighted rates, at the 5 percent significance level) "
                + "compared with"), all);
        assertEquals(List.of("category", "rate_before", "lower_before", "upper_before", "rate", "lower", "upper", "change",
                "change_lower", "change_upper", "p_value", "test", "p_adjusted", "verdict"),
                report.shownTable().columns().stream().map(ResultTable.Column::name).toList());
        assertTrue(report.methods().contains("Wilson intervals at 90%"), report.methods());
        assertTrue(report.methods().contains("Fisher's exact test, two-sided, significant at 5%"), report.methods());
        assertTrue(report.methods().contains("holm-adjusted"), report.methods());
        // the verdict each paragraph states is the one beside it in the table, on the adjusted p
        for (ReportRow row : report.rows()) {
            assertTrue(row.paragraph().text().contains("This is " + (row.change().get().verdict().startsWith("no")
                    ? "not a statistically significant change" : "a " + row.change().get().verdict())), row.category());
        }
    }

    @Test
    void categoriesAuditedOnce() {
        Inspection then = Inspection.builder("2019").category("violence", 190, 202, 25_000)
                .category("burglary", 90, 100, 5_000).build();
        Inspection now = Inspection.builder("2023").category("violence", 180, 202, 25_000)
                .category("fraud", 40, 50, 9_000).build();
        Report report = Report.of(then, now);
        assertEquals("2023", report.force());
        assertEquals(List.of("violence", "fraud", "all crime"), report.rows().stream().map(ReportRow::category).toList());
        ReportRow fraud = report.rows().get(1);
        assertTrue(fraud.change().isEmpty() && fraud.before().isEmpty());
        assertTrue(fraud.paragraph().text().contains("We did not audit reported fraud in our previous 2019 inspection."),
                fraud.paragraph().text());
        assertEquals(List.of("Category 'burglary' was audited only in 2019: not reported.",
                "Category 'fraud' was audited only in 2023: not compared."), report.notes());
        assertTrue(report.text().contains("audited only in 2019"));
        assertThrows(IllegalArgumentException.class, () -> Report.of(then, null));
        assertThrows(IllegalArgumentException.class, () -> report.force(" "));
        assertThrows(IllegalArgumentException.class, () -> report.withConfidence(1));
    }

    @Test
    void csvHoldsEveryColumnAndTheParagraphs() throws IOException {
        Report report = ForestPlotTest.bundled();
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(report.csv())).getRecords();
        assertEquals(4, rows.size());
        List<String> expected = new java.util.ArrayList<>(ReportColumns.full(0).names());
        expected.add(ResultTable.NOTES);
        assertEquals(expected, rows.get(0).getParser().getHeaderNames());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(report.rows().get(i).paragraph().text(), rows.get(i).get("paragraph"));
            assertEquals(report.rows().get(i).category(), rows.get(i).get("category"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonReadsBack() {
        Report report = ForestPlotTest.bundled();
        Map<String, Object> json = (Map<String, Object>) JsonSyntax.parse(report.json());
        assertEquals("Cambridgeshire", json.get("force"));
        List<Map<String, Object>> paragraphs = (List<Map<String, Object>>) json.get("paragraphs");
        assertEquals(report.paragraphs().get(0).text(), paragraphs.get(0).get("text"));
        assertEquals("all_crime", paragraphs.get(0).get("kind"));
        List<Map<String, Object>> rows = (List<Map<String, Object>>) json.get("rows");
        assertEquals(4, rows.size());
        assertEquals(report.rows().get(0).after().rate(), (Double) rows.get(0).get("rate"), 0);
        assertEquals(null, rows.get(3).get("p_adjusted"));
    }

    @Test
    void markdownAndText() {
        Report report = ForestPlotTest.bundled();
        String markdown = report.markdown();
        assertTrue(markdown.startsWith("# Recording rates: Cambridgeshire\n"));
        assertEquals(2 + 4, markdown.lines().filter(l -> l.startsWith("|")).count(), "header, rule and four rows");
        assertTrue(markdown.contains("| --- | ---: |"));
        String text = report.text();
        for (Paragraph p : report.paragraphs()) {
            assertTrue(text.contains(ReportDocument.wrap(p.text(), ReportDocument.TEXT_WIDTH)), p.category());
        }
        assertTrue(text.lines().allMatch(l -> l.length() <= 160), "no line wider than the table");
        assertTrue(report.toString().contains("Cambridgeshire"));
    }

    @Test
    void htmlIsOnePageWithThePlotsInside() {
        Report report = ForestPlotTest.bundled().withForces(FunnelPlotTest.forces());
        String html = report.html();
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertEquals(3, html.split("<svg ", -1).length - 1, "forest, funnel and ranks plots inline");
        for (String external : List.of("<script", "<link", "src=", "href=", "@import", "url(http")) {
            assertFalse(html.contains(external), "the page must need nothing else: " + external);
        }
        for (Paragraph p : report.paragraphs()) {
            assertTrue(html.contains("<p>" + p.text() + "</p>"), p.category());
        }
        // the force the report is about is not among the 43: it is added to them, highlighted, and a note says so
        assertTrue(report.funnelPlot().get().points().stream().anyMatch(f -> f.highlighted() && f.name().equals("Cambridgeshire")));
        assertEquals(44, report.forcesResult().get().forces().size());
        assertTrue(report.notes().stream().anyMatch(n -> n.startsWith("Cambridgeshire is not among the 43 forces given")),
                report.notes().toString());
        assertTrue(html.contains("<h2>Among the 44 forces</h2>\n<p>" + report.amongForces().get().text() + "</p>"));
        assertTrue(ForestPlotTest.bundled().funnelPlot().isEmpty());
        assertFalse(ForestPlotTest.bundled().html().contains("Funnel plot"));
    }

    @Test
    void amongTheForcesInTheInspectorsWords() {
        java.util.List<org.recordingrate.model.Inspection> all = FunnelPlotTest.forces();
        org.recordingrate.model.Inspection seven = all.stream().filter(i -> i.name().equals("force 07")).findFirst()
                .orElseThrow();
        Report report = Report.of(ForestPlotTest.bundled().before(), seven).force("Force 07").withForces(all);
        org.recordingrate.forces.ForcesResult result = report.forcesResult().orElseThrow();
        assertEquals(43, result.forces().size(), "force 07 is among them: nothing added");
        org.recordingrate.forces.ForceResult row = result.force("force 07").orElseThrow();
        String text = report.amongForces().orElseThrow().text();
        org.recordingrate.forces.RankIntervals.RankInterval r = row.rank();
        String expected = String.format(java.util.Locale.ROOT, "Among the 43 forces, Force 07's recording rate of all reported crime,"
                + " %.1f percent, is within the 95 percent limits of the funnel plot, which allow for the differences between"
                + " forces (over-dispersion). Taking all 43 forces into account, we estimate its rate at %.1f percent"
                + " (95 percent interval %.1f to %.1f percent). Among the 43 forces, it ranks between %s and %s (95 percent"
                + " confidence; its estimated rank is %s), or between %s and %s when every force's rank is considered at once.",
                100 * row.rate(), 100 * row.shrunken().estimate(), 100 * row.shrunken().lower(), 100 * row.shrunken().upper(),
                org.recordingrate.forces.RankIntervals.ordinal(r.lower()), org.recordingrate.forces.RankIntervals.ordinal(r.upper()),
                org.recordingrate.forces.RankIntervals.ordinal(r.rank()),
                org.recordingrate.forces.RankIntervals.ordinal(r.lowerSimultaneous()),
                org.recordingrate.forces.RankIntervals.ordinal(r.upperSimultaneous()));
        assertEquals(expected, text);
        assertTrue(report.text().contains("Among the 43 forces\n"), report.text());
        assertTrue(report.markdown().contains("## Among the 43 forces"));
        assertTrue(report.json().contains("\"among_forces\": \"Among the 43 forces"), report.json());
        assertTrue(report.ranksPlot().orElseThrow().toString().contains("force 07 highlighted"));
        // a force beyond the limits, in the words for it
        Report low = Report.of(ForestPlotTest.bundled().before(), all.stream().filter(i -> i.name().equals("force 39"))
                .findFirst().orElseThrow()).withForces(all);
        String lowText = low.amongForces().orElseThrow().text();
        assertTrue(lowText.contains("is below the 95 percent limit of the funnel plot (")
                && lowText.contains("but within the 99.8 percent limits; the limits allow for the differences"), lowText);
        // published figures as the forces
        Report published = ForestPlotTest.bundled().withForces(org.recordingrate.forces.ForcesFile.read(
                java.nio.file.Path.of("src/test/resources/forces/published-38.csv")));
        assertTrue(published.amongForces().orElseThrow().text().startsWith("Among the 39 forces, Cambridgeshire's recording"
                + " rate of reported crime, "), published.amongForces().get().text());
    }
}
