package org.recordingrate.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.recordingrate.estimate.AllCrimeMethod;
import org.recordingrate.estimate.InspectionEstimate;
import org.recordingrate.estimate.InspectionEstimator;
import org.recordingrate.estimate.IntervalMethod;
import org.recordingrate.estimate.RateEstimate;
import org.recordingrate.estimate.RateEstimator;
import org.recordingrate.estimate.VarianceConvention;
import org.recordingrate.io.CsvInput;
import org.recordingrate.io.InspectionFile;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Tally;
import org.recordingrate.report.Columns;
import org.recordingrate.report.ResultTable;
import org.recordingrate.report.Tables;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code recording-rate estimate}: one tally, a CSV of tallies ({@code --cases}), or an inspection
 * file of categories with volumes (all crime weighted by volume).
 */
@Command(name = "estimate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Recording rates with confidence intervals.",
                "  estimate --recorded 188 --audited 202 [--method wilson] [--confidence 0.95]",
                "  estimate --cases CASES.csv   (columns recorded,audited[,method][,confidence])",
                "  estimate INSPECTIONS.csv     (columns category,recorded,audited,volume[,population][,inspection])",
                "Methods for one category: " + "wald, wilson, wilson_cc, agresti_coull, clopper_pearson, jeffreys, "
                        + "mid_p, logit. For an inspection file: wald, logit, korn_graubard, wilson."})
final class EstimateCommand implements Callable<Integer> {

    /** The tally's columns for the domain's argument names. */
    private static final Map<String, String> TALLY_COLUMNS = Map.of("recorded", "recorded", "audited", "audited",
            "confidence", "confidence", "method", "method");

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "INSPECTIONS.csv",
            description = "An aggregated inspection file: a row per category.")
    Path inspections;

    @Option(names = "--recorded", paramLabel = "N", description = "Audited reports recorded as crimes.")
    Long recorded;

    @Option(names = "--audited", paramLabel = "N", description = "Reports audited.")
    Long audited;

    @Option(names = "--cases", paramLabel = "FILE", description = "A CSV of tallies, one estimate per row.")
    Path cases;

    @Option(names = "--method", paramLabel = "METHOD",
            description = "Interval method (default: wilson).")
    String method;

    @Option(names = "--confidence", defaultValue = "0.95", paramLabel = "LEVEL",
            description = "Two-sided confidence level (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--variance", defaultValue = "binomial", paramLabel = "binomial|survey",
            description = "Variance convention for inspection files (default: ${DEFAULT-VALUE}).")
    String variance;

    @Option(names = "--precision", defaultValue = "auto", paramLabel = "N|auto",
            description = "Round 'more than N unrecorded crimes' down to a multiple of N; auto: 100 from 1,000, "
                    + "10 from 100, else 1 (default: ${DEFAULT-VALUE}).")
    String precision;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        boolean single = recorded != null || audited != null;
        int modes = (single ? 1 : 0) + (cases != null ? 1 : 0) + (inspections != null ? 1 : 0);
        if (modes != 1) {
            throw Cli.usage(spec, "give --recorded and --audited, or --cases FILE, or one inspection FILE");
        }
        if (single && (recorded == null || audited == null)) {
            throw Cli.usage(spec, "--recorded and --audited go together");
        }
        // every token is checked whatever the mode, so a typo is never silently ignored
        VarianceConvention convention = Cli.token(spec, "--variance", variance, VarianceConvention::fromToken);
        long unit = Precision.parse(spec, precision);
        output.check();
        if (single) {
            single();
        } else if (cases != null) {
            cases();
        } else {
            inspections(convention, unit);
        }
        return 0;
    }

    private IntervalMethod intervalMethod() {
        return Cli.token(spec, "--method", method == null ? "wilson" : method, IntervalMethod::fromToken);
    }

    private void single() {
        IntervalMethod chosen = intervalMethod();
        RateEstimate estimate = RateEstimator.withDefaults().with(chosen).withConfidence(confidence)
                .estimate(new Tally(recorded, audited));
        ResultTable table = Columns.RATE_INPUTS.then(Columns.RATE).table(estimate);
        output.write(table, OutputOptions.Format.TEXT, true, estimate + "\n" + estimate.summary(),
                spec.commandLine().getOut());
    }

    private void cases() {
        IntervalMethod defaultMethod = intervalMethod();
        RateEstimator defaults = RateEstimator.withDefaults().with(defaultMethod).withConfidence(confidence);
        CsvInput input = CsvInput.read(cases).require("recorded", "audited");
        ResultTable table = ResultTable.withInputs(input.header(), Columns.RATE.columns());
        // Estimators cache their critical values: keep one per (method, confidence) met in the file.
        Map<String, RateEstimator> estimators = new HashMap<>();
        for (CsvInput.Row row : input.rows()) {
            RateEstimator estimator = defaults;
            if (!row.isBlank("method") || !row.isBlank("confidence")) {
                IntervalMethod rowMethod = row.isBlank("method") ? defaultMethod
                        : row.located("method", () -> IntervalMethod.fromToken(row.text("method").strip()));
                double rowConfidence = row.number("confidence", confidence);
                estimator = estimators.computeIfAbsent(rowMethod.token() + "@" + rowConfidence,
                        key -> row.construct(TALLY_COLUMNS, () -> defaults.with(rowMethod).withConfidence(rowConfidence)));
            }
            long x = row.whole("recorded");
            long n = row.whole("audited");
            RateEstimator chosen = estimator;
            RateEstimate estimate = row.construct(TALLY_COLUMNS, () -> chosen.estimate(new Tally(x, n)));
            table.row(row.cells(), Columns.RATE.values(estimate));
        }
        Cli.readNotice(spec, input, "case");
        Cli.renameNotice(spec, table);
        output.write(table, OutputOptions.Format.CSV, false, null, spec.commandLine().getOut());
    }

    private void inspections(VarianceConvention convention, long unit) {
        AllCrimeMethod chosen = Cli.token(spec, "--method", method == null ? "wilson" : method,
                AllCrimeMethod::fromToken);
        InspectionEstimator estimator = InspectionEstimator.withDefaults().with(chosen).with(convention)
                .withConfidence(confidence);
        CsvInput input = CsvInput.read(inspections);
        List<Inspection> all = InspectionFile.parse(input);
        List<InspectionEstimate> estimates = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Inspection inspection : all) {
            InspectionEstimate estimate = estimator.estimate(inspection);
            estimates.add(estimate);
            text.append(estimate.summary(unit)).append('\n');
        }
        Cli.readNotice(spec, input, "category row");
        output.write(Tables.inspectionEstimates(estimates, unit), OutputOptions.Format.CSV, false, text.toString(),
                spec.commandLine().getOut());
    }
}
