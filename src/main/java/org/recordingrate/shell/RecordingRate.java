package org.recordingrate.shell;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.recordingrate.coverage.AllCrimeCoverage;
import org.recordingrate.coverage.ChangeCoverage;
import org.recordingrate.coverage.ChangeCoveragePoint;
import org.recordingrate.coverage.CoverageCurve;
import org.recordingrate.coverage.CoveragePoint;
import org.recordingrate.coverage.RateCoverage;
import org.recordingrate.coverage.RateGrid;
import org.recordingrate.coverage.SimulatedCoverage;
import org.recordingrate.forces.ForceFigure;
import org.recordingrate.forces.Forces;
import org.recordingrate.forces.ForcesFile;
import org.recordingrate.forces.ForcesResult;
import org.recordingrate.forces.FunnelLimits;
import org.recordingrate.forces.Overdispersion;
import org.recordingrate.forces.Shrinkage;
import org.recordingrate.internal.DecimalText;
import org.recordingrate.internal.Units;
import org.recordingrate.io.CsvInput;
import org.recordingrate.io.ToolColumns;
import org.recordingrate.posterior.AllCrimePosterior;
import org.recordingrate.posterior.BayesEstimator;
import org.recordingrate.posterior.BetaPosterior;
import org.recordingrate.posterior.HierarchicalPosterior;
import org.recordingrate.posterior.PosteriorChange;
import org.recordingrate.posterior.Prior;
import org.recordingrate.report.CoveragePlot;
import org.recordingrate.report.RanksPlot;
import org.recordingrate.report.TrendPlot;
import org.recordingrate.select.PlannedCategory;
import org.recordingrate.select.Selection;
import org.recordingrate.select.SelectionMethod;
import org.recordingrate.select.Selector;
import org.recordingrate.trend.Observation;
import org.recordingrate.trend.Trend;
import org.recordingrate.trend.TrendAnalysis;
import org.recordingrate.trend.TrendFile;
import org.recordingrate.trend.TrendMethod;
import org.recordingrate.trend.Trends;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import org.recordingrate.compare.Alternative;
import org.recordingrate.compare.Change;
import org.recordingrate.compare.ChangeTest;
import org.recordingrate.compare.ChangeTestMethod;
import org.recordingrate.compare.Comparison;
import org.recordingrate.compare.DifferenceMethod;
import org.recordingrate.compare.InspectionChange;
import org.recordingrate.compare.PValueAdjustment;
import org.recordingrate.compare.Verdict;
import org.recordingrate.error.ArgumentException;
import org.recordingrate.estimate.AllCrimeMethod;
import org.recordingrate.estimate.EstimateColumns;
import org.recordingrate.estimate.InspectionEstimate;
import org.recordingrate.estimate.InspectionEstimator;
import org.recordingrate.estimate.IntervalMethod;
import org.recordingrate.estimate.RateEstimate;
import org.recordingrate.estimate.RateEstimator;
import org.recordingrate.estimate.VarianceConvention;
import org.recordingrate.format.ResultTable;
import org.recordingrate.internal.Args;
import org.recordingrate.io.InspectionSource;
import org.recordingrate.model.AuditedCategory;
import org.recordingrate.model.Category;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Names;
import org.recordingrate.model.Result;
import org.recordingrate.model.Results;
import org.recordingrate.coverage.UnderCoverage;
import org.recordingrate.model.Tally;
import org.recordingrate.model.Token;
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
import org.recordingrate.report.ForestPlot;
import org.recordingrate.report.FunnelPlot;
import org.recordingrate.report.Plot;
import org.recordingrate.report.Report;
import org.recordingrate.reproduce.FigureCheck;
import org.recordingrate.reproduce.FigureResult;
import org.recordingrate.reproduce.PublishedComparison;
import org.recordingrate.reproduce.PublishedFigure;
import org.recordingrate.reproduce.PublishedReport;
import org.recordingrate.reproduce.PublishedFigure.VolumeRange;
import org.recordingrate.resample.Bootstrap;
import org.recordingrate.resample.BootstrapInspectionChange;
import org.recordingrate.resample.BootstrapInspectionEstimate;
import org.recordingrate.resample.BootstrapInterval;
import org.recordingrate.resample.ChangeBootstrap;
import org.recordingrate.resample.Enumeration;
import org.recordingrate.resample.PermutationInspectionResult;
import org.recordingrate.resample.PermutationTest;
import org.recordingrate.resample.TallyBootstrap;
import org.recordingrate.resample.TallyPermutation;
import org.recordingrate.resample.TieCounting;

/**
 * The verbs of an analysis in JShell, without writing Java: {@code import static
 * org.recordingrate.shell.RecordingRate.*} (which {@code examples/startup.jsh} does), then
 * {@code estimate(188, 202)}, {@code compare(before, after)}, {@code save(result, "out.csv")}.
 * Type {@code help()} for every verb with an example, {@code help("compare")} for one.
 *
 * <p><b>Options are the command line's tokens</b>, as strings after the data, in any order:
 * a method or test names itself ({@code compare(before, after, "newcombe", "fisher_exact",
 * "improved")}), numbers go as {@code name=value} ({@code "confidence=0.99"}, {@code "seed=42"}),
 * and a token two choices share is given with its name ({@code "change_method=wald"}). An unknown
 * option is refused with the verb's accepted ones. Given as tokens, an {@code estimate} returns
 * {@link Results} (a list: {@code "all"} gives every method); the typed forms ({@code
 * estimate(188, 202, IntervalMethod.JEFFREYS)}) return the estimate itself.
 *
 * <p><b>Order</b>: the earlier inspection first, then the later, as in {@code compare --before ..
 * --after ..}; the change is later minus earlier. R's {@code prop.test} takes the later group first;
 * to make the order plain, write {@code from(before).to(after)}. Inspections whose names carry
 * years in the other order are compared as given, with a note saying so.
 *
 * <p><b>Units</b>: published figures and planning targets in percent ({@code published(93.2, 2.3)},
 * {@code plan(3, 90)}), refused with the way out when they look like fractions; levels as fractions
 * ({@code 0.95}); accessors give fractions, {@code toString()} and {@code summary()} percent and
 * points.
 *
 * <p>Each verb delegates to the configured procedure named in its Javadoc, which programs should
 * prefer.
 */
public final class RecordingRate {

    private RecordingRate() {
    }

    // ------------------------------------------------------------------ help

    /**
     * Prints every verb with an example to standard output, grouped as an analysis runs: data,
     * estimates, comparisons, published figures, resampling, planning, reports and plots, saving.
     */
    public static void help() {
        System.out.print(Help.overview());
    }

    /**
     * Prints the help of one verb: its forms with examples, and the options it takes (every token).
     * Case and surrounding space are ignored.
     *
     * @param verb any verb of {@link #help()}, e.g. {@code "compare"}
     * @throws IllegalArgumentException for another word; the message lists the verbs
     */
    public static void help(String verb) {
        System.out.print(Help.verb(verb));
    }

    /**
     * Prints every method and test by token to standard output: what the string options of the
     * verbs accept.
     */
    public static void methods() {
        System.out.print(Help.methods());
    }

    // ------------------------------------------------------------------ data

    /**
     * A tally: {@code tally(188, 202)}.
     *
     * @param recorded audited reports that the force recorded, 0 to {@code audited}
     * @param audited  reports audited, at least 1
     * @return the tally
     * @throws IllegalArgumentException as {@link Tally#Tally(long, long)}
     */
    public static Tally tally(long recorded, long audited) {
        return new Tally(recorded, audited);
    }

    /**
     * A tally written as the command line takes it: {@code tally("188/202")}.
     *
     * @param text {@code recorded/audited} in ASCII digits
     * @return the tally
     * @throws IllegalArgumentException as {@link Tally#parse(String)}
     */
    public static Tally tally(String text) {
        return Tally.parse(text);
    }

    /**
     * An inspection from its numbers, in one line: the name, then for each category its name,
     * recorded, audited and volume (and optionally the population it was drawn from):
     * {@code inspection("PEEL 2021/22", "violence", 180, 202, 25000, "sexual offences", 131, 132, 2500)}.
     * ({@link Inspection#builder(String)}.)
     *
     * @param name       the inspection's name (a year in it lets comparisons check their order)
     * @param categories per category: its name (a string), then recorded, audited, volume and
     *                   optionally population (whole numbers)
     * @return the inspection
     * @throws IllegalArgumentException for a blank name, no category, a category name that is not
     *                                  followed by three or four whole numbers (the message names
     *                                  the category and what was found), or counts the model refuses
     */
    public static Inspection inspection(String name, Object... categories) {
        Args.notBlank("name", name);
        Args.notNull("categories", categories);
        Inspection.Builder builder = Inspection.builder(name);
        int i = 0;
        if (categories.length == 0) {
            throw new ArgumentException("categories", "inspection(\"" + name + "\", ...) needs its categories: "
                    + "\"violence\", 180, 202, 25000, ... (name, recorded, audited, volume)");
        }
        while (i < categories.length) {
            if (!(categories[i] instanceof String category)) {
                throw new ArgumentException("categories", "inspection \"" + name + "\": expected a category name at"
                        + " position " + (i + 2) + ", found " + describe(categories[i]));
            }
            List<Long> numbers = new ArrayList<>();
            i++;
            while (i < categories.length && !(categories[i] instanceof String)) {
                numbers.add(whole(name, category, categories[i]));
                i++;
            }
            if (numbers.size() == 3) {
                builder.category(category, numbers.get(0), numbers.get(1), numbers.get(2));
            } else if (numbers.size() == 4) {
                builder.category(category, numbers.get(0), numbers.get(1), numbers.get(2), numbers.get(3));
            } else {
                throw new ArgumentException("categories", "inspection \"" + name + "\": category '" + category
                        + "' needs recorded, audited, volume (and optionally population), found " + numbers.size()
                        + " number" + (numbers.size() == 1 ? "" : "s"));
            }
        }
        return builder.build();
    }

    private static long whole(String name, String category, Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        throw new ArgumentException("categories", "inspection \"" + name + "\": category '" + category
                + "' takes whole numbers, found " + describe(value));
    }

    private static String describe(Object value) {
        return value == null ? "null" : value instanceof String s ? "\"" + s + "\"" : value + " (" + value.getClass()
                .getSimpleName() + ")";
    }

    /**
     * The inspections of a file: an inspection file (a row per category with its volume; one file
     * may hold every force), recognised by its header ({@link InspectionSource}); a record-level
     * audit file needs its volumes, {@link #inspections(String, String)}.
     *
     * @param file the file's path, relative to the working directory or absolute; {@code "-"} reads
     *             standard input
     * @return the inspections in the file's order
     * @throws IllegalArgumentException for a blank name, or bad data naming file, line, column and
     *                                  value; also for a record-level audit file
     */
    public static List<Inspection> inspections(String file) {
        return InspectionSource.read(Path.of(Args.notBlank("file", file)), Optional.empty()).inspections();
    }

    /**
     * The inspections of a record-level audit file (a row per audited crime) with the volumes of
     * its categories: {@code inspections("examples/data/audit-2022.csv", "examples/data/volumes.csv")}.
     *
     * @param file    the record-level audit file's path
     * @param volumes the volumes file's path
     * @return the inspections in the audit file's order
     * @throws IllegalArgumentException for a blank name, or bad data naming file, line, column and
     *                                  value; also when {@code file} is an aggregated inspection file
     */
    public static List<Inspection> inspections(String file, String volumes) {
        return InspectionSource.read(Path.of(Args.notBlank("file", file)),
                Optional.of(Path.of(Args.notBlank("volumes", volumes)))).inspections();
    }

