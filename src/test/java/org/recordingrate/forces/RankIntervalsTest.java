package org.recordingrate.forces;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.recordingrate.forces.Reference.number;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGenerator.SplittableGenerator;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.recordingrate.forces.RankIntervals.RankInterval;
import org.recordingrate.internal.FloatNormals;
import org.recordingrate.resample.Blocks;

/**
 * Rank intervals (Mogstad, Romano, Shaikh and Wilhelm 2024) against exact critical values:
 *
 * <ul>
 *   <li>marginal: P(T_j &lt;= c) = integral of phi(u) prod_k [Phi((s_j u + c s_jk)/s_k) - Phi((s_j u - c
 *       s_jk)/s_k)] du, solved for c by R's integrate() and uniroot() (make-forces-reference.R);</li>
 *   <li>simultaneous, equal variances: the largest of I equal-variance normals' pairwise |differences| / (sqrt 2
 *       sd) is the studentized range over sqrt 2, so c = qtukey(0.95, I, Inf) / sqrt(2): 2.72777438251855 (I = 5),
 *       3.54379913191965 (20), 3.92185224024562 (43);</li>
 *   <li>csranks' single-step {@code csdiffmeans()} transcribed in R with R's generator (R = 20,000), for the
 *       simultaneous value with unequal variances: 3.79752755187089 (published-38), 3.8757007297974 (bundled
 *       all crime).</li>
 * </ul>
 *
 * <p><b>Monte Carlo tolerance and false-failure budget.</b> A bootstrap quantile at level q from R replicates
 * has standard error sqrt(q (1 - q) / R) / f(c), f the density of the statistic at c (from R's quadrature or
 * ptukey). Each comparison allows 5 such standard errors (two-sided probability 5.7e-7 under normality); with
 * about 150 comparisons in this class the chance that a fixed seed fails is below 1e-4. Against csranks'
 * 20,000 replicates both errors add: 5 times sqrt(se_java^2 + se_R^2).
 */
class RankIntervalsTest {

    private static final int REPLICATES = 200_000;

    private static double se(double density, int replicates) {
        return Math.sqrt(0.95 * 0.05 / replicates) / density;
    }

    @Test
    void equalVariancesMatchTheStudentizedRange() {
        for (int count : new int[] {5, 20, 43}) {
            Map<String, String> s = Reference.scalars("equal-" + count);
            double[] rates = new double[count];
            double[] variances = new double[count];
            Arrays.fill(variances, 0.0004);
            for (int i = 0; i < count; i++) {
                rates[i] = 0.8 + 0.003 * i;
            }
            RankIntervals ranks = RankIntervals.of(rates, variances, 0.95, REPLICATES, 11, 2);
            double simultaneous = number(s, "simultaneous_exact");
            assertEquals(simultaneous, ranks.simultaneousCritical(),
                    5 * se(number(s, "simultaneous_density"), REPLICATES), "simultaneous, " + count + " forces");
            double marginal = number(s, "marginal_exact");
            for (double c : ranks.marginalCritical()) {
                assertEquals(marginal, c, 5 * se(number(s, "marginal_density"), REPLICATES), "marginal, " + count);
            }
        }
    }

    private static void againstReference(String dataset, ForcesResult result) {
        List<CSVRecord> rows = Reference.rows("forces-reference-" + dataset + ".csv");
        RankIntervals ranks = RankIntervals.of(result.forces().stream().mapToDouble(ForceResult::rate).toArray(),
                result.forces().stream().mapToDouble(f -> f.figure().variance()).toArray(), 0.95, REPLICATES, 3, 2);
        for (int j = 0; j < rows.size(); j++) {
            CSVRecord r = rows.get(j);
            double exact = number(r, "critical");
            double tolerance = 5 * se(number(r, "critical_density"), REPLICATES);
            assertEquals(exact, ranks.marginalCritical().get(j), tolerance, dataset + " " + r.get("force"));
            // the interval from the exact critical value (R's rank_lower, rank_upper); where a pair's studentised
            // difference lies within the tolerance of it, the interval lies between those at c - tol and c + tol
            RankInterval interval = ranks.interval(j);
            assertEquals(Integer.parseInt(r.get("rank")), interval.rank(), r.get("force"));
            int[] wide = interval(result, j, exact + tolerance);
            int[] narrow = interval(result, j, exact - tolerance);
            String what = dataset + " " + r.get("force") + " " + interval;
            if (wide[0] == narrow[0] && wide[1] == narrow[1]) {
                assertEquals(Integer.parseInt(r.get("rank_lower")), interval.lower(), what);
                assertEquals(Integer.parseInt(r.get("rank_upper")), interval.upper(), what);
            }
            assertTrue(wide[0] <= interval.lower() && interval.lower() <= narrow[0], what);
            assertTrue(narrow[1] <= interval.upper() && interval.upper() <= wide[1], what);
        }
        double csranks = number(Reference.scalars(dataset), "csranks_simultaneous");
        // csranks' Monte Carlo value (R = 20,000) and ours: the simultaneous statistic's density near 3.8 is about 0.18
        double tolerance = 5 * Math.hypot(se(0.15, REPLICATES), se(0.15, 20_000));
        assertEquals(csranks, ranks.simultaneousCritical(), tolerance, dataset + " simultaneous");
        assertTrue(ranks.simultaneousCritical() >= ranks.marginalCritical().stream().mapToDouble(d -> d).max().orElse(0));
    }

