package org.recordingrate.compare;

import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import org.recordingrate.internal.Binomial;

/**
 * A set of 2x2 tables with fixed group sizes, stored row by row: for each recorded count after
 * ({@code xa} in 0..na) the runs of consecutive recorded counts before ({@code xb} in 0..nb) that
 * belong to the set. Its probability under a common recording rate pi is
 * {@code sum over xa of Bin(xa; na, pi) * sum over its runs of P(xb in run; nb, pi)}, which costs
 * O(na + nb + runs) with prefix sums of group b's binomial probabilities, instead of
 * O(na nb) for a table-by-table sum. Immutable.
 */
final class RejectionRegion {

    /** Decides whether a table belongs to the region. */
    @FunctionalInterface
    interface Membership {
        /** Whether the table with {@code xa} recorded after and {@code xb} before belongs. */
        boolean contains(int xa, int xb);
    }

    private final int na;
    private final int nb;
    /** The runs of row xa are {@code rowStart[xa] .. rowStart[xa + 1] - 1}. */
    private final int[] rowStart;
    private final int[] runFrom;
    private final int[] runTo;

    private RejectionRegion(int na, int nb, int[] rowStart, int[] runFrom, int[] runTo) {
        this.na = na;
        this.nb = nb;
        this.rowStart = rowStart;
        this.runFrom = runFrom;
        this.runTo = runTo;
    }

    /**
     * Builds the region by asking {@code membership} about each of the (na+1)(nb+1) tables once;
     * no shape (such as convexity) is assumed.
     */
    static RejectionRegion build(int na, int nb, Membership membership) {
        int[] rowStart = new int[na + 2];
        int[] from = new int[na + 1];
        int[] to = new int[na + 1];
        int runs = 0;
        for (int xa = 0; xa <= na; xa++) {
            rowStart[xa] = runs;
            int start = -1;
            for (int xb = 0; xb <= nb + 1; xb++) {
                boolean in = xb <= nb && membership.contains(xa, xb);
                if (in && start < 0) {
                    start = xb;
                } else if (!in && start >= 0) {
                    if (runs == from.length) {
                        from = Arrays.copyOf(from, 2 * runs);
                        to = Arrays.copyOf(to, 2 * runs);
                    }
                    from[runs] = start;
                    to[runs] = xb - 1;
                    runs++;
                    start = -1;
                }
            }
        }
        rowStart[na + 1] = runs;
        return new RejectionRegion(na, nb, rowStart, Arrays.copyOf(from, runs), Arrays.copyOf(to, runs));
    }

    /** Whether every table belongs (then the probability is 1 for every rate). */
    boolean isEverything() {
        if (runFrom.length != na + 1) {
            return false;
        }
        for (int run = 0; run <= na; run++) {
            if (runFrom[run] != 0 || runTo[run] != nb) {
                return false;
            }
        }
        return true;
    }

    /**
     * The probability of the region as a function of the common rate, given as
     * {@code (pi, 1 - pi)} so that callers can pass both accurately. The function holds its own
     * work arrays: use it from one thread at a time.
     */
    DoubleBinaryOperator probabilityFunction() {
        return new Evaluator()::probability;
    }

    /** Work arrays for one caller; the ratio tables are shared by all evaluations. */
    private final class Evaluator {
        private final double[] upA = upRatios(na);
        private final double[] downA = downRatios(na);
        private final double[] upB = upRatios(nb);
        private final double[] downB = downRatios(nb);
        private final double[] pmfA = new double[na + 1];
        private final double[] pmfB = new double[nb + 1];
        /** {@code below[j] = P(lowB <= xb <= j)}, {@code above[j] = P(j <= xb <= highB)}. */
        private final double[] below = new double[nb + 1];
        private final double[] above = new double[nb + 1];
        private int lowB;
        private int highB;

        double probability(double p, double q) {
            if (p == 0) {
                return contains(0, 0) ? 1 : 0;
            }
            if (q == 0) {
                return contains(na, nb) ? 1 : 0;
            }
            long rangeA = Binomial.fill(na, p, q, upA, downA, pmfA);
            long rangeB = Binomial.fill(nb, p, q, upB, downB, pmfB);
            lowB = (int) (rangeB >>> 32);
            highB = (int) rangeB;
            double sum = 0;
            for (int j = lowB; j <= highB; j++) {
                sum += pmfB[j];
                below[j] = sum;
            }
            sum = 0;
            for (int j = highB; j >= lowB; j--) {
                sum += pmfB[j];
                above[j] = sum;
            }
            double total = 0;
            int highA = (int) rangeA;
            for (int xa = (int) (rangeA >>> 32); xa <= highA; xa++) {
                double mass = 0;
                for (int run = rowStart[xa]; run < rowStart[xa + 1]; run++) {
                    mass += massB(runFrom[run], runTo[run]);
                }
                total += pmfA[xa] * mass;
            }
            return total;
        }

        /**
         * P(from &lt;= xb &lt;= to) from the prefix sums on the side where the run lies, so that a
         * run in a tail is never the small difference of two numbers near 1.
         */
        private double massB(int from, int to) {
            from = Math.max(from, lowB);
            to = Math.min(to, highB);
            if (from > to) {
                return 0;
            }
            if (below[to] <= above[from]) {
                return from == lowB ? below[to] : below[to] - below[from - 1];
            }
            return to == highB ? above[from] : above[from] - above[to + 1];
        }
    }

    private boolean contains(int xa, int xb) {
        for (int run = rowStart[xa]; run < rowStart[xa + 1]; run++) {
            if (runFrom[run] <= xb && xb <= runTo[run]) {
                return true;
            }
        }
        return false;
    }

    private static double[] upRatios(int n) {
        double[] ratios = new double[n + 1];
        for (int k = 0; k < n; k++) {
            ratios[k] = (double) (n - k) / (k + 1);
        }
        return ratios;
    }

    private static double[] downRatios(int n) {
        double[] ratios = new double[n + 1];
        for (int k = 1; k <= n; k++) {
            ratios[k] = (double) k / (n - k + 1);
        }
        return ratios;
    }
}
