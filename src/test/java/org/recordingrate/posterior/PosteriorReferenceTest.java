package org.recordingrate.posterior;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.recordingrate.error.ArgumentException;
import org.recordingrate.model.Tally;

/**
 * Beta posteriors and the change between two against independent computations:
 * <ul>
 *   <li>{@code src/test/resources/posterior/beta-posterior.csv}, made with 30-digit arithmetic by
 *       {@code make-posterior-reference.py} (mpmath 1.3.0: bisection and the Illinois method on mpmath's
 *       incomplete beta for the quantiles and the highest-density interval);</li>
 *   <li>{@code beta-change.csv}, made by {@code make-change-reference.py} (scipy 1.17.1: QUADPACK's adaptive
 *       Gauss-Kronrod quadrature to 1e-14 with Cephes' incomplete beta, Brent's method for the bounds);</li>
 *   <li>for whole-number shapes, P(after &gt; before) in exact rational arithmetic by the finite sum of
 *       Miller (2015, "Formulas for Bayesian A/B testing", evanmiller.org):
 *       sum<sub>i=0</sub><sup>a<sub>B</sub>-1</sup> B(a<sub>A</sub> + i, b<sub>A</sub> + b<sub>B</sub>) / ((b<sub>B</sub>
 *       + i) B(1 + i, b<sub>B</sub>) B(a<sub>A</sub>, b<sub>A</sub>)), A before and B after.</li>
 * </ul>
 */
class PosteriorReferenceTest {

    static List<CSVRecord> read(String file) throws IOException {
        try (Reader in = new InputStreamReader(PosteriorReferenceTest.class.getResourceAsStream("/posterior/" + file),
                StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in).getRecords();
        }
    }

    static Prior prior(String text) {
        return Prior.parse(text.replace(' ', ','));
    }

    @Test
    void betaPosterior_matchesMpmath() throws IOException {
        List<CSVRecord> rows = read("beta-posterior.csv");
        assertEquals(11, rows.size());
        for (CSVRecord row : rows) {
            Tally tally = Tally.of(Long.parseLong(row.get("recorded")), Long.parseLong(row.get("audited")));
            double level = Double.parseDouble(row.get("credibility"));
            BetaPosterior p = BayesEstimator.withDefaults().with(prior(row.get("prior"))).withCredibility(level)
                    .estimate(tally);
            String where = row.toString();
            assertEquals(Double.parseDouble(row.get("mean")), p.mean(), 1e-15, where);
            assertEquals(Double.parseDouble(row.get("lower")), p.lower(), 1e-13, where);
            assertEquals(Double.parseDouble(row.get("upper")), p.upper(), 1e-13, where);
            // the highest-density interval is found by bisection on a tail probability: ends to 1e-11
            assertEquals(Double.parseDouble(row.get("hpd_lower")), p.hpdLower(), 1e-11, where);
            assertEquals(Double.parseDouble(row.get("hpd_upper")), p.hpdUpper(), 1e-11, where);
        }
    }

    @Test
    void highestDensityInterval_isOpenWhereTheDensityIsMonotone() {
        BetaPosterior all = BayesEstimator.of(132, 132);
        assertEquals(1.0, all.hpdUpper());
        assertTrue(all.monotone());
        assertTrue(all.notes().get(0).contains("ends at 100%"));
        BetaPosterior none = BayesEstimator.of(0, 5);
        assertEquals(0.0, none.hpdLower());
        assertTrue(none.notes().get(0).contains("starts at 0%"));
        BetaPosterior inside = BayesEstimator.of(188, 202);
        assertTrue(inside.notes().isEmpty());
        // equal density at both ends, and the level between them
        double a = inside.a();
        double b = inside.b();
        assertEquals(BetaMath.logDensity(inside.hpdLower(), a, b), BetaMath.logDensity(inside.hpdUpper(), a, b), 1e-9);
        assertEquals(0.95, org.recordingrate.internal.Beta.regularized(inside.hpdUpper(), a, b)
                - org.recordingrate.internal.Beta.regularized(inside.hpdLower(), a, b), 1e-13);
        assertTrue(inside.hpdUpper() - inside.hpdLower() < inside.upper() - inside.lower());
    }

