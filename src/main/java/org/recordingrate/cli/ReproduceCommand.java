package org.recordingrate.cli;

import org.recordingrate.model.Token;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

import org.recordingrate.compare.Alternative;
import org.recordingrate.estimate.UnrecordedCrimes;
import org.recordingrate.io.CsvInput;
import org.recordingrate.reproduce.PublishedComparison;
import org.recordingrate.reproduce.PublishedFigure;
import org.recordingrate.reproduce.PublishedFigure.VolumeRange;
import org.recordingrate.compare.Verdict;
import org.recordingrate.model.Names;
import org.recordingrate.reproduce.CategoryAliases;
import org.recordingrate.reproduce.FigureCheck;
import org.recordingrate.reproduce.FigureColumns;
import org.recordingrate.reproduce.FigureResult;
import org.recordingrate.reproduce.PublishedReport;
import org.recordingrate.reproduce.ReportFigure;
import org.recordingrate.reproduce.TallyCheck;
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
                "  reproduce --cases FIGURES.csv --pair-by force,category [--order-by year] [--alias OLD=NEW]"
                        + "   (each row against the previous of its group)",
                "  reproduce --from-text REPORT.txt|REPORT.pdf|FOLDER...   (every figure an inspection report's text"
                        + " states, checked)",
                "Rates, bounds and margins in CSV and JSON are fractions (93.2 percent is 0.932); the column consistent"
                        + " says whether the published words and numbers agree (the reason in notes)."})
final class ReproduceCommand implements Callable<Integer> {

    /** Which column holds each argument the domain may complain about. */
    private static final Map<String, String> CURRENT = Map.of("rate", "rate", "margin", "margin",
            "confidence", "confidence");
    private static final Map<String, String> PREVIOUS = Map.of("rate", "previous_rate", "margin", "previous_margin",
            "confidence", "confidence");

    /** How the figures are given. */
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

    @Option(names = "--volume", paramLabel = "N|CATEGORY=N",
            description = "Crimes recorded in the year, for unrecorded crimes; with --from-text a category's"
                    + " (N alone: all crime), to check the published 'more than N'. Repeatable.")
    List<String> volume;

    @Option(names = "--cases", paramLabel = "FILE", description = "A CSV of published figures, one row each.")
    Path cases;