    /**
     * The one inspection of a file: {@code inspection("examples/data/peel-2022.csv")}.
     *
     * @param file the file's path; {@code "-"} reads standard input
     * @return its inspection
     * @throws IllegalArgumentException for bad data, or a file holding several inspections (use
     *                                  {@link #inspections(String)})
     */
    public static Inspection inspection(String file) {
        return only(file, inspections(file));
    }

    /**
     * The one inspection of a record-level audit file, with its volumes.
     *
     * @param file    the record-level audit file's path
     * @param volumes the volumes file's path
     * @return its inspection
     * @throws IllegalArgumentException as {@link #inspections(String, String)}, or several inspections
     */
    public static Inspection inspection(String file, String volumes) {
        return only(file, inspections(file, volumes));
    }

    private static Inspection only(String file, List<Inspection> all) {
        if (all.size() != 1) {
            throw new ArgumentException("file", "file (" + file + ") holds " + all.size()
                    + " inspections: use inspections(\"" + file + "\")");
        }
        return all.get(0);
    }

    /**
     * A published "rate +/- margin" in percent at 95% ({@link PublishedFigure#fromPercent(double, double)}).
     *
     * @param ratePercent   the rate in percent, 0 to 100 (93.2)
     * @param marginPercent the "+/-" in percent, 1e-7 to 100 (2.3)
     * @return the figure
     * @throws IllegalArgumentException for a rate outside [0, 100], a margin out of range, or
     *                                  figures that look like fractions (0.932, 0.023)
     */
    public static PublishedFigure published(double ratePercent, double marginPercent) {
        return PublishedFigure.fromPercent(ratePercent, marginPercent);
    }

    // ------------------------------------------------------------------ estimate

    static Options estimateTallyOptions() {
        return Options.of("estimate").choice("interval method", IntervalMethod.class, "method")
                .word("all", "every interval method", IntervalMethod.class).named("confidence");
    }

    static Options estimateInspectionOptions() {
        return Options.of("estimate").choice("interval method", AllCrimeMethod.class, "method")
                .word("all", "every interval method", AllCrimeMethod.class)
                .choice("variance", VarianceConvention.class, "variance").named("confidence");
    }

    /**
     * The recording rate with a 95% Wilson interval ({@link RateEstimator#withDefaults()}), like R's
     * {@code binom::binom.confint(188, 202, methods = "wilson")}.
     *
     * @param recorded audited reports that the force recorded, 0 to {@code audited}
     * @param audited  reports audited, 1 to 2<sup>53</sup>
     * @return the estimate: rate, interval, standard error and published-style margin
     * @throws IllegalArgumentException for invalid counts (see {@link RateEstimator#estimate(long, long)})
     */
    public static RateEstimate estimate(long recorded, long audited) {
        return RateEstimator.withDefaults().estimate(recorded, audited);
    }

    /**
     * The recording rate of a tally with a 95% Wilson interval.
     *
     * @param tally the tally
     * @return the estimate
     * @throws IllegalArgumentException for a null tally or counts beyond 2<sup>53</sup>
     */
    public static RateEstimate estimate(Tally tally) {
        return RateEstimator.withDefaults().estimate(Args.notNull("tally", tally));
    }

    /**
     * The recording rate with a 95% interval by {@code method}.
     *
     * @param recorded audited reports that the force recorded, 0 to {@code audited}
     * @param audited  reports audited, 1 to 2<sup>53</sup>
     * @param method   the interval method
     * @return the estimate
     * @throws IllegalArgumentException for invalid counts or a null method
     */
    public static RateEstimate estimate(long recorded, long audited, IntervalMethod method) {
        return RateEstimator.withDefaults().with(method).estimate(recorded, audited);
    }

    /**
     * The recording rate with an interval by {@code method} at {@code confidence}.
     *
     * @param recorded   audited reports that the force recorded, 0 to {@code audited}
     * @param audited    reports audited, 1 to 2<sup>53</sup>
     * @param method     the interval method
     * @param confidence the two-sided level as a fraction (0.99, not 99), 10<sup>-6</sup> to 1 - 10<sup>-9</sup>
     * @return the estimate
     * @throws IllegalArgumentException for invalid counts, a null method or a confidence out of range
     */
    public static RateEstimate estimate(long recorded, long audited, IntervalMethod method, double confidence) {
        return RateEstimator.withDefaults().with(method).withConfidence(confidence).estimate(recorded, audited);
    }

    /**
     * The recording rate by the methods the options name, the command line's
     * {@code estimate --recorded 188 --audited 202 --method ...}: {@code estimate(180, 202, "jeffreys")},
     * {@code estimate(188, 202, "all")} (every method, as R's {@code binom.confint(.., methods = "all")}),
     * {@code estimate(188, 202, "clopper_pearson", "confidence=0.99")}.
     *
     * @param recorded audited reports that the force recorded, 0 to {@code audited}
     * @param audited  reports audited, 1 to 2<sup>53</sup>
     * @param options  an interval method's token or {@code "all"} (default wilson), {@code "confidence=..."}
     * @return the estimates, one per method; {@code .get(0)} for the estimate itself
     * @throws IllegalArgumentException for invalid counts, an unknown option (the message lists them) or a
     *                                  confidence out of range
     */
    public static Results<RateEstimate> estimate(long recorded, long audited, String... options) {
        return estimate(tally(recorded, audited), options);
    }

    /**
     * As {@link #estimate(long, long, String...)} with the level as a number:
     * {@code estimate(188, 202, "clopper_pearson", 0.99)}.
     *
     * @param recorded   audited reports that the force recorded, 0 to {@code audited}
     * @param audited    reports audited, 1 to 2<sup>53</sup>
     * @param method     an interval method's token, or {@code "all"}
     * @param confidence the two-sided level as a fraction (0.99, not 99)
     * @return the estimates, one per method
     * @throws IllegalArgumentException for invalid counts, an unknown token or a confidence out of range
     *                                  (95 is refused with "did you mean 0.95?")
     */
    public static Results<RateEstimate> estimate(long recorded, long audited, String method, double confidence) {
        return estimate(tally(recorded, audited), method, "confidence=" + confidence);
    }

    /**
     * A tally's rate by the methods the options name: {@code estimate(tally(188, 202), "all")}.
     *
     * @param tally   the tally
     * @param options an interval method's token or {@code "all"} (default wilson), {@code "confidence=..."}
     * @return the estimates, one per method
     * @throws IllegalArgumentException for a null tally, an unknown option or a confidence out of range
     */
    public static Results<RateEstimate> estimate(Tally tally, String... options) {
        Args.notNull("tally", tally);
        Options o = estimateTallyOptions().read(options);
        RateEstimator estimator = RateEstimator.withDefaults().withConfidence(o.number("confidence", 0.95));
        List<IntervalMethod> methods = o.has("all") ? List.of(IntervalMethod.values())
                : List.of(o.choice(IntervalMethod.class, IntervalMethod.WILSON));
        List<RateEstimate> estimates = new ArrayList<>();
        for (IntervalMethod method : methods) {
            estimates.add(estimator.with(method).estimate(tally));
        }
        return Results.of(tally + " by " + (methods.size() > 1 ? "every interval method" : methods.get(0).displayName()),
                estimates, RecordingRate::withCoverageNotes);
    }

    /**
     * The estimates' tables one after another, with the note the command line's {@code estimate} puts
     * on the row of a method known to under-cover at the tally ({@link UnderCoverage}).
     */
    private static ResultTable withCoverageNotes(List<RateEstimate> estimates) {
        List<ResultTable> tables = new ArrayList<>();
        for (RateEstimate estimate : estimates) {
            ResultTable one = estimate.table();
            UnderCoverage.note(estimate.method(), estimate.confidence(), estimate.tally()).ifPresent(one::noteRow);
            tables.add(one);
        }
        return ResultTable.concat(tables);
    }

    /**
     * Every category and all crime of an inspection, with the default estimator (Wilson, binomial
     * variance, 95%; {@link InspectionEstimator#withDefaults()}).
     *
     * @param inspection the inspection
     * @return a row per category and the all-crime row
     * @throws IllegalArgumentException if {@code inspection} is null, or as
     *                                  {@link InspectionEstimator#estimate(Inspection)}
     */
    public static InspectionEstimate estimate(Inspection inspection) {
        return InspectionEstimator.withDefaults().estimate(Args.notNull("inspection", inspection));
    }

    /**
     * Every category and all crime of an inspection by {@code method}, binomial variance, 95%.
     *
     * @param inspection the inspection
     * @param method     the interval method for every row
     * @return a row per category and the all-crime row
     * @throws IllegalArgumentException if an argument is null, or as
     *                                  {@link InspectionEstimator#estimate(Inspection)}
     */
    public static InspectionEstimate estimate(Inspection inspection, AllCrimeMethod method) {
        return InspectionEstimator.withDefaults().with(method).estimate(Args.notNull("inspection", inspection));
    }

    /**
     * Every category and all crime of an inspection by {@code method} under {@code variance}, 95%.
     *
     * @param inspection the inspection
     * @param method     the interval method for every row
     * @param variance   the variance convention (survey: finite population correction, incidents as clusters)
     * @return a row per category and the all-crime row
     * @throws IllegalArgumentException if an argument is null, or as
     *                                  {@link InspectionEstimator#estimate(Inspection)}
     */
    public static InspectionEstimate estimate(Inspection inspection, AllCrimeMethod method,
                                              VarianceConvention variance) {
        return InspectionEstimator.withDefaults().with(method).with(variance)
                .estimate(Args.notNull("inspection", inspection));
    }

    /**
     * An inspection's categories and all crime by the options, the command line's {@code estimate
     * FILE --method .. --variance ..}: {@code estimate(peel, "korn_graubard", "survey")},
     * {@code estimate(peel, "all")} (every method, a table with a {@code method} column).
     *
     * @param inspection the inspection
     * @param options    a method's token or {@code "all"} (default wilson), {@code "binomial"} or
     *                   {@code "survey"}, {@code "confidence=..."}
     * @return the estimates, one per method
     * @throws IllegalArgumentException for a null inspection, an unknown option, or as
     *                                  {@link InspectionEstimator#estimate(Inspection)}
     */
    public static Results<InspectionEstimate> estimate(Inspection inspection, String... options) {
        return estimate(List.of(Args.notNull("inspection", inspection)), options);
    }

    /**
     * Every inspection of a list (a file of many forces) by the options:
     * {@code estimate(inspections("examples/data/forces-2022.csv"))}.
     *
     * @param inspections the inspections, at least one
     * @param options     as {@link #estimate(Inspection, String...)}
     * @return the estimates, per method then per inspection
     * @throws IllegalArgumentException for a null or empty list, an unknown option, or as
     *                                  {@link InspectionEstimator#estimate(Inspection)}
     */
    public static Results<InspectionEstimate> estimate(List<Inspection> inspections, String... options) {
        Args.notNull("inspections", inspections);
        Options o = estimateInspectionOptions().read(options);
        InspectionEstimator estimator = InspectionEstimator.withDefaults()
                .with(o.choice(VarianceConvention.class, VarianceConvention.BINOMIAL))
                .withConfidence(o.number("confidence", 0.95));
        List<AllCrimeMethod> methods = o.has("all") ? List.of(AllCrimeMethod.values())
                : List.of(o.choice(AllCrimeMethod.class, AllCrimeMethod.WILSON));
        List<InspectionEstimate> estimates = new ArrayList<>();
        for (AllCrimeMethod method : methods) {
            for (Inspection inspection : inspections) {
                estimates.add(estimator.with(method).estimate(Args.notNull("inspection", inspection)));
            }
        }
        boolean several = methods.size() > 1;
        String title = (inspections.size() == 1 ? inspections.get(0).name() : inspections.size() + " inspections")
                + " by " + (several ? "every interval method" : methods.get(0).displayName());
        return Results.of(title, estimates, all -> EstimateColumns.inspectionEstimates(all, 0, several));
    }

