package org.recordingrate;

import java.io.StringWriter;
import java.util.List;

import org.recordingrate.format.ResultTable;
import org.recordingrate.model.Result;

/**
 * A result's table as the command line writes it in CSV ({@link ResultTable#writeCsv}), with line
 * ends made {@code "\n"}: for the tests that check headers and cells of the tables of many results.
 */
public final class CsvText {

    private CsvText() {
    }

    /**
     * The CSV text of a table.
     *
     * @param table the table
     * @return the header and rows, each ending in {@code "\n"}
     */
    public static String of(ResultTable table) {
        StringWriter out = new StringWriter();
        table.writeCsv(out);
        return out.toString().replace("\r\n", "\n");
    }

    /**
     * The CSV text of a result's table ({@link Result#table()}).
     *
     * @param result the result
     * @return the header and rows, each ending in {@code "\n"}
     */
    public static String of(Result result) {
        return of(result.table());
    }

    /**
     * The CSV lines of a table: the header first, then a line per row.
     *
     * @param table the table
     * @return the lines, without their ends
     */
    public static List<String> lines(ResultTable table) {
        return of(table).lines().toList();
    }
}
