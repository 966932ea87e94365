package org.recordingrate.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;
import org.recordingrate.compare.DifferenceMethod;
import org.recordingrate.model.Interval;
import org.recordingrate.model.Tally;

/**
 * Exact coverage of the change intervals by double enumeration: against a plain double sum with
 * Commons Math's binomial probabilities, and Newcombe's (1998) findings at the inspectors' sizes.
 */
class ChangeCoverageTest {

    private static double[] enumerate(DifferenceMethod method, int nb, double pb, int na, double pa) {
        BinomialDistribution before = new BinomialDistribution(null, nb, pb);
        BinomialDistribution after = new BinomialDistribution(null, na, pa);
        double d = pa - pb;
        double covered = 0;
        double width = 0;
        for (int xb = 0; xb <= nb; xb++) {
            for (int xa = 0; xa <= na; xa++) {
                Interval interval = method.interval(Tally.of(xb, nb), Tally.of(xa, na), 0.95);
                double probability = before.probability(xb) * after.probability(xa);
                width += probability * interval.width();
                if (interval.lower() <= d && d <= interval.upper()) {
                    covered += probability;
                }
            }
        }
        return new double[] {covered, width};
    }

    @Test
    void agreesWithAPlainDoubleSum() {
        // the exact unconditional interval costs milliseconds a table: ExactUnconditionalIntervalTest checks
        // its coverage on a small design instead
        for (DifferenceMethod method : DifferenceMethod.values()) {
            if (method == DifferenceMethod.EXACT_UNCONDITIONAL) {
                continue;
            }
            ChangeCoverage coverage = ChangeCoverage.withDefaults().with(method);
            for (int[] n : new int[][] {{5, 9}, {30, 20}, {120, 80}}) {
                for (double[] p : new double[][] {{0.8, 0.85}, {0.5, 0.5}, {0.95, 0.99}, {0.1, 0.02}}) {
                    ChangeCoveragePoint point = coverage.at(n[0], p[0], n[1], p[1]);
                    double[] expected = enumerate(method, n[0], p[0], n[1], p[1]);
                    assertEquals(expected[0], point.coverage(), 1e-12, method + " " + n[0] + "/" + n[1]);
                    assertEquals(expected[1], point.expectedWidth(), 1e-12, method + " " + n[0] + "/" + n[1]);
                    assertEquals(p[1] - p[0], point.change(), 0);
                }
            }
        }
    }

    /**
     * Newcombe (1998), Statistics in Medicine 17, 873-890: the Wald interval for a difference (his method
     * 1) under-covers, worst where the rates approach 1; the hybrid score interval (method 10) and the
     * score interval of Miettinen and Nurminen (method 6) keep coverage near nominal, and method 10 with
     * its continuity correction (method 11) is conservative. Here at inspectors' sizes: 640 then 202
     * audited, before rates 80% to 98.5%, a change of +1 point (measured: Wald mean 94.4%, lowest
     * 93.3% at 98%; Newcombe 95.3%, lowest 95.0%; Miettinen-Nurminen 95.2%; with correction 96.4%).
     */
    @Test
    void newcombesFindingsHoldAtAuditSizes() {
        RateGrid grid = RateGrid.of(0.8, 0.985, 0.005);
        CoverageCurve<ChangeCoveragePoint> wald = ChangeCoverage.withDefaults().with(DifferenceMethod.WALD)
                .over(640, 202, grid, 0.01);
        CoverageCurve<ChangeCoveragePoint> newcombe = ChangeCoverage.withDefaults().over(640, 202, grid, 0.01);
        CoverageCurve<ChangeCoveragePoint> score = ChangeCoverage.withDefaults()
                .with(DifferenceMethod.MIETTINEN_NURMINEN).over(640, 202, grid, 0.01);
        CoverageCurve<ChangeCoveragePoint> corrected = ChangeCoverage.withDefaults()
                .with(DifferenceMethod.NEWCOMBE_CC).over(640, 202, grid, 0.01);
        assertTrue(wald.meanCoverage() < newcombe.meanCoverage(), wald.toString());
        assertTrue(wald.lowest().coverage() < 0.94, wald.toString());
        assertTrue(wald.lowest().rate() >= 0.95, wald.toString());
        for (CoverageCurve<ChangeCoveragePoint> near : java.util.List.of(newcombe, score)) {
            assertEquals(0.95, near.meanCoverage(), 0.005, near.toString());
            assertTrue(near.lowest().coverage() > 0.94, near.toString());
        }
        assertTrue(corrected.meanCoverage() > 0.96, corrected.toString());
    }

    @Test
    void gridLeavesOutAfterRatesOutsideTheUnitInterval() {
        CoverageCurve<ChangeCoveragePoint> curve = ChangeCoverage.withDefaults()
                .over(20, 20, RateGrid.of(0.9, 1, 0.05), 0.05);
        assertEquals(2, curve.points().size());
        assertEquals(1.0, curve.points().get(1).rateAfter(), 1e-15);
        assertThrows(IllegalArgumentException.class,
                () -> ChangeCoverage.withDefaults().over(20, 20, RateGrid.of(0.99, 1, 0.01), 0.05));
        assertThrows(IllegalArgumentException.class, () -> ChangeCoverage.withDefaults().at(2000, 0.5, 2000, 0.5));
        assertThrows(IllegalArgumentException.class, () -> ChangeCoverage.withDefaults().at(0, 0.5, 20, 0.5));
        assertThrows(IllegalArgumentException.class, () -> ChangeCoverage.withDefaults().at(10, 1.5, 20, 0.5));
        assertThrows(IllegalArgumentException.class, () -> ChangeCoverage.withDefaults().over(10, 10,
                RateGrid.of(0.5, 0.6, 0.1), 1.5));
    }
}
