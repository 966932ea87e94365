package org.recordingrate.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.apache.commons.math3.distribution.BetaDistribution;
import org.junit.jupiter.api.Test;
import org.recordingrate.compare.Alternative;
import org.recordingrate.compare.ChangeTest;
import org.recordingrate.error.ArgumentException;
import org.recordingrate.estimate.IntervalMethod;
import org.recordingrate.model.Tally;

/**
 * Sample sizes at their edges: the refusals' messages with the Wald size they quote (Cochran 1977,
 * eqs. 4.1 and 4.2, computed here), Wald with a population past the unlimited-population cap, the
 * upper half of Wilson's and Jeffreys' finite-population intervals (the larger half below 50%,
 * which the planner's margin then is), against the score quadratic solved here and Commons Math's
 * Beta quantiles of the effective counts (Kish's effective size n (N - 1)/(N - n), written here), and
 * the targets' range checks word for word.
 */
class SampleSizeEdgesTest {

    /** R: qnorm(0.975) = 1.959963984540054. */
    private static final double Z95 = 1.959963984540054;

    @Test
    void refusalsQuoteTheWaldSize() {
        SampleSizePlanner planner = SampleSizePlanner.withDefaults();
        // 0.001 points at 50%: n0 = z^2 0.25 / 0.00001^2
        double n0 = Z95 * Z95 * 0.25 / (0.00001 * 0.00001);
        ArgumentException e = assertThrows(ArgumentException.class, () -> planner.plan(0.001, 50));
        assertEquals(String.format(Locale.ROOT, "margin (0.001 points) needs about %.3g audited at expected 50%%: "
                + "more than 10,000,000", n0), e.getMessage());
        assertEquals("margin", e.argument());
        double fraction = Z95 * Z95 * 0.25 / (0.0001 * 0.0001);
        e = assertThrows(ArgumentException.class, () -> planner.inFractions().plan(0.0001, 0.5));
        assertEquals(String.format(Locale.ROOT, "margin (1.0E-4) needs about %.3g audited at expected 0.5: "
                + "more than 10,000,000", fraction), e.getMessage());
        // Clopper-Pearson with 10^8 records at 0.01 points: Cochran 4.2, n0 N / (n0 + N - 1)
        double m = 0.0001;
        double big = 1e8;
        double n1 = Z95 * Z95 * 0.25 / (m * m);
        double wald = n1 * big / (n1 + big - 1);
        e = assertThrows(ArgumentException.class,
                () -> planner.with(IntervalMethod.CLOPPER_PEARSON).plan(0.01, 50, 100_000_000L));
        assertTrue(e.getMessage().startsWith(String.format(Locale.ROOT, "method (clopper_pearson) with a population "
                + "plans at most 50,000 audited, and margin (0.01 points) needs about %,.0f at expected 50%%: ", wald)),
                e.getMessage());
        e = assertThrows(ArgumentException.class,
                () -> planner.with(IntervalMethod.MID_P).inFractions().plan(0.0001, 0.5, 100_000_000L));
        assertTrue(e.getMessage().startsWith(String.format(Locale.ROOT, "method (mid_p) with a population "
                + "plans at most 50,000 audited, and margin (1.0E-4) needs about %,.0f at expected 0.5: ", wald)),
                e.getMessage());
    }

    @Test
    void waldWithAPopulationPlansPastTheUnlimitedCap() {
        // 0.01 points at 50% from 10^9 records: about 8.8 x 10^7 audited, more than the 10^7 planned without one
        long big = 1_000_000_000L;
        double n0 = Z95 * Z95 * 0.25 / (0.0001 * 0.0001);
        long expected = (long) Math.ceil(n0 * big / (n0 + big - 1));
        SampleSize size = SampleSizePlanner.withDefaults().with(IntervalMethod.WALD).plan(0.01, 50, big);
        assertEquals(expected, size.audited());
        assertTrue(size.audited() > SampleSizePlanner.MAX_AUDITED);
    }

    @Test
    void waldMarginAtACount() {
        SampleSizePlanner wald = SampleSizePlanner.withDefaults().with(IntervalMethod.WALD);
        assertEquals(Z95 * Math.sqrt(0.09 / 554), wald.margin(554, 90), 1e-15);
        assertEquals(Z95 * Math.sqrt(0.09 / 554 * (2_000 - 554) / 1_999.0), wald.margin(554, 90, 2_000), 1e-15);
        assertEquals(0, wald.margin(1, 90, 1));
    }

    @Test
    void methodsWithoutAFinitePopulationVersionAreNamed() {
        String message = "method (logit) has no finite-population version: with a population use wald, wilson, "
                + "clopper_pearson, jeffreys or mid_p";
        SampleSizePlanner logit = SampleSizePlanner.withDefaults().with(IntervalMethod.LOGIT);
        ArgumentException e = assertThrows(ArgumentException.class, () -> logit.plan(2, 90, 100));
        assertEquals(message, e.getMessage());
        e = assertThrows(ArgumentException.class, () -> logit.margin(50, 90, 100));
        assertEquals(message, e.getMessage());
        assertEquals("method", e.argument());
    }

