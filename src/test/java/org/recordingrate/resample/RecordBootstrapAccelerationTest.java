package org.recordingrate.resample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGenerator.SplittableGenerator;
import java.util.random.RandomGeneratorFactory;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.recordingrate.model.AuditRecord;
import org.recordingrate.model.AuditedCategory;
import org.recordingrate.model.Category;
import org.recordingrate.model.Incidents;

/**
 * The record-level bootstrap ({@link RecordBootstrap}) checked against independent computations:
 * the BCa acceleration of {@link RecordBootstrap.Units#acceleration()} against the stratified
 * jackknife computed here in exact fractions (every unit left out in turn, the whole statistic
 * recomputed), the units a record list makes, Lemire's bounded index on scripted random bits,
 * and the replicates of {@link RecordBootstrap#allCrime(List, List)} made again here from the
 * same seeded generator (multinomial and Poisson weights, percentile and BCa intervals).
 *
 * <p>The acceleration's form is the one the Javadoc of {@code Units.acceleration} names
 * (Davison and Hinkley 1997, "Bootstrap Methods and their Application", section 2.7.3 and
 * eq. 5.23, stratified as in section 3.7): with the jackknife values
 * l<sub>hu</sub> = (m<sub>h</sub> - 1)(t - t<sub>(-hu)</sub>), unit u of stratum h left out,
 * a = sum_h m_h^-3 sum_u l_hu^3 / (6 (sum_h m_h^-2 sum_u l_hu^2)^(3/2)). For one stratum it is
 * Efron and Tibshirani's (1993) eq. 14.15 with the jackknife values centred on t rather than on
 * their mean (they differ for a ratio of unequal units).
 */
class RecordBootstrapAccelerationTest {

    private static final double RELATIVE = 1e-12;

    /**
     * The stratified jackknife acceleration, every t and t(-hu) recomputed from scratch as
     * sum_h W_h R_h/A_h in exact fractions (the weights the exact values of their doubles).
     * Strata of one unit are left out of both sums (leaving their only unit out leaves nothing).
     */
    static double jackknifeAcceleration(int[][] recorded, int[][] audited, double[] weights) {
        int k = weights.length;
        BigFraction t = statistic(recorded, audited, weights, -1, -1);
        BigFraction third = BigFraction.ZERO;
        BigFraction second = BigFraction.ZERO;
        for (int h = 0; h < k; h++) {
            int m = recorded[h].length;
            if (m == 1) {
                continue;
            }
            BigFraction s3 = BigFraction.ZERO;
            BigFraction s2 = BigFraction.ZERO;
            for (int u = 0; u < m; u++) {
                BigFraction l = t.subtract(statistic(recorded, audited, weights, h, u)).multiply(m - 1);
                s3 = s3.add(l.pow(3));
                s2 = s2.add(l.pow(2));
            }
            third = third.add(s3.divide((long) m * m * m));
            second = second.add(s2.divide((long) m * m));
        }
        if (second.compareTo(BigFraction.ZERO) == 0) {
            return 0;
        }
        return third.doubleValue() / (6 * Math.pow(second.doubleValue(), 1.5));
    }

    /** sum_h W_h R_h/A_h in exact fractions, unit {@code skip} of stratum {@code stratum} left out. */
    private static BigFraction statistic(int[][] recorded, int[][] audited, double[] weights, int stratum, int skip) {
        BigFraction t = BigFraction.ZERO;
        for (int h = 0; h < weights.length; h++) {
            long r = 0;
            long a = 0;
            for (int u = 0; u < recorded[h].length; u++) {
                if (h == stratum && u == skip) {
                    continue;
                }
                r += recorded[h][u];
                a += audited[h][u];
            }
            t = t.add(new BigFraction(weights[h]).multiply(new BigFraction(r, a)));
        }
        return t;
    }

    private static void assertRelative(double expected, double actual, String what) {
        assertEquals(expected, actual, RELATIVE * Math.abs(expected), what);
    }

