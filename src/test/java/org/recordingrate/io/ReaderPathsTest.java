package org.recordingrate.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two implementations of the one reader agree: the byte-level path of population files
 * ({@code PopulationRecords}) and {@code CsvReader} (decoded text, commons-csv) give the same rows
 * (lines and cells, to the character), the same blank rows, and the same error (the same message,
 * so the same file, line, column and value) on random files made of the characters that matter
 * to CSV: the three delimiters, quotes, every kind of line break, spaces, letters beyond ASCII,
 * U+FFFE, U+FFFF, a character outside the BMP, and now and then a NUL or a byte that is not UTF-8.
 * The expected value is the text path's: this test checks that the fast path is the same reader.
 */
class ReaderPathsTest {

    @TempDir
    Path dir;

    private static final String[] PIECES = {"a", "b", "x1", " ", ",", ";", "\t", "\"", "\"\"", "\r", "\n", "\r\n",
            "\u00e9", "\u4e2d", "\uFFFE", "\uFFFF", "\ud834\udd1e", "\uFEFF"};

    /** Pieces that are text in any cell, quoted or not (given the delimiter is not among them). */
    private static final String[] PLAIN = {"a", "b", "x1", " ", "\u00e9", "\u4e2d", "\uFFFE", "\uFFFF",
            "\ud834\udd1e", "\uFEFF", ",", ";", "\t"};

    /**
     * A random file: a header of three names with one delimiter, then records: mostly well formed
     * (three cells, plain or quoted with delimiters, line breaks and doubled quotes inside), some
     * of random pieces (too few or many cells, stray quotes), and now and then a NUL or a byte that
     * is not UTF-8.
     */
    private static byte[] randomFile(SplittableRandom random) {
        String delimiter = new String[] {",", ";", "\t"}[random.nextInt(3)];
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder text = new StringBuilder(random.nextInt(5) == 0 ? "\uFEFF" : "");
        text.append(String.join(delimiter, "h1", "h2", "h3")).append(random.nextBoolean() ? "\n" : "\r\n");
        int records = random.nextInt(25);
        for (int r = 0; r < records; r++) {
            if (random.nextInt(30) == 0) {
                int length = random.nextInt(12);
                for (int i = 0; i < length; i++) {
                    text.append(random.nextInt(3) == 0 ? delimiter : PIECES[random.nextInt(PIECES.length)]);
                }
            } else {
                for (int c = 0; c < 3; c++) {
                    text.append(c == 0 ? "" : delimiter).append(cell(random, delimiter));
                }
            }
            if (r < records - 1 || random.nextBoolean()) {
                text.append(new String[] {"\n", "\r\n", "\r"}[random.nextInt(3)]);
            }
            if (random.nextInt(20) == 0) {
                text.append(new String[] {"\n", "\r\n", "\r"}[random.nextInt(3)]);
            }
            if (random.nextInt(300) == 0) {
                byte[] head = text.toString().getBytes(StandardCharsets.UTF_8);
                out.writeBytes(head);
                text.setLength(0);
                // a NUL, a byte that cannot start UTF-8, or a sequence cut short
                byte[][] odd = {{0}, {(byte) 0xC3, 'x'}, {(byte) 0xFF}, {(byte) 0xE2, (byte) 0x82}};
                out.writeBytes(odd[random.nextInt(odd.length)]);
            }
        }
        out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String cell(SplittableRandom random, String delimiter) {
        StringBuilder cell = new StringBuilder();
        boolean quoted = random.nextInt(3) == 0;
        int length = random.nextInt(5);
        for (int i = 0; i < length; i++) {
            String piece = PLAIN[random.nextInt(PLAIN.length)];
            if (quoted) {
                piece = random.nextInt(5) == 0 ? new String[] {"\"\"", "\n", "\r\n", "\r", delimiter}[random.nextInt(5)]
                        : piece;
            } else if (piece.equals(delimiter)) {
                piece = "a";
            }
            cell.append(piece);
        }
        return quoted ? "\"" + cell + "\"" + (random.nextInt(10) == 0 ? " " : "") : cell.toString();
    }

    /** What the text path reads: each row's line and cells, the blank rows, or the error's message. */
    private static String viaText(Path file) {
        StringBuilder read = new StringBuilder();
        try (CsvReader reader = CsvReader.open(file)) {
            for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
                read.append(row.line()).append(' ').append(row.cells()).append('\n');
            }
            return read.append("blank ").append(reader.blankRows()).toString();
        } catch (DataFileException e) {
            return read.append(e.getMessage()).toString();
        }
    }

    /** What the byte-level path reads, in the same form. */
    private static String viaBytes(Path file) throws IOException {
        StringBuilder read = new StringBuilder();
        try (PopulationRecords records = PopulationRecords.open(file.toString(), file, null)) {
            while (records.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < records.size(); i++) {
                    cells.add(records.cell(i));
                }
                read.append(records.start).append(' ').append(cells).append('\n');
            }
            return read.append("blank ").append(records.blankRows()).toString();
        } catch (DataFileException e) {
            return read.append(e.getMessage()).toString();
        }
    }

    @Test
    void theBytePathReadsWhatTheTextPathReads() throws IOException {
        SplittableRandom random = new SplittableRandom(20261207);
        int errors = 0;
        int quoted = 0;
        for (int i = 0; i < 2000; i++) {
            byte[] content = randomFile(random);
            Path file = dir.resolve("f" + (i % 10) + ".csv");
            Files.write(file, content);
            String text = viaText(file);
            assertEquals(text, viaBytes(file), "file " + i + ": " + new String(content, StandardCharsets.UTF_8)
                    .replace("\r", "\\r").replace("\n", "\\n\n"));
            errors += text.contains(file.toString()) ? 1 : 0;
            quoted += new String(content, StandardCharsets.ISO_8859_1).contains("\"") ? 1 : 0;
        }
        // the cases cover both outcomes and quoting, not only one
        assertTrue(errors > 200 && errors < 1200, "errors " + errors);
        assertTrue(quoted > 1000, "files with quotes " + quoted);
    }
}
