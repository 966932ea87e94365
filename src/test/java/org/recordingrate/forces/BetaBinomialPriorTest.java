package org.recordingrate.forces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.recordingrate.forces.Reference.close;
import static org.recordingrate.forces.Reference.number;

import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.recordingrate.model.Tally;

/**
 * Beta-binomial empirical Bayes against ebbr's conventions, reproduced in make-forces-reference.R on the
 * bundled forces' violence tallies (43 forces):
 *
 * <ul>
 *   <li>method of moments (ebbr's {@code method = "mm"}, transcribed): alpha 31.6705074916303, beta
 *       4.3712476680591;</li>
 *   <li>maximum likelihood as ebbr runs it ({@code stats4::mle(ll, start = mm, method = "L-BFGS-B", lower =
 *       c(1e-9, 1e-9))} with {@code VGAM::dbetabinom.ab}): alpha 37.8864180739838, beta 5.23006337583159;
 *       the same maximum to full precision ({@code optim} on the log scale, then Newton's method with the
 *       gradient and Hessian as exact finite sums, sum 1/(a + j); the gradient there is 5.6e-15 and 4.9e-15):
 *       alpha 37.8865324753435, beta 5.23007961274084, log-likelihood without the binomial coefficients
 *       -3141.5335087267;</li>
 *   <li>each force's posterior Beta(x + alpha, n - x + beta): mean, sd and {@code qbeta(0.025 / 0.975, ..)}.</li>
 * </ul>
 * ebbr's L-BFGS-B stops about 3e-6 (relative) short of the maximum, so ours agrees with it to 1e-5 and with
 * the full-precision maximum to 1e-10 (the likelihood is flat along a ridge: 1e-12 in the gradient moves the
 * maximum by about 1e-11).
 */
class BetaBinomialPriorTest {

    private static List<Tally> violence() {
        return Reference.rows("forces-reference-ebbr.csv").stream()
                .map(r -> Tally.of(Long.parseLong(r.get("recorded")), Long.parseLong(r.get("audited")))).toList();
    }

    @Test
    void methodOfMomentsAsEbbr() {
        Map<String, String> ref = Reference.rows("forces-reference-ebbr-prior.csv").get(0).toMap();
        BetaBinomialPrior prior = BetaBinomialPrior.moments(violence());
        close(number(ref, "alpha_mm"), prior.alpha(), 1e-12, "alpha");
        close(number(ref, "beta_mm"), prior.beta(), 1e-12, "beta");
        assertEquals(Shrinkage.BETA_BINOMIAL_MOMENTS, prior.method());
        List<CSVRecord> rows = Reference.rows("forces-reference-ebbr.csv");
        List<Tally> tallies = violence();
        for (int i = 0; i < rows.size(); i++) {
            BetaBinomialPrior.Posterior p = prior.posterior(tallies.get(i), 0.95);
            close(number(rows.get(i), "mm_mean"), p.mean(), 1e-12, "mean " + i);
            close(number(rows.get(i), "mm_sd"), p.sd(), 1e-12, "sd " + i);
            close(number(rows.get(i), "mm_lower"), p.lower(), 1e-12, "lower " + i);
            close(number(rows.get(i), "mm_upper"), p.upper(), 1e-12, "upper " + i);
        }
    }

    @Test
    void maximumLikelihoodAsEbbr() {
        Map<String, String> ref = Reference.rows("forces-reference-ebbr-prior.csv").get(0).toMap();
        BetaBinomialPrior prior = BetaBinomialPrior.maximumLikelihood(violence());
        assertEquals(number(ref, "alpha_ml"), prior.alpha(), 1e-10 * prior.alpha(), "alpha");
        assertEquals(number(ref, "beta_ml"), prior.beta(), 1e-10 * prior.beta(), "beta");
        assertEquals(number(ref, "alpha_ebbr_mle"), prior.alpha(), 1e-5 * prior.alpha(), "alpha as ebbr's L-BFGS-B");
        assertEquals(number(ref, "beta_ebbr_mle"), prior.beta(), 1e-5 * prior.beta(), "beta as ebbr's L-BFGS-B");
        assertEquals(number(ref, "log_likelihood"), prior.logLikelihood(), 1e-9 * 3141.5, "log-likelihood");
        assertTrue(prior.logLikelihood() >= BetaBinomialPrior.logLikelihood(violence(), number(ref, "alpha_ebbr_mle"),
                number(ref, "beta_ebbr_mle")), "at least as high as ebbr's optimum");
        List<CSVRecord> rows = Reference.rows("forces-reference-ebbr.csv");
        List<Tally> tallies = violence();
        for (int i = 0; i < rows.size(); i++) {
            BetaBinomialPrior.Posterior p = prior.posterior(tallies.get(i), 0.95);
            close(number(rows.get(i), "ml_mean"), p.mean(), 1e-12, "mean " + i);
            close(number(rows.get(i), "ml_lower"), p.lower(), 1e-12, "lower " + i);
            close(number(rows.get(i), "ml_upper"), p.upper(), 1e-12, "upper " + i);
        }
    }

