package org.recordingrate.cli;

import org.recordingrate.model.Token;

import org.recordingrate.compare.ChangeColumns;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.recordingrate.compare.Alternative;
import org.recordingrate.compare.Change;
import org.recordingrate.compare.ChangeIntervalMethod;
import org.recordingrate.compare.ChangeTest;
import org.recordingrate.compare.ChangeTestMethod;
import org.recordingrate.compare.Comparison;
import org.recordingrate.compare.DifferenceMethod;
import org.recordingrate.compare.InspectionChange;
import org.recordingrate.compare.InspectionComparisons;
import org.recordingrate.compare.PValueAdjustment;
import org.recordingrate.estimate.VarianceConvention;
import org.recordingrate.io.CsvInput;
import org.recordingrate.io.InspectionSource;
import org.recordingrate.model.Tally;
import org.recordingrate.format.ResultColumns;
import org.recordingrate.format.ResultTable;
import org.recordingrate.resample.Bootstrap;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code recording-rate compare}: the change between two inspections (later minus earlier) with an
 * interval, a test and the inspectors' verdict: for two tallies, a CSV of pairs of tallies, or two
 * inspection files (every category and all crime).
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Change between inspections (after - before): interval, test, verdict.",
                "  compare --before 512/640 --after 188/202 [--method newcombe] [--test fisher_exact]",
                "  compare BEFORE.csv AFTER.csv   (two inspection files: each category and all crime)",
                "  compare BEFORE.csv AFTER.csv --volumes VOLUMES.csv   (record-level audit files and their volumes)",
                "  compare --cases PAIRS.csv      (columns recorded_before,audited_before,recorded_after,audited_after"
                        + "[,method][,test][,confidence][,alternative])",
                "Intervals: wald, agresti_caffo, newcombe, newcombe_cc, miettinen_nurminen. Tests: z_pooled, "
                        + "z_unpooled, chisq_yates, fisher_exact, fisher_mid_p, barnard, boschloo."})
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..2", paramLabel = "INSPECTIONS.csv",
            description = "The earlier and the later inspection file, each an aggregated inspection file or a "
                    + "record-level audit file (recognised by its header).")
    List<Path> files = new ArrayList<>();

    @Option(names = "--volumes", paramLabel = "FILE",
            description = "The volumes of the record-level audit files' categories: category,volume[,population]"
                    + "[,inspection] (with an inspection column, one file serves both).")
    Path volumes;

    @Mixin
    BeforeAfter tallies;

    @Option(names = "--cases", paramLabel = "FILE", description = "A CSV of pairs of tallies, one comparison per row.")
    Path cases;

    @Option(names = "--method", defaultValue = "miettinen_nurminen", paramLabel = "METHOD|all",
            description = "Interval for the change, or all for a row per method (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--test", defaultValue = "z_pooled", paramLabel = "TEST|all",
            description = "Test of no change, or all for a row per test; permutation (with --replicates, --seed) "
                    + "for the permutation test (default: ${DEFAULT-VALUE}).")
    String test;

    @Option(names = "--replicates", defaultValue = "100000", paramLabel = "B",
            description = "Replicates of --test permutation, at least 1 (default: ${DEFAULT-VALUE}).")
    long replicates;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Seed of --test permutation (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    AlternativeOption alternative;

    @Mixin
    ConfidenceOption confidence;

    @Mixin
    SignificanceOption significance;

    @Mixin
    VarianceOption variance;


    @Option(names = "--adjust", defaultValue = "holm", paramLabel = "none|bonferroni|holm|bh",
            description = "Adjustment of the categories' p-values for their number (default: ${DEFAULT-VALUE}).")
    PValueAdjustment adjust;

    @Option(names = "--pair-by", paramLabel = "COL[,COL...]", split = ",",
            description = "With --cases of one tally per row (columns recorded,audited): compare each row with the "
                    + "previous row of its group (rows grouped by these columns, in file order).")
    List<String> pairBy = new ArrayList<>();

    @Option(names = "--strict", description = "Fail when a category or inspection is found in one file only "
            + "(by default they are reported on standard error and left out of the comparison).")
    boolean strict;

    @Mixin
    InputOptions reading;

    @Mixin
    OutputOptions output;

    /** A test token: the classical tests of ChangeTest, or {@code permutation} with --replicates and --seed. */
    private ChangeTestMethod testMethod(String token) {
        if (org.recordingrate.internal.Args.token(token).equals("permutation")) {
            return org.recordingrate.resample.PermutationTest.withDefaults().withReplicates(replicates).withSeed(seed);
        }
        return Token.parse(ChangeTest.class, "test", token);
    }

    @Override
    public Integer call() {
        boolean single = tallies.given();
        int modes = (single ? 1 : 0) + (cases != null ? 1 : 0) + (files.isEmpty() ? 0 : 1);
        if (modes != 1) {
            throw Cli.usage(spec, "give --before and --after, or --cases FILE, or two inspection files");
        }
        tallies.checkBoth(spec);
        Cli.atMost(spec, files, 2, "compare takes two inspection files (earlier, later)");
        if (!files.isEmpty() && files.size() != 2) {
            throw Cli.usage(spec, "give two inspection files: the earlier, then the later");
        }
        if (volumes != null && files.isEmpty()) {
            throw Cli.usage(spec, "--volumes goes with record-level audit files");
        }
        List<Path> inputs = new ArrayList<>(files);
        if (volumes != null) {
            inputs.add(volumes);
        }
        Cli.stdinOnce(spec, inputs);
        if (!pairBy.isEmpty() && cases == null) {
            throw Cli.usage(spec, "--pair-by goes with --cases FILE");
        }
        methods = Cli.choices(spec, "--method", method, DifferenceMethod.class);
        if (replicates < 1) {
            throw Cli.usage(spec, "invalid value for --replicates: " + replicates + " (must be at least 1)");
        }
        tests = test != null && test.strip().equalsIgnoreCase("all") ? List.of(ChangeTest.values())
                : List.of(Cli.token(spec, "--test", test, this::testMethod));
        if ((methods.size() > 1 || tests.size() > 1) && !files.isEmpty()) {
            throw Cli.usage(spec, "--method all and --test all go with --before/--after or --cases");
        }
        Comparison comparison = Comparison.withDefaults()
                .with(methods.get(0))
                .with(tests.get(0))
                .with(alternative.value)
                .with(variance.value)
                .with(adjust)
                .withConfidence(confidence.twoSided()).withSignificance(significance.value());
        output.check();
        if (single) {
            single(comparison);
        } else if (cases != null && !pairBy.isEmpty()) {
            pairedCases(comparison);
        } else if (cases != null) {
            cases(comparison);
        } else {
            inspections(comparison);
        }
        return 0;
    }

    private List<DifferenceMethod> methods;
    private List<ChangeTestMethod> tests;

    /** The comparisons to run: the configured one, or one per method and test asked for by {@code all}. */
    private List<Comparison> every(Comparison comparison) {
        List<Comparison> all = new ArrayList<>();
        for (DifferenceMethod m : methods) {
            for (ChangeTestMethod t : tests) {
                all.add(comparison.with(m).with(t));
            }
        }
        return all;
    }

    private void single(Comparison comparison) {
        Tally earlier = tallies.before(spec);
        Tally later = tallies.after(spec);
        List<Change> changes = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        List<String> leftOut = new ArrayList<>();
        for (Comparison each : every(comparison)) {
            // asked for every method, one that cannot answer at these sizes is left out with a note
            if (methods.size() > 1 && each.method() instanceof DifferenceMethod d && !d.handles(earlier, later)) {
                leftOut.add(d.leftOut(earlier, later));
                continue;
            }
            Change change = each.compare(earlier, later);
            changes.add(change);
            text.append(change).append('\n');
        }
        output.write(ResultTable.concat(changes.stream().map(Change::table).toList()).notes(leftOut), OutputOptions.Format.TEXT,
                changes.size() == 1, changes.size() == 1 ? changes.get(0).summary() : text.toString(),
                spec.commandLine().getOut());
    }

    private void cases(Comparison defaults) {
        CsvInput input = reading.read(cases)
                .require("recorded_before", "audited_before", "recorded_after", "audited_after");
        boolean all = methods.size() > 1 || tests.size() > 1;
        ResultColumns<Change> columns = all ? ResultColumns.<Change>of()
                .add("method", ResultTable.Kind.TEXT, c -> c.method().token())
                .add("test", ResultTable.Kind.TEXT, c -> c.test().test().token()).then(ChangeColumns.CHANGE) : ChangeColumns.CHANGE;
        ResultTable table = ResultTable.withInputs(input.header(), columns.columns());
        Map<String, Comparison> configured = new HashMap<>();
        List<Comparison> everyComparison = every(defaults);
        for (CsvInput.Row row : input.rows()) {
            Tally earlier = tally(row, "before");
            Tally later = tally(row, "after");
            for (Comparison base : everyComparison) {
                Comparison comparison = base;
                if (!all && (!row.isBlank("method") || !row.isBlank("test") || !row.isBlank("confidence")
                        || !row.isBlank("alternative"))) {
                    ChangeIntervalMethod m = row.isBlank("method") ? base.method()
                            : row.located("method", () -> Token.parse(DifferenceMethod.class, "method", row.text("method").strip()));
                    ChangeTestMethod t = row.isBlank("test") ? base.test()
                            : row.located("test", () -> testMethod(row.text("test").strip()));
                    Alternative a = row.isBlank("alternative") ? base.alternative()
                            : row.located("alternative", () -> Token.parse(Alternative.class, "alternative", row.text("alternative").strip()));
                    double c = row.number("confidence", base.confidence());
                    comparison = configured.computeIfAbsent(m.token() + "|" + t.token() + "|" + a + "|" + c,
                            key -> row.located("confidence", () -> base.with(m).with(t).with(a).withConfidence(c)));
                }
                Comparison chosen = comparison;
                if (all && chosen.method() instanceof DifferenceMethod d && !d.handles(earlier, later)) {
                    // the row stays, its results blank and the reason on it: nothing dropped silently
                    List<Object> blank = new ArrayList<>(java.util.Collections.nCopies(columns.columns().size(), null));
                    blank.set(0, d.token());
                    blank.set(1, chosen.test().token());
                    table.row(row.cells(), blank).noteRow(d.leftOut(earlier, later));
                    continue;
                }
                Change change = row.construct(Map.of(), () -> chosen.compare(earlier, later));
                table.row(row.cells(), columns.values(change));
            }
        }
        Cli.readNotice(spec, input, "pair");
        Cli.renameNotice(spec, table);
        output.write(table, OutputOptions.Format.CSV, false, null, spec.commandLine().getOut());
    }

    /** {@code --cases FILE --pair-by COL}: one tally per row, each compared with the previous of its group. */
    private void pairedCases(Comparison comparison) {
        CsvInput input = reading.read(cases).require("recorded", "audited");
        Pairing<Tally> pairing = new Pairing<>(input, pairBy);
        List<ResultTable.Column> columns = new ArrayList<>(ChangeColumns.CHANGE.columns());
        columns.add(new ResultTable.Column("paired_with_line", ResultTable.Kind.COUNT));
        ResultTable table = ResultTable.withInputs(input.header(), columns);
        List<Object> blank = new ArrayList<>(java.util.Collections.nCopies(columns.size(), null));
        for (CsvInput.Row row : input.rows()) {
            long recorded = row.whole("recorded");
            long audited = row.whole("audited");
            Tally tally = row.construct(Map.of("recorded", "recorded", "audited", "audited"),
                    () -> new Tally(recorded, audited));
            var previous = pairing.next(row, tally);
            if (previous.isEmpty()) {
                table.row(row.cells(), blank);
                continue;
            }
            Change change = row.construct(Map.of(), () -> comparison.compare(previous.get().value(), tally));
            List<Object> values = new ArrayList<>(ChangeColumns.CHANGE.values(change));
            values.add(previous.get().line());
            table.row(row.cells(), values);
        }
        Cli.readNotice(spec, input, "tally");
        Cli.renameNotice(spec, table);
        output.write(table, OutputOptions.Format.CSV, false, null, spec.commandLine().getOut());
    }

    /**
     * A tally option: text not shaped like {@code 188/202} is a usage error (2); counts that
     * are shaped right but invalid, such as {@code 205/202}, are bad data (1).
     */
    private static Tally tally(CsvInput.Row row, String which) {
        long recorded = row.whole("recorded_" + which);
        long audited = row.whole("audited_" + which);
        return row.construct(Map.of("recorded", "recorded_" + which, "audited", "audited_" + which),
                () -> new Tally(recorded, audited));
    }

    private void inspections(Comparison comparison) {
        // --volumes serves the record-level files; an aggregated file has its own volumes
        boolean earlierAudit = Cli.isAuditFile(files.get(0), reading.columns);
        boolean laterAudit = Cli.isAuditFile(files.get(1), reading.columns);
        if (volumes != null && !earlierAudit && !laterAudit && !files.contains(Path.of("-"))) {
            throw Cli.usage(spec, "--volumes is for record-level audit files, and " + files.get(0) + " and "
                    + files.get(1) + " are inspection files, which have their volumes");
        }
        InspectionSource earlierInput = Cli.inspections(spec, files.get(0),
                earlierAudit || files.get(0).toString().equals("-") ? Optional.ofNullable(volumes) : Optional.empty(),
                reading.columns);
        InspectionSource laterInput = Cli.inspections(spec, files.get(1),
                laterAudit || files.get(1).toString().equals("-") ? Optional.ofNullable(volumes) : Optional.empty(),
                reading.columns);
        InspectionComparisons all = comparison.compareAll(earlierInput.inspections(), laterInput.inspections());
        List<String> unmatched = new ArrayList<>();
        for (String name : all.onlyBefore()) {
            unmatched.add("inspection '" + name + "' is in " + files.get(0) + " only");
        }
        for (String name : all.onlyAfter()) {
            unmatched.add("inspection '" + name + "' is in " + files.get(1) + " only");
        }
        for (InspectionChange change : all.changes()) {
            for (String category : change.onlyBefore()) {
                unmatched.add("category '" + category + "' of '" + change.before().name() + "' is in " + files.get(0)
                        + " only");
            }
            for (String category : change.onlyAfter()) {
                unmatched.add("category '" + category + "' of '" + change.after().name() + "' is in " + files.get(1)
                        + " only");
            }
        }
        if (strict && !unmatched.isEmpty()) {
            throw new IllegalArgumentException(unmatched.get(0) + (unmatched.size() > 1 ? " (and " + (unmatched.size() - 1)
                    + " more unmatched)" : "") + ": --strict requires every category and inspection in both files");
        }
        Cli.note(spec, earlierInput.toString());
        Cli.note(spec, laterInput.toString());
        // the unmatched categories and inspections and the note on incidents are the result's notes:
        // the output writes them in every format and on standard error
        output.write(all.table(), OutputOptions.Format.CSV, false, all.summary(), spec.commandLine().getOut());
    }

}
