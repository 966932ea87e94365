package org.recordingrate.posterior;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The pieces of the hierarchical model's grid ({@link BetaBinomialGrid}) against 50-digit values, and the
 * grid's layout against the rule its class comment states. Every expected number below was printed by
 * {@code src/test/resources/posterior/make-grid-reference.py} (mpmath 1.3.0, 50 digits): Stirling's remainder
 * and the gamma differences from {@code mp.loggamma}; the log posterior of Gelman et al. (2013, BDA3, section
 * 5.3) from {@code mp.beta} directly; its mode by {@code mp.findroot} on the exact gradient and the curvatures
 * there by {@code mp.diff}. The counts are 180/202, 90/100, 45.5/60 (an effective count) and 200/210.
 *
 * <p>The layout: the first node is the mode (u*, v*); the centre row's u step is h<sub>u</sub> / sqrt(-L<sub>uu</sub>);
 * the v rows sit at v* + c sinh(j h<sub>w</sub>), c = 1 / sqrt(-L<sub>vv</sub>) (between 0.05 and 2); each u walk
 * stops at the first node 40 below the row's peak, each v walk at the first row whose integral is 40 below the
 * largest met. The grid's own derivatives are central differences (step 1e-3, error of order 1e-7 relative),
 * its mode Newton's method on central differences of step 1e-4 |t| (stopping at 1e-10): hence the tolerances.
 */
class BetaBinomialGridExactTest {

    private static final double[] X = {180, 90, 45.5, 200};
    private static final double[] N = {202, 100, 60, 210};

    /** mp.loggamma(z) - ((z - 1/2) log z - z + log(2 pi)/2). The series is cut after z^-11: at z = 15 the next
     * term, 3617/122400 z^-13, is 1.5e-17, hence 3e-17. */
    @Test
    void stirling_isTheRemainderOfStirlingsSeries() {
        double[][] cases = {{15, 0.00555473355196280137103869}, {15.5, 0.00537559903292683449364172},
            {20, 0.004166319691996922457462923}, {37.25, 0.002237082733785247902623711},
            {100, 0.0008333305556349146833812417}, {12345.5, 0.000006750097874942918863634825},
            {1e8, 8.333333333333333305555556e-10}};
        for (double[] c : cases) {
            assertEquals(c[1], BetaBinomialGrid.stirling(c[0]), 3e-17, "z = " + c[0]);
        }
    }

    /** mp.loggamma(z + k) - mp.loggamma(z), below and above the switch to Stirling at z = 15, to 1e-14 relative. */
    @Test
    void rising_isTheLogGammaDifference_withoutCancellation() {
        double[][] cases = {{0.5, 180, 755.0785752694531167515725}, {14.9, 3.5, 9.73041196757080860144215},
            {15, 0.5, 1.34569330837693212385952}, {15, 200, 912.7299619804693877644776},
            {20, 3.7, 11.32159142872024335696269}, {1000, 180, 1258.620217689219165586887},
            {1e10, 22.5, 518.0816459478477788863106}, {1e30, 200, 13815.51055796427410410799},
            {123456.75, 1e5, 1204947.24149830312423131}};
        for (double[] c : cases) {
            assertEquals(c[2], BetaBinomialGrid.rising(c[0], c[1]), 1e-14 * c[2], "z = " + c[0] + ", k = " + c[1]);
        }
        assertEquals(0, BetaBinomialGrid.rising(3, 0), 0);
        assertEquals(0, BetaBinomialGrid.rising(3e20, 0), 0);
    }

    /** L(u, v) - L(2, 3) from mp.beta, including |u| beyond 30 (where the library writes ln mu as -e^-u) and v = 70. */
    @Test
    void logPosterior_isGelmansDensity_upToAConstant() {
        BetaBinomialGrid grid = new BetaBinomialGrid(X, N, 0.25, 0.0625);
        double base = grid.logPosterior(2, 3);
        double[][] cases = {{1.5, 2, -0.1797556356315838733493549}, {2.5, 4, -2.169175211495544426611579},
            {-1, 1, -11.30576538476262032075833}, {3, 10, -20.67682342796137335160729},
            {2, 25, -15.77636239903732434931628}, {1, 70, -87.73189271149373410527078},
            {31, 2, -143.9307343979707177946802}, {-31, 3, -282.0954920665745636179074},
            {0, -2, -6.613572593088682019189958}};
        for (double[] c : cases) {
            assertEquals(c[2], grid.logPosterior(c[0], c[1]) - base, 1e-9, "u = " + c[0] + ", v = " + c[1]);
        }
        // alpha or beta underflowing to 0, or alpha + beta overflowing: no density
        assertEquals(Double.NEGATIVE_INFINITY, grid.logPosterior(800, 0));
        assertEquals(Double.NEGATIVE_INFINITY, grid.logPosterior(-800, 0));
        assertEquals(Double.NEGATIVE_INFINITY, grid.logPosterior(0, 800));
    }

