package org.recordingrate.resample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Tally;

/**
 * What a {@link Bootstrap} is set to, and the Monte Carlo error it reports for a bound: the
 * asymptotic standard error of a sample quantile, sqrt(beta (1 - beta) / B) / f(q) (Serfling 1980,
 * section 2.3.3), with f the normal density of the bootstrap standard error at the quantile, so
 * se sqrt(beta (1 - beta) / B) / phi(z_beta) (Efron and Tibshirani 1993, section 19.3).
 */
class BootstrapSettingsTest {

    @Test
    void theSettingsReadBackAsGiven() {
        Bootstrap b = Bootstrap.withDefaults().with(BootstrapInterval.PERCENTILE).withConfidence(0.9).withReplicates(3_000)
                .withSeed(8).withThreads(2).with(TieCounting.STRICTLY_BELOW);
        assertEquals(0.9, b.confidence());
        assertEquals(3_000, b.replicates());
        assertEquals(8, b.seed());
        assertEquals(2, b.threads());
        assertEquals(TieCounting.STRICTLY_BELOW, b.ties());
        assertEquals(BootstrapInterval.PERCENTILE, b.interval());
        assertEquals("bootstrap_percentile", b.token());
        assertEquals("bootstrap percentile", b.displayName());
        assertEquals("Bootstrap[percentile, confidence 0.9, 3000 replicates, seed 8, 2 threads, ties strictly_below]",
                b.toString());
        assertEquals(Bootstrap.MAX_REPLICATES, Bootstrap.checkReplicates(Bootstrap.MAX_REPLICATES));
        assertThrows(IllegalArgumentException.class, () -> Bootstrap.checkReplicates(Bootstrap.MAX_REPLICATES + 1L));
    }

    @Test
    void aBoundsMonteCarloErrorIsTheQuantilesStandardError() {
        for (double confidence : new double[] {0.95, 0.8}) {
            for (long replicates : new long[] {2_000, 10_000}) {
                BootstrapEstimate e = Bootstrap.withDefaults().withConfidence(confidence).withReplicates(replicates)
                        .withSeed(4).estimate(Tally.of(180, 202));
                double beta = (1 - confidence) / 2;
                double z = new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1)
                        .inverseCumulativeProbability(beta);
                double density = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
                double expected = e.standardError() * Math.sqrt(beta * (1 - beta) / replicates) / density;
                assertEquals(expected, e.monteCarlo().orElseThrow().standardError(), 1e-12 * expected,
                        confidence + ", " + replicates);
                assertEquals(4, e.monteCarlo().orElseThrow().seed());
                assertEquals(replicates, e.monteCarlo().orElseThrow().replicates());
            }
        }
    }

    @Test
    void tooManyAuditedInOneInspectionIsRefusedNamingIt() {
        // each category within 2^53, their sum beyond it: the inspection's total is refused
        long half = (1L << 52) + 1;
        Inspection huge = Inspection.builder("HUGE 2022").category("violence", 1, half, 10)
                .category("other crime", 1, half, 10).build();
        Inspection small = Inspection.builder("SMALL 2017").category("violence", 1, 2, 10).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Bootstrap.withDefaults().withReplicates(100).compare(small, huge));
        assertTrue(e.getMessage().contains("audited in all of inspection 'HUGE 2022'"), e.getMessage());
    }
}
