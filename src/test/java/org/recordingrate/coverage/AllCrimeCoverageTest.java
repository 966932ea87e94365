package org.recordingrate.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.recordingrate.estimate.AllCrimeMethod;
import org.recordingrate.estimate.IntervalMethod;
import org.recordingrate.estimate.VarianceConvention;
import org.recordingrate.model.Inspection;

/**
 * All-crime coverage by simulation. False-failure budget: the comparisons with exact values allow 4.5
 * Monte Carlo standard errors (two-sided probability 7e-6 each, two such checks).
 */
class AllCrimeCoverageTest {

    private static final Inspection PEEL = Inspection.builder("PEEL 2021/22")
            .category("violence", 180, 202, 25_000)
            .category("sexual offences", 131, 132, 2_500)
            .category("other crime", 211, 220, 35_000)
            .build();

    /**
     * With one category the all-crime Wilson interval is the category's Wilson interval (effective size
     * n), so the simulated coverage estimates the exact coverage of {@link RateCoverage}.
     */
    @Test
    void oneCategoryAgreesWithTheExactCoverage() {
        Inspection one = Inspection.builder("one").category("violence", 180, 202, 25_000).build();
        for (AllCrimeMethod method : List.of(AllCrimeMethod.WILSON, AllCrimeMethod.WALD)) {
            SimulatedCoverage simulated = AllCrimeCoverage.withDefaults().with(method).withReplicates(40_000)
                    .withSeed(7).simulate(one);
            IntervalMethod same = method == AllCrimeMethod.WILSON ? IntervalMethod.WILSON : IntervalMethod.WALD;
            double exact = RateCoverage.withDefaults().with(same).at(202, 180 / 202.0).coverage();
            assertEquals(exact, simulated.coverage(), 4.5 * simulated.monteCarloError(), simulated.toString());
            assertEquals(Math.sqrt(simulated.coverage() * (1 - simulated.coverage()) / 40_000),
                    simulated.monteCarloError(), 1e-15);
        }
    }

    @Test
    void seededAndReproducible() {
        AllCrimeCoverage coverage = AllCrimeCoverage.withDefaults().withReplicates(20_000).withSeed(42);
        SimulatedCoverage first = coverage.simulate(PEEL);
        assertEquals(first, coverage.simulate(PEEL));
        assertNotEquals(first.coverage(), coverage.withSeed(43).simulate(PEEL).coverage());
        double truth = (25_000 * 180 / 202.0 + 2_500 * 131 / 132.0 + 35_000 * 211 / 220.0) / 62_500;
        assertEquals(truth, first.rate(), 1e-15);
        assertEquals(20_000, first.replicates());
        assertTrue(first.expectedWidth() > 0.03 && first.expectedWidth() < 0.06, first.toString());
        assertEquals(first.coverage() < 0.95 - 0.01 - 2 * first.monteCarloError(), first.underCovers());
    }

    @Test
    void givenRatesAndConventions() {
        SimulatedCoverage survey = AllCrimeCoverage.withDefaults().with(VarianceConvention.SURVEY)
                .with(AllCrimeMethod.KORN_GRAUBARD).withConfidence(0.9).withReplicates(2_000)
                .simulate(PEEL, List.of(0.9, 0.99, 0.95));
        assertEquals((25_000 * 0.9 + 2_500 * 0.99 + 35_000 * 0.95) / 62_500, survey.rate(), 1e-15);
        assertEquals(VarianceConvention.SURVEY, survey.variance());
        assertEquals(0.9, survey.confidence());
        assertEquals(10, SimulatedCoverage.COLUMNS.names().size());
        assertTrue(survey.summary().contains("Monte Carlo"));
        assertThrows(IllegalArgumentException.class, () -> AllCrimeCoverage.withDefaults().simulate(PEEL, List.of(0.9)));
        assertThrows(IllegalArgumentException.class,
                () -> AllCrimeCoverage.withDefaults().simulate(PEEL, List.of(0.9, 1.2, 0.5)));
        assertThrows(IllegalArgumentException.class, () -> AllCrimeCoverage.withDefaults().withReplicates(0));
    }
}
