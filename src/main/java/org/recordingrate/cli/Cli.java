package org.recordingrate.cli;

import java.util.function.Function;

import org.recordingrate.io.CsvInput;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Small pieces the commands share: token parsing as usage errors, and the rows-read notice. */
final class Cli {

    private Cli() {
    }

    /**
     * Parses an option's token; an unknown token is a usage error (exit 2) with the parser's
     * message, which lists the valid tokens.
     */
    static <T> T token(CommandSpec spec, String option, String text, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "invalid value for " + option + ": " + e.getMessage());
        }
    }

    /** A usage error (exit 2). */
    static ParameterException usage(CommandSpec spec, String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** Tells on standard error how many rows were read, so that nothing is lost unnoticed. */
    static void readNotice(CommandSpec spec, CsvInput input, String what) {
        spec.commandLine().getErr().println("read " + input.rows().size() + " " + what
                + (input.rows().size() == 1 ? "" : "s") + " from " + input.name());
        spec.commandLine().getErr().flush();
    }
}
