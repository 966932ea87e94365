package org.recordingrate.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.recordingrate.Interval;
import org.recordingrate.Tally;
import org.recordingrate.estimate.Inspection;
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
        assertEquals(DifferenceMethod.NEWCOMBE.interval(before, after, 0.99), change.interval());
        assertEquals(ChangeTest.FISHER_EXACT.test(before, after, Alternative.TWO_SIDED), change.test());
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
            if (Math.abs(Math.abs(z.statistic()) - 1.959963984540054) < 1e-9 || wald.lower() <= -1 || wald.upper() >= 1) {
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
    void allCrimeChangeFromTheTwoEstimates() {
        for (VarianceConvention variance : VarianceConvention.values()) {
            AllCrimeChange change = Comparison.withDefaults().with(variance).allCrime(CDI_2017, PEEL_2022);
            var before = InspectionEstimator.withDefaults().with(variance).estimate(CDI_2017).allCrime();
            var after = InspectionEstimator.withDefaults().with(variance).estimate(PEEL_2022).allCrime();
            double se = Math.sqrt(before.standardError() * before.standardError()
                    + after.standardError() * after.standardError());
            double z = (after.rate() - before.rate()) / se;
            assertEquals(after.rate() - before.rate(), change.change(), 1e-15);
            assertEquals(se, change.standardError(), 1e-15);
            assertEquals(z, change.z(), 1e-12);
            assertEquals(Normal.twoSidedTail(z), change.pValue(), 1e-15);
            assertEquals(change.change() - 1.959963984540054 * se, change.interval().lower(), 1e-12);
            assertEquals(Verdict.IMPROVEMENT, change.verdict());
        }
        AllCrimeChange twoSided = Comparison.withDefaults().allCrime(CDI_2017, PEEL_2022);
        AllCrimeChange worse = Comparison.withDefaults().with(Alternative.DETERIORATED).allCrime(CDI_2017, PEEL_2022);
        AllCrimeChange better = Comparison.withDefaults().with(Alternative.IMPROVED).allCrime(CDI_2017, PEEL_2022);
        assertEquals(Normal.cdf(twoSided.z()), worse.pValue(), 1e-15);
        assertEquals(1 - Normal.cdf(twoSided.z()), better.pValue(), 1e-12);
        assertEquals(Verdict.NO_CHANGE, worse.verdict(), "no evidence of deterioration: p = " + worse.pValue());
    }

    @Test
    void inspectionsAreComparedCategoryByCategory() {
        InspectionChange change = Comparison.withDefaults().with(ChangeTest.FISHER_EXACT).compare(CDI_2017, PEEL_2022);
        assertEquals(List.of("violence", "sexual offences", "other crime"),
                change.categories().stream().map(CategoryChange::category).toList());
        assertEquals(List.of("fraud (PEEL 2021/22)"), change.unmatched());
        double[] raw = change.categories().stream().mapToDouble(c -> c.change().test().pValue()).toArray();
        double[] holm = PValueAdjustment.HOLM.adjust(raw);
        for (int i = 0; i < raw.length; i++) {
            assertEquals(holm[i], change.categories().get(i).adjustedPValue(), 0.0);
        }
        assertNotNull(change.mantelHaenszel());
        assertEquals(MantelHaenszel.test(List.of(Tally.of(512, 640), Tally.of(164, 180), Tally.of(605, 660)),
                List.of(Tally.of(180, 202), Tally.of(131, 132), Tally.of(211, 220)), Alternative.TWO_SIDED, true),
                change.mantelHaenszel());
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
