package org.recordingrate.cli;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.recordingrate.io.CsvInput;
import org.recordingrate.model.Tally;
import org.recordingrate.reproduce.PublishedFigure;
import org.recordingrate.trend.Observation;
import org.recordingrate.trend.Trend;
import org.recordingrate.trend.TrendAnalysis;
import org.recordingrate.trend.TrendFile;
import org.recordingrate.trend.TrendMethod;
import org.recordingrate.trend.Trends;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code recording-rate trend}: the trend of a force's recording rate across three or more inspections,
 * from a file with a time column (published figures, tallies, inspection files, record-level audit files
 * with their volumes) or from the command line.
 */
@Command(name = "trend", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Trends across three or more inspections: slope in points a year, its interval, the test for"
                + " trend and the inspectors' sentence.",
                "  trend FILE --time year [--by force,category]   (figures rate,margin in percent; tallies"
                        + " recorded,audited; inspection files category,recorded,audited,volume)",
                "  trend AUDIT.csv --volumes VOLUMES.csv --time year   (record-level audit files, an inspection column)",
                "  trend --times 2014,2017,2022 --tallies 150/200,171/205,188/202",
                "  trend --times 2014,2017,2022 --rates 74.5,80.0,89.1 --margins 3.6,3.1,4.3",
                "Tallies: the Cochran-Armitage test with the times as scores (R prop.trend.test); figures and all"
                        + " crime: fixed-effect meta-regression on time (metafor rma(method = \"FE\"))."})
