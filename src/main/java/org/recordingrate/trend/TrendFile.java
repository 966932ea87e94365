package org.recordingrate.trend;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.recordingrate.error.ArgumentException;
import org.recordingrate.internal.Args;
import org.recordingrate.internal.DecimalText;
import org.recordingrate.io.CsvInput;
import org.recordingrate.io.DataFileException;
import org.recordingrate.io.InspectionSource;
import org.recordingrate.model.AuditedCategory;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Names;
import org.recordingrate.model.Tally;
import org.recordingrate.reproduce.PublishedFigure;

/**
 * Reads the inspections of a trend from any kind of file with a time column (named by the caller,
 * {@code time} by default), into series grouped by the caller's columns ({@code force,category} by
 * default, those the file has):
 * <ul>
 *   <li><b>published figures</b> ({@link Kind#FIGURES}): {@code rate,margin} in percent as published,
 *       optionally {@code confidence} (a fraction, 0.95 unless given); a series per group;</li>
 *   <li><b>tallies</b> ({@link Kind#TALLIES}): {@code recorded,audited}; a series per group;</li>
 *   <li><b>inspection files</b> ({@link Kind#INSPECTIONS}): {@code category,recorded,audited,volume}; per
 *       group of the other columns, a series per category and one for all crime, the volume-weighted rate
 *       sum W<sub>h</sub> p<sub>h</sub> with its binomial standard error sqrt(sum W<sub>h</sub><sup>2</sup>
 *       p<sub>h</sub>(1 - p<sub>h</sub>)/n<sub>h</sub>) at each time;</li>
 *   <li><b>record-level audit files</b> ({@link Kind#AUDIT}) with a volumes file: read by
 *       {@link InspectionSource}, each inspection's time (and grouping columns) read from its records,
 *       which must agree; then as inspection files.</li>
 * </ul>
 *
 * <p><b>Times</b> are plain decimals ({@code 2017}, {@code 2021.5}) or ISO dates ({@code 2021-06-30}, read
 * as the decimal year 2021 + (day of year - 1) / days in the year, so that slopes are per year); the
 * cell as written is the inspection's label in sentences. Groups, categories and times are matched
 * under {@link Names}. Two rows of one series at one time are an error naming both lines; a series of
 * fewer than three inspections is left out with a note.
 */
public final class TrendFile {

    /** What kind of file was read. */
    public enum Kind implements org.recordingrate.model.Token {
        /** Published figures: rate and margin in percent. */
        FIGURES,
        /** Tallies: recorded and audited. */
        TALLIES,
        /** Inspection files: a row per category with its volume. */
        INSPECTIONS,
        /** Record-level audit files with a volumes file. */
        AUDIT;

        @Override
        public String token() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One series: the inspections of one group (and category) over time.
     *
     * @param key          the grouping columns' values, in the order of {@link Read#columns()}
     * @param force        the force, when a {@code force} column groups the file
     * @param category     the category, when a {@code category} column groups the file or the file is an
     *                     inspection file ({@code "all crime"} for the combined rate)
     * @param observations the inspections, in the file's order
     */
    public record Series(List<String> key, Optional<String> force, Optional<String> category,
                         List<Observation> observations) {

        /**
         * Copies the lists (the record is immutable).
         *
         * @throws NullPointerException if a list, an element or an optional is null
         */
        public Series {
            key = List.copyOf(key);
            observations = List.copyOf(observations);
            java.util.Objects.requireNonNull(force);
            java.util.Objects.requireNonNull(category);
        }
    }

    /**
     * A file read into series.
     *
     * @param file    the file as named
     * @param kind    the kind of file
     * @param columns the names of the key columns of every series (the grouping columns, then
     *                {@code category} for inspection and audit files when not among them)
     * @param series  the series of three or more inspections, in the order first met
     * @param rows    data rows read
     * @param notes   what a reader must be told: series left out, all-crime rates over different categories
     */
    public record Read(String file, Kind kind, List<String> columns, List<Series> series, long rows, List<String> notes) {

        /**
         * Copies the lists (the record is immutable).
         *
         * @throws NullPointerException if a list or an element is null
         */
        public Read {
            columns = List.copyOf(columns);
            series = List.copyOf(series);
            notes = List.copyOf(notes);
        }
    }

    /** The time column unless named otherwise. */
    public static final String TIME = "time";

