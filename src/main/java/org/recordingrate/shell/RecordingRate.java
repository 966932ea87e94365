package org.recordingrate.shell;

import java.io.IOException;
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
