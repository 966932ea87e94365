package org.recordingrate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.recordingrate.ReferenceData;
import org.recordingrate.compare.Alternative;
import org.recordingrate.compare.Verdict;
import org.recordingrate.model.Interval;
import org.recordingrate.model.RowKind;
import org.recordingrate.estimate.UnrecordedCrimes;
import org.recordingrate.report.InspectorsWords.Earlier;
import org.recordingrate.report.InspectorsWords.Quote;
import org.recordingrate.report.InspectorsWords.TestWords;
import org.recordingrate.report.InspectorsWords.Unrecorded;
import org.recordingrate.reproduce.PublishedComparison;
import org.recordingrate.reproduce.PublishedFigure;

/**
 * The inspectors' sentences. The seed paragraph is the one quoted in issue 12 (and, with "the
 * force" for NAME and "(excluding fraud)", in shared/DESIGN.md): from the seed figures of
 * reference/published-figures.csv it must come out word for word.
 */
class InspectorsWordsTest {

    /** Issue 12, "Deliver" 1: the seed report's all-crime paragraph, NAME standing for the force. */
    private static final String SEED = "We estimate that NAME is recording 93.2 percent (with a confidence interval of "
            + "+/- 2.3 percent) of all reported crime. This is a statistically significant improvement compared with the "
            + "findings from our previous 2017 inspection, where we found 87.8 percent (with a confidence interval of +/- "
            + "1.7 percent). We estimate that NAME didn't record more than 4,500 crimes during the year covered by our "
            + "inspection.";

    private static ReferenceData.Row seedRow(String category) {
        return ReferenceData.rows("published-figures.csv").stream().filter(r -> r.text("category").equals(category))
                .findFirst().orElseThrow();
    }

    private static PublishedComparison comparison(ReferenceData.Row row) {
        PublishedFigure now = PublishedFigure.fromPercent(new java.math.BigDecimal(row.text("rate_pct")),
                new java.math.BigDecimal(row.text("margin_pct")), row.number("confidence"));
        PublishedFigure then = PublishedFigure.fromPercent(new java.math.BigDecimal(row.text("previous_rate_pct")),
                new java.math.BigDecimal(row.text("previous_margin_pct")), row.number("confidence"));
        return now.compareWith(then);
    }

    @Test
    void seedParagraphWordForWordFromTheSeedFigures() {
        ReferenceData.Row row = seedRow("all crime (excluding fraud)");
        PublishedComparison c = comparison(row);
        assertEquals(row.text("published_verdict"), c.verdict().words(), row.where());
        String year = row.text("previous_inspection").replaceAll("\\D", "");
        Paragraph p = InspectorsWords.about("NAME").since(year)
                .allCrime(c, OptionalLong.of(row.whole("published_unrecorded_over")));
        assertEquals(SEED, p.text());
        assertEquals(RowKind.ALL_CRIME, p.kind());
        assertEquals(SEED.replace("NAME", "Cambridgeshire Constabulary"),
                InspectorsWords.about(row.text("force")).since(year).allCrime(c, OptionalLong.of(4500)).text());
    }

    /**
     * The volume of examples/data/figures.csv (62,000: illustrative, the report does not publish
     * it) gives the published 4,500 by the exact rule: 62,000 x 6.8 / 93.2 = 4,523.6, rounded down
     * to the hundred.
     */
    @Test
    void seedCountFromAVolume() {
        PublishedComparison c = comparison(seedRow("all crime (excluding fraud)"));
        OptionalLong n = c.current().unrecorded(62_000).moreThan();
        assertEquals(4500, n.getAsLong());
        assertEquals(SEED, InspectorsWords.about("NAME").since("2017").allCrime(c, n).text());
    }

