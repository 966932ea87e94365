package org.recordingrate.cli;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.recordingrate.compare.ChangeIntervalMethod;
import org.recordingrate.compare.DifferenceMethod;
import org.recordingrate.coverage.AllCrimeCoverage;
import org.recordingrate.coverage.ChangeCoverage;
import org.recordingrate.coverage.ChangeCoveragePoint;
import org.recordingrate.coverage.CoverageCurve;
import org.recordingrate.coverage.CoveragePoint;
import org.recordingrate.coverage.RateCoverage;
import org.recordingrate.coverage.RateGrid;
import org.recordingrate.coverage.SimulatedCoverage;
import org.recordingrate.coverage.UnderCoverage;
import org.recordingrate.estimate.AllCrimeMethod;
import org.recordingrate.estimate.IntervalMethod;
import org.recordingrate.estimate.RateEstimate;
import org.recordingrate.estimate.VarianceConvention;
import org.recordingrate.format.ResultColumns;
import org.recordingrate.format.ResultTable;
import org.recordingrate.internal.DecimalText;
import org.recordingrate.io.InspectionSource;
import org.recordingrate.model.Token;
import org.recordingrate.model.Inspection;
import org.recordingrate.report.CoveragePlot;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code recording-rate coverage}: how often an interval method covers the true rate. One category:
 * the exact coverage by enumeration at audited counts and true rates (a grid with {@code --rates});
 * a change: by double enumeration; the all-crime interval of a design: by seeded simulation.
 */
@Command(name = "coverage", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Exact coverage and expected width of an interval method (true rates as fractions).",
                "  coverage --method wald,wilson --audited 202 --rates 0.5:0.999:0.001 [--plot coverage.svg]",
                "  coverage --method newcombe --audited-before 640 --audited-after 202 --rates 0.8:0.95:0.001 --change 0.05",
                "  coverage --design INSPECTION.csv [--method wilson] [--variance binomial] [--replicates 10000] [--seed 1]",
                "Columns: the method and design, rate, coverage, expected_width (all crime: also mc_error)."})
