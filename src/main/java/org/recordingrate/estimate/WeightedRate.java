package org.recordingrate.estimate;

import org.recordingrate.internal.Args;
import org.recordingrate.model.AuditedCategory;
import org.recordingrate.model.Inspection;

/**
 * A volume-weighted recording rate with its estimated variance and the design's size: the point
 * estimate every all-crime interval is built from, and the cheap statistic that resampling
 * evaluates millions of times (no interval, no unrecorded crimes). For a single category under
 * the binomial convention it is just (x/n, p(1-p)/n, n, 1).
 *
 * <p>p = sum W<sub>h</sub> p<sub>h</sub>, W<sub>h</sub> = volume<sub>h</sub>/total volume, computed
 * as sum(volume<sub>h</sub> p<sub>h</sub>)/total volume so that it is exactly 1 when every
 * category recorded all; V = sum W<sub>h</sub>&sup2; v<sub>h</sub> under a {@link VarianceConvention}
 * (with incidents, the survey convention's v<sub>h</sub> takes its residuals about p itself).
 *
 * @param rate       sum W<sub>h</sub> p<sub>h</sub>, in [0, 1]
 * @param variance   sum W<sub>h</sub>&sup2; v<sub>h</sub>, 0 or more
 * @param audited    total audited records n
 * @param categories number of categories H
 * @param units      total sampled units: the incidents under the survey convention when the records
 *                   named them, else the audited records; units - H are the design's degrees of freedom
 */
public record WeightedRate(double rate, double variance, long audited, int categories, long units) {

    /**
     * A rate whose sampled units are its audited records (no incidents).
     *
     * @param rate       sum W<sub>h</sub> p<sub>h</sub>
     * @param variance   its variance
     * @param audited    total audited records n
     * @param categories number of categories H
     */
    public WeightedRate(double rate, double variance, long audited, int categories) {
        this(rate, variance, audited, categories, audited);
    }

    /**
     * The all-crime rate of an inspection and its variance: p = sum(volume<sub>h</sub> p<sub>h</sub>)
     * / total volume, clipped at 1 against rounding, and V = sum W<sub>h</sub>&sup2; v<sub>h</sub> with
     * v<sub>h</sub> from {@code convention} (with incidents under {@link VarianceConvention#SURVEY}, the
     * residuals taken about p). Counts are not checked against 2<sup>53</sup> here
     * ({@link InspectionEstimator#estimate} does).
     *
     * @param inspection the inspection
     * @param convention how each category's variance is estimated
     * @return p, V, the total audited, the number of categories and the units sampled under
     *         {@code convention}
     * @throws IllegalArgumentException if an argument is null, or the survey convention meets a
     *                                  category with one audited record (one incident, when the records
     *                                  named them) that was not audited in full
     */
    public static WeightedRate of(Inspection inspection, VarianceConvention convention) {
        Args.notNull("inspection", inspection);
        Args.notNull("convention", convention);
        double totalVolume = inspection.totalVolume();
        double weighted = 0;
        long units = 0;
        for (AuditedCategory category : inspection.categories()) {
            weighted += category.volume() * category.tally().rate();
            units += convention.sampledUnits(category);
        }
        double rate = Math.min(1.0, weighted / totalVolume);
        double variance = 0;
        for (AuditedCategory category : inspection.categories()) {
            double weight = category.volume() / totalVolume;
            variance += weight * weight * convention.categoryVariance(category, rate);
        }
        return new WeightedRate(rate, variance, inspection.totalAudited(), inspection.categories().size(), units);
    }

    /**
     * One category's rate and its variance under {@code convention}: p = x/n, V = v<sub>h</sub>
     * (the incidents' residuals, if any, taken about p itself), H = 1.
     *
     * @param category   the audited category
     * @param convention how the variance is estimated
     * @return p, V, n, 1 and the units sampled under {@code convention}
     * @throws IllegalArgumentException as {@link #of(Inspection, VarianceConvention)}
     */
    public static WeightedRate of(AuditedCategory category, VarianceConvention convention) {
        Args.notNull("category", category);
        Args.notNull("convention", convention);
        double rate = category.tally().rate();
        return new WeightedRate(rate, convention.categoryVariance(category, rate), category.tally().audited(), 1,
                convention.sampledUnits(category));
    }

    /**
     * The volume-weighted rate sum(V<sub>h</sub> x<sub>h</sub>/n<sub>h</sub>)/sum(V<sub>h</sub>), with
     * V<sub>h</sub> the volumes, from plain arrays, without allocation: the statistic of a bootstrap
     * replicate. Arguments are not checked (the caller's inner loop has checked them once): arrays of
     * different lengths fail with {@link ArrayIndexOutOfBoundsException} only if {@code recorded} or
     * {@code audited} is the shorter, and a zero audited count gives a meaningless rate (NaN, or 1
     * after clipping).
     *
     * @param volumes  V<sub>h</sub>, positive
     * @param recorded x<sub>h</sub>, 0 to n<sub>h</sub>
     * @param audited  n<sub>h</sub>, positive
     * @return the rate, at most 1 (clipped against rounding); NaN for empty arrays
     */
    public static double rate(double[] volumes, long[] recorded, long[] audited) {
        double weighted = 0;
        double total = 0;
        for (int h = 0; h < volumes.length; h++) {
            weighted += volumes[h] * ((double) recorded[h] / audited[h]);
            total += volumes[h];
        }
        return Math.min(1.0, weighted / total);
    }

    /**
     * The standard error of the rate.
     *
     * @return sqrt(variance), 0 or more
     */
    public double standardError() {
        return Math.sqrt(variance);
    }

    /**
     * Whether every category recorded none or every category recorded all.
     *
     * @return true if the rate is exactly 0 or exactly 1
     */
    public boolean atEdge() {
        return rate == 0 || rate == 1;
    }

    /**
     * Kish's effective sample size p(1 - p)/V: the binomial sample size with the same variance
     * (an effective size, not a count of records). At the edges (p = 0 or 1, where the variance
     * estimate is 0) it is the audited count n, so the intervals fall back to their binomial form;
     * when the variance is 0 but p is inside (0, 1) (every category at 0 or 1, mixed) it is
     * infinite and the intervals collapse to the point.
     *
     * @return n<sub>eff</sub>, positive, possibly infinite and possibly larger than n
     */
    public double effectiveAudited() {
        if (atEdge()) {
            return audited;
        }
        return variance > 0 ? rate * (1 - rate) / variance : Double.POSITIVE_INFINITY;
    }
}
