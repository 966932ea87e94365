package org.recordingrate.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.recordingrate.forces.ForcesFile;
import org.recordingrate.forces.ForcesResult;
import org.recordingrate.report.FunnelPlot;
import org.recordingrate.report.RanksPlot;
import org.recordingrate.report.Plot;
import org.recordingrate.report.Report;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code recording-rate plot forest|funnel}: the pictures, as SVG or PNG (from the name of
 * {@code --out}), drawn with the JDK alone (PNG headless).
 */
@Command(name = "plot", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = {PlotCommand.Forest.class, PlotCommand.Funnel.class, PlotCommand.Ranks.class,
                TrendCommand.PlotTrend.class},
        description = {"Pictures, SVG or PNG by the name of --out:",
                "  plot forest BEFORE.csv AFTER.csv --out forest.svg   (each category and all crime, both inspections)",
                "  plot funnel FORCES.csv --out funnel.png             (every force against the target, over-dispersion"
                        + " allowed for)",
                "  plot ranks FORCES.csv --out ranks.svg               (every force's rank with its intervals)",
                "  plot trend FILE --time year --force NAME --out trend.svg   (rates over time, fitted trends)"})
final class PlotCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a plot: forest, funnel, ranks or trend");
    }

    /** Draws without a display; set before AWT starts, so a machine without one (CI, a server) draws too. */
    static void headless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** The --scale option of a PNG picture. */
    static final class Scale {

        @Option(names = "--scale", defaultValue = "1", paramLabel = "S",
                description = "PNG pixels per layout pixel, 0.25 to 8 (default: ${DEFAULT-VALUE}; 2 for sharp screens).")
        double scale;
    }

    /** The --out option of a plot: required, ending .svg or .png (a usage error otherwise). */
    static final class Picture {

        @Option(names = {"-o", "--out"}, paramLabel = "FILE.svg|FILE.png",
                description = "The picture; its format from the name (required).")
        Path out;

        @Mixin
        Scale scale;

        void check(CommandSpec spec) {
            checkPicture(spec, out, scale.scale);
        }

        void write(CommandSpec spec, Plot plot) {
            writePicture(spec, out, scale.scale, plot);
        }
    }

    /** Checks a picture's file and scale before any work: usage errors for a missing or misnamed file. */
    static void checkPicture(CommandSpec spec, Path out, double scale) {
        if (out == null) {
            throw Cli.usage(spec, "missing --out FILE.svg|FILE.png: the picture's file, its format from the name");
        }
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".svg") && !name.endsWith(".png")) {
            throw Cli.usage(spec, "invalid value for --out: '" + out + "' must end .svg or .png (the picture's format)");
        }
        if (!(scale >= 0.25 && scale <= 8)) {
            throw Cli.usage(spec, "invalid value for --scale: " + scale + " (0.25 to 8)");
        }
        OutputOptions.checkWritable(out);
    }

    /** Writes a picture whole, SVG or PNG by the file's name, and says so on standard error. */
    static void writePicture(CommandSpec spec, Path out, double scale, Plot plot) {
        boolean png = out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png");
        if (png) {
            headless();
        }
        byte[] bytes = png ? plot.png(scale) : plot.svg().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ReportCommand.write(spec, out, bytes, "");
        Cli.note(spec, String.format(Locale.ROOT, "wrote %s (%s, %d x %d pixels)", out, png ? "PNG" : "SVG",
                png ? (int) Math.ceil(plot.width() * scale) : plot.width(),
                png ? (int) Math.ceil(plot.height() * scale) : plot.height()));
    }

    /** {@code plot forest}. */
    @Command(name = "forest", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"The forest plot of two inspections: the rate and interval of each category and of all "
                    + "crime, earlier and later side by side, the change and its verdict.",
                "  plot forest BEFORE.csv AFTER.csv --out forest.png [--force NAME] (the report's options)"})
    static final class Forest implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(arity = "2", paramLabel = "FILE", description = "The earlier and the later inspection (audit) file.")
        List<Path> files;

        @Option(names = "--force", paramLabel = "NAME",
                description = "The force in the title; picks its inspection from files that hold several.")
        String force;

        @Option(names = "--volumes", paramLabel = "VOLUMES.csv",
                description = "The volumes of a record-level audit file's categories.")
        Path volumes;

        @Mixin
        Picture picture;

        @Mixin
        ReportOptions choices;

        @Mixin
        InputOptions reading;

        @Override
        public Integer call() {
            picture.check(spec);
            choices.parse();
            Report report = choices.apply(ReportCommand.read(spec, files, volumes, force, reading));
            picture.write(spec, (force == null ? report : report.force(force)).forestPlot());
            return 0;
        }
    }

    /**
     * The output of a plot of many forces: the picture ({@code --out FILE.svg|FILE.png}), or with
     * {@code --format csv|json} the table behind it ({@code forces}' table), to {@code --out} or
     * standard output, with the output options every table has ({@link OutputOptions}).
     */
    static final class PictureOrTable {

        @Mixin
        OutputOptions output;

        @Mixin
        Scale scale;

        void check(CommandSpec spec) {
            if (output.format == null) {
                if (output.digits != null) {
                    throw Cli.usage(spec, "--digits is for the table (--format csv|json), not the picture");
                }
                checkPicture(spec, output.out, scale.scale);
                return;
            }
            if (output.format == OutputOptions.Format.TEXT) {
                throw Cli.usage(spec, "invalid value for --format: text; a plot writes its picture (--out FILE.svg|FILE.png)"
                        + " or the table behind it (--format csv|json)");
            }
            output.check();
        }

        void write(CommandSpec spec, Plot plot, ForcesResult result) {
            if (output.format == null) {
                writePicture(spec, output.out, scale.scale, plot);
            } else {
                output.write(result.table(), output.format, false, null, spec.commandLine().getOut());
            }
        }
    }

    /**
     * What {@code plot funnel} and {@code plot ranks} share: the forces file and its options, the
     * highlighted force, the title, and the picture or the table behind it.
     */
    static final class ForcesPlot {

        @Spec(Spec.Target.MIXEE)
        CommandSpec spec;

        @Parameters(arity = "1", paramLabel = "FORCES.csv", description = "Every force's figure: published figures "
                + "(rate,margin in percent), tallies, an inspection file, or an audit file with --volumes.")
        Path forces;

        @Option(names = "--highlight", paramLabel = "NAME",
                description = "Mark this force (an unknown name is an error listing the nearest).")
        String highlight;

        @Option(names = "--title", paramLabel = "TEXT", description = "The picture's title.")
        String title;

        @Mixin
        ForcesOptions choices;

        @Mixin
        InputOptions reading;

        @Mixin
        PictureOrTable output;

        /** Checks the options, then reads the file: the forces as read. */
        ForcesFile read() {
            output.check(spec);
            choices.parse(reading.columns);
            return choices.read(forces);
        }

        /** The highlighted force's name as the result spells it, if one was named. */
        java.util.Optional<String> highlighted(ForcesResult result) {
            return java.util.Optional.ofNullable(highlight).map(h -> PlotCommand.highlighted(spec, result, h));
        }

        /** Says the result's notes and {@code what} on standard error, then writes the picture or the table. */
        void write(Plot plot, ForcesResult result, String what) {
            for (String note : result.notes()) {
                Cli.note(spec, note);
            }
            Cli.note(spec, what);
            output.write(spec, plot, result);
        }
    }

    /** {@code plot funnel}. */
    @Command(name = "funnel", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"The funnel plot of many forces (Spiegelhalter 2005): each force's rate against its "
                    + "(effective) audited count, the target, 95%% and 99.8%% limits widened for over-dispersion "
                    + "(additive by default, as FunnelPlotR), phi and tau2 in the legend; forces beyond the limits labelled.",
                "  plot funnel FORCES.csv --out funnel.svg [--category violence] [--highlight NAME] [--unadjusted]",
                "  plot funnel FIGURES.csv --columns force=Force,rate=Rate,margin=CI --format csv   (the table behind it)"})
    static final class Funnel implements Callable<Integer> {

        @Mixin
        ForcesPlot plotting;

        @Option(names = "--unadjusted", description = "Draw the limits without allowance too, in grey.")
        boolean unadjusted;

        @Override
        public Integer call() {
            ForcesFile file = plotting.read();
            FunnelPlot plot = FunnelPlot.of(file).with(plotting.choices.procedure()).withUnadjusted(unadjusted);
            ForcesResult result = plot.result();
            plot = plotting.highlighted(result).map(plot::highlight).orElse(plot);
            plot = plotting.title == null ? plot : plot.withTitle(plotting.title);
            plotting.write(plot, result, plot.caption());
            return 0;
        }
    }

    /** {@code plot ranks}. */
    @Command(name = "ranks", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"The caterpillar plot of the forces' ranks (1 = the highest rate): each rank with its 95%% "
                    + "interval and the simultaneous one for all forces (Mogstad, Romano, Shaikh and Wilhelm 2024).",
                "  plot ranks FORCES.csv --out ranks.svg [--category violence] [--highlight NAME] [--replicates N]"})
    static final class Ranks implements Callable<Integer> {

        @Mixin
        ForcesPlot plotting;

        @Override
        public Integer call() {
            ForcesFile file = plotting.read();
            ForcesResult result = plotting.choices.procedure().analyse(file);
            RanksPlot plot = RanksPlot.of(result);
            plot = plotting.highlighted(result).map(plot::highlight).orElse(plot);
            plot = plotting.title == null ? plot : plot.withTitle(plotting.title);
            plotting.write(plot, result, result.ranks() + " (Mogstad, Romano, Shaikh and Wilhelm 2024)");
            return 0;
        }
    }

    /** The force a --highlight names; an unknown name is a usage error naming it and the nearest names. */
    static String highlighted(CommandSpec spec, ForcesResult result, String name) {
        if (name.isBlank()) {
            throw Cli.usage(spec, "invalid value for --highlight: a force's name, not blank");
        }
        return result.force(name).map(f -> f.name()).orElseThrow(() -> Cli.usage(spec, "invalid value for --highlight: '"
                + name + "' names no force of the " + result.forces().size() + " in the file; nearest: "
                + String.join(", ", result.near(name, 5))));
    }
}
