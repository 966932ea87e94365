package org.recordingrate.estimate;

import org.recordingrate.model.Token;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.recordingrate.model.Interval;
import org.recordingrate.internal.Args;
import org.recordingrate.internal.Beta;
import org.recordingrate.internal.StudentT;
import org.recordingrate.internal.Wilson;

/**
 * Confidence intervals for a volume-weighted (stratified) recording rate p = sum W<sub>h</sub>
 * p<sub>h</sub> with estimated variance V (see {@link VarianceConvention}). For a single category
 * under the binomial convention each method reduces to its single-category namesake: Wald, logit,
 * Clopper-Pearson (Korn-Graubard) and Wilson, so category rows and the all-crime row agree in
 * kind.
 *
 * <p>Notation: z = Phi<sup>-1</sup>(1 - alpha/2); n = total audited; H = number of categories;
 * n<sub>eff</sub> = p(1 - p)/V, Kish's effective sample size. Edges: when every category recorded
 * all (p = 1) or none (p = 0), V = 0 and n<sub>eff</sub> is taken as n, so Korn-Graubard, Wilson
 * and logit give the binomial exact-style bound (e.g. [(alpha/2)<sup>1/n</sup>, 1] for Korn-Graubard
 * at p = 1); Wald collapses to the point. Bounds lie in [0, 1]. Reference values:
 * {@code shared/reference/stratified-results.csv} (R survey package; 50-digit mpmath) and, for
 * Wilson at effective sizes up to 2<sup>53</sup>, {@code reference-extended/all-crime-wilson-*.csv}
 * (80-digit mpmath). Supported range: as {@link IntervalMethod}, confidence 10<sup>-6</sup> to
 * 1 - 10<sup>-9</sup> and at most 2<sup>53</sup> audited per category and in all (checked by
 * {@link InspectionEstimator#estimate}).
 */
public enum AllCrimeMethod implements Token {

    /** Wald: p &plusmn; z sqrt(V), clipped to [0, 1]. Reference: Cochran (1977), section 5.3. */
    WALD("Wald") {
        @Override
        Interval interval(WeightedRate r, double tail, double z) {
            double half = z * r.standardError();
            return new Interval(Math.max(0.0, r.rate() - half), Math.min(1.0, r.rate() + half));
        }
    },

    /**
     * Wald on the logit scale: expit(logit(p) &plusmn; z sqrt(V)/(p(1 - p))), the delta method; equal
     * to R's {@code svyciprop(method = "xlogit", df = Inf)} under the survey convention. At p = 0 or
     * 1 the Clopper-Pearson bounds for n audited, as {@link IntervalMethod#LOGIT}. Reference: Lumley
     * (2010), Complex Surveys, section 2.3.1; Korn and Graubard (1999), Analysis of Health Surveys.
     */
    LOGIT("logit") {
        @Override
        Interval interval(WeightedRate r, double tail, double z) {
            double p = r.rate();
            if (r.atEdge()) {
                return clopperPearson(p * r.audited(), r.audited(), tail);
            }
            double logit = Math.log(p / (1 - p));
            double half = z * r.standardError() / (p * (1 - p));
            return new Interval(IntervalMethod.expit(logit - half), IntervalMethod.expit(logit + half));
        }
    },

    /**
     * Korn and Graubard (1998): Clopper-Pearson bounds with the effective sample size adjusted for
     * the design's degrees of freedom, n* = n<sub>eff</sub> (t(alpha/2; n - 1)/t(alpha/2; n - H))&sup2;
     * and x* = n* p entering the Beta quantiles as real numbers: L = B<sup>-1</sup>(alpha/2; x*,
     * n* - x* + 1), U = B<sup>-1</sup>(1 - alpha/2; x* + 1, n* - x*). Equal to R's
     * {@code svyciprop(method = "beta")} under the survey convention; with incidents the design's
     * degrees of freedom are incidents - H, as R's {@code degf}, in place of n - H. Without
     * degrees of freedom (fewer than 1) the adjustment is not defined and is left out. Reference:
     * Korn and Graubard, Survey Methodology 24 (1998) 193-201.
     */
    KORN_GRAUBARD("Korn-Graubard") {
        @Override
        Interval interval(WeightedRate r, double tail, double z) {
            double p = r.rate();
            double nEff = r.effectiveAudited();
            if (Double.isInfinite(nEff)) {
                return new Interval(p, p);
            }
            long n = r.audited();
            long dfDesign = r.units() - r.categories();
            if (!r.atEdge() && dfDesign >= 1) {
                double ratio = StudentT.lowerQuantile(tail, n - 1.0) / StudentT.lowerQuantile(tail, dfDesign);
                nEff *= ratio * ratio;
            }
            return clopperPearson(nEff * p, nEff, tail);
        }
    },

    /**
     * Wilson's score interval with the effective sample size n<sub>eff</sub> in place of n:
     * (p + z&sup2;/(2n<sub>eff</sub>) &plusmn; z sqrt(p(1-p)/n<sub>eff</sub> + z&sup2;/(4n<sub>eff</sub>&sup2;))) /
     * (1 + z&sup2;/n<sub>eff</sub>), i.e. Wilson's interval for n<sub>eff</sub> p recorded of
     * n<sub>eff</sub>, computed by {@code Wilson} without cancellation: the smaller root from the
     * product of the roots, and the bound on the far side of 1/2 as 1 minus its mirror image's (the
     * former 1 - L(1 - p) lost the digits of an upper bound near 0: 2% too low at p = 10<sup>-15</sup>
     * and n<sub>eff</sub> = 10<sup>15</sup>, and below the lower bound at confidence 10<sup>-6</sup>).
     * Reference: Kott, Survey Methodology 43 (2017) 293-299, "A note on Wilson coverage
     * intervals for proportions estimated from complex samples"; Franco, Little, Louis and Slud,
     * J. Survey Statistics and Methodology 7 (2019) 334-364, who recommend it among seven intervals
     * built on the effective sample size.
     */
    WILSON("Wilson") {
        @Override
        Interval interval(WeightedRate r, double tail, double z) {
            double p = r.rate();
            double nEff = r.effectiveAudited();
            if (Double.isInfinite(nEff)) {
                return new Interval(p, p);
            }
            double recorded = nEff * p;
            double unrecorded = nEff * (1 - p);
            return new Interval(Wilson.lower(recorded, unrecorded, z), Wilson.upper(recorded, unrecorded, z));
        }
    };

    private final String displayName;

    AllCrimeMethod(String displayName) {
        this.displayName = displayName;
    }

    /** The two-sided interval at tail probability {@code tail} with z = -Phi<sup>-1</sup>(tail). */
    abstract Interval interval(WeightedRate rate, double tail, double z);

    /**
     * The name used in text output, e.g. {@code "Korn-Graubard"}.
     *
     * @return the display name
     */
    @Override
    public String displayName() {
        return displayName;
    }

    /** Clopper-Pearson bounds with real-valued x and n, 0 &lt;= x &lt;= n. */
    static Interval clopperPearson(double x, double n, double tail) {
        double lower = x <= 0 ? 0.0 : Beta.quantile(tail, x, n - x + 1);
        double upper = x >= n ? 1.0 : Beta.complementQuantile(tail, x + 1, n - x);
        return new Interval(lower, upper);
    }
}
