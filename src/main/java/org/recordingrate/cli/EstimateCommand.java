package org.recordingrate.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.recordingrate.model.Tally;
import org.recordingrate.estimate.AllCrimeMethod;
import org.recordingrate.estimate.CategoryEstimate;
import org.recordingrate.model.Inspection;
import org.recordingrate.estimate.InspectionEstimate;
import org.recordingrate.estimate.InspectionEstimator;
import org.recordingrate.estimate.IntervalMethod;
import org.recordingrate.estimate.RateEstimate;
import org.recordingrate.estimate.RateEstimator;
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

    @Option(names = "--method", defaultValue = "wilson", paramLabel = "METHOD",
            description = "Interval method (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--confidence", defaultValue = "0.95", paramLabel = "LEVEL",
            description = "Two-sided confidence level in (0, 1) (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--variance", defaultValue = "binomial", paramLabel = "binomial|survey",
            description = "Variance convention for inspection files (default: ${DEFAULT-VALUE}).")
    String variance;

    @Option(names = "--precision", defaultValue = "100", paramLabel = "N",
            description = "Round 'more than N unrecorded crimes' down to a multiple of N (default: ${DEFAULT-VALUE}).")
    long precision;

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
        if (single) {
            single();
        } else if (cases != null) {
            cases();
        } else {
            inspections();
        }
        return 0;
    }

    private void single() {
        IntervalMethod chosen = Cli.token(spec, "--method", method, IntervalMethod::fromToken);
        RateEstimate estimate = RateEstimator.withDefaults().with(chosen).withConfidence(confidence)
                .estimate(new Tally(recorded, audited));
        ResultTable table = new ResultTable().column("recorded", Kind.COUNT).column("audited", Kind.COUNT)
                .column("method", Kind.TEXT).column("confidence", Kind.NUMBER);
        estimateColumns(table);
        table.row(recorded, audited, chosen.token(), confidence, estimate.rate(), estimate.lower(), estimate.upper(),
                estimate.margin(), estimate.standardError());
        output.write(table, OutputOptions.Format.TEXT, true, estimate + "\n" + estimate.summary(),
                spec.commandLine().getOut());
    }

    private void cases() {
        IntervalMethod defaultMethod = Cli.token(spec, "--method", method, IntervalMethod::fromToken);
        RateEstimator defaults = RateEstimator.withDefaults().with(defaultMethod).withConfidence(confidence);
        CsvInput input = CsvInput.read(cases).require("recorded", "audited");
        ResultTable table = new ResultTable();
        for (String column : input.header()) {
            table.column(column, Kind.TEXT);
        }
        estimateColumns(table);
        // Estimators cache their critical values: keep one per (method, confidence) met in the file.
        Map<String, RateEstimator> estimators = new HashMap<>();
        for (CsvInput.Row row : input.rows()) {
            RateEstimator estimator = defaults;
            if (!row.isBlank("method") || !row.isBlank("confidence")) {
                IntervalMethod rowMethod = row.isBlank("method") ? defaultMethod
                        : row.located("method", () -> IntervalMethod.fromToken(row.text("method")));
                double rowConfidence = row.number("confidence", confidence);
                estimator = estimators.computeIfAbsent(rowMethod.token() + "@" + rowConfidence,
                        key -> row.located("confidence", () -> defaults.with(rowMethod).withConfidence(rowConfidence)));
            }
            long x = row.whole("recorded");
            long n = row.whole("audited");
            RateEstimator chosen = estimator;
            RateEstimate estimate = row.located(x < 0 || x > n ? "recorded" : "audited", () -> chosen.estimate(x, n));
            Object[] values = new Object[table.columns().size()];
            List<String> cells = row.cells();
            for (int i = 0; i < cells.size(); i++) {
                values[i] = cells.get(i);
            }
            int at = cells.size();
            values[at] = estimate.rate();
            values[at + 1] = estimate.lower();
            values[at + 2] = estimate.upper();
            values[at + 3] = estimate.margin();
            values[at + 4] = estimate.standardError();
            table.row(values);
        }
        Cli.readNotice(spec, input, "case");
        output.write(table, OutputOptions.Format.CSV, false, null, spec.commandLine().getOut());
    }

    private void inspections() {
        AllCrimeMethod chosen = Cli.token(spec, "--method", method, AllCrimeMethod::fromToken);
        VarianceConvention convention = Cli.token(spec, "--variance", variance, VarianceConvention::fromToken);
        InspectionEstimator estimator = InspectionEstimator.withDefaults().with(chosen).with(convention)
                .withConfidence(confidence);
        CsvInput input = CsvInput.read(inspections);
        List<Inspection> all = InspectionFile.parse(input);
        ResultTable table = new ResultTable().column("inspection", Kind.TEXT).column("category", Kind.TEXT)
                .column("recorded", Kind.COUNT).column("audited", Kind.COUNT).column("volume", Kind.COUNT);
        estimateColumns(table);
        table.column("unrecorded", Kind.COUNT).column("unrecorded_lower", Kind.COUNT)
                .column("unrecorded_upper", Kind.COUNT).column("more_than", Kind.COUNT);
        StringBuilder text = new StringBuilder();
        for (Inspection inspection : all) {
            InspectionEstimate estimate = estimator.estimate(inspection);
            for (CategoryEstimate row : estimate.rows()) {
                java.util.OptionalLong moreThan = row.unrecorded().moreThan(precision);
                table.row(inspection.name(), row.category(), row.recorded(), row.audited(), row.volume(), row.rate(),
                        row.lower(), row.upper(), row.margin(), row.standardError(), row.unrecorded().estimate(),
                        row.unrecorded().lower(), row.unrecorded().upper(),
                        moreThan.isPresent() ? (Object) moreThan.getAsLong() : null);
            }
            text.append(estimate.summary(precision)).append('\n');
        }
        Cli.readNotice(spec, input, "category row");
        output.write(table, OutputOptions.Format.CSV, false, text.toString(), spec.commandLine().getOut());
    }

    private static void estimateColumns(ResultTable table) {
        table.column("rate", Kind.FRACTION).column("lower", Kind.FRACTION).column("upper", Kind.FRACTION)
                .column("margin", Kind.FRACTION).column("se", Kind.FRACTION);
    }
}
