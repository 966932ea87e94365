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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one reader, tried on every file kind with one table of awkward files: each file of the
 * table is made for each kind (its own columns, a {@code note} column that every kind ignores or
 * carries, two data rows) and read by the library's reader of that kind; each case expects the
 * rows (their lines, and the note cells exactly as written where the kind exposes cells) or one
 * located error (file, line, column, message), the same for every kind.
 *
 * <p>A case that reads must read to the same thing as the plain file (the same inspections,
 * tallies, designs, rows): an awkward file changes nothing but how it is written. And so that the
 * lines are checked for kinds that do not expose them, each such case is read again with its last
 * row one cell short, which must be refused at that row's line.
 *
 * <p>The expected values are written by hand from the rules ({@code CsvRules}, README "Input"):
 * line numbers count every line from 1, empty ones included; a record is named by its first line.
 */
class OneReaderTest {

    private static final int MAX = 1 << 20;

    @TempDir
    Path dir;

    /** What a kind's reader gave: the domain value, and where exposed the rows' lines and note cells. */
    record Read(Object value, List<Long> lines, List<String> notes, long rows, long blankRows) {
    }

    /** Every kind of file, with the reader the library uses for it. */
    enum Kind {
        INSPECTION(List.of("category", "recorded", "audited", "volume"),
                List.of(List.of("violence", "180", "202", "25000"), List.of("other crime", "211", "220", "35000")),
                "has a header but no categories") {
            @Override
            Read read(Path file) {
                InspectionSource source = InspectionSource.read(file, Optional.empty());
                return new Read(source.inspections(), null, null, source.rowsRead(), source.blankRows());
            }
        },
        FORCES(List.of("inspection", "category", "recorded", "audited", "volume"),
                List.of(List.of("Force A", "violence", "180", "202", "25000"),
                        List.of("Force B", "violence", "211", "220", "35000")),
                "has a header but no categories") {
            @Override
            Read read(Path file) {
                InspectionSource source = InspectionSource.read(file, Optional.empty());
                return new Read(source.inspections(), null, null, source.rowsRead(), source.blankRows());
            }
        },
        CASES(List.of("recorded", "audited"), List.of(List.of("180", "202"), List.of("211", "220")), null) {
            @Override
            Read read(Path file) {
                return csv(file, row -> List.of(row.whole("recorded"), row.whole("audited")));
            }
        },
        FIGURES(List.of("rate", "margin"), List.of(List.of("93.2", "2.3"), List.of("87.8", "1.7")), null) {
            @Override
            Read read(Path file) {
                return csv(file, row -> List.of(row.decimal("rate"), row.decimal("margin")));
            }
        },
        PLAN(List.of("category", "audited"), List.of(List.of("violence", "202"), List.of("other crime", "220")), null) {
            @Override
            Read read(Path file) {
                return csv(file, row -> List.of(row.text("category").strip(), row.whole("audited")));
            }
        },
        PLAN_VOLUMES(List.of("category", "volume"), List.of(List.of("violence", "25000"), List.of("other crime", "35000")),
                null) {
            @Override
            Read read(Path file) {
                return csv(file, row -> List.of(row.text("category").strip(), row.whole("volume")));
            }
        },
        VOLUMES(List.of("category", "volume"), List.of(List.of("violence", "25000"), List.of("other crime", "35000")),
                "has a header but no categories") {
            @Override
            Read read(Path file) {
                VolumesFile volumes = VolumesFile.read(file);
                return new Read(volumes.design("").orElseThrow(), null, null, volumes.rows(), volumes.blankRows());
            }
        },
        AUDIT(List.of("record_id", "category", "recorded"),
                List.of(List.of("R1", "violence", "yes"), List.of("R2", "other crime", "no")),
                "has a header but no records") {
            @Override
            Read read(Path file) {
                AuditFile audit = AuditFile.read(file);
                return new Read(audit.tallies(), null, null, audit.rowsRead(), audit.blankRows());
            }
        },
        POPULATION(List.of("record_id", "category"), List.of(List.of("x1", "violence"), List.of("x2", "other crime")),
                null) {
            @Override
            Read read(Path file) {
                List<PopulationRow> rows = new ArrayList<>();
                PopulationSummary summary = PopulationFile.of(file).read(rows::add);
                List<Object> value = new ArrayList<>();
                rows.forEach(r -> value.add(List.of(r.recordId(), r.category())));
                value.add(summary.counts());
                return new Read(value, rows.stream().map(PopulationRow::line).toList(),
                        rows.stream().map(r -> r.carried().get(r.carried().size() - 1)).toList(), summary.rows(),
                        summary.blankRows());
            }
        };

