package org.recordingrate.format;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table with aligned columns: the first column left-aligned, the others
 * right-aligned (numbers). For terminals and JShell.
 */
public final class TextTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    /**
     * A table with the given columns and no rows yet.
     *
     * @param header the column titles, copied
     * @throws IllegalArgumentException if there are none
     * @throws NullPointerException     if {@code header} is null or holds null
     */
    public TextTable(String... header) {
        if (header.length == 0) {
            throw new IllegalArgumentException("header must name at least one column");
        }
        this.header = List.of(header);
    }

    /**
     * Adds a row.
     *
     * @param cells one per column, not null (a null cell fails in {@link #render()}); the array is not
     *              copied, so change it no more
     * @return this table
     * @throws IllegalArgumentException if the number of cells differs from the header's
     */
    public TextTable row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, header has " + header.size());
        }
        rows.add(Arrays.asList(cells));
        return this;
    }

    /**
     * The table as text: the header line, then a line per row in the order added, columns separated
     * by two spaces and as wide as their widest cell (in {@code char}s). Every line ends in
     * {@code "\n"}.
     *
     * @return the text; the header alone when no row was added
     */
    public String render() {
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = header.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, header, widths);
        for (List<String> row : rows) {
            line(out, row, widths);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        for (int c = 0; c < widths.length; c++) {
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            out.append(c == 0 ? cell + pad : pad + cell);
            out.append(c == widths.length - 1 ? "\n" : "  ");
        }
    }
}
