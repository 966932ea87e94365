package org.recordingrate.cli;

import org.recordingrate.error.ArgumentException;
import org.recordingrate.internal.Args;

import picocli.CommandLine.Option;

/**
 * {@code --significance ALPHA}, declared once for every command that takes it: the level of
 * "statistically significant", a fraction (0.05). Out of (0, 1) is bad data (exit 1) naming the option.
 */
final class SignificanceOption {

    @Option(names = "--significance", defaultValue = "0.05", paramLabel = "ALPHA",
            description = "Level of \"statistically significant\", a fraction: 0.05 for 5%% (default: ${DEFAULT-VALUE}).")
    double level;

    /**
     * The level.
     *
     * @return the level, strictly between 0 and 1
     * @throws IllegalArgumentException naming {@code --significance} otherwise
     */
    double value() {
        if (level >= 1 && level < 100) {
            throw new ArgumentException("significance", "significance (" + Args.show(level) + ") must lie strictly"
                    + " between 0 and 1: a level is a fraction; did you mean " + Args.show(level / 100) + "?");
        }
        return Args.significance(level);
    }
}
