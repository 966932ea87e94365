package org.recordingrate.io;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The duplicate check of record ids in a population file: every row's 64-bit fingerprint of its
 * id goes to a {@link DuplicateFinder} during the read; fingerprints met twice (a duplicate, or a
 * chance collision of two ids, which is then ignored) are resolved by {@link #locate}, a second
 * pass over the file that compares the ids themselves.
 */
final class DuplicateIds {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private DuplicateIds() {
    }

    /** The fingerprint of an id as text: that of its UTF-8 bytes. */
    static long fingerprint(String id) {
        byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
        return fingerprint(bytes, 0, bytes.length);
    }

    /**
     * A 64-bit fingerprint of an id's UTF-8 bytes, eight bytes at a time: each 8-byte word (the
     * last one padded with zeros) mixed in as MurmurHash3's x64 body mixes its blocks, the length
     * in the seed (so that padding cannot make two ids equal), and MurmurHash3's finalizer to
     * spread the bits. Equal ids give equal fingerprints; distinct ids collide with probability
     * about 2^-64 a pair, and a collision only costs the second pass.
     */
    static long fingerprint(byte[] bytes, int offset, int length) {
        long hash = 0x9e3779b97f4a7c15L ^ length;
        int i = offset;
        int end = offset + length;
        for (; i + 8 <= end; i += 8) {
            hash = mixIn(hash, (long) LONGS.get(bytes, i));
        }
        if (i < end) {
            long tail = 0;
            for (int shift = 0; i < end; i++, shift += 8) {
                tail |= (bytes[i] & 0xffL) << shift;
            }
            hash = mixIn(hash, tail);
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        return hash ^ (hash >>> 33);
    }

    private static long mixIn(long hash, long word) {
        long k = Long.rotateLeft(word * 0x87c37b91114253d5L, 31) * 0x4cf5ad432745937fL;
        return Long.rotateLeft(hash ^ k, 27) * 5 + 0x52dce729;
    }

    /**
     * The second pass, only when some fingerprint was met twice: finds the first line whose id
     * appeared before, comparing the ids themselves, and fails there; returns when every repeated
     * fingerprint was a chance collision of distinct ids.
     *
     * @throws DataFileException naming the second line of a duplicate id, with the first
     */
    static void locate(String name, Path file, PopulationLayout layout, long[] repeated) throws IOException {
        Set<Long> wanted = new HashSet<>();
        for (long value : repeated) {
            wanted.add(value);
        }
        Map<String, Long> firstLine = new HashMap<>();
        try (PopulationRecords records = PopulationRecords.open(name, file, null)) {
            records.lines.keepPositions(layout.looked());
            while (records.next()) {
                records.recordId(layout.id);
                byte[] bytes = records.idBytes();
                if (wanted.contains(fingerprint(bytes, records.idStart, records.idEnd - records.idStart))) {
                    String id = new String(bytes, records.idStart, records.idEnd - records.idStart, StandardCharsets.UTF_8);
                    Long earlier = firstLine.putIfAbsent(id, records.start);
                    if (earlier != null) {
                        throw new DataFileException(name, records.start, PopulationLayout.RECORD_ID, id,
                                "appears twice (first on line " + earlier + "): record ids must be unique");
                    }
                }
            }
        }
    }
}
