package org.recordingrate.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tests of {@link Beta}.
 *
 * <p>Reference values: {@code src/test/resources/beta/beta-reference.csv}, read from the class
 * path as {@code /beta/beta-reference.csv}, made by {@code src/test/resources/beta/make-beta-reference.py}
 * with mpmath at 50 digits (a continued fraction checked against mpmath's betainc and the binomial
 * sum; quantiles by Newton's method checked by their residual). Columns {@code kind,a,b,arg,value,complement};
 * the rows cover integer, half-integer and fractional shapes from 1e-20 to 1e9, x from 1e-300 to
 * 1 - 1e-10, p from 1e-12 to 1 - 1e-12, and the shapes of the Clopper-Pearson and Jeffreys
 * intervals (x, n-x+1), (x+1, n-x), (x+1/2, n-x+1/2) for n from 1 to 1e9.
 *
 * <p>Tolerances, and why:
 * <ul>
 *   <li>I and 1 - I: relative 2e-14 + 2.5e-16 |ln I|. The first term is the accumulated rounding of
 *       the series (observed at most 1.2e-14 for results above 1e-20); the second is the rounding
 *       of the exponent of a small result, e<sup>-f</sup> with f = |ln I| carrying a few units of
 *       1e-16 relative error (observed 1.3e-13 at 1e-300, where f = 690). Below 1e-300 the results
 *       only have to underflow the same way (absolute 1e-300).</li>
 *   <li>quantiles: relative 5e-14 in x (and in 1 - x for the complement). The root x moves by
 *       (relative error of I) / (x f(x) / I) where x f / I is at least about a/2 for the shapes
 *       here, so 1e-14 in I gives at most about 2.5e-14 in x for a = 1/2 (observed 5.4e-15). Below
 *       1e-300, toward the subnormal range, absolute 5e-14 * 1e-300.</li>
 *   <li>ln B: absolute 1e-15 max(1, |ln B|), a few units in the last place (observed 8e-16).</li>
 * </ul>
 */
class BetaTest {

    private static final String REFERENCE = "/beta/beta-reference.csv";
    private static final double TAIL_TOLERANCE = 2e-14;
    private static final double TAIL_TOLERANCE_PER_LOG = 2.5e-16;
    private static final double QUANTILE_TOLERANCE = 5e-14;
    private static final double LOG_BETA_TOLERANCE = 1e-15;
    /** Where exact values start to fall below the normal double range. */
    private static final double UNDERFLOW = 1e-300;

    private static List<String[]> rows;

    @BeforeAll
    static void readReference() throws IOException {
        rows = new ArrayList<>();
        try (InputStream in = BetaTest.class.getResourceAsStream(REFERENCE)) {
            assertTrue(in != null, REFERENCE + " is not on the class path");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            assertEquals("kind,a,b,arg,value,complement", reader.readLine(), "header of " + REFERENCE);
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                rows.add(line.split(",", -1));
            }
        }
    }

    // ---------------------------------------------------------------- reference values (mpmath)

    @Test
    void regularizedMatchesReference() {
        Failures failures = new Failures();
        int checked = 0;
        for (String[] row : rows("cdf")) {
            double x = Double.parseDouble(row[3]);
            double a = Double.parseDouble(row[1]);
            double b = Double.parseDouble(row[2]);
            failures.checkTail("regularized" + describe(row), Double.parseDouble(row[4]), Beta.regularized(x, a, b));
            failures.checkTail("regularizedComplement" + describe(row), Double.parseDouble(row[5]),
                    Beta.regularizedComplement(x, a, b));
            checked++;
        }
        assertTrue(checked > 4000, "too few cdf rows in " + REFERENCE + ": " + checked);
        failures.assertNone();
    }

    @Test
    void quantilesMatchReference() {
        Failures failures = new Failures();
        int checked = 0;
        for (String[] row : rows("quantile")) {
            double p = Double.parseDouble(row[3]);
            double a = Double.parseDouble(row[1]);
            double b = Double.parseDouble(row[2]);
            failures.checkQuantile("quantile" + describe(row), Double.parseDouble(row[4]), Beta.quantile(p, a, b));
            // 1 - I_x(a, b) = I_{1-x}(b, a): the x with upper tail p for the mirrored shapes is 1 - x
            failures.checkQuantile("complementQuantile(p, b, a)" + describe(row), Double.parseDouble(row[5]),
                    Beta.complementQuantile(p, b, a));
            checked++;
        }
        assertTrue(checked > 1500, "too few quantile rows in " + REFERENCE + ": " + checked);
        failures.assertNone();
    }

    @Test
    void logBetaMatchesReference() {
        Failures failures = new Failures();
        int checked = 0;
        for (String[] row : rows("logbeta")) {
            double a = Double.parseDouble(row[1]);
            double b = Double.parseDouble(row[2]);
            double expected = Double.parseDouble(row[4]);
            failures.checkAbsolute("logBeta" + describe(row), expected, Beta.logBeta(a, b),
                    LOG_BETA_TOLERANCE * Math.max(1, Math.abs(expected)));
            checked++;
        }
        assertTrue(checked >= 225, "too few logbeta rows in " + REFERENCE + ": " + checked);
        failures.assertNone();
    }

    /**
     * The Clopper-Pearson lower bound for 1 recorded of 10^7 audited at 99%: the 0.005 quantile of
     * Beta(1, 10^7) is 1 - 0.995^(1e-7) (as I_x(1, b) = 1 - (1-x)^b), 5.0125418222880033713e-10 by
     * mpmath at 30 digits; the intervals need it to 1e-7 relative, we ask for 1e-14.
     */
    @Test
    void quantilesAtShapesUpToTwoToTheFiftyTwo() {
        // The Clopper-Pearson and Jeffreys rows of reference-extended/single-proportion-extended.csv
        // (80-digit mpmath, quadrature of the density for both shapes above 60; see
        // make_extended_reference.py) with 10^9 to 2^53 audited: shapes up to 4.5e15, far beyond the
        // 1e9 of beta-reference.csv. Each bound is the quantile itself; it must be right to 1e-9 of
        // its distance from the estimate x/n (the interval's half-width, down to 7e-15 at
        // confidence 1e-6) plus 8 ulps, much stricter than the interval tolerance of 1e-9.
        Failures mismatches = new Failures();
        int checked = 0;
        double worst = 0;
        for (org.recordingrate.ReferenceData.Row row
                : org.recordingrate.ReferenceData.rows("reference-extended", "single-proportion-extended.csv")) {
            String method = row.text("method");
            long x = row.whole("recorded");
            long n = row.whole("audited");
            if (!(method.equals("clopper_pearson") || method.equals("jeffreys")) || n < 1_000_000_000L || x == 0 || x == n) {
                continue;
            }
            double tail = (1 - row.number("confidence")) / 2;
            double half = method.equals("jeffreys") ? 0.5 : 0.0;
            double lower = Beta.quantile(tail, x + half, n - x + (half == 0 ? 1 : half));
            double upper = Beta.complementQuantile(tail, x + (half == 0 ? 1 : half), n - x + half);
            double rate = (double) x / n;
            double[][] pairs = {{row.number("lower"), lower}, {row.number("upper"), upper}};
            for (double[] pair : pairs) {
                double error = Math.abs(pair[1] - pair[0]);
                double allowed = 1e-9 * Math.abs(pair[0] - rate) + 8 * Math.ulp(pair[0]);
                worst = Math.max(worst, error / allowed);
                if (!(error <= allowed)) {
                    mismatches.messages.add(row.where() + ": " + pair[1] + " want " + pair[0] + " (error " + error
                            + ", allowed " + allowed + ")");
                }
                checked++;
            }
        }
        assertTrue(checked > 300, "quantiles checked: " + checked);
        mismatches.assertNone();
        assertTrue(worst <= 1, "worst " + worst);
    }

    @Test
    void clopperPearsonLowerBoundForOneInTenMillion() {
        assertEquals(5.0125418222880033713e-10, Beta.quantile(0.005, 1, 1e7), 1e-14 * 5.0125418222880033713e-10);
    }

    // ---------------------------------------------------------------- closed forms

    /** I_x(a, 1) = x^a and I_x(1, b) = 1 - (1 - x)^b, for real shapes up to 1e15. */
    @Test
    void powerShapesMatchClosedForm() {
        Failures failures = new Failures();
        double[] shapes = {0.5, 1, 3.7, 10.25, 202, 1e5 + 0.5, 1e9, 1e15};
        double[] xs = {1e-300, 1e-20, 1e-9, 1e-3, 0.1, 0.5, 0.9, 1 - 1e-6, 1 - 1e-12, 1 - 0x1p-53};
        for (double s : shapes) {
            for (double x : xs) {
                // Math.pow and expm1/log1p are within 1 ulp; the exponent s ln x is what the tolerance covers
                double xToS = Math.pow(x, s);
                double oneMinus = -Math.expm1(s * Math.log1p(-x)); // 1 - (1 - x)^s
                String at = " at x=" + x + ", s=" + s;
                failures.checkTail("I_x(s, 1)" + at, xToS, Beta.regularized(x, s, 1));
                failures.checkTail("1 - I_x(s, 1)" + at, -Math.expm1(s * Math.log(x)),
                        Beta.regularizedComplement(x, s, 1));
                failures.checkTail("I_x(1, s)" + at, oneMinus, Beta.regularized(x, 1, s));
                failures.checkTail("1 - I_x(1, s)" + at, Math.exp(s * Math.log1p(-x)),
                        Beta.regularizedComplement(x, 1, s));
            }
        }
        failures.assertNone();
    }

    /** quantile(p, a, 1) = p^(1/a) and quantile(p, 1, b) = 1 - (1 - p)^(1/b). */
    @Test
    void powerShapeQuantilesMatchClosedForm() {
        Failures failures = new Failures();
        double[] shapes = {0.5, 1, 3.7, 10.25, 202, 1e5 + 0.5, 1e9, 1e15};
        double[] ps = {1e-300, 1e-12, 0.005, 0.025, 0.3, 0.5, 0.7, 0.975, 0.995, 1 - 1e-12};
        for (double s : shapes) {
            for (double p : ps) {
                String at = " at p=" + p + ", s=" + s;
                double root = Math.exp(Math.log(p) / s);
                double rootOfComplement = -Math.expm1(Math.log1p(-p) / s);
                failures.checkQuantile("quantile(p, s, 1)" + at, root, Beta.quantile(p, s, 1));
                failures.checkQuantile("quantile(p, 1, s)" + at, rootOfComplement, Beta.quantile(p, 1, s));
                // upper tail p of Beta(1, s) at x: (1 - x)^s = p
                failures.checkQuantile("complementQuantile(p, 1, s)" + at, -Math.expm1(Math.log(p) / s),
                        Beta.complementQuantile(p, 1, s));
            }
        }
        failures.assertNone();
    }

    /** The arcsine law: I_x(1/2, 1/2) = (2/pi) asin(sqrt(x)). */
    @Test
    void arcsineMatchesClosedForm() {
        Failures failures = new Failures();
        for (double x : new double[] {Double.MIN_VALUE, 1e-300, 1e-12, 0.01, 0.25, 0.5, 0.75, 0.99}) {
            double expected = 2 / Math.PI * Math.asin(Math.sqrt(x));
            failures.checkTail("I_x(1/2, 1/2) at " + x, expected, Beta.regularized(x, 0.5, 0.5));
        }
        for (double p : new double[] {1e-12, 0.025, 0.3, 0.5, 0.8}) {
            double s = Math.sin(Math.PI * p / 2);
            failures.checkRelative("quantile(p, 1/2, 1/2) at " + p, s * s, Beta.quantile(p, 0.5, 0.5), 1e-13);
        }
        failures.assertNone();
    }

    // ---------------------------------------------------------------- identities

    /** I_x(a, b) = 1 - I_{1-x}(b, a): at dyadic x, where 1 - x is exact, both sides agree. */
    @Test
    void mirrorSymmetry() {
        Failures failures = new Failures();
        double[] shapes = {0.5, 0.9, 1.5, 3.7, 17, 99.5, 2500, 123456.5, 1e9};
        for (double a : shapes) {
            for (double b : shapes) {
                for (int k = 1; k < 64; k += 3) {
                    double x = k / 64.0;
                    double lower = Beta.regularized(x, a, b);
                    double upper = Beta.regularizedComplement(x, a, b);
                    String at = " at x=" + x + ", a=" + a + ", b=" + b;
                    // the same computation mirrored: equal to rounding (1e-15 relative)
                    failures.checkRelative("I_x(a,b) vs 1 - I_{1-x}(b,a)" + at, lower,
                            Beta.regularizedComplement(1 - x, b, a), 1e-15);
                    failures.checkRelative("1 - I_x(a,b) vs I_{1-x}(b,a)" + at, upper,
                            Beta.regularized(1 - x, b, a), 1e-15);
                    // the two tails add up to 1 (each has ~1e-14 relative error, the larger dominates)
                    failures.checkAbsolute("I + (1 - I)" + at, 1, lower + upper, 2e-14);
                }
            }
        }
        failures.assertNone();
    }

    /**
     * quantile(I_x(a, b)) = x, posed on the smaller tail (a tail near 1 would lose its digits when
     * passed as a double). x moves by the relative error of I divided by x f(x) / I, at least
     * a / 2 here: 1e-13 relative covers it.
     */
    @Test
    void roundTrip() {
        Failures failures = new Failures();
        double[][] shapes = {{0.5, 0.5}, {0.5, 1e6 + 0.5}, {3.7, 11.3}, {5, 999996}, {900000, 100001}, {180, 23},
                             {1e9 + 0.5, 0.5}, {2.5, 1e9}, {12.25, 7.75}};
        for (double[] s : shapes) {
            double a = s[0];
            double b = s[1];
            for (double p : new double[] {1e-10, 1e-4, 0.01, 0.2, 0.5, 0.8, 0.99, 1 - 1e-4}) {
                // points spread over the distribution; which one does not matter, only that I is not saturated
                double x = Beta.quantile(p, a, b);
                double lower = Beta.regularized(x, a, b);
                double upper = Beta.regularizedComplement(x, a, b);
                double back = lower <= upper ? Beta.quantile(lower, a, b) : Beta.complementQuantile(upper, a, b);
                failures.checkRelative("round trip at x=" + x + ", a=" + a + ", b=" + b, x, back, 1e-13);
            }
        }
        failures.assertNone();
    }

    /**
     * P(X &gt;= k) = I_p(k, n - k + 1) for X ~ Binomial(n, p), the probabilities summed exactly
     * from the binomial pmf in BigDecimal (40 digits) for n up to 60; both tails directly.
     */
    @Test
    void binomialTailIdentity() {
        Failures failures = new Failures();
        MathContext mc = new MathContext(40);
        for (int n : new int[] {1, 2, 7, 20, 60}) {
            for (double p : new double[] {1e-6, 0.013, 0.3, 0.5, 0.77, 0.999}) {
                BigDecimal[] pmf = binomialPmf(n, p, mc);
                for (int k = 1; k <= n; k++) {
                    BigDecimal atLeastK = BigDecimal.ZERO;
                    for (int j = k; j <= n; j++) {
                        atLeastK = atLeastK.add(pmf[j], mc);
                    }
                    BigDecimal belowK = BigDecimal.ZERO;
                    for (int j = 0; j < k; j++) {
                        belowK = belowK.add(pmf[j], mc);
                    }
                    String at = " at n=" + n + ", k=" + k + ", p=" + p;
                    failures.checkTail("P(X >= k)" + at, atLeastK.doubleValue(), Beta.regularized(p, k, n - k + 1));
                    failures.checkTail("P(X < k)" + at, belowK.doubleValue(),
                            Beta.regularizedComplement(p, k, n - k + 1));
                }
            }
        }
        failures.assertNone();
    }

    private static BigDecimal[] binomialPmf(int n, double p, MathContext mc) {
        BigDecimal success = new BigDecimal(p); // the exact binary value of p
        BigDecimal failure = BigDecimal.ONE.subtract(success);
        BigDecimal[] pmf = new BigDecimal[n + 1];
        BigDecimal choose = BigDecimal.ONE;
        for (int j = 0; j <= n; j++) {
            pmf[j] = choose.multiply(success.pow(j, mc), mc).multiply(failure.pow(n - j, mc), mc);
            choose = choose.multiply(BigDecimal.valueOf(n - j)).divide(BigDecimal.valueOf(j + 1), mc);
        }
        return pmf;
    }

    // ---------------------------------------------------------------- edges

    @Test
    void endpointsAreExact() {
        for (double[] s : new double[][] {{0.5, 0.5}, {1, 1}, {3.7, 1e9}, {1e9, 0.5}}) {
            double a = s[0];
            double b = s[1];
            assertEquals(0.0, Beta.regularized(0, a, b));
            assertEquals(1.0, Beta.regularized(1, a, b));
            assertEquals(1.0, Beta.regularizedComplement(0, a, b));
            assertEquals(0.0, Beta.regularizedComplement(1, a, b));
            assertEquals(0.0, Beta.quantile(0, a, b));
            assertEquals(1.0, Beta.quantile(1, a, b));
            assertEquals(1.0, Beta.complementQuantile(0, a, b));
            assertEquals(0.0, Beta.complementQuantile(1, a, b));
        }
    }

    /** Results below the double range come back as 0 (or a subnormal), never as NaN or garbage. */
    @Test
    void underflowGivesZero() {
        assertEquals(0.0, Beta.regularized(1e-300, 5, 5)); // about x^5 / (5 B(5, 5)), 1e-1498
        assertEquals(0.0, Beta.regularized(0.4, 1e9, 1e9)); // 8944 standard deviations below the mean
        assertEquals(0.0, Beta.regularizedComplement(0.6, 1e6, 1e6)); // 283 standard deviations above it
        assertEquals(0.0, Beta.quantile(1e-300, 0.01, 1)); // p^(1/a), 1e-30000
        assertEquals(0.0, Beta.regularized(Double.MIN_VALUE, 2, 1)); // x^2
        // (1e-160)^2 = 9.9999999999999997727e-321 (mpmath), a subnormal with spacing 4.9e-324
        assertEquals(9.9999999999999997727e-321, Beta.regularized(1e-160, 2, 1), 2 * Double.MIN_VALUE);
    }

    /** Huge shapes with the other 1/2: the Jeffreys interval for x = n = 1e9 and its mirror image. */
    @Test
    void hugeShapeWithHalf() {
        double a = 1e9 + 0.5;
        double b = 0.5;
        double x = Beta.quantile(0.025, a, b);
        double y = Beta.complementQuantile(0.025, b, a); // 1 - x by symmetry, computed directly
        assertEquals(1 - x, y, Math.ulp(1.0), "x and its complement agree to the rounding of x");
        assertEquals(0.025, Beta.regularized(x, a, b), 0.025 * 1e-6, "x is accurate only to its spacing near 1");
        assertEquals(0.975, Beta.regularized(y, b, a), 0.975 * 1e-13, "y = 1 - x carries full precision");
    }

    // ---------------------------------------------------------------- validation

    @Test
    void rejectsBadShapes() {
        for (double bad : new double[] {Double.NaN, -1, 0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            String shown = Args.show(bad);
            expectRejection("a (" + shown + ") must be a finite number above 0", () -> Beta.regularized(0.5, bad, 2));
            expectRejection("b (" + shown + ") must be a finite number above 0", () -> Beta.regularized(0.5, 2, bad));
            expectRejection("a (" + shown + ")", () -> Beta.regularizedComplement(0.5, bad, 2));
            expectRejection("b (" + shown + ")", () -> Beta.regularizedComplement(0.5, 2, bad));
            expectRejection("a (" + shown + ")", () -> Beta.quantile(0.5, bad, 2));
            expectRejection("b (" + shown + ")", () -> Beta.quantile(0.5, 2, bad));
            expectRejection("a (" + shown + ")", () -> Beta.complementQuantile(0.5, bad, 2));
            expectRejection("b (" + shown + ")", () -> Beta.complementQuantile(0.5, 2, bad));
            expectRejection("a (" + shown + ")", () -> Beta.logBeta(bad, 2));
            expectRejection("b (" + shown + ")", () -> Beta.logBeta(2, bad));
        }
    }

    @Test
    void rejectsProbabilitiesAndPointsOutsideTheUnitInterval() {
        for (double bad : new double[] {Double.NaN, -1e-300, -1, 1.0000000000000002, 2, Double.POSITIVE_INFINITY}) {
            String shown = Args.show(bad);
            expectRejection("x (" + shown + ") must lie between 0 and 1", () -> Beta.regularized(bad, 2, 3));
            expectRejection("x (" + shown + ") must lie between 0 and 1", () -> Beta.regularizedComplement(bad, 2, 3));
            expectRejection("p (" + shown + ") must lie between 0 and 1", () -> Beta.quantile(bad, 2, 3));
            expectRejection("q (" + shown + ") must lie between 0 and 1", () -> Beta.complementQuantile(bad, 2, 3));
        }
    }

    private static void expectRejection(String message, DoubleSupplier call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::getAsDouble);
        assertTrue(e.getMessage().contains(message),
                "message '" + e.getMessage() + "' should contain '" + message + "'");
    }

    // ---------------------------------------------------------------- helpers

    private static List<String[]> rows(String kind) {
        List<String[]> selected = new ArrayList<>();
        for (String[] row : rows) {
            if (row[0].equals(kind)) {
                selected.add(row);
            }
        }
        return selected;
    }

    private static String describe(String[] row) {
        return " at " + REFERENCE + " row " + String.join(",", row);
    }

    /** Collects every mismatch of a table, so that one failure shows them all. */
    private static final class Failures {
        private final List<String> messages = new ArrayList<>();

        void checkTail(String what, double expected, double actual) {
            if (expected < UNDERFLOW) {
                checkAbsolute(what, expected, actual, UNDERFLOW);
                return;
            }
            double tolerance = TAIL_TOLERANCE + TAIL_TOLERANCE_PER_LOG * Math.abs(Math.log(expected));
            checkRelative(what, expected, actual, tolerance);
        }

        void checkQuantile(String what, double expected, double actual) {
            if (expected < UNDERFLOW) {
                // toward the subnormal range the doubles themselves run out of digits
                checkAbsolute(what, expected, actual, QUANTILE_TOLERANCE * UNDERFLOW);
                return;
            }
            checkRelative(what, expected, actual, QUANTILE_TOLERANCE);
        }

        void checkRelative(String what, double expected, double actual, double tolerance) {
            double error = Math.abs(actual - expected) / Math.abs(expected);
            if (!(error <= tolerance) && expected != actual) {
                messages.add(String.format("%s: expected %.17g, got %.17g (relative error %.2g > %.2g)", what,
                        expected, actual, error, tolerance));
            }
        }

        void checkAbsolute(String what, double expected, double actual, double tolerance) {
            if (!(Math.abs(actual - expected) <= tolerance)) {
                messages.add(String.format("%s: expected %.17g, got %.17g (error %.2g > %.2g)", what, expected, actual,
                        Math.abs(actual - expected), tolerance));
            }
        }

        void assertNone() {
            if (!messages.isEmpty()) {
                fail(messages.size() + " mismatches, the first ones:\n"
                        + String.join("\n", messages.subList(0, Math.min(20, messages.size()))));
            }
        }
    }
}
