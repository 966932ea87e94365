package org.recordingrate.reproduce;

import org.recordingrate.format.ResultTable;
import org.recordingrate.model.Result;

import java.math.BigDecimal;
import java.math.MathContext;

import org.recordingrate.compare.Alternative;
import org.recordingrate.estimate.UnrecordedCrimes;
import org.recordingrate.format.Percent;
import org.recordingrate.internal.Args;
import org.recordingrate.internal.Units;
import org.recordingrate.error.ArgumentException;
import org.recordingrate.internal.Normal;
import org.recordingrate.model.Interval;

/**
 * A published figure "93.2 percent (+/- 2.3 percent)": a rate with a symmetric
 * normal-approximation margin at a confidence level, as the inspection reports print it. From it
 * alone the standard error (margin / z), the interval and the audited count it implies under the
 * Wald interval can be recovered, and two figures compared (see {@link #compareWith}).
 *
 * <p>Held in percent exactly as given ({@code 93.2}, {@code 1.66}, {@code 99.0}), so that text
 * quotes the figure as published and "didn't record more than N" is computed from the decimal
 * itself; {@link #rate()} and {@link #margin()} give fractions. The published margins are not
 * clipped (99.0 +/- 1.7 runs past 100); {@link #interval()} is clipped to [0, 1],
 * {@link #rawInterval()} is not.
 *
 * <p><b>Percent, not fractions.</b> A figure whose rate and margin are both at most 1 looks like
 * a pair of fractions (0.932 +/- 0.023) typed where percent is expected; {@link #fromPercent}
 * refuses it and says so. Fractions go through {@link #fromFractions}, which is also how a rate
 * truly below 1 percent is stated ({@code fromFractions(0.005, 0.002)} is 0.5% +/- 0.2%).
 *
 * <p>Supported range: margins from 1e-7 percent to 100 percent (below, the implied audited count
 * exceeds what a double holds), rates in [0, 100] percent, confidence as everywhere in the
 * library.
 *
 * @param ratePercent   the published rate in percent, in [0, 100]
 * @param marginPercent the published half-width in percent, in [1e-7, 100]
 * @param confidence    the confidence level of the margin; reports use 0.95
 */
public record PublishedFigure(BigDecimal ratePercent, BigDecimal marginPercent, double confidence) implements Result {

    /** The confidence of published figures unless stated: 95%. */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal SMALLEST_MARGIN = new BigDecimal("1e-7");

    /**
     * Validates the figure. Unlike {@link #fromPercent(BigDecimal, BigDecimal, double)} it does not
     * refuse figures that look like fractions: the numbers are percent whatever they are.
     *
     * @param ratePercent   the published rate in percent, in [0, 100]; kept with its scale (99.0 stays 99.0)
     * @param marginPercent the published half-width in percent, in [1e-7, 100]
     * @param confidence    the confidence level of the margin, 10<sup>-6</sup> to 1 - 10<sup>-9</sup>
     * @throws IllegalArgumentException for a null or out-of-range rate, a null margin or one outside
     *                                  [1e-7, 100], or a confidence out of range
     */
    public PublishedFigure {
        Args.notNull("rate", ratePercent);
        Args.notNull("margin", marginPercent);
        if (ratePercent.signum() < 0 || ratePercent.compareTo(HUNDRED) > 0) {
            throw new ArgumentException("rate", "rate (" + ratePercent.toPlainString() + " percent) must lie between 0 and 100");
        }
        if (marginPercent.compareTo(SMALLEST_MARGIN) < 0 || marginPercent.compareTo(HUNDRED) > 0) {
            throw new ArgumentException("margin", "margin (" + marginPercent.toPlainString()
                    + " percent) must lie between 1e-7 and 100 percent");
        }
        Args.confidence(confidence);
    }

