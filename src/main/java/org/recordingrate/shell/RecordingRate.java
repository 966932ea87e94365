package org.recordingrate.shell;

import org.recordingrate.model.Token;

import org.recordingrate.model.Result;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.recordingrate.compare.Change;
import org.recordingrate.compare.ChangeTest;
import org.recordingrate.compare.Comparison;
import org.recordingrate.compare.DifferenceMethod;
import org.recordingrate.compare.InspectionChange;
import org.recordingrate.estimate.AllCrimeMethod;
import org.recordingrate.estimate.InspectionEstimate;
import org.recordingrate.estimate.InspectionEstimator;
import org.recordingrate.estimate.IntervalMethod;
import org.recordingrate.estimate.RateEstimate;
import org.recordingrate.estimate.RateEstimator;
import org.recordingrate.estimate.VarianceConvention;
import org.recordingrate.internal.Args;
import org.recordingrate.io.InspectionSource;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Tally;
import org.recordingrate.plan.SampleSize;
import org.recordingrate.plan.SampleSizePlanner;
import org.recordingrate.report.Report;
import org.recordingrate.format.ResultTable;
import org.recordingrate.reproduce.PublishedComparison;
import org.recordingrate.reproduce.PublishedFigure;

/**
 * Short static entry points for JShell and scripts ({@code import static
 * org.recordingrate.shell.RecordingRate.*}, which {@code examples/startup.jsh} does); each
 * delegates to the configurable procedure named in its Javadoc, which programs should prefer.
 * Type {@code help()} for the verbs.
 *
 * <p>Units: what you pass as published figures is in percent ({@code published(93.2, 2.3)});
 * confidence levels are fractions ({@code 0.95}); results' accessors are fractions, their
 * {@code toString()} and {@code summary()} show percent.
 */
public final class RecordingRate {

    private RecordingRate() {
    }

    /** The verbs, each with one example: what {@link #help()} prints. */
    private static final Map<String, String> HELP = new TreeMap<>(Map.ofEntries(
            Map.entry("estimate", "estimate(188, 202)                      rate with a 95% Wilson interval\n"
                    + "  estimate(188, 202, \"jeffreys\")          another method, by token (see methods())\n"
                    + "  estimate(188, 202, \"clopper_pearson\", 0.99)\n"
                    + "  estimate(inspection)                    every category and all crime\n"
                    + "  estimate(inspection, AllCrimeMethod.KORN_GRAUBARD)"),
            Map.entry("compare", "compare(tally(512, 640), tally(188, 202))   before, then after: change, interval, test\n"
                    + "  compare(tally(512, 640), tally(188, 202), \"newcombe\", \"fisher_exact\")\n"
                    + "  compare(inspectionBefore, inspectionAfter)  each category, all crime"),
            Map.entry("published", "published(93.2, 2.3)                   a published figure, in percent\n"
                    + "  published(93.2, 2.3).compareWith(published(87.8, 1.7))"),
            Map.entry("reproduce", "reproduce(93.2, 2.3, 87.8, 1.7)        the published comparison: z, p, verdict"),
            Map.entry("inspection", "inspection(\"examples/data/peel-2022.csv\")    the one inspection of a file\n"
                    + "  inspections(\"examples/data/forces-2022.csv\")  every inspection of a file\n"
                    + "  inspection(\"examples/data/audit-2022.csv\", \"examples/data/volumes.csv\")  records + volumes"),
            Map.entry("save", "save(result, \"out.csv\")                 the command line's columns (.json for JSON)\n"
                    + "  show(result)                            prints result.summary()"),
            Map.entry("methods", "methods()                               every method and test, by token"),
            Map.entry("report", "report(before, after, \"Cambridgeshire\")   the inspectors' paragraphs: show(r) or r.text()\n"
                    + "  report(before, after, \"Cambridgeshire\").forestPlot().write(Path.of(\"forest.png\"))"),
            Map.entry("plan", "plan(2.5, 90)                          audited for +/- 2.5 points at an expected 90% (Wilson)\n"
                    + "  plan(2.5, 90, \"wald\")                  by another method")));

    /**
     * Prints the verbs with an example each to standard output, in alphabetical order of the verb.
     */
    public static void help() {
        StringBuilder text = new StringBuilder("recording-rate in JShell: results print in percent, accessors give "
                + "fractions.\n\n");
        HELP.forEach((verb, example) -> text.append("  ").append(example).append('\n'));
        text.append("\nhelp(\"estimate\") for one verb; Shift-Tab after a method name for its Javadoc.\n");
        System.out.print(text);
    }

    /**
     * Prints the help of one verb: {@code help("compare")}. Case and surrounding space are ignored;
     * {@code inspections} gives the help of {@code inspection}, {@code show} is under {@code save}.
     *
     * @param verb compare, estimate, inspection, methods, plan, published, reproduce or save
     * @throws IllegalArgumentException for another verb (also {@code "show"} and null); the message
     *                                  lists the verbs
     */
    public static void help(String verb) {
        String example = HELP.get(Args.token(verb).replace("inspections", "inspection"));
        if (example == null) {
            throw new IllegalArgumentException("verb ('" + verb + "') must be one of " + String.join(", ", HELP.keySet()));
        }
        System.out.println("  " + example);
    }

