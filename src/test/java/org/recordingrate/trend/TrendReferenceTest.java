package org.recordingrate.trend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.recordingrate.model.Tally;
import org.recordingrate.reproduce.PublishedFigure;

/**
 * The trend statistics against R. Every expected number comes from
 * {@code src/test/resources/trend/make-trend-reference.R} (R 4.2.2, metafor 3.8.1), whose output is
 * committed beside it:
 * <ul>
 *   <li>{@code trend-tallies.csv}: {@code prop.trend.test(x, n, score = time)} (chi_square, p_value),
 *       {@code prop.test(x, n)$statistic} minus it (the departure from a line, on k - 2 df), and the
 *       least-squares slope of every record's 0/1 outcome on its inspection's time ({@code lm(y ~ t)} on
 *       the expanded records);</li>
 *   <li>{@code trend-figures.csv}: {@code rma(yi, vi, mods = ~ time, method = "FE")} with yi = rate / 100
 *       and vi = (margin / 100 / qnorm(0.975))^2: {@code b[2], se[2], ci.lb[2], ci.ub[2], zval[2], pval[2],
 *       QE, QEp}.</li>
 * </ul>
 * For example, the first row of trend-tallies.csv is
 * {@code prop.trend.test(c(150, 171, 188), c(200, 205, 202), score = c(2014, 2017, 2022))}:
 * X-squared = 24.017462057856708, p-value = 9.5465954373044186e-07.
 */
class TrendReferenceTest {

    static List<CSVRecord> read(String file) throws IOException {
        try (Reader in = new InputStreamReader(TrendReferenceTest.class.getResourceAsStream("/trend/" + file),
                StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in).getRecords();
        }
    }

    static double[] numbers(String cell) {
        return Arrays.stream(cell.split(" ")).mapToDouble(Double::parseDouble).toArray();
    }

    /** Relative agreement, or absolute below 1e-300 (R's p-value underflows to 0 where ours does too). */
    static void close(double expected, double actual, double relative, String what) {
        double tolerance = Math.max(relative * Math.abs(expected), 1e-300);
        assertEquals(expected, actual, tolerance, what);
    }

    @Test
    void tallies_matchPropTrendTestAndTheRecordLevelLeastSquaresSlope() throws IOException {
        List<CSVRecord> rows = read("trend-tallies.csv");
        assertEquals(7, rows.size());
        for (CSVRecord row : rows) {
            double[] times = numbers(row.get("time"));
            double[] x = numbers(row.get("recorded"));
            double[] n = numbers(row.get("audited"));
            Tally[] tallies = new Tally[x.length];
            for (int i = 0; i < x.length; i++) {
                tallies[i] = Tally.of((long) x[i], (long) n[i]);
            }
            Trend trend = TrendAnalysis.of(times, tallies);
            String id = row.get("id");
            assertEquals(TrendMethod.COCHRAN_ARMITAGE, trend.method());
            close(Double.parseDouble(row.get("chi_square")), trend.chiSquare(), 1e-11, id + " chi_square");
            close(Double.parseDouble(row.get("p_value")), trend.pValue(), 1e-9, id + " p_value");
            assertEquals(trend.chiSquare(), trend.z() * trend.z(), 1e-9 * trend.chiSquare(), id + " z^2 = chi^2");
            assertEquals(Double.parseDouble(row.get("residual_chi_square")), trend.residualChiSquare(),
                    1e-9 * Double.parseDouble(row.get("homogeneity_chi_square")), id + " residual chi-square");
            close(Double.parseDouble(row.get("residual_p_value")), trend.residualPValue(), 1e-7, id + " residual p");
            assertEquals(x.length - 2, trend.residualDf());
            assertEquals(Double.parseDouble(row.get("slope_lm")), trend.slope(), 1e-12, id + " slope");
        }
    }

