package org.recordingrate.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.recordingrate.ReferenceData;
import org.recordingrate.ReferenceData.Row;
import org.recordingrate.compare.Verdict;
import org.recordingrate.estimate.IntervalMethod;
import org.recordingrate.estimate.RateEstimator;

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
            // two-sided p = 2 Q(|z|), Q by its continued fraction (independent of the library's erfc)
            assertEquals(2 * normalUpperTail(Math.abs(z)), comparison.pValue(), 1e-12 * comparison.pValue(), row.where());
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
        // the published margin of 180/202 is the Wald half-width z sqrt(pq/n), here from R's
        // qnorm(0.975); a figure printed with it implies 202 audited again
        double wald = Z95 * Math.sqrt((180.0 / 202) * (22.0 / 202) / 202);
        assertEquals(wald, RateEstimator.withDefaults().with(IntervalMethod.WALD).estimate(180, 202).margin(), 1e-16);
        assertEquals(202, PublishedFigure.fromPercent(100 * 180.0 / 202, 100 * wald).impliedAudited(), 1e-9);
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

    @Test
    void fractionsFromPublishedDecimalsCarryNoBinaryNoise() {
        // issue 16: 93.2 +/- 2.3 gave an upper bound of 0.9550000000000001; each value is now the double
        // nearest the exact decimal, whose shortest form is the decimal itself
        PublishedFigure figure = PublishedFigure.fromPercent(93.2, 2.3);
        assertEquals("0.932", Double.toString(figure.rate()));
        assertEquals("0.023", Double.toString(figure.margin()));
        assertEquals("0.909", Double.toString(figure.interval().lower()));
        assertEquals("0.955", Double.toString(figure.interval().upper()));
        assertEquals("1.007", Double.toString(PublishedFigure.fromPercent(99.0, 1.7).rawInterval().upper()));
        assertEquals("0.054", Double.toString(figure.compareWith(PublishedFigure.fromPercent(87.8, 1.7)).change()));
        assertEquals("0.091", Double.toString(PublishedFigure.fromPercent(89.1, 4.3)
                .compareWith(PublishedFigure.fromPercent(80.0, 3.1)).change()));
    }

    @Test
    void volumesForHugeCountsAreRefusedByNameNotByAStackTrace() {
        // issue 16: volumesConsistentWith(Long.MAX_VALUE, 1) threw ArithmeticException (overflow)
        PublishedFigure figure = PublishedFigure.fromPercent(93.2, 2.3);
        org.recordingrate.error.ArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.recordingrate.error.ArgumentException.class, () -> figure.volumesConsistentWith(Long.MAX_VALUE, 1));
        assertEquals("moreThan", e.argument());
        e = org.junit.jupiter.api.Assertions.assertThrows(org.recordingrate.error.ArgumentException.class,
                () -> figure.volumesConsistentWith(100, Long.MAX_VALUE));
        assertEquals("unit", e.argument());
        // the largest count accepted, 2^53, still gives a range: 2^53 x 0.9315 / 0.0685 and below
        // (2^53 + 100) x 0.9325 / 0.0675
        PublishedFigure.VolumeRange range = figure.volumesConsistentWith(1L << 53, 100);
        java.math.BigDecimal n = java.math.BigDecimal.valueOf(1L << 53);
        assertEquals(n.multiply(new java.math.BigDecimal("0.9315")).divide(new java.math.BigDecimal("0.0685"),
                java.math.MathContext.DECIMAL128).setScale(0, java.math.RoundingMode.CEILING).longValueExact(), range.lower());
        assertTrue(range.upper().isPresent());
        // at a rate near 100 the lower bound itself passes 2^63 - 1: refused, naming moreThan
        PublishedFigure high = PublishedFigure.fromPercent(99.9999, 0.0001);
        e = org.junit.jupiter.api.Assertions.assertThrows(org.recordingrate.error.ArgumentException.class,
                () -> high.volumesConsistentWith(1L << 53, 1));
        assertEquals("moreThan", e.argument());
    }

    /**
     * Q(z) = 1 - Phi(z) for z &gt;= 0, written here independently of the library's erfc: for
     * z &lt; 3 by the series Phi(z) = 1/2 + phi(z) sum z^(2k+1)/(1 3 5 ... (2k+1)) (all terms
     * positive; Q &gt;= 1.3e-3 there, so at most 3 digits cancel), beyond by Laplace's continued
     * fraction phi(z) / (z + 1/(z + 2/(z + 3/(z + ...)))), 300 terms from the back.
     */
    private static double normalUpperTail(double z) {
        assertTrue(z >= 0, "z = " + z);
        double density = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
        if (z < 3) {
            double term = z;
            double sum = z;
            for (int k = 1; k < 200; k++) {
                term *= z * z / (2 * k + 1);
                sum += term;
            }
            return 0.5 - density * sum;
        }
        double fraction = z;
        for (int k = 300; k >= 1; k--) {
            fraction = z + k / fraction;
        }
        return density / fraction;
    }
}
