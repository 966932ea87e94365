package org.recordingrate.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.recordingrate.model.Incidents;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Tally;

/** The record-level reader's API: naming inspections, pairing them with volumes, accounting. */
class AuditFileTest {

    private static AuditFile audit(String name, String text) {
        return AuditFile.read(name, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static VolumesFile volumes(String text) {
        return VolumesFile.read("volumes.csv", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static final String RECORDS = "record_id,category,recorded,incident_id,should_record\n"
            + "R1,violence,yes,I1,yes\nR2,violence,no,I1,yes\nR3,other crime,yes,I2,yes\nR4,other crime,yes,I3,no\n";

    @Test
    void withoutAnInspectionColumnTheFileNamesItsInspection() {
        AuditFile audit = audit("data/audit-2022.csv", RECORDS);
        assertEquals(List.of("audit-2022"), audit.inspectionNames());
        assertEquals(Map.of("audit-2022", Map.of("violence", Tally.of(1, 2), "other crime", Tally.of(1, 1))), audit.tallies());
        assertEquals("data/audit-2022.csv: 4 rows read, 3 used, 1 excluded (should_record no)", audit.toString());
        Inspection inspection = audit.inspections(volumes("category,volume\nviolence,100\nother crime,300\n")).get(0);
        assertEquals("audit-2022", inspection.name());
        assertEquals(Optional.of(Incidents.of(new long[] {2}, new long[] {1})), inspection.categories().get(0).incidents());
        assertEquals(List.of("violence", "other crime"), inspection.categories().stream().map(c -> c.name()).toList(),
                "the volumes file's order");
    }

    @Test
    void aVolumesFileOfOneInspectionNamesAnAuditWithoutInspectionColumn() {
        Inspection inspection = audit("audit.csv", RECORDS).inspections(volumes(
                "inspection,category,volume\nPEEL 2021/22,other crime,300\nPEEL 2021/22,violence,100\n")).get(0);
        assertEquals("PEEL 2021/22", inspection.name());
        DataFileException e = assertThrows(DataFileException.class, () -> audit("audit.csv", RECORDS).inspections(volumes(
                "inspection,category,volume\nA,violence,100\nA,other crime,3\nB,violence,1\nB,other crime,1\n")));
        assertEquals(0, e.line());
        assertTrue(e.getMessage().contains("has no inspection column, and volumes.csv holds the volumes of 2 inspections"
                + " (A, B)"), e.getMessage());
    }

    @Test
    void inspectionsAreMatchedToTheirVolumesByName() {
        AuditFile audit = audit("audits.csv", "Inspection,ID,Category,Recorded\nB,1,violence,y\nA,1,violence,n\n"
                + "b,2,violence,n\n");
        List<Inspection> inspections = audit.inspections(volumes(
                "inspection,category,volume,population\nA,violence,10,\nb ,violence,20,30\n"));
        assertEquals(List.of("B", "A"), inspections.stream().map(Inspection::name).toList());
        assertEquals(Tally.of(1, 2), inspections.get(0).categories().get(0).tally());
        assertEquals(30, inspections.get(0).categories().get(0).population().getAsLong());
        assertEquals(20, inspections.get(0).totalVolume());
    }

    @Test
    void aVolumesFileWithoutInspectionColumnServesEveryInspection() {
        List<Inspection> inspections = audit("audits.csv", "inspection,record_id,category,recorded\nA,1,violence,1\n"
                + "B,1,violence,0\n").inspections(volumes("category;volume\nViolence;10\n"));
        assertEquals(2, inspections.size());
        assertEquals("Violence", inspections.get(1).categories().get(0).name(), "the volumes file spells the category");
    }

    @Test
    void theKindOfFileIsRecognisedByItsHeader() {
        Path corpus = Path.of("src/test/resources/audit-files/valid");
        assertEquals(InspectionSource.Kind.AUDIT_FILE, InspectionSource.kind(corpus.resolve("aliases.csv")));
        assertEquals(InspectionSource.Kind.INSPECTION_FILE, InspectionSource.kind(Path.of("examples/data/peel-2022.csv")));
        InspectionSource aggregated = InspectionSource.read(Path.of("examples/data/peel-2022.csv"), Optional.empty());
        assertEquals(3, aggregated.rowsRead());
        assertEquals("read 3 category rows from examples/data/peel-2022.csv", aggregated.toString());
        InspectionSource records = InspectionSource.read(corpus.resolve("extra-columns.csv"),
                Optional.of(corpus.resolve("volumes.csv")));
        assertTrue(records.toString().startsWith("read 3 records from "), records.toString());
        assertTrue(records.toString().endsWith(": 3 used, 0 excluded (should_record no); ignored columns: auditor, notes,"
                + " (unnamed column 6), date"), records.toString());
        DataFileException e = assertThrows(DataFileException.class,
                () -> InspectionSource.read(corpus.resolve("plain.csv"), Optional.empty()));
        assertTrue(e.getMessage().contains("is a record-level audit file: its categories need their volumes"), e.getMessage());
        e = assertThrows(DataFileException.class, () -> InspectionSource.read(corpus.resolve("missing.csv"), Optional.empty()));
        assertTrue(e.getMessage().endsWith("missing.csv: does not exist"), e.getMessage());
    }
}