    @Test
    void seedCategoriesFromTheSeedFigures() {
        for (String category : List.of("violent offences", "sexual offences")) {
            ReferenceData.Row row = seedRow(category);
            PublishedComparison c = comparison(row);
            String text = InspectorsWords.about("NAME").since("2017").category(category, c, OptionalLong.empty()).text();
            assertEquals("We estimate that NAME is recording " + row.text("rate_pct") + " percent (with a confidence "
                    + "interval of +/- " + row.text("margin_pct") + " percent) of reported " + category + ". This is a "
                    + row.text("published_verdict") + " compared with the findings from our previous 2017 inspection, "
                    + "where we found " + row.text("previous_rate_pct") + " percent (with a confidence interval of +/- "
                    + row.text("previous_margin_pct") + " percent).", text, row.where());
        }
    }

    /** At 1% the published z = 3.70 (reference README) is still significant, and the text names the test and level. */
    @Test
    void anotherSignificanceLevelIsNamed() {
        PublishedComparison c = PublishedFigure.fromPercent(93.2, 2.3).compareWith(PublishedFigure.fromPercent(87.8, 1.7), 0.01);
        String text = InspectorsWords.about("NAME").since("2017").allCrime(c, OptionalLong.empty()).text();
        assertTrue(text.contains("This is a statistically significant improvement (two-sample z-test on the "
                + "volume-weighted rates, at the 1 percent significance level) compared with"), text);
    }

    @Test
    void anotherLevelOfConfidenceIsNamed() {
        PublishedComparison c = PublishedFigure.fromPercent(93.2, 2.3, 0.9).compareWith(PublishedFigure.fromPercent(87.8, 1.7, 0.9));
        String text = InspectorsWords.about("NAME").allCrime(c, OptionalLong.empty()).text();
        assertTrue(text.startsWith("We estimate that NAME is recording 93.2 percent (with a 90 percent confidence interval "
                + "of +/- 2.3 percent) of all reported crime."), text);
        assertTrue(text.contains("compared with the findings from our previous inspection, where"), text);
    }

    private static String write(Quote current, Optional<Earlier> earlier, Unrecorded unrecorded, RowKind kind) {
        return InspectorsWords.about("Force A").since("2019").write(kind, "violence", current, earlier, Optional.of(unrecorded))
                .text();
    }

    private static final Quote WILSON = new Quote("89.1", Optional.empty(), "84.1", "92.7", "Wilson", 0.95);

    @Test
    void anotherMethodQuotesItsBounds() {
        String text = write(WILSON, Optional.empty(), new Unrecorded(false, 3055.6, 3000), RowKind.CATEGORY);
        assertEquals("We estimate that Force A is recording 89.1 percent (with a 95 percent Wilson confidence interval of "
                + "84.1 to 92.7 percent) of reported violence. We did not audit reported violence in our previous 2019 "
                + "inspection. We estimate that Force A didn't record more than 3,000 of these crimes during the year "
                + "covered by our inspection.", text);
    }

    @Test
    void verdictsAndTheirNotes() {
        Quote earlier = new Quote("95.0", Optional.of("1.0"), "94.0", "96.0", "Wald", 0.95);
        TestWords fisher = new TestWords("Fisher's exact test", Alternative.IMPROVED,
                Optional.of("holm-adjusted across 3 categories"), 0.05, false);
        String category = write(WILSON, Optional.of(new Earlier(earlier, Verdict.DETERIORATION, fisher)),
                new Unrecorded(false, 10, 10), RowKind.CATEGORY);
        assertTrue(category.contains("This is a statistically significant deterioration (Fisher's exact test, one-sided, "
                + "holm-adjusted across 3 categories, at the 5 percent significance level) compared with the findings from "
                + "our previous 2019 inspection, where we found 95.0 percent (with a confidence interval of +/- 1.0 percent)."),
                category);
        String all = write(WILSON, Optional.of(new Earlier(earlier, Verdict.NO_CHANGE, fisher)), new Unrecorded(false, 10, 10),
                RowKind.ALL_CRIME);
        assertTrue(all.contains("This is not a statistically significant change (two-sample z-test on the volume-weighted "
                + "rates, one-sided, at the 5 percent significance level) compared"), all);
    }

