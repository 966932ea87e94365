package org.recordingrate.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a population file's required columns are ({@code record_id} and {@code category}, matched
 * ignoring case and surrounding spaces) and which columns are carried to the sample list.
 */
final class PopulationLayout {
    /** The required columns' names. */
    static final String RECORD_ID = "record_id";
    static final String CATEGORY = "category";

    final String[] header;
    final int id;
    final int category;
    final int[] carried;
    final char delimiter;

    /**
     * @throws DataFileException naming the header line if a name appears twice or a required column is missing
     */
    PopulationLayout(String name, List<String> header, long headerLine, char delimiter) {
        this.header = header.toArray(new String[0]);
        this.delimiter = delimiter;
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < this.header.length; i++) {
            if (index.putIfAbsent(key(this.header[i]), i) != null) {
                throw new DataFileException(name, headerLine, this.header[i], null, "appears twice in the header"
                        + " (column names are matched ignoring case and surrounding spaces)");
            }
        }
        this.id = column(name, headerLine, index, RECORD_ID);
        this.category = column(name, headerLine, index, CATEGORY);
        int[] others = new int[this.header.length - 2];
        int at = 0;
        for (int i = 0; i < this.header.length; i++) {
            if (i != id && i != category) {
                others[at++] = i;
            }
        }
        this.carried = others;
    }

    private int column(String name, long headerLine, Map<String, Integer> index, String column) {
        Integer i = index.get(column);
        if (i == null) {
            throw new DataFileException(name, headerLine, null, null,
                    "has no column '" + column + "' (header: " + String.join(String.valueOf(delimiter), header) + ")");
        }
        return i;
    }

    private static String key(String column) {
        return column.strip().toLowerCase(Locale.ROOT);
    }

    /** The cells a reader looks at in every row: up to the later of the two required columns. */
    int looked() {
        return Math.max(id, category) + 1;
    }

    List<String> carriedHeader() {
        List<String> names = new ArrayList<>(carried.length);
        for (int i : carried) {
            names.add(header[i]);
        }
        return List.copyOf(names);
    }
}
