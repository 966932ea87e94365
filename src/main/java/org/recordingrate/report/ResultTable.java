package org.recordingrate.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.recordingrate.format.Percent;
import org.recordingrate.format.TextTable;

/**
 * A result as a table of typed columns, written as CSV, JSON or text. The column's kind decides
 * how a value is shown: in CSV and JSON fractions keep full precision (shortest round-trip
 * decimal), in text they are shown as percent; text columns carried through from input are
 * written unchanged.
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
        PVALUE
    }

    /** A column: its name in the header and its kind. */
    public record Column(String name, Kind kind) {
    }

    private final List<Column> columns = new ArrayList<>();
    private final List<Object[]> rows = new ArrayList<>();

    /** Adds a column; returns this table. */
    public ResultTable column(String name, Kind kind) {
        columns.add(new Column(name, kind));
        return this;
    }

    /** The columns. */
    public List<Column> columns() {
        return Collections.unmodifiableList(columns);
    }

    /** The number of rows. */
    public int size() {
        return rows.size();
    }

    /**
     * Adds a row: one value per column ({@code String}, {@code Long}/{@code Integer}, {@code Double}
     * or null for an empty cell).
     *
     * @throws IllegalArgumentException if the number of values differs from the columns'
     */
    public ResultTable row(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("row has " + values.length + " values for " + columns.size() + " columns");
        }
        rows.add(values.clone());
        return this;
    }

    /** Writes the table as CSV with a header line. */
    public void writeCsv(Writer out) {
        try {
            CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build());
            List<String> header = new ArrayList<>();
            for (Column column : columns) {
                header.add(column.name());
            }
            printer.printRecord(header);
            for (Object[] row : rows) {
                List<String> cells = new ArrayList<>(row.length);
                for (Object value : row) {
                    cells.add(machine(value));
                }
                printer.printRecord(cells);
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the table as a JSON array of objects, one per row; non-finite numbers become null. */
    public void writeJson(Writer out) {
        try {
            out.write("[");
            for (int r = 0; r < rows.size(); r++) {
                out.write(r == 0 ? "\n  " : ",\n  ");
                writeJsonObject(out, rows.get(r));
            }
            out.write(rows.isEmpty() ? "]\n" : "\n]\n");
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the only row as one JSON object (for single results). */
    public void writeJsonObject(Writer out) {
        if (rows.size() != 1) {
            throw new IllegalStateException("a single JSON object needs exactly one row, not " + rows.size());
        }
        try {
            writeJsonObject(out, rows.get(0));
            out.write("\n");
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeJsonObject(Writer out, Object[] row) throws IOException {
        out.write("{");
        for (int c = 0; c < columns.size(); c++) {
            if (c > 0) {
                out.write(", ");
            }
            out.write(Json.string(columns.get(c).name()));
            out.write(": ");
            out.write(Json.value(row[c], columns.get(c).kind() == Kind.TEXT));
        }
        out.write("}");
    }

    /** The table for a reader: aligned columns, fractions as percent. */
    public String renderText() {
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

    /** Full precision: longs as integers, doubles as the shortest decimal that reads back the same. */
    static String machine(Object value) {
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
            return value.toString();
        }
        switch (kind) {
            case FRACTION:
                return Percent.format(d);
            case CHANGE:
                return Percent.signed(d);
            case PVALUE:
                return Percent.pValue(d);
            case COUNT:
                return Double.isInfinite(d) ? "unbounded" : String.format(Locale.ROOT, "%,.0f", d);
            default:
                return Double.isFinite(d) ? String.format(Locale.ROOT, "%.4g", d) : machine(d);
        }
    }
}