        final List<String> columns;
        final List<List<String>> rows;
        /** What the kind says of a file with a header and no row, or null when it reads 0 rows. */
        final String headerOnly;

        Kind(List<String> columns, List<List<String>> rows, String headerOnly) {
            this.columns = columns;
            this.rows = rows;
            this.headerOnly = headerOnly;
        }

        abstract Read read(Path file);

        /** Whether the kind's reader shows lines and cells (else only the domain value). */
        boolean showsCells() {
            return this == CASES || this == FIGURES || this == PLAN || this == PLAN_VOLUMES || this == POPULATION;
        }

        int width() {
            return columns.size() + 1;
        }

        private static Read csv(Path file, Function<CsvInput.Row, List<Object>> typed) {
            CsvInput input = CsvInput.read(file);
            return new Read(input.rows().stream().map(typed).toList(), input.rows().stream().map(CsvInput.Row::line).toList(),
                    input.rows().stream().map(r -> r.text("note")).toList(), input.rows().size(), input.blankRows());
        }
    }

    /** How a file is written: delimiter, line break, a final break, a byte-order mark, every cell quoted, text
     * before the header, text after each row's break, and the note column first. */
    record Style(String sep, String brk, boolean finalBreak, boolean hasBom, boolean quoted, String lead, String gap,
                 boolean noteAtStart) {

        static Style plain() {
            return new Style(",", "\n", true, false, false, "", "", false);
        }

        Style delimiter(String d) {
            return new Style(d, brk, finalBreak, hasBom, quoted, lead, gap, noteAtStart);
        }

        Style lineBreak(String b) {
            return new Style(sep, b, finalBreak, hasBom, quoted, lead, gap, noteAtStart);
        }

        Style noFinalBreak() {
            return new Style(sep, brk, false, hasBom, quoted, lead, gap, noteAtStart);
        }

        Style bom() {
            return new Style(sep, brk, finalBreak, true, quoted, lead, gap, noteAtStart);
        }

        Style quoteAll() {
            return new Style(sep, brk, finalBreak, hasBom, true, lead, gap, noteAtStart);
        }

        Style leading(String text) {
            return new Style(sep, brk, finalBreak, hasBom, quoted, text, gap, noteAtStart);
        }

        Style between(String text) {
            return new Style(sep, brk, finalBreak, hasBom, quoted, lead, text, noteAtStart);
        }

        Style noteFirst() {
            return new Style(sep, brk, finalBreak, hasBom, quoted, lead, gap, true);
        }
    }

    /** What a case expects: rows (lines of the data rows, notes as read, blank rows) or one located error. */
    sealed interface Expect permits Rows, Fails {
    }

    record Rows(List<Long> lines, List<String> notes, long blankRows) implements Expect {
    }

    /** line, column (null for the row or file as a whole) and a part of the message, per kind. */
    record Fails(long line, Function<Kind, String> column, Function<Kind, String> message) implements Expect {
        static Fails at(long line, String column, String message) {
            return new Fails(line, k -> column, k -> message);
        }
    }

    /**
     * A case of the table: a name, how to write the file for a kind, what to expect, and the style
     * and notes it was written with (null for a file made otherwise).
     */
    record Case(String name, Function<Kind, byte[]> file, Expect expect, Style style, List<String> notes) {
        Case(String name, Function<Kind, byte[]> file, Expect expect) {
            this(name, file, expect, null, null);
        }
    }

    /** The rows' notes as written (raw: quotes included), the last row optionally one cell short. */
    static byte[] render(Kind kind, Style style, List<String> notes, boolean lastRowShort) {
        StringBuilder text = new StringBuilder();
        text.append(style.lead());
        List<String> header = new ArrayList<>(kind.columns);
        if (style.noteAtStart()) {
            header.add(0, "note");
        } else {
            header.add("note");
        }
        text.append(line(header, style)).append(style.brk());
        for (int r = 0; r < kind.rows.size(); r++) {
            List<String> cells = new ArrayList<>(kind.rows.get(r));
            if (style.noteAtStart()) {
                cells.add(0, notes.get(r));
            } else {
                cells.add(notes.get(r));
            }
            boolean last = r == kind.rows.size() - 1;
            if (last && lastRowShort) {
                cells.remove(style.noteAtStart() ? 1 : 0);
            }
            text.append(line(cells, style));
            if (!last || style.finalBreak()) {
                text.append(style.brk());
            }
            if (!last) {
                text.append(style.gap());
            }
        }
        return bytes(style.hasBom() ? "\uFEFF" + text : text.toString());
    }

