package org.recordingrate.cli;

import org.recordingrate.model.Token;

import org.recordingrate.estimate.EstimateColumns;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.recordingrate.estimate.AllCrimeMethod;
import org.recordingrate.estimate.InspectionEstimate;
import org.recordingrate.estimate.InspectionEstimator;
import org.recordingrate.estimate.IntervalMethod;
import org.recordingrate.estimate.RateEstimate;
import org.recordingrate.estimate.RateEstimator;
import org.recordingrate.estimate.VarianceConvention;
import org.recordingrate.io.CsvInput;
import org.recordingrate.io.InspectionSource;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Tally;
import org.recordingrate.format.ResultColumns;
import org.recordingrate.format.ResultTable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code recording-rate estimate}: one tally, a CSV of tallies ({@code --cases}), or an inspection
 * file of categories with volumes (all crime weighted by volume), or a record-level audit file
 * with its volumes ({@code --volumes}), recognised by its header.
 */
@Command(name = "estimate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Recording rates with confidence intervals.",
                "  estimate --recorded 188 --audited 202 [--method wilson] [--confidence 0.95]",
                "  estimate --cases CASES.csv   (columns recorded,audited[,method][,confidence])",
                "  estimate INSPECTIONS.csv     (columns category,recorded,audited,volume[,population][,inspection])",
                "  estimate AUDIT.csv --volumes VOLUMES.csv   (a row per audited crime: record_id,category,recorded"
                        + "[,should_record][,inspection][,incident_id]; volumes: category,volume[,population][,inspection])",
                "Methods for one category: " + "wald, wilson, wilson_cc, agresti_coull, clopper_pearson, jeffreys, "
                        + "mid_p, logit. For an inspection file: wald, logit, korn_graubard, wilson."})
final class EstimateCommand implements Callable<Integer> {

