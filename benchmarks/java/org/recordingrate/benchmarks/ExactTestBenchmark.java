package org.recordingrate.benchmarks;

import java.util.concurrent.TimeUnit;

import org.apache.commons.math3.special.Gamma;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.recordingrate.model.Tally;
import org.recordingrate.compare.Alternative;
import org.recordingrate.compare.ChangeTest;

/**
 * The cost of the exact tests of change, two-sided, with naive baselines in the same run:
 * <ul>
 *   <li>{@link #barnard}, {@link #boschloo}: 188 of 202 after against 560 of 640 before;</li>
 *   <li>{@link #fisherAuditSized}: the same table; {@link #fisherTenThousand}: 9000 of 10000
 *       after against 8800 of 10000 before;</li>
 *   <li>{@link #naiveFisherAuditSized}, {@link #naiveFisherTenThousand}: Fisher's two-sided
 *       p-value as textbooks (and R's {@code fisher.test}) compute it: every table of the support,
 *       each probability from three log binomial coefficients by {@code logGamma}, ties with R's
 *       relative fudge 1 + 1e-7;</li>
 *   <li>{@link #naiveBarnard}: Barnard's test the way scipy 1.10 evaluates it: pooled z of every
 *       table in floating point, the region's probability summed table by table from log
 *       binomial coefficients at each common rate, on a uniform grid of 32 rates (scipy's
 *       default number of sampling points; scipy adds local searches, this does not, so it is
 *       cheaper and less accurate than scipy).</li>
 * </ul>
 *
 * <p>Run:
 * {@code mvn -q -Pbenchmark test-compile exec:exec -Djmh.args="ExactTestBenchmark -f 1 -wi 3 -i 5 -w 1 -r 1"};
 * results in {@code benchmarks/exact-tests.md}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class ExactTestBenchmark {

    private static final Tally AUDIT_BEFORE = Tally.of(560, 640);
    private static final Tally AUDIT_AFTER = Tally.of(188, 202);
    private static final Tally LARGE_BEFORE = Tally.of(8800, 10000);
    private static final Tally LARGE_AFTER = Tally.of(9000, 10000);
    private static final int SCIPY_POINTS = 32;

    @Benchmark
    public double barnard() {
        return ChangeTest.BARNARD.test(AUDIT_BEFORE, AUDIT_AFTER, Alternative.TWO_SIDED).pValue();
    }

    @Benchmark
    public double boschloo() {
        return ChangeTest.BOSCHLOO.test(AUDIT_BEFORE, AUDIT_AFTER, Alternative.TWO_SIDED).pValue();
    }

    @Benchmark
    public double fisherAuditSized() {
        return ChangeTest.FISHER_EXACT.test(AUDIT_BEFORE, AUDIT_AFTER, Alternative.TWO_SIDED).pValue();
    }

    @Benchmark
    public double fisherTenThousand() {
        return ChangeTest.FISHER_EXACT.test(LARGE_BEFORE, LARGE_AFTER, Alternative.TWO_SIDED).pValue();
    }

    @Benchmark
    public double naiveFisherAuditSized() {
        return naiveFisher(AUDIT_BEFORE, AUDIT_AFTER);
    }

    @Benchmark
    public double naiveFisherTenThousand() {
        return naiveFisher(LARGE_BEFORE, LARGE_AFTER);
    }

    @Benchmark
    public double naiveBarnard() {
        return naiveBarnard(AUDIT_BEFORE, AUDIT_AFTER);
    }

    // ------------------------------------------------------------------------------------------
    // Baselines

    private static double logChoose(long n, long k) {
        return Gamma.logGamma(n + 1.0) - Gamma.logGamma(k + 1.0) - Gamma.logGamma(n - k + 1.0);
    }

    /** Full support, logGamma per table, R's 1 + 1e-7 tie fudge. */
    static double naiveFisher(Tally before, Tally after) {
        long na = after.audited();
        long nb = before.audited();
        long s = after.recorded() + before.recorded();
        double logTotal = logChoose(na + nb, s);
        double observed = Math.exp(logChoose(na, after.recorded()) + logChoose(nb, before.recorded()) - logTotal);
        double p = 0;
        for (long k = Math.max(0, s - nb); k <= Math.min(na, s); k++) {
            double h = Math.exp(logChoose(na, k) + logChoose(nb, s - k) - logTotal);
            if (h <= observed * (1 + 1e-7)) {
                p += h;
            }
        }
        return Math.min(1, p);
    }

    /** Floating-point pooled z region, table-by-table probability on a uniform grid of rates. */
    static double naiveBarnard(Tally before, Tally after) {
        int na = (int) after.audited();
        int nb = (int) before.audited();
        double observed = Math.abs(pooledZ(after.recorded(), na, before.recorded(), nb));
        double[] logChooseA = new double[na + 1];
        double[] logChooseB = new double[nb + 1];
        for (int k = 0; k <= na; k++) {
            logChooseA[k] = logChoose(na, k);
        }
        for (int k = 0; k <= nb; k++) {
            logChooseB[k] = logChoose(nb, k);
        }
        boolean[][] region = new boolean[na + 1][nb + 1];
        for (int a = 0; a <= na; a++) {
            for (int b = 0; b <= nb; b++) {
                region[a][b] = Math.abs(pooledZ(a, na, b, nb)) >= observed;
            }
        }
        double best = 0;
        for (int point = 1; point < SCIPY_POINTS; point++) {
            double pi = (double) point / SCIPY_POINTS;
            double logPi = Math.log(pi);
            double logQ = Math.log1p(-pi);
            double sum = 0;
            for (int a = 0; a <= na; a++) {
                for (int b = 0; b <= nb; b++) {
                    if (region[a][b]) {
                        sum += Math.exp(logChooseA[a] + logChooseB[b] + (a + b) * logPi + (na + nb - a - b) * logQ);
                    }
                }
            }
            best = Math.max(best, sum);
        }
        return Math.min(1, best);
    }

    private static double pooledZ(long xa, long na, long xb, long nb) {
        double pooled = (double) (xa + xb) / (na + nb);
        double variance = pooled * (1 - pooled) * (1.0 / na + 1.0 / nb);
        return variance == 0 ? 0 : ((double) xa / na - (double) xb / nb) / Math.sqrt(variance);
    }
}
