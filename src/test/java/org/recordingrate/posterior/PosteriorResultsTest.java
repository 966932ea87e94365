package org.recordingrate.posterior;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.recordingrate.format.Percent;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Tally;

/**
 * What the posterior results say and the edges of their arithmetic: the change's sentence at its three
 * wordings, its interval where the normal bracket does not hold the root, the Beta posterior's
 * probability below a rate and its monotone cases at shape exactly 1, the estimator's settings.
 * Expected numbers come from the 30-digit references in {@code src/test/resources/posterior/} (named at
 * each use) or from the closed forms written beside them.
 */
class PosteriorResultsTest {

    /**
     * P(after &gt; before) for 188/202 then 512/640 (Jeffreys) is 1.6186903445651751e-6 (mpmath,
     * beta-difference.csv, the row 188.5, 14.5, 512.5, 128.5 at d = 0): "less than 0.1%"; the other way round
     * 0.99999838: "more than 99.9%"; 40/50 then 41/50 in between, in percent.
     */
    @Test
    void sentence_hasThreeWordings_andNamesThePrior() {
        PosteriorChange worse = BayesEstimator.change(Tally.of(188, 202), Tally.of(512, 640));
        assertEquals(1.6186903445651751e-6, worse.probabilityImproved(), 1e-15);
        assertEquals("The probability that the later recording rate is the higher is less than 0.1% (Jeffreys prior).",
                worse.sentence());
        PosteriorChange better = BayesEstimator.change(Tally.of(512, 640), Tally.of(188, 202));
        assertEquals("The probability that the later recording rate is the higher is more than 99.9% (Jeffreys prior).",
                better.sentence());
        PosteriorChange close = BayesEstimator.change(Tally.of(40, 50), Tally.of(41, 50));
        double p = close.probabilityImproved();
        assertTrue(p > 0.5 && p < 0.7, "one more recorded of 50: " + p);
        assertEquals("The probability that the later recording rate is the higher is " + Percent.format(p)
                + " (Jeffreys prior).", close.sentence());
        // no overlap at all: 0 of 2,000 then 2,000 of 2,000; P(later higher) is 1 to double precision
        PosteriorChange certain = BayesEstimator.change(Tally.of(0, 2000), Tally.of(2000, 2000));
        assertEquals(1.0, certain.probabilityImproved(), 1e-14);
        assertTrue(certain.sentence().contains("is more than 99.9"), certain.sentence());
        PosteriorChange custom = BayesEstimator.withDefaults().with(Prior.of(2, 3)).compare(Tally.of(40, 50),
                Tally.of(41, 50));
        assertTrue(custom.sentence().endsWith(" (prior " + Prior.of(2, 3) + ")."), custom.sentence());
        assertTrue(custom.toString().contains("; prior " + Prior.of(2, 3) + ", 40 of 50 then 41 of 50"), custom.toString());
        String summary = better.summary();
        assertTrue(summary.contains("512 of 640 -> 188 of 202, Jeffreys prior"), summary);
        assertTrue(summary.contains("95% credible"), summary);
        assertTrue(summary.contains(String.format(java.util.Locale.ROOT, "%.6f", better.probabilityImproved())), summary);
        assertTrue(summary.contains(better.sentence()), summary);
        assertEquals(13, better.table().textCells().get(0).size());
        assertTrue(better.notes().isEmpty());
    }

    /**
     * All recorded at both inspections under a 99.999% level: the later Beta(50.5, 0.5) has a tail far longer than
     * a normal's, so the 0.0005% point of the change lies beyond mean - 8 sd, where the bracket starts (scipy:
     * beta.ppf(5e-6, 50.5, 0.5) - 1 = -0.187 against mean - 8 sd = -0.119), and the bracket must widen. The
     * bound is checked by its defining equation P(D &le; lower) = 5e-6 through the
     * distribution of D (itself checked against 40-digit quadrature in {@link BetaDifferenceExactTest}); the
     * mirror case (none recorded) for the upper bound.
     */
    @Test
    void interval_holdsItsTails_whereTheNormalBracketDoesNot() {
        BayesEstimator bayes = BayesEstimator.withDefaults().withCredibility(0.99999);
        PosteriorChange all = bayes.compare(Tally.of(4000, 4000), Tally.of(50, 50));
        assertTrue(all.lower() < all.difference() - 8 * all.standardDeviation(), all.toString());
        BetaMath.Difference d = new BetaMath.Difference(4000.5, 0.5, 50.5, 0.5);
        assertEquals(0.000005, d.probability(all.lower(), false), 1e-12);
        assertEquals(0.000005, d.probability(all.upper(), true), 1e-12);
        PosteriorChange none = bayes.compare(Tally.of(0, 4000), Tally.of(0, 50));
        assertTrue(none.upper() > none.difference() + 8 * none.standardDeviation(), none.toString());
        BetaMath.Difference e = new BetaMath.Difference(0.5, 4000.5, 0.5, 50.5);
        assertEquals(0.000005, e.probability(none.upper(), true), 1e-12);
        assertEquals(0.000005, e.probability(none.lower(), false), 1e-12);
    }

