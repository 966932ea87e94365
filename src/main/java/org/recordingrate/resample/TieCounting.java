package org.recordingrate.resample;

import org.recordingrate.model.Token;

import org.recordingrate.internal.Args;

/**
 * How replicates equal to the estimate count in the BCa bias correction
 * z<sub>0</sub> = &Phi;<sup>-1</sup>(share of replicates below the estimate). With 0/1 outcomes the
 * replicates lie on a lattice and many equal the estimate exactly: for one category of 180 of
 * 202 recorded, about 9% of them. Equality is decided exactly (on the counts, not on rounded
 * doubles).
 */
public enum TieCounting implements Token {

    /**
     * A tie counts as half below: z<sub>0</sub> = &Phi;<sup>-1</sup>((#below + #equal/2)/B), the
     * mid-distribution convention, as scipy 1.10's {@code bootstrap} (its
     * {@code _percentile_of_score}, "mean" kind). z<sub>0</sub> is then 0 when the bootstrap
     * distribution is symmetric about the estimate, and finite when every replicate equals it.
     * The default.
     */
    HALF,

    /**
     * Only replicates strictly below count: z<sub>0</sub> = &Phi;<sup>-1</sup>(#below/B), as R's
     * {@code boot.ci} ({@code bca.ci}: {@code qnorm(sum(t < t0)/length(t))}). On a lattice this
     * pushes z<sub>0</sub> down by about half the probability of the estimate's atom; when every
     * replicate equals the estimate z<sub>0</sub> is -infinity and the interval collapses to it.
     */
    STRICTLY_BELOW;

    /**
     * The share of replicates that counts as below the estimate.
     *
     * @param below replicates strictly below
     * @param equal replicates equal to the estimate
     * @param total all replicates
     */
    double share(long below, long equal, long total) {
        return this == HALF ? (below + 0.5 * equal) / total : (double) below / total;
    }

}