    /**
     * Prints every method and test by token to standard output: what the string arguments of the
     * verbs accept (the tokens of {@link IntervalMethod}, {@link AllCrimeMethod},
     * {@link DifferenceMethod}, {@link ChangeTest} and the variance conventions).
     */
    public static void methods() {
        System.out.println("one category (estimate):      " + Token.tokens(IntervalMethod.class));
        System.out.println("all crime (estimate):         " + Token.tokens(AllCrimeMethod.class));
        System.out.println("change interval (compare):    " + Token.tokens(DifferenceMethod.class));
        System.out.println("change test (compare):        " + Token.tokens(ChangeTest.class));
        System.out.println("variance (all crime):         binomial, survey");
    }

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
     * The recording rate with a 95% Wilson interval ({@link RateEstimator#withDefaults()}).
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
     * The recording rate with a 95% interval by the method of a token: {@code estimate(180, 202, "jeffreys")}.
     *
     * @param recorded audited reports that the force recorded, 0 to {@code audited}
     * @param audited  reports audited, 1 to 2<sup>53</sup>
     * @param method   the method's token, as {@link Token#parse} reads it
     * @return the estimate
     * @throws IllegalArgumentException for invalid counts or an unknown token (the message lists them)
     */
    public static RateEstimate estimate(long recorded, long audited, String method) {
        return estimate(recorded, audited, Token.parse(IntervalMethod.class, "method", method));
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
     * The recording rate with an interval by a method's token at {@code confidence}:
     * {@code estimate(188, 202, "clopper_pearson", 0.99)}.
     *
     * @param recorded   audited reports that the force recorded, 0 to {@code audited}
     * @param audited    reports audited, 1 to 2<sup>53</sup>
     * @param method     the method's token, as {@link Token#parse} reads it
     * @param confidence the two-sided level as a fraction (0.99, not 99), 10<sup>-6</sup> to 1 - 10<sup>-9</sup>
     * @return the estimate
     * @throws IllegalArgumentException for invalid counts, an unknown token or a confidence out of range
     */
    public static RateEstimate estimate(long recorded, long audited, String method, double confidence) {
        return estimate(recorded, audited, Token.parse(IntervalMethod.class, "method", method), confidence);
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
        return InspectionEstimator.withDefaults().estimate(inspection);
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
        return InspectionEstimator.withDefaults().with(method).estimate(inspection);
    }

    /**
     * Every category and all crime of an inspection by {@code method} under {@code variance}, 95%.
     *
     * @param inspection the inspection
     * @param method     the interval method for every row
     * @param variance   the variance convention (survey: finite population correction, incidents as
     *                   clusters)
     * @return a row per category and the all-crime row
     * @throws IllegalArgumentException if an argument is null, or as
     *                                  {@link InspectionEstimator#estimate(Inspection)} (the survey
     *                                  convention refuses a category with one audited record)
     */
    public static InspectionEstimate estimate(Inspection inspection, AllCrimeMethod method,
                                              VarianceConvention variance) {
        return InspectionEstimator.withDefaults().with(method).with(variance).estimate(inspection);
    }

    /**
     * The change from {@code before} to {@code after} (Miettinen-Nurminen interval, pooled z test,
     * two-sided, 95%; {@link Comparison#withDefaults()}).
     *
     * @param before the earlier tally
     * @param after  the later tally
     * @return the change, its interval, the test and the verdict at 5%
     * @throws IllegalArgumentException if a tally is null or audited more than 2<sup>53</sup>
     */
    public static Change compare(Tally before, Tally after) {
        return Comparison.withDefaults().compare(before, after);
    }

    /**
     * The change with an interval method and a test named by token:
     * {@code compare(tally(512, 640), tally(188, 202), "newcombe", "fisher_exact")}.
     *
     * @param before the earlier tally
     * @param after  the later tally
     * @param method the interval method's token, as {@link Token#parse} reads it
     * @param test   the test's token, as {@link Token#parse} reads it
     * @return the change, its interval, the test and the verdict at 5%
     * @throws IllegalArgumentException for a null tally, an unknown token, or tallies beyond the test's
     *                                  size limit (the exact tests)
     */
    public static Change compare(Tally before, Tally after, String method, String test) {
        return Comparison.withDefaults().with(Token.parse(DifferenceMethod.class, "method", method)).with(Token.parse(ChangeTest.class, "test", test))
                .compare(before, after);
    }

    /**
     * Two inspections compared: each category, all crime, Cochran-Mantel-Haenszel
     * ({@link Comparison#compare(Inspection, Inspection)} with the defaults).
     *
     * @param before the earlier inspection
     * @param after  the later inspection
     * @return the category changes (Holm-adjusted verdicts), the all-crime change and the
     *         Cochran-Mantel-Haenszel test
     * @throws IllegalArgumentException if an inspection is null, or as
     *                                  {@link Comparison#compare(Inspection, Inspection)}
     */
    public static InspectionChange compare(Inspection before, Inspection after) {
        return Comparison.withDefaults().compare(before, after);
    }

    /**
     * The inspectors' report on two inspections of a force, in the published convention (Wald
     * "+/-", two-sample z-test at 5%): {@link Report#of(Inspection, Inspection)} with the force's
     * name; {@code r.text()}, {@code r.markdown()}, {@code r.html()}, {@code r.forestPlot()}.
     *
     * @param before the earlier inspection
     * @param after  the later inspection
     * @param force  the force's name, as the sentences print it
     * @return the report, to print or save
     * @throws IllegalArgumentException if an inspection is null or the name is blank
     */
    public static Report report(Inspection before, Inspection after, String force) {
        return Report.of(before, after).force(force);
    }

    /**
     * The audited count for a target margin at an expected rate, both in percent, 95%, Wilson
     * ({@link SampleSizePlanner#withDefaults()}): {@code plan(2.5, 90)}. Records are taken as drawn
     * from an unlimited population.
     *
     * @param marginPercent   the target "+/-" in percent, strictly between 0 and 100 (2.5 for 2.5 points)
     * @param expectedPercent the expected recording rate in percent, 0 to 100
     * @return the smallest audited count whose margin is at most the target
     * @throws IllegalArgumentException for a margin or rate out of range (or NaN), both looking like
     *                                  fractions ({@code plan(0.03, 0.9)}: the message gives them in
     *                                  percent), or a size beyond what the planner supports
     */
    public static SampleSize plan(double marginPercent, double expectedPercent) {
        return SampleSizePlanner.withDefaults().plan(marginPercent, expectedPercent);
    }

    /**
     * As {@link #plan(double, double)} by the method of a token: {@code plan(2.5, 90, "wald")}.
     *
     * @param marginPercent   the target "+/-" in percent, strictly between 0 and 100
     * @param expectedPercent the expected recording rate in percent, 0 to 100
     * @param method          the interval method's token, as {@link Token#parse} reads it
     * @return the smallest audited count whose margin by that method is at most the target
     * @throws IllegalArgumentException for values out of range or an unknown token
     */
    public static SampleSize plan(double marginPercent, double expectedPercent, String method) {
        return SampleSizePlanner.withDefaults().with(Token.parse(IntervalMethod.class, "method", method))
                .plan(marginPercent, expectedPercent);
    }

    /**
     * The inspections of an aggregated inspection file (a row per category, with volumes): either
     * kind of file is recognised by its header ({@link InspectionSource}); a record-level audit
     * file needs its volumes, {@link #inspections(String, String)}.
     *
     * @param file the file's path, relative to the working directory or absolute; {@code "-"} reads
     *             standard input
     * @return the inspections in the file's order
     * @throws IllegalArgumentException for a blank name, or bad data (a {@link org.recordingrate.io.DataFileException}
     *                                  naming file, line, column and value), also for a record-level audit file,
     *                                  which needs its volumes
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
     * @throws IllegalArgumentException for a blank name, or bad data, naming file, line, column and
     *                                  value; also when {@code file} is an aggregated inspection file
     */
    public static List<Inspection> inspections(String file, String volumes) {
        return InspectionSource.read(Path.of(Args.notBlank("file", file)),
                Optional.of(Path.of(Args.notBlank("volumes", volumes)))).inspections();
    }

    /**
     * The one inspection of a file.
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
            throw new IllegalArgumentException("file (" + file + ") holds " + all.size()
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

    /**
     * The comparison of a published figure with the previous one, all in percent at 95%, verdict at 5%
     * (two-sided z-test on the standard errors margin / 1.959964): {@code reproduce(93.2, 2.3, 87.8, 1.7)}.
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
     * Writes a result with the command line's columns (its {@link Result#table()}, notes included):
     * CSV, or JSON when the file ends in {@code .json}. Any result: an estimate, a change, a published
     * figure, a plan, a bootstrap or permutation result, a report. An existing file is replaced.
     *
     * @param result the result to write
     * @param file   the file's path; ending in {@code .json} (any case) writes JSON, anything else CSV,
     *               UTF-8 either way
     * @return the file's absolute path, for the JShell feedback line
     * @throws IllegalArgumentException for a null result, a blank file name, or a file that cannot be
     *                                  written
     */
    public static Path save(Result result, String file) {
        Args.notNull("result", result);
        return write(result.table(), file);
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
        List<ResultTable> tables = new java.util.ArrayList<>();
        for (Result result : results) {
            tables.add(Args.notNull("result", result).table());
        }
        return write(ResultTable.concat(tables), file);
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
            throw new IllegalArgumentException("file (" + file + ") cannot be written: " + e.getMessage(), e);
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
        String summary = Args.notNull("result", result).summary();
        System.out.print(summary);
        if (!summary.endsWith("\n")) {
            System.out.println();
        }
    }
}
