package org.recordingrate.cli;

import org.recordingrate.model.Token;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.recordingrate.model.Inspection;
import org.recordingrate.model.NamePairing;
import org.recordingrate.model.Tally;
import org.recordingrate.resample.ResampleColumns;
import org.recordingrate.resample.Bootstrap;
import org.recordingrate.resample.BootstrapEstimate;
import org.recordingrate.resample.BootstrapInspectionChange;
import org.recordingrate.resample.BootstrapInspectionEstimate;
import org.recordingrate.resample.BootstrapInterval;
import org.recordingrate.resample.TieCounting;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code recording-rate bootstrap}: bootstrap intervals for one tally, the change between two
 * tallies, an inspection file (a row per category and an all-crime row per inspection) or two
 * inspection files (the change per category and all crime). Inspections whose records name their
 * incidents (record-level audit files with {@code incident_id}) are resampled by incident, as
 * {@link Bootstrap#estimate(Inspection)} does, and say so on standard error and in the text output.
 */
@Command(name = "bootstrap", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Bootstrap intervals: records resampled within each category, volumes fixed;",
                "record-level audit files with incident_id are resampled by incident (its crimes together).",
                "  bootstrap --recorded 180 --audited 202 [--interval bca] [--replicates B] [--seed S]",
                "  bootstrap --before 512/640 --after 188/202 ...",
                "  bootstrap INSPECTIONS.csv ...          (a row per category, an all-crime row per inspection)",
                "  bootstrap BEFORE.csv AFTER.csv ...     (the change per category and all crime)",
                "  (record-level audit files too, with --volumes VOLUMES.csv)",
                "Intervals: percentile, basic, normal, bca, studentized, exact (the bootstrap distribution "
                        + "itself, no Monte Carlo error). CSV and JSON hold no timings: the same seed gives the "
                        + "same bytes whatever --threads."})
final class BootstrapCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..2", paramLabel = "FILE", description = "An inspection file, or two (earlier, later).")
    List<Path> files = new ArrayList<>();



    @Mixin
    CountOptions counts;

    @Mixin
    BeforeAfter tallies;

    @Option(names = "--interval", defaultValue = "bca", paramLabel = "METHOD",
            description = "percentile, basic, normal, bca, studentized or exact (default: ${DEFAULT-VALUE}).")
    BootstrapInterval interval;

    @Mixin
    ConfidenceOption confidence;

    @Option(names = "--ties", defaultValue = "half", paramLabel = "half|strictly_below",
            description = "How replicates equal to the estimate count in BCa's bias correction: half (as scipy) "
                    + "or not at all (as R's boot.ci) (default: ${DEFAULT-VALUE}).")
    TieCounting ties;

    @Mixin
    PrecisionOption precision;

    @Mixin
    Resampling resampling;

    @Mixin
    InputOptions reading;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        boolean single = counts.given();
        boolean pair = tallies.given();
        int modes = (single ? 1 : 0) + (pair ? 1 : 0) + (files.isEmpty() ? 0 : 1);
        if (modes != 1) {
            throw Cli.usage(spec, "give --recorded and --audited, or --before and --after, or one or two inspection files");
        }
        counts.checkBoth(spec);
        tallies.checkBoth(spec);
        resampling.checkInputs(spec, files, reading);
        resampling.check(spec);
        Cli.atMost(spec, files, 2, "bootstrap takes one inspection file, or two (earlier, later)");
        BootstrapInterval method = interval;
        TieCounting tieRule = ties;
        long unit = precision.unit();
        output.check();
        Bootstrap bootstrap = Bootstrap.withDefaults().with(method).with(tieRule).withConfidence(confidence.twoSided())
                .withReplicates(resampling.replicates).withSeed(resampling.seed).withThreads(resampling.threads())
                .withProgress(Resampling.progress(spec, "bootstrap"));
        long start = System.nanoTime();
        if (single) {
            Tally tally = counts.tally();
            BootstrapEstimate e = bootstrap.estimate(tally);
            write(ResampleColumns.tally(tally, e), true, e + "\n" + footer(method, start));
        } else if (pair) {
            Tally b = tallies.before(spec);
            Tally a = tallies.after(spec);
            BootstrapEstimate e = bootstrap.compare(b, a);
            write(ResampleColumns.change(b, a, e), true, "change " + b + " -> " + a + ": "
                    + e.changeSummary() + "\n" + footer(method, start));
        } else if (files.size() == 1) {
            List<Inspection> all = resampling.inspections(spec, files.get(0), reading);
            List<BootstrapInspectionEstimate> estimates = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            for (Inspection inspection : all) {
                noteIncidents(inspection, text);
                BootstrapInspectionEstimate e = bootstrap.estimate(inspection);
                estimates.add(e);
                text.append(e.summary()).append('\n');
            }
            write(ResampleColumns.inspections(estimates, unit), false, text + footer(method, start));
        } else {
            List<Inspection> earlier = resampling.inspections(spec, files.get(0), reading);
            List<Inspection> later = resampling.inspections(spec, files.get(1), reading);
            List<BootstrapInspectionChange> changes = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            List<String> unpaired = new ArrayList<>();
            for (NamePairing.Pair<Inspection> p : Resampling.pairs(spec, earlier, later, files, unpaired)) {
                noteIncidents(p.before(), text);
                noteIncidents(p.after(), text);
                BootstrapInspectionChange c = bootstrap.compare(p.before(), p.after());
                changes.add(c);
                text.append(c.summary()).append('\n');
            }
            write(ResampleColumns.inspectionChanges(changes).notes(unpaired), false, text + footer(method, start));
        }
        return 0;
    }

    /** Tells, on standard error and in the text output, that an inspection is resampled by incident. */
    private void noteIncidents(Inspection inspection, StringBuilder text) {
        Resampling.incidentNote(inspection).ifPresent(note -> {
            Cli.note(spec, note);
            text.append(note).append('\n');
        });
    }

    private String footer(BootstrapInterval method, long start) {
        return method == BootstrapInterval.EXACT
                ? String.format(java.util.Locale.ROOT, "exact bootstrap, %,.0f ms%n", (System.nanoTime() - start) / 1e6)
                : Resampling.timing(resampling.replicates, System.nanoTime() - start) + "\n";
    }

    private void write(org.recordingrate.format.ResultTable table, boolean single, String text) {
        output.write(table, single ? OutputOptions.Format.TEXT : OutputOptions.Format.CSV, single, text,
                spec.commandLine().getOut());
    }
}
