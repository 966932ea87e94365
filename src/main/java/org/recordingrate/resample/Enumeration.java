package org.recordingrate.resample;

import org.recordingrate.model.Token;

import org.recordingrate.internal.Args;

/**
 * Whether a permutation test enumerates every arrangement instead of drawing them.
 */
public enum Enumeration implements Token {

    /**
     * Enumerate when that is cheap: always for one category (Fisher's test costs microseconds),
     * and across categories when the product of the categories' numbers of possible tables, the
     * largest left out, is at most {@link PermutationTest#ENUMERATION_LIMIT}; draw replicates
     * otherwise. The default.
     */
    AUTO,
    /** Always enumerate; refuse (IllegalArgumentException) beyond the limit. */
    ALWAYS,
    /** Always draw replicates (Monte Carlo), e.g. to check them against the exact p-value. */
    NEVER;

}
