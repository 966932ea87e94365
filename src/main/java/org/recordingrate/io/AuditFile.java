package org.recordingrate.io;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.recordingrate.model.AuditAccumulator;
import org.recordingrate.model.AuditRecord;
import org.recordingrate.model.Category;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Names;
import org.recordingrate.model.Tally;

/**
 * A record-level audit file as auditors export it from a spreadsheet: a row per audited report of
 * crime, read one row at a time into an {@link AuditAccumulator} per inspection, with per-row
 * accounting (rows read, used, excluded, blank).
 *
 * <p>Columns (names matched ignoring case and punctuation; aliases in brackets):
 * <ul>
 * <li>{@code record_id} (id, record, record_number, crime_reference, crime_number, reference, urn, ...):
 *     the record's id, unique within an inspection;</li>
 * <li>{@code category} (crime_category, crime_type, offence_category, offence_group, ...);</li>
 * <li>{@code recorded} (crime_recorded, was_recorded, recorded_as_crime, ...): yes/no, y/n,
 *     true/false, 1/0 or recorded/not recorded, in any case;</li>
 * <li>optional {@code should_record} (should_be_recorded, should_have_been_recorded, recordable,
 *     in_scope): yes/no, y/n, true/false, 1/0; a row where it is no is <em>excluded</em>: counted,
 *     its id checked for duplicates, its other cells not used;</li>
 * <li>optional {@code inspection} (inspection_name, audit): several inspections in one file; without
 *     it the file is one inspection named after the file;</li>
 * <li>optional {@code incident_id} (incident, incident_number, log, log_number, cad_number, ...):
 *     the incident (log) holding the crime, which makes the estimate one over incidents.</li>
 * </ul>
 * Other columns are ignored and listed ({@link #ignoredColumns()}). The text is read by the one
 * reader, as every CSV file is ({@link CsvInput} lists the rules): UTF-8 with or without a
 * byte-order mark, LF, CRLF or CR, quoted cells, comma, semicolon or tab delimited as detected
 * from the header line. Cells are read with surrounding spaces ignored.
 *
 * <p>Nothing is dropped silently: every non-blank row is used, excluded, or stops the read with a
 * {@link DataFileException} naming file, line, column and value (a blank id, category, recorded or
 * incident cell, a value that is not a finding, a duplicate id, a row with too few or too many
 * cells, an unclosed quote, invalid UTF-8). Joining the volumes ({@link #inspections(VolumesFile)})
 * names the line where a category without a volume first appears.
 *
 * <pre>{@code
 * AuditFile audit = AuditFile.read(Path.of("audit-2022.csv"));
 * List<Inspection> inspections = audit.inspections(VolumesFile.read(Path.of("volumes.csv")));
 * }</pre>
 */
public final class AuditFile {

    static final ColumnMap.Field RECORD_ID = ColumnMap.Field.required("record_id", "id", "record", "record_number",
            "record_no", "record_ref", "record_reference", "crime_id", "crime_reference", "crime_ref", "crime_number",
            "crime_no", "reference", "ref", "urn");
    static final ColumnMap.Field CATEGORY = ColumnMap.CATEGORY;
    static final ColumnMap.Field RECORDED = ColumnMap.Field.required("recorded", "crime_recorded", "recorded_as_crime",
            "was_recorded", "is_recorded", "crime_was_recorded");
    static final ColumnMap.Field SHOULD_RECORD = ColumnMap.Field.optional("should_record", "should_be_recorded",
            "should_have_been_recorded", "crime_should_be_recorded", "crime_should_have_been_recorded", "recordable",
            "in_scope");
    static final ColumnMap.Field INSPECTION = ColumnMap.INSPECTION;
    static final ColumnMap.Field INCIDENT = ColumnMap.Field.optional("incident_id", "incident", "incident_number",
            "incident_no", "incident_ref", "incident_reference", "log", "log_id", "log_number", "incident_log",
            "cad_number", "cad_reference");

    /** The fields in the order of the header's documentation. */
    static final List<ColumnMap.Field> FIELDS = List.of(RECORD_ID, CATEGORY, RECORDED, SHOULD_RECORD, INSPECTION, INCIDENT);

    private static final String FINDINGS = "yes/no, y/n, true/false, 1/0 or recorded/not recorded";

    /** One inspection's records as read: its accumulator, the ids' and categories' first lines. */
    private static final class Audit {
        final String name;
        final long firstLine;
        final AuditAccumulator records = new AuditAccumulator();
        final Map<String, Long> ids = new HashMap<>();
        /** Per category key: the line where it first appears (in a used row), and its spelling there. */
        final Map<String, Long> categoryLines = new LinkedHashMap<>();
        final Map<String, String> categorySpelling = new HashMap<>();
        long used;
        long excluded;

