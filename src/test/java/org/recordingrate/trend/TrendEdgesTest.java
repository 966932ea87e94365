package org.recordingrate.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.recordingrate.model.Tally;
import org.recordingrate.model.Token;
import org.recordingrate.reproduce.PublishedFigure;

/**
 * The edges of a trend that the reference tests do not reach (issue 20, mutation testing): the note when
 * the test and the interval disagree, the sentence for a falling trend, units, names, refusals and the
 * one-line texts. Every expected number is computed here from the formulas in {@link Trend}'s comment
 * (a plain reimplementation), not read from the class under test.
 */
class TrendEdgesTest {

    /** z_{0.975}, R's {@code qnorm(0.975)}. */
    private static final double Z975 = 1.959963984540054;

    /**
     * Cochran-Armitage written out: {slope, se, z} for tallies x of n at times t, Trend's formulas
     * (Armitage 1955; the slope's variance from each inspection's own p(1 - p)).
     */
    private static double[] cochranArmitage(double[] t, long[] x, long[] n) {
        double total = 0;
        double recorded = 0;
        double timeSum = 0;
        for (int i = 0; i < t.length; i++) {
            total += n[i];
            recorded += x[i];
            timeSum += n[i] * t[i];
        }
        double pBar = recorded / total;
        double tBar = timeSum / total;
        double sxx = 0;
        double cross = 0;
        double variance = 0;
        for (int i = 0; i < t.length; i++) {
            double p = (double) x[i] / n[i];
            double d = t[i] - tBar;
            sxx += n[i] * d * d;
            cross += n[i] * (p - pBar) * d;
            variance += d * d * n[i] * p * (1 - p);
        }
        double z = cross / Math.sqrt(pBar * (1 - pBar) * sxx);
        return new double[] {cross / sxx, Math.sqrt(variance) / sxx, z};
    }

    /**
     * 92, 95 and 98 of 100 at times 0, 1, 2: the test (variance under no trend, pBar(1 - pBar)) gives
     * z = 6 / sqrt(0.95 x 0.05 x 200) = 1.947 (pBar 0.95, cross-product 6, S = 200), p = 0.0516, not
     * significant at 5%; the interval (each inspection's
     * own variance, smaller near 100%) is 0.03 +/- 1.96 x 0.01526 = 0.00008 to 0.0599, which excludes 0. The
     * note says they disagree; at 90% confidence with 5% significance the two do not answer the same
     * question and no note is given.
     */
    @Test
    void testAndIntervalDisagree_areNoted() {
        double[] t = {0, 1, 2};
        long[] x = {92, 95, 98};
        long[] n = {100, 100, 100};
        double[] own = cochranArmitage(t, x, n);
        // the two-sided normal tail, erfc(|z| / sqrt 2)
        double p = org.apache.commons.math3.special.Erf.erfc(Math.abs(own[2]) / Math.sqrt(2));
        assertTrue(p > 0.05 && p < 0.052, "p " + p);
        assertTrue(own[0] - Z975 * own[1] > 0, "the interval excludes 0");
        Trend trend = TrendAnalysis.of(t, Tally.of(92, 100), Tally.of(95, 100), Tally.of(98, 100));
        assertEquals(own[0], trend.slope(), 1e-15);
        assertEquals(own[1], trend.standardError(), 1e-15);
        assertEquals(p, trend.pValue(), 1e-12);
        assertEquals(own[0] - Z975 * own[1], trend.lower(), 1e-14);
        assertEquals(List.of("the test for trend (its variance under no trend) and the slope's interval (each"
                + " inspection's own variance) disagree on whether the slope is 0"), trend.notes());
        Trend ninety = TrendAnalysis.withDefaults().withConfidence(0.9).trend(trend.observations());
        assertEquals(List.of(), ninety.notes());
        // a clear trend on a line: both agree, no note (150, 170, 190 of 200: rates 0.75, 0.85, 0.95)
        Trend clear = TrendAnalysis.of(t, Tally.of(150, 200), Tally.of(170, 200), Tally.of(190, 200));
        assertTrue(clear.significant() && clear.lower() > 0);
        assertEquals(List.of(), clear.notes());
        assertTrue(clear.summary().contains("straightness chi-square = 0.000 on 1 df"), clear.summary());
    }

