package org.recordingrate.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

import org.recordingrate.model.Tally;
import org.recordingrate.model.Category;
import org.recordingrate.model.Inspection;

/**
 * Reads aggregated inspection files: a row per category with the header
 * {@code category,recorded,audited,volume} and optionally {@code population} (records sampled
 * from, for the finite population correction) and {@code inspection} (so one file may hold many
 * inspections, every force say). Without an {@code inspection} column the whole file is one
 * inspection named after the file. Inspections and categories keep the file's order; rows of one
 * inspection need not be adjacent. Every row is validated with its line and column named.
 */
public final class InspectionFile {

    /** Required columns. */
    public static final List<String> REQUIRED = List.of("category", "recorded", "audited", "volume");

    private InspectionFile() {
    }

    /**
     * Reads every inspection in {@code file}.
     *
     * @throws DataFileException for a missing column, a bad number, recorded above audited, no
     *                           audited records, a volume below 1, a population below audited, a
     *                           blank or duplicate category in one inspection; each names the file,
     *                           line, column and value
     */
    public static List<Inspection> read(Path file) {
        return parse(CsvInput.read(file));
    }

    /**
     * The inspections in an already read file.
     *
     * @throws DataFileException as {@link #read(Path)}
     */
    public static List<Inspection> parse(CsvInput input) {
        input.require(REQUIRED.toArray(new String[0]));
        if (input.rows().isEmpty()) {
            throw new DataFileException(input.name(), 0, null, null, "has a header but no categories");
        }
        String defaultName = defaultName(input.name());
        Map<String, List<Category>> byInspection = new LinkedHashMap<>();
        Map<String, Long> firstLine = new LinkedHashMap<>();
        for (CsvInput.Row row : input.rows()) {
            String inspection = row.text("inspection", defaultName).strip();
            String name = row.text("category").strip();
            if (name.isEmpty()) {
                throw row.fail("category", "", "is blank: every row needs a category name");
            }
            if (name.equalsIgnoreCase(Category.ALL_CRIME)) {
                throw row.fail("category", name, "is reserved for the combined estimate: list only the audited categories");
            }
            String key = inspection.toLowerCase(Locale.ROOT) + "\u0000" + name.toLowerCase(Locale.ROOT);
            Long earlier = firstLine.putIfAbsent(key, row.line());
            if (earlier != null) {
                throw row.fail("category", name, "appears twice in inspection '" + inspection + "' (first on line "
                        + earlier + ")");
            }
            byInspection.computeIfAbsent(inspection, k -> new ArrayList<>()).add(category(row, name));
        }
        List<Inspection> inspections = new ArrayList<>();
        byInspection.forEach((name, categories) -> inspections.add(new Inspection(name, categories)));
        return inspections;
    }

    private static Category category(CsvInput.Row row, String name) {
        long recorded = row.whole("recorded");
        long audited = row.whole("audited");
        long volume = row.whole("volume");
        if (recorded < 0) {
            throw row.fail("recorded", row.text("recorded"), "must not be negative");
        }
        if (audited < 1) {
            throw row.fail("audited", row.text("audited"), "must be at least 1: a category needs audited records");
        }
        if (recorded > audited) {
            throw row.fail("recorded", row.text("recorded"), "must not exceed audited (" + audited + ")");
        }
        if (volume < 1) {
            throw row.fail("volume", row.text("volume"), "must be at least 1: the volume weights the category");
        }
        OptionalLong population = OptionalLong.empty();
        if (!row.isBlank("population")) {
            long value = row.whole("population");
            if (value < audited) {
                throw row.fail("population", row.text("population"), "must not be below audited (" + audited + ")");
            }
            population = OptionalLong.of(value);
        }
        return new Category(name, new Tally(recorded, audited), volume, population);
    }

    /** The file name without folders and extension: {@code data/peel-2022.csv -> peel-2022}. */
    static String defaultName(String file) {
        String base = Path.of(file).getFileName() == null ? file : Path.of(file).getFileName().toString();
        int dot = base.lastIndexOf('.');
        String name = dot > 0 ? base.substring(0, dot) : base;
        return name.isBlank() || name.equals("-") ? "inspection" : name;
    }
}
