package org.recordingrate.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.recordingrate.compare.Alternative;
import org.recordingrate.compare.ChangeTest;
import org.recordingrate.compare.DifferenceMethod;
import org.recordingrate.compare.TestResult;
import org.recordingrate.internal.Normal;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Interval;
import org.recordingrate.model.Tally;
import org.recordingrate.resample.Bootstrap;
import org.recordingrate.resample.PermutationTest;

/**
 * Properties of the tests of change on seeded random cases: p-values in [0, 1] and never NaN for
 * every test and alternative; consistent with the matching interval (Wald with the unpooled z,
 * Miettinen-Nurminen with the pooled score test carrying N/(N - 1)); and the resampling results the same
 * for any number of threads.
 */
class TestPropertiesTest {

    @Test
    void pValuesLieInTheUnitInterval() {
        Generators g = new Generators(30);
        for (int i = 0; i < 1_500; i++) {
            Tally before = g.tally(1L << 38);
            Tally after = g.tally(1L << 38);
            for (ChangeTest test : List.of(ChangeTest.Z_POOLED, ChangeTest.Z_UNPOOLED, ChangeTest.CHISQ_YATES,
                    ChangeTest.FISHER_EXACT, ChangeTest.FISHER_MID_P)) {
                for (Alternative alternative : Alternative.values()) {
                    TestResult result = test.test(before, after, alternative);
                    assertTrue(result.pValue() >= 0 && result.pValue() <= 1,
                            test + " " + alternative + " " + before + " -> " + after + ": " + result);
                }
            }
        }
        Generators small = new Generators(31);
        for (int i = 0; i < 30; i++) {
            Tally before = small.tally(25);
            Tally after = small.tally(25);
            for (ChangeTest test : List.of(ChangeTest.BARNARD, ChangeTest.BOSCHLOO)) {
                for (Alternative alternative : Alternative.values()) {
                    double p = test.test(before, after, alternative).pValue();
                    assertTrue(p >= 0 && p <= 1, test + " " + alternative + " " + before + " -> " + after + ": " + p);
                }
            }
        }
    }

    /**
     * The Wald interval excludes 0 exactly when the unpooled z-test rejects at alpha = 1 - level, and the
     * Miettinen-Nurminen interval exactly when |z_pooled| sqrt((N - 1)/N) exceeds the critical value (its
     * variance carries N/(N - 1); at D = 0 the restricted rates are the pooled one); cases within 1e-9 of
     * the boundary are ties of rounding and skipped.
     */
    @Test
    void testsAgreeWithTheMatchingIntervals() {
        Generators g = new Generators(32);
        int checked = 0;
        for (int i = 0; i < 3_000; i++) {
            Tally before = g.tally(1L << 40);
            Tally after = g.tally(1L << 40);
            double confidence = Math.min(0.999999, Math.max(0.5, g.confidence()));
            double z = Normal.twoSidedCritical(confidence);
            TestResult unpooled = ChangeTest.Z_UNPOOLED.test(before, after, Alternative.TWO_SIDED);
            Interval wald = DifferenceMethod.WALD.interval(before, after, confidence);
            double alpha = 1 - confidence;
            if (Math.abs(unpooled.pValue() - alpha) > 1e-9 * alpha) {
                assertEquals(unpooled.pValue() < alpha, wald.lower() > 0 || wald.upper() < 0,
                        before + " -> " + after + " at " + confidence + ": " + unpooled + ", " + wald);
                checked++;
            }
            TestResult pooled = ChangeTest.Z_POOLED.test(before, after, Alternative.TWO_SIDED);
            double total = (double) before.audited() + after.audited();
            double score = Math.abs(pooled.statistic().orElse(0)) * Math.sqrt((total - 1) / total);
            Interval mn = DifferenceMethod.MIETTINEN_NURMINEN.interval(before, after, confidence);
            if (Math.abs(score - z) > 1e-9 * z && Double.isFinite(score)) {
                assertEquals(score > z, mn.lower() > 0 || mn.upper() < 0,
                        before + " -> " + after + " at " + confidence + ": score " + score + ", " + mn);
            }
        }
        assertTrue(checked > 2_500, "cases checked: " + checked);
    }

    /** Fixed blocks of split generators: the same replicates, so the same answer, on 1 to 4 threads. */
    @Test
    void resamplingIsTheSameForAnyNumberOfThreads() {
        Generators g = new Generators(33);
        for (int i = 0; i < 6; i++) {
            Tally before = g.tally(5_000);
            Tally after = g.tally(5_000);
            long seed = g.nextInt(1_000_000);
            Bootstrap bootstrap = Bootstrap.withDefaults().withReplicates(20_000).withSeed(seed);
            PermutationTest permutation = PermutationTest.withDefaults().withReplicates(20_000).withSeed(seed);
            var estimate = bootstrap.withThreads(1).estimate(after);
            var change = bootstrap.withThreads(1).compare(before, after);
            var permuted = permutation.withThreads(1).permute(before, after, Alternative.TWO_SIDED);
            for (int threads = 2; threads <= 4; threads++) {
                assertEquals(estimate, bootstrap.withThreads(threads).estimate(after), "threads " + threads);
                assertEquals(change, bootstrap.withThreads(threads).compare(before, after), "threads " + threads);
                assertEquals(permuted, permutation.withThreads(threads).permute(before, after, Alternative.TWO_SIDED),
                        "threads " + threads);
            }
        }
        Inspection first = Inspection.builder("2017").category("violence", 512, 640, 25_000)
                .category("sexual offences", 90, 100, 2_500).build();
        Inspection second = Inspection.builder("2022").category("violence", 188, 202, 25_000)
                .category("sexual offences", 131, 132, 2_500).build();
        Bootstrap bootstrap = Bootstrap.withDefaults().withReplicates(20_000).withSeed(9);
        assertEquals(bootstrap.withThreads(1).compare(first, second), bootstrap.withThreads(3).compare(first, second));
        PermutationTest permutation = PermutationTest.withDefaults().withReplicates(20_000).withSeed(9);
        assertEquals(permutation.withThreads(1).permute(first, second, Alternative.IMPROVED),
                permutation.withThreads(4).permute(first, second, Alternative.IMPROVED));
    }
}
