package org.recordingrate.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.recordingrate.compare.Alternative;
import org.recordingrate.compare.ChangeTestMethod;
import org.recordingrate.compare.TestResult;
import org.recordingrate.model.Tally;

/**
 * Power for a test the library does not know ({@link Rejection.Shape#TABLES}: every table of the
 * windows is asked), with a deliberately unshaped test whose rejected tables form neither columns
 * nor diagonals: p = 0.01 when x_a + 2 x_b is a multiple of 3, else 0.9. Any walk that assumed a
 * run would miss tables, so exact power must equal the sum over every table
 * ({@link ExactPowerEnumerationTest#everyTable}, Commons Math's binomial probabilities), and
 * simulated power must equal the recipe of {@link PowerMethod#SIMULATION} written here: draw x_b
 * then x_a by inversion from one generator seeded with the planner's seed, in coordinates mirrored
 * (recorded and unrecorded swapped) when the planned change is down, and count the tables the test
 * rejects with the planned sign.
 */
class UnshapedTestPowerTest {

    /** Rejects when x_a + 2 x_b is a multiple of 3, whatever the alternative. */
    static final ChangeTestMethod CHECKER = new ChangeTestMethod() {
        @Override
        public String token() {
            return "checker";
        }

        @Override
        public String displayName() {
            return "checkerboard test";
        }

        @Override
        public TestResult test(Tally before, Tally after, Alternative alternative) {
            long sum = after.recorded() + 2 * before.recorded();
            return new TestResult(this, alternative, 0, sum % 3 == 0 ? 0.01 : 0.9);
        }
    };

    private static final Object[][] CASES = {
        // previous, change, audited now
        {Tally.of(24, 30), 0.1, 25},
        {Tally.of(9, 12), -0.15, 18},
        {Tally.of(40, 50), 0.12, 37},
        {Tally.of(150, 200), -0.07, 90},
    };

    @Test
    void exactPowerAsksEveryTable() {
        List<String> failures = new ArrayList<>();
        for (Alternative alternative : Alternative.values()) {
            for (Object[] c : CASES) {
                Tally previous = (Tally) c[0];
                double change = (double) c[1];
                int audited = (int) c[2];
                double expected = ExactPowerEnumerationTest.everyTable(CHECKER, alternative, 0.05, previous, change,
                        audited);
                PowerPoint point = PowerPlanner.withDefaults().inFractions().with(CHECKER).with(alternative)
                        .power(previous, change, audited);
                assertEquals(PowerMethod.EXACT, point.method(), "an unknown test's power is exact by default");
                if (Math.abs(expected - point.power()) > 1e-11) {
                    failures.add(alternative.token() + " " + previous + " " + change + " " + audited + ": "
                            + point.power() + " vs " + expected);
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void simulatedPowerIsItsRecipe() {
        long seed = 97;
        long replicates = 3_000;
        for (Alternative alternative : Alternative.values()) {
            for (Object[] c : CASES) {
                Tally previous = (Tally) c[0];
                double change = (double) c[1];
                int na = (int) c[2];
                int nb = (int) previous.audited();
                double pb = previous.rate();
                double pa = pb + change;
                boolean up = alternative == Alternative.TWO_SIDED ? change >= 0 : alternative == Alternative.IMPROVED;
                BinomialMass after = new BinomialMass(na, up ? pa : 1 - pa);
                BinomialMass before = new BinomialMass(nb, up ? pb : 1 - pb);
                SplittableRandom random = new SplittableRandom(seed);
                long rejections = 0;
                for (long r = 0; r < replicates; r++) {
                    int j = before.sample(random);
                    int i = after.sample(random);
                    int xa = up ? i : na - i;
                    int xb = up ? j : nb - j;
                    long difference = (long) xa * nb - (long) xb * na;
                    boolean rightWay = alternative != Alternative.TWO_SIDED || (up ? difference > 0 : difference < 0);
                    if (rightWay && CHECKER.test(Tally.of(xb, nb), Tally.of(xa, na), alternative).pValue() <= 0.05) {
                        rejections++;
                    }
                }
                double expected = (double) rejections / replicates;
                PowerPoint point = PowerPlanner.withDefaults().inFractions().with(CHECKER).with(alternative)
                        .with(PowerMethod.SIMULATION).withSimulation(replicates, seed).power(previous, change, na);
                String what = alternative.token() + " " + previous + " " + change + " " + na;
                assertEquals(expected, point.power(), 0, what);
                assertTrue(point.monteCarlo().isPresent(), what);
                assertEquals(replicates, point.monteCarlo().get().replicates(), what);
                assertEquals(seed, point.monteCarlo().get().seed(), what);
                // the Monte Carlo standard error of a share, sqrt(P (1 - P) / R)
                assertEquals(Math.sqrt(expected * (1 - expected) / replicates), point.monteCarlo().get().standardError(),
                        1e-15, what);
                // and near the exact power, within 5 standard errors
                double exact = ExactPowerEnumerationTest.everyTable(CHECKER, alternative, 0.05, previous, change, na);
                assertEquals(exact, point.power(), 5 * Math.sqrt(exact * (1 - exact) / replicates) + 1e-9, what);
            }
        }
    }
}
