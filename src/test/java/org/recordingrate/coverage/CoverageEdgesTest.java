package org.recordingrate.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.recordingrate.compare.DifferenceMethod;
import org.recordingrate.estimate.AllCrimeMethod;
import org.recordingrate.estimate.IntervalMethod;
import org.recordingrate.estimate.VarianceConvention;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Tally;

/**
 * The edges of the coverage package that the mutation run (PIT) showed untested: limits at their exact
 * values, rates 0 and 1 in changes, curve summaries, ties, the result types' own text and tables.
 */
class CoverageEdgesTest {

    @Test
    void aGridReusesItsIntervalsAndGivesEachRatesOwnCoverage() {
        // a grid runs every rate on one set of work arrays: each point must equal its own fresh computation
        RateGrid grid = RateGrid.of(0.5, 0.99, 0.07);
        CoverageCurve<CoveragePoint> curve = RateCoverage.withDefaults().with(IntervalMethod.JEFFREYS).over(150, grid);
        for (CoveragePoint point : curve.points()) {
            CoveragePoint alone = RateCoverage.withDefaults().with(IntervalMethod.JEFFREYS).at(150, point.rate());
            assertEquals(alone, point);
        }
        RateCoverage procedure = RateCoverage.withDefaults().with(IntervalMethod.LOGIT).withConfidence(0.9);
        assertEquals(IntervalMethod.LOGIT, procedure.method());
        assertEquals(0.9, procedure.confidence());
    }

    @Test
    void aGridOfLargeAuditsStartsEachSumAtItsOwnRange() {
        // at 5,000 audited the probabilities of 0.5 underflow far from 2,500 and those of 0.99 far from 4,950:
        // the sum for 0.99 must not read what 0.5 left in the work array
        CoverageCurve<CoveragePoint> curve = RateCoverage.withDefaults().over(5_000, RateGrid.of(List.of(0.5, 0.99)));
        assertEquals(RateCoverage.withDefaults().at(5_000, 0.99), curve.points().get(1));
        assertEquals(RateCoverage.withDefaults().at(5_000, 0.5), curve.points().get(0));
        // the largest enumerated count is accepted
        assertTrue(RateCoverage.withDefaults().at(RateCoverage.MAX_AUDITED, 0.9).coverage() > 0.9);
        assertEquals(RateGrid.MAX_POINTS, RateGrid.of(java.util.Collections.nCopies(RateGrid.MAX_POINTS, 0.5)).size());
        assertThrows(IllegalArgumentException.class,
                () -> RateGrid.of(java.util.Collections.nCopies(RateGrid.MAX_POINTS + 1, 0.5)));
    }

    @Test
    void curveSummariesAndTies() {
        CoveragePoint first = new CoveragePoint(IntervalMethod.WALD, 0.95, 10, 0.2, 0.9, 0.3);
        CoveragePoint tie = new CoveragePoint(IntervalMethod.WALD, 0.95, 10, 0.4, 0.9, 0.1);
        CoveragePoint high = new CoveragePoint(IntervalMethod.WALD, 0.95, 10, 0.6, 0.97, 0.2);
        CoverageCurve<CoveragePoint> curve = new CoverageCurve<>("Wald, 10", List.of(high, first, tie),
                CoveragePoint.COLUMNS);
        assertEquals(first, curve.lowest());
        assertEquals(0.2, curve.meanExpectedWidth(), 1e-15);
        assertEquals(2.0 / 3, curve.shareUnderCovered(), 1e-15);
        assertEquals((0.97 + 0.9 + 0.9) / 3, curve.meanCoverage(), 1e-15);
        assertEquals("Wald, 10", curve.description());
        assertEquals(0.95, curve.confidence());
        assertEquals(3, curve.table().size());
        assertThrows(IllegalArgumentException.class, () -> new CoverageCurve<>("x", List.of(), CoveragePoint.COLUMNS));
    }

    @Test
    void underCoversIsStrictlyMoreThanThePoint() {
        double confidence = 0.95;
        double atTolerance = confidence - CoverageFigure.TOLERANCE;
        assertFalse(new CoveragePoint(IntervalMethod.WALD, confidence, 10, 0.5, atTolerance, 0.1).underCovers());
        assertTrue(new CoveragePoint(IntervalMethod.WALD, confidence, 10, 0.5, Math.nextDown(atTolerance), 0.1)
                .underCovers());
        // simulation: also 2 Monte Carlo errors below
        SimulatedCoverage below = new SimulatedCoverage("x", AllCrimeMethod.WALD, VarianceConvention.BINOMIAL, 0.95, 0.9,
                1000, 1, 0.92, 0.004, 0.05);
        SimulatedCoverage within = new SimulatedCoverage("x", AllCrimeMethod.WALD, VarianceConvention.BINOMIAL, 0.95,
                0.9, 1000, 1, 0.935, 0.004, 0.05);
        SimulatedCoverage edge = new SimulatedCoverage("x", AllCrimeMethod.WALD, VarianceConvention.BINOMIAL, 0.95,
                0.9, 1000, 1, 0.95 - 0.01 - 2 * 0.004, 0.004, 0.05);
        assertTrue(below.underCovers());
        assertFalse(within.underCovers());
        assertFalse(edge.underCovers());
        assertTrue(below.summary().contains("(under-covers)"), below.summary());
        assertFalse(within.summary().contains("(under-covers)"), within.summary());
        assertTrue(below.toString().startsWith("x, all crime, Wald 95% CI at true rate 90.0%: coverage 92.0% +/- 0.40%"),
                below.toString());
        assertEquals(1, below.table().size());
    }

