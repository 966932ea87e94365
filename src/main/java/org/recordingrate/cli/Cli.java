package org.recordingrate.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.recordingrate.io.CsvInput;
import org.recordingrate.io.InspectionSource;
import org.recordingrate.model.Tally;
import org.recordingrate.model.Token;
import org.recordingrate.format.ResultTable;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Small pieces the commands share: token parsing as usage errors, notices on standard error. */
final class Cli {

    private Cli() {
    }

    /**
     * Parses an option's value with {@code parser}; an {@link IllegalArgumentException} is a usage
     * error (exit 2) naming the option. For values that are not one enum's tokens (compare's
     * {@code --test}, which also takes {@code permutation}); enum options are typed fields read by
     * {@link TokenConverters}.
     */
    static <T> T token(CommandSpec spec, String option, String text, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "invalid value for " + option + ": " + e.getMessage());
        }
    }

    /**
     * An option's token of {@code type}, or {@code all} for every constant: the options that take
     * {@code METHOD|all}. An unknown token is a usage error (exit 2) listing the valid ones.
     *
     * @return every constant for {@code all}, else the one named
     */
    static <E extends Enum<E> & Token> List<E> choices(CommandSpec spec, String option, String text, Class<E> type) {
        if (text != null && text.strip().equalsIgnoreCase("all")) {
            return List.of(type.getEnumConstants());
        }
        return List.of(choice(spec, option, text, type));
    }

    /** An option's token of {@code type}; an unknown token is a usage error (exit 2) listing the valid ones. */
    static <E extends Enum<E> & Token> E choice(CommandSpec spec, String option, String text, Class<E> type) {
        try {
            return Token.parse(type, option, text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "invalid value for " + option + ": '" + text
                    + "' must be one of " + Token.tokens(type));
        }
    }

    /**
     * Refuses more positional files than a command takes: {@code bootstrap A B C} is a usage error,
     * never a silently ignored {@code C}.
     */
    static void atMost(CommandSpec spec, List<?> files, int most, String what) {
        if (files != null && files.size() > most) {
            throw usage(spec, "too many files: " + files.size() + " given, " + what + " ("
                    + files.subList(most, files.size()).stream().map(Object::toString)
                            .map(f -> "'" + f + "'").collect(java.util.stream.Collectors.joining(", ")) + " extra)");
        }
    }

    /**
     * A tally given as an option's value, {@code 188/202} (or {@code 188 of 202}): text not shaped so,
     * ASCII digits only, is a usage error (exit 2); counts shaped right but impossible, such as
     * {@code 641/640}, are bad data (exit 1) with the option named:
     * {@code "--before 641/640: recorded (641) must not exceed audited (640)"}. Every command reads
     * its tally options here.
     */
    static Tally tally(CommandSpec spec, String option, String text) {
        if (text == null || !text.strip().matches("[0-9]+\\s*(/|of)\\s*[0-9]+")) {
            throw usage(spec, "invalid value for " + option + ": '" + text + "' must look like 188/202");
        }
        try {
            return Tally.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " " + text.strip() + ": " + e.getMessage(), e);
        }
    }

    /** A usage error (exit 2). */
    static ParameterException usage(CommandSpec spec, String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** A line on standard error. */
    static void note(CommandSpec spec, String message) {
        spec.commandLine().getErr().println(message);
        spec.commandLine().getErr().flush();
    }

    /**
     * Tells on standard error how many rows were read (and how many blank rows were skipped), so
     * that nothing is lost unnoticed: {@code "read 3 plan rows from plan.csv (1 blank row skipped)"}.
     */
    static void readNotice(CommandSpec spec, CsvInput input, String what) {
        int rows = input.rows().size();
        long blank = input.blankRows();
        note(spec, String.format(java.util.Locale.ROOT, "read %,d %s%s from %s%s", rows, what, rows == 1 ? "" : "s",
                input.name(), blank == 0 ? "" : String.format(java.util.Locale.ROOT, " (%,d blank row%s skipped)", blank,
                        blank == 1 ? "" : "s")));
    }

    /** Tells on standard error which result columns were renamed because an input column had their name. */
    static void renameNotice(CommandSpec spec, ResultTable table) {
        if (!table.renamed().isEmpty()) {
            note(spec, "input columns kept as they are; result columns renamed: " + String.join(", ", table.renamed()));
        }
    }

    /**
     * The inspections of a file of either kind, recognised by its header ({@link InspectionSource}):
     * a record-level audit file without {@code --volumes}, or an inspection file with it, is a usage
     * error (2). Standard input is not looked at twice: its kind is left to the reader. {@code columns}
     * is {@code --columns} (tool name to the file's).
     */
    static InspectionSource inspections(CommandSpec spec, Path file, Optional<Path> volumes,
                                        Map<String, String> columns) {
        if (!file.toString().equals("-")) {
            InspectionSource.Kind kind = InspectionSource.kind(file, columns);
            if (kind == InspectionSource.Kind.AUDIT_FILE && volumes.isEmpty()) {
                throw usage(spec, file + " is a record-level audit file (a row per audited crime): give its"
                        + " volumes with --volumes FILE (category,volume[,population][,inspection])");
            }
            if (kind == InspectionSource.Kind.INSPECTION_FILE && volumes.isPresent()) {
                throw usage(spec, file + " is an inspection file, which has its volumes: --volumes is for"
                        + " record-level audit files");
            }
        }
        return InspectionSource.read(file, volumes, columns);
    }

    /** Whether {@code file} is a record-level audit file (standard input is not looked at: false). */
    static boolean isAuditFile(Path file, Map<String, String> columns) {
        return !file.toString().equals("-")
                && InspectionSource.kind(file, columns) == InspectionSource.Kind.AUDIT_FILE;
    }

    /** Refuses standard input named twice: it can be read only once. */
    static void stdinOnce(CommandSpec spec, List<Path> files) {
        if (files.stream().filter(f -> f.toString().equals("-")).count() > 1) {
            throw usage(spec, "standard input (-) can be read only once: give at most one file as -");
        }
    }
}