    /** A falling trend: "deteriorated by", the interval's bounds given as positive falls (-upper to -lower). */
    @Test
    void fallingTrend_sentenceGivesTheFallAsPositivePoints() {
        double[] t = {2014, 2017, 2020};
        long[] x = {190, 170, 150};
        long[] n = {200, 200, 200};
        double[] own = cochranArmitage(t, x, n);
        Trend trend = TrendAnalysis.withDefaults().about("Northshire", "violence")
                .trend(List.of(Observation.of(2014, Tally.of(190, 200)), Observation.of(2017, Tally.of(170, 200)),
                        Observation.of(2020, Tally.of(150, 200))));
        double upper = own[0] + Z975 * own[1];
        double lower = own[0] - Z975 * own[1];
        String expected = String.format(Locale.ROOT, "Northshire's recording of violence has deteriorated by %.1f points"
                        + " a year over the three inspections since 2014 (95 percent confidence interval %.1f to %.1f"
                        + " points a year;", -100 * own[0], -100 * upper, -100 * lower);
        assertTrue(trend.sentence().startsWith(expected), trend.sentence() + "\n" + expected);
        assertTrue(trend.toString().startsWith("Northshire, violence: " + String.format(Locale.ROOT, "%+.1f", 100 * own[0])
                + " points a year (95% CI"), trend.toString());
        assertTrue(trend.toString().endsWith(", 3 inspections 2014 to 2020"), trend.toString());
        assertTrue(trend.summary().startsWith("Northshire, violence: Cochran-Armitage"), trend.summary());
        assertTrue(trend.summary().contains("  2014         95.0% (" + Tally.of(190, 200) + ")"), trend.summary());
        Trend force = TrendAnalysis.withDefaults().about("Northshire", null).trend(trend.observations());
        assertTrue(force.toString().startsWith("Northshire: "), force.toString());
        Trend category = TrendAnalysis.withDefaults().about(null, "violence").trend(trend.observations());
        assertTrue(category.toString().startsWith("violence: "), category.toString());
        Trend none = TrendAnalysis.withDefaults().trend(trend.observations());
        assertTrue(none.toString().startsWith(String.format(Locale.ROOT, "%+.1f", 100 * own[0])), none.toString());
    }

    @Test
    void units_nameTheirSentence() {
        List<Observation> series = List.of(Observation.of(1, Tally.of(150, 200)), Observation.of(2, Tally.of(170, 200)),
                Observation.of(3, Tally.of(190, 200)));
        for (String unit : List.of("year", "month", "week", "day")) {
            String sentence = TrendAnalysis.withDefaults().withUnit(unit).trend(series).sentence();
            assertTrue(sentence.contains(" points a " + unit + " over"), sentence);
        }
        String cycle = TrendAnalysis.withDefaults().withUnit("inspection cycle").trend(series).sentence();
        assertTrue(cycle.contains(" points per inspection cycle over"), cycle);
    }