final class CoverageCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--method", paramLabel = "METHOD[,METHOD...]|all",
            description = "Interval methods (default: wilson; for a change newcombe). One category: "
                    + "wald, wilson, wilson_cc, agresti_coull, clopper_pearson, jeffreys, mid_p, logit.")
    String method;

    @Option(names = "--audited", split = ",", paramLabel = "N[,N...]", description = "Audited counts (one category).")
    List<Long> audited;

    @Option(names = "--audited-before", paramLabel = "N", description = "Audited before (a change).")
    Long auditedBefore;

    @Option(names = "--audited-after", paramLabel = "N", description = "Audited after (a change).")
    Long auditedAfter;

    @Option(names = "--rate", paramLabel = "P", description = "One true rate, a fraction (one category).")
    Double rate;

    @Option(names = "--rates", paramLabel = "FROM:TO:STEP",
            description = "A grid of true rates, fractions, e.g. 0.5:0.999:0.001 (for a change: the before rates).")
    String rates;

    @Option(names = "--rate-before", paramLabel = "P", description = "The true rate before (a change).")
    Double rateBefore;

    @Option(names = "--rate-after", paramLabel = "P", description = "The true rate after (a change).")
    Double rateAfter;

    @Option(names = "--change", paramLabel = "D",
            description = "The true change after - before, a fraction, with --rates for a change.")
    Double change;

    @Option(names = "--design", paramLabel = "INSPECTION.csv",
            description = "An inspection file: its audited counts and volumes are the design, its rates the true ones.")
    Path design;

    @Mixin
    VarianceOption variance;

    @Option(names = "--replicates", defaultValue = "10000", paramLabel = "R",
            description = "Simulated audits for --design (default: ${DEFAULT-VALUE}).")
    int replicates;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Seed for --design (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    ConfidenceOption confidenceOption;

    @Option(names = "--plot", paramLabel = "FILE.svg|FILE.png",
            description = "Also draw coverage against the true rate (at most 8 curves), SVG or PNG by the name.")
    Path plot;

    /** The two-sided level of --confidence, checked once. */
    private double confidence;

    @Mixin
    InputOptions reading;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        boolean one = audited != null;
        boolean twoGroups = auditedBefore != null || auditedAfter != null;
        int modes = (one ? 1 : 0) + (twoGroups ? 1 : 0) + (design != null ? 1 : 0);
        if (modes != 1) {
            throw Cli.usage(spec, "give --audited N, or --audited-before and --audited-after, or --design FILE");
        }
        VarianceConvention convention = variance.value;
        confidence = confidenceOption.twoSided();
        output.check();
        if (plot != null) {
            String name = plot.getFileName() == null ? "" : plot.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!name.endsWith(".svg") && !name.endsWith(".png")) {
                throw Cli.usage(spec, "invalid value for --plot: '" + plot + "' must end .svg or .png");
            }
            if (design != null) {
                throw Cli.usage(spec, "--plot draws a curve over rates: not with --design");
            }
            OutputOptions.checkWritable(plot);
        }
        if (one) {
            oneCategory();
        } else if (twoGroups) {
            change();
        } else {
            allCrime(convention);
        }
        return 0;
    }

    /**
     * The note {@code estimate} adds when its method is known to under-cover at the tally's size and rate
     * ({@link UnderCoverage}: local exact coverage more than a point below nominal, n up to 100,000).
     */
    static Optional<String> underCoverage(RateEstimate estimate) {
        return UnderCoverage.note(estimate.method(), estimate.confidence(), estimate.tally());
    }

    private void oneCategory() {
        refuse("--rate-before", rateBefore, "--rate-after", rateAfter, "--change", change);
        RateGrid grid = grid();
        List<IntervalMethod> methods = methods(IntervalMethod.class, IntervalMethod.values(), IntervalMethod.WILSON,
                t -> Token.parse(IntervalMethod.class, "--method", t));
        List<CoverageCurve<CoveragePoint>> curves = new ArrayList<>();
        for (IntervalMethod chosen : methods) {
            RateCoverage coverage = RateCoverage.withDefaults().with(chosen).withConfidence(confidence);
            for (long n : audited) {
                curves.add(coverage.over(n, grid));
            }
        }
        write(curves, CoveragePoint.COLUMNS);
    }

    private void change() {
        if (auditedBefore == null || auditedAfter == null) {
            throw Cli.usage(spec, "--audited-before and --audited-after go together");
        }
        if (rate != null) {
            throw Cli.usage(spec, "--rate is for one category: give --rate-before and --rate-after, or --rates and "
                    + "--change");
        }
        List<DifferenceMethod> methods = methods(DifferenceMethod.class, DifferenceMethod.values(),
                DifferenceMethod.NEWCOMBE, t -> Token.parse(DifferenceMethod.class, "--method", t));
        List<CoverageCurve<ChangeCoveragePoint>> curves = new ArrayList<>();
        boolean pair = rateBefore != null || rateAfter != null;
        if (pair == (rates != null)) {
            throw Cli.usage(spec, "give --rate-before and --rate-after, or --rates FROM:TO:STEP and --change D");
        }
        if (pair && (rateBefore == null || rateAfter == null || change != null)) {
            throw Cli.usage(spec, "--rate-before and --rate-after go together, without --change");
        }
        if (!pair && change == null) {
            throw Cli.usage(spec, "--rates for a change needs --change D (after - before, a fraction)");
        }
        for (ChangeIntervalMethod chosen : methods) {
            ChangeCoverage coverage = ChangeCoverage.withDefaults().with(chosen).withConfidence(confidence);
            if (pair) {
                ChangeCoveragePoint point = coverage.at(auditedBefore, fraction("--rate-before", rateBefore),
                        auditedAfter, fraction("--rate-after", rateAfter));
                curves.add(new CoverageCurve<>(chosen.displayName(), List.of(point), ChangeCoveragePoint.COLUMNS));
            } else {
                curves.add(coverage.over(auditedBefore, auditedAfter, grid(), change));
            }
        }
        write(curves, ChangeCoveragePoint.COLUMNS);
    }

    private void allCrime(VarianceConvention convention) {
        refuse("--rate", rate, "--rates", rates, "--change", change);
        List<AllCrimeMethod> methods = methods(AllCrimeMethod.class, AllCrimeMethod.values(), AllCrimeMethod.WILSON,
                t -> Token.parse(AllCrimeMethod.class, "--method", t));
        Cli.stdinOnce(spec, List.of(design));
        InspectionSource source = Cli.inspections(spec, design, Optional.empty(), reading.columns);
        List<SimulatedCoverage> results = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (AllCrimeMethod chosen : methods) {
            AllCrimeCoverage coverage = AllCrimeCoverage.withDefaults().with(chosen).with(convention)
                    .withConfidence(confidence).withReplicates(replicates).withSeed(seed);
            for (Inspection inspection : source.inspections()) {
                SimulatedCoverage result = coverage.simulate(inspection);
                results.add(result);
                text.append(result.summary());
            }
        }
        Cli.note(spec, source.toString());
        output.write(SimulatedCoverage.COLUMNS.table(results), OutputOptions.Format.CSV, results.size() == 1,
                text.toString(), spec.commandLine().getOut());
    }

    private <P extends org.recordingrate.coverage.CoverageFigure> void write(List<CoverageCurve<P>> curves,
                                                                            ResultColumns<P> columns) {
        List<P> points = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (CoverageCurve<P> curve : curves) {
            points.addAll(curve.points());
            text.append(curve.points().size() == 1 ? curve.points().get(0).summary() : curve.summary());
        }
        if (plot != null) {
            if (curves.size() > 8) {
                throw Cli.usage(spec, "--plot draws at most 8 curves; " + curves.size() + " were asked for");
            }
            CoveragePlot picture = CoveragePlot.of(curves.size() == 1 ? "Coverage of " + curves.get(0).description()
                    : "Coverage of " + curves.size() + " intervals", curves);
            byte[] bytes = picture.bytesFor(plot);
            OutputOptions.writeWhole(plot, stream -> stream.write(bytes));
            Cli.note(spec, "wrote " + plot);
        }
        ResultTable table = columns.table(points);
        output.write(table, points.size() == 1 ? OutputOptions.Format.TEXT : OutputOptions.Format.CSV,
                points.size() == 1, text.toString(), spec.commandLine().getOut());
    }

    private <E extends Enum<E>> List<E> methods(Class<E> type, E[] all, E fallback,
                                                java.util.function.Function<String, E> parser) {
        if (method == null) {
            return List.of(fallback);
        }
        if (method.strip().equalsIgnoreCase("all")) {
            return List.of(all);
        }
        List<E> chosen = new ArrayList<>();
        for (String token : method.split(",", -1)) {
            E parsed = Cli.token(spec, "--method", token, parser);
            if (!chosen.contains(parsed)) {
                chosen.add(parsed);
            }
        }
        return chosen;
    }

    private RateGrid grid() {
        if ((rate == null) == (rates == null)) {
            throw Cli.usage(spec, "give --rate P or --rates FROM:TO:STEP");
        }
        if (rate != null) {
            return RateGrid.of(List.of(fraction("--rate", rate)));
        }
        String[] parts = rates.split(":", -1);
        if (parts.length != 3) {
            throw Cli.usage(spec, "invalid value for --rates: '" + DecimalText.printable(rates)
                    + "' must be FROM:TO:STEP, e.g. 0.5:0.999:0.001");
        }
        BigDecimal[] values = new BigDecimal[3];
        for (int i = 0; i < 3; i++) {
            try {
                values[i] = DecimalText.decimal(parts[i].strip());
            } catch (IllegalArgumentException e) {
                throw Cli.usage(spec, "invalid value for --rates: '" + DecimalText.printable(parts[i]) + "' "
                        + e.getMessage());
            }
        }
        double from = fraction("--rates", values[0].doubleValue());
        double to = fraction("--rates", values[1].doubleValue());
        if (to < from) {
            throw new IllegalArgumentException("--rates " + rates + ": the last rate (" + values[1].toPlainString()
                    + ") is below the first (" + values[0].toPlainString() + ")");
        }
        return RateGrid.of(from, to, values[2].doubleValue());
    }

    /** A true rate as a fraction; a percent (above 1) is refused with the way to say it. */
    private static double fraction(String option, double value) {
        if (value > 1 && value <= 100) {
            throw new IllegalArgumentException(option + " (" + value + "): true rates are fractions in [0, 1]; "
                    + "did you mean " + BigDecimal.valueOf(value).movePointLeft(2).stripTrailingZeros().toPlainString()
                    + "?");
        }
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(option + " (" + value + ") must lie between 0 and 1");
        }
        return value;
    }

    private void refuse(Object... optionsAndValues) {
        for (int i = 0; i < optionsAndValues.length; i += 2) {
            if (optionsAndValues[i + 1] != null) {
                throw Cli.usage(spec, optionsAndValues[i] + " does not go with this mode (see --help)");
            }
        }
    }
}
