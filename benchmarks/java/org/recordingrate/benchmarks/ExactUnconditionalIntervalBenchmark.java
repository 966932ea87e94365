package org.recordingrate.benchmarks;

import java.util.concurrent.TimeUnit;

import org.apache.commons.math3.special.Gamma;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.recordingrate.compare.DifferenceMethod;
import org.recordingrate.model.Interval;
import org.recordingrate.model.Tally;

/**
 * The cost of the exact unconditional interval for a change (95%), with the naive grid search in the
 * same run:
 * <ul>
 *   <li>{@link #exactUnconditionalSas}: 10 of 35 before, 24 of 61 after (the SAS documentation's and
 *       StatXact's table); {@link #exactUnconditionalAudit}: 560 of 640 before, 188 of 202 after;</li>
 *   <li>{@link #naiveGridSas}: the same interval the way a first implementation computes it (and the
 *       way R's exact2x2 1.7.0 organises it): the change D on a grid of step 0.001 from -1 to 1, at each
 *       D the score statistic of every table and the one-sided regions' probabilities summed table by
 *       table at 100 nuisance values (exact2x2's default {@code nPgrid}), the bounds the first and last
 *       grid values not rejected. Audit-sized tables take minutes this way and are not run;</li>
 *   <li>{@link #miettinenNurminenAudit}: the asymptotic score interval a user would pick instead.</li>
 * </ul>
 *
 * <p>Run: {@code mvn -q -Pbenchmark test-compile exec:exec -Djmh.args="ExactUnconditionalIntervalBenchmark -f 1 -wi 2 -i 3 -w 2 -r 2"};
 * results in {@code benchmarks/exact-tests.md}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class ExactUnconditionalIntervalBenchmark {

    private static final Tally SAS_BEFORE = Tally.of(10, 35);
    private static final Tally SAS_AFTER = Tally.of(24, 61);
    private static final Tally AUDIT_BEFORE = Tally.of(560, 640);
    private static final Tally AUDIT_AFTER = Tally.of(188, 202);

    @Benchmark
    public Interval exactUnconditionalSas() {
        return DifferenceMethod.EXACT_UNCONDITIONAL.interval(SAS_BEFORE, SAS_AFTER, 0.95);
    }

    @Benchmark
    public Interval exactUnconditionalAudit() {
        return DifferenceMethod.EXACT_UNCONDITIONAL.interval(AUDIT_BEFORE, AUDIT_AFTER, 0.95);
    }

    @Benchmark
    public Interval miettinenNurminenAudit() {
        return DifferenceMethod.MIETTINEN_NURMINEN.interval(AUDIT_BEFORE, AUDIT_AFTER, 0.95);
    }

    @Benchmark
    public double[] naiveGridSas() {
        return naiveGrid(SAS_BEFORE, SAS_AFTER, 0.025, 0.001, 100);
    }

    /** The naive grid search (class comment): {lower, upper}. */
    static double[] naiveGrid(Tally before, Tally after, double tail, double step, int nuisance) {
        int na = (int) after.audited();
        int nb = (int) before.audited();
        int xa = (int) after.recorded();
        int xb = (int) before.recorded();
        double lower = Double.NaN;
        double upper = Double.NaN;
        int steps = (int) Math.round(2 / step);
        double[][] t = new double[na + 1][nb + 1];
        for (int i = 0; i <= steps; i++) {
            double change = -1 + i * step;
            for (int a = 0; a <= na; a++) {
                for (int b = 0; b <= nb; b++) {
                    t[a][b] = score(a, na, b, nb, change);
                }
            }
            double observed = t[xa][xb];
            double pUpper = 0;
            double pLower = 0;
            double low = Math.max(0, -change);
            double high = Math.min(1, 1 - change);
            for (int k = 0; k < nuisance; k++) {
                double pb = low + (high - low) * k / (nuisance - 1);
                double pa = Math.max(0, Math.min(1, pb + change));
                double[] pmfA = new double[na + 1];
                double[] pmfB = new double[nb + 1];
                for (int a = 0; a <= na; a++) {
                    pmfA[a] = pmf(a, na, pa);
                }
                for (int b = 0; b <= nb; b++) {
                    pmfB[b] = pmf(b, nb, pb);
                }
                double up = 0;
                double down = 0;
                for (int a = 0; a <= na; a++) {
                    for (int b = 0; b <= nb; b++) {
                        double p = pmfA[a] * pmfB[b];
                        if (t[a][b] >= observed) {
                            up += p;
                        }
                        if (t[a][b] <= observed) {
                            down += p;
                        }
                    }
                }
                pUpper = Math.max(pUpper, up);
                pLower = Math.max(pLower, down);
            }
            if (pUpper > tail && pLower > tail) {
                if (Double.isNaN(lower)) {
                    lower = change;
                }
                upper = change;
            }
        }
        return new double[] {lower, upper};
    }

    /** The binomial probability from log binomial coefficients (logGamma), as textbooks write it. */
    private static double pmf(int x, int n, double p) {
        if (p == 0) {
            return x == 0 ? 1 : 0;
        }
        if (p == 1) {
            return x == n ? 1 : 0;
        }
        double log = Gamma.logGamma(n + 1.0) - Gamma.logGamma(x + 1.0) - Gamma.logGamma(n - x + 1.0)
                + x * Math.log(p) + (n - x) * Math.log1p(-p);
        return Math.exp(log);
    }

    /** Farrington and Manning's score statistic at D with their closed-form restricted estimates. */
    private static double score(int x1, int n1, int x2, int n2, double s0) {
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double theta = (double) n2 / n1;
        double a = 1 + theta;
        double b = -(1 + theta + p1 + theta * p2 + s0 * (theta + 2));
        double c = s0 * s0 + s0 * (2 * p1 + theta + 1) + p1 + theta * p2;
        double d = -p1 * s0 * (1 + s0);
        double v = Math.pow(b / (3 * a), 3) - b * c / (6 * a * a) + d / (2 * a);
        double u = Math.signum(v) * Math.sqrt(Math.max(0, Math.pow(b / (3 * a), 2) - c / (3 * a)));
        double ratio = u == 0 ? 1 : Math.max(-1, Math.min(1, v / (u * u * u)));
        double w = (Math.PI + Math.acos(ratio)) / 3;
        double r1 = Math.min(Math.min(1, 1 + s0), Math.max(Math.max(0, s0), 2 * u * Math.cos(w) - b / (3 * a)));
        double r2 = Math.min(1, Math.max(0, r1 - s0));
        double variance = r1 * (1 - r1) / n1 + r2 * (1 - r2) / n2;
        double numerator = p1 - p2 - s0;
        if (!(variance > 1e-300)) {
            return numerator == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, numerator);
        }
        return numerator / Math.sqrt(variance);
    }
}
