package org.recordingrate.io;

import java.util.List;

/**
 * The one set of rules every CSV file kind is read by (inspection, cases, figures, volumes, plan,
 * forces, audit and population files), in one place, with the one wording of each complaint. Both
 * implementations of the reader follow them: {@code CsvReader} (decoded text, commons-csv) and
 * the byte-level path of population files ({@code PopulationRecords}), which hands every record it
 * cannot read as plainly as {@code CsvReader} would to {@code CsvReader} itself.
 *
 * <ul>
 *   <li><b>Text</b>: UTF-8, strictly (a malformed byte sequence is an error at its line and
 *       column, never a replacement character); a byte-order mark at the start is dropped; a NUL
 *       character (U+0000) is an error (a UTF-16 file or a binary file, not text).</li>
 *   <li><b>Lines</b>: LF, CRLF or a lone CR; the last line needs no line break; empty lines are
 *       not records; line numbers count every line from 1, empty ones included, and a record is
 *       named by the line it starts on.</li>
 *   <li><b>Delimiter</b>: comma, semicolon or tab, whichever occurs most often outside double
 *       quotes in the first non-empty line (the header); a comma on a tie or when none occurs.</li>
 *   <li><b>Quotes</b> (RFC 4180): a double quote opens a quoted cell only at the start of a cell;
 *       inside, a doubled quote is a quote, and delimiters and line breaks are text; after the
 *       closing quote only spaces may come before the delimiter. An unclosed quote is an error at
 *       the line where it opened. No other character escapes anything (U+FFFE included).</li>
 *   <li><b>Size</b>: a record may be at most {@value #MAX_RECORD} characters (1 MiB), line breaks
 *       inside quotes included, so that a binary file, {@code /dev/zero} or a runaway quote is
 *       refused at the line where its record starts before it fills memory.</li>
 *   <li><b>Cells</b> are kept exactly as written (spaces included; quotes removed, doubled quotes
 *       made single); every record has as many cells as the header or is an error at its line,
 *       unless every cell is blank (a spreadsheet's empty row, {@code ;;;}): such rows are skipped
 *       and counted, never dropped unsaid.</li>
 * </ul>
 */
final class CsvRules {

    /** The longest record accepted, in characters: 1 MiB, far above any real row. */
    static final int MAX_RECORD = 1 << 20;

    /**
     * What U+FFFE becomes on its way through commons-csv, which takes U+FFFE for its "no
     * character" marker (a U+FFFE would escape a delimiter, or make its line a comment): U+0000,
     * which the rules refuse in input, so the two cannot be confused; {@link #restore} turns it back.
     */
    static final char FFFE_STAND_IN = '\u0000';

    private CsvRules() {
    }

    /**
     * The delimiter of a file whose first non-empty line is {@code headerLine}: comma, semicolon or
     * tab, the most frequent outside double quotes; a comma on a tie or when none occurs.
     */
    static char delimiter(CharSequence headerLine) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < headerLine.length(); i++) {
            char c = headerLine.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }

    /** The delimiter as a word for messages: comma, semicolon or tab. */
    static String delimiterName(char delimiter) {
        return delimiter == ',' ? "comma" : delimiter == ';' ? "semicolon" : "tab";
    }

    /** A cell as written: commons-csv's cell with the stand-in for U+FFFE turned back. */
    static String restore(String cell) {
        return cell.indexOf(FFFE_STAND_IN) < 0 ? cell : cell.replace(FFFE_STAND_IN, '\uFFFE');
    }

    /** Whether every cell is empty or white space (a row skipped and counted). */
    static boolean blank(List<String> cells) {
        for (String cell : cells) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** A file with no record at all. */
    static DataFileException empty(String file) {
        return new DataFileException(file, 0, null, null, "is empty: expected a header line");
    }

    /** A record longer than {@link #MAX_RECORD} characters, named by the line where it starts. */
    static DataFileException tooLong(String file, long line) {
        return new DataFileException(file, line, null, null, "starts a record longer than " + MAX_RECORD
                + " characters (1 MiB): not a CSV file's row (a binary file, or a quote never closed?)");
    }

    /** A quote still open at the end of the file, named by the line where it opened. */
    static DataFileException unclosedQuote(String file, long line) {
        return new DataFileException(file, line, null, null,
                "opens a quoted cell that is never closed (a \" without its closing \")");
    }

    /** Something other than spaces between a closing quote and the delimiter. */
    static DataFileException textAfterQuote(String file, long line) {
        return new DataFileException(file, line, null, null,
                "has text after a closing quote (\"): quote the whole cell and double any quote inside it");
    }

    /** Any other complaint of the CSV parser. */
    static DataFileException unreadable(String file, long line, char delimiter, String reason) {
        return new DataFileException(file, line, null, null, "cannot be read as " + delimiterName(delimiter)
                + "-delimited text: " + reason);
    }

    /** A record with another number of cells than the header. */
    static DataFileException cellCount(String file, long line, int cells, int header, char delimiter) {
        return new DataFileException(file, line, null, null, "has " + cells + (cells == 1 ? " cell" : " cells")
                + " but the header has " + header + " (" + delimiterName(delimiter)
                + "-delimited, as detected from the header)");
    }

    /**
     * A malformed UTF-8 sequence, at its line and column, showing the cell's text before it and
     * the bad bytes as {@code \xHH}.
     */
    static DataFileException notUtf8(String file, long line, Place place, byte[] bad) {
        StringBuilder shown = new StringBuilder(place.before());
        for (byte b : bad) {
            shown.append(String.format("\\x%02X", b & 0xFF));
        }
        boolean utf16 = line == 1 && place.cell() == 0 && place.before().isEmpty() && bad.length > 0
                && ((bad[0] & 0xFF) == 0xFF || (bad[0] & 0xFF) == 0xFE);
        return new DataFileException(file, line, place.column(), shown.toString(), "is not valid UTF-8: save the file as"
                + " UTF-8 (CSV UTF-8 in spreadsheets)" + (utf16 ? "; it looks like UTF-16" : ""));
    }

    /** A NUL character, at its line and column. */
    static DataFileException nul(String file, long line, Place place) {
        return new DataFileException(file, line, place.column(), place.before() + "\u0000", "holds a NUL character"
                + " (U+0000): not a text file (a UTF-16 file? save it as UTF-8)");
    }

    /**
     * Where in a record a character falls: the cell (from 0), that cell's text before the character,
     * and the column's name for messages (the header's name, or the cell's number in the header
     * itself or past the header's end).
     */
    record Place(int cell, String before, String column) {
    }

    /**
     * The place of the character that follows {@code record}, the text of a record read so far.
     *
     * @param record    the record's text before the character
     * @param delimiter the file's delimiter
     * @param header    the header's names, or empty while the header itself is being read
     */
    static Place place(CharSequence record, char delimiter, List<String> header) {
        int cell = 0;
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i < record.length(); i++) {
            char c = record.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                cell++;
                start = i + 1;
            }
        }
        String column = cell < header.size() && !header.get(cell).isBlank() ? header.get(cell).strip()
                : String.valueOf(cell + 1);
        String before = record.subSequence(start, record.length()).toString().replace(FFFE_STAND_IN, '\uFFFE');
        return new Place(cell, before, column);
    }
}
