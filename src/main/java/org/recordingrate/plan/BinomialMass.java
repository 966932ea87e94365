package org.recordingrate.plan;

import java.util.SplittableRandom;

import org.recordingrate.internal.Binomial;

/**
 * The Binomial(n, p) distribution as an array of probabilities, with the window [low, high]
 * outside which at most {@value #NEGLIGIBLE} of the mass lies on each side, tail sums inside it,
 * and sampling by inversion. Probabilities from {@code Binomial.fill} (Loader's saddle point at
 * the mode, exact ratios outwards; relative error below 1e-13).
 */
final class BinomialMass {

    /** Mass left out of the window on each side, at most. */
    static final double NEGLIGIBLE = 1e-13;

    private final int n;
    private final double[] pmf;
    /** {@code atLeast[k] = P(k <= X <= high)} for k in [low, high + 1]. */
    private final double[] atLeast;
    /** {@code cumulative[k] = P(low <= X <= k)}, for sampling. */
    private final double[] cumulative;
    private final int low;
    private final int high;

    BinomialMass(int n, double p) {
        this.n = n;
        this.pmf = new double[n + 1];
        if (p <= 0 || p >= 1) {
            int point = p <= 0 ? 0 : n;
            pmf[point] = 1;
        } else {
            double[] up = new double[n + 1];
            double[] down = new double[n + 1];
            for (int k = 0; k < n; k++) {
                up[k] = (double) (n - k) / (k + 1);
            }
            for (int k = 1; k <= n; k++) {
                down[k] = (double) k / (n - k + 1);
            }
            Binomial.fill(n, p, 1 - p, up, down, pmf);
        }
        int from = 0;
        double left = 0;
        while (from < n && left + pmf[from] <= NEGLIGIBLE) {
            left += pmf[from++];
        }
        int to = n;
        double right = 0;
        while (to > from && right + pmf[to] <= NEGLIGIBLE) {
            right += pmf[to--];
        }
        this.low = from;
        this.high = to;
        this.atLeast = new double[n + 2];
        for (int k = high; k >= low; k--) {
            atLeast[k] = atLeast[k + 1] + pmf[k];
        }
        this.cumulative = new double[n + 1];
        double sum = 0;
        for (int k = low; k <= high; k++) {
            sum += pmf[k];
            cumulative[k] = sum;
        }
    }

    int trials() {
        return n;
    }

    int low() {
        return low;
    }

    int high() {
        return high;
    }

    double pmf(int k) {
        return pmf[k];
    }

    /** P(k &lt;= X), within the window: 1 - (the mass below low) for k &lt;= low, 0 above high. */
    double atLeast(int k) {
        if (k <= low) {
            return atLeast[low];
        }
        return k > high ? 0 : atLeast[k];
    }

    /** P(X &lt;= k) within the window. */
    double atMost(int k) {
        if (k < low) {
            return 0;
        }
        return k >= high ? cumulative[high] : cumulative[k];
    }

    /** A draw by inversion: the smallest k with P(low &lt;= X &lt;= k) &gt; u P(window). */
    int sample(SplittableRandom random) {
        double u = random.nextDouble() * cumulative[high];
        int from = low;
        int to = high;
        while (from < to) {
            int middle = (from + to) >>> 1;
            if (cumulative[middle] > u) {
                to = middle;
            } else {
                from = middle + 1;
            }
        }
        return from;
    }
}