        Audit(String name, long firstLine) {
            this.name = name;
            this.firstLine = firstLine;
        }
    }

    private final String name;
    private final boolean inspectionColumn;
    private final boolean incidentColumn;
    private final String categoryColumn;
    private final String inspectionColumnName;
    private final Map<String, Audit> audits;
    private final long rowsUsed;
    private final long rowsExcluded;
    private final long blankRows;
    private final List<String> ignoredColumns;

    private AuditFile(String name, ColumnMap columns, Map<String, Audit> audits, long blankRows) {
        this.name = name;
        this.inspectionColumn = columns.has(INSPECTION);
        this.incidentColumn = columns.has(INCIDENT);
        this.categoryColumn = columns.column(CATEGORY);
        this.inspectionColumnName = columns.column(INSPECTION);
        this.audits = audits;
        this.rowsUsed = audits.values().stream().mapToLong(a -> a.used).sum();
        this.rowsExcluded = audits.values().stream().mapToLong(a -> a.excluded).sum();
        this.blankRows = blankRows;
        this.ignoredColumns = columns.ignored();
    }

    /**
     * Reads a record-level audit file; {@code "-"} reads standard input.
     *
     * @param file the audit file
     * @return the records, counted per inspection and category (volumes are joined by
     *         {@link #inspections(VolumesFile)})
     * @throws DataFileException naming file, line, column and value, as the class describes; also
     *                           for a missing or empty file, a missing required column, and a
     *                           header without records
     */
    public static AuditFile read(Path file) {
        return read(file, Map.of());
    }

    /**
     * As {@link #read(Path)}, reading the file's column named by each value of {@code toolToFile}
     * as the column named by its key ({@code Map.of("recorded", "Outcome")}), for headers that no
     * alias covers.
     *
     * @param file       the audit file; {@code "-"} reads standard input
     * @param toolToFile tool column name to the file's column name; empty for none
     * @return the records, counted per inspection and category
     * @throws IllegalArgumentException if {@code toolToFile} is null
     * @throws DataFileException        as {@link #read(Path)}, or if a mapped column is not in the header
     */
    public static AuditFile read(Path file, Map<String, String> toolToFile) {
        if (toolToFile == null) {
            throw new IllegalArgumentException("toolToFile must not be null (use an empty map)");
        }
        try (CsvReader input = CsvReader.open(file)) {
            return parse(input, toolToFile);
        }
    }

    /**
     * Reads a record-level audit file from a stream to its end (the stream is not closed: it
     * belongs to the caller); {@code name} is used in messages and names the inspection when the
     * file has no inspection column (without folders and extension).
     *
     * @param name the file's name for messages, e.g. {@code "audit-2022.csv"}
     * @param in   the file's bytes
     * @return the records, counted per inspection and category
     * @throws DataFileException as {@link #read(Path)}
     */
    public static AuditFile read(String name, InputStream in) {
        try (CsvReader input = CsvReader.open(name, in, false)) {
            return parse(input, Map.of());
        }
    }

    static AuditFile parse(CsvReader input, Map<String, String> toolToFile) {
        String file = input.name();
        ColumnMap columns = ColumnMap.of(file, input.headerLine(), input.header(), "a record-level audit file", FIELDS,
                toolToFile);
        String defaultName = InspectionFile.defaultName(file);
        Map<String, Audit> audits = new LinkedHashMap<>();
        // an audit has a few distinct inspections and categories: match each spelling once
        Map<String, String> keys = new HashMap<>();
        for (CsvReader.Row row = input.next(); row != null; row = input.next()) {
            long line = row.line();
            String id = required(file, row, columns, RECORD_ID, "every row needs its record id");
            String inspection = columns.has(INSPECTION)
                    ? required(file, row, columns, INSPECTION, "every row needs its inspection when the file has an"
                            + " inspection column") : defaultName;
            Audit audit = audits.computeIfAbsent(keys.computeIfAbsent(inspection, Names::key),
                    k -> new Audit(inspection, line));
            Long earlier = audit.ids.putIfAbsent(id, line);
            if (earlier != null) {
                throw new DataFileException(file, line, columns.column(RECORD_ID), id, "appears twice"
                        + (columns.has(INSPECTION) ? " in inspection '" + audit.name + "'" : "")
                        + " (first on line " + earlier + ")");
            }
            if (columns.has(SHOULD_RECORD) && !yesOrNo(file, row, columns, SHOULD_RECORD)) {
                audit.excluded++;
                continue;
            }
            String category = required(file, row, columns, CATEGORY, "every row needs its category");
            boolean recorded = finding(file, row, columns);
            Optional<String> incident = columns.has(INCIDENT)
                    ? Optional.of(required(file, row, columns, INCIDENT, "every row needs its incident when the file"
                            + " has an incident column (drop the column if incidents are unknown)"))
                    : Optional.empty();
            audit.records.add(new AuditRecord(id, category, recorded, incident));
            String key = keys.computeIfAbsent(category, Names::key);
            if (audit.categoryLines.putIfAbsent(key, line) == null) {
                audit.categorySpelling.put(key, category);
            }
            audit.used++;
        }
        if (audits.isEmpty()) {
            throw new DataFileException(file, input.headerLine(), null, null, "has a header but no records"
                    + (input.blankRows() > 0 ? " (and " + input.blankRows() + " blank row"
                            + (input.blankRows() == 1 ? ")" : "s)") : ""));
        }
        return new AuditFile(file, columns, audits, input.blankRows());
    }

