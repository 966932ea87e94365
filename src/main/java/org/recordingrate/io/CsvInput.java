package org.recordingrate.io;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.recordingrate.error.ArgumentException;
import org.recordingrate.internal.DecimalText;

/**
 * A CSV file with a header, read whole into located rows by the one reader ({@code CsvReader},
 * under the rules of {@code CsvRules}): UTF-8 strictly, comma, semicolon or tab as detected from
 * the header, LF, CRLF or CR, the last line with or without a line break, quoting as RFC 4180, at
 * most 1,048,576 characters (1 MiB) a record.
 *
 * <ul>
 *   <li>Every record becomes a row: a record with a different number of cells than the header
 *       is an error naming its line, never dropped. Empty lines are not records; a row whose every
 *       cell is blank is skipped and counted ({@link #blankRows()}).</li>
 *   <li>Cells are kept exactly as written (spaces included), so a file's columns come back
 *       unchanged; numbers are read from them with surrounding spaces ignored.</li>
 *   <li>Column names are matched ignoring case and surrounding spaces; a name that appears twice
 *       (so matched) is an error. A byte-order mark is ignored, also before a quoted first name.</li>
 *   <li>Numbers are plain decimals, read strictly ({@code DecimalText}): {@code 12d}, {@code 0x1p4},
 *       {@code 1e-400} or {@code 2.9999999999999999} as a whole number are errors, not guesses.</li>
 * </ul>
 * Line numbers count every line of the file from 1, the header's, blank lines included.
 */
public final class CsvInput {

    private final String name;
    private final List<String> header;
    private final Map<String, Integer> index;
    private final List<Row> rows;
    private final long blankRows;

    private CsvInput(CsvInput base, Map<String, Integer> index) {
        this.name = base.name;
        this.header = base.header;
        this.index = index;
        this.blankRows = base.blankRows;
        List<Row> copies = new ArrayList<>(base.rows.size());
        for (Row row : base.rows) {
            copies.add(new Row(row.line, row.cells));
        }
        this.rows = Collections.unmodifiableList(copies);
    }

