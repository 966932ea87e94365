package org.recordingrate.resample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.commons.math3.distribution.HypergeometricDistribution;
import org.junit.jupiter.api.Test;
import org.recordingrate.model.AuditedCategory;
import org.recordingrate.model.Category;
import org.recordingrate.model.Incidents;

/**
 * The draws of {@link IncidentPermutation} when a category has too many arrangements for tables of
 * conditional draws ({@link IncidentPermutation#MAX_TABLES}): patterns of few incidents drawn
 * incident by incident, the others by {@link IncidentPermutation#hypergeometricDraw} (inversion of
 * one uniform, searching outwards from the mode).
 *
 * <p>The inversion is checked exactly: over a grid of M uniforms (i + 1/2)/M the draws must take each
 * value k on a share of the grid equal to the hypergeometric probability of k within 1/M (inversion
 * maps an interval of u of length P(K = k) to k, whatever the order in which the support is
 * visited). The independent probabilities are commons-math3's {@code HypergeometricDistribution}
 * (population N, successes K, sample n: P(k) = C(K, k) C(N - K, n - k)&#47;C(N, n)).
 */
class IncidentPermutationDrawTest {

    private static final int GRID = 200_000;

    private static void inversionGivesTheHypergeometricLaw(long marked, long unmarked, long draws) {
        HypergeometricDistribution law = new HypergeometricDistribution(null, (int) (marked + unmarked),
                (int) marked, (int) draws);
        long[] counts = new long[(int) draws + 1];
        for (int i = 0; i < GRID; i++) {
            long k = IncidentPermutation.hypergeometricDraw(marked, unmarked, draws, (i + 0.5) / GRID);
            counts[(int) k]++;
        }
        for (int k = 0; k <= draws; k++) {
            assertEquals(law.probability(k), (double) counts[k] / GRID, 1.0 / GRID + 1e-12,
                    "P(K = " + k + ") for marked " + marked + ", unmarked " + unmarked + ", draws " + draws);
        }
    }

    @Test
    void inversionOfAUniformGivesTheHypergeometricProbabilities() {
        inversionGivesTheHypergeometricLaw(30, 50, 40);      // mode inside, both tails searched
        inversionGivesTheHypergeometricLaw(5, 200, 100);     // few marked: support 0..5
        inversionGivesTheHypergeometricLaw(180, 20, 150);    // lowest 130: the support starts above 0
        inversionGivesTheHypergeometricLaw(2_000, 6_000, 900);   // far tails underflow to 0
    }

    @Test
    void degenerateDrawsNeedNoUniform() {
        assertEquals(0, IncidentPermutation.hypergeometricDraw(10, 20, 0, 0.7));   // nothing drawn
        assertEquals(0, IncidentPermutation.hypergeometricDraw(0, 20, 5, 0.7));    // nothing marked
        assertEquals(5, IncidentPermutation.hypergeometricDraw(10, 0, 5, 0.7));    // everything marked
        // every item drawn: all 10 marked ones, whatever u
        assertEquals(10, IncidentPermutation.hypergeometricDraw(10, 20, 30, 0.999));
        // u at the mode's own probability or below gives the mode
        assertEquals(20, IncidentPermutation.hypergeometricDraw(40, 40, 40, 0.0));
    }

    private static AuditedCategory category(long volume, long[]... groups) {
        List<Incidents.Group> list = new ArrayList<>();
        for (long[] g : groups) {
            list.add(new Incidents.Group(g[0], g[1], g[2]));
        }
        return AuditedCategory.of(Category.of("violence", volume), new Incidents(list));
    }

    /** Sum of n draws of X without replacement: n sigma^2 (N - n)/(N - 1), sigma^2 with divisor N. */
    private static double varianceOfSum(long[][] values, long n) {
        double total = 0;
        double sum = 0;
        for (long[] v : values) {
            total += v[1];
            sum += (double) v[0] * v[1];
        }
        double mean = sum / total;
        double sigma2 = 0;
        for (long[] v : values) {
            sigma2 += v[1] * (v[0] - mean) * (v[0] - mean);
        }
        sigma2 /= total;
        return n * sigma2 * (total - n) / (total - 1);
    }