    private static String required(String file, CsvReader.Row row, ColumnMap columns, ColumnMap.Field field,
                                   String why) {
        String value = columns.cell(row, field);
        if (value.isBlank()) {
            throw new DataFileException(file, row.line(), columns.column(field), value, "is blank: " + why);
        }
        return value.strip();
    }

    /** yes/no, y/n, true/false, 1/0 (any case, surrounding space ignored). */
    private static boolean yesOrNo(String file, CsvReader.Row row, ColumnMap columns, ColumnMap.Field field) {
        String value = columns.cell(row, field);
        switch (token(value)) {
            case "yes", "y", "true", "1":
                return true;
            case "no", "n", "false", "0":
                return false;
            default:
                throw new DataFileException(file, row.line(), columns.column(field), value,
                        (value.isBlank() ? "is blank" : "is not yes or no") + ": use yes/no, y/n, true/false or 1/0");
        }
    }

    /** The finding: yes/no, y/n, true/false, 1/0, recorded/not recorded (any case, spacing). */
    private static boolean finding(String file, CsvReader.Row row, ColumnMap columns) {
        String value = columns.cell(row, RECORDED);
        switch (token(value)) {
            case "yes", "y", "true", "1", "recorded":
                return true;
            case "no", "n", "false", "0", "not recorded":
                return false;
            default:
                throw new DataFileException(file, row.line(), columns.column(RECORDED), value,
                        (value.isBlank() ? "is blank" : "is not a finding") + ": use " + FINDINGS);
        }
    }

    private static final java.util.regex.Pattern SEPARATORS = java.util.regex.Pattern.compile("[\\s_-]+");

    private static String token(String value) {
        String lower = value.strip().toLowerCase(Locale.ROOT);
        // the usual one-word findings need no regular expression
        return lower.indexOf(' ') < 0 && lower.indexOf('_') < 0 && lower.indexOf('-') < 0 && lower.indexOf('\t') < 0
                ? lower : SEPARATORS.matcher(lower).replaceAll(" ");
    }

    /**
     * The inspections: each audit's records joined with its design from {@code volumes}. The design
     * of an inspection is the volumes file's only design when it has no inspection column, else the
     * design of the same name; when this file has no inspection column and the volumes file holds a
     * single inspection, that one is used and gives the inspection its name.
     *
     * @param volumes the volumes (and populations) of the categories, per inspection when it has an
     *                inspection column
     * @return the inspections in the order first met in this file, each category with its tally (and
     *         incidents when the file has an incident column), in the volumes file's order
     * @throws IllegalArgumentException if {@code volumes} is null
     * @throws DataFileException naming the line: of this file where an inspection without a design,
     *                           or a category without a volume, first appears; of the volumes file
     *                           for a category with a volume but no audited record, or a population
     *                           below the units audited (incidents when named, else records)
     */
    public List<Inspection> inspections(VolumesFile volumes) {
        if (volumes == null) {
            throw new IllegalArgumentException("volumes must not be null: a record-level audit needs the volume"
                    + " of each category");
        }
        List<Inspection> inspections = new ArrayList<>();
        for (Audit audit : audits.values()) {
            VolumesFile.Design design = design(audit, volumes);
            String inspectionName = !inspectionColumn && volumes.hasInspections() ? design.name() : audit.name;
            inspections.add(join(audit, inspectionName, design, volumes));
        }
        return inspections;
    }

    private VolumesFile.Design design(Audit audit, VolumesFile volumes) {
        if (!inspectionColumn && volumes.hasInspections()) {
            return volumes.onlyDesign().orElseThrow(() -> new DataFileException(name, 0, null, null,
                    "has no inspection column, and " + volumes.name() + " holds the volumes of "
                            + volumes.inspections().size() + " inspections (" + String.join(", ", volumes.inspections())
                            + "): add an inspection column to " + name + " naming one of them"));
        }
        return volumes.designOf(audit.name).orElseThrow(() -> new DataFileException(name, audit.firstLine,
                inspectionColumnName, audit.name, "has no volumes in " + volumes.name() + " (its inspections: "
                        + String.join(", ", volumes.inspections()) + ")"));
    }