    /**
     * A figure as printed, in percent, at 95%: {@code fromPercent(93.2, 2.3)}. Each number is
     * taken as the shortest decimal that prints as it (93.2 is exactly 93.2).
     *
     * @param ratePercent   the rate in percent, in [0, 100]
     * @param marginPercent the "+/-" in percent, in [1e-7, 100]
     * @return the figure at 95%
     * @throws IllegalArgumentException when not finite or out of range, or when both are at most 1 and
     *                                  so look like fractions (see the class comment)
     */
    public static PublishedFigure fromPercent(double ratePercent, double marginPercent) {
        return fromPercent(ratePercent, marginPercent, DEFAULT_CONFIDENCE);
    }

    /**
     * A figure as printed, in percent, at a stated confidence.
     *
     * @param ratePercent   the rate in percent, in [0, 100]
     * @param marginPercent the "+/-" in percent, in [1e-7, 100]
     * @param confidence    the confidence level of the margin, e.g. 0.95
     * @return the figure
     * @throws IllegalArgumentException as {@link #fromPercent(double, double)}, or a confidence out of range
     */
    public static PublishedFigure fromPercent(double ratePercent, double marginPercent, double confidence) {
        return fromPercent(decimal("rate", ratePercent), decimal("margin", marginPercent), confidence);
    }

    /**
     * A figure in percent given exactly, as read from a file or the command line.
     *
     * @param ratePercent   the rate in percent, in [0, 100]
     * @param marginPercent the "+/-" in percent, in [1e-7, 100]
     * @param confidence    the confidence level of the margin, e.g. 0.95
     * @return the figure
     * @throws IllegalArgumentException as {@link #fromPercent(double, double)}, or for a null number or
     *                                  a confidence out of range
     */
    public static PublishedFigure fromPercent(BigDecimal ratePercent, BigDecimal marginPercent, double confidence) {
        Args.notNull("rate", ratePercent);
        Args.notNull("margin", marginPercent);
        Units.requirePercent("published figures", "PublishedFigure.fromFractions, or --units fraction on the command line",
                new Units.Figure("rate", ratePercent, true), new Units.Figure("margin", marginPercent, true));
        return new PublishedFigure(ratePercent, marginPercent, confidence);
    }

    /**
     * A figure given as fractions ({@code fromFractions(0.932, 0.023)} is 93.2% +/- 2.3%), at 95%:
     * also the way to state a rate below 1 percent. Each number is taken as the shortest decimal that
     * prints as it, then moved to percent exactly.
     *
     * @param rate   the rate as a fraction, in [0, 1]
     * @param margin the "+/-" as a fraction, in [1e-9, 1]
     * @return the figure at 95%
     * @throws IllegalArgumentException for a non-finite number, a rate outside [0, 1] or a margin
     *                                  outside [1e-9, 1]
     */
    public static PublishedFigure fromFractions(double rate, double margin) {
        return fromFractions(rate, margin, DEFAULT_CONFIDENCE);
    }

    /**
     * A figure given as fractions at a stated confidence.
     *
     * @param rate       the rate as a fraction, in [0, 1]
     * @param margin     the "+/-" as a fraction, in [1e-9, 1]
     * @param confidence the confidence level of the margin, e.g. 0.95
     * @return the figure
     * @throws IllegalArgumentException as {@link #fromFractions(double, double)}, or a confidence out of range
     */
    public static PublishedFigure fromFractions(double rate, double margin, double confidence) {
        return new PublishedFigure(decimal("rate", rate).multiply(HUNDRED), decimal("margin", margin).multiply(HUNDRED),
                confidence);
    }

