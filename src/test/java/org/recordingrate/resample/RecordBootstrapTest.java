package org.recordingrate.resample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.recordingrate.estimate.UnrecordedCrimes;
import org.recordingrate.model.AuditRecord;
import org.recordingrate.model.AuditedCategory;
import org.recordingrate.model.Category;
import org.recordingrate.model.Inspection;

/**
 * The record-level bootstrap on records built in code. False-failure budget: 5-sigma checks
 * (14 of them, below 1e-5 in all), the Monte Carlo error of a variance from B replicates being
 * about var sqrt(2/B) (normal replicates; these are close to normal).
 */
class RecordBootstrapTest {

    private static final List<Category> DESIGN = List.of(Category.of("violence", 25_000),
            Category.of("sexual offences", 2_500), Category.of("other crime", 35_000));

    /** PEEL's tallies as records: 180 of 202, 131 of 132, 211 of 220. */
    private static List<AuditRecord> records(boolean pairs) {
        List<AuditRecord> records = new ArrayList<>();
        long[][] tallies = {{180, 202}, {131, 132}, {211, 220}};
        for (int h = 0; h < 3; h++) {
            for (int j = 0; j < tallies[h][1]; j++) {
                boolean recorded = j < tallies[h][0];
                String id = "R" + h + "-" + j;
                // with pairs, each record has a twin with the same outcome in the same incident
                records.add(pairs ? AuditRecord.of(id, DESIGN.get(h).name(), recorded, "I" + h + "-" + j)
                        : AuditRecord.of(id, DESIGN.get(h).name(), recorded));
                if (pairs) {
                    records.add(AuditRecord.of(id + "b", DESIGN.get(h).name(), recorded, "I" + h + "-" + j));
                }
            }
        }
        return records;
    }

    private static final double BINOMIAL_SE = Math.sqrt(Math.pow(0.4, 2) * (180 / 202.0) * (22 / 202.0) / 202
            + Math.pow(0.04, 2) * (131 / 132.0) * (1 / 132.0) / 132
            + Math.pow(0.56, 2) * (211 / 220.0) * (9 / 220.0) / 220);

    @Test
    void recordsWithMultinomialOrPoissonWeightsHaveTheBinomialStandardError() {
        int b = 10_000;
        for (ResamplingWeights weights : ResamplingWeights.values()) {
            BootstrapEstimate e = RecordBootstrap.withDefaults().with(weights)
                    .with(Bootstrap.withDefaults().with(BootstrapInterval.PERCENTILE).withReplicates(b).withSeed(1))
                    .allCrime(records(false), DESIGN);
            assertEquals(180 * 0.4 / 202 + 131 * 0.04 / 132 + 211 * 0.56 / 220, e.estimate(), 1e-15);
            // the Poisson bootstrap's variance of a ratio matches to first order; 5 sigma of sqrt(2/B)
            double relative = 5 * Math.sqrt(2.0 / b) + (weights == ResamplingWeights.POISSON ? 0.01 : 0);
            assertEquals(BINOMIAL_SE * BINOMIAL_SE, e.standardError() * e.standardError(),
                    relative * BINOMIAL_SE * BINOMIAL_SE, weights.token());
        }
    }

    /**
     * Pairs of records that share an incident and an outcome: resampling incidents doubles the
     * variance (each incident counts twice), resampling records treats the 2n records as
     * independent and halves it; the binomial SE of n records lies between.
     */
    @Test
    void incidentsAsUnitsWidenTheIntervalWhenOutcomesCluster() {
        int b = 10_000;
        Bootstrap settings = Bootstrap.withDefaults().with(BootstrapInterval.BCA).withReplicates(b).withSeed(2);
        List<AuditRecord> pairs = records(true);
        BootstrapEstimate byRecord = RecordBootstrap.withDefaults().with(settings).allCrime(pairs, DESIGN);
        BootstrapEstimate byIncident = RecordBootstrap.withDefaults().with(settings).withIncidentsAsUnits(true)
                .allCrime(pairs, DESIGN);
        double v = BINOMIAL_SE * BINOMIAL_SE;
        double tolerance = 5 * Math.sqrt(2.0 / b);
        assertEquals(v / 2, Math.pow(byRecord.standardError(), 2), tolerance * v / 2);
        assertEquals(v, Math.pow(byIncident.standardError(), 2), tolerance * v);
        assertTrue(byIncident.interval().width() > byRecord.interval().width());
    }

    @Test
    void identicalForAnyNumberOfThreads() {
        Bootstrap settings = Bootstrap.withDefaults().withReplicates(30_000).withSeed(3);
        BootstrapEstimate one = RecordBootstrap.withDefaults().with(settings.withThreads(1)).allCrime(records(false), DESIGN);
        for (int threads : new int[] {2, 16}) {
            BootstrapEstimate many = RecordBootstrap.withDefaults().with(settings.withThreads(threads))
                    .allCrime(records(false), DESIGN);
            assertEquals(one.interval(), many.interval());
            assertEquals(one.standardError(), many.standardError());
        }
    }

