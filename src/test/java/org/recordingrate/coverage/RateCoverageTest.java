package org.recordingrate.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;
import org.recordingrate.estimate.IntervalMethod;
import org.recordingrate.model.Interval;
import org.recordingrate.model.Tally;

/**
 * Exact coverage of the one-category intervals: against an independent enumeration (Commons Math's
 * binomial probabilities, and for Wald the interval from its textbook formula), against the figures
 * Brown, Cai and DasGupta (2001) print, and the properties they report at the inspectors' sizes.
 */
class RateCoverageTest {

    /** The Wald interval from its formula, written here independently of IntervalMethod.WALD. */
    private static double[] wald(int x, int n) {
        double p = (double) x / n;
        double half = 1.959963984540054 * Math.sqrt(p * (1 - p) / n);
        return new double[] {Math.max(0, p - half), Math.min(1, p + half)};
    }

    /** Coverage and expected width by a plain sum over x with Commons Math's binomial pmf. */
    private static double[] enumerate(IntervalMethod method, int n, double p) {
        BinomialDistribution binomial = new BinomialDistribution(null, n, p);
        double covered = 0;
        double width = 0;
        for (int x = 0; x <= n; x++) {
            double lower;
            double upper;
            if (method == IntervalMethod.WALD) {
                double[] w = wald(x, n);
                lower = w[0];
                upper = w[1];
            } else {
                Interval interval = method.interval(Tally.of(x, n), 0.95);
                lower = interval.lower();
                upper = interval.upper();
            }
            double probability = binomial.probability(x);
            width += probability * (upper - lower);
            if (lower <= p && p <= upper) {
                covered += probability;
            }
        }
        return new double[] {covered, width};
    }

    @Test
    void agreesWithAnIndependentEnumeration() {
        for (IntervalMethod method : IntervalMethod.values()) {
            RateCoverage coverage = RateCoverage.withDefaults().with(method);
            for (int n : new int[] {1, 7, 40, 202, 700}) {
                for (double p : new double[] {0.001, 0.2, 0.5, 0.8, 0.93, 0.987, 0.999}) {
                    CoveragePoint point = coverage.at(n, p);
                    double[] expected = enumerate(method, n, p);
                    assertEquals(expected[0], point.coverage(), 1e-12, method + " n " + n + " p " + p);
                    assertEquals(expected[1], point.expectedWidth(), 1e-12, method + " n " + n + " p " + p);
                    assertEquals(n, point.audited());
                    assertEquals(p, point.rate());
                }
            }
        }
    }

    /**
     * Brown, Cai and DasGupta (2001), Statistical Science 16, section 2.1: Example 1, p = 0.005: the Wald
     * coverage is 0.945 at n = 591 but 0.792 at n = 592 ("lucky" and "unlucky" n); Example 2, p = 0.5:
     * 0.951 at n = 17 but 0.919 at n = 40. Printed to three decimals.
     */
    @Test
    void reproducesBrownCaiDasGuptasExamples() {
        RateCoverage wald = RateCoverage.withDefaults().with(IntervalMethod.WALD);
        assertEquals(0.945, wald.at(591, 0.005).coverage(), 0.0005);
        assertEquals(0.792, wald.at(592, 0.005).coverage(), 0.0005);
        assertEquals(0.951, wald.at(17, 0.5).coverage(), 0.0005);
        assertEquals(0.919, wald.at(40, 0.5).coverage(), 0.0005);
    }

