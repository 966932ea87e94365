package org.recordingrate.estimate;

import org.recordingrate.internal.Args;
import org.recordingrate.model.AuditedCategory;

/**
 * How the variance of a category's recording rate, and so of the volume-weighted all-crime rate
 * V = sum W<sub>h</sub>&sup2; v<sub>h</sub>, is estimated. W<sub>h</sub> = volume<sub>h</sub> / total
 * volume; p<sub>h</sub> = x<sub>h</sub>/n<sub>h</sub>.
 */
public enum VarianceConvention {

    /**
     * v<sub>h</sub> = p<sub>h</sub>(1 - p<sub>h</sub>)/n<sub>h</sub>: each category a binomial sample,
     * no finite population correction. The convention the published inspection figures follow.
     */
    BINOMIAL("binomial") {
        @Override
        double categoryVariance(AuditedCategory category) {
            double p = category.tally().rate();
            return p * (1 - p) / category.tally().audited();
        }
    },

    /**
     * v<sub>h</sub> = (1 - n<sub>h</sub>/N<sub>h</sub>) s<sub>h</sub>&sup2;/n<sub>h</sub> with
     * s<sub>h</sub>&sup2; = n<sub>h</sub>p<sub>h</sub>(1 - p<sub>h</sub>)/(n<sub>h</sub> - 1): a stratified simple
     * random sample without replacement, exactly what R's survey package computes with
     * {@code svymean(~y, svydesign(ids = ~1, strata = ~category, fpc = ~N))} (Lumley 2010, Complex
     * Surveys, chapter 2; Cochran 1977, Sampling Techniques, 5.7). A category without a known
     * population N<sub>h</sub> gets no correction (factor 1). A category audited in full
     * (n<sub>h</sub> = N<sub>h</sub>) contributes 0. A category with a single audited record and no
     * full census has no variance estimate (R's "stratum has only one PSU") and is refused.
     */
    SURVEY("survey") {
        @Override
        double categoryVariance(AuditedCategory category) {
            long n = category.tally().audited();
            double correction = 1 - category.samplingFraction();
            if (correction == 0) {
                return 0.0;
            }
            if (n < 2) {
                throw new IllegalArgumentException("category '" + category.name() + "' has 1 audited record: the survey"
                        + " variance needs at least 2 (or a population equal to the sample); use the binomial variance");
            }
            double p = category.tally().rate();
            return correction * p * (1 - p) / (n - 1);
        }
    };

    private final String token;

    VarianceConvention(String token) {
        this.token = token;
    }

    /** The variance of one category's rate p<sub>h</sub> under this convention. */
    abstract double categoryVariance(AuditedCategory category);

    /** The command-line token: {@code binomial} or {@code survey}. */
    public String token() {
        return token;
    }

    /**
     * The convention for a token, ignoring case.
     *
     * @throws IllegalArgumentException naming the token and the valid ones
     */
    public static VarianceConvention fromToken(String token) {
        String normalized = Args.token(token);
        for (VarianceConvention convention : values()) {
            if (convention.token.equals(normalized)) {
                return convention;
            }
        }
        throw new IllegalArgumentException("variance ('" + token + "') must be one of binomial, survey");
    }
}
