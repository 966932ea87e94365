package org.recordingrate.forces;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;
import org.recordingrate.model.Tally;

/**
 * The edges of the forces' statistics that the reference tests against R do not reach (issue 20, mutation
 * testing): the beta-binomial prior's mean, Tarone's score and counts above a million, the dispersion's and
 * random-effects' small cases and texts, the outlier classes at their limits, and the procedure's notes and
 * refusals. Every expected value is computed here from the formula in the class's comment.
 */
class ForcesEdgesTest {

    // ---- BetaBinomialPrior ----

    @Test
    void priorMeanAndText() {
        BetaBinomialPrior ml = new BetaBinomialPrior(3, 1, Shrinkage.BETA_BINOMIAL, -10);
        assertEquals(0.75, ml.mean(), 0);
        assertEquals("Beta(3.000, 1.000) prior (mean 75.0%), maximum likelihood", ml.toString());
        assertEquals("Beta(120.3, 11.90) prior (mean 91.0%), method of moments",
                new BetaBinomialPrior(120.3, 11.9, Shrinkage.BETA_BINOMIAL_MOMENTS, -10).toString());
    }

    /**
     * Tarone's score sum (x - n p)^2 / (p (1 - p)) - sum n at the pooled p: for 5, 9 and 7 of 10, p = 0.7,
     * the deviations -2, 2, 0, so 8 / 0.21 - 30. At a pooled rate of 0 or 1 the score is 0 (no maximum).
     */
    @Test
    void taroneScoreByHand() {
        assertEquals(8 / 0.21 - 30, BetaBinomialPrior.taroneScore(List.of(Tally.of(5, 10), Tally.of(9, 10),
                Tally.of(7, 10))), 1e-12);
        assertEquals(0, BetaBinomialPrior.taroneScore(List.of(Tally.of(0, 10), Tally.of(0, 20))), 0);
        assertEquals(0, BetaBinomialPrior.taroneScore(List.of(Tally.of(10, 10), Tally.of(20, 20))), 0);
    }

    @Test
    void priorRefusalsSayWhy() {
        List<Tally> one = List.of(Tally.of(9, 10));
        for (IllegalArgumentException e : List.of(
                assertThrows(IllegalArgumentException.class, () -> BetaBinomialPrior.moments(one)),
                assertThrows(IllegalArgumentException.class, () -> BetaBinomialPrior.maximumLikelihood(one)))) {
            assertTrue(e.getMessage().contains("must be at least two"), e.getMessage());
        }
        IllegalArgumentException same = assertThrows(IllegalArgumentException.class,
                () -> BetaBinomialPrior.moments(List.of(Tally.of(9, 10), Tally.of(18, 20))));
        assertTrue(same.getMessage().contains("they do not vary"), same.getMessage());
        // rates 0 and 1: variance 0.5 above m(1 - m) = 0.25
        IllegalArgumentException spread = assertThrows(IllegalArgumentException.class,
                () -> BetaBinomialPrior.moments(List.of(Tally.of(0, 10), Tally.of(10, 10))));
        assertTrue(spread.getMessage().contains("they vary as much as rates of only 0 and 1"), spread.getMessage());
    }

    /**
     * Counts above a million take the digamma differences instead of the finite sums. The prior found must
     * solve the likelihood equations, written here with commons-math's digamma: d/da = sum [psi(x + a) -
     * psi(a) - psi(n + a + b) + psi(a + b)] = 0 and d/db likewise with n - x and b. Commons-math's digamma
     * differences at these arguments agree with exact finite sums to about 1e-8 (the largest gradient left
     * here is 1.4e-8), so the tolerance is 1e-7; a wrong difference (psi(x - a) for psi(x + a), a sign) leaves
     * 1e-4 or more.
     */
    @Test
    void maximumLikelihoodWithCountsAboveAMillion() {
        List<Tally> big = List.of(Tally.of(1_800_000, 2_000_000), Tally.of(1_900_000, 2_000_000),
                Tally.of(1_700_000, 2_000_000), Tally.of(1_950_000, 2_100_000), Tally.of(1_600_000, 1_900_000));
        BetaBinomialPrior prior = BetaBinomialPrior.maximumLikelihood(big);
        double a = prior.alpha();
        double b = prior.beta();
        double ga = 0;
        double gb = 0;
        for (Tally t : big) {
            double common = Gamma.digamma(a + b) - Gamma.digamma(t.audited() + a + b);
            ga += Gamma.digamma(t.recorded() + a) - Gamma.digamma(a) + common;
            gb += Gamma.digamma(t.unrecorded() + b) - Gamma.digamma(b) + common;
        }
        assertEquals(0, ga, 1e-7, "d/d alpha at " + prior);
        assertEquals(0, gb, 1e-7, "d/d beta at " + prior);
        // the rates 0.9, 0.95, 0.85, 0.929, 0.842: a prior mean near their mean
        assertEquals((0.9 + 0.95 + 0.85 + 1_950_000.0 / 2_100_000 + 1_600_000.0 / 1_900_000) / 5, prior.mean(), 0.01);
    }

