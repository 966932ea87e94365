package org.recordingrate.cli;

import org.recordingrate.model.Token;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.recordingrate.compare.Alternative;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.NamePairing;
import org.recordingrate.model.Tally;
import org.recordingrate.resample.ResampleColumns;
import org.recordingrate.resample.Enumeration;
import org.recordingrate.resample.PermutationInspectionResult;
import org.recordingrate.resample.PermutationResult;
import org.recordingrate.resample.PermutationTest;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code recording-rate permute}: permutation tests of change for two tallies, or for two
 * inspection files (each category, then the stratified all-crime test).
 */
@Command(name = "permute", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Permutation tests of change (after - before), p-values never 0 (Phipson and Smyth 2010).",
                "  permute --before 512/640 --after 188/202 [--replicates B] [--seed S] [--alternative ...]",
                "  permute BEFORE.csv AFTER.csv ...   (each category, then all crime stratified by category)",
                "Where the arrangements are few they are enumerated (one category: Fisher's test; across "
                        + "categories: the exact conditional test) and the method column says so.",
                "Record-level audit files with incident_id: whole incidents are permuted within each category."})
final class PermuteCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..2", paramLabel = "FILE", description = "Two inspection files: the earlier, then the later.")
    List<Path> files = new ArrayList<>();

    @Mixin
    BeforeAfter tallies;

    @Mixin
    AlternativeOption alternative;

    @Option(names = "--enumerate", defaultValue = "auto", paramLabel = "auto|always|never",
            description = "Enumerate every arrangement: auto (when cheap), always, never (Monte Carlo) "
                    + "(default: ${DEFAULT-VALUE}).")
    Enumeration enumerate;

    @Mixin
    Resampling resampling;

    @Mixin
    InputOptions reading;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        boolean pair = tallies.given();
        if ((pair ? 1 : 0) + (files.isEmpty() ? 0 : 1) != 1) {
            throw Cli.usage(spec, "give --before and --after, or two inspection files");
        }
        tallies.checkBoth(spec);
        Cli.atMost(spec, files, 2, "permute takes two inspection files (earlier, later)");
        if (!files.isEmpty() && files.size() != 2) {
            throw Cli.usage(spec, "give two inspection files: the earlier, then the later");
        }
        resampling.checkInputs(spec, files, reading);
        resampling.check(spec);
        Alternative alt = alternative.value;
        Enumeration enumeration = enumerate;
        output.check();
        PermutationTest test = PermutationTest.withDefaults().with(enumeration).withReplicates(resampling.replicates)
                .withSeed(resampling.seed).withThreads(resampling.threads())
                .withProgress(Resampling.progress(spec, "permute"));
        long start = System.nanoTime();
        if (pair) {
            Tally b = tallies.before(spec);
            Tally a = tallies.after(spec);
            PermutationResult r = test.permute(b, a, alt);
            output.write(ResampleColumns.permutation(b, a, r), OutputOptions.Format.TEXT, true,
                    "change " + b + " -> " + a + ": " + r + "\n" + Resampling.timing(resampling.replicates,
                            System.nanoTime() - start) + "\n", spec.commandLine().getOut());
        } else {
            List<Inspection> earlier = resampling.inspections(spec, files.get(0), reading);
            List<Inspection> later = resampling.inspections(spec, files.get(1), reading);
            List<PermutationInspectionResult> results = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            List<String> unpaired = new ArrayList<>();
            List<NamePairing.Pair<Inspection>> pairs = Resampling.pairs(spec, earlier, later, files, unpaired);
            for (NamePairing.Pair<Inspection> p : pairs) {
                if (NamePairing.byName(p.before().categories(), p.after().categories(),
                        org.recordingrate.model.AuditedCategory::name).pairs().isEmpty()) {
                    throw new IllegalArgumentException(files.get(0) + " and " + files.get(1) + ": no category of "
                            + p.before().name() + " is audited in " + p.after().name()
                            + " (categories are matched by name): there is nothing to permute");
                }
            }
            for (NamePairing.Pair<Inspection> p : pairs) {
                PermutationInspectionResult r = test.permuteAll(p.before(), p.after(), alt);
                results.add(r);
                text.append(r.summary()).append('\n');
            }
            output.write(ResampleColumns.permutations(results).notes(unpaired), OutputOptions.Format.CSV, false,
                    text + Resampling.timing(resampling.replicates, System.nanoTime() - start) + "\n",
                    spec.commandLine().getOut());
        }
        return 0;
    }
}
