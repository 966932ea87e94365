package org.recordingrate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Incidents as groups of identical incidents, and their place in an audited category. */
class IncidentsTest {

    @Test
    void groupsAreMergedAndSortedSoOrderDoesNotMatter() {
        Incidents a = Incidents.of(new long[] {3, 1, 3, 2}, new long[] {2, 1, 2, 0});
        Incidents b = Incidents.of(new long[] {2, 3, 1, 3}, new long[] {0, 2, 1, 2});
        assertEquals(a, b);
        assertEquals(List.of(new Incidents.Group(1, 1, 1), new Incidents.Group(2, 0, 1), new Incidents.Group(3, 2, 2)),
                a.groups());
        assertEquals(4, a.count());
        assertEquals(9, a.crimes());       // 3 + 1 + 3 + 2
        assertEquals(5, a.recorded());     // 2 + 1 + 2 + 0
        assertEquals(3, a.largest());
        assertTrue(a.isGrouped());
        assertEquals("4 incidents of 1 to 3 crimes", a.toString());
    }

    @Test
    void singleCrimesAreATallyInIncidentsOfOne() {
        Incidents single = Incidents.ofSingleCrimes(Tally.of(3, 5));
        assertEquals(Tally.of(3, 5), single.tally());
        assertEquals(5, single.count());
        assertFalse(single.isGrouped());
        assertEquals(1, Incidents.ofSingleCrimes(Tally.of(0, 1)).groups().size());
    }

    @Test
    void badCountsAreRefusedNamingThem() {
        assertThrows(IllegalArgumentException.class, () -> new Incidents.Group(0, 0, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Incidents.Group(2, 3, 1));
        assertTrue(e.getMessage().contains("recorded crimes of an incident (3)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Incidents.Group(2, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Incidents(List.of()));
        assertThrows(IllegalArgumentException.class, () -> Incidents.of(new long[] {1}, new long[] {1, 0}));
        e = assertThrows(IllegalArgumentException.class,
                () -> new Incidents(List.of(new Incidents.Group(4, 0, Long.MAX_VALUE / 2))));
        assertTrue(e.getMessage().contains("exceeds"), e.getMessage());
    }

    @Test
    void anAuditedCategoryChecksItsIncidentsAndCountsThemAsItsUnits() {
        Incidents incidents = Incidents.of(new long[] {2, 2, 1}, new long[] {2, 1, 0});
        AuditedCategory category = AuditedCategory.of(Category.of("violence", 100, 3), incidents);
        assertEquals(Tally.of(3, 5), category.tally());
        assertEquals(3, category.sampledUnits());
        assertEquals(1.0, category.samplingFraction(), "3 incidents of a population of 3 incident records");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AuditedCategory(Category.of("violence", 100), Tally.of(3, 6), Optional.of(incidents)));
        assertTrue(e.getMessage().contains("but the tally is 3 of 6"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> AuditedCategory.of(Category.of("violence", 100, 2), incidents));
        assertTrue(e.getMessage().contains("population of category 'violence' (2) must not be below audited incidents (3)"),
                e.getMessage());
    }
}