    @Test
    void refusesWhatItCannotDo() {
        assertThrows(IllegalArgumentException.class,
                () -> RecordBootstrap.withDefaults().with(Bootstrap.withDefaults().with(BootstrapInterval.EXACT)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RecordBootstrap.withDefaults()
                .allCrime(List.of(AuditRecord.of("R1", "fraud", true)), DESIGN));
        assertTrue(e.getMessage().contains("fraud"), e.getMessage());
    }

    /**
     * The inspection methods with Poisson weights (each unit's weight drawn, unit by unit): PEEL's
     * tallies as an inspection of single-crime incidents. The Poisson bootstrap's variance of a
     * ratio matches the binomial variance p(1 - p)/n to first order (as for records above), per
     * category, for all crime (sum W&sup2; p q/n) and for a change (the two inspections'
     * variances added: independent resampling), each within 5 sigma of sqrt(2/B) plus 1% (the
     * first-order difference, as above). Estimates are the observed rates, exactly; the unrecorded
     * crimes those of the all-crime rate, V (1 - r)/r.
     */
    @Test
    void inspectionsWithPoissonWeightsHaveTheBinomialStandardErrors() {
        int b = 10_000;
        long[][] tallies = {{180, 202}, {131, 132}, {211, 220}};
        List<AuditedCategory> categories = new ArrayList<>();
        List<AuditedCategory> earlier = new ArrayList<>();
        for (int h = 0; h < 3; h++) {
            categories.add(AuditedCategory.of(DESIGN.get(h).name(), tallies[h][0], tallies[h][1], DESIGN.get(h).volume()));
            // the earlier inspection: the same audits with 10 fewer recorded in each category
            earlier.add(AuditedCategory.of(DESIGN.get(h).name(), tallies[h][0] - 10, tallies[h][1],
                    DESIGN.get(h).volume()));
        }
        Inspection after = new Inspection("after", categories);
        Inspection before = new Inspection("before", earlier);
        RecordBootstrap poisson = RecordBootstrap.withDefaults().with(ResamplingWeights.POISSON)
                .with(Bootstrap.withDefaults().with(BootstrapInterval.PERCENTILE).withReplicates(b).withSeed(4));
        double relative = 5 * Math.sqrt(2.0 / b) + 0.01;
        BootstrapInspectionEstimate estimate = poisson.estimate(after);
        assertEquals(4, estimate.rows().size());
        for (int h = 0; h < 3; h++) {
            BootstrapEstimate rate = estimate.categories().get(h).rate();
            double p = (double) tallies[h][0] / tallies[h][1];
            assertEquals(p, rate.estimate(), 1e-15);
            if (h != 1) {   // 131 of 132: one unrecorded crime, a distribution too skewed for the first order
                double v = p * (1 - p) / tallies[h][1];
                assertEquals(v, rate.standardError() * rate.standardError(), relative * v, DESIGN.get(h).name());
            }
        }
        BootstrapEstimate allCrime = poisson.allCrime(after);
        double r = 180 * 0.4 / 202 + 131 * 0.04 / 132 + 211 * 0.56 / 220;
        assertEquals(r, allCrime.estimate(), 1e-15);
        assertEquals(BINOMIAL_SE * BINOMIAL_SE, allCrime.standardError() * allCrime.standardError(),
                relative * BINOMIAL_SE * BINOMIAL_SE);
        // the inspection's all-crime row: the same statistic, drawn from another generator
        BootstrapEstimate row = estimate.allCrime().rate();
        assertEquals(r, row.estimate(), 1e-15);
        assertEquals(BINOMIAL_SE * BINOMIAL_SE, row.standardError() * row.standardError(),
                relative * BINOMIAL_SE * BINOMIAL_SE);
        UnrecordedCrimes unrecorded = poisson.unrecorded(after);
        assertEquals(62_500 * (1 - r) / r, unrecorded.estimate(), 1e-6);
        // fewer unrecorded crimes at the upper bound of the rate: V (1 - U)/U
        assertEquals(62_500 * (1 - allCrime.upper()) / allCrime.upper(), unrecorded.lower(), 1e-6);

        BootstrapInspectionChange change = poisson.compare(before, after);
        assertEquals(4, change.rows().size());
        double[] w = {0.4, 0.04, 0.56};
        double varianceBefore = 0;
        for (int h = 0; h < 3; h++) {
            double pb = (tallies[h][0] - 10.0) / tallies[h][1];
            varianceBefore += w[h] * w[h] * pb * (1 - pb) / tallies[h][1];
            assertEquals(10.0 / tallies[h][1], change.rows().get(h).change().estimate(), 1e-15);
        }
        double v = BINOMIAL_SE * BINOMIAL_SE + varianceBefore;
        assertEquals(0.4 * 10 / 202 + 0.04 * 10 / 132 + 0.56 * 10 / 220, change.allCrime().change().estimate(), 1e-15);
        assertEquals(v, Math.pow(change.allCrime().change().standardError(), 2), relative * v);
    }
}
