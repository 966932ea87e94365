package org.recordingrate.resample;

import org.recordingrate.internal.Hypergeometric;

/**
 * The exact conditional (stratified permutation) test by enumeration: the recorded counts after,
 * X<sub>h</sub>, are independent hypergeometric variables given every category's margins, and
 * D - d has the sign of S = sum m<sub>h</sub>(X<sub>h</sub> - x<sub>h</sub>) with positive integer
 * multipliers m<sub>h</sub> ({@link ExactLinearForm}). Every table of all categories but the one
 * with the most tables is visited; for the last, S &gt;= 0 exactly when
 * X<sub>H</sub> &gt;= x<sub>H</sub> - floor(S'/m<sub>H</sub>) (S' the sum over the others), so its tail
 * is read from cumulative sums: integer arithmetic throughout, no tie is decided in floating
 * point.
 */
final class ExactConditional {

    private ExactConditional() {
    }

    /** {P(D &gt;= d), P(D &lt;= d)}. */
    static double[] tails(Hypergeometric[] h, long[] observed, ExactLinearForm form) {
        int k = h.length;
        int last = 0;
        for (int i = 1; i < k; i++) {
            if (size(h[i]) > size(h[last])) {
                last = i;
            }
        }
        double[][] pmf = new double[k][];
        long[] lowest = new long[k];
        for (int i = 0; i < k; i++) {
            lowest[i] = h[i].lowest();
            pmf[i] = pmf(h[i]);
        }
        // cumulative sums of the last category: below[t] = P(X < lowest + t)
        double[] p = pmf[last];
        double[] below = new double[p.length + 1];
        for (int t = 0; t < p.length; t++) {
            below[t + 1] = below[t] + p[t];
        }
        Visit visit = new Visit(pmf, lowest, observed, form, last, below);
        long[] counts = observed.clone();
        visit.visit(0, 0L, 0.0, 1.0, counts);
        return new double[] {Math.min(1, visit.up), Math.min(1, visit.down)};
    }

    /** The enumeration's state: the tables visited so far and the two tail sums. */
    private static final class Visit {
        private final double[][] pmf;
        private final long[] lowest;
        private final long[] x;
        private final ExactLinearForm form;
        private final int last;
        private final double[] below;
        private final boolean exactLong;
        double up;
        double down;

        Visit(double[][] pmf, long[] lowest, long[] x, ExactLinearForm form, int last, double[] below) {
            this.pmf = pmf;
            this.lowest = lowest;
            this.x = x;
            this.form = form;
            this.last = last;
            this.below = below;
            this.exactLong = form.fitsInLong();
        }

        /**
         * Category j onwards (the last one skipped until the end); {@code partial} is
         * sum m_i (X_i - x_i) over those fixed (long arithmetic), {@code approx} the same in
         * doubles with the coefficients c_i (when the multipliers do not fit in a long).
         */
        void visit(int j, long partial, double approx, double probability, long[] counts) {
            if (j == last) {
                visit(j + 1, partial, approx, probability, counts);
                return;
            }
            if (j == pmf.length) {
                finish(partial, approx, probability, counts);
                return;
            }
            double[] p = pmf[j];
            for (int t = 0; t < p.length; t++) {
                if (p[t] != 0) {
                    long value = lowest[j] + t;
                    counts[j] = value;
                    long d = value - x[j];
                    visit(j + 1, exactLong ? partial + form.longMultiplier(j) * d : 0,
                            approx + form.coefficient(j) * d, probability * p[t], counts);
                }
            }
            counts[j] = x[j];
        }

        private void finish(long partial, double approx, double probability, long[] counts) {
            int size = pmf[last].length;
            long base = lowest[last];
            long up;
            long down;
            if (exactLong) {
                long m = form.longMultiplier(last);
                // S >= 0  <=>  X >= x - floor(partial / m);  S <= 0  <=>  X <= x + floor(-partial / m)
                up = x[last] - Math.floorDiv(partial, m);
                down = x[last] + Math.floorDiv(-partial, m);
            } else {
                // the threshold x - partial/c in doubles, made exact where it is close to a whole number
                double threshold = x[last] - approx / form.coefficient(last);
                long candidate = Math.round(threshold);
                if (Math.abs(threshold - candidate) > 1e-6) {
                    up = (long) Math.ceil(threshold);
                    down = (long) Math.floor(threshold);
                } else {
                    counts[last] = candidate;
                    int sign = form.sign(counts);
                    counts[last] = x[last];
                    // S(candidate) > 0: candidate is in the upper region and not the lower one
                    up = sign >= 0 ? candidate : candidate + 1;
                    down = sign <= 0 ? candidate : candidate - 1;
                }
            }
            this.up += probability * (below[size] - below[clamp(up - base, size)]);
            this.down += probability * below[clamp(down - base + 1, size)];
        }
    }

    private static int clamp(long index, int size) {
        return (int) Math.max(0, Math.min(size, index));
    }

    private static long size(Hypergeometric h) {
        return h.highest() - h.lowest() + 1;
    }

    /** The probabilities of the whole support (those below the smallest double are 0). */
    static double[] pmf(Hypergeometric h) {
        int size = (int) size(h);
        double[] p = new double[size];
        double total = 0;
        for (int t = 0; t < size; t++) {
            p[t] = Math.exp(h.logPmf(h.lowest() + t));
            total += p[t];
        }
        for (int t = 0; t < size; t++) {
            p[t] /= total;
        }
        return p;
    }
}
