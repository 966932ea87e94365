package org.recordingrate.io;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The one CSV reader: a file of any kind read one record at a time under {@link CsvRules}, with
 * commons-csv doing the parsing over {@link CsvText} (strict UTF-8, located complaints, the size
 * limit). The header is read when the file is opened; {@link #next()} gives each data row with its
 * line and its cells exactly as written, skips (and counts) rows whose every cell is blank, and
 * refuses a row with another number of cells than the header. Every complaint is a
 * {@link DataFileException} naming the file and line (and the column, where there is one).
 *
 * <p>Standard input ({@code "-"}) is read like a file and never closed.
 */
final class CsvReader implements Closeable {

    /** A data row: the line it starts on (header = line 1) and its cells, as written, in header order. */
    record Row(long line, List<String> cells) {
    }

    private static final Pattern PARSER_LINE = Pattern.compile("\\((?:start)?line (\\d+)\\)\\s*(.*)");

    private final String name;
    private final CsvText text;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final char delimiter;
    private final List<String> header;
    private final long headerLine;
    /** The first line's number (1 for a whole file): the parser counts from 1 within what it is given. */
    private final long firstLine;
    private long rows;
    private long blankRows;
    private long lastLine;

    private CsvReader(String name, CsvText text, long firstLine, char delimiter, List<String> header)
            throws IOException {
        this.name = name;
        this.text = text;
        this.firstLine = firstLine;
        this.delimiter = delimiter;
        text.describe(delimiter, header == null ? List.of() : header);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreSurroundingSpaces(false)
                .setTrim(false).build();
        this.parser = format.parse(text);
        this.records = parser.iterator();
        if (header == null) {
            CSVRecord headerRecord = nextRecord();
            if (headerRecord == null) {
                DataFileException complaint = text.complaint();
                throw complaint != null ? complaint : CsvRules.empty(name);
            }
            DataFileException cut = text.complaintIn(headerRecord.getCharacterPosition());
            if (cut != null) {
                throw cut;
            }
            this.headerLine = text.lineAt(headerRecord.getCharacterPosition());
            this.header = cells(headerRecord);
            text.describe(delimiter, this.header);
        } else {
            this.headerLine = firstLine - 1;
            this.header = header;
        }
        this.lastLine = headerLine;
    }

    /**
     * Opens a file and reads its header; {@code "-"} reads standard input (which is not closed).
     *
     * @throws DataFileException if the file does not exist, is a folder, cannot be read, is empty,
     *                           or its header breaks a rule
     */
    static CsvReader open(Path file) {
        String name = file.toString();
        if (name.equals("-")) {
            return open(name, System.in, false);
        }
        if (Files.isDirectory(file)) {
            throw new DataFileException(name, 0, null, null, "is a folder, not a file");
        }
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new DataFileException(name, 0, null, null, "does not exist");
        } catch (AccessDeniedException e) {
            throw new DataFileException(name, 0, null, null, "cannot be read (permission denied)");
        } catch (IOException e) {
            throw new DataFileException(name, 0, null, null, "cannot be read: " + e.getMessage());
        }
        return open(name, in, true);
    }

    /**
     * Reads the header from a stream; {@code name} is used in messages.
     *
     * @param owned whether {@link #close()} closes {@code in} (never for standard input or a caller's stream)
     * @throws DataFileException as {@link #open(Path)}
     */
    static CsvReader open(String name, InputStream in, boolean owned) {
        CsvText text = new CsvText(name, in, owned, 1, true);
        try {
            return new CsvReader(name, text, 1, CsvRules.delimiter(text.firstLine()), null);
        } catch (IOException e) {
            closeQuietly(text);
            throw new DataFileException(name, 0, null, null, "cannot be read: " + e.getMessage());
        } catch (RuntimeException e) {
            closeQuietly(text);
            throw e;
        }
    }

    /**
     * A reader of records that follow a header already read: bytes [from, to) of {@code bytes}
     * start at line {@code firstLine} of the file {@code name}, delimited by {@code delimiter},
     * under {@code header}. What the byte-level path of population files hands over when a record
     * is not plain (quotes, bytes beyond ASCII that are not UTF-8, a NUL, a record over the size
     * limit), so that it is read, or refused, exactly as in any other file.
     */
    static CsvReader records(String name, byte[] bytes, int from, int to, long firstLine, char delimiter,
                             List<String> header) {
        CsvText text = new CsvText(name, new ByteArrayInputStream(bytes, from, to - from), true, firstLine, false);
        try {
            return new CsvReader(name, text, firstLine, delimiter, List.copyOf(header));
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(CsvText text) {
        try {
            text.close();
        } catch (IOException ignored) {
            // the error being reported matters more
        }
    }

    /** The file name as given ({@code "-"} for standard input). */
    String name() {
        return name;
    }

    /** The delimiter detected from the header line. */
    char delimiter() {
        return delimiter;
    }

    /** The delimiter as a word for messages. */
    String delimiterName() {
        return CsvRules.delimiterName(delimiter);
    }

    /** The header's cells, as written. */
    List<String> header() {
        return header;
    }

    /** The header's line (1 unless empty lines precede it). */
    long headerLine() {
        return headerLine;
    }

    /** The last line a row was read from so far (the header's before any row). */
    long lastLine() {
        return lastLine;
    }

    /** Data rows returned so far. */
    long rows() {
        return rows;
    }

    /** Rows skipped so far because every cell was blank (empty lines are not rows). */
    long blankRows() {
        return blankRows;
    }

    /** The header as one line for messages: {@code "id,category,recorded"}. */
    String headerText() {
        return String.join(String.valueOf(delimiter), header);
    }

    /**
     * The next data row, or null at the end.
     *
     * @throws DataFileException for a row with a different number of cells than the header, or a
     *                           record that breaks a rule of {@link CsvRules}
     */
    Row next() {
        while (true) {
            CSVRecord record = nextRecord();
            if (record == null) {
                DataFileException complaint = text.complaint();
                if (complaint != null) {
                    throw complaint;
                }
                return null;
            }
            // a record the text ended inside (at a complaint) is cut short: the complaint stands in its place
            DataFileException cut = text.complaintIn(record.getCharacterPosition());
            if (cut != null) {
                throw cut;
            }
            long line = text.lineAt(record.getCharacterPosition());
            lastLine = line;
            List<String> cells = cells(record);
            if (CsvRules.blank(cells)) {
                blankRows++;
                continue;
            }
            if (cells.size() != header.size()) {
                throw CsvRules.cellCount(name, line, cells.size(), header.size(), delimiter);
            }
            rows++;
            return new Row(line, cells);
        }
    }

    /** The remaining rows, collected (for small files). */
    List<Row> rest() {
        List<Row> rest = new ArrayList<>();
        for (Row row = next(); row != null; row = next()) {
            rest.add(row);
        }
        return rest;
    }

    private static List<String> cells(CSVRecord record) {
        List<String> cells = new ArrayList<>(record.size());
        for (String cell : record) {
            cells.add(CsvRules.restore(cell));
        }
        return List.copyOf(cells);
    }

    /** The parser's next record, its complaints turned into located errors. */
    private CSVRecord nextRecord() {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException | IllegalStateException e) {
            throw parserError(e);
        }
    }

    private DataFileException parserError(RuntimeException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        while (cause.getCause() != null && !(cause instanceof DataFileException)) {
            cause = cause.getCause();
        }
        if (cause instanceof DataFileException located) {
            return located;
        }
        String message = String.valueOf(cause.getMessage());
        DataFileException complaint = text.complaint();
        if (complaint != null && message.contains("EOF reached before encapsulated token finished")) {
            // the text ended at the complaint inside a quoted cell
            return complaint;
        }
        Matcher m = PARSER_LINE.matcher(message);
        long line = lastLine + 1;
        String what = message;
        if (m.find()) {
            line = firstLine - 1 + Long.parseLong(m.group(1));
            what = m.group(2);
        }
        if (what.toLowerCase(Locale.ROOT).contains("invalid char between encapsulated token and delimiter")) {
            return CsvRules.textAfterQuote(name, line);
        }
        return CsvRules.unreadable(name, line, delimiter, what);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + e.getMessage(), e);
        }
    }
}
