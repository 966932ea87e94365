package org.recordingrate.cli;

import org.recordingrate.model.Token;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.recordingrate.io.InspectionSource;
import org.recordingrate.model.Inspection;
import org.recordingrate.report.FunnelLimits;
import org.recordingrate.report.FunnelPlot;
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
        subcommands = {PlotCommand.Forest.class, PlotCommand.Funnel.class, TrendCommand.PlotTrend.class},
        description = {"Pictures, SVG or PNG by the name of --out:",
                "  plot forest BEFORE.csv AFTER.csv --out forest.svg   (each category and all crime, both inspections)",
                "  plot funnel FORCES.csv --out funnel.png             (every force against the national rate)",
                "  plot trend FILE --time year --force NAME --out trend.svg   (rates over time, fitted trends)"})
final class PlotCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a plot: forest, funnel or trend");
    }

    /** Draws without a display; set before AWT starts, so a machine without one (CI, a server) draws too. */
    static void headless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** The --out option of a plot: required, ending .svg or .png (a usage error otherwise). */
    static final class Picture {

        @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE.svg|FILE.png",
                description = "The picture; its format from the name.")
        Path out;

        @Option(names = "--scale", defaultValue = "1", paramLabel = "S",
                description = "PNG pixels per layout pixel, 0.25 to 8 (default: ${DEFAULT-VALUE}; 2 for sharp screens).")
        double scale;

        void check(CommandSpec spec) {
            String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!name.endsWith(".svg") && !name.endsWith(".png")) {
                throw Cli.usage(spec, "invalid value for --out: '" + out + "' must end .svg or .png (the picture's format)");
            }
            if (!(scale >= 0.25 && scale <= 8)) {
                throw Cli.usage(spec, "invalid value for --scale: " + scale + " (0.25 to 8)");
            }
            OutputOptions.checkWritable(out);
        }

        void write(CommandSpec spec, Plot plot) {
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

    /** {@code plot funnel}. */
    @Command(name = "funnel", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"The funnel plot of many forces (Spiegelhalter 2005): each force's rate against its "
                    + "(effective) audited count, the national rate, 95%% and 99.8%% limits; forces beyond them labelled.",
                "  plot funnel FORCES.csv --out funnel.svg [--category violence] [--limits exact_binomial|normal]"})
    static final class Funnel implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FORCES.csv", description = "Every force's inspection: an inspection file with an "
                + "inspection column.")
        Path forces;

        @Option(names = "--category", paramLabel = "NAME",
                description = "One category's rates against audited counts (default: all crime, volume-weighted).")
        String category;

        @Option(names = "--limits", defaultValue = "exact_binomial", paramLabel = "exact_binomial|normal",
                description = "Control limits (default: ${DEFAULT-VALUE}, with Spiegelhalter's interpolation).")
        FunnelLimits limits;

        @Option(names = "--target", paramLabel = "PERCENT",
                description = "The national rate in percent (default: all forces' volume-weighted rate).")
        BigDecimal target;

        @Option(names = "--highlight", paramLabel = "NAME", description = "Mark and label this force.")
        String highlight;

        @Option(names = "--title", paramLabel = "TEXT", description = "The picture's title.")
        String title;

        @Option(names = "--volumes", paramLabel = "VOLUMES.csv",
                description = "The volumes of a record-level audit file of every force.")
        Path volumes;

        @Mixin
        InputOptions reading;

        @Mixin
        Picture picture;

        @Override
        public Integer call() {
            picture.check(spec);
            FunnelLimits chosen = limits;
            InspectionSource source = Cli.inspections(spec, forces, Optional.ofNullable(volumes), reading.columns);
            Cli.note(spec, source.toString());
            List<Inspection> all = source.inspections();
            FunnelPlot plot = FunnelPlot.of(all).with(chosen);
            if (category != null) {
                plot = plot.category(category);
            }
            if (target != null) {
                if (target.signum() <= 0 || target.compareTo(BigDecimal.valueOf(100)) >= 0) {
                    throw new IllegalArgumentException("--target (" + target.toPlainString()
                            + ") must lie strictly between 0 and 100 percent");
                }
                plot = plot.withTarget(target.movePointLeft(2).doubleValue());
            }
            if (highlight != null) {
                plot = plot.highlight(highlight);
            }
            if (title != null) {
                plot = plot.withTitle(title);
            }
            for (String name : plot.leftOut()) {
                Cli.note(spec, "'" + name + "' did not audit " + category + ": left out");
            }
            Cli.note(spec, plot.caption());
            picture.write(spec, plot);
            return 0;
        }
    }
}
