package org.recordingrate.posterior;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.RowKind;

/**
 * The all-crime posterior's simulated figures, each recomputed from the same seeded draws by its
 * definition (the draws themselves are checked draw for draw in {@link BetaDrawsExactTest}), and its
 * stated Monte Carlo error compared with the spread of the bound over seeds.
 *
 * <ul>
 *   <li>the equal-tailed bounds: R's {@code quantile(x, q, type = 7)} (Hyndman and Fan 1996, "Sample
 *       quantiles in statistical packages", Am. Stat. 50, 361-365, definition 7: h = (n - 1) q,
 *       x<sub>(floor h)</sub> + (h - floor h)(x<sub>(floor h + 1)</sub> - x<sub>(floor h)</sub>), 0-based);</li>
 *   <li>the highest-density interval: the shortest of all windows of ceil(level R) consecutive sorted
 *       replicates, found by trying every window (Chen and Shao 1999);</li>
 *   <li>the Monte Carlo error: (x<sub>(ceil j+)</sub> - x<sub>(floor j-)</sub>) / (2 z<sub>0.975</sub>),
 *       1-based order statistics, j&plusmn; = Rq &plusmn; z sqrt(Rq(1 - q)) (David and Nagaraja 2003,
 *       section 7.1), worked by hand below for values whose order statistics are known.</li>
 * </ul>
 */
class AllCrimePosteriorExactTest {

    /** z_0.975 = qnorm(0.975) in R: 1.959963984540054. */
    private static final double Z = 1.959963984540054;

    private static final Inspection PEEL = Inspection.builder("PEEL 2021/22")
            .category("violence", 180, 202, 25_000)
            .category("sexual offences", 131, 132, 2_500)
            .category("other crime", 211, 220, 35_000)
            .build();

    @Test
    void quantile_isRsType7() {
        double[] x = {1, 2, 4, 8, 16};
        // by hand from definition 7: h = 4q
        assertEquals(1, AllCrimePosterior.quantile(x, 0), 0);
        assertEquals(1.4, AllCrimePosterior.quantile(x, 0.1), 1e-15); // h = 0.4: 1 + 0.4 (2 - 1)
        assertEquals(2, AllCrimePosterior.quantile(x, 0.25), 0); // h = 1
        assertEquals(3, AllCrimePosterior.quantile(x, 0.375), 1e-15); // h = 1.5: 2 + 0.5 (4 - 2)
        assertEquals(4, AllCrimePosterior.quantile(x, 0.5), 0);
        assertEquals(12.8, AllCrimePosterior.quantile(x, 0.9), 1e-14); // h = 3.6: 8 + 0.6 (16 - 8)
        assertEquals(15.68, AllCrimePosterior.quantile(x, 0.99), 1e-14); // h = 3.96
        assertEquals(16, AllCrimePosterior.quantile(x, 1), 0);
        assertEquals(7, AllCrimePosterior.quantile(new double[] {7}, 0.5), 0);
        assertEquals(7, AllCrimePosterior.quantile(new double[] {7}, 1), 0);
    }

    /**
     * Values x_(i) = 2i - 1 (1-based), so x_(k) is known for every k. R = 10,000, q = 0.025: Rq = 250, z sqrt(243.75) =
     * 30.600, j- = 219.40, j+ = 280.60: x_(219) = 437 and x_(281) = 561, error 124 / (2z). q = 0.975 symmetrically:
     * j- = 9719.40, j+ = 9780.60, x_(9719) = 19437 and x_(9781) = 19561, again 124 / (2z). R = 20 (clamped at the
     * ends): q = 0.025, j- = 0.5 - 1.368 &lt; 1 so x_(1) = 1, j+ = 1.868 so x_(2) = 3, error 2 / (2z); q = 0.975, j- =
     * 18.13 so x_(18) = 35, j+ = 20.87 &gt; 20 so x_(20) = 39, error 4 / (2z).
     */
    @Test
    void monteCarloError_isTheOrderStatisticInterval_byHand() {
        double[] odd = new double[10_000];
        for (int i = 0; i < odd.length; i++) {
            odd[i] = 2 * i + 1;
        }
        assertEquals(124 / (2 * Z), AllCrimePosterior.monteCarloError(odd, 0.025), 1e-12);
        assertEquals(124 / (2 * Z), AllCrimePosterior.monteCarloError(odd, 0.975), 1e-12);
        // q = 0.5: Rq = 5000, z sqrt(2500) = 97.998, j- = 4902.002, j+ = 5097.998: x_(4902) = 9803, x_(5098) = 10195
        assertEquals(392 / (2 * Z), AllCrimePosterior.monteCarloError(odd, 0.5), 1e-12);
        double[] few = Arrays.copyOf(odd, 20);
        assertEquals(2 / (2 * Z), AllCrimePosterior.monteCarloError(few, 0.025), 1e-15);
        assertEquals(4 / (2 * Z), AllCrimePosterior.monteCarloError(few, 0.975), 1e-15);
    }