    /** The grouping columns unless named otherwise: those of these the file has. */
    public static final List<String> BY = List.of("force", "category");

    /**
     * The default grouping columns of a file: those of {@link #BY} its header has.
     *
     * @param input the file
     * @return {@code force} and {@code category}, or those of them the file has, in that order
     * @throws IllegalArgumentException if {@code input} is null
     */
    public static List<String> defaultBy(CsvInput input) {
        Args.notNull("input", input);
        return BY.stream().filter(input::has).toList();
    }

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private TrendFile() {
    }

    /**
     * Reads a file of figures, tallies or inspections (already read as CSV, its columns possibly renamed
     * by {@link CsvInput#withColumns}); the kind is told from the header: {@code rate} and {@code margin}
     * make figures, {@code volume} with {@code recorded,audited} an inspection file, {@code recorded,audited}
     * alone tallies.
     *
     * @param input the rows
     * @param time  the time column, e.g. {@code "time"} or {@code "year"}
     * @param by    the grouping columns, e.g. {@code ["force", "category"]}; empty for one series; each must
     *              be in the file
     * @return the series
     * @throws DataFileException        for a missing column, a bad cell (named by line, column and value), two
     *                                  rows of a series at one time, or no series of three or more inspections
     * @throws IllegalArgumentException for a null argument or a blank column name
     */
    public static Read read(CsvInput input, String time, List<String> by) {
        return read(input, time, by, false);
    }

    /**
     * As {@link #read(CsvInput, String, List)}, with published figures given as fractions (0.932 for
     * 93.2%) when {@code fractions} is true, as {@code reproduce --from-text} writes them; in percent
     * (93.2) otherwise, where figures that all look like fractions are refused with the units rule's hint.
     *
     * @param input     the rows
     * @param time      the time column
     * @param by        the grouping columns
     * @param fractions whether a figures file's rates and margins are fractions
     * @return the series
     * @throws DataFileException        as {@link #read(CsvInput, String, List)}
     * @throws IllegalArgumentException for a null argument or a blank column name
     */
    public static Read read(CsvInput input, String time, List<String> by, boolean fractions) {
        Args.notNull("input", input);
        Args.notBlank("time column", time);
        Args.notNull("by", by);
        input.require(time);
        for (String column : by) {
            input.require(Args.notBlank("by column", column));
        }
        if (input.has("rate") && input.has("margin")) {
            return series(input.name(), Kind.FIGURES, by, collect(input, time, by, false, fractions), input.rows().size(),
                    new ArrayList<>());
        }
        input.require("recorded", "audited");
        if (input.has("volume")) {
            input.require("category");
            return inspections(input, time, by);
        }
        return series(input.name(), Kind.TALLIES, by, collect(input, time, by, true, false), input.rows().size(),
                new ArrayList<>());
    }