    /**
     * At the inspectors' sizes (100 to 700 audited, true rates 80% to 99.9%) the findings of Brown, Cai
     * and DasGupta (2001) hold: Clopper-Pearson never below nominal (it is exact by construction);
     * Wald far below near 1 (below 60% somewhere above 99%; measured 18% at 202 and 50% at 700) and
     * below on average (measured 91.9% at 202, 94.1% at 700); Wilson and Jeffreys near nominal on average (within
     * half a point), Clopper-Pearson conservative on average (above 95.5%; measured 96.5% at 202 and
     * 95.9% at 700).
     */
    @Test
    void brownCaiDasGuptasFindingsHoldAtAuditSizes() {
        RateGrid grid = RateGrid.of(0.8, 0.999, 0.001);
        for (long n : new long[] {100, 200, 400, 700}) {
            CoverageCurve<CoveragePoint> cp = RateCoverage.withDefaults().with(IntervalMethod.CLOPPER_PEARSON)
                    .over(n, grid);
            assertTrue(cp.lowest().coverage() >= 0.95 - 1e-12, cp.toString());
            assertTrue(cp.meanCoverage() > 0.955, cp.toString());
            CoverageCurve<CoveragePoint> wald = RateCoverage.withDefaults().with(IntervalMethod.WALD).over(n, grid);
            assertTrue(wald.lowest().coverage() < 0.6, wald.toString());
            assertTrue(wald.lowest().rate() > 0.99, wald.toString());
            assertTrue(wald.meanCoverage() < 0.945, wald.toString());
            for (IntervalMethod near : List.of(IntervalMethod.WILSON, IntervalMethod.JEFFREYS)) {
                CoverageCurve<CoveragePoint> curve = RateCoverage.withDefaults().with(near).over(n, grid);
                assertEquals(0.95, curve.meanCoverage(), 0.005, curve.toString());
            }
        }
    }

    @Test
    void certainCountsAtZeroAndOne() {
        // at p = 1 every audit records all: Wald's interval is the point 1, which holds 1
        assertEquals(1, RateCoverage.withDefaults().with(IntervalMethod.WALD).at(50, 1).coverage());
        assertEquals(0, RateCoverage.withDefaults().with(IntervalMethod.WALD).at(50, 1).expectedWidth());
        CoveragePoint wilson = RateCoverage.withDefaults().at(50, 0);
        assertEquals(1, wilson.coverage());
        assertEquals(IntervalMethod.WILSON.interval(Tally.of(0, 50), 0.95).upper(), wilson.expectedWidth(), 0);
    }

    @Test
    void gridIsDecimalAndCurveSummariesAreConsistent() {
        RateGrid grid = RateGrid.of(0.5, 0.999, 0.001);
        assertEquals(500, grid.size());
        assertEquals(0.955, grid.rates().get(455));
        assertEquals(0.999, grid.rates().get(499));
        assertEquals("0.5:0.999:0.001", grid.toString());
        assertEquals(1, RateGrid.of(0.3, 0.3, 0.1).size());
        CoverageCurve<CoveragePoint> curve = RateCoverage.withDefaults().over(202, RateGrid.of(0.9, 0.95, 0.01));
        assertEquals(6, curve.points().size());
        double sum = 0;
        int under = 0;
        for (CoveragePoint point : curve.points()) {
            sum += point.coverage();
            under += point.coverage() < 0.94 ? 1 : 0;
            assertTrue(curve.lowest().coverage() <= point.coverage());
        }
        assertEquals(sum / 6, curve.meanCoverage(), 1e-15);
        assertEquals(under / 6.0, curve.shareUnderCovered(), 1e-15);
        assertEquals(6, curve.table().size());
        assertEquals(List.of("method", "confidence", "audited", "rate", "coverage", "expected_width"),
                CoveragePoint.COLUMNS.names());
        assertTrue(curve.summary().contains("mean coverage"));
        assertTrue(curve.toString().startsWith("Wilson 95% CI, 202 audited: mean coverage"));
    }

    @Test
    void refusesWhatCannotBeEnumerated() {
        RateCoverage coverage = RateCoverage.withDefaults();
        assertThrows(IllegalArgumentException.class, () -> coverage.at(0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> coverage.at(RateCoverage.MAX_AUDITED + 1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> coverage.at(10, 1.5));
        assertThrows(IllegalArgumentException.class, () -> coverage.at(10, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> coverage.withConfidence(1));
        assertThrows(IllegalArgumentException.class, () -> coverage.with(null));
        assertThrows(IllegalArgumentException.class, () -> RateGrid.of(0.5, 0.4, 0.1));
        assertThrows(IllegalArgumentException.class, () -> RateGrid.of(0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> RateGrid.of(0, 1, 1e-9));
        assertThrows(IllegalArgumentException.class, () -> RateGrid.of(List.of()));
        assertThrows(IllegalArgumentException.class, () -> RateGrid.of(List.of(2.0)));
    }
}