    /**
     * A category of 90,000 pooled incidents beyond the tables (the conditional ranges of its patterns
     * sum to 40,002 &gt; 2^15): two large patterns drawn by {@code hypergeometricDraw}, then 10
     * incidents of 100 crimes none recorded (drawn incident by incident: at most
     * {@link IncidentPermutation#SMALL}) and last 8 incidents of 50 crimes all recorded (whatever is
     * left). The later inspection's counts of the two small patterns, z and w, are read back from
     * its crimes: A - m_a = 99 z + 49 w has one solution with z &lt;= 10, w &lt;= 8 (99 and 49 are
     * coprime). Each must be Hypergeometric(m = 90,000, n_g, m_a = 44,990) marginally (exchangeable
     * incidents): mean m_a n_g/m, variance m_a (n_g/m)(1 - n_g/m)(m - m_a)/(m - 1); and the recorded
     * crimes R_a and crimes A_a have the means m_a R/m, m_a A/m of sampling without replacement.
     * Checked at 5 standard errors of 20,000 draws (each false failure below 6e-7; the variances'
     * standard error taken as var sqrt(2/n), the counts being near-Poisson with mean 5, plus
     * the fourth-moment excess, bounded by 5 var/sqrt(n)).
     */
    @Test
    void untabledDrawsHaveTheLawsOfSamplingWithoutReplacement() {
        // {crimes, recorded, incidents}
        AuditedCategory before = category(100_000, new long[] {1, 1, 25_000}, new long[] {1, 0, 19_992},
                new long[] {100, 0, 10}, new long[] {50, 50, 8});
        AuditedCategory after = category(100_000, new long[] {1, 1, 25_000}, new long[] {1, 0, 19_990});
        IncidentPermutation permutation = new IncidentPermutation(before, after);
        long m = permutation.incidents();
        long ma = permutation.afterIncidents();
        assertEquals(90_000, m);
        assertEquals(44_990, ma);
        assertEquals(50_000 + 400, permutation.totalRecorded());
        assertEquals(90_000 - 18 + 1_000 + 400, permutation.totalCrimes());
        int n = 20_000;
        SplittableRandom random = new SplittableRandom(20);
        long[] out = new long[2];
        double[] sums = new double[6];
        for (int i = 0; i < n; i++) {
            permutation.draw(random, out);
            long excess = out[1] - ma;
            long z = -1;
            long w = -1;
            for (long ww = 0; ww <= 8; ww++) {
                long rest = excess - 49 * ww;
                if (rest >= 0 && rest % 99 == 0 && rest / 99 <= 10) {
                    z = rest / 99;
                    w = ww;
                }
            }
            assertTrue(z >= 0, "crimes " + out[1] + " are not 44,990 + 99 z + 49 w");
            sums[0] += out[0];
            sums[1] += out[1];
            sums[2] += z;
            sums[3] += (double) z * z;
            sums[4] += w;
            sums[5] += (double) w * w;
        }
        double share = (double) ma / m;
        double varR = varianceOfSum(new long[][] {{1, 50_000}, {0, 39_982 + 10}, {50, 8}}, ma);
        double varA = varianceOfSum(new long[][] {{1, 89_982}, {100, 10}, {50, 8}}, ma);
        assertEquals(share * permutation.totalRecorded(), sums[0] / n, 5 * Math.sqrt(varR / n));
        assertEquals(share * permutation.totalCrimes(), sums[1] / n, 5 * Math.sqrt(varA / n));
        int[] sizes = {10, 8};
        for (int s = 0; s < 2; s++) {
            double p = (double) sizes[s] / m;
            double mean = ma * p;
            double variance = ma * p * (1 - p) * (m - ma) / (m - 1);
            double drawnMean = sums[2 + 2 * s] / n;
            double drawnVariance = sums[3 + 2 * s] / n - drawnMean * drawnMean;
            assertEquals(mean, drawnMean, 5 * Math.sqrt(variance / n), "pattern of " + sizes[s] + " incidents");
            assertEquals(variance, drawnVariance, 5 * variance * Math.sqrt(2.0 / n) + 5 * variance / Math.sqrt(n),
                    "pattern of " + sizes[s] + " incidents");
        }
    }
}