    /** Eleven inspections: numbers past ten are written as digits. */
    @Test
    void elevenInspections_areCountedInDigits() {
        List<Observation> series = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            series.add(Observation.of(2000 + i, Tally.of(150 + 3 * i, 200)));
        }
        String sentence = TrendAnalysis.withDefaults().trend(series).sentence();
        assertTrue(sentence.contains("over the 11 inspections since 2000"), sentence);
        series.remove(10);
        assertTrue(TrendAnalysis.withDefaults().trend(series).sentence().contains("over the ten inspections"));
    }

    @Test
    void refusals_nameTheSeries() {
        IllegalArgumentException lengths = assertThrows(IllegalArgumentException.class,
                () -> TrendAnalysis.of(new double[] {1, 2}, Tally.of(1, 2), Tally.of(1, 2), Tally.of(1, 2)));
        assertTrue(lengths.getMessage().contains("times (2) and figures (3) must be as many"), lengths.getMessage());
        PublishedFigure f = PublishedFigure.fromPercent(80.0, 3.0);
        IllegalArgumentException figures = assertThrows(IllegalArgumentException.class,
                () -> TrendAnalysis.of(new double[] {1, 2, 3, 4}, f, f, f));
        assertTrue(figures.getMessage().contains("times (4) and figures (3) must be as many"), figures.getMessage());
        IllegalArgumentException short2 = assertThrows(IllegalArgumentException.class, () -> TrendAnalysis.withDefaults()
                .about("Northshire", "violence").trend(List.of(Observation.of(1, Tally.of(1, 2)))));
        assertTrue(short2.getMessage().startsWith("Northshire, violence: a trend needs three"), short2.getMessage());
        // a standard error of 0 cannot be weighed (rate 100%)
        List<Observation> zero = List.of(Observation.of(1, "1", 0.9, 0.01), Observation.of(2, "2", 1.0, 0.0),
                Observation.of(3, "3", 0.95, 0.01));
        IllegalArgumentException weights = assertThrows(IllegalArgumentException.class,
                () -> TrendAnalysis.withDefaults().trend(zero));
        assertTrue(weights.getMessage().contains("has a standard error of 0"), weights.getMessage());
    }

    @Test
    void observationsAndTokens() {
        Observation tally = Observation.of(2017, Tally.of(512, 640));
        // the Wald standard error of a tally, sqrt(p(1 - p)/n) with p = 0.8
        assertEquals(Math.sqrt(0.8 * 0.2 / 640), tally.standardError(), 1e-17);
        assertEquals("2017: " + Tally.of(512, 640), tally.toString());
        PublishedFigure figure = PublishedFigure.fromPercent(87.8, 1.7);
        assertEquals("2017: " + figure, Observation.of(2017, figure).toString());
        String estimate = Observation.of(2017, "2017", 0.878, 0.0087).toString();
        assertTrue(estimate.startsWith("2017: 87.8% (se 0.87"), estimate);
        assertEquals(TrendMethod.COCHRAN_ARMITAGE, Token.parse(TrendMethod.class, "method", "prop_trend_test"));
        assertEquals(TrendMethod.FIXED_EFFECT, Token.parse(TrendMethod.class, "method", "meta_regression"));
        assertEquals("TrendAnalysis(method by figures, 95%, 5% significance, per year)",
                TrendAnalysis.withDefaults().toString());
        assertEquals("TrendAnalysis(fixed-effect meta-regression, 90%, 1% significance, per month)",
                TrendAnalysis.withDefaults().with(TrendMethod.FIXED_EFFECT).withConfidence(0.9).withSignificance(0.01)
                        .withUnit("month").toString());
        assertEquals(Z975, Trend.critical(0.95), 1e-15);
    }

    @Test
    void trendsFindTheirSeries_andCountThemselves() {
        double[] t = {1, 2, 3};
        Trend a = TrendAnalysis.withDefaults().about("A", "violence")
                .trend(List.of(Observation.of(1, Tally.of(150, 200)), Observation.of(2, Tally.of(170, 200)),
                        Observation.of(3, Tally.of(190, 200))));
        Trend b = TrendAnalysis.of(t, Tally.of(190, 200), Tally.of(170, 200), Tally.of(150, 200));
        Trends one = new Trends(List.of("force"), List.of(List.of("A")), List.of(a), List.of());
        assertEquals("1 trend: " + a, one.toString());
        Trends two = new Trends(List.of("force", "category"), List.of(List.of("A", "violence"), List.of("B", "theft")),
                List.of(a, b), List.of());
        assertEquals("2 trends: " + a + "; " + b, two.toString());
        assertEquals(b, two.trend("b", "THEFT"));
        assertEquals(a, two.trend("A", "violence"));
        assertThrows(IllegalArgumentException.class, () -> two.trend("A"));
    }
}
