package org.recordingrate.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * {@link BinomialMass}, the distribution exact power and simulated power sum over and draw from,
 * against the binomial probabilities computed here in exact decimal arithmetic (40 digits):
 * P(X = k) = C(n, k) p^k (1 - p)^(n - k), with p the double given (its exact binary value). The
 * window is checked against its definition (the longest runs at each end whose running sums stay
 * at most 1e-13), the tail sums against sums of the exact terms, and the draws against inversion
 * written here from the same definition.
 */
class BinomialMassTest {

    private static final MathContext MC = new MathContext(40);
    private static final BigDecimal NEGLIGIBLE = new BigDecimal("1e-13");

    /** Settings with long tails on both sides, one on one side only, and the mode at n (p near 1). */
    private static final double[][] SETTINGS = {{60, 0.3}, {200, 0.9}, {25, 0.5}, {20, 0.99}, {20, 0.01},
        {640, 0.8}, {1, 0.4}, {7, 0.97}};

    private static BigDecimal[] exact(int n, double p) {
        BigDecimal bp = new BigDecimal(p);
        BigDecimal bq = BigDecimal.ONE.subtract(bp);
        BigDecimal[] pmf = new BigDecimal[n + 1];
        for (int k = 0; k <= n; k++) {
            pmf[k] = new BigDecimal(ExactCounts.choose(n, k)).multiply(bp.pow(k, MC), MC).multiply(bq.pow(n - k, MC), MC);
        }
        return pmf;
    }

    /** The window by its definition, on the exact terms: {low, high}. */
    private static int[] window(BigDecimal[] pmf) {
        int n = pmf.length - 1;
        int from = 0;
        BigDecimal left = BigDecimal.ZERO;
        while (from < n && left.add(pmf[from]).compareTo(NEGLIGIBLE) <= 0) {
            left = left.add(pmf[from++]);
        }
        int to = n;
        BigDecimal right = BigDecimal.ZERO;
        while (to > from && right.add(pmf[to]).compareTo(NEGLIGIBLE) <= 0) {
            right = right.add(pmf[to--]);
        }
        return new int[] {from, to};
    }

    /** prefix[k] = P(X &lt; k), exactly. */
    private static BigDecimal[] prefix(BigDecimal[] pmf) {
        BigDecimal[] prefix = new BigDecimal[pmf.length + 1];
        prefix[0] = BigDecimal.ZERO;
        for (int k = 0; k < pmf.length; k++) {
            prefix[k + 1] = prefix[k].add(pmf[k]);
        }
        return prefix;
    }

    /** P(from &lt;= X &lt;= to), exactly, then rounded once. */
    private static double sum(BigDecimal[] prefix, int from, int to) {
        return to < from ? 0 : prefix[to + 1].subtract(prefix[from]).doubleValue();
    }

    @Test
    void probabilitiesWindowAndTailsAreTheExactOnes() {
        for (double[] setting : SETTINGS) {
            int n = (int) setting[0];
            double p = setting[1];
            String what = "n=" + n + " p=" + p;
            BigDecimal[] pmf = exact(n, p);
            BinomialMass mass = new BinomialMass(n, p);
            assertEquals(n, mass.trials(), what);
            for (int k = 0; k <= n; k++) {
                double expected = pmf[k].doubleValue();
                assertEquals(expected, mass.pmf(k), 1e-12 * expected + 1e-300, what + " k=" + k);
            }
            int[] window = window(pmf);
            assertEquals(window[0], mass.low(), what + " low");
            assertEquals(window[1], mass.high(), what + " high");
            int low = window[0];
            int high = window[1];
            BigDecimal[] prefix = prefix(pmf);
            for (int k = 0; k <= n + 1; k++) {
                // P(k <= X) and P(X <= k), within the window
                double atLeast = k > high ? 0 : sum(prefix, Math.max(k, low), high);
                double atMost = k < low ? 0 : sum(prefix, low, Math.min(k, high));
                assertEquals(atLeast, mass.atLeast(k), 1e-14, what + " atLeast " + k);
                if (k <= n) {
                    assertEquals(atMost, mass.atMost(k), 1e-14, what + " atMost " + k);
                }
            }
        }
    }

    @Test
    void windowsCutOnlyNegligibleTails() {
        // 640 at 0.8: both tails are long, so the window is strictly inside [0, n] on both sides
        BinomialMass mass = new BinomialMass(640, 0.8);
        assertTrue(mass.low() > 0 && mass.high() < 640, mass.low() + " " + mass.high());
        // 20 at 0.99: the mode is at 20 and the window reaches it
        BinomialMass high = new BinomialMass(20, 0.99);
        assertEquals(20, high.high());
        assertEquals(Math.pow(0.99, 20), high.pmf(20), 1e-15);
        assertEquals(20 * 0.01 * Math.pow(0.99, 19), high.pmf(19), 1e-15);
    }

    @Test
    void certainOutcomesAtRatesZeroAndOne() {
        for (int n : new int[] {1, 5, 30}) {
            BinomialMass none = new BinomialMass(n, 0);
            assertEquals(1, none.pmf(0));
            assertEquals(0, none.low());
            assertEquals(0, none.high());
            assertEquals(1, none.atLeast(0));
            assertEquals(0, none.atLeast(1));
            assertEquals(1, none.atMost(0));
            BinomialMass all = new BinomialMass(n, 1);
            assertEquals(1, all.pmf(n));
            assertEquals(0, all.pmf(n - 1));
            assertEquals(n, all.low());
            assertEquals(n, all.high());
            assertEquals(1, all.atLeast(n));
            assertEquals(0, all.atMost(n - 1));
            assertEquals(1, all.atMost(n));
            SplittableRandom random = new SplittableRandom(3);
            for (int r = 0; r < 20; r++) {
                assertEquals(0, none.sample(random));
                assertEquals(n, all.sample(random));
            }
        }
    }

    /**
     * Draws by inversion, written here: u = U * P(window), the smallest k of the window with
     * P(low &lt;= X &lt;= k) &gt; u, the partial sums of the exact terms; the same seed gives the same
     * draws, and their mean is near n p.
     */
    @Test
    void drawsAreInversionOfTheWindow() {
        for (double[] setting : SETTINGS) {
            int n = (int) setting[0];
            double p = setting[1];
            BigDecimal[] pmf = exact(n, p);
            int[] window = window(pmf);
            BigDecimal[] prefix = prefix(pmf);
            double[] cumulative = new double[n + 1];
            for (int k = window[0]; k <= window[1]; k++) {
                cumulative[k] = sum(prefix, window[0], k);
            }
            BinomialMass mass = new BinomialMass(n, p);
            SplittableRandom mine = new SplittableRandom(20_261_207L);
            SplittableRandom theirs = new SplittableRandom(20_261_207L);
            double total = 0;
            int draws = 4_000;
            for (int r = 0; r < draws; r++) {
                double u = mine.nextDouble() * cumulative[window[1]];
                int k = window[0];
                while (cumulative[k] <= u) {
                    k++;
                }
                int drawn = mass.sample(theirs);
                assertEquals(k, drawn, "n=" + n + " p=" + p + " draw " + r);
                total += drawn;
            }
            // the mean of 4,000 draws within 5 standard errors of n p
            double se = Math.sqrt(n * p * (1 - p) / draws);
            assertEquals(n * p, total / draws, 5 * se + 1e-12, "n=" + n + " p=" + p);
        }
    }
}
