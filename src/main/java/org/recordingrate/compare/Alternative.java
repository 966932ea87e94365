package org.recordingrate.compare;

import org.recordingrate.internal.Args;
import org.recordingrate.internal.Normal;

/**
 * The alternative hypothesis of a test of change between two inspections, in the inspectors'
 * terms: the change is {@code after - before}.
 */
public enum Alternative {
    /** The rate changed, in either direction. */
    TWO_SIDED("two_sided"),
    /** The later rate is higher: {@code after > before} (scipy's and R's "greater" for group after). */
    IMPROVED("improved"),
    /** The later rate is lower: {@code after < before}. */
    DETERIORATED("deteriorated");

    private final String token;

    Alternative(String token) {
        this.token = token;
    }

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
     * The command-line token, also written in CSV and JSON output.
     *
     * @return {@code two_sided}, {@code improved} or {@code deteriorated}
     */
    public String token() {
        return token;
    }

    /**
     * Parses a token, ignoring case and surrounding white space, with {@code -} and space read as
     * {@code _}; also accepts {@code greater} and {@code less} (after relative to before, as R and
     * scipy name them with the later group first), {@code two-sided} and {@code twosided}.
     *
     * @param text the token
     * @return the alternative
     * @throws IllegalArgumentException naming the unknown value and the accepted tokens, also for null
     */
    public static Alternative fromToken(String text) {
        if (text != null) {
            switch (Args.token(text)) {
                case "two_sided":
                case "twosided":
                    return TWO_SIDED;
                case "improved":
                case "greater":
                    return IMPROVED;
                case "deteriorated":
                case "less":
                    return DETERIORATED;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("alternative ('" + text + "') must be one of two_sided, improved, deteriorated");
    }
}
