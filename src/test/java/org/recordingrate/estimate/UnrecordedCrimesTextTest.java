package org.recordingrate.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.recordingrate.format.ResultTable;
import org.recordingrate.model.Interval;

/**
 * {@link UnrecordedCrimes} as people and the command line read it, and the volume-weighted rate of
 * plain arrays ({@link WeightedRate#rate}). Numbers: V (1 - r)/r (the estimate from the rate, the
 * lower count from the upper rate and the reverse), "more than N" the estimate rounded down to
 * the unit ({@link UnrecordedCrimes#unitFor}: 100 from 1,000, 10 from 100, else 1).
 */
class UnrecordedCrimesTextTest {

    // 90% of 10,000 with interval 85% to 95%: 10,000 x 0.1/0.9 = 1,111.1; 10,000 x 0.05/0.95 = 526.3;
    // 10,000 x 0.15/0.85 = 1,764.7; more than 1,100 (unit 100)
    private static final UnrecordedCrimes NINETY = UnrecordedCrimes.of(10_000, new BigDecimal("0.9"),
            new Interval(0.85, 0.95));

    @Test
    void textAndTable() {
        assertEquals(10_000, NINETY.volume());
        assertEquals(10_000 * (0.1 / 0.9), NINETY.estimate(), 1e-9);
        assertEquals("more than 1,100 (estimate 1,111; 526 to 1,765)", NINETY.toString());
        assertEquals(String.format("volume      10,000%nunrecorded  1,111 (526 to 1,765)%nmore than   1,100 (unit 100)%n"),
                NINETY.summary());
        ResultTable table = NINETY.table();
        assertEquals(List.of("volume", "unrecorded", "unrecorded_lower", "unrecorded_upper", "more_than"),
                table.columns().stream().map(ResultTable.Column::name).toList());
        assertEquals(1, table.size());
        java.io.StringWriter csv = new java.io.StringWriter();
        table.writeCsv(csv);
        // the CSV's one row: the volume, the counts in full precision, "more than" at the default unit
        String row = csv.toString().lines().skip(1).findFirst().orElseThrow();
        String[] cells = row.split(",", -1);
        assertEquals("10000", cells[0], row);
        assertEquals(10_000 * (0.1 / 0.9), Double.parseDouble(cells[1]), 1e-9, row);
        assertEquals(10_000 * (0.05 / 0.95), Double.parseDouble(cells[2]), 1e-9, row);
        assertEquals(10_000 * (0.15 / 0.85), Double.parseDouble(cells[3]), 1e-9, row);
        assertEquals("1100", cells[4], row);
        // nothing recorded: an upper rate bound above 0 keeps the lower count finite, the estimate unbounded
        UnrecordedCrimes none = UnrecordedCrimes.of(500, 0, new Interval(0, 0.1));
        assertEquals("unbounded (no crime recorded)", none.toString());
        assertEquals(String.format("volume      500%nunrecorded  unbounded (no crime recorded)%n"), none.summary());
        // an upper count that is unbounded (lower rate 0) but an estimate that is not
        UnrecordedCrimes open = UnrecordedCrimes.of(10_000, 0.5, new Interval(0, 0.75));
        assertEquals("more than 10,000 (estimate 10,000; 3,333 to unbounded)", open.toString());
    }

    @Test
    void edgesOfTheRateAndOfTheLargestCount() {
        // everything recorded: none unrecorded, an interval reaching 1 accepted
        UnrecordedCrimes all = UnrecordedCrimes.of(100, 1, new Interval(0.9, 1));
        assertEquals(0, all.estimate());
        assertEquals(0, all.lower());
        assertEquals(java.util.OptionalLong.of(0), all.moreThan(1));
        // the same edges given as exact decimals: 1 and 0 are rates, not out of range
        assertEquals(0, UnrecordedCrimes.of(100, BigDecimal.ONE, new Interval(0.9, 1)).estimate());
        assertTrue(UnrecordedCrimes.of(100, BigDecimal.ZERO, new Interval(0, 0.1)).isUnbounded());
        // rate 1/2: as many unrecorded as recorded; 6 x 10^18 lies between 2^62 and 2^63 - 1, a count of
        // 63 bits, the largest that fits
        UnrecordedCrimes huge = UnrecordedCrimes.of(6_000_000_000_000_000_000L, new BigDecimal("0.5"),
                new Interval(0.4, 0.6));
        assertEquals(java.util.OptionalLong.of(6_000_000_000_000_000_000L), huge.moreThan(100));
    }

