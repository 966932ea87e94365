package org.recordingrate.forces;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.recordingrate.internal.Args;
import org.recordingrate.io.CsvInput;
import org.recordingrate.io.DataFileException;
import org.recordingrate.io.InspectionFile;
import org.recordingrate.io.InspectionSource;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Names;
import org.recordingrate.model.Tally;
import org.recordingrate.reproduce.PublishedFigure;

/**
 * Every force's figure from one file of any kind, recognised by its header (after {@code --columns}
 * renames the file's own names to the tool's):
 *
 * <ul>
 *   <li><b>published figures</b>: {@code rate,margin} in percent (as the inspectorate publishes them,
 *       93.2 and 2.3), a force column ({@code force}, else {@code inspection}, else {@code name}),
 *       optionally {@code volume} and {@code confidence} (0.95 unless given); each force's size is the
 *       implied effective audited count ({@link ForceFigure#of(String, PublishedFigure)});</li>
 *   <li><b>tallies</b>: {@code recorded,audited}, a force column, optionally {@code volume};</li>
 *   <li><b>inspection files</b> ({@code inspection,category,recorded,audited,volume}, a force per
 *       inspection) and <b>record-level audit files</b> (with {@link Options#volumes()}): each force's
 *       all-crime rate, or one category's ({@link Options#category()}).</li>
 * </ul>
 *
 * A figures or tallies file with a {@code category} column gives the rows of {@link Options#category()}
 * (matched by {@link Names#same}); a force named twice is an error naming both lines. With
 * {@link Options#by()} each force's group (region) is read from that column. Input columns come back
 * unchanged in the result's table (figures and tallies files: one input row per force). Errors name the
 * file, line, column and value ({@link DataFileException}).
 *
 * @param file    the file as named
 * @param kind    what kind of file it is
 * @param category the category the rates are of: the one chosen, else "all crime" for inspection and
 *                audit files, else empty (a figures or tallies file's rows, whatever they are)
 * @param header  the file's header, as written, for figures and tallies files; empty for inspection and
 *                audit files, whose forces are made from several rows
 * @param figures every force's figure, in file order
 * @param cells   every force's input row, as written (parallel to {@code figures}); empty lists for
 *                inspection and audit files
 * @param notes   what a reader should be told about the reading (rows of other categories skipped, ...)
 */