    /** Force j's interval at critical value c, by the definition (1 + forces above, I - forces below). */
    private static int[] interval(ForcesResult result, int j, double c) {
        ForceResult force = result.forces().get(j);
        int above = 0;
        int below = 0;
        for (ForceResult other : result.forces()) {
            double s = Math.sqrt(other.figure().variance() + force.figure().variance());
            above += other.rate() - force.rate() > c * s ? 1 : 0;
            below += force.rate() - other.rate() > c * s ? 1 : 0;
        }
        return new int[] {1 + above, result.forces().size() - below};
    }

    @Test
    void publishedFiguresAgainstQuadrature() {
        againstReference("published-38", ForcesReferenceTest.published38());
    }

    @Test
    void bundledForcesAgainstQuadrature() {
        againstReference("forces-all-crime", ForcesReferenceTest.allCrime());
    }

    @Test
    void identicalForAnyThreadCount() {
        double[] rates = {0.91, 0.88, 0.95, 0.84, 0.90, 0.93};
        double[] variances = {2e-4, 3e-4, 1e-4, 4e-4, 2.5e-4, 1.5e-4};
        RankIntervals one = RankIntervals.of(rates, variances, 0.95, 50_000, 42, 1);
        for (int threads : new int[] {2, 3, 8}) {
            RankIntervals other = RankIntervals.of(rates, variances, 0.95, 50_000, 42, threads);
            assertEquals(one.marginalCritical(), other.marginalCritical(), threads + " threads");
            assertEquals(one.simultaneousCritical(), other.simultaneousCritical(), 0, threads + " threads");
            assertEquals(one.intervals(), other.intervals());
        }
        RankIntervals otherSeed = RankIntervals.of(rates, variances, 0.95, 50_000, 43, 1);
        assertTrue(otherSeed.simultaneousCritical() != one.simultaneousCritical(), "another seed, other draws");
    }

    /**
     * The kept largest values give the exact order statistics: the same replicates drawn here again from the
     * blocks' generators (block b's generator is the b-th split of the seed's source; in each batch of 512 the
     * forces' normals are drawn force by force, by FloatNormals, tested on its own, then scaled, as the class says), every statistic kept,
     * sorted, and R's type-7 quantile taken.
     * 20,000 replicates at 95% keep the largest 1,001 per statistic in a store of 3,003, and each worker raises its
     * thresholds early after its first block of 8,192 (the 85th percentile of what it drew), so both the store's
     * compaction and the early thresholds are checked, across the blocks of two threads.
     */
    @Test
    void keptValuesGiveTheExactQuantile() {
        double[] rates = {0.91, 0.88, 0.95, 0.84, 0.90};
        double[] variances = {2e-4, 3e-4, 1e-4, 4e-4, 2.5e-4};
        int replicates = 20_000;
        RankIntervals ranks = RankIntervals.of(rates, variances, 0.95, replicates, 5, 2);
        int count = rates.length;
        double[][] t = new double[count + 1][replicates];
        SplittableGenerator source = Blocks.source(5);
        int at = 0;
        for (int block = 0; block < Blocks.count(replicates); block++) {
            RandomGenerator random = source.split();
            int size = Math.min(Blocks.SIZE, replicates - block * Blocks.SIZE);
            for (int done = 0; done < size; done += RankIntervals.BATCH) {
                int batch = Math.min(RankIntervals.BATCH, size - done);
                float[][] z = new float[count][batch];
                for (int k = 0; k < count; k++) {
                    FloatNormals.fill(random, z[k], batch);
                    for (int r = 0; r < batch; r++) {
                        z[k][r] = (float) (Math.sqrt(variances[k]) * z[k][r]);
                    }
                }
                for (int r = 0; r < batch; r++) {
                    float all = 0;
                    for (int j = 0; j < count; j++) {
                        float max = 0;
                        for (int k = 0; k < count; k++) {
                            if (k != j) {
                                float inverse = (float) (1 / Math.sqrt(variances[j] + variances[k]));
                                max = Math.max(max, Math.abs(z[j][r] - z[k][r]) * inverse);
                            }
                        }
                        t[j][at] = max;
                        all = Math.max(all, max);
                    }
                    t[count][at] = all;
                    at++;
                }
            }
        }
        assertEquals(replicates, at);
        for (int j = 0; j <= count; j++) {
            Arrays.sort(t[j]);
            double h = (replicates - 1) * 0.95;
            int lo = (int) Math.floor(h);
            double expected = t[j][lo] + (h - lo) * (t[j][lo + 1] - t[j][lo]);
            double actual = j < count ? ranks.marginalCritical().get(j) : ranks.simultaneousCritical();
            assertEquals(expected, actual, 0, "statistic " + j);
        }
    }