final class TrendCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "Published figures, tallies, an inspection file or"
            + " a record-level audit file, with a time column.")
    List<Path> files = new ArrayList<>();

    @Mixin
    Series series;

    @Option(names = "--times", paramLabel = "T,T,T", split = ",",
            description = "The inspections' times (years), for --tallies or --rates and --margins.")
    List<BigDecimal> times = new ArrayList<>();

    @Option(names = "--tallies", paramLabel = "X/N,X/N,X/N", split = ",",
            description = "The inspections' tallies, in the order of --times.")
    List<String> tallies = new ArrayList<>();

    @Option(names = "--rates", paramLabel = "PERCENT,...", split = ",",
            description = "The inspections' published rates in percent, in the order of --times.")
    List<BigDecimal> rates = new ArrayList<>();

    @Option(names = "--margins", paramLabel = "PERCENT,...", split = ",",
            description = "The inspections' published +/- margins in percent (95%%), in the order of --times.")
    List<BigDecimal> margins = new ArrayList<>();

    @Mixin
    Analysis analysis;

    @Mixin
    InputOptions reading;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        boolean given = !times.isEmpty() || !tallies.isEmpty() || !rates.isEmpty() || !margins.isEmpty();
        Cli.atMost(spec, files, 1, "trend takes one file");
        if (given == !files.isEmpty()) {
            throw Cli.usage(spec, "give one FILE, or --times with --tallies (or --rates and --margins)");
        }
        TrendAnalysis configured = analysis.configure(spec);
        output.check();
        if (!given) {
            Trends trends = configured.trends(series.read(spec, files.get(0), reading));
            output.write(trends.table(), OutputOptions.Format.CSV, false, trends.summary(), spec.commandLine().getOut());
            return 0;
        }
        series.refuseFileOptions(spec);
        Trend trend = configured.trend(observations());
        output.write(trend.table(), OutputOptions.Format.TEXT, true, trend + "\n" + trend.summary(),
                spec.commandLine().getOut());
        return 0;
    }

    /** The inspections given on the command line. */
    private List<Observation> observations() {
        boolean figures = !rates.isEmpty() || !margins.isEmpty();
        if (figures == !tallies.isEmpty()) {
            throw Cli.usage(spec, "give --tallies, or --rates and --margins, with --times");
        }
        int count = figures ? rates.size() : tallies.size();
        if (times.size() != count || figures && margins.size() != count) {
            throw Cli.usage(spec, "--times (" + times.size() + ") must give a time to each of the " + count
                    + (figures ? " --rates and --margins (" + margins.size() + ")" : " --tallies"));
        }
        List<Observation> observations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double time = times.get(i).doubleValue();
            String label = times.get(i).toPlainString();
            if (figures) {
                observations.add(Observation.of(time, label, PublishedFigure.fromPercent(rates.get(i), margins.get(i),
                        PublishedFigure.DEFAULT_CONFIDENCE)));
            } else {
                Tally tally = Cli.tally(spec, "--tallies", tallies.get(i));
                observations.add(Observation.of(time, label, tally));
            }
        }
        return observations;
    }

    /** The options of a trend's statistics, shared by {@code trend} and {@code plot trend}. */
    static final class Analysis {

        @Option(names = "--method", paramLabel = "cochran_armitage|fixed_effect",
                description = "For tallies (default: cochran_armitage; fixed_effect weighs each tally by its Wald"
                        + " variance). Figures and all crime always take fixed_effect.")
        TrendMethod method;

        @Option(names = "--unit", defaultValue = "year", paramLabel = "WORD",
                description = "The unit of the times, as the sentences say it (default: ${DEFAULT-VALUE}).")
        String unit;

        @Mixin
        ConfidenceOption confidence;

        @Mixin
        SignificanceOption significance;

        TrendAnalysis configure(CommandSpec spec) {
            TrendAnalysis analysis = TrendAnalysis.withDefaults().withConfidence(confidence.twoSided())
                    .withSignificance(significance.value());
            if (unit.isBlank()) {
                throw Cli.usage(spec, "invalid value for --unit: it must not be blank");
            }
            analysis = analysis.withUnit(unit.strip());
            return method == null ? analysis : analysis.with(method);
        }
    }

    /** Where a file's series come from: its time column, grouping columns and volumes; shared with {@code plot trend}. */
    static final class Series {

        @Option(names = "--time", defaultValue = TrendFile.TIME, paramLabel = "COL",
                description = "The column of each inspection's time: a year (2017, 2021.5) or a date (2021-06-30)"
                        + " (default: ${DEFAULT-VALUE}).")
        String time;

        @Option(names = "--by", paramLabel = "COL[,COL...]", split = ",",
                description = "Group rows into series by these columns (default: force,category, those the file has;"
                        + " inspection files always by category too).")
        List<String> by;

        @Option(names = "--volumes", paramLabel = "FILE",
                description = "The volumes of a record-level audit file's categories: inspection,category,volume.")
        Path volumes;

        @Mixin
        UnitsOption units;

        /** The series of a file, its kind told from the header; notes on standard error. */
        TrendFile.Read read(CommandSpec spec, Path file, InputOptions reading) {
            if (volumes != null) {
                Cli.stdinOnce(spec, List.of(file, volumes));
                if (file.toString().equals("-")) {
                    throw Cli.usage(spec, "a record-level audit file is read twice: give it as a file, not as -");
                }
                CsvInput records = reading.read(file);
                if (records.has("audited") || records.has("rate")) {
                    throw Cli.usage(spec, file + " has its own counts or figures: --volumes is for record-level audit"
                            + " files");
                }
                TrendFile.Read read = TrendFile.readAudit(file, volumes, reading.columns, time,
                        by == null ? TrendFile.defaultBy(records) : by);
                Cli.note(spec, "read " + read.rows() + " records from " + file + ": " + read.series().size() + " series");
                return read;
            }
            CsvInput input = reading.read(file);
            if (!input.has("audited") && !(input.has("rate") && input.has("margin"))) {
                throw Cli.usage(spec, file + " has neither recorded,audited nor rate,margin: a record-level audit file"
                        + " needs --volumes FILE");
            }
            TrendFile.Read read = TrendFile.read(input, time, by == null ? TrendFile.defaultBy(input) : by, units.fractions());
            Cli.note(spec, "read " + read.rows() + " row" + (read.rows() == 1 ? "" : "s") + " from " + file + ": "
                    + read.series().size() + " series");
            return read;
        }

        /** Refuses the file options where no file is read. */
        void refuseFileOptions(CommandSpec spec) {
            if (by != null || volumes != null || !TrendFile.TIME.equals(time)) {
                throw Cli.usage(spec, "--time, --by and --volumes go with a FILE");
            }
        }
    }

    /**
     * {@code plot trend}: the picture of a file's trends (one force's categories and all crime, say), kept
     * here beside the command whose options it shares; {@link PlotCommand} lists it.
     */
    @Command(name = "trend", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Recording rates over time: each inspection's rate and interval, each series' fitted trend"
                    + " with its band, the slopes in the legend.",
                "  plot trend FILE --time year --force NAME --out trend.svg [--category NAME] (trend's options)"})
    static final class PlotTrend implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "Published figures, tallies, an inspection file or a"
                + " record-level audit file, with a time column.")
        Path file;

        @Option(names = "--force", paramLabel = "NAME", description = "Draw this force's series only.")
        String force;

        @Option(names = "--category", paramLabel = "NAME", description = "Draw this category's series only.")
        String category;

        @Option(names = "--title", paramLabel = "TEXT", description = "The picture's title.")
        String title;

        @Mixin
        Series series;

        @Mixin
        Analysis analysis;

        @Mixin
        InputOptions reading;

        @Mixin
        PlotCommand.Picture picture;

        @Override
        public Integer call() {
            picture.check(spec);
            Trends trends = analysis.configure(spec).trends(series.read(spec, file, reading));
            List<Trend> chosen = new ArrayList<>();
            for (Trend trend : trends.trends()) {
                boolean forceMatches = force == null || trend.force().map(f -> org.recordingrate.model.Names.same(f, force))
                        .orElse(false);
                boolean categoryMatches = category == null || trend.category()
                        .map(c -> org.recordingrate.model.Names.same(c, category)).orElse(false);
                if (forceMatches && categoryMatches) {
                    chosen.add(trend);
                }
            }
            if (chosen.isEmpty()) {
                throw new IllegalArgumentException(file + ": no series" + (force == null ? "" : " of force '" + force + "'")
                        + (category == null ? "" : " in category '" + category + "'") + " (series: "
                        + trends.keys().stream().map(k -> String.join(", ", k)).toList() + ")");
            }
            if (chosen.size() > org.recordingrate.report.TrendPlot.MAX_SERIES) {
                throw Cli.usage(spec, chosen.size() + " series are too many for one picture (at most "
                        + org.recordingrate.report.TrendPlot.MAX_SERIES + "): choose one with --force or --category");
            }
            for (String note : trends.notes()) {
                Cli.note(spec, note);
            }
            org.recordingrate.report.TrendPlot plot = org.recordingrate.report.TrendPlot.of(chosen);
            if (title != null) {
                plot = plot.withTitle(title);
            }
            picture.write(spec, plot);
            return 0;
        }
    }
}
