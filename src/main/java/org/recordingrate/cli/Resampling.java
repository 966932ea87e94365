package org.recordingrate.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.recordingrate.io.InspectionSource;
import org.recordingrate.model.AuditedCategory;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.NamePairing;
import org.recordingrate.resample.ProgressListener;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The options that {@code bootstrap} and {@code permute} share (replicates, seed, threads), their
 * checks as usage errors, the progress bar on standard error (only when it is a terminal), and
 * the pairing of two files' inspections.
 */
final class Resampling {

    @Option(names = "--replicates", defaultValue = "100000", paramLabel = "B",
            description = "Replicates to draw, at least 1 (default: ${DEFAULT-VALUE}).")
    long replicates;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Seed of the random numbers: any whole number (default: ${DEFAULT-VALUE}). "
                    + "The same seed gives the same output whatever --threads.")
    long seed;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads, at least 1 (default: the number of processors). Results do not depend on it.")
    Integer threads;

    @Option(names = "--volumes", paramLabel = "FILE",
            description = "The volumes of record-level audit files' categories: category,volume[,population][,inspection].")
    Path volumes;

    /**
     * The inspections of one input file: an inspection file, or a record-level audit file with the
     * volumes of {@code --volumes} (told apart by the header), noted on standard error.
     */
    List<Inspection> inspections(CommandSpec spec, Path file, InputOptions reading) {
        boolean audit = Cli.isAuditFile(file, reading.columns) || file.toString().equals("-");
        InspectionSource source = Cli.inspections(spec, file, audit ? Optional.ofNullable(volumes) : Optional.empty(),
                reading.columns);
        Cli.note(spec, source.toString());
        return source.inspections();
    }

    /** Checks the inputs: --volumes with files only, standard input at most once. */
    void checkInputs(CommandSpec spec, List<Path> files, InputOptions reading) {
        if (volumes != null && files.isEmpty()) {
            throw Cli.usage(spec, "--volumes goes with record-level audit files");
        }
        if (volumes != null && files.stream().noneMatch(f -> f.toString().equals("-") || Cli.isAuditFile(f, reading.columns))) {
            throw Cli.usage(spec, "--volumes is for record-level audit files, and the files given are inspection files,"
                    + " which have their volumes");
        }
        List<Path> inputs = new ArrayList<>(files);
        if (volumes != null) {
            inputs.add(volumes);
        }
        Cli.stdinOnce(spec, inputs);
    }

    /** Checks the options: usage errors (exit 2) for --replicates or --threads below 1. */
    void check(CommandSpec spec) {
        if (replicates < 1) {
            throw Cli.usage(spec, "invalid value for --replicates: " + replicates + " (must be at least 1)");
        }
        if (replicates > Integer.MAX_VALUE - 8) {
            throw Cli.usage(spec, "invalid value for --replicates: " + replicates + " (at most "
                    + (Integer.MAX_VALUE - 8) + ")");
        }
        if (threads != null && threads < 1) {
            throw Cli.usage(spec, "invalid value for --threads: " + threads + " (must be at least 1)");
        }
    }

    int threads() {
        return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    }

    /**
     * A progress bar on standard error when it is a terminal (a console is attached), else a
     * listener that prints nothing, so scripts and pipes see no progress output.
     */
    static ProgressListener progress(CommandSpec spec, String what) {
        if (System.console() == null) {
            return ProgressListener.NONE;
        }
        PrintWriter err = spec.commandLine().getErr();
        return new ProgressListener() {
            private int shown = -1;

            @Override
            public synchronized void progress(long done, long total) {
                int percent = (int) (100 * done / total);
                if (percent != shown) {
                    shown = percent;
                    int bar = percent / 5;
                    err.print(String.format(Locale.ROOT, "\r%s [%-20s] %3d%%", what, "#".repeat(bar), percent));
                    if (done == total) {
                        err.print("\r" + " ".repeat(what.length() + 28) + "\r");
                    }
                    err.flush();
                }
            }
        };
    }

    /**
     * The inspections of two files paired: the two when each file holds one, otherwise by name;
     * those without a partner are added to {@code unpaired}, for the table's notes (which the
     * output says on standard error and in every format).
     */
    static List<NamePairing.Pair<Inspection>> pairs(CommandSpec spec, List<Inspection> before, List<Inspection> after,
                                                    List<java.nio.file.Path> files, List<String> unpaired) {
        if (before.size() == 1 && after.size() == 1) {
            return List.of(new NamePairing.Pair<>(before.get(0), after.get(0)));
        }
        NamePairing<Inspection> pairing = NamePairing.byName(before, after, Inspection::name);
        for (Inspection i : pairing.onlyBefore()) {
            unpaired.add("inspection '" + i.name() + "' is in " + files.get(0) + " only: not compared");
        }
        for (Inspection i : pairing.onlyAfter()) {
            unpaired.add("inspection '" + i.name() + "' is in " + files.get(1) + " only: not compared");
        }
        if (pairing.pairs().isEmpty()) {
            throw new IllegalArgumentException("no inspection of the earlier file has the name of one in the later file");
        }
        return new ArrayList<>(pairing.pairs());
    }

    /**
     * {@code "resampling incidents, not crimes: 310 incidents holding 554 crimes in inspection
     * PEEL 2021/22"} when the inspection carries incidents (naming any category resampled crime
     * by crime for want of them), else empty.
     */
    static Optional<String> incidentNote(Inspection inspection) {
        long incidents = 0;
        long crimes = 0;
        List<String> without = new ArrayList<>();
        for (AuditedCategory category : inspection.categories()) {
            if (category.incidents().isPresent()) {
                incidents += category.incidents().get().count();
                crimes += category.incidents().get().crimes();
            } else {
                without.add(category.name());
            }
        }
        if (without.size() == inspection.categories().size()) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "resampling incidents, not crimes: %,d incidents holding %,d"
                + " crimes in inspection %s%s", incidents, crimes, inspection.name(),
                without.isEmpty() ? "" : " (crimes resampled one by one in " + String.join(", ", without) + ")"));
    }

    /** "1,000,000 replicates in 23 ms" for text output. */
    static String timing(long replicates, long nanos) {
        return String.format(Locale.ROOT, "%,d replicates per estimate, %,.0f ms in all", replicates, nanos / 1e6);
    }
}
