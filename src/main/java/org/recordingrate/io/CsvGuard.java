package org.recordingrate.io;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;

/**
 * Stands between the decoded file and the CSV parser and keeps the parser out of trouble it
 * cannot report well: it follows the quoting (a {@code "} toggles it; a doubled quote toggles it
 * twice) to know on which line each record starts, refuses a record longer than
 * {@link #MAX_RECORD} characters (a binary file, {@code /dev/zero}, a runaway quote) before it
 * fills memory, names the line where an unclosed quote opened, and turns a malformed byte
 * sequence (not UTF-8) into an error naming its line. A byte-order mark at the start is dropped.
 *
 * <p>Line numbers count every line of the file from 1 (the header), blank lines included, as an
 * editor shows them.
 */
final class CsvGuard extends FilterReader {

    /** The longest record accepted, in characters: 1 MiB, far above any audit file's rows. */
    static final int MAX_RECORD = 1 << 20;

    private final String file;
    private final char delimiter;
    /** Whether the next character starts a field (only there does a quote open one). */
    private boolean fieldStart = true;
    /** Whether the previous character closed a quoted field (a quote right after it is an escaped quote). */
    private boolean justClosed;
    private long line = 1;
    private long recordStart = 1;
    private long recordLength;
    private boolean quoted;
    private long quoteOpened;
    private boolean atStart = true;
    /** Characters delivered so far (the byte-order mark excluded), as the parser counts positions. */
    private long position;
    /** The character positions at which records start, and their lines: for {@link #lineOf}. */
    private long[] startPositions = new long[1024];
    private long[] startLines = new long[1024];
    private boolean[] startBlank = new boolean[1024];
    private int starts = 1;

    CsvGuard(String file, Reader in, char delimiter) {
        super(in);
        this.file = file;
        this.delimiter = delimiter;
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0];
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n;
        try {
            n = super.read(buffer, offset, length);
        } catch (CharacterCodingException e) {
            throw new DataFileException(file, line, null, null,
                    "is not valid UTF-8 (save the file as UTF-8, with or without a byte-order mark)");
        }
        if (n < 0) {
            if (quoted) {
                throw new DataFileException(file, quoteOpened, null, null,
                        "opens a quoted field that is never closed (a \" without its closing \")");
            }
            return n;
        }
        if (atStart && n > 0) {
            atStart = false;
            if (buffer[offset] == '\uFEFF') {
                System.arraycopy(buffer, offset + 1, buffer, offset, n - 1);
                if (--n == 0) {
                    return read(buffer, offset, length);
                }
            }
        }
        for (int i = offset; i < offset + n; i++) {
            char c = buffer[i];
            if ((c == '\n' || c == '\r') && !quoted && recordLength == 0 && position == startPositions[starts - 1]) {
                startBlank[starts - 1] = true;
            }
            if (c == '"') {
                if (quoted) {
                    quoted = false;
                    justClosed = true;
                } else if (fieldStart || justClosed) {
                    // a field opens, or a doubled quote ("") continues the field it seemed to close
                    if (!justClosed) {
                        quoteOpened = line;
                    }
                    quoted = true;
                    justClosed = false;
                }
            } else {
                justClosed = false;
            }
            fieldStart = !quoted && (c == delimiter || c == '\n' || c == '\r');
            position++;
            if (c == '\n') {
                line++;
                if (!quoted) {
                    recordStart = line;
                    recordLength = 0;
                    remember(position, line);
                    continue;
                }
            }
            if (++recordLength > MAX_RECORD) {
                throw new DataFileException(file, recordStart, null, null, "is longer than " + MAX_RECORD
                        + " characters: not an audit file's row (is this a text CSV file?)");
            }
        }
        return n;
    }

    private void remember(long at, long lineNumber) {
        if (starts == startPositions.length) {
            startPositions = java.util.Arrays.copyOf(startPositions, 2 * starts);
            startLines = java.util.Arrays.copyOf(startLines, 2 * starts);
            startBlank = java.util.Arrays.copyOf(startBlank, 2 * starts);
        }
        startPositions[starts] = at;
        startLines[starts] = lineNumber;
        starts++;
    }

    /**
     * The line on which the record starting at character {@code position} begins (position 0 is
     * line 1; the header).
     */
    long lineOf(long characterPosition) {
        int found = java.util.Arrays.binarySearch(startPositions, 0, starts, characterPosition);
        int i = found >= 0 ? found : -found - 2;
        // the parser may place a record at the blank lines it skipped before it
        while (i + 1 < starts && startBlank[i]) {
            i++;
        }
        return i <= 0 ? 1 : startLines[i];
    }

    /** The line the record being read started on. */
    long recordStart() {
        return recordStart;
    }
}
