package org.recordingrate.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.recordingrate.compare.Verdict;
import org.recordingrate.error.ArgumentException;

/**
 * The one definition of {@code consistent}: a tally behind each category figure, the verdict
 * allowing for rounding, "more than N" against a volume. Expected z-values and volume ranges from
 * {@code src/test/resources/reports/make-figures.py}.
 */
class FigureCheckTest {

    private static final double Z95 = 1.959963984540054; // R: qnorm(0.975)

    private static PublishedFigure figure(String rate, String margin) {
        return new PublishedFigure(new BigDecimal(rate), new BigDecimal(margin), 0.95);
    }

    /** The verdict claim alone: as for all crime, whose figures no tally is asked to give. */
    private static FigureCheck check(PublishedFigure now, PublishedFigure before, Verdict published) {
        return FigureCheck.of(now, Optional.of(before), Optional.of(published), OptionalLong.empty(),
                OptionalLong.empty(), true, 0, 0.05);
    }

    @Test
    void verdictWordsAsReportsWriteThem() {
        for (String words : List.of("statistically significant improvement", "a statistically significant improvement",
                "a statistically significant increase", "Improvement", "IMPROVEMENT", "significantly improved")) {
            assertEquals(Verdict.IMPROVEMENT, FigureCheck.verdict(words), words);
        }
        for (String words : List.of("statistically significant deterioration", "a statistically significant decline",
                "significant reduction", "deterioration")) {
            assertEquals(Verdict.DETERIORATION, FigureCheck.verdict(words), words);
        }
        for (String words : List.of("no statistically significant change", "not a statistically significant change",
                "not a statistically significant improvement", "no significant difference", "no_change",
                "no change", "this is not statistically significant change")) {
            assertEquals(Verdict.NO_CHANGE, FigureCheck.verdict(words), words);
        }
        ArgumentException e = assertThrows(ArgumentException.class, () -> FigureCheck.verdict("an improvement"));
        assertEquals("verdict", e.argument());
    }

    @Test
    void aVerdictTheFiguresContradictIsInconsistentWithTheReason() {
        // make-figures.py: (90.1, 3.0, 88.9, 2.8): z = 0.5731367985857112; even at the rounding's most favourable
        // corner (90.15 - 88.85) / sqrt((2.95/z)^2 + (2.75/z)^2) = 0.64, far below 1.96
        FigureCheck check = check(figure("90.1", "3.0"), figure("88.9", "2.8"), Verdict.IMPROVEMENT);
        assertEquals(Optional.of(false), check.consistent());
        assertEquals(0.5731367985857112, check.comparison().get().z(), 1e-12);
        assertEquals("published \"statistically significant improvement\" but the figures give no statistically"
                + " significant change (z = 0.57, p = 0.5666), and no rounding of the printed figures gives a"
                + " statistically significant improvement", check.notes().get(0));
    }

    @Test
    void aVerdictThatHoldsOnlyWithinTheRoundingIsConsistentWithANote() {
        // 54.0 +/- 4.0 vs 50.0 +/- 4.0: z = 4 / sqrt(2 (4/z)^2) = 1.386 (no change); at 54.05 vs 49.95 with
        // margins 3.95: z = 4.1 / (3.95 sqrt 2 / z) = 1.439, still no change: an improvement is unreachable
        assertEquals(Optional.of(false), check(figure("54.0", "4.0"), figure("50.0", "4.0"), Verdict.IMPROVEMENT)
                .consistent());
        // printed to whole percent: 54 +/- 3 vs 50 +/- 3 gives z = 4 / (3 sqrt 2 / z) = 1.848 (no change), but
        // 54.5 vs 49.5 with margins 2.5 gives 5 / (2.5 sqrt 2 / z) = 2.772: the improvement is within the rounding
        FigureCheck edge = check(figure("54", "3"), figure("50", "3"), Verdict.IMPROVEMENT);
        assertEquals(Verdict.NO_CHANGE, edge.comparison().get().verdict());
        assertEquals(4 / (3 * Math.sqrt(2) / Z95), edge.comparison().get().z(), 1e-12);
        assertEquals(Optional.of(true), edge.consistent(), edge.notes().toString());
        assertTrue(edge.notes().get(0).startsWith("published \"statistically significant improvement\" holds only"
                + " within the rounding"), edge.notes().toString());
    }

