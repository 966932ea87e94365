package org.recordingrate.plan;

import java.util.Arrays;

import org.recordingrate.compare.Alternative;
import org.recordingrate.compare.ChangeTest;
import org.recordingrate.compare.ChangeTestMethod;
import org.recordingrate.model.Tally;

/**
 * Whether the inspection's test will report a significant change in the planned direction for
 * the table (xa recorded of na after, xb of nb before): p &lt;= alpha, and with a two-sided test
 * the observed change xa/na - xb/nb has the planned change's sign (the verdict "statistically
 * significant improvement" when the change is up). Coordinates may be mirrored (recorded and
 * unrecorded swapped) so that the rejection region always lies at large xa.
 */
abstract class Rejection {

    final int na;
    final int nb;
    final boolean mirrored;

    Rejection(int na, int nb, boolean mirrored) {
        this.na = na;
        this.nb = nb;
        this.mirrored = mirrored;
    }

    /** Whether the table at (possibly mirrored) coordinates (a, b) is a significant change. */
    final boolean rejects(int a, int b) {
        return mirrored ? rejectsTable(na - a, nb - b) : rejectsTable(a, b);
    }

    /** Whether the table (xa of na after, xb of nb before) is a significant change, planned direction. */
    abstract boolean rejectsTable(int xa, int xb);

    /** Any test: asks it about each table. */
    static Rejection of(ChangeTestMethod test, Alternative alternative, double significance, int na, int nb,
                        boolean up) {
        return new Rejection(na, nb, !up) {
            @Override
            boolean rejectsTable(int xa, int xb) {
                if (alternative == Alternative.TWO_SIDED) {
                    long difference = (long) xa * nb - (long) xb * na;
                    if (up ? difference <= 0 : difference >= 0) {
                        return false;
                    }
                }
                return test.test(Tally.of(xb, nb), Tally.of(xa, na), alternative).pValue() <= significance;
            }
        };
    }

    /**
     * Boschloo's test, whose p-value depends on a table only through its one-sided Fisher p-value
     * F (the supremum over the common rate of P(F(T) &lt;= F(t)), nondecreasing in F(t); Boschloo
     * 1970): it rejects at level a exactly when F &lt;= c*, the largest F whose Boschloo p-value is at
     * most a. So c* is found by bisection over the sorted F of the tables in the windows, with one
     * Boschloo test per step, and every table is then decided by its Fisher p-value; F within
     * 1e-9 (relative) of c* or of the next F above it is decided by its own Boschloo test. Every
     * table with F &lt;= a rejects, since Boschloo's p-value never exceeds Fisher's. The level a is
     * alpha for a one-sided test and alpha/2 for the two-sided one in the planned direction (its
     * p-value is min(1, 2 min(p_improved, p_deteriorated)), and the direction of the observed change
     * is the direction of the smaller), so the region is the one-sided region at alpha/2.
     */
    static Rejection boschloo(Alternative alternative, double significance, int na, int nb, boolean up,
                              BinomialMass a, BinomialMass b) {
        Alternative direction = up ? Alternative.IMPROVED : Alternative.DETERIORATED;
        double level = alternative == Alternative.TWO_SIDED ? significance / 2 : significance;
        int aLow = a.low();
        int aHigh = a.high();
        int bLow = b.low();
        int bHigh = b.high();
        double[][] fisher = new double[aHigh - aLow + 1][bHigh - bLow + 1];
        double[] candidates = new double[fisher.length * fisher[0].length];
        int count = 0;
        for (int i = aLow; i <= aHigh; i++) {
            for (int j = bLow; j <= bHigh; j++) {
                // (i, j) are mirrored coordinates when !up
                int xa = up ? i : na - i;
                int xb = up ? j : nb - j;
                double f = ChangeTest.FISHER_EXACT.test(Tally.of(xb, nb), Tally.of(xa, na), direction).pValue();
                fisher[i - aLow][j - bLow] = f;
                if (f > level) {
                    candidates[count++] = f;
                }
            }
        }
        double[] sorted = Arrays.copyOf(candidates, count);
        Arrays.sort(sorted);
        int distinct = 0;
        for (int k = 0; k < sorted.length; k++) {
            if (k == 0 || sorted[k] != sorted[k - 1]) {
                sorted[distinct++] = sorted[k];
            }
        }
        double[] values = Arrays.copyOf(sorted, distinct);
        // a table for each candidate value, to run Boschloo's test on
        int[][] table = new int[distinct][];
        for (int i = aLow; i <= aHigh; i++) {
            for (int j = bLow; j <= bHigh; j++) {
                int at = Arrays.binarySearch(values, fisher[i - aLow][j - bLow]);
                if (at >= 0 && table[at] == null) {
                    table[at] = new int[] {up ? i : na - i, up ? j : nb - j};
                }
            }
        }
        ChangeTestMethod test = ChangeTest.BOSCHLOO;
        java.util.function.IntPredicate rejectsCandidate = k -> test.test(Tally.of(table[k][1], nb),
                Tally.of(table[k][0], na), direction).pValue() <= level;
        // largest k with rejectsCandidate(k); -1 if none (then c* = level)
        int from = -1;
        int to = distinct - 1;
        while (from < to) {
            int middle = (from + to + 1) >>> 1;
            if (rejectsCandidate.test(middle)) {
                from = middle;
            } else {
                to = middle - 1;
            }
        }
        double critical = from >= 0 ? values[from] : level;
        double next = from + 1 < distinct ? values[from + 1] : Double.POSITIVE_INFINITY;
        return new Rejection(na, nb, !up) {
            @Override
            boolean rejectsTable(int xa, int xb) {
                int i = (up ? xa : na - xa) - aLow;
                int j = (up ? xb : nb - xb) - bLow;
                double f = i >= 0 && i < fisher.length && j >= 0 && j < fisher[0].length ? fisher[i][j]
                        : ChangeTest.FISHER_EXACT.test(Tally.of(xb, nb), Tally.of(xa, na), direction).pValue();
                if (near(f, critical) || near(f, next)) {
                    return test.test(Tally.of(xb, nb), Tally.of(xa, na), direction).pValue() <= level;
                }
                return f <= critical;
            }
        };
    }

    private static boolean near(double f, double value) {
        return Math.abs(f - value) <= 1e-9 * value;
    }
}
