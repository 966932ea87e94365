package org.recordingrate.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.recordingrate.model.Interval;
import org.recordingrate.model.Tally;
import org.recordingrate.model.Inspection;
import org.recordingrate.estimate.InspectionEstimator;
import org.recordingrate.estimate.VarianceConvention;
import org.recordingrate.internal.Normal;

/**
 * The comparison procedure: its parts agree with the components, the documented test-interval
 * pairs agree with each other, and the all-crime change matches a computation from the two
 * inspections' estimates.
 */
class ComparisonTest {

    private static final Inspection CDI_2017 = Inspection.builder("CDI 2017")
            .category("violence", 512, 640, 24_000)
            .category("sexual offences", 164, 180, 2_200)
            .category("other crime", 605, 660, 33_000)
            .build();
    private static final Inspection PEEL_2022 = Inspection.builder("PEEL 2021/22")
            .category("violence", 180, 202, 25_000)
            .category("sexual offences", 131, 132, 2_500)
            .category("other crime", 211, 220, 35_000)
            .category("fraud", 10, 20, 5_000)
            .build();

    @Test
    void changeIsAssembledFromItsParts() {
        Tally before = Tally.of(512, 640);
        Tally after = Tally.of(188, 202);
        Change change = Comparison.withDefaults().with(DifferenceMethod.NEWCOMBE).with(ChangeTest.FISHER_EXACT)
                .withConfidence(0.99).compare(before, after);
        assertEquals(188.0 / 202 - 512.0 / 640, change.change(), 1e-15);
        // shared/reference/two-proportion.csv line 155 (512,640,188,202,0.99,newcombe) and
        // line 161 (fisher_exact), at the tolerances of its README
        assertEquals(0.0590469399728513, change.interval().lower(), 1e-9);
        assertEquals(0.185839682435765, change.interval().upper(), 1e-9);
        assertEquals(0.00000478263415066805, change.test().pValue(), 1e-6 * 0.00000478263415066805);
        assertEquals(ChangeTest.FISHER_EXACT, change.test().test());
        assertEquals(Verdict.IMPROVEMENT, change.verdict());
        assertTrue(change.toString().startsWith("+13.1 points (99% CI"), change.toString());
        assertTrue(change.summary().contains("statistically significant improvement"), change.summary());
    }

    @Test
    void waldIntervalAndUnpooledTestAgree() {
        // Documented pair: 0 lies outside the unclipped Wald interval exactly when the unpooled z
        // test rejects at alpha = 1 - confidence (two-sided). Random tables away from the boundary.
        SplittableRandom random = new SplittableRandom(7);
        int disagreements = 0;
        for (int i = 0; i < 2_000; i++) {
            Tally before = randomTally(random);
            Tally after = randomTally(random);
            Interval wald = DifferenceMethod.WALD.interval(before, after, 0.95);
            TestResult z = ChangeTest.Z_UNPOOLED.test(before, after, Alternative.TWO_SIDED);
            if (Math.abs(Math.abs(z.statistic().orElse(Double.NaN)) - 1.959963984540054) < 1e-9 || wald.lower() <= -1 || wald.upper() >= 1) {
                continue;
            }
            boolean excludesZero = wald.lower() > 0 || wald.upper() < 0;
            if (excludesZero != (z.pValue() < 0.05)) {
                disagreements++;
            }
        }
        assertEquals(0, disagreements);
    }