    private CsvInput(CsvReader reader) {
        this.name = reader.name();
        this.header = reader.header();
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (columns.putIfAbsent(key(header.get(i)), i) != null) {
                throw new DataFileException(name, reader.headerLine(), header.get(i), null, "appears twice in the"
                        + " header (column names are matched ignoring case and surrounding spaces)");
            }
        }
        this.index = columns;
        List<Row> read = new ArrayList<>();
        for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
            read.add(new Row(row.line(), row.cells().toArray(new String[0])));
        }
        this.rows = Collections.unmodifiableList(read);
        this.blankRows = reader.blankRows();
    }

    /**
     * Reads a whole file; {@code "-"} reads standard input (to its end; it is not closed).
     *
     * @param file the file
     * @return its rows
     * @throws DataFileException when the file is missing, a folder, unreadable, empty, or breaks a
     *                           rule of the reader (see the class comment), naming file, line and column
     */
    public static CsvInput read(Path file) {
        try (CsvReader reader = CsvReader.open(file)) {
            return new CsvInput(reader);
        }
    }

    /**
     * Reads CSV bytes (UTF-8) from a stream to its end; {@code name} is used in messages. The
     * stream is not closed: it belongs to the caller.
     *
     * @param name the file's name for messages, e.g. {@code "cases.csv"}
     * @param in   the bytes, UTF-8 (a malformed sequence is an error, not a replacement character)
     * @return the rows
     * @throws DataFileException as {@link #read(Path)}
     */
    public static CsvInput read(String name, InputStream in) {
        try (CsvReader reader = CsvReader.open(name, in, false)) {
            return new CsvInput(reader);
        }
    }

    /** The rest of an open reader's rows (its header read). */
    static CsvInput of(CsvReader reader) {
        return new CsvInput(reader);
    }

    /**
     * The same file read with the tool's column names mapped to the file's own: with
     * {@code Map.of("rate", "rate_pct")} a lookup of {@code rate} reads the file's {@code rate_pct}
     * column (and messages name {@code rate_pct}). The header and the cells are unchanged.
     *
     * @param toolToFile tool column name to file column name, matched ignoring case and spaces
     * @return the mapped input
     * @throws DataFileException if a file column named in the map is not in the header
     */
    public CsvInput withColumns(Map<String, String> toolToFile) {
        Map<String, Integer> mapped = new LinkedHashMap<>(index);
        for (Map.Entry<String, String> entry : toolToFile.entrySet()) {
            Integer at = index.get(key(entry.getValue()));
            if (at == null) {
                throw new DataFileException(name, 1, null, null, "has no column '" + entry.getValue()
                        + "' to read as '" + entry.getKey() + "' (header: " + String.join(",", header) + ")");
            }
            mapped.put(key(entry.getKey()), at);
        }
        return new CsvInput(this, mapped);
    }

    private static String key(String column) {
        return column.strip().toLowerCase(Locale.ROOT);
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
     * The header, as written.
     *
     * @return the column names in file order, spaces and case kept; unmodifiable
     */
    public List<String> header() {
        return header;
    }

    /**
     * Rows skipped because every cell was blank (a spreadsheet's empty rows; empty lines are not
     * rows at all).
     *
     * @return the rows skipped, 0 or more
     */
    public long blankRows() {
        return blankRows;
    }

    /**
     * The data rows.
     *
     * @return the rows in file order, the header not among them; unmodifiable, possibly empty
     */
    public List<Row> rows() {
        return rows;
    }

    /**
     * Whether the header has a column, directly or through {@link #withColumns}.
     *
     * @param column the column's name, matched ignoring case and surrounding spaces
     * @return true if a lookup of {@code column} reads a column of the file
     */
    public boolean has(String column) {
        return index.containsKey(key(column));
    }

    /**
     * Fails unless the header has every column named.
     *
     * @param columns the columns needed, matched as {@link #has(String)}
     * @return this input
     * @throws DataFileException naming the first missing column and listing the header
     */
    public CsvInput require(String... columns) {
        for (String column : columns) {
            if (!has(column)) {
                throw new DataFileException(name, 1, null, null,
                        "has no column '" + column + "' (header: " + String.join(",", header) + ")");
            }
        }
        return this;
    }

    /** One data row: its line and cells, with typed, located accessors. */
    public final class Row {
        private final long line;
        private final String[] cells;

        private Row(long line, String[] cells) {
            this.line = line;
            this.cells = cells;
        }

        /**
         * Where the row is in the file.
         *
         * @return the 1-based line number on which the row starts (header = 1, blank lines counted)
         */
        public long line() {
            return line;
        }

        /**
         * The cells, as the file has them.
         *
         * @return the cells in header order, exactly as written; unmodifiable
         */
        public List<String> cells() {
            return List.of(cells);
        }

        /**
         * The cell of a column, as the file has it.
         *
         * @param column the column's name, matched as {@link CsvInput#has(String)}
         * @return the cell exactly as written (spaces kept), or {@code ""} if the file has no such column
         */
        public String text(String column) {
            Integer i = index.get(key(column));
            return i == null ? "" : cells[i];
        }

        /**
         * Whether a column gives no value in this row.
         *
         * @param column the column's name, matched as {@link CsvInput#has(String)}
         * @return true if the column is absent or its cell is empty or white space
         */
        public boolean isBlank(String column) {
            return text(column).isBlank();
        }

        /**
         * The cell as a whole number, read strictly ({@code DecimalText.whole}): {@code 188} and
         * {@code 188.0} are 188, {@code 2.9999999999999999} is refused; surrounding spaces ignored.
         *
         * @param column the column's name, matched as {@link CsvInput#has(String)}
         * @return the number, within the range of a {@code long} (negative numbers included: the
         *         domain constructors refuse them)
         * @throws DataFileException naming line, column and value if blank (or the column absent), not a
         *                           whole number or too large
         */
        public long whole(String column) {
            String value = text(column);
            try {
                return DecimalText.whole(value);
            } catch (ArgumentException e) {
                throw fail(column, value, e.getMessage());
            }
        }

        /**
         * The cell as a finite number, read strictly ({@code DecimalText.number}): the decimal written,
         * rounded once; a non-zero value too small for a double is refused, not read as 0.
         *
         * @param column the column's name, matched as {@link CsvInput#has(String)}
         * @return the number, finite
         * @throws DataFileException naming line, column and value if blank (or the column absent), not a
         *                           plain decimal, or out of range
         */
        public double number(String column) {
            String value = text(column);
            try {
                return DecimalText.number(value);
            } catch (ArgumentException e) {
                throw fail(column, value, e.getMessage());
            }
        }

        /**
         * The cell as an exact decimal (published figures keep the digits as written).
         *
         * @param column the column's name, matched as {@link CsvInput#has(String)}
         * @return the decimal, its scale as written ({@code 99.0} has scale 1)
         * @throws DataFileException naming line, column and value if blank (or the column absent) or not a
         *                           plain decimal
         */
        public BigDecimal decimal(String column) {
            String value = text(column);
            try {
                return DecimalText.decimal(value);
            } catch (ArgumentException e) {
                throw fail(column, value, e.getMessage());
            }
        }

        /**
         * The cell as a number, or a fallback when the column gives none.
         *
         * @param column   the column's name, matched as {@link CsvInput#has(String)}
         * @param fallback the value for an absent column or a blank cell
         * @return the number as {@link #number(String)}, or {@code fallback}
         * @throws DataFileException as {@link #number(String)} for a cell that is not blank
         */
        public double number(String column, double fallback) {
            return isBlank(column) ? fallback : number(column);
        }

        /**
         * The cell's text, or a fallback when the column gives none.
         *
         * @param column   the column's name, matched as {@link CsvInput#has(String)}
         * @param fallback the value for an absent column or a blank cell
         * @return the cell stripped of surrounding spaces, or {@code fallback}
         */
        public String text(String column, String fallback) {
            return isBlank(column) ? fallback : text(column).strip();
        }

        /**
         * A located error for this row.
         *
         * @param column the column, or null for the row as a whole
         * @param value  the offending value, or null
         * @param reason what is wrong
         * @return the exception, to throw
         */
        public DataFileException fail(String column, String value, String reason) {
            return new DataFileException(name, line, column == null ? null : columnName(column), value, reason);
        }

        private String columnName(String column) {
            Integer i = index.get(key(column));
            return i == null ? column : header.get(i).strip();
        }

        /**
         * Runs {@code action}, which builds domain objects from this row's cells, turning the
         * domain's complaint into a located error: the column is the one that holds the bad
         * argument ({@code columns} maps the argument names of {@link ArgumentException#argument()}
         * to column names), or the row as a whole when the argument has no column. A
         * {@link DataFileException} from {@code action} passes unchanged; a plain
         * {@link IllegalArgumentException} blames the row as a whole.
         *
         * @param <T>     what the action builds
         * @param columns argument name to column name, e.g. {@code Map.of("recorded", "recorded_crimes")}
         * @param action  builds the domain object
         * @return what the action built
         * @throws DataFileException naming line, column, value and the domain's message
         */
        public <T> T construct(Map<String, String> columns, Supplier<T> action) {
            try {
                return action.get();
            } catch (DataFileException e) {
                throw e;
            } catch (ArgumentException e) {
                String column = columns.get(e.argument());
                throw fail(column, column == null ? null : text(column), "is invalid: " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw fail(null, null, "is invalid: " + e.getMessage());
            }
        }

        /**
         * Runs {@code action}, turning an {@link IllegalArgumentException} into a located error
         * naming {@code column} and its value (the message says what is wrong). A
         * {@link DataFileException} from {@code action} passes unchanged.
         *
         * @param <T>    what the action computes
         * @param column the column to blame, or null for the row as a whole
         * @param action computes from the cell
         * @return what the action computed
         * @throws DataFileException naming line, column and value
         */
        public <T> T located(String column, Supplier<T> action) {
            return construct(Map.of(), () -> {
                try {
                    return action.get();
                } catch (DataFileException e) {
                    throw e;
                } catch (IllegalArgumentException e) {
                    throw fail(column, column == null ? null : text(column), "is invalid: " + e.getMessage());
                }
            });
        }
    }
}
