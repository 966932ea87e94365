package org.recordingrate.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.recordingrate.ReferenceData;
import org.recordingrate.ReferenceData.Row;
import org.recordingrate.model.AuditedCategory;
import org.recordingrate.model.Inspection;

/**
 * The corpus of record-level audit files made by
 * {@code src/test/resources/audit-files/make-corpus.py}: awkward but valid files (valid.csv lists the
 * counts each must give, counted by hand from the files' few rows) and broken ones (broken.csv lists
 * the file, line, column, value and words of the one error each must give). Files of 20,000 rows
 * are made here.
 */
class AuditFileCorpusTest {

    private static final Path CORPUS = Path.of("src/test/resources/audit-files");

    @TempDir
    Path temp;

    private static InspectionSource read(Path folder, String audit, String volumes) {
        return InspectionSource.read(folder.resolve(audit), Optional.of(folder.resolve(volumes)));
    }

    @TestFactory
    Stream<DynamicTest> validFilesGiveTheirCounts() {
        return ReferenceData.resource("/audit-files/valid.csv").stream().map(row -> DynamicTest.dynamicTest(
                row.text("file"), () -> {
                    InspectionSource source = read(CORPUS.resolve("valid"), row.text("file"), row.text("volumes"));
                    String where = row.where();
                    assertEquals(InspectionSource.Kind.AUDIT_FILE, source.kind(), where);
                    assertEquals(row.whole("rows_read"), source.rowsRead(), where + " rows read");
                    assertEquals(row.whole("rows_used"), source.rowsUsed(), where + " rows used");
                    assertEquals(row.whole("rows_excluded"), source.rowsExcluded(), where + " rows excluded");
                    assertEquals(row.whole("blank_rows"), source.blankRows(), where + " blank rows");
                    assertEquals(source.rowsRead(), source.rowsUsed() + source.rowsExcluded(), "nothing dropped");
                    assertEquals(row.whole("inspections"), source.inspections().size(), where + " inspections");
                    List<AuditedCategory> categories = source.inspections().stream()
                            .flatMap(i -> i.categories().stream()).toList();
                    assertEquals(row.whole("audited"), categories.stream().mapToLong(c -> c.tally().audited()).sum(), where);
                    assertEquals(row.whole("recorded"), categories.stream().mapToLong(c -> c.tally().recorded()).sum(), where);
                    assertEquals(row.whole("rows_used"), source.inspections().stream().mapToLong(Inspection::totalAudited).sum(),
                            where + " every used row is an audited record");
                    if (row.isEmpty("incidents")) {
                        assertTrue(categories.stream().allMatch(c -> c.incidents().isEmpty()), where);
                    } else {
                        assertEquals(row.whole("incidents"), categories.stream().mapToLong(AuditedCategory::sampledUnits).sum(),
                                where + " incidents");
                    }
                    List<String> ignored = row.isEmpty("ignored_columns") ? List.of()
                            : Arrays.asList(row.text("ignored_columns").split(";"));
                    assertEquals(ignored, source.ignoredColumns(), where);
                }));
    }

    @TestFactory
    Stream<DynamicTest> brokenFilesFailWithOneLocatedLine() {
        return ReferenceData.resource("/audit-files/broken.csv").stream().map(row -> DynamicTest.dynamicTest(
                row.text("audit") + " + " + row.text("volumes"), () -> {
                    DataFileException e = assertThrows(DataFileException.class,
                            () -> read(CORPUS.resolve("broken"), row.text("audit"), row.text("volumes")), row.where());
                    assertLocated(row, e);
                }));
    }

    private static void assertLocated(Row row, DataFileException e) {
        String where = row.where() + " -> " + e.getMessage();
        assertTrue(e.file().endsWith(row.text("error_in")), where + " file");
        assertEquals(row.whole("line"), e.line(), where + " line");
        assertEquals(dash(row.text("column")), e.column(), where + " column");
        assertEquals(dash(row.text("value")), e.value(), where + " value");
        assertTrue(e.getMessage().contains(row.text("message")), where + " message");
        assertFalse(e.getMessage().contains("\n"), where + " one line");
        assertTrue(e.getMessage().startsWith(e.file()), where + " names the file first");
    }

    private static String dash(String text) {
        return text.equals("-") ? null : text;
    }

