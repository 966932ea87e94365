package org.recordingrate.io;

import java.util.Arrays;
import java.util.List;

/**
 * A population record's cells: for a plain record, its text and the positions of its delimiters,
 * each cell cut out only when asked for (most rows are never kept, so their carried cells never
 * become strings); for any other record, the cells {@link CsvReader} read.
 */
final class PopulationCells {
    private final String text;
    /** Start of each cell, then text.length() + 1. */
    private final int[] starts;
    private String[] cells;

    private PopulationCells(String text, int[] starts, String[] cells) {
        this.text = text;
        this.starts = starts;
        this.cells = cells;
    }

    /** The cells as read. */
    static PopulationCells of(List<String> cells) {
        return new PopulationCells(null, null, cells.toArray(new String[0]));
    }

    /** The cells of a plain record's text, split on {@code delimiter}. */
    static PopulationCells split(String text, char delimiter) {
        int[] starts = new int[8];
        int count = 1;
        for (int i = text.indexOf(delimiter); i >= 0; i = text.indexOf(delimiter, i + 1)) {
            if (count + 1 == starts.length) {
                starts = Arrays.copyOf(starts, 2 * starts.length);
            }
            starts[count++] = i + 1;
        }
        starts[count] = text.length() + 1;
        return new PopulationCells(text, count + 1 == starts.length ? starts : Arrays.copyOf(starts, count + 1), null);
    }

    int size() {
        return cells != null ? cells.length : starts.length - 1;
    }

    String get(int i) {
        return cells != null ? cells[i] : text.substring(starts[i], starts[i + 1] - 1);
    }

    String[] all() {
        if (cells == null) {
            String[] values = new String[size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = get(i);
            }
            cells = values;
        }
        return cells;
    }
}
