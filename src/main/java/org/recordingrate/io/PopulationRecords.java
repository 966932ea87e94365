package org.recordingrate.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * The byte-level path of the one reader, for population files: the same rules ({@link CsvRules})
 * and the same errors as {@link CsvReader}, at the speed of bytes. The header is read by
 * {@code CsvReader} itself (so the delimiter, the header's cells and its line are its own); each
 * data record found plain by {@link PopulationLines} is split on its delimiters in place, and every
 * other record (a quote, a NUL, bytes beyond ASCII that are not UTF-8, a record over the size
 * limit) is handed as bytes to {@code CsvReader}, which reads or refuses it as in any other file.
 * Rows whose every cell is blank are skipped and counted, as {@code CsvReader} does.
 */
final class PopulationRecords implements AutoCloseable {

    private final String name;
    final PopulationLines lines;
    private final List<String> header;
    private final char delimiter;
    private final long headerLine;
    /** The line where the current record starts. */
    long start;
    /** The current record's cells when it was not plain (read by CsvReader), or null for a plain record. */
    PopulationCells cells;
    /** The record id found by {@link #recordId}: bytes [idStart, idEnd) of {@link #idBytes()}. */
    int idStart;
    int idEnd;
    private byte[] idText;
    /** The bytes of a quoted cell being split. */
    private final ByteArrayOutputStream scratch = new ByteArrayOutputStream();
    private long rows;
    private long blankRows;

    private PopulationRecords(String name, PopulationLines lines, List<String> header, char delimiter,
                              long headerLine) {
        this.name = name;
        this.lines = lines;
        this.header = header;
        this.delimiter = delimiter;
        this.headerLine = headerLine;
    }

    /**
     * Opens a file and reads its header.
     *
     * @param digest updated with every byte of the file, or null
     * @throws DataFileException for an empty file, or a header that breaks a rule of the reader
     */
    static PopulationRecords open(String name, Path file, MessageDigest digest) throws IOException {
        List<String> header;
        char delimiter;
        long headerLine;
        try (CsvReader reader = CsvReader.open(file)) {
            header = reader.header();
            delimiter = reader.delimiter();
            headerLine = reader.headerLine();
        }
        PopulationLines lines = PopulationLines.open(file, digest);
        try {
            lines.delimiter(delimiter);
            if (!lines.next() || lines.line() != headerLine) {
                throw new IllegalStateException(name + ": the header was read on line " + headerLine
                        + " but its bytes were found on line " + lines.line());
            }
            return new PopulationRecords(name, lines, header, delimiter, headerLine);
        } catch (IOException | RuntimeException e) {
            lines.close();
            throw e;
        }
    }

    /** The header's cells, as written. */
    List<String> header() {
        return header;
    }

    /** The header's line. */
    long headerLine() {
        return headerLine;
    }

    /** The delimiter, as detected from the header. */
    char delimiter() {
        return delimiter;
    }

    /** Data rows read so far. */
    long rows() {
        return rows;
    }

    /** Rows skipped so far because every cell was blank. */
    long blankRows() {
        return blankRows;
    }

    /**
     * Moves to the next data row, skipping (and counting) rows whose every cell is blank.
     *
     * @return false at the end of the file
     * @throws DataFileException for a row with a different number of cells than the header, or a
     *                           record that breaks a rule of the reader, as {@link CsvReader#next()}
     */
    boolean next() throws IOException {
        while (lines.next()) {
            if (lines.plain()) {
                if (blankPlain()) {
                    blankRows++;
                    continue;
                }
                int size = lines.delimiters() + 1;
                if (size != header.size()) {
                    throw CsvRules.cellCount(name, lines.line(), size, header.size(), delimiter);
                }
                cells = null;
                start = lines.line();
                rows++;
                return true;
            }
            List<String> split = lines.quotedRecord() ? splitQuoted() : null;
            if (split != null) {
                // a quoted record split by the rules in place: the same cells as CsvReader's, and the same checks
                if (CsvRules.blank(split)) {
                    blankRows++;
                    continue;
                }
                if (split.size() != header.size()) {
                    throw CsvRules.cellCount(name, lines.line(), split.size(), header.size(), delimiter);
                }
                cells = PopulationCells.of(split);
                start = lines.line();
                rows++;
                return true;
            }
            try (CsvReader one = CsvReader.records(name, lines.bytes(), lines.start(), lines.end(), lines.line(),
                    delimiter, header)) {
                CsvReader.Row row = one.next();
                if (row == null) {
                    if (one.blankRows() != 1) {
                        throw disagree();
                    }
                    blankRows++;
                    continue;
                }
                if (row.line() != lines.line() || one.next() != null) {
                    throw disagree();
                }
                cells = PopulationCells.of(row.cells());
                start = row.line();
                rows++;
                return true;
            }
        }
        return false;
    }

    /**
     * The cells of a quoted record (all quotes closed, no NUL, within the limit), split on its bytes
     * by the quoting rules of {@link CsvRules} (RFC 4180 as commons-csv reads it: a quote opens a
     * cell only at its start, a doubled quote inside is a quote, spaces may follow the closing
     * quote), or null when it is not valid UTF-8 or something other than ASCII spaces follows a
     * closing quote: then {@link CsvReader} reads it, and says what is wrong.
     */
    private List<String> splitQuoted() {
        byte[] b = lines.bytes();
        int i = lines.start();
        int end = lines.end();
        if (lines.nonAscii() && PopulationLines.malformedAt(b, i, end) >= 0) {
            return null;
        }
        byte d = (byte) delimiter;
        List<String> split = new ArrayList<>(header.size());
        while (true) {
            String cell;
            if (i < end && b[i] == '"') {
                scratch.reset();
                int from = ++i;
                while (true) {
                    if (i >= end) {
                        return null;
                    }
                    if (b[i] == '"') {
                        scratch.write(b, from, i - from);
                        if (i + 1 < end && b[i + 1] == '"') {
                            // a doubled quote: one quote, and the cell goes on
                            from = i + 1;
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    i++;
                }
                cell = scratch.toString(StandardCharsets.UTF_8);
                while (i < end && b[i] != d && isAsciiWhitespace(b[i])) {
                    i++;
                }
                if (i < end && b[i] != d) {
                    return null;
                }
            } else {
                int from = i;
                while (i < end && b[i] != d) {
                    i++;
                }
                cell = new String(b, from, i - from, StandardCharsets.UTF_8);
            }
            split.add(cell);
            if (i >= end) {
                return split;
            }
            i++;
        }
    }

    private IllegalStateException disagree() {
        return new IllegalStateException(name + " line " + lines.line() + ": the byte-level reader found a record"
                + " where CsvReader found none or several");
    }

    /** Whether a plain record's cells are all blank (empty or white space, as {@link String#isBlank()}). */
    private boolean blankPlain() {
        byte[] b = lines.bytes();
        byte d = (byte) delimiter;
        for (int i = lines.start(); i < lines.end(); i++) {
            byte c = b[i];
            if (c == d || isAsciiWhitespace(c)) {
                continue;
            }
            if (c >= 0) {
                return false;
            }
            // white space beyond ASCII (U+2003, say): as text
            String text = new String(b, lines.start(), lines.end() - lines.start(), StandardCharsets.UTF_8);
            return text.replace(delimiter, ' ').isBlank();
        }
        return true;
    }

    /** The number of cells of the current row. */
    int size() {
        return cells != null ? cells.size() : lines.delimiters() + 1;
    }

    /** Where cell i of a plain row starts, in {@link PopulationLines#bytes()}. */
    int cellStart(int i) {
        return i == 0 ? lines.start() : lines.delimiter(i - 1) + 1;
    }

    /** Where cell i of a plain row ends. */
    int cellEnd(int i) {
        return i == lines.delimiters() ? lines.end() : lines.delimiter(i);
    }

    /** Cell i as written. */
    String cell(int i) {
        if (cells != null) {
            return cells.get(i);
        }
        int from = cellStart(i);
        return new String(lines.bytes(), from, cellEnd(i) - from, StandardCharsets.UTF_8);
    }

    /**
     * Finds the record id in cell i without its surrounding white space (as
     * {@link String#strip()}): in place for an ASCII cell of a plain row, else from its text.
     *
     * @return false if it is blank
     */
    boolean recordId(int i) {
        if (cells == null) {
            byte[] b = lines.bytes();
            int from = cellStart(i);
            int to = cellEnd(i);
            idText = null;
            if (!lines.nonAscii() || ascii(b, from, to)) {
                while (from < to && isAsciiWhitespace(b[from])) {
                    from++;
                }
                while (to > from && isAsciiWhitespace(b[to - 1])) {
                    to--;
                }
            } else {
                // white space beyond ASCII (U+2003, say): strip the text, then find its bytes in the
                // cell (what strip() removes is whole characters at either end, so a prefix of them)
                String cell = new String(b, from, to - from, StandardCharsets.UTF_8);
                String id = cell.strip();
                if (id.isEmpty()) {
                    to = from;
                } else {
                    from += cell.substring(0, cell.indexOf(id)).getBytes(StandardCharsets.UTF_8).length;
                    to = from + id.getBytes(StandardCharsets.UTF_8).length;
                }
            }
            idStart = from;
            idEnd = to;
            return from < to;
        }
        idText = cell(i).strip().getBytes(StandardCharsets.UTF_8);
        idStart = 0;
        idEnd = idText.length;
        return idEnd > 0;
    }

    /** The bytes holding the record id found by {@link #recordId}. */
    byte[] idBytes() {
        return idText != null ? idText : lines.bytes();
    }

    /** The bytes a plain row takes in {@link #idBytes()}'s buffer, or its id's for another row (what a batch keeps). */
    int keptBytes() {
        return cells == null ? lines.end() - lines.start() : idEnd - idStart;
    }

    /** Whether an ASCII byte is white space to {@link String#strip()} ({@link Character#isWhitespace}). */
    static boolean isAsciiWhitespace(byte b) {
        return b == ' ' || (b >= 0x09 && b <= 0x0d) || (b >= 0x1c && b <= 0x1f);
    }

    private static boolean ascii(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
