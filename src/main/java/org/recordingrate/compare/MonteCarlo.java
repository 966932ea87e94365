package org.recordingrate.compare;

import org.recordingrate.internal.Args;

/**
 * How a randomised result was obtained, so that it can be reproduced and its own error judged:
 * the number of replicates, the seed, and the Monte Carlo standard error of the reported value
 * (for a p-value estimated from B replicates, sqrt(p(1 - p)/B)).
 *
 * @param replicates    replicates drawn, at least 1
 * @param seed          the seed that reproduces them
 * @param standardError the Monte Carlo standard error of the reported value, 0 or more
 */
public record MonteCarlo(long replicates, long seed, double standardError) {

    /**
     * Validates the description.
     *
     * @param replicates    replicates drawn, at least 1
     * @param seed          the seed that reproduces them (any value)
     * @param standardError the Monte Carlo standard error of the reported value, finite and 0 or more
     *                      (0 when every replicate agreed)
     * @throws IllegalArgumentException for fewer than 1 replicate or a negative, NaN or non-finite error
     */
    public MonteCarlo {
        Args.positive("replicates", replicates);
        Args.nonNegative("standardError", standardError);
    }
}