    @Test
    void figures_matchMetaforFixedEffectMetaRegression() throws IOException {
        List<CSVRecord> rows = read("trend-figures.csv");
        assertEquals(5, rows.size());
        for (CSVRecord row : rows) {
            double[] times = numbers(row.get("time"));
            String[] rates = row.get("rate").split(" ");
            String[] margins = row.get("margin").split(" ");
            PublishedFigure[] figures = new PublishedFigure[times.length];
            for (int i = 0; i < times.length; i++) {
                figures[i] = PublishedFigure.fromPercent(new java.math.BigDecimal(rates[i]),
                        new java.math.BigDecimal(margins[i]), 0.95);
            }
            Trend trend = TrendAnalysis.of(times, figures);
            String id = row.get("id");
            assertEquals(TrendMethod.FIXED_EFFECT, trend.method());
            close(Double.parseDouble(row.get("slope")), trend.slope(), 1e-10, id + " slope");
            close(Double.parseDouble(row.get("se")), trend.standardError(), 1e-10, id + " se");
            close(Double.parseDouble(row.get("lower")), trend.lower(), 1e-10, id + " lower");
            close(Double.parseDouble(row.get("upper")), trend.upper(), 1e-10, id + " upper");
            close(Double.parseDouble(row.get("z")), trend.z(), 1e-10, id + " z");
            // metafor's test of the moderator: QM = zval^2 on 1 df
            close(Math.pow(Double.parseDouble(row.get("z")), 2), trend.chiSquare(), 1e-9, id + " chi-square = zval^2");
            close(Double.parseDouble(row.get("p_value")), trend.pValue(), 1e-8, id + " p");
            // QE is a small difference of large weighted sums: absolute agreement on its scale
            assertEquals(Double.parseDouble(row.get("qe")), trend.residualChiSquare(), 1e-8, id + " QE");
            assertEquals(Double.parseDouble(row.get("qe_p_value")), trend.residualPValue(), 1e-8, id + " QEp");
        }
    }

    /**
     * The slope's standard error is the standard deviation of the estimator b when each inspection's
     * true rate is its observed rate: checked by enumerating every outcome (x1, x2, x3) of three small
     * binomials, computing b for each by its defining sum and the exact variance of b from the joint
     * probabilities. The same enumeration gives the fitted line's variance at any time.
     */
    @Test
    void slopeStandardError_isTheExactStandardDeviationOfTheSlope_byEnumeration() {
        double[] times = {2014, 2016.5, 2022};
        long[] n = {6, 9, 7};
        long[] observed = {2, 5, 6};
        Tally[] tallies = new Tally[3];
        for (int i = 0; i < 3; i++) {
            tallies[i] = Tally.of(observed[i], n[i]);
        }
        Trend trend = TrendAnalysis.of(times, tallies);
        double total = n[0] + n[1] + n[2];
        double tBar = (n[0] * times[0] + n[1] * times[1] + n[2] * times[2]) / total;
        double sxx = 0;
        for (int i = 0; i < 3; i++) {
            sxx += n[i] * (times[i] - tBar) * (times[i] - tBar);
        }
        double at = 2025;
        double mean = 0;
        double second = 0;
        double fittedMean = 0;
        double fittedSecond = 0;
        for (int a = 0; a <= n[0]; a++) {
            for (int b = 0; b <= n[1]; b++) {
                for (int c = 0; c <= n[2]; c++) {
                    int[] x = {a, b, c};
                    double probability = 1;
                    double cross = 0;
                    double recorded = 0;
                    for (int i = 0; i < 3; i++) {
                        double p = (double) observed[i] / n[i];
                        probability *= binomial(n[i], x[i], p);
                        cross += x[i] * (times[i] - tBar);
                        recorded += x[i];
                    }
                    double slope = cross / sxx;
                    double fitted = recorded / total + slope * (at - tBar);
                    mean += probability * slope;
                    second += probability * slope * slope;
                    fittedMean += probability * fitted;
                    fittedSecond += probability * fitted * fitted;
                }
            }
        }
        assertEquals(trend.slope(), mean, 1e-14, "b is unbiased for the observed rates' slope");
        assertEquals(Math.sqrt(second - mean * mean), trend.standardError(), 1e-13);
        assertEquals(Math.sqrt(fittedSecond - fittedMean * fittedMean), trend.fittedStandardError(at), 1e-13);
        assertEquals(fittedMean, trend.fitted(at), 1e-13);
    }

    private static double binomial(long n, int k, double p) {
        double c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c * Math.pow(p, k) * Math.pow(1 - p, n - k);
    }

