package org.recordingrate.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes UTF-8 strictly while keeping count of lines, for the record-level readers: a malformed
 * byte sequence stops the read with a {@link DataFileException} naming the line (and, once the header
 * is known, the column) where it occurs, instead of the replacement characters that a lenient decoder
 * would slip into a category name. A leading byte-order mark is dropped. It also remembers where each
 * line starts (as a count of the characters it has handed out), so that a parser's character position
 * of a record gives the record's first line, even for records that span lines.
 *
 * <p>Line breaks are LF, CRLF or a lone CR, as commons-csv counts them. Streaming: memory does not
 * grow with the file, apart from line starts not yet {@linkplain #lineAt passed}.
 */
final class LocatingUtf8Reader extends Reader {

    /** Longest header line accepted by {@link #firstLine()}: a guard against a file that is not text. */
    static final int MAX_HEADER = 1 << 20;

    /** The longest record accepted, in characters: 1 MiB, far above any audit file's rows (as CsvInput's). */
    static final int MAX_RECORD = 1 << 20;

    private final String file;
    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 13);
    private final CharBuffer chars = CharBuffer.allocate(1 << 13);
    /** Characters decoded by {@link #firstLine()} and not yet handed out. */
    private final StringBuilder lookahead = new StringBuilder();
    private int lookaheadAt;
    private boolean eof;
    private boolean flushed;
    private boolean started;
    /** The file's first line, once {@link #firstLine()} has found it (names columns before the header is parsed). */
    private String firstLine;
    private boolean lastWasCr;
    /** Characters decoded so far (handed out or not). */
    private long decoded;
    /** Positions (in characters) of line breaks not yet passed by {@link #lineAt}. */
    private long[] breaks = new long[64];
    private int head;
    private int tail;
    private long linesPassed;
    /** Lines completed so far while decoding, and the text of the line being decoded. */
    private long linesDecoded;
    private final StringBuilder currentLine = new StringBuilder();
    /** The quoting as {@link #track} follows it, and the length and first line of the record being read. */
    private boolean quoted;
    private boolean justClosed;
    private boolean cellStart = true;
    private long recordLength;
    private long recordLine = 1;
    private char delimiter = ',';
    private List<String> header = List.of();

    LocatingUtf8Reader(String file, InputStream in) {
        this.file = file;
        this.in = in;
        bytes.flip();
        chars.flip();
    }

    /** Once known, lets a decoding error name its column. */
    void describe(char delimiter, List<String> header) {
        this.delimiter = delimiter;
        this.header = List.copyOf(header);
    }

    /**
     * The first line (up to its first line break outside double quotes), without consuming it: the
     * characters are handed out again by {@link #read}. Empty for an empty file.
     *
     * @throws DataFileException if the line is longer than {@link #MAX_HEADER} characters
     */
    String firstLine() throws IOException {
        int end = lineEnd(lookahead);
        while (end < 0) {
            if (!decodeMore()) {
                return lookahead.toString();
            }
            lookahead.append(chars);
            chars.position(chars.limit());
            if (lookahead.length() > MAX_HEADER) {
                throw new DataFileException(file, 1, null, null, "has a first line longer than " + MAX_HEADER
                        + " characters: not a CSV file with a header");
            }
            end = lineEnd(lookahead);
        }
        firstLine = lookahead.substring(0, end);
        return firstLine;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (lookaheadAt < lookahead.length()) {
            int n = Math.min(length, lookahead.length() - lookaheadAt);
            lookahead.getChars(lookaheadAt, lookaheadAt + n, buffer, offset);
            lookaheadAt += n;
            return n;
        }
        if (!chars.hasRemaining() && !decodeMore()) {
            return -1;
        }
        int n = Math.min(length, chars.remaining());
        chars.get(buffer, offset, n);
        return n;
    }

    /**
     * The 1-based line on which the character at {@code position} (counted from the first character
     * handed out, after any byte-order mark) lies. Positions must not decrease from call to call.
     */
    long lineAt(long position) {
        while (head < tail && breaks[head] < position) {
            head++;
            linesPassed++;
        }
        return linesPassed + 1;
    }

    /** Decodes the next characters into {@link #chars}; false at the end of the input. */
    private boolean decodeMore() throws IOException {
        if (flushed) {
            return false;
        }
        chars.clear();
        while (true) {
            if (!bytes.hasRemaining() && !eof) {
                fill();
            }
            CoderResult result = decoder.decode(bytes, chars, eof);
            if (result.isError()) {
                chars.flip();
                track();
                throw malformed(result.length());
            }
            if (chars.position() > 0) {
                break;
            }
            if (eof && !bytes.hasRemaining()) {
                decoder.flush(chars);
                flushed = true;
                break;
            }
            if (result.isUnderflow()) {
                fill();
            }
        }
        chars.flip();
        if (!started && chars.hasRemaining()) {
            started = true;
            if (chars.get(chars.position()) == '\uFEFF') {
                chars.position(chars.position() + 1);
            }
        }
        track();
        return chars.hasRemaining();
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            eof = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    /**
     * Records the line breaks among the characters just decoded, and follows the quoting (a quote
     * opens a cell only at its start; inside, a quote closes it, and a quote right after reopens it:
     * a doubled quote) to refuse a record longer than {@link #MAX_RECORD} characters, a binary file
     * or a runaway quote, before it fills memory.
     */
    private void track() {
        for (int i = chars.position(); i < chars.limit(); i++) {
            char c = chars.get(i);
            long at = decoded + (i - chars.position());
            if (c == '"') {
                if (quoted) {
                    quoted = false;
                    justClosed = true;
                } else if (cellStart || justClosed) {
                    quoted = true;
                    justClosed = false;
                }
            } else {
                justClosed = false;
            }
            if (c == '\r' || (c == '\n' && !lastWasCr)) {
                if (tail == breaks.length) {
                    // shift out the passed breaks when they are at least half the array, else grow:
                    // either way appends stay amortised O(1)
                    if (head >= breaks.length / 2) {
                        System.arraycopy(breaks, head, breaks, 0, tail - head);
                        tail -= head;
                        head = 0;
                    } else {
                        breaks = Arrays.copyOf(breaks, breaks.length * 2);
                    }
                }
                breaks[tail++] = at;
                linesDecoded++;
                currentLine.setLength(0);
            } else if (c != '\n') {
                currentLine.append(c);
            }
            lastWasCr = c == '\r';
            boolean lineBreak = c == '\r' || c == '\n';
            cellStart = !quoted && (lineBreak || c == ',' || c == ';' || c == '\t');
            if (lineBreak && !quoted) {
                recordLength = 0;
                recordLine = linesDecoded + 1;
            } else if (++recordLength > MAX_RECORD) {
                throw new DataFileException(file, recordLine, null, null, "starts a row longer than " + MAX_RECORD
                        + " characters: not an audit file's row (a binary file, or a quote never closed?)");
            }
        }
        decoded += chars.remaining();
    }

    /** The located error for {@code length} malformed bytes at the buffer's position. */
    private DataFileException malformed(int length) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < length; i++) {
            shown.append(String.format("\\x%02X", bytes.get(bytes.position() + i) & 0xFF));
        }
        long line = linesDecoded + 1;
        if (firstLine == null && header.isEmpty()) {
            // the error came while looking for the header line: find it in what was decoded before
            String before = lookahead.toString() + chars;
            int end = lineEnd(before);
            firstLine = end < 0 ? null : before.substring(0, end);
        }
        String text = currentLine.toString().replace("\uFEFF", "");
        int field = 0;
        int fieldStart = 0;
        boolean quoted = false;
        char separator = header.isEmpty() && firstLine != null ? DelimitedInput.delimiter(firstLine) : delimiter;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                field++;
                fieldStart = i + 1;
            }
        }
        List<String> names = header.isEmpty() && firstLine != null ? headerOf(firstLine) : header;
        String column = line > 1 && field < names.size() ? names.get(field) : null;
        return new DataFileException(file, line, column, text.substring(fieldStart).strip() + shown,
                "is not valid UTF-8: save the file as UTF-8 (CSV UTF-8 in spreadsheets)");
    }

    /** Where the first line break outside double quotes is, or -1. */
    private static int lineEnd(CharSequence text) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                return i;
            }
        }
        return -1;
    }

    /** The header's names split from its line (quotes removed), for an error met before the parser read it. */
    private static List<String> headerOf(String line) {
        char separator = DelimitedInput.delimiter(line);
        List<String> names = new java.util.ArrayList<>();
        StringBuilder name = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                names.add(name.toString().strip());
                name.setLength(0);
            } else {
                name.append(c);
            }
        }
        names.add(name.toString().replace("\uFEFF", "").strip());
        if (!names.isEmpty()) {
            names.set(0, names.get(0).replace("\uFEFF", "").strip());
        }
        return names;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
