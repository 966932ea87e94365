package org.recordingrate.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.recordingrate.internal.Args;
import org.recordingrate.model.Inspection;

/**
 * Inspections from either kind of file, recognised by its header: an aggregated inspection file
 * (a row per category: {@code category,recorded,audited,volume}, read by {@link InspectionFile}) or
 * a record-level audit file (a row per audited crime: {@code record_id,category,recorded}, read by
 * {@link AuditFile}), whose categories take their volumes from a volumes file ({@link VolumesFile}).
 * The one entry point of the commands that estimate or compare inspections.
 *
 * <pre>{@code
 * InspectionSource source = InspectionSource.read(Path.of("audit-2022.csv"), Optional.of(Path.of("volumes.csv")));
 * List<Inspection> inspections = source.inspections();
 * }</pre>
 *
 * @param file           the file as named
 * @param kind           which kind of file it is
 * @param inspections    its inspections, in the order first met
 * @param rowsRead       data rows read (category rows, or records)
 * @param rowsUsed       rows used (for a record-level file, those not excluded)
 * @param rowsExcluded   records whose {@code should_record} was no
 * @param blankRows      rows whose every cell was blank, skipped
 * @param ignoredColumns header names of a record-level file that match no column, ignored
 */
public record InspectionSource(String file, Kind kind, List<Inspection> inspections, long rowsRead, long rowsUsed,
                               long rowsExcluded, long blankRows, List<String> ignoredColumns) {

    /** The two kinds of file. */
    public enum Kind {
        /** A row per category with its tally and volume: {@code category,recorded,audited,volume}. */
        INSPECTION_FILE,
        /** A row per audited crime: {@code record_id,category,recorded}; volumes come from elsewhere. */
        AUDIT_FILE
    }

    private static final String INSPECTION_HEADER = "category,recorded,audited,volume[,population][,inspection]";
    private static final String AUDIT_HEADER = "record_id,category,recorded[,should_record][,inspection][,incident_id]";

    /**
     * Copies the lists (the record is immutable); the counts are taken as given.
     *
     * @param file           the file as named
     * @param kind           which kind of file it is
     * @param inspections    its inspections, in the order first met
     * @param rowsRead       data rows read (category rows, or records)
     * @param rowsUsed       rows used (for a record-level file, those not excluded)
     * @param rowsExcluded   records whose {@code should_record} was no (0 for an inspection file)
     * @param blankRows      rows whose every cell was blank, skipped
     * @param ignoredColumns header names of a record-level file that match no column
     * @throws NullPointerException if a list is null or holds null
     */
    public InspectionSource {
        inspections = List.copyOf(inspections);
        ignoredColumns = List.copyOf(ignoredColumns);
    }

    /**
     * Which kind of file {@code file} is, from its header: an {@code audited} column makes an
     * inspection file, a record id column ({@code record_id} or an alias) an audit file. Only the
     * header is read.
     *
     * @param file the file
     * @return the kind
     * @throws DataFileException if the file is missing or empty, or its header is neither kind's
     */
    public static Kind kind(Path file) {
        return kind(file, Map.of());
    }

    /**
     * As {@link #kind(Path)}, the header's columns renamed by {@code toolToFile} (see
     * {@link #read(Path, Optional, Map)}).
     *
     * @param file       the file
     * @param toolToFile tool column name to the file's column name, e.g. {@code Map.of("audited", "n")}
     * @return the kind
     * @throws IllegalArgumentException if an argument is null
     * @throws DataFileException        as {@link #kind(Path)}, or if a mapped column is not in the header
     */
    public static Kind kind(Path file, Map<String, String> toolToFile) {
        Args.notNull("file", file);
        Args.notNull("toolToFile", toolToFile);
        try (CsvReader input = CsvReader.open(file)) {
            return kind(input, toolToFile);
        }
    }

    private static Kind kind(CsvReader input, Map<String, String> toolToFile) {
        boolean audited = false;
        boolean recordId = false;
        for (String column : ColumnMap.mapped(input.name(), input.headerLine(), input.header(), toolToFile)) {
            String key = ColumnMap.key(column);
            audited |= key.equals("audited");
            recordId |= AuditFile.RECORD_ID.matches(key);
        }
        if (audited) {
            return Kind.INSPECTION_FILE;
        }
        if (recordId) {
            return Kind.AUDIT_FILE;
        }
        throw new DataFileException(input.name(), input.headerLine(), null, null, "is neither an inspection file ("
                + INSPECTION_HEADER + ") nor a record-level audit file (" + AUDIT_HEADER + "): the header is "
                + input.headerText());
    }

    /**
     * Reads the inspections of {@code file}, of either kind; {@code "-"} reads standard input.
     *
     * @param file    an inspection file or a record-level audit file
     * @param volumes the volumes file of a record-level audit; must be empty for an inspection
     *                file (which has its volumes)
     * @return the inspections with the rows' accounting
     * @throws DataFileException as {@link InspectionFile#parse}, {@link AuditFile#read(Path)},
     *                           {@link VolumesFile#read(Path)} and
     *                           {@link AuditFile#inspections(VolumesFile)}; also for a record-level file
     *                           without volumes, or an inspection file given volumes
     */
    public static InspectionSource read(Path file, Optional<Path> volumes) {
        return read(file, volumes, Map.of());
    }

    /**
     * As {@link #read(Path, Optional)}, reading the file's column named by each value of
     * {@code toolToFile} as the column named by its key ({@code --columns audited=n}); the volumes
     * file is read as it is.
     *
     * @param file       an inspection file or a record-level audit file; {@code "-"} reads standard input
     * @param volumes    the volumes file of a record-level audit; empty for an inspection file
     * @param toolToFile tool column name to the file's column name, e.g. {@code Map.of("audited", "n")}
     * @return the inspections with the rows' accounting
     * @throws IllegalArgumentException if an argument is null
     * @throws DataFileException        as {@link #read(Path, Optional)}, or if a mapped column is not in
     *                                  the header
     */
    public static InspectionSource read(Path file, Optional<Path> volumes, Map<String, String> toolToFile) {
        Args.notNull("file", file);
        Args.notNull("volumes", volumes);
        Args.notNull("toolToFile", toolToFile);
        String name = file.toString();
        // one pass: the header tells the kind, the same reader reads on (standard input is read once)
        try (CsvReader input = CsvReader.open(file)) {
            Kind kind = kind(input, toolToFile);
            if (kind == Kind.INSPECTION_FILE) {
                if (volumes.isPresent()) {
                    throw new DataFileException(name, input.headerLine(), null, null, "is an inspection file, which"
                            + " has its volumes: a volumes file (" + volumes.get() + ") is for record-level audit files");
                }
                CsvInput read = CsvInput.of(input);
                CsvInput columns = toolToFile.isEmpty() ? read : read.withColumns(toolToFile);
                List<Inspection> inspections = InspectionFile.parse(columns);
                return new InspectionSource(name, kind, inspections, read.rows().size(), read.rows().size(), 0,
                        read.blankRows(), List.of());
            }
            if (volumes.isEmpty()) {
                throw new DataFileException(name, input.headerLine(), null, null, "is a record-level audit file: its"
                        + " categories need their volumes from a volumes file (category,volume[,population][,inspection])");
            }
            AuditFile audit = AuditFile.parse(input, toolToFile);
            List<Inspection> inspections = audit.inspections(VolumesFile.read(volumes.get()));
            return new InspectionSource(name, kind, inspections, audit.rowsRead(), audit.rowsUsed(),
                    audit.rowsExcluded(), audit.blankRows(), audit.ignoredColumns());
        }
    }

    /**
     * What was read, for a notice on standard error: {@code "read 3 category rows from peel-2022.csv"}
     * or {@code "read 1,234 records from audit.csv: 1,200 used, 34 excluded (should_record no)"}, with
     * blank rows and ignored columns when there are any.
     */
    @Override
    public String toString() {
        if (kind == Kind.INSPECTION_FILE) {
            return String.format(Locale.ROOT, "read %,d category row%s from %s", rowsRead, rowsRead == 1 ? "" : "s", file)
                    + (blankRows > 0 ? String.format(Locale.ROOT, " (%,d blank row%s skipped)", blankRows,
                    blankRows == 1 ? "" : "s") : "");
        }
        return String.format(Locale.ROOT, "read %,d record%s from %s: %,d used, %,d excluded (should_record no)",
                rowsRead, rowsRead == 1 ? "" : "s", file, rowsUsed, rowsExcluded)
                + (blankRows > 0 ? String.format(Locale.ROOT, ", %,d blank rows skipped", blankRows) : "")
                + (ignoredColumns.isEmpty() ? "" : "; ignored columns: " + String.join(", ", ignoredColumns));
    }
}