    @Test
    void accelerationIsTheStratifiedJackknifeOfTheUnits() {
        // three strata of 4, 2 and 1 units with unequal crimes per unit and unequal weights:
        // the stratum of 2 units counts, the stratum of 1 unit adds nothing
        int[][] recorded = {{1, 0, 2, 1}, {0, 1}, {3}};
        int[][] audited = {{1, 1, 3, 2}, {1, 1}, {4}};
        double[] weights = {0.5, 0.3, 0.2};
        double expected = jackknifeAcceleration(recorded, audited, weights);
        assertTrue(Math.abs(expected) > 1e-4, "a design whose acceleration is not near 0: " + expected);
        assertRelative(expected, new RecordBootstrap.Units(recorded, audited, weights, 0, 1).acceleration(),
                "three strata");

        // one stratum all recorded (its jackknife values all 0) beside two skewed ones of 5 and 3 units
        int[][] recorded2 = {{2, 2, 1}, {0, 0, 1, 0, 2}, {1, 3, 1}};
        int[][] audited2 = {{2, 2, 1}, {1, 2, 1, 1, 4}, {1, 3, 2}};
        double[] weights2 = {0.125, 0.625, 0.25};
        double expected2 = jackknifeAcceleration(recorded2, audited2, weights2);
        assertTrue(Math.abs(expected2) > 1e-3, "not near 0: " + expected2);
        assertRelative(expected2, new RecordBootstrap.Units(recorded2, audited2, weights2, 0, 1).acceleration(),
                "a stratum all recorded");

        // a change: the later inspection's weights positive, the earlier one's negative
        int[][] recorded3 = {{1, 1, 0}, {2, 0}, {0, 1, 1, 1}, {1, 2}};
        int[][] audited3 = {{1, 2, 1}, {3, 1}, {1, 1, 2, 1}, {1, 2}};
        double[] weights3 = {0.75, 0.25, -0.4, -0.6};
        double expected3 = jackknifeAcceleration(recorded3, audited3, weights3);
        assertTrue(Math.abs(expected3) > 1e-3, "not near 0: " + expected3);
        assertRelative(expected3, new RecordBootstrap.Units(recorded3, audited3, weights3, -1, 1).acceleration(),
                "a change");
    }

    @Test
    void accelerationIsZeroWithoutVariation() {
        // every stratum all recorded or none: every jackknife value 0, so a = 0 (not 0/0)
        int[][] recorded = {{1, 2}, {0, 0, 0}, {5}};
        int[][] audited = {{1, 2}, {1, 2, 1}, {5}};
        double[] weights = {0.5, 0.25, 0.25};
        assertEquals(0.0, jackknifeAcceleration(recorded, audited, weights));
        assertEquals(0.0, new RecordBootstrap.Units(recorded, audited, weights, 0, 1).acceleration());
    }

    /** Records of three categories, some crimes grouped in incidents, one record without an incident. */
    private static List<AuditRecord> records() {
        List<AuditRecord> records = new ArrayList<>();
        records.add(AuditRecord.of("1", "Burglary", true, "i1"));
        records.add(AuditRecord.of("2", "Robbery", true));
        records.add(AuditRecord.of("3", "Burglary", false, "i1"));
        records.add(AuditRecord.of("4", "Burglary", true, "i2"));
        records.add(AuditRecord.of("5", "Burglary", true, "i2"));
        records.add(AuditRecord.of("6", "Burglary", false, "i3"));
        records.add(AuditRecord.of("7", "Robbery", false, "i4"));
        records.add(AuditRecord.of("8", "Burglary", true, "i2"));
        records.add(AuditRecord.of("9", "Burglary", true));
        records.add(AuditRecord.of("10", "Fraud", true, "i5"));
        records.add(AuditRecord.of("11", "Fraud", true, "i5"));
        records.add(AuditRecord.of("12", "Fraud", true));
        return records;
    }

    private static List<Category> design() {
        return List.of(Category.of("burglary", 3000), Category.of("robbery", 1000), Category.of("fraud", 500));
    }

    // the units of records() by incident, in order of first appearance, listed by hand
    private static final int[][] INCIDENT_RECORDED = {{1, 3, 0, 1}, {1, 0}, {2, 1}};
    private static final int[][] INCIDENT_AUDITED = {{2, 3, 1, 1}, {1, 1}, {2, 1}};
    private static final double[] WEIGHTS = {3000 / 4500.0, 1000 / 4500.0, 500 / 4500.0};

