package org.recordingrate.io;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.recordingrate.internal.ArgumentException;

/**
 * A CSV file with a header, read whole into typed, located rows (commons-csv does the parsing:
 * quoting, embedded commas and line breaks). Every record becomes a row: a record with a different
 * number of fields than the header is an error naming its line, never dropped. Column names are
 * matched ignoring case and surrounding spaces; a byte-order mark is ignored.
 */
public final class CsvInput {

    private final String name;
    private final List<String> header;
    private final Map<String, Integer> index;
    private final List<Row> rows;

    private CsvInput(String name, List<String> header, List<Row> rows) {
        this.name = name;
        this.header = List.copyOf(header);
        this.rows = Collections.unmodifiableList(rows);
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String key = key(header.get(i));
            if (columns.putIfAbsent(key, i) != null) {
                throw new DataFileException(name, 1, header.get(i), null, "appears twice in the header");
            }
        }
        this.index = columns;
    }

    /**
     * Reads a whole file; {@code "-"} reads standard input.
     *
     * @param file the file
     * @return its rows
     * @throws DataFileException when the file is missing, empty, or a record's field count
     *                           differs from the header's
     * @throws UncheckedIOException on other input errors
     */
    public static CsvInput read(Path file) {
        String name = file.toString();
        try (Reader reader = name.equals("-") ? new InputStreamReader(System.in, StandardCharsets.UTF_8)
                : Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(name, reader);
        } catch (NoSuchFileException e) {
            throw new DataFileException(name, 0, null, null, "does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads CSV text from a reader; {@code name} is used in messages.
     *
     * @throws DataFileException as {@link #read(Path)}
     */
    public static CsvInput read(String name, Reader reader) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).setTrim(true).build();
        try (CSVParser parser = format.parse(reader)) {
            List<String> header = null;
            List<Row> rows = new ArrayList<>();
            CsvInput input = null;
            for (CSVRecord record : parser) {
                // commons-csv skips empty lines, so the line number is taken from the parser, not the record count
                long line = parser.getCurrentLineNumber();
                if (header == null) {
                    header = new ArrayList<>(record.toList());
                    if (!header.isEmpty()) {
                        header.set(0, header.get(0).replace("\uFEFF", ""));
                    }
                    input = new CsvInput(name, header, rows);
                    continue;
                }
                if (record.size() != header.size()) {
                    throw new DataFileException(name, line, null, null,
                            "has " + record.size() + " fields but the header has " + header.size());
                }
                rows.add(input.new Row(line, record.toList().toArray(new String[0])));
            }
            if (header == null) {
                throw new DataFileException(name, 0, null, null, "is empty: expected a header line");
            }
            return input;
        }
    }

    private static String key(String column) {
        return column.strip().toLowerCase(Locale.ROOT);
    }

    /** The file name as given. */
    public String name() {
        return name;
    }

    /** The header, as written. */
    public List<String> header() {
        return header;
    }

    /** The rows in file order. */
    public List<Row> rows() {
        return rows;
    }

    /** Whether the header has {@code column} (ignoring case). */
    public boolean has(String column) {
        return index.containsKey(key(column));
    }

    /**
     * Fails unless the header has every column named.
     *
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

        /** The 1-based line number of the row (header = 1). */
        public long line() {
            return line;
        }

        /** The cells in header order, unchanged. */
        public List<String> cells() {
            return List.of(cells);
        }

        /** The cell of {@code column}, or "" if the file has no such column. */
        public String text(String column) {
            Integer i = index.get(key(column));
            return i == null ? "" : cells[i];
        }

        /** Whether the column is absent or its cell blank. */
        public boolean isBlank(String column) {
            return text(column).isBlank();
        }

        /**
         * The cell as a whole number; {@code "188"} and {@code "188.0"} are accepted.
         *
         * @throws DataFileException naming line, column and value if blank or not a whole number
         */
        public long whole(String column) {
            String value = text(column);
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                try {
                    double number = Double.parseDouble(value);
                    if (number == Math.rint(number) && Math.abs(number) < 9e15) {
                        return (long) number;
                    }
                } catch (NumberFormatException ignored) {
                    // reported below
                }
                throw fail(column, value, value.isBlank() ? "is blank: a whole number is needed" : "is not a whole number");
            }
        }

        /**
         * The cell as a finite number.
         *
         * @throws DataFileException naming line, column and value if blank, not a number, or not finite
         */
        public double number(String column) {
            String value = text(column);
            try {
                double number = Double.parseDouble(value);
                if (Double.isFinite(number)) {
                    return number;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw fail(column, value, value.isBlank() ? "is blank: a number is needed" : "is not a number");
        }

        /** The cell as a number, or {@code fallback} when the column is absent or blank. */
        public double number(String column, double fallback) {
            return isBlank(column) ? fallback : number(column);
        }

        /** The cell's text, or {@code fallback} when the column is absent or blank. */
        public String text(String column, String fallback) {
            return isBlank(column) ? fallback : text(column);
        }

        /** A located error for this row. */
        public DataFileException fail(String column, String value, String reason) {
            return new DataFileException(name, line, column, value, reason);
        }

        /**
         * Runs {@code action}, which builds domain objects from this row's cells, turning the
         * domain's complaint into a located error: the column is the one that holds the bad
         * argument ({@code columns} maps the argument names of {@link ArgumentException#argument()}
         * to column names), or the row as a whole when the argument has no column.
         *
         * @throws DataFileException naming line, column, value and the domain's message
         */
        public <T> T construct(Map<String, String> columns, java.util.function.Supplier<T> action) {
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
         * naming {@code column} and its value (the message says what is wrong).
         */
        public <T> T located(String column, java.util.function.Supplier<T> action) {
            try {
                return action.get();
            } catch (DataFileException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw fail(column, column == null ? null : text(column), "is invalid: " + e.getMessage());
            }
        }
    }
}
