package org.recordingrate.resample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.recordingrate.compare.Alternative;
import org.recordingrate.compare.Change;
import org.recordingrate.compare.ChangeTest;
import org.recordingrate.compare.Comparison;
import org.recordingrate.compare.TestResult;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Tally;

/**
 * Permutation tests, seeded. False-failure budget: each Monte Carlo assertion allows 5 standard
 * errors sqrt(p(1 - p)/B) plus the 1/(B + 1) shift of Phipson and Smyth's estimate (normal
 * tail 5.7e-7 each, 16 of them: below 1e-5 in all). Exact values come from R 4.2.2
 * ({@code resample/fisher-one-sided.csv}: {@code fisher.test}; {@code exact-conditional.csv}:
 * enumeration of the stratified statistic), made by {@code make-boot-reference.R}.
 */
class PermutationTestTest {

    private static final Inspection CDI = Inspection.builder("CDI 2017").category("violence", 512, 640, 30_000)
            .category("sexual offences", 102, 112, 2_400).category("other crime", 610, 700, 40_000).build();
    private static final Inspection PEEL = Inspection.builder("PEEL 2021/22").category("violence", 180, 202, 25_000)
            .category("sexual offences", 131, 132, 2_500).category("other crime", 211, 220, 35_000).build();
    private static final Inspection SMALL_BEFORE = Inspection.builder("small").category("violence", 6, 10, 900)
            .category("sexual offences", 3, 5, 80).category("other crime", 15, 20, 1500).build();
    private static final Inspection SMALL_AFTER = Inspection.builder("small").category("violence", 8, 10, 900)
            .category("sexual offences", 5, 5, 80).category("other crime", 14, 20, 1500).build();

    private static final int REPLICATES = 200_000;

    private static void withinMonteCarloError(double exact, PermutationResult r, String what) {
        double error = 5 * Math.sqrt(exact * (1 - exact) / REPLICATES) + 1.0 / (REPLICATES + 1);
        assertEquals(exact, r.pValue(), error, what + ": " + r);
    }

    /** One-sided Monte Carlo p-values agree with R's one-sided fisher.test within Monte Carlo error. */
    @Test
    void oneSidedMonteCarloPValuesAgreeWithFisher() {
        PermutationTest test = PermutationTest.withDefaults().with(Enumeration.NEVER).withReplicates(REPLICATES)
                .withSeed(99);
        for (Map<String, String> row : ResampleReferences.rows("fisher-one-sided.csv")) {
            Tally before = Tally.parse(row.get("before"));
            Tally after = Tally.parse(row.get("after"));
            PermutationResult improved = test.permute(before, after, Alternative.IMPROVED);
            PermutationResult deteriorated = test.permute(before, after, Alternative.DETERIORATED);
            assertEquals(PermutationMethod.MONTE_CARLO, improved.method());
            withinMonteCarloError(Double.parseDouble(row.get("p_greater")), improved, row + " greater");
            withinMonteCarloError(Double.parseDouble(row.get("p_less")), deteriorated, row + " less");
            assertTrue(improved.pValue() > 0, "never zero");
            // enumerated, it is Fisher's test itself
            PermutationResult exact = PermutationTest.withDefaults().permute(before, after, Alternative.IMPROVED);
            assertEquals(PermutationMethod.EXACT_ENUMERATION, exact.method());
            assertEquals(Double.parseDouble(row.get("p_greater")), exact.pValue(), 1e-12);
        }
    }

    /** Two-sided Monte Carlo p-values estimate Fisher's two-sided p (tables no more probable). */
    @Test
    void twoSidedMonteCarloPValuesEstimateFishersTwoSidedP() {
        PermutationTest test = PermutationTest.withDefaults().with(Enumeration.NEVER).withReplicates(REPLICATES)
                .withSeed(100);
        for (Tally[] pair : new Tally[][] {{Tally.of(56, 80), Tally.of(48, 70)}, {Tally.of(30, 40), Tally.of(30, 35)},
                {Tally.of(7, 34), Tally.of(1, 34)}}) {
            double fisher = ChangeTest.FISHER_EXACT.test(pair[0], pair[1], Alternative.TWO_SIDED).pValue();
            withinMonteCarloError(fisher, test.permute(pair[0], pair[1], Alternative.TWO_SIDED), pair[0] + " vs " + pair[1]);
        }
    }

    /** Stratified, enumerated: R's full enumeration of the weighted statistic, to 1e-10 relative. */
    @Test
    void stratifiedExactEnumerationEqualsRsEnumeration() {
        Map<String, Map<String, String>> rows = new java.util.HashMap<>();
        for (Map<String, String> row : ResampleReferences.rows("exact-conditional.csv")) {
            rows.put(row.get("case"), row);
        }
        check(rows.get("cdi-peel"), CDI, PEEL);
        check(rows.get("small"), SMALL_BEFORE, SMALL_AFTER);
    }