    @Test
    void aRecordListsUnitsAreItsIncidentsOrItsRecords() {
        RecordBootstrap.Units byIncident = RecordBootstrap.Units.of(records(), design(), true);
        assertArrayEquals(INCIDENT_RECORDED, byIncident.recorded());
        assertArrayEquals(INCIDENT_AUDITED, byIncident.audited());
        assertArrayEquals(WEIGHTS, byIncident.weights());
        assertRelative(jackknifeAcceleration(INCIDENT_RECORDED, INCIDENT_AUDITED, WEIGHTS), byIncident.acceleration(),
                "by incident");

        RecordBootstrap.Units byRecord = RecordBootstrap.Units.of(records(), design(), false);
        int[][] recorded = {{1, 0, 1, 1, 0, 1, 1}, {1, 0}, {1, 1, 1}};
        int[][] audited = {{1, 1, 1, 1, 1, 1, 1}, {1, 1}, {1, 1, 1}};
        assertArrayEquals(recorded, byRecord.recorded());
        assertArrayEquals(audited, byRecord.audited());
        // with single records as units: the binomial closed form of LinearStatistic.acceleration's
        // Javadoc, sum_h W_h^3 p_h q_h (1 - 2 p_h)/n_h^2 / (6 (sum_h W_h^2 p_h q_h/n_h)^(3/2))
        double[] p = {5 / 7.0, 0.5, 1};
        double[] n = {7, 2, 3};
        double third = 0;
        double second = 0;
        for (int h = 0; h < 3; h++) {
            double w = WEIGHTS[h];
            third += w * w * w * p[h] * (1 - p[h]) * (1 - 2 * p[h]) / (n[h] * n[h]);
            second += w * w * p[h] * (1 - p[h]) / n[h];
        }
        assertRelative(third / (6 * Math.pow(second, 1.5)), byRecord.acceleration(), "by record");
    }

    @Test
    void anIncidentMayHoldUpToIntegerMaxValueCrimes() {
        // the largest incident a unit's int count holds is accepted, one crime more is refused
        Category burglary = Category.of("burglary", 10);
        AuditedCategory largest = AuditedCategory.of(burglary, new Incidents(List.of(
                new Incidents.Group(Integer.MAX_VALUE, 5, 1), new Incidents.Group(2, 1, 2))));
        RecordBootstrap.Units units = RecordBootstrap.Units.of(List.of(List.of(largest)), new int[] {1}, 0, 1);
        // the units in the order Incidents keeps its groups: compared as a set of (recorded, crimes)
        List<String> pairs = new ArrayList<>();
        for (int u = 0; u < units.recorded()[0].length; u++) {
            pairs.add(units.recorded()[0][u] + "/" + units.audited()[0][u]);
        }
        pairs.sort(null);
        assertEquals(List.of("1/2", "1/2", "5/" + Integer.MAX_VALUE), pairs);
        AuditedCategory tooLarge = AuditedCategory.of(burglary, new Incidents(List.of(
                new Incidents.Group(Integer.MAX_VALUE + 1L, 5, 1))));
        assertThrows(IllegalArgumentException.class,
                () -> RecordBootstrap.Units.of(List.of(List.of(tooLarge)), new int[] {1}, 0, 1));
    }

    /** A generator that returns the given longs in turn. */
    private static RandomGenerator scripted(long... values) {
        return new RandomGenerator() {
            private int next;

            @Override
            public long nextLong() {
                return values[next++];
            }
        };
    }

