package org.recordingrate.estimate;

import org.recordingrate.model.Interval;
import org.recordingrate.model.Tally;
import org.recordingrate.internal.Args;
import org.recordingrate.internal.Normal;

/**
 * Estimates one category's recording rate with a confidence interval. Immutable and thread-safe:
 * configure once, share, and call {@link #estimate(Tally)} from any thread.
 *
 * <pre>{@code
 * RateEstimator wilson = RateEstimator.withDefaults();              // Wilson, 95%
 * RateEstimate e = wilson.estimate(188, 202);                       // 93.1% (95% CI 88.7% to 95.8%, ...)
 * RateEstimate cp = wilson.with(IntervalMethod.CLOPPER_PEARSON).withConfidence(0.99).estimate(188, 202);
 * }</pre>
 *
 * <p>The critical values are computed once per configuration, so an estimate costs only the
 * method's own arithmetic.
 */
public final class RateEstimator {

    /** The default method: Wilson's score interval, recommended by Brown, Cai and DasGupta (2001). */
    public static final IntervalMethod DEFAULT_METHOD = IntervalMethod.WILSON;
    /** The default confidence level, 0.95. */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    private static final RateEstimator DEFAULTS = new RateEstimator(DEFAULT_METHOD, DEFAULT_CONFIDENCE);

    private final RateIntervalMethod method;
    private final double confidence;
    /** alpha/2 and its normal critical value, for two-sided intervals. */
    private final double twoSidedTail;
    private final double twoSidedZ;
    /** alpha and its normal critical value, for one-sided bounds. */
    private final double oneSidedTail;
    private final double oneSidedZ;

    private RateEstimator(RateIntervalMethod method, double confidence) {
        this.method = Args.notNull("method", method);
        this.confidence = Args.confidence(confidence);
        this.twoSidedTail = (1 - confidence) / 2;
        this.twoSidedZ = Normal.twoSidedCritical(confidence);
        this.oneSidedTail = 1 - confidence;
        this.oneSidedZ = -Normal.quantile(oneSidedTail);
    }

    /**
     * The default estimator: {@link #DEFAULT_METHOD} (Wilson) at {@link #DEFAULT_CONFIDENCE} (95%).
     *
     * @return the shared default instance
     */
    public static RateEstimator withDefaults() {
        return DEFAULTS;
    }

    /**
     * The same estimator with another method: one of {@link IntervalMethod}, or any other
     * {@link RateIntervalMethod} such as a bootstrap interval.
     *
     * @param method the interval method
     * @return a new estimator with this one's confidence level
     * @throws IllegalArgumentException if {@code method} is null
     */
    public RateEstimator with(RateIntervalMethod method) {
        return new RateEstimator(method, confidence);
    }

    /**
     * The same estimator at another confidence level.
     *
     * @param confidence from 10<sup>-6</sup> to 1 - 10<sup>-9</sup>, e.g. 0.95 (at least 0.5 for the
     *                   one-sided bounds, which check it when called); see {@code Args.confidence}
     * @return a new estimator with this one's method
     * @throws IllegalArgumentException if {@code confidence} is outside that range or NaN
     */
    public RateEstimator withConfidence(double confidence) {
        return new RateEstimator(method, confidence);
    }

    /**
     * The interval method.
     *
     * @return the method, never null
     */
    public RateIntervalMethod method() {
        return method;
    }

    /**
     * The confidence level: of the two-sided intervals, and of each one-sided bound.
     *
     * @return the level as a fraction, e.g. 0.95
     */
    public double confidence() {
        return confidence;
    }

    /**
     * The two-sided critical value, the multiplier of the standard error in the published margin.
     *
     * @return z = Phi<sup>-1</sup>(1 - alpha/2), alpha = 1 - confidence (1.959964 at 95%)
     */
    public double criticalValue() {
        return twoSidedZ;
    }

    /**
     * The recording rate of {@code recorded} of {@code audited} with its two-sided interval, as
     * {@link #estimate(Tally)}.
     *
     * @param recorded audited reports that the force recorded, 0 to {@code audited}
     * @param audited  reports audited, 1 to 2<sup>53</sup>
     * @return the estimate
     * @throws IllegalArgumentException for negative counts, {@code recorded > audited},
     *                                  {@code audited == 0} or {@code audited} above 2<sup>53</sup>
     */
    public RateEstimate estimate(long recorded, long audited) {
        return estimate(new Tally(recorded, audited));
    }

    /**
     * The recording rate of a tally with its two-sided interval, standard error and published-style
     * margin (see {@link RateEstimate}): p&#770; = x/n, se = sqrt(p&#770;(1 - p&#770;)/n) and margin
     * z se whatever the interval method, so at x = 0 and x = n the standard error and margin are 0.
     *
     * @param tally recorded of audited
     * @return the estimate, at this estimator's method and confidence
     * @throws IllegalArgumentException if {@code tally} is null or its audited count exceeds the
     *                                  supported 2<sup>53</sup> ({@code Args.countInRange})
     */
    public RateEstimate estimate(Tally tally) {
        Args.notNull("tally", tally);
        long x = tally.recorded();
        long n = Args.countInRange("audited", tally.audited());
        double rate = tally.rate();
        double se = IntervalMethod.standardError(x, n);
        Interval interval = method instanceof IntervalMethod formula
                ? formula.interval(x, n, twoSidedTail, twoSidedZ)
                : method.interval(tally, confidence);
        return new RateEstimate(tally, method, confidence, rate, interval.lower(), interval.upper(), se,
                twoSidedZ * se);
    }

    /**
     * The one-sided lower confidence bound: with the configured confidence the rate is at least
     * this. See {@link IntervalMethod#lowerBound(long, long, double)}: the lower bound of the
     * two-sided interval at level 2c - 1, so 0 at x = 0 for every method but Wald.
     *
     * @param tally recorded of audited
     * @return the bound, in [0, 1]
     * @throws IllegalArgumentException if {@code tally} is null, its audited count exceeds
     *                                  2<sup>53</sup>, or the configured confidence is below the
     *                                  0.5 that a one-sided bound needs ({@code Args.oneSidedConfidence})
     */
    public double lowerBound(Tally tally) {
        Args.notNull("tally", tally);
        Args.oneSidedConfidence(confidence);
        return method instanceof IntervalMethod formula
                ? formula.lower(tally.recorded(), Args.countInRange("audited", tally.audited()), oneSidedTail, oneSidedZ)
                : method.lowerBound(tally, confidence);
    }

    /**
     * The one-sided upper confidence bound: with the configured confidence the rate is at most
     * this. See {@link IntervalMethod#upperBound(long, long, double)}: the upper bound of the
     * two-sided interval at level 2c - 1, so 1 at x = n for every method but Wald.
     *
     * @param tally recorded of audited
     * @return the bound, in [0, 1]
     * @throws IllegalArgumentException as {@link #lowerBound(Tally)}
     */
    public double upperBound(Tally tally) {
        Args.notNull("tally", tally);
        Args.oneSidedConfidence(confidence);
        return method instanceof IntervalMethod formula
                ? formula.upper(tally.recorded(), Args.countInRange("audited", tally.audited()), oneSidedTail, oneSidedZ)
                : method.upperBound(tally, confidence);
    }

    @Override
    public String toString() {
        return "RateEstimator[" + method.token() + ", confidence " + confidence + "]";
    }
}