    // ---- Dispersion ----

    @Test
    void dispersionSmallCasesAndText() {
        // one force: tau2 0 (no between-force variance with one force), p 1
        Dispersion one = Dispersion.estimate(new double[] {2}, new double[] {0.1}, 0);
        assertEquals(4, one.phi(), 1e-15);
        assertEquals(0, one.tau2(), 0);
        assertEquals(1, one.pValue(), 0);
        // two forces, nothing winsorised: phi = (z1^2 + z2^2)/2, p = P(chi2_1 > 2 phi) = erfc(sqrt(phi))
        Dispersion two = Dispersion.estimate(new double[] {1, -2}, new double[] {0.1, 0.1}, 0);
        assertEquals(2.5, two.phi(), 1e-15);
        assertEquals(Erf.erfc(Math.sqrt(2.5)), two.pValue(), 1e-13);
        assertEquals(-2, two.lowerZ(), 0);
        assertEquals(1, two.upperZ(), 0);
        assertTrue(two.multiplicative());
        assertFalse(new Dispersion(3, 0.1, -1, 1, 1.0, 0, 0.5).multiplicative(), "phi 1 is not above 1");
        assertFalse(new Dispersion(3, 0.1, -1, 1, 0.5, 0, 0.5).multiplicative());
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> Dispersion.estimate(new double[] {Double.NaN, 1}, new double[] {0.1, 0.1}, 0.1));
        assertTrue(nan.getMessage().startsWith("z-score 1 (NaN)"), nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Dispersion.estimate(new double[] {1, 2}, new double[] {1, 1},
                0.5));
        assertThrows(IllegalArgumentException.class, () -> new Dispersion(3, 0.5, -1, 1, 1, 0, 0.5));
        assertEquals("phi 22.1, tau2 0.00203 (between-force SD 4.51 points), 10% winsorised at each end",
                new Dispersion(43, 0.1, -2, 2, 22.1, 0.00203, 0).toString());
    }

    // ---- RandomEffects ----

    @Test
    void randomEffectsSmallCasesAndText() {
        // one force: mu its rate, se sqrt(v), tau2 and I2 0
        RandomEffects one = RandomEffects.dersimonianLaird(new double[] {0.9}, new double[] {0.0004});
        assertEquals(0.9, one.mu(), 1e-15);
        assertEquals(0.02, one.muSe(), 1e-15);
        assertEquals(0, one.tau2(), 0);
        assertEquals(0, one.i2(), 0);
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> RandomEffects.dersimonianLaird(new double[] {Double.NaN, 0.9}, new double[] {0.01, 0.01}));
        assertTrue(nan.getMessage().startsWith("y 1 (NaN)"), nan.getMessage());
        assertArrayEquals(new double[] {0.9 - 2 * 0.01, 0.9 + 2 * 0.01},
                new RandomEffects.Prediction(0.9, 0.01).interval(2), 1e-15);
        assertEquals("DerSimonian-Laird: mu 91.0% (se 0.45 points), tau2 0.000610 (SD 2.47 points), I2 81%, Q 220.4 on"
                + " 43 forces", new RandomEffects(43, 0.91, 0.0045, 0.00061, 220.4, 0.81).toString());
    }

    // ---- Outlier, limits, figures ----

    /** A rate exactly on a limit lies within it (beyond means strictly beyond). */
    @Test
    void outliersAtTheirLimits() {
        ForceResult.Limits limits = new ForceResult.Limits(0.85, 0.95, 0.80, 0.99);
        assertEquals(Outlier.NONE, limits.classify(0.85));
        assertEquals(Outlier.NONE, limits.classify(0.95));
        assertEquals(Outlier.BEYOND_95, limits.classify(0.80));
        assertEquals(Outlier.BEYOND_95, limits.classify(0.99));
        assertEquals(Outlier.BEYOND_99_8, limits.classify(0.7999));
        assertEquals(Outlier.BEYOND_99_8, limits.classify(0.9901));
        // equal limits are in order
        ForceResult.Limits equal = new ForceResult.Limits(0.9, 0.9, 0.9, 0.9);
        assertEquals(Outlier.NONE, equal.classify(0.9));
        assertEquals("exact binomial", FunnelLimits.EXACT_BINOMIAL.displayName());
        assertEquals("multiplicative (phi)", Overdispersion.MULTIPLICATIVE.displayName());
        assertEquals("beta-binomial empirical Bayes (method of moments)", Shrinkage.BETA_BINOMIAL_MOMENTS.displayName());
    }

    @Test
    void figureText() {
        ForceFigure a = ForceFigure.of("A", 90, 100);
        assertEquals(0.03, a.standardError(), 1e-16);
        assertEquals("A: 90.0% (se 3.00 points, audited 100)", a.toString());
        assertEquals("A: 90.0% (se 3.00 points, audited 100), North", a.withGroup("North").toString());
    }

    // ---- Forces: notes and refusals ----

    private static Forces quick() {
        return Forces.withDefaults().withReplicates(RankIntervals.MIN_REPLICATES);
    }

    @Test
    void pooledRateOfZeroOrOne_isRefusedSayingWhich() {
        IllegalArgumentException all = assertThrows(IllegalArgumentException.class,
                () -> quick().analyse(List.of(ForceFigure.of("A", 10, 10), ForceFigure.of("B", 20, 20))));
        assertTrue(all.getMessage().contains("every force recorded all of"), all.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> quick().analyse(List.of(ForceFigure.of("A", 0, 10), ForceFigure.of("B", 0, 20))));
        assertTrue(none.getMessage().contains("every force recorded none of"), none.getMessage());
    }

    @Test
    void replicatesAtTheirBounds() {
        quick();
        Forces.withDefaults().withReplicates(RankIntervals.MAX_REPLICATES);
        assertThrows(IllegalArgumentException.class, () -> Forces.withDefaults()
                .withReplicates(RankIntervals.MIN_REPLICATES - 1));
        assertThrows(IllegalArgumentException.class, () -> Forces.withDefaults()
                .withReplicates(RankIntervals.MAX_REPLICATES + 1));
    }

    /**
     * Volumes missing for six of seven forces: the note counts them and names the first five, then "...";
     * for five of six, all five and no "...". Groups missing for the second force: the refusal names it.
     * Forces that recorded none or all: named, and only they.
     */
    @Test
    void notesCountAndNameTheForces() {
        List<ForceFigure> seven = new ArrayList<>(List.of(ForceFigure.of("A", 90, 100).withVolume(1000)));
        for (String name : List.of("B", "C", "D", "E", "F", "G")) {
            seven.add(ForceFigure.of(name, 80 + name.charAt(0) - 'A', 100));
        }
        assertTrue(quick().analyse(seven).notes().contains("no national rate: volumes are missing for 6 of 7 forces (B, C,"
                + " D, E, F, ...)"), quick().analyse(seven).notes().toString());
        List<ForceFigure> six = seven.subList(0, 6);
        assertTrue(quick().analyse(six).notes().contains("no national rate: volumes are missing for 5 of 6 forces (B, C,"
                + " D, E, F)"), quick().analyse(six).notes().toString());

        IllegalArgumentException groups = assertThrows(IllegalArgumentException.class, () -> quick().analyse(List.of(
                ForceFigure.of("A", 90, 100).withGroup("North"), ForceFigure.of("B", 80, 100),
                ForceFigure.of("C", 85, 100).withGroup("South"))));
        assertTrue(groups.getMessage().contains("groups are given for 2 of 3 forces: 'B' has none"), groups.getMessage());

        ForcesResult cells = quick().analyse(List.of(ForceFigure.of("A", 0, 10), ForceFigure.of("B", 85, 100),
                ForceFigure.of("C", 30, 30), ForceFigure.of("D", 70, 100)));
        assertTrue(cells.notes().stream().anyMatch(n -> n.startsWith("recorded none or all of its audited crimes: A, C;")),
                cells.notes().toString());
    }

    /**
     * Identical rates: no over-dispersion (phi below 1), so the asked-for allowance is not applied and a
     * note says so; and DerSimonian-Laird finds tau2 0, shrinking every force to the common rate (a note).
     * Widely spread rates: neither note.
     */
    @Test
    void allowanceAndShrinkageNotes() {
        List<ForceFigure> same = List.of(ForceFigure.of("A", 90, 100), ForceFigure.of("B", 180, 200),
                ForceFigure.of("C", 270, 300), ForceFigure.of("D", 45, 50));
        for (Overdispersion asked : List.of(Overdispersion.MULTIPLICATIVE, Overdispersion.ADDITIVE)) {
            ForcesResult r = quick().with(asked).with(Shrinkage.DERSIMONIAN_LAIRD).analyse(same);
            assertEquals(Overdispersion.NONE, r.applied());
            assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("no over-dispersion found (phi 0")), r.notes().toString());
            // the additive allowance also names its tau2
            assertEquals(asked == Overdispersion.ADDITIVE, r.notes().stream().anyMatch(n -> n.contains(", tau2 0)")),
                    r.notes().toString());
            assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("the random-effects model finds no between-force "
                    + "variance (tau2 0): every force is shrunk to the common rate 90.0%")), r.notes().toString());
        }
        ForcesResult plain = quick().with(Overdispersion.NONE).analyse(same);
        assertTrue(plain.notes().stream().noneMatch(n -> n.startsWith("no over-dispersion")), plain.notes().toString());
        List<ForceFigure> spread = List.of(ForceFigure.of("A", 60, 100), ForceFigure.of("B", 190, 200),
                ForceFigure.of("C", 210, 300), ForceFigure.of("D", 49, 50));
        ForcesResult wide = quick().with(Overdispersion.MULTIPLICATIVE).with(Shrinkage.DERSIMONIAN_LAIRD).analyse(spread);
        assertEquals(Overdispersion.MULTIPLICATIVE, wide.applied());
        assertEquals(List.of(), wide.notes());
    }

    /**
     * The summary's counts of forces beyond the limits, counted here from each force's rate and limits,
     * and the list of those beyond the 95% limits, lowest rate first.
     */
    @Test
    void summaryCountsTheOutliers() {
        List<ForceFigure> spread = List.of(ForceFigure.of("A", 60, 100), ForceFigure.of("B", 190, 200),
                ForceFigure.of("C", 210, 300), ForceFigure.of("D", 49, 50), ForceFigure.of("E", 170, 200),
                ForceFigure.of("F", 158, 200));
        ForcesResult r = quick().with(Overdispersion.NONE).withTarget(0.85).analyse(spread);
        long beyond = 0;
        long far = 0;
        List<String> names = new ArrayList<>();
        for (ForceResult f : r.forces().stream().sorted(java.util.Comparator.comparingDouble(ForceResult::rate)).toList()) {
            ForceResult.Limits l = f.limits();
            if (f.rate() < l.lower95() || f.rate() > l.upper95()) {
                beyond++;
                names.add(f.name());
            }
            if (f.rate() < l.lower998() || f.rate() > l.upper998()) {
                far++;
            }
            assertEquals(f.z() > 0, f.above(), f.name());
        }
        assertTrue(beyond > far && far > 0, beyond + " " + far);
        assertEquals(names, r.beyond95().stream().map(ForceResult::name).toList());
        String summary = r.summary();
        assertTrue(summary.contains(String.format("beyond the 95%% limits: %d of 6 (%d beyond 99.8%%); without the"
                + " allowance %d%n", beyond, far, beyond)), summary);
        assertTrue(summary.startsWith("6 forces, funnel around 85.0% (given)"), summary);
        assertTrue(summary.contains("limits: unadjusted exact binomial at 95% and 99.8%"), summary);
        ForceResult a = r.force("A").orElseThrow();
        assertTrue(a.toString().startsWith("A: 60.0%, below the 99.8% limits"), a.toString());
        ForceResult d = r.force("D").orElseThrow();
        assertTrue(d.toString().startsWith("D: 98.0%, above the "), d.toString());
        assertEquals(Optional.empty(), r.category());
        // no force has a volume: no volume column
        assertEquals(List.of("force", "recorded", "audited", "rate"), r.table().columns().stream().limit(4)
                .map(org.recordingrate.format.ResultTable.Column::name).toList());
    }
}
