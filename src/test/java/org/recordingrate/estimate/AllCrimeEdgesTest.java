package org.recordingrate.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.recordingrate.model.Inspection;

/**
 * The all-crime Korn-Graubard interval at the edges: nothing recorded, or everything, in every
 * category. The effective sample size is then the audited count n (no variance to estimate it
 * from), and the interval is Clopper-Pearson's closed form for 0 of n, [0, 1 - (alpha/2)^(1/n)],
 * and for n of n, [(alpha/2)^(1/n), 1] (Clopper and Pearson 1934; Korn and Graubard 1998).
 */
class AllCrimeEdgesTest {

    @Test
    void kornGraubardAtNothingAndEverythingRecorded() {
        InspectionEstimator kg = InspectionEstimator.withDefaults().with(AllCrimeMethod.KORN_GRAUBARD);
        Inspection none = Inspection.builder("none").category("violence", 0, 20, 1_000)
                .category("robbery", 0, 20, 3_000).build();
        CategoryEstimate zero = kg.estimate(none).allCrime();
        assertEquals(0.0, zero.lower());
        assertEquals(1 - Math.pow(0.025, 1 / 40.0), zero.upper(), 1e-12);
        Inspection all = Inspection.builder("all").category("violence", 20, 20, 1_000)
                .category("robbery", 20, 20, 3_000).build();
        CategoryEstimate one = kg.estimate(all).allCrime();
        assertEquals(Math.pow(0.025, 1 / 40.0), one.lower(), 1e-12);
        assertEquals(1.0, one.upper());
    }

    /**
     * The survey variance of a category of two audited records, the fewest it accepts:
     * (1 - n/N) p(1 - p)/(n - 1) = (1 - 2/100) x 0.25/1 = 0.245 for 1 of 2 from a population of 100
     * (Cochran 1977, 3.4 with the finite population correction), so the margin is
     * 1.959964 x sqrt(0.245).
     */
    @Test
    void surveyVarianceOfTwoAuditedRecords() {
        Inspection two = new Inspection("two", java.util.List.of(
                org.recordingrate.model.AuditedCategory.of("violence", 1, 2, 1_000, 100)));
        CategoryEstimate row = InspectionEstimator.withDefaults().with(VarianceConvention.SURVEY).estimate(two)
                .rows().get(0);
        assertEquals(1.959963984540054 * Math.sqrt(0.245), row.margin(), 1e-12);
    }
}
