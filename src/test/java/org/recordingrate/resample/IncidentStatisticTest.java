package org.recordingrate.resample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recordingrate.model.Incidents;

/**
 * {@link IncidentStatistic}, the volume-weighted rate over categories of incidents, against the
 * definitions computed incident by incident (where the class works pattern by pattern): the
 * stratified cluster jackknife's acceleration (Davison and Hinkley 1997, sections 3.8 and 5.3:
 * a = sum_h m_h^-3 sum l^3 / (6 (sum_h m_h^-2 sum l^2)^(3/2)), l the jackknife values (m - 1)(T - T_(i))),
 * the linearisation variance (R's {@code svymean} with incidents as clusters: m/(m - 1) sum (r - p c)^2 / n^2),
 * the exact sign of T - T(observed) in rational arithmetic, and the spread's fallbacks.
 */
class IncidentStatisticTest {

    private static final long[][] VIOLENCE = {{2, 1, 3, 1, 2, 1, 1}, {1, 1, 2, 0, 2, 1, 1}};
    private static final long[][] OTHER = {{1, 1, 2, 1, 1, 4}, {0, 1, 2, 1, 1, 3}};
    private static final long[] VOLUMES = {3_000, 7_000};

    @BeforeEach
    void computeAfresh() {
        ClusterSums.forget();
    }

    @Test
    void theAccelerationIsTheStratifiedClusterJackknifes() {
        IncidentStatistic statistic = statistic(true, VIOLENCE, OTHER);
        double third = 0;
        double second = 0;
        long[][][] strata = {VIOLENCE, OTHER};
        for (int h = 0; h < 2; h++) {
            long[][] s = strata[h];
            int m = s[0].length;
            double w = VOLUMES[h] / 10_000.0;
            long x = sum(s[1]);
            long n = sum(s[0]);
            double s3 = 0;
            double s2 = 0;
            for (int i = 0; i < m; i++) {
                // the weighted rate with incident i of stratum h left out changes by w (x/n - rate without i)
                double without = (double) (x - s[1][i]) / (n - s[0][i]);
                double l = (m - 1) * w * ((double) x / n - without);
                s3 += l * l * l;
                s2 += l * l;
            }
            third += s3 / Math.pow(m, 3);
            second += s2 / Math.pow(m, 2);
        }
        double expected = third / (6 * Math.pow(second, 1.5));
        assertEquals(expected, statistic.acceleration(), 1e-12 * Math.abs(expected));
        assertTrue(Math.abs(expected) > 1e-4, "a skewed case: " + expected);
        // a stratum of one incident adds nothing; nothing varying gives 0
        IncidentStatistic single = statistic(false, new long[][] {{3}, {2}}, OTHER);
        IncidentStatistic otherOnly = statistic(false, OTHER);
        assertEquals(otherOnly.acceleration(), single.acceleration(), 1e-12,
                "the acceleration is free of the weight's scale (0.7 here, 1 alone) and the single incident adds nothing");
        assertTrue(Math.abs(otherOnly.acceleration()) > 1e-4, "" + otherOnly.acceleration());
        IncidentStatistic constant = statistic(false, new long[][] {{2, 2, 2}, {1, 1, 1}});
        assertEquals(0.0, constant.acceleration());
    }

    @Test
    void theLinearisationVarianceIsSurveysOverIncidents() {
        for (long[][] s : new long[][][] {VIOLENCE, OTHER}) {
            int m = s[0].length;
            double n = sum(s[0]);
            double p = sum(s[1]) / n;
            double total = 0;
            for (int i = 0; i < m; i++) {
                double e = s[1][i] - p * s[0][i];
                total += e * e;
            }
            double expected = m / (m - 1.0) * total / (n * n);
            assertEquals(expected, IncidentStatistic.linearisedVariance(Incidents.of(s[0], s[1])), 1e-15 * expected);
        }
        assertTrue(Double.isNaN(IncidentStatistic.linearisedVariance(Incidents.of(new long[] {3}, new long[] {1}))));
        IncidentStatistic statistic = statistic(false, VIOLENCE, OTHER);
        double expected = 0.09 * IncidentStatistic.linearisedVariance(Incidents.of(VIOLENCE[0], VIOLENCE[1]))
                + 0.49 * IncidentStatistic.linearisedVariance(Incidents.of(OTHER[0], OTHER[1]));
        assertEquals(expected, statistic.linearisedVariance(), 1e-15 * expected);
    }

    @Test
    void theSpreadFallsBackFromBootstrapToLinearisationToBinomial() {
        IncidentStatistic known = statistic(true, VIOLENCE, OTHER);
        assertTrue(known.allSums());
        double bootstrap = 0.09 * ClusterSums.of(Incidents.of(VIOLENCE[0], VIOLENCE[1])).variance()
                + 0.49 * ClusterSums.of(Incidents.of(OTHER[0], OTHER[1])).variance();
        assertEquals(Math.sqrt(bootstrap), known.spread(), 1e-15);
        assertEquals(bootstrap, known.bootstrapVariance(), 1e-17);
        IncidentStatistic unknown = statistic(false, VIOLENCE, OTHER);
        assertFalse(unknown.allSums());
        assertEquals(Math.sqrt(unknown.linearisedVariance()), unknown.spread(), 1e-15);
        // a stratum of one incident: no linearisation variance, so the binomial p q / n of each
        IncidentStatistic lone = statistic(false, new long[][] {{3}, {2}}, OTHER);
        double p1 = 2 / 3.0;
        double p2 = 8 / 10.0;
        double binomial = 0.09 * p1 * (1 - p1) / 3 + 0.49 * p2 * (1 - p2) / 10;
        assertEquals(Math.sqrt(binomial), lone.spread(), 1e-15);
    }