    /** The tally's columns for the domain's argument names. */
    private static final Map<String, String> TALLY_COLUMNS = Map.of("recorded", "recorded", "audited", "audited",
            "confidence", "confidence", "method", "method");

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "INSPECTIONS.csv",
            description = "An aggregated inspection file (a row per category) or a record-level audit file "
                    + "(a row per audited crime), recognised by its header.")
    Path inspections;

    @Option(names = "--volumes", paramLabel = "FILE",
            description = "The volumes of a record-level audit file's categories: category,volume[,population]"
                    + "[,inspection].")
    Path volumes;



    @Option(names = "--cases", paramLabel = "FILE", description = "A CSV of tallies, one estimate per row.")
    Path cases;

    @Option(names = "--method", paramLabel = "METHOD|all",
            description = "Interval method, or all for a row per method (default: wilson).")
    String method;

    @Mixin
    CountOptions counts;

    @Mixin
    ConfidenceOption confidence;

    @Mixin
    VarianceOption variance;


    @Mixin
    PrecisionOption precision;

    @Mixin
    InputOptions reading;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        boolean single = counts.given();
        int modes = (single ? 1 : 0) + (cases != null ? 1 : 0) + (inspections != null ? 1 : 0);
        if (modes != 1) {
            throw Cli.usage(spec, "give --recorded and --audited, or --cases FILE, or one inspection FILE");
        }
        counts.checkBoth(spec);
        if (volumes != null && inspections == null) {
            throw Cli.usage(spec, "--volumes goes with a record-level audit FILE");
        }
        // every token is checked whatever the mode, so a typo is never silently ignored
        long unit = precision.unit();
        double level = confidence.twoSided();
        output.check();
        if (single) {
            single(level);
        } else if (cases != null) {
            cases(level);
        } else {
            inspections(variance.value, unit, level);
        }
        return 0;
    }

    private List<IntervalMethod> intervalMethods() {
        return Cli.choices(spec, "--method", method == null ? "wilson" : method, IntervalMethod.class);
    }

    private void single(double confidence) {
        List<RateEstimate> estimates = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (IntervalMethod chosen : intervalMethods()) {
            RateEstimate estimate = RateEstimator.withDefaults().with(chosen).withConfidence(confidence)
                    .estimate(counts.tally());
            estimates.add(estimate);
            text.append(estimate).append('\n');
        }
        if (estimates.size() == 1) {
            text.append(estimates.get(0).summary());
        }
        List<ResultTable> tables = new ArrayList<>();
        for (RateEstimate estimate : estimates) {
            ResultTable one = estimate.table();
            // the method known to under-cover at this size and rate: a note on its row, in every format
            // (the output says every row note on standard error once; the text shows it here)
            CoverageCommand.underCoverage(estimate).ifPresent(note -> {
                one.noteRow(note);
                text.append("note: ").append(note).append('\n');
            });
            tables.add(one);
        }
        ResultTable table = ResultTable.concat(tables);
        output.write(table, OutputOptions.Format.TEXT, estimates.size() == 1, text.toString(),
                spec.commandLine().getOut());
    }

    private void cases(double confidence) {
        List<IntervalMethod> defaultMethods = intervalMethods();
        boolean every = defaultMethods.size() > 1;
        CsvInput input = reading.read(cases).require("recorded", "audited");
        ResultColumns<RateEstimate> columns = every
                ? ResultColumns.<RateEstimate>of().add("method", ResultTable.Kind.TEXT, e -> e.method().token())
                        .then(EstimateColumns.RATE)
                : EstimateColumns.RATE;
        ResultTable table = ResultTable.withInputs(input.header(), columns.columns());
        // Estimators cache their critical values: keep one per (method, confidence) met in the file.
        Map<String, RateEstimator> estimators = new HashMap<>();
        for (CsvInput.Row row : input.rows()) {
            List<IntervalMethod> rowMethods = row.isBlank("method") || every ? defaultMethods
                    : List.of(row.located("method", () -> Token.parse(IntervalMethod.class, "method", row.text("method").strip())));
            double rowConfidence = row.number("confidence", confidence);
            long x = row.whole("recorded");
            long n = row.whole("audited");
            for (IntervalMethod rowMethod : rowMethods) {
                RateEstimator estimator = estimators.computeIfAbsent(rowMethod.token() + "@" + rowConfidence,
                        key -> row.construct(TALLY_COLUMNS,
                                () -> RateEstimator.withDefaults().with(rowMethod).withConfidence(rowConfidence)));
                RateEstimate estimate = row.construct(TALLY_COLUMNS, () -> estimator.estimate(new Tally(x, n)));
                table.row(row.cells(), columns.values(estimate));
            }
        }
        Cli.readNotice(spec, input, "case");
        Cli.renameNotice(spec, table);
        output.write(table, OutputOptions.Format.CSV, false, null, spec.commandLine().getOut());
    }

    private void inspections(VarianceConvention convention, long unit, double confidence) {
        List<AllCrimeMethod> methods = Cli.choices(spec, "--method", method == null ? "wilson" : method, AllCrimeMethod.class);
        Cli.stdinOnce(spec, volumes == null ? List.of(inspections) : List.of(inspections, volumes));
        InspectionSource source = Cli.inspections(spec, inspections, Optional.ofNullable(volumes), reading.columns);
        List<InspectionEstimate> estimates = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (AllCrimeMethod chosen : methods) {
            InspectionEstimator estimator = InspectionEstimator.withDefaults().with(chosen).with(convention)
                    .withConfidence(confidence);
            for (Inspection inspection : source.inspections()) {
                InspectionEstimate estimate = estimator.estimate(inspection);
                estimates.add(estimate);
                text.append(estimate.summary(unit)).append('\n');
            }
        }
        Cli.note(spec, source.toString());
        output.write(EstimateColumns.inspectionEstimates(estimates, unit, methods.size() > 1), OutputOptions.Format.CSV, false,
                text.toString(), spec.commandLine().getOut());
    }
}