    @Test
    void uniformIndexRejectsTheBiasedLowProducts() {
        // Lemire (2019), "Fast random integer generation in an interval", algorithm 5: with
        // x the top 32 bits, x * bound = 2^32 i + low; low < 2^32 mod bound is rejected.
        // bound 3: threshold 2^32 mod 3 = 1.
        long threshold = (1L << 32) % 3;
        assertEquals(1, threshold);
        // x = 0: low 0 < 1, rejected; then x = 2^31: 3 * 2^31 = 2^32 + 2^31, index 1
        assertEquals(1, RecordBootstrap.uniformIndex(scripted(0L, 1L << 63, 0L), 3, threshold));
        // x = 0xAAAAAAAB: 3x = 2 * 2^32 + 1, low 1 = threshold, accepted: index 2
        assertEquals(2, RecordBootstrap.uniformIndex(scripted(0xAAAAAAABL << 32, 0L), 3, threshold));
        // x = 2^32 - 1: 3x = 2 * 2^32 + (2^32 - 3), index 2
        assertEquals(2, RecordBootstrap.uniformIndex(scripted(-1L, 0L), 3, threshold));
        // bound 5, threshold 2^32 mod 5 = 1: x = 0 rejected twice, then x = 2^32/5 rounded up
        // (858993460): 5x = 2^32 + 4, index 1
        assertEquals(1, RecordBootstrap.uniformIndex(scripted(0L, 7L, 858993460L << 32), 5, (1L << 32) % 5));
    }

    /**
     * The replicates of sum_h W_h R*_h/A*_h made here from the generator the run uses: the
     * L64X128MixRandom of the seed, split once for the statistic and once for the block (one
     * block below 8192 replicates); per replicate and stratum, multinomial weights draw m_h
     * indices (Lemire's method, as above), Poisson weights a Poisson(1) count per unit, drawn by
     * inversion from the top 62 bits of a long; a stratum drawing no crime keeps its observed rate.
     */
    private static double[] replicates(int[][] recorded, int[][] audited, double[] weights, long seed, int b,
                                       boolean multinomial) {
        SplittableGenerator source = (SplittableGenerator) RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        RandomGenerator random = source.split().split();
        double[] values = new double[b];
        for (int i = 0; i < b; i++) {
            double t = 0;
            for (int h = 0; h < weights.length; h++) {
                int m = recorded[h].length;
                long r = 0;
                long a = 0;
                for (int j = 0; j < m; j++) {
                    if (multinomial) {
                        int u = lemire(random, m);
                        r += recorded[h][u];
                        a += audited[h][u];
                    } else {
                        long w = poissonOne(random.nextLong());
                        r += w * recorded[h][j];
                        a += w * audited[h][j];
                    }
                }
                long r0 = Arrays.stream(recorded[h]).sum();
                long a0 = Arrays.stream(audited[h]).sum();
                t += weights[h] * (a > 0 ? (double) r / a : (double) r0 / a0);
            }
            values[i] = Math.max(0, Math.min(1, t));
        }
        return values;
    }

    private static int lemire(RandomGenerator random, int bound) {
        long threshold = (1L << 32) % bound;
        while (true) {
            long product = (random.nextLong() >>> 32) * bound;
            if (Long.remainderUnsigned(product, 1L << 32) >= threshold) {
                return (int) (product >>> 32);
            }
        }
    }

    /** Poisson(1) by inversion: the least k with u < P(X <= k), u the top 62 bits over 2^62. */
    private static long poissonOne(long bits) {
        double u = (bits >>> 2) * 0x1p-62;
        double term = Math.exp(-1);
        double cumulative = term;
        long k = 0;
        while (u >= cumulative) {
            k++;
            term /= k;
            cumulative += term;
        }
        return k;
    }

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    /** R's norm.inter (boot package): the quantile of {@code level} among the sorted replicates. */
    private static double normInter(double[] sorted, double level) {
        int r = sorted.length;
        double rk = (r + 1) * level;
        int k = (int) Math.floor(rk);
        if (k == 0) {
            return sorted[0];
        }
        if (k >= r) {
            return sorted[r - 1];
        }
        if (k == rk) {
            return sorted[k - 1];
        }
        double z = NORMAL.inverseCumulativeProbability(level);
        double zk = NORMAL.inverseCumulativeProbability(k / (r + 1.0));
        double zk1 = NORMAL.inverseCumulativeProbability((k + 1) / (r + 1.0));
        return sorted[k - 1] + (z - zk) / (zk1 - zk) * (sorted[k] - sorted[k - 1]);
    }