    /** 20,000 records (two per incident), with {@code lineBreak} line ends; line numbers start at 2. */
    private static StringBuilder bigAudit(String lineBreak) {
        StringBuilder text = new StringBuilder("record_id,category,recorded,incident_id,notes").append(lineBreak);
        String[] categories = {"violence", "sexual offences", "other crime"};
        for (int i = 0; i < 20_000; i++) {
            text.append("R").append(i).append(',').append(categories[i % 3]).append(',')
                    .append(i % 7 == 0 ? "no" : "yes").append(",I").append(i / 2).append(',')
                    .append(i % 1_000 == 0 ? "\"a note, quoted\"" : "").append(lineBreak);
        }
        return text;
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = temp.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static Optional<Path> volumes() {
        return Optional.of(CORPUS.resolve("valid/volumes.csv"));
    }

    @Test
    void aBadValueDeepInA20000RowFileNamesItsLine() throws IOException {
        for (String lineBreak : List.of("\n", "\r\n")) {
            StringBuilder text = bigAudit(lineBreak);
            // record R17339 is on line 17,341 (header line 1, R0 on line 2)
            int at = text.indexOf(lineBreak + "R17339,");
            int value = text.indexOf(",no,", at) >= 0 && text.indexOf(",no,", at) < text.indexOf(lineBreak, at + 1)
                    ? text.indexOf(",no,", at) + 1 : text.indexOf(",yes,", at) + 1;
            int end = text.indexOf(",", value);
            text.replace(value, end, "maybe");
            Path file = write("deep.csv", text.toString().getBytes(StandardCharsets.UTF_8));
            DataFileException e = assertThrows(DataFileException.class, () -> InspectionSource.read(file, volumes()));
            assertEquals(17_341, e.line(), e.getMessage());
            assertEquals("recorded", e.column());
            assertEquals("maybe", e.value());
        }
    }

    @Test
    void aValid20000RowFileIsReadWhole() throws IOException {
        Path file = write("big.csv", bigAudit("\r\n").toString().getBytes(StandardCharsets.UTF_8));
        InspectionSource source = InspectionSource.read(file, volumes());
        assertEquals(20_000, source.rowsRead());
        assertEquals(20_000, source.rowsUsed());
        // incidents I0..I9999 hold records 2k and 2k+1, of two different categories (i % 3 differs)
        assertEquals(20_000, source.inspections().get(0).categories().stream()
                .mapToLong(AuditedCategory::sampledUnits).sum());
        assertEquals(20_000 - (20_000 + 6) / 7, source.inspections().get(0).totalRecorded(), "i % 7 == 0 are not recorded");
        assertEquals(List.of("notes"), source.ignoredColumns());
    }

    @Test
    void anInvalidByteDeepInTheFileNamesItsLineAcrossBuffers() throws IOException {
        StringBuilder text = bigAudit("\n");
        int at = text.indexOf("\nR14998,") + 1; // line 15,000
        byte[] before = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(before);
        bytes.write("R14998,viol".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xE9); // Latin-1 e-acute: not UTF-8
        bytes.write(text.substring(at + "R14998,viol".length()).getBytes(StandardCharsets.UTF_8));
        Path file = write("latin1.csv", bytes.toByteArray());
        DataFileException e = assertThrows(DataFileException.class, () -> InspectionSource.read(file, volumes()));
        assertEquals(15_000, e.line(), e.getMessage());
        assertEquals("category", e.column());
        assertEquals("viol\\xE9", e.value());
    }

    @Test
    void aDuplicateIdDeepInTheFileNamesBothLines() throws IOException {
        StringBuilder text = bigAudit("\n");
        int at = text.indexOf("\nR19000,") + 1; // line 19,002
        text.replace(at, at + "R19000".length(), "R12");
        Path file = write("duplicate.csv", text.toString().getBytes(StandardCharsets.UTF_8));
        DataFileException e = assertThrows(DataFileException.class, () -> InspectionSource.read(file, volumes()));
        assertEquals(19_002, e.line());
        assertTrue(e.getMessage().endsWith("'R12' appears twice (first on line 14)"), e.getMessage());
    }

    @Test
    void aRunawayQuoteStopsAtOneMebibyteNamingTheRowItOpens() throws IOException {
        StringBuilder text = new StringBuilder("record_id,category,recorded\nR1,violence,yes\nR2,\"violence,yes\n");
        while (text.length() < (1 << 20) + 100_000) {
            text.append("R3,violence,yes\n");
        }
        Path file = write("runaway.csv", text.toString().getBytes(StandardCharsets.UTF_8));
        DataFileException e = assertThrows(DataFileException.class, () -> InspectionSource.read(file, volumes()));
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("starts a record longer than 1048576 characters"), e.getMessage());
        // a file of NUL characters (valid UTF-8, no line break): refused on its first line
        Path zeros = write("zeros.csv", new byte[(1 << 20) + 10]);
        e = assertThrows(DataFileException.class, () -> InspectionSource.read(zeros, volumes()));
        assertEquals(1, e.line(), e.getMessage());
    }
}
