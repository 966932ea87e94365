package org.recordingrate.estimate;

import org.recordingrate.model.Token;

import org.recordingrate.internal.Args;
import org.recordingrate.model.AuditedCategory;
import org.recordingrate.model.Incidents;

/**
 * How the variance of a category's recording rate, and so of the volume-weighted all-crime rate
 * V = sum W<sub>h</sub>&sup2; v<sub>h</sub>, is estimated. W<sub>h</sub> = volume<sub>h</sub> / total
 * volume; p<sub>h</sub> = x<sub>h</sub>/n<sub>h</sub>.
 *
 * <p>When the audited crimes came in incidents ({@link AuditedCategory#incidents()}), the
 * {@link #SURVEY} convention treats each incident as a cluster and the {@link #BINOMIAL} one ignores
 * the grouping (every crime an independent draw); estimates report the design effect, the ratio of
 * the two variances, so the cost of ignoring it is in plain sight.
 */
public enum VarianceConvention implements Token {

    /**
     * v<sub>h</sub> = p<sub>h</sub>(1 - p<sub>h</sub>)/n<sub>h</sub>: each category a binomial sample,
     * no finite population correction. The convention the published inspection figures follow.
     * It ignores incidents: crimes of one incident count as independent draws, which understates the
     * variance when the crimes of an incident tend to share their outcome (see the estimates'
     * design effect).
     */
    BINOMIAL {
        @Override
        double categoryVariance(AuditedCategory category, double centre) {
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
     *
     * <p>With incidents, the rate is a ratio estimator over incidents (x = sum of recorded crimes
     * over sum of crimes, the incidents being the sampled units) and v<sub>h</sub> its linearisation
     * (Taylor series) variance for a stratified one-stage cluster sample, as R's survey package
     * computes it with {@code svymean(~recorded, svydesign(ids = ~incident_id, strata = ~category,
     * weights = ~w, fpc = ~N))}, w = volume<sub>h</sub>/n<sub>h</sub>: with m<sub>h</sub> incidents
     * c holding n<sub>hc</sub> crimes of which x<sub>hc</sub> recorded, residuals
     * e<sub>hc</sub> = x<sub>hc</sub> - p n<sub>hc</sub> about the estimate p of the row,
     * <pre>
     * v_h = (1 - m_h/N_h) m_h/(m_h - 1) sum_c (e_hc - mean_c e_hc)^2 / n_h^2
     * </pre>
     * (Lumley 2010, Complex Surveys, chapter 3; Cochran 1977, Sampling Techniques, chapter 9A: the
     * ratio estimate from clusters of unequal sizes). The population N<sub>h</sub> counts
     * incident records, the units sampled. For a category row p = p<sub>h</sub>; for all crime p is the
     * all-crime rate, because R linearises the combined ratio sum w x / sum w n, whose denominator (the
     * crimes in the sampled incidents) is random: so a category whose every crime was recorded still
     * contributes when its incidents differ in size. With one crime per incident this is the formula
     * above. A category with a single incident and no census is refused.
     */
    SURVEY {
        @Override
        double categoryVariance(AuditedCategory category, double centre) {
            long n = category.tally().audited();
            double correction = 1 - category.samplingFraction();
            if (correction == 0) {
                return 0.0;
            }
            if (category.incidents().isPresent()) {
                return correction * clusterSquares(category, category.incidents().get(), centre);
            }
            if (n < 2) {
                throw new IllegalArgumentException("category '" + category.name() + "' has 1 audited record: the survey"
                        + " variance needs at least 2 (or a population equal to the sample); use the binomial variance");
            }
            double p = category.tally().rate();
            return correction * p * (1 - p) / (n - 1);
        }
    };

    /**
     * The units this convention takes as sampled in a category: its audited crimes under
     * {@link #BINOMIAL}, its incidents (when known) under {@link #SURVEY}. Their total less the
     * number of categories is the design's degrees of freedom.
     */
    long sampledUnits(AuditedCategory category) {
        return this == BINOMIAL ? category.tally().audited() : category.sampledUnits();
    }

    /**
     * The variance of one category's rate p<sub>h</sub> under this convention, the incidents'
     * residuals taken about {@code centre}: p<sub>h</sub> for the category alone, the all-crime rate
     * for all crime (only the survey convention with incidents depends on it).
     */
    abstract double categoryVariance(AuditedCategory category, double centre);

    /**
     * m/(m - 1) sum_c (e_c - mean e)^2 / n^2 with e_c = x_c - centre n_c, summed over groups of
     * identical incidents; the deviations are formed before squaring, so no cancellation.
     */
    private static double clusterSquares(AuditedCategory category, Incidents incidents, double centre) {
        long m = incidents.count();
        if (m < 2) {
            throw new IllegalArgumentException("category '" + category.name() + "' has 1 incident: the survey"
                    + " variance needs at least 2 (or a population equal to the sample); use the binomial variance");
        }
        double n = incidents.crimes();
        double mean = (incidents.recorded() - centre * n) / m;
        double sum = 0;
        for (Incidents.Group group : incidents.groups()) {
            double deviation = group.recorded() - centre * group.crimes() - mean;
            sum += group.incidents() * deviation * deviation;
        }
        return (double) m / (m - 1) * sum / (n * n);
    }

}
