package org.recordingrate.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The records of a population file found in its bytes, for the byte-level path of the reader
 * ({@link PopulationRecords}): one pass through a buffer, the bytes hashed (SHA-256, when asked)
 * as they are read, each record's extent found with the positions of its delimiters, and whether
 * it is <em>plain</em>: no double quote, no NUL, valid UTF-8 and within the size limit, the only
 * records whose cells are simply the bytes between delimiters. Every other record is handed, as
 * bytes, to {@link CsvReader}, which reads or refuses it as in any other file.
 *
 * <p>Working on bytes rather than on decoded characters is what makes the common line cheap: a
 * line of ASCII is never decoded. A delimiter, a quote and the line breaks are ASCII, and no byte
 * of a multi-byte UTF-8 sequence is ASCII, so splitting the bytes gives the same cells as
 * splitting the decoded text.
 *
 * <p>Line breaks as {@link CsvRules}: LF, CRLF or a lone CR; a last line without a break counts;
 * lines are numbered from 1, empty ones included, and skipped. A record holding a quote runs
 * to the first line break outside quotes, following the quoting as {@link CsvText} does. Memory:
 * the buffer grows only for a record longer than it, and never far past the size limit (a record
 * found longer than {@value CsvRules#MAX_RECORD} characters is cut there, not plain). Not thread-safe.
 */
final class PopulationLines implements AutoCloseable {

    /** Bytes read at a time; the buffer grows only for a record longer than this. */
    static final int BUFFER = 1 << 17;

    private final FileChannel channel;
    private final MessageDigest digest;
    private byte[] buf = new byte[BUFFER];
    /** Start of the bytes not yet scanned, and end of the bytes read. */
    private int pos;
    private int limit;
    private boolean eof;
    private boolean started;
    private byte delimiter = ',';
    /** The number of the next physical line. */
    private long nextLine = 1;

    /** The current record: bytes [start, end) of {@link #bytes()}, starting on {@link #line()}. */
    private int start;
    private int end;
    private long line;
    private boolean plain;
    /** Whether the current record holds quotes, all closed, and no NUL, within the size limit (it may split in place). */
    private boolean quotedRecord;
    private boolean nonAscii;
    /** Positions of the current record's delimiters (in {@link #bytes()}), {@link #delimiters()} of them. */
    private int[] delimiterAt = new int[16];
    private int delimiterCount;
    /** Delimiters whose positions are kept (the rest are only counted). */
    private int positions = Integer.MAX_VALUE;

    private PopulationLines(FileChannel channel, MessageDigest digest) {
        this.channel = channel;
        this.digest = digest;
    }

    /**
     * Opens a file.
     *
     * @param digest updated with every byte of the file as it is read, or null
     */
    static PopulationLines open(Path file, MessageDigest digest) throws IOException {
        return new PopulationLines(FileChannel.open(file, StandardOpenOption.READ), digest);
    }

    /** Sets the delimiter, as detected from the header (comma, semicolon or tab: ASCII). */
    void delimiter(char delimiter) {
        this.delimiter = (byte) delimiter;
    }

    /**
     * From the next record on, keeps the positions of the first {@code count} delimiters only (the
     * cells a reader looks at), counting the others.
     */
    void keepPositions(int count) {
        positions = count;
    }

    /** The buffer holding the current record; valid until the next call of {@link #next()}. */
    byte[] bytes() {
        return buf;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    /** The line on which the current record starts. */
    long line() {
        return line;
    }

    /** Whether the current record is plain (see the class comment): its cells are the bytes between delimiters. */
    boolean plain() {
        return plain;
    }

    /**
     * Whether the current record, not plain, holds double quotes, every one closed, and no NUL,
     * within the size limit: it may be split on bytes by the quoting rules, when it is valid UTF-8
     * and nothing but spaces follows a closing quote.
     */
    boolean quotedRecord() {
        return quotedRecord;
    }

    /** Whether the current record holds a byte above 0x7F. */
    boolean nonAscii() {
        return nonAscii;
    }

    /** Delimiters in the current plain record. */
    int delimiters() {
        return delimiterCount;
    }

    /** The position of the current record's i-th delimiter, for i below {@link #keepPositions}'s count. */
    int delimiter(int i) {
        return delimiterAt[i];
    }

    /**
     * Moves to the next record, skipping empty lines.
     *
     * @return false at the end of the file
     */
    boolean next() throws IOException {
        while (true) {
            if (!started) {
                started = skipByteOrderMark();
                continue;
            }
            if (scan()) {
                if (start == end && plain) {
                    continue;
                }
                return true;
            }
            if (eof) {
                return false;
            }
            refill();
        }
    }

    /** Drops a byte-order mark at the start of the file (true once the first bytes are known). */
    private boolean skipByteOrderMark() throws IOException {
        while (limit < 3 && !eof) {
            refill();
        }
        if (limit >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) {
            pos = 3;
        }
        return true;
    }

    /**
     * Finds the record starting at {@link #pos}: true with the record set and {@link #pos} past
     * its break, or false if the bytes read end first (or a CR ends them, which may be the first
     * half of a CRLF); the delimiters and flags are then those of the bytes up to {@link #limit}.
     *
     * <p>A plain loop over the bytes: measured against eight bytes at a time (SWAR, with the exact
     * zero-byte test) and against a table of byte classes that counts commas without a branch,
     * both of which were slower here (benchmarks/README.md).
     */
    private boolean scan() {
        byte[] b = buf;
        byte d = delimiter;
        int count = 0;
        int wanted = positions;
        boolean sawQuote = false;
        boolean sawNul = false;
        boolean sawHigh = false;
        int first = pos;
        int i = first;
        int stop = limit;
        for (; i < stop; i++) {
            byte c = b[i];
            if (c == d) {
                if (count < wanted) {
                    if (count == delimiterAt.length) {
                        delimiterAt = Arrays.copyOf(delimiterAt, 2 * count);
                    }
                    delimiterAt[count] = i;
                }
                count++;
            } else if (c <= '"') {
                if (c == '\n' || c == '\r') {
                    break;
                } else if (c == '"') {
                    sawQuote = true;
                } else if (c < 0) {
                    sawHigh = true;
                } else if (c == 0) {
                    sawNul = true;
                }
            }
        }
        delimiterCount = count;
        nonAscii = sawHigh;
        quotedRecord = false;
        if (sawQuote) {
            return scanQuoted(first);
        }
        if (i == stop) {
            if (!eof || first == stop) {
                return stop - first > CsvRules.MAX_RECORD && cutIfTooLong(first, stop);
            }
            // the last record, without a line break
            pos = stop;
        } else if (b[i] == '\r' && i + 1 == stop && !eof) {
            return false;
        } else {
            pos = b[i] == '\r' && i + 1 < stop && b[i + 1] == '\n' ? i + 2 : i + 1;
        }
        start = first;
        end = i;
        line = nextLine++;
        plain = !sawNul && (!sawHigh || malformedAt(b, first, i) < 0)
                && (i - first <= CsvRules.MAX_RECORD || units(b, first, i) <= CsvRules.MAX_RECORD);
        return true;
    }

    /**
     * A record holding a quote: its extent, following the quoting as {@link CsvText} does (a quote
     * opens a cell only at its start; a doubled quote inside continues it), to the first line break
     * outside quotes; not plain. At the end of the file with a quote still open, the rest of the
     * file (the reader then names the line the quote opened on).
     */
    private boolean scanQuoted(int first) {
        byte[] b = buf;
        byte d = delimiter;
        boolean quoted = false;
        boolean justClosed = false;
        boolean cellStart = true;
        boolean lastCr = false;
        boolean nul = false;
        long units = 0;
        int breaks = 0;
        int stop = limit;
        int i = first;
        for (; i < stop; i++) {
            byte c = b[i];
            if (!quoted && (c == '\n' || c == '\r')) {
                break;
            }
            if (c == '\r' || (c == '\n' && !lastCr)) {
                breaks++;
            }
            lastCr = c == '\r';
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
                nul |= c == 0;
            }
            cellStart = !quoted && c == d;
            if ((c & 0xC0) != 0x80) {
                units += (c & 0xF8) == 0xF0 ? 2 : 1;
                if (units > CsvRules.MAX_RECORD) {
                    cut(first, i + 1);
                    return true;
                }
            }
        }
        if (i == stop) {
            if (!eof) {
                return false;
            }
            setIrregular(first, stop, stop, breaks);
            quotedRecord = !quoted && !nul;
            return true;
        }
        if (b[i] == '\r' && i + 1 == stop && !eof) {
            return false;
        }
        setIrregular(first, i, b[i] == '\r' && i + 1 < stop && b[i + 1] == '\n' ? i + 2 : i + 1, breaks);
        quotedRecord = !nul;
        return true;
    }

    private void setIrregular(int first, int last, int next, int breaks) {
        start = first;
        end = last;
        pos = next;
        line = nextLine;
        nextLine += 1 + breaks;
        plain = false;
    }

    /**
     * Whether bytes [first, stop), a record without its end yet, are already over the size limit;
     * if so they are cut just past it, as a record that is not plain (the reader refuses it).
     */
    private boolean cutIfTooLong(int first, int stop) {
        long units = 0;
        for (int i = first; i < stop; i++) {
            byte c = buf[i];
            if ((c & 0xC0) != 0x80) {
                units += (c & 0xF8) == 0xF0 ? 2 : 1;
                if (units > CsvRules.MAX_RECORD) {
                    cut(first, i + 1);
                    return true;
                }
            }
        }
        return false;
    }


    /** The record from {@code first}, cut after the character starting before {@code after} (whole). */
    private void cut(int first, int after) {
        int to = after;
        while (to < limit && (buf[to] & 0xC0) == 0x80) {
            to++;
        }
        start = first;
        end = to;
        pos = to;
        line = nextLine;
        plain = false;
    }

    /** The length in UTF-16 units (Java characters) of valid UTF-8 bytes [from, to). */
    static long units(byte[] b, int from, int to) {
        long units = 0;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if ((c & 0xC0) != 0x80) {
                units += (c & 0xF8) == 0xF0 ? 2 : 1;
            }
        }
        return units;
    }

    /**
     * The position of the first byte of a malformed UTF-8 sequence in [from, to), or -1 if the
     * bytes are well-formed UTF-8 (Unicode 15, table 3-7, which the JDK's strict decoder follows: no
     * overlong forms, no surrogates, nothing above U+10FFFF, no truncated sequence).
     */
    static int malformedAt(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            int c = b[i];
            if (c >= 0) {
                i++;
                continue;
            }
            c &= 0xff;
            int length;
            int low = 0x80;
            int high = 0xbf;
            if (c < 0xc2) {
                return i;
            } else if (c < 0xe0) {
                length = 2;
            } else if (c < 0xf0) {
                length = 3;
                if (c == 0xe0) {
                    low = 0xa0;
                } else if (c == 0xed) {
                    high = 0x9f;
                }
            } else if (c < 0xf5) {
                length = 4;
                if (c == 0xf0) {
                    low = 0x90;
                } else if (c == 0xf4) {
                    high = 0x8f;
                }
            } else {
                return i;
            }
            if (i + length > to) {
                return i;
            }
            int second = b[i + 1] & 0xff;
            if (second < low || second > high) {
                return i;
            }
            for (int j = 2; j < length; j++) {
                if ((b[i + j] & 0xc0) != 0x80) {
                    return i;
                }
            }
            i += length;
        }
        return -1;
    }

    /** Keeps the unscanned bytes, making room (growing the buffer for a very long record), and reads more. */
    private void refill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, 2 * buf.length);
        }
        int n = channel.read(ByteBuffer.wrap(buf, limit, buf.length - limit));
        if (n < 0) {
            eof = true;
        } else if (n > 0) {
            if (digest != null) {
                digest.update(buf, limit, n);
            }
            limit += n;
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
