package org.recordingrate.compare;

import java.util.OptionalDouble;

import org.recordingrate.estimate.VarianceConvention;
import org.recordingrate.estimate.WeightedRate;
import org.recordingrate.internal.Args;
import org.recordingrate.internal.Normal;
import org.recordingrate.model.AuditedCategory;
import org.recordingrate.model.Interval;
import org.recordingrate.model.Tally;

/**
 * The change in one category between two inspections whose records named their incidents, under
 * the survey variance: the two-sample z-test and Wald interval on the categories' survey standard
 * errors, each a ratio estimator over incidents with its linearisation variance
 * ({@link VarianceConvention#SURVEY}; R: {@code svymean(~recorded, svydesign(ids = ~incident_id,
 * strata = ~category, fpc = ~N))} per inspection, the two designs independent):
 * <pre>
 * d = p_after - p_before,  se = sqrt(se_after^2 + se_before^2),  z = d / se,  d +/- z_(1-alpha/2) se
 * </pre>
 * the same test the all-crime change uses under the survey variance ({@link Comparison#allCrime}),
 * so that a category's verdict accounts for crimes recorded together in one incident, as its
 * interval does. Lumley (2010), Complex Surveys, 2.2 and 3.2 (linearisation); Kish (1965) on
 * design effects.
 *
 * <p>The standard errors are fixed when the method is made for a pair of categories
 * ({@link #of}); {@link #interval} and {@link #test} take the tallies for their rates. With a
 * standard error of 0 (both categories at 0 or at 1, or audited in full) the change is certain:
 * z is infinite with the sign of d (0 when d = 0) and the interval is the point d.
 *
 * @param seBefore the earlier category's survey standard error
 * @param seAfter  the later category's survey standard error
 */
public record SurveyChange(double seBefore, double seAfter) implements ChangeIntervalMethod, ChangeTestMethod {

    /** The token written in CSV and JSON: {@code survey_z}. */
    public static final String TOKEN = "survey_z";

    /**
     * Checks the standard errors.
     *
     * @param seBefore the earlier category's survey standard error, finite and at least 0
     * @param seAfter  the later category's survey standard error, finite and at least 0
     * @throws IllegalArgumentException for a negative, infinite or NaN standard error
     */
    public SurveyChange {
        Args.nonNegative("seBefore", seBefore);
        Args.nonNegative("seAfter", seAfter);
        if (!Double.isFinite(seBefore) || !Double.isFinite(seAfter)) {
            throw new IllegalArgumentException("standard errors (" + seBefore + ", " + seAfter + ") must be finite");
        }
    }

    /**
     * The method for one category audited in both inspections, with the survey standard errors of
     * its two rates.
     *
     * @param before the category in the earlier inspection
     * @param after  the category in the later inspection
     * @return the method
     * @throws IllegalArgumentException if a category is null, or the survey variance refuses it (one
     *                                  incident, or one record, and no census)
     */
    public static SurveyChange of(AuditedCategory before, AuditedCategory after) {
        return new SurveyChange(WeightedRate.of(before, VarianceConvention.SURVEY).standardError(),
                WeightedRate.of(after, VarianceConvention.SURVEY).standardError());
    }

    /** The standard error of the change. */
    double standardError() {
        return Math.hypot(seBefore, seAfter);
    }

    @Override
    public String token() {
        return TOKEN;
    }

    @Override
    public String displayName() {
        return "z-test on survey standard errors (over incidents)";
    }

    @Override
    public String statisticName() {
        return "z";
    }

    /**
     * d +/- z se, clipped to [-1, 1].
     *
     * @throws IllegalArgumentException for a null tally or a confidence out of range
     */
    @Override
    public Interval interval(Tally before, Tally after, double confidence) {
        Args.notNull("before", before);
        Args.notNull("after", after);
        double d = after.rate() - before.rate();
        double half = Normal.twoSidedCritical(Args.confidence(confidence)) * standardError();
        return new Interval(Math.max(-1, d - half), Math.min(1, d + half));
    }

    /**
     * z = d / se against the normal distribution.
     *
     * @throws IllegalArgumentException if an argument is null
     */
    @Override
    public TestResult test(Tally before, Tally after, Alternative alternative) {
        Args.notNull("before", before);
        Args.notNull("after", after);
        Args.notNull("alternative", alternative);
        double d = after.rate() - before.rate();
        double se = standardError();
        double z = se > 0 ? d / se : d == 0 ? 0.0 : Math.copySign(Double.POSITIVE_INFINITY, d);
        return new TestResult(this, alternative, OptionalDouble.of(z), AsymptoticTests.normalPValue(z, alternative),
                java.util.Optional.empty());
    }
}
