package org.recordingrate.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.recordingrate.error.ArgumentException;

/**
 * {@link Roots}, {@link ExactArithmetic}, {@link Rational}, {@link EditDistance}, {@link Args} and the exact
 * parts of {@link Hypergeometric} and {@link Binomial}, against values computed independently inside the test:
 * BigInteger arithmetic, a plain factorial, brute-force enumeration, the textbook Levenshtein recursion, and
 * roots known in closed form (cbrt 2, ln 3, sqrt 2 as {@link Math}'s correctly rounded values).
 */
class ExactHelpersTest {

    // ------------------------------------------------------------------------------------------ Roots

    @Test
    void bracketedFindsClosedFormRootsToAnUlpOrTwo() {
        // x^3 - 2 on [0, 2]: cbrt(2) (Math.cbrt is within 1 ulp)
        double r = Roots.bracketed(x -> x * x * x - 2, 0, 2);
        assertTrue(Math.abs(r - Math.cbrt(2)) <= 2 * Math.ulp(Math.cbrt(2)), "cbrt 2: " + r);
        // a decreasing function, bracket given the other way round in sign
        double l = Roots.bracketed(x -> 3 - Math.exp(x), 0, 5);
        assertTrue(Math.abs(l - Math.log(3)) <= 2 * Math.ulp(Math.log(3)), "ln 3: " + l);
        // a root near 0 keeps relative accuracy: x - 1e-200 on [0, 1]
        double tiny = Roots.bracketed(x -> x - 1e-200, 0, 1);
        assertTrue(Math.abs(tiny - 1e-200) <= 2 * Math.ulp(1e-200), "1e-200: " + tiny);
        // a flat-ended, badly scaled function (regula falsi alone would stall: Illinois halving needed)
        double s = Roots.bracketed(x -> Math.pow(x, 9) - Math.pow(Math.sqrt(2), 9), 0, 10);
        assertTrue(Math.abs(s - Math.sqrt(2)) <= 4 * Math.ulp(Math.sqrt(2)), "sqrt 2: " + s);
        double negative = Roots.bracketed(x -> Math.atan(x + 1e5) , -2e5, 1);
        assertEquals(-1e5, negative, 2 * Math.ulp(1e5), "root at -1e5");
    }