    @Test
    void resultTypesWriteThemselves() {
        CoveragePoint point = RateCoverage.withDefaults().with(IntervalMethod.WALD).at(40, 0.5);
        assertTrue(point.summary().contains("(more than 1 point below nominal)"), point.summary());
        assertTrue(point.toString().startsWith("Wald 95% CI, 40 audited, true rate 50.0%: coverage 91.9%"),
                point.toString());
        assertEquals(List.of("wald", 0.95, 40L, 0.5), CoveragePoint.COLUMNS.values(point).subList(0, 4));
        ChangeCoveragePoint change = ChangeCoverage.withDefaults().with(DifferenceMethod.WALD).at(30, 0.99, 20, 0.9);
        assertTrue(change.underCovers(), change.toString());
        assertTrue(change.summary().contains("(more than 1 point below nominal)"), change.summary());
        assertTrue(change.summary().contains("-9.0 points"), change.summary());
        assertTrue(change.toString().contains("30 then 20 audited, true rates 99.0% then 90.0%"), change.toString());
        assertTrue(change.toString().endsWith(", expected width "
                + String.format(java.util.Locale.ROOT, "%.1f", 100 * change.expectedWidth()) + " points"),
                change.toString());
        assertTrue(change.summary().contains("expected width  "
                + String.format(java.util.Locale.ROOT, "%.2f", 100 * change.expectedWidth()) + " points"),
                change.summary());
        assertEquals(1, point.table().size());
        assertEquals(1, change.table().size());
        ChangeCoveragePoint fine = ChangeCoverage.withDefaults().withConfidence(0.9).at(30, 0.5, 20, 0.5);
        assertFalse(fine.summary().contains("below nominal"), fine.summary());
        assertEquals(0.9, fine.confidence());
    }

    @Test
    void changesAtRatesZeroAndOne() {
        // before certain to be 0 of 10, after certain to be 20 of 20: one pair of tallies, covered or not
        ChangeCoveragePoint certain = ChangeCoverage.withDefaults().at(10, 0, 20, 1);
        boolean covers = DifferenceMethod.NEWCOMBE.interval(Tally.of(0, 10), Tally.of(20, 20), 0.95).upper() >= 1;
        assertEquals(covers ? 1 : 0, certain.coverage());
        assertEquals(DifferenceMethod.NEWCOMBE.interval(Tally.of(0, 10), Tally.of(20, 20), 0.95).width(),
                certain.expectedWidth(), 1e-15);
        // the grid keeps an after rate of exactly 0 and exactly 1
        CoverageCurve<ChangeCoveragePoint> down = ChangeCoverage.withDefaults().over(10, 10, RateGrid.of(0.25, 0.5,
                0.25), -0.25);
        assertEquals(2, down.points().size());
        assertEquals(0, down.points().get(0).rateAfter());
        CoverageCurve<ChangeCoveragePoint> up = ChangeCoverage.withDefaults().over(10, 10, RateGrid.of(0.5, 0.75,
                0.25), 0.25);
        assertEquals(2, up.points().size());
        assertEquals(1, up.points().get(1).rateAfter());
    }

    @Test
    void limitsAtTheirExactValues() {
        // (1023 + 1)(2047 + 1) = 2^21 pairs: the largest design enumerated
        ChangeCoveragePoint largest = ChangeCoverage.withDefaults().with(DifferenceMethod.WALD).at(1023, 0.9, 2047, 0.9);
        assertTrue(largest.coverage() > 0.9, largest.toString());
        assertThrows(IllegalArgumentException.class,
                () -> ChangeCoverage.withDefaults().at(1024, 0.9, 2047, 0.9));
        assertThrows(IllegalArgumentException.class,
                () -> ChangeCoverage.withDefaults().at(1023, 0.9, 2048, 0.9));
        assertEquals(RateGrid.MAX_POINTS, RateGrid.of(0, 1, 0.000001).size());
        assertThrows(IllegalArgumentException.class, () -> RateGrid.of(0, 1, 0.0000009999));
        // a one-record audit is checked, beyond the limit nothing is said
        assertTrue(UnderCoverage.note(IntervalMethod.WALD, 0.95, Tally.of(1, 1)).isPresent());
        assertTrue(UnderCoverage.note(IntervalMethod.WALD, 0.95,
                Tally.of(UnderCoverage.MAX_AUDITED, UnderCoverage.MAX_AUDITED)).isPresent());
    }

    @Test
    void simulationCountsEveryReplicateOnce() {
        Inspection one = Inspection.builder("one").category("violence", 5, 10, 100).build();
        for (int replicates : new int[] {1, 3, AllCrimeCoverage.BLOCK, AllCrimeCoverage.BLOCK + 1}) {
            SimulatedCoverage result = AllCrimeCoverage.withDefaults().withReplicates(replicates).simulate(one);
            double count = result.coverage() * replicates;
            assertEquals(Math.rint(count), count, 1e-9, result.toString());
            assertTrue(result.coverage() >= 0 && result.coverage() <= 1, result.toString());
        }
        assertEquals(1, AllCrimeCoverage.withDefaults().withReplicates(1).simulate(one).replicates());
        assertThrows(IllegalArgumentException.class,
                () -> AllCrimeCoverage.withDefaults().withReplicates(AllCrimeCoverage.MAX_REPLICATES + 1));
        // the largest count is accepted (not run here)
        AllCrimeCoverage.withDefaults().withReplicates(AllCrimeCoverage.MAX_REPLICATES);
        assertThrows(IllegalArgumentException.class, () -> AllCrimeCoverage.withDefaults().withReplicates(0));
    }
}
