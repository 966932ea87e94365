package org.recordingrate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands read every file kind through the one reader: the awkward but valid files of
 * {@code OneReaderTest} (no final line break, CR only, semicolons with CRLF and a byte-order mark,
 * tabs, a blank row, quoted cells) are read by every command that takes the kind, exit 0, with the
 * rows read (and the blank rows skipped) said on standard error; a bad file is exit 1 with one
 * line naming file, line and column in every command; standard input is read like a file, is
 * never closed, and is held to the record-size limit.
 */
class ReadingCommandTest {

    @TempDir
    Path dir;

    /** How a valid file may be written: each must give the same answer as the plain file. */
    private static final List<String> STYLES = List.of("plain", "no final line break", "CR only",
            "semicolon, CRLF, byte-order mark", "tab", "a blank row", "every cell quoted");

    private static String styled(String style, List<List<String>> records) {
        String delimiter = style.startsWith("semicolon") ? ";" : style.equals("tab") ? "\t" : ",";
        String lineBreak = style.equals("CR only") ? "\r" : style.startsWith("semicolon") ? "\r\n" : "\n";
        StringBuilder text = new StringBuilder(style.startsWith("semicolon") ? "\uFEFF" : "");
        for (int i = 0; i < records.size(); i++) {
            List<String> cells = records.get(i);
            text.append(String.join(delimiter, style.equals("every cell quoted")
                    ? cells.stream().map(c -> "\"" + c + "\"").toList() : cells));
            if (i < records.size() - 1 || !style.equals("no final line break")) {
                text.append(lineBreak);
            }
            if (i == 1 && style.equals("a blank row")) {
                text.append(delimiter.repeat(cells.size() - 1)).append(lineBreak);
            }
        }
        return text.toString();
    }