    /** Wilson with a population at 10%: (x/n - p)^2 = z^2 p(1 - p)/n (N - n)/(N - 1), solved for p. */
    @Test
    void wilsonWithAPopulationUpperHalf() {
        long big = 3_000;
        SampleSizePlanner wilson = SampleSizePlanner.withDefaults().with(IntervalMethod.WILSON);
        for (long n : new long[] {40, 300, 1_000, 2_999}) {
            long x = (long) Math.floor(n * 0.1 + 0.5);
            double rate = (double) x / n;
            double c = Z95 * Z95 / n * (big - n) / (big - 1.0);
            double a = 1 + c;
            double b = -(2 * rate + c);
            double root = Math.sqrt(b * b - 4 * a * rate * rate);
            double lower = (-b - root) / (2 * a);
            double upper = (-b + root) / (2 * a);
            assertTrue(upper - rate > rate - lower, "the upper half is the larger at 10%");
            assertEquals(upper - rate, wilson.margin(n, 10, big), 1e-12, "n=" + n);
        }
        SampleSize size = wilson.plan(2, 10, big);
        assertTrue(size.margin() <= 0.02 && size.marginOneFewer().getAsDouble() > 0.02, size.toString());
    }

    /**
     * Jeffreys with a population: Beta(c + 1/2, n* - c + 1/2) quantiles at 2.5% and 97.5%, with the
     * effective size n* = n (N - 1)/(N - n) and count c = n* x/n.
     */
    @Test
    void jeffreysWithAPopulation() {
        long big = 3_000;
        SampleSizePlanner jeffreys = SampleSizePlanner.withDefaults().with(IntervalMethod.JEFFREYS);
        for (double rate : new double[] {10, 90}) {
            for (long n : new long[] {40, 300, 1_000}) {
                long x = (long) Math.floor(n * rate / 100 + 0.5);
                double effective = n * (big - 1.0) / (big - n);
                double count = effective * x / n;
                BetaDistribution beta = new BetaDistribution(null, count + 0.5, effective - count + 0.5, 1e-15);
                double lower = beta.inverseCumulativeProbability(0.025);
                double upper = beta.inverseCumulativeProbability(0.975);
                double share = (double) x / n;
                assertEquals(Math.max(share - lower, upper - share), jeffreys.margin(n, rate, big), 1e-9,
                        rate + "% n=" + n);
            }
        }
    }

    @Test
    void targetsOutOfRangeSayTheirRange() {
        SampleSizePlanner planner = SampleSizePlanner.withDefaults();
        assertEquals("margin (0) must be strictly between 0 and 100 (percent)",
                assertThrows(ArgumentException.class, () -> planner.plan(0, 90)).getMessage());
        assertEquals("margin (100) must be strictly between 0 and 100 (percent)",
                assertThrows(ArgumentException.class, () -> planner.plan(100, 90)).getMessage());
        assertEquals("margin (1) must be strictly between 0 and 1 (a fraction)",
                assertThrows(ArgumentException.class, () -> planner.inFractions().plan(1, 0.9)).getMessage());
        assertEquals("expected (120) must lie between 0 and 100 (percent)",
                assertThrows(ArgumentException.class, () -> planner.plan(2, 120)).getMessage());
        assertEquals("expected (1.2) must lie between 0 and 1 (a fraction)",
                assertThrows(ArgumentException.class, () -> planner.inFractions().plan(0.02, 1.2)).getMessage());
        assertEquals("expected (-1) must lie between 0 and 100 (percent)",
                assertThrows(ArgumentException.class, () -> planner.plan(2, -1)).getMessage());
        // the edges themselves are targets: 0% and 100% expected
        assertEquals(1, planner.with(IntervalMethod.WALD).plan(2, 0).audited());
        assertEquals(1, planner.with(IntervalMethod.WALD).plan(2, 100).audited());

        PowerPlanner power = PowerPlanner.withDefaults();
        assertEquals("change (0) must be a change other than 0, between -100 and 100 (points)",
                assertThrows(ArgumentException.class, () -> power.power(Tally.of(5, 10), 0, 10)).getMessage());
        assertEquals("change (150) must be a change other than 0, between -100 and 100 (points)",
                assertThrows(ArgumentException.class, () -> power.power(Tally.of(5, 10), 150, 10)).getMessage());
        assertEquals("change (0) must be a change other than 0, between -1 and 1 (a fraction)",
                assertThrows(ArgumentException.class, () -> power.inFractions().power(Tally.of(5, 10), 0, 10))
                        .getMessage());
        assertEquals("change (30 points) takes the previous rate 80.0% outside 0 to 100%",
                assertThrows(ArgumentException.class, () -> power.power(Tally.of(8, 10), 30, 10)).getMessage());
        // a change of the full 100 points, from 0% to 100%: the z-test's unpooled variance is 0 and the
        // pooled one is not, so the power is 1 exactly when 1 > z sqrt(pbar (1 - pbar)(1/5 + 1/10)),
        // pbar = 5/15: 1.96 x 0.258 = 0.506
        assertEquals(1, power.power(Tally.of(0, 10), 100, 5).power());
        assertEquals(1, power.with(Alternative.IMPROVED).inFractions().power(Tally.of(0, 10), 1, 5).power());
        // and by exact enumeration the only table, 5 of 5 against 0 of 10, rejects (Fisher: 1/C(15, 5) = 1/3003)
        assertEquals(1, power.with(ChangeTest.FISHER_EXACT).power(Tally.of(0, 10), 100, 5).power(), 1e-15);
    }
}