    @Test
    void signsAreExactWithinTheBandAndFromTheDoubleOutside() {
        IncidentStatistic statistic = statistic(false, VIOLENCE, OTHER);
        long[] observedR = {sum(VIOLENCE[1]), sum(OTHER[1])};
        long[] observedA = {sum(VIOLENCE[0]), sum(OTHER[0])};
        double observed = 0.3 * observedR[0] / observedA[0] + 0.7 * observedR[1] / observedA[1];
        assertEquals(observed, statistic.loopEstimate(), 1e-15);
        assertEquals(64.0 * 3 * Math.ulp(1.0), statistic.band(), 0.0, "64 (k + 1) ulps of the weights' sum, 1");
        assertEquals(0, statistic.exactSign(observedR, observedA));
        // the same rates from other counts: 16/20 is 8/10 exactly
        assertEquals(0, statistic.exactSign(new long[] {observedR[0] * 2, observedR[1] * 2},
                new long[] {observedA[0] * 2, observedA[1] * 2}));
        long[][] trials = {{9, 10, 8, 10}, {8, 10, 9, 10}, {7, 10, 9, 10}, {9, 11, 8, 10}, {5, 6, 7, 9}};
        for (long[] t : trials) {
            long[] r = {t[0], t[2]};
            long[] a = {t[1], t[3]};
            // 0.3 r0/a0 + 0.7 r1/a1 - observed, over the common denominator, in integers
            BigInteger lhs = BigInteger.valueOf(3 * r[0] * a[1] + 7 * r[1] * a[0])
                    .multiply(BigInteger.valueOf(observedA[0] * observedA[1]));
            BigInteger rhs = BigInteger.valueOf(3 * observedR[0] * observedA[1] + 7 * observedR[1] * observedA[0])
                    .multiply(BigInteger.valueOf(a[0] * a[1]));
            int expected = lhs.compareTo(rhs);
            assertEquals(expected, statistic.exactSign(r, a), java.util.Arrays.toString(t));
            double t2 = 0.3 * r[0] / a[0] + 0.7 * r[1] / a[1];
            assertEquals(expected, statistic.sign(t2, r, a), java.util.Arrays.toString(t));
        }
        // a double just inside the band defers to the exact sign: the observed counts give 0
        double loop = statistic.loopEstimate();
        assertEquals(0, statistic.sign(loop + statistic.band() / 2, observedR, observedA));
        assertEquals(0, statistic.sign(loop - statistic.band() / 2, observedR, observedA));
        assertEquals(1, statistic.sign(loop + 2 * statistic.band(), observedR, observedA), "beyond: the double");
        assertEquals(-1, statistic.sign(loop - 2 * statistic.band(), observedR, observedA));
    }

    @Test
    void theEstimateIsClampedToTheRange() {
        IncidentStatistic statistic = statistic(false, VIOLENCE, OTHER);
        assertEquals(0.0, statistic.lowest());
        assertEquals(1.0, statistic.highest());
        assertEquals(0.0, statistic.clamp(-0.25));
        assertEquals(1.0, statistic.clamp(1.5));
        assertEquals(0.4, statistic.clamp(0.4));
        IncidentStatistic narrow = new IncidentStatistic(List.of(stratum("violence", VIOLENCE, 0.3, 3, 10, false),
                stratum("other", OTHER, 0.7, 7, 10, false)), 0.9, 0.95);
        assertEquals(0.9, narrow.lowest());
        assertEquals(0.9, narrow.loopEstimate(), "the observed 0.78 clamped to [0.9, 0.95]");
    }

    private static IncidentStatistic statistic(boolean sums, long[][]... strata) {
        List<IncidentStatistic.Stratum> list = new java.util.ArrayList<>();
        long total = 0;
        long[] volumes = strata.length == 1 ? new long[] {VOLUMES[1]} : VOLUMES;
        for (long v : volumes) {
            total += v;
        }
        for (int h = 0; h < strata.length; h++) {
            list.add(stratum("s" + h, strata[h], (double) volumes[h] / total, volumes[h] / 1_000, total / 1_000, sums));
        }
        return new IncidentStatistic(list, 0, 1);
    }

    private static IncidentStatistic.Stratum stratum(String name, long[][] incidents, double weight, long numerator,
                                                     long denominator, boolean sums) {
        Incidents i = Incidents.of(incidents[0], incidents[1]);
        return new IncidentStatistic.Stratum(name, i, sums ? ClusterSums.of(i) : null, weight,
                BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    private static long sum(long[] values) {
        long s = 0;
        for (long v : values) {
            s += v;
        }
        return s;
    }
}
