package org.recordingrate.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link Wilson}, {@link Hypergeometric}, {@link Normal}, {@link Binomial} and {@link StudentT} against
 * high-precision values.
 *
 * <p>Reference values: {@code src/test/resources/internal/internal-reference.csv}, made by
 * {@code src/test/resources/internal/make-internal-reference.py} (mpmath 1.3.0 at 60 digits, exact
 * fractions for the hypergeometric probabilities) from the textbook definitions, not the cancellation-free
 * forms the code uses: Wilson's roots (x + z&sup2;/2 &plusmn; z sqrt(xy/n + z&sup2;/4))/(n + z&sup2;) and
 * Newcombe's (1998) continuity-corrected bounds; log h(k) and the tails from exact binomial coefficients;
 * Phi by erfc, its quantile by root finding; log C(n, k) p^k q^(n-k) by log-gamma; Student's t quantile
 * from P(T &lt;= -t) = I<sub>df/(df+t&sup2;)</sub>(df/2, 1/2)/2; I<sub>x</sub>(a, b) of large shapes by the continued
 * fraction.
 *
 * <p>Tolerances: Wilson's bounds and distances relative 1e-14 (the class promises a few ulps); logarithms absolute
 * 1e-13 max(1, |v|) (Loader's saddle point: 13 to 15 digits); Phi and its tails relative 1e-14 above the
 * normal range, plus 1e-15 x&sup2;/2 for the rounding of the exponent in the far tails (Commons Math's erfc: observed
 * 1.2e-13 at x = -30), absolute 1e-320 in the subnormal range; the normal quantile and the critical value relative
 * 5e-16 or 1 ulp (AS 241: about 1e-16; observed 2 ulps at p = 3e-11); the Stirling error absolute 2e-16;
 * Student's t relative 1e-13 (the beta quantile
 * is held to 5e-14 in {@code BetaTest}).
 */
class SpecialFunctionsTest {

    private static final String REFERENCE = "/internal/internal-reference.csv";

    private static List<String[]> rows;

