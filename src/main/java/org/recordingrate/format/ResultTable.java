package org.recordingrate.format;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.recordingrate.internal.Args;

/**
 * A result as a table of typed columns, written as CSV, JSON or text. The column's kind decides
 * how a value is shown: in CSV and JSON fractions keep full precision (shortest round-trip
 * decimal), in text they are shown as percent; text columns carried through from input are
 * written exactly as read.
 *
 * <p><b>Conventions every format follows</b> (README, "Output"):
 * <ul>
 *   <li>an empty value (null or an empty Optional) is an empty CSV cell, JSON {@code null}, blank text;</li>
 *   <li>an unbounded value (infinity: the unrecorded crimes when nothing was recorded, the
 *       unpooled z when both rates are 0 or 1) is {@code Inf} or {@code -Inf} in CSV, the strings
 *       {@code "Inf"} and {@code "-Inf"} in JSON (JSON has no infinity), "unbounded" in text;</li>
 *   <li><b>safe CSV</b>: a text cell that starts with {@code =}, {@code +}, {@code -}, {@code @},
 *       a tab or a carriage return, and is not a plain number, is written with a leading
 *       apostrophe, so that a spreadsheet shows it as text instead of running it as a formula
 *       (OWASP, "CSV injection"); numbers are never changed; JSON is always exact.</li>
 * </ul>
 */
public final class ResultTable {

    /** How a column's values are written. */
    public enum Kind {
        /** Text, written unchanged (input columns carried through, names, verdicts). */
        TEXT,
        /** A whole number. */
        COUNT,
        /** A fraction such as a rate, bound or margin: percent in text output. */
        FRACTION,
        /** A change between fractions: percentage points in text output. */
        CHANGE,
        /** Any other number (statistic, effective size). */
        NUMBER,
        /** A p-value: 4 significant digits in text output. */
        PVALUE,
        /** A yes/no answer: {@code true} or {@code false} in CSV and text, a JSON boolean. */
        BOOLEAN
    }

    /**
     * A column: its name in the header and its kind.
     *
     * @param name the header name
     * @param kind how values are written
     */
    public record Column(String name, Kind kind) {
    }

    /** Suffix of a result column whose name an input column already has. */
    public static final String RESULT_SUFFIX = "_result";

    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** Name of the column (CSV) or field (JSON) that carries the notes, unless an input column has it. */
    public static final String NOTES = "notes";

    private final List<Column> columns;
    private final List<Object[]> rows = new ArrayList<>();
    /** Notes of each row, parallel to {@link #rows}; null for a row without notes. */
    private final List<List<String>> rowNotes = new ArrayList<>();
    /** Notes of the whole table: every row carries them. */
    private final List<String> notes = new ArrayList<>();

    /**
     * An empty table with these columns.
     *
     * @param columns the columns, in order; copied
     * @throws IllegalArgumentException if {@code columns} is null or two columns share a name (compared
     *                                  exactly)
     * @throws NullPointerException     if {@code columns} holds null
     */
    public ResultTable(List<Column> columns) {
        Set<String> names = new HashSet<>();
        for (Column column : Args.notNull("columns", columns)) {
            if (!names.add(column.name())) {
                throw new IllegalArgumentException("column '" + column.name() + "' appears twice");
            }
        }
        this.columns = List.copyOf(columns);
    }

