package org.recordingrate.forces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.recordingrate.model.Inspection;
import org.recordingrate.reproduce.PublishedFigure;

/** A force's figure from each kind of input. */
class ForceFigureTest {

    @Test
    void tally() {
        ForceFigure f = ForceFigure.of("A", 180, 202);
        assertEquals(180.0 / 202, f.rate(), 0);
        assertEquals((180.0 / 202) * (22.0 / 202) / 202, f.variance(), 1e-18);
        assertEquals(202, f.effectiveAudited(), 0);
        assertEquals(f.rate(), f.randomEffectsRate(), 0);
        // all recorded: metafor's escalc(measure = "PR", xi = 132, ni = 132) gives yi 0.99624060150375937 and
        // vi 2.8159890369827765e-05 (R 4.2.2, metafor 3.8-1)
        ForceFigure all = ForceFigure.of("B", 132, 132);
        assertEquals(1, all.rate(), 0);
        assertEquals(0.99624060150375937, all.randomEffectsRate(), 1e-16);
        assertEquals(2.8159890369827765e-05, all.variance(), 1e-19);
        assertEquals(0.5 / 101 * (100.5 / 101) / 101, ForceFigure.of("C", 0, 100).variance(), 1e-19);
    }

    @Test
    void publishedFigure() {
        ForceFigure f = ForceFigure.of("Cambridgeshire", PublishedFigure.fromPercent(93.2, 2.3));
        assertEquals(0.932, f.rate(), 0, "93.2 is exactly 0.932, no binary noise");
        double se = 0.023 / 1.959963984540054;
        assertEquals(se * se, f.variance(), 1e-15 * se * se);
        // the implied effective audited count p(1 - p)(z / margin)^2: about 460
        assertEquals(0.932 * 0.068 / (se * se), f.effectiveAudited(), 1e-9);
        assertEquals(PublishedFigure.fromPercent(93.2, 2.3).impliedAudited(), f.effectiveAudited(), 1e-9);
        assertTrue(f.tally().isEmpty());
        IllegalArgumentException hundred = assertThrows(IllegalArgumentException.class,
                () -> ForceFigure.of("X", PublishedFigure.fromPercent(100, 1.5)));
        assertTrue(hundred.getMessage().contains("implied audited count is 0"), hundred.getMessage());
    }

    @Test
    void inspection() {
        Inspection peel = Inspection.builder("PEEL").category("violence", 180, 202, 25_000)
                .category("sexual offences", 131, 132, 2_500).category("other crime", 211, 220, 35_000).build();
        ForceFigure f = ForceFigure.of(peel);
        double v = 62_500;
        double[] w = {25_000 / v, 2_500 / v, 35_000 / v};
        double[] p = {180.0 / 202, 131.0 / 132, 211.0 / 220};
        int[] n = {202, 132, 220};
        double rate = 0;
        double variance = 0;
        double inverse = 0;
        for (int i = 0; i < 3; i++) {
            rate += w[i] * p[i];
            variance += w[i] * w[i] * p[i] * (1 - p[i]) / n[i];
            inverse += w[i] * w[i] / n[i];
        }
        assertEquals(rate, f.rate(), 1e-15);
        assertEquals(variance, f.variance(), 1e-18);
        assertEquals(1 / inverse, f.effectiveAudited(), 1e-9);
        assertEquals(62_500, f.volume().getAsLong());
        ForceFigure violence = ForceFigure.of(peel, "Violence");
        assertEquals(180.0 / 202, violence.rate(), 0);
        assertEquals(25_000, violence.volume().getAsLong());
        assertTrue(violence.tally().isPresent());
        assertThrows(IllegalArgumentException.class, () -> ForceFigure.of(peel, "fraud"));
        assertEquals("North", f.withGroup(" North ").group().get());
        assertThrows(IllegalArgumentException.class, () -> f.withVolume(0));
        assertThrows(IllegalArgumentException.class, () -> f.withGroup(" "));
        assertTrue(f.toString().startsWith("PEEL: 93.3%"), f.toString());
    }
}
