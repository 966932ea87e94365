package org.recordingrate.estimate;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Function;

import org.recordingrate.model.Interval;
import org.recordingrate.internal.Args;
import org.recordingrate.internal.Normal;
import org.recordingrate.internal.Rational;
import org.recordingrate.model.AuditedCategory;
import org.recordingrate.model.Names;
import org.recordingrate.model.RowKind;
import org.recordingrate.model.Tally;
import org.recordingrate.model.Inspection;

/**
 * Estimates an inspection: each category's recording rate and the all-crime rate, the categories
 * weighted by volume, W<sub>h</sub> = volume<sub>h</sub>/total volume, p = sum W<sub>h</sub>
 * p<sub>h</sub>, with variance sum W<sub>h</sub>&sup2; v<sub>h</sub> under a {@link VarianceConvention}
 * and an interval by an {@link AllCrimeMethod}. Each category row is the same computation on that
 * category alone, so under the binomial convention it equals the single-category method of the
 * same name (Korn-Graubard becoming Clopper-Pearson). Immutable and thread-safe.
 *
 * <p>When the audited records named their incidents, every row also gives the number of incidents
 * and the design effect (survey variance, incidents as clusters, over binomial variance, whichever
 * convention is chosen): the survey convention estimates over incidents, the binomial one ignores
 * them, and the estimate's {@code toString()} and {@code summary()} say which.
 *
 * <pre>{@code
 * InspectionEstimate e = InspectionEstimator.withDefaults()
 *         .with(AllCrimeMethod.KORN_GRAUBARD).with(VarianceConvention.SURVEY)
 *         .estimate(inspection);
 * }</pre>
 */
public final class InspectionEstimator {

    private static final InspectionEstimator DEFAULTS =
            new InspectionEstimator(AllCrimeMethod.WILSON, VarianceConvention.BINOMIAL, 0.95);

    private final AllCrimeMethod method;
    private final VarianceConvention variance;
    private final double confidence;
    private final double tail;
    private final double z;

    private InspectionEstimator(AllCrimeMethod method, VarianceConvention variance, double confidence) {
        this.method = Args.notNull("method", method);
        this.variance = Args.notNull("variance", variance);
        this.confidence = Args.confidence(confidence);
        this.tail = (1 - confidence) / 2;
        this.z = Normal.twoSidedCritical(confidence);
    }

    /**
     * The default estimator: {@link AllCrimeMethod#WILSON} (Wilson on the effective sample size),
     * {@link VarianceConvention#BINOMIAL} variance (as the published figures), 95%.
     *
     * @return the shared default instance
     */
    public static InspectionEstimator withDefaults() {
        return DEFAULTS;
    }

    /**
     * The same estimator with another interval method.
     *
     * @param method the interval method for every row
     * @return a new estimator with this one's variance convention and confidence
     * @throws IllegalArgumentException if {@code method} is null
     */
    public InspectionEstimator with(AllCrimeMethod method) {
        return new InspectionEstimator(method, variance, confidence);
    }

    /**
     * The same estimator with another variance convention.
     *
     * @param variance how each category's variance is estimated
     * @return a new estimator with this one's method and confidence
     * @throws IllegalArgumentException if {@code variance} is null
     */
    public InspectionEstimator with(VarianceConvention variance) {
        return new InspectionEstimator(method, variance, confidence);
    }

    /**
     * The same estimator at another confidence level.
     *
     * @param confidence the two-sided level, from 10<sup>-6</sup> to 1 - 10<sup>-9</sup>, e.g. 0.95
     * @return a new estimator with this one's method and variance convention
     * @throws IllegalArgumentException if {@code confidence} is outside that supported range or NaN
     */
    public InspectionEstimator withConfidence(double confidence) {
        return new InspectionEstimator(method, variance, confidence);
    }

    /**
     * The interval method.
     *
     * @return the method, never null
     */
    public AllCrimeMethod method() {
        return method;
    }

    /**
     * The variance convention.
     *
     * @return the convention, never null
     */
    public VarianceConvention variance() {
        return variance;
    }

    /**
     * The two-sided confidence level.
     *
     * @return the level as a fraction, e.g. 0.95
     */
    public double confidence() {
        return confidence;
    }