    @Test
    void miettinenNurminenAndPooledZAgree() {
        // The score pair: at a bound of the Miettinen-Nurminen interval the score test of that
        // change has p = alpha exactly; at D = 0 the score statistic is the pooled z times
        // sqrt((N - 1)/N), so whenever the interval excludes 0 the pooled z test rejects.
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 500; i++) {
            Tally before = randomTally(random);
            Tally after = randomTally(random);
            Interval mn = DifferenceMethod.MIETTINEN_NURMINEN.interval(before, after, 0.95);
            ScoreVariance v = new ScoreVariance(after.recorded(), after.audited(), before.recorded(), before.audited());
            double d = after.rate() - before.rate();
            if (mn.lower() > -1) {
                double p = Normal.twoSidedTail((d - mn.lower()) / Math.sqrt(v.at(mn.lower())));
                assertEquals(0.05, p, 1e-9, before + " -> " + after);
            }
            if (mn.lower() > 0 || mn.upper() < 0) {
                assertTrue(ChangeTest.Z_POOLED.test(before, after, Alternative.TWO_SIDED).pValue() < 0.05,
                        before + " -> " + after);
            }
        }
    }

    @Test
    void allCrimeChangeFromTheCategoryCounts() {
        // Independent of InspectionEstimator: the volume-weighted rates and their variances under
        // each convention (stratified-results.csv's definitions, README of shared/reference)
        // computed here from the raw counts, then z = change / se and p = 2 Q(|z|) with the
        // normal tail Q by its continued fraction (below).
        for (VarianceConvention variance : VarianceConvention.values()) {
            AllCrimeChange change = Comparison.withDefaults().with(variance).allCrime(CDI_2017, PEEL_2022);
            double[] before = weighted(CDI_2017, variance);
            double[] after = weighted(PEEL_2022, variance);
            double se = Math.sqrt(before[1] + after[1]);
            double z = (after[0] - before[0]) / se;
            assertEquals(after[0] - before[0], change.change(), 1e-15);
            assertEquals(se, change.standardError(), 1e-15);
            assertEquals(z, change.z(), 1e-12);
            assertEquals(2 * normalUpperTail(Math.abs(z)), change.pValue(), 1e-12 * change.pValue());
            assertEquals(change.change() - 1.959963984540054 * se, change.interval().lower(), 1e-12);
            assertEquals(Verdict.IMPROVEMENT, change.verdict());
        }
        AllCrimeChange twoSided = Comparison.withDefaults().allCrime(CDI_2017, PEEL_2022);
        AllCrimeChange worse = Comparison.withDefaults().with(Alternative.DETERIORATED).allCrime(CDI_2017, PEEL_2022);
        AllCrimeChange better = Comparison.withDefaults().with(Alternative.IMPROVED).allCrime(CDI_2017, PEEL_2022);
        assertEquals(1 - normalUpperTail(twoSided.z()), worse.pValue(), 1e-15);
        assertEquals(normalUpperTail(twoSided.z()), better.pValue(), 1e-12 * better.pValue());
        assertEquals(Verdict.NO_CHANGE, worse.verdict(), "no evidence of deterioration: p = " + worse.pValue());
    }

    /** {rate, variance} of an inspection: sum W p and sum W^2 v under the convention, from the counts. */
    private static double[] weighted(Inspection inspection, VarianceConvention convention) {
        double total = inspection.categories().stream().mapToDouble(c -> c.volume()).sum();
        double rate = 0;
        double variance = 0;
        for (var c : inspection.categories()) {
            double w = c.volume() / total;
            double p = (double) c.tally().recorded() / c.tally().audited();
            double n = c.tally().audited();
            rate += w * p;
            // no population given: the survey convention has no finite population correction
            variance += w * w * p * (1 - p) / (convention == VarianceConvention.SURVEY ? n - 1 : n);
        }
        return new double[] {rate, variance};
    }

    /**
     * Q(z) = 1 - Phi(z) for z &gt;= 0, written here independently of the library's erfc: for
     * z &lt; 3 by the series Phi(z) = 1/2 + phi(z) sum z^(2k+1)/(1 3 5 ... (2k+1)) (all terms
     * positive; Q &gt;= 1.3e-3 there, so at most 3 digits cancel), beyond by Laplace's continued
     * fraction phi(z) / (z + 1/(z + 2/(z + 3/(z + ...)))), 300 terms from the back.
     */
    private static double normalUpperTail(double z) {
        assertTrue(z >= 0, "z = " + z);
        double density = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI);
        if (z < 3) {
            double term = z;
            double sum = z;
            for (int k = 1; k < 200; k++) {
                term *= z * z / (2 * k + 1);
                sum += term;
            }
            return 0.5 - density * sum;
        }
        double fraction = z;
        for (int k = 300; k >= 1; k--) {
            fraction = z + k / fraction;
        }
        return density / fraction;
    }

    @Test
    void inspectionsAreComparedCategoryByCategory() {
        InspectionChange change = Comparison.withDefaults().with(ChangeTest.FISHER_EXACT).compare(CDI_2017, PEEL_2022);
        assertEquals(List.of("violence", "sexual offences", "other crime"),
                change.categories().stream().map(CategoryChange::category).toList());
        assertEquals(List.of(), change.onlyBefore());
        assertEquals(List.of("fraud"), change.onlyAfter());
        double[] raw = change.categories().stream().mapToDouble(c -> c.change().test().pValue()).toArray();
        // Holm by hand: sorted ascending, the i-th smallest times (m - i), running maximum, at most 1
        Integer[] order = {0, 1, 2};
        java.util.Arrays.sort(order, (i, j) -> Double.compare(raw[i], raw[j]));
        double running = 0;
        for (int rank = 0; rank < 3; rank++) {
            running = Math.max(running, Math.min(1, (3 - rank) * raw[order[rank]]));
            assertEquals(running, change.categories().get(order[rank]).adjustedPValue(), 1e-15 * running);
        }
        // Cochran-Mantel-Haenszel by hand (R's mantelhaen.test, continuity-corrected): recorded
        // after minus its expectation, and the hypergeometric variances, summed over categories
        long[][] pairs = {{512, 640, 180, 202}, {164, 180, 131, 132}, {605, 660, 211, 220}};
        double delta = 0;
        double var = 0;
        for (long[] t : pairs) {
            double total = t[1] + t[3];
            double recorded = t[0] + t[2];
            delta += t[2] - t[3] * recorded / total;
            var += t[1] * t[3] * recorded * (total - recorded) / (total * total * (total - 1));
        }
        double statistic = (Math.abs(delta) - 0.5) * (Math.abs(delta) - 0.5) / var;
        assertTrue(change.mantelHaenszel().isPresent());
        assertEquals(statistic, change.mantelHaenszel().orElseThrow().statistic(), 1e-12 * statistic);
        assertEquals(2 * normalUpperTail(Math.sqrt(statistic)), change.mantelHaenszel().orElseThrow().pValue(),
                1e-12 * change.mantelHaenszel().orElseThrow().pValue());
        assertEquals(3, change.mantelHaenszel().orElseThrow().categories());
        assertTrue(change.summary().contains("Cochran-Mantel-Haenszel"), change.summary());
        assertTrue(change.toString().contains("statistically significant improvement"), change.toString());
    }

    @Test
    void verdictsFollowTheSignificanceLevel() {
        Tally before = Tally.of(40, 50);
        Tally after = Tally.of(46, 50);
        Change loose = Comparison.withDefaults().withSignificance(0.2).compare(before, after);
        Change strict = Comparison.withDefaults().withSignificance(0.01).compare(before, after);
        assertTrue(loose.test().pValue() < 0.2 && strict.test().pValue() > 0.01, loose.test().toString());
        assertEquals(Verdict.IMPROVEMENT, loose.verdict());
        assertEquals(Verdict.NO_CHANGE, strict.verdict());
        assertEquals(Verdict.DETERIORATION, Comparison.withDefaults().compare(after, Tally.of(30, 50)).verdict());
    }

    private static Tally randomTally(SplittableRandom random) {
        long n = 5 + random.nextInt(500);
        return Tally.of(random.nextLong(n + 1), n);
    }
}
