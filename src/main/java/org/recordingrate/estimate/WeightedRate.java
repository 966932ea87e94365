package org.recordingrate.estimate;

/**
 * A volume-weighted rate with its estimated variance and the design's size: what every all-crime
 * interval is built from. For a single category under the binomial convention it is just
 * (x/n, p(1-p)/n, n, 1).
 *
 * @param rate       sum W<sub>h</sub> p<sub>h</sub>
 * @param variance   sum W<sub>h</sub>&sup2; v<sub>h</sub>
 * @param audited    total audited records n
 * @param categories number of categories H
 */
record WeightedRate(double rate, double variance, long audited, int categories) {

    /** The standard error sqrt(variance). */
    double standardError() {
        return Math.sqrt(variance);
    }

    /** Whether every category recorded none or every category recorded all. */
    boolean atEdge() {
        return rate == 0 || rate == 1;
    }

    /**
     * Kish's effective sample size p(1 - p)/V: the binomial sample size with the same variance.
     * At the edges (p = 0 or 1, where the variance estimate is 0) it is the audited count n, so the
     * intervals fall back to their binomial form; when the variance is 0 but p is inside (0, 1)
     * (every category at 0 or 1, mixed) it is infinite and the intervals collapse to the point.
     */
    double effectiveAudited() {
        if (atEdge()) {
            return audited;
        }
        return variance > 0 ? rate * (1 - rate) / variance : Double.POSITIVE_INFINITY;
    }
}