    /**
     * Estimates every category and all crime. Each row's unrecorded crimes are computed from its rate
     * as an exact fraction (x/n, or the volume-weighted sum of such), so "more than N" is exact.
     *
     * @param inspection the inspection
     * @return a row per category, in the inspection's order, and the all-crime row; with incidents and
     *         design effects when the records named their incidents
     * @throws IllegalArgumentException if {@code inspection} is null, a category or all
     *                                  categories together audited more than the supported
     *                                  2<sup>53</sup> ({@code Args.countInRange}), or the survey
     *                                  convention meets a category with one audited record (one
     *                                  incident, with incidents) not audited in full (see
     *                                  {@link VarianceConvention#SURVEY})
     */
    public InspectionEstimate estimate(Inspection inspection) {
        Args.notNull("inspection", inspection);
        long audited = 0;
        for (AuditedCategory category : inspection.categories()) {
            // each at most 2^53, so the running sum cannot overflow before it is refused
            audited += Args.countInRange("audited of category '" + category.name() + "'", category.tally().audited());
            Args.countInRange("audited in all of inspection '" + inspection.name() + "'", audited);
        }
        List<CategoryEstimate> rows = new ArrayList<>(inspection.categories().size());
        Rational weighted = Rational.of(0, 1);
        boolean grouped = false;
        long incidents = 0;
        for (AuditedCategory category : inspection.categories()) {
            Tally tally = category.tally();
            Rational rate = Rational.of(tally.recorded(), tally.audited());
            weighted = weighted.plus(rate.times(category.volume()));
            OptionalLong categoryIncidents = category.incidents().isPresent()
                    ? OptionalLong.of(category.sampledUnits()) : OptionalLong.empty();
            grouped |= categoryIncidents.isPresent();
            incidents += category.sampledUnits();
            rows.add(row(RowKind.CATEGORY, category.name(), tally.recorded(), tally.audited(), category.volume(),
                    convention -> WeightedRate.of(category, convention), rate, categoryIncidents));
        }
        return new InspectionEstimate(inspection.name(), method, variance, confidence, rows,
                row(RowKind.ALL_CRIME, Names.ALL_CRIME, inspection.totalRecorded(), inspection.totalAudited(),
                        inspection.totalVolume(), convention -> WeightedRate.of(inspection, convention),
                        weighted.dividedBy(inspection.totalVolume()),
                        grouped ? OptionalLong.of(incidents) : OptionalLong.empty()));
    }

    private CategoryEstimate row(RowKind kind, String name, long recorded, long audited, long volume,
                                 Function<VarianceConvention, WeightedRate> rates, Rational exactRate,
                                 OptionalLong incidents) {
        WeightedRate rate = rates.apply(variance);
        Interval interval = method.interval(rate, tail, z);
        double se = rate.standardError();
        return new CategoryEstimate(kind, name, recorded, audited, volume, rate.rate(), se, interval.lower(),
                interval.upper(), z * se, rate.effectiveAudited(),
                UnrecordedCrimes.of(volume, exactRate, rate.rate(), interval), incidents,
                incidents.isPresent() ? designEffect(rate, rates) : OptionalDouble.empty());
    }

    /**
     * The survey variance over the binomial one, computed under both conventions whichever this
     * estimator uses; empty when the binomial variance is 0 or the survey one is not defined.
     */
    private OptionalDouble designEffect(WeightedRate rate, Function<VarianceConvention, WeightedRate> rates) {
        double binomial = variance == VarianceConvention.BINOMIAL ? rate.variance()
                : rates.apply(VarianceConvention.BINOMIAL).variance();
        if (!(binomial > 0)) {
            return OptionalDouble.empty();
        }
        double survey;
        if (variance == VarianceConvention.SURVEY) {
            survey = rate.variance();
        } else {
            try {
                survey = rates.apply(VarianceConvention.SURVEY).variance();
            } catch (IllegalArgumentException e) {
                // one incident in a category: no survey variance, so no design effect to report
                return OptionalDouble.empty();
            }
        }
        return OptionalDouble.of(survey / binomial);
    }

    @Override
    public String toString() {
        return "InspectionEstimator[" + method.token() + ", " + variance.token() + ", confidence " + confidence + "]";
    }
}
