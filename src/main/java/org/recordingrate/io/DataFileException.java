package org.recordingrate.io;

import org.recordingrate.internal.DecimalText;

/**
 * Bad data in an input file, located: the file, the line (1-based, the header being line 1), the
 * column and the offending value, in one line such as
 * {@code "cases.csv line 5, column audited: '20x' is not a whole number"}.
 *
 * <p>An {@link IllegalArgumentException}, so callers that catch bad input in general catch it too.
 */
public final class DataFileException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The file as the user named it. */
    private final String file;
    /** The 1-based line (header = 1), or 0 for the whole file. */
    private final long line;
    /** The column as the file spells it, or null for the row or the file as a whole. */
    private final String column;
    /** The offending value exactly as written, or null. */
    private final String value;

    /**
     * A located complaint; the message is built from the parts: {@code "<file> line <line>, column
     * <column>: '<value>' <reason>"}, leaving out the line when 0, the column and the value when null,
     * and showing control characters in the value as {@code \}{@code uXXXX}.
     *
     * @param file   the file as the user named it
     * @param line   the line, 1-based; 0 when the problem is the file as a whole
     * @param column the column, or null when the problem is the row or file as a whole
     * @param value  the offending value, or null
     * @param reason what is wrong, e.g. "is not a whole number"
     */
    public DataFileException(String file, long line, String column, String value, String reason) {
        super(describe(file, line, column, value, reason));
        this.file = file;
        this.line = line;
        this.column = column;
        this.value = value;
    }

    private static String describe(String file, long line, String column, String value, String reason) {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(" line ").append(line);
        }
        if (column != null) {
            text.append(", column ").append(column);
        }
        text.append(": ");
        if (value != null) {
            text.append('\'').append(DecimalText.printable(value)).append("' ");
        }
        return text.append(reason).toString();
    }

    /**
     * The file as the user named it.
     *
     * @return the file's name, {@code "-"} for standard input
     */
    public String file() {
        return file;
    }

    /**
     * The line of the problem.
     *
     * @return the 1-based line (header = 1, blank lines counted), or 0 for the whole file
     */
    public long line() {
        return line;
    }

    /**
     * The column of the problem.
     *
     * @return the column as the file's header spells it, or null when the problem is the row or the
     *         file as a whole
     */
    public String column() {
        return column;
    }

    /**
     * The offending value.
     *
     * @return the value exactly as written (not made printable), or null
     */
    public String value() {
        return value;
    }
}
