package org.recordingrate.compare;

import org.recordingrate.model.Token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.recordingrate.model.Interval;
import org.recordingrate.ReferenceData;
import org.recordingrate.ReferenceData.Row;
import org.recordingrate.model.Tally;

/**
 * The change intervals against every interval row of shared/reference/two-proportion.csv (R,
 * statsmodels and 50-digit mpmath; README: bounds within 1e-9), and the Miettinen-Nurminen
 * restricted estimate against a direct maximisation of the likelihood.
 */
class DifferenceMethodReferenceTest {

    private static final List<Row> ROWS = ReferenceData.rows("two-proportion.csv").stream()
            .filter(r -> !r.isEmpty("lower")).toList();

    @TestFactory
    Stream<DynamicTest> everyIntervalRow() {
        assertTrue(ROWS.size() >= 300, "interval rows: " + ROWS.size());
        return ROWS.stream().map(row -> DynamicTest.dynamicTest(row.where(), () -> {
            DifferenceMethod method = Token.parse(DifferenceMethod.class, "method", row.text("method"));
            Interval interval = method.interval(new Tally(row.whole("recorded_before"), row.whole("audited_before")),
                    new Tally(row.whole("recorded_after"), row.whole("audited_after")), row.number("confidence"));
            assertEquals(row.number("lower"), interval.lower(), 1e-9, row.where() + " lower");
            assertEquals(row.number("upper"), interval.upper(), 1e-9, row.where() + " upper");
        }));
    }

    @Test
    void restrictedEstimateMaximisesTheConstrainedLikelihood() {
        // Independent check of the closed-form cubic root: maximise the log-likelihood
        // xa log r + (na - xa) log(1 - r) + xb log(r - D) + (nb - xb) log(1 - r + D)
        // over r in [max(0, D), min(1, 1 + D)] by golden-section search (it is concave in r).
        long[][] tables = {{48, 80, 56, 70}, {3, 10, 9, 10}, {512, 640, 188, 202}, {0, 20, 0, 10}, {1, 34, 7, 34},
            {10, 10, 0, 10}, {0, 5, 5, 5}, {7, 9, 2, 13}};
        int checked = 0;
        for (long[] t : tables) {
            long xb = t[0];
            long nb = t[1];
            long xa = t[2];
            long na = t[3];
            ScoreVariance variance = new ScoreVariance(xa, na, xb, nb);
            for (int step = -19; step <= 19; step++) {
                double change = step * 0.05;
                double lo = Math.max(0, change);
                double hi = Math.min(1, 1 + change);
                double best = goldenMax(r -> logLikelihood(xa, na, r) + logLikelihood(xb, nb, r - change), lo, hi);
                double closed = variance.restrictedAfter(change);
                double lBest = logLikelihood(xa, na, best) + logLikelihood(xb, nb, best - change);
                double lClosed = logLikelihood(xa, na, closed) + logLikelihood(xb, nb, closed - change);
                // The closed form must be at least as good as the search (up to rounding of the search).
                assertTrue(lClosed >= lBest - 1e-9, "table " + java.util.Arrays.toString(t) + " D=" + change
                        + ": closed " + closed + " (" + lClosed + ") vs search " + best + " (" + lBest + ")");
                assertEquals(best, closed, 1e-6, "table " + java.util.Arrays.toString(t) + " D=" + change);
                checked++;
            }
        }
        assertTrue(checked > 200);
    }

    @Test
    void miettinenNurminenBoundsAreWhereTheScoreStatisticEqualsZ() {
        // The defining property, computed independently of the root finder.
        Tally before = Tally.of(512, 640);
        Tally after = Tally.of(188, 202);
        Interval interval = DifferenceMethod.MIETTINEN_NURMINEN.interval(before, after, 0.95);
        ScoreVariance variance = new ScoreVariance(188, 202, 512, 640);
        double d = after.rate() - before.rate();
        double z = 1.959963984540054;
        assertEquals(z, (d - interval.lower()) / Math.sqrt(variance.at(interval.lower())), 1e-9);
        assertEquals(z, (interval.upper() - d) / Math.sqrt(variance.at(interval.upper())), 1e-9);
    }

    private static double logLikelihood(long x, long n, double r) {
        double value = 0;
        if (x > 0) {
            value += x * Math.log(r);
        }
        if (n - x > 0) {
            value += (n - x) * Math.log1p(-r);
        }
        return value;
    }

    private static double goldenMax(java.util.function.DoubleUnaryOperator f, double lo, double hi) {
        double g = (Math.sqrt(5) - 1) / 2;
        double a = lo;
        double b = hi;
        for (int i = 0; i < 200; i++) {
            double c = b - g * (b - a);
            double d = a + g * (b - a);
            if (f.applyAsDouble(c) >= f.applyAsDouble(d)) {
                b = d;
            } else {
                a = c;
            }
        }
        return (a + b) / 2;
    }
}
