package org.recordingrate.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.recordingrate.ReferenceData;
import org.recordingrate.ReferenceData.Row;
import org.recordingrate.compare.Verdict;
import org.recordingrate.estimate.IntervalMethod;

/**
 * Published figures reproduced: shared/reference/published-figures.csv (the seed report,
 * HMICFRS PEEL 2021/22 Cambridgeshire) and its README, which gives z = 3.70, 3.36 and 4.61 for the
 * three comparisons with standard errors margin / 1.959964.
 */
class PublishedFigureTest {

    private static final double Z95 = 1.959963984540054; // qnorm(0.975) in R

    @Test
    void seedComparisonsComeOutAsPublished() {
        double[] publishedZ = {3.70, 3.36, 4.61}; // reference README, to 2 decimals
        int i = 0;
        for (Row row : ReferenceData.rows("published-figures.csv")) {
            PublishedFigure current = PublishedFigure.fromPercent(row.number("rate_pct"), row.number("margin_pct"),
                    row.number("confidence"));
            PublishedFigure previous = PublishedFigure.fromPercent(row.number("previous_rate_pct"),
                    row.number("previous_margin_pct"), row.number("confidence"));
            PublishedComparison comparison = current.compareWith(previous);
            assertEquals(row.text("published_verdict"), comparison.verdict().words(), row.where());
            assertEquals(publishedZ[i], comparison.z(), 0.005, row.where());
            // independent computation of z from the percent figures
            double z = (row.number("rate_pct") - row.number("previous_rate_pct"))
                    / Math.sqrt(Math.pow(row.number("margin_pct") / Z95, 2) + Math.pow(row.number("previous_margin_pct") / Z95, 2));
            assertEquals(z, comparison.z(), 1e-12, row.where());
            assertEquals(org.apache.commons.math3.special.Erf.erfc(Math.abs(z) / Math.sqrt(2)),
                    comparison.pValue(), 1e-12, row.where());
            i++;
        }
        assertEquals(3, i);
    }

    @Test
    void standardErrorIntervalAndImpliedAudited() {
        PublishedFigure figure = PublishedFigure.fromPercent(89.1, 4.3);
        assertEquals(0.043 / Z95, figure.standardError(), 1e-15);
        // Wald margin of 180/202 (the cambridgeshire-like violence tally in stratified-designs.csv) is 4.30%:
        // the implied audited count must come back near 202.
        assertEquals(202, figure.impliedAudited(), 1.0);
        double margin = Z95 * Math.sqrt(0.891 * 0.109 / figure.impliedAudited());
        assertEquals(0.043, margin, 1e-12, "implied n reproduces the margin exactly");
        // 99.0 +/- 1.7 runs past 100: the interval is clipped, the raw one is not
        PublishedFigure sexual = PublishedFigure.fromPercent(99.0, 1.7);
        assertEquals(1.0, sexual.interval().upper());
        assertEquals(1.007, sexual.rawInterval().upper(), 1e-12);
        // a figure computed with our own Wald estimate reproduces its margin
        assertEquals(IntervalMethod.WALD.interval(180, 202, 0.95).upper() - 180.0 / 202,
                PublishedFigure.fromPercent(100 * 180.0 / 202, 100 * (IntervalMethod.WALD.interval(180, 202, 0.95).upper()
                        - 180.0 / 202)).margin(), 1e-15);
    }

    @Test
    void unrecordedCrimesAndVerdictWords() {
        // "it didn't record more than 4,500 crimes": 93.2% of a volume V recorded leaves V (0.068/0.932) unrecorded
        var unrecorded = PublishedFigure.fromPercent(93.2, 2.3).unrecorded(62_000);
        assertEquals(62_000 * 0.068 / 0.932, unrecorded.estimate(), 1e-9);
        assertEquals(4_500, unrecorded.moreThan(100).getAsLong());
        assertTrue(unrecorded.lower() < unrecorded.estimate() && unrecorded.estimate() < unrecorded.upper());
        assertEquals(62_000 * (1 - 0.955) / 0.955, unrecorded.lower(), 1e-9);
        PublishedComparison none = PublishedFigure.fromPercent(88, 2).compareWith(PublishedFigure.fromPercent(87, 2));
        assertEquals(Verdict.NO_CHANGE, none.verdict());
        PublishedComparison worse = PublishedFigure.fromPercent(80, 2).compareWith(PublishedFigure.fromPercent(87, 2));
        assertEquals("statistically significant deterioration", worse.verdict().words());
        assertTrue(worse.changeInterval(0.95).upper() < 0);
    }
}