    private Inspection join(Audit audit, String inspectionName, VolumesFile.Design design, VolumesFile volumes) {
        Map<String, VolumesFile.Entry> designed = new LinkedHashMap<>();
        design.entries().forEach(e -> designed.put(Names.key(e.category().name()), e));
        audit.categoryLines.forEach((key, line) -> {
            if (!designed.containsKey(key)) {
                throw new DataFileException(name, line, categoryColumn, audit.categorySpelling.get(key),
                        "has no volume in " + volumes.name() + (volumes.hasInspections() ? " for inspection '"
                                + design.name() + "'" : "") + " (its categories: " + designed.values().stream()
                                .map(e -> e.category().name()).collect(Collectors.joining(", ")) + ")");
            }
        });
        Map<String, Long> units = new HashMap<>();
        if (audit.records.isGrouped()) {
            audit.records.incidents().forEach((category, incidents) -> units.put(Names.key(category), incidents.count()));
        } else {
            audit.records.tallies().forEach((category, tally) -> units.put(Names.key(category), tally.audited()));
        }
        for (Map.Entry<String, VolumesFile.Entry> entry : designed.entrySet()) {
            VolumesFile.Entry designedEntry = entry.getValue();
            Category category = designedEntry.category();
            Long audited = units.get(entry.getKey());
            if (audited == null) {
                throw new DataFileException(volumes.name(), designedEntry.line(), volumes.categoryColumn(),
                        category.name(), "has a volume but no audited record in " + name
                                + (inspectionColumn ? " for inspection '" + audit.name + "'" : "")
                                + ": audit it, or leave it out of the volumes");
            }
            if (category.population().isPresent() && category.population().getAsLong() < audited) {
                throw new DataFileException(volumes.name(), designedEntry.line(), volumes.populationColumn(),
                        String.valueOf(category.population().getAsLong()), "is below the " + audited
                                + (audit.records.isGrouped() ? " incidents" : " records") + " of category '"
                                + category.name() + "' audited in " + name
                                + (audit.records.isGrouped() ? " (the population counts incident records)" : ""));
            }
        }
        return audit.records.inspection(inspectionName, design.categories());
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
     * Data rows read (blank rows aside).
     *
     * @return {@link #rowsUsed()} + {@link #rowsExcluded()}, at least 1
     */
    public long rowsRead() {
        return rowsUsed + rowsExcluded;
    }

    /**
     * Rows counted as audited records.
     *
     * @return the rows in the tallies, 0 or more (0 when every row was excluded)
     */
    public long rowsUsed() {
        return rowsUsed;
    }

    /**
     * Rows whose {@code should_record} is no: counted here, not audited.
     *
     * @return the excluded rows, 0 without a {@code should_record} column
     */
    public long rowsExcluded() {
        return rowsExcluded;
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
     * Header names that match no column of an audit file (ignored).
     *
     * @return the names as the header writes them, in header order; empty when every column was used
     */
    public List<String> ignoredColumns() {
        return ignoredColumns;
    }

    /**
     * Whether the file has an incident column (the estimate is then one over incidents).
     *
     * @return true if an {@code incident_id} column (or an alias) is in the header
     */
    public boolean hasIncidents() {
        return incidentColumn;
    }

    /**
     * The inspections' names in the order first met.
     *
     * @return the names as first spelt; one name (after the file) without an inspection column
     */
    public List<String> inspectionNames() {
        return audits.values().stream().map(a -> a.name).toList();
    }

    /**
     * The tallies per inspection and category, in the order first met (no volumes needed).
     *
     * @return inspection name to category name to recorded of audited; an inspection whose every row
     *         was excluded maps to an empty map
     */
    public Map<String, Map<String, Tally>> tallies() {
        Map<String, Map<String, Tally>> tallies = new LinkedHashMap<>();
        audits.values().forEach(a -> tallies.put(a.name, a.records.tallies()));
        return tallies;
    }

    /**
     * {@code "audit.csv: 1,234 rows read, 1,200 used, 34 excluded (should_record no)"}, with blank
     * rows and ignored columns when there are any.
     */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %,d rows read, %,d used, %,d excluded (should_record no)", name,
                rowsRead(), rowsUsed, rowsExcluded)
                + (blankRows > 0 ? String.format(Locale.ROOT, ", %,d blank rows skipped", blankRows) : "")
                + (ignoredColumns.isEmpty() ? "" : "; ignored columns: " + String.join(", ", ignoredColumns));
    }
}
