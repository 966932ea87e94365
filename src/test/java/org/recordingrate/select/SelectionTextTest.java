package org.recordingrate.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.recordingrate.CsvText;
import org.junit.jupiter.api.io.TempDir;
import org.recordingrate.error.ArgumentException;

/**
 * What a selection says, word for word: its line, summary, notes (a shortfall, records sent to the
 * other category, blank rows, one and several), the sample list as CSV (a carried column whose name
 * is taken renamed), the manifest and its JSON. The population is four records, so every method
 * takes every record and the sample is known without drawing: a has 1 (1 planned), b has 1 (3
 * planned: a shortfall), c has r3 and r4 (r4's category z is not in the plan and goes to c). The
 * order within c is that of the permanent random numbers (PRN: the smaller number first, the
 * numbers as checked against Python's hmac in {@code SelectionTest}) or file order (systematic).
 * The SHA-256 is computed here with {@link MessageDigest}.
 */
class SelectionTextTest {

    @TempDir
    Path folder;

    private static final List<PlannedCategory> PLAN = List.of(new PlannedCategory("a", 1), new PlannedCategory("b", 3),
            new PlannedCategory("c", 2));

    private Path population(String name, List<String> lines) throws IOException {
        Path file = folder.resolve(name);
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void aSelectionSaysWhatItDrew() throws Exception {
        Path file = population("pop.csv", List.of("record_id,category,note,Selection_Order", "r1,a,first,x",
                "r2,b,second,y", "r3,c,third,z", ",,,", "r4,z,unknown,w"));
        String sha = sha256(file);
        // PRN: within c, the record with the smaller number first
        PermanentRandomNumber numbers = PermanentRandomNumber.withSeed(7);
        boolean r4First = Long.compareUnsigned(numbers.bits("r4"), numbers.bits("r3")) < 0;
        List<String> prnOrder = r4First ? List.of("r1", "r2", "r4", "r3") : List.of("r1", "r2", "r3", "r4");

        for (SelectionMethod method : SelectionMethod.values()) {
            Selection selection = Selector.withSeed(7).with(method).withOther("c").select(file, PLAN);
            String what = method.token();
            List<String> order = method == SelectionMethod.PRN ? prnOrder
                    : method == SelectionMethod.SYSTEMATIC ? List.of("r1", "r2", "r3", "r4") : null;
            String line = "4 records drawn by " + method.displayName() + ", seed 7, from " + file + " (4 rows)";
            assertEquals(line, selection.toString(), what);
            assertEquals(line + "\n  a: 1 of 1 record\n  b: only 1 record for 3 planned, taken whole\n  c: 2 of 2 records",
                    selection.summary(), what);
            String shortfall = "shortfall: b: only 1 record for 3 planned, taken whole";
            String other = "1 records of categories not in the plan went to 'c'";
            String blank = "1 blank row of " + file + " skipped";
            assertEquals(List.of(shortfall, other, blank), selection.notes(), what);
            assertEquals(4, selection.drawn(), what);
            assertEquals("[b: only 1 record for 3 planned, taken whole]", selection.shortfalls().toString(), what);

            List<String> ids = selection.records().stream().map(SelectedRecord::recordId).toList();
            if (order != null) {
                assertEquals(order, ids, what);
            }
            Map<String, String> carried = Map.of("r1", "first,x", "r2", "second,y", "r3", "third,z", "r4", "unknown,w");
            Map<String, String> category = Map.of("r1", "a", "r2", "b", "r3", "c", "r4", "c");
            StringBuilder expected = new StringBuilder("record_id,category,selection_order,note,Selection_Order_population,"
                    + "notes\n");
            String notes = "\"" + shortfall + "; " + other + "; " + blank + "\"";
            int inC = 0;
            for (String id : ids) {
                int rank = category.get(id).equals("c") ? ++inC : 1;
                expected.append(id).append(',').append(category.get(id)).append(',').append(rank).append(',')
                        .append(carried.get(id)).append(',').append(notes).append('\n');
            }
            assertEquals(expected.toString(), CsvText.of(selection), what);
            assertEquals(ids.get(0) + " (a #1)", selection.records().get(0).toString(), what);
            // each record's file line (the blank row is line 5) and, by PRN only, its number: bits / 2^64
            Map<String, Long> lines = Map.of("r1", 2L, "r2", 3L, "r3", 4L, "r4", 6L);
            for (SelectedRecord record : selection.records()) {
                assertEquals(lines.get(record.recordId()), record.line(), what + " " + record);
                if (method == SelectionMethod.PRN) {
                    double unit = new java.math.BigDecimal(Long.toUnsignedString(numbers.bits(record.recordId())))
                            .divide(new java.math.BigDecimal(java.math.BigInteger.ONE.shiftLeft(64))).doubleValue();
                    assertEquals(unit, record.prn().getAsDouble(), 0, what + " " + record);
                } else {
                    assertEquals(true, record.prn().isEmpty(), what + " " + record);
                }
            }

            SelectionManifest manifest = selection.manifest();
            assertEquals(method.token() + ", seed 7, " + file + ": 4 rows, SHA-256 " + sha, manifest.toString(), what);
            Map<String, String> extra = new LinkedHashMap<>();
            extra.put("made_by", "test");
            assertEquals("{\n"
                    + "  \"method\": \"" + method.token() + "\",\n"
                    + "  \"method_name\": \"" + method.displayName() + "\",\n"
                    + "  \"seed\": 7,\n"
                    + "  \"reproduction\": \"" + method.reproduction() + "\",\n"
                    + "  \"other_category\": \"c\",\n"
                    + "  \"population_file\": \"" + file + "\",\n"
                    + "  \"population_rows\": 4,\n"
                    + "  \"population_sha256\": \"" + sha + "\",\n"
                    + "  \"made_by\": \"test\",\n"
                    + "  \"plan\": [\n"
                    + "    {\"category\": \"a\", \"planned\": 1, \"population\": 1, \"drawn\": 1, \"shortfall\": false},\n"
                    + "    {\"category\": \"b\", \"planned\": 3, \"population\": 1, \"drawn\": 1, \"shortfall\": true},\n"
                    + "    {\"category\": \"c\", \"planned\": 2, \"population\": 2, \"drawn\": 2, \"shortfall\": false}\n"
                    + "  ]\n"
                    + "}\n", SelectionColumns.manifestJson(manifest, extra), what);
        }
    }

    @Test
    void blankRowsAndNoOtherCategory() throws Exception {
        Path file = population("two.csv", List.of("record_id,category", "r1,a", ",", "r2,a", " , ", "r3,b"));
        Selection selection = Selector.withSeed(3).select(file,
                List.of(new PlannedCategory("a", 2), new PlannedCategory("b", 1)));
        assertEquals(List.of("2 blank rows of " + file + " skipped"), selection.notes());
        assertEquals("prn, seed 3, " + file + ": 3 rows, SHA-256 " + sha256(file), selection.manifest().toString());
        String json = SelectionColumns.manifestJson(selection.manifest(), Map.of());
        assertEquals("  \"other_category\": null,", json.split("\n")[5]);
        // no categories at all: an empty plan list in JSON
        SelectionManifest empty = new SelectionManifest("prn", "x", "r", 1, Optional.empty(), "f", 0, "s", List.of());
        assertEquals("{\n  \"method\": \"prn\",\n  \"method_name\": \"x\",\n  \"seed\": 1,\n  \"reproduction\": \"r\",\n"
                + "  \"other_category\": null,\n  \"population_file\": \"f\",\n  \"population_rows\": 0,\n"
                + "  \"population_sha256\": \"s\",\n  \"plan\": []\n}\n", SelectionColumns.manifestJson(empty, Map.of()));
    }

    @Test
    void categoryDrawsAndPlannedCategories() {
        CategoryDraw whole = new CategoryDraw("b", 3, 1, 1);
        CategoryDraw part = new CategoryDraw("a", 2, 5, 2);
        assertEquals("b: only 1 record for 3 planned, taken whole", whole.toString());
        assertEquals("a: 2 of 5 records", part.toString());
        assertEquals(true, whole.shortfall());
        assertEquals(false, part.shortfall());
        assertEquals(false, new CategoryDraw("c", 4, 4, 4).shortfall());
        StringWriter out = new StringWriter();
        SelectionColumns.DRAW.table(whole).writeCsv(out);
        assertEquals("category,planned,population,drawn,shortfall,notes\nb,3,1,1,yes,\n",
                out.toString().replace("\r\n", "\n"));
        out = new StringWriter();
        SelectionColumns.DRAW.table(part).writeCsv(out);
        assertEquals("category,planned,population,drawn,shortfall,notes\na,2,5,2,no,\n",
                out.toString().replace("\r\n", "\n"));

        assertEquals("a: 2", new PlannedCategory("a", 2).toString());
        assertEquals("audited of category 'a' (-1) must not be negative",
                assertThrows(ArgumentException.class, () -> new PlannedCategory("a", -1)).getMessage());
        assertEquals("category ('All crime') is reserved for the combined row",
                assertThrows(ArgumentException.class, () -> new PlannedCategory("All crime", 1)).getMessage());
        assertEquals(0, new PlannedCategory("a", 0).audited());
    }
}
