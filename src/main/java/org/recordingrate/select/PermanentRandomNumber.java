package org.recordingrate.select;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.recordingrate.internal.Args;

/**
 * Permanent random numbers: each record id gets a fixed number in [0, 1) from a keyed hash of the
 * seed and the id, so the same seed gives the same number for the same record on any machine,
 * whatever the order of the export and whatever else it holds.
 *
 * <p>The keyed hash is HMAC-SHA-256 (RFC 2104 with FIPS 180-4 SHA-256, as the JDK's
 * {@code javax.crypto.Mac} "HmacSHA256"): key = the seed written in decimal (UTF-8, e.g.
 * {@code "2022"}, {@code "-7"}), message = the record id as text (UTF-8, as trimmed from the file);
 * the number is the first 8 bytes of the MAC read as an unsigned big-endian integer, divided by
 * 2^64. Anyone can recompute it, e.g. in Python:
 * <pre>{@code int.from_bytes(hmac.new(b"2022", b"INC00012345", hashlib.sha256).digest()[:8], "big") / 2**64}</pre>
 * A keyed pseudo-random function rather than a plain hash, so that nobody who knows the ids but
 * not the seed can tell in advance which records a seed will draw, and numbers for different
 * seeds are unrelated.
 *
 * <p>Computed as RFC 2104 defines HMAC, H((K xor opad) || H((K xor ipad) || id)), with the two
 * SHA-256 states after the padded key blocks computed once per seed and copied for each id, which
 * saves two of the four compressions that {@code javax.crypto.Mac} repeats per message (the tests
 * check the numbers against Python's {@code hmac}).
 *
 * <p>Not thread-safe (it holds digest states); make one per thread, which is cheap.
 */
public final class PermanentRandomNumber {

    private static final double TWO_TO_MINUS_64 = 0x1p-64;

    /** SHA-256's block: keys up to this long are padded, not hashed (a decimal long has at most 20 bytes). */
    private static final int BLOCK = 64;

    private final long seed;
    /** SHA-256 after (K xor ipad) and after (K xor opad): RFC 2104's inner and outer starts. */
    private final MessageDigest inner;
    private final MessageDigest outer;
    /** The inner, then the outer, digest of the id at hand. */
    private final byte[] digest = new byte[32];

    private PermanentRandomNumber(long seed) {
        this.seed = seed;
        byte[] key = Long.toString(seed).getBytes(StandardCharsets.UTF_8);
        byte[] innerPad = new byte[BLOCK];
        byte[] outerPad = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            byte k = i < key.length ? key[i] : 0;
            innerPad[i] = (byte) (k ^ 0x36);
            outerPad[i] = (byte) (k ^ 0x5c);
        }
        try {
            this.inner = MessageDigest.getInstance("SHA-256");
            this.outer = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        inner.update(innerPad);
        outer.update(outerPad);
    }

    /**
     * The numbers of one seed.
     *
     * @param seed any long
     * @return a new generator of permanent random numbers
     */
    public static PermanentRandomNumber withSeed(long seed) {
        return new PermanentRandomNumber(seed);
    }

    /**
     * The seed, the HMAC key (in decimal) that fixes every record's number.
     *
     * @return the seed given to {@link #withSeed}
     */
    public long seed() {
        return seed;
    }

    /**
     * The number's 64 bits: the first 8 bytes of HMAC-SHA-256(seed, id), unsigned big-endian.
     * Compare with {@link Long#compareUnsigned}.
     *
     * @param recordId the record id, not null
     * @return the bits
     * @throws IllegalArgumentException if {@code recordId} is null
     */
    public long bits(String recordId) {
        Args.notNull("record id", recordId);
        byte[] utf8 = recordId.getBytes(StandardCharsets.UTF_8);
        return bits(utf8, 0, utf8.length);
    }

    /**
     * The number's 64 bits for a record id given as its UTF-8 bytes (as a population file holds
     * it): the same as {@link #bits(String)} of the id, without making a string of it.
     *
     * @param utf8   holds the id's bytes; only read
     * @param offset where they start
     * @param length how many
     * @return the bits
     * @throws IndexOutOfBoundsException if the range is not within {@code utf8}
     */
    public long bits(byte[] utf8, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, utf8.length);
        byte[] out = digest;
        try {
            MessageDigest first = (MessageDigest) inner.clone();
            first.update(utf8, offset, length);
            first.digest(out, 0, out.length);
            MessageDigest second = (MessageDigest) outer.clone();
            second.update(out, 0, out.length);
            second.digest(out, 0, out.length);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 digests can be copied", e);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException("a SHA-256 digest is 32 bytes", e);
        }
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (out[i] & 0xff);
        }
        return bits;
    }

    /**
     * The permanent random number of a record: {@link #bits} / 2^64, in [0, 1) (rounded to the
     * nearest double; the order of records is taken from the bits, never from this rounding).
     *
     * @param recordId the record id
     * @return the number in [0, 1)
     * @throws IllegalArgumentException if {@code recordId} is null
     */
    public double of(String recordId) {
        return toUnit(bits(recordId));
    }

    /** Unsigned 64 bits divided by 2^64, below 1 even where rounding would reach it. */
    static double toUnit(long bits) {
        double value = ((bits >>> 11) * 0x1p-53) + ((bits & 0x7ff) * TWO_TO_MINUS_64);
        return Math.min(value, Math.nextDown(1.0));
    }
}
