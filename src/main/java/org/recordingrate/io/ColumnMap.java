package org.recordingrate.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which header column holds each field of a record-level or volumes file. Header names match a
 * field's name or one of its aliases ignoring case, surrounding space and punctuation: runs of
 * anything but letters and digits count as one {@code _}, so {@code "Crime recorded?"},
 * {@code "crime_recorded"} and {@code "CRIME-RECORDED"} are one name. Columns matching no field are
 * ignored and listed ({@link #ignored()}), never an error: spreadsheets carry notes and auditors'
 * names.
 */
final class ColumnMap {

    /**
     * A field of a file: its name (as messages call it), whether it is required, and the other
     * header names that mean it.
     */
    record Field(String name, boolean required, List<String> aliases) {

        static Field required(String name, String... aliases) {
            return new Field(name, true, List.of(aliases));
        }

        static Field optional(String name, String... aliases) {
            return new Field(name, false, List.of(aliases));
        }

        boolean matches(String key) {
            return key(name).equals(key) || aliases.stream().anyMatch(a -> key(a).equals(key));
        }
    }

    /** The fields several kinds of file share (audit and volumes files): a category, and the inspection. */
    static final Field CATEGORY = Field.required("category", "crime_category", "crime_type",
            "offence_category", "offence_type", "offence_group", "crime_group", "stratum");
    static final Field INSPECTION = Field.optional("inspection", "inspection_name", "audit");

    private final Map<Field, Integer> index;
    private final List<String> header;
    private final List<String> ignored;

    private ColumnMap(Map<Field, Integer> index, List<String> header, List<String> ignored) {
        this.index = index;
        this.header = header;
        this.ignored = List.copyOf(ignored);
    }

    /** The matching key of a header name: lower case, runs of non-alphanumerics as one {@code _}. */
    static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "_").replaceAll("^_+|_+$", "");
    }

    /**
     * Maps {@code header} to {@code fields}.
     *
     * @param file   the file's name, for messages
     * @param line   the header's line
     * @param header the header's names
     * @param what   what the file is, for messages ("a record-level audit file")
     * @param fields the fields, required ones first
     * @throws DataFileException naming the header line if a required field has no column (listing
     *                           the names accepted and the header), or two columns mean one field
     */
    static ColumnMap of(String file, long line, List<String> header, String what, List<Field> fields) {
        return of(file, line, header, what, fields, Map.of());
    }

    /**
     * As {@link #of(String, long, List, String, List)}, a header column named as a value of
     * {@code toolToFile} being read as the field named by its key ({@code --columns recorded=outcome}).
     *
     * @throws DataFileException also if a mapped column is not in the header
     */
    static ColumnMap of(String file, long line, List<String> header, String what, List<Field> fields,
                        Map<String, String> toolToFile) {
        List<String> names = mapped(file, line, header, toolToFile);
        Map<Field, Integer> index = new LinkedHashMap<>();
        List<String> ignored = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String key = key(names.get(i));
            Field field = null;
            for (Field f : fields) {
                if (!key.isEmpty() && f.matches(key)) {
                    field = f;
                    break;
                }
            }
            if (field == null) {
                ignored.add(header.get(i).isEmpty() ? "(unnamed column " + (i + 1) + ")" : header.get(i));
                continue;
            }
            Integer earlier = index.putIfAbsent(field, i);
            if (earlier != null) {
                throw new DataFileException(file, line, header.get(i), null, "means " + field.name()
                        + ", as column '" + header.get(earlier) + "' does: keep one of them");
            }
        }
        for (Field field : fields) {
            if (field.required() && !index.containsKey(field)) {
                throw new DataFileException(file, line, null, null, "has no column " + field.name()
                        + (field.aliases().isEmpty() ? "" : " (or " + String.join(", ", field.aliases()) + ")")
                        + " for " + what + ": the header is " + header.stream().collect(Collectors.joining(",")));
            }
        }
        return new ColumnMap(index, List.copyOf(header), ignored);
    }

    /**
     * The header's names with the mapped ones replaced by the tool's names.
     *
     * @throws DataFileException naming the header line if a mapped column is not in the header
     */
    static List<String> mapped(String file, long line, List<String> header, Map<String, String> toolToFile) {
        List<String> names = new ArrayList<>(header);
        for (Map.Entry<String, String> entry : toolToFile.entrySet()) {
            int at = -1;
            for (int i = 0; i < header.size() && at < 0; i++) {
                at = key(header.get(i)).equals(key(entry.getValue())) ? i : -1;
            }
            if (at < 0) {
                throw new DataFileException(file, line, null, null, "has no column '" + entry.getValue()
                        + "' to read as '" + entry.getKey() + "' (header: " + String.join(",", header) + ")");
            }
            names.set(at, entry.getKey());
        }
        return names;
    }

    /** Whether the file has a column for {@code field}. */
    boolean has(Field field) {
        return index.containsKey(field);
    }

    /** The column's name as the header writes it (for messages); the field's name when absent. */
    String column(Field field) {
        Integer i = index.get(field);
        return i == null ? field.name() : header.get(i);
    }

    /** The cell of {@code field} in a row, or "" when the file has no such column. */
    String cell(CsvReader.Row row, Field field) {
        Integer i = index.get(field);
        return i == null ? "" : row.cells().get(i);
    }

    /** The header names that match no field, in order. */
    List<String> ignored() {
        return ignored;
    }
}
