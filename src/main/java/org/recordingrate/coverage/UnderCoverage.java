package org.recordingrate.coverage;

import java.util.Optional;

import org.recordingrate.estimate.RateIntervalMethod;
import org.recordingrate.format.Percent;
import org.recordingrate.internal.Args;
import org.recordingrate.model.Tally;

/**
 * When an interval method is <b>known to under-cover</b> at an audited count and an observed rate:
 * the rule behind the note that {@code estimate} adds to a result.
 *
 * <p><b>Definition.</b> For x recorded of n audited, let p&#771; = (x + 1/2)/(n + 1) (the observed rate
 * moved half a record from the edges, so that the window below is never empty) and
 * s = sqrt(p&#771;(1 - p&#771;)/n), and let the <i>window</i> be the true rates from max(0, p&#771; - s) to
 * min(1, p&#771; + s): the rates within one standard error of what was observed. The method is known to
 * under-cover there when its <i>local coverage</i>, the mean of its exact coverage
 * ({@link RateCoverage}) at {@value #WINDOW_POINTS} equally spaced rates of the window, is more than
 * {@link CoverageFigure#TOLERANCE} (one percentage point) below the nominal level. Coverage at a
 * single rate oscillates too much to judge a method by (Brown, Cai and DasGupta 2001, section 2.1,
 * "lucky" and "unlucky" n and p); its local mean is what their figures and their smoothed coverage
 * show. The check is computed, not tabulated, for n up to {@value #MAX_AUDITED}; above, no claim is
 * made (the intervals of every method then agree to within a small fraction of their width unless the
 * rate is within a few records of 0 or 1).
 *
 * <p>Cost: the intervals of the counts the window's binomials give weight to (about
 * 80 sqrt(n p (1 - p)) + 2 n s of them), and {@value #WINDOW_POINTS} binomial sums over those: about a
 * millisecond at audit sizes.
 */
public final class UnderCoverage {

    /** Checked for audited counts up to this. */
    public static final long MAX_AUDITED = 100_000;
    /** Rates averaged over in the window. */
    public static final int WINDOW_POINTS = 101;

    private UnderCoverage() {
    }

    /**
     * The local coverage of {@code method} at {@code tally}: the mean exact coverage over the window of
     * the class comment.
     *
     * @param method     the interval method
     * @param confidence its two-sided level, in the supported range
     * @param tally      x of n audited, n from 1 to {@link RateCoverage#MAX_AUDITED}
     * @return {low, high, local coverage}: the window and the mean coverage over it
     * @throws IllegalArgumentException if an argument is null or out of range
     */
    public static double[] localCoverage(RateIntervalMethod method, double confidence, Tally tally) {
        Args.notNull("method", method);
        Args.notNull("tally", tally);
        Args.confidence(confidence);
        long n = tally.audited();
        double center = (tally.recorded() + 0.5) / (n + 1.0);
        double s = Math.sqrt(center * (1 - center) / n);
        double low = Math.max(0, center - s);
        double high = Math.min(1, center + s);
        RateCoverage.Intervals intervals = RateCoverage.withDefaults().with(method).withConfidence(confidence)
                .intervals(n);
        double sum = 0;
        for (int i = 0; i < WINDOW_POINTS; i++) {
            double p = low + (high - low) * i / (WINDOW_POINTS - 1);
            sum += intervals.coverage(p)[0];
        }
        return new double[] {low, high, sum / WINDOW_POINTS};
    }

    /**
     * The note for an estimate when its method is known to under-cover at its tally (class comment), e.g.
     * "Wald is known to under-cover at 202 audited near 99.0%: its exact coverage averages 71.3% over true
     * rates 98.3% to 99.7% (nominal 95%); see docs/coverage.md".
     *
     * @param method     the interval method
     * @param confidence its two-sided level
     * @param tally      the tally
     * @return the note, or empty when the method is not known to under-cover there or n exceeds
     *         {@value #MAX_AUDITED}
     * @throws IllegalArgumentException if an argument is null or out of range
     */
    public static Optional<String> note(RateIntervalMethod method, double confidence, Tally tally) {
        Args.notNull("tally", tally);
        if (tally.audited() > MAX_AUDITED || tally.audited() < 1) {
            return Optional.empty();
        }
        double[] local = localCoverage(method, confidence, tally);
        if (!(local[2] < confidence - CoverageFigure.TOLERANCE)) {
            return Optional.empty();
        }
        return Optional.of(method.displayName() + " is known to under-cover at " + tally.audited()
                + " audited near " + Percent.format(tally.rate()) + ": its exact coverage averages "
                + Percent.format(local[2]) + " over true rates " + Percent.format(local[0]) + " to "
                + Percent.format(local[1]) + " (nominal " + Percent.level(confidence) + "); see docs/coverage.md");
    }
}
