package org.recordingrate.compare;

import org.recordingrate.model.Token;

import org.recordingrate.internal.Args;
import org.recordingrate.internal.Normal;

/**
 * The alternative hypothesis of a test of change between two inspections, in the inspectors'
 * terms: the change is {@code after - before}.
 */
public enum Alternative implements Token {
    /** The rate changed, in either direction. */
    TWO_SIDED,
    /** The later rate is higher: {@code after > before} (scipy's and R's "greater" for group after). */
    IMPROVED,
    /** The later rate is lower: {@code after < before}. */
    DETERIORATED;

    /**
     * The normal-approximation p-value of a z statistic (positive when the rate after is higher)
     * against this alternative: two-sided 2 Phi(-|z|), improved 1 - Phi(z), deteriorated Phi(z);
     * infinite z gives 0 or 1. Not validated: NaN gives NaN.
     *
     * @param z the statistic
     * @return the p-value, in [0, 1] for any z but NaN
     */
    public double normalPValue(double z) {
        return switch (this) {
            case TWO_SIDED -> Normal.twoSidedTail(z);
            case IMPROVED -> Normal.upperTail(z);
            case DETERIORATED -> Normal.cdf(z);
        };
    }

    /**
     * Also read: {@code twosided} for two-sided; {@code greater} and {@code less} (after relative to
     * before, as R and scipy name them with the later group first) for improved and deteriorated.
     *
     * @return the aliases of this alternative
     */
    @Override
    public java.util.List<String> aliases() {
        return switch (this) {
            case TWO_SIDED -> java.util.List.of("twosided");
            case IMPROVED -> java.util.List.of("greater");
            case DETERIORATED -> java.util.List.of("less");
        };
    }

}