    /**
     * A table that carries a file's input columns through (as text, unchanged and in order) and
     * adds the result columns after them. A result column whose name an input column already has
     * (ignoring case) is renamed with {@link #RESULT_SUFFIX} (then a number), so that the output
     * can be read back; {@link #renamed()} tells which.
     *
     * @param header  the input file's header, as written
     * @param results the result columns
     * @return the table, without rows
     */
    public static ResultTable withInputs(List<String> header, List<Column> results) {
        List<Column> all = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (String name : header) {
            all.add(new Column(name, Kind.TEXT));
            taken.add(name.strip().toLowerCase(Locale.ROOT));
        }
        List<String> renamed = new ArrayList<>();
        for (Column column : results) {
            String name = column.name();
            if (taken.contains(name.toLowerCase(Locale.ROOT))) {
                String candidate = name + RESULT_SUFFIX;
                for (int i = 2; taken.contains(candidate.toLowerCase(Locale.ROOT)); i++) {
                    candidate = name + RESULT_SUFFIX + i;
                }
                renamed.add(name + " -> " + candidate);
                name = candidate;
            }
            taken.add(name.toLowerCase(Locale.ROOT));
            all.add(new Column(name, column.kind()));
        }
        ResultTable table = new ResultTable(all);
        table.renamed.addAll(renamed);
        return table;
    }

    private final List<String> renamed = new ArrayList<>();
    /** Significant digits of non-whole numbers in CSV and JSON; 0: full precision. */
    private int digits;

    /**
     * Writes non-whole numbers in CSV and JSON with {@code digits} significant digits (rounded half
     * even, trailing zeros dropped) instead of full precision; whole numbers, text and counts are
     * unchanged. The same input gives the same bytes.
     *
     * @param digits 1 to 17, or 0 for full precision (the default)
     * @return this table
     * @throws IllegalArgumentException for digits outside 0 to 17
     */
    public ResultTable digits(int digits) {
        if (digits < 0 || digits > 17) {
            throw new IllegalArgumentException("digits (" + digits + ") must be 0 (full precision) or 1 to 17");
        }
        this.digits = digits;
        return this;
    }

    /**
     * Result columns renamed by {@link #withInputs} because an input column had their name, so a
     * caller can warn that the output's header differs from the usual one.
     *
     * @return the renamings, as {@code "rate -> rate_result"}, in column order; empty when none
     */
    public List<String> renamed() {
        return Collections.unmodifiableList(renamed);
    }

    /**
     * The columns, in order.
     *
     * @return an unmodifiable list
     */
    public List<Column> columns() {
        return columns;
    }

    /**
     * The number of rows added so far (the header is not a row).
     *
     * @return 0 or more
     */
    public int size() {
        return rows.size();
    }

