package org.recordingrate.trend;

import java.util.List;

import org.recordingrate.model.Token;

/** How a trend is estimated and tested: by the kind of figures a series holds. */
public enum TrendMethod implements Token {

    /**
     * For tallies: the Cochran-Armitage test for trend in proportions with the times as scores
     * (Cochran 1954, Armitage 1955; R's {@code prop.trend.test(x, n, score = time)}), and its
     * least-squares slope of the rates on time with the audited counts as weights.
     */
    COCHRAN_ARMITAGE("Cochran-Armitage"),

    /**
     * For estimates with a standard error (published figures: se = margin / z): the fixed-effect
     * meta-regression of the rates on time, weights 1 / se<sup>2</sup> (metafor's {@code rma(yi, vi,
     * mods = ~ time, method = "FE")}).
     */
    FIXED_EFFECT("fixed-effect meta-regression");

    private final String displayName;

    TrendMethod(String displayName) {
        this.displayName = displayName;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public List<String> aliases() {
        return this == FIXED_EFFECT ? List.of("meta_regression", "fe", "weighted_least_squares")
                : List.of("armitage", "prop_trend_test", "chi_square_trend");
    }
}
