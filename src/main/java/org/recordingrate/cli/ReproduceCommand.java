package org.recordingrate.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.recordingrate.estimate.UnrecordedCrimes;
import org.recordingrate.io.CsvInput;
import org.recordingrate.reproduce.PublishedComparison;
import org.recordingrate.reproduce.PublishedFigure;
import org.recordingrate.report.ResultTable;
import org.recordingrate.report.ResultTable.Kind;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code recording-rate reproduce}: what can be recovered from published "rate +/- margin"
 * figures alone: standard error, interval, implied audited count, the comparison with a previous
 * figure and its verdict, and unrecorded crimes for a volume.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Reproduce published figures from their rate +/- margin (in percent).",
                "  reproduce --rate 93.2 --margin 2.3 [--previous-rate 87.8 --previous-margin 1.7] [--volume 62000]",
                "  reproduce --cases FIGURES.csv   (columns rate,margin[,previous_rate,previous_margin][,volume][,confidence])"})
final class ReproduceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--rate", paramLabel = "PERCENT", description = "The published rate, e.g. 93.2.")
    Double rate;

    @Option(names = "--margin", paramLabel = "PERCENT", description = "The published +/- margin, e.g. 2.3.")
    Double margin;

    @Option(names = "--previous-rate", paramLabel = "PERCENT", description = "The earlier inspection's rate.")
    Double previousRate;

    @Option(names = "--previous-margin", paramLabel = "PERCENT", description = "The earlier inspection's margin.")
    Double previousMargin;

    @Option(names = "--volume", paramLabel = "N", description = "Crimes recorded in the year, for unrecorded crimes.")
    Long volume;

    @Option(names = "--cases", paramLabel = "FILE", description = "A CSV of published figures, one row each.")
    Path cases;

    @Option(names = "--confidence", defaultValue = "0.95", paramLabel = "LEVEL",
            description = "Confidence level of the published margins (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--significance", defaultValue = "0.05", paramLabel = "ALPHA",
            description = "Significance level of the verdict (default: ${DEFAULT-VALUE}).")
    double significance;

    @Option(names = "--precision", defaultValue = "100", paramLabel = "N",
            description = "Round 'more than N unrecorded crimes' down to a multiple of N (default: ${DEFAULT-VALUE}).")
    long precision;

    @Mixin
    OutputOptions output;

    private static final String[] RESULT_COLUMNS = {"se", "lower", "upper", "implied_audited", "change", "z", "p_value",
        "verdict", "unrecorded", "more_than"};
    private static final Kind[] RESULT_KINDS = {Kind.FRACTION, Kind.FRACTION, Kind.FRACTION, Kind.NUMBER, Kind.CHANGE,
        Kind.NUMBER, Kind.PVALUE, Kind.TEXT, Kind.COUNT, Kind.COUNT};

    @Override
    public Integer call() {
        boolean single = rate != null || margin != null || previousRate != null || previousMargin != null || volume != null;
        if (single == (cases != null)) {
            throw Cli.usage(spec, "give --rate and --margin (and optionally the previous figures), or --cases FILE");
        }
        if (single && (rate == null || margin == null)) {
            throw Cli.usage(spec, "--rate and --margin go together");
        }
        if (single && (previousRate == null) != (previousMargin == null)) {
            throw Cli.usage(spec, "--previous-rate and --previous-margin go together");
        }
        if (single) {
            single();
        } else {
            cases();
        }
        return 0;
    }

    private void single() {
        ResultTable table = new ResultTable().column("rate", Kind.NUMBER).column("margin", Kind.NUMBER)
                .column("previous_rate", Kind.NUMBER).column("previous_margin", Kind.NUMBER)
                .column("volume", Kind.COUNT).column("confidence", Kind.NUMBER);
        resultColumns(table);
        PublishedFigure current = PublishedFigure.fromPercent(rate, margin, confidence);
        PublishedFigure previous = previousRate == null ? null
                : PublishedFigure.fromPercent(previousRate, previousMargin, confidence);
        List<Object> values = new ArrayList<>(List.of(rate, margin));
        values.add(previousRate);
        values.add(previousMargin);
        values.add(volume);
        values.add(confidence);
        values.addAll(results(current, previous, volume));
        table.row(values.toArray());
        output.write(table, OutputOptions.Format.TEXT, true, text(current, previous, volume),
                spec.commandLine().getOut());
    }

    private void cases() {
        CsvInput input = CsvInput.read(cases).require("rate", "margin");
        ResultTable table = new ResultTable();
        for (String column : input.header()) {
            table.column(column, Kind.TEXT);
        }
        resultColumns(table);
        for (CsvInput.Row row : input.rows()) {
            double level = row.number("confidence", confidence);
            PublishedFigure current = row.located("rate",
                    () -> PublishedFigure.fromPercent(row.number("rate"), row.number("margin"), level));
            PublishedFigure previous = null;
            if (!row.isBlank("previous_rate") || !row.isBlank("previous_margin")) {
                previous = row.located("previous_rate", () -> PublishedFigure.fromPercent(row.number("previous_rate"),
                        row.number("previous_margin"), level));
            }
            Long rowVolume = row.isBlank("volume") ? null : row.whole("volume");
            if (rowVolume != null && rowVolume < 1) {
                throw row.fail("volume", row.text("volume"), "must be at least 1");
            }
            List<Object> values = new ArrayList<>(row.cells());
            values.addAll(results(current, previous, rowVolume));
            table.row(values.toArray());
        }
        Cli.readNotice(spec, input, "figure");
        output.write(table, OutputOptions.Format.CSV, false, null, spec.commandLine().getOut());
    }

    private static void resultColumns(ResultTable table) {
        for (int i = 0; i < RESULT_COLUMNS.length; i++) {
            table.column(RESULT_COLUMNS[i], RESULT_KINDS[i]);
        }
    }

    private List<Object> results(PublishedFigure current, PublishedFigure previous, Long volume) {
        List<Object> values = new ArrayList<>();
        values.add(current.standardError());
        values.add(current.interval().lower());
        values.add(current.interval().upper());
        values.add(current.impliedAudited());
        if (previous == null) {
            values.addAll(java.util.Arrays.asList(null, null, null, null));
        } else {
            PublishedComparison comparison = current.compareWith(previous, significance);
            values.add(comparison.change());
            values.add(comparison.z());
            values.add(comparison.pValue());
            values.add(comparison.verdict().words());
        }
        if (volume == null) {
            values.add(null);
            values.add(null);
        } else {
            UnrecordedCrimes unrecorded = current.unrecorded(volume);
            values.add(unrecorded.estimate());
            java.util.OptionalLong moreThan = unrecorded.moreThan(precision);
            values.add(moreThan.isPresent() ? (Object) moreThan.getAsLong() : null);
        }
        return values;
    }

    private String text(PublishedFigure current, PublishedFigure previous, Long volume) {
        StringBuilder out = new StringBuilder();
        out.append("published figure  ").append(current).append('\n');
        out.append(String.format(java.util.Locale.ROOT, "standard error    %.2f%% (margin / %.6f)%n",
                100 * current.standardError(), current.criticalValue()));
        out.append(String.format(java.util.Locale.ROOT, "implied audited   about %.0f (Wald)%n", current.impliedAudited()));
        if (previous != null) {
            out.append("compared with     ").append(current.compareWith(previous, significance)).append('\n');
        }
        if (volume != null) {
            out.append("unrecorded crimes ").append(current.unrecorded(volume)).append('\n');
        }
        return out.toString();
    }
}
