package org.recordingrate.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.recordingrate.model.Tally;
import org.recordingrate.compare.AllCrimeChange;
import org.recordingrate.compare.Alternative;
import org.recordingrate.compare.CategoryChange;
import org.recordingrate.compare.Change;
import org.recordingrate.compare.ChangeTest;
import org.recordingrate.compare.Comparison;
import org.recordingrate.compare.DifferenceMethod;
import org.recordingrate.compare.InspectionChange;
import org.recordingrate.compare.PValueAdjustment;
import org.recordingrate.model.Inspection;
import org.recordingrate.estimate.VarianceConvention;
import org.recordingrate.io.CsvInput;
import org.recordingrate.io.InspectionFile;
import org.recordingrate.report.ResultTable;
import org.recordingrate.report.ResultTable.Kind;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import org.recordingrate.model.Interval;

/**
 * {@code recording-rate compare}: the change between two inspections (later minus earlier) with an
 * interval, a test and the inspectors' verdict: for two tallies, a CSV of pairs of tallies, or two
 * inspection files (every category and all crime).
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Change between inspections (after - before): interval, test, verdict.",
                "  compare --before 512/640 --after 188/202 [--method newcombe] [--test fisher_exact]",
                "  compare BEFORE.csv AFTER.csv   (two inspection files: each category and all crime)",
                "  compare --cases PAIRS.csv      (columns recorded_before,audited_before,recorded_after,audited_after"
                        + "[,method][,test][,confidence][,alternative])",
                "Intervals: wald, agresti_caffo, newcombe, newcombe_cc, miettinen_nurminen. Tests: z_pooled, "
                        + "z_unpooled, chisq_yates, fisher_exact, fisher_mid_p, barnard, boschloo."})
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..2", paramLabel = "INSPECTIONS.csv",
            description = "The earlier and the later inspection file.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--before", paramLabel = "X/N", description = "The earlier tally, e.g. 512/640.")
    String before;

    @Option(names = "--after", paramLabel = "X/N", description = "The later tally, e.g. 188/202.")
    String after;

    @Option(names = "--cases", paramLabel = "FILE", description = "A CSV of pairs of tallies, one comparison per row.")
    Path cases;

    @Option(names = "--method", defaultValue = "miettinen_nurminen", paramLabel = "METHOD",
            description = "Interval for the change (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--test", defaultValue = "z_pooled", paramLabel = "TEST",
            description = "Test of no change (default: ${DEFAULT-VALUE}).")
    String test;

    @Option(names = "--alternative", defaultValue = "two_sided", paramLabel = "two_sided|improved|deteriorated",
            description = "Alternative hypothesis (default: ${DEFAULT-VALUE}).")
    String alternative;

    @Option(names = "--confidence", defaultValue = "0.95", paramLabel = "LEVEL",
            description = "Confidence level of the intervals (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--significance", defaultValue = "0.05", paramLabel = "ALPHA",
            description = "Significance level of the verdicts (default: ${DEFAULT-VALUE}).")
    double significance;

    @Option(names = "--variance", defaultValue = "binomial", paramLabel = "binomial|survey",
            description = "Variance convention for the all-crime change (default: ${DEFAULT-VALUE}).")
    String variance;

    @Option(names = "--adjust", defaultValue = "holm", paramLabel = "none|bonferroni|holm|bh",
            description = "Adjustment of the categories' p-values for their number (default: ${DEFAULT-VALUE}).")
    String adjust;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        boolean single = before != null || after != null;
        int modes = (single ? 1 : 0) + (cases != null ? 1 : 0) + (files.isEmpty() ? 0 : 1);
        if (modes != 1) {
            throw Cli.usage(spec, "give --before and --after, or --cases FILE, or two inspection files");
        }
        if (single && (before == null || after == null)) {
            throw Cli.usage(spec, "--before and --after go together");
        }
        if (!files.isEmpty() && files.size() != 2) {
            throw Cli.usage(spec, "give two inspection files: the earlier, then the later");
        }
        Comparison comparison = Comparison.withDefaults()
                .with(Cli.token(spec, "--method", method, DifferenceMethod::fromToken))
                .with(Cli.token(spec, "--test", test, ChangeTest::fromToken))
                .with(Cli.token(spec, "--alternative", alternative, Alternative::fromToken))
                .with(Cli.token(spec, "--variance", variance, VarianceConvention::fromToken))
                .with(Cli.token(spec, "--adjust", adjust, PValueAdjustment::fromToken))
                .withConfidence(confidence).withSignificance(significance);
        if (single) {
            single(comparison);
        } else if (cases != null) {
            cases(comparison);
        } else {
            inspections(comparison);
        }
        return 0;
    }

    private void single(Comparison comparison) {
        Tally earlier = tally("--before", before);
        Tally later = tally("--after", after);
        Change change = comparison.compare(earlier, later);
        ResultTable table = new ResultTable().column("recorded_before", Kind.COUNT).column("audited_before", Kind.COUNT)
                .column("recorded_after", Kind.COUNT).column("audited_after", Kind.COUNT)
                .column("method", Kind.TEXT).column("test", Kind.TEXT).column("confidence", Kind.NUMBER)
                .column("alternative", Kind.TEXT);
        resultColumns(table);
        List<Object> values = new ArrayList<>(List.of(earlier.recorded(), earlier.audited(), later.recorded(),
                later.audited(), comparison.method().token(), comparison.test().token(), comparison.confidence(),
                comparison.alternative().token()));
        values.addAll(results(change));
        table.row(values.toArray());
        output.write(table, OutputOptions.Format.TEXT, true, change.summary(), spec.commandLine().getOut());
    }

    private void cases(Comparison defaults) {
        CsvInput input = CsvInput.read(cases)
                .require("recorded_before", "audited_before", "recorded_after", "audited_after");
        ResultTable table = new ResultTable();
        for (String column : input.header()) {
            table.column(column, Kind.TEXT);
        }
        resultColumns(table);
        Map<String, Comparison> configured = new HashMap<>();
        for (CsvInput.Row row : input.rows()) {
            Comparison comparison = defaults;
            if (!row.isBlank("method") || !row.isBlank("test") || !row.isBlank("confidence")
                    || !row.isBlank("alternative")) {
                org.recordingrate.compare.ChangeIntervalMethod m = row.isBlank("method") ? defaults.method()
                        : row.located("method", () -> DifferenceMethod.fromToken(row.text("method")));
                org.recordingrate.compare.ChangeTestMethod t = row.isBlank("test") ? defaults.test()
                        : row.located("test", () -> ChangeTest.fromToken(row.text("test")));
                Alternative a = row.isBlank("alternative") ? defaults.alternative()
                        : row.located("alternative", () -> Alternative.fromToken(row.text("alternative")));
                double c = row.number("confidence", defaults.confidence());
                comparison = configured.computeIfAbsent(m + "|" + t + "|" + a + "|" + c,
                        key -> row.located("confidence", () -> defaults.with(m).with(t).with(a).withConfidence(c)));
            }
            Tally earlier = tally(row, "before");
            Tally later = tally(row, "after");
            List<Object> values = new ArrayList<>(row.cells());
            values.addAll(results(comparison.compare(earlier, later)));
            table.row(values.toArray());
        }
        Cli.readNotice(spec, input, "pair");
        output.write(table, OutputOptions.Format.CSV, false, null, spec.commandLine().getOut());
    }

    /**
     * A tally option: text not shaped like {@code 188/202} is a usage error (2); counts that
     * are shaped right but invalid, such as {@code 205/202}, are bad data (1).
     */
    private Tally tally(String option, String text) {
        if (!text.strip().matches("\\d+\\s*(/|of)\\s*\\d+")) {
            throw Cli.usage(spec, "invalid value for " + option + ": '" + text + "' must look like 188/202");
        }
        return Tally.parse(text);
    }

    private static Tally tally(CsvInput.Row row, String which) {
        long recorded = row.whole("recorded_" + which);
        long audited = row.whole("audited_" + which);
        String column = recorded < 0 || recorded > audited ? "recorded_" + which : "audited_" + which;
        return row.located(column, () -> new Tally(recorded, audited));
    }

    private void inspections(Comparison comparison) {
        CsvInput earlierInput = CsvInput.read(files.get(0));
        CsvInput laterInput = CsvInput.read(files.get(1));
        List<Inspection> earlier = InspectionFile.parse(earlierInput);
        List<Inspection> later = InspectionFile.parse(laterInput);
        ResultTable table = new ResultTable().column("inspection_before", Kind.TEXT).column("inspection_after", Kind.TEXT)
                .column("category", Kind.TEXT).column("recorded_before", Kind.COUNT).column("audited_before", Kind.COUNT)
                .column("recorded_after", Kind.COUNT).column("audited_after", Kind.COUNT)
                .column("rate_before", Kind.FRACTION).column("rate_after", Kind.FRACTION);
        resultColumns(table);
        table.column("p_adjusted", Kind.PVALUE);
        StringBuilder text = new StringBuilder();
        for (Inspection[] pair : pairs(earlier, later)) {
            InspectionChange change = comparison.compare(pair[0], pair[1]);
            for (CategoryChange row : change.categories()) {
                Change c = row.change();
                List<Object> values = new ArrayList<>(List.of(pair[0].name(), pair[1].name(), row.category(),
                        c.before().recorded(), c.before().audited(), c.after().recorded(), c.after().audited(),
                        c.before().rate(), c.after().rate()));
                values.addAll(results(c));
                values.set(values.size() - 1, row.verdict().words());
                values.add(row.adjustedPValue());
                table.row(values.toArray());
            }
            AllCrimeChange all = change.allCrime();
            table.row(pair[0].name(), pair[1].name(), "all crime", pair[0].totalRecorded(), pair[0].totalAudited(),
                    pair[1].totalRecorded(), pair[1].totalAudited(), all.rateBefore(), all.rateAfter(), all.change(),
                    all.interval().lower(), all.interval().upper(), all.z(), all.pValue(), all.verdict().words(), null);
            text.append(change.summary()).append('\n');
        }
        spec.commandLine().getErr().println("read " + earlierInput.rows().size() + " category rows from "
                + earlierInput.name() + " and " + laterInput.rows().size() + " from " + laterInput.name());
        output.write(table, OutputOptions.Format.CSV, false, text.toString(), spec.commandLine().getOut());
    }

    /**
     * The inspections to compare: the only one of each file, or those of the same name (every
     * force, say); an inspection with no partner is reported on standard error.
     */
    private List<Inspection[]> pairs(List<Inspection> earlier, List<Inspection> later) {
        List<Inspection[]> pairs = new ArrayList<>();
        if (earlier.size() == 1 && later.size() == 1) {
            pairs.add(new Inspection[] {earlier.get(0), later.get(0)});
            return pairs;
        }
        Map<String, Inspection> byName = new LinkedHashMap<>();
        for (Inspection inspection : earlier) {
            byName.put(inspection.name().toLowerCase(Locale.ROOT), inspection);
        }
        for (Inspection inspection : later) {
            Inspection partner = byName.remove(inspection.name().toLowerCase(Locale.ROOT));
            if (partner == null) {
                spec.commandLine().getErr().println("no earlier inspection named '" + inspection.name() + "' in "
                        + files.get(0) + ": not compared");
            } else {
                pairs.add(new Inspection[] {partner, inspection});
            }
        }
        for (Inspection inspection : byName.values()) {
            spec.commandLine().getErr().println("no later inspection named '" + inspection.name() + "' in "
                    + files.get(1) + ": not compared");
        }
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException(files.get(0) + " and " + files.get(1)
                    + " have no inspection in common (match them by the inspection column)");
        }
        return pairs;
    }

    private static void resultColumns(ResultTable table) {
        table.column("change", Kind.CHANGE).column("lower", Kind.CHANGE).column("upper", Kind.CHANGE)
                .column("statistic", Kind.NUMBER).column("p_value", Kind.PVALUE).column("verdict", Kind.TEXT);
    }

    private static List<Object> results(Change change) {
        Double statistic = change.test().statistic().isPresent() ? change.test().statistic().getAsDouble() : null;
        List<Object> values = new ArrayList<>();
        values.add(change.change());
        values.add(change.interval().lower());
        values.add(change.interval().upper());
        values.add(statistic);
        values.add(change.test().pValue());
        values.add(change.verdict().words());
        return values;
    }
}
