package org.recordingrate.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

import org.junit.jupiter.api.Test;
import org.recordingrate.model.Tally;
import org.recordingrate.internal.ExactArithmetic;
import org.recordingrate.internal.Hypergeometric;

/**
 * Fisher's exact and mid-p tests against brute force: every table with the observed margins
 * enumerated, probabilities as exact integer counts C(na, k) C(nb, s - k) (BigInteger, from the
 * test's own {@link Choose}, not the library's {@code ExactArithmetic}), ties decided by integer
 * equality.
 */
class FisherExactTest {

    private static final MathContext DIGITS = new MathContext(40);

    /** p-values from the full enumeration, exactly, then rounded. */
    record BruteForce(double twoSided, double improved, double deteriorated,
                      double midTwoSided, double midImproved, double midDeteriorated) {

        static BruteForce of(long xb, long nb, long xa, long na) {
            long s = xa + xb;
            long lo = Math.max(0, s - nb);
            long hi = Math.min(na, s);
            BigInteger total = BigInteger.ZERO;
            BigInteger observed = count(na, nb, s, xa);
            BigInteger lessLikely = BigInteger.ZERO;
            BigInteger asLikely = BigInteger.ZERO;
            BigInteger atLeast = BigInteger.ZERO;
            BigInteger atMost = BigInteger.ZERO;
            BigInteger a = Choose.of(na, lo);
            BigInteger b = Choose.of(nb, s - lo);
            for (long k = lo; k <= hi; k++) {
                if (k > lo) {
                    a = a.multiply(BigInteger.valueOf(na - k + 1)).divide(BigInteger.valueOf(k));
                    b = b.multiply(BigInteger.valueOf(s - k + 1)).divide(BigInteger.valueOf(nb - s + k));
                }
                BigInteger c = a.multiply(b);
                total = total.add(c);
                int cmp = c.compareTo(observed);
                if (cmp < 0) {
                    lessLikely = lessLikely.add(c);
                } else if (cmp == 0) {
                    asLikely = asLikely.add(c);
                }
                if (k >= xa) {
                    atLeast = atLeast.add(c);
                }
                if (k <= xa) {
                    atMost = atMost.add(c);
                }
            }
            BigDecimal t = new BigDecimal(total);
            BigDecimal half = new BigDecimal(observed).divide(BigDecimal.valueOf(2));
            BigDecimal halfTies = new BigDecimal(asLikely).divide(BigDecimal.valueOf(2));
            return new BruteForce(
                    ratio(new BigDecimal(lessLikely.add(asLikely)), t),
                    ratio(new BigDecimal(atLeast), t), ratio(new BigDecimal(atMost), t),
                    ratio(new BigDecimal(lessLikely).add(halfTies), t),
                    ratio(new BigDecimal(atLeast).subtract(half), t),
                    ratio(new BigDecimal(atMost).subtract(half), t));
        }

        private static BigInteger count(long na, long nb, long s, long k) {
            return Choose.of(na, k).multiply(Choose.of(nb, s - k));
        }

        private static double ratio(BigDecimal numerator, BigDecimal denominator) {
            return numerator.divide(denominator, DIGITS).doubleValue();
        }
    }

    private static void assertAgrees(long xb, long nb, long xa, long na, double relative) {
        Tally before = Tally.of(xb, nb);
        Tally after = Tally.of(xa, na);
        BruteForce exact = BruteForce.of(xb, nb, xa, na);
        String where = "before " + before + ", after " + after;
        assertClose(exact.twoSided(), test(ChangeTest.FISHER_EXACT, before, after, Alternative.TWO_SIDED), relative, "two-sided " + where);
        assertClose(exact.improved(), test(ChangeTest.FISHER_EXACT, before, after, Alternative.IMPROVED), relative, "improved " + where);
        assertClose(exact.deteriorated(), test(ChangeTest.FISHER_EXACT, before, after, Alternative.DETERIORATED), relative, "deteriorated " + where);
        assertClose(exact.midTwoSided(), test(ChangeTest.FISHER_MID_P, before, after, Alternative.TWO_SIDED), relative, "mid-p two-sided " + where);
        assertClose(exact.midImproved(), test(ChangeTest.FISHER_MID_P, before, after, Alternative.IMPROVED), relative, "mid-p improved " + where);
        assertClose(exact.midDeteriorated(), test(ChangeTest.FISHER_MID_P, before, after, Alternative.DETERIORATED), relative, "mid-p deteriorated " + where);
    }

    private static double test(ChangeTest test, Tally before, Tally after, Alternative alternative) {
        return test.test(before, after, alternative).pValue();
    }

    private static void assertClose(double expected, double actual, double relative, String where) {
        assertEquals(expected, actual, relative * expected + 1e-300, where);
    }

    @Test
    void everySmallTableMatchesBruteForce() {
        for (int na = 1; na <= 11; na++) {
            for (int nb = 1; nb <= 11; nb++) {
                for (int xa = 0; xa <= na; xa++) {
                    for (int xb = 0; xb <= nb; xb++) {
                        assertAgrees(xb, nb, xa, na, 1e-13);
                    }
                }
            }
        }
    }

