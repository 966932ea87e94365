package org.recordingrate.plan;

import java.util.Locale;
import java.util.OptionalLong;

import org.recordingrate.format.Percent;

/**
 * One row of an allocation: a category (or the all-crime row) with its planned audited count
 * and the margin expected from it.
 *
 * @param category   the category's name, or {@code "all crime"}
 * @param volume     its volume (the total for all crime)
 * @param population its population when known (the total when every category has one)
 * @param expected   the expected recording rate (for all crime, sum W_h p_h)
 * @param audited    the planned audited count (for all crime, the total)
 * @param margin     the Wald margin expected at that count and rate, z sqrt(p(1-p)/n (N-n)/(N-1))
 *                   (for all crime, z sqrt(sum W_h^2 p_h(1-p_h)/n_h (N_h-n_h)/(N_h-1)); without
 *                   populations the factors are 1)
 */
public record CategoryAllocation(String category, long volume, OptionalLong population, double expected, long audited,
                                 double margin) {

    /** {@code "violence: 284 audited, +/- 3.64 points at 89.0%"}: the margin at the expected rate. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %,d audited, %s at %s", category, audited,
                Percent.plusMinus(margin, 2), Percent.format(expected));
    }
}