    @Test
    void bracketedReturnsAnEndThatIsARootAndRefusesNoSignChange() {
        assertEquals(1.0, Roots.bracketed(x -> x - 1, 1, 3));
        assertEquals(3.0, Roots.bracketed(x -> x - 3, 1, 3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Roots.bracketed(x -> x * x + 1, -1, 1));
        assertTrue(e.getMessage().contains("no sign change"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Roots.bracketed(x -> -x * x - 1, -1, 1));
        // an exact root hit in the middle is returned as it is: x - 0.5 on [0, 1] (the first secant step)
        assertEquals(0.5, Roots.bracketed(x -> x - 0.5, 0, 1));
    }

    @Test
    void newtonConvergesFromAnyStartAndRecoversFromWildSteps() {
        double expected = Math.log(3);
        // increasing f = e^x - 3 with its derivative, from both sides and from outside the bracket
        for (double start : new double[] {-10, 0, 1, 1.1, 4, 40}) {
            double r = Roots.newton(x -> Math.exp(x) - 3, Math::exp, -10, 4, start);
            assertTrue(Math.abs(r - expected) <= 4 * Math.ulp(expected), "start " + start + ": " + r);
        }
        // a derivative far too small makes every Newton step leave the bracket: bisection still converges
        double b = Roots.newton(x -> x - Math.sqrt(2), x -> 1e-12, 0, 2, 0.1);
        assertTrue(Math.abs(b - Math.sqrt(2)) <= 4 * Math.ulp(Math.sqrt(2)), "bisection: " + b);
        // an exact root at the start
        assertEquals(0.25, Roots.newton(x -> x - 0.25, x -> 1, 0, 1, 0.25));
        // x^3 - 2 near its root: quadratic convergence to a few ulps
        double c = Roots.newton(x -> x * x * x - 2, x -> 3 * x * x, 0, 2, 1);
        assertTrue(Math.abs(c - Math.cbrt(2)) <= 4 * Math.ulp(Math.cbrt(2)), "cbrt 2: " + c);
    }

    @Test
    void newtonStopsAtItsBestPointWhenRoundingHidesTheRoot() {
        // f is a staircase (rounded to multiples of 1e-3, no exact zero near the root 0.1234567): Newton
        // with slope 1 oscillates; the answer must be the best point found, inside the step around the root
        double r = Roots.newton(x -> Math.floor((x - 0.1234567) * 1000 + 0.5) / 1000 + 1e-9, x -> 1, 0, 1, 0.9);
        assertTrue(Math.abs(r - 0.1234567) <= 5e-4, "staircase: " + r);
    }

    // ------------------------------------------------------------------------------- ExactArithmetic

    @Test
    void compareProductsIsExactBeyondSixtyFourBits() {
        long big = Long.MAX_VALUE;
        assertEquals(0, ExactArithmetic.compareProducts(6, 4, 8, 3));
        assertTrue(ExactArithmetic.compareProducts(6, 5, 8, 3) > 0);
        assertTrue(ExactArithmetic.compareProducts(5, 4, 7, 3) < 0);
        // products above 2^63 that differ only in the high word, and only in the low word
        assertTrue(ExactArithmetic.compareProducts(big, 4, big, 3) > 0);
        assertTrue(ExactArithmetic.compareProducts(big, 3, big, 4) < 0);
        assertEquals(0, ExactArithmetic.compareProducts(big, 6, big - 1 + 1, 6));
        // high words 3 and 0: decided by the high words alone
        assertTrue(ExactArithmetic.compareProducts(big, 8, big, 2) > 0);
        assertTrue(ExactArithmetic.compareProducts(3, 5, big, 8) < 0);
        // (2^62 + 1) * 4 vs 2^62 * 4 + 3: the same high word 1, low words 4 and 0 (unsigned compare)
        long twoTo62 = 1L << 62;
        assertTrue(ExactArithmetic.compareProducts(twoTo62 + 1, 4, twoTo62, 4) > 0);
        assertTrue(ExactArithmetic.compareProducts(twoTo62, 4, twoTo62 + 1, 4) < 0);
        // low words with the top bit set (negative as signed longs): 2^62 * 3 vs 2^62 * 2 (high 0, low 3*2^62 vs 2^63)
        assertTrue(ExactArithmetic.compareProducts(twoTo62, 3, twoTo62, 2) > 0);
        assertTrue(ExactArithmetic.compareProducts(1, 1, twoTo62, 2) < 0);
    }

    @Test
    void crossDifferenceIsTheBigIntegerDifferenceRoundedOnce() {
        long[][] cases = {
            {7, 9, 4, 5}, {-7, 9, 4, -5}, {0, 0, 0, 0}, {3, 3, 3, 3},
            {Long.MAX_VALUE, 2, 1, 1}, {Long.MAX_VALUE, 1, -1, 1}, {Long.MIN_VALUE, 1, 1, 1},
            {1L << 40, 1L << 30, 1, 1}, {3_000_000_000L, 3_000_000_000L, 2_999_999_999L, 3_000_000_001L},
            {Long.MAX_VALUE, 1, Long.MIN_VALUE, 1}, {-(1L << 62), 2, 1L << 62, 1}, {123456789012L, -987, -55, 1L << 50},
        };
        for (long[] c : cases) {
            double expected = BigInteger.valueOf(c[0]).multiply(BigInteger.valueOf(c[1]))
                    .subtract(BigInteger.valueOf(c[2]).multiply(BigInteger.valueOf(c[3]))).doubleValue();
            assertEquals(expected, ExactArithmetic.crossDifference(c[0], c[1], c[2], c[3]),
                    c[0] + "*" + c[1] + " - " + c[2] + "*" + c[3]);
        }
    }

    private static BigInteger factorialRange(long from, long to) {
        BigInteger p = BigInteger.ONE;
        for (long f = from; f <= to; f++) {
            p = p.multiply(BigInteger.valueOf(f));
        }
        return p;
    }

    @Test
    void rangeProductsAndBinomialsMatchPlainProducts() {
        for (long from = 1; from <= 20; from += 3) {
            for (long to = from - 2; to <= from + 40; to++) {
                assertEquals(factorialRange(from, to), ExactArithmetic.rangeProduct(from, to), from + ".." + to);
            }
        }
        // C(n, k) = n! / (k! (n-k)!) by plain factorials; 0 outside [0, n]
        for (long n = 0; n <= 60; n += 7) {
            for (long k = -1; k <= n + 1; k++) {
                BigInteger expected = k < 0 || k > n ? BigInteger.ZERO
                        : factorialRange(1, n).divide(factorialRange(1, k).multiply(factorialRange(1, n - k)));
                assertEquals(expected, ExactArithmetic.binomial(n, k), "C(" + n + ", " + k + ")");
            }
        }
    }

    // -------------------------------------------------------------------------------------- Rational

    @Test
    void rationalArithmeticIsExact() {
        Rational r = Rational.ofDecimal(0.904);
        assertEquals(new Rational(BigInteger.valueOf(904), BigInteger.valueOf(1000)), r);
        assertEquals(new Rational(BigInteger.valueOf(4800), BigInteger.ONE), Rational.of(new BigDecimal("4.8E+3")));
        assertEquals(new Rational(BigInteger.valueOf(12), BigInteger.ONE), Rational.of(new BigDecimal("12.000")));
        assertEquals(new Rational(BigInteger.valueOf(5), BigInteger.valueOf(100)), Rational.of(new BigDecimal("0.050")));
        // 0.904 * 5000 = 4520 exactly; / 7 not whole
        Rational product = r.times(5000);
        assertEquals(BigInteger.valueOf(4520), product.floor());
        assertEquals(4520.0, product.doubleValue());
        assertEquals(BigInteger.valueOf(645), product.dividedBy(7).floor(), "4520/7 = 645.71");
        assertEquals(4520.0 / 7, product.dividedBy(7).doubleValue(), Math.ulp(4520.0 / 7));
        // 1/3 + 1/6 = 1/2 (as 9/18)
        Rational half = Rational.of(1, 3).plus(Rational.of(1, 6));
        assertEquals(0.5, half.doubleValue());
        assertEquals(BigInteger.ZERO, half.floor());
        assertEquals(BigInteger.ONE, half.times(2).floor());
        assertTrue(Rational.of(0, 5).isZero());
        assertTrue(!Rational.of(1, 5).isZero());
        assertThrows(IllegalArgumentException.class, () -> Rational.of(-1, 5));
        assertThrows(IllegalArgumentException.class, () -> Rational.of(1, 0));
        assertThrows(IllegalArgumentException.class, () -> Rational.of(1, -2));
    }

    // ---------------------------------------------------------------------------------- EditDistance

    /** The textbook recursion, memo-free (short strings only). */
    private static int levenshtein(String a, String b) {
        if (a.isEmpty()) {
            return b.length();
        }
        if (b.isEmpty()) {
            return a.length();
        }
        int cost = a.charAt(a.length() - 1) == b.charAt(b.length() - 1) ? 0 : 1;
        String a1 = a.substring(0, a.length() - 1);
        String b1 = b.substring(0, b.length() - 1);
        return Math.min(Math.min(levenshtein(a1, b) + 1, levenshtein(a, b1) + 1), levenshtein(a1, b1) + cost);
    }

    @Test
    void editDistanceMatchesTheRecursion() {
        assertEquals(1, EditDistance.between("rte", "rate"));
        String[] words = {"", "a", "rate", "rte", "tare", "kitn", "sitng", "flaw", "lawn", "abcd", "azc"};
        for (String a : words) {
            for (String b : words) {
                assertEquals(levenshtein(a, b), EditDistance.between(a, b), a + " / " + b);
            }
        }
    }

    // ------------------------------------------------------------------------------------------- Args

    private static String refused(org.junit.jupiter.api.function.Executable call, String argument) {
        ArgumentException e = assertThrows(ArgumentException.class, call);
        assertEquals(argument, e.argument());
        return e.getMessage();
    }

    @Test
    void argsAcceptTheirEdgesAndNameWhatTheyRefuse() {
        Args.tally(0, 1);
        Args.tally(5, 5);
        assertTrue(refused(() -> Args.tally(-1, 5), "recorded").contains("recorded (-1) must not be negative"));
        assertTrue(refused(() -> Args.tally(1, -5), "audited").contains("audited (-5) must not be negative"));
        assertTrue(refused(() -> Args.tally(0, 0), "audited").contains("at least 1"));
        assertEquals("recorded (205) must not exceed audited (202)", refused(() -> Args.tally(205, 202), "recorded"));
        Args.tallyInRange(3, Args.MAX_AUDITED);
        assertTrue(refused(() -> Args.tallyInRange(3, Args.MAX_AUDITED + 1), "audited").contains("2^53"));
        assertEquals(Args.MAX_AUDITED, Args.countInRange("volume", Args.MAX_AUDITED));
        assertTrue(refused(() -> Args.countInRange("volume", Args.MAX_AUDITED + 1), "volume").startsWith("volume ("));
        refused(() -> Args.countInRange("audited before", Args.MAX_AUDITED + 1), "audited");

        assertEquals(Args.MIN_CONFIDENCE, Args.confidence(Args.MIN_CONFIDENCE));
        assertEquals(Args.MAX_CONFIDENCE, Args.confidence(Args.MAX_CONFIDENCE));
        assertTrue(refused(() -> Args.confidence(95), "confidence").endsWith("did you mean 0.95?"));
        assertTrue(!refused(() -> Args.confidence(100), "confidence").contains("did you mean"));
        assertTrue(!refused(() -> Args.confidence(1), "confidence").contains("did you mean"));
        refused(() -> Args.confidence(Double.NaN), "confidence");
        refused(() -> Args.confidence(Math.nextDown(Args.MIN_CONFIDENCE)), "confidence");
        assertEquals(0.5, Args.oneSidedConfidence(0.5));
        assertEquals(Args.MAX_CONFIDENCE, Args.oneSidedConfidence(Args.MAX_CONFIDENCE));
        assertTrue(refused(() -> Args.oneSidedConfidence(0.4999), "confidence").contains("one-sided"));
        assertTrue(refused(() -> Args.oneSidedConfidence(97.5), "confidence").endsWith("did you mean 0.975?"));
        refused(() -> Args.oneSidedConfidence(Math.nextUp(Args.MAX_CONFIDENCE)), "confidence");

        assertEquals(0.05, Args.significance(0.05));
        refused(() -> Args.significance(0), "significance");
        refused(() -> Args.significance(1), "significance");
        assertEquals("rate (1.5) must be strictly between 0 and 1", refused(() -> Args.openUnit("rate", 1.5), "rate"));
        assertEquals(Double.MIN_VALUE, Args.positive("x", Double.MIN_VALUE));
        refused(() -> Args.positive("x", 0.0), "x");
        refused(() -> Args.positive("x", Double.POSITIVE_INFINITY), "x");
        refused(() -> Args.positive("x", Double.NaN), "x");
        assertEquals(1L, Args.positive("n", 1L));
        assertEquals("n (0) must be at least 1", refused(() -> Args.positive("n", 0L), "n"));
        assertEquals(0.0, Args.nonNegative("w", 0.0));
        refused(() -> Args.nonNegative("w", -1e-300), "w");
        refused(() -> Args.nonNegative("w", Double.POSITIVE_INFINITY), "w");
        refused(() -> Args.nonNegative("w", Double.NaN), "w");
        assertEquals(2.0, Args.inRange("v", 2, 2, 3));
        assertEquals(3.0, Args.inRange("v", 3, 2, 3));
        assertEquals("v (3.5) must lie between 2 and 3", refused(() -> Args.inRange("v", 3.5, 2, 3), "v"));
        refused(() -> Args.inRange("v", Math.nextDown(2.0), 2, 3), "v");
        assertEquals("x", Args.notNull("o", "x"));
        assertEquals("o must not be null", refused(() -> Args.notNull("o", null), "o"));
        assertEquals("ab", Args.notBlank("s", "  ab "));
        assertEquals("s (null) must not be blank", refused(() -> Args.notBlank("s", null), "s"));
        assertEquals("s ('  ') must not be blank", refused(() -> Args.notBlank("s", "  "), "s"));
        assertEquals("wilson_cc", Args.token(" Wilson-CC "));
        assertEquals("mid_p_exact", Args.token("Mid-P exact"));
        assertEquals("", Args.token(null));
        assertEquals("95", Args.show(95.0));
        assertEquals("-3", Args.show(-3.0));
        assertEquals("0.95", Args.show(0.95));
        assertEquals("1.0E15", Args.show(1e15));
        assertEquals("NaN", Args.show(Double.NaN));
    }

    // -------------------------------------------------------------------------------- Hypergeometric

    @Test
    void hypergeometricCountsModesAndComparisonsByEnumeration() {
        long[][] margins = {{10, 12, 9}, {7, 3, 8}, {5, 5, 5}, {6, 6, 6}, {8, 8, 3}, {4, 12, 8}, {1, 1, 1}, {9, 4, 0},
            {9, 4, 13}, {30, 20, 25}, {3, 9, 6}};
        for (long[] m : margins) {
            long na = m[0];
            long nb = m[1];
            long s = m[2];
            Hypergeometric h = new Hypergeometric(na, nb, s);
            long lo = Math.max(0, s - nb);
            long hi = Math.min(na, s);
            BigInteger[] count = new BigInteger[(int) hi + 1];
            BigInteger total = BigInteger.ZERO;
            for (long k = lo; k <= hi; k++) {
                count[(int) k] = ExactHelpersTest.choose(na, k).multiply(choose(nb, s - k));
                total = total.add(count[(int) k]);
            }
            String at = na + "/" + nb + "/" + s;
            assertEquals(choose(na + nb, s), total, "Vandermonde " + at);
            assertEquals(total, h.tableCount(), "table count " + at);
            // the lower mode: the first k where the next term does not rise
            long mode = lo;
            while (mode < hi && count[(int) mode + 1].compareTo(count[(int) mode]) > 0) {
                mode++;
            }
            assertEquals(mode, h.mode(), "mode " + at);
            for (long k = lo - 1; k <= hi + 1; k++) {
                BigInteger upper = BigInteger.ZERO;
                BigInteger lower = BigInteger.ZERO;
                for (long j = lo; j <= hi; j++) {
                    if (j >= k) {
                        upper = upper.add(count[(int) j]);
                    }
                    if (j <= k) {
                        lower = lower.add(count[(int) j]);
                    }
                }
                assertEquals(upper, h.upperTailCount(k), "upper count " + k + " at " + at);
                assertEquals(lower, h.lowerTailCount(k), "lower count " + k + " at " + at);
                if (k >= lo && k <= hi) {
                    for (long x = lo; x <= hi; x++) {
                        assertEquals(Integer.signum(count[(int) k].compareTo(count[(int) x])),
                                Integer.signum(h.compareExactly(k, x)), "compare " + k + ", " + x + " at " + at);
                    }
                    // relative tails: sums of h(j)/h(k) away from the peak
                    if (k > mode || (k == mode + 1)) {
                        assertEquals(ratioSum(count, k, hi, k), h.relativeTail(k, true), 1e-13 * ratioSum(count, k, hi, k),
                                "relative upper tail " + k + " at " + at);
                    }
                    if (k <= mode) {
                        assertEquals(ratioSum(count, lo, k, k), h.relativeTail(k, false), 1e-13 * ratioSum(count, lo, k, k),
                                "relative lower tail " + k + " at " + at);
                    }
                }
            }
            // tails outside the support
            assertEquals(0.0, h.logUpperTail(lo));
            assertEquals(Double.NEGATIVE_INFINITY, h.logUpperTail(hi + 1));
            assertEquals(0.0, h.logLowerTail(hi));
            assertEquals(Double.NEGATIVE_INFINITY, h.logLowerTail(lo - 1));
        }
    }

    private static double ratioSum(BigInteger[] count, long from, long to, long base) {
        BigDecimal sum = BigDecimal.ZERO;
        for (long j = from; j <= to; j++) {
            sum = sum.add(new BigDecimal(count[(int) j]));
        }
        return sum.divide(new BigDecimal(count[(int) base]), java.math.MathContext.DECIMAL128).doubleValue();
    }

    static BigInteger choose(long n, long k) {
        if (k < 0 || k > n) {
            return BigInteger.ZERO;
        }
        return factorialRange(n - k + 1, n).divide(factorialRange(1, k));
    }

    @Test
    void aDegenerateTableHasLogProbabilityZero() {
        Hypergeometric h = new Hypergeometric(9, 4, 0);
        assertEquals(0, h.lowest());
        assertEquals(0, h.highest());
        assertEquals(0.0, h.logPmf(0));
    }

    // ------------------------------------------------------------------------------------- Binomial

    @Test
    void binomialFillMatchesExactProbabilitiesAndReportsItsRange() {
        // n = 40, p = 1/4: exact C(40,k) 3^(40-k) / 4^40 by BigInteger
        int n = 40;
        double p = 0.25;
        double q = 0.75;
        double[] up = new double[n + 1];
        double[] down = new double[n + 1];
        for (int k = 0; k < n; k++) {
            up[k] = (double) (n - k) / (k + 1);
        }
        for (int k = 1; k <= n; k++) {
            down[k] = (double) k / (n - k + 1);
        }
        double[] out = new double[n + 1];
        long range = Binomial.fill(n, p, q, up, down, out);
        assertEquals(0, range >>> 32, "lowest");
        assertEquals(n, range & 0xffffffffL, "highest");
        BigDecimal denominator = new BigDecimal(BigInteger.valueOf(4).pow(n));
        for (int k = 0; k <= n; k++) {
            double exact = new BigDecimal(choose(n, k).multiply(BigInteger.valueOf(3).pow(n - k)))
                    .divide(denominator, java.math.MathContext.DECIMAL128).doubleValue();
            assertEquals(exact, out[k], 2e-14 * exact, "P(X=" + k + ")");
        }
        // n = 2000, p = 1/2: the far tails underflow; the range is where the values are positive
        n = 2000;
        up = new double[n + 1];
        down = new double[n + 1];
        for (int k = 0; k < n; k++) {
            up[k] = (double) (n - k) / (k + 1);
        }
        for (int k = 1; k <= n; k++) {
            down[k] = (double) k / (n - k + 1);
        }
        out = new double[n + 1];
        java.util.Arrays.fill(out, -1);
        range = Binomial.fill(n, 0.5, 0.5, up, down, out);
        int lowest = (int) (range >>> 32);
        int highest = (int) (range & 0xffffffffL);
        assertEquals(n - lowest, highest, "symmetric range");
        assertTrue(lowest > 0 && lowest < 300, "lowest " + lowest);
        assertEquals(-1.0, out[lowest - 1], "left alone below the range");
        assertEquals(-1.0, out[highest + 1], "left alone above the range");
        assertTrue(out[lowest] > 0 && out[lowest] < 1e-300, "smallest written " + out[lowest]);
        // the mode P(X = 1000) = C(2000,1000)/2^2000
        double mode = new BigDecimal(choose(n, 1000)).divide(new BigDecimal(BigInteger.TWO.pow(n)),
                java.math.MathContext.DECIMAL128).doubleValue();
        assertEquals(mode, out[1000], 1e-14 * mode);
    }

    // ------------------------------------------------------------------------------------ DecimalText

    private static String refusedText(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(ArgumentException.class, call).getMessage();
    }

    @Test
    void decimalTextLimitsAtTheirExactValues() {
        // exponents of at most six digits, the sign not counted
        assertEquals(new BigDecimal("1e999999"), DecimalText.decimal("1e999999"));
        assertEquals(new BigDecimal("1e-999999"), DecimalText.decimal("1E-999999"));
        assertEquals(new BigDecimal("1e999999"), DecimalText.decimal("1e+999999"));
        for (String seven : new String[] {"1e1000000", "1e+1000000", "1E-0000001", "2.5e0000000"}) {
            assertTrue(refusedText(() -> DecimalText.decimal(seven)).startsWith("has an exponent too large"), seven);
        }
        assertEquals(new BigDecimal("25"), DecimalText.decimal("2.5e1"));
        assertEquals(new BigDecimal("2.5"), DecimalText.decimal("2.5e0"));
        // whole numbers: as written, within a long
        assertEquals(188, DecimalText.whole("188.0"));
        assertEquals(1_000_000_000_000_000_000L, DecimalText.whole("1e18"));
        assertEquals(Long.MAX_VALUE, DecimalText.whole("9223372036854775807"));
        assertEquals(-9_223_372_036_854_775_807L, DecimalText.whole("-9223372036854775807"));
        for (String big : new String[] {"9223372036854775808", "1e19", "10000000000000000000", "-9223372036854775808"}) {
            assertTrue(refusedText(() -> DecimalText.whole(big)).startsWith("is too large"), big);
        }
        assertEquals("is not a whole number", refusedText(() -> DecimalText.whole("188.5")));
        assertEquals("is not a whole number", refusedText(() -> DecimalText.whole("x")));
        assertEquals("is blank: a whole number is needed", refusedText(() -> DecimalText.whole("  ")));
        assertEquals("is blank: a number is needed", refusedText(() -> DecimalText.decimal(null)));
        // doubles: too small to tell from 0 is refused, 0 written small is 0
        assertEquals("is too small to be told from 0 (below 4.9e-324)", refusedText(() -> DecimalText.number("1e-400")));
        assertEquals("is too large", refusedText(() -> DecimalText.number("1e400")));
        assertEquals(0.0, DecimalText.number("0e-400"));
        assertEquals(Double.MIN_VALUE, DecimalText.number("4.9e-324"));
        assertEquals("a\\u0009b\\u2028c\\ufeff\\u0000", DecimalText.printable("a\tb\u2028c\ufeff\u0000"));
        assertEquals("plain", DecimalText.printable("plain"));
    }
}
