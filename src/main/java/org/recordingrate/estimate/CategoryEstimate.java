package org.recordingrate.estimate;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import org.recordingrate.format.Percent;
import org.recordingrate.internal.Args;
import org.recordingrate.model.Interval;
import org.recordingrate.model.RowKind;

/**
 * One row of an inspection's estimate: a category, or the volume-weighted combination of all
 * crime (told apart by {@link #kind()}, never by the name).
 *
 * @param kind              a category, or all crime
 * @param category          the category's name ({@code "all crime"} for the combined row)
 * @param recorded          recorded count (summed over categories for all crime)
 * @param audited           audited count (summed for all crime)
 * @param volume            the volume (summed for all crime)
 * @param rate              the recording rate (volume-weighted for all crime)
 * @param standardError     sqrt of the variance under the chosen convention
 * @param lower             lower bound of the interval
 * @param upper             upper bound of the interval
 * @param margin            z x standard error, unclipped: the published "+/-"
 * @param effectiveAudited  Kish's effective sample size p(1 - p)/variance: an effective size, not a
 *                          count of records (see {@link WeightedRate#effectiveAudited()}); infinite
 *                          when the variance is 0 with the rate inside (0, 1)
 * @param unrecorded        the unrecorded crimes implied by the rate and interval
 * @param incidents         the incidents holding the audited crimes (summed for all crime), when the
 *                          records named them
 * @param designEffect      when the records named their incidents: the survey convention's variance
 *                          (incidents as clusters) over the binomial one (every crime an independent
 *                          draw, {@link VarianceConvention#BINOMIAL}), whichever convention this row
 *                          uses; empty without incidents, when the binomial variance is 0 or when
 *                          the survey variance is not defined (one incident in a category)
 */
public record CategoryEstimate(RowKind kind, String category, long recorded, long audited, long volume, double rate,
                               double standardError, double lower, double upper, double margin,
                               double effectiveAudited, UnrecordedCrimes unrecorded, OptionalLong incidents,
                               OptionalDouble designEffect) {

    /**
     * Checks that the optional components are present as objects (empty, not null); the numbers are
     * taken as given (the estimator computed them).
     *
     * @param kind             a category, or all crime
     * @param category         the category's name ({@code "all crime"} for the combined row)
     * @param recorded         recorded count (summed over categories for all crime)
     * @param audited          audited count (summed for all crime)
     * @param volume           the volume (summed for all crime)
     * @param rate             the recording rate, a fraction (volume-weighted for all crime)
     * @param standardError    sqrt of the variance under the chosen convention
     * @param lower            lower bound of the interval, in [0, 1]
     * @param upper            upper bound of the interval, in [0, 1]
     * @param margin           z x standard error, unclipped: the published "+/-"
     * @param effectiveAudited Kish's effective sample size p(1 - p)/variance, possibly infinite
     * @param unrecorded       the unrecorded crimes implied by the rate and interval
     * @param incidents        the incidents holding the audited crimes, or empty when the records named none
     * @param designEffect     survey variance over binomial variance, or empty (see the class comment)
     * @throws IllegalArgumentException if {@code incidents} or {@code designEffect} is null
     */
    public CategoryEstimate {
        Args.notNull("incidents", incidents);
        Args.notNull("designEffect", designEffect);
    }

    /**
     * A row of records that named no incident: no incidents and no design effect.
     *
     * @param kind             a category, or all crime
     * @param category         the category's name ({@code "all crime"} for the combined row)
     * @param recorded         recorded count (summed over categories for all crime)
     * @param audited          audited count (summed for all crime)
     * @param volume           the volume (summed for all crime)
     * @param rate             the recording rate, a fraction (volume-weighted for all crime)
     * @param standardError    sqrt of the variance under the chosen convention
     * @param lower            lower bound of the interval, in [0, 1]
     * @param upper            upper bound of the interval, in [0, 1]
     * @param margin           z x standard error, unclipped: the published "+/-"
     * @param effectiveAudited Kish's effective sample size p(1 - p)/variance, possibly infinite
     * @param unrecorded       the unrecorded crimes implied by the rate and interval
     */
    public CategoryEstimate(RowKind kind, String category, long recorded, long audited, long volume, double rate,
                            double standardError, double lower, double upper, double margin,
                            double effectiveAudited, UnrecordedCrimes unrecorded) {
        this(kind, category, recorded, audited, volume, rate, standardError, lower, upper, margin, effectiveAudited,
                unrecorded, OptionalLong.empty(), OptionalDouble.empty());
    }

    /**
     * The interval as a value.
     *
     * @return {@code [lower, upper]}
     * @throws IllegalArgumentException if a bound is NaN or {@code lower > upper} (only for a row built
     *                                  by hand)
     */
    public Interval interval() {
        return new Interval(lower, upper);
    }

    /**
     * Whether this is the combined all-crime row.
     *
     * @return true if {@link #kind()} is {@link RowKind#ALL_CRIME}
     */
    public boolean isAllCrime() {
        return kind == RowKind.ALL_CRIME;
    }

    /**
     * {@code "violence: 89.1% (84.1% to 92.7%), 180 of 202, volume 25,000"}, with
     * {@code ", 131 incidents, design effect 1.21"} when the records named their incidents.
     */
    @Override
    public String toString() {
        return category + ": " + Percent.format(rate) + " (" + Percent.format(lower) + " to " + Percent.format(upper)
                + "), " + recorded + " of " + audited + String.format(Locale.ROOT, ", volume %,d", volume)
                + (incidents.isPresent() ? ", " + incidents.getAsLong() + " incidents" : "")
                + (designEffect.isPresent() ? String.format(Locale.ROOT, ", design effect %.2f", designEffect.getAsDouble())
                        : "");
    }
}
