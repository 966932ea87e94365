package org.recordingrate.estimate;

import org.recordingrate.model.Token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.recordingrate.model.Interval;
import org.recordingrate.ReferenceData;
import org.recordingrate.ReferenceData.Row;
import org.recordingrate.model.Tally;

/**
 * Every method over the whole supported range against
 * {@code src/test/resources/reference-extended/single-proportion-extended.csv}: 80-digit mpmath
 * values written by {@code reference-extended/make_extended_reference.py} (see its docstring for
 * how each method is computed independently of this library), for audited counts 1 to
 * 2<sup>53</sup> (10<sup>14</sup>, 10<sup>15</sup>, 2<sup>52</sup>, 2<sup>53</sup> - 1 and 2<sup>53</sup>
 * among them), recorded 0, 1, 2, n/1000, n/2, n - 2, n - 1 and n, and confidence levels 10<sup>-6</sup>,
 * 0.001, 0.5, 0.95, 0.999999 and 1 - 10<sup>-9</sup>. Tolerance: the strict rule of
 * {@link ReferenceData#boundWithin} (1e-7 relative below 1e-3, else 1e-9 absolute).
 *
 * <p>One test per method checks all its rows and reports the largest error found (in units of
 * the tolerance) and the first failures, so that a regression shows its size.
 */
class IntervalMethodExtendedReferenceTest {

    private static final String FOLDER = "reference-extended";
    private static final String FILE = "single-proportion-extended.csv";
    private static final List<Row> ROWS = ReferenceData.rows(FOLDER, FILE);

    @TestFactory
    Stream<DynamicTest> everyRowOfEveryMethod() {
        return Stream.of(IntervalMethod.values()).map(method -> DynamicTest.dynamicTest(method.token(), () -> {
            List<Row> rows = ROWS.stream().filter(r -> r.text("method").equals(method.token())).toList();
            assertTrue(rows.size() > 500, method + ": " + rows.size() + " rows");
            checkRows(method, rows);
        }));
    }

    private static void checkRows(IntervalMethod method, List<Row> rows) {
        List<String> failures = new ArrayList<>();
        double worst = 0;
        String worstRow = "";
        for (Row row : rows) {
            long x = row.whole("recorded");
            long n = row.whole("audited");
            double confidence = row.number("confidence");
            Interval interval = method.interval(x, n, confidence);
            double[][] pairs = {{row.number("lower"), interval.lower()}, {row.number("upper"), interval.upper()}};
            for (int i = 0; i < 2; i++) {
                double error = ReferenceData.boundError(pairs[i][0], pairs[i][1]);
                if (!(error <= worst)) {
                    worst = error;
                    worstRow = row.where() + (i == 0 ? " lower " : " upper ") + pairs[i][1];
                }
                if (!ReferenceData.boundWithin(pairs[i][0], pairs[i][1])) {
                    failures.add(String.format(Locale.ROOT, "line %d: %d/%d at %s: %s %s want %s",
                            row.line(), x, n, row.text("confidence"), i == 0 ? "lower" : "upper",
                            pairs[i][1], pairs[i][0]));
                }
            }
        }
        String summary = method + ": " + failures.size() + " of " + 2 * rows.size() + " bounds off " + FILE
                + "; largest error " + worst + " x tolerance at " + worstRow + "\n"
                + failures.stream().limit(25).collect(Collectors.joining("\n"));
        assertTrue(failures.isEmpty(), summary);
    }

    @Test
    void theGridCoversTheSupportedRange() {
        Set<Long> audited = ROWS.stream().map(r -> r.whole("audited")).collect(Collectors.toSet());
        assertTrue(audited.containsAll(List.of(1L, 100_000_000_000_000L, 1_000_000_000_000_000L, (1L << 53) - 1, 1L << 53)),
                "audited counts " + audited);
        Set<Double> levels = ROWS.stream().map(r -> r.number("confidence")).collect(Collectors.toSet());
        assertTrue(levels.containsAll(List.of(1e-6, 0.5, 0.95, 0.999999, 1 - 1e-9)), "levels " + levels);
        Set<String> methods = ROWS.stream().map(r -> r.text("method")).collect(Collectors.toSet());
        assertEquals(Stream.of(IntervalMethod.values()).map(IntervalMethod::token).collect(Collectors.toSet()), methods);
    }