    @Test
    void edgesOfTheLastSentence() {
        assertTrue(write(WILSON, Optional.empty(), Unrecorded.of(UnrecordedCrimes.of(100, 0.0, new Interval(0, 0.1)), 0),
                RowKind.CATEGORY).endsWith("Force A recorded none of the crimes we audited, so we cannot estimate how "
                        + "many it didn't record."));
        assertTrue(write(WILSON, Optional.empty(), Unrecorded.of(UnrecordedCrimes.of(2500, 1.0, new Interval(0.97, 1)), 0),
                RowKind.CATEGORY).endsWith("Every crime we audited had been recorded, so we estimate that Force A recorded "
                        + "all of these crimes during the year covered by our inspection."));
        // 10 x 0.05 / 0.95 = 0.53 unrecorded: rounded down at unit 1 it is 0
        assertTrue(write(WILSON, Optional.empty(), Unrecorded.of(UnrecordedCrimes.of(10, 0.95, new Interval(0.9, 1)), 0),
                RowKind.ALL_CRIME).endsWith("We estimate that Force A left fewer than one crime unrecorded during the year "
                        + "covered by our inspection."));
        // 30 x 0.05 / 0.95 = 1.58: one crime, singular
        assertTrue(write(WILSON, Optional.empty(), Unrecorded.of(UnrecordedCrimes.of(30, 0.95, new Interval(0.9, 1)), 0),
                RowKind.ALL_CRIME).endsWith("didn't record more than 1 crime during the year covered by our inspection."));
    }

    @Test
    void badArguments() {
        assertThrows(IllegalArgumentException.class, () -> InspectorsWords.about(" "));
        PublishedComparison c = PublishedFigure.fromPercent(93.2, 2.3).compareWith(PublishedFigure.fromPercent(87.8, 1.7));
        assertThrows(IllegalArgumentException.class, () -> InspectorsWords.about("A").allCrime(c, OptionalLong.of(-1)));
        assertThrows(IllegalArgumentException.class, () -> InspectorsWords.about("A").category("", c, OptionalLong.empty()));
    }

    /** The paragraph among forces: a force above the 99.8% limits, binomial limits, a rank known exactly. */
    @Test
    void amongForcesAtTheEdges() {
        java.util.List<org.recordingrate.forces.ForceFigure> figures = java.util.List.of(
                org.recordingrate.forces.ForceFigure.of("A", 990, 1000), org.recordingrate.forces.ForceFigure.of("B", 500, 1000),
                org.recordingrate.forces.ForceFigure.of("C", 520, 1000), org.recordingrate.forces.ForceFigure.of("D", 510, 1000));
        org.recordingrate.forces.ForcesResult result = org.recordingrate.forces.Forces.withDefaults()
                .with(org.recordingrate.forces.Overdispersion.NONE).withReplicates(2000).analyse(figures);
        org.recordingrate.forces.ForceResult a = result.force("A").orElseThrow();
        String text = InspectorsWords.about("A").amongForces(result, a).text();
        String limit = String.format(java.util.Locale.ROOT, "%.1f", 100 * a.limits().upper998());
        assertTrue(text.startsWith("Among the 4 forces, A's recording rate of reported crime, 99.0 percent, is above the"
                + " 99.8 percent limit of the funnel plot (" + limit + " percent); the limits take no account of"
                + " differences between forces. Taking all 4 forces into account, we estimate its rate at "), text);
        assertTrue(text.endsWith("Among the 4 forces, it ranks 1st (95 percent confidence)."), text);
        // additive asked for, none found: said so
        java.util.List<org.recordingrate.forces.ForceFigure> even = java.util.List.of(
                org.recordingrate.forces.ForceFigure.of("A", 450, 500), org.recordingrate.forces.ForceFigure.of("B", 451, 500),
                org.recordingrate.forces.ForceFigure.of("C", 449, 500));
        org.recordingrate.forces.ForcesResult none = org.recordingrate.forces.Forces.withDefaults().withReplicates(2000)
                .analyse(even);
        assertTrue(InspectorsWords.about("B").amongForces(none, none.force("B").get()).text()
                .contains("is within the 95 percent limits of the funnel plot (no over-dispersion was found)."));
    }
}
