package org.recordingrate.resample;

import java.util.Arrays;

import org.recordingrate.internal.Binomial;

/**
 * The bootstrap distribution of a {@link LinearStatistic} itself, with no Monte Carlo error:
 * the distribution of T* = sum c<sub>k</sub> X<sub>k</sub> for independent
 * X<sub>k</sub> ~ Binomial(n<sub>k</sub>, p&#770;<sub>k</sub>), which is what infinitely many
 * bootstrap replicates would show.
 *
 * <p>One category: the binomial distribution, every atom kept. Several: convolution, category
 * by category, on the exact atoms (every sum of one value per category, equal values merged)
 * while there are at most {@link #ATOMS} of them; beyond that on a lattice of
 * {@link #LATTICE} equally spaced points covering the possible range, each value rounded to the
 * nearest point. Rounding moves every value of T* by at most half a spacing per category
 * rounded, so each quantile of the lattice distribution lies within {@link #error()} of the
 * exact one (a coupling bound: |T&#771; - T| &lt;= error pointwise). {@link #error()} is 0 when no
 * lattice was needed.
 *
 * <p>Binomial probabilities come from {@code Binomial.logPmf} at the mode and the ratio
 * recurrence outwards (relative errors of order 1e-14); values less likely than 2<sup>-64</sup>
 * times the mode are left out, a total of less than 1e-15 per category.
 */
final class ExactDistribution implements Distribution {

    /** The most exact atoms kept before switching to the lattice. */
    static final int ATOMS = 1 << 22;
    /** Points of the lattice. */
    static final int LATTICE = 1 << 21;

    private static final double NEGLIGIBLE = 0x1.0p-64;

    private final double[] values;
    private final double[] probabilities;
    private final double estimate;
    private final double error;
    private final LinearStatistic statistic;

    private ExactDistribution(double[] values, double[] probabilities, double estimate, double error,
                              LinearStatistic statistic) {
        this.values = values;
        this.probabilities = probabilities;
        this.estimate = estimate;
        this.error = error;
        this.statistic = statistic;
    }

    /** The exact bootstrap distribution of {@code statistic}. */
    static ExactDistribution of(LinearStatistic statistic, double reportedEstimate) {
        return of(statistic, reportedEstimate, ATOMS);
    }

    /** The same, switching to the lattice beyond {@code atoms} atoms (tests force the lattice with it). */
    static ExactDistribution of(LinearStatistic statistic, double reportedEstimate, int atoms) {
        int k = statistic.size();
        double[][] atomValues = new double[k][];
        double[][] atomProbabilities = new double[k][];
        for (int c = 0; c < k; c++) {
            long[] range = new long[2];
            atomProbabilities[c] = binomial(statistic.audited(c), statistic.rate(c), range);
            double coefficient = statistic.coefficient(c);
            int size = atomProbabilities[c].length;
            atomValues[c] = new double[size];
            for (int j = 0; j < size; j++) {
                atomValues[c][j] = coefficient * (range[0] + j);
            }
            if (coefficient < 0) {
                reverse(atomValues[c]);
                reverse(atomProbabilities[c]);
            }
        }
        double[] values = atomValues[0];
        double[] probabilities = atomProbabilities[0];
        int c = 1;
        while (c < k && (long) values.length * atomValues[c].length <= atoms) {
            double[][] next = convolve(values, probabilities, atomValues[c], atomProbabilities[c]);
            values = next[0];
            probabilities = next[1];
            c++;
        }
        double error = 0;
        if (c < k) {
            // the lattice: from the smallest to the largest possible sum of what remains
            double low = values[0];
            double high = values[values.length - 1];
            for (int r = c; r < k; r++) {
                low += atomValues[r][0];
                high += atomValues[r][atomValues[r].length - 1];
            }
            double spacing = (high - low) / (LATTICE - 1);
            // index i stands for low + i spacing; the atoms so far are placed relative to their
            // smallest value, each further category's values relative to its smallest
            double[] lattice = new double[LATTICE];
            double first0 = values[0];
            for (int i = 0; i < values.length; i++) {
                lattice[(int) Math.round((values[i] - first0) / spacing)] += probabilities[i];
            }
            int used = (int) Math.round((values[values.length - 1] - first0) / spacing);
            for (int r = c; r < k; r++) {
                double first = atomValues[r][0];
                int[] offsets = new int[atomValues[r].length];
                for (int j = 0; j < offsets.length; j++) {
                    offsets[j] = (int) Math.round((atomValues[r][j] - first) / spacing);
                }
                double[] out = new double[LATTICE];
                double[] p = atomProbabilities[r];
                for (int i = 0; i <= used; i++) {
                    double mass = lattice[i];
                    if (mass != 0) {
                        for (int j = 0; j < offsets.length; j++) {
                            out[Math.min(LATTICE - 1, i + offsets[j])] += mass * p[j];
                        }
                    }
                }
                used = Math.min(LATTICE - 1, used + offsets[offsets.length - 1]);
                lattice = out;
            }
            // rounding: the atoms already summed, then each further category, half a spacing each
            error = (k - c + 1) * spacing / 2;
            int count = 0;
            for (int i = 0; i <= used; i++) {
                if (lattice[i] != 0) {
                    count++;
                }
            }
            values = new double[count];
            probabilities = new double[count];
            int at = 0;
            for (int i = 0; i <= used; i++) {
                if (lattice[i] != 0) {
                    values[at] = low + i * spacing;
                    probabilities[at++] = lattice[i];
                }
            }
        }
        double total = 0;
        for (double p : probabilities) {
            total += p;
        }
        for (int i = 0; i < probabilities.length; i++) {
            probabilities[i] /= total;
        }
        return new ExactDistribution(values, probabilities, reportedEstimate, error, statistic);
    }