    /** Every simulated figure of the posterior recomputed from the same draws by its definition. */
    @Test
    void simulatedFigures_areTheirDefinitions_ofTheSameDraws() {
        for (int replicates : new int[] {1_001, 20_000}) {
            for (double level : new double[] {0.95, 0.8}) {
                BayesEstimator bayes = BayesEstimator.withDefaults().withReplicates(replicates).withSeed(99)
                        .withCredibility(level);
                AllCrimePosterior posterior = bayes.estimate(PEEL);
                double[] w = {25_000 / 62_500.0, 2_500 / 62_500.0, 35_000 / 62_500.0};
                double[] a = {180.5, 131.5, 211.5};
                double[] b = {22.5, 1.5, 9.5};
                double[] draws = BetaDraws.weightedSums(w, a, b, replicates, 99, 1);
                Arrays.sort(draws);
                double tail = (1 - level) / 2;
                assertEquals(type7(draws, tail), posterior.lower(), 1e-15);
                assertEquals(type7(draws, 1 - tail), posterior.upper(), 1e-15);
                // the shortest window of ceil(level R) sorted draws, every window tried
                int inside = (int) Math.ceil(level * replicates);
                double shortest = Double.POSITIVE_INFINITY;
                int at = -1;
                for (int i = 0; i + inside <= replicates; i++) {
                    if (draws[i + inside - 1] - draws[i] < shortest) {
                        shortest = draws[i + inside - 1] - draws[i];
                        at = i;
                    }
                }
                assertEquals(draws[at], posterior.hpdLower(), 0, "R " + replicates + ", level " + level);
                assertEquals(draws[at + inside - 1], posterior.hpdUpper(), 0);
                assertEquals(AllCrimePosterior.monteCarloError(draws, tail), posterior.mcErrorLower(), 0);
                assertEquals(AllCrimePosterior.monteCarloError(draws, 1 - tail), posterior.mcErrorUpper(), 0);
                assertEquals(replicates, posterior.replicates());
                assertEquals(99, posterior.seed());
            }
        }
    }

    /** Definition 7 written out again, 1-based as Hyndman and Fan print it: x_(j) + g (x_(j+1) - x_(j)), j = floor(1 + (n-1) q). */
    private static double type7(double[] x, double q) {
        double m = 1 + (x.length - 1) * q;
        int j = (int) Math.floor(m);
        double g = m - j;
        return j >= x.length ? x[x.length - 1] : x[j - 1] + g * (x[j] - x[j - 1]);
    }

    /**
     * The stated Monte Carlo error of each bound against the standard deviation of that bound over 40 seeds (R =
     * 10,000 each). For a correct error the ratio's 39-degree chi-square spread puts it in [0.6, 1.5] but for a chance
     * of 9e-5 (scipy: chi2.cdf(39*0.36, 39) = 7.9e-5, chi2.sf(39*2.25, 39) = 1.3e-5).
     */
    @Test
    void statedMonteCarloError_matchesTheSpreadOverSeeds() {
        int seeds = 40;
        double[] lower = new double[seeds];
        double[] upper = new double[seeds];
        double statedLower = 0;
        double statedUpper = 0;
        for (int s = 0; s < seeds; s++) {
            AllCrimePosterior p = BayesEstimator.withDefaults().withReplicates(10_000).withSeed(1000 + s).estimate(PEEL);
            lower[s] = p.lower();
            upper[s] = p.upper();
            statedLower += p.mcErrorLower() / seeds;
            statedUpper += p.mcErrorUpper() / seeds;
        }
        double ratioLower = sd(lower) / statedLower;
        double ratioUpper = sd(upper) / statedUpper;
        assertTrue(ratioLower > 0.6 && ratioLower < 1.5, "lower: spread / stated " + ratioLower);
        assertTrue(ratioUpper > 0.6 && ratioUpper < 1.5, "upper: spread / stated " + ratioUpper);
    }

    private static double sd(double[] x) {
        double m = Arrays.stream(x).average().orElseThrow();
        return Math.sqrt(Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / (x.length - 1));
    }

    @Test
    void rows_sumTheCategories_andTheNoteStatesTheErrorInPoints() {
        AllCrimePosterior posterior = BayesEstimator.withDefaults().withReplicates(2_000).withSeed(3).estimate(PEEL);
        List<AllCrimePosterior.Row> rows = posterior.rows();
        assertEquals(4, rows.size());
        AllCrimePosterior.Row violence = rows.get(0);
        assertEquals(RowKind.CATEGORY, violence.kind());
        assertEquals(180, violence.recorded());
        assertEquals(202, violence.audited());
        assertEquals(25_000, violence.volume());
        assertEquals(OptionalDouble.empty(), violence.mcErrorLower());
        assertEquals(180.5 / 203, violence.mean(), 1e-15);
        AllCrimePosterior.Row all = rows.get(3);
        assertEquals(RowKind.ALL_CRIME, all.kind());
        assertEquals(180 + 131 + 211, all.recorded());
        assertEquals(202 + 132 + 220, all.audited());
        assertEquals(62_500, all.volume());
        assertEquals("jeffreys", all.prior());
        assertEquals(0.95, all.credibility());
        assertEquals(posterior.mean(), all.mean());
        assertEquals(posterior.standardDeviation(), all.sd());
        assertEquals(posterior.lower(), all.lower());
        assertEquals(posterior.hpdUpper(), all.hpdUpper());
        assertEquals(posterior.mcErrorLower(), all.mcErrorLower().getAsDouble());
        assertEquals(posterior.mcErrorUpper(), all.mcErrorUpper().getAsDouble());
        String note = posterior.notes().get(0);
        assertTrue(note.startsWith("all crime's interval from 2,000 seeded replicates (seed 3)"), note);
        assertTrue(note.contains(String.format(java.util.Locale.ROOT, "%.4f points (lower bound)",
                100 * posterior.mcErrorLower())), note);
        assertTrue(note.contains(String.format(java.util.Locale.ROOT, "%.4f points (upper bound)",
                100 * posterior.mcErrorUpper())), note);
        String summary = posterior.summary();
        assertTrue(summary.contains("Note: all crime's interval from 2,000"), summary);
        assertTrue(summary.startsWith("PEEL 2021/22, "), summary);
        assertTrue(summary.contains("volume-weighted"), summary);
        assertTrue(posterior.toString().contains("Jeffreys prior, 2,000 replicates"), posterior.toString());
    }
}
