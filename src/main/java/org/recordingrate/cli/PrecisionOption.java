package org.recordingrate.cli;

import org.recordingrate.internal.DecimalText;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --precision N|auto}, declared once: the unit that "didn't record more than N crimes" is
 * rounded down to.
 */
final class PrecisionOption {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--precision", defaultValue = "auto", paramLabel = "N|auto",
            description = "Round \"more than N unrecorded crimes\" down to a multiple of N; auto: 100 from 1,000, "
                    + "10 from 100, else 1 (default: ${DEFAULT-VALUE}).")
    String text;

    /**
     * The unit, 0 for {@code auto} (each estimate's default unit).
     *
     * @return the unit, at least 1, or 0 for auto
     * @throws picocli.CommandLine.ParameterException (a usage error) for anything but auto or a whole
     *                                                number of at least 1
     */
    long unit() {
        if (text == null || text.strip().equalsIgnoreCase("auto")) {
            return 0;
        }
        long unit;
        try {
            unit = DecimalText.whole(text);
        } catch (IllegalArgumentException e) {
            throw Cli.usage(spec, "invalid value for --precision: '" + DecimalText.printable(text) + "' must be auto or a"
                    + " whole number of at least 1 (" + e.getMessage() + ")");
        }
        if (unit < 1) {
            throw Cli.usage(spec, "invalid value for --precision: '" + text + "' must be auto or at least 1");
        }
        return unit;
    }
}