    /**
     * The early thresholds are a guess checked at the end: a guess far below the quantile (the 85th percentile for
     * 95%) gives the same order statistics as none at all, on one thread and on two; a guess above the quantile
     * (what leaves 0.1% above it: the 99.9th percentile) is found out, and the run reports it (null) so that it
     * is made again without.
     */
    @Test
    void earlyThresholdsAreCheckedAndUndoneWhenTooHigh() {
        double[] variances = {2e-4, 3e-4, 1e-4, 4e-4, 2.5e-4, 1.5e-4, 3.5e-4};
        int replicates = 40_000;
        int keep = replicates - (int) Math.floor((replicates - 1) * 0.95);
        double fraction = (replicates - 1) * 0.95 - Math.floor((replicates - 1) * 0.95);
        assertEquals(0.15, RankIntervals.earlyShare(0.95), 1e-12);
        assertEquals(0, RankIntervals.earlyShare(0.8), "no early threshold where it would leave more than half above");
        for (int threads : new int[] {1, 2}) {
            int capacity = RankIntervals.capacity(keep, replicates, threads, variances.length);
            double[] none = RankIntervals.criticalValues(variances, replicates, 9, threads, keep, capacity, fraction, 0);
            double[] early = RankIntervals.criticalValues(variances, replicates, 9, threads, keep, capacity, fraction,
                    RankIntervals.earlyShare(0.95));
            assertArrayEquals(none, early, 0, threads + " threads");
            assertNull(RankIntervals.criticalValues(variances, replicates, 9, threads, keep, capacity, fraction, 0.001),
                    "a threshold above the quantile is found out on " + threads + " threads");
            RankIntervals ranks = RankIntervals.of(new double[variances.length], variances, 0.95, replicates, 9, threads);
            assertEquals(none[variances.length], ranks.simultaneousCritical(), 0);
        }
    }

    /**
     * The edges PIT found untested: the fewest replicates accepted; the memory refusal's figures, worked here from
     * the class's rule (keep K = R - floor((R - 1) level); a store of at least K + max(K / 4, 512) values per
     * statistic, 4 bytes each, for every force and the maximum, on every worker; refused past 512 MiB); the texts.
     */
    @Test
    void edgesOfTheRangeAndTheTexts() {
        double[] r = {0.9, 0.8};
        double[] v = {1e-4, 1e-4};
        assertEquals(RankIntervals.MIN_REPLICATES, RankIntervals.of(r, v, 0.95, RankIntervals.MIN_REPLICATES, 1, 1).replicates());
        int replicates = 10_000_000;
        long keep = replicates - (long) Math.floor((replicates - 1) * 0.95);
        assertEquals(500_001, keep);
        long store = keep + Math.max(keep / 4, 512);
        long mebibytes = 2001L * store * 4 / (1024 * 1024);
        long fits = (long) ((512.0 * 1024 * 1024) / (2001 * 4 * 1.25) / 0.05);
        IllegalArgumentException memory = assertThrows(IllegalArgumentException.class,
                () -> RankIntervals.of(new double[2000], filled(2000), 0.95, replicates, 1, 1));
        assertEquals(String.format(java.util.Locale.ROOT, "replicates (10,000,000) for 2000 forces at 0.95 would keep %,d MiB "
                + "of values for the quantiles on 1 threads; at most about %,d replicates fit", mebibytes, fits),
                memory.getMessage());
        assertEquals("12th (5th to 19th; simultaneous 3rd to 25th)", new RankInterval(12, 5, 19, 3, 25).toString());
        assertEquals("1st (1st to 2nd; simultaneous 1st to 3rd)", new RankInterval(1, 1, 2, 1, 3).toString());
        RankIntervals ranks = RankIntervals.of(new double[] {0.9, 0.8, 0.85}, new double[] {1e-4, 2e-4, 1.5e-4}, 0.9, 1000, 7, 1);
        double low = Math.min(ranks.marginalCritical().get(0), Math.min(ranks.marginalCritical().get(1), ranks.marginalCritical().get(2)));
        double high = Math.max(ranks.marginalCritical().get(0), Math.max(ranks.marginalCritical().get(1), ranks.marginalCritical().get(2)));
        assertEquals(String.format(java.util.Locale.ROOT, "rank intervals at 90%%: critical values %.3f to %.3f (marginal), %.3f "
                + "(simultaneous); 1,000 replicates, seed 7", low, high, ranks.simultaneousCritical()), ranks.toString());
    }

