package org.recordingrate.cli;

import org.recordingrate.error.ArgumentException;
import org.recordingrate.internal.Args;

import picocli.CommandLine.Option;

/**
 * {@code --confidence LEVEL}, declared once for every command that takes it: a fraction, 0.95 for
 * 95%. A level out of range is bad data (exit 1), the message naming the option ("95" hints at 0.95:
 * {@link Main} puts the option's name for the argument's); text that is not a number is a usage error
 * (exit 2), as every number.
 */
final class ConfidenceOption {

    @Option(names = "--confidence", defaultValue = "0.95", paramLabel = "LEVEL",
            description = "Confidence level, a fraction: 0.95 for 95%% (default: ${DEFAULT-VALUE}). A one-sided level "
                    + "(plan --upper-bound) lies strictly between 0.5 and 1.")
    double level;

    /**
     * The two-sided level.
     *
     * @return the level
     * @throws IllegalArgumentException naming {@code --confidence} when out of the supported range
     */
    double twoSided() {
        return Args.confidence(level);
    }

    /**
     * The one-sided level, strictly between 0.5 and 1 (a one-sided bound at 0.3 would be a bound
     * below the estimate that holds less often than not).
     *
     * @return the level
     * @throws IllegalArgumentException naming {@code --confidence} when not strictly between 0.5 and 1
     */
    double oneSided() {
        if (!(level > 0.5 && level < 1)) {
            throw new ArgumentException("confidence", "confidence (" + Args.show(level) + ") of a one-sided bound"
                    + " must lie strictly between 0.5 and 1" + (level > 1 && level < 100
                            ? ": a level is a fraction; did you mean " + Args.show(level / 100) + "?" : ""));
        }
        return level;
    }
}