    /** P(p &lt; bound) is the tail at mpmath's bounds (beta-posterior.csv), and the rate's own ends are 0 and 1. */
    @Test
    void probabilityBelow_isTheTailAtTheReferenceBounds() throws IOException {
        for (CSVRecord row : PosteriorReferenceTest.read("beta-posterior.csv")) {
            Tally tally = Tally.of(Long.parseLong(row.get("recorded")), Long.parseLong(row.get("audited")));
            double level = Double.parseDouble(row.get("credibility"));
            BetaPosterior p = BayesEstimator.withDefaults().with(PosteriorReferenceTest.prior(row.get("prior")))
                    .withCredibility(level).estimate(tally);
            double tail = (1 - level) / 2;
            assertEquals(tail, p.probabilityBelow(Double.parseDouble(row.get("lower"))), 1e-12 + 1e-9 * tail, row.toString());
            assertEquals(1 - tail, p.probabilityBelow(Double.parseDouble(row.get("upper"))), 1e-12, row.toString());
            assertEquals(0, p.probabilityBelow(0), 0);
            assertEquals(1, p.probabilityBelow(1), 0);
        }
    }

    /**
     * The uniform prior puts a shape at exactly 1 when none or all are recorded: Beta(1, 11) falls from 0 and
     * Beta(11, 1) rises to 1, both monotone, with the note; one recorded of ten, Beta(2, 10), is not.
     */
    @Test
    void monotone_atAShapeOfExactlyOne() {
        BayesEstimator uniform = BayesEstimator.withDefaults().with(Prior.UNIFORM);
        BetaPosterior none = uniform.estimate(Tally.of(0, 10));
        assertEquals(1, none.a(), 0);
        assertTrue(none.monotone());
        assertEquals(0, none.hpdLower(), 0);
        // Beta(1, 11): F(x) = 1 - (1 - x)^11, so the 95% highest-density interval ends at 1 - 0.05^(1/11)
        assertEquals(1 - Math.pow(0.05, 1.0 / 11), none.hpdUpper(), 1e-14);
        assertEquals(List.of("the posterior density falls all the way from 0% (no audited crime was recorded), so the"
                + " highest-density interval starts at 0%"), none.notes());
        BetaPosterior all = uniform.estimate(Tally.of(10, 10));
        assertEquals(1, all.b(), 0);
        assertTrue(all.monotone());
        assertEquals(Math.pow(0.05, 1.0 / 11), all.hpdLower(), 1e-14);
        assertTrue(all.notes().get(0).contains("ends at 100%"));
        assertTrue(all.summary().contains("Note: the posterior density rises all the way to 100%"), all.summary());
        BetaPosterior one = uniform.estimate(Tally.of(1, 10));
        assertFalse(one.monotone());
        assertTrue(one.notes().isEmpty());
        assertFalse(one.summary().contains("Note:"), one.summary());
        assertTrue(one.summary().contains("1 of 10 recorded"), one.summary());
        assertTrue(one.toString().endsWith("; uniform prior, 1 of 10)"), one.toString());
    }

    @Test
    void estimator_reportsItsSettings_andPoolsInspectionsByCategoryOrAllCrime() {
        BayesEstimator bayes = BayesEstimator.withDefaults().with(Prior.UNIFORM).withCredibility(0.9).withReplicates(5000)
                .withSeed(42);
        assertEquals(Prior.UNIFORM, bayes.prior());
        assertEquals(0.9, bayes.credibility());
        assertEquals(5000, bayes.replicates());
        assertEquals(42, bayes.seed());
        assertEquals("Bayes(" + Prior.UNIFORM + ", 90%, 5,000 replicates, seed 42)", bayes.toString());
        Inspection a = Inspection.builder("A").category("violence", 180, 202, 25_000).category("other", 90, 100, 10_000)
                .build();
        Inspection b = Inspection.builder("B").category("violence", 150, 200, 20_000).build();
        Inspection c = Inspection.builder("C").category("other", 45, 60, 5_000).category("violence", 190, 200, 1_000)
                .build();
        HierarchicalPosterior violence = bayes.acrossInspections(List.of(a, b, c), "violence");
        assertEquals(3, violence.forces().size());
        assertEquals(180, violence.forces().get(0).counts().recorded(), 0);
        assertEquals(190, violence.forces().get(2).counts().recorded(), 0);
        HierarchicalPosterior other = bayes.acrossInspections(List.of(a, b, c), "other");
        assertEquals(List.of("A", "C"), other.forces().stream().map(HierarchicalPosterior.Force::name).toList());
        HierarchicalPosterior allCrime = bayes.acrossInspections(List.of(a, b, c), null);
        // B has one category: its tally exactly; A's effective count 1 / sum W^2 / n (W = 5/7, 2/7)
        assertEquals(150, allCrime.forces().get(1).counts().recorded(), 0);
        assertFalse(allCrime.forces().get(1).counts().effective());
        double w1 = 25_000 / 35_000.0;
        double w2 = 10_000 / 35_000.0;
        double n = 1 / (w1 * w1 / 202 + w2 * w2 / 100);
        assertEquals(n, allCrime.forces().get(0).counts().audited(), 1e-9);
        assertEquals((w1 * 180 / 202 + w2 * 90 / 100) * n, allCrime.forces().get(0).counts().recorded(), 1e-9);
        assertTrue(allCrime.approximate());
        assertEquals(2, allCrime.notes().size());
        assertEquals(1, violence.notes().size());
    }
}
