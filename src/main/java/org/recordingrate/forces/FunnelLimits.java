package org.recordingrate.forces;

import java.util.List;

import org.recordingrate.internal.Args;
import org.recordingrate.internal.Beta;
import org.recordingrate.internal.Normal;
import org.recordingrate.model.Token;

/**
 * Control limits of a funnel plot for a proportion: where a force's rate would fall with
 * probability p if its true rate were the national rate theta, as a function of its (effective)
 * audited count n. Reference: Spiegelhalter, "Funnel plots for comparing institutional
 * performance", Statistics in Medicine 24 (2005) 1185-1202; the 95% and 99.8% limits (about 2 and
 * 3 standard deviations) are his.
 *
 * <p>These are the limits without over-dispersion (the null hypothesis that every force records at
 * the national rate, its spread binomial); {@link Forces} widens them for over-dispersion
 * ({@link Overdispersion}).
 */
public enum FunnelLimits implements Token {

    /**
     * Exact binomial limits with Spiegelhalter's interpolation (2005, appendix A.1.1): with F the
     * cumulative distribution of R ~ Binomial(n, theta), let r<sub>p</sub> be the smallest whole
     * number with F(r<sub>p</sub>) &gt;= p, alpha = (F(r<sub>p</sub>) - p) / (F(r<sub>p</sub>) -
     * F(r<sub>p</sub> - 1)); the p-limit is (r<sub>p</sub> - alpha) / n, which runs smoothly in n
     * instead of in steps. F(r) = I<sub>1-theta</sub>(n - r, r + 1) (the regularized incomplete beta
     * function) for 0 &lt;= r &lt; n, 0 below and 1 from n: the same formula for an effective n that
     * is not a whole number. Limits are clipped to [0, 1]. The default: right for small categories
     * with rates near 1, where the normal approximation is not (132 audited at 95% leaves 6.6
     * expected unrecorded).
     */
    EXACT_BINOMIAL("exact binomial") {
        @Override
        double limit(double theta, double n, double p) {
            long top = (long) Math.ceil(n);
            long lo = 0;
            long hi = top;
            // F is increasing in r and F(ceil n) = 1 >= p: bisect for the smallest r with F(r) >= p
            while (lo < hi) {
                long mid = (lo + hi) >>> 1;
                if (cdf(mid, n, theta) >= p) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            double at = cdf(lo, n, theta);
            double below = cdf(lo - 1, n, theta);
            double alpha = at > below ? (at - p) / (at - below) : 0;
            return clip((lo - alpha) / n);
        }
    },

    /**
     * The normal approximation: theta + z<sub>p</sub> sqrt(theta (1 - theta) / n) with z<sub>p</sub>
     * = Phi<sup>-1</sup>(p), clipped to [0, 1] (Spiegelhalter 2005, section 3.1). Symmetric; too
     * narrow below and too wide above for small n with theta near 1.
     */
    NORMAL("normal approximation") {
        @Override
        double limit(double theta, double n, double p) {
            return clip(theta + Normal.quantile(p) * Math.sqrt(theta * (1 - theta) / n));
        }
    };

    private final String displayName;

    FunnelLimits(String displayName) {
        this.displayName = displayName;
    }

    /** The p-limit at rate theta and size n, both checked. */
    abstract double limit(double theta, double n, double p);

    /**
     * The name for people, as the funnel plot's caption prints it.
     *
     * @return {@code "exact binomial"} or {@code "normal approximation"}
     */
    @Override
    public String displayName() {
        return displayName;
    }

    /**
     * {@code exact} for {@link #EXACT_BINOMIAL}.
     *
     * @return the other tokens read for these limits
     */
    @Override
    public List<String> aliases() {
        return this == EXACT_BINOMIAL ? List.of("exact") : List.of();
    }

    /**
     * The lower limit: the (1 - coverage)/2 point.
     *
     * @param theta    the national rate, in (0, 1)
     * @param size     the (effective) audited count, above 0
     * @param coverage the two-sided coverage, in (0, 1): 0.95 or 0.998
     * @return the limit, in [0, 1]
     * @throws IllegalArgumentException if {@code theta} or {@code coverage} is not strictly between 0
     *                                  and 1, or {@code size} is not finite and above 0 (NaN fails)
     */
    public double lower(double theta, double size, double coverage) {
        check(theta, size, coverage);
        return limit(theta, size, (1 - coverage) / 2);
    }

    /**
     * The upper limit: the (1 + coverage)/2 point.
     *
     * @param theta    the national rate, in (0, 1)
     * @param size     the (effective) audited count, above 0
     * @param coverage the two-sided coverage, in (0, 1): 0.95 or 0.998
     * @return the limit, in [0, 1]
     * @throws IllegalArgumentException for arguments out of range (as {@link #lower})
     */
    public double upper(double theta, double size, double coverage) {
        check(theta, size, coverage);
        return limit(theta, size, (1 + coverage) / 2);
    }

    private static void check(double theta, double size, double coverage) {
        Args.openUnit("national rate", theta);
        Args.positive("size", size);
        if (Double.isInfinite(size)) {
            throw new IllegalArgumentException("size (" + size + ") must be finite");
        }
        Args.openUnit("coverage", coverage);
    }

    /** P(R &lt;= r) for R ~ Binomial(n, theta), n possibly not whole. */
    static double cdf(long r, double n, double theta) {
        if (r < 0) {
            return 0;
        }
        if (r >= n) {
            return 1;
        }
        return Beta.regularized(1 - theta, n - r, r + 1.0);
    }

    private static double clip(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
