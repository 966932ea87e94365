package org.recordingrate.plan;

import org.recordingrate.format.ResultTable;
import org.recordingrate.model.Result;

import java.util.Locale;
import java.util.Optional;

import org.recordingrate.compare.Alternative;
import org.recordingrate.compare.ChangeTestMethod;
import org.recordingrate.compare.MonteCarlo;
import org.recordingrate.format.Percent;
import org.recordingrate.model.Tally;

/**
 * The power of a planned audit to detect a change from the previous inspection: one point of a
 * power curve.
 *
 * @param test         the test the inspection will run
 * @param method       how the power was computed
 * @param alternative  the test's alternative
 * @param significance the level at which it rejects (p &lt;= significance)
 * @param previous     the previous inspection's tally
 * @param change       the change to detect, a fraction (0.03 for +3 points)
 * @param audited      the planned audited count
 * @param power        the probability of a significant change in the direction of {@code change}
 * @param monteCarlo   replicates, seed and standard error when simulated
 */
public record PowerPoint(ChangeTestMethod test, PowerMethod method, Alternative alternative, double significance,
                         Tally previous, double change, long audited, double power, Optional<MonteCarlo> monteCarlo) implements Result {

    /**
     * The rate the planned audit is assumed to meet, p_a = p_b + delta.
     *
     * @return the previous rate plus the change, in [0, 1] (the planner checks it)
     */
    public double rate() {
        return previous.rate() + change;
    }

    /** {@code "power 0.8010 at 640 audited to detect +3.0 points from 80.0% (z-test (pooled variance), 5%)"}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "power %.4f at %,d audited to detect %s from %s (%s, %s, %s)%s", power,
                audited, Percent.points(change), Percent.format(previous.rate()), test.displayName(),
                alternative.token().replace('_', '-'), Percent.level(significance),
                monteCarlo.map(mc -> String.format(Locale.ROOT, ", %,d replicates, seed %d, MC error %.2g",
                        mc.replicates(), mc.seed(), mc.standardError())).orElse(""));
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
     * The point of the power curve as the command line writes it, one row.
     *
     * @return a new table of one row
     */
    @Override
    public ResultTable table() {
        return PlanningColumns.POWER.table(this);
    }
}