    /**
     * The meta-regression's fitted line and its standard error against the textbook matrix form:
     * beta = (X'WX)^-1 X'Wy and var(x0' beta) = x0' (X'WX)^-1 x0, with X = [1, t] (an independent
     * computation with the 2 x 2 inverse written out).
     */
    @Test
    void fixedEffectFittedLine_matchesTheMatrixForm() {
        double[] t = {2014, 2017, 2022};
        double[] y = {0.745, 0.80, 0.891};
        double[] margin = {0.036, 0.031, 0.043};
        PublishedFigure[] figures = new PublishedFigure[3];
        double s00 = 0;
        double s01 = 0;
        double s11 = 0;
        double r0 = 0;
        double r1 = 0;
        for (int i = 0; i < 3; i++) {
            figures[i] = PublishedFigure.fromFractions(y[i], margin[i]);
            double se = figures[i].standardError();
            double w = 1 / (se * se);
            s00 += w;
            s01 += w * t[i];
            s11 += w * t[i] * t[i];
            r0 += w * figures[i].rate();
            r1 += w * t[i] * figures[i].rate();
        }
        double det = s00 * s11 - s01 * s01;
        double intercept = (s11 * r0 - s01 * r1) / det;
        double slope = (s00 * r1 - s01 * r0) / det;
        Trend trend = TrendAnalysis.of(t, figures);
        assertEquals(slope, trend.slope(), 1e-9 * Math.abs(slope));
        for (double at : new double[] {2010, 2019, 2025}) {
            double variance = (s11 - 2 * at * s01 + at * at * s00) / det;
            assertEquals(intercept + slope * at, trend.fitted(at), 1e-8);
            assertEquals(Math.sqrt(variance), trend.fittedStandardError(at), 1e-6 * Math.sqrt(variance));
        }
    }

    @Test
    void observationsAreSortedByTime_andTheResultDoesNotDependOnTheirOrder() {
        Trend ordered = TrendAnalysis.of(new double[] {2014, 2017, 2022}, Tally.of(150, 200), Tally.of(171, 205),
                Tally.of(188, 202));
        Trend shuffled = TrendAnalysis.of(new double[] {2022, 2014, 2017}, Tally.of(188, 202), Tally.of(150, 200),
                Tally.of(171, 205));
        assertEquals(ordered.slope(), shuffled.slope(), 1e-15);
        assertEquals(ordered.chiSquare(), shuffled.chiSquare(), 1e-12);
        assertEquals(2014, shuffled.first().time());
        assertTrue(ordered.significant());
    }

    @Test
    void everyAuditedCrimeRecordedEverywhere_givesNoTest_asR() {
        // R: prop.trend.test(c(10, 20, 30), c(10, 20, 30), score = 1:3) gives X-squared NaN
        Trend trend = TrendAnalysis.of(new double[] {1, 2, 3}, Tally.of(10, 10), Tally.of(20, 20), Tally.of(30, 30));
        assertTrue(Double.isNaN(trend.chiSquare()));
        assertTrue(Double.isNaN(trend.pValue()));
        assertEquals(0, trend.slope());
        assertEquals(0, trend.standardError());
        assertTrue(trend.notes().get(0).contains("no trend to test"), trend.notes().toString());
        assertTrue(trend.sentence().contains("has not changed significantly"), trend.sentence());
        List<String> lines = new ArrayList<>(List.of(trend.table().renderText().split("\n")));
        assertTrue(lines.size() >= 2);
    }

    /**
     * The note on rates that depart from a straight line, with its chi-square computed here: Pearson's
     * chi-square of the 3 x 2 table, sum n (p - pBar)^2 / (pBar qBar) = 200 (0.15^2 + 0.25^2 + 0.1^2)
     * / 0.2275 = 83.516, less the trend's, cross^2 / (pBar qBar sxx) = 10^2 / (0.2275 x 400) = 1.099
     * (R: {@code chisq.test} and {@code prop.trend.test}), 82.42 on 1 df. Rates on a line get no note.
     */
    @Test
    void ratesOffAStraightLine_areNoted() {
        Trend bent = TrendAnalysis.of(new double[] {1, 2, 3},
                new Tally[] {Tally.of(100, 200), Tally.of(180, 200), Tally.of(110, 200)});
        double pearson = 200 * (0.15 * 0.15 + 0.25 * 0.25 + 0.1 * 0.1) / (0.65 * 0.35);
        double trend = 100 / (0.65 * 0.35 * 400);
        assertEquals(trend, bent.chiSquare(), 1e-9);
        assertEquals(pearson - trend, bent.residualChiSquare(), 1e-9);
        assertEquals(1, bent.notes().size(), bent.notes().toString());
        assertTrue(bent.notes().get(0).startsWith(String.format(java.util.Locale.ROOT,
                "the rates depart from a straight line (chi-square %.2f on 1 df, p = ", pearson - trend)),
                bent.notes().get(0));
        Trend straight = TrendAnalysis.of(new double[] {1, 2, 3},
                new Tally[] {Tally.of(100, 200), Tally.of(120, 200), Tally.of(140, 200)});
        assertEquals(0, straight.residualChiSquare(), 1e-9);
        assertEquals(java.util.List.of(), straight.notes());
    }
}
