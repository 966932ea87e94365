package org.recordingrate.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.recordingrate.model.Tally;

/**
 * The Cochran-Mantel-Haenszel test against R 4.2.2's {@code mantelhaen.test}, as computed by
 * src/test/resources/r/mantelhaen-padjust.R (Rscript, 2026-11-26; its output is quoted beside
 * each expected value). Tolerance 1e-12 relative: both sides are closed-form in double precision.
 */
class MantelHaenszelTest {

    private static final List<Tally> BEFORE_1 = List.of(Tally.of(512, 640), Tally.of(164, 180), Tally.of(605, 660));
    private static final List<Tally> AFTER_1 = List.of(Tally.of(180, 202), Tally.of(131, 132), Tally.of(211, 220));
    private static final List<Tally> BEFORE_2 = List.of(Tally.of(6, 10), Tally.of(5, 5), Tally.of(15, 20));
    private static final List<Tally> AFTER_2 = List.of(Tally.of(8, 10), Tally.of(4, 5), Tally.of(17, 20));

    @Test
    void matchesRWithAndWithoutCorrection() {
        // R: "two.sided TRUE 18.937555154375762 1.3506744880493982e-05"
        check(BEFORE_1, AFTER_1, Alternative.TWO_SIDED, true, 18.937555154375762, 1.3506744880493982e-05);
        // R: "two.sided FALSE 19.65406234679061 9.2805796837348356e-06"
        check(BEFORE_1, AFTER_1, Alternative.TWO_SIDED, false, 19.65406234679061, 9.2805796837348356e-06);
        // R: "greater TRUE ... 6.7533724402469901e-06" (greater: the later inspection records more)
        check(BEFORE_1, AFTER_1, Alternative.IMPROVED, true, 18.937555154375762, 6.7533724402469901e-06);
        // R: "less TRUE ... 0.99999324662755973"
        check(BEFORE_1, AFTER_1, Alternative.DETERIORATED, true, 18.937555154375762, 0.99999324662755973);
        // R: "two.sided TRUE 0.33374619975228015 0.56346147202462704"
        check(BEFORE_2, AFTER_2, Alternative.TWO_SIDED, true, 0.33374619975228015, 0.56346147202462704);
        // R: "greater FALSE 0.75092894944263033 0.19309113958846277"
        check(BEFORE_2, AFTER_2, Alternative.IMPROVED, false, 0.75092894944263033, 0.19309113958846277);
        // R: "less FALSE 0.75092894944263033 0.8069088604115372"
        check(BEFORE_2, AFTER_2, Alternative.DETERIORATED, false, 0.75092894944263033, 0.8069088604115372);
        // third design, R: "two.sided TRUE 1.8013100436681222 0.17955419764234171"
        check(List.of(Tally.of(40, 50), Tally.of(29, 30)), List.of(Tally.of(45, 50), Tally.of(30, 30)),
                Alternative.TWO_SIDED, true, 1.8013100436681222, 0.17955419764234171);
    }

    @Test
    void noVariationGivesNoEvidence() {
        MantelHaenszel result = MantelHaenszel.test(List.of(Tally.of(10, 10)), List.of(Tally.of(5, 5)),
                Alternative.TWO_SIDED, true);
        assertEquals(0.0, result.statistic());
        assertEquals(1.0, result.pValue());
    }

    @Test
    void rejectsMismatchedLists() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MantelHaenszel.test(BEFORE_1, AFTER_2.subList(0, 2), Alternative.TWO_SIDED, true));
        assertTrue(e.getMessage().contains("3 categories") && e.getMessage().contains("(2)"), e.getMessage());
    }

    private static void check(List<Tally> before, List<Tally> after, Alternative alternative, boolean correct,
                              double statistic, double p) {
        MantelHaenszel result = MantelHaenszel.test(before, after, alternative, correct);
        assertEquals(statistic, result.statistic(), 1e-12 * statistic, "statistic");
        assertEquals(p, result.pValue(), 1e-12 * p, "p-value");
        assertEquals(before.size(), result.categories());
    }
}