    @Test
    void intervalsFromTheCriticalValues() {
        // far apart and precise: every rank certain
        double[] rates = {0.70, 0.90, 0.80, 0.95};
        double[] variances = {1e-6, 1e-6, 1e-6, 1e-6};
        RankIntervals certain = RankIntervals.of(rates, variances, 0.95, 1000, 1, 1);
        int[][] expected = {{4, 4, 4, 4, 4}, {2, 2, 2, 2, 2}, {3, 3, 3, 3, 3}, {1, 1, 1, 1, 1}};
        for (int j = 0; j < 4; j++) {
            RankInterval r = certain.interval(j);
            assertArrayEquals(expected[j], new int[] {r.rank(), r.lower(), r.upper(), r.lowerSimultaneous(),
                r.upperSimultaneous()}, "force " + j);
        }
        // imprecise: every rank possible
        RankIntervals vague = RankIntervals.of(rates, new double[] {1, 1, 1, 1}, 0.95, 1000, 1, 1);
        for (RankInterval r : vague.intervals()) {
            assertEquals(1, r.lower());
            assertEquals(4, r.upper());
        }
        // ties share the better rank, as csranks' irank
        RankIntervals tied = RankIntervals.of(new double[] {0.9, 0.9, 0.8}, new double[] {1e-4, 1e-4, 1e-4}, 0.95, 1000, 1, 1);
        assertEquals(1, tied.interval(0).rank());
        assertEquals(1, tied.interval(1).rank());
        assertEquals(3, tied.interval(2).rank());
        // by hand with the returned critical values
        double[] r2 = {0.91, 0.88, 0.95, 0.84, 0.90};
        double[] v2 = {2e-4, 3e-4, 1e-4, 4e-4, 2.5e-4};
        RankIntervals ranks = RankIntervals.of(r2, v2, 0.9, 5000, 9, 2);
        for (int j = 0; j < r2.length; j++) {
            List<Integer> above = new ArrayList<>();
            List<Integer> below = new ArrayList<>();
            for (int k = 0; k < r2.length; k++) {
                double s = Math.sqrt(v2[j] + v2[k]);
                if (k != j && r2[k] - r2[j] > ranks.marginalCritical().get(j) * s) {
                    above.add(k);
                }
                if (k != j && r2[j] - r2[k] > ranks.marginalCritical().get(j) * s) {
                    below.add(k);
                }
            }
            assertEquals(1 + above.size(), ranks.interval(j).lower());
            assertEquals(r2.length - below.size(), ranks.interval(j).upper());
        }
    }

    @Test
    void refusals() {
        double[] r = {0.9, 0.8};
        double[] v = {1e-4, 1e-4};
        assertThrows(IllegalArgumentException.class, () -> RankIntervals.of(r, v, 0.95, 99, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> RankIntervals.of(r, v, 0.95, 100_000_001, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> RankIntervals.of(r, new double[] {1e-4, 0}, 0.95, 1000, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> RankIntervals.of(r, new double[] {1e-4}, 0.95, 1000, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> RankIntervals.of(r, v, 95, 1000, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> RankIntervals.of(r, v, 0.95, 1000, 1, 0));
        IllegalArgumentException memory = assertThrows(IllegalArgumentException.class,
                () -> RankIntervals.of(new double[2000], filled(2000), 0.95, 10_000_000, 1, 1));
        assertTrue(memory.getMessage().contains("replicates fit"), memory.getMessage());
        assertEquals(1, RankIntervals.of(new double[] {0.5}, new double[] {0.01}, 0.95, 1000, 1, 1).interval(0).upper());
    }

    private static double[] filled(int n) {
        double[] v = new double[n];
        Arrays.fill(v, 1e-4);
        return v;
    }

    @Test
    void ordinals() {
        String[] expected = {"1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "43rd", "101st",
            "111th", "112th"};
        int[] n = {1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 43, 101, 111, 112};
        for (int i = 0; i < n.length; i++) {
            assertEquals(expected[i], RankIntervals.ordinal(n[i]));
        }
    }
}
