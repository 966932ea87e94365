package org.recordingrate.posterior;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The distribution of the difference of two independent Beta variables, {@link BetaMath.Difference}, at
 * points d away from 0 and in both tails, against {@code src/test/resources/posterior/beta-difference.csv}:
 * both tails from their own integrals in 40-digit arithmetic by {@code make-difference-reference.py}
 * (mpmath 1.3.0 tanh-sinh quadrature of f<sub>after</sub>(x) times the earlier rate's regularized incomplete
 * beta, always over the later rate, so the library's two orientations meet one formula). The library's rule
 * stops when two levels agree to 1e-13; the tolerance is 1e-12 absolute, and 1e-8 relative for a tail below
 * 1e-4 (the tails are computed directly, never as 1 minus a number near 1).
 */
class BetaDifferenceExactTest {

    @Test
    void bothTails_matchFortyDigitQuadrature_inBothOrientations() throws IOException {
        List<CSVRecord> rows = PosteriorReferenceTest.read("beta-difference.csv");
        assertEquals(38, rows.size());
        for (CSVRecord row : rows) {
            double ab = Double.parseDouble(row.get("a_before"));
            double bb = Double.parseDouble(row.get("b_before"));
            double aa = Double.parseDouble(row.get("a_after"));
            double ba = Double.parseDouble(row.get("b_after"));
            double d = Double.parseDouble(row.get("d"));
            BetaMath.Difference difference = new BetaMath.Difference(ab, bb, aa, ba);
            String where = row.toString();
            check(Double.parseDouble(row.get("p_at_most")), difference.probability(d, false), where + " at most");
            check(Double.parseDouble(row.get("p_above")), difference.probability(d, true), where + " above");
        }
    }

    private static void check(double expected, double actual, String where) {
        double tolerance = expected < 1e-4 ? Math.max(1e-8 * expected, 1e-22) : 1e-12;
        assertEquals(expected, actual, tolerance, where);
    }

    /** At the ends of the range of D, -1 and 1, the probabilities are 0 and 1 exactly. */
    @Test
    void outsideTheRange_theProbabilitiesAreExact() {
        BetaMath.Difference difference = new BetaMath.Difference(3, 2, 2, 3);
        assertEquals(1, difference.probability(1, false), 0);
        assertEquals(0, difference.probability(1, true), 0);
        assertEquals(0, difference.probability(-1, false), 0);
        assertEquals(1, difference.probability(-1, true), 0);
    }

    /** var Beta(a, b) = a b / ((a + b)^2 (a + b + 1)), the choice of the narrower variable. */
    @Test
    void variance_isTheBetaVariance() {
        assertEquals(2.0 * 3 / (25 * 6), BetaMath.Difference.variance(2, 3), 1e-17);
        assertEquals(180.5 * 22.5 / (203.0 * 203 * 204), BetaMath.Difference.variance(180.5, 22.5), 1e-18);
        assertEquals(0.5 * 0.5 / (1 * 2), BetaMath.Difference.variance(0.5, 0.5), 1e-17);
    }

    /** ln f(x) of Beta(a, b), against Commons Math's own density (a different code path). */
    @Test
    void logDensity_isTheBetaLogDensity() {
        double[][] cases = {{0.3, 2, 5}, {0.3, 1, 5}, {0.3, 2, 1}, {0.9, 188.5, 14.5}, {0.01, 0.5, 3}, {0.99, 4, 0.5}};
        for (double[] c : cases) {
            org.apache.commons.math3.distribution.BetaDistribution beta =
                    new org.apache.commons.math3.distribution.BetaDistribution(null, c[1], c[2]);
            assertEquals(Math.log(beta.density(c[0])), BetaMath.logDensity(c[0], c[1], c[2]), 1e-11,
                    java.util.Arrays.toString(c));
        }
        assertEquals(Double.NEGATIVE_INFINITY, BetaMath.logDensity(0, 2, 5));
        assertEquals(Double.POSITIVE_INFINITY, BetaMath.logDensity(0, 0.5, 5));
        assertEquals(Double.NEGATIVE_INFINITY, BetaMath.logDensity(1, 2, 5));
        // a = 1 and b = 1: the factor is 1 even at the end where its log would be 0 times infinity
        assertEquals(Math.log(5), BetaMath.logDensity(0, 1, 5), 1e-15);
        assertEquals(Math.log(2), BetaMath.logDensity(1, 2, 1), 1e-15);
    }

    @Test
    void highestDensity_refusesAUShapedBeta_andIsOpenAtAMonotoneEnd() {
        assertThrows(IllegalStateException.class, () -> BetaMath.highestDensity(1, 1, 0.95));
        assertThrows(IllegalStateException.class, () -> BetaMath.highestDensity(0.5, 0.9, 0.95));
        // a <= 1: [0, F^-1(level)]; b <= 1: [F^-1(1 - level), 1]
        double[] falling = BetaMath.highestDensity(1, 5, 0.9);
        assertEquals(0, falling[0], 0);
        // Beta(1, 5): F(x) = 1 - (1 - x)^5, so F^-1(0.9) = 1 - 0.1^(1/5)
        assertEquals(1 - Math.pow(0.1, 0.2), falling[1], 1e-15);
        double[] rising = BetaMath.highestDensity(5, 1, 0.9);
        // Beta(5, 1): F(x) = x^5, so F^-1(0.1) = 0.1^(1/5)
        assertEquals(Math.pow(0.1, 0.2), rising[0], 1e-15);
        assertEquals(1, rising[1], 0);
    }
}
