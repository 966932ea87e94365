package org.recordingrate.compare;

import org.recordingrate.model.Token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.recordingrate.model.Tally;
import org.recordingrate.internal.Normal;

/**
 * The public API: every test row of {@code reference/two-proportion.csv}, hand formulas for the
 * asymptotic tests, edge tables, one-sided consistency and argument checking.
 */
class ChangeTestTest {

    private static final String REFERENCE = "/reference/two-proportion.csv";

    /** One test row of the reference file, with its line number for failure messages. */
    record ReferenceRow(long line, Tally before, Tally after, ChangeTest test, String statistic, double pValue) {
        @Override
        public String toString() {
            return "line " + line + ": " + test.token() + " before " + before + ", after " + after;
        }
    }

    static Stream<ReferenceRow> referenceRows() throws IOException {
        Set<String> tokens = Set.of("z_pooled", "z_unpooled", "chisq_yates", "fisher_exact", "fisher_mid_p",
                "barnard", "boschloo");
        List<ReferenceRow> rows = new ArrayList<>();
        try (InputStream in = ChangeTestTest.class.getResourceAsStream(REFERENCE)) {
            assertTrue(in != null, REFERENCE + " must be on the test class path");
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                    .parse(reader)) {
                if (!tokens.contains(record.get("method"))) {
                    continue;
                }
                rows.add(new ReferenceRow(record.getRecordNumber() + 1,
                        Tally.of(Long.parseLong(record.get("recorded_before")), Long.parseLong(record.get("audited_before"))),
                        Tally.of(Long.parseLong(record.get("recorded_after")), Long.parseLong(record.get("audited_after"))),
                        Token.parse(ChangeTest.class, "test", record.get("method")),
                        record.get("statistic"),
                        Double.parseDouble(record.get("p_value"))));
            }
        }
        return rows.stream();
    }

    @Test
    void referenceFileHasRowsForEveryTestWithReferenceValues() throws IOException {
        Set<ChangeTest> seen = EnumSet.noneOf(ChangeTest.class);
        referenceRows().forEach(row -> seen.add(row.test()));
        assertEquals(EnumSet.complementOf(EnumSet.of(ChangeTest.FISHER_MID_P)), seen,
                "tests with rows in " + REFERENCE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("referenceRows")
    void reproducesReferenceRow(ReferenceRow row) {
        TestResult result = row.test().test(row.before(), row.after(), Alternative.TWO_SIDED);
        String where = REFERENCE + " " + row;
        double pTolerance = Math.max(1e-9, 1e-6 * Math.abs(row.pValue()));
        assertEquals(row.pValue(), result.pValue(), pTolerance, "p-value, " + where);
        if (row.statistic().isEmpty()) {
            assertTrue(result.statistic().isEmpty(), "no statistic expected, " + where);
        } else {
            double expected = Double.parseDouble(row.statistic());
            assertEquals(expected, result.statistic().orElse(Double.NaN), Math.max(1e-9, 1e-9 * Math.abs(expected)), "statistic, " + where);
        }
        assertSame(row.test(), result.test());
        assertSame(Alternative.TWO_SIDED, result.alternative());
    }

    static Stream<Arguments> tablesForFormulas() {
        return Stream.of(
                Arguments.of(48, 80, 56, 70), Arguments.of(3, 10, 9, 10), Arguments.of(512, 640, 188, 202),
                Arguments.of(7, 34, 1, 34), Arguments.of(1, 3, 2, 5), Arguments.of(905, 1000, 880, 1000),
                Arguments.of(123456, 200000, 61000, 100000));
    }

    @ParameterizedTest
    @MethodSource("tablesForFormulas")
    void zTestsMatchHandFormulas(int xb, int nb, int xa, int na) {
        Tally before = Tally.of(xb, nb);
        Tally after = Tally.of(xa, na);
        double pa = (double) xa / na;
        double pb = (double) xb / nb;
        double pooled = (double) (xa + xb) / (na + nb);
        double zPooled = (pa - pb) / Math.sqrt(pooled * (1 - pooled) * (1.0 / na + 1.0 / nb));
        double zUnpooled = (pa - pb) / Math.sqrt(pa * (1 - pa) / na + pb * (1 - pb) / nb);
        TestResult p = ChangeTest.Z_POOLED.test(before, after, Alternative.TWO_SIDED);
        TestResult u = ChangeTest.Z_UNPOOLED.test(before, after, Alternative.TWO_SIDED);
        assertEquals(zPooled, p.statistic().orElse(Double.NaN), 1e-12 * Math.max(1, Math.abs(zPooled)));
        assertEquals(zUnpooled, u.statistic().orElse(Double.NaN), 1e-12 * Math.max(1, Math.abs(zUnpooled)));
        assertEquals(2 * Normal.cdf(-Math.abs(zPooled)), p.pValue(), 1e-12 * p.pValue() + 1e-300);
        assertEquals(2 * Normal.cdf(-Math.abs(zUnpooled)), u.pValue(), 1e-12 * u.pValue() + 1e-300);
        assertEquals(Normal.upperTail(zPooled),
                ChangeTest.Z_POOLED.test(before, after, Alternative.IMPROVED).pValue(), 1e-13);
        assertEquals(Normal.cdf(zUnpooled),
                ChangeTest.Z_UNPOOLED.test(before, after, Alternative.DETERIORATED).pValue(), 1e-13);
    }

    @ParameterizedTest
    @MethodSource("tablesForFormulas")
    void yatesMatchesPropTestFormula(int xb, int nb, int xa, int na) {
        // prop.test: X^2 = sum over cells (|O - E| - YATES)^2 / E, YATES = min(0.5, |DELTA| / sum(1/n))
        double[] observed = {xa, na - xa, xb, nb - xb};
        double p = (double) (xa + xb) / (na + nb);
        double[] expected = {na * p, na * (1 - p), nb * p, nb * (1 - p)};
        double delta = (double) xa / na - (double) xb / nb;
        double yates = Math.min(0.5, Math.abs(delta) / (1.0 / na + 1.0 / nb));
        double chiSquare = 0;
        for (int cell = 0; cell < 4; cell++) {
            double excess = Math.abs(observed[cell] - expected[cell]) - yates;
            chiSquare += excess * excess / expected[cell];
        }
        Tally before = Tally.of(xb, nb);
        Tally after = Tally.of(xa, na);
        TestResult twoSided = ChangeTest.CHISQ_YATES.test(before, after, Alternative.TWO_SIDED);
        assertEquals(chiSquare, twoSided.statistic().orElse(Double.NaN), 1e-9 * Math.max(1, chiSquare));
        assertEquals(Normal.twoSidedTail(Math.sqrt(chiSquare)), twoSided.pValue(), 1e-9 * twoSided.pValue());
        double z = Math.signum(delta) * Math.sqrt(chiSquare);
        assertEquals(Normal.upperTail(z), ChangeTest.CHISQ_YATES.test(before, after, Alternative.IMPROVED).pValue(),
                1e-9);
        assertEquals(Normal.cdf(z), ChangeTest.CHISQ_YATES.test(before, after, Alternative.DETERIORATED).pValue(),
                1e-9);
    }

    @ParameterizedTest
    @EnumSource(value = ChangeTest.class, names = {"Z_POOLED", "Z_UNPOOLED", "CHISQ_YATES"})
    void twoSidedNormalPValueIsTwiceTheSmallerOneSided(ChangeTest test) {
        for (int[] t : new int[][] {{48, 80, 56, 70}, {205, 220, 178, 200}, {1, 30, 0, 30}, {4, 9, 4, 9}}) {
            Tally before = Tally.of(t[0], t[1]);
            Tally after = Tally.of(t[2], t[3]);
            double improved = test.test(before, after, Alternative.IMPROVED).pValue();
            double deteriorated = test.test(before, after, Alternative.DETERIORATED).pValue();
            assertEquals(1, improved + deteriorated, 1e-15, test + " one-sided p-values add to 1");
            assertEquals(Math.min(1, 2 * Math.min(improved, deteriorated)),
                    test.test(before, after, Alternative.TWO_SIDED).pValue(), 1e-15, test.token());
        }
    }

    @ParameterizedTest
    @EnumSource(ChangeTest.class)
    void edgeTablesGiveNumbersNotNaNOrExceptions(ChangeTest test) {
        int[][] tables = {{0, 10, 10, 10}, {10, 10, 0, 10}, {10, 10, 10, 10}, {0, 5, 0, 5}, {0, 1, 1, 1},
            {1, 1, 0, 1}, {0, 1, 0, 1}, {1, 1, 1, 1}, {0, 20, 0, 10}, {0, 1, 5, 5}};
        for (int[] t : tables) {
            for (Alternative alternative : Alternative.values()) {
                TestResult result = test.test(Tally.of(t[0], t[1]), Tally.of(t[2], t[3]), alternative);
                String where = test.token() + " " + alternative.token() + " " + t[0] + "/" + t[1] + " -> " + t[2] + "/" + t[3];
                assertTrue(result.pValue() >= 0 && result.pValue() <= 1, where + ": p = " + result.pValue());
                boolean fisher = test == ChangeTest.FISHER_EXACT || test == ChangeTest.FISHER_MID_P;
                assertEquals(fisher, Double.isNaN(result.statistic().orElse(Double.NaN)), where + ": statistic " + result.statistic().orElse(Double.NaN));
            }
        }
    }

    @Test
    void unpooledZWithZeroVarianceIsInfiniteInTheDirectionOfTheChange() {
        Tally none = Tally.of(0, 10);
        Tally all = Tally.of(10, 10);
        TestResult up = ChangeTest.Z_UNPOOLED.test(none, all, Alternative.TWO_SIDED);
        assertEquals(Double.POSITIVE_INFINITY, up.statistic().orElse(Double.NaN));
        assertEquals(0, up.pValue());
        assertEquals(0, ChangeTest.Z_UNPOOLED.test(none, all, Alternative.IMPROVED).pValue());
        assertEquals(1, ChangeTest.Z_UNPOOLED.test(none, all, Alternative.DETERIORATED).pValue());
        TestResult down = ChangeTest.Z_UNPOOLED.test(all, none, Alternative.TWO_SIDED);
        assertEquals(Double.NEGATIVE_INFINITY, down.statistic().orElse(Double.NaN));
        assertEquals(0, down.pValue());
        TestResult same = ChangeTest.Z_UNPOOLED.test(all, Tally.of(5, 5), Alternative.TWO_SIDED);
        assertEquals(0, same.statistic().orElse(Double.NaN));
        assertEquals(1, same.pValue());
    }

    @Test
    void zeroPooledVarianceGivesNoEvidence() {
        for (ChangeTest test : EnumSet.of(ChangeTest.Z_POOLED, ChangeTest.CHISQ_YATES, ChangeTest.BARNARD)) {
            for (Tally[] pair : new Tally[][] {{Tally.of(0, 5), Tally.of(0, 5)}, {Tally.of(10, 10), Tally.of(7, 7)}}) {
                TestResult result = test.test(pair[0], pair[1], Alternative.TWO_SIDED);
                assertEquals(0, result.statistic().orElse(Double.NaN), test.token());
                assertEquals(1, result.pValue(), test.token());
            }
        }
        // one-sided: z = 0 sits at the median
        assertEquals(0.5, ChangeTest.Z_POOLED.test(Tally.of(0, 5), Tally.of(0, 5), Alternative.IMPROVED).pValue());
        assertEquals(0.5, ChangeTest.CHISQ_YATES.test(Tally.of(0, 5), Tally.of(0, 5), Alternative.DETERIORATED).pValue());
    }

    @Test
    void singleTableMarginsGiveFisherOneAndMidPOneHalf() {
        Tally none = Tally.of(0, 4);
        for (Alternative alternative : Alternative.values()) {
            assertEquals(1, ChangeTest.FISHER_EXACT.test(none, Tally.of(0, 6), alternative).pValue());
            assertEquals(0.5, ChangeTest.FISHER_MID_P.test(none, Tally.of(0, 6), alternative).pValue());
        }
    }

    @Test
    void yatesCorrectionNeverOvershoots() {
        // |D|/N = 0.5 exactly: R's YATES = min(0.5, 0.5) leaves X^2 = 0, p = 1
        TestResult result = ChangeTest.CHISQ_YATES.test(Tally.of(0, 1), Tally.of(1, 1), Alternative.IMPROVED);
        assertEquals(0, result.statistic().orElse(Double.NaN));
        assertEquals(0.5, result.pValue());
    }

    @Test
    void barnardTwoSidedIsAtLeastItsOneSidedInTheDirectionOfTheChange() {
        for (int[] t : new int[][] {{3, 10, 9, 10}, {12, 30, 5, 25}, {0, 6, 2, 4}}) {
            Tally before = Tally.of(t[0], t[1]);
            Tally after = Tally.of(t[2], t[3]);
            TestResult twoSided = ChangeTest.BARNARD.test(before, after, Alternative.TWO_SIDED);
            Alternative direction = twoSided.statistic().orElse(Double.NaN) > 0 ? Alternative.IMPROVED : Alternative.DETERIORATED;
            TestResult oneSided = ChangeTest.BARNARD.test(before, after, direction);
            assertTrue(twoSided.pValue() >= oneSided.pValue() - 1e-15, twoSided + " vs " + oneSided);
            assertTrue(oneSided.pValue() >= twoSided.pValue() / 2 - 1e-15, twoSided + " vs " + oneSided);
            assertEquals(twoSided.statistic().orElse(Double.NaN), oneSided.statistic().orElse(Double.NaN));
        }
    }

    @Test
    void boschlooTwoSidedIsTwiceTheSmallerOneSidedWithItsStatistic() {
        for (int[] t : new int[][] {{3, 10, 9, 10}, {12, 30, 5, 25}, {1, 30, 0, 30}, {4, 8, 4, 8}}) {
            Tally before = Tally.of(t[0], t[1]);
            Tally after = Tally.of(t[2], t[3]);
            TestResult improved = ChangeTest.BOSCHLOO.test(before, after, Alternative.IMPROVED);
            TestResult deteriorated = ChangeTest.BOSCHLOO.test(before, after, Alternative.DETERIORATED);
            TestResult twoSided = ChangeTest.BOSCHLOO.test(before, after, Alternative.TWO_SIDED);
            TestResult smaller = deteriorated.pValue() < improved.pValue() ? deteriorated : improved;
            assertEquals(Math.min(1, 2 * smaller.pValue()), twoSided.pValue(), 1e-15);
            assertEquals(smaller.statistic().orElse(Double.NaN), twoSided.statistic().orElse(Double.NaN));
            assertEquals(ChangeTest.FISHER_EXACT.test(before, after, Alternative.IMPROVED).pValue(),
                    improved.statistic().orElse(Double.NaN), 1e-15);
            assertEquals(ChangeTest.FISHER_EXACT.test(before, after, Alternative.DETERIORATED).pValue(),
                    deteriorated.statistic().orElse(Double.NaN), 1e-15);
            // Boschloo is never less powerful than Fisher's one-sided test
            assertTrue(improved.pValue() <= improved.statistic().orElse(Double.NaN) + 1e-15, improved.toString());
            assertTrue(deteriorated.pValue() <= deteriorated.statistic().orElse(Double.NaN) + 1e-15, deteriorated.toString());
        }
    }

    @Test
    void tokensRoundTripIgnoringCaseAndDashes() {
        for (ChangeTest test : ChangeTest.values()) {
            assertSame(test, Token.parse(ChangeTest.class, "test", test.token()));
            assertSame(test, Token.parse(ChangeTest.class, "test", " " + test.token().toUpperCase().replace('_', '-') + " "));
            assertEquals(test.name().toLowerCase(), test.token());
            assertFalse(test.displayName().isBlank());
        }
    }

    @Test
    void unknownTokenIsRejectedWithTheValueAndTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Token.parse(ChangeTest.class, "test", "t_test"));
        assertTrue(e.getMessage().startsWith("test ('t_test')"), e.getMessage());
        for (ChangeTest test : ChangeTest.values()) {
            assertTrue(e.getMessage().contains(test.token()), e.getMessage());
        }
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> Token.parse(ChangeTest.class, "test", null));
        assertTrue(missing.getMessage().startsWith("test (null)"), missing.getMessage());
    }

    @ParameterizedTest
    @EnumSource(ChangeTest.class)
    void nullArgumentsAreRejectedByName(ChangeTest test) {
        Tally tally = Tally.of(3, 10);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> test.test(null, tally, Alternative.TWO_SIDED))
                .getMessage().startsWith("before"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> test.test(tally, null, Alternative.TWO_SIDED))
                .getMessage().startsWith("after"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> test.test(tally, tally, null))
                .getMessage().startsWith("alternative"));
    }

    @Test
    void unconditionalTestsRefuseTablesTooManyToEnumerate() {
        Tally big = Tally.of(40000, 50000);
        for (ChangeTest test : EnumSet.of(ChangeTest.BARNARD, ChangeTest.BOSCHLOO)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> test.test(big, big, Alternative.TWO_SIDED));
            assertTrue(e.getMessage().startsWith("audited (before 50000, after 50000)"), e.getMessage());
            // few tables, but too many audited in all for the nuisance grid
            IllegalArgumentException unbalanced = assertThrows(IllegalArgumentException.class,
                    () -> test.test(Tally.of(3, 200_000), Tally.of(1, 1), Alternative.TWO_SIDED));
            assertTrue(unbalanced.getMessage().startsWith("audited (before 200000, after 1)"), unbalanced.getMessage());
        }
    }

    @Test
    void resultSummarisesItselfAndDecidesSignificance() {
        TestResult fisher = ChangeTest.FISHER_EXACT.test(Tally.of(48, 80), Tally.of(56, 70), Alternative.TWO_SIDED);
        assertEquals("Fisher's exact test, two-sided: p = 0.0125", fisher.toString());
        TestResult z = ChangeTest.Z_POOLED.test(Tally.of(48, 80), Tally.of(56, 70), Alternative.IMPROVED);
        assertEquals("z-test (pooled variance), improved: z = 2.65, p = 0.00402", z.toString());
        assertTrue(fisher.significantAt(0.05));
        assertFalse(fisher.significantAt(0.01));
        assertTrue(fisher.significantAt(fisher.pValue()), "p <= alpha rejects");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> fisher.significantAt(1.5));
        assertTrue(e.getMessage().startsWith("significance (1.5)"), e.getMessage());
    }

    @Test
    void resultRejectsInvalidParts() {
        assertThrows(IllegalArgumentException.class, () -> new TestResult(null, Alternative.TWO_SIDED, 0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new TestResult(ChangeTest.BARNARD, null, 0, 0.5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TestResult(ChangeTest.BARNARD, Alternative.TWO_SIDED, 0, Double.NaN));
        assertTrue(e.getMessage().startsWith("pValue (NaN)"), e.getMessage());
    }
}
