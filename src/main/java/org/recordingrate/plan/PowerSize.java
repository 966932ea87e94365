package org.recordingrate.plan;

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
public record PowerSize(double targetPower, PowerPoint achieved, Optional<PowerPoint> oneFewer) {

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
}
