package org.recordingrate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.recordingrate.error.ArgumentException;

/** The streaming accumulator: tallies, incidents, duplicate ids, merging across threads. */
class AuditAccumulatorTest {

    private static final List<Category> DESIGN = List.of(Category.of("violence", 100), Category.of("other crime", 200));

    @Test
    void countsCrimesPerCategoryAndIncident() {
        AuditAccumulator audit = new AuditAccumulator()
                .add(AuditRecord.of("R1", "violence", true, "I1"))
                .add(AuditRecord.of("R2", "Violence", false, "I1"))
                .add(AuditRecord.of("R3", "violence", true, "I2"))
                .add(AuditRecord.of("R4", "other crime", true, "I1")) // same log, other category: its own cluster
                .add(AuditRecord.of("R5", "other crime", false, "I9"));
        assertTrue(audit.isGrouped());
        assertEquals(5, audit.records());
        // by hand: violence I1 = 2 crimes, 1 recorded; I2 = 1 crime, 1 recorded
        assertEquals(new Incidents(List.of(new Incidents.Group(1, 1, 1), new Incidents.Group(2, 1, 1))),
                audit.incidents().get("violence"));
        assertEquals(new Incidents(List.of(new Incidents.Group(1, 0, 1), new Incidents.Group(1, 1, 1))),
                audit.incidents().get("other crime"));
        Inspection inspection = audit.inspection("A", DESIGN);
        AuditedCategory violence = inspection.categories().get(0);
        assertEquals(Tally.of(2, 3), violence.tally());
        assertEquals(2, violence.sampledUnits());
        assertEquals(Optional.of(audit.incidents().get("violence")), violence.incidents());
    }

    @Test
    void withoutIncidentsTheCategoriesCarryNone() {
        AuditAccumulator audit = new AuditAccumulator().add("violence", true).add(AuditRecord.of("x", "other crime", false));
        assertFalse(audit.isGrouped());
        assertTrue(audit.incidents().isEmpty());
        Inspection inspection = audit.inspection("A", DESIGN);
        assertTrue(inspection.categories().stream().allMatch(c -> c.incidents().isEmpty()));
        assertEquals(1, inspection.categories().get(1).sampledUnits());
    }

    @Test
    void duplicateIdsAreRefusedAlsoAcrossMerges() {
        AuditAccumulator a = new AuditAccumulator().add(AuditRecord.of("R1", "violence", true));
        ArgumentException e = assertThrows(ArgumentException.class, () -> a.add(AuditRecord.of(" R1 ", "violence", false)));
        assertEquals("record id", e.argument());
        assertTrue(e.getMessage().contains("'R1' appears twice"), e.getMessage());
        AuditAccumulator b = new AuditAccumulator().add(AuditRecord.of("R2", "violence", true))
                .add(AuditRecord.of("R1", "other crime", true));
        e = assertThrows(ArgumentException.class, () -> a.merge(b));
        assertTrue(e.getMessage().contains("'R1'"), e.getMessage());
        assertEquals(1, a.records(), "a refused merge adds nothing");
    }

    /**
     * Issue 16: records with and without incidents were mixed silently (the latter taken for
     * incidents of one). Either every record names its incident or none does, as in a file with an
     * incident column; a mix is refused naming both records, when added and when merged.
     */
    @Test
    void recordsWithAndWithoutIncidentsAreNotMixed() {
        AuditAccumulator grouped = new AuditAccumulator().add(AuditRecord.of("R1", "violence", true, "I1"));
        ArgumentException e = assertThrows(ArgumentException.class,
                () -> grouped.add(AuditRecord.of("R2", "violence", false)));
        assertEquals("incident", e.argument());
        assertEquals("record 'R2' has no incident, but record 'R1' named its: either every record names its incident "
                + "or none does", e.getMessage());
        e = assertThrows(ArgumentException.class, () -> grouped.add("other crime", true));
        assertTrue(e.getMessage().startsWith("a record of category 'other crime' (no id) has no incident, but record "
                + "'R1' named its"), e.getMessage());
        assertEquals(1, grouped.records(), "a refused record adds nothing");
        // the refused id can still be used, with an incident
        grouped.add(AuditRecord.of("R2", "violence", false, "I2"));
        assertEquals(2, grouped.records());

        AuditAccumulator plain = new AuditAccumulator().add(AuditRecord.of("P1", "violence", true)).add("violence", false);
        e = assertThrows(ArgumentException.class, () -> plain.add(AuditRecord.of("P2", "violence", true, "I7")));
        assertEquals("record 'P2' names its incident, but record 'P1' did not: either every record names its incident "
                + "or none does", e.getMessage());
        // merging: either way round, nothing added
        e = assertThrows(ArgumentException.class, () -> plain.merge(grouped));
        assertTrue(e.getMessage().contains("record 'R1' names its incident, but record 'P1' did not"), e.getMessage());
        e = assertThrows(ArgumentException.class, () -> grouped.merge(plain));
        assertTrue(e.getMessage().contains("record 'P1' has no incident, but record 'R1' named its"), e.getMessage());
        assertEquals(2, plain.records());
        assertEquals(2, grouped.records());
        // an empty accumulator merges with either; the merged one keeps the rule
        AuditAccumulator empty = new AuditAccumulator();
        empty.merge(grouped);
        assertThrows(ArgumentException.class, () -> empty.add(AuditRecord.of("R9", "violence", true)));
    }

    @Test
    void categoriesMustMatchTheDesign() {
        AuditAccumulator audit = new AuditAccumulator().add("violence", true).add("robbery", true);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> audit.inspection("A", DESIGN));
        assertTrue(e.getMessage().contains("'robbery' was audited but has no volume"), e.getMessage());
        AuditAccumulator partial = new AuditAccumulator().add("violence", true);
        e = assertThrows(IllegalArgumentException.class, () -> partial.inspection("A", DESIGN));
        assertTrue(e.getMessage().contains("'other crime' has a volume but no audited record"), e.getMessage());
    }

    @Test
    void mergingThreadsGivesTheSameInspectionAsOneStream() throws Exception {
        // 20,000 records in 4,000 incidents; the incidents straddle the threads' chunks, so merging
        // must join an incident's crimes counted by different threads.
        Random random = new Random(7);
        List<AuditRecord> records = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            records.add(AuditRecord.of("R" + i, random.nextInt(3) == 0 ? "violence" : "other crime",
                    random.nextDouble() < 0.9, "I" + random.nextInt(4_000)));
        }
        AuditAccumulator serial = new AuditAccumulator();
        records.forEach(serial::add);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<AuditAccumulator>> parts = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                List<AuditRecord> chunk = records.subList(t * 5_000, (t + 1) * 5_000);
                parts.add(pool.submit(() -> {
                    AuditAccumulator part = new AuditAccumulator();
                    chunk.forEach(part::add);
                    return part;
                }));
            }
            AuditAccumulator merged = new AuditAccumulator();
            for (int t = 3; t >= 0; t--) { // merged in reverse order: the order must not matter
                merged.merge(parts.get(t).get());
            }
            assertEquals(serial.records(), merged.records());
            assertEquals(serial.inspection("A", DESIGN), merged.inspection("A", DESIGN));
        } finally {
            pool.shutdown();
        }
    }
}
