package org.recordingrate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The reference tolerance is strict, exactly as {@code shared/check-cli} applies it (and as
 * shared/reference/README.md states it): below 1e-3 only the relative rule (1e-7 |expected|),
 * otherwise only the absolute one (1e-9). The former OR of the two rules let any bound below 1e-3
 * pass with an absolute error of 1e-9, so a bound of 5.66e-14 could be 1.5e-3 off relatively.
 */
class ReferenceDataTest {

    @Test
    void belowOneInAThousandOnlyTheRelativeRuleCounts() {
        assertTrue(ReferenceData.boundWithin(5.66493e-14, 5.66493e-14 * (1 + 0.9e-7)));
        assertFalse(ReferenceData.boundWithin(5.66493e-14, 5.6732e-14), "the issue's Wilson bound, 1.5e-3 relative");
        assertFalse(ReferenceData.boundWithin(1e-4, 1e-4 + 2e-11), "2e-7 relative, although only 2e-11 absolute");
        assertTrue(ReferenceData.boundWithin(1e-4, 1e-4 + 0.9e-11));
        assertFalse(ReferenceData.boundWithin(0, 1e-300), "an exact 0 must be exactly 0");
        assertTrue(ReferenceData.boundWithin(0, 0));
        assertFalse(ReferenceData.boundWithin(-2e-8, -2e-8 + 1e-14), "negative changes near 0 are relative too");
    }

    @Test
    void fromOneInAThousandOnlyTheAbsoluteRuleCounts() {
        assertTrue(ReferenceData.boundWithin(0.5, 0.5 + 0.9e-9));
        assertFalse(ReferenceData.boundWithin(0.5, 0.5 + 1.1e-9));
        assertTrue(ReferenceData.boundWithin(1e-3, 1e-3 + 0.9e-9), "1e-3 itself is absolute: 9e-7 relative passes");
        assertFalse(ReferenceData.boundWithin(0.5, Double.NaN));
    }
}
