package org.recordingrate.cli;

import org.recordingrate.model.Token;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.recordingrate.compare.Alternative;
import org.recordingrate.estimate.UnrecordedCrimes;
import org.recordingrate.io.CsvInput;
import org.recordingrate.reproduce.PublishedComparison;
import org.recordingrate.reproduce.PublishedFigure;
import org.recordingrate.reproduce.PublishedFigure.VolumeRange;
import org.recordingrate.reproduce.FigureColumns;
import org.recordingrate.reproduce.FigureResult;
import org.recordingrate.format.ResultColumns;
import org.recordingrate.format.ResultTable;

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
                "  reproduce --rate 93.2 --margin 2.3 --more-than 4500   (volumes consistent with the published count)",
                "  reproduce --cases FIGURES.csv   (columns rate,margin[,previous_rate,previous_margin][,volume]"
                        + "[,published_more_than][,confidence])",
                "  reproduce --cases FIGURES.csv --pair-by force,category   (each row against the previous of its group)"})
final class ReproduceCommand implements Callable<Integer> {

    /** Which column holds each argument the domain may complain about. */
    private static final Map<String, String> CURRENT = Map.of("rate", "rate", "margin", "margin",
            "confidence", "confidence");
    private static final Map<String, String> PREVIOUS = Map.of("rate", "previous_rate", "margin", "previous_margin",
            "confidence", "confidence");

    /** How the figures are given. */
    enum Units {
        /** As published: 93.2 for 93.2%. */
        PERCENT,
        /** As fractions: 0.932 for 93.2% (also the way to give a rate below 1%). */
        FRACTION
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--rate", paramLabel = "PERCENT", description = "The published rate, e.g. 93.2.")
    BigDecimal rate;

    @Option(names = "--margin", paramLabel = "PERCENT", description = "The published +/- margin, e.g. 2.3.")
    BigDecimal margin;

    @Option(names = "--previous-rate", paramLabel = "PERCENT", description = "The earlier inspection's rate.")
    BigDecimal previousRate;

    @Option(names = "--previous-margin", paramLabel = "PERCENT", description = "The earlier inspection's margin.")
    BigDecimal previousMargin;

    @Option(names = "--volume", paramLabel = "N", description = "Crimes recorded in the year, for unrecorded crimes.")
    Long volume;

    @Option(names = "--cases", paramLabel = "FILE", description = "A CSV of published figures, one row each.")
    Path cases;

    @Option(names = "--units", defaultValue = "percent", paramLabel = "percent|fraction",
            description = "How rates and margins are given (default: ${DEFAULT-VALUE}); fraction is also how to give"
                    + " a rate below 1 percent.")
    Units units;

    @Mixin
    ConfidenceOption confidenceOption;

    @Mixin
    SignificanceOption significanceOption;

    @Mixin
    AlternativeOption alternative;

    @Option(names = "--more-than", paramLabel = "N",
            description = "A published 'didn't record more than N crimes': gives the volumes consistent with it "
                    + "(volume_lower,volume_upper), the rounding of the published rate allowed for.")
    Long moreThan;

    @Option(names = "--pair-by", paramLabel = "COL[,COL...]", split = ",",
            description = "With --cases: compare each row with the previous row of its group (rows grouped by these"
                    + " columns, in file order) instead of reading previous_rate,previous_margin.")
    List<String> pairBy = new ArrayList<>();

    @Mixin
    PrecisionOption precision;

    @Mixin
    InputOptions reading;

    @Mixin
    OutputOptions output;

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
        long unit = precision.unit();
        alternativeHypothesis = alternative.value;
        confidence = confidenceOption.twoSided();
        significance = significanceOption.value();
        if (!pairBy.isEmpty() && cases == null) {
            throw Cli.usage(spec, "--pair-by goes with --cases FILE");
        }
        output.check();
        if (single) {
            single(unit);
        } else {
            cases(unit);
        }
        return 0;
    }

    private PublishedFigure figure(BigDecimal figureRate, BigDecimal figureMargin, double level) {
        if (units == Units.FRACTION) {
            return new PublishedFigure(figureRate.movePointRight(2), figureMargin.movePointRight(2), level);
        }
        return PublishedFigure.fromPercent(figureRate, figureMargin, level);
    }