    // ------------------------------------------------------------------ compare

    static Options compareTallyOptions() {
        return Options.of("compare").choice("interval method", DifferenceMethod.class, "method")
                .choice("test", ChangeTest.class, "test").word("permutation", "test", ChangeTest.class)
                .choice("alternative", Alternative.class, "alternative")
                .named("confidence", "significance", "replicates", "seed");
    }

    static Options compareInspectionOptions() {
        return compareTallyOptions().choice("variance", VarianceConvention.class, "variance")
                .choice("p-value adjustment", PValueAdjustment.class, "adjust");
    }

    private static Comparison comparison(Options o) {
        ChangeTestMethod test = o.has("permutation")
                ? PermutationTest.withDefaults().withReplicates(o.whole("replicates", 100_000)).withSeed(o.whole("seed", 1))
                : o.choice(ChangeTest.class, ChangeTest.Z_POOLED);
        if (!o.has("permutation") && (o.given("replicates") || o.given("seed"))) {
            throw new ArgumentException("options", "compare: replicates= and seed= go with the \"permutation\" test");
        }
        return Comparison.withDefaults().with(o.choice(DifferenceMethod.class, DifferenceMethod.MIETTINEN_NURMINEN))
                .with(test).with(o.choice(Alternative.class, Alternative.TWO_SIDED))
                .with(o.choice(VarianceConvention.class, VarianceConvention.BINOMIAL))
                .with(o.choice(PValueAdjustment.class, PValueAdjustment.HOLM))
                .withConfidence(o.number("confidence", 0.95)).withSignificance(o.number("significance", 0.05));
    }

    /**
     * The change from {@code before} to {@code after} (Miettinen-Nurminen interval, pooled z test,
     * two-sided, 95%; {@link Comparison#withDefaults()}): the earlier tally first.
     *
     * @param before the earlier tally
     * @param after  the later tally
     * @return the change, its interval, the test and the verdict at 5%
     * @throws IllegalArgumentException if a tally is null or audited more than 2<sup>53</sup>
     */
    public static Change compare(Tally before, Tally after) {
        return Comparison.withDefaults().compare(Args.notNull("before", before), Args.notNull("after", after));
    }

    /**
     * The change from {@code before} to {@code after} by the options, the command line's
     * {@code compare --before .. --after ..}: {@code compare(tally(512, 640), tally(188, 202), "newcombe",
     * "fisher_exact")}, {@code compare(b, a, "wald_cc", "chisq_yates")} (R's {@code prop.test}),
     * {@code compare(b, a, "permutation", "seed=42")}.
     *
     * @param before  the earlier tally
     * @param after   the later tally
     * @param options an interval method, a test (or {@code "permutation"}), an alternative,
     *                {@code "confidence=.."}, {@code "significance=.."}, and for the permutation test
     *                {@code "replicates=.."}, {@code "seed=.."}
     * @return the change, its interval, the test and the verdict
     * @throws IllegalArgumentException for a null tally, an unknown option, or tallies beyond a test's
     *                                  size limit (the exact tests)
     */
    public static Change compare(Tally before, Tally after, String... options) {
        return comparison(compareTallyOptions().read(options))
                .compare(Args.notNull("before", before), Args.notNull("after", after));
    }

    /**
     * Two inspections compared: each category (Holm-adjusted verdicts), all crime and the
     * Cochran-Mantel-Haenszel test ({@link Comparison#compare(Inspection, Inspection)} with the
     * defaults), the earlier inspection first. When the names carry years in the other order, the
     * result says so in its notes.
     *
     * @param before the earlier inspection
     * @param after  the later inspection
     * @return the category changes, the all-crime change and the Cochran-Mantel-Haenszel test
     * @throws IllegalArgumentException if an inspection is null, or as
     *                                  {@link Comparison#compare(Inspection, Inspection)}
     */
    public static InspectionChange compare(Inspection before, Inspection after) {
        return Comparison.withDefaults().compare(Args.notNull("before", before), Args.notNull("after", after));
    }

    /**
     * Two inspections compared by the options, the command line's {@code compare BEFORE.csv AFTER.csv
     * ...}: {@code compare(cdi, peel, "fisher_exact", "survey")}.
     *
     * @param before  the earlier inspection
     * @param after   the later inspection
     * @param options as {@link #compare(Tally, Tally, String...)}, and {@code "binomial"} or {@code "survey"}
     *                (the variance of all crime), an adjustment ({@code "holm"}, {@code "none"}, ...)
     * @return the category changes, the all-crime change and the Cochran-Mantel-Haenszel test
     * @throws IllegalArgumentException for a null inspection, an unknown option, or as
     *                                  {@link Comparison#compare(Inspection, Inspection)}
     */
    public static InspectionChange compare(Inspection before, Inspection after, String... options) {
        return comparison(compareInspectionOptions().read(options))
                .compare(Args.notNull("before", before), Args.notNull("after", after));
    }

    /**
     * Two published figures compared, the earlier first ({@code compare(published(87.8, 1.7),
     * published(93.2, 2.3))}): the two-sample z-test on their standard errors, as
     * {@link PublishedFigure#compareWith(PublishedFigure, double, Alternative)} (which takes the later first).
     *
     * @param before  the earlier figure
     * @param after   the later figure
     * @param options an alternative, {@code "significance=.."}
     * @return the change, z, p-value and verdict
     * @throws IllegalArgumentException for a null figure or an unknown option
     */
    public static PublishedComparison compare(PublishedFigure before, PublishedFigure after, String... options) {
        Options o = Options.of("compare").choice("alternative", Alternative.class, "alternative")
                .named("significance").read(options);
        return Args.notNull("after", after).compareWith(Args.notNull("before", before),
                o.number("significance", PublishedComparison.DEFAULT_SIGNIFICANCE),
                o.choice(Alternative.class, Alternative.TWO_SIDED));
    }

    /**
     * The earlier side of a comparison, for the order-proof form {@code from(tally(512, 640)).to(tally(188, 202))}.
     *
     * @param before the earlier tally
     * @return the side, whose {@code to(after, options...)} compares
     * @throws IllegalArgumentException if {@code before} is null
     */
    public static FromTally from(Tally before) {
        return new FromTally(Args.notNull("before", before));
    }

    /**
     * The earlier side of a comparison of inspections: {@code from(cdi2017).to(peel2022)}.
     *
     * @param before the earlier inspection
     * @return the side, whose {@code to(after, options...)} compares
     * @throws IllegalArgumentException if {@code before} is null
     */
    public static FromInspection from(Inspection before) {
        return new FromInspection(Args.notNull("before", before));
    }

    /**
     * The earlier side of a comparison of published figures:
     * {@code from(published(87.8, 1.7)).to(published(93.2, 2.3))}.
     *
     * @param before the earlier figure
     * @return the side, whose {@code to(after, options...)} compares
     * @throws IllegalArgumentException if {@code before} is null
     */
    public static FromFigure from(PublishedFigure before) {
        return new FromFigure(Args.notNull("before", before));
    }

    /**
     * The earlier tally of a comparison, waiting for the later: {@code from(before).to(after)}.
     *
     * @param before the earlier tally
     */
    public record FromTally(Tally before) {

        /**
         * The change from the earlier tally to {@code after}, as {@link RecordingRate#compare(Tally, Tally, String...)}.
         *
         * @param after   the later tally
         * @param options as {@code compare}'s
         * @return the change
         * @throws IllegalArgumentException as {@code compare}
         */
        public Change to(Tally after, String... options) {
            return compare(before, after, options);
        }

        /** {@code "from 512 of 640 (80.0%): .to(later)"}. */
        @Override
        public String toString() {
            return "from " + before + " (" + org.recordingrate.format.Percent.format(before.rate()) + "): .to(later)";
        }
    }

    /**
     * The earlier inspection of a comparison, waiting for the later: {@code from(before).to(after)}.
     *
     * @param before the earlier inspection
     */
    public record FromInspection(Inspection before) {

        /**
         * The change from the earlier inspection to {@code after}, as
         * {@link RecordingRate#compare(Inspection, Inspection, String...)}.
         *
         * @param after   the later inspection
         * @param options as {@code compare}'s
         * @return the comparison
         * @throws IllegalArgumentException as {@code compare}
         */
        public InspectionChange to(Inspection after, String... options) {
            return compare(before, after, options);
        }

        /** {@code "from cdi-2017: .to(later)"}. */
        @Override
        public String toString() {
            return "from " + before.name() + ": .to(later)";
        }
    }

    /**
     * The earlier published figure of a comparison, waiting for the later: {@code from(before).to(after)}.
     *
     * @param before the earlier figure
     */
    public record FromFigure(PublishedFigure before) {

        /**
         * The comparison of {@code after} with the earlier figure, as
         * {@link RecordingRate#compare(PublishedFigure, PublishedFigure, String...)}.
         *
         * @param after   the later figure
         * @param options as {@code compare}'s
         * @return the comparison
         * @throws IllegalArgumentException as {@code compare}
         */
        public PublishedComparison to(PublishedFigure after, String... options) {
            return compare(before, after, options);
        }

        /** {@code "from 87.8% (+/- 1.7%): .to(later)"}. */
        @Override
        public String toString() {
            return "from " + before + ": .to(later)";
        }
    }

    // ------------------------------------------------------------------ published figures

    static Options reproduceOptions() {
        return Options.of("reproduce").choice("alternative", Alternative.class, "alternative")
                .named("significance", "volume", "more_than", "unit", "category", "verdict");
    }

    /**
     * The comparison of a published figure with the previous one, all in percent at 95%, verdict at 5%
     * (two-sided z-test on the standard errors margin / 1.959964): {@code reproduce(93.2, 2.3, 87.8, 1.7)},
     * the later figure first, as the reports print them.
     *
     * @param ratePercent           the later (current) rate in percent
     * @param marginPercent         its "+/-" in percent
     * @param previousRatePercent   the earlier rate in percent
     * @param previousMarginPercent its "+/-" in percent
     * @return the change, z, p-value and verdict
     * @throws IllegalArgumentException as {@link #published(double, double)}
     */
    public static PublishedComparison reproduce(double ratePercent, double marginPercent, double previousRatePercent,
                                                double previousMarginPercent) {
        return published(ratePercent, marginPercent).compareWith(published(previousRatePercent, previousMarginPercent));
    }

    /**
     * A published figure reproduced and checked, the command line's {@code reproduce --rate ..
     * --margin ..}: {@code reproduce(93.2, 2.3, "volume=62000", "more_than=4500", "category=all crime")}:
     * its standard error, interval and implied audited count; with a volume the unrecorded crimes, with
     * a published "more than N" the volumes consistent with it, and whether a whole tally gives the
     * figure (a category's) ({@link FigureCheck}).
     *
     * @param ratePercent   the rate in percent
     * @param marginPercent its "+/-" in percent
     * @param options       {@code "volume=.."}, {@code "more_than=.."}, {@code "unit=.."} (the rounding of
     *                      "more than N"), {@code "category=.."} ({@code all crime} skips the tally check)
     * @return the figure with what was asked and its check
     * @throws IllegalArgumentException as {@link #published(double, double)}, or for an unknown option
     */
    public static FigureResult reproduce(double ratePercent, double marginPercent, String... options) {
        return figure(published(ratePercent, marginPercent), Optional.empty(), reproduceOptions().read(options));
    }

