package org.recordingrate.reproduce;

import org.recordingrate.model.Interval;
import org.recordingrate.estimate.UnrecordedCrimes;
import org.recordingrate.internal.Args;
import org.recordingrate.internal.Normal;
import org.recordingrate.format.Percent;

/**
 * A published figure "93.2 percent (+/- 2.3 percent)": a rate with a symmetric
 * normal-approximation margin at a confidence level, as the inspection reports print it. From it
 * alone the standard error (margin / z), the interval and the audited count it implies under the
 * Wald interval can be recovered, and two figures compared (see {@link #compareWith}).
 *
 * <p>Held as fractions: {@code rate = 0.932, margin = 0.023}. The published margins are not
 * clipped (99.0 +/- 1.7 runs past 100); {@link #interval()} is clipped to [0, 1],
 * {@link #rawInterval()} is not.
 *
 * @param rate       the published rate as a fraction, in [0, 1]
 * @param margin     the published half-width as a fraction, &gt; 0
 * @param confidence the confidence level of the margin, in (0, 1); reports use 0.95
 */
public record PublishedFigure(double rate, double margin, double confidence) {

    /** The confidence of published figures unless stated: 95%. */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    /**
     * @throws IllegalArgumentException for a rate outside [0, 1], a margin not above 0 or not
     *                                  finite, or a confidence outside (0, 1)
     */
    public PublishedFigure {
        Args.inRange("rate", rate, 0, 1);
        Args.positive("margin", margin);
        Args.confidence(confidence);
    }

    /**
     * A figure as printed, in percent, at 95%: {@code fromPercent(93.2, 2.3)}.
     *
     * @param ratePercent   the rate in percent, in [0, 100]
     * @param marginPercent the "+/-" in percent, &gt; 0
     * @throws IllegalArgumentException naming the percent value when out of range
     */
    public static PublishedFigure fromPercent(double ratePercent, double marginPercent) {
        return fromPercent(ratePercent, marginPercent, DEFAULT_CONFIDENCE);
    }

    /**
     * A figure as printed, in percent, at a stated confidence.
     *
     * @throws IllegalArgumentException naming the percent value when out of range
     */
    public static PublishedFigure fromPercent(double ratePercent, double marginPercent, double confidence) {
        Args.inRange("rate (percent)", ratePercent, 0, 100);
        Args.positive("margin (percent)", marginPercent);
        return new PublishedFigure(ratePercent / 100, marginPercent / 100, confidence);
    }

    /** The two-sided critical value z for the figure's confidence (1.959964 at 95%). */
    public double criticalValue() {
        return Normal.twoSidedCritical(confidence);
    }

    /** The standard error recovered from the margin: margin / z. */
    public double standardError() {
        return margin / criticalValue();
    }

    /** rate &plusmn; margin, clipped to [0, 1]. */
    public Interval interval() {
        return new Interval(Math.max(0, rate - margin), Math.min(1, rate + margin));
    }

    /** rate &plusmn; margin as published, not clipped (may pass 0 or 1). */
    public Interval rawInterval() {
        return new Interval(rate - margin, rate + margin);
    }

    /**
     * The audited count that gives this margin under the Wald interval: n = p(1 - p)/se&sup2;, a
     * real number (the published rate and margin are rounded, so n is approximate: 93.2 +/- 2.3
     * implies about 460). 0 when the rate is 0 or 1.
     */
    public double impliedAudited() {
        double se = standardError();
        return rate * (1 - rate) / (se * se);
    }

    /**
     * The unrecorded crimes implied by the figure for a category or force that recorded
     * {@code volume} crimes: volume (1 - rate)/rate, with the clipped interval mapped.
     *
     * @throws IllegalArgumentException if {@code volume < 1}
     */
    public UnrecordedCrimes unrecorded(long volume) {
        return UnrecordedCrimes.of(volume, rate, interval());
    }

    /**
     * Compares this (later) figure with an earlier one by a two-sample z-test on the standard
     * errors recovered from the margins, at the 5% significance level.
     *
     * @param previous the earlier figure
     * @throws IllegalArgumentException if {@code previous} is null
     */
    public PublishedComparison compareWith(PublishedFigure previous) {
        return PublishedComparison.of(previous, this, PublishedComparison.DEFAULT_SIGNIFICANCE);
    }

    /**
     * As {@link #compareWith(PublishedFigure)} at a chosen significance level.
     *
     * @throws IllegalArgumentException if {@code previous} is null or the level is outside (0, 1)
     */
    public PublishedComparison compareWith(PublishedFigure previous, double significance) {
        return PublishedComparison.of(previous, this, significance);
    }

    /** {@code "93.2% (+/- 2.3%)"}, with the level when it is not 95%. */
    @Override
    public String toString() {
        return Percent.format(rate) + " (+/- " + Percent.format(margin)
                + (confidence == DEFAULT_CONFIDENCE ? "" : ", " + Percent.level(confidence)) + ")";
    }
}
