package org.recordingrate.resample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Interval;

/**
 * The interval formulas against R's {@code boot.ci} on the very replicates R drew
 * ({@code resample/boot-replicates-*.csv} and {@code boot-intervals.csv}, made by
 * {@code make-boot-reference.R} with R 4.2.2 and boot 1.3-28.1), and the BCa adjusted levels and
 * acceleration against scipy 1.10.1 ({@code scipy-bca.csv}, {@code make-scipy-reference.py}).
 * No randomness here: the replicates are given, so the tolerance is rounding, 1e-12.
 */
class BootReferenceTest {

    private static final double TOLERANCE = 1e-12;

    private static final Map<String, Inspection> CASES = Map.of(
            "one-category", Inspection.builder("one").category("violence", 180, 202, 25000).build(),
            "cambridgeshire-like", Inspection.builder("c").category("violence", 180, 202, 25000)
                    .category("sexual offences", 131, 132, 2500).category("other crime", 211, 220, 35000).build(),
            "two-categories", Inspection.builder("t").category("violence", 512, 640, 30000)
                    .category("other crime", 610, 660, 41000).build(),
            "all-recorded-sexual", Inspection.builder("a").category("violence", 170, 200, 24000)
                    .category("sexual offences", 130, 130, 2600).category("other crime", 200, 215, 38000).build());

    @Test
    void intervalsAgreeWithBootCiOnItsReplicates() {
        int checked = 0;
        for (Map<String, String> row : ResampleReferences.rows("boot-intervals.csv")) {
            String name = row.get("case");
            List<Map<String, String>> replicates = ResampleReferences.rows("boot-replicates-" + name + ".csv");
            double[] t = replicates.stream().mapToDouble(r -> Double.parseDouble(r.get("t"))).toArray();
            double t0 = Double.parseDouble(row.get("t0"));
            double v0 = Double.parseDouble(row.get("v0"));
            double confidence = Double.parseDouble(row.get("confidence"));
            LinearStatistic statistic = LinearStatistic.of(CASES.get(name));
            Interval ours;
            switch (row.get("type")) {
                case "percentile" -> ours = interval(BootstrapInterval.PERCENTILE, t, t0, 0, v0, confidence);
                case "basic" -> ours = interval(BootstrapInterval.BASIC, t, t0, 0, v0, confidence);
                case "normal" -> ours = interval(BootstrapInterval.NORMAL, t, t0, 0, v0, confidence);
                case "bca_stratified" ->
                    // our closed-form acceleration, R's boot.ci given the stratified influence values
                        ours = interval(BootstrapInterval.BCA, t, t0, statistic.acceleration(), v0, confidence);
                case "bca_pooled" ->
                    // the formula alone, with R's pooled acceleration
                        ours = interval(BootstrapInterval.BCA, t, t0, Double.parseDouble(row.get("a_pooled")), v0,
                                confidence);
                case "studentized" -> {
                    double[] z = new double[t.length];
                    for (int i = 0; i < t.length; i++) {
                        z[i] = (t[i] - t0) / Math.sqrt(Double.parseDouble(replicates.get(i).get("v")));
                    }
                    ours = BootstrapInterval.STUDENTIZED.compute(ResampleReferences.distribution(z, t0, 0,
                            Math.sqrt(v0), 0, 1), confidence, TieCounting.STRICTLY_BELOW);
                }
                default -> throw new IllegalStateException(row.get("type"));
            }
            assertEquals(Double.parseDouble(row.get("lower")), ours.lower(), TOLERANCE, row.toString());
            assertEquals(Double.parseDouble(row.get("upper")), ours.upper(), TOLERANCE, row.toString());
            checked++;
        }
        assertEquals(36, checked);
    }

    private static Interval interval(BootstrapInterval method, double[] t, double t0, double a, double v0,
                                     double confidence) {
        // R's bca.ci counts only replicates strictly below t0
        return method.compute(ResampleReferences.distribution(t, t0, a, Math.sqrt(v0), 0, 1), confidence,
                TieCounting.STRICTLY_BELOW);
    }

    @Test
    void accelerationIsDavisonHinkleysStratifiedFormulaNotBootCisPooledOne() {
        for (Map<String, String> row : ResampleReferences.rows("boot-intervals.csv")) {
            double ours = LinearStatistic.of(CASES.get(row.get("case"))).acceleration();
            double stratified = Double.parseDouble(row.get("a_stratified"));
            double pooled = Double.parseDouble(row.get("a_pooled"));
            assertEquals(stratified, ours, TOLERANCE, row.toString());
            if (row.get("case").equals("one-category")) {
                assertEquals(pooled, ours, TOLERANCE, "one category: the two formulas agree");
            } else {
                assertTrue(Math.abs(pooled - ours) > 1e-5, "several categories: they differ " + row);
            }
        }
    }

    @Test
    void bcaLevelsAgreeWithScipyWhichCountsTiesHalf() {
        for (Map<String, String> row : ResampleReferences.rows("scipy-bca.csv")) {
            String name = row.get("design");
            LinearStatistic statistic = LinearStatistic.of(CASES.get(name));
            List<Map<String, String>> counts = ResampleReferences.rows("scipy-bca-counts-" + name + ".csv");
            double[] values = new double[counts.size()];
            long below = 0;
            long equal = 0;
            for (int r = 0; r < counts.size(); r++) {
                long[] x = new long[statistic.size()];
                for (int k = 0; k < x.length; k++) {
                    x[k] = Long.parseLong(counts.get(r).get("x" + (k + 1)));
                }
                values[r] = statistic.clamp(statistic.sum(x));
                int sign = statistic.exactSign(x);
                below += sign < 0 ? 1 : 0;
                equal += sign == 0 ? 1 : 0;
            }
            // our exact comparison on the counts finds the ties scipy finds in doubles here
            assertEquals(Long.parseLong(row.get("below")), below, row.toString());
            assertEquals(Long.parseLong(row.get("equal")), equal, row.toString());
            MonteCarloDistribution d = new MonteCarloDistribution(values, statistic.loopEstimate(), 0, 0, below, equal,
                    statistic.acceleration(), 0, 0, 1);
            double[] levels = BootstrapInterval.bcaLevels(d, Double.parseDouble(row.get("confidence")), TieCounting.HALF);
            assertEquals(Double.parseDouble(row.get("a_hat")), statistic.acceleration(), TOLERANCE, row.toString());
            assertEquals(Double.parseDouble(row.get("alpha_1")), levels[0], TOLERANCE, row.toString());
            assertEquals(Double.parseDouble(row.get("alpha_2")), levels[1], TOLERANCE, row.toString());
        }
    }
}
