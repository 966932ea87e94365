package org.recordingrate.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.recordingrate.format.Percent;
import org.recordingrate.model.Inspection;

/**
 * A category's verdict rests on its adjusted p-value, and every printed verdict sits next to the
 * p-value it rests on (the case: raw p = 0.0477 significant, Holm p = 0.0953 not).
 */
class VerdictShownWithItsPValueTest {

    /** Two categories: one changed clearly, one borderline (raw p just under 5%, Holm p about twice it). */
    private static final Inspection BEFORE = Inspection.builder("2017").category("violence", 160, 200, 1000)
            .category("other", 100, 200, 1000).build();
    private static final Inspection AFTER = Inspection.builder("2022").category("violence", 176, 200, 1000)
            .category("other", 120, 200, 1000).build();

    @Test
    void theVerdictIsOnTheAdjustedPValueAndPrintedBesideIt() {
        InspectionChange change = Comparison.withDefaults().compare(BEFORE, AFTER);
        CategoryChange other = change.categories().get(1);
        double raw = other.change().test().pValue();
        // pooled z for 100/200 -> 120/200: z = 0.1 / sqrt(0.55 x 0.45 x 0.01) = 2.01008, two-sided
        // p = 0.0444232 (scipy 1.10: 2 * norm.sf(z))
        assertEquals(0.0444232, raw, 1e-6);
        assertEquals(Verdict.IMPROVEMENT, other.change().verdict(), "on its own, significant");
        assertTrue(other.adjustedPValue() > 0.05, "Holm doubles the larger p of two when it is the larger: " + other.adjustedPValue());
        assertEquals(Verdict.NO_CHANGE, other.verdict());
        String line = other.toString();
        assertTrue(line.contains("p = " + Percent.pValue(raw)) && line.contains("holm-adjusted p = "
                + Percent.pValue(other.adjustedPValue())), line);
        assertTrue(line.endsWith("no statistically significant change"), line);
        assertFalse(line.contains("statistically significant improvement"), line);
        String table = change.summary();
        assertTrue(table.contains("p (holm)") && table.contains(Percent.pValue(raw))
                && table.contains(Percent.pValue(other.adjustedPValue())), table);
    }
}
