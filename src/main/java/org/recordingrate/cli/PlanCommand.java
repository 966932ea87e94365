package org.recordingrate.cli;

import org.recordingrate.model.Token;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.recordingrate.compare.Alternative;
import org.recordingrate.compare.ChangeTest;
import org.recordingrate.estimate.IntervalMethod;
import org.recordingrate.io.CsvInput;
import org.recordingrate.model.Category;
import org.recordingrate.model.Names;
import org.recordingrate.model.Tally;
import org.recordingrate.plan.Allocation;
import org.recordingrate.plan.AllocationPlan;
import org.recordingrate.plan.AllocationPlanner;
import org.recordingrate.plan.PlanningCategory;
import org.recordingrate.plan.PowerMethod;
import org.recordingrate.plan.PowerPlanner;
import org.recordingrate.plan.PowerPoint;
import org.recordingrate.plan.PowerSize;
import org.recordingrate.plan.SampleSize;
import org.recordingrate.plan.SampleSizePlanner;
import org.recordingrate.plan.UpperBoundPlanner;
import org.recordingrate.plan.UpperBoundSize;
import org.recordingrate.plan.PlanningColumns;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code recording-rate plan}: how many records to audit. One category for a margin; categories
 * of a volumes file for an all-crime margin (the PLAN file {@code select} reads); the count for a
 * power to detect a change from the previous inspection, or power curves; attribute sample sizes.
 */
@Command(name = "plan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"How many records to audit.",
                "  plan --margin 2.5 --expected 90 [--population N] [--method wilson] [--confidence 0.95]",
                "  plan --volumes VOLUMES.csv --margin 2.5 [--allocation optimal|neyman|proportional] [--expected 90]"
                        + " [--minimum 1]",
                "     (VOLUMES.csv: category,volume[,expected][,population][,minimum]; expected in percent)",
                "  plan --previous 512/640 --detect 5 --power 0.8 [--test z_pooled|boschloo] [--power-method ...]",
                "  plan --previous 512/640 --detect 3,5 --audited 200,400,800   (power curves)",
                "  plan --upper-bound 5 --expected-errors 0 [--population N] [--confidence 0.95]",
                "Margins, expected rates, changes and tolerable shares are given in percent (points), or with --units "
                        + "fraction as fractions; CSV and JSON output holds fractions."})
