package org.recordingrate.trend;

import java.util.ArrayList;
import java.util.List;

import org.recordingrate.format.ResultTable;
import org.recordingrate.format.ResultTable.Column;
import org.recordingrate.format.ResultTable.Kind;
import org.recordingrate.internal.Args;
import org.recordingrate.model.Result;

/**
 * The trends of every series of a file: a row per series, its grouping columns (force, category, ...)
 * first, then the columns of {@link Trend#COLUMNS}. The result of {@link TrendAnalysis#trends(TrendFile.Read)}.
 *
 * @param columns the grouping columns' names
 * @param keys    each series' grouping values, parallel to {@code trends}
 * @param trends  each series' trend
 * @param notes   the notes of the reading (series left out, ...)
 */
public record Trends(List<String> columns, List<List<String>> keys, List<Trend> trends, List<String> notes)
        implements Result {

    /**
     * Copies the lists (the record is immutable) and checks that keys and trends pair up.
     *
     * @throws IllegalArgumentException if the lists differ in length or a key has the wrong number of values
     * @throws NullPointerException     if a list or an element is null
     */
    public Trends {
        columns = List.copyOf(columns);
        List<List<String>> copied = new ArrayList<>();
        for (List<String> key : keys) {
            copied.add(List.copyOf(key));
            if (key.size() != columns.size()) {
                throw new IllegalArgumentException("a key has " + key.size() + " values for " + columns.size() + " columns");
            }
        }
        keys = List.copyOf(copied);
        trends = List.copyOf(trends);
        notes = List.copyOf(notes);
        if (keys.size() != trends.size()) {
            throw new IllegalArgumentException(keys.size() + " keys for " + trends.size() + " trends");
        }
    }

    /**
     * The trend of the series whose grouping values are these (matched ignoring case and spacing).
     *
     * @param values the grouping values, e.g. {@code "Northshire", "violence"}
     * @return the trend
     * @throws IllegalArgumentException if no series has them
     */
    public Trend trend(String... values) {
        Args.notNull("values", values);
        for (int i = 0; i < keys.size(); i++) {
            List<String> key = keys.get(i);
            boolean same = key.size() == values.length;
            for (int j = 0; same && j < values.length; j++) {
                same = org.recordingrate.model.Names.same(key.get(j), values[j]);
            }
            if (same) {
                return trends.get(i);
            }
        }
        throw new IllegalArgumentException("no series " + String.join(", ", values) + " among " + keys);
    }

    @Override
    public ResultTable table() {
        List<Column> all = new ArrayList<>();
        for (String column : columns) {
            all.add(new Column(column, Kind.TEXT));
        }
        all.addAll(Trend.COLUMNS.columns());
        ResultTable table = new ResultTable(all);
        for (int i = 0; i < trends.size(); i++) {
            table.row(keys.get(i), Trend.COLUMNS.values(trends.get(i)));
            for (String note : trends.get(i).notes()) {
                table.noteRow(note);
            }
        }
        return table.notes(notes);
    }

    @Override
    public String summary() {
        StringBuilder text = new StringBuilder();
        for (Trend trend : trends) {
            text.append(trend.sentence()).append(String.format("%n"));
        }
        for (String note : notes) {
            text.append("Note: ").append(note).append(String.format("%n"));
        }
        return text.toString();
    }

    /** {@code "3 trends: violence +2.1 points a year (p = 0.0012), ..."} on one line. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (Trend trend : trends) {
            parts.add(trend.toString());
        }
        return trends.size() + " trend" + (trends.size() == 1 ? "" : "s") + ": " + String.join("; ", parts);
    }
}