public record ForcesFile(String file, Kind kind, Optional<String> category, List<String> header, List<ForceFigure> figures,
                         List<List<String>> cells, List<String> notes) {

    /** The kinds of file read. */
    public enum Kind {
        /** Published "rate +/- margin" figures in percent. */
        PUBLISHED_FIGURES("published figures"),
        /** A tally per force. */
        TALLIES("tallies"),
        /** An inspection file: a row per force and category. */
        INSPECTIONS("inspection file"),
        /** A record-level audit file: a row per audited crime. */
        AUDIT("record-level audit file");

        private final String displayName;

        Kind(String displayName) {
            this.displayName = displayName;
        }

        /**
         * The kind for people.
         *
         * @return e.g. {@code "published figures"}
         */
        public String displayName() {
            return displayName;
        }
    }

    /**
     * How to read a forces file.
     *
     * @param volumes    the volumes file of a record-level audit file
     * @param columns    the tool's column names to the file's own ({@code rate=rate_pct}); matched ignoring
     *                   case and surrounding spaces
     * @param category   the category whose rates to take (default: all crime for inspections; every row
     *                   for figures and tallies)
     * @param by         the column holding each force's group (a region)
     * @param confidence the level of published margins without a {@code confidence} column
     * @param fractions  whether published rates and margins are given as fractions (0.932) rather than
     *                   percent (93.2)
     */
    public record Options(Optional<Path> volumes, Map<String, String> columns, Optional<String> category,
                          Optional<String> by, double confidence, boolean fractions) {

        /**
         * Validates and copies.
         *
         * @throws IllegalArgumentException for a null, a blank category or column, or a confidence out of
         *                                  range
         */
        public Options {
            Args.notNull("volumes", volumes);
            columns = Map.copyOf(Args.notNull("columns", columns));
            Args.notNull("category", category);
            category = category.map(c -> Args.notBlank("category", c));
            Args.notNull("by", by);
            by = by.map(c -> Args.notBlank("by", c));
            Args.confidence(confidence);
        }

        /**
         * Percent figures at 95%, no volumes file, the file's names as they are, all crime, no groups.
         *
         * @return the defaults
         */
        public static Options defaults() {
            return new Options(Optional.empty(), Map.of(), Optional.empty(), Optional.empty(),
                    PublishedFigure.DEFAULT_CONFIDENCE, false);
        }

        /**
         * With a volumes file for a record-level audit file.
         *
         * @param file the volumes file
         * @return new options
         * @throws IllegalArgumentException if null
         */
        public Options withVolumes(Path file) {
            return new Options(Optional.of(Args.notNull("volumes", file)), columns, category, by, confidence, fractions);
        }

        /**
         * Reading the file's column named by each value as the tool's column named by its key.
         *
         * @param toolToFile e.g. {@code Map.of("rate", "Recording rate (%)")}
         * @return new options
         * @throws IllegalArgumentException if null
         */
        public Options withColumns(Map<String, String> toolToFile) {
            return new Options(volumes, toolToFile, category, by, confidence, fractions);
        }

        /**
         * Taking one category's rates.
         *
         * @param name the category
         * @return new options
         * @throws IllegalArgumentException if null or blank
         */
        public Options withCategory(String name) {
            return new Options(volumes, columns, Optional.of(Args.notBlank("category", name)), by, confidence, fractions);
        }

        /**
         * Reading each force's group from a column.
         *
         * @param column the column, e.g. {@code region}
         * @return new options
         * @throws IllegalArgumentException if null or blank
         */
        public Options by(String column) {
            return new Options(volumes, columns, category, Optional.of(Args.notBlank("by", column)), confidence, fractions);
        }

        /**
         * Published margins at another level, unless a row's {@code confidence} says.
         *
         * @param level the level, e.g. 0.95
         * @return new options
         * @throws IllegalArgumentException if out of range
         */
        public Options withConfidence(double level) {
            return new Options(volumes, columns, category, by, level, fractions);
        }

        /**
         * Published figures given as fractions (also how to give a rate below 1 percent).
         *
         * @param fractions true for fractions, false for percent (the default)
         * @return new options
         */
        public Options withFractions(boolean fractions) {
            return new Options(volumes, columns, category, by, confidence, fractions);
        }
    }

    /**
     * Copies the lists.
     *
     * @throws IllegalArgumentException if a list is null, or {@code cells} is neither empty nor as long
     *                                  as {@code figures}
     */
    public ForcesFile {
        Args.notNull("file", file);
        Args.notNull("kind", kind);
        Args.notNull("category", category);
        header = List.copyOf(Args.notNull("header", header));
        figures = List.copyOf(Args.notNull("figures", figures));
        cells = Args.notNull("cells", cells).stream().map(List::copyOf).toList();
        if (!cells.isEmpty() && cells.size() != figures.size()) {
            throw new IllegalArgumentException("cells (" + cells.size() + ") must be one per figure (" + figures.size() + ")");
        }
        notes = List.copyOf(Args.notNull("notes", notes));
    }

    private static final List<String> NAME_COLUMNS = List.of("force", "inspection", "name");

    /**
     * Reads a file with the default options.
     *
     * @param file the file; {@code "-"} reads standard input (not for record-level audit files)
     * @return the forces
     * @throws DataFileException as {@link #read(Path, Options)}
     */
    public static ForcesFile read(Path file) {
        return read(file, Options.defaults());
    }

    /**
     * Reads a file of any kind (see the class comment).
     *
     * @param file    the file; {@code "-"} reads standard input (not for record-level audit files)
     * @param options how to read it
     * @return the forces, in file order
     * @throws IllegalArgumentException if an argument is null
     * @throws DataFileException        for an unreadable file, a header of no known kind, a missing force
     *                                  column, a bad cell, a force named twice, a category no row has, or a
     *                                  blank group; each names the file, line, column and value
     */
    public static ForcesFile read(Path file, Options options) {
        Args.notNull("file", file);
        Args.notNull("options", options);
        CsvInput raw = CsvInput.read(file);
        ForcesFile read = read(file, raw, options);
        if (raw.blankRows() == 0) {
            return read;
        }
        // nothing skipped unnoticed: the blank rows are counted in the notes the result carries
        List<String> notes = new java.util.ArrayList<>(read.notes());
        notes.add(String.format(Locale.ROOT, "%,d blank row%s skipped in %s", raw.blankRows(),
                raw.blankRows() == 1 ? "" : "s", raw.name()));
        return new ForcesFile(read.file(), read.kind(), read.category(), read.header(), read.figures(), read.cells(),
                notes);
    }

    private static ForcesFile read(Path file, CsvInput raw, Options options) {
        CsvInput input = options.columns().isEmpty() ? raw : raw.withColumns(options.columns());
        Kind kind = input.has("rate") && input.has("margin") ? Kind.PUBLISHED_FIGURES
                : input.has("recorded") && input.has("audited") && !(input.has("category") && input.has("volume"))
                ? Kind.TALLIES : input.has("audited") ? Kind.INSPECTIONS : Kind.AUDIT;
        if (kind != Kind.AUDIT && options.volumes().isPresent()) {
            throw new DataFileException(input.name(), 1, null, null, "is " + (kind == Kind.INSPECTIONS ? "an " : "a file of ")
                    + kind.displayName() + ", which has its figures: a volumes file (" + options.volumes().get()
                    + ") is for record-level audit files");
        }
        if (kind == Kind.PUBLISHED_FIGURES || kind == Kind.TALLIES) {
            return rows(input, kind, options);
        }
        if (kind == Kind.INSPECTIONS) {
            return inspections(input, file.toString(), Kind.INSPECTIONS, InspectionFile.parse(input), options);
        }
        InspectionSource source = InspectionSource.read(file, options.volumes(), options.columns());
        if (options.by().isPresent()) {
            throw new DataFileException(file.toString(), 1, null, null, "is a record-level audit file: groups (--by "
                    + options.by().get() + ") are read from a figures, tallies or inspection file");
        }
        return inspections(null, file.toString(), Kind.AUDIT, source.inspections(), options);
    }

    /** A force per row: published figures or tallies. */
    private static ForcesFile rows(CsvInput input, Kind kind, Options options) {
        String nameColumn = NAME_COLUMNS.stream().filter(input::has).findFirst().orElseThrow(() ->
                new DataFileException(input.name(), 1, null, null, "has no force column: name one 'force' (or"
                        + " 'inspection' or 'name'), or map yours with --columns force=YOUR_COLUMN (header: "
                        + String.join(",", input.header()) + ")"));
        if (options.category().isPresent() && !input.has("category")) {
            throw new DataFileException(input.name(), 1, null, null, "has no category column to choose '"
                    + options.category().get() + "' from (header: " + String.join(",", input.header()) + ")");
        }
        options.by().ifPresent(input::require);
        if (input.rows().isEmpty()) {
            throw new DataFileException(input.name(), 0, null, null, "has a header but no forces");
        }
        List<ForceFigure> figures = new ArrayList<>();
        List<List<String>> cells = new ArrayList<>();
        Map<String, Long> lines = new LinkedHashMap<>();
        Set<String> categories = new LinkedHashSet<>();
        long skipped = 0;
        for (CsvInput.Row row : input.rows()) {
            if (input.has("category")) {
                categories.add(row.text("category").strip());
                if (options.category().isPresent() && !Names.same(row.text("category"), options.category().get())) {
                    skipped++;
                    continue;
                }
            }
            String name = row.text(nameColumn).strip();
            if (name.isEmpty()) {
                throw row.fail(nameColumn, row.text(nameColumn), "is blank: every row names its force");
            }
            Long earlier = lines.putIfAbsent(Names.key(name), row.line());
            if (earlier != null) {
                throw row.fail(nameColumn, row.text(nameColumn), "names a force already on line " + earlier
                        + (input.has("category") && options.category().isEmpty()
                        ? ": choose one category with --category (the file has " + String.join(", ", categories) + ")"
                        : ""));
            }
            ForceFigure base = kind == Kind.PUBLISHED_FIGURES ? figure(row, name, options) : tally(row, name);
            ForceFigure figure = base;
            if (input.has("volume") && !row.isBlank("volume")) {
                long volume = row.whole("volume");
                figure = row.construct(Map.of("volume", "volume"), () -> base.withVolume(volume));
            }
            if (options.by().isPresent()) {
                String group = row.text(options.by().get()).strip();
                if (group.isEmpty()) {
                    throw row.fail(options.by().get(), row.text(options.by().get()), "is blank: every force needs its "
                            + options.by().get() + " (--by " + options.by().get() + ")");
                }
                figure = figure.withGroup(group);
            }
            figures.add(figure);
            cells.add(row.cells());
        }
        if (figures.isEmpty()) {
            throw new DataFileException(input.name(), 0, "category", options.category().orElse(""), "matches no row: the"
                    + " file's categories are " + String.join(", ", categories));
        }
        List<String> notes = new ArrayList<>();
        if (skipped > 0) {
            notes.add(String.format(Locale.ROOT, "%s: %,d rows of other categories than '%s' left out", input.name(),
                    skipped, options.category().get()));
        }
        return new ForcesFile(input.name(), kind, options.category(), input.header(), figures, cells, notes);
    }

    /** The row's published figure. */
    private static ForceFigure figure(CsvInput.Row row, String name, Options options) {
        if (row.isBlank("rate") || row.isBlank("margin")) {
            String column = row.isBlank("rate") ? "rate" : "margin";
            throw row.fail(column, row.text(column), "is blank: every force needs its rate and margin");
        }
        BigDecimal rate = row.decimal("rate");
        BigDecimal margin = row.decimal("margin");
        double level = row.number("confidence", options.confidence());
        return row.construct(Map.of("rate", "rate", "margin", "margin", "confidence", "confidence"), () -> {
            PublishedFigure published = options.fractions()
                    ? new PublishedFigure(rate.movePointRight(2), margin.movePointRight(2), level)
                    : PublishedFigure.fromPercent(rate, margin, level);
            return ForceFigure.of(name, published);
        });
    }

    /** The row's tally. */
    private static ForceFigure tally(CsvInput.Row row, String name) {
        long recorded = row.whole("recorded");
        long audited = row.whole("audited");
        return row.construct(Map.of("recorded", "recorded", "audited", "audited"),
                () -> ForceFigure.of(name, new Tally(recorded, audited)));
    }

    /** A force per inspection: all crime, or the chosen category. */
    private static ForcesFile inspections(CsvInput input, String name, Kind kind, List<Inspection> inspections,
                                          Options options) {
        Map<String, String> groups = new LinkedHashMap<>();
        if (options.by().isPresent()) {
            String column = options.by().get();
            input.require(column, "inspection");
            Map<String, Long> lines = new LinkedHashMap<>();
            for (CsvInput.Row row : input.rows()) {
                String key = Names.key(row.text("inspection"));
                String group = row.text(column).strip();
                if (group.isEmpty()) {
                    throw row.fail(column, row.text(column), "is blank: every force needs its " + column);
                }
                String earlier = groups.putIfAbsent(key, group);
                lines.putIfAbsent(key, row.line());
                if (earlier != null && !Names.same(earlier, group)) {
                    throw row.fail(column, row.text(column), "differs from '" + earlier + "' on line " + lines.get(key)
                            + " for the same inspection");
                }
            }
        }
        List<ForceFigure> figures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> without = new ArrayList<>();
        for (Inspection inspection : inspections) {
            ForceFigure figure;
            if (options.category().isPresent()) {
                if (inspection.category(options.category().get()).isEmpty()) {
                    without.add(inspection.name());
                    continue;
                }
                figure = ForceFigure.of(inspection, options.category().get());
            } else {
                figure = ForceFigure.of(inspection);
            }
            String group = groups.get(Names.key(inspection.name()));
            figures.add(group == null ? figure : figure.withGroup(group));
        }
        if (figures.isEmpty()) {
            throw new DataFileException(name, 0, "category", options.category().orElse(""), "was audited by no inspection"
                    + " in the file");
        }
        if (!without.isEmpty()) {
            notes.add(without.size() + " inspection" + (without.size() == 1 ? "" : "s") + " did not audit '"
                    + options.category().get() + "', left out: " + String.join(", ", without));
        }
        return new ForcesFile(name, kind, Optional.of(options.category().orElse(Names.ALL_CRIME)), List.of(), figures,
                List.of(), notes);
    }

    /** {@code "43 forces from examples/data/forces-2022.csv (inspection file)"}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d forces from %s (%s)", figures.size(), file, kind.displayName());
    }
}
