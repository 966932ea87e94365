package org.recordingrate.plan;

import org.recordingrate.format.ResultTable;
import org.recordingrate.model.Result;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import org.recordingrate.estimate.IntervalMethod;
import org.recordingrate.format.Percent;

/**
 * The smallest audited count for one category whose margin, at the expected recording rate, is
 * at most the target: see {@link SampleSizePlanner} for the definitions.
 *
 * @param method           the interval method the margin is that of
 * @param confidence       the two-sided confidence level
 * @param expected         the expected recording rate, in [0, 1]
 * @param targetMargin     the margin wanted, a fraction (0.025 for +/- 2.5 points)
 * @param population       the records the sample is drawn from, when finite
 * @param audited          the planned audited count
 * @param expectedRecorded the expected count at which exact margins were evaluated: round(audited x expected)
 *                         (Wald uses the rate itself)
 * @param margin           the margin at {@code audited}: at most {@code targetMargin}
 * @param marginOneFewer   the margin at {@code audited - 1}, above the target (empty when audited is 1): the
 *                         check that no smaller count was skipped where exact margins are not monotone
 */
public record SampleSize(IntervalMethod method, double confidence, double expected, double targetMargin,
                         OptionalLong population, long audited, long expectedRecorded, double margin,
                         OptionalDouble marginOneFewer) implements Result {

    /**
     * {@code "554 audited for a Wald margin of +/- 2.50 points at 90.0% expected (95%): +/- 2.497 points,
     * +/- 2.500 points at one fewer"}: whose margin it is, and the margins in points.
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%,d audited for a %s margin of %s at %s expected (%s%s): %s%s", audited,
                method.displayName(), Percent.plusMinus(targetMargin, 2), Percent.format(expected),
                Percent.level(confidence), population.isPresent()
                        ? String.format(Locale.ROOT, ", population %,d", population.getAsLong()) : "",
                Percent.plusMinus(margin, 3), marginOneFewer.isPresent()
                        ? ", " + Percent.plusMinus(marginOneFewer.getAsDouble(), 3) + " at one fewer" : "");
    }

    /**
     * The same as {@link #toString()}: one line says all of it.
     *
     * @return the line, with a line end
     */
    @Override
    public String summary() {
        return this + "\n";
    }

    /**
     * The sample size as the command line writes it, one row.
     *
     * @return a new table of one row
     */
    @Override
    public ResultTable table() {
        return PlanningColumns.SAMPLE_SIZE.table(this);
    }
}
