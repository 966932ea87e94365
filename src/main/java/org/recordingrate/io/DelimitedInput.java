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
 * A delimited text file as spreadsheets export it, read one row at a time (commons-csv does the
 * parsing): UTF-8 with or without a byte-order mark, strictly decoded ({@link LocatingUtf8Reader});
 * LF, CRLF or CR line breaks; quoted cells (with delimiters, quotes doubled, line breaks inside);
 * cells trimmed. The delimiter is detected from the header line: whichever of comma, semicolon
 * (spreadsheets in locales with a decimal comma) and tab occurs most often outside quotes, a comma
 * when none does.
 *
 * <p>Every row is either returned or an error: a row with more or fewer cells than the header, an
 * unclosed quote, text after a closing quote and invalid UTF-8 each stop the read with a
 * {@link DataFileException} naming the line. Empty lines, and rows whose every cell is blank (a
 * spreadsheet's formatted but empty rows, {@code ;;;}), are skipped and counted
 * ({@link #blankRows()}). A row's line is the line it starts on (header = line 1).
 *
 * <p>The record-level readers' own input: {@code CsvInput} reads aggregated files.
 */
final class DelimitedInput implements Closeable {

    /** A data row: the line it starts on and its cells, trimmed, in header order. */
    record Row(long line, List<String> cells) {
    }

    private static final Pattern PARSER_LINE = Pattern.compile("\\((?:start)?line (\\d+)\\)\\s*(.*)");

    private final String name;
    private final LocatingUtf8Reader reader;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final char delimiter;
    private final List<String> header;
    private final long headerLine;
    private long blankRows;
    private long lastLine;

    private DelimitedInput(String name, InputStream in) throws IOException {
        this.name = name;
        this.reader = new LocatingUtf8Reader(name, in);
        String first = reader.firstLine();
        this.delimiter = delimiter(first);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreSurroundingSpaces(true)
                .setTrim(true).build();
        this.parser = format.parse(reader);
        this.records = parser.iterator();
        CSVRecord headerRecord = nextRecord();
        if (headerRecord == null) {
            throw new DataFileException(name, 0, null, null, "is empty: expected a header line");
        }
        this.headerLine = reader.lineAt(headerRecord.getCharacterPosition());
        this.header = List.copyOf(headerRecord.toList());
        reader.describe(delimiter, header);
        this.lastLine = headerLine;
    }

    /**
     * Opens a file; {@code "-"} reads standard input. The header is read at once.
     *
     * @throws DataFileException if the file does not exist, cannot be read, is empty or its first
     *                           line is not valid UTF-8
     */
    static DelimitedInput open(Path file) {
        String name = file.toString();
        if (!name.equals("-") && Files.isDirectory(file)) {
            throw new DataFileException(name, 0, null, null, "is a folder, not a file");
        }
        try {
            InputStream in = name.equals("-") ? System.in : Files.newInputStream(file);
            return open(name, in);
        } catch (NoSuchFileException e) {
            throw new DataFileException(name, 0, null, null, "does not exist");
        } catch (AccessDeniedException e) {
            throw new DataFileException(name, 0, null, null, "cannot be read (permission denied)");
        } catch (IOException e) {
            throw new DataFileException(name, 0, null, null, "cannot be read: " + e.getMessage());
        }
    }

    /**
     * Reads from a stream (closed with this input); {@code name} is used in messages.
     *
     * @throws DataFileException as {@link #open(Path)}
     */
    static DelimitedInput open(String name, InputStream in) {
        try {
            return new DelimitedInput(name, in);
        } catch (IOException e) {
            closeQuietly(in);
            throw new DataFileException(name, 0, null, null, "cannot be read: " + e.getMessage());
        } catch (RuntimeException e) {
            closeQuietly(in);
            throw e;
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the error being reported matters more
        }
    }

    /** Standard input read whole, so that it can be opened more than once (kind, then contents). */
    static byte[] readStandardInput() {
        try {
            return System.in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("standard input: " + e.getMessage(), e);
        }
    }

    /** Opens bytes already read. */
    static DelimitedInput open(String name, byte[] content) {
        return open(name, new ByteArrayInputStream(content));
    }

    /** Comma, semicolon or tab: the most frequent outside quotes in the header line (comma on ties). */
    static char delimiter(String headerLine) {
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

    /** The file name as given. */
    String name() {
        return name;
    }

    /** The delimiter detected. */
    char delimiter() {
        return delimiter;
    }

    /** The delimiter as a word for messages. */
    String delimiterName() {
        return delimiter == ',' ? "comma" : delimiter == ';' ? "semicolon" : "tab";
    }

    /** The header's cells, trimmed, as written. */
    List<String> header() {
        return header;
    }

    /** The header's line (1 unless empty lines precede it). */
    long headerLine() {
        return headerLine;
    }

    /** The last line read so far (the header's before any row). */
    long lastLine() {
        return lastLine;
    }

    /** Rows skipped because every cell was blank (empty lines are not counted). */
    long blankRows() {
        return blankRows;
    }

    /**
     * The next row, or null at the end.
     *
     * @throws DataFileException for a row with a different number of cells than the header, an
     *                           unclosed quote, text after a closing quote, or invalid UTF-8
     */
    Row next() {
        while (true) {
            CSVRecord record = nextRecord();
            if (record == null) {
                return null;
            }
            long line = reader.lineAt(record.getCharacterPosition());
            lastLine = line;
            List<String> cells = record.toList();
            if (cells.stream().allMatch(String::isBlank)) {
                blankRows++;
                continue;
            }
            if (cells.size() != header.size()) {
                throw new DataFileException(name, line, null, null, "has " + cells.size()
                        + (cells.size() == 1 ? " cell" : " cells") + " but the header has " + header.size()
                        + " (" + delimiterName() + "-delimited, as detected from the header)");
            }
            return new Row(line, cells);
        }
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
        if (cause instanceof DataFileException located) {
            return located;
        }
        String message = String.valueOf(cause.getMessage());
        Matcher m = PARSER_LINE.matcher(message);
        long line = lastLine + 1;
        String what = message;
        if (m.find()) {
            line = Long.parseLong(m.group(1));
            what = m.group(2);
        }
        String reason;
        String lower = what.toLowerCase(Locale.ROOT);
        if (lower.contains("eof reached before encapsulated token finished")) {
            reason = "has a quote (\") that is never closed: the cell runs to the end of the file";
        } else if (lower.contains("invalid char between encapsulated token and delimiter")) {
            reason = "has text after a closing quote (\"): quote the whole cell and double any quote inside it";
        } else {
            reason = "cannot be read as " + delimiterName() + "-delimited text: " + what;
        }
        return new DataFileException(name, line, null, null, reason);
    }

    /** The cells of a row as a list of columns for messages: {@code "id,category,recorded"}. */
    String headerText() {
        return String.join(String.valueOf(delimiter), header);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + e.getMessage(), e);
        }
    }

    /** Collects the remaining rows (for small files such as volumes). */
    List<Row> rest() {
        List<Row> rows = new ArrayList<>();
        for (Row row = next(); row != null; row = next()) {
            rows.add(row);
        }
        return rows;
    }
}
