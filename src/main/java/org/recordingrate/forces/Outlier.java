package org.recordingrate.forces;

import org.recordingrate.model.Token;

/**
 * Where a force lies on the funnel: within the 95% limits, beyond them, or beyond the 99.8% limits
 * (about 2 and 3 standard deviations; Spiegelhalter 2005). "Beyond" is strictly outside: a rate on a
 * limit is within it. The {@code outlier} column writes the token.
 */
public enum Outlier implements Token {

    /** Within the 95% limits. */
    NONE("none", "within the 95% limits"),

    /** Beyond the 95% limits but within the 99.8% limits (about 1 force in 20 by chance alone). */
    BEYOND_95("95", "beyond the 95% limits"),

    /** Beyond the 99.8% limits (about 1 force in 500 by chance alone). */
    BEYOND_99_8("99.8", "beyond the 99.8% limits");

    private final String token;
    private final String displayName;

    Outlier(String token, String displayName) {
        this.token = token;
        this.displayName = displayName;
    }

    /**
     * The value of the {@code outlier} column.
     *
     * @return {@code none}, {@code 95} or {@code 99.8}
     */
    @Override
    public String token() {
        return token;
    }

    /**
     * The words for people.
     *
     * @return e.g. {@code "beyond the 95% limits"}
     */
    @Override
    public String displayName() {
        return displayName;
    }

    /** Where a rate lies against the four limits. */
    static Outlier of(double rate, double lower95, double upper95, double lower998, double upper998) {
        if (rate < lower998 || rate > upper998) {
            return BEYOND_99_8;
        }
        return rate < lower95 || rate > upper95 ? BEYOND_95 : NONE;
    }
}
