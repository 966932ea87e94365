package org.recordingrate.cli;

import org.recordingrate.internal.DecimalText;

import picocli.CommandLine.Model.CommandSpec;

/** The {@code --precision} option: the unit of "more than N unrecorded crimes", or {@code auto}. */
final class Precision {

    private Precision() {
    }

    /**
     * The unit, 0 for {@code auto} (each estimate's default unit).
     *
     * @throws picocli.CommandLine.ParameterException (usage error) for anything but auto or a whole number of at least 1
     */
    static long parse(CommandSpec spec, String text) {
        if (text == null || text.strip().equalsIgnoreCase("auto")) {
            return 0;
        }
        long unit;
        try {
            unit = DecimalText.whole(text);
        } catch (IllegalArgumentException e) {
            throw Cli.usage(spec, "invalid value for --precision: '" + DecimalText.printable(text) + "' must be auto or a"
                    + " whole number of at least 1");
        }
        if (unit < 1) {
            throw Cli.usage(spec, "invalid value for --precision: '" + text + "' must be auto or at least 1");
        }
        return unit;
    }
}
