package org.recordingrate.shell;

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
import org.recordingrate.report.ResultTable;
import org.recordingrate.report.Tables;
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
     * Prints the verbs with an example each.
     */
    public static void help() {
        StringBuilder text = new StringBuilder("recording-rate in JShell: results print in percent, accessors give "
                + "fractions.\n\n");
        HELP.forEach((verb, example) -> text.append("  ").append(example).append('\n'));
        text.append("\nhelp(\"estimate\") for one verb; Shift-Tab after a method name for its Javadoc.\n");
        System.out.print(text);
    }

    /**
     * Prints the help of one verb: {@code help("compare")}.
     *
     * @param verb estimate, compare, published, reproduce, inspection, save or methods
     * @throws IllegalArgumentException for another verb
     */
    public static void help(String verb) {
        String example = HELP.get(Args.token(verb).replace("inspections", "inspection"));
        if (example == null) {
            throw new IllegalArgumentException("verb ('" + verb + "') must be one of " + String.join(", ", HELP.keySet()));
        }
        System.out.println("  " + example);
    }

    /** Prints every method and test by token: what the string arguments of the verbs accept. */
    public static void methods() {
        System.out.println("one category (estimate):      " + IntervalMethod.tokens());
        System.out.println("all crime (estimate):         " + AllCrimeMethod.tokens());
        System.out.println("change interval (compare):    " + DifferenceMethod.tokens());
        System.out.println("change test (compare):        " + ChangeTest.tokens());
        System.out.println("variance (all crime):         binomial, survey");
    }

    /**
     * A tally: {@code tally(188, 202)}.
     *
     * @throws IllegalArgumentException as {@link Tally#Tally(long, long)}
     */
    public static Tally tally(long recorded, long audited) {
        return new Tally(recorded, audited);
    }

    /**
     * The recording rate with a 95% Wilson interval ({@link RateEstimator#withDefaults()}).
     *
     * @throws IllegalArgumentException for invalid counts
     */
    public static RateEstimate estimate(long recorded, long audited) {
        return RateEstimator.withDefaults().estimate(recorded, audited);
    }

    /**
     * The recording rate with a 95% interval by {@code method}.
     *
     * @throws IllegalArgumentException for invalid counts or a null method
     */
    public static RateEstimate estimate(long recorded, long audited, IntervalMethod method) {
        return RateEstimator.withDefaults().with(method).estimate(recorded, audited);
    }

    /**
     * The recording rate with a 95% interval by the method of a token: {@code estimate(180, 202, "jeffreys")}.
     *
     * @throws IllegalArgumentException for invalid counts or an unknown token (the message lists them)
     */
    public static RateEstimate estimate(long recorded, long audited, String method) {
        return estimate(recorded, audited, IntervalMethod.fromToken(method));
    }

    /**
     * The recording rate with an interval by {@code method} at {@code confidence}.
     *
     * @throws IllegalArgumentException for invalid counts, a null method or a confidence out of range
     */
    public static RateEstimate estimate(long recorded, long audited, IntervalMethod method, double confidence) {
        return RateEstimator.withDefaults().with(method).withConfidence(confidence).estimate(recorded, audited);
    }

    /**
     * The recording rate with an interval by a method's token at {@code confidence}.
     *
     * @throws IllegalArgumentException for invalid counts, an unknown token or a confidence out of range
     */
    public static RateEstimate estimate(long recorded, long audited, String method, double confidence) {
        return estimate(recorded, audited, IntervalMethod.fromToken(method), confidence);
    }

    /**
     * Every category and all crime of an inspection, with the default estimator (Wilson, binomial
     * variance, 95%; {@link InspectionEstimator#withDefaults()}).
     *
     * @throws IllegalArgumentException if {@code inspection} is null
     */
    public static InspectionEstimate estimate(Inspection inspection) {
        return InspectionEstimator.withDefaults().estimate(inspection);
    }

    /**
     * Every category and all crime of an inspection by {@code method}, binomial variance, 95%.
     *
     * @throws IllegalArgumentException if an argument is null
     */
    public static InspectionEstimate estimate(Inspection inspection, AllCrimeMethod method) {
        return InspectionEstimator.withDefaults().with(method).estimate(inspection);
    }

    /**
     * Every category and all crime of an inspection by {@code method} under {@code variance}, 95%.
     *
     * @throws IllegalArgumentException if an argument is null
     */
    public static InspectionEstimate estimate(Inspection inspection, AllCrimeMethod method,
                                              VarianceConvention variance) {
        return InspectionEstimator.withDefaults().with(method).with(variance).estimate(inspection);
    }

    /**
     * The change from {@code before} to {@code after} (Miettinen-Nurminen interval, pooled z test,
     * two-sided, 95%; {@link Comparison#withDefaults()}).
     *
     * @throws IllegalArgumentException if a tally is null
     */
    public static Change compare(Tally before, Tally after) {
        return Comparison.withDefaults().compare(before, after);
    }

    /**
     * The change with an interval method and a test named by token:
     * {@code compare(tally(512, 640), tally(188, 202), "newcombe", "fisher_exact")}.
     *
     * @throws IllegalArgumentException for a null tally or an unknown token
     */
    public static Change compare(Tally before, Tally after, String method, String test) {
        return Comparison.withDefaults().with(DifferenceMethod.fromToken(method)).with(ChangeTest.fromToken(test))
                .compare(before, after);
    }

    /**
     * Two inspections compared: each category, all crime, Cochran-Mantel-Haenszel
     * ({@link Comparison#compare(Inspection, Inspection)} with the defaults).
     *
     * @throws IllegalArgumentException if an inspection is null
     */
    public static InspectionChange compare(Inspection before, Inspection after) {
        return Comparison.withDefaults().compare(before, after);
    }

    /**
     * The inspectors' report on two inspections of a force, in the published convention (Wald
     * "+/-", two-sample z-test at 5%): {@link Report#of(Inspection, Inspection)} with the force's
     * name; {@code r.text()}, {@code r.markdown()}, {@code r.html()}, {@code r.forestPlot()}.
     *
     * @throws IllegalArgumentException if an inspection is null or the name is blank
     */
    public static Report report(Inspection before, Inspection after, String force) {
        return Report.of(before, after).force(force);
    }

    /**
     * The audited count for a target margin at an expected rate, both in percent, 95%, Wilson
     * ({@link SampleSizePlanner#withDefaults()}): {@code plan(2.5, 90)}.
     *
     * @throws IllegalArgumentException for a margin or rate out of range
     */
    public static SampleSize plan(double marginPercent, double expectedPercent) {
        return SampleSizePlanner.withDefaults().plan(percent("margin", marginPercent), percent("expected", expectedPercent));
    }

    /**
     * As {@link #plan(double, double)} by the method of a token: {@code plan(2.5, 90, "wald")}.
     *
     * @throws IllegalArgumentException for values out of range or an unknown token
     */
    public static SampleSize plan(double marginPercent, double expectedPercent, String method) {
        return SampleSizePlanner.withDefaults().with(IntervalMethod.fromToken(method))
                .plan(percent("margin", marginPercent), percent("expected", expectedPercent));
    }

    private static double percent(String name, double value) {
        Args.inRange(name + " (percent)", value, 0, 100);
        return value / 100;
    }

    /**
     * The inspections of an aggregated inspection file (a row per category, with volumes): either
     * kind of file is recognised by its header ({@link InspectionSource}); a record-level audit
     * file needs its volumes, {@link #inspections(String, String)}.
     *
     * @throws IllegalArgumentException for bad data, naming file, line, column and value
     */
    public static List<Inspection> inspections(String file) {
        return InspectionSource.read(Path.of(Args.notBlank("file", file)), Optional.empty()).inspections();
    }

    /**
     * The inspections of a record-level audit file (a row per audited crime) with the volumes of
     * its categories: {@code inspections("examples/data/audit-2022.csv", "examples/data/volumes.csv")}.
     *
     * @throws IllegalArgumentException for bad data, naming file, line, column and value
     */
    public static List<Inspection> inspections(String file, String volumes) {
        return InspectionSource.read(Path.of(Args.notBlank("file", file)),
                Optional.of(Path.of(Args.notBlank("volumes", volumes)))).inspections();
    }

    /**
     * The one inspection of a file.
     *
     * @throws IllegalArgumentException for bad data, or a file holding several inspections (use
     *                                  {@link #inspections(String)})
     */
    public static Inspection inspection(String file) {
        return only(file, inspections(file));
    }

    /**
     * The one inspection of a record-level audit file, with its volumes.
     *
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
     * @throws IllegalArgumentException for a rate outside [0, 100], a margin out of range, or
     *                                  figures that look like fractions (0.932, 0.023)
     */
    public static PublishedFigure published(double ratePercent, double marginPercent) {
        return PublishedFigure.fromPercent(ratePercent, marginPercent);
    }

    /**
     * The comparison of a published figure with the previous one, all in percent at 95%, verdict at 5%.
     *
     * @throws IllegalArgumentException as {@link #published(double, double)}
     */
    public static PublishedComparison reproduce(double ratePercent, double marginPercent, double previousRatePercent,
                                                double previousMarginPercent) {
        return published(ratePercent, marginPercent).compareWith(published(previousRatePercent, previousMarginPercent));
    }

    /**
     * Writes a result with the command line's columns: CSV, or JSON when the file ends in
     * {@code .json}. Accepts what {@link Tables#of(Object)} accepts: an estimate, a change, a
     * published figure or comparison, or a list of them.
     *
     * @return the file's absolute path, for the JShell feedback line
     * @throws IllegalArgumentException for a result without a table, or a file that cannot be written
     */
    public static Path save(Object result, String file) {
        Path path = Path.of(Args.notBlank("file", file));
        ResultTable table = Tables.of(result);
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
     * Prints a result's {@code summary()} (or its {@code toString()} when it has none).
     *
     * @throws IllegalArgumentException if {@code result} is null
     */
    public static void show(Object result) {
        Args.notNull("result", result);
        try {
            Object summary = result.getClass().getMethod("summary").invoke(result);
            System.out.print(summary);
            if (!summary.toString().endsWith("\n")) {
                System.out.println();
            }
        } catch (NoSuchMethodException e) {
            System.out.println(result);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("summary() of " + result.getClass().getSimpleName() + " failed", e);
        }
    }
}
