package org.recordingrate.io;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.recordingrate.error.ArgumentException;
import org.recordingrate.model.Category;
import org.recordingrate.model.Names;

/**
 * Reads a volumes file: the design of the categories of a record-level audit, a row per category
 * with the header {@code category,volume} and optionally {@code population} (the records the sample
 * was drawn from, for the finite population correction: incident records when the audit names its
 * incidents) and {@code inspection} (a design per inspection, so that one file serves several
 * audits). Without an {@code inspection} column the file is one design for every inspection.
 *
 * <p>Read as record-level files are ({@link AuditFile}): UTF-8 with or without a byte-order mark,
 * comma, semicolon or tab delimited (detected from the header), header names matched ignoring case
 * and punctuation, with aliases ({@code crime_category}, {@code recorded_crimes}, ...). Volumes and
 * populations are whole numbers written in digits only: {@code 25000}, not {@code 25,000},
 * {@code 25.000} or {@code 2.5e4}, since a thousands separator in one locale is a decimal point in
 * another. Every row becomes a category or an error naming its line.
 */
public final class VolumesFile {

    static final ColumnMap.Field CATEGORY = ColumnMap.CATEGORY;
    static final ColumnMap.Field VOLUME = ColumnMap.Field.required("volume", "crime_volume", "recorded_crimes",
            "crimes_recorded", "recorded_volume");
    static final ColumnMap.Field POPULATION = ColumnMap.Field.optional("population", "population_size",
            "population_records");
    static final ColumnMap.Field INSPECTION = ColumnMap.INSPECTION;

    /** A category of the design and the line it was read from. */
    record Entry(Category category, long line) {
    }

    /** The design of one inspection: its name as first written, and its categories in file order. */
    record Design(String name, List<Entry> entries) {

        List<Category> categories() {
            return entries.stream().map(Entry::category).toList();
        }
    }

    private final String name;
    private final boolean inspectionColumn;
    private final Map<String, Design> designs;
    private final long rows;
    private final List<String> ignoredColumns;
    private final String categoryColumn;
    private final String populationColumn;
    private final long blankRows;

    private VolumesFile(String name, boolean inspectionColumn, Map<String, Design> designs, long rows,
                        List<String> ignoredColumns, String categoryColumn, String populationColumn, long blankRows) {
        this.name = name;
        this.inspectionColumn = inspectionColumn;
        this.designs = designs;
        this.rows = rows;
        this.ignoredColumns = ignoredColumns;
        this.categoryColumn = categoryColumn;
        this.populationColumn = populationColumn;
        this.blankRows = blankRows;
    }

    /**
     * Reads a volumes file; {@code "-"} reads standard input.
     *
     * @param file the volumes file
     * @return the designs, in file order
     * @throws DataFileException naming file, line, column and value for: a missing file, an empty
     *                           file, a header without categories, a missing category or volume
     *                           column, a row with too few or too many cells, a blank or reserved
     *                           category, a volume or population that is not a whole number or is
     *                           below 1, a category twice in one inspection, volumes whose total
     *                           exceeds {@link Long#MAX_VALUE}, invalid UTF-8 or an unclosed quote
     */
    public static VolumesFile read(Path file) {
        try (CsvReader input = CsvReader.open(file)) {
            return parse(input);
        }
    }

    /**
     * Reads a volumes file from a stream to its end (not closed: it belongs to the caller); {@code
     * name} is used in messages.
     *
     * @param name the file's name for messages, e.g. {@code "volumes.csv"}
     * @param in   the file's bytes
     * @return the designs, in file order
     * @throws DataFileException as {@link #read(Path)}
     */
    public static VolumesFile read(String name, InputStream in) {
        try (CsvReader input = CsvReader.open(name, in, false)) {
            return parse(input);
        }
    }

    static VolumesFile parse(CsvReader input) {
        ColumnMap columns = ColumnMap.of(input.name(), input.headerLine(), input.header(), "a volumes file",
                List.of(CATEGORY, VOLUME, POPULATION, INSPECTION));
        Map<String, Design> designs = new LinkedHashMap<>();
        Map<String, Long> firstLine = new LinkedHashMap<>();
        Map<String, long[]> totals = new LinkedHashMap<>();
        long rows = 0;
        for (CsvReader.Row row = input.next(); row != null; row = input.next()) {
            rows++;
            String inspection = "";
            if (columns.has(INSPECTION)) {
                inspection = columns.cell(row, INSPECTION).strip();
                if (inspection.isBlank()) {
                    throw new DataFileException(input.name(), row.line(), columns.column(INSPECTION), inspection,
                            "is blank: every row needs its inspection when the file has an inspection column");
                }
            }
            Category category = category(input.name(), row, columns);
            String inspectionKey = Names.key(inspection);
            String inspectionName = inspection;
            Design design = designs.computeIfAbsent(inspectionKey, k -> new Design(inspectionName, new ArrayList<>()));
            Long earlier = firstLine.putIfAbsent(inspectionKey + "\u0000" + Names.key(category.name()), row.line());
            if (earlier != null) {
                throw new DataFileException(input.name(), row.line(), columns.column(CATEGORY), columns.cell(row, CATEGORY),
                        "appears twice" + (columns.has(INSPECTION) ? " in inspection '" + design.name() + "'" : "")
                                + " (first on line " + earlier + ")");
            }
            long[] total = totals.computeIfAbsent(inspectionKey, k -> new long[1]);
            try {
                total[0] = Math.addExact(total[0], category.volume());
            } catch (ArithmeticException e) {
                throw new DataFileException(input.name(), row.line(), columns.column(VOLUME), columns.cell(row, VOLUME),
                        "makes the total volume" + (columns.has(INSPECTION) ? " of inspection '" + design.name() + "'" : "")
                                + " exceed " + Long.MAX_VALUE);
            }
            design.entries().add(new Entry(category, row.line()));
        }
        if (rows == 0) {
            throw new DataFileException(input.name(), input.headerLine(), null, null, "has a header but no categories"
                    + (input.blankRows() > 0 ? " (and " + input.blankRows() + " blank row"
                            + (input.blankRows() == 1 ? ")" : "s)") : ""));
        }
        Map<String, Design> frozen = new LinkedHashMap<>();
        designs.forEach((key, design) -> frozen.put(key, new Design(design.name(), List.copyOf(design.entries()))));
        return new VolumesFile(input.name(), columns.has(INSPECTION), frozen, rows, columns.ignored(),
                columns.column(CATEGORY), columns.column(POPULATION), input.blankRows());
    }

