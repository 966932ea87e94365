package org.recordingrate.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.recordingrate.internal.Args;
import org.recordingrate.model.Tally;
import org.recordingrate.model.AuditedCategory;
import org.recordingrate.model.Category;
import org.recordingrate.model.Names;
import org.recordingrate.model.Inspection;

/**
 * Reads aggregated inspection files: a row per category with the header
 * {@code category,recorded,audited,volume} and optionally {@code population} (records sampled
 * from, for the finite population correction) and {@code inspection} (so one file may hold many
 * inspections, every force say). Without an {@code inspection} column the whole file is one
 * inspection named after the file (its name without folders and extension; {@code "inspection"} for
 * standard input), and so is a row whose {@code inspection} cell is blank. Inspection and category
 * names are matched under {@link Names}. Inspections and categories keep the file's order; rows of one
 * inspection need not be adjacent. Every row is validated with its line and column named.
 */
public final class InspectionFile {

    /** Which column holds each argument of the domain's constructors. */
    private static final Map<String, String> COLUMNS = Map.of("category name", "category", "recorded", "recorded",
            "audited", "audited", "volume", "volume", "population", "population");

    /** The tool's names of an inspection file's columns (for {@link ToolColumns}). */
    static java.util.Collection<String> columns() {
        return COLUMNS.values();
    }

    /**
     * The columns every inspection file has: {@code category}, {@code recorded}, {@code audited},
     * {@code volume} (matched ignoring case and surrounding spaces).
     */
    public static final List<String> REQUIRED = List.of("category", "recorded", "audited", "volume");

    private InspectionFile() {
    }

    /**
     * Reads every inspection in {@code file}; {@code "-"} reads standard input.
     *
     * @param file the inspection file: CSV in UTF-8, comma, semicolon or tab delimited (the one
     *             reader's rules, as {@link CsvInput} lists them)
     * @return the inspections in the order first met, at least one
     * @throws DataFileException for an unreadable or empty file, a missing column, no data row, a bad
     *                           number, recorded above audited, no audited records, a volume below 1,
     *                           a population below audited, a blank, reserved ({@code "all crime"}) or
     *                           duplicate category in one inspection, an audited count or an
     *                           inspection's total audited beyond the supported limit 2^53, or a total
     *                           volume beyond {@link Long#MAX_VALUE}; each names the file, line, column
     *                           and value
     */
    public static List<Inspection> read(Path file) {
        return parse(CsvInput.read(file));
    }

    /**
     * The inspections in an already read file, its columns possibly renamed
     * ({@link CsvInput#withColumns}).
     *
     * @param input the rows of an inspection file
     * @return the inspections in the order first met, at least one
     * @throws DataFileException as {@link #read(Path)}
     */
    public static List<Inspection> parse(CsvInput input) {
        input.require(REQUIRED.toArray(new String[0]));
        if (input.rows().isEmpty()) {
            throw new DataFileException(input.name(), 0, null, null, "has a header but no categories");
        }
        String defaultName = defaultName(input.name());
        Map<String, String> spelling = new LinkedHashMap<>();
        Map<String, List<AuditedCategory>> byInspection = new LinkedHashMap<>();
        Map<String, Long> firstLine = new LinkedHashMap<>();
        Map<String, long[]> totals = new LinkedHashMap<>();
        for (CsvInput.Row row : input.rows()) {
            String inspection = row.text("inspection", defaultName).strip();
            String inspectionKey = Names.key(inspection);
            spelling.putIfAbsent(inspectionKey, inspection);
            AuditedCategory category = category(row);
            String key = inspectionKey + "\u0000" + Names.key(category.name());
            Long earlier = firstLine.putIfAbsent(key, row.line());
            if (earlier != null) {
                throw row.fail("category", row.text("category"), "appears twice in inspection '"
                        + spelling.get(inspectionKey) + "' (first on line " + earlier + ")");
            }
            long[] total = totals.computeIfAbsent(inspectionKey, k -> new long[2]);
            total[0] = addExact(row, "volume", total[0], category.volume(), spelling.get(inspectionKey));
            total[1] = addExact(row, "audited", total[1], category.tally().audited(), spelling.get(inspectionKey));
            if (total[1] > Args.MAX_AUDITED) {
                throw row.fail("audited", row.text("audited"), "makes the audited in all of inspection '"
                        + spelling.get(inspectionKey) + "' " + total[1] + ", beyond the supported limit 2^53 = "
                        + Args.MAX_AUDITED + " (larger counts are not exact in double precision)");
            }
            byInspection.computeIfAbsent(inspectionKey, k -> new ArrayList<>()).add(category);
        }
        List<Inspection> inspections = new ArrayList<>();
        byInspection.forEach((key, categories) -> inspections.add(new Inspection(spelling.get(key), categories)));
        return inspections;
    }

    /** A running total that must fit in a long, or an error at the row that breaks it. */
    private static long addExact(CsvInput.Row row, String column, long total, long value, String inspection) {
        try {
            return Math.addExact(total, value);
        } catch (ArithmeticException e) {
            throw row.fail(column, row.text(column), "makes the total " + column + " of inspection '" + inspection
                    + "' exceed " + Long.MAX_VALUE);
        }
    }

    /** The row's category, built by the domain's constructors; their complaint names the column. */
    private static AuditedCategory category(CsvInput.Row row) {
        long recorded = row.whole("recorded");
        long audited = row.whole("audited");
        row.located("audited", () -> Args.countInRange("audited", audited));
        long volume = row.whole("volume");
        OptionalLong population = row.isBlank("population") ? OptionalLong.empty()
                : OptionalLong.of(row.whole("population"));
        return row.construct(COLUMNS, () -> new AuditedCategory(
                new Category(row.text("category"), volume, population), new Tally(recorded, audited)));
    }

    /** The file name without folders and extension: {@code data/peel-2022.csv -> peel-2022}. */
    static String defaultName(String file) {
        String base = Path.of(file).getFileName() == null ? file : Path.of(file).getFileName().toString();
        int dot = base.lastIndexOf('.');
        String name = dot > 0 ? base.substring(0, dot) : base;
        return name.isBlank() || name.equals("-") ? "inspection" : name;
    }
}