    private static void check(Map<String, String> row, Inspection before, Inspection after) {
        PermutationTest test = PermutationTest.withDefaults();
        double up = Double.parseDouble(row.get("p_improved"));
        double down = Double.parseDouble(row.get("p_deteriorated"));
        PermutationResult improved = test.permute(before, after, Alternative.IMPROVED);
        assertEquals(PermutationMethod.EXACT_ENUMERATION, improved.method());
        assertEquals(up, improved.pValue(), 1e-10 * up, row.toString());
        assertEquals(down, test.permute(before, after, Alternative.DETERIORATED).pValue(), 1e-10 * down, row.toString());
        assertEquals(Math.min(1, 2 * Math.min(up, down)), test.permute(before, after, Alternative.TWO_SIDED).pValue(),
                1e-10, row.toString());
        // and the Monte Carlo version estimates them
        PermutationTest mc = test.with(Enumeration.NEVER).withReplicates(REPLICATES).withSeed(5);
        withinMonteCarloError(up, mc.permute(before, after, Alternative.IMPROVED), row + " improved");
        withinMonteCarloError(down, mc.permute(before, after, Alternative.DETERIORATED), row + " deteriorated");
    }

    /** The same p-value bits for 1, 2 and 16 threads. */
    @Test
    void identicalForAnyNumberOfThreads() {
        PermutationTest test = PermutationTest.withDefaults().with(Enumeration.NEVER).withReplicates(50_000).withSeed(3);
        double one = test.withThreads(1).permute(CDI, PEEL, Alternative.DETERIORATED).pValue();
        for (int threads : new int[] {2, 16}) {
            assertEquals(Double.doubleToRawLongBits(one), Double.doubleToRawLongBits(
                    test.withThreads(threads).permute(CDI, PEEL, Alternative.DETERIORATED).pValue()));
        }
    }

    /** It plugs into Comparison as any ChangeTestMethod. */
    @Test
    void comparisonTakesThePermutationTest() {
        PermutationTest test = PermutationTest.withDefaults().with(Enumeration.NEVER).withReplicates(10_000).withSeed(42);
        Change change = Comparison.withDefaults().with(test).compare(Tally.of(512, 640), Tally.of(188, 202));
        TestResult result = change.test();
        assertEquals(test, result.test());
        assertEquals(10_000, result.monteCarlo().orElseThrow().replicates());
        assertEquals(42, result.monteCarlo().orElseThrow().seed());
        assertEquals(188 / 202.0 - 512 / 640.0, result.statistic().getAsDouble(), 1e-15);
        assertTrue(result.pValue() >= 1.0 / 10_001);
        TestResult exact = Comparison.withDefaults().with(PermutationTest.withDefaults())
                .compare(Tally.of(512, 640), Tally.of(188, 202)).test();
        assertTrue(exact.monteCarlo().isEmpty(), "enumerated: Fisher's test");
        assertEquals(ChangeTest.FISHER_EXACT.test(Tally.of(512, 640), Tally.of(188, 202), Alternative.TWO_SIDED).pValue(),
                exact.pValue());
    }

    @Test
    void rowsPerCategoryThenAllCrime() {
        PermutationInspectionResult result = PermutationTest.withDefaults().permuteAll(CDI, PEEL, Alternative.TWO_SIDED);
        assertEquals(4, result.rows().size());
        assertTrue(result.allCrime().isAllCrime());
        assertEquals(Bootstrap.weightedRate(PEEL) - Bootstrap.weightedRate(CDI), result.allCrime().result().change(),
                1e-15);
    }

    @Test
    void alwaysEnumeratingRefusesTooManyTables() {
        Inspection.Builder b = Inspection.builder("big");
        Inspection.Builder a = Inspection.builder("big");
        for (int i = 0; i < 6; i++) {
            b.category("c" + i, 500, 1000, 1000 + i);
            a.category("c" + i, 520, 1000, 1000 + i);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PermutationTest.withDefaults().with(Enumeration.ALWAYS).permute(b.build(), a.build(),
                        Alternative.TWO_SIDED));
        assertTrue(e.getMessage().contains("exact enumeration would visit"), e.getMessage());
        assertEquals(PermutationMethod.MONTE_CARLO, PermutationTest.withDefaults().withReplicates(1000)
                .permute(b.build(), a.build(), Alternative.TWO_SIDED).method());
    }
}
