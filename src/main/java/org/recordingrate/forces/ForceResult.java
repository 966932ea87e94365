package org.recordingrate.forces;

import java.util.Locale;
import java.util.Optional;

import org.recordingrate.format.Percent;
import org.recordingrate.internal.Args;
import org.recordingrate.forces.RankIntervals.RankInterval;

/**
 * One force among many ({@link ForcesResult}): where it lies on the funnel, its shrunken rate and its
 * rank with intervals.
 *
 * @param figure            the force's figure as given
 * @param z                 (p - target) / s, s = sqrt(target (1 - target) / n): its distance from the
 *                          target in binomial standard errors, unadjusted
 * @param zAdjusted         z after the over-dispersion allowance applied: z / sqrt(phi)
 *                          (multiplicative) or (p - target) / sqrt(s<sup>2</sup> + tau2) (additive); z when none
 * @param limits            the funnel's limits at its size with the allowance applied
 * @param unadjusted        the binomial limits at its size ({@link FunnelLimits}), without allowance
 * @param outlier           where the rate lies against {@code limits}
 * @param outlierUnadjusted where it lies against {@code unadjusted}
 * @param shrunken          its shrunken (empirical Bayes) rate with standard error and interval
 * @param rank              its rank, 1 the highest rate, and the rank's intervals
 * @param group             its group's volume-weighted rate, when groups and volumes were given
 */
public record ForceResult(ForceFigure figure, double z, double zAdjusted, Limits limits, Limits unadjusted,
                          Outlier outlier, Outlier outlierUnadjusted, Shrunken shrunken, RankInterval rank,
                          Optional<NationalRate> group) {

    /**
     * Validates the row.
     *
     * @throws IllegalArgumentException for a null or non-finite value
     */
    public ForceResult {
        Args.notNull("figure", figure);
        if (!Double.isFinite(z) || !Double.isFinite(zAdjusted)) {
            throw new IllegalArgumentException("z (" + z + ") and zAdjusted (" + zAdjusted + ") must be finite");
        }
        Args.notNull("limits", limits);
        Args.notNull("unadjusted", unadjusted);
        Args.notNull("outlier", outlier);
        Args.notNull("outlierUnadjusted", outlierUnadjusted);
        Args.notNull("shrunken", shrunken);
        Args.notNull("rank", rank);
        Args.notNull("group", group);
    }

    /**
     * A funnel's 95% and 99.8% limits at one force's size, fractions in [0, 1].
     *
     * @param lower95  the lower 95% limit (the 2.5% point)
     * @param upper95  the upper 95% limit
     * @param lower998 the lower 99.8% limit (the 0.1% point)
     * @param upper998 the upper 99.8% limit
     */
    public record Limits(double lower95, double upper95, double lower998, double upper998) {

        /**
         * Validates the limits.
         *
         * @throws IllegalArgumentException for a limit outside [0, 1] or limits out of order
         */
        public Limits {
            Args.inRange("lower998", lower998, 0, 1);
            Args.inRange("upper998", upper998, 0, 1);
            if (!(lower998 <= lower95 && lower95 <= upper95 && upper95 <= upper998)) {
                throw new IllegalArgumentException("limits out of order: " + lower998 + ", " + lower95 + ", " + upper95
                        + ", " + upper998);
            }
        }

        /** Where a rate lies against these limits. */
        Outlier classify(double rate) {
            return Outlier.of(rate, lower95, upper95, lower998, upper998);
        }
    }

    /**
     * A shrunken (empirical Bayes) rate.
     *
     * @param estimate the shrunken rate: the BLUP, or the beta-binomial posterior mean
     * @param se       its standard error (the BLUP's, or the posterior standard deviation)
     * @param lower    the interval's lower bound, clipped to [0, 1]: BLUP - z se, or the posterior quantile
     * @param upper    the interval's upper bound, clipped to [0, 1]
     */
    public record Shrunken(double estimate, double se, double lower, double upper) {

        /**
         * Validates the values.
         *
         * @throws IllegalArgumentException for a non-finite estimate, a negative standard error, or bounds
         *                                  outside [0, 1] or out of order
         */
        public Shrunken {
            if (!Double.isFinite(estimate)) {
                throw new IllegalArgumentException("estimate (" + estimate + ") must be finite");
            }
            Args.nonNegative("se", se);
            Args.inRange("lower", lower, 0, 1);
            Args.inRange("upper", upper, lower, 1);
        }
    }

    /**
     * The force's name.
     *
     * @return {@code figure().name()}
     */
    public String name() {
        return figure.name();
    }

    /**
     * The force's rate.
     *
     * @return {@code figure().rate()}, a fraction
     */
    public double rate() {
        return figure.rate();
    }

    /**
     * Whether the rate lies above the target (on the funnel's upper side).
     *
     * @return z &gt; 0
     */
    public boolean above() {
        return z > 0;
    }

    /** {@code "force 07: 84.1%, below the 99.8% limits (z -4.1, adjusted -2.2); shrunken 85.0%; rank 41st (38th to 43rd)"}. */
    @Override
    public String toString() {
        String where = outlier == Outlier.NONE ? outlier.displayName()
                : (above() ? "above" : "below") + outlier.displayName().substring("beyond".length());
        return String.format(Locale.ROOT, "%s: %s, %s (z %.2f, adjusted %.2f); shrunken %s (%s to %s); rank %s (%s to %s)",
                name(), Percent.format(rate()), where, z, zAdjusted, Percent.format(shrunken.estimate()),
                Percent.format(shrunken.lower()), Percent.format(shrunken.upper()), RankIntervals.ordinal(rank.rank()),
                RankIntervals.ordinal(rank.lower()), RankIntervals.ordinal(rank.upper()));
    }
}
