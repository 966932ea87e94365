package org.recordingrate.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.function.DoubleBinaryOperator;

import org.junit.jupiter.api.Test;

/**
 * Boschloo's rejection region ({@link BoschlooRegion}: staged floating-point comparisons of Fisher's
 * one-sided p-values, exact integers at near ties) against its definition evaluated exactly here:
 * for every observed table of two small audits and both directions, the tables (a, b) whose
 * one-sided Fisher p-value P(X &gt;= a | s) (improved) or P(X &lt;= a | s) (deteriorated), X
 * hypergeometric with P(X = k) = C(na, k) C(nb, s - k)&#47;C(na + nb, s), is at most the observed
 * table's, the p-values compared as exact fractions in BigInteger. The region is compared through
 * its probability at a common rate pi, sum over its tables of C(na, a) C(nb, b) pi^(a + b)
 * (1 - pi)^(N - a - b), at pi = 0.35 and 0.8; at 0.35 a single table wrongly in or out changes it by
 * at least 0.35^21 = 2.7e-10 at these sizes, far above the 1e-12 tolerance. Equal audits (10 and 10) have exact ties between a table and its mirror, and between
 * tables of different totals; unequal ones (9 and 12) have none of the first kind.
 */
class BoschlooRegionTest {

    private static BigInteger choose(int n, int k) {
        if (k < 0 || k > n) {
            return BigInteger.ZERO;
        }
        BigInteger c = BigInteger.ONE;
        for (int i = 0; i < k; i++) {
            c = c.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        }
        return c;
    }

    private static void regionsAsDefined(int na, int nb) {
        int n = na + nb;
        // p-value of (a, b) as tail[a][b] / total[a + b]
        BigInteger[][][] tail = new BigInteger[2][na + 1][nb + 1];
        BigInteger[] total = new BigInteger[n + 1];
        for (int s = 0; s <= n; s++) {
            total[s] = choose(n, s);
        }
        for (int a = 0; a <= na; a++) {
            for (int b = 0; b <= nb; b++) {
                int s = a + b;
                BigInteger up = BigInteger.ZERO;
                BigInteger down = BigInteger.ZERO;
                for (int k = 0; k <= na; k++) {
                    BigInteger term = choose(na, k).multiply(choose(nb, s - k));
                    if (k >= a) {
                        up = up.add(term);
                    }
                    if (k <= a) {
                        down = down.add(term);
                    }
                }
                tail[0][a][b] = up;
                tail[1][a][b] = down;
            }
        }
        double[] rates = {0.35, 0.8};
        for (int direction = 0; direction < 2; direction++) {
            boolean improved = direction == 0;
            for (int xa = 0; xa <= na; xa++) {
                for (int xb = 0; xb <= nb; xb++) {
                    DoubleBinaryOperator region = BoschlooRegion.build(na, nb, xa, xb, improved).probabilityFunction();
                    for (double pi : rates) {
                        double expected = 0;
                        for (int a = 0; a <= na; a++) {
                            for (int b = 0; b <= nb; b++) {
                                // p(a, b) <= p(xa, xb): tail(a, b) C(N, xa + xb) <= tail(xa, xb) C(N, a + b)
                                boolean in = tail[direction][a][b].multiply(total[xa + xb])
                                        .compareTo(tail[direction][xa][xb].multiply(total[a + b])) <= 0;
                                if (in) {
                                    expected += choose(na, a).doubleValue() * choose(nb, b).doubleValue()
                                            * Math.pow(pi, a + b) * Math.pow(1 - pi, n - a - b);
                                }
                            }
                        }
                        assertEquals(expected, region.applyAsDouble(pi, 1 - pi), 1e-12,
                                (improved ? "improved" : "deteriorated") + " (" + xa + ", " + xb + ") of (" + na + ", "
                                        + nb + ") at " + pi);
                    }
                }
            }
        }
    }

    @Test
    void equalAuditsWithTheirMirrorTies() {
        regionsAsDefined(10, 10);
    }

    @Test
    void unequalAudits() {
        regionsAsDefined(9, 12);
        regionsAsDefined(13, 4);
    }
}