    /**
     * A published figure compared with the previous one and checked, the command line's
     * {@code reproduce --rate .. --previous-rate ..}: {@code reproduce(86.5, 4.6, 88.9, 3.9,
     * "verdict=statistically significant deterioration")} says whether the published words fit the figures
     * (with a volume and "more than N", that too).
     *
     * @param ratePercent           the later rate in percent
     * @param marginPercent         its "+/-" in percent
     * @param previousRatePercent   the earlier rate in percent
     * @param previousMarginPercent its "+/-" in percent
     * @param options               as {@link #reproduce(double, double, String...)}, and an alternative,
     *                              {@code "significance=.."}, the published verdict in its words
     *                              ({@code "verdict=statistically significant improvement"}, "no ... change")
     * @return the figure, its comparison and its check
     * @throws IllegalArgumentException as {@link #published(double, double)}, or for an unknown option
     */
    public static FigureResult reproduce(double ratePercent, double marginPercent, double previousRatePercent,
                                         double previousMarginPercent, String... options) {
        return figure(published(ratePercent, marginPercent),
                Optional.of(published(previousRatePercent, previousMarginPercent)), reproduceOptions().read(options));
    }

    private static FigureResult figure(PublishedFigure current, Optional<PublishedFigure> previous, Options o) {
        OptionalLong volume = o.whole("volume");
        OptionalLong moreThan = o.whole("more_than");
        long unit = o.whole("unit", 0);
        boolean allCrime = o.text("category").map(Names::isAllCrime).orElse(false);
        Optional<Verdict> published = o.text("verdict").map(FigureCheck::verdict);
        FigureCheck check = FigureCheck.of(current, previous, published,
                moreThan, volume, allCrime, unit, o.number("significance", PublishedComparison.DEFAULT_SIGNIFICANCE),
                o.choice(Alternative.class, Alternative.TWO_SIDED));
        Optional<VolumeRange> volumes = moreThan.isPresent()
                ? Optional.of(current.volumesConsistentWith(moreThan.getAsLong(), unit)) : Optional.empty();
        return new FigureResult(current, check.comparison(),
                volume.isPresent() ? Optional.of(current.unrecorded(volume.getAsLong())) : Optional.empty(), volumes, check);
    }

    /**
     * Every crime-data-integrity figure in reports' text, checked (the command line's
     * {@code reproduce --from-text}; {@link PublishedReport#read(Path...)}):
     * {@code fromText("examples/data/report-paragraph.txt")}. Then {@code .withVolume("all crime", 72000)}
     * checks a published "more than N", {@code .inconsistent()} lists the figures the words contradict.
     *
     * @param files text or PDF files, or folders of them
     * @return the figures found, one row each, with the reports' notes
     * @throws IllegalArgumentException for no file, a blank name, or a file that cannot be read
     */
    public static PublishedReport fromText(String... files) {
        Args.notNull("files", files);
        if (files.length == 0) {
            throw new ArgumentException("files", "fromText needs a report's text file (or a folder of them)");
        }
        List<Path> paths = new ArrayList<>();
        for (String file : files) {
            paths.add(Path.of(Args.notBlank("file", file)));
        }
        return PublishedReport.read(paths);
    }

    // ------------------------------------------------------------------ resampling

    static Options bootstrapOptions() {
        return Options.of("bootstrap").choice("interval", BootstrapInterval.class, "interval")
                .choice("ties", TieCounting.class, "ties").named("confidence", "replicates", "seed", "threads");
    }

    private static Bootstrap bootstrap(Options o) {
        Bootstrap b = Bootstrap.withDefaults().with(o.choice(BootstrapInterval.class, BootstrapInterval.BCA))
                .with(o.choice(TieCounting.class, TieCounting.HALF)).withConfidence(o.number("confidence", 0.95))
                .withReplicates(o.whole("replicates", 100_000)).withSeed(o.whole("seed", 1));
        return o.given("threads") ? b.withThreads((int) Math.min(Integer.MAX_VALUE, o.whole("threads", 1))) : b;
    }

    /**
     * The bootstrap interval of a tally's rate (BCa, 100,000 replicates, seed 1, 95%;
     * {@link Bootstrap#withDefaults()}), the command line's {@code bootstrap --recorded .. --audited ..}:
     * {@code bootstrap(tally(180, 202), "percentile", "seed=42")}. As R's {@code boot.ci}.
     *
     * @param tally   the tally
     * @param options an interval ({@code bca}, {@code percentile}, {@code basic}, {@code normal},
     *                {@code studentized}, {@code exact}), ties, {@code "replicates=.."}, {@code "seed=.."},
     *                {@code "confidence=.."}, {@code "threads=.."} (the result does not depend on it)
     * @return the estimate with its bootstrap interval
     * @throws IllegalArgumentException for a null tally or an unknown or bad option
     */
    public static TallyBootstrap bootstrap(Tally tally, String... options) {
        Args.notNull("tally", tally);
        return new TallyBootstrap(tally, bootstrap(bootstrapOptions().read(options)).estimate(tally));
    }

    /**
     * The bootstrap of every category and all crime of an inspection (incidents resampled when the
     * records named them), the command line's {@code bootstrap FILE}: {@code bootstrap(peel)}.
     *
     * @param inspection the inspection
     * @param options    as {@link #bootstrap(Tally, String...)}
     * @return a row per category and all crime
     * @throws IllegalArgumentException for a null inspection or a bad option
     */
    public static BootstrapInspectionEstimate bootstrap(Inspection inspection, String... options) {
        return bootstrap(bootstrapOptions().read(options)).estimate(Args.notNull("inspection", inspection));
    }

    /**
     * The bootstrap interval of the change between two tallies (each resampled), the earlier first.
     *
     * @param before  the earlier tally
     * @param after   the later tally
     * @param options as {@link #bootstrap(Tally, String...)}
     * @return the change with its bootstrap interval
     * @throws IllegalArgumentException for a null tally or a bad option
     */
    public static ChangeBootstrap bootstrap(Tally before, Tally after, String... options) {
        Args.notNull("before", before);
        Args.notNull("after", after);
        return new ChangeBootstrap(before, after, bootstrap(bootstrapOptions().read(options)).compare(before, after));
    }

    /**
     * The bootstrap of the change between two inspections, per category and all crime, the earlier
     * first: the command line's {@code bootstrap BEFORE.csv AFTER.csv}.
     *
     * @param before  the earlier inspection
     * @param after   the later inspection
     * @param options as {@link #bootstrap(Tally, String...)}
     * @return a row per category in both and all crime
     * @throws IllegalArgumentException for a null inspection, no category in common, or a bad option
     */
    public static BootstrapInspectionChange bootstrap(Inspection before, Inspection after, String... options) {
        Args.notNull("before", before);
        Args.notNull("after", after);
        warnOrder(before, after);
        return bootstrap(bootstrapOptions().read(options)).compare(before, after);
    }

    static Options permuteOptions() {
        return Options.of("permute").choice("alternative", Alternative.class, "alternative")
                .choice("enumeration", Enumeration.class, "enumerate").named("replicates", "seed", "threads");
    }

    private static PermutationTest permutation(Options o) {
        PermutationTest p = PermutationTest.withDefaults().with(o.choice(Enumeration.class, Enumeration.AUTO))
                .withReplicates(o.whole("replicates", 100_000)).withSeed(o.whole("seed", 1));
        return o.given("threads") ? p.withThreads((int) Math.min(Integer.MAX_VALUE, o.whole("threads", 1))) : p;
    }

    /**
     * The permutation test of a change between two tallies, two-sided unless an alternative is given,
     * the earlier first: the command line's {@code permute --before .. --after ..}:
     * {@code permute(tally(512, 640), tally(188, 202))}.
     *
     * @param before  the earlier tally
     * @param after   the later tally
     * @param options an alternative ({@code two_sided}, {@code improved}, {@code deteriorated}), an
     *                enumeration ({@code auto}, {@code always}, {@code never}), {@code "replicates=.."},
     *                {@code "seed=.."}, {@code "threads=.."}
     * @return the change and its p-value
     * @throws IllegalArgumentException for a null tally or a bad option
     */
    public static TallyPermutation permute(Tally before, Tally after, String... options) {
        Args.notNull("before", before);
        Args.notNull("after", after);
        Options o = permuteOptions().read(options);
        return new TallyPermutation(before, after,
                permutation(o).permute(before, after, o.choice(Alternative.class, Alternative.TWO_SIDED)));
    }

    /**
     * The permutation tests of the change between two inspections, each category and all crime
     * (stratified by category), two-sided unless an alternative is given: the command line's
     * {@code permute BEFORE.csv AFTER.csv}.
     *
     * @param before  the earlier inspection
     * @param after   the later inspection
     * @param options as {@link #permute(Tally, Tally, String...)}
     * @return a row per category in both and all crime
     * @throws IllegalArgumentException for a null inspection, no category in common, or a bad option
     */
    public static PermutationInspectionResult permute(Inspection before, Inspection after, String... options) {
        Args.notNull("before", before);
        Args.notNull("after", after);
        warnOrder(before, after);
        Options o = permuteOptions().read(options);
        return permutation(o).permuteAll(before, after, o.choice(Alternative.class, Alternative.TWO_SIDED));
    }

    /** Said on standard error when the names' years contradict the order (the results cannot carry it). */
    private static void warnOrder(Inspection before, Inspection after) {
        Names.laterFirst(before.name(), after.name()).ifPresent(note -> System.err.println("Note: " + note));
    }

    // ------------------------------------------------------------------ planning

    static Options planOptions() {
        return Options.of("plan").choice("interval method", IntervalMethod.class, "method")
                .named("confidence", "population");
    }

    /**
     * The audited count for a target margin at an expected rate, both in percent, 95%, Wilson
     * ({@link SampleSizePlanner#withDefaults()}): {@code plan(3, 90)}. Records are taken as drawn
     * from an unlimited population.
     *
     * @param marginPercent   the target "+/-" in points, strictly between 0 and 100 (3 for +/- 3 points)
     * @param expectedPercent the expected recording rate in percent, 0 to 100
     * @return the smallest audited count whose margin is at most the target
     * @throws IllegalArgumentException for targets out of range, or that look like fractions
     *                                  ({@code plan(0.03, 0.9)}: the message gives them in percent)
     */
    public static SampleSize plan(double marginPercent, double expectedPercent) {
        return SampleSizePlanner.withDefaults().plan(marginPercent, expectedPercent);
    }

    /**
     * As {@link #plan(double, double)} by the options, the command line's {@code plan --margin ..
     * --expected ..}: {@code plan(2.5, 90, "wald")}, {@code plan(2.5, 90, "clopper_pearson", "population=2000")}.
     *
     * @param marginPercent   the target "+/-" in points
     * @param expectedPercent the expected recording rate in percent
     * @param options         an interval method, {@code "confidence=.."}, {@code "population=.."} (the
     *                        records the sample is drawn from)
     * @return the smallest audited count whose margin by that method is at most the target
     * @throws IllegalArgumentException for targets out of range or like fractions, or a bad option
     */
    public static SampleSize plan(double marginPercent, double expectedPercent, String... options) {
        Options o = planOptions().read(options);
        SampleSizePlanner planner = SampleSizePlanner.withDefaults()
                .with(o.choice(IntervalMethod.class, IntervalMethod.WILSON)).withConfidence(o.number("confidence", 0.95));
        OptionalLong population = o.whole("population");
        return population.isPresent() ? planner.plan(marginPercent, expectedPercent, population.getAsLong())
                : planner.plan(marginPercent, expectedPercent);
    }

    static Options powerOptions() {
        return Options.of("power").choice("test", ChangeTest.class, "test")
                .choice("power method", PowerMethod.class, "power_method")
                .choice("alternative", Alternative.class, "alternative")
                .named("significance", "replicates", "seed");
    }

