package org.recordingrate.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;
import org.recordingrate.coverage.ChangeCoverage;
import org.recordingrate.coverage.CoverageCurve;
import org.recordingrate.coverage.ChangeCoveragePoint;
import org.recordingrate.coverage.RateGrid;
import org.recordingrate.model.Interval;
import org.recordingrate.model.Tally;

/**
 * The exact unconditional interval for a change (tail method, score ordering): against SAS and
 * StatXact, against an independent enumeration, its match with Barnard's test, its guaranteed coverage.
 */
class ExactUnconditionalIntervalTest {

    private static final DifferenceMethod EXACT = DifferenceMethod.EXACT_UNCONDITIONAL;

    private static Interval exact(long xb, long nb, long xa, long na, double confidence) {
        return EXACT.interval(Tally.of(xb, nb), Tally.of(xa, na), confidence);
    }

    /**
     * Published values, 95%, the change group 2 minus group 1 (here after minus before), four decimals:
     * SAS 9.4 PROC FREQ, {@code TABLES / RISKDIFF(CL=EXACT); EXACT RISKDIFF(METHOD=SCORE)}, and StatXact 11,
     * "invert two one-sided tests, score statistic", as recorded by Fay and Hunsberger in R's exact2x2 1.7.0
     * ({@code inst/slowTests/test_SAS.R}: 10/35 vs 24/61 gives -0.0992 to 0.2949, 4/12 vs 9/11 gives 0.0616
     * to 0.7968; {@code test_StatXact.R}: 2/7 vs 6/13 gives -0.3108 to 0.5787, 0/7 vs 13/13 gives 0.5904
     * to 1.000, "the CIs below agree with SAS Ver 9.4"; StatXact with gamma = 1e-6 gives -0.09731 for the
     * first, with gamma = 0 -0.09922). Each bound must round to the published one.
     */
    @Test
    void reproducesSasAndStatXact() {
        double[][] published = {
            {10, 35, 24, 61, -0.0992, 0.2949},
            {4, 12, 9, 11, 0.0616, 0.7968},
            {2, 7, 6, 13, -0.3108, 0.5787},
            {0, 7, 13, 13, 0.5904, 1.0000},
        };
        for (double[] row : published) {
            Interval interval = exact((long) row[0], (long) row[1], (long) row[2], (long) row[3], 0.95);
            String where = (long) row[0] + "/" + (long) row[1] + " vs " + (long) row[2] + "/" + (long) row[3];
            assertEquals(row[4], interval.lower(), 0.5e-4, where + " lower " + interval.lower());
            assertEquals(row[5], interval.upper(), 0.5e-4, where + " upper " + interval.upper());
        }
        // the fifth decimal StatXact prints (gamma = 0)
        assertEquals(-0.09922, exact(10, 35, 24, 61, 0.95).lower(), 0.5e-5);
        assertEquals(1.0, exact(0, 7, 13, 13, 0.95).upper(), 0);
    }

    /** The Farrington-Manning variance at D, from ScoreVariance (Newton on the likelihood equation). */
    private static double variance(int xa, int na, int xb, int nb, double change) {
        ScoreVariance score = new ScoreVariance(xa, na, xb, nb);
        double total = (double) na + nb;
        return score.at(change) * (total - 1) / total;
    }

