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
 * quoted fields and line breaks included; its SHA-256 against {@link MessageDigest} on the bytes;
 * its located errors; and the duplicate check, in memory and partitioned to disk.
 */
class PopulationFileTest {

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, content, StandardCharsets.UTF_8);
        return path;
    }

    private static List<PopulationFile.Row> rows(Path path) {
        List<PopulationFile.Row> rows = new ArrayList<>();
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
        List<PopulationFile.Row> rows = rows(path);
        CsvInput reference = CsvInput.read(path);
        assertEquals(reference.rows().size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(reference.rows().get(i).cells(), rows.get(i).cells(), "row " + i);
            assertEquals(reference.rows().get(i).line(), rows.get(i).line(), "line of row " + i);
        }
        assertEquals("a2", rows.get(1).recordId());
        assertEquals("violence", rows.get(1).category());
        assertEquals(List.of("  spaced  "), rows.get(3).carried());
        PopulationFile.Summary summary = PopulationFile.of(path).read(r -> { });
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
        assertTrue(e.getMessage().contains("1 fields but the header has 2"), e.getMessage());
        e = assertThrows(DataFileException.class, () -> rows(file("b.csv", "id,category\nx1,a\n")));
        assertTrue(e.getMessage().contains("has no column 'record_id'"), e.getMessage());
        e = assertThrows(DataFileException.class, () -> rows(file("c.csv", "record_id,category\n  ,a\n")));
        assertEquals("record_id", e.column());
        e = assertThrows(DataFileException.class, () -> rows(file("d.csv", "record_id,category\nx1,\n")));
        assertEquals("category", e.column());
        e = assertThrows(DataFileException.class, () -> rows(file("e.csv", "record_id,category\nx1,\"open\nx2,a\n")));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("does not end"), e.getMessage());
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
        PopulationFile.Summary summary = planned.withOther("OTHER CRIME").read(r -> { });
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
        assertEquals(PopulationFile.fingerprint("same"), PopulationFile.fingerprint("same"));
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
}