    private static Category category(String file, CsvReader.Row row, ColumnMap columns) {
        long volume = whole(file, row, columns, VOLUME);
        OptionalLong population = columns.cell(row, POPULATION).isBlank() ? OptionalLong.empty()
                : OptionalLong.of(whole(file, row, columns, POPULATION));
        try {
            return new Category(columns.cell(row, CATEGORY), volume, population);
        } catch (ArgumentException e) {
            ColumnMap.Field field = switch (e.argument()) {
                case "volume" -> VOLUME;
                case "population" -> POPULATION;
                default -> CATEGORY;
            };
            throw new DataFileException(file, row.line(), columns.column(field), columns.cell(row, field),
                    "is invalid: " + e.getMessage());
        }
    }

    /** A whole number in digits only (no sign, separator, fraction or exponent). */
    static long whole(String file, CsvReader.Row row, ColumnMap columns, ColumnMap.Field field) {
        String written = columns.cell(row, field);
        String value = written.strip();
        if (value.isEmpty()) {
            throw new DataFileException(file, row.line(), columns.column(field), written, "is blank: a whole number is needed");
        }
        if (!value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new DataFileException(file, row.line(), columns.column(field), written,
                    "is not a whole number written in digits (no separators, decimals or exponent)");
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new DataFileException(file, row.line(), columns.column(field), written, "is too large");
        }
    }

    /**
     * The file name as given.
     *
     * @return the name used in messages, {@code "-"} for standard input
     */
    public String name() {
        return name;
    }

    /**
     * Whether the file has an inspection column (a design per inspection).
     *
     * @return true if an {@code inspection} column (or an alias) is in the header
     */
    public boolean hasInspections() {
        return inspectionColumn;
    }

    /**
     * The inspections the file gives designs for.
     *
     * @return their names as first written, in file order; empty without an inspection column
     */
    public List<String> inspections() {
        return inspectionColumn ? designs.values().stream().map(Design::name).toList() : List.of();
    }

    /**
     * The number of category rows read.
     *
     * @return the rows over all inspections, at least 1 (blank rows not counted)
     */
    public long rows() {
        return rows;
    }

    /**
     * Rows whose every cell was blank (a spreadsheet's empty rows), skipped.
     *
     * @return the blank rows, 0 or more
     */
    public long blankRows() {
        return blankRows;
    }

    /**
     * Header names that match no column of a volumes file (ignored).
     *
     * @return the names as the header writes them, in header order; empty when every column was used
     */
    public List<String> ignoredColumns() {
        return ignoredColumns;
    }

    /**
     * The design for an inspection: the file's one design when it has no inspection column, else
     * the design of the inspection of that name (under {@link Names}), if any.
     *
     * @param inspection the inspection's name; ignored when the file has no inspection column
     * @return the categories with their volumes (and populations) in file order, or empty when the
     *         file has an inspection column and no design of that name
     */
    public Optional<List<Category>> design(String inspection) {
        return designOf(inspection).map(Design::categories);
    }

    Optional<Design> designOf(String inspection) {
        if (!inspectionColumn) {
            return designs.values().stream().findFirst();
        }
        return Optional.ofNullable(designs.get(Names.key(inspection)));
    }

    /** The only design, when the file holds exactly one. */
    Optional<Design> onlyDesign() {
        return designs.size() == 1 ? designs.values().stream().findFirst() : Optional.empty();
    }

    /** The header's category column as written (for messages). */
    String categoryColumn() {
        return categoryColumn;
    }

    /** The header's population column as written (for messages). */
    String populationColumn() {
        return populationColumn;
    }

    @Override
    public String toString() {
        return name + ": " + rows + (rows == 1 ? " category" : " categories")
                + (inspectionColumn ? " of " + designs.size() + (designs.size() == 1 ? " inspection" : " inspections") : "");
    }
}