    @Test
    void change_matchesAdaptiveQuadrature() throws IOException {
        List<CSVRecord> rows = read("beta-change.csv");
        assertEquals(9, rows.size());
        for (CSVRecord row : rows) {
            Tally before = Tally.of(Long.parseLong(row.get("recorded_before")), Long.parseLong(row.get("audited_before")));
            Tally after = Tally.of(Long.parseLong(row.get("recorded_after")), Long.parseLong(row.get("audited_after")));
            double level = Double.parseDouble(row.get("credibility"));
            PosteriorChange change = BayesEstimator.withDefaults().with(prior(row.get("prior"))).withCredibility(level)
                    .compare(before, after);
            String where = row.toString();
            assertEquals(Double.parseDouble(row.get("p_improvement")), change.probabilityImproved(), 1e-11, where);
            assertEquals(Double.parseDouble(row.get("difference_lower")), change.lower(), 1e-10, where);
            assertEquals(Double.parseDouble(row.get("difference_upper")), change.upper(), 1e-10, where);
        }
    }

    /** P(after &gt; before) for whole-number shapes, in exact rationals (class comment). */
    static double millerSum(long aBefore, long bBefore, long aAfter, long bAfter) {
        // each term a ratio of whole numbers, divided once at 60 digits (a relative error of 1e-60 per term)
        java.math.MathContext digits = new java.math.MathContext(60);
        java.math.BigDecimal sum = java.math.BigDecimal.ZERO;
        for (long i = 0; i < aAfter; i++) {
            BigInteger[] top = beta(aBefore + i, bBefore + bAfter);
            BigInteger[] one = beta(1 + i, bAfter);
            BigInteger[] two = beta(aBefore, bBefore);
            BigInteger numerator = top[0].multiply(one[1]).multiply(two[1]);
            BigInteger denominator = top[1].multiply(one[0]).multiply(two[0]).multiply(BigInteger.valueOf(bAfter + i));
            sum = sum.add(new java.math.BigDecimal(numerator).divide(new java.math.BigDecimal(denominator), digits));
        }
        return sum.doubleValue();
    }

    /** B(m, n) = (m - 1)! (n - 1)! / (m + n - 1)! for whole m, n &ge; 1, as {numerator, denominator}. */
    static BigInteger[] beta(long m, long n) {
        return new BigInteger[] {factorial(m - 1).multiply(factorial(n - 1)), factorial(m + n - 1)};
    }

    private static final java.util.List<BigInteger> FACTORIALS = new java.util.ArrayList<>(List.of(BigInteger.ONE));

    static synchronized BigInteger factorial(long k) {
        while (FACTORIALS.size() <= k) {
            FACTORIALS.add(FACTORIALS.get(FACTORIALS.size() - 1).multiply(BigInteger.valueOf(FACTORIALS.size())));
        }
        return FACTORIALS.get((int) k);
    }

    @Test
    void probabilityImproved_equalsTheExactFiniteSum_forWholeShapes() {
        long[][] cases = {{3, 10, 7, 10}, {40, 50, 41, 50}, {180, 202, 131, 132}, {512, 640, 188, 202}, {0, 5, 2, 5},
            {5, 5, 0, 5}, {7, 9, 7, 9}, {90, 100, 85, 100}};
        for (long[] c : cases) {
            // uniform prior: shapes x + 1 and n - x + 1
            double expected = millerSum(c[0] + 1, c[1] - c[0] + 1, c[2] + 1, c[3] - c[2] + 1);
            // the quadrature behind PosteriorChange.probabilityImproved(), without the interval's root finding
            double computed = new BetaMath.Difference(c[0] + 1, c[1] - c[0] + 1, c[2] + 1, c[3] - c[2] + 1)
                    .probability(0, true);
            assertEquals(expected, computed, 1e-12, java.util.Arrays.toString(c));
        }
        // and with a prior of whole shapes other than 1
        double expected = millerSum(2 + 20, 3 + 5, 2 + 200, 3 + 50);
        PosteriorChange change = BayesEstimator.withDefaults().with(Prior.of(2, 3))
                .compare(Tally.of(20, 25), Tally.of(200, 250));
        assertEquals(expected, change.probabilityImproved(), 1e-12);
    }

