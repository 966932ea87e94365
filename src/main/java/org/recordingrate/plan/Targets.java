package org.recordingrate.plan;

import org.recordingrate.error.ArgumentException;
import org.recordingrate.internal.Args;
import org.recordingrate.internal.Units;

/**
 * Planning targets as the planners take them: in percent (a margin of 2.5 points, an expected
 * rate of 90, a change of 3 points, a tolerable share of 5), under the library's one units rule
 * ({@link Units}: a call whose every target looks like a fraction is refused with the hint), or,
 * for a planner set to fractions, as fractions; either way turned into the fractions the
 * computations and the results use.
 */
final class Targets {

    private Targets() {
    }

    /**
     * Applies the units rule to a call's targets, unless they are given in fractions.
     *
     * @param fractions whether the planner takes fractions
     * @param planner   the planner's class name, for the hint (its {@code inFractions()})
     */
    static void units(boolean fractions, String planner, Units.Figure... figures) {
        if (!fractions) {
            Units.requirePercent("planning targets", planner + ".inFractions(), or --units fraction on the command line",
                    figures);
        }
    }

    /** A target strictly inside (0, 100) percent (or (0, 1) as a fraction), as a fraction. */
    static double open(String name, double value, boolean fractions) {
        double high = fractions ? 1 : 100;
        if (!(value > 0 && value < high)) {
            throw new ArgumentException(name, name + " (" + Args.show(value) + ") must be strictly between 0 and "
                    + (fractions ? "1 (a fraction)" : "100 (percent)"));
        }
        return fractions ? value : fraction(value);
    }

    /** A target in [0, 100] percent (or [0, 1] as a fraction), as a fraction. */
    static double closed(String name, double value, boolean fractions) {
        double high = fractions ? 1 : 100;
        if (!(value >= 0 && value <= high)) {
            throw new ArgumentException(name, name + " (" + Args.show(value) + ") must lie between 0 and "
                    + (fractions ? "1 (a fraction)" : "100 (percent)"));
        }
        return fractions ? value : fraction(value);
    }

    /**
     * A figure in percent as a fraction without binary noise: the decimal that prints as the
     * figure, moved two places (89.1 gives 0.891, not 0.8909999999999999).
     */
    static double fraction(double percent) {
        return java.math.BigDecimal.valueOf(percent).movePointLeft(2).doubleValue();
    }

    /** A change in points (or as a fraction), not 0, with magnitude below 100 points, as a fraction. */
    static double change(String name, double value, boolean fractions) {
        double high = fractions ? 1 : 100;
        if (!(Math.abs(value) > 0 && Math.abs(value) <= high)) {
            throw new ArgumentException(name, name + " (" + Args.show(value) + ") must be a change other than 0, between -"
                    + (fractions ? "1 and 1 (a fraction)" : "100 and 100 (points)"));
        }
        return fractions ? value : fraction(value);
    }
}