    /**
     * Adds a row: one value per column ({@code String}, a number, an Optional, or null for an
     * empty cell). Optionals are unwrapped, empty ones to null, when the row is added.
     *
     * @param values the row's values, one per column, in column order
     * @return this table
     * @throws IllegalArgumentException if the number of values differs from the columns'
     * @throws NullPointerException     if {@code values} is null
     */
    public ResultTable row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("row has " + values.length + " values for " + columns.size() + " columns");
        }
        Object[] row = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            row[i] = unwrap(values[i]);
        }
        rows.add(row);
        rowNotes.add(null);
        return this;
    }

    /**
     * Adds a note about the whole table (said once, carried by every row in CSV and JSON, a
     * footnote in text); a note already present is not repeated.
     *
     * @param note the sentence, e.g. "categories audited only in 2021: fraud (not compared)"
     * @return this table
     * @throws IllegalArgumentException if {@code note} is null or blank
     */
    public ResultTable note(String note) {
        Args.notBlank("note", note);
        if (!notes.contains(note)) {
            notes.add(note);
        }
        return this;
    }

    /**
     * Adds the notes of a result about the whole table, in order ({@link #note(String)} each).
     *
     * @param more the notes
     * @return this table
     * @throws IllegalArgumentException if the list or a note is null or blank
     */
    public ResultTable notes(List<String> more) {
        for (String note : Args.notNull("notes", more)) {
            note(note);
        }
        return this;
    }

    /**
     * Adds a note about the row added last (its {@code notes} cell, and a footnote naming the row
     * in text).
     *
     * @param note the sentence
     * @return this table
     * @throws IllegalArgumentException if {@code note} is null or blank
     * @throws IllegalStateException    if no row was added yet
     */
    public ResultTable noteRow(String note) {
        Args.notBlank("note", note);
        if (rows.isEmpty()) {
            throw new IllegalStateException("no row to note: add a row first");
        }
        int last = rows.size() - 1;
        if (rowNotes.get(last) == null) {
            rowNotes.set(last, new ArrayList<>());
        }
        if (!rowNotes.get(last).contains(note)) {
            rowNotes.get(last).add(note);
        }
        return this;
    }

    /**
     * Adds notes to every row from {@code first} to the last: the rows of one result among several in
     * a table (one inspection's rows, say), so that each result's notes stay with its own rows.
     *
     * @param first the first row's index, from 0; {@link #size()} notes nothing
     * @param notes the notes, in order
     * @return this table
     * @throws IllegalArgumentException if {@code notes} or a note is null or blank
     * @throws IndexOutOfBoundsException if {@code first} is negative or beyond {@link #size()}
     */
    public ResultTable noteRowsFrom(int first, List<String> notes) {
        Args.notNull("notes", notes);
        if (first < 0 || first > rows.size()) {
            throw new IndexOutOfBoundsException("first (" + first + ") must lie between 0 and " + rows.size());
        }
        for (int r = first; r < rows.size(); r++) {
            for (String note : notes) {
                Args.notBlank("note", note);
                if (rowNotes.get(r) == null) {
                    rowNotes.set(r, new ArrayList<>());
                }
                if (!rowNotes.get(r).contains(note)) {
                    rowNotes.get(r).add(note);
                }
            }
        }
        return this;
    }

    /**
     * The notes about the whole table, in order.
     *
     * @return an unmodifiable list; empty when there is nothing to say
     */
    public List<String> notes() {
        return Collections.unmodifiableList(notes);
    }

    /**
     * The notes of one row: the table's notes, then the row's own.
     *
     * @param row the row's index, from 0
     * @return an unmodifiable list
     * @throws IndexOutOfBoundsException for a row that does not exist
     */
    public List<String> notes(int row) {
        List<String> all = new ArrayList<>(notes);
        List<String> own = rowNotes.get(row);
        if (own != null) {
            all.addAll(own);
        }
        return Collections.unmodifiableList(all);
    }

    /**
     * The rows of several tables with the same columns, in order, with their notes: for a list of
     * results of one type.
     *
     * @param tables the tables, at least one
     * @return a new table
     * @throws IllegalArgumentException if the list is null or empty, or two tables' columns differ
     */
    public static ResultTable concat(List<ResultTable> tables) {
        Args.notNull("tables", tables);
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("tables (an empty list) has nothing to write");
        }
        ResultTable all = new ResultTable(tables.get(0).columns);
        all.renamed.addAll(tables.get(0).renamed);
        for (ResultTable table : tables) {
            if (!table.columns.equals(all.columns)) {
                throw new IllegalArgumentException("tables have different columns: " + names(all.columns) + " and "
                        + names(table.columns));
            }
            for (int r = 0; r < table.rows.size(); r++) {
                all.rows.add(table.rows.get(r));
                all.rowNotes.add(table.notes(r).isEmpty() ? null : new ArrayList<>(table.notes(r)));
            }
            all.digits = Math.max(all.digits, table.digits);
        }
        return all;
    }

    private static List<String> names(List<Column> columns) {
        return columns.stream().map(Column::name).toList();
    }

    /**
     * The name the notes go under: {@value #NOTES}, or {@code notes_result} (then a number) when an
     * input column is called so.
     */
    private String notesName() {
        Set<String> taken = new HashSet<>();
        for (Column column : columns) {
            taken.add(column.name().strip().toLowerCase(Locale.ROOT));
        }
        if (!taken.contains(NOTES)) {
            return NOTES;
        }
        String candidate = NOTES + RESULT_SUFFIX;
        for (int i = 2; taken.contains(candidate); i++) {
            candidate = NOTES + RESULT_SUFFIX + i;
        }
        return candidate;
    }

    /** A row's notes as one cell: "; " between them, null when none. */
    private String notesCell(int row) {
        List<String> all = notes(row);
        return all.isEmpty() ? null : String.join("; ", all);
    }

    /**
     * Adds a row of input cells followed by result values, for a table made by {@link #withInputs}.
     *
     * @param cells   the input row's cells, as read
     * @param results the result values, one per result column
     * @return this table
     * @throws IllegalArgumentException if the number of values differs from the columns'
     * @throws NullPointerException     if a list is null
     */
    public ResultTable row(List<String> cells, List<Object> results) {
        List<Object> values = new ArrayList<>(cells);
        values.addAll(results);
        return row(values.toArray());
    }

    /**
     * Writes the table as CSV (RFC 4180 quoting, {@code \n} line ends) with a header line: safe cells,
     * empty values as empty cells, infinities as {@code Inf}; see the class comment. Flushes, does
     * not close.
     *
     * @param out where to write
     * @throws UncheckedIOException if {@code out} fails
     */
    public void writeCsv(Writer out) {
        try {
            CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build());
            List<String> header = new ArrayList<>();
            for (Column column : columns) {
                header.add(safe(column.name()));
            }
            header.add(notesName());
            printer.printRecord(header);
            for (int r = 0; r < rows.size(); r++) {
                Object[] row = rows.get(r);
                List<String> cells = new ArrayList<>(row.length + 1);
                for (int c = 0; c < row.length; c++) {
                    String cell = machine(row[c], digits);
                    cells.add(row[c] instanceof String ? safe(cell) : cell);
                }
                String notesCell = notesCell(r);
                cells.add(notesCell == null ? "" : safe(notesCell));
                printer.printRecord(cells);
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the table as a JSON array of objects, one per row, keys in column order; {@code []} for
     * no rows. Flushes, does not close.
     *
     * @param out where to write
     * @throws UncheckedIOException if {@code out} fails
     */
    public void writeJson(Writer out) {
        try {
            out.write("[");
            for (int r = 0; r < rows.size(); r++) {
                out.write(r == 0 ? "\n  " : ",\n  ");
                writeJsonObject(out, r);
            }
            out.write(rows.isEmpty() ? "]\n" : "\n]\n");
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the only row as one JSON object (for single results), then a line end. Flushes, does not
     * close.
     *
     * @param out where to write
     * @throws IllegalStateException if the table does not have exactly one row
     * @throws UncheckedIOException if {@code out} fails
     */
    public void writeJsonObject(Writer out) {
        if (rows.size() != 1) {
            throw new IllegalStateException("a single JSON object needs exactly one row, not " + rows.size());
        }
        try {
            writeJsonObject(out, 0);
            out.write("\n");
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeJsonObject(Writer out, int r) throws IOException {
        Object[] row = rows.get(r);
        out.write("{");
        for (int c = 0; c < columns.size(); c++) {
            out.write(Json.string(columns.get(c).name()));
            out.write(": ");
            out.write(Json.value(row[c], columns.get(c).kind() == Kind.TEXT, digits));
            out.write(", ");
        }
        out.write(Json.string(notesName()));
        out.write(": ");
        out.write(Json.value(notesCell(r), true, digits));
        out.write("}");
    }

    /**
     * The table for a reader: aligned columns, fractions as percent, changes in points, infinities
     * as "unbounded", empty values blank; then the notes as footnotes ({@link #footnotes()}).
     *
     * @return the table as text, header first
     */
    public String renderText() {
        return renderTable() + footnotes();
    }

    /**
     * The notes as a reader's footnotes: a line {@code "Note: ..."} per note of the table (or of every
     * row), then {@code "Note (row N): ..."} per other note of a row (rows counted from 1); empty when
     * there are none.
     *
     * @return the footnotes, each line ending with {@code \n}
     */
    public String footnotes() {
        StringBuilder text = new StringBuilder();
        // a note every row carries is said once, as a note of the table
        List<String> everywhere = new ArrayList<>(notes);
        if (!rows.isEmpty() && rowNotes.get(0) != null) {
            for (String note : rowNotes.get(0)) {
                if (rowNotes.stream().allMatch(n -> n != null && n.contains(note)) && !everywhere.contains(note)) {
                    everywhere.add(note);
                }
            }
        }
        for (String note : everywhere) {
            text.append("Note: ").append(note).append('\n');
        }
        for (int r = 0; r < rows.size(); r++) {
            if (rowNotes.get(r) != null) {
                for (String note : rowNotes.get(r)) {
                    if (!everywhere.contains(note)) {
                        text.append("Note (row ").append(r + 1).append("): ").append(note).append('\n');
                    }
                }
            }
        }
        return text.toString();
    }

    private String renderTable() {
        String[] header = new String[columns.size()];
        for (int c = 0; c < header.length; c++) {
            header[c] = columns.get(c).name();
        }
        TextTable table = new TextTable(header);
        for (Object[] row : rows) {
            String[] cells = new String[row.length];
            for (int c = 0; c < row.length; c++) {
                cells[c] = human(row[c], columns.get(c).kind());
            }
            table.row(cells);
        }
        return table.render();
    }

    /**
     * The cells as {@link #renderText()} shows them (fractions as percent, changes in points), one
     * list per row: for the other layouts of a reader's table (markdown, HTML in the report).
     *
     * @return an unmodifiable list of unmodifiable rows, without the header
     */
    public List<List<String>> textCells() {
        List<List<String>> cells = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            List<String> line = new ArrayList<>(row.length);
            for (int c = 0; c < row.length; c++) {
                line.add(human(row[c], columns.get(c).kind()));
            }
            cells.add(Collections.unmodifiableList(line));
        }
        return Collections.unmodifiableList(cells);
    }

    /** A text cell as safe CSV: an apostrophe before a leading formula character (not before a number). */
    static String safe(String cell) {
        if (cell.isEmpty() || PLAIN_NUMBER.matcher(cell).matches()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell : cell;
    }

    private static Object unwrap(Object value) {
        if (value instanceof Optional<?> o) {
            return o.map(ResultTable::unwrap).orElse(null);
        }
        if (value instanceof OptionalDouble o) {
            return o.isPresent() ? o.getAsDouble() : null;
        }
        if (value instanceof OptionalLong o) {
            return o.isPresent() ? o.getAsLong() : null;
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        return value;
    }

    /** Full precision: longs as integers, doubles as the shortest decimal that reads back the same. */
    static String machine(Object value) {
        return machine(value, 0);
    }

    /**
     * As {@link #machine(Object)}, non-whole doubles rounded to {@code digits} significant digits
     * when {@code digits > 0}.
     */
    static String machine(Object value, int digits) {
        if (digits > 0 && value instanceof Double d && Double.isFinite(d) && d != Math.rint(d)) {
            java.math.BigDecimal rounded = new java.math.BigDecimal(d).round(new java.math.MathContext(digits))
                    .stripTrailingZeros();
            int exponent = rounded.precision() - rounded.scale() - 1;
            return exponent >= -6 && exponent < 15 ? rounded.toPlainString() : rounded.toString();
        }
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            if (d.isNaN()) {
                return "NaN";
            }
            if (d.isInfinite()) {
                return d > 0 ? "Inf" : "-Inf";
            }
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString(d.longValue());
            }
        }
        return value.toString();
    }

    static String human(Object value, Kind kind) {
        if (value == null) {
            return "";
        }
        if (!(value instanceof Double d)) {
            return value instanceof Long l && kind == Kind.COUNT ? String.format(Locale.ROOT, "%,d", l) : value.toString();
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "unbounded" : "-unbounded";
        }
        switch (kind) {
            case FRACTION:
                return Percent.format(d);
            case CHANGE:
                return Percent.signed(d);
            case PVALUE:
                return Percent.pValue(d);
            case COUNT:
                return String.format(Locale.ROOT, "%,.0f", d);
            default:
                return Double.isFinite(d) ? String.format(Locale.ROOT, "%.4g", d) : machine(d);
        }
    }
}
