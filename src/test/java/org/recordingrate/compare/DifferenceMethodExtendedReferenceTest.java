package org.recordingrate.compare;

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
 * Every change interval over the whole supported range against
 * {@code src/test/resources/reference-extended/two-proportion-extended.csv}: 80-digit mpmath values
 * written by {@code reference-extended/make_extended_reference.py} (Miettinen-Nurminen by direct
 * maximisation of the constrained likelihood, not by our cubic), for groups of 1 to 2<sup>53</sup>
 * audited each (equal and unequal sizes), rates at 0, 1/n, 1/2, 1 - 1/n and 1 in each group, and
 * confidence levels 10<sup>-6</sup>, 0.5, 0.95, 0.999999 and 1 - 10<sup>-9</sup>. Tolerance: the
 * strict rule of {@link ReferenceData#boundWithin} (1e-7 relative below 1e-3, else 1e-9 absolute).
 */
class DifferenceMethodExtendedReferenceTest {

    private static final String FILE = "two-proportion-extended.csv";
    private static final List<Row> ROWS = ReferenceData.rows("reference-extended", FILE);

    @TestFactory
    Stream<DynamicTest> everyRowOfEveryMethod() {
        // the exact unconditional interval enumerates tables (at most 5,000 audited): checked against SAS,
        // StatXact and brute force in ExactUnconditionalIntervalTest instead; wald_cc (R's prop.test) against R's own
        // prop.test in WaldContinuityCorrectionTest (prop-test-intervals.csv), not in this statsmodels file
        return Stream.of(DifferenceMethod.values())
                .filter(m -> m != DifferenceMethod.EXACT_UNCONDITIONAL && m != DifferenceMethod.WALD_CC)
                .map(method -> DynamicTest.dynamicTest(method.token(), () -> {
            List<Row> rows = ROWS.stream().filter(r -> r.text("method").equals(method.token())).toList();
            assertTrue(rows.size() > 1000, method + ": " + rows.size() + " rows");
            List<String> failures = new ArrayList<>();
            double worst = 0;
            String worstRow = "";
            for (Row row : rows) {
                Tally before = new Tally(row.whole("recorded_before"), row.whole("audited_before"));
                Tally after = new Tally(row.whole("recorded_after"), row.whole("audited_after"));
                Interval interval = method.interval(before, after, row.number("confidence"));
                double[][] pairs = {{row.number("lower"), interval.lower()}, {row.number("upper"), interval.upper()}};
                for (int i = 0; i < 2; i++) {
                    double error = ReferenceData.boundError(pairs[i][0], pairs[i][1]);
                    if (!(error <= worst)) {
                        worst = error;
                        worstRow = row.where() + (i == 0 ? " lower " : " upper ") + pairs[i][1];
                    }
                    if (!ReferenceData.boundWithin(pairs[i][0], pairs[i][1])) {
                        failures.add(String.format(Locale.ROOT, "line %d: %s -> %s at %s: %s %s want %s", row.line(),
                                before, after, row.text("confidence"), i == 0 ? "lower" : "upper", pairs[i][1],
                                pairs[i][0]));
                    }
                }
            }
            String summary = method + ": " + failures.size() + " of " + 2 * rows.size() + " bounds off " + FILE
                    + "; largest error " + worst + " x tolerance at " + worstRow + "\n"
                    + failures.stream().limit(25).collect(Collectors.joining("\n"));
            assertTrue(failures.isEmpty(), summary);
        }));
    }

    @Test
    void theGridCoversTheSupportedRange() {
        Set<Long> sizes = ROWS.stream().map(r -> r.whole("audited_after")).collect(Collectors.toSet());
        assertTrue(sizes.containsAll(List.of(1L, 100_000_000L, 1_000_000_000_000_000L, (1L << 53) - 1, 1L << 53)),
                "sizes " + sizes);
        Set<Double> levels = ROWS.stream().map(r -> r.number("confidence")).collect(Collectors.toSet());
        assertTrue(levels.containsAll(List.of(1e-6, 0.5, 0.95, 0.999999, 1 - 1e-9)), "levels " + levels);
    }

    @Test
    void theIssuesExampleIsSymmetricAndRight() {
        // 99999999 of 10^8 against the same at 95%: +/-4.73706e-8 (extended file; the cubic in
        // double precision gave [-5.02e-8, 5.13e-8])
        Tally t = Tally.of(99_999_999, 100_000_000);
        Row row = ROWS.stream().filter(r -> r.text("method").equals("miettinen_nurminen")
                && r.whole("recorded_before") == 99_999_999 && r.whole("audited_before") == 100_000_000
                && r.whole("recorded_after") == 99_999_999 && r.whole("audited_after") == 100_000_000
                && r.text("confidence").equals("0.95")).findFirst().orElseThrow();
        Interval mn = DifferenceMethod.MIETTINEN_NURMINEN.interval(t, t, 0.95);
        assertTrue(ReferenceData.boundWithin(row.number("lower"), mn.lower()), row.where() + " " + mn);
        assertTrue(ReferenceData.boundWithin(row.number("upper"), mn.upper()), row.where() + " " + mn);
        assertEquals(-mn.lower(), mn.upper(), 1e-7 * mn.upper());
    }

    @Test
    void groupsAboveTwoToTheFiftyThreeAreRefusedWithTheLimit() {
        long n = (1L << 53) + 1;
        for (DifferenceMethod method : DifferenceMethod.values()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> method.interval(Tally.of(1, 10), Tally.of(n / 2, n), 0.95));
            assertTrue(e.getMessage().contains("audited after (" + n + ")") && e.getMessage().contains("2^53"),
                    e.getMessage());
            e = assertThrows(IllegalArgumentException.class,
                    () -> method.interval(Tally.of(Long.MAX_VALUE / 2, Long.MAX_VALUE), Tally.of(1, 10), 0.95));
            assertTrue(e.getMessage().contains("audited before (" + Long.MAX_VALUE + ")"), e.getMessage());
            for (double level : new double[] {1e-15, 1e-16, 1 - 1e-12}) {
                e = assertThrows(IllegalArgumentException.class,
                        () -> method.interval(Tally.of(188, 202), Tally.of(512, 640), level));
                assertTrue(e.getMessage().startsWith("confidence ("), e.getMessage());
            }
        }
    }
}
