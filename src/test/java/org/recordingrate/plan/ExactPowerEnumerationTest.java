package org.recordingrate.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;
import org.recordingrate.compare.Alternative;
import org.recordingrate.compare.ChangeTest;
import org.recordingrate.compare.ChangeTestMethod;
import org.recordingrate.model.Tally;

/**
 * Exact power ({@link PowerMethod#EXACT}) against an independent enumeration written here: every
 * table (x_a of n_a after, x_b of n_b before) is put to the comparison's own test,
 * {@code ChangeTest.test(before, after, alternative)}, and the binomial probabilities
 * Bin(x_a; n_a, p_a) Bin(x_b; n_b, p_b) (Commons Math's {@link BinomialDistribution}, not the
 * library's) of the tables with p &lt;= alpha (and, two-sided, an observed change with the sign of
 * the planned one) are summed. Tables whose probability is below 1e-18 are skipped (fewer than
 * 10^5 of them, so at most 1e-13 of power), which is what makes Barnard's and Boschloo's tests
 * affordable here.
 *
 * <p>Issue 16, item 7: {@code plan --previous 512/640 --detect 5 --audited 55 --test fisher_exact
 * --power-method exact} gave 0.0978 where this sum is 0.1099 (the region was walked as if the
 * rejected x_a formed one run beyond a threshold that only rises with x_b, which Fisher's
 * two-sided and mid-p tests do not satisfy).
 */
class ExactPowerEnumerationTest {

    private static final double SKIP = 1e-18;

    /** Every test token, both directions, every alternative, three levels, several sizes. */
    @Test
    void exactPowerIsTheSumOverTheTablesTheTestRejects() {
        Object[][] cases = {
            // previous, change, audited now
            {Tally.of(24, 30), 0.1, 25},
            {Tally.of(9, 12), -0.15, 18},
            {Tally.of(40, 50), 0.12, 37},
            {Tally.of(30, 30), -0.2, 31},
            {Tally.of(3, 20), 0.25, 16},
        };
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (ChangeTest test : ChangeTest.values()) {
            boolean costly = test == ChangeTest.BARNARD || test == ChangeTest.BOSCHLOO;
            for (Alternative alternative : Alternative.values()) {
                for (double alpha : costly ? new double[] {0.05, 0.1} : new double[] {0.01, 0.05, 0.1}) {
                    // Barnard's and Boschloo's tests cost milliseconds a table: three of the settings
                    for (Object[] c : costly ? java.util.Arrays.copyOf(cases, 3) : cases) {
                        Tally previous = (Tally) c[0];
                        double change = (double) c[1];
                        int audited = (int) c[2];
                        double expected = everyTable(test, alternative, alpha, previous, change, audited);
                        double power = PowerPlanner.withDefaults().inFractions().with(test).with(PowerMethod.EXACT)
                                .with(alternative).withSignificance(alpha).power(previous, change, audited).power();
                        checked++;
                        if (Math.abs(expected - power) > 1e-11) {
                            failures.add(test.token() + " " + alternative.token() + " " + alpha + " " + previous + " "
                                    + change + " " + audited + ": " + power + " vs " + expected);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), failures, failures.size() + " of " + checked + " differ");
    }

    /**
     * The probe's setting, 512 of 640 before, +5 points, at sizes 10 to 260 (every seventh, and 55,
     * where 0.0978 was given for 0.1099), for Fisher's two tests and both alternatives that look up.
     */
    @Test
    void fishersTestsAtTheProbesSizes() {
        Tally previous = Tally.of(512, 640);
        List<String> failures = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>(List.of(55, 30, 100, 17, 131));
        for (int n = 10; n <= 260; n += 25) {
            sizes.add(n);
        }
        for (ChangeTest test : new ChangeTest[] {ChangeTest.FISHER_EXACT, ChangeTest.FISHER_MID_P}) {
            for (Alternative alternative : new Alternative[] {Alternative.TWO_SIDED, Alternative.IMPROVED}) {
                for (int n : sizes) {
                    double expected = everyTable(test, alternative, 0.05, previous, 0.05, n);
                    // +5 points, as the command line's --detect 5
                    double power = PowerPlanner.withDefaults().with(test).with(alternative).with(PowerMethod.EXACT)
                            .power(previous, 5, n).power();
                    if (Math.abs(expected - power) > 1e-11) {
                        failures.add(test.token() + " " + alternative.token() + " " + n + ": " + power + " vs "
                                + expected);
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
        // the probe's number, from this enumeration: 0.10989614346056
        assertEquals(0.10989614346056, PowerPlanner.withDefaults().with(ChangeTest.FISHER_EXACT)
                .with(PowerMethod.EXACT).power(previous, 5, 55).power(), 1e-12);
    }

    /** A downward change at larger sizes (mirrored coordinates), Fisher's tests and the z-tests. */
    @Test
    void downwardChangesAtLargerSizes() {
        Tally previous = Tally.of(180, 200);
        List<String> failures = new ArrayList<>();
        for (ChangeTest test : new ChangeTest[] {ChangeTest.FISHER_EXACT, ChangeTest.FISHER_MID_P,
            ChangeTest.Z_POOLED, ChangeTest.Z_UNPOOLED, ChangeTest.CHISQ_YATES}) {
            for (int n : new int[] {90, 150, 240}) {
                for (Alternative alternative : new Alternative[] {Alternative.TWO_SIDED, Alternative.DETERIORATED}) {
                    double expected = everyTable(test, alternative, 0.05, previous, -0.07, n);
                    double power = PowerPlanner.withDefaults().with(test).with(alternative).with(PowerMethod.EXACT)
                            .power(previous, -7, n).power();
                    if (Math.abs(expected - power) > 1e-11) {
                        failures.add(test.token() + " " + alternative.token() + " " + n + ": " + power + " vs "
                                + expected);
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    /**
     * sum over tables of Bin(xa; na, pa) Bin(xb; nb, pb) [test p &lt;= alpha, and two-sided the
     * observed change xa/na - xb/nb of the planned change's sign].
     */
    static double everyTable(ChangeTestMethod test, Alternative alternative, double alpha, Tally previous,
                             double change, int na) {
        int nb = (int) previous.audited();
        double pb = previous.rate();
        double pa = pb + change;
        BinomialDistribution after = new BinomialDistribution(null, na, pa);
        BinomialDistribution before = new BinomialDistribution(null, nb, pb);
        double sum = 0;
        for (int xb = 0; xb <= nb; xb++) {
            double pxb = before.probability(xb);
            for (int xa = 0; xa <= na; xa++) {
                double mass = pxb * after.probability(xa);
                if (mass < SKIP) {
                    continue;
                }
                long difference = (long) xa * nb - (long) xb * na;
                boolean rightWay = alternative != Alternative.TWO_SIDED || (change > 0 ? difference > 0 : difference < 0);
                if (rightWay && test.test(Tally.of(xb, nb), Tally.of(xa, na), alternative).pValue() <= alpha) {
                    sum += mass;
                }
            }
        }
        return sum;
    }
}
