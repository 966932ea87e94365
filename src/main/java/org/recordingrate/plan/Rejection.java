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

    /**
     * What is known of the region's shape, which decides how much of the window must be asked.
     * In the coordinates where the region lies at large a (see {@link #rejects}):
     */
    enum Shape {
        /**
         * At fixed b the rejected a form one run up to the end of the window: a test whose p-value
         * is a nonincreasing function of a statistic nondecreasing in x_a at fixed x_b (Barnard's
         * convexity; Röhmel and Mansmann 1999, Biometrical Journal 41:149). So each column costs a
         * walk from the previous column's threshold, about n_a + n_b tests in all.
         */
        COLUMNS,
        /**
         * At fixed total recorded s = x_a + x_b (a diagonal of the table space) the rejected a form
         * one run to the end: Fisher's tests, which condition on s. Along a diagonal X = x_a is
         * hypergeometric with mean mu = n_a s / N and mode M with mu - 1 &lt; M &lt; mu + 1; its
         * probabilities do not increase away from M, so the one-sided p-value P(X &gt;= x_a) (or its
         * mid-p) does not increase with x_a, nor does the two-sided p-value (the mass of the tables
         * no more probable) beyond M; and an observed change up, x_a &gt; mu, means x_a &gt;= M. The
         * rejected x_b at fixed x_a do not form a run (the probe of issue 16: at 640 before and 55
         * after, x_b = 509 rejects from x_a = 50 but x_b = 508 only from 51), so a walk along
         * columns is wrong for these tests.
         */
        DIAGONALS,
        /** Nothing known (another implementation of the test): every table of the window is asked. */
        TABLES
    }

    final int na;
    final int nb;
    final boolean mirrored;
    final Shape shape;

    Rejection(int na, int nb, boolean mirrored, Shape shape) {
        this.na = na;
        this.nb = nb;
        this.mirrored = mirrored;
        this.shape = shape;
    }

    /** Whether the table at (possibly mirrored) coordinates (a, b) is a significant change. */
    final boolean rejects(int a, int b) {
        return mirrored ? rejectsTable(na - a, nb - b) : rejectsTable(a, b);
    }

    /** Whether the table (xa of na after, xb of nb before) is a significant change, planned direction. */
    abstract boolean rejectsTable(int xa, int xb);

    /**
     * The probability of the region: the sum of a.pmf(i) b.pmf(j) over the tables (i, j) of the
     * two windows that {@link #rejects} (the mass outside the windows, at most
     * {@link BinomialMass#NEGLIGIBLE} on each side of each, left out), asking the test about as
     * few tables as the {@link Shape} allows, and never assuming more of it.
     */
    final double probability(BinomialMass a, BinomialMass b) {
        return switch (shape) {
            case COLUMNS -> columns(a, b);
            case DIAGONALS -> diagonals(a, b);
            case TABLES -> tables(a, b);
        };
    }

    /** Column by column: the first rejecting a, walked either way from the previous column's. */
    private double columns(BinomialMass a, BinomialMass b) {
        double sum = 0;
        int threshold = a.low();
        for (int j = b.low(); j <= b.high(); j++) {
            threshold = first(Math.min(threshold, a.high()), a.low(), a.high(), j, 0);
            sum += b.pmf(j) * a.atLeast(threshold);
        }
        return sum;
    }

    /** Diagonal by diagonal (a + b fixed): the first rejecting a, walked from the previous one's. */
    private double diagonals(BinomialMass a, BinomialMass b) {
        double sum = 0;
        int threshold = a.low();
        for (int d = a.low() + b.low(); d <= a.high() + b.high(); d++) {
            int from = Math.max(a.low(), d - b.high());
            int to = Math.min(a.high(), d - b.low());
            threshold = first(Math.max(from, Math.min(threshold, to)), from, to, d, 1);
            for (int i = threshold; i <= to; i++) {
                sum += a.pmf(i) * b.pmf(d - i);
            }
        }
        return sum;
    }

    /**
     * The smallest i in [from, to] rejecting on the line b = line - slope * i (a column for slope
     * 0, a diagonal for 1) where the rejected i form one run to {@code to}; {@code to + 1} if none.
     * Walks from {@code start}, down while the one below rejects, up while it does not.
     */
    private int first(int start, int from, int to, int line, int slope) {
        int i = start;
        if (rejects(i, line - slope * i)) {
            while (i > from && rejects(i - 1, line - slope * (i - 1))) {
                i--;
            }
            return i;
        }
        do {
            i++;
        } while (i <= to && !rejects(i, line - slope * i));
        return i;
    }

    /** Every table of the windows. */
    private double tables(BinomialMass a, BinomialMass b) {
        double sum = 0;
        for (int j = b.low(); j <= b.high(); j++) {
            double column = 0;
            for (int i = a.low(); i <= a.high(); i++) {
                if (rejects(i, j)) {
                    column += a.pmf(i);
                }
            }
            sum += b.pmf(j) * column;
        }
        return sum;
    }

    /**
     * Any test: asks it about each table it must. The shape of each of the library's tests:
     * <ul>
     *   <li>the z-tests and Yates' test, {@link Shape#COLUMNS}: with d = p_a - p_b, the unpooled
     *       z = d / sqrt(V), V = p_a q_a / n_a + p_b q_b / n_b, has dz/dp_a of the sign of
     *       (p_a q_b + p_b q_a) / n_a + 2 p_b q_b / n_b &gt;= 0; the pooled z = d / sqrt(c g),
     *       g = pbar(1 - pbar), of the sign of 2 g - d (1 - 2 pbar) n_a / N, which is &gt;= 0 on
     *       [0, 1]^2 (bound w d by pbar when pbar &lt;= 1/2, by 1 - pbar above); Yates' signed
     *       statistic is the pooled one with |d| reduced by (1/n_a + 1/n_b)/2 (0 below that), no
     *       faster falling. Every p-value, and the two-sided test's "observed change up", then
     *       reject an upper run of x_a; Barnard's test orders tables by the pooled z;</li>
     *   <li>Fisher's exact and mid-p tests, {@link Shape#DIAGONALS} (see there);</li>
     *   <li>any other test, {@link Shape#TABLES}.</li>
     * </ul>
     * Each is checked in the tests against asking the test about every table.
     */
    static Rejection of(ChangeTestMethod test, Alternative alternative, double significance, int na, int nb,
                        boolean up) {
        Shape shape = test == ChangeTest.FISHER_EXACT || test == ChangeTest.FISHER_MID_P ? Shape.DIAGONALS
                : test == ChangeTest.Z_POOLED || test == ChangeTest.Z_UNPOOLED || test == ChangeTest.CHISQ_YATES
                        || test == ChangeTest.BARNARD ? Shape.COLUMNS : Shape.TABLES;
        return new Rejection(na, nb, !up, shape) {
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
        return new Rejection(na, nb, !up, Shape.COLUMNS) {
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
