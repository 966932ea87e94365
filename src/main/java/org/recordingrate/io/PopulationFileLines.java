package org.recordingrate.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The physical lines of a population file as bytes, for {@link PopulationFile}: one pass over the
 * file through a buffer, the bytes hashed (SHA-256, when asked) as they are read, each line found
 * with the positions of its commas, whether it holds a double quote and whether it holds any byte
 * above 0x7F, and UTF-8 checked on those bytes.
 *
 * <p>Working on bytes rather than on decoded characters is what makes the common line cheap: a
 * line of ASCII is never decoded, and its cells become strings only when a row is kept. A comma, a
 * quote and the line breaks are ASCII, and no byte of a multi-byte UTF-8 sequence is ASCII, so
 * splitting the bytes gives the same cells as splitting the decoded text.
 *
 * <p>Line breaks are those of {@link java.io.BufferedReader#readLine()}: LF, CRLF or a lone CR; a
 * last line without a break counts. Lines are numbered from 1, blank ones included.
 *
 * <p>UTF-8 is checked as the JDK's strict decoder checks it (Unicode 15, table 3-7: no overlong
 * forms, no surrogates, nothing above U+10FFFF, no truncated sequence): a line holding a
 * malformed sequence is a {@link DataFileException} naming that line, raised when the line is
 * reached, after every earlier line has been handed out, as the reader over
 * {@link StrictUtf8Reader} reports it. Not thread-safe.
 */
final class PopulationFileLines implements AutoCloseable {

    /** Bytes read at a time; the buffer grows only for a line longer than this. */
    static final int BUFFER = 1 << 17;

    private final String name;
    private final FileChannel channel;
    private final MessageDigest digest;
    private byte[] buf = new byte[BUFFER];
    /** Start of the bytes not yet handed out, and end of the bytes read. */
    private int pos;
    private int limit;
    private boolean eof;
    /** Physical lines handed out so far (the number of the current line). */
    private long read;

    /** The current line: bytes [start, end) of {@link #bytes()}. */
    private int start;
    private int end;
    private boolean quote;
    private boolean nonAscii;
    /** Positions of the current line's commas (in {@link #bytes()}), {@link #commas()} of them. */
    private int[] commaAt = new int[16];
    private int commaCount;
    /** Commas whose positions are kept (the rest are only counted). */
    private int positions = Integer.MAX_VALUE;

    private PopulationFileLines(String name, FileChannel channel, MessageDigest digest) {
        this.name = name;
        this.channel = channel;
        this.digest = digest;
    }

    /**
     * Opens a file.
     *
     * @param digest updated with every byte of the file as it is read, or null
     */
    static PopulationFileLines open(String name, Path file, MessageDigest digest) throws IOException {
        return new PopulationFileLines(name, FileChannel.open(file, StandardOpenOption.READ), digest);
    }

    /** The buffer holding the current line; valid until the next call of {@link #next()}. */
    byte[] bytes() {
        return buf;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    /** Whether the current line holds a double quote. */
    boolean quote() {
        return quote;
    }

    /** Whether the current line holds a byte above 0x7F (it is then valid UTF-8, not ASCII). */
    boolean nonAscii() {
        return nonAscii;
    }

    /** Commas on the current line. */
    int commas() {
        return commaCount;
    }

    /** The position of the current line's i-th comma, for i below {@link #keepPositions}'s count. */
    int comma(int i) {
        return commaAt[i];
    }

    /**
     * From the next line on, keeps the positions of the first {@code count} commas of a line only
     * (the cells a reader looks at), counting the others.
     */
    void keepPositions(int count) {
        positions = count;
    }

    /** The number of the current line, from 1. */
    long line() {
        return read;
    }

    /** The current line decoded. */
    String text() {
        return new String(buf, start, end - start, nonAscii ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    }

    /**
     * Moves to the next physical line (blank ones included).
     *
     * @return false at the end of the file
     * @throws DataFileException if the line is not valid UTF-8
     */
    boolean next() throws IOException {
        while (!scan()) {
            if (eof) {
                if (pos == limit) {
                    return false;
                }
                // a last line without a line break: scan() has taken its commas and flags
                start = pos;
                end = limit;
                pos = limit;
                break;
            }
            refill();
        }
        read++;
        if (nonAscii && malformedAt(buf, start, end) >= 0) {
            throw new DataFileException(name, read, null, null, "is not valid UTF-8 text (save the file as UTF-8)");
        }
        return true;
    }

    /**
     * Finds the line starting at {@link #pos}: true with the line set and {@link #pos} past its
     * break, or false if the bytes read end first (or a CR ends them, which may be the first half
     * of a CRLF); the commas and flags are then those of the bytes up to {@link #limit}.
     *
     * <p>A plain loop over the bytes: measured against eight bytes at a time (SWAR, with the exact
     * zero-byte test) and against a table of byte classes that counts commas without a branch,
     * both of which were slower here (benchmarks/README.md).
     */
    private boolean scan() {
        byte[] b = buf;
        int count = 0;
        int wanted = positions;
        boolean sawQuote = false;
        boolean sawHigh = false;
        int first = pos;
        int i = first;
        int stop = limit;
        for (; i < stop; i++) {
            byte c = b[i];
            if (c == ',') {
                if (count < wanted) {
                    if (count == commaAt.length) {
                        commaAt = Arrays.copyOf(commaAt, 2 * count);
                    }
                    commaAt[count] = i;
                }
                count++;
            } else if (c <= '"') {
                if (c == '\n' || c == '\r') {
                    break;
                } else if (c == '"') {
                    sawQuote = true;
                } else if (c < 0) {
                    sawHigh = true;
                }
            }
        }
        commaCount = count;
        quote = sawQuote;
        nonAscii = sawHigh;
        if (i == stop) {
            return false;
        }
        if (b[i] == '\r' && i + 1 == stop && !eof) {
            return false;
        }
        pos = b[i] == '\r' && i + 1 < stop && b[i + 1] == '\n' ? i + 2 : i + 1;
        start = first;
        end = i;
        return true;
    }

    /** Keeps the unread bytes, making room (growing the buffer for a very long line), and reads more. */
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

    /**
     * The position of the first byte of a malformed UTF-8 sequence in [from, to), or -1 if the
     * bytes are well-formed UTF-8 (Unicode table 3-7, which the JDK's decoder follows).
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

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