    /** mode u* = 1.829822268439905, v* = 2.824545932380609; -L_uu = 9.280005941670974, -L_vv = 1.378453604480783. */
    @Test
    void layout_followsTheStatedRule() {
        double uStar = 1.829822268439905258819176;
        double vStar = 2.824545932380609089221894;
        double luu = 9.280005941670973918512708;
        double lvv = 1.37845360448078282753695;
        BetaBinomialGrid grid = new BetaBinomialGrid(X, N, 0.25, 0.0625);
        double[] alpha = grid.alpha();
        double[] beta = grid.beta();
        double[] weight = grid.weight();
        int n = weight.length;
        double[] u = new double[n];
        double[] v = new double[n];
        double total = 0;
        for (int k = 0; k < n; k++) {
            u[k] = Math.log(alpha[k] / beta[k]);
            v[k] = Math.log(alpha[k] + beta[k]);
            assertTrue(weight[k] > 0, "node " + k);
            total += weight[k];
        }
        assertEquals(1, total, 1e-12);
        // the first node is the mode
        // (the grid's v* is 2.0e-7 off: the bias e^2 L_vvv / (6 L_vv) of its central differences, e = 2.8e-4)
        assertEquals(uStar, u[0], 1e-7);
        assertEquals(vStar, v[0], 1e-6);
        // the centre row: u* - h, u* - 2h, ... then u* + h, ...; h = 0.25 / sqrt(-L_uu)
        double h = 0.25 / Math.sqrt(luu);
        assertEquals(u[0] - h, u[1], 1e-7);
        assertEquals(u[0] - 2 * h, u[2], 1e-7);
        // the rows, in the order walked: v* and up, then down from v* - c sinh(h_w)
        List<Integer> starts = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            if (k == 0 || Math.abs(v[k] - v[k - 1]) > 1e-12) {
                starts.add(k);
            }
        }
        starts.add(n);
        double c = 1 / Math.sqrt(lvv);
        assertEquals(v[0] + c * Math.sinh(0.0625), v[starts.get(1)], 1e-7);
        assertEquals(v[0] + c * Math.sinh(2 * 0.0625), v[starts.get(2)], 1e-7);
        int down = -1;
        for (int r = 1; r < starts.size() - 1; r++) {
            if (v[starts.get(r)] < vStar) {
                down = r;
                break;
            }
        }
        assertTrue(down > 2, "the walk up comes first");
        assertEquals(v[0] - c * Math.sinh(0.0625), v[starts.get(down)], 1e-7);
        // each row: u walks out to the first node 40 below the row's peak (its first node), on both sides
        for (int r = 0; r + 1 < starts.size(); r++) {
            int from = starts.get(r);
            int to = starts.get(r + 1);
            double peak = grid.logPosterior(u[from], v[from]);
            int turn = from + 1;
            while (turn < to && u[turn] < u[turn - 1]) {
                turn++;
            }
            // the downward side ends at turn - 1, the upward side at to - 1
            for (int[] side : new int[][] {{from, turn - 1}, {turn, to - 1}}) {
                if (side[1] <= side[0]) {
                    continue;
                }
                assertTrue(grid.logPosterior(u[side[1]], v[side[1]]) < peak - 40 + 1e-9, "row " + r + " end");
                assertTrue(grid.logPosterior(u[side[1] - 1], v[side[1] - 1]) >= peak - 40 - 1e-9, "row " + r + " before end");
            }
        }
        // each v walk ends at the first row whose integral (its weight) is 40 below the largest met on that walk
        double[] rows = new double[starts.size() - 1];
        for (int r = 0; r < rows.length; r++) {
            double sum = 0;
            for (int k = starts.get(r); k < starts.get(r + 1); k++) {
                sum += weight[k];
            }
            rows[r] = Math.log(sum);
        }
        checkWalk(rows, 0, down);
        checkWalk(rows, down, rows.length);
    }

    private static void checkWalk(double[] rows, int from, int to) {
        double best = Double.NEGATIVE_INFINITY;
        for (int r = from; r < to; r++) {
            best = Math.max(best, rows[r]);
            if (r < to - 1) {
                assertTrue(rows[r] >= best - 40 - 1e-9, "row " + r + " is within 40 of the best");
            } else {
                assertTrue(rows[r] < best - 40 + 1e-9, "the last row " + r + " is 40 below the best");
            }
        }
    }
}