    @Test
    void throughForces() {
        ForcesResult result = ForcesReferenceTest.procedure().with(Shrinkage.BETA_BINOMIAL)
                .analyse(ForcesFile.read(ForcesReferenceTest.FORCES, ForcesFile.Options.defaults().withCategory("violence")));
        List<CSVRecord> rows = Reference.rows("forces-reference-ebbr.csv");
        for (int i = 0; i < rows.size(); i++) {
            close(number(rows.get(i), "ml_mean"), result.forces().get(i).shrunken().estimate(), 1e-12, "shrunken " + i);
            close(number(rows.get(i), "ml_sd"), result.forces().get(i).shrunken().se(), 1e-12, "shrunken_se " + i);
        }
        assertTrue(result.betaBinomialPrior().isPresent() && result.randomEffects().isEmpty());
        assertTrue(result.table().columns().stream().anyMatch(c -> c.name().equals("shrunken_upper")));
        // published figures and all-crime rates have no tally
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ForcesReferenceTest.procedure()
                .with(Shrinkage.BETA_BINOMIAL).analyse(ForcesFile.read(ForcesReferenceTest.PUBLISHED_38)));
        assertTrue(e.getMessage().contains("Force 01") && e.getMessage().contains("tally"), e.getMessage());
    }

    @Test
    void noMaximumWithoutOverDispersion() {
        // identical rates: less spread than binomial sampling; the likelihood rises as alpha + beta grows
        List<Tally> same = List.of(Tally.of(90, 100), Tally.of(180, 200), Tally.of(45, 50), Tally.of(270, 300));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BetaBinomialPrior.maximumLikelihood(same));
        assertTrue(e.getMessage().contains("no maximum"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BetaBinomialPrior.moments(same));
        assertThrows(IllegalArgumentException.class, () -> BetaBinomialPrior.moments(List.of(Tally.of(1, 2))));
        assertThrows(IllegalArgumentException.class, () -> new BetaBinomialPrior(1, 1, Shrinkage.DERSIMONIAN_LAIRD, 0));
    }

    /** ln B(a, b) = ln Gamma(a) + ln Gamma(b) - ln Gamma(a + b) (commons-math3's logGamma). */
    private static double logBeta(double a, double b) {
        return org.apache.commons.math3.special.Gamma.logGamma(a) + org.apache.commons.math3.special.Gamma.logGamma(b)
                - org.apache.commons.math3.special.Gamma.logGamma(a + b);
    }

    /** The beta-binomial log-likelihood without the binomial coefficients, written here. */
    private static double logLikelihood(List<Tally> tallies, double a, double b) {
        double total = 0;
        for (Tally t : tallies) {
            total += logBeta(t.recorded() + a, t.audited() - t.recorded() + b) - logBeta(a, b);
        }
        return total;
    }

    /**
     * Rates spread more widely than a beta of the moments allows (the method of moments' alpha
     * ((1 - mu)/s&sup2; - 1/mu) mu&sup2; is not positive: s&sup2; &gt;= mu(1 - mu)), so the search starts from
     * (100 m, 100 (1 - m)) far from the maximum, with damped and gradient steps. The answer must be
     * the maximum of the likelihood written here: its log-likelihood that of the shapes found; in
     * ln a and ln b the central differences of the likelihood (step 1e-4) below 1e-4 of its value
     * (the first derivative vanishes at a maximum; the differences' own error is of order h&sup2; times the
     * third derivative); and every one of 24 neighbours at 1% and 10% steps in ln a and ln b lower.
     */
    @Test
    void maximumLikelihoodFromAFarStart() {
        List<Tally> spread = List.of(Tally.of(0, 20), Tally.of(20, 20), Tally.of(1, 25), Tally.of(29, 30),
                Tally.of(10, 20), Tally.of(2, 40), Tally.of(38, 40));
        BetaBinomialPrior prior = BetaBinomialPrior.maximumLikelihood(spread);
        double a = prior.alpha();
        double b = prior.beta();
        double best = logLikelihood(spread, a, b);
        assertEquals(best, prior.logLikelihood(), 1e-9 * Math.abs(best));
        double h = 1e-4;
        double du = (logLikelihood(spread, a * Math.exp(h), b) - logLikelihood(spread, a * Math.exp(-h), b)) / (2 * h);
        double dv = (logLikelihood(spread, a, b * Math.exp(h)) - logLikelihood(spread, a, b * Math.exp(-h))) / (2 * h);
        assertEquals(0, du, 1e-4 * Math.abs(best), "d/d ln alpha");
        assertEquals(0, dv, 1e-4 * Math.abs(best), "d/d ln beta");
        for (double step : new double[] {0.01, 0.1}) {
            for (int i = -1; i <= 1; i++) {
                for (int j = -1; j <= 1; j++) {
                    if (i != 0 || j != 0) {
                        assertTrue(logLikelihood(spread, a * Math.exp(i * step), b * Math.exp(j * step)) < best,
                                "neighbour " + i + ", " + j + " at " + step);
                    }
                }
            }
        }
        // a U-shaped prior: both shapes below 1 (rates crowd at 0 and 1)
        assertTrue(a < 1 && b < 1, prior.toString());
    }
}