final class PlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--margin", paramLabel = "PERCENT", description = "The margin wanted, e.g. 2.5 for +/- 2.5 points.")
    Double margin;

    @Option(names = "--expected", paramLabel = "PERCENT",
            description = "The expected recording rate, e.g. 90 (for a volumes file: of every category without its own).")
    Double expected;

    @Option(names = "--population", paramLabel = "N", description = "Records the sample is drawn from (finite population).")
    Long population;

    @Option(names = "--method", paramLabel = "METHOD",
            description = "Interval whose margin is planned: wald, wilson, clopper_pearson, jeffreys, mid_p, ... "
                    + "(default: wilson).")
    IntervalMethod method;

    @Mixin
    ConfidenceOption confidence;

    @Option(names = "--volumes", paramLabel = "FILE", description = "Categories with volumes, for an all-crime margin.")
    Path volumes;

    @Option(names = "--allocation", paramLabel = "METHOD",
            description = "optimal (smallest total), neyman or proportional (default: optimal).")
    Allocation allocation;

    @Option(names = "--minimum", paramLabel = "N",
            description = "Fewest records per category without its own minimum (default: 1); never more than the "
                    + "category's population, else its volume.")
    Long minimum;

    @Option(names = "--previous", paramLabel = "RECORDED/AUDITED", description = "The previous inspection's tally, e.g. 512/640.")
    String previous;

    @Option(names = "--detect", paramLabel = "POINTS", split = ",",
            description = "The change to detect in points, e.g. 3 (several: 3,5).")
    List<Double> detect;

    @Option(names = "--power", paramLabel = "P", description = "The power wanted, e.g. 0.8.")
    Double power;

    @Option(names = "--audited", paramLabel = "N", split = ",",
            description = "Planned audited counts for power (several: a power curve).")
    List<Long> audited;

    @Option(names = "--test", paramLabel = "TEST",
            description = "The test the inspection will use: z_pooled, z_unpooled, fisher_exact, boschloo, ... "
                    + "(default: z_pooled).")
    ChangeTest test;

    @Option(names = "--power-method", paramLabel = "normal|exact|simulation",
            description = "How power is computed (default: normal for the z-tests, exact otherwise).")
    PowerMethod powerMethod;

    @Mixin
    SignificanceOption significance;

    @Mixin
    AlternativeOption alternative;

    @Option(names = "--replicates", defaultValue = "10000", paramLabel = "R",
            description = "Replicates for --power-method simulation (default: ${DEFAULT-VALUE}).")
    long replicates;

    @Option(names = "--seed", defaultValue = "2022", paramLabel = "SEED",
            description = "Seed for --power-method simulation (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--upper-bound", paramLabel = "PERCENT",
            description = "Attribute sample: the unrecorded share to rule out, e.g. 5 for 'under 5%% unrecorded'.")
    Double upperBound;

    @Option(names = "--expected-errors", paramLabel = "N",
            description = "Attribute sample: unrecorded records allowed among those audited (default: 0).")
    Long expectedErrors;

    @Mixin
    UnitsOption units;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        int modes = (volumes != null ? 1 : 0) + (previous != null ? 1 : 0) + (upperBound != null ? 1 : 0);
        if (modes > 1) {
            throw Cli.usage(spec, "give one of --volumes, --previous or --upper-bound");
        }
        if (modes == 0 && (margin == null || expected == null)) {
            throw Cli.usage(spec, "give --margin and --expected, or --volumes with --margin, or --previous with "
                    + "--detect, or --upper-bound");
        }
        output.check();
        if (volumes != null) {
            allocation();
        } else if (previous != null) {
            power();
        } else if (upperBound != null) {
            upperBound();
        } else {
            single();
        }
        return 0;
    }

    /** A usage error for any of {@code options} given on the command line: they do not go with {@code mode}. */
    private void refuse(String mode, String... options) {
        for (String option : options) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw Cli.usage(spec, option + " does not go with " + mode);
            }
        }
    }

    private void single() {
        refuse("--margin and --expected", "--allocation", "--minimum", "--detect", "--power", "--audited", "--test", "--power-method", "--alternative", "--expected-errors");
        IntervalMethod chosen = method == null ? IntervalMethod.WILSON : method;
        SampleSizePlanner planner = SampleSizePlanner.withDefaults().with(chosen).withConfidence(confidence.twoSided());
        if (fractions()) {
            planner = planner.inFractions();
        }
        double m = percent("--margin", margin, false);
        double p = percent("--expected", expected, true);
        SampleSize size = population == null ? planner.plan(m, p) : planner.plan(m, p, population);
        output.write(PlanningColumns.SAMPLE_SIZE.table(size), OutputOptions.Format.TEXT, true, size + "\n",
                spec.commandLine().getOut());
    }

    private void allocation() {
        refuse("--volumes", "--population", "--method", "--detect", "--power", "--audited", "--test", "--power-method", "--alternative", "--expected-errors");
        if (margin == null) {
            throw Cli.usage(spec, "--volumes needs --margin (the all-crime margin wanted, in percent)");
        }
        Allocation chosen = allocation == null ? Allocation.OPTIMAL : allocation;
        double m = percent("--margin", margin, false);
        Double fallback = expected == null ? null : percent("--expected", expected, true);
        double full = fractions() ? 1 : 100;
        CsvInput input = CsvInput.read(volumes).require("category", "volume");
        if (!input.has("expected") && fallback == null) {
            throw Cli.usage(spec, volumes + " has no column 'expected': give --expected for every category");
        }
        List<PlanningCategory> categories = new ArrayList<>();
        Map<String, Long> firstLine = new HashMap<>();
        Map<String, String> columns = Map.of("category name", "category", "volume", "volume", "population",
                "population", "minimum", "minimum", "expected", "expected");
        for (CsvInput.Row row : input.rows()) {
            String name = row.text("category");
            Long earlier = firstLine.putIfAbsent(Names.key(name), row.line());
            if (earlier != null) {
                throw row.fail("category", name, "appears twice (first on line " + earlier + ")");
            }
            long volume = row.whole("volume");
            OptionalLong cap = row.isBlank("population") ? OptionalLong.empty() : OptionalLong.of(row.whole("population"));
            OptionalLong own = row.isBlank("minimum") ? OptionalLong.empty() : OptionalLong.of(row.whole("minimum"));
            double rate;
            if (row.isBlank("expected")) {
                if (fallback == null) {
                    throw row.fail("expected", row.text("expected"), "is blank: give an expected rate in percent or --expected");
                }
                rate = fallback;
            } else {
                rate = row.number("expected");
                if (!(rate >= 0 && rate <= full)) {
                    throw row.fail("expected", row.text("expected"), fractions() ? "must be a fraction between 0 and 1"
                            : "must be a percentage between 0 and 100");
                }
            }
            double given = rate;
            categories.add(row.construct(columns, () -> fractions()
                    ? PlanningCategory.ofFraction(new Category(name, volume, cap), given, own)
                    : PlanningCategory.of(new Category(name, volume, cap), given, own)));
        }
        Cli.readNotice(spec, input, "category row");
        AllocationPlanner planner = AllocationPlanner.withDefaults().with(chosen).withConfidence(confidence.twoSided());
        if (fractions()) {
            planner = planner.inFractions();
        }
        if (minimum != null) {
            planner = planner.withMinimum(minimum);
        }
        AllocationPlan plan = planner.plan(categories, m);
        output.write(plan.table(), OutputOptions.Format.CSV, false, plan.summary() + "\n",
                spec.commandLine().getOut());
    }

    private void power() {
        refuse("--previous", "--margin", "--expected", "--population", "--method", "--allocation", "--minimum", "--expected-errors");
        if (detect == null || detect.isEmpty()) {
            throw Cli.usage(spec, "--previous needs --detect (the change to detect, in points)");
        }
        if ((power == null) == (audited == null)) {
            throw Cli.usage(spec, "--previous needs one of --power (the audited count for that power) or --audited "
                    + "(the power of those counts)");
        }
        Tally before = Cli.tally(spec, "--previous", previous);
        PowerPlanner planner = (fractions() ? PowerPlanner.withDefaults().inFractions() : PowerPlanner.withDefaults())
                .with(test == null ? ChangeTest.Z_POOLED : test)
                .with(alternative.value)
                .withSignificance(significance.value()).withSimulation(replicates, seed);
        if (powerMethod != null) {
            planner = planner.with(powerMethod);
        }
        double full = fractions() ? 1 : 100;
        List<Double> changes = new ArrayList<>();
        for (double points : detect) {
            if (!(Math.abs(points) > 0 && Math.abs(points) < full)) {
                throw new IllegalArgumentException("--detect (" + org.recordingrate.internal.Args.show(points)
                        + ") must be a change other than 0, between -" + (fractions() ? "1 and 1 (a fraction)"
                        : "100 and 100 (points)"));
            }
            changes.add(points);
        }
        if (power != null) {
            List<PowerSize> sizes = new ArrayList<>();
            for (double change : changes) {
                sizes.add(planner.plan(before, change, power));
            }
            output.write(PlanningColumns.POWER_SIZE.table(sizes), sizes.size() == 1 ? OutputOptions.Format.TEXT
                            : OutputOptions.Format.CSV, sizes.size() == 1,
                    sizes.stream().map(PowerSize::toString).collect(Collectors.joining("\n")) + "\n",
                    spec.commandLine().getOut());
        } else {
            List<PowerPoint> curve = planner.curve(before, changes, audited);
            output.write(PlanningColumns.POWER.table(curve), curve.size() == 1 ? OutputOptions.Format.TEXT
                            : OutputOptions.Format.CSV, curve.size() == 1,
                    curve.stream().map(PowerPoint::toString).collect(Collectors.joining("\n")) + "\n",
                    spec.commandLine().getOut());
        }
    }

    private void upperBound() {
        refuse("--upper-bound", "--margin", "--expected", "--method", "--allocation", "--minimum", "--detect", "--power", "--audited", "--test", "--power-method", "--alternative");
        double tolerable = percent("--upper-bound", upperBound, false);
        long errors = expectedErrors == null ? 0 : expectedErrors;
        UpperBoundPlanner planner = UpperBoundPlanner.withDefaults().withConfidence(confidence.oneSided());
        if (fractions()) {
            planner = planner.inFractions();
        }
        UpperBoundSize size = population == null ? planner.plan(tolerable, errors)
                : planner.plan(tolerable, errors, population);
        output.write(PlanningColumns.UPPER_BOUND.table(size), OutputOptions.Format.TEXT, true, size + "\n",
                spec.commandLine().getOut());
    }

    private boolean fractions() {
        return units.fractions();
    }

    /**
     * A target option, checked to lie strictly inside (0, 100) percent, or [0, 100] when
     * {@code closed} (with --units fraction, (0, 1) or [0, 1]), and passed on as given: the planners
     * take percent (or fractions when set so) and apply the units rule.
     */
    private double percent(String option, double value, boolean closed) {
        double full = fractions() ? 1 : 100;
        boolean inside = closed ? value >= 0 && value <= full : value > 0 && value < full;
        if (!inside) {
            throw new IllegalArgumentException(option + " (" + org.recordingrate.internal.Args.show(value)
                    + ") must be a " + (fractions() ? "fraction " : "percentage ")
                    + (closed ? "from 0 to " : "strictly between 0 and ") + (fractions() ? "1" : "100"));
        }
        return value;
    }
}
