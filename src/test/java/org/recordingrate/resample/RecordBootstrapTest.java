package org.recordingrate.resample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.recordingrate.model.AuditRecord;
import org.recordingrate.model.Category;

/**
 * The record-level bootstrap on records built in code. False-failure budget: 5-sigma checks
 * (6 of them, below 1e-5 in all), the Monte Carlo error of a variance from B replicates being
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
}