    private static BigDecimal decimal(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new ArgumentException(name, name + " (" + value + ") must be a finite number");
        }
        return BigDecimal.valueOf(value);
    }

    /**
     * The rate as a fraction.
     *
     * @return ratePercent / 100, in [0, 1]: the double nearest the exact decimal (93.2 gives 0.932, whose
     *         shortest decimal is 0.932, never 0.9320000000000001)
     */
    public double rate() {
        return ratePercent.movePointLeft(2).doubleValue();
    }

    /**
     * The margin as a fraction.
     *
     * @return marginPercent / 100, in [1e-9, 1], the double nearest the exact decimal
     */
    public double margin() {
        return marginPercent.movePointLeft(2).doubleValue();
    }

    /**
     * The two-sided critical value for the figure's confidence.
     *
     * @return z = Phi<sup>-1</sup>(1 - alpha/2) (1.959964 at 95%)
     */
    public double criticalValue() {
        return Normal.twoSidedCritical(confidence);
    }

    /**
     * The standard error recovered from the margin, as a fraction.
     *
     * @return margin / z, positive (0.0117 for 2.3 percent at 95%)
     */
    public double standardError() {
        return margin() / criticalValue();
    }

    /**
     * The interval the figure states, kept within the possible rates.
     *
     * @return rate &plusmn; margin as fractions, clipped to [0, 1]; each bound the double nearest the exact
     *         decimal (93.2 +/- 2.3 gives 0.909 and 0.955, not 0.9550000000000001)
     */
    public Interval interval() {
        return new Interval(Math.max(0, lowerDecimal().doubleValue()), Math.min(1, upperDecimal().doubleValue()));
    }

    private BigDecimal lowerDecimal() {
        return ratePercent.subtract(marginPercent).movePointLeft(2);
    }

    private BigDecimal upperDecimal() {
        return ratePercent.add(marginPercent).movePointLeft(2);
    }

    /**
     * The interval as published.
     *
     * @return rate &plusmn; margin as fractions, not clipped (may pass 0 or 1: 99.0 +/- 1.7 gives an
     *         upper bound of 1.007)
     */
    public Interval rawInterval() {
        return new Interval(lowerDecimal().doubleValue(), upperDecimal().doubleValue());
    }

    /**
     * The audited count that gives this margin under the Wald interval: n = p(1 - p)/se&sup2;,
     * computed as p(1 - p)(z / margin)&sup2;, a real number (the published rate and margin are
     * rounded, so n is approximate: 93.2 +/- 2.3 implies about 460). For an all-crime figure this
     * is an effective sample size (Kish), not a count of records: the binomial sample that would
     * have the same standard error. 0 when the rate is 0 or 1.
     *
     * @return n, a real number, 0 or more
     */
    public double impliedAudited() {
        double p = rate();
        double ratio = criticalValue() / margin();
        return p * (1 - p) * ratio * ratio;
    }

    /**
     * The unrecorded crimes implied by the figure for a category or force that recorded
     * {@code volume} crimes: volume (1 - rate)/rate, with the clipped interval mapped; "more than
     * N" is computed from the published decimal exactly (90.4% of 45,200 leaves exactly 4,800).
     *
     * @param volume the crimes recorded in the period, at least 1
     * @return the estimate and interval; unbounded when the rate is 0 (the upper end is also
     *         unbounded whenever the clipped lower bound is 0)
     * @throws IllegalArgumentException if {@code volume < 1}
     */
    public UnrecordedCrimes unrecorded(long volume) {
        return UnrecordedCrimes.of(volume, ratePercent.movePointLeft(2), interval());
    }

    /**
     * Compares this (later) figure with an earlier one by a two-sample z-test on the standard
     * errors recovered from the margins, two-sided, at the 5% significance level
     * ({@link PublishedComparison#DEFAULT_SIGNIFICANCE}).
     *
     * @param previous the earlier figure
     * @return the comparison, this figure being the current one
     * @throws IllegalArgumentException if {@code previous} is null
     */
    public PublishedComparison compareWith(PublishedFigure previous) {
        return PublishedComparison.of(previous, this, PublishedComparison.DEFAULT_SIGNIFICANCE);
    }

    /**
     * As {@link #compareWith(PublishedFigure)} at a chosen significance level, two-sided.
     *
     * @param previous     the earlier figure
     * @param significance the level of the verdict, strictly between 0 and 1, e.g. 0.05
     * @return the comparison, this figure being the current one
     * @throws IllegalArgumentException if {@code previous} is null or the level is out of range
     */
    public PublishedComparison compareWith(PublishedFigure previous, double significance) {
        return PublishedComparison.of(previous, this, significance);
    }

    /**
     * As {@link #compareWith(PublishedFigure, double)} against a one-sided or two-sided alternative.
     *
     * @param previous     the earlier figure
     * @param significance the level of the verdict, strictly between 0 and 1, e.g. 0.05
     * @param alternative  two-sided, improved or deteriorated
     * @return the comparison, this figure being the current one
     * @throws IllegalArgumentException if an argument is null or the level is out of range
     */
    public PublishedComparison compareWith(PublishedFigure previous, double significance, Alternative alternative) {
        return PublishedComparison.of(previous, this, significance, alternative);
    }

    /**
     * The recorded volumes consistent with "the force didn't record more than {@code moreThan}
     * crimes" at this rate: the volumes V for which the estimate V (1 - r)/r rounds down to
     * {@code moreThan} at {@code unit}, that is moreThan &lt;= V (1 - r)/r &lt; moreThan + unit, for
     * some rate r that rounds to the published figure: r within half a unit of its last published
     * digit (93.2 stands for [93.15, 93.25)). The bounds are V &gt;= moreThan r<sub>lo</sub>/(1 -
     * r<sub>lo</sub>) and V &lt; (moreThan + unit) r<sub>hi</sub>/(1 - r<sub>hi</sub>), computed exactly.
     * The rounding of the rate widens the range a good deal: see {@link #volumesAtExactRate}.
     *
     * @param moreThan the published "more than" count, 0 or more
     * @param unit     the unit it was rounded down to, at least 1 (0: the default unit for that count,
     *                 {@link UnrecordedCrimes#unitFor(double)})
     * @return the range of whole volumes; its upper bound is empty (unbounded) when the rate may be 100%,
     *         or when it would exceed 2<sup>63</sup> - 1
     * @throws IllegalArgumentException for a negative count or unit, a count or unit above 2<sup>53</sup>,
     *                                  a rate of 0, or a lower bound beyond 2<sup>63</sup> - 1 (the
     *                                  message names {@code moreThan})
     */
    public VolumeRange volumesConsistentWith(long moreThan, long unit) {
        BigDecimal half = halfUnit(ratePercent);
        return volumes(moreThan, unit, ratePercent.subtract(half), ratePercent.add(half));
    }

    /**
     * As {@link #volumesConsistentWith}, taking the published rate as exact: moreThan r/(1 - r)
     * &lt;= V &lt; (moreThan + unit) r/(1 - r).
     *
     * <p>At a rate of exactly 100 percent the bounds divide by 1 - r = 0, and this method then fails
     * with an {@link ArithmeticException} (not an {@link IllegalArgumentException}); every volume
     * gives 0 unrecorded crimes there.
     *
     * @param moreThan the published "more than" count, 0 or more
     * @param unit     the unit it was rounded down to, at least 1 (0: the default unit for that count)
     * @return the range of whole volumes
     * @throws IllegalArgumentException as {@link #volumesConsistentWith}
     * @throws ArithmeticException      if the rate is 100 percent
     */
    public VolumeRange volumesAtExactRate(long moreThan, long unit) {
        return volumes(moreThan, unit, ratePercent, ratePercent);
    }

    private VolumeRange volumes(long moreThan, long unit, BigDecimal lowPercent, BigDecimal highPercent) {
        Args.nonNegative("moreThan", moreThan);
        Args.nonNegative("unit", unit);
        Args.countInRange("moreThan", moreThan);
        Args.countInRange("unit", unit);
        if (ratePercent.signum() == 0) {
            throw new ArgumentException("rate", "rate (0 percent): nothing was recorded, so no volume gives a finite"
                    + " number of unrecorded crimes");
        }
        long step = unit == 0 ? UnrecordedCrimes.unitFor(moreThan) : unit;
        if (lowPercent.compareTo(HUNDRED) >= 0) {
            throw new ArgumentException("rate", "rate (100 percent): no crime went unrecorded, so no volume gives"
                    + " \"more than " + moreThan + "\"");
        }
        BigDecimal low = lowPercent.max(BigDecimal.ZERO).movePointLeft(2);
        BigDecimal high = highPercent.min(HUNDRED).movePointLeft(2);
        // V >= N lo/(1 - lo): the smallest whole V
        BigDecimal least = BigDecimal.valueOf(moreThan).multiply(low).divide(BigDecimal.ONE.subtract(low),
                MathContext.DECIMAL128).setScale(0, java.math.RoundingMode.CEILING);
        if (least.compareTo(LARGEST) > 0) {
            throw new ArgumentException("moreThan", "moreThan (" + moreThan + ") at " + ratePercent.toPlainString()
                    + " percent needs a volume of more than 2^63 - 1 recorded crimes");
        }
        long lower = least.longValueExact();
        if (high.compareTo(BigDecimal.ONE) >= 0) {
            return new VolumeRange(lower, java.util.OptionalLong.empty());
        }
        // V < (N + unit) hi/(1 - hi): the largest whole V strictly below
        BigDecimal bound = BigDecimal.valueOf(moreThan).add(BigDecimal.valueOf(step)).multiply(high)
                .divide(BigDecimal.ONE.subtract(high), MathContext.DECIMAL128)
                .setScale(0, java.math.RoundingMode.CEILING).subtract(BigDecimal.ONE);
        if (bound.compareTo(LARGEST) > 0) {
            // beyond what a long holds: no bound a volume could pass
            return new VolumeRange(lower, java.util.OptionalLong.empty());
        }
        return new VolumeRange(lower, java.util.OptionalLong.of(bound.longValueExact()));
    }

    private static final BigDecimal LARGEST = BigDecimal.valueOf(Long.MAX_VALUE);

    /**
     * Half a unit of a printed number's last digit: what its rounding may have moved it by (93.2
     * stands for [93.15, 93.25], 81.37 for [81.365, 81.375], 99 for [98.5, 99.5]).
     */
    static BigDecimal halfUnit(BigDecimal printed) {
        return BigDecimal.ONE.movePointLeft(printed.scale() + 1).multiply(BigDecimal.valueOf(5));
    }

    /**
     * A range of whole recorded volumes.
     *
     * @param lower the smallest volume
     * @param upper the largest volume; empty when unbounded
     */
    public record VolumeRange(long lower, java.util.OptionalLong upper) {

        /** {@code "61,194 to 63,548"}, or {@code "61,194 or more"} when unbounded. */
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%,d", lower) + (upper.isPresent()
                    ? String.format(java.util.Locale.ROOT, " to %,d", upper.getAsLong()) : " or more");
        }
    }

    /** {@code "93.2% (+/- 2.3%)"}, the numbers as given, with the level when it is not 95%. */
    @Override
    public String toString() {
        return ratePercent.toPlainString() + "% (+/- " + marginPercent.toPlainString() + "%"
                + (confidence == DEFAULT_CONFIDENCE ? "" : ", " + Percent.level(confidence)) + ")";
    }

    /**
     * The figure, its standard error (percent, four significant digits, with z) and its implied
     * audited count, a line each.
     *
     * @return multi-line text, each line ending in the platform's line separator
     */
    @Override
    public String summary() {
        return String.format(java.util.Locale.ROOT, "published figure  %s%nstandard error    %s%% (margin / %.6f)%n"
                        + "implied audited   about %.0f (Wald; an effective sample size for all crime)%n",
                this, new BigDecimal(100 * standardError()).round(new MathContext(4)).toPlainString(), criticalValue(),
                impliedAudited());
    }

    /**
     * The figure as the command line writes it ({@link FigureColumns}): its inputs, standard error,
     * interval and implied audited count, one row.
     *
     * @return a new table of one row
     */
    @Override
    public ResultTable table() {
        return new FigureResult(this, java.util.Optional.empty()).table();
    }
}