    /** T(D) from ScoreVariance, the conventions of UnconditionalInterval at a zero variance. */
    private static double statistic(int xa, int na, int xb, int nb, double change) {
        double numerator = (double) xa / na - (double) xb / nb - change;
        double v = variance(xa, na, xb, nb, change);
        if (!(v > 1e-300)) {
            return numerator == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, numerator);
        }
        return numerator / Math.sqrt(v);
    }

    /**
     * P_U(D) by brute force: every table's statistic from ScoreVariance (no monotonicity assumed), the
     * region's probability summed table by table with Commons Math's binomials, the supremum over a
     * uniform grid of 2,001 nuisance values refined by a 2,001-point grid around the best.
     */
    private static double bruteUpper(int xa, int na, int xb, int nb, double change) {
        double observed = statistic(xa, na, xb, nb, change);
        boolean[][] in = new boolean[na + 1][nb + 1];
        for (int a = 0; a <= na; a++) {
            for (int b = 0; b <= nb; b++) {
                double t = statistic(a, na, b, nb, change);
                in[a][b] = t >= observed - 1e-9 * Math.max(1, Math.abs(observed));
            }
        }
        double low = Math.max(0, -change);
        double high = Math.min(1, 1 - change);
        double best = 0;
        double bestAt = low;
        for (int i = 0; i <= 2000; i++) {
            double pb = low + (high - low) * i / 2000;
            double p = probability(in, na, nb, pb, change);
            if (p > best) {
                best = p;
                bestAt = pb;
            }
        }
        double step = (high - low) / 2000;
        for (int i = -1000; i <= 1000; i++) {
            double pb = Math.max(low, Math.min(high, bestAt + step * i / 1000));
            best = Math.max(best, probability(in, na, nb, pb, change));
        }
        return best;
    }

    private static double probability(boolean[][] in, int na, int nb, double pb, double change) {
        pb = Math.max(0, Math.min(1, pb));
        double pa = Math.max(0, Math.min(1, pb + change));
        BinomialDistribution after = new BinomialDistribution(null, na, pa);
        BinomialDistribution before = new BinomialDistribution(null, nb, pb);
        double[] pmfB = new double[nb + 1];
        for (int b = 0; b <= nb; b++) {
            pmfB[b] = before.probability(b);
        }
        double sum = 0;
        for (int a = 0; a <= na; a++) {
            double row = 0;
            for (int b = 0; b <= nb; b++) {
                if (in[a][b]) {
                    row += pmfB[b];
                }
            }
            sum += after.probability(a) * row;
        }
        return sum;
    }

    /**
     * The lower bound is the first D at which the brute-force test stops rejecting: just above it the
     * p-value exceeds alpha/2, and at every D of a grid below it (step 0.01) it does not.
     */
    @Test
    void lowerBoundIsTheFirstAcceptedChangeOfABruteForceTest() {
        int[][] tables = {{2, 7, 6, 13}, {5, 9, 3, 10}, {0, 6, 2, 8}};
        for (int[] t : tables) {
            int xb = t[0];
            int nb = t[1];
            int xa = t[2];
            int na = t[3];
            double lower = exact(xb, nb, xa, na, 0.95).lower();
            String where = xb + "/" + nb + " vs " + xa + "/" + na + " lower " + lower;
            if (lower > -1) {
                assertTrue(bruteUpper(xa, na, xb, nb, lower + 1e-7) > 0.025 - 1e-9, where);
            }
            for (double d = -1 + 1e-9; d < lower - 1e-6; d += 0.01) {
                assertTrue(bruteUpper(xa, na, xb, nb, d) <= 0.025 + 1e-9, where + " at " + d);
            }
        }
    }

    /** The region walk assumes T(D) increasing in x_a and decreasing in x_b: checked at every table up to 30. */
    @Test
    void scoreStatisticIsMonotoneInEachCount() {
        SplittableRandom random = new SplittableRandom(20);
        for (int trial = 0; trial < 40; trial++) {
            int na = 1 + random.nextInt(30);
            int nb = 1 + random.nextInt(30);
            double change = -0.999 + 1.998 * random.nextDouble();
            for (int a = 0; a <= na; a++) {
                for (int b = 0; b <= nb; b++) {
                    double t = UnconditionalInterval.statistic(a, na, b, nb, change);
                    if (a < na) {
                        assertTrue(UnconditionalInterval.statistic(a + 1, na, b, nb, change) >= t - 1e-12,
                                na + " " + nb + " " + change + " at " + a + "," + b);
                    }
                    if (b < nb) {
                        assertTrue(UnconditionalInterval.statistic(a, na, b + 1, nb, change) <= t + 1e-12,
                                na + " " + nb + " " + change + " at " + a + "," + b);
                    }
                    // the closed-form restricted estimates agree with ScoreVariance's Newton solution
                    double[] r = UnconditionalInterval.restricted((double) a / na, na, (double) b / nb, nb, change);
                    double v = r[0] * (1 - r[0]) / na + r[1] * (1 - r[1]) / nb;
                    assertEquals(variance(a, na, b, nb, change), v, 1e-9);
                }
            }
        }
    }

    /**
     * At D = 0 the score statistic is the pooled z, so the one-sided p-value is Barnard's ("improved"),
     * and the lower bound is above 0 exactly when Barnard's one-sided test rejects at alpha/2.
     */
    @Test
    void matchesBarnardsTestAtNoChange() {
        int[][] tables = {{10, 35, 24, 61}, {4, 12, 9, 11}, {30, 60, 41, 60}, {48, 80, 56, 70}, {1, 34, 7, 34},
            {3, 10, 9, 10}, {20, 40, 30, 40}, {12, 30, 20, 31}};
        for (int[] t : tables) {
            Tally before = Tally.of(t[0], t[1]);
            Tally after = Tally.of(t[2], t[3]);
            double barnard = ChangeTest.BARNARD.test(before, after, Alternative.IMPROVED).pValue();
            double ours = new UnconditionalInterval.Upper(t[2], t[3], t[0], t[1]).pValue(0);
            assertEquals(barnard, ours, 1e-9 * Math.max(barnard, 1e-3), before + " -> " + after);
            for (double confidence : new double[] {0.9, 0.95, 0.99}) {
                Interval interval = EXACT.interval(before, after, confidence);
                double tail = (1 - confidence) / 2;
                assertEquals(barnard <= tail, interval.lower() > 0, before + " -> " + after + " at " + confidence
                        + ": Barnard " + barnard + ", interval " + interval);
            }
        }
    }

    @Test
    void swappingTheInspectionsMirrorsTheInterval() {
        int[][] tables = {{10, 35, 24, 61}, {0, 7, 13, 13}, {5, 5, 0, 4}, {3, 9, 3, 9}};
        for (int[] t : tables) {
            Interval forward = exact(t[0], t[1], t[2], t[3], 0.95);
            Interval backward = exact(t[2], t[3], t[0], t[1], 0.95);
            assertEquals(-forward.lower(), backward.upper(), 1e-12);
            assertEquals(-forward.upper(), backward.lower(), 1e-12);
            double d = (double) t[2] / t[3] - (double) t[0] / t[1];
            assertTrue(forward.lower() <= d && d <= forward.upper(), forward.toString());
        }
        assertEquals(-1, exact(6, 6, 0, 5, 0.95).lower());
        assertEquals(1, exact(0, 6, 5, 5, 0.95).upper());
    }

    /** Exact: coverage at least the nominal level at every pair of rates, by double enumeration. */
    @Test
    void coversAtLeastTheNominalLevel() {
        CoverageCurve<ChangeCoveragePoint> curve = ChangeCoverage.withDefaults().with(EXACT).withConfidence(0.9)
                .over(6, 5, RateGrid.of(0.05, 0.95, 0.05), 0.0);
        for (ChangeCoveragePoint point : curve.points()) {
            assertTrue(point.coverage() >= 0.9 - 1e-9, point.toString());
        }
        ChangeCoveragePoint shifted = ChangeCoverage.withDefaults().with(EXACT).withConfidence(0.9).at(6, 0.3, 5, 0.8);
        assertTrue(shifted.coverage() >= 0.9 - 1e-9, shifted.toString());
    }

    /**
     * R's exact2x2 1.7.0, {@code uncondExact2x2(.., parmtype = "difference", method = "score", tsmethod =
     * "central", conf.int = TRUE, control = ucControl(nPgrid = 1000))}: the rows of
     * {@code src/test/resources/exact-unconditional/exact2x2-intervals.csv}, made by {@code make-exact2x2.R}
     * beside it. exact2x2 finds the supremum and the bounds by grid searches (its manual's warning), so
     * the two agree to within 1e-6, not to the last digit (10/35 vs 24/61: -0.09922028735 there,
     * -0.0992203274 here).
     */
    @Test
    void agreesWithRsExact2x2() throws java.io.IOException {
        java.util.List<String> lines = java.nio.file.Files.readAllLines(
                java.nio.file.Path.of("src/test/resources/exact-unconditional/exact2x2-intervals.csv"));
        assertTrue(lines.size() > 1, "rows: " + lines.size());
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            Interval interval = exact(Long.parseLong(cells[0]), Long.parseLong(cells[1]), Long.parseLong(cells[2]),
                    Long.parseLong(cells[3]), Double.parseDouble(cells[4]));
            assertEquals(Double.parseDouble(cells[5]), interval.lower(), 1e-6, line);
            assertEquals(Double.parseDouble(cells[6]), interval.upper(), 1e-6, line);
        }
    }

    @Test
    void refusesSamplesPastItsLimit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> exact(2000, 3000, 1000, 2001, 0.95));
        assertTrue(e.getMessage().contains("at most 5000 audited in all"), e.getMessage());
        assertEquals("exact_unconditional", EXACT.token());
        assertEquals(EXACT, org.recordingrate.model.Token.parse(DifferenceMethod.class, "method", "exact-unconditional"));
    }
}
