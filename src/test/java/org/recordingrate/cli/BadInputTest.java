package org.recordingrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.recordingrate.io.CsvInput;
import org.recordingrate.format.ResultTable;
import org.recordingrate.format.ResultTable.Column;
import org.recordingrate.format.ResultTable.Kind;

/**
 * The bad-input contract of the command line (core-hardening issue, part 2): a clear one-line
 * error for every bad input, exit 1 for bad data and 2 for usage, never a stack trace (exit 3),
 * and nothing lost: cells come back exactly as read, a failed write leaves no partial file.
 */
class BadInputTest {

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, content, StandardCharsets.UTF_8);
        return path;
    }

    private Path bytes(String name, byte[] content) throws IOException {
        Path path = dir.resolve(name);
        Files.write(path, content);
        return path;
    }

    /** Exit 1, exactly one line on standard error, mentioning each text. */
    static void badData(CliRun run, String... mentions) {
        assertEquals(1, run.status(), run.toString());
        assertEquals(1, run.err().strip().lines().count(), "one line on standard error: " + run);
        for (String text : mentions) {
            assertTrue(run.err().contains(text), "stderr should mention '" + text + "': " + run);
        }
    }

    static void usage(CliRun run, String... mentions) {
        assertEquals(2, run.status(), run.toString());
        for (String text : mentions) {
            assertTrue(run.err().contains(text), "stderr should mention '" + text + "': " + run);
        }
    }

    @Test
    void aBinaryFileIsRefusedAtItsFirstLineBeforeItFillsMemory() throws IOException {
        // /dev/zero gave an OutOfMemoryError (exit 3); a file of 2 MiB of NUL bytes is the same input,
        // bounded: a NUL is refused at once, and a record of 2 MiB of text at its 1 MiB-th character
        Path zeros = bytes("zeros.csv", new byte[2 << 20]);
        badData(CliRun.of("estimate", "--cases", zeros.toString()), "zeros.csv", "line 1", "NUL");
        byte[] letters = new byte[2 << 20];
        java.util.Arrays.fill(letters, (byte) 'x');
        Path text = bytes("letters.csv", letters);
        badData(CliRun.of("estimate", "--cases", text.toString()), "letters.csv", "line 1", "longer than 1048576");
        if (Files.isReadable(Path.of("/dev/zero"))) {
            badData(CliRun.of("estimate", "--cases", "/dev/zero"), "/dev/zero", "line 1", "NUL");
        }
    }

    @Test
    void invalidUtf8IsNamedWithItsLine() throws IOException {
        byte[] head = "recorded,audited\n1,2\n3,4\n".getBytes(StandardCharsets.US_ASCII);
        byte[] bad = {'5', ',', (byte) 0xC3, (byte) 0x28, '\n'}; // 0xC3 0x28: an invalid two-byte sequence
        byte[] content = new byte[head.length + bad.length];
        System.arraycopy(head, 0, content, 0, head.length);
        System.arraycopy(bad, 0, content, head.length, bad.length);
        badData(CliRun.of("estimate", "--cases", bytes("latin.csv", content).toString()), "latin.csv", "line 4",
                "UTF-8");
    }

    @Test
    void anUnclosedQuoteIsNamedAtTheLineWhereItOpened() throws IOException {
        String rows = "recorded,audited,note\n1,2,fine\n3,4,\"never closed\n5,6,x\n7,8,y\n";
        badData(CliRun.of("estimate", "--cases", file("quote.csv", rows).toString()), "quote.csv", "line 3",
                "never closed");
    }

    @Test
    void foldersMissingFilesAndStandardInputTwice() throws IOException {
        badData(CliRun.of("estimate", dir.toString()), dir.toString(), "is a folder");
        badData(CliRun.of("estimate", dir.resolve("none.csv").toString()), "none.csv", "does not exist");
        usage(CliRun.of("compare", "-", "-"), "standard input", "once");
    }

    @Test
    void outputToAMissingFolderOrAFolderIsRefusedBeforeAnyWork() {
        Path missing = dir.resolve("no-such-folder").resolve("out.csv");
        badData(CliRun.of("estimate", "--recorded", "1", "--audited", "2", "--out", missing.toString()),
                "no-such-folder", "does not exist");
        badData(CliRun.of("estimate", "--recorded", "1", "--audited", "2", "--out", dir.toString()), "is a folder");
        assertFalse(Files.exists(missing));
    }

    @Test
    void aFailedWriteLeavesNoHalfWrittenFile() throws IOException {
        // A table whose 207th row fails while being written, as a file-size limit or a full disk would.
        ResultTable table = new ResultTable(List.of(new Column("n", Kind.TEXT)));
        for (int i = 0; i < 2000; i++) {
            Object value = i == 206 ? new Object() {
                @Override
                public String toString() {
                    throw new UncheckedIOException(new IOException("File too large"));
                }
            } : "row " + i;
            table.row(value);
        }
        Path target = dir.resolve("out.csv");
        Files.writeString(target, "the previous results\n");
        OutputOptions options = new OutputOptions();
        options.out = target;
        options.format = OutputOptions.Format.CSV;
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> options.write(table, OutputOptions.Format.CSV, false, null, new PrintWriter(new StringWriter())));
        assertTrue(e.getMessage().contains("out.csv") && e.getMessage().contains("File too large")
                && e.getMessage().contains("nothing was written"), e.getMessage());
        assertEquals("the previous results\n", Files.readString(target), "the old file is untouched");
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(target), left.toList(), "no temporary file is left behind");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"12d", "20f", "0x1p4", "1e3x", "٣", "1_000", "1,5", "Infinity", "NaN", "--5"})
    void valuesThatAreNotPlainDecimalsAreRefusedInFiles(String value) throws IOException {
        Path cases = file("cases.csv", "recorded,audited\n1,\"" + value + "\"\n");
        CliRun run = CliRun.of("estimate", "--cases", cases.toString());
        badData(run, "line 2", "column audited", "not a whole number");
    }

    @Test
    void numbersAreReadAsWrittenNotRounded() throws IOException {
        badData(CliRun.of("estimate", "--cases", file("a.csv", "recorded,audited\n2.9999999999999999,4\n").toString()),
                "column recorded", "'2.9999999999999999'", "not a whole number");
        badData(CliRun.of("estimate", "--cases", file("b.csv", "recorded,audited\n1,99999999999999999999\n").toString()),
                "column audited", "too large");
        badData(CliRun.of("estimate", "--cases", file("c.csv", "recorded,audited,confidence\n1,2,1e-400\n").toString()),
                "column confidence", "'1e-400'", "too small");
        badData(CliRun.of("estimate", "--cases", file("d.csv", "recorded,audited\n1,2\u00003\n").toString()),
                "column audited", "\\u0000", "NUL character");
        // a count written with a decimal point that is still a whole number is one
        CliRun exact = CliRun.of("estimate", "--cases", file("e.csv", "recorded,audited\n188.0,202\n").toString());
        assertEquals(0, exact.status(), exact.toString());
        // and on the command line, the same strictness, as usage errors
        usage(CliRun.of("estimate", "--recorded", "12d", "--audited", "20"), "'12d'", "not a whole number");
        usage(CliRun.of("estimate", "--recorded", "1", "--audited", "0x14"), "'0x14'");
        usage(CliRun.of("estimate", "--recorded", "1", "--audited", "2", "--confidence", "0x1p-1"), "'0x1p-1'");
        usage(CliRun.of("estimate", "--recorded", "3", "--audited", "2.9999999999999999"), "not a whole number");
    }

    @Test
    void inputCellsComeBackExactlyAsRead() throws IOException {
        Path cases = file("cases.csv", "id,recorded,audited\n\" A-1 \", 12 ,20\n");
        CliRun run = CliRun.of("estimate", "--cases", cases.toString(), "--format", "csv");
        assertEquals(0, run.status(), run.toString());
        CSVRecord row = EstimateCommandTest.csv(run.out()).get(0);
        assertEquals(" A-1 ", row.get("id"));
        assertEquals(" 12 ", row.get("recorded"), "the cell as written, spaces kept");
        assertEquals(0.6, Double.parseDouble(row.get("rate")), 1e-15, "12 of 20: the number inside the spaces");
    }

    @Test
    void theRightColumnIsBlamed() throws IOException {
        // 5 recorded of 0 audited: audited is what is wrong (it used to blame recorded)
        badData(CliRun.of("estimate", "--cases", file("z.csv", "recorded,audited\n5,0\n").toString()),
                "column audited", "'0'", "at least 1");
        badData(CliRun.of("compare", "--cases", file("p.csv",
                "recorded_before,audited_before,recorded_after,audited_after\n5,0,1,2\n").toString()),
                "column audited_before", "'0'");
        badData(CliRun.of("reproduce", "--cases", file("m.csv", "rate,margin\n93.2,-1\n").toString()),
                "column margin", "'-1'");
        badData(CliRun.of("reproduce", "--cases", file("c.csv", "rate,margin,confidence\n93.2,2.3,95\n").toString()),
                "column confidence", "'95'", "did you mean 0.95");
        badData(CliRun.of("reproduce", "--cases", file("r.csv", "rate,margin,previous_rate,previous_margin\n"
                + "93.2,2.3,187.8,1.7\n").toString()), "column previous_rate", "'187.8'");
    }

    @Test
    void fractionsWherePercentIsExpectedAreRefusedWithTheWayOut() throws IOException {
        badData(CliRun.of("reproduce", "--rate", "0.932", "--margin", "0.023"), "look like fractions", "93.2",
                "--units fraction");
        CliRun fractions = CliRun.of("reproduce", "--rate", "0.932", "--margin", "0.023", "--units", "fraction",
                "--format", "csv");
        assertEquals(0, fractions.status(), fractions.toString());
        CliRun percent = CliRun.of("reproduce", "--rate", "93.2", "--margin", "2.3", "--format", "csv");
        assertEquals(EstimateCommandTest.csv(percent.out()).get(0).get("se"),
                EstimateCommandTest.csv(fractions.out()).get(0).get("se"));
    }

    @Test
    void unknownTokensAreUsageErrorsInEveryMode() {
        usage(CliRun.of("estimate", "--recorded", "1", "--audited", "2", "--variance", "bogus"), "--variance", "'bogus'");
        usage(CliRun.of("estimate", "--cases", "examples/data/cases.csv", "--variance", "bogus"), "'bogus'");
        usage(CliRun.of("estimate", "--recorded", "1", "--audited", "2", "--precision", "lots"), "--precision");
        usage(CliRun.of("compare", "--before", "1/2", "--after", "1/2", "--adjust", "bogus"), "'bogus'");
        usage(CliRun.of("reproduce", "--rate", "93", "--margin", "2", "--units", "bogus"), "--units");
    }

    @Test
    void inspectionNamesMatchIgnoringCaseAndUnmatchedOnesAreReported() throws IOException {
        Path before = file("before.csv", "inspection,category,recorded,audited,volume\n"
                + "Force A,violence,80,100,1000\nForce B,violence,70,100,1000\nForce C,violence,60,100,1000\n");
        Path after = file("after.csv", "inspection,category,recorded,audited,volume\n"
                + "force b,violence,90,100,1000\nFORCE A,Violence,85,100,1000\nforce a,fraud,5,10,100\n");
        CliRun run = CliRun.of("compare", before.toString(), after.toString(), "--format", "csv");
        assertEquals(0, run.status(), run.toString());
        List<CSVRecord> rows = EstimateCommandTest.csv(run.out());
        CSVRecord bViolence = rows.stream().filter(r -> r.get("inspection_after").equals("force b")
                && r.get("category").equals("violence")).findFirst().orElseThrow();
        assertEquals("Force B", bViolence.get("inspection_before"));
        assertEquals("70", bViolence.get("recorded_before"));
        assertEquals("90", bViolence.get("recorded_after"));
        assertTrue(run.err().contains("no later inspection for: Force C (not compared)"), run.err());
        assertTrue(run.err().contains("audited only in FORCE A: fraud (not compared)"), run.err());
        // said in the output too, not on standard error only
        assertTrue(EstimateCommandTest.csv(run.out()).get(0).get("notes").contains("no later inspection for: Force C"),
                run.out());
        badData(CliRun.of("compare", before.toString(), after.toString(), "--strict"), "--strict", "only");
    }

    @Test
    void resultColumnsNamedLikeInputColumnsAreRenamedSoTheOutputReadsBack() throws IOException {
        Path cases = file("cases.csv", "recorded,audited,rate,Verdict\n1,2,x,y\n");
        Path out = dir.resolve("out.csv");
        CliRun run = CliRun.of("estimate", "--cases", cases.toString(), "--out", out.toString());
        assertEquals(0, run.status(), run.toString());
        assertTrue(run.err().contains("rate -> rate_result"), run.err());
        CsvInput back = CsvInput.read(out);
        assertEquals(List.of("recorded", "audited", "rate", "Verdict", "rate_result", "lower", "upper", "margin", "se", "notes"),
                back.header());
        assertEquals("x", back.rows().get(0).text("rate"));
        assertEquals(0.5, back.rows().get(0).number("rate_result"), 0.0);
    }

    @Test
    void aByteOrderMarkBeforeAQuotedFirstHeaderNameIsIgnored() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "\"recorded\",\"audited\"\n188,202\n".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, content, 0, bom.length);
        System.arraycopy(text, 0, content, bom.length, text.length);
        CliRun run = CliRun.of("estimate", "--cases", bytes("bom.csv", content).toString(), "--format", "csv");
        assertEquals(0, run.status(), run.toString());
        assertEquals("188", EstimateCommandTest.csv(run.out()).get(0).get("recorded"));
    }

    @Test
    void textCellsThatASpreadsheetWouldRunAreWrittenSafely() throws IOException {
        Path cases = file("cases.csv", "note,recorded,audited\n=HYPERLINK(\"x\"),1,2\n-5,1,2\n@SUM(A1),1,2\n+1,1,2\n"
                + "\"\ttab\",1,2\n");
        CliRun csv = CliRun.of("estimate", "--cases", cases.toString(), "--format", "csv");
        assertEquals(0, csv.status(), csv.toString());
        List<CSVRecord> rows = EstimateCommandTest.csv(csv.out());
        assertEquals("'=HYPERLINK(\"x\")", rows.get(0).get("note"));
        assertEquals("-5", rows.get(1).get("note"), "numbers are untouched");
        assertEquals("'@SUM(A1)", rows.get(2).get("note"));
        assertEquals("+1", rows.get(3).get("note"), "numbers are untouched");
        assertEquals("'\ttab", rows.get(4).get("note"));
        CliRun json = CliRun.of("estimate", "--cases", cases.toString(), "--format", "json");
        assertTrue(json.out().contains("\"note\": \"=HYPERLINK(\\\"x\\\")\""), "JSON stays exact: " + json.out());
    }

    @Test
    void anInspectionWhoseVolumesOverflowIsBadDataNotACrash() throws IOException {
        Path huge = file("huge.csv", "category,recorded,audited,volume\na,1,2,9223372036854775807\nb,1,2,5\n");
        badData(CliRun.of("estimate", huge.toString()), "huge.csv", "line 3", "total volume");
    }
}