    @Mixin
    UnitsOption units;

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
                    + " columns, in file order or by --order-by) instead of reading previous_rate,previous_margin;"
                    + " says how many pairs it formed.")
    List<String> pairBy = new ArrayList<>();

    @Mixin
    PrecisionOption precision;

    @Mixin
    InputOptions reading;

    @Mixin
    OutputOptions output;

    @Option(names = "--from-text", arity = "1..*", paramLabel = "FILE|FOLDER",
            description = "Inspection reports as text (UTF-8), PDF, or folders of them (.txt, .text, .pdf); - reads"
                    + " standard input: every crime-data-integrity figure they state, a row per category, checked.")
    List<Path> fromText;

    @Option(names = "--category", paramLabel = "NAME",
            description = "With --rate: the figure's category; 'all crime' asks no tally of it (it is volume-weighted).")
    String category;

    @Option(names = "--alias", paramLabel = "LABEL=CATEGORY",
            description = "Read LABEL as CATEGORY, e.g. \"all crime (excl. fraud)=all crime\": for --pair-by, a category"
                    + " column and --from-text. Repeatable.")
    List<String> alias = new ArrayList<>();

    @Option(names = "--aliases", paramLabel = "FILE", description = "A CSV of aliases: columns label,category.")
    Path aliasFile;

    @Option(names = "--order-by", paramLabel = "COL",
            description = "With --pair-by: order each group by this column's year or date (2017, 2021/22, 2022-03-31)"
                    + " instead of file order.")
    String orderBy;

    @Option(names = "--strict", description = "With --pair-by: fail when no pair is formed.")
    boolean strict;

    @Override
    public Integer call() {
        boolean single = rate != null || margin != null || previousRate != null || previousMargin != null;
        int modes = (single ? 1 : 0) + (cases != null ? 1 : 0) + (fromText != null ? 1 : 0);
        if (modes != 1) {
            throw Cli.usage(spec, "give --rate and --margin (and optionally the previous figures), --cases FILE, or"
                    + " --from-text FILE...");
        }
        if (volume != null && cases != null) {
            throw Cli.usage(spec, "--volume goes with --rate or --from-text; a file of cases has a volume column");
        }
        if (category != null && !single) {
            throw Cli.usage(spec, "--category goes with --rate; a file of cases has a category column");
        }
        if (orderBy != null && pairBy.isEmpty() || strict && pairBy.isEmpty()) {
            throw Cli.usage(spec, (orderBy != null ? "--order-by" : "--strict") + " goes with --pair-by");
        }
        if (fromText != null && (moreThan != null || !pairBy.isEmpty() || units.fractions())) {
            throw Cli.usage(spec, "--from-text reads the figures, their units and 'more than N' from the reports:"
                    + " --more-than, --units and --pair-by go with --rate or --cases");
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
        } else if (cases != null) {
            cases(unit);
        } else {
            fromText(unit);
        }
        return 0;
    }

    private PublishedFigure figure(BigDecimal figureRate, BigDecimal figureMargin, double level) {
        if (units.fractions()) {
            return new PublishedFigure(figureRate.movePointRight(2), figureMargin.movePointRight(2), level);
        }
        return PublishedFigure.fromPercent(figureRate, figureMargin, level);
    }

    private Alternative alternativeHypothesis;
    private double confidence;
    private double significance;

    /** The command line's option for each argument the domain may complain about in a single figure. */
    private static final Map<String, String> OPTIONS = Map.of("moreThan", "--more-than", "unit", "--precision",
            "volume", "--volume", "category", "--category", "alias", "--alias");

    /**
     * Runs {@code action}, naming the option the user typed when the domain complains about an
     * argument ("--more-than (-5) must be ..." rather than "moreThan (-5) ..."): bad data, exit 1.
     */
    private static <T> T named(java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (org.recordingrate.error.ArgumentException e) {
            String option = OPTIONS.get(e.argument());
            if (option == null) {
                throw e;
            }
            String message = e.getMessage().startsWith(e.argument() + " ")
                    ? option + e.getMessage().substring(e.argument().length())
                    : "invalid value for " + option + ": " + e.getMessage();
            throw new org.recordingrate.error.ArgumentException(e.argument(), message);
        }
    }

    /**
     * A figure with what was asked of it and its check ({@link FigureCheck}): a tally behind it unless
     * it is all crime, the published verdict, the published "more than N" against the volume.
     */
    private FigureResult result(PublishedFigure current, Optional<PublishedFigure> previous, Optional<Long> figureVolume,
                                Optional<Long> publishedMoreThan, Optional<Verdict> publishedVerdict, boolean allCrime,
                                long unit) {
        Optional<UnrecordedCrimes> unrecorded = figureVolume.map(current::unrecorded);
        Optional<VolumeRange> volumes = publishedMoreThan.map(n -> current.volumesConsistentWith(n, unit));
        FigureCheck check = FigureCheck.of(current, previous, publishedVerdict,
                publishedMoreThan.map(OptionalLong::of).orElse(OptionalLong.empty()),
                figureVolume.map(OptionalLong::of).orElse(OptionalLong.empty()), allCrime, unit, significance,
                alternativeHypothesis);
        return new FigureResult(current, check.comparison(), unrecorded, volumes, check);
    }

    private void single(long unit) {
        Optional<Long> figureVolume = Optional.empty();
        if (volume != null) {
            if (volume.size() != 1) {
                throw Cli.usage(spec, "--volume is given once with --rate");
            }
            figureVolume = Optional.of(wholeOption("--volume", volume.get(0)));
        }
        PublishedFigure current = named(() -> figure(rate, margin, confidence));
        Optional<PublishedFigure> previous = previousRate == null ? Optional.empty()
                : Optional.of(named(() -> figure(previousRate, previousMargin, confidence)));
        boolean allCrime = category != null && Names.isAllCrime(named(() -> aliases().category(category)));
        Optional<Long> figureVolumeFinal = figureVolume;
        FigureResult result = named(() -> result(current, previous, figureVolumeFinal, Optional.ofNullable(moreThan),
                Optional.empty(), allCrime, unit));
        ResultTable table = FigureColumns.figures(List.of(result), unit);
        if (category == null && result.check().tally().flatMap(TallyCheck::reproducible).equals(Optional.of(false))) {
            table.note(ALL_CRIME_CAVEAT);
        }
        output.write(table, OutputOptions.Format.TEXT, true, text(result, table.notes()), spec.commandLine().getOut());
    }

    /** Said when a figure of unknown category fails the tally check. */
    private static final String ALL_CRIME_CAVEAT = "no category given: the figure was checked as a category's; an"
            + " all-crime figure (weighted across categories) need not come from one tally (--category 'all crime', or"
            + " a category column, to say so)";

    private static long wholeOption(String option, String text) {
        try {
            return org.recordingrate.internal.DecimalText.whole(text);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.TypeConversionException("invalid value for " + option + ": '"
                    + org.recordingrate.internal.DecimalText.printable(text) + "' " + e.getMessage());
        }
    }

    /** {@code --alias} and {@code --aliases}, in that order: a later alias of a label wins. */
    private CategoryAliases aliases() {
        CategoryAliases all = CategoryAliases.none();
        if (aliasFile != null) {
            all = all.read(aliasFile);
        }
        for (String one : alias) {
            all = all.parse(one);
        }
        return all;
    }

    private void cases(long unit) {
        CsvInput input = reading.read(cases).require("rate", "margin");
        CategoryAliases categories = named(this::aliases);
        ResultColumns<FigureResult> columns = FigureColumns.figure(unit);
        List<ResultTable.Column> resultColumns = new ArrayList<>(columns.columns());
        Pairing<PublishedFigure> pairing = null;
        if (!pairBy.isEmpty()) {
            if (input.has("previous_rate") || input.has("previous_margin")) {
                throw Cli.usage(spec, "--pair-by pairs rows of the file: it takes no previous_rate,previous_margin columns");
            }
            pairing = new Pairing<>(input, pairBy);
            if (orderBy != null) {
                input.require(orderBy);
            }
            resultColumns.add(new ResultTable.Column("paired_with_line", ResultTable.Kind.COUNT));
        }
        ResultTable table = ResultTable.withInputs(input.header(), resultColumns);
        List<CsvInput.Row> rows = input.rows();
        List<PublishedFigure> figures = new ArrayList<>(rows.size());
        for (CsvInput.Row row : rows) {
            double level = row.number("confidence", confidence);
            figures.add(row.construct(CURRENT, () -> figure(row.decimal("rate"), row.decimal("margin"), level)));
        }
        Map<Integer, Pairing.Previous<PublishedFigure>> paired = pairing == null ? Map.of()
                : pairing.pairs(rows, figures, Optional.ofNullable(orderBy), categories::alias);
        boolean unknownCategory = !input.has("category");
        boolean caveat = false;
        for (int i = 0; i < rows.size(); i++) {
            CsvInput.Row row = rows.get(i);
            double level = row.number("confidence", confidence);
            PublishedFigure current = figures.get(i);
            Optional<PublishedFigure> previous = Optional.empty();
            Optional<Long> pairedLine = Optional.empty();
            if (pairing != null) {
                Optional<Pairing.Previous<PublishedFigure>> earlier = Optional.ofNullable(paired.get(i));
                previous = earlier.map(Pairing.Previous::value);
                pairedLine = earlier.map(Pairing.Previous::line);
            } else if (!row.isBlank("previous_rate") || !row.isBlank("previous_margin")) {
                previous = Optional.of(row.construct(PREVIOUS,
                        () -> figure(row.decimal("previous_rate"), row.decimal("previous_margin"), level)));
            }
            Optional<Long> rowVolume = row.isBlank("volume") ? Optional.empty() : Optional.of(row.whole("volume"));
            Optional<Long> rowMoreThan = row.isBlank("published_more_than") ? Optional.empty()
                    : Optional.of(row.whole("published_more_than"));
            Optional<Verdict> rowVerdict = row.isBlank("published_verdict") ? Optional.empty()
                    : Optional.of(row.construct(Map.of("verdict", "published_verdict"),
                            () -> FigureCheck.verdict(row.text("published_verdict"))));
            boolean allCrime = !unknownCategory && !row.isBlank("category")
                    && Names.isAllCrime(categories.category(row.text("category")));
            Optional<PublishedFigure> earlier = previous;
            FigureResult result = row.construct(Map.of("volume", "volume", "moreThan", "published_more_than"),
                    () -> result(current, earlier, rowVolume, rowMoreThan, rowVerdict, allCrime, unit));
            List<Object> values = new ArrayList<>(columns.values(result));
            if (pairing != null) {
                values.add(pairedLine);
            }
            table.row(row.cells(), values);
            result.notes().forEach(table::noteRow);
            caveat |= unknownCategory && result.check().tally().flatMap(TallyCheck::reproducible)
                    .equals(Optional.of(false));
        }
        if (caveat) {
            table.note(ALL_CRIME_CAVEAT);
        }
        Cli.readNotice(spec, input, "figure");
        if (pairing != null) {
            String by = String.join(",", pairBy);
            Cli.note(spec, String.format(java.util.Locale.ROOT, "--pair-by %s: %,d pair%s formed from %,d rows%s", by,
                    paired.size(), paired.size() == 1 ? "" : "s", rows.size(), orderBy == null ? " (file order)"
                            : " (ordered by " + orderBy + ")"));
            if (paired.isEmpty() && !rows.isEmpty()) {
                String warning = "--pair-by " + by + " formed no pair: every row is alone in its group (check the"
                        + " columns' spellings; --alias reads changing labels as one)";
                if (strict) {
                    throw new IllegalArgumentException(input.name() + ": " + warning + "; --strict requires a pair");
                }
                Cli.note(spec, "warning: " + warning);
                table.note(warning);
            }
        }
        Cli.renameNotice(spec, table);
        output.write(table, OutputOptions.Format.CSV, false, null, spec.commandLine().getOut());
    }

    /**
     * {@code --from-text}: every figure the reports state, a row per category, checked; on standard
     * error what the reading noticed, each inconsistent figure with its file and line, and the count.
     */
    private void fromText(long unit) {
        CategoryAliases categories = named(this::aliases);
        PublishedReport report;
        if (fromText.stream().anyMatch(p -> p.toString().equals("-"))) {
            if (fromText.size() != 1) {
                throw Cli.usage(spec, "--from-text - (standard input) is read alone");
            }
            report = PublishedReport.read("-", System.in);
        } else {
            report = PublishedReport.read(fromText);
        }
        report = report.withAliases(categories).withPrecision(unit);
        for (String one : volume == null ? List.<String>of() : volume) {
            int equals = one.lastIndexOf('=');
            String name = equals < 0 ? Names.ALL_CRIME : one.substring(0, equals);
            long count = wholeOption("--volume", equals < 0 ? one : one.substring(equals + 1));
            PublishedReport before = report;
            report = named(() -> before.withVolume(name, count));
        }
        for (String note : report.notes()) {
            Cli.note(spec, note);
        }
        for (ReportFigure figure : report.inconsistent()) {
            Cli.note(spec, figure.file() + " line " + figure.line() + ": " + figure.category() + " not consistent: "
                    + String.join("; ", figure.check().notes()));
        }
        Cli.note(spec, report.counts());
        output.notesSaidByCommand();
        output.write(report.table(), OutputOptions.Format.CSV, false, report.summary(), spec.commandLine().getOut());
    }

    private static String text(FigureResult result, List<String> tableNotes) {
        StringBuilder out = new StringBuilder(result.figure().summary());
        result.check().tally().ifPresent(t -> out.append(String.format(java.util.Locale.ROOT,
                "audited range     %,d to %,d (allowing for the rounding of rate and margin)%n", t.auditedLower(),
                t.auditedUpper())));
        result.comparison().ifPresent(c -> out.append("compared with     ").append(c).append('\n'));
        result.unrecorded().ifPresent(u -> out.append("unrecorded crimes ").append(u).append('\n'));
        result.volumes().ifPresent(v -> out.append(String.format(java.util.Locale.ROOT,
                "volumes           %,d to %s recorded crimes are consistent with the published \"more than\"%n",
                v.lower(), v.upper().isPresent() ? String.format(java.util.Locale.ROOT, "%,d", v.upper().getAsLong())
                        : "unbounded")));
        out.append("consistent        ").append(result.check().consistent().map(c -> c ? "yes" : "no")
                .orElse("not checked")).append('\n');
        for (String note : result.check().notes()) {
            out.append("note              ").append(note).append('\n');
        }
        for (String note : tableNotes) {
            out.append("note              ").append(note).append('\n');
        }
        return out.toString();
    }
}
