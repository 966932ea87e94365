package org.recordingrate.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The population file reader: its rows against {@link CsvInput} (commons-csv) on the same text,
 * quoted fields and line breaks included, also where they fall on the edges of its read buffer;
 * its SHA-256 against {@link MessageDigest} on the bytes; its UTF-8 check on bytes against the
 * JDK's strict decoder; its located errors; and the duplicate check, in memory and partitioned to
 * disk, in place and on its own thread.
 */
class PopulationFileTest {

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, content, StandardCharsets.UTF_8);
        return path;
    }

    private static List<PopulationRow> rows(Path path) {
        List<PopulationRow> rows = new ArrayList<>();
        PopulationFile.of(path).read(rows::add);
        return rows;
    }

    @Test
    void rowsAreWhatCommonsCsvReads() throws IOException {
        String text = "\uFEFFrecord_id, Category ,note\n"
                + "a1,violence,plain\n"
                + "\n"
                + " a2 ,Violence,\"quoted, with comma\"\n"
                + "a3,other crime,\"two\nlines\"\n"
                + "a4,other crime,  spaced  \n"
                + "a5,sexual offences,\"say \"\"hi\"\"\"\n"
                + "a6,violence,mid\"quote\n";
        Path path = file("p.csv", text);
        List<PopulationRow> rows = rows(path);
        CsvInput reference = CsvInput.read(path);
        assertEquals(reference.rows().size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(reference.rows().get(i).cells(), rows.get(i).cells(), "row " + i);
            assertEquals(reference.rows().get(i).line(), rows.get(i).line(), "line of row " + i);
        }
        assertEquals("a2", rows.get(1).recordId());
        assertEquals("violence", rows.get(1).category());
        assertEquals(List.of("  spaced  "), rows.get(3).carried());
        PopulationSummary summary = PopulationFile.of(path).read(r -> { });
        assertEquals(6, summary.rows());
        assertEquals(Map.of("violence", 3L, "other crime", 2L, "sexual offences", 1L), summary.counts());
        assertEquals(List.of("note"), summary.carriedHeader());
        try {
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path))),
                    summary.sha256());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void badRowsAreLocated() throws IOException {
        DataFileException e = assertThrows(DataFileException.class,
                () -> rows(file("a.csv", "record_id,category\nx1,a\nx2\n")));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("1 cell but the header has 2"), e.getMessage());
        e = assertThrows(DataFileException.class, () -> rows(file("b.csv", "id,category\nx1,a\n")));
        assertTrue(e.getMessage().contains("has no column 'record_id'"), e.getMessage());
        e = assertThrows(DataFileException.class, () -> rows(file("c.csv", "record_id,category\n  ,a\n")));
        assertEquals("record_id", e.column());
        e = assertThrows(DataFileException.class, () -> rows(file("d.csv", "record_id,category\nx1,\n")));
        assertEquals("category", e.column());
        e = assertThrows(DataFileException.class, () -> rows(file("e.csv", "record_id,category\nx1,\"open\nx2,a\n")));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("never closed"), e.getMessage());
        Path latin1 = dir.resolve("f.csv");
        Files.write(latin1, "record_id,category\nx1,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        e = assertThrows(DataFileException.class, () -> rows(latin1));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
        e = assertThrows(DataFileException.class, () -> rows(dir.resolve("missing.csv")));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        e = assertThrows(DataFileException.class, () -> rows(file("g.csv", "")));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void planCategoriesAndTheOtherCategory() throws IOException {
        Path path = file("o.csv", "record_id,category\nx1,Violence\nx2,burglary\n");
        PopulationFile planned = PopulationFile.of(path).withCategories(List.of("violence", "other crime"));
        DataFileException e = assertThrows(DataFileException.class, () -> planned.read(r -> { }));
        assertEquals(3, e.line());
        PopulationSummary summary = planned.withOther("OTHER CRIME").read(r -> { });
        assertEquals(Map.of("violence", 1L, "other crime", 1L), summary.counts());
        assertEquals(1, summary.toOther());
        assertThrows(IllegalArgumentException.class, () -> planned.withOther("fraud"));
        assertThrows(IllegalArgumentException.class,
                () -> PopulationFile.of(path).withCategories(List.of("a", " A ")));
    }

    @Test
    void duplicatesAreFoundInMemoryAndOnDisk() {
        SplittableRandom random = new SplittableRandom(1);
        for (int limit : new int[] {DuplicateFinder.IN_MEMORY, 64}) {
            // 5,000 distinct values, then some repeated; partitioned to disk after 64 when limit is 64
            try (DuplicateFinder finder = new DuplicateFinder(limit)) {
                long[] values = new long[5_000];
                for (int i = 0; i < values.length; i++) {
                    values[i] = random.nextLong();
                    finder.add(values[i]);
                }
                finder.add(0);
                finder.add(values[17]);
                finder.add(values[4_000]);
                finder.add(values[17]);
                finder.add(0);
                long[] expected = {values[17], values[4_000], 0};
                java.util.Arrays.sort(expected);
                assertArrayEquals(expected, finder.repeated(), "limit " + limit);
            }
        }
        // a fingerprint collision of two distinct ids is not a duplicate: the second pass compares the ids
        assertEquals(DuplicateIds.fingerprint("same"), DuplicateIds.fingerprint("same"));
        byte[] padded = "xsamex".getBytes(StandardCharsets.UTF_8);
        assertEquals(DuplicateIds.fingerprint("same"), DuplicateIds.fingerprint(padded, 1, 4));
        // the length is in the hash: zero bytes of padding do not make ids equal
        assertTrue(DuplicateIds.fingerprint("a") != DuplicateIds.fingerprint("a\u0000"));
    }

    @Test
    void duplicateIdsNamedAtTheirSecondLine() throws IOException {
        StringBuilder text = new StringBuilder("record_id,category\n");
        for (int i = 0; i < 3_000; i++) {
            text.append("id").append(i).append(",a\n");
        }
        text.append("id1234,a\n");
        DataFileException e = assertThrows(DataFileException.class, () -> rows(file("dup.csv", text.toString())));
        assertEquals(3_002, e.line());
        assertEquals("id1234", e.value());
        assertTrue(e.getMessage().contains("first on line 1236"), e.getMessage());
    }

    @Test
    void utf8CheckOnBytesIsTheJdkDecoders() {
        // every sequence of one and two bytes, then three and four bytes around every boundary of
        // table 3-7 and at random: malformed for us exactly when the JDK's strict decoder refuses it
        java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
        java.util.function.Predicate<byte[]> jdk = bytes -> {
            try {
                decoder.reset().decode(java.nio.ByteBuffer.wrap(bytes));
                return true;
            } catch (java.nio.charset.CharacterCodingException e) {
                return false;
            }
        };
        List<byte[]> cases = new ArrayList<>();
        for (int a = 0; a < 256; a++) {
            cases.add(new byte[] {(byte) a});
            for (int b = 0; b < 256; b++) {
                cases.add(new byte[] {(byte) a, (byte) b});
            }
        }
        int[] edges = {0x00, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed,
            0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff};
        for (int a : edges) {
            for (int b : edges) {
                for (int c : edges) {
                    cases.add(new byte[] {(byte) a, (byte) b, (byte) c});
                    for (int d : edges) {
                        cases.add(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
                    }
                }
            }
        }
        SplittableRandom random = new SplittableRandom(9);
        for (int i = 0; i < 50_000; i++) {
            byte[] bytes = new byte[1 + random.nextInt(6)];
            for (int j = 0; j < bytes.length; j++) {
                // mostly lead and continuation bytes, where the rules are
                bytes[j] = (byte) (random.nextInt(4) == 0 ? random.nextInt(256) : 0x80 + random.nextInt(0x78));
            }
            cases.add(bytes);
        }
        for (byte[] bytes : cases) {
            assertEquals(jdk.test(bytes), PopulationLines.malformedAt(bytes, 0, bytes.length) < 0,
                    () -> HexFormat.of().formatHex(bytes));
        }
    }

    @Test
    void asciiWhiteSpaceIsStrips() {
        for (int c = 0; c < 128; c++) {
            assertEquals(Character.isWhitespace(c), PopulationRecords.isAsciiWhitespace((byte) c), "char " + c);
            assertEquals(String.valueOf((char) c).strip().isEmpty(), PopulationRecords.isAsciiWhitespace((byte) c), "strip " + c);
        }
    }

    @Test
    void rowsAcrossTheEdgesOfTheReadBufferAreWhatCommonsCsvReads() throws IOException {
        // The first read fills the buffer: put a CRLF, a quoted line break, a two-byte character and
        // a blank line across its end, a line longer than the buffer after, then random rows with
        // every kind of line break. Cells are compared with commons-csv's (CsvInput, but for a
        // quoted line break, which this reader carries as LF); lines with
        // a count kept here while writing, since CsvInput does not count a lone CR as a line break
        // (BufferedReader does, and so did this reader before it read bytes).
        int edge = PopulationLines.BUFFER;
        // {what ends the last byte of the buffer and goes on after it, lines it takes}
        String[][] cases = {{"\r\n", "1"}, {"\nb\"\n", "2"}, {"\u00e9\n", "1"}, {"\n\n", "2"}};
        for (String[] edgeCase : cases) {
            String across = edgeCase[0];
            boolean quoted = across.endsWith("\"\n");
            StringBuilder text = new StringBuilder("record_id,category,note\n");
            List<Long> lines = new ArrayList<>();
            long line = 2;
            int row = 0;
            while (text.toString().getBytes(StandardCharsets.UTF_8).length < edge - 200) {
                text.append("r").append(row++).append(",a,x\n");
                lines.add(line++);
            }
            text.append("r").append(row++).append(",b,").append(quoted ? "\"" : "");
            // the first byte of `across` is the buffer's last
            text.append("y".repeat(edge - 1 - text.toString().getBytes(StandardCharsets.UTF_8).length)).append(across);
            lines.add(line);
            line += Integer.parseInt(edgeCase[1]);
            text.append("r").append(row++).append(",b,").append("w".repeat(3 * edge)).append("\r");
            lines.add(line++);
            SplittableRandom random = new SplittableRandom(row);
            String[] breaks = {"\n", "\r\n", "\r"};
            for (int i = 0; i < 40_000; i++) {
                boolean twoLines = random.nextInt(50) == 0;
                String cell = twoLines ? "\"q,\r\nr\"" : random.nextInt(30) == 0 ? "caf\u00e9 \u4e2d" : "v" + i;
                text.append(" r").append(row++).append(" ,").append(i % 2 == 0 ? "a" : "b").append(',').append(cell)
                        .append(breaks[random.nextInt(3)]);
                lines.add(line);
                line += twoLines ? 2 : 1;
                if (random.nextInt(100) == 0) {
                    // a blank line, unless it would make the break before it a CRLF
                    text.append(text.charAt(text.length() - 1) == '\r' ? "\r" : "\n");
                    line++;
                }
            }
            // (a last line without a break is read too, see lastLineWithoutABreak)
            text.append("last,a,end");
            lines.add(line);
            Path path = file("edges.csv", text.toString());
            List<PopulationRow> rows = rows(path);
            CsvInput reference = CsvInput.read(path);
            assertEquals(reference.rows().size(), rows.size(), across);
            assertEquals(lines.size(), rows.size(), across);
            for (int i = 0; i < rows.size(); i++) {
                // a line break inside a quoted cell is kept as written (CRLF), as the one reader keeps it
                assertEquals(reference.rows().get(i).cells(), rows.get(i).cells(), across + ": row " + i);
                assertEquals(lines.get(i), rows.get(i).line(), across + ": line of row " + i);
                assertEquals(reference.rows().get(i).cells().get(0).strip(), rows.get(i).recordId(), across + ": id " + i);
            }
            PopulationSummary summary = PopulationFile.of(path).readBatches(3, PopulationBatch::release);
            assertEquals(rows.size(), summary.rows());
            assertEquals(sha256(path), summary.sha256());
        }
    }

    private static String sha256(Path path) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void lastLineWithoutABreak() throws IOException {
        for (String end : new String[] {"", "\r", "\r\n", "\n\n\r"}) {
            List<PopulationRow> rows = rows(file("end.csv", "record_id,category\nx1,a\r\n\"x2\",b" + end));
            assertEquals(List.of("x1", "x2"), rows.stream().map(PopulationRow::recordId).toList(), end);
            assertEquals(List.of(2L, 3L), rows.stream().map(PopulationRow::line).toList(), end);
        }
    }

    @Test
    void recordIdsWithOtherWhiteSpaceAndLettersAreStrippedAsStrings() throws IOException {
        Path path = file("u.csv", "record_id,category\n\u2003id\u00e9\u3000,a\n\t plain\u000b ,a\n\u00a0nbsp,a\n");
        List<PopulationRow> rows = rows(path);
        assertEquals(List.of("id\u00e9", "plain", "\u00a0nbsp"), rows.stream().map(PopulationRow::recordId).toList());
        // the bytes a batch hands to a hash are those of the id as a string
        List<String> hashed = new ArrayList<>();
        PopulationFile.of(path).readBatches(1, batch -> {
            for (int i = 0; i < batch.size(); i++) {
                batch.hashRecordId(i, (bytes, offset, length) -> {
                    hashed.add(new String(bytes, offset, length, StandardCharsets.UTF_8));
                    return 0;
                });
            }
            batch.release();
        });
        assertEquals(List.of("id\u00e9", "plain", "\u00a0nbsp"), hashed);
    }

    @Test
    void batchesReleasedOnceAndASecondPassSeesAChangedFile() throws IOException {
        Path path = file("b.csv", "record_id,category\nx1,a\nx2,b\n");
        List<PopulationBatch> held = new ArrayList<>();
        PopulationFile population = PopulationFile.of(path);
        // more batches than one out at a time: the read waits for their release only at its end
        assertThrows(IllegalStateException.class, () -> population.readBatches(2, batch -> {
            held.add(batch);
            batch.release();
            batch.release();
        }));
        PopulationSummary first = population.readBatches(1, PopulationBatch::release);
        assertEquals(2, population.reread(first, 1, PopulationBatch::release).rows());
        Files.writeString(path, "record_id,category\nx1,a\nx3,b\n");
        DataFileException e = assertThrows(DataFileException.class,
                () -> population.reread(first, 1, PopulationBatch::release));
        assertTrue(e.getMessage().contains("changed between two passes"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> population.readBatches(0, PopulationBatch::release));
    }

    @Test
    void duplicateInALargeFileFoundOnTheCheckingThreadAndOnDisk() throws IOException {
        // over 1 MB, so the fingerprints are checked on their own thread and spill to disk past 2^16
        StringBuilder text = new StringBuilder("record_id,category,padding\n");
        int n = 90_000;
        for (int i = 0; i < n; i++) {
            text.append("INC").append(String.format("%08d", i)).append(",a,").append("p".repeat(i % 7)).append('\n');
        }
        Path clean = file("large.csv", text.toString());
        assertTrue(Files.size(clean) > 16L * DuplicateFinder.IN_MEMORY, "large enough for the checking thread");
        assertEquals(n, PopulationFile.of(clean).readBatches(4, PopulationBatch::release).rows());
        text.append("INC00012345,a,again\n");
        DataFileException e = assertThrows(DataFileException.class,
                () -> PopulationFile.of(file("large-dup.csv", text.toString())).readBatches(4, PopulationBatch::release));
        assertEquals(n + 2, e.line());
        assertEquals("INC00012345", e.value());
        assertTrue(e.getMessage().contains("first on line 12347"), e.getMessage());
    }
}