    private Path file(String name, String content) throws IOException {
        Path path = dir.resolve(name);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content, StandardCharsets.UTF_8);
        return path;
    }

    private static List<List<String>> rows(String... lines) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines) {
            rows.add(List.of(line.split(",", -1)));
        }
        return rows;
    }

    private static final List<List<String>> BEFORE = rows("category,recorded,audited,volume",
            "violence,512,640,25000", "sexual offences,91,100,2500", "other crime,300,320,35000");
    private static final List<List<String>> AFTER = rows("category,recorded,audited,volume",
            "violence,180,202,25000", "sexual offences,131,132,2500", "other crime,211,220,35000");
    private static final List<List<String>> FORCES = rows("inspection,category,recorded,audited,volume",
            "Force A,violence,180,202,25000", "Force B,violence,170,200,20000", "Force C,violence,190,205,30000");
    private static final List<List<String>> CASES = rows("recorded,audited", "180,202", "131,132", "211,220");
    private static final List<List<String>> PAIRS = rows("recorded_before,audited_before,recorded_after,audited_after",
            "512,640,180,202", "91,100,131,132");
    private static final List<List<String>> FIGURES = rows("rate,margin", "93.2,2.3", "87.8,1.7");
    private static final List<List<String>> PLAN_VOLUMES = rows("category,volume", "violence,25000",
            "other crime,35000");
    private static final List<List<String>> PLAN = rows("category,audited", "violence,2", "other crime,1");
    private static final List<List<String>> POPULATION = rows("record_id,category,note", "x1,violence,a",
            "x2,violence,b", "x3,other crime,c", "x4,violence,d");
    private static final List<List<String>> AUDIT = rows("record_id,category,recorded", "R1,violence,yes",
            "R2,violence,no", "R3,other crime,yes");
    private static final List<List<String>> VOLUMES = rows("category,volume", "violence,25000", "other crime,35000");

    /** A command reading files of one kind: its arguments with {@code {0}}, {@code {1}} for the files, and its notice. */
    private record Reading(String name, List<List<List<String>>> files, List<String> args, String notice) {
    }

    private static List<Reading> readings() {
        return List.of(
                new Reading("estimate, inspection file", List.of(AFTER), List.of("estimate", "{0}"),
                        "read 3 category rows from"),
                new Reading("estimate --cases", List.of(CASES), List.of("estimate", "--cases", "{0}"), "read 3 cases from"),
                new Reading("compare --cases, pairs", List.of(PAIRS), List.of("compare", "--cases", "{0}"),
                        "read 2 pairs from"),
                new Reading("compare, two inspection files", List.of(BEFORE, AFTER), List.of("compare", "{0}", "{1}"),
                        "read 3 category rows from"),
                new Reading("bootstrap", List.of(AFTER), List.of("bootstrap", "{0}", "--replicates", "200", "--seed",
                        "1"), "read 3 category rows from"),
                new Reading("permute", List.of(BEFORE, AFTER), List.of("permute", "{0}", "{1}", "--replicates", "200",
                        "--seed", "1"), "read 3 category rows from"),
                new Reading("report", List.of(BEFORE, AFTER), List.of("report", "{0}", "{1}", "--force", "Peel"),
                        "read 3 category rows from"),
                new Reading("reproduce --cases, published figures", List.of(FIGURES),
                        List.of("reproduce", "--cases", "{0}"), "read 2 figures from"),
                new Reading("plan --volumes", List.of(PLAN_VOLUMES), List.of("plan", "--volumes", "{0}", "--margin", "3", "--expected", "90"),
                        "read 2 category rows from"),
                new Reading("plot funnel, forces file", List.of(FORCES), List.of("plot", "funnel", "{0}", "--category",
                        "violence", "--out", "{dir}/funnel.svg"), "read 3 forces from"),
                new Reading("estimate, audit file and volumes", List.of(AUDIT, VOLUMES),
                        List.of("estimate", "{0}", "--volumes", "{1}"), "read 3 records from"),
                new Reading("select, population and plan", List.of(POPULATION, PLAN),
                        List.of("select", "{0}", "--plan", "{1}", "--seed", "7"), "read 4 records from"));
    }

    private List<String> args(Reading reading, String style, String folder) throws IOException {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < reading.files().size(); i++) {
            paths.add(file(folder + "/file" + i + ".csv", styled(style, reading.files().get(i))).toString());
        }
        Files.createDirectories(dir.resolve(folder));
        List<String> args = new ArrayList<>();
        for (String arg : reading.args()) {
            args.add(arg.replace("{0}", paths.get(0)).replace("{1}", paths.size() > 1 ? paths.get(1) : "")
                    .replace("{dir}", dir.resolve(folder).toString()));
        }
        return args;
    }

    @TestFactory
    Stream<DynamicTest> everyCommandReadsEveryValidStyleAlike() {
        List<DynamicTest> tests = new ArrayList<>();
        int[] folder = {0};
        for (Reading reading : readings()) {
            tests.add(DynamicTest.dynamicTest(reading.name(), () -> {
                CliRun plain = CliRun.of(args(reading, "plain", "f" + folder[0]++).toArray(new String[0]));
                assertEquals(0, plain.status(), plain.toString());
                assertTrue(plain.err().contains(reading.notice()), plain.toString());
                for (String style : STYLES) {
                    CliRun run = CliRun.of(args(reading, style, "f" + folder[0]++).toArray(new String[0]));
                    assertEquals(0, run.status(), style + ": " + run);
                    // the same answer, file names and the note of a blank row skipped (select's table says it) aside
                    assertEquals(plain.out().replaceAll("f[0-9]+/file", "file"),
                            run.out().replaceAll("f[0-9]+/file", "file")
                                    .replaceAll("1 blank row of [^,\n]* skipped", ""), style);
                    assertTrue(run.err().contains(reading.notice()), style + ": " + run);
                    if (style.equals("a blank row")) {
                        assertTrue(run.err().contains("1 blank row skipped")
                                || run.err().contains("1 blank rows skipped"), style + ": " + run);
                    }
                }
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> aBadFileIsExitOneNamingFileLineAndColumnInEveryCommand() {
        List<DynamicTest> tests = new ArrayList<>();
        int[] folder = {0};
        for (Reading reading : readings()) {
            tests.add(DynamicTest.dynamicTest(reading.name(), () -> {
                List<String> args = args(reading, "plain", "bad" + folder[0]++);
                // the first file's second data row (line 3) gets bytes that are not UTF-8 in its first cell
                Path first = Path.of(args.stream().filter(a -> a.endsWith("file0.csv")).findFirst().orElseThrow());
                List<String> lines = Files.readAllLines(first);
                byte[] bad = {(byte) 0xC3, (byte) 0x28};
                StringBuilder before = new StringBuilder();
                for (int i = 0; i < 2; i++) {
                    before.append(lines.get(i)).append('\n');
                }
                byte[] head = before.toString().getBytes(StandardCharsets.UTF_8);
                byte[] tail = (lines.get(2) + "\n").getBytes(StandardCharsets.UTF_8);
                byte[] content = new byte[head.length + bad.length + tail.length];
                System.arraycopy(head, 0, content, 0, head.length);
                System.arraycopy(bad, 0, content, head.length, bad.length);
                System.arraycopy(tail, 0, content, head.length + bad.length, tail.length);
                Files.write(first, content);
                CliRun run = CliRun.of(args.toArray(new String[0]));
                assertEquals(1, run.status(), run.toString());
                // one error line (notices of files read before may precede it)
                List<String> errors = run.err().lines().filter(l -> l.startsWith("recording-rate")).toList();
                assertEquals(1, errors.size(), run.toString());
                String message = errors.get(0);
                String column = reading.files().get(0).get(0).get(0);
                assertTrue(message.contains(first + " line 3, column " + column + ": '\\xC3' is not valid UTF-8"),
                        run.toString());
            }));
        }
        return tests.stream();
    }

    @Test
    void countsPastTwoToTheFiftyThreeAreNamedAtTheirCellInEveryCommand() throws IOException {
        Path big = file("big.csv", "category,recorded,audited,volume\nviolence,1,9007199254740993,25000\n");
        Path sum = file("sum.csv", "category,recorded,audited,volume\nviolence,1,9007199254740000,25000\n"
                + "other crime,1,9007199254740000,25000\n");
        Path other = file("other.csv", "category,recorded,audited,volume\nviolence,1,2,25000\n");
        for (String[] args : List.of(new String[] {"estimate", big.toString()},
                new String[] {"compare", other.toString(), big.toString()},
                new String[] {"bootstrap", big.toString()},
                new String[] {"permute", other.toString(), big.toString()},
                new String[] {"report", other.toString(), big.toString(), "--force", "Peel"})) {
            CliRun run = CliRun.of(args);
            assertEquals(1, run.status(), run.toString());
            assertTrue(run.err().contains("big.csv line 2, column audited: '9007199254740993'")
                    && run.err().contains("2^53"), run.toString());
        }
        CliRun run = CliRun.of("estimate", sum.toString());
        assertEquals(1, run.status(), run.toString());
        assertTrue(run.err().contains("sum.csv line 3, column audited: '9007199254740000' makes the audited in all of"
                + " inspection 'sum' 18014398509480000, beyond the supported limit 2^53"), run.toString());
    }

    /** Runs with {@code in} as standard input. */
    private static CliRun withStandardInput(InputStream in, String... args) {
        InputStream saved = System.in;
        System.setIn(in);
        try {
            return CliRun.of(args);
        } finally {
            System.setIn(saved);
        }
    }

    /** A stream that remembers whether it was closed. */
    private static final class Watched extends FilterInputStream {
        boolean closed;

        Watched(byte[] content) {
            super(new ByteArrayInputStream(content));
        }

        @Override
        public void close() throws IOException {
            closed = true;
            super.close();
        }
    }

    @Test
    void standardInputIsReadLikeAFileAndNeverClosed() {
        for (String[] args : List.of(new String[] {"estimate", "-", "--format", "csv"},
                new String[] {"estimate", "--cases", "-", "--format", "csv"})) {
            boolean cases = args[1].equals("--cases");
            String text = cases ? "\uFEFFrecorded;audited\r\n180;202" : "category;recorded;audited;volume\r\nviolence;180;202;25000";
            Watched in = new Watched(text.getBytes(StandardCharsets.UTF_8));
            CliRun run = withStandardInput(in, args);
            assertEquals(0, run.status(), run.toString());
            assertFalse(in.closed, "standard input is not closed: " + run);
            assertTrue(run.err().contains(cases ? "read 1 case from -" : "read 1 category row from -"), run.toString());
        }
    }

    /** An endless stream of one byte, like /dev/zero (byte 0) or `yes x | tr -d '\n'`. */
    private static InputStream endless(byte value) {
        return new InputStream() {
            @Override
            public int read() {
                return value;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, value);
                return len;
            }
        };
    }

    @Test
    void standardInputIsHeldToTheRecordLimit() {
        // estimate - < /dev/zero ran out of memory reading standard input whole; now the first NUL stops it
        CliRun zeros = withStandardInput(endless((byte) 0), "estimate", "-");
        assertEquals(1, zeros.status(), zeros.toString());
        assertTrue(zeros.err().contains("- line 1, column 1: '\\u0000' holds a NUL character"), zeros.toString());
        // an endless line of text stops at the 1 MiB record limit, not at the end of memory
        for (String[] args : List.of(new String[] {"estimate", "-"}, new String[] {"estimate", "--cases", "-"},
                new String[] {"reproduce", "--cases", "-"})) {
            CliRun text = withStandardInput(endless((byte) 'x'), args);
            assertEquals(1, text.status(), text.toString());
            assertTrue(text.err().contains("- line 1: starts a record longer than 1048576 characters"), text.toString());
        }
    }

    @Test
    void selectChecksEveryOutputBeforeItDraws() throws IOException {
        Path population = file("population.csv", styled("plain", POPULATION));
        Path plan = file("plan.csv", styled("plain", PLAN));
        Path sample = dir.resolve("sample.csv");
        // a manifest in a missing folder: refused before the sample is written
        CliRun missing = CliRun.of("select", population.toString(), "--plan", plan.toString(), "--seed", "7", "--out",
                sample.toString(), "--manifest", dir.resolve("no/such/folder/m.json").toString());
        assertEquals(1, missing.status(), missing.toString());
        assertTrue(missing.err().contains("--manifest") && missing.err().contains("does not exist"), missing.toString());
        assertFalse(Files.exists(sample), "no sample written: " + missing);
        // the manifest as the sample list itself: a usage error, nothing written
        CliRun same = CliRun.of("select", population.toString(), "--plan", plan.toString(), "--seed", "7", "--out",
                sample.toString(), "--manifest", dir.resolve("./sample.csv").toString());
        assertEquals(2, same.status(), same.toString());
        assertTrue(same.err().contains("is the same file as --out"), same.toString());
        assertFalse(Files.exists(sample), same.toString());
        // an output onto an input: refused, the input left as it was
        String before = Files.readString(population);
        CliRun onInput = CliRun.of("select", population.toString(), "--plan", plan.toString(), "--seed", "7", "--out",
                population.toString());
        assertEquals(2, onInput.status(), onInput.toString());
        assertEquals(before, Files.readString(population));
        CliRun manifestOnPlan = CliRun.of("select", population.toString(), "--plan", plan.toString(), "--seed", "7",
                "--manifest", plan.toString());
        assertEquals(2, manifestOnPlan.status(), manifestOnPlan.toString());
        // a manifest that is a folder
        CliRun folder = CliRun.of("select", population.toString(), "--plan", plan.toString(), "--seed", "7",
                "--manifest", dir.toString());
        assertEquals(1, folder.status(), folder.toString());
        assertTrue(folder.err().contains("is a folder"), folder.toString());
        // and when all is well, both are written
        CliRun ok = CliRun.of("select", population.toString(), "--plan", plan.toString(), "--seed", "7", "--out",
                sample.toString());
        assertEquals(0, ok.status(), ok.toString());
        assertTrue(Files.exists(sample) && Files.exists(dir.resolve("sample.manifest.json")), ok.toString());
    }
}
