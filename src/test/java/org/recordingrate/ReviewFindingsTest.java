package org.recordingrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.recordingrate.compare.Alternative;
import org.recordingrate.compare.MantelHaenszel;
import org.recordingrate.estimate.UnrecordedCrimes;
import org.recordingrate.format.Percent;
import org.recordingrate.model.AuditAccumulator;
import org.recordingrate.model.AuditRecord;
import org.recordingrate.model.Category;
import org.recordingrate.model.Interval;
import org.recordingrate.model.Names;
import org.recordingrate.model.Tally;
import org.recordingrate.reproduce.PublishedFigure;

/** Defects found in review of the API documentation, each pinned so it cannot return. */
class ReviewFindingsTest {

    @Test
    void aDesignNamingACategoryTwiceIsRefused() {
        AuditAccumulator audit = new AuditAccumulator().add(AuditRecord.of("R1", "violence", true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> audit.inspection("x",
                List.of(Category.of("violence", 25_000), Category.of("Violence", 999))));
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
    }

    @Test
    void aRateOfOneHundredPercentHasNoVolumeForMoreThanN() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PublishedFigure.fromPercent(100, 1.5).volumesAtExactRate(4500, 0));
        assertTrue(e.getMessage().contains("100 percent"), e.getMessage());
        // published 100.0 stands for [99.95, 100]: the upper volume is then unbounded, the lower finite
        var range = PublishedFigure.fromPercent(100.0, 1.5).volumesConsistentWith(10, 0);
        assertTrue(range.upper().isEmpty() && range.lower() > 0, range.toString());
    }

    @Test
    void levelsNearOneAreNotPrintedAsOneHundredPercent() {
        assertEquals("99.9999999%", Percent.level(0.999999999));
        assertEquals("95%", Percent.level(0.95));
        assertEquals("99.5%", Percent.level(0.995));
        assertEquals("0.0001%", Percent.level(1e-6));
    }

    @Test
    void mantelHaenszelWithoutInformationAgreesWithTheZTestsOneSided() {
        // every category all recorded in both inspections: no variance; z = 0 gives 0.5 one-sided, 1 two-sided
        List<Tally> all = List.of(Tally.of(10, 10), Tally.of(5, 5));
        assertEquals(0.5, MantelHaenszel.test(all, all, Alternative.IMPROVED, true).pValue());
        assertEquals(1.0, MantelHaenszel.test(all, all, Alternative.TWO_SIDED, true).pValue());
    }

    @Test
    void namesCollapseEveryKindOfInnerWhiteSpace() {
        assertEquals(Names.key("force a"), Names.key("Force\u00a0\u2003A"));
    }

    @Test
    void anIntervalOutsideZeroOneIsNotARateInterval() {
        assertThrows(IllegalArgumentException.class, () -> UnrecordedCrimes.of(100, 0.9, new Interval(0.8, 1.2)));
    }
}