    private static PowerPlanner powerPlanner(Options o) {
        PowerPlanner planner = PowerPlanner.withDefaults().with(o.choice(ChangeTest.class, ChangeTest.Z_POOLED))
                .with(o.choice(PowerMethod.class, PowerMethod.NORMAL))
                .with(o.choice(Alternative.class, Alternative.TWO_SIDED)).withSignificance(o.number("significance", 0.05));
        return o.given("replicates") || o.given("seed")
                ? planner.withSimulation(o.whole("replicates", 10_000), o.whole("seed", 2022)) : planner;
    }

    /**
     * The audited count for the power to detect a change from the previous inspection, the command
     * line's {@code plan --previous 512/640 --detect 5 --power 0.8}: {@code plan(tally(512, 640), 5, 0.8)}.
     *
     * @param previous     the previous inspection's tally
     * @param detectPoints the change to detect in points (5 for +5 points)
     * @param power        the power wanted, strictly between 0 and 1 (0.8)
     * @param options      a test, a power method ({@code normal}, {@code exact}, {@code simulation}), an
     *                     alternative, {@code "significance=.."}, {@code "replicates=.."} and {@code "seed=.."}
     *                     for simulation
     * @return the count, with the power there and at one fewer
     * @throws IllegalArgumentException as {@link PowerPlanner#plan(Tally, double, double)}, or a bad option
     */
    public static PowerSize plan(Tally previous, double detectPoints, double power, String... options) {
        return powerPlanner(powerOptions().read(options)).plan(Args.notNull("previous", previous), detectPoints, power);
    }

    /**
     * The power of an audit of {@code audited} records to detect a change from the previous inspection,
     * the command line's {@code plan --previous 512/640 --detect 5 --audited 200}:
     * {@code power(tally(512, 640), 5, 200)}.
     *
     * @param previous     the previous inspection's tally
     * @param detectPoints the change to detect in points
     * @param audited      the planned audited count
     * @param options      as {@link #plan(Tally, double, double, String...)}
     * @return the power, with its settings
     * @throws IllegalArgumentException as {@link PowerPlanner#power(Tally, double, long)}, or a bad option
     */
    public static PowerPoint power(Tally previous, double detectPoints, long audited, String... options) {
        return powerPlanner(powerOptions().read(options)).power(Args.notNull("previous", previous), detectPoints,
                audited);
    }

    /**
     * The attribute sample that shows, at 95% one-sided, that under {@code tolerablePercent} of reports
     * go unrecorded when at most {@code expectedErrors} are found unrecorded, the command line's
     * {@code plan --upper-bound 5 --expected-errors 0}: {@code upperBound(5, 0)} (59 records).
     *
     * @param tolerablePercent the tolerable share unrecorded in percent (5)
     * @param expectedErrors   unrecorded reports allowed in the sample
     * @param options          {@code "confidence=.."}, {@code "population=.."}
     * @return the sample size
     * @throws IllegalArgumentException as {@link UpperBoundPlanner#plan(double, long)}, or a bad option
     */
    public static UpperBoundSize upperBound(double tolerablePercent, long expectedErrors, String... options) {
        Options o = Options.of("upperBound").named("confidence", "population").read(options);
        UpperBoundPlanner planner = UpperBoundPlanner.withDefaults().withConfidence(o.number("confidence", 0.95));
        OptionalLong population = o.whole("population");
        return population.isPresent() ? planner.plan(tolerablePercent, expectedErrors, population.getAsLong())
                : planner.plan(tolerablePercent, expectedErrors);
    }

    static Options allocateOptions() {
        return Options.of("allocate").choice("allocation", Allocation.class, "allocation").named("minimum", "confidence");
    }

    /**
     * A category to plan: its name, volume and expected rate in percent, for
     * {@link #allocate(List, double, String...)}: {@code planning("violence", 25000, 89)}.
     *
     * @param name            the category
     * @param volume          the crimes it recorded in a year
     * @param expectedPercent its expected recording rate in percent
     * @return the category to plan
     * @throws IllegalArgumentException as {@link PlanningCategory#of(Category, double)} (a rate that looks
     *                                  like a fraction is refused with the way out)
     */
    public static PlanningCategory planning(String name, long volume, double expectedPercent) {
        return PlanningCategory.of(Category.of(name, volume), expectedPercent);
    }

    /**
     * The audited counts per category for a target margin on all crime (optimal allocation, 95%,
     * {@link AllocationPlanner#withDefaults()}), with the volumes of the last inspection and its rates
     * as the expected ones: plan next year's audit from this year's, {@code allocate(peel, 3, "minimum=50")}.
     * The plan's notes say when a category's own margin would be looser than twice the target;
     * {@code "minimum=.."} audits at least that many in each.
     *
     * @param previous      the last inspection (volumes, and the rates expected again)
     * @param marginPercent the all-crime "+/-" wanted, in points
     * @param options       an allocation ({@code optimal}, {@code neyman}, {@code proportional}),
     *                      {@code "minimum=.."}, {@code "confidence=.."}
     * @return the plan: a row per category and all crime
     * @throws IllegalArgumentException as {@link AllocationPlanner#plan(List, double)}, or a bad option
     */
    public static AllocationPlan allocate(Inspection previous, double marginPercent, String... options) {
        Args.notNull("previous", previous);
        List<PlanningCategory> categories = new ArrayList<>();
        for (AuditedCategory category : previous.categories()) {
            categories.add(PlanningCategory.of(category.category(), 100 * category.tally().rate()));
        }
        return allocate(categories, marginPercent, options);
    }

    /**
     * The audited counts per category for a target margin on all crime, the command line's
     * {@code plan --volumes FILE --margin 3 --allocation optimal --minimum 50}:
     * {@code allocate(List.of(planning("violence", 25000, 89), planning("other crime", 35000, 93)), 3)}.
     *
     * @param categories    the categories with their volumes and expected rates
     * @param marginPercent the all-crime "+/-" wanted, in points
     * @param options       as {@link #allocate(Inspection, double, String...)}
     * @return the plan: a row per category and all crime
     * @throws IllegalArgumentException as {@link AllocationPlanner#plan(List, double)}, or a bad option
     */
    public static AllocationPlan allocate(List<PlanningCategory> categories, double marginPercent, String... options) {
        Options o = allocateOptions().read(options);
        AllocationPlanner planner = AllocationPlanner.withDefaults().with(o.choice(Allocation.class, Allocation.OPTIMAL))
                .withConfidence(o.number("confidence", 0.95));
        if (o.given("minimum")) {
            planner = planner.withMinimum(o.whole("minimum", 1));
        }
        return planner.plan(Args.notNull("categories", categories), marginPercent);
    }

    // ------------------------------------------------------------------ reports and plots

    static Options reportOptions() {
        return Options.of("report").choice("rate interval", AllCrimeMethod.class, "method")
                .choice("variance", VarianceConvention.class, "variance")
                .choice("change interval", DifferenceMethod.class, "change_method")
                .choice("test", ChangeTest.class, "test")
                .choice("alternative", Alternative.class, "alternative")
                .choice("p-value adjustment", PValueAdjustment.class, "adjust")
                .named("since", "unit", "confidence", "significance");
    }

    /**
     * The inspectors' report on two inspections of a force, the earlier first, in the published
     * convention (Wald "+/-", two-sample z-test at 5%, no adjustment; {@link Report#of(Inspection, Inspection)}),
     * the command line's {@code report BEFORE AFTER --force NAME}: {@code report(cdi, peel, "Cambridgeshire")}.
     * Its table names the test beside every p-value ({@code compare}'s defaults differ: Miettinen-Nurminen
     * and the pooled z-test, Holm). {@code show(r)} prints it; {@code r.markdown()}, {@code r.html()};
     * {@code save(r, "report.csv")}; {@code forest(r)}.
     *
     * @param before  the earlier inspection
     * @param after   the later inspection
     * @param force   the force's name, as the sentences print it
     * @param options a rate method ({@code wald}, {@code wilson}, ...; {@code "method=wald"}), the variance,
     *                a change interval ({@code "change_method=newcombe"}), a test, an alternative, an
     *                adjustment, {@code "since=2017"} (the earlier inspection's label), {@code "unit=100"}
     *                (the rounding of "more than N"), {@code "confidence=.."}, {@code "significance=.."}
     * @return the report
     * @throws IllegalArgumentException for a null inspection, a blank name or a bad option
     */
    public static Report report(Inspection before, Inspection after, String force, String... options) {
        Args.notNull("before", before);
        Args.notNull("after", after);
        Options o = reportOptions().read(options);
        Report report = Report.of(before, after).force(Args.notBlank("force", force));
        Optional<AllCrimeMethod> method = o.choice(AllCrimeMethod.class);
        if (method.isPresent()) {
            report = report.with(method.get());
        }
        Optional<VarianceConvention> variance = o.choice(VarianceConvention.class);
        if (variance.isPresent()) {
            report = report.with(variance.get());
        }
        Optional<DifferenceMethod> change = o.choice(DifferenceMethod.class);
        if (change.isPresent()) {
            report = report.with(change.get());
        }
        Optional<ChangeTest> test = o.choice(ChangeTest.class);
        if (test.isPresent()) {
            report = report.with(test.get());
        }
        Optional<Alternative> alternative = o.choice(Alternative.class);
        if (alternative.isPresent()) {
            report = report.with(alternative.get());
        }
        Optional<PValueAdjustment> adjustment = o.choice(PValueAdjustment.class);
        if (adjustment.isPresent()) {
            report = report.with(adjustment.get());
        }
        Optional<String> since = o.text("since");
        if (since.isPresent()) {
            report = report.since(since.get());
        }
        if (o.given("unit")) {
            report = report.withUnit(o.whole("unit", 0));
        }
        if (o.given("confidence")) {
            report = report.withConfidence(o.number("confidence", 0.95));
        }
        if (o.given("significance")) {
            report = report.withSignificance(o.number("significance", 0.05));
        }
        return report;
    }

    /**
     * The forest plot of a report: each category's and all crime's change with its interval, the
     * command line's {@code plot forest}. {@code save(forest(r), "forest.png")} (or {@code .svg}).
     *
     * @param report the report
     * @return the plot
     * @throws IllegalArgumentException if {@code report} is null
     */
    public static ForestPlot forest(Report report) {
        return Args.notNull("report", report).forestPlot();
    }

    /**
     * The forest plot of two inspections compared by the options (as {@code compare}'s):
     * {@code forest(cdi, peel)}.
     *
     * @param before  the earlier inspection
     * @param after   the later inspection
     * @param options as {@link #compare(Inspection, Inspection, String...)}
     * @return the plot
     * @throws IllegalArgumentException as {@code compare}
     */
    public static ForestPlot forest(Inspection before, Inspection after, String... options) {
        return ForestPlot.of(compare(before, after, options));
    }

    /**
     * The funnel plot of many forces' all-crime rates against their effective audited counts, with the
     * 95% and 99.8% limits around the national rate, the command line's {@code plot funnel}:
     * {@code funnel(inspections("examples/data/forces-2022.csv"), "highlight=Force 07")}.
     * {@code save(plot, "funnel.svg")}.
     *
     * @param forces  one inspection per force
     * @param options {@code "highlight=NAME"}, {@code "category=NAME"} (one category's funnel instead of
     *                all crime), {@code "target=PERCENT"} (the rate the limits centre on), {@code "title=.."}
     * @return the plot
     * @throws IllegalArgumentException for no forces, an unknown force or category, or a bad option
     */
    public static Plot funnel(List<Inspection> forces, String... options) {
        Options o = Options.of("funnel").named("highlight", "category", "target", "title").read(options);
        FunnelPlot plot = FunnelPlot.of(Args.notNull("forces", forces));
        if (o.given("target")) {
            plot = plot.withTarget(o.number("target", 0) / 100);
        }
        if (o.text("highlight").isPresent()) {
            plot = plot.highlight(o.text("highlight").get());
        }
        if (o.text("title").isPresent()) {
            plot = plot.withTitle(o.text("title").get());
        }
        return o.text("category").isPresent() ? plot.category(o.text("category").get()) : plot;
    }

