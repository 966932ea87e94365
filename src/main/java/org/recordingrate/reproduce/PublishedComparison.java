package org.recordingrate.reproduce;

import org.recordingrate.format.ResultTable;
import org.recordingrate.model.Result;

import org.recordingrate.model.Interval;
import org.recordingrate.compare.Alternative;
import org.recordingrate.compare.Verdict;
import org.recordingrate.internal.Args;
import org.recordingrate.internal.Normal;
import org.recordingrate.format.Percent;

/**
 * Two published figures compared without the raw counts: change = current - previous, standard
 * error sqrt(se<sub>previous</sub>&sup2; + se<sub>current</sub>&sup2;) with each se = margin / z (the
 * inspections are independent samples), z = change / se, two-sided p = 2 (1 - Phi(|z|)), and the
 * inspectors' verdict at the significance level. This is how the seed report's "statistically
 * significant improvement" on 87.8 +/- 1.7 to 93.2 +/- 2.3 is reproduced (z = 3.70).
 *
 * @param previous       the earlier figure
 * @param current        the later figure
 * @param change         current rate - previous rate, a fraction (0.054 for 5.4 points): the double nearest the
 *                       exact difference of the published decimals
 * @param standardError  the standard error of the change, a fraction, positive
 * @param z              change / standard error
 * @param pValue         the p-value for the alternative
 * @param alternative    the alternative: two-sided, or one-sided towards an improvement or a deterioration
 * @param significance   the level the verdict uses
 * @param verdict        the verdict in the inspectors' words
 */
public record PublishedComparison(PublishedFigure previous, PublishedFigure current, double change,
                                  double standardError, double z, double pValue, Alternative alternative,
                                  double significance, Verdict verdict) implements Result {

    /** The level of the inspectors' "statistically significant": 5%. */
    public static final double DEFAULT_SIGNIFICANCE = 0.05;

    /**
     * Compares {@code current} with {@code previous}, two-sided.
     *
     * @param previous     the earlier figure
     * @param current      the later figure
     * @param significance the level of the verdict, strictly between 0 and 1, e.g. 0.05
     * @return the comparison
     * @throws IllegalArgumentException if a figure is null or {@code significance} is outside (0, 1)
     */
    public static PublishedComparison of(PublishedFigure previous, PublishedFigure current, double significance) {
        return of(previous, current, significance, Alternative.TWO_SIDED);
    }

    /**
     * Compares {@code current} with {@code previous} against an alternative: two-sided, or
     * one-sided (improved: p = 1 - Phi(z); deteriorated: p = Phi(z)). The figures' confidence levels
     * may differ: each standard error is recovered at its own.
     *
     * @param previous     the earlier figure
     * @param current      the later figure
     * @param significance the level of the verdict, strictly between 0 and 1, e.g. 0.05
     * @param alternative  two-sided, improved or deteriorated
     * @return the comparison
     * @throws IllegalArgumentException if an argument is null or {@code significance} is out of range
     */
    public static PublishedComparison of(PublishedFigure previous, PublishedFigure current, double significance,
                                         Alternative alternative) {
        Args.notNull("alternative", alternative);
        Args.notNull("previous", previous);
        Args.notNull("current", current);
        Args.significance(significance);
        // the difference of the two published decimals, exactly, then rounded once (5.4 points is 0.054)
        double change = current.ratePercent().subtract(previous.ratePercent()).movePointLeft(2).doubleValue();
        double se = Math.hypot(previous.standardError(), current.standardError());
        double z = change / se;
        double p = alternative.normalPValue(z);
        return new PublishedComparison(previous, current, change, se, z, p, alternative, significance,
                Verdict.of(change, p, significance));
    }

    /**
     * The Wald interval for the change at {@code confidence}: change &plusmn; z se.
     *
     * @param confidence the two-sided level, 10<sup>-6</sup> to 1 - 10<sup>-9</sup>, e.g. 0.95
     * @return the interval as fractions, not clipped to [-1, 1] (as published margins are not)
     * @throws IllegalArgumentException if the confidence is outside that supported range or NaN
     */
    public Interval changeInterval(double confidence) {
        double half = Normal.twoSidedCritical(confidence) * standardError;
        return new Interval(change - half, change + half);
    }

    /**
     * {@code "93.2% (+/- 2.3%) vs 87.8% (+/- 1.7%): +5.4 points, z = 3.70, p = 0.000215: statistically significant
     * improvement"}.
     */
    @Override
    public String toString() {
        return current + " vs " + previous + ": " + Percent.points(change) + ", z = "
                + String.format(java.util.Locale.ROOT, "%.2f", z) + ", p = " + Percent.pValue(pValue) + ": " + verdict;
    }

    /**
     * A few lines: both figures, the change with its standard error and 95% interval (always 95%,
     * whatever the figures' levels), the z-test and the verdict at its level.
     *
     * @return multi-line text, each line ending in the platform's line separator
     */
    @Override
    public String summary() {
        Interval interval = changeInterval(0.95);
        return String.format(java.util.Locale.ROOT, "%-12s%s%n%-12s%s%n%-12s%s (se %s, 95%% CI %s)%n%-12sz = %.2f, "
                        + "p = %s (%s)%n%-12s%s (at %s significance)%n",
                "now", current, "previous", previous, "change", Percent.points(change),
                String.format(java.util.Locale.ROOT, "%.2f points", 100 * standardError), Percent.range(interval.lower(), interval.upper()),
                "test", z, Percent.pValue(pValue), alternative.token().replace('_', '-'), "verdict", verdict,
                Percent.level(significance));
    }

    /**
     * The comparison as the command line writes it ({@link FigureColumns}): the current figure's row
     * with the previous figure and the change, z, p-value and verdict.
     *
     * @return a new table of one row
     */
    @Override
    public ResultTable table() {
        return new FigureResult(current, java.util.Optional.of(this)).table();
    }
}
