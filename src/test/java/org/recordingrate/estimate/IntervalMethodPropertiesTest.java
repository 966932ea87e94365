package org.recordingrate.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.recordingrate.model.Interval;
import org.recordingrate.model.Tally;

/**
 * Properties every interval must have, checked against computations inside the test that do not
 * share code with the methods: the binomial tail equations that define the exact intervals, summed
 * term by term in log space; Wilson's defining score equation; the edge conventions; one-sided
 * bounds; and sane behaviour at audited counts far beyond the reference file (10^9 to 10^15).
 */
class IntervalMethodPropertiesTest {

    private static final SplittableRandom RANDOM = new SplittableRandom(20261126);

    /** log P(X = k) for X ~ Binomial(n, p), by log-gamma (Commons Math, independent of Beta). */
    private static double logPmf(long k, long n, double p) {
        return org.apache.commons.math3.special.Gamma.logGamma(n + 1.0)
                - org.apache.commons.math3.special.Gamma.logGamma(k + 1.0)
                - org.apache.commons.math3.special.Gamma.logGamma(n - k + 1.0) + k * Math.log(p) + (n - k) * Math.log1p(-p);
    }

    /** P(X >= k) summed term by term. */
    private static double upperTail(long k, long n, double p) {
        double sum = 0;
        for (long j = k; j <= n; j++) {
            sum += Math.exp(logPmf(j, n, p));
        }
        return sum;
    }

    @Test
    void clopperPearsonBoundsSolveTheBinomialTailEquations() {
        for (int i = 0; i < 300; i++) {
            long n = 1 + RANDOM.nextInt(400);
            long x = RANDOM.nextInt((int) n + 1);
            double confidence = new double[] {0.8, 0.9, 0.95, 0.99, 0.999}[RANDOM.nextInt(5)];
            double alpha = 1 - confidence;
            Interval ci = IntervalMethod.CLOPPER_PEARSON.interval(x, n, confidence);
            // The term-by-term sum carries the log-gamma rounding of each of up to n terms (about
            // 1e-13 each relative), so its own error grows with n: 1e-10 per 50 audited bounds it.
            if (x > 0) {
                assertEquals(alpha / 2, upperTail(x, n, ci.lower()), 1e-10 * Math.max(1, n / 50.0), x + "/" + n);
            }
            if (x < n) {
                assertEquals(alpha / 2, 1 - upperTail(x + 1, n, ci.upper()), 1e-10 * Math.max(1, n / 50.0), x + "/" + n);
            }
        }
    }

    @Test
    void midPBoundsSolveTheirDefiningEquations() {
        for (int i = 0; i < 200; i++) {
            long n = 1 + RANDOM.nextInt(300);
            long x = RANDOM.nextInt((int) n + 1);
            Interval ci = IntervalMethod.MID_P.interval(x, n, 0.95);
            if (x > 0) {
                double value = 0.5 * Math.exp(logPmf(x, n, ci.lower())) + upperTail(x + 1, n, ci.lower());
                assertEquals(0.025, value, 1e-10, x + "/" + n + " lower");
            } else {
                assertEquals(0.0, ci.lower());
            }
            if (x < n) {
                double value = 0.5 * Math.exp(logPmf(x, n, ci.upper())) + (1 - upperTail(x, n, ci.upper()));
                assertEquals(0.025, value, 1e-10, x + "/" + n + " upper");
            } else {
                assertEquals(1.0, ci.upper());
            }
        }
    }

    @Test
    void wilsonBoundsSolveTheScoreEquation() {
        double z = 1.959963984540054;
        for (int i = 0; i < 500; i++) {
            long n = 1 + RANDOM.nextInt(1_000_000);
            long x = RANDOM.nextLong(n + 1);
            Interval ci = IntervalMethod.WILSON.interval(x, n, 0.95);
            double p = (double) x / n;
            for (double bound : new double[] {ci.lower(), ci.upper()}) {
                if ((bound == 0 && x == 0) || (bound == 1 && x == n)) {
                    continue;
                }
                double score = (p - bound) / Math.sqrt(bound * (1 - bound) / n);
                assertEquals(z, Math.abs(score), 1e-7, x + "/" + n);
            }
        }
    }

