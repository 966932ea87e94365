package org.recordingrate.posterior;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.junit.jupiter.api.Test;
import org.recordingrate.format.ResultTable;
import org.recordingrate.model.Inspection;

/**
 * The all-crime posterior of an inspection. The simulated interval is checked against an independent
 * computation of the distribution of W<sub>1</sub> p<sub>1</sub> + W<sub>2</sub> p<sub>2</sub>: for two
 * categories P(sum &le; t) = &int; f<sub>1</sub>(x) F<sub>2</sub>((t - W<sub>1</sub> x) / W<sub>2</sub>) dx, taken here
 * by composite Simpson's rule on 4,000 panels with Commons Math's Beta distribution.
 *
 * <p><b>False-failure budget.</b> With R = 100,000 replicates the empirical probability below the
 * simulated 2.5% point has standard deviation sqrt(0.025 x 0.975 / R) = 4.9e-4; the test allows 6 of
 * them (3e-3), a chance of about 2e-9 of failing for a correct sampler; the highest-density interval's
 * content, standard deviation sqrt(0.95 x 0.05 / R) = 6.9e-4, is allowed 4e-3 (5.8 of them). The draws are seeded, so the
 * outcome is in fact fixed; the budget says how unlikely the chosen seed was to hide a fault.
 */
class AllCrimePosteriorTest {

    private static final Inspection TWO = Inspection.builder("two categories")
            .category("violence", 180, 202, 25_000)
            .category("other crime", 211, 220, 35_000)
            .build();

    private static final Inspection PEEL = Inspection.builder("PEEL 2021/22")
            .category("violence", 180, 202, 25_000)
            .category("sexual offences", 131, 132, 2_500)
            .category("other crime", 211, 220, 35_000)
            .build();

    /** The default posterior of {@link #TWO} (100,000 replicates, seed 1), drawn once for the tests that read it. */
    private static final AllCrimePosterior TWO_POSTERIOR = BayesEstimator.withDefaults().estimate(TWO);

    /** P(W1 p1 + W2 p2 &le; t), p_h ~ Beta(x_h + 1/2, n_h - x_h + 1/2). */
    private static double distribution(double t) {
        BetaDistribution first = new BetaDistribution(null, 180.5, 22.5);
        BetaDistribution second = new BetaDistribution(null, 211.5, 9.5);
        double w1 = 25_000.0 / 60_000;
        double w2 = 35_000.0 / 60_000;
        int panels = 4_000;
        double h = 1.0 / panels;
        double sum = 0;
        for (int i = 0; i <= panels; i++) {
            double x = i * h;
            double y = (t - w1 * x) / w2;
            double g = y <= 0 ? 0 : y >= 1 ? 1 : second.cumulativeProbability(y);
            double f = x == 0 || x == 1 ? 0 : first.density(x);
            sum += (i == 0 || i == panels ? 1 : i % 2 == 1 ? 4 : 2) * f * g;
        }
        return sum * h / 3;
    }

    @Test
    void simulatedBounds_holdTheirTails_byIndependentQuadrature() {
        AllCrimePosterior posterior = TWO_POSTERIOR;
        assertEquals(0.025, distribution(posterior.lower()), 3e-3);
        assertEquals(0.975, distribution(posterior.upper()), 3e-3);
        // the highest-density interval holds 95% too, and is no wider than the equal-tailed one
        assertEquals(0.95, distribution(posterior.hpdUpper()) - distribution(posterior.hpdLower()), 4e-3);
        assertTrue(posterior.hpdUpper() - posterior.hpdLower() <= posterior.upper() - posterior.lower());
    }

    /**
     * The stated Monte Carlo error of a bound is near the asymptotic standard error of a sample
     * quantile, sqrt(q(1 - q)/R) / f(x<sub>q</sub>) (f the density, by differencing the quadrature).
     */
    @Test
    void monteCarloError_isNearTheAsymptoticStandardErrorOfAQuantile() {
        AllCrimePosterior posterior = TWO_POSTERIOR;
        double step = 1e-4;
        double density = (distribution(posterior.lower() + step) - distribution(posterior.lower() - step)) / (2 * step);
        double asymptotic = Math.sqrt(0.025 * 0.975 / posterior.replicates()) / density;
        assertEquals(asymptotic, posterior.mcErrorLower(), 0.25 * asymptotic);
        assertTrue(posterior.notes().get(0).contains("Monte Carlo standard error"), posterior.notes().toString());
    }

    @Test
    void meanAndSd_areExact() {
        AllCrimePosterior posterior = BayesEstimator.withDefaults().withReplicates(1000).estimate(PEEL);
        double w1 = 25_000.0 / 62_500;
        double w2 = 2_500.0 / 62_500;
        double w3 = 35_000.0 / 62_500;
        double mean = w1 * 180.5 / 203 + w2 * 131.5 / 133 + w3 * 211.5 / 221;
        assertEquals(mean, posterior.mean(), 1e-15);
        double variance = w1 * w1 * 180.5 * 22.5 / (203.0 * 203 * 204) + w2 * w2 * 131.5 * 1.5 / (133.0 * 133 * 134)
                + w3 * w3 * 211.5 * 9.5 / (221.0 * 221 * 222);
        assertEquals(Math.sqrt(variance), posterior.standardDeviation(), 1e-15);
    }

    @Test
    void sameSeed_sameDraws_forAnyNumberOfThreads() {
        BayesEstimator bayes = BayesEstimator.withDefaults().withReplicates(50_000).withSeed(20240917);
        AllCrimePosterior one = bayes.withThreads(1).estimate(PEEL);
        AllCrimePosterior three = bayes.withThreads(3).estimate(PEEL);
        assertEquals(one, three);
        AllCrimePosterior other = bayes.withSeed(7).estimate(PEEL);
        assertNotEquals(one.lower(), other.lower());
    }

    @Test
    void table_hasARowPerCategoryAndAllCrime_withTheMonteCarloErrorOnTheLast() {
        AllCrimePosterior posterior = BayesEstimator.withDefaults().withReplicates(20_000).estimate(PEEL);
        ResultTable table = posterior.table();
        List<List<String>> cells = table.textCells();
        assertEquals(4, cells.size());
        assertEquals("all crime", cells.get(3).get(1));
        assertEquals("", cells.get(0).get(13), "no Monte Carlo error for a category's exact bounds");
        assertTrue(!cells.get(3).get(13).isEmpty());
        assertTrue(posterior.toString().startsWith("PEEL 2021/22: all crime 93.1% (95% credible"), posterior.toString());
        assertThrows(IllegalArgumentException.class, () -> BayesEstimator.withDefaults().withReplicates(10));
        assertThrows(IllegalArgumentException.class, () -> BayesEstimator.withDefaults().withThreads(0));
    }
}