    /** A record: the cells joined by the delimiter, each quoted when the style says so (unless written quoted). */
    private static String line(List<String> cells, Style style) {
        List<String> written = new ArrayList<>();
        for (String cell : cells) {
            written.add(style.quoted() && !cell.startsWith("\"") ? "\"" + cell + "\"" : cell);
        }
        return String.join(style.sep(), written);
    }

    /** UTF-8, with U+E0xx standing for the single byte xx (to write bytes that are not UTF-8). */
    static byte[] bytes(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < utf8.length; i++) {
            if ((utf8[i] & 0xFF) == 0xEE && i + 2 < utf8.length && (utf8[i + 1] & 0xFC) == 0x80) {
                out.write(((utf8[i + 1] & 0x03) << 6) | (utf8[i + 2] & 0x3F));
                i += 2;
            } else {
                out.write(utf8[i]);
            }
        }
        return out.toByteArray();
    }

    private static Case reads(String name, Style style, List<String> written, List<String> read, List<Long> lines,
                              long blank) {
        return new Case(name, k -> render(k, style, written, false), new Rows(lines, read, blank), style, written);
    }

    private static Case reads(String name, Style style, List<Long> lines) {
        return reads(name, style, List.of("n1", "n2"), List.of("n1", "n2"), lines, 0);
    }

    private static Case fails(String name, Style style, List<String> written, Fails fails) {
        return new Case(name, k -> render(k, style, written, false), fails);
    }

    /** A first row whose record (cells and delimiters, no line break) is {@code length} characters. */
    private static Function<Kind, byte[]> firstRowOfLength(int length) {
        return k -> {
            int others = String.join(",", k.rows.get(0)).length() + 1;
            String note = "x".repeat(length - others);
            return render(k, Style.plain(), List.of(note, "n2"), false);
        };
    }

    static List<Case> table() {
        List<Long> lines = List.of(2L, 3L);
        List<Case> cases = new ArrayList<>();
        cases.add(reads("LF, final line break", Style.plain(), lines));
        cases.add(reads("no final line break", Style.plain().noFinalBreak(), lines));
        cases.add(reads("CRLF", Style.plain().lineBreak("\r\n"), lines));
        cases.add(reads("CRLF, no final line break", Style.plain().lineBreak("\r\n").noFinalBreak(), lines));
        cases.add(reads("CR only", Style.plain().lineBreak("\r"), lines));
        cases.add(reads("CR only, no final line break", Style.plain().lineBreak("\r").noFinalBreak(), lines));
        cases.add(reads("byte-order mark", Style.plain().bom(), lines));
        cases.add(reads("byte-order mark, every cell quoted", Style.plain().bom().quoteAll(), lines));
        cases.add(reads("semicolon", Style.plain().delimiter(";"), lines));
        cases.add(reads("semicolon, CRLF, byte-order mark, no final break",
                Style.plain().delimiter(";").lineBreak("\r\n").bom().noFinalBreak(), lines));
        cases.add(reads("tab", Style.plain().delimiter("\t"), lines));
        cases.add(reads("every cell quoted", Style.plain().quoteAll(), lines));
        cases.add(reads("quoted delimiters, kept as text", Style.plain(), List.of("\"a,b;c\td\"", "\" , \""),
                List.of("a,b;c\td", " , "), lines, 0));
        cases.add(reads("quoted delimiters in a semicolon file", Style.plain().delimiter(";"),
                List.of("\"a;b,c\"", "n2"), List.of("a;b,c", "n2"), lines, 0));
        cases.add(reads("doubled quotes", Style.plain(), List.of("\"say \"\"hi\"\"\"", "\"\"\"\""),
                List.of("say \"hi\"", "\""), lines, 0));
        cases.add(reads("a quote inside an unquoted cell is text", Style.plain(), List.of("a\"b", "5\" tall"),
                List.of("a\"b", "5\" tall"), lines, 0));
        cases.add(reads("spaces kept as written", Style.plain(), List.of("  spaced  ", "\t"), List.of("  spaced  ", "\t"),
                lines, 0));
        cases.add(reads("spaces after a closing quote", Style.plain(), List.of("\"q\"  ", "n2"), List.of("q", "n2"),
                lines, 0));
        cases.add(reads("a line break inside quotes", Style.plain(), List.of("\"two\nlines\"", "n2"),
                List.of("two\nlines", "n2"), List.of(2L, 4L), 0));
        cases.add(reads("CRLF inside quotes, kept", Style.plain().lineBreak("\r\n"), List.of("\"two\r\nlines\"", "n2"),
                List.of("two\r\nlines", "n2"), List.of(2L, 4L), 0));
        cases.add(reads("a lone CR inside quotes, and empty lines inside quotes", Style.plain(),
                List.of("\"a\rb\n\nc\"", "n2"), List.of("a\rb\n\nc", "n2"), List.of(2L, 6L), 0));
        cases.add(reads("U+FFFE and U+FFFF in a quoted cell", Style.plain(),
                List.of("\"viol\uFFFE,ence\uFFFF\"", "\uFFFF\uFFFE"), List.of("viol\uFFFE,ence\uFFFF", "\uFFFF\uFFFE"),
                lines, 0));
        cases.add(reads("U+FFFE starting a record is data, not a comment", Style.plain().noteFirst(),
                List.of("\uFFFEn1", "\uFFFE"), List.of("\uFFFEn1", "\uFFFE"), lines, 0));
        cases.add(reads("U+FEFF inside a cell is data", Style.plain(), List.of("\uFEFFn1", "n2"), List.of("\uFEFFn1", "n2"),
                lines, 0));
        cases.add(reads("letters beyond ASCII", Style.plain(), List.of("caf\u00e9 \u4e2d \ud83d\ude00", "n2"),
                List.of("caf\u00e9 \u4e2d \ud83d\ude00", "n2"), lines, 0));
        cases.add(reads("empty lines around the rows", Style.plain().leading("\n\r\n").between("\n"),
                List.of("n1", "n2"), List.of("n1", "n2"), List.of(4L, 6L), 0));
        cases.add(reads("a row of empty cells is skipped and counted", Style.plain().between(",,,,,,\n"),
                List.of("n1", "n2"), List.of("n1", "n2"), List.of(2L, 4L), 1));
        cases.add(reads("a row of spaces is skipped and counted", Style.plain().between("  \t \n"),
                List.of("n1", "n2"), List.of("n1", "n2"), List.of(2L, 4L), 1));
        cases.add(new Case("a record of exactly 1 MiB", firstRowOfLength(MAX),
                new Rows(lines, null, 0)));
        // U+FFFE escapes nothing: commons-csv takes it for "no escape character" unless the reader guards it
        cases.add(fails("U+FFFE before a delimiter does not escape it", Style.plain(), List.of("viol\uFFFE,ence", "n2"),
                new Fails(2, k -> null, k -> "has " + (k.width() + 1) + " cells but the header has " + k.width())));
        cases.add(new Case("a record over 1 MiB", firstRowOfLength(MAX + 1),
                Fails.at(2, null, "starts a record longer than 1048576 characters")));
        cases.add(fails("an unclosed quote, named where it opens", Style.plain(), List.of("n1", "\"open"),
                Fails.at(3, null, "opens a quoted cell that is never closed")));
        cases.add(fails("an unclosed quote after a multi-line record", Style.plain(), List.of("\"a\nb\"", "\"open"),
                Fails.at(4, null, "never closed")));
        cases.add(fails("a quote after spaces after a closing quote", Style.plain(), List.of("\"a\nb\" \"", "n2"),
                Fails.at(3, null, "has text after a closing quote")));
        cases.add(fails("text after a closing quote", Style.plain(), List.of("\"q\"x", "n2"),
                Fails.at(2, null, "has text after a closing quote")));
        cases.add(fails("invalid UTF-8 in a cell", Style.plain(), List.of("n1", "ab\uE0C3\uE028"),
                Fails.at(3, "note", "'ab\\xC3' is not valid UTF-8")));
        cases.add(fails("Latin-1 text", Style.plain(), List.of("caf\uE0E9", "n2"),
                Fails.at(2, "note", "'caf\\xE9' is not valid UTF-8")));
        cases.add(fails("UTF-8 cut short at the end of the file", Style.plain().noFinalBreak(), List.of("n1", "n\uE0E2\uE082"),
                Fails.at(3, "note", "'n\\xE2\\x82' is not valid UTF-8")));
        cases.add(fails("a NUL in a cell", Style.plain(), List.of("a\u0000b", "n2"),
                Fails.at(2, "note", "holds a NUL character")));
        cases.add(new Case("a NUL-only file (/dev/zero)", k -> new byte[1 << 16], Fails.at(1, "1", "holds a NUL character")));
        cases.add(new Case("UTF-16 with its byte-order mark", k -> {
            byte[] text = (String.join(",", k.columns) + "\n").getBytes(StandardCharsets.UTF_16LE);
            byte[] bom = {(byte) 0xFF, (byte) 0xFE};
            byte[] all = Arrays.copyOf(bom, bom.length + text.length);
            System.arraycopy(text, 0, all, bom.length, text.length);
            return all;
        }, Fails.at(1, "1", "it looks like UTF-16")));
        cases.add(new Case("invalid UTF-8 in the header", k -> bytes(String.join(",", k.columns) + ",no\uE0C3te\n"
                + String.join(",", k.rows.get(0)) + ",n1\n"),
                new Fails(1, k -> String.valueOf(k.width()), k -> "'no\\xC3' is not valid UTF-8")));
        cases.add(new Case("an empty file", k -> new byte[0], Fails.at(0, null, "is empty: expected a header line")));
        cases.add(new Case("only a byte-order mark and empty lines", k -> bytes("\uFEFF\n\r\n\r"),
                Fails.at(0, null, "is empty")));
        cases.add(new Case("a row with too few cells", k -> render(k, Style.plain(), List.of("n1", "n2"), true),
                new Fails(3, k -> null, k -> "has " + (k.width() - 1) + " cells but the header has " + k.width())));
        cases.add(fails("a row with too many cells", Style.plain(), List.of("n1,extra", "n2"),
                new Fails(2, k -> null, k -> "has " + (k.width() + 1) + " cells but the header has " + k.width())));
        cases.add(fails("a row with too many cells in a semicolon file", Style.plain().delimiter(";"),
                List.of("n1;extra", "n2"), new Fails(2, k -> null, k -> "(semicolon-delimited, as detected")));
        return cases;
    }

    @TestFactory
    Stream<DynamicTest> everyKindReadsTheTableAlike() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : table()) {
            for (Kind kind : Kind.values()) {
                tests.add(DynamicTest.dynamicTest(kind + ": " + c.name(), () -> check(kind, c)));
            }
        }
        return tests.stream();
    }

    private Path write(Kind kind, String folder, byte[] content) throws IOException {
        Path path = dir.resolve(kind.name() + "-" + folder);
        Files.createDirectories(path);
        Path file = path.resolve(kind.name().toLowerCase() + ".csv");
        Files.write(file, content);
        return file;
    }

    private void check(Kind kind, Case c) throws IOException {
        Path file = write(kind, "case", c.file().apply(kind));
        if (c.expect() instanceof Fails fails) {
            DataFileException e = assertThrows(DataFileException.class, () -> kind.read(file));
            assertLocated(fails, kind, e);
            return;
        }
        Rows rows = (Rows) c.expect();
        Read read = kind.read(file);
        Read plain = kind.read(write(kind, "plain", render(kind, Style.plain(), List.of("n1", "n2"), false)));
        assertEquals(plain.value(), read.value(), "reads to what the plain file reads to");
        assertEquals(2, read.rows(), "rows read");
        assertEquals(rows.blankRows(), read.blankRows(), "blank rows skipped");
        if (kind.showsCells()) {
            assertEquals(rows.lines(), read.lines(), "lines");
            if (rows.notes() != null) {
                assertEquals(rows.notes(), read.notes(), "cells as written");
            }
        }
        if (c.style() != null) {
            // the lines, for every kind: the same file with its last row one cell short fails at that row's line
            Path shortRow = write(kind, "short", render(kind, c.style(), c.notes(), true));
            DataFileException e = assertThrows(DataFileException.class, () -> kind.read(shortRow));
            assertEquals(rows.lines().get(1), e.line(), e.getMessage());
            assertTrue(e.getMessage().contains("but the header has " + kind.width()), e.getMessage());
        }
    }

    private static void assertLocated(Fails fails, Kind kind, DataFileException e) {
        String where = kind + ": " + e.getMessage();
        assertTrue(e.file().endsWith(kind.name().toLowerCase() + ".csv"), where + " names the file");
        assertTrue(e.getMessage().startsWith(e.file()), where + " starts with the file");
        assertEquals(fails.line(), e.line(), where + " line");
        assertEquals(fails.column().apply(kind), e.column(), where + " column");
        assertTrue(e.getMessage().contains(fails.message().apply(kind)), where + " says " + fails.message().apply(kind));
        assertFalse(e.getMessage().contains("\n"), where + " one line");
    }
}