    // ------------------------------------------------------------------ selection

    static Options selectOptions() {
        return Options.of("select").choice("selection method", SelectionMethod.class, "method").named("seed", "other");
    }

    /**
     * Draws the planned records of each category from a population file, the command line's
     * {@code select POPULATION.csv --plan PLAN.csv --seed ..}: {@code select("examples/data/population.csv",
     * allocate(peel, 3, "minimum=50"), "seed=2022")}. {@code save(sample, "sample.csv")} writes the sample
     * list. The seed is required: write it down, it makes the draw reproducible.
     *
     * @param population the population file: {@code record_id,category} and any other columns
     * @param plan       the plan (its categories and audited counts; the all-crime row is not drawn)
     * @param options    {@code "seed=.."} (required), a method ({@code prn} (default), {@code srs},
     *                   {@code systematic}), {@code "other=CATEGORY"} (takes the records of categories
     *                   not in the plan)
     * @return the selection: the sample list, shortfalls and manifest
     * @throws IllegalArgumentException for a blank file name, a null plan, a missing seed, a bad option, or a
     *                                  file that cannot be read (the message names file, line and column)
     */
    public static Selection select(String population, AllocationPlan plan, String... options) {
        return select(population, Args.notNull("plan", plan).plannedCategories(), options);
    }

    /**
     * As {@link #select(String, AllocationPlan, String...)} with the counts given by category:
     * {@code select("examples/data/population.csv", Map.of("violence", 120, "other crime", 150), "seed=2022")}.
     *
     * @param population the population file
     * @param counts     records to draw by category (in the map's order), each at least 1
     * @param options    as {@link #select(String, AllocationPlan, String...)}
     * @return the selection
     * @throws IllegalArgumentException as {@link #select(String, AllocationPlan, String...)}, or for a null
     *                                  or empty map
     */
    public static Selection select(String population, Map<String, ? extends Number> counts, String... options) {
        Args.notNull("counts", counts);
        Map<String, Long> whole = new LinkedHashMap<>();
        counts.forEach((category, count) -> whole.put(category, Args.notNull("count", count).longValue()));
        return select(population, Selector.plan(whole), options);
    }

    private static Selection select(String population, List<PlannedCategory> plan, String... options) {
        Options o = selectOptions().read(options);
        long seed = o.whole("seed").orElseThrow(() -> new ArgumentException("seed",
                "select needs \"seed=...\" (any whole number; write it down: it makes the draw reproducible)"));
        Selector selector = Selector.withSeed(seed).with(o.choice(SelectionMethod.class, SelectionMethod.PRN));
        if (o.text("other").isPresent()) {
            selector = selector.withOther(o.text("other").get());
        }
        return selector.select(Path.of(Args.notBlank("population", population)), plan);
    }

    // ------------------------------------------------------------------ many forces

    static Options forcesOptions() {
        return Options.of("forces").choice("over-dispersion", Overdispersion.class, "overdispersion")
                .choice("funnel limits", FunnelLimits.class, "limits").choice("shrinkage", Shrinkage.class, "shrinkage")
                .named("category", "by", "columns", "volumes", "units", "target", "winsorise", "confidence", "replicates",
                        "seed", "threads");
    }

    private static Forces forcesProcedure(Options o) {
        Forces p = Forces.withDefaults().with(o.choice(Overdispersion.class, Overdispersion.ADDITIVE))
                .with(o.choice(FunnelLimits.class, FunnelLimits.EXACT_BINOMIAL))
                .with(o.choice(Shrinkage.class, Shrinkage.DERSIMONIAN_LAIRD))
                .withWinsorising(o.number("winsorise", 0.1)).withConfidence(o.number("confidence", 0.95))
                .withReplicates((int) Math.min(Integer.MAX_VALUE, o.whole("replicates", Forces.DEFAULT_REPLICATES)))
                .withSeed(o.whole("seed", 1));
        if (o.given("threads")) {
            p = p.withThreads((int) Math.min(Integer.MAX_VALUE, o.whole("threads", 1)));
        }
        if (o.given("target")) {
            double target = o.number("target", 0);
            Units.requirePercent("funnel targets", "a target is a rate in percent, 90 for 90%",
                    Units.Figure.of("target", target, true));
            if (!(target > 0 && target < 100)) {
                throw new ArgumentException("target", "forces: target (" + target
                        + ") must lie strictly between 0 and 100 percent");
            }
            p = p.withTarget(target / 100);
        }
        return p;
    }

    /**
     * Many forces at once from a file, the command line's {@code forces FILE}: funnel z-scores and limits
     * with over-dispersion, shrunken rates, rank intervals, the national (and group) rate. The file holds
     * published figures ({@code rate,margin} in percent), tallies, an inspection file, or an audit file with
     * {@code "volumes=FILE"}: {@code forces("examples/data/forces-2022.csv")},
     * {@code forces("examples/data/published-forces.csv", "columns=force=Force,rate=Recording rate (%),
     * margin=Confidence interval (+/- %),volume=Crimes recorded (12 months),category=Crime type",
     * "category=all crime (excluding fraud)", "by=Region")}. As R's {@code metafor::rma}, {@code blup},
     * {@code FunnelPlotR} and {@code csranks}.
     *
     * @param file    the forces file
     * @param options {@code "columns=tool=File,..."} (as {@code --columns}), {@code "category=.."},
     *                {@code "by=COLUMN"}, {@code "volumes=FILE"}, {@code "units=fraction"} (figures as fractions),
     *                an over-dispersion ({@code none}, {@code multiplicative}, {@code additive}), limits,
     *                shrinkage, {@code "target=PERCENT"}, {@code "winsorise=.."}, {@code "confidence=.."},
     *                {@code "replicates=.."}, {@code "seed=.."}, {@code "threads=.."}
     * @return a row per force
     * @throws IllegalArgumentException for a blank file name, a bad option, or bad data (file, line, column)
     */
    public static ForcesResult forces(String file, String... options) {
        Options o = forcesOptions().read(options);
        String units = o.text("units").orElse("percent").strip();
        if (!units.equals("percent") && !units.equals("fraction")) {
            throw new ArgumentException("units", "forces: units ('" + units + "') must be percent or fraction");
        }
        ForcesFile.Options reading = ForcesFile.Options.defaults().withColumns(columns(o))
                .withFractions(units.equals("fraction"));
        if (o.text("volumes").isPresent()) {
            reading = reading.withVolumes(Path.of(o.text("volumes").get()));
        }
        if (o.text("category").isPresent()) {
            reading = reading.withCategory(o.text("category").get());
        }
        if (o.text("by").isPresent()) {
            reading = reading.by(o.text("by").get());
        }
        return forcesProcedure(o).analyse(ForcesFile.read(Path.of(Args.notBlank("file", file)), reading));
    }

    /**
     * Many forces at once from their inspections (all crime, or one category's tallies with
     * {@code "category=.."}): {@code forces(inspections("examples/data/forces-2022.csv"))}.
     *
     * @param inspections one inspection per force, named after it
     * @param options     as {@link #forces(String, String...)} but the file's ({@code columns}, {@code by},
     *                    {@code volumes}, {@code units})
     * @return a row per force
     * @throws IllegalArgumentException for a null or empty list, a force without the category, or a bad option
     */
    public static ForcesResult forces(List<Inspection> inspections, String... options) {
        Args.notNull("inspections", inspections);
        Options o = forcesOptions().read(options);
        for (String fileOnly : List.of("columns", "by", "volumes", "units")) {
            if (o.given(fileOnly)) {
                throw new ArgumentException(fileOnly, "forces: " + fileOnly + "= goes with a file, not with inspections");
            }
        }
        List<ForceFigure> figures = new ArrayList<>();
        for (Inspection inspection : inspections) {
            Args.notNull("inspection", inspection);
            figures.add(o.text("category").isPresent() ? ForceFigure.of(inspection, o.text("category").get())
                    : ForceFigure.of(inspection));
        }
        return forcesProcedure(o).analyse(figures);
    }