    /**
     * Binomial(n, p) probabilities outwards from the mode until negligible, normalised later;
     * {@code range[0]} receives the first value.
     */
    static double[] binomial(long n, double p, long[] range) {
        if (p <= 0 || p >= 1) {
            range[0] = p <= 0 ? 0 : n;
            return new double[] {1};
        }
        double q = 1 - p;
        long mode = Math.min(n, (long) Math.floor((n + 1) * p));
        double top = Math.exp(Binomial.logPmf(mode, n, p, q));
        int above = 0;
        double term = 1;
        double[] up = new double[64];
        for (long j = mode; j < n; j++) {
            term *= (double) (n - j) / (j + 1) * (p / q);
            if (term < NEGLIGIBLE) {
                break;
            }
            if (above == up.length) {
                up = Arrays.copyOf(up, up.length * 2);
            }
            up[above++] = term;
        }
        int belowCount = 0;
        term = 1;
        double[] down = new double[64];
        for (long j = mode; j > 0; j--) {
            term *= (double) j / (n - j + 1) * (q / p);
            if (term < NEGLIGIBLE) {
                break;
            }
            if (belowCount == down.length) {
                down = Arrays.copyOf(down, down.length * 2);
            }
            down[belowCount++] = term;
        }
        double[] probabilities = new double[belowCount + 1 + above];
        for (int i = 0; i < belowCount; i++) {
            probabilities[belowCount - 1 - i] = down[i] * top;
        }
        probabilities[belowCount] = top;
        for (int i = 0; i < above; i++) {
            probabilities[belowCount + 1 + i] = up[i] * top;
        }
        range[0] = mode - belowCount;
        return probabilities;
    }

    private static void reverse(double[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /**
     * Every sum of an atom of the first distribution and one of the second, sorted, equal values
     * merged: r sorted runs (the first's values shifted by each of the second's) merged pairwise.
     */
    private static double[][] convolve(double[] va, double[] pa, double[] vb, double[] pb) {
        int m = va.length;
        int r = vb.length;
        double[] v = new double[m * r];
        double[] p = new double[m * r];
        for (int j = 0; j < r; j++) {
            for (int i = 0; i < m; i++) {
                v[j * m + i] = va[i] + vb[j];
                p[j * m + i] = pa[i] * pb[j];
            }
        }
        double[] v2 = new double[m * r];
        double[] p2 = new double[m * r];
        for (int width = m; width < m * r; width *= 2) {
            for (int start = 0; start < m * r; start += 2 * width) {
                int middle = Math.min(start + width, m * r);
                int end = Math.min(start + 2 * width, m * r);
                int i = start;
                int j = middle;
                int o = start;
                while (i < middle && j < end) {
                    if (v[i] <= v[j]) {
                        v2[o] = v[i];
                        p2[o++] = p[i++];
                    } else {
                        v2[o] = v[j];
                        p2[o++] = p[j++];
                    }
                }
                while (i < middle) {
                    v2[o] = v[i];
                    p2[o++] = p[i++];
                }
                while (j < end) {
                    v2[o] = v[j];
                    p2[o++] = p[j++];
                }
            }
            double[] t = v;
            v = v2;
            v2 = t;
            t = p;
            p = p2;
            p2 = t;
        }
        int count = 0;
        for (int i = 0; i < v.length; i++) {
            if (count > 0 && v[i] == v[count - 1]) {
                p[count - 1] += p[i];
            } else {
                v[count] = v[i];
                p[count++] = p[i];
            }
        }
        return new double[][] {Arrays.copyOf(v, count), Arrays.copyOf(p, count)};
    }

    /** The number of distinct values kept. */
    int atoms() {
        return values.length;
    }

    /** The bound on the error of every quantile: 0 when no lattice was needed. */
    double error() {
        return error;
    }

    /** P(T* &lt;= t). */
    double cdf(double t) {
        double sum = 0;
        for (int i = 0; i < values.length && values[i] <= t; i++) {
            sum += probabilities[i];
        }
        return Math.min(1, sum);
    }

    /** P(T* &lt; t). */
    double cdfBelow(double t) {
        double sum = 0;
        for (int i = 0; i < values.length && values[i] < t; i++) {
            sum += probabilities[i];
        }
        return Math.min(1, sum);
    }

    @Override
    public double estimate() {
        return estimate;
    }

    /** The smallest value whose cumulative probability reaches each level: inf{t : F(t) &gt;= alpha}. */
    @Override
    public double[] quantiles(double... levels) {
        double[] result = new double[levels.length];
        for (int l = 0; l < levels.length; l++) {
            double sum = 0;
            int i = 0;
            while (i < values.length - 1 && sum + probabilities[i] < levels[l]) {
                sum += probabilities[i++];
            }
            result[l] = statistic.clamp(values[i]);
        }
        return result;
    }

    @Override
    public double mean() {
        double mean = 0;
        for (int c = 0; c < statistic.size(); c++) {
            mean += statistic.weight(c) * statistic.rate(c);
        }
        return mean;
    }

    @Override
    public double variance() {
        return statistic.variance();
    }

    @Override
    public double shareBelow(TieCounting ties) {
        double theta = statistic.loopEstimate();
        double band = Math.max(statistic.band(), error);
        double below = cdfBelow(theta - band);
        double equal = cdf(theta + band) - below;
        return ties == TieCounting.HALF ? below + 0.5 * equal : below;
    }

    @Override
    public double acceleration() {
        return statistic.acceleration();
    }

    @Override
    public double observedStandardError() {
        return Math.sqrt(statistic.variance());
    }

    @Override
    public double lowest() {
        return statistic.lowest();
    }

    @Override
    public double highest() {
        return statistic.highest();
    }
}