    private static void assertRun(boolean multinomial) {
        int b = 399;
        long seed = 20_171_031L;
        double estimate = 0;
        for (int h = 0; h < 3; h++) {
            estimate += WEIGHTS[h] * Arrays.stream(INCIDENT_RECORDED[h]).sum() / Arrays.stream(INCIDENT_AUDITED[h]).sum();
        }
        double[] values = replicates(INCIDENT_RECORDED, INCIDENT_AUDITED, WEIGHTS, seed, b, multinomial);
        double mean = Arrays.stream(values).average().orElseThrow();
        double ss = 0;
        long below = 0;
        long equal = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
            // ties with the estimate to a relative 1e-12, as the class Javadoc says
            if (Math.abs(v - estimate) <= 1e-12 * estimate) {
                equal++;
            } else if (v < estimate) {
                below++;
            }
        }
        assertTrue(equal > 0 && below > 0, "the data must give ties: " + equal + " and values below: " + below);
        double[] sorted = values.clone();
        Arrays.sort(sorted);

        RecordBootstrap configured = RecordBootstrap.withDefaults().withIncidentsAsUnits(true)
                .with(multinomial ? ResamplingWeights.MULTINOMIAL : ResamplingWeights.POISSON);
        Bootstrap settings = Bootstrap.withDefaults().withReplicates(b).withSeed(seed).withThreads(1)
                .withConfidence(0.9);
        String what = multinomial ? "multinomial" : "Poisson";

        BootstrapEstimate percentile = configured.with(settings.with(BootstrapInterval.PERCENTILE))
                .allCrime(records(), design());
        assertRelative(estimate, percentile.estimate(), what + " estimate");
        assertRelative(Math.sqrt(ss / (b - 1)), percentile.standardError(), what + " standard error");
        assertEquals(mean - estimate, percentile.bias(), RELATIVE * Math.abs(estimate), what + " bias");
        // (B + 1) x 0.05 = 20 and (B + 1) x 0.95 = 380: order statistics 20 and 380
        assertRelative(sorted[19], percentile.lower(), what + " percentile lower");
        assertRelative(sorted[379], percentile.upper(), what + " percentile upper");

        // BCa (Efron 1987; Davison and Hinkley 1997, eq. 5.21): z0 from the share below with ties
        // counted half, a the stratified jackknife over the incidents
        double a = jackknifeAcceleration(INCIDENT_RECORDED, INCIDENT_AUDITED, WEIGHTS);
        double z0 = NORMAL.inverseCumulativeProbability((below + 0.5 * equal) / b);
        double z = NORMAL.inverseCumulativeProbability(0.95);
        double lowLevel = NORMAL.cumulativeProbability(z0 + (z0 - z) / (1 - a * (z0 - z)));
        double highLevel = NORMAL.cumulativeProbability(z0 + (z0 + z) / (1 - a * (z0 + z)));
        BootstrapEstimate bca = configured.with(settings.with(BootstrapInterval.BCA)).allCrime(records(), design());
        // the normal quantiles of commons-math3 and of the library agree to about 1e-14
        assertEquals(normInter(sorted, lowLevel), bca.lower(), 1e-10, what + " BCa lower");
        assertEquals(normInter(sorted, highLevel), bca.upper(), 1e-10, what + " BCa upper");
    }

    @Test
    void multinomialReplicatesAreDrawnIncidentByIncident() {
        assertRun(true);
    }

    @Test
    void poissonReplicatesWeighEachIncident() {
        assertRun(false);
    }

    @Test
    void toStringNamesTheWeightsAndTheUnits() {
        String records = RecordBootstrap.withDefaults().toString();
        String incidents = RecordBootstrap.withDefaults().withIncidentsAsUnits(true)
                .with(ResamplingWeights.POISSON).toString();
        assertTrue(records.startsWith("RecordBootstrap[" + ResamplingWeights.MULTINOMIAL.token() + ", records, Bootstrap["),
                records);
        assertTrue(incidents.startsWith("RecordBootstrap[" + ResamplingWeights.POISSON.token() + ", incidents, Bootstrap["),
                incidents);
    }
}
