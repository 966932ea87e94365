package org.recordingrate.resample;

import java.util.Locale;

import org.recordingrate.estimate.UnrecordedCrimes;
import org.recordingrate.internal.Args;
import org.recordingrate.model.RowKind;

/**
 * One row of an inspection's bootstrap: a category, or all crime (told apart by
 * {@link #kind()}), with its bootstrap estimate and the unrecorded crimes it implies.
 *
 * <p>The unrecorded crimes are volume x (1 - rate)/rate with the bootstrap interval of the rate
 * mapped through that decreasing function, the upper rate bound giving the lower count: the
 * bootstrap interval of the unrecorded crimes themselves for the percentile, BCa and exact
 * intervals (which respect monotone transformations), and for the basic, normal and studentized
 * intervals the interval made on the rate scale and transformed, as R's {@code boot.ci} does
 * with its {@code h} and {@code hinv} arguments.
 *
 * @param kind       a category or all crime
 * @param category   the category's name ({@code "all crime"} for the combined row)
 * @param recorded   recorded (summed for all crime)
 * @param audited    audited (summed for all crime)
 * @param volume     the volume (summed for all crime)
 * @param rate       the bootstrap estimate of the recording rate
 * @param unrecorded the unrecorded crimes implied by the rate and its bootstrap interval
 */
public record BootstrapRow(RowKind kind, String category, long recorded, long audited, long volume,
                           BootstrapEstimate rate, UnrecordedCrimes unrecorded) {

    /**
     * Validates the components.
     *
     * @param kind a category or all crime
     * @param category the category's name ({@code "all crime"} for the combined row)
     * @param recorded recorded (summed for all crime)
     * @param audited audited (summed for all crime)
     * @param volume the volume (summed for all crime)
     * @param rate the bootstrap estimate of the recording rate
     * @param unrecorded the unrecorded crimes implied by the rate and its bootstrap interval
     * @throws IllegalArgumentException if a reference is null
     */
    public BootstrapRow {
        Args.notNull("kind", kind);
        Args.notNull("category", category);
        Args.notNull("rate", rate);
        Args.notNull("unrecorded", unrecorded);
    }

    /**
     * Whether this is the all-crime row.
     *
     * @return true for the all-crime row, false for a category
     */
    public boolean isAllCrime() {
        return kind == RowKind.ALL_CRIME;
    }

    /** {@code "violence: 89.1% (95% CI ...), 180 of 202, volume 25,000"}. */
    @Override
    public String toString() {
        return category + ": " + rate + ", " + recorded + " of " + audited
                + String.format(Locale.ROOT, ", volume %,d", volume);
    }
}
