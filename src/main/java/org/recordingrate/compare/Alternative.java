package org.recordingrate.compare;

import org.recordingrate.internal.Args;

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

    /** The command-line token: {@code two_sided}, {@code improved} or {@code deteriorated}. */
    public String token() {
        return token;
    }

    /**
     * Parses a token, ignoring case, with {@code -} and space read as {@code _}; also accepts
     * {@code greater} and {@code less} (after relative to before) and {@code two-sided}.
     *
     * @throws IllegalArgumentException naming the unknown value and the accepted tokens
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
