package org.recordingrate.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.recordingrate.error.ArgumentException;

/**
 * The library's one units rule and its one message, shared by published figures and planning
 * targets: refused only when every figure looks like a fraction.
 */
class UnitsTest {

    private static void accepted(Units.Figure... figures) {
        Units.requirePercent("planning targets", "X.inFractions()", figures);
    }

    private static String refused(Units.Figure... figures) {
        return assertThrows(ArgumentException.class, () -> accepted(figures)).getMessage();
    }

    @Test
    void refusedOnlyWhenEveryFigureLooksLikeAFraction() {
        assertEquals("margin (0.03) and expected (0.9) look like fractions, but planning targets are taken in percent: "
                + "write 3 and 90; if they are fractions, or truly below 1 percent, give them as fractions "
                + "(X.inFractions())", refused(Units.Figure.of("margin", 0.03, false), Units.Figure.of("expected", 0.9, true)));
        assertEquals("change (-0.05) looks like a fraction, but planning targets are taken in percent: write -5; if it "
                + "is a fraction, or truly below 1 percent, give it as a fraction (X.inFractions())",
                refused(Units.Figure.of("change", -0.05, true)));
        // one figure in percent makes the others percent too
        accepted(Units.Figure.of("margin", 0.5, false), Units.Figure.of("expected", 90, true));
        // 1 is a fraction only where a fraction can be 1 (a rate, a change), not for a margin or share
        refused(Units.Figure.of("expected", 1, true));
        accepted(Units.Figure.of("tolerable", 1, false));
        // 0 is 0 in both units: it neither looks like a fraction nor makes the others percent
        accepted(Units.Figure.of("expected", 0, true));
        refused(Units.Figure.of("expected", 0, true), Units.Figure.of("margin", 0.5, false));
        // NaN and infinities are left to the range checks
        accepted(Units.Figure.of("margin", Double.NaN, false));
        // three figures; the percent written exactly from the decimal
        assertEquals("a (0.1), b (0.25) and c (0.333) look like fractions, but published figures are taken in percent: "
                + "write 10, 25 and 33.3; if they are fractions, or truly below 1 percent, give them as fractions (Y)",
                assertThrows(ArgumentException.class, () -> Units.requirePercent("published figures", "Y",
                        new Units.Figure("a", new BigDecimal("0.1"), true), new Units.Figure("b", new BigDecimal("0.25"), true),
                        new Units.Figure("c", new BigDecimal("0.333"), true))).getMessage());
    }
}