    @Test
    void structuralTiesCountBothMirrorTables() {
        // equal groups: h(k) = h(s - k); 3/10 against 7/10 has its mirror 7/10 against 3/10
        assertAgrees(3, 10, 7, 10, 1e-13);
        // half recorded overall (2s = N): h(k) = h(na - k)
        assertAgrees(9, 12, 1, 8, 1e-13);
        // two modes: 0/1 against 1/1 (both tables equally likely)
        assertAgrees(0, 1, 1, 1, 1e-13);
        assertEquals(1.0, test(ChangeTest.FISHER_EXACT, Tally.of(0, 1), Tally.of(1, 1), Alternative.TWO_SIDED));
        assertEquals(0.5, test(ChangeTest.FISHER_MID_P, Tally.of(0, 1), Tally.of(1, 1), Alternative.TWO_SIDED), 1e-15);
    }

    @Test
    void accidentalTiesAwayFromTheModeAreCounted() {
        // C(3,0) C(14,6) = C(3,2) C(14,4) = 3003, neither mirror nor adjacent modes
        assertEquals(0, new Hypergeometric(3, 14, 6).compareExactly(0, 2));
        assertAgrees(6, 14, 0, 3, 1e-13);
        // C(5,0) C(21,8) = C(5,3) C(21,5) = 203490
        assertEquals(0, new Hypergeometric(5, 21, 8).compareExactly(0, 3));
        assertAgrees(8, 21, 0, 5, 1e-13);
        assertAgrees(5, 21, 3, 5, 1e-13);
    }

    @Test
    void auditSizedAndLargerTablesMatchBruteForce() {
        long[][] tables = {
            {560, 640, 188, 202}, {512, 640, 188, 202}, {201, 220, 196, 211}, {905, 1000, 880, 1000},
            {4321, 5000, 4390, 5000}, {8800, 10000, 9000, 10000}, {9600, 10000, 8900, 10000},
            {150, 7000, 3, 40}, {7000, 9999, 3, 3}, {2, 12000, 1, 8000},
        };
        for (long[] t : tables) {
            assertAgrees(t[0], t[1], t[2], t[3], 1e-11);
        }
    }

    @Test
    void tinyPValuesKeepTheirRelativeAccuracy() {
        // two-sided p-values from about 1e-60 to 1e-290
        assertAgrees(9600, 10000, 8900, 10000, 1e-11);
        assertAgrees(0, 600, 500, 600, 1e-10);
        assertAgrees(100, 1500, 900, 1500, 1e-10);
        double p = test(ChangeTest.FISHER_EXACT, Tally.of(100, 1500), Tally.of(900, 1500), Alternative.TWO_SIDED);
        assertTrue(p > 1e-300 && p < 1e-200, "p = " + p);
    }

    @Test
    void pValuesBeyondDoubleRangeAreZeroNotNaN() {
        for (Alternative alternative : Alternative.values()) {
            double p = test(ChangeTest.FISHER_EXACT, Tally.of(0, 5000), Tally.of(5000, 5000), alternative);
            double expected = alternative == Alternative.DETERIORATED ? 1 : 0;
            assertEquals(expected, p, alternative.token());
        }
    }

    @Test
    void millionsAuditedWork() {
        // no brute force here: Fisher's p-value is close to the Yates-corrected chi-square one
        Tally before = Tally.of(500_000, 1_000_000);
        Tally after = Tally.of(501_800, 1_000_000);
        double fisher = test(ChangeTest.FISHER_EXACT, before, after, Alternative.TWO_SIDED);
        double yates = test(ChangeTest.CHISQ_YATES, before, after, Alternative.TWO_SIDED);
        assertEquals(yates, fisher, 0.01 * yates);
        double improved = test(ChangeTest.FISHER_EXACT, before, after, Alternative.IMPROVED);
        // equal groups and a symmetric distribution: the two-sided p-value is twice a tail
        assertEquals(2 * improved, fisher, 1e-9 * fisher);
        Tally huge = Tally.of(2_000_000_000L, 4_000_000_000L);
        double p = test(ChangeTest.FISHER_EXACT, huge, Tally.of(2_000_050_000L, 4_000_000_000L), Alternative.TWO_SIDED);
        double z = test(ChangeTest.Z_POOLED, huge, Tally.of(2_000_050_000L, 4_000_000_000L), Alternative.TWO_SIDED);
        assertEquals(z, p, 0.01 * z);
    }

    @Test
    void logProbabilitiesMatchExactOnesToThirteenDigits() {
        long[][] cases = {{202, 640, 748}, {10000, 10000, 17800}, {3, 14, 6}, {60, 60, 1}, {5000, 7000, 9000}};
        for (long[] c : cases) {
            Hypergeometric h = new Hypergeometric(c[0], c[1], c[2]);
            BigDecimal total = new BigDecimal(Choose.of(c[0] + c[1], c[2]));
            for (long k = h.lowest(); k <= h.highest(); k += Math.max(1, (h.highest() - h.lowest()) / 37)) {
                BigDecimal exact = new BigDecimal(Choose.of(c[0], k)
                        .multiply(Choose.of(c[1], c[2] - k))).divide(total, DIGITS);
                double logExact = Math.log(exact.doubleValue());
                if (exact.doubleValue() < 1e-300) {
                    continue;
                }
                assertEquals(logExact, h.logPmf(k), 1e-13 * Math.max(1, Math.abs(logExact)),
                        "log h(" + k + ") for na, nb, s = " + c[0] + ", " + c[1] + ", " + c[2]);
            }
        }
    }
}