    @BeforeAll
    static void readReference() throws IOException {
        rows = new ArrayList<>();
        try (InputStream in = SpecialFunctionsTest.class.getResourceAsStream(REFERENCE)) {
            assertTrue(in != null, REFERENCE + " is not on the class path");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            assertEquals("kind,a1,a2,a3,a4,v1,v2,v3,v4,v5,v6,v7,v8", reader.readLine());
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                rows.add(line.split(",", -1));
            }
        }
    }

    private static List<String[]> rows(String kind) {
        List<String[]> out = new ArrayList<>();
        for (String[] row : rows) {
            if (row[0].equals(kind)) {
                out.add(row);
            }
        }
        assertTrue(!out.isEmpty(), "no reference rows of kind " + kind);
        return out;
    }

    private static double num(String text) {
        return switch (text) {
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "inf" -> Double.POSITIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    private static void near(double expected, double actual, double relative, double absolute, String what) {
        if (Double.isInfinite(expected) || expected == 0 && absolute == 0) {
            assertEquals(expected, actual, what);
            return;
        }
        double allowed = Math.max(absolute, relative * Math.abs(expected));
        assertTrue(Math.abs(actual - expected) <= allowed,
                what + ": expected " + expected + ", got " + actual + " (difference " + (actual - expected)
                        + ", allowed " + allowed + ")");
    }

    @Test
    void wilsonBoundsAndDistancesMatchTheTextbookRoots() {
        for (String[] row : rows("wilson")) {
            double x = num(row[1]);
            double y = num(row[2]);
            double z = num(row[3]);
            String at = "x=" + x + ", y=" + y + ", z=" + z;
            near(num(row[5]), Wilson.lower(x, y, z), 1e-14, 0, "lower " + at);
            near(num(row[6]), Wilson.upper(x, y, z), 1e-14, 0, "upper " + at);
            near(num(row[7]), Wilson.below(x, y, z), 1e-14, 0, "below " + at);
            near(num(row[8]), Wilson.above(x, y, z), 1e-14, 0, "above " + at);
            if (x >= 1 || x == 0) {
                near(num(row[9]), Wilson.correctedLower(x, y, z), 1e-14, 0, "corrected lower " + at);
                near(num(row[11]), Wilson.correctedBelow(x, y, z), 1e-14, 0, "corrected below " + at);
            }
            if (y >= 1 || y == 0) {
                near(num(row[10]), Wilson.correctedUpper(x, y, z), 1e-14, 0, "corrected upper " + at);
                near(num(row[12]), Wilson.correctedAbove(x, y, z), 1e-14, 0, "corrected above " + at);
            }
        }
    }

    @Test
    void wilsonMirrorsExactlyOnTheMirroredSide() {
        // The bound on the far side of 1/2 is formed as 1 minus its mirror image's bound, so for x > y
        // lower(x, y) == 1 - upper(y, x) and for x >= y upper(x, y) == 1 - lower(y, x), exactly in floating point
        // (on the near side the identity holds only to an ulp: 1 - (1 - r) is not r).
        double[][] cases = {{7, 3, 1.96}, {5, 5, 1}, {1e15, 1, 3.29}, {4, 0, 2}, {180, 22, 2.5758293035489004}};
        for (double[] c : cases) {
            double x = c[0];
            double y = c[1];
            double z = c[2];
            if (x > y) {
                assertEquals(1 - Wilson.upper(y, x, z), Wilson.lower(x, y, z), "lower mirror at " + x + ", " + y);
                assertEquals(1 - Wilson.correctedUpper(y, x, z), Wilson.correctedLower(x, y, z), "corrected lower mirror");
            }
            assertEquals(1 - Wilson.lower(y, x, z), Wilson.upper(x, y, z), "upper mirror at " + x + ", " + y);
            assertEquals(1 - Wilson.correctedLower(y, x, z), Wilson.correctedUpper(x, y, z), "corrected upper mirror");
            assertEquals(Wilson.below(y, x, z), Wilson.above(x, y, z), "above is below mirrored");
            assertEquals(Wilson.correctedBelow(y, x, z), Wilson.correctedAbove(x, y, z), "corrected above mirrored");
        }
    }

    @Test
    void hypergeometricMatchesExactFractions() {
        for (String[] row : rows("hyper")) {
            long na = Long.parseLong(row[1]);
            long nb = Long.parseLong(row[2]);
            long s = Long.parseLong(row[3]);
            long k = Long.parseLong(row[4]);
            Hypergeometric h = new Hypergeometric(na, nb, s);
            String at = "na=" + na + ", nb=" + nb + ", s=" + s + ", k=" + k;
            assertEquals(Long.parseLong(row[8]), h.lowest(), "lowest " + at);
            assertEquals(Long.parseLong(row[9]), h.highest(), "highest " + at);
            assertEquals(Long.parseLong(row[10]), h.mode(), "mode " + at);
            logNear(num(row[5]), h.logPmf(k), "log h " + at);
            logNear(num(row[6]), h.logUpperTail(k), "log upper tail " + at);
            logNear(num(row[7]), h.logLowerTail(k), "log lower tail " + at);
        }
    }

    private static void logNear(double expected, double actual, String what) {
        near(expected, actual, 1e-13, 1e-13, what);
    }

    @Test
    void normalTailsMatchErfc() {
        for (String[] row : rows("normal")) {
            double x = num(row[1]);
            // erfc(t) carries e^(-t^2) with t^2 = x^2/2 rounded: a relative 1e-16 x^2/2 more in the far tails
            double relative = 1e-14 + 1e-15 * x * x / 2;
            near(num(row[5]), Normal.cdf(x), relative, 1e-320, "Phi(" + x + ")");
            near(num(row[6]), Normal.upperTail(x), relative, 1e-320, "1 - Phi(" + x + ")");
            near(num(row[7]), Normal.twoSidedTail(x), relative, 1e-320, "2(1 - Phi(|" + x + "|))");
        }
    }

    @Test
    void normalQuantileAndCriticalValueMatchRootsOfErfc() {
        for (String[] row : rows("quantile")) {
            double p = num(row[1]);
            double expected = num(row[5]);
            near(expected, Normal.quantile(p), 5e-16, Math.ulp(expected), "quantile(" + p + ")");
        }
        // the ends of the domain, and beyond it
        assertEquals(Double.NEGATIVE_INFINITY, Normal.quantile(0.0));
        assertEquals(Double.POSITIVE_INFINITY, Normal.quantile(1.0));
        for (double bad : new double[] {-1e-300, Math.nextUp(1.0), Double.NaN}) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Normal.quantile(bad),
                    "quantile(" + bad + ")");
        }
        for (String[] row : rows("critical")) {
            double c = num(row[1]);
            double expected = num(row[5]);
            near(expected, Normal.twoSidedCritical(c), 5e-16, Math.ulp(expected), "critical(" + c + ")");
        }
    }

    @Test
    void binomialLogProbabilitiesStirlingErrorsAndDeviances() {
        for (String[] row : rows("binomial")) {
            double k = num(row[1]);
            double n = num(row[2]);
            double p = num(row[3]);
            // q = 1 - p as the callers pass it (exact for the p here: 1 - 0.3 rounds once, the reference takes
            // q = 1 - p of the binary p, the same to 1e-16 relative)
            near(num(row[5]), Binomial.logPmf(k, n, p, 1 - p), 1e-13, 1e-13 * 1e-6, "log P(X=" + k + "), n=" + n + ", p=" + p);
        }
        for (String[] row : rows("stirling")) {
            double n = num(row[1]);
            // absolute 2e-16: the series stops at the n^-9 term; the next, (691/360360) n^-11, is 1.1e-16 at n = 16
            near(num(row[5]), Binomial.stirlingError(n), 1e-15, 2e-16, "stirlingError(" + n + ")");
        }
        for (String[] row : rows("deviance")) {
            double x = num(row[1]);
            double mean = num(row[2]);
            near(num(row[5]), Binomial.deviance(x, mean), 1e-13, 0, "deviance(" + x + ", " + mean + ")");
        }
    }

    @Test
    void studentTQuantileMatchesTheIncompleteBetaRoot() {
        for (String[] row : rows("studentt")) {
            double p = num(row[1]);
            double df = num(row[2]);
            near(num(row[5]), StudentT.lowerQuantile(p, df), 1e-13, 0, "t(" + p + ", " + df + ")");
        }
    }

    @Test
    void incompleteBetaOfLargeShapesWhoseSumIsNotADouble() {
        // lambda = a - (a + b) x near the mean is a small difference: the rounding error of a + b must enter it
        // (tolerance as BetaTest's: relative 2e-14 + 2.5e-16 |ln I|)
        for (String[] row : rows("ibeta")) {
            double a = num(row[1]);
            double b = num(row[2]);
            double x = num(row[3]);
            double lower = num(row[5]);
            double upper = num(row[6]);
            String at = "I_" + x + "(" + a + ", " + b + ")";
            near(lower, Beta.regularized(x, a, b), 2e-14 + 2.5e-16 * Math.abs(Math.log(lower)), 0, at);
            near(upper, Beta.regularizedComplement(x, a, b), 2e-14 + 2.5e-16 * Math.abs(Math.log(upper)), 0, "1 - " + at);
        }
    }
}
