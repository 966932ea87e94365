package org.recordingrate.forces;

import java.util.List;

import org.recordingrate.model.Token;

/**
 * How each force's rate is shrunk towards the others' (empirical Bayes): the estimate that borrows
 * strength from every force, pulling the least precise furthest, with its interval.
 */
public enum Shrinkage implements Token {

    /**
     * The random-effects model of DerSimonian and Laird (1986) on each force's own variance (a
     * published figure's (margin / z)<sup>2</sup>, a tally's p(1 - p)/n), and the best linear unbiased
     * predictor (BLUP) of each force's rate with its standard error, exactly as R's metafor
     * {@code blup(rma(yi, vi, method = "DL"))}: see {@link RandomEffects}. The default; for every kind
     * of input.
     */
    DERSIMONIAN_LAIRD("DerSimonian-Laird random effects (BLUP)"),

    /**
     * Beta-binomial empirical Bayes (as R's ebbr {@code add_ebb_estimate(method = "mle")}): a
     * Beta(alpha, beta) prior fitted to the tallies by maximum likelihood of the beta-binomial, each
     * force's posterior Beta(x + alpha, n - x + beta), its mean and equal-tailed interval. Tallies only
     * (a category's recorded of audited): see {@link BetaBinomialPrior}.
     */
    BETA_BINOMIAL("beta-binomial empirical Bayes (maximum likelihood)"),

    /** As {@link #BETA_BINOMIAL}, the prior fitted by the method of moments (ebbr's {@code method = "mm"}). */
    BETA_BINOMIAL_MOMENTS("beta-binomial empirical Bayes (method of moments)");

    private final String displayName;

    Shrinkage(String displayName) {
        this.displayName = displayName;
    }

    /**
     * The name for people.
     *
     * @return e.g. {@code "DerSimonian-Laird random effects (BLUP)"}
     */
    @Override
    public String displayName() {
        return displayName;
    }

    /**
     * R's names: {@code dl}, {@code random_effects}; {@code ebb}, {@code mle}; {@code mm}.
     *
     * @return the other tokens read
     */
    @Override
    public List<String> aliases() {
        return switch (this) {
            case DERSIMONIAN_LAIRD -> List.of("dl", "random_effects", "blup");
            case BETA_BINOMIAL -> List.of("ebb", "beta_binomial_mle", "mle");
            default -> List.of("beta_binomial_mm", "mm");
        };
    }
}