    /**
     * Reads a record-level audit file with its volumes: the inspections by {@link InspectionSource}, each
     * inspection's time and grouping columns from its records (the {@code inspection} column names the
     * inspection; every record of one inspection must give the same time and group).
     *
     * @param file       the audit file
     * @param volumes    its volumes file
     * @param toolToFile tool column names to the file's own ({@code --columns})
     * @param time       the time column
     * @param by         the grouping columns besides {@code category} (which the audit's categories give)
     * @return the series: a series per category and all crime, per group
     * @throws DataFileException        as {@link InspectionSource#read(Path, Optional, Map)}, or for a record whose
     *                                  time or group differs from its inspection's first record
     * @throws IllegalArgumentException for a null argument
     */
    public static Read readAudit(Path file, Path volumes, Map<String, String> toolToFile, String time, List<String> by) {
        Args.notNull("file", file);
        Args.notNull("volumes", volumes);
        Args.notNull("toolToFile", toolToFile);
        Args.notBlank("time column", time);
        Args.notNull("by", by);
        InspectionSource source = InspectionSource.read(file, Optional.of(volumes), toolToFile);
        CsvInput records = CsvInput.read(file);
        records = toolToFile.isEmpty() ? records : records.withColumns(toolToFile);
        records.require(time);
        if (!records.has("inspection")) {
            throw new DataFileException(records.name(), 1, null, null, "has no inspection column: a record-level audit"
                    + " file for a trend names each record's inspection (and its time in column '" + time + "')");
        }
        List<String> groups = by.stream().filter(c -> !Names.same(c, "category")).toList();
        for (String column : groups) {
            records.require(column);
        }
        // each inspection's time and group, from its first record; every other record must agree
        Map<String, CsvInput.Row> first = new LinkedHashMap<>();
        for (CsvInput.Row row : records.rows()) {
            if (row.cells().stream().allMatch(String::isBlank)) {
                continue;
            }
            String inspection = Names.key(row.text("inspection", "inspection"));
            CsvInput.Row earlier = first.putIfAbsent(inspection, row);
            if (earlier != null) {
                for (String column : concat(List.of(time), groups)) {
                    if (!Names.same(earlier.text(column), row.text(column))) {
                        throw row.fail(column, row.text(column), "differs from line " + earlier.line() + " ('"
                                + earlier.text(column).strip() + "') of the same inspection");
                    }
                }
            }
        }
        Map<String, Group> byGroup = new LinkedHashMap<>();
        for (Inspection inspection : source.inspections()) {
            CsvInput.Row row = first.get(Names.key(inspection.name()));
            Stamp stamp = stamp(row, time);
            List<String> key = new ArrayList<>();
            for (String column : groups) {
                key.add(row.text(column).strip());
            }
            byGroup.computeIfAbsent(Names.key(String.join("\u0000", key)), k -> new Group(key, forceOf(groups, key)))
                    .add(stamp, inspection, row);
        }
        return fromInspections(source.file(), Kind.AUDIT, groups, byGroup, source.rowsRead());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** A time as read: the number and the cell as written. */
    private record Stamp(double time, String label) {
    }

    /** Reads a time cell: a plain decimal, or an ISO date as a decimal year. */
    static Stamp stamp(CsvInput.Row row, String column) {
        String cell = row.text(column).strip();
        if (DATE.matcher(cell).matches()) {
            try {
                LocalDate date = LocalDate.parse(cell);
                return new Stamp(date.getYear() + (date.getDayOfYear() - 1) / (double) date.lengthOfYear(), cell);
            } catch (DateTimeParseException e) {
                throw row.fail(column, cell, "is not a date (write years as 2017 or dates as 2017-06-30)");
            }
        }
        try {
            return new Stamp(DecimalText.number(cell), cell);
        } catch (ArgumentException e) {
            throw row.fail(column, cell, e.getMessage() + " (write years as 2017 or dates as 2017-06-30)");
        }
    }

    /** The rows of a file of figures or tallies, grouped: each group's observations with their lines. */
    private static Map<String, Pending> collect(CsvInput input, String time, List<String> by, boolean tallies,
                                                boolean fractions) {
        Map<String, Pending> groups = new LinkedHashMap<>();
        for (CsvInput.Row row : input.rows()) {
            Stamp stamp = stamp(row, time);
            List<String> key = new ArrayList<>();
            for (String column : by) {
                key.add(row.text(column).strip());
            }
            Observation observation = tallies ? tally(row, stamp) : figure(row, stamp, fractions);
            Pending pending = groups.computeIfAbsent(Names.key(String.join("\u0000", key)), k -> new Pending(key,
                    named(by, key, "force"), named(by, key, "category")));
            pending.add(observation, row);
        }
        return groups;
    }

    private static Observation tally(CsvInput.Row row, Stamp stamp) {
        long recorded = row.whole("recorded");
        long audited = row.whole("audited");
        Tally tally = row.construct(Map.of("recorded", "recorded", "audited", "audited"),
                () -> new Tally(recorded, audited));
        return Observation.of(stamp.time(), stamp.label(), tally);
    }

    private static Observation figure(CsvInput.Row row, Stamp stamp, boolean fractions) {
        BigDecimal rate = row.decimal("rate");
        BigDecimal margin = row.decimal("margin");
        double level = row.number("confidence", PublishedFigure.DEFAULT_CONFIDENCE);
        PublishedFigure figure = row.construct(Map.of("rate", "rate", "margin", "margin", "confidence", "confidence"),
                () -> fractions ? PublishedFigure.fromFractions(rate.doubleValue(), margin.doubleValue(), level)
                        : PublishedFigure.fromPercent(rate, margin, level));
        return Observation.of(stamp.time(), stamp.label(), figure);
    }

    private static Optional<String> named(List<String> by, List<String> key, String column) {
        for (int i = 0; i < by.size(); i++) {
            if (Names.same(by.get(i), column) && !key.get(i).isBlank()) {
                return Optional.of(key.get(i));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> forceOf(List<String> groups, List<String> key) {
        return named(groups, key, "force");
    }

    /** One series being read: its observations and the line of each, to name both lines of a repeated time. */
    private static final class Pending {
        final List<String> key;
        final Optional<String> force;
        final Optional<String> category;
        final List<Observation> observations = new ArrayList<>();
        final Map<Double, Long> lines = new LinkedHashMap<>();

        Pending(List<String> key, Optional<String> force, Optional<String> category) {
            this.key = key;
            this.force = force;
            this.category = category;
        }

        void add(Observation observation, CsvInput.Row row) {
            Long earlier = lines.putIfAbsent(observation.time(), row.line());
            if (earlier != null) {
                throw row.fail(null, null, "repeats time " + observation.label() + " of line " + earlier
                        + (key.isEmpty() ? "" : " for " + String.join(", ", key))
                        + ": each inspection of a series needs its own time");
            }
            observations.add(observation);
        }
    }

    /** A series per group; groups of fewer than three inspections left out with a note. */
    private static Read series(String file, Kind kind, List<String> by, Map<String, Pending> groups, long rows,
                               List<String> notes) {
        List<Series> series = new ArrayList<>();
        for (Pending pending : groups.values()) {
            if (pending.observations.size() < 3) {
                notes.add(describe(by, pending.key) + ": " + pending.observations.size() + " inspection"
                        + (pending.observations.size() == 1 ? "" : "s") + ", left out (a trend needs three or more)");
                continue;
            }
            series.add(new Series(pending.key, pending.force, pending.category, pending.observations));
        }
        if (series.isEmpty()) {
            throw new DataFileException(file, 0, null, null, "has no series of three or more inspections"
                    + (by.isEmpty() ? "" : " when grouped by " + String.join(",", by)) + " (" + String.join("; ", notes)
                    + ")");
        }
        return new Read(file, kind, by, series, rows, notes);
    }

    private static String describe(List<String> by, List<String> key) {
        if (by.isEmpty()) {
            return "the file's one series";
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < by.size(); i++) {
            parts.add(by.get(i) + " " + (key.get(i).isBlank() ? "(blank)" : key.get(i)));
        }
        return String.join(", ", parts);
    }

    /** One group of inspections at several times. */
    private static final class Group {
        final List<String> key;
        final Optional<String> force;
        final List<Stamp> stamps = new ArrayList<>();
        final List<Inspection> inspections = new ArrayList<>();
        final Map<Double, Long> lines = new LinkedHashMap<>();

        Group(List<String> key, Optional<String> force) {
            this.key = key;
            this.force = force;
        }

        void add(Stamp stamp, Inspection inspection, CsvInput.Row row) {
            Long earlier = lines.putIfAbsent(stamp.time(), row.line());
            if (earlier != null) {
                throw row.fail(null, null, "repeats time " + stamp.label() + " of line " + earlier
                        + (key.isEmpty() ? "" : " for " + String.join(", ", key))
                        + ": each inspection of a force needs its own time");
            }
            stamps.add(stamp);
            inspections.add(inspection);
        }
    }

    /** An inspection file: rows grouped by the non-category columns and time into inspections. */
    private static Read inspections(CsvInput input, String time, List<String> by) {
        List<String> groups = by.stream().filter(c -> !Names.same(c, "category")).toList();
        Map<String, Group> byGroup = new LinkedHashMap<>();
        Map<String, Map<Double, Inspection.Builder>> builders = new LinkedHashMap<>();
        Map<String, Map<Double, Stamp>> stamps = new LinkedHashMap<>();
        Map<String, Map<Double, CsvInput.Row>> firstRows = new LinkedHashMap<>();
        Map<String, Long> seen = new LinkedHashMap<>();
        for (CsvInput.Row row : input.rows()) {
            Stamp stamp = stamp(row, time);
            List<String> key = new ArrayList<>();
            for (String column : groups) {
                key.add(row.text(column).strip());
            }
            String groupKey = Names.key(String.join("\u0000", key));
            byGroup.computeIfAbsent(groupKey, k -> new Group(key, forceOf(groups, key)));
            String category = row.text("category").strip();
            Long earlier = seen.putIfAbsent(groupKey + "\u0000" + stamp.time() + "\u0000" + Names.key(category),
                    row.line());
            if (earlier != null) {
                throw row.fail("category", row.text("category"), "appears twice at time " + stamp.label()
                        + (key.isEmpty() ? "" : " for " + String.join(", ", key)) + " (first on line " + earlier + ")");
            }
            long recorded = row.whole("recorded");
            long audited = row.whole("audited");
            long volume = row.whole("volume");
            AuditedCategory audit = row.construct(Map.of("category name", "category", "recorded", "recorded", "audited",
                    "audited", "volume", "volume"), () -> AuditedCategory.of(category, recorded, audited, volume));
            builders.computeIfAbsent(groupKey, k -> new LinkedHashMap<>())
                    .computeIfAbsent(stamp.time(), t -> Inspection.builder(stamp.label())).category(audit);
            stamps.computeIfAbsent(groupKey, k -> new LinkedHashMap<>()).putIfAbsent(stamp.time(), stamp);
            firstRows.computeIfAbsent(groupKey, k -> new LinkedHashMap<>()).putIfAbsent(stamp.time(), row);
        }
        for (Map.Entry<String, Group> entry : byGroup.entrySet()) {
            Map<Double, Inspection.Builder> atTimes = builders.get(entry.getKey());
            for (Map.Entry<Double, Inspection.Builder> at : atTimes.entrySet()) {
                CsvInput.Row row = firstRows.get(entry.getKey()).get(at.getKey());
                Inspection inspection = row.construct(Map.of(), () -> at.getValue().build());
                entry.getValue().add(stamps.get(entry.getKey()).get(at.getKey()), inspection, row);
            }
        }
        return fromInspections(input.name(), Kind.INSPECTIONS, groups, byGroup, input.rows().size());
    }

    /** Series per category and all crime of each group's inspections. */
    private static Read fromInspections(String file, Kind kind, List<String> groups, Map<String, Group> byGroup,
                                        long rows) {
        List<String> columns = concat(groups, List.of("category"));
        Map<String, Pending> series = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (Group group : byGroup.values()) {
            String prefix = Names.key(String.join("\u0000", group.key)) + "\u0001";
            List<String> categorySets = new ArrayList<>();
            boolean zero = false;
            Pending allCrime = new Pending(concat(group.key, List.of(Names.ALL_CRIME)), group.force,
                    Optional.of(Names.ALL_CRIME));
            for (int i = 0; i < group.inspections.size(); i++) {
                Inspection inspection = group.inspections.get(i);
                Stamp stamp = group.stamps.get(i);
                double total = inspection.totalVolume();
                double rate = 0;
                double variance = 0;
                List<String> names = new ArrayList<>();
                for (AuditedCategory c : inspection.categories()) {
                    Pending pending = series.computeIfAbsent(prefix + Names.key(c.name()), k -> new Pending(
                            concat(group.key, List.of(c.name())), group.force, Optional.of(c.name())));
                    pending.observations.add(Observation.of(stamp.time(), stamp.label(), c.tally()));
                    double w = c.volume() / total;
                    double p = c.tally().rate();
                    rate += w * p;
                    variance += w * w * p * (1 - p) / c.tally().audited();
                    names.add(Names.key(c.name()));
                }
                names.sort(null);
                if (!categorySets.contains(String.join(",", names))) {
                    categorySets.add(String.join(",", names));
                }
                zero |= variance == 0;
                allCrime.observations.add(Observation.of(stamp.time(), stamp.label(), Math.min(1, rate),
                        Math.sqrt(variance)));
            }
            String who = group.key.isEmpty() ? "" : String.join(", ", group.key) + ": ";
            if (zero) {
                notes.add(who + "all crime left out: at some inspection every audited crime was recorded, so its"
                        + " standard error is 0 and the meta-regression cannot weigh it");
            } else if (group.inspections.size() >= 3) {
                series.put(prefix + "\u0002all crime", allCrime);
                if (categorySets.size() > 1) {
                    notes.add(who + "all crime combines different categories at different inspections");
                }
            }
        }
        Map<String, Pending> ordered = new LinkedHashMap<>(series);
        return series(file, kind, columns, ordered, rows, notes);
    }
}