    @Test
    void reachableVerdictsAgreeWithAGridOverTheRoundingBox() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 300; i++) {
            String now = String.valueOf(60 + random.nextInt(39)); // whole percent: wide rounding boxes
            String before = String.valueOf(60 + random.nextInt(39));
            String m1 = String.valueOf(1 + random.nextInt(6));
            String m0 = String.valueOf(1 + random.nextInt(6));
            PublishedComparison comparison = figure(now, m1).compareWith(figure(before, m0));
            Set<Verdict> grid = EnumSet.noneOf(Verdict.class);
            int steps = 10;
            for (int a = 0; a <= steps; a++) {
                for (int b = 0; b <= steps; b++) {
                    for (int c = 0; c <= steps; c++) {
                        for (int d = 0; d <= steps; d++) {
                            double r1 = Double.parseDouble(now) - 0.5 + (double) a / steps;
                            double r0 = Double.parseDouble(before) - 0.5 + (double) b / steps;
                            double s1 = (Double.parseDouble(m1) - 0.5 + (double) c / steps) / Z95;
                            double s0 = (Double.parseDouble(m0) - 0.5 + (double) d / steps) / Z95;
                            double z = (r1 - r0) / Math.hypot(s1, s0);
                            grid.add(Math.abs(z) < Z95 || r1 == r0 ? Verdict.NO_CHANGE
                                    : z > 0 ? Verdict.IMPROVEMENT : Verdict.DETERIORATION);
                        }
                    }
                }
            }
            assertEquals(grid, FigureCheck.reachableVerdicts(comparison), now + " +/- " + m1 + " vs " + before + " +/- " + m0);
        }
    }

    @Test
    void moreThanAgainstAVolume() {
        // make-figures.py: 7500 at 91.4: (79206, 81288)
        PublishedFigure all = figure("91.4", "2.6");
        FigureCheck fits = FigureCheck.of(all, Optional.empty(), Optional.empty(), OptionalLong.of(7500),
                OptionalLong.of(80_000), true, 0, 0.05);
        assertEquals(Optional.of(true), fits.consistent());
        assertEquals(79_206, fits.volumes().get().lower());
        assertEquals(OptionalLong.of(81_288), fits.volumes().get().upper());
        FigureCheck contradicted = FigureCheck.of(all, Optional.empty(), Optional.empty(), OptionalLong.of(7500),
                OptionalLong.of(50_000), true, 0, 0.05);
        assertEquals(Optional.of(false), contradicted.consistent());
        assertEquals(List.of("\"didn't record more than 7,500\" at 91.4 percent needs a volume of 79,206 to 81,288"
                + " recorded crimes; the volume is 50,000"), contradicted.notes());
        // the edges of the range, by the definition: 79,206 x 0.0865 / 0.9135 = 7,500.0 >= 7,500, and
        // 81,288 x 0.0855 / 0.9145 = 7,599.97 < 7,600 (rate 91.35 and 91.45, the rounding's ends)
        for (long v : new long[] {79_206, 81_288}) {
            assertEquals(Optional.of(true), FigureCheck.of(all, Optional.empty(), Optional.empty(), OptionalLong.of(7500),
                    OptionalLong.of(v), true, 0, 0.05).consistent());
        }
        for (long v : new long[] {79_205, 81_289}) {
            assertEquals(Optional.of(false), FigureCheck.of(all, Optional.empty(), Optional.empty(), OptionalLong.of(7500),
                    OptionalLong.of(v), true, 0, 0.05).consistent());
        }
    }

    @Test
    void nothingToCheckLeavesConsistentEmpty() {
        // all crime alone: no tally is asked of a volume-weighted figure, and there is nothing else
        FigureCheck check = FigureCheck.of(figure("92.5", "1.6"), Optional.empty(), Optional.empty(),
                OptionalLong.empty(), OptionalLong.empty(), true, 0, 0.05);
        assertEquals(Optional.empty(), check.consistent());
        assertEquals(Optional.empty(), check.tally());
        // a category alone: its tally is checked
        FigureCheck category = FigureCheck.of(figure("99.0", "1.7"), Optional.empty(), Optional.empty(),
                OptionalLong.empty(), OptionalLong.empty(), false, 0, 0.05);
        assertEquals(Optional.of(false), category.consistent());
        assertTrue(category.notes().get(0).startsWith("no whole tally gives 99.0 +/- 1.7"), category.notes().toString());
    }

    @Test
    void thePreviousFiguresTallyIsCheckedToo() {
        FigureCheck check = FigureCheck.of(figure("89.1", "4.3"), Optional.of(figure("99.0", "1.7")),
                Optional.of(Verdict.DETERIORATION), OptionalLong.empty(), OptionalLong.empty(), false, 0, 0.05);
        assertEquals(Optional.of(false), check.consistent());
        assertTrue(check.notes().get(0).startsWith("previous figure: no whole tally gives 99.0 +/- 1.7"), check.notes().toString());
    }

    @Test
    void refusesBadArgumentsByName() {
        PublishedFigure f = figure("91.4", "2.6");
        ArgumentException e = assertThrows(ArgumentException.class, () -> FigureCheck.of(f, Optional.empty(),
                Optional.empty(), OptionalLong.of(-5), OptionalLong.empty(), true, 0, 0.05));
        assertEquals("moreThan", e.argument());
        e = assertThrows(ArgumentException.class, () -> FigureCheck.of(f, Optional.empty(), Optional.empty(),
                OptionalLong.empty(), OptionalLong.of(0), true, 0, 0.05));
        assertEquals("volume", e.argument());
    }
}