    @Test
    void edgesAreExactAndEveryBoundIsInsideTheUnitInterval() {
        for (IntervalMethod method : IntervalMethod.values()) {
            for (long n : new long[] {1, 2, 10, 202, 100_000, 1_000_000_000L, 1_000_000_000_000L, 1_000_000_000_000_000L}) {
                Interval none = method.interval(0, n, 0.95);
                Interval all = method.interval(n, n, 0.95);
                if (method != IntervalMethod.WALD) {
                    assertEquals(0.0, none.lower(), 0.0, method + " 0/" + n);
                    assertEquals(1.0, all.upper(), 0.0, method + " " + n + "/" + n);
                    assertTrue(none.upper() > 0 && all.lower() < 1, method + " " + n);
                }
                for (long x : new long[] {0, 1, n / 3, n / 2, n - 1, n}) {
                    if (x < 0 || x > n) {
                        continue;
                    }
                    Interval ci = method.interval(x, n, 0.99);
                    assertTrue(ci.lower() >= 0 && ci.upper() <= 1 && ci.lower() <= ci.upper(),
                            method + " " + x + "/" + n + " " + ci);
                    assertTrue(ci.contains((double) x / n) || method == IntervalMethod.AGRESTI_COULL,
                            method + " " + x + "/" + n + " " + ci + " should contain the rate");
                }
            }
        }
    }

    @Test
    void lowerBoundsIncreaseWithTheRecordedCount() {
        for (IntervalMethod method : IntervalMethod.values()) {
            double previous = -1;
            for (long x = 0; x <= 60; x++) {
                double lower = method.interval(x, 60, 0.95).lower();
                assertTrue(lower >= previous, method + " at " + x + "/60");
                previous = lower;
            }
        }
    }

    @Test
    void oneSidedBoundsAreTwoSidedBoundsAtTwiceTheTail() {
        for (IntervalMethod method : IntervalMethod.values()) {
            for (long[] t : new long[][] {{188, 202}, {0, 50}, {50, 50}, {3, 7}}) {
                Interval twoSided = method.interval(t[0], t[1], 0.90);
                assertEquals(twoSided.lower(), method.lowerBound(t[0], t[1], 0.95), 1e-14, method + " lower");
                assertEquals(twoSided.upper(), method.upperBound(t[0], t[1], 0.95), 1e-14, method + " upper");
                RateEstimator estimator = RateEstimator.withDefaults().with(method).withConfidence(0.95);
                assertEquals(twoSided.lower(), estimator.lowerBound(Tally.of(t[0], t[1])), 1e-14);
                assertEquals(twoSided.upper(), estimator.upperBound(Tally.of(t[0], t[1])), 1e-14);
            }
        }
    }

    @Test
    void exactMethodsAgreeWithEachOtherAtHugeCounts() {
        // At n = 10^9 every method is close to Wald: the intervals must agree to a few 1e-7.
        long n = 1_000_000_000L;
        long x = 931_000_000L;
        Interval wald = IntervalMethod.WALD.interval(x, n, 0.95);
        for (IntervalMethod method : IntervalMethod.values()) {
            Interval ci = method.interval(x, n, 0.95);
            assertEquals(wald.lower(), ci.lower(), 1e-8, method.token());
            assertEquals(wald.upper(), ci.upper(), 1e-8, method.token());
        }
    }

    @Test
    void estimateCarriesThePublishedMargin() {
        RateEstimate e = RateEstimator.withDefaults().estimate(180, 202);
        double se = Math.sqrt((180.0 / 202) * (22.0 / 202) / 202);
        assertEquals(se, e.standardError(), 1e-16);
        assertEquals(1.959963984540054 * se, e.margin(), 1e-15);
        assertEquals("89.1% (95% CI 84.1% to 92.7%, Wilson, 180 of 202)", e.toString());
    }
}