    /** {@code "columns=tool=File,tool=File"}: the command line's {@code --columns}, cell by cell. */
    private static Map<String, String> columns(Options o) {
        Map<String, String> map = new LinkedHashMap<>();
        if (o.text("columns").isEmpty()) {
            return map;
        }
        for (String pair : o.text("columns").get().split(",", -1)) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new ArgumentException("columns", "columns ('" + pair + "') must be tool=File pairs separated by "
                        + "commas, as \"columns=rate=Rate (%),margin=+/- (%)\"");
            }
            String tool = pair.substring(0, equals).strip();
            if (!ToolColumns.known(tool)) {
                List<String> near = ToolColumns.nearest(tool);
                throw new ArgumentException("columns", "columns: '" + tool + "' is no column the tool reads"
                        + (near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near) + "?"));
            }
            map.put(tool, pair.substring(equals + 1));
        }
        return map;
    }

    /**
     * The funnel plot of a forces analysis (its target, limits and over-dispersion), the command line's
     * {@code plot funnel FILE}: {@code save(funnel(forces("examples/data/published-forces.csv", ..)),
     * "funnel.svg")}.
     *
     * @param result  the forces' analysis
     * @param options {@code "highlight=NAME"}, {@code "title=.."}
     * @return the plot
     * @throws IllegalArgumentException for a null result, an unknown force or a bad option
     */
    public static Plot funnel(ForcesResult result, String... options) {
        Options o = Options.of("funnel").named("highlight", "title").read(options);
        FunnelPlot plot = FunnelPlot.of(Args.notNull("result", result));
        if (o.text("highlight").isPresent()) {
            plot = plot.highlight(o.text("highlight").get());
        }
        return o.text("title").isPresent() ? plot.withTitle(o.text("title").get()) : plot;
    }

    /**
     * The picture of every force's rank with its marginal and simultaneous intervals, the command line's
     * {@code plot ranks}: {@code save(ranks(forces("examples/data/forces-2022.csv")), "ranks.svg")}.
     *
     * @param result  the forces' analysis
     * @param options {@code "highlight=NAME"}, {@code "title=.."}
     * @return the plot
     * @throws IllegalArgumentException for a null result, an unknown force or a bad option
     */
    public static RanksPlot ranks(ForcesResult result, String... options) {
        Options o = Options.of("ranks").named("highlight", "title").read(options);
        RanksPlot plot = RanksPlot.of(Args.notNull("result", result));
        if (o.text("highlight").isPresent()) {
            plot = plot.highlight(o.text("highlight").get());
        }
        return o.text("title").isPresent() ? plot.withTitle(o.text("title").get()) : plot;
    }

    // ------------------------------------------------------------------ over time

    static Options trendOptions() {
        return Options.of("trend").choice("trend method", TrendMethod.class, "method")
                .named("confidence", "significance", "unit", "time", "by", "columns", "volumes");
    }

    private static TrendAnalysis trendAnalysis(Options o) {
        TrendAnalysis analysis = TrendAnalysis.withDefaults().withConfidence(o.number("confidence", 0.95))
                .withSignificance(o.number("significance", 0.05)).withUnit(o.text("unit").orElse("year").strip());
        return o.choice(TrendMethod.class).map(analysis::with).orElse(analysis);
    }

    /**
     * The trends of a file's series across three or more inspections, the command line's
     * {@code trend FILE}: slope in points a year, its interval, the test for trend and the inspectors'
     * sentence, a series per force and category:
     * {@code trend("examples/data/trend-inspections.csv", "time=year", "by=force")},
     * {@code trend("examples/data/trend-figures.csv", "time=inspection_year",
     * "columns=category=crime_type,rate=recorded_pct,margin=ci_halfwidth_pct")}. As R's
     * {@code prop.trend.test} (tallies) and {@code metafor::rma(method = "FE")} on time (figures, all crime).
     *
     * @param file    published figures, tallies, an inspection file, or a record-level audit file with
     *                {@code "volumes=FILE"}, with a time column
     * @param options {@code "time=COLUMN"} (default {@code time}), {@code "by=force,category"},
     *                {@code "columns=tool=File,.."}, {@code "volumes=FILE"}, a method
     *                ({@code cochran_armitage}, {@code fixed_effect}), {@code "confidence=.."},
     *                {@code "significance=.."}, {@code "unit=year"}
     * @return a trend per series
     * @throws IllegalArgumentException for a blank file name, a bad option, or bad data (file, line, column)
     */
    public static Trends trend(String file, String... options) {
        Options o = trendOptions().read(options);
        Path path = Path.of(Args.notBlank("file", file));
        String time = o.text("time").orElse(TrendFile.TIME);
        Map<String, String> columns = columns(o);
        Optional<List<String>> by = o.text("by").map(text -> List.of(text.split(",", -1)).stream()
                .map(String::strip).toList());
        TrendFile.Read read;
        if (o.text("volumes").isPresent()) {
            CsvInput records = CsvInput.read(path).withColumns(columns);
            read = TrendFile.readAudit(path, Path.of(o.text("volumes").get()), columns, time,
                    by.orElseGet(() -> TrendFile.defaultBy(records)));
        } else {
            CsvInput input = CsvInput.read(path).withColumns(columns);
            read = TrendFile.read(input, time, by.orElseGet(() -> TrendFile.defaultBy(input)));
        }
        return trendAnalysis(o).trends(read);
    }

    /**
     * One series' trend from its inspections in one line, the command line's {@code trend --times ..
     * --tallies ..} or {@code --rates .. --margins ..}: each time followed by its tally or published
     * figure, then any options: {@code trend(2014, tally(150, 200), 2017, tally(171, 205), 2022,
     * tally(188, 202))} (Cochran-Armitage, R's {@code prop.trend.test}), {@code trend(2014, published(74.5,
     * 3.6), 2017, published(80.0, 3.1), 2022, published(89.1, 4.3))} (fixed-effect meta-regression).
     *
     * @param timesAndData pairs of a time (a number: the year) and a {@link Tally} or {@link PublishedFigure},
     *                     at least three, then options as {@link #trend(String, String...)} but the file's
     * @return the trend
     * @throws IllegalArgumentException for fewer than three inspections, a time without its tally or figure,
     *                                  tallies and figures mixed, or a bad option
     */
    public static Trend trend(Object... timesAndData) {
        Args.notNull("timesAndData", timesAndData);
        List<Observation> observations = new ArrayList<>();
        int i = 0;
        while (i < timesAndData.length && !(timesAndData[i] instanceof String)) {
            if (!(timesAndData[i] instanceof Number time)) {
                throw new ArgumentException("timesAndData", "trend: item " + (i + 1) + " (" + timesAndData[i]
                        + ") must be a time (a year such as 2017), each followed by its tally or published figure");
            }
            if (i + 1 >= timesAndData.length) {
                throw new ArgumentException("timesAndData", "trend: the time " + time + " has no tally or figure after it");
            }
            Object data = timesAndData[i + 1];
            double t = time.doubleValue();
            String label = t == Math.rint(t) && Math.abs(t) < 1e15 ? Long.toString((long) t) : time.toString();
            if (data instanceof Tally tally) {
                observations.add(Observation.of(t, label, tally));
            } else if (data instanceof PublishedFigure figure) {
                observations.add(Observation.of(t, label, figure));
            } else {
                throw new ArgumentException("timesAndData", "trend: after the time " + label + " comes " + data
                        + "; give a tally(..) or a published(..) figure");
            }
            i += 2;
        }
        String[] options = new String[timesAndData.length - i];
        for (int j = i; j < timesAndData.length; j++) {
            if (!(timesAndData[j] instanceof String option)) {
                throw new ArgumentException("timesAndData", "trend: the options (from item " + (i + 1)
                        + ") must all be strings; item " + (j + 1) + " is " + timesAndData[j]);
            }
            options[j - i] = option;
        }
        Options o = trendOptions().read(options);
        for (String fileOnly : List.of("time", "by", "columns", "volumes")) {
            if (o.given(fileOnly)) {
                throw new ArgumentException(fileOnly, "trend: " + fileOnly + "= goes with a file");
            }
        }
        return trendAnalysis(o).trend(observations);
    }

    /**
     * The picture of trends, the command line's {@code plot trend}: each inspection's rate and interval,
     * each series' fitted line and band: {@code save(trendPlot(trend("examples/data/trend-inspections.csv",
     * "time=year", "by=force"), "force=Northshire"), "trend.svg")}.
     *
     * @param trends  the trends of a file
     * @param options {@code "force=NAME"}, {@code "category=NAME"} (the series drawn), {@code "title=.."}
     * @return the plot (at most {@value TrendPlot#MAX_SERIES} series)
     * @throws IllegalArgumentException for null trends, no series chosen, too many, or a bad option
     */
    public static TrendPlot trendPlot(Trends trends, String... options) {
        Args.notNull("trends", trends);
        Options o = Options.of("trendPlot").named("force", "category", "title").read(options);
        List<Trend> chosen = new ArrayList<>();
        for (Trend trend : trends.trends()) {
            boolean force = o.text("force").map(f -> trend.force().map(g -> Names.same(g, f)).orElse(false)).orElse(true);
            boolean category = o.text("category").map(c -> trend.category().map(g -> Names.same(g, c)).orElse(false))
                    .orElse(true);
            if (force && category) {
                chosen.add(trend);
            }
        }
        if (chosen.isEmpty()) {
            throw new ArgumentException("options", "trendPlot: no series is of " + String.join(" and ",
                    o.text("force").map(f -> "force '" + f + "'").stream().toList())
                    + o.text("category").map(c -> " category '" + c + "'").orElse(""));
        }
        TrendPlot plot = TrendPlot.of(chosen);
        return o.text("title").isPresent() ? plot.withTitle(o.text("title").get()) : plot;
    }

    /**
     * The picture of one trend: {@code save(trendPlot(trend(2014, tally(150, 200), ...)), "trend.png")}.
     *
     * @param trend the trend
     * @return the plot
     * @throws IllegalArgumentException for a null trend
     */
    public static TrendPlot trendPlot(Trend trend) {
        return TrendPlot.of(List.of(Args.notNull("trend", trend)));
    }

    // ------------------------------------------------------------------ posteriors

    static Options posteriorOptions() {
        return Options.of("posterior").named("prior", "confidence", "replicates", "seed", "threads", "category");
    }

    private static BayesEstimator bayes(Options o) {
        BayesEstimator bayes = BayesEstimator.withDefaults().with(Prior.parse(o.text("prior").orElse("jeffreys")))
                .withCredibility(o.number("confidence", 0.95))
                .withReplicates((int) Math.min(Integer.MAX_VALUE, o.whole("replicates", 100_000)))
                .withSeed(o.whole("seed", 1));
        return o.given("threads") ? bayes.withThreads((int) Math.min(Integer.MAX_VALUE, o.whole("threads", 1))) : bayes;
    }

    private static Options posteriorOf(String[] options, boolean category) {
        Options o = posteriorOptions().read(options);
        if (!category && o.given("category")) {
            throw new ArgumentException("category", "posterior: category= goes with a list of forces' inspections");
        }
        return o;
    }

    /**
     * A tally's Beta posterior (Jeffreys prior unless {@code "prior=uniform"} or {@code "prior=A,B"}) with its
     * equal-tailed and highest-density intervals, the command line's {@code posterior --recorded ..
     * --audited ..}: {@code posterior(tally(188, 202))}. As jfa's {@code evaluation(method = "binomial")}.
     *
     * @param tally   the tally
     * @param options {@code "prior=jeffreys|uniform|A,B"}, {@code "confidence=.."} (the credible level)
     * @return the posterior
     * @throws IllegalArgumentException for a null tally or a bad option
     */
    public static BetaPosterior posterior(Tally tally, String... options) {
        return bayes(posteriorOf(options, false)).estimate(Args.notNull("tally", tally));
    }

    /**
     * The probability that the later rate is higher than the earlier, with the change's posterior, the
     * earlier first, the command line's {@code posterior --before .. --after ..}:
     * {@code posterior(tally(512, 640), tally(188, 202))}.
     *
     * @param before  the earlier tally
     * @param after   the later tally
     * @param options as {@link #posterior(Tally, String...)}
     * @return P(improvement) and the change's posterior
     * @throws IllegalArgumentException for a null tally or a bad option
     */
    public static PosteriorChange posterior(Tally before, Tally after, String... options) {
        return bayes(posteriorOf(options, false)).compare(Args.notNull("before", before), Args.notNull("after", after));
    }

    /**
     * Each category's and all crime's posterior of an inspection (a seeded simulation of the volume-weighted
     * rate), the command line's {@code posterior FILE}: {@code posterior(peel)}.
     *
     * @param inspection the inspection
     * @param options    as {@link #posterior(Tally, String...)}, and {@code "replicates=.."}, {@code "seed=.."},
     *                   {@code "threads=.."}
     * @return a row per category and all crime
     * @throws IllegalArgumentException for a null inspection or a bad option
     */
    public static AllCrimePosterior posterior(Inspection inspection, String... options) {
        return bayes(posteriorOf(options, false)).estimate(Args.notNull("inspection", inspection));
    }

    /**
     * Many forces under a hierarchical beta-binomial model, the command line's {@code posterior FILE
     * --across-forces}: {@code posterior(inspections("examples/data/forces-2022.csv"), "category=violence")}.
     *
     * @param forces  one inspection per force
     * @param options as {@link #posterior(Tally, String...)}, and {@code "category=.."} (default all crime, by
     *                its effective audited count; forces without the category are left out)
     * @return a row per force
     * @throws IllegalArgumentException for a null or empty list or a bad option
     */
    public static HierarchicalPosterior posterior(List<Inspection> forces, String... options) {
        Options o = posteriorOf(options, true);
        return bayes(o).acrossInspections(Args.notNull("forces", forces), o.text("category").orElse(null));
    }

    // ------------------------------------------------------------------ coverage

    static Options coverageOptions() {
        return Options.of("coverage").choice("interval method", IntervalMethod.class, "method")
                .word("all", "every interval method", IntervalMethod.class).named("confidence", "rate", "rates");
    }

    static Options changeCoverageOptions() {
        return Options.of("coverage").choice("change interval", DifferenceMethod.class, "method")
                .word("all", "every change interval", DifferenceMethod.class)
                .named("confidence", "rate_before", "rate_after", "rates", "change");
    }

    static Options designCoverageOptions() {
        return Options.of("coverage").choice("all-crime method", AllCrimeMethod.class, "method")
                .choice("variance", VarianceConvention.class, "variance")
                .word("all", "every all-crime method", AllCrimeMethod.class).named("confidence", "replicates", "seed");
    }

    /**
     * The exact coverage and expected width of a one-category interval over true rates (fractions), the
     * command line's {@code coverage --audited N --rates FROM:TO:STEP}:
     * {@code coverage(202, "wald", "rates=0.8:0.999:0.001")}, {@code coverage(202, "all", "rate=0.93")}.
     *
     * @param audited records audited, 1 to {@value RateCoverage#MAX_AUDITED}
     * @param options an interval method (default wilson) or {@code "all"}, {@code "rate=P"} or
     *                {@code "rates=FROM:TO:STEP"} (true rates as fractions), {@code "confidence=.."}
     * @return a curve per method; {@code save} writes every point
     * @throws IllegalArgumentException for a count out of range, no rate or both, a rate in percent (the
     *                                  message gives the fraction), or a bad option
     */
    public static Results<CoverageCurve<CoveragePoint>> coverage(long audited, String... options) {
        Options o = coverageOptions().read(options);
        RateGrid grid = grid(o, "rate");
        List<IntervalMethod> methods = o.has("all") ? List.of(IntervalMethod.values())
                : List.of(o.choice(IntervalMethod.class, IntervalMethod.WILSON));
        List<CoverageCurve<CoveragePoint>> curves = new ArrayList<>();
        for (IntervalMethod method : methods) {
            curves.add(RateCoverage.withDefaults().with(method).withConfidence(o.number("confidence", 0.95))
                    .over(audited, grid));
        }
        return Results.of("coverage at " + audited + " audited", curves);
    }

    /**
     * The exact coverage of a change interval, the command line's {@code coverage --audited-before ..
     * --audited-after ..}: {@code coverage(640, 202, "newcombe", "rate_before=0.8", "rate_after=0.93")},
     * {@code coverage(640, 202, "wald", "rates=0.8:0.99:0.002", "change=0.01")}.
     *
     * @param auditedBefore records audited in the earlier inspection
     * @param auditedAfter  records audited in the later one
     * @param options       a change interval (default newcombe) or {@code "all"}; {@code "rate_before=.."} and
     *                      {@code "rate_after=.."}, or {@code "rates=FROM:TO:STEP"} (earlier rates) and
     *                      {@code "change=D"} (fractions); {@code "confidence=.."}
     * @return a curve per method
     * @throws IllegalArgumentException for counts out of range, rates missing or in percent, or a bad option
     */
    public static Results<CoverageCurve<ChangeCoveragePoint>> coverage(long auditedBefore, long auditedAfter,
                                                                       String... options) {
        Options o = changeCoverageOptions().read(options);
        boolean pair = o.given("rate_before") || o.given("rate_after");
        if (pair == o.given("rates") || pair && !(o.given("rate_before") && o.given("rate_after") && !o.given("change"))
                || !pair && !o.given("change")) {
            throw new ArgumentException("options", "coverage: give \"rate_before=..\" and \"rate_after=..\", or "
                    + "\"rates=FROM:TO:STEP\" and \"change=D\" (fractions)");
        }
        List<DifferenceMethod> methods = o.has("all") ? List.of(DifferenceMethod.values())
                : List.of(o.choice(DifferenceMethod.class, DifferenceMethod.NEWCOMBE));
        List<CoverageCurve<ChangeCoveragePoint>> curves = new ArrayList<>();
        for (DifferenceMethod method : methods) {
            ChangeCoverage coverage = ChangeCoverage.withDefaults().with(method)
                    .withConfidence(o.number("confidence", 0.95));
            if (pair) {
                curves.add(new CoverageCurve<>(method.displayName(), List.of(coverage.at(auditedBefore,
                        fraction(o, "rate_before"), auditedAfter, fraction(o, "rate_after"))), ChangeCoveragePoint.COLUMNS));
            } else {
                curves.add(coverage.over(auditedBefore, auditedAfter, grid(o, "rate"), o.number("change", 0)));
            }
        }
        return Results.of("coverage of the change at " + auditedBefore + " and " + auditedAfter + " audited", curves);
    }

    /**
     * The simulated coverage of the all-crime interval for an inspection's design (its volumes and audited
     * counts, the true rates its own), the command line's {@code coverage --design FILE}:
     * {@code coverage(peel, "all", "replicates=20000", "seed=2022")}.
     *
     * @param design  the inspection whose design is simulated
     * @param options an all-crime method (default wilson) or {@code "all"}, a variance ({@code binomial},
     *                {@code survey}), {@code "replicates=.."}, {@code "seed=.."}, {@code "confidence=.."}
     * @return a row per method
     * @throws IllegalArgumentException for a null inspection or a bad option
     */
    public static Results<SimulatedCoverage> coverage(Inspection design, String... options) {
        Args.notNull("design", design);
        Options o = designCoverageOptions().read(options);
        List<AllCrimeMethod> methods = o.has("all") ? List.of(AllCrimeMethod.values())
                : List.of(o.choice(AllCrimeMethod.class, AllCrimeMethod.WILSON));
        List<SimulatedCoverage> results = new ArrayList<>();
        for (AllCrimeMethod method : methods) {
            AllCrimeCoverage coverage = AllCrimeCoverage.withDefaults().with(method)
                    .with(o.choice(VarianceConvention.class, VarianceConvention.BINOMIAL))
                    .withConfidence(o.number("confidence", 0.95));
            if (o.given("replicates")) {
                coverage = coverage.withReplicates((int) Math.min(Integer.MAX_VALUE, o.whole("replicates", 1)));
            }
            if (o.given("seed")) {
                coverage = coverage.withSeed(o.whole("seed", 1));
            }
            results.add(coverage.simulate(design));
        }
        return Results.of("coverage of " + design.name() + "'s design", results,
                all -> SimulatedCoverage.COLUMNS.table(all));
    }

    /**
     * The picture of coverage curves, as {@code coverage --plot}: {@code save(coveragePlot(coverage(202,
     * "all", "rates=0.8:0.999:0.001")), "coverage.svg")}.
     *
     * @param curves  at most 8 curves
     * @param options {@code "title=.."}
     * @return the plot
     * @throws IllegalArgumentException for no curves, more than 8, or a bad option
     */
    public static CoveragePlot coveragePlot(List<? extends CoverageCurve<?>> curves, String... options) {
        Args.notNull("curves", curves);
        Options o = Options.of("coveragePlot").named("title").read(options);
        if (curves.isEmpty() || curves.size() > 8) {
            throw new ArgumentException("curves", "coveragePlot draws 1 to 8 curves; " + curves.size() + " given");
        }
        return CoveragePlot.of(o.text("title").orElse(curves.size() == 1 ? "Coverage of " + curves.get(0).description()
                : "Coverage of " + curves.size() + " intervals"), curves);
    }

    /** {@code name=P} as a one-point grid, or {@code rates=FROM:TO:STEP}. */
    private static RateGrid grid(Options o, String one) {
        if (o.given(one) == o.given("rates")) {
            throw new ArgumentException("options", "coverage: give \"" + one + "=P\" or \"rates=FROM:TO:STEP\" "
                    + "(true rates as fractions, as \"rates=0.8:0.999:0.001\")");
        }
        if (o.given(one)) {
            return RateGrid.of(List.of(fraction(o, one)));
        }
        String text = o.text("rates").get();
        String[] parts = text.split(":", -1);
        if (parts.length != 3) {
            throw new ArgumentException("rates", "coverage: rates ('" + text + "') must be FROM:TO:STEP, as 0.8:0.999:0.001");
        }
        double from = checkFraction("rates", DecimalText.number(parts[0].strip()));
        double to = checkFraction("rates", DecimalText.number(parts[1].strip()));
        return RateGrid.of(from, to, DecimalText.number(parts[2].strip()));
    }

    private static double fraction(Options o, String name) {
        return checkFraction(name, o.number(name, Double.NaN));
    }

    /** A true rate as a fraction; a percent is refused with the fraction it means. */
    private static double checkFraction(String name, double value) {
        if (value > 1 && value <= 100) {
            BigDecimal given = BigDecimal.valueOf(value);
            throw new ArgumentException(name, "coverage: " + name + " (" + given.stripTrailingZeros().toPlainString()
                    + "): true rates are fractions in [0, 1]; did you mean "
                    + given.movePointLeft(2).stripTrailingZeros().toPlainString() + "?");
        }
        if (!(value >= 0 && value <= 1)) {
            throw new ArgumentException(name, "coverage: " + name + " (" + value + ") must lie between 0 and 1");
        }
        return value;
    }

    // ------------------------------------------------------------------ saving and showing

    /**
     * Writes a result with the command line's columns (its {@link Result#table()}, notes included):
     * CSV, or JSON when the file ends in {@code .json}. Any result: an estimate, a change, a published
     * figure, a plan, a bootstrap or permutation result, a report, {@link Results}. An existing file is
     * replaced. In R: {@code read.csv("out.csv")}.
     *
     * @param result the result to write
     * @param file   the file's path; ending in {@code .json} (any case) writes JSON, anything else CSV,
     *               UTF-8 either way
     * @return the file's absolute path, for the JShell feedback line
     * @throws IllegalArgumentException for a null result, a blank file name, or a file that cannot be written
     */
    public static Path save(Result result, String file) {
        Args.notNull("result", result);
        return write(result.table(), file);
    }

    /**
     * Writes {@link Results} (a list that is itself a result) with its own table, as
     * {@link #save(Result, String)}; this overload only settles which of the two others applies.
     *
     * @param results the results
     * @param file    the file's path; {@code .json} writes JSON, anything else CSV
     * @return the file's absolute path
     * @throws IllegalArgumentException for null results, a blank file name, or a file that cannot be written
     */
    public static Path save(Results<? extends Result> results, String file) {
        return save((Result) results, file);
    }

    /**
     * Writes several results of one kind as one table (their rows in order), as {@link #save(Result, String)}.
     *
     * @param results the results, all with the same columns (estimates of tallies, say)
     * @param file    the file's path; {@code .json} writes JSON, anything else CSV
     * @return the file's absolute path
     * @throws IllegalArgumentException for a null or empty list, a null element, results whose columns
     *                                  differ, a blank file name, or a file that cannot be written
     */
    public static Path save(List<? extends Result> results, String file) {
        Args.notNull("results", results);
        List<ResultTable> tables = new ArrayList<>();
        for (Result result : results) {
            tables.add(Args.notNull("result", result).table());
        }
        return write(ResultTable.concat(tables), file);
    }

    /**
     * Writes a plot: SVG, or PNG when the file ends in {@code .png} ({@link Plot#write(Path)}).
     *
     * @param plot the plot (forest, funnel)
     * @param file the file's path, ending in {@code .svg} or {@code .png}
     * @return the file's absolute path
     * @throws IllegalArgumentException for a null plot, a blank name or another ending, or a file that
     *                                  cannot be written
     */
    public static Path save(Plot plot, String file) {
        Args.notNull("plot", plot);
        Path path = Path.of(Args.notBlank("file", file));
        plot.write(path);
        return path.toAbsolutePath();
    }

    private static Path write(ResultTable table, String file) {
        Path path = Path.of(Args.notBlank("file", file));
        StringWriter text = new StringWriter();
        if (file.toLowerCase(Locale.ROOT).endsWith(".json")) {
            table.writeJson(text);
        } else {
            table.writeCsv(text);
        }
        try {
            Files.writeString(path, text.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ArgumentException("file", "file (" + file + ") cannot be written: " + e.getMessage());
        }
        return path.toAbsolutePath();
    }

    /**
     * Prints a result's {@link Result#summary()} to standard output, ending the text with a line
     * break if it has none.
     *
     * @param result any result
     * @throws IllegalArgumentException if {@code result} is null
     */
    public static void show(Result result) {
        print(System.out, Args.notNull("result", result).summary());
    }

    private static void print(PrintStream out, String text) {
        out.print(text);
        if (!text.endsWith("\n")) {
            out.println();
        }
    }
}
