package org.recordingrate.cli;

import org.recordingrate.internal.Args;

import org.recordingrate.model.Names;

import java.util.stream.Collectors;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.recordingrate.forces.ForcesFile;
import org.recordingrate.io.InspectionSource;
import org.recordingrate.model.Inspection;
import org.recordingrate.report.Report;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code recording-rate report}: the inspectors' report on one force from two inspections, in
 * their words, with a table per category; as text, markdown, CSV, JSON or one HTML page with the
 * plots inside.
 */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The inspectors' report on one force: the paragraphs, a table per category, the forest plot.",
                "  report BEFORE.csv AFTER.csv --force NAME [--previous-label 2017] "
                        + "[--format text|markdown|csv|json|html] [--out FILE]",
                "Defaults are the published convention: the Wald margin as \"+/-\", the two-sample z-test at 5%%, "
                        + "no adjustment across categories; the sentences name any other choice."})
final class ReportCommand implements Callable<Integer> {

    /** The documents the report writes. */
    enum Document {
        TEXT, MARKDOWN, CSV, JSON, HTML
    }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "2", paramLabel = "FILE", description = "The earlier and the later inspection (audit) file.")
    List<Path> files;

    @Option(names = "--force", required = true, paramLabel = "NAME",
            description = "The force, as the sentences name it; picks its inspection from files that hold several.")
    String force;

    @Option(names = "--volumes", paramLabel = "VOLUMES.csv",
            description = "The volumes of the categories of a record-level audit file (either or both files).")
    Path volumes;

    @Option(names = "--forces", paramLabel = "FORCES.csv",
            description = "Every force's figures (published figures, tallies or an inspection file): sets this force "
                    + "among them, its place on the funnel (adjusted for over-dispersion), shrunken rate and rank interval;"
                    + " the HTML page gains the funnel and ranks plots.")
    Path forces;

    @Option(names = "--forces-category", paramLabel = "NAME",
            description = "The category of the --forces file's rows to take (default: all crime for inspection files,"
                    + " every row of a figures file).")
    String forcesCategory;

    @Option(names = "--forces-columns", paramLabel = "TOOL=FILE[,...]", split = ",",
            description = "Read the --forces file's column FILE as the tool's TOOL, e.g. rate=Rate,margin=CI.")
    java.util.Map<String, String> forcesColumns = new java.util.LinkedHashMap<>();

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|markdown|csv|json|html",
            description = "The document (default: ${DEFAULT-VALUE}); csv and json hold every column and the paragraphs.")
    Document format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
            description = "Write the document to FILE (whole or not at all) instead of standard output.")
    Path out;

    @Mixin
    ReportOptions choices;

    @Mixin
    InputOptions reading;

    @Override
    public Integer call() {
        choices.parse();
        if (out != null) {
            OutputOptions.checkWritable(out);
        }
        Report report = choices.apply(read(spec, files, volumes, force, reading).force(force));
        if (forces != null) {
            ForcesFile.Options options = ForcesFile.Options.defaults().withColumns(forcesColumns);
            if (forcesCategory != null) {
                options = options.withCategory(forcesCategory);
            }
            ForcesFile read = ForcesFile.read(forces, options);
            Cli.note(spec, "read " + read);
            report = report.withForces(read);
        }
        String document = switch (format) {
            case MARKDOWN -> report.markdown();
            case CSV -> report.csv();
            case JSON -> report.json();
            case HTML -> report.html();
            default -> report.text();
        };
        write(spec, out, document.getBytes(StandardCharsets.UTF_8), document);
        return 0;
    }

    /**
     * The report on the force's inspections in the two files (their only one, or the one of its
     * name), either kind of file ({@link Cli#inspections}: a record-level audit file needs
     * {@code --volumes}, one volumes file serving both when it has an {@code inspection} column).
     */
    static Report read(CommandSpec spec, List<Path> files, Path volumes, String force, InputOptions reading) {
        Cli.atMost(spec, files, 2, "give two inspection files: the earlier, then the later");
        Cli.stdinOnce(spec, volumes == null ? files : List.of(files.get(0), files.get(1), volumes));
        boolean[] audit = {Cli.isAuditFile(files.get(0), reading.columns), Cli.isAuditFile(files.get(1), reading.columns)};
        if (volumes != null && !audit[0] && !audit[1]) {
            throw Cli.usage(spec, "--volumes is for record-level audit files; " + files.get(0) + " and " + files.get(1)
                    + " are inspection files, which have their volumes");
        }
        Inspection[] pair = new Inspection[2];
        for (int i = 0; i < 2; i++) {
            Optional<Path> v = audit[i] ? Optional.ofNullable(volumes) : Optional.empty();
            InspectionSource source = Cli.inspections(spec, files.get(i), v, reading.columns);
            Cli.note(spec, source.toString());
            pair[i] = chosen(source.inspections(), force == null ? "" : force, files.get(i).toString());
        }
        return Report.of(pair[0], pair[1]);
    }

    /** Writes to {@code out} whole or not at all, or the text to standard output. */
    static void write(CommandSpec spec, Path out, byte[] bytes, String text) {
        if (out != null) {
            OutputOptions.writeWhole(out, stream -> stream.write(bytes));
            return;
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(text);
        stdout.flush();
        if (stdout.checkError()) {
            throw new UncheckedIOException("standard output: could not be written", new IOException("write failed"));
        }
    }

    /**
     * The force's inspection among a file's: the file's only one, or the one called {@code force}.
     *
     * @throws IllegalArgumentException naming the file and the inspections it holds when none is the force's
     */
    private static Inspection chosen(List<Inspection> inspections, String force, String file) {
        Args.notNull("inspections", inspections);
        if (inspections.size() == 1) {
            return inspections.get(0);
        }
        return inspections.stream().filter(i -> Names.same(i.name(), force)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(file + " holds " + inspections.size()
                        + " inspections and none is called '" + force + "': name one of "
                        + inspections.stream().limit(5).map(i -> "'" + i.name() + "'").collect(Collectors.joining(", "))
                        + (inspections.size() > 5 ? ", ..." : "")));
    }
}
