package org.recordingrate.plan;

import org.recordingrate.format.ResultTable;
import org.recordingrate.model.Result;

import java.util.Locale;
import java.util.Optional;

/**
 * The audited count at which a planned audit reaches the wanted power, with the power there
 * and one fewer.
 *
 * @param targetPower the power wanted
 * @param achieved    the power at the planned count ({@code achieved.audited()}), at least the target
 * @param oneFewer    the power at one fewer, below the target (empty at 1)
 */
public record PowerSize(double targetPower, PowerPoint achieved, Optional<PowerPoint> oneFewer) implements Result {

    /**
     * The planned audited count, the smallest the search found to reach the target power.
     *
     * @return {@code achieved().audited()}
     */
    public long audited() {
        return achieved.audited();
    }

    /** {@code "640 audited for power 0.80: power 0.8010 at 640 ..."}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%,d audited for power %.2f: %s%s", audited(), targetPower, achieved,
                oneFewer.map(p -> String.format(Locale.ROOT, "; %.4f at %,d", p.power(), p.audited())).orElse(""));
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
     * The audited count for the power as the command line writes it, one row.
     *
     * @return a new table of one row
     */
    @Override
    public ResultTable table() {
        return PlanningColumns.POWER_SIZE.table(this);
    }
}
