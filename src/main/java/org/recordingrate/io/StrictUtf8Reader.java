package org.recordingrate.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 strictly and late: every character before a malformed byte sequence is delivered
 * first, and the error is thrown on the read after, so that the reader above knows on which line
 * the bad bytes are ({@link java.io.InputStreamReader} throws as soon as its buffer holds them).
 */
final class StrictUtf8Reader extends Reader {

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 14).flip();
    private boolean endOfInput;
    private boolean flushed;
    private CharacterCodingException pending;

    StrictUtf8Reader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (pending != null) {
            throw pending;
        }
        if (length == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(buffer, offset, length);
        while (true) {
            if (!endOfInput && bytes.remaining() < 4) {
                bytes.compact();
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    endOfInput = true;
                } else {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
            }
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                pending = new CharacterCodingException();
                if (out.position() > offset) {
                    return out.position() - offset;
                }
                throw pending;
            }
            if (result.isOverflow()) {
                return out.position() - offset;
            }
            if (endOfInput) {
                if (!flushed) {
                    decoder.flush(out);
                    flushed = true;
                }
                return out.position() > offset ? out.position() - offset : -1;
            }
            if (out.position() > offset && bytes.remaining() == 0 && in.available() == 0) {
                return out.position() - offset;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
