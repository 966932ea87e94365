package org.recordingrate.compare;

import org.recordingrate.model.Token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * p-value adjustments against R 4.2.2's {@code p.adjust} (src/test/resources/r/mantelhaen-padjust.R,
 * last three lines of its output quoted below).
 */
class PValueAdjustmentTest {

    private static final double[] P = {0.01, 0.04, 0.03, 0.005, 0.2, 0.04};

    @Test
    void holmAsR() {
        // R: 0.05 0.12 0.12 0.03 0.2 0.12
        assertArrayEquals(new double[] {0.05, 0.12, 0.12, 0.03, 0.2, 0.12}, PValueAdjustment.HOLM.adjust(P), 1e-15);
    }

    @Test
    void benjaminiHochbergAsR() {
        // R: 0.03 0.048 0.048 0.03 0.2 0.048
        assertArrayEquals(new double[] {0.03, 0.048, 0.048, 0.03, 0.2, 0.048},
                PValueAdjustment.BENJAMINI_HOCHBERG.adjust(P), 1e-15);
    }

    @Test
    void bonferroniAsR() {
        // R: 0.06 0.24 0.18 0.03 1 0.24
        assertArrayEquals(new double[] {0.06, 0.24, 0.18, 0.03, 1, 0.24}, PValueAdjustment.BONFERRONI.adjust(P), 1e-15);
    }

    @Test
    void noneAndEmptyAndTokens() {
        assertArrayEquals(P, PValueAdjustment.NONE.adjust(P));
        assertEquals(0, PValueAdjustment.HOLM.adjust().length);
        assertEquals(PValueAdjustment.BENJAMINI_HOCHBERG, Token.parse(PValueAdjustment.class, "adjustment", "BH"));
        assertEquals(PValueAdjustment.HOLM, Token.parse(PValueAdjustment.class, "adjustment", "holm"));
    }

    @Test
    void rejectsBadInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PValueAdjustment.HOLM.adjust(0.1, Double.NaN));
        assertTrue(e.getMessage().contains("p-value 2") && e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Token.parse(PValueAdjustment.class, "adjustment", "sidak"));
        assertTrue(e.getMessage().contains("'sidak'"), e.getMessage());
    }
}