    /**
     * The margin of each row is z x SE, SE the binomial sqrt(p q/n): 180 of 202 at 95%,
     * 1.959964 x sqrt((180/202)(22/202)/202) = 0.04300. A category of clustered incidents all
     * recorded has no design effect (its binomial variance is 0), one with spread outcomes has one.
     */
    @Test
    void marginsAndDesignEffects() {
        java.util.List<org.recordingrate.model.Incidents.Group> spread = java.util.List.of(
                new org.recordingrate.model.Incidents.Group(2, 2, 80), new org.recordingrate.model.Incidents.Group(2, 0, 11));
        java.util.List<org.recordingrate.model.Incidents.Group> full = java.util.List.of(
                new org.recordingrate.model.Incidents.Group(2, 2, 30), new org.recordingrate.model.Incidents.Group(1, 1, 5));
        org.recordingrate.model.Inspection inspection = new org.recordingrate.model.Inspection("x", java.util.List.of(
                org.recordingrate.model.AuditedCategory.of("violence", 180, 202, 25_000),
                org.recordingrate.model.AuditedCategory.of(org.recordingrate.model.Category.of("robbery", 2_000),
                        new org.recordingrate.model.Incidents(spread)),
                org.recordingrate.model.AuditedCategory.of(org.recordingrate.model.Category.of("burglary", 3_000),
                        new org.recordingrate.model.Incidents(full))));
        InspectionEstimate estimate = InspectionEstimator.withDefaults().estimate(inspection);
        CategoryEstimate violence = estimate.rows().get(0);
        double p = 180 / 202.0;
        assertEquals(1.959963984540054 * Math.sqrt(p * (1 - p) / 202), violence.margin(), 1e-12);
        assertTrue(violence.designEffect().isEmpty());
        // Wilson 95% for 180 of 202: 84.1% to 92.7% (CategoryEstimate's own example)
        assertEquals("violence: 89.1% (84.1% to 92.7%), 180 of 202, volume 25,000", violence.toString());
        // 160 of 182 crimes in pairs recorded together: the survey variance of the 91 clusters over
        // the binomial one of 182 crimes is about 2 (every pair counts twice)
        CategoryEstimate robbery = estimate.rows().get(1);
        assertTrue(robbery.designEffect().isPresent() && robbery.designEffect().getAsDouble() > 1.8,
                robbery.toString());
        CategoryEstimate burglary = estimate.rows().get(2);
        assertEquals(1.0, burglary.rate());
        assertTrue(burglary.designEffect().isEmpty(), burglary.toString());
        assertTrue(burglary.toString().endsWith(", 65 of 65, volume 3,000, 35 incidents"), burglary.toString());
        assertTrue(robbery.toString().contains(", 91 incidents, design effect "), robbery.toString());
    }

    @Test
    void equalWhenEveryFieldIs() {
        UnrecordedCrimes same = UnrecordedCrimes.of(10_000, new BigDecimal("0.9"), new Interval(0.85, 0.95));
        assertEquals(NINETY, same);
        assertEquals(NINETY.hashCode(), same.hashCode());
        assertNotEquals(NINETY, UnrecordedCrimes.of(10_001, new BigDecimal("0.9"), new Interval(0.85, 0.95)));
        assertNotEquals(NINETY, UnrecordedCrimes.of(10_000, new BigDecimal("0.9"), new Interval(0.84, 0.95)));
        assertNotEquals(NINETY, UnrecordedCrimes.of(10_000, new BigDecimal("0.9"), new Interval(0.85, 0.96)));
        assertNotEquals(NINETY, UnrecordedCrimes.of(10_000, new BigDecimal("0.90001"), new Interval(0.85, 0.95)));
        assertNotEquals(NINETY, (Object) "more than 1,100");
    }

    @Test
    void weightedRateOfArrays() {
        // PEEL: 180 of 202, 131 of 132, 211 of 220 with volumes 25,000, 2,500, 35,000 (weights 0.4, 0.04, 0.56)
        double rate = WeightedRate.rate(new double[] {25_000, 2_500, 35_000}, new long[] {180, 131, 211},
                new long[] {202, 132, 220});
        assertEquals(0.4 * 180 / 202 + 0.04 * 131 / 132 + 0.56 * 211 / 220, rate, 1e-15);
        // everything recorded: 1 exactly (clipped against rounding of the weighted sum)
        assertEquals(1.0, WeightedRate.rate(new double[] {0.1, 0.2, 0.3, 0.4}, new long[] {3, 7, 11, 13},
                new long[] {3, 7, 11, 13}));
        assertTrue(Double.isNaN(WeightedRate.rate(new double[0], new long[0], new long[0])));
    }
}