    @Test
    void change_meanAndSd_areExact_andTheIntervalHoldsTheLevel() {
        PosteriorChange change = BayesEstimator.change(Tally.of(512, 640), Tally.of(188, 202));
        double meanBefore = 512.5 / 641;
        double meanAfter = 188.5 / 203;
        assertEquals(meanAfter - meanBefore, change.difference(), 1e-15);
        double varBefore = 512.5 * 128.5 / (641.0 * 641 * 642);
        double varAfter = 188.5 * 14.5 / (203.0 * 203 * 204);
        assertEquals(Math.sqrt(varBefore + varAfter), change.standardDeviation(), 1e-15);
        assertTrue(change.lower() < change.difference() && change.difference() < change.upper());
        assertEquals(1 - change.probabilityImproved(), change.probabilityDeteriorated(), 0);
        assertTrue(change.sentence().startsWith("The probability that the later recording rate is the higher is more"
                + " than 99.9%"), change.sentence());
    }

    @Test
    void priors_parseByNameOrShapes_andRefuseTheRest() {
        assertEquals(Prior.JEFFREYS, Prior.parse("jeffreys"));
        assertEquals(Prior.UNIFORM, Prior.parse(" Uniform "));
        assertEquals(Prior.UNIFORM, Prior.parse("flat"));
        assertEquals(Prior.of(2, 1), Prior.parse("2,1"));
        assertEquals(Prior.of(0.5, 0.25), Prior.parse("0.5, 0.25"));
        assertEquals("2,1", Prior.of(2, 1).token());
        assertEquals("jeffreys", Prior.of(0.5, 0.5).token());
        for (String bad : new String[] {"haldane", "0,1", "1,-2", "1,2,3", "a,b", "1e400,1", ",", "", "NaN,1"}) {
            ArgumentException e = assertThrows(ArgumentException.class, () -> Prior.parse(bad), bad);
            assertEquals("prior", e.argument(), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> Prior.parse(null));
        assertThrows(IllegalArgumentException.class, () -> BayesEstimator.withDefaults().withCredibility(95));
        assertThrows(IllegalArgumentException.class, () -> BayesEstimator.withDefaults().estimate((Tally) null));
    }

    @Test
    void resultsPrintOneLineInPercent_andTheirTablesCarryTheColumnsAndNotes() {
        BetaPosterior p = BayesEstimator.of(188, 202);
        assertEquals("92.9% (95% credible 88.9% to 96.0%, highest density 89.3% to 96.2%; Jeffreys prior, 188 of 202)",
                p.toString());
        assertEquals(List.of("recorded", "audited", "prior", "credibility", "shape_a", "shape_b", "mean", "sd", "lower",
                "upper", "hpd_lower", "hpd_upper"), BetaPosterior.COLUMNS.names());
        java.io.StringWriter csv = new java.io.StringWriter();
        BayesEstimator.of(132, 132).table().writeCsv(csv);
        assertTrue(csv.toString().contains("ends at 100%"), csv.toString());
        PosteriorChange change = BayesEstimator.change(Tally.of(50, 60), Tally.of(45, 60));
        assertTrue(change.toString().startsWith("-8.2 points (95% credible"), change.toString());
        assertTrue(change.summary().contains("P(later higher)"));
    }

    /** JShell shows results on one line: every result's {@code toString()} is a single line in percent. */
    @Test
    void everyResultPrintsOneLine() {
        List<Object> results = List.of(BayesEstimator.of(188, 202), BayesEstimator.of(132, 132),
                BayesEstimator.change(Tally.of(512, 640), Tally.of(188, 202)),
                BayesEstimator.withDefaults().withReplicates(1000).estimate(org.recordingrate.model.Inspection
                        .builder("A").category("violence", 180, 202, 25_000).build()),
                BayesEstimator.withDefaults().acrossTallies(java.util.Map.of("A", Tally.of(180, 202), "B",
                        Tally.of(90, 100))),
                BayesEstimator.withDefaults(), Prior.JEFFREYS, Prior.of(2, 1));
        for (Object result : results) {
            String line = result.toString();
            assertTrue(!line.contains("\n") && line.length() < 200, line);
        }
        assertEquals("Jeffreys Beta(0.5, 0.5)", Prior.JEFFREYS.toString());
        assertEquals("Beta(2, 1)", Prior.of(2, 1).toString());
    }
}
