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
import java.util.function.Supplier;

/**
 * The text of a CSV file as {@link CsvReader} hands it to commons-csv, held to {@link CsvRules}:
 * UTF-8 decoded strictly, a leading byte-order mark dropped, U+FFFE passed as its stand-in, and
 * every character followed on its way out (lines, the quoting, where each record starts and how
 * long it is), so that a complaint names its line and column and a record's position from the
 * parser gives the line it starts on.
 *
 * <p>Every complaint (a malformed byte sequence, a NUL, a record over {@value CsvRules#MAX_RECORD}
 * characters, a quote never closed) is raised only once every character before it has been
 * handed out, so that errors come in file order: a bad record earlier in the file is reported
 * before bad bytes later on. Streaming: memory holds a buffer, the current record's text (at most
 * {@value CsvRules#MAX_RECORD} characters) and the starts of records the parser has read ahead.
 * The input stream is closed by {@link #close()} only when this reader owns it (never standard input).
 */
final class CsvText extends Reader {

    private final String file;
    private final InputStream in;
    private final boolean owned;
    private final boolean dropBom;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 13);
    /** Decoded characters: [pos, limit) not yet handed out. */
    private char[] buf = new char[1 << 13];
    private int pos;
    private int limit;
    private boolean eof;
    private boolean flushed;
    private boolean started;
    /** The bytes of a malformed sequence the decoder met. */
    private byte[] malformed;
    /**
     * The first complaint met (its message made when asked, once the header is known): the text
     * ends there, as far as the parser can tell, and {@link CsvReader} raises it in its place.
     */
    private Supplier<DataFileException> complaint;
    /** Where the record holding the complaint starts, or -1 when the complaint comes before any of its characters. */
    private long complaintRecord = -1;
    /** Where the record being handed out started. */
    private long recordStart;

    private char delimiter = ',';
    private List<String> header = List.of();

    /** The line of the next character handed out. */
    private long line;
    private boolean lastWasCr;
    private boolean quoted;
    private boolean justClosed;
    private boolean cellStart = true;
    private boolean atRecordStart = true;
    private long quoteOpened;
    private long recordLine;
    private long recordLength;
    /** Where in {@link #buf} the record being handed out starts (kept there until it ends, for messages), or -1. */
    private int recordFrom = -1;
    /** Characters handed out so far. */
    private long delivered;
    /** Positions and lines of record starts the parser has not yet passed (see {@link #lineAt}). */
    private long[] starts = new long[64];
    private long[] startLines = new long[64];
    private int head;
    private int tail;

    /**
     * @param file      the name for messages
     * @param in        the bytes
     * @param owned     whether {@link #close()} closes {@code in}
     * @param firstLine the number of the first line (1 for a whole file)
     * @param dropBom   whether a byte-order mark at the start is dropped (a whole file) or kept (a record)
     */
    CsvText(String file, InputStream in, boolean owned, long firstLine, boolean dropBom) {
        this.file = file;
        this.in = in;
        this.owned = owned;
        this.line = firstLine;
        this.recordLine = firstLine;
        this.dropBom = dropBom;
        bytes.flip();
    }

    /** Sets the delimiter (before the first character is handed out) and, once read, the header's names. */
    void describe(char delimiter, List<String> header) {
        this.delimiter = delimiter;
        this.header = List.copyOf(header);
    }

    /**
     * The first non-empty line (up to a line break outside double quotes), without handing it out:
     * what the delimiter is detected from. Empty for an empty file; what could be decoded when a
     * malformed sequence or the size limit comes first (the read raises those, in place).
     */
    String firstLine() throws IOException {
        if (pos == limit) {
            decodeMore();
        }
        // offsets from pos, which decoding more may move
        int skip = 0;
        while (true) {
            while (pos + skip < limit && (buf[pos + skip] == '\n' || buf[pos + skip] == '\r')) {
                skip++;
            }
            boolean open = false;
            for (int i = pos + skip; i < limit; i++) {
                char c = buf[i];
                if (c == '"') {
                    open = !open;
                } else if (!open && (c == '\n' || c == '\r')) {
                    return new String(buf, pos + skip, i - pos - skip);
                }
            }
            if (limit - pos - skip > CsvRules.MAX_RECORD || !decodeMore()) {
                return new String(buf, pos + skip, limit - pos - skip);
            }
        }
    }

    /**
     * Hands out characters up to the first complaint (a malformed sequence, a NUL, a record over
     * the size limit, a quote open at the end), where the text ends as far as the parser can tell:
     * so every record before it is parsed and checked first, in file order, and {@link CsvReader}
     * raises the complaint ({@link #complaint()}) where the parser meets that end.
     */
    @Override
    public int read(char[] out, int offset, int length) throws IOException {
        if (complaint != null || length == 0) {
            return complaint != null ? -1 : 0;
        }
        int n = 0;
        while (n < length) {
            if (pos == limit) {
                if (n > 0) {
                    break;
                }
                if (!decodeMore()) {
                    if (malformed != null) {
                        byte[] bad = malformed;
                        complain(() -> CsvRules.notUtf8(file, line, place(), bad));
                    } else if (quoted) {
                        long opened = quoteOpened;
                        complain(() -> CsvRules.unclosedQuote(file, opened));
                    }
                    return -1;
                }
                continue;
            }
            if (!atRecordStart) {
                // a run of characters that mean nothing to CSV, inside a record: handed out at once
                int stop = Math.min(limit, pos + length - n);
                int i = pos;
                char d = delimiter;
                while (i < stop) {
                    char c = buf[i];
                    if (c == d || c == '\uFFFE' || c <= '"' && (c == '"' || c == '\n' || c == '\r' || c == '\u0000')) {
                        break;
                    }
                    i++;
                }
                int run = (int) Math.min(i - pos, CsvRules.MAX_RECORD - recordLength);
                if (run > 0) {
                    System.arraycopy(buf, pos, out, offset + n, run);
                    n += run;
                    pos += run;
                    recordLength += run;
                    delivered += run;
                    justClosed = false;
                    cellStart = false;
                    lastWasCr = false;
                    continue;
                }
            }
            char c = buf[pos];
            Supplier<DataFileException> found = c == '\u0000' ? () -> CsvRules.nul(file, line, place()) : follow(c);
            if (found != null) {
                complain(found);
                break;
            }
            out[offset + n++] = c == '\uFFFE' ? CsvRules.FFFE_STAND_IN : c;
            pos++;
        }
        return n == 0 ? -1 : n;
    }

    private void complain(Supplier<DataFileException> found) {
        complaint = found;
        complaintRecord = atRecordStart ? -1 : recordStart;
    }

    /** The complaint at which the text ended, or null when it ended at the end of the input. */
    DataFileException complaint() {
        return complaint == null ? null : complaint.get();
    }

    /**
     * The complaint, if it lies in the record the parser places at {@code position} (a record the
     * text ended inside: the parser's record is cut short there and must not be used).
     */
    DataFileException complaintIn(long position) {
        return complaint != null && complaintRecord >= 0 && startAt(position) == complaintRecord ? complaint.get() : null;
    }

    private CsvRules.Place place() {
        return CsvRules.place(atRecordStart ? "" : new String(buf, recordFrom, pos - recordFrom), delimiter, header);
    }

    /**
     * Follows one character on its way out: lines, quoting, record starts and length.
     *
     * @return the complaint if the record grows past the limit, else null
     */
    private Supplier<DataFileException> follow(char c) {
        long at = delivered++;
        if (c == '\n' && lastWasCr) {
            // the LF of a CRLF: its line was counted at the CR
            lastWasCr = false;
            return quoted ? append(c) : null;
        }
        lastWasCr = c == '\r';
        if (c == '\r' || c == '\n') {
            line++;
            justClosed = false;
            if (quoted) {
                return append(c);
            }
            atRecordStart = true;
            cellStart = true;
            recordLength = 0;
            recordFrom = -1;
            return null;
        }
        if (atRecordStart) {
            atRecordStart = false;
            recordLine = line;
            recordStart = at;
            recordFrom = pos;
            rememberStart(at, line);
        }
        if (c == '"') {
            if (quoted) {
                quoted = false;
                justClosed = true;
            } else if (cellStart || justClosed) {
                // a cell opens, or a doubled quote ("") continues the cell it seemed to close
                if (!justClosed) {
                    quoteOpened = line;
                }
                quoted = true;
                justClosed = false;
            }
        } else {
            justClosed = false;
        }
        cellStart = !quoted && c == delimiter;
        return append(c);
    }

    private Supplier<DataFileException> append(char c) {
        if (recordLength + 1 > CsvRules.MAX_RECORD) {
            long at = recordLine;
            return () -> CsvRules.tooLong(file, at);
        }
        recordLength++;
        return null;
    }

    private void rememberStart(long at, long lineNumber) {
        if (tail == starts.length) {
            // shift out the passed starts when they are at least half the array, else grow
            if (head >= starts.length / 2) {
                System.arraycopy(starts, head, starts, 0, tail - head);
                System.arraycopy(startLines, head, startLines, 0, tail - head);
                tail -= head;
                head = 0;
            } else {
                starts = Arrays.copyOf(starts, 2 * starts.length);
                startLines = Arrays.copyOf(startLines, 2 * startLines.length);
            }
        }
        starts[tail] = at;
        startLines[tail++] = lineNumber;
    }

    /**
     * The line on which the record the parser places at character {@code position} starts (the
     * parser places a record at the empty lines it skipped before it, so this is the first record
     * start at or after the position). Positions must not decrease from call to call.
     */
    long lineAt(long position) {
        pass(position);
        return head < tail ? startLines[head] : line;
    }

    /** Where the record the parser places at {@code position} starts (as {@link #lineAt}). */
    private long startAt(long position) {
        pass(position);
        return head < tail ? starts[head] : -1;
    }

    private void pass(long position) {
        while (head < tail - 1 && starts[head] < position) {
            head++;
        }
    }

    /** Decodes more characters into the buffer; false at the end of the input or at a malformed sequence. */
    private boolean decodeMore() throws IOException {
        if (flushed || malformed != null) {
            return false;
        }
        // keep what is not handed out, and the record being handed out (for messages: at most the size limit)
        int keep = recordFrom >= 0 ? Math.min(recordFrom, pos) : pos;
        if (keep > 0 && (keep == limit || buf.length - limit < 1024)) {
            System.arraycopy(buf, keep, buf, 0, limit - keep);
            limit -= keep;
            pos -= keep;
            recordFrom -= recordFrom >= 0 ? keep : 0;
        }
        if (buf.length - limit < 1024) {
            // a long record, or the header line looked ahead for: both bounded by the size limit
            buf = Arrays.copyOf(buf, 2 * buf.length);
        }
        CharBuffer out = CharBuffer.wrap(buf, limit, buf.length - limit);
        while (true) {
            if (!bytes.hasRemaining() && !eof) {
                fill();
            }
            CoderResult result = decoder.decode(bytes, out, eof);
            if (result.isError()) {
                malformed = new byte[result.length()];
                bytes.get(bytes.position(), malformed);
                break;
            }
            if (out.position() > limit) {
                break;
            }
            if (eof && !bytes.hasRemaining()) {
                // flushed once: decoding after a flush is an IllegalStateException
                decoder.flush(out);
                flushed = true;
                break;
            }
            if (result.isUnderflow()) {
                fill();
            }
        }
        int first = limit;
        limit = out.position();
        if (!started && limit > first) {
            started = true;
            if (dropBom && buf[first] == '\uFEFF') {
                pos++;
                if (pos == limit) {
                    return decodeMore();
                }
            }
        }
        return limit > first && pos < limit;
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

    @Override
    public void close() throws IOException {
        if (owned) {
            in.close();
        }
    }
}
