package org.recordingrate.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.recordingrate.model.Inspection;

/**
 * All-crime behaviour beyond the reference designs, each expected value computed inside the test
 * from the defining formulas (shared/reference/README.md, stratified-results.csv columns).
 */
class InspectionEstimatorTest {

    private static final Inspection PEEL = Inspection.builder("PEEL 2021/22")
            .category("violence", 180, 202, 25_000)
            .category("sexual offences", 131, 132, 2_500)
            .category("other crime", 211, 220, 35_000)
            .build();

    @Test
    void surveyVarianceWithoutPopulationHasNoFiniteCorrection() {
        // se_survey with no population: sqrt(sum W^2 p(1-p)/(n-1)), the README formula with factor 1
        double total = 62_500;
        double expected = Math.sqrt(sq(25_000 / total) * (180.0 / 202) * (22.0 / 202) / 201
                + sq(2_500 / total) * (131.0 / 132) * (1.0 / 132) / 131
                + sq(35_000 / total) * (211.0 / 220) * (9.0 / 220) / 219);
        CategoryEstimate all = InspectionEstimator.withDefaults().with(VarianceConvention.SURVEY).estimate(PEEL).allCrime();
        assertEquals(expected, all.standardError(), 1e-15);
    }

    @Test
    void aCategoryAuditedInFullAddsNoSurveyVariance() {
        Inspection census = Inspection.builder("census").category("violence", 45, 50, 60, 60)
                .category("sexual offences", 28, 30, 31, 30).build();
        double w = 60.0 / 91;
        double expected = Math.sqrt(w * w * (1 - 50.0 / 60) * (45.0 / 50) * (5.0 / 50) / 49);
        assertEquals(expected, InspectionEstimator.withDefaults().with(VarianceConvention.SURVEY).estimate(census)
                .allCrime().standardError(), 1e-15);
    }

    @Test
    void everyCategoryAllRecordedGivesExactEdgeIntervals() {
        Inspection all = Inspection.builder("all recorded").category("violence", 20, 20, 100)
                .category("sexual offences", 10, 10, 50).build();
        for (AllCrimeMethod method : AllCrimeMethod.values()) {
            CategoryEstimate row = InspectionEstimator.withDefaults().with(method).estimate(all).allCrime();
            assertEquals(1.0, row.rate(), 0.0, method.token());
            assertEquals(1.0, row.upper(), 0.0, method.token());
            if (method == AllCrimeMethod.WALD) {
                assertEquals(1.0, row.lower(), 0.0, "Wald collapses at the edge");
            } else if (method != AllCrimeMethod.WILSON) {
                // Clopper-Pearson for 30 of 30: (0.025)^(1/30)
                assertEquals(Math.pow(0.025, 1.0 / 30), row.lower(), 1e-12, method.token());
            } else {
                double z = 1.959963984540054;
                assertEquals(30 / (30 + z * z), row.lower(), 1e-12, "Wilson at n = 30");
            }
            assertEquals(0.0, row.unrecorded().estimate(), 0.0);
        }
    }

    @Test
    void noCategoryRecordedAnythingGivesUnboundedUnrecordedCrimes() {
        Inspection none = Inspection.builder("none").category("violence", 0, 20, 100).build();
        CategoryEstimate row = InspectionEstimator.withDefaults().estimate(none).allCrime();
        assertEquals(0.0, row.lower(), 0.0);
        assertTrue(Double.isInfinite(row.unrecorded().estimate()));
        assertTrue(row.unrecorded().isUnbounded());
        assertTrue(row.unrecorded().moreThan().isEmpty());
    }

    @Test
    void unrecordedCrimesMapTheRateAndItsBounds() {
        CategoryEstimate all = InspectionEstimator.withDefaults().with(AllCrimeMethod.WALD).estimate(PEEL).allCrime();
        double p = all.rate();
        assertEquals(62_500 * (1 - p) / p, all.unrecorded().estimate(), 1e-9);
        assertEquals(62_500 * (1 - all.upper()) / all.upper(), all.unrecorded().lower(), 1e-9);
        assertEquals(62_500 * (1 - all.lower()) / all.lower(), all.unrecorded().upper(), 1e-9);
        assertEquals(100 * Math.floor(all.unrecorded().estimate() / 100), all.unrecorded().moreThan().getAsLong(), 0.0);
        assertEquals(500 * Math.floor(all.unrecorded().estimate() / 500), all.unrecorded().moreThan(500).getAsLong(), 0.0);
        assertEquals((180 + 131 + 211), all.recorded());
        assertEquals(62_500, all.volume());
    }

    @Test
    void textOutputReadsWell() {
        InspectionEstimate estimate = InspectionEstimator.withDefaults().with(AllCrimeMethod.WALD).estimate(PEEL);
        // every row on the one line (issue 18: results print whole), all crime last
        assertEquals("PEEL 2021/22: violence 89.1% (84.8% to 93.4%), sexual offences 99.2% (97.8% to 100.0%), other crime"
                + " 95.9% (93.3% to 98.5%); all crime 93.3% (95% CI 91.1% to 95.6%, Wald, binomial variance)",
                estimate.toString());
        assertTrue(estimate.summary().contains("all crime") && estimate.summary().contains("> 4,400"), estimate.summary());
    }

    private static double sq(double x) {
        return x * x;
    }
}
