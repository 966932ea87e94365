package org.recordingrate.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.AuditedCategory;

/** Reading inspection files: grouping, order, defaults, and located errors. */
class InspectionFileTest {

    private static List<Inspection> parse(String name, String text) throws IOException {
        return InspectionFile.parse(CsvInput.read(name, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void groupsRowsByInspectionKeepingFileOrder() throws IOException {
        List<Inspection> inspections = parse("forces.csv", "inspection,category,recorded,audited,volume,population\n"
                + "B,violence,1,2,10,20\nA,violence,3,4,10,\nB,other crime,5,6,10,\n");
        assertEquals(List.of("B", "A"), inspections.stream().map(Inspection::name).toList());
        Inspection b = inspections.get(0);
        assertEquals(List.of("violence", "other crime"), b.categories().stream().map(c -> c.name()).toList());
        assertEquals(20, b.categories().get(0).population().getAsLong());
        assertTrue(b.categories().get(1).population().isEmpty(), "blank population means unknown");
        assertEquals(2 + 6, b.totalAudited());
    }

    @Test
    void withoutAnInspectionColumnTheFileNamesTheInspection() throws IOException {
        List<Inspection> inspections = parse("data/peel-2022.csv", "Category , Recorded,AUDITED,volume\n"
                + "violence,180,202,25000\n");
        assertEquals("peel-2022", inspections.get(0).name());
        assertEquals(180, inspections.get(0).categories().get(0).tally().recorded());
    }

    @Test
    void errorsNameFileLineColumnAndValue() {
        DataFileException e = assertThrows(DataFileException.class, () -> parse("x.csv",
                "category,recorded,audited,volume\nviolence,1,2,10\nother,1,2,ten\n"));
        assertEquals("x.csv", e.file());
        assertEquals(3, e.line());
        assertEquals("volume", e.column());
        assertEquals("ten", e.value());
        assertEquals("x.csv line 3, column volume: 'ten' is not a whole number", e.getMessage());
        e = assertThrows(DataFileException.class, () -> parse("x.csv", "category,recorded,audited,volume\n"));
        assertTrue(e.getMessage().contains("no categories"), e.getMessage());
        e = assertThrows(DataFileException.class, () -> parse("x.csv", ""));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
        e = assertThrows(DataFileException.class, () -> parse("x.csv",
                "category,recorded,audited,volume\nall crime,1,2,3\n"));
        assertTrue(e.getMessage().contains("reserved"), e.getMessage());
        e = assertThrows(DataFileException.class, () -> parse("x.csv",
                "category,recorded,audited,volume,volume\nv,1,2,3,3\n"));
        assertTrue(e.getMessage().contains("twice in the header"), e.getMessage());
        e = assertThrows(DataFileException.class, () -> parse("x.csv",
                "category,recorded,audited,volume\n,1,2,3\n"));
        assertTrue(e.getMessage().contains("line 2, column category"), e.getMessage());
    }

    @Test
    void wholeNumbersMayBeWrittenWithAZeroFraction() throws IOException {
        List<Inspection> inspections = parse("x.csv", "category,recorded,audited,volume\nv,188.0,202,2.5e4\n");
        assertEquals(188, inspections.get(0).categories().get(0).tally().recorded());
        assertEquals(25_000, inspections.get(0).categories().get(0).volume());
        assertThrows(DataFileException.class, () -> parse("x.csv", "category,recorded,audited,volume\nv,1.5,2,3\n"));
    }
}
