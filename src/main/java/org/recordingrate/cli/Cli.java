package org.recordingrate.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.recordingrate.io.CsvInput;
import org.recordingrate.io.InspectionSource;
import org.recordingrate.format.ResultTable;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Small pieces the commands share: token parsing as usage errors, notices on standard error. */
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

    /**
     * An option's token or {@code all}: the list of every constant for {@code all}, else the one
     * the token names (an unknown token is a usage error).
     */
    static <T> List<T> tokens(CommandSpec spec, String option, String text, Function<String, T> parser, T[] all) {
        if (text != null && text.strip().equalsIgnoreCase("all")) {
            return List.of(all);
        }
        return List.of(token(spec, option, text, parser));
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