    private Alternative alternativeHypothesis;
    private double confidence;
    private double significance;

    private FigureResult result(PublishedFigure current, Optional<PublishedFigure> previous, Optional<Long> figureVolume,
                                Optional<Long> publishedMoreThan, long unit) {
        Optional<PublishedComparison> comparison = previous.map(p -> current.compareWith(p, significance,
                alternativeHypothesis));
        Optional<UnrecordedCrimes> unrecorded = figureVolume.map(current::unrecorded);
        Optional<VolumeRange> volumes = publishedMoreThan.map(n -> current.volumesConsistentWith(n, unit));
        return new FigureResult(current, comparison, unrecorded, volumes);
    }

    private void single(long unit) {
        PublishedFigure current = figure(rate, margin, confidence);
        Optional<PublishedFigure> previous = previousRate == null ? Optional.empty()
                : Optional.of(figure(previousRate, previousMargin, confidence));
        FigureResult result = result(current, previous, Optional.ofNullable(volume), Optional.ofNullable(moreThan), unit);
        output.write(FigureColumns.figures(List.of(result), unit), OutputOptions.Format.TEXT, true, text(result),
                spec.commandLine().getOut());
    }

    private void cases(long unit) {
        CsvInput input = reading.read(cases).require("rate", "margin");
        ResultColumns<FigureResult> columns = FigureColumns.figure(unit);
        List<ResultTable.Column> resultColumns = new ArrayList<>(columns.columns());
        Pairing<PublishedFigure> pairing = null;
        if (!pairBy.isEmpty()) {
            if (input.has("previous_rate") || input.has("previous_margin")) {
                throw Cli.usage(spec, "--pair-by pairs rows of the file: it takes no previous_rate,previous_margin columns");
            }
            pairing = new Pairing<>(input, pairBy);
            resultColumns.add(new ResultTable.Column("paired_with_line", ResultTable.Kind.COUNT));
        }
        ResultTable table = ResultTable.withInputs(input.header(), resultColumns);
        for (CsvInput.Row row : input.rows()) {
            double level = row.number("confidence", confidence);
            PublishedFigure current = row.construct(CURRENT, () -> figure(row.decimal("rate"), row.decimal("margin"), level));
            Optional<PublishedFigure> previous = Optional.empty();
            Optional<Long> pairedLine = Optional.empty();
            if (pairing != null) {
                var earlier = pairing.next(row, current);
                previous = earlier.map(Pairing.Previous::value);
                pairedLine = earlier.map(Pairing.Previous::line);
            } else if (!row.isBlank("previous_rate") || !row.isBlank("previous_margin")) {
                previous = Optional.of(row.construct(PREVIOUS,
                        () -> figure(row.decimal("previous_rate"), row.decimal("previous_margin"), level)));
            }
            Optional<Long> rowVolume = row.isBlank("volume") ? Optional.empty() : Optional.of(row.whole("volume"));
            Optional<Long> rowMoreThan = row.isBlank("published_more_than") ? Optional.empty()
                    : Optional.of(row.whole("published_more_than"));
            Optional<PublishedFigure> earlier = previous;
            FigureResult result = row.construct(Map.of("volume", "volume", "moreThan", "published_more_than"),
                    () -> result(current, earlier, rowVolume, rowMoreThan, unit));
            List<Object> values = new ArrayList<>(columns.values(result));
            if (pairing != null) {
                values.add(pairedLine);
            }
            table.row(row.cells(), values);
        }
        Cli.readNotice(spec, input, "figure");
        Cli.renameNotice(spec, table);
        output.write(table, OutputOptions.Format.CSV, false, null, spec.commandLine().getOut());
    }

    private static String text(FigureResult result) {
        StringBuilder out = new StringBuilder(result.figure().summary());
        result.comparison().ifPresent(c -> out.append("compared with     ").append(c).append('\n'));
        result.unrecorded().ifPresent(u -> out.append("unrecorded crimes ").append(u).append('\n'));
        result.volumes().ifPresent(v -> out.append(String.format(java.util.Locale.ROOT,
                "volumes           %,d to %s recorded crimes are consistent with the published \"more than\"%n",
                v.lower(), v.upper().isPresent() ? String.format(java.util.Locale.ROOT, "%,d", v.upper().getAsLong())
                        : "unbounded")));
        return out.toString();
    }
}