    @Test
    void theIssuesExamplesAreRightNow() {
        // 1 of 10^14 at 95%: Wilson's upper bound is 5.66493e-14 (the row of the extended file;
        // the textbook formula gave 5.6732e-14, a relative error of 1.5e-3)
        Row row = ROWS.stream().filter(r -> r.whole("recorded") == 1 && r.whole("audited") == 100_000_000_000_000L
                && r.text("confidence").equals("0.95") && r.text("method").equals("wilson")).findFirst().orElseThrow();
        double upper = IntervalMethod.WILSON.interval(1, 100_000_000_000_000L, 0.95).upper();
        assertTrue(ReferenceData.boundWithin(row.number("upper"), upper), row.where() + ": " + upper);
        assertEquals(5.66493e-14, upper, 1e-19);
        // the estimator, which caches z, gives the same bounds
        RateEstimate e = RateEstimator.withDefaults().estimate(Tally.of(1, 100_000_000_000_000L));
        assertEquals(upper, e.upper(), 0.0);
    }

    @Test
    void countsAboveTwoToTheFiftyThreeAreRefusedWithTheLimit() {
        for (IntervalMethod method : IntervalMethod.values()) {
            for (long n : new long[] {(1L << 53) + 1, 100_000_000_000_000_000L, 1_000_000_000_000_000_000L, Long.MAX_VALUE}) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> method.interval(n / 2, n, 0.95));
                assertTrue(e.getMessage().contains("audited (" + n + ")") && e.getMessage().contains("2^53")
                        && e.getMessage().contains("9007199254740992"), e.getMessage());
                assertThrows(IllegalArgumentException.class, () -> method.lowerBound(1, n, 0.95));
                assertThrows(IllegalArgumentException.class, () -> method.upperBound(n - 1, n, 0.95));
                assertThrows(IllegalArgumentException.class,
                        () -> RateEstimator.withDefaults().with(method).estimate(Tally.of(n - 1, n)));
            }
            // the limit itself is supported
            Interval atLimit = method.interval(1L << 52, 1L << 53, 0.95);
            assertTrue(atLimit.lower() < 0.5 && atLimit.upper() > 0.5, method + " " + atLimit);
        }
    }

    @Test
    void confidenceLevelsOutsideTheRangeAreRefusedWithTheRange() {
        for (IntervalMethod method : IntervalMethod.values()) {
            for (double level : new double[] {1e-16, 1e-7, 1 - 1e-10, 1 - 1e-15, 0, 1, Double.NaN}) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> method.interval(188, 202, level));
                assertTrue(e.getMessage().startsWith("confidence (") && e.getMessage().contains("0.000001")
                        && e.getMessage().contains("0.999999999"), e.getMessage());
            }
            // one-sided bounds: 0.5 to 1 - 1e-9
            assertThrows(IllegalArgumentException.class, () -> method.lowerBound(188, 202, 0.4));
            assertThrows(IllegalArgumentException.class, () -> method.upperBound(188, 202, 1 - 1e-10));
            assertTrue(method.lowerBound(188, 202, 0.5) <= method.upperBound(188, 202, 0.5), method.token());
        }
    }

    @Test
    void oneSidedBoundsAtTheEdgesOfTheirRangeAreTwoSidedBoundsAtTwiceTheTail() {
        // A one-sided bound at c is the two-sided bound at 2c - 1 (tail 1 - c): rows of the
        // extended file at 0.999999999 (tail 5e-10) and 0.000001 (tail 0.4999995) give the
        // one-sided bounds at 0.9999999995 (beyond the one-sided range) and 0.5000005.
        for (Row row : ROWS) {
            if (!row.text("confidence").equals("0.000001")) {
                continue;
            }
            IntervalMethod method = Token.parse(IntervalMethod.class, "method", row.text("method"));
            long x = row.whole("recorded");
            long n = row.whole("audited");
            double lower = method.lowerBound(x, n, 0.5000005);
            double upper = method.upperBound(x, n, 0.5000005);
            // 1 - 0.5000005 = 0.4999995 up to one rounding of 0.5000005 (5.6e-17), which moves a
            // bound by at most 5.6e-17 / density: far inside the tolerance at these counts
            assertTrue(ReferenceData.boundWithin(row.number("lower"), lower), row.where() + " lower " + lower);
            assertTrue(ReferenceData.boundWithin(row.number("upper"), upper), row.where() + " upper " + upper);
        }
    }
}
