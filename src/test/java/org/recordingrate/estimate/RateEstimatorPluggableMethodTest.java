package org.recordingrate.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.recordingrate.model.Interval;
import org.recordingrate.model.Tally;

/**
 * {@link RateEstimator} with a method of its user's own (a {@link RateIntervalMethod} that is not
 * one of the formula methods): its two-sided interval asked at the configured level, its one-sided
 * bounds by the interface's defaults (the two-sided interval at 2c - 1). The method here computes
 * Wilson's interval by the textbook formula, (p + z&sup2;/2n &plusmn; z sqrt(pq/n + z&sup2;/4n&sup2;))/(1 + z&sup2;/n)
 * (Wilson 1927; Newcombe 1998a method 3), with z from R's {@code qnorm}: so every expected number
 * below is that formula's, and matches {@link IntervalMethod#WILSON} within rounding.
 */
class RateEstimatorPluggableMethodTest {

    private static final double Z95 = 1.959963984540054;   // R: qnorm(0.975)
    private static final double Z90 = 1.6448536269514722;  // R: qnorm(0.95)
    private static final double Z98 = 2.3263478740408408;  // R: qnorm(0.99)

    private static double[] wilson(long x, long n, double z) {
        double p = (double) x / n;
        double centre = p + z * z / (2 * n);
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
        double scale = 1 + z * z / n;
        return new double[] {(centre - half) / scale, (centre + half) / scale};
    }

    /** Wilson's interval by the formula, z looked up for the levels the test asks. */
    private static final RateIntervalMethod TEXTBOOK = new RateIntervalMethod() {
        @Override
        public String token() {
            return "textbook_wilson";
        }

        @Override
        public String displayName() {
            return "textbook Wilson";
        }

        @Override
        public Interval interval(Tally tally, double confidence) {
            double z = Math.abs(confidence - 0.95) < 1e-12 ? Z95 : Math.abs(confidence - 0.90) < 1e-12 ? Z90
                    : Math.abs(confidence - 0.98) < 1e-12 ? Z98 : Double.NaN;
            double[] b = wilson(tally.recorded(), tally.audited(), z);
            return new Interval(b[0], b[1]);
        }
    };

    @Test
    void aMethodOfTheUsersOwnIsAskedForItsIntervalAndDefaultBounds() {
        Tally tally = Tally.of(180, 202);
        RateEstimator estimator = RateEstimator.withDefaults().with(TEXTBOOK);
        assertSame(TEXTBOOK, estimator.method());
        assertEquals(0.95, estimator.confidence());
        assertEquals(Z95, estimator.criticalValue(), 1e-15);
        assertEquals("RateEstimator[textbook_wilson, confidence 0.95]", estimator.toString());
        RateEstimate e = estimator.estimate(tally);
        double[] two = wilson(180, 202, Z95);
        assertEquals(180 / 202.0, e.rate(), 1e-15);
        assertEquals(two[0], e.lower(), 1e-15);
        assertEquals(two[1], e.upper(), 1e-15);
        assertEquals(IntervalMethod.WILSON.interval(180, 202, 0.95).lower(), e.lower(), 1e-14);
        // one-sided at 95%: the two-sided interval at 90%
        double[] ninety = wilson(180, 202, Z90);
        assertEquals(ninety[0], estimator.lowerBound(tally), 1e-15);
        assertEquals(ninety[1], estimator.upperBound(tally), 1e-15);
        assertEquals(IntervalMethod.WILSON.lowerBound(180, 202, 0.95), estimator.lowerBound(tally), 1e-14);
        // at 99% one-sided: the 98% interval
        RateEstimator at99 = estimator.withConfidence(0.99);
        double[] ninetyEight = wilson(180, 202, Z98);
        assertEquals(ninetyEight[0], at99.lowerBound(tally), 1e-15);
        assertEquals(ninetyEight[1], at99.upperBound(tally), 1e-15);
        // the defaults refuse one-sided levels outside (0.5, 1), the edges and NaN included
        for (double c : new double[] {0.5, 1, 0.3, Double.NaN}) {
            // refused by the default itself (the method here would take any level), naming the one-sided rule
            IllegalArgumentException lower = assertThrows(IllegalArgumentException.class,
                    () -> TEXTBOOK.lowerBound(tally, c), "level " + c);
            IllegalArgumentException upper = assertThrows(IllegalArgumentException.class,
                    () -> TEXTBOOK.upperBound(tally, c), "level " + c);
            assertTrue(lower.getMessage().contains("of a one-sided bound must lie strictly between 0.5 and 1"),
                    lower.getMessage());
            assertTrue(upper.getMessage().contains("of a one-sided bound"), upper.getMessage());
        }
        assertEquals(ninety[0], TEXTBOOK.lowerBound(tally, 0.95), 1e-15);
    }

    /**
     * The logistic function by its two forms (1/(1 + e^-t) for t &gt;= 0, e^t/(1 + e^t) below): far
     * in the lower tail only the second keeps the value, e^-720 = 1.94e-313 (subnormal), where
     * 1/(1 + e^720) is 1/infinity = 0. At 0 both give 1/2.
     */
    @Test
    void expitKeepsTheFarLowerTail() {
        assertEquals(Math.exp(-720), IntervalMethod.expit(-720));
        assertEquals(0.5, IntervalMethod.expit(0));
        assertEquals(1.0, IntervalMethod.expit(720));
        assertEquals(1 / (1 + Math.exp(-2.0)), IntervalMethod.expit(2), 1e-16);
        assertEquals(Math.exp(-2.0) / (1 + Math.exp(-2.0)), IntervalMethod.expit(-2), 1e-16);
    }
}
