package org.recordingrate.resample;

import java.util.Arrays;
import java.util.Locale;

import org.recordingrate.error.ArgumentException;
import org.recordingrate.internal.Beta;
import org.recordingrate.internal.Binomial;

/**
 * The bootstrap distribution of a statistic itself, with no Monte Carlo error: of a
 * {@link LinearStatistic}, T* = sum c<sub>k</sub> X<sub>k</sub> for independent
 * X<sub>k</sub> ~ Binomial(n<sub>k</sub>, p&#770;<sub>k</sub>); or of an {@link IncidentStatistic},
 * T* = sum w<sub>h</sub> R*<sub>h</sub>&#47;A*<sub>h</sub> with each category's rate distributed as
 * its {@link ClusterSums}; what infinitely many bootstrap replicates would show.
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

    /**
     * What the distribution needs to know of its statistic besides the atoms: the range bounds are
     * clipped to, the mean and variance of the bootstrap distribution, the estimate as the loops
     * add it up with the band within which values count as equal to it, the BCa acceleration and
     * the observed standard error.
     */
    record Shape(double lowest, double highest, double mean, double variance, double loopEstimate, double band,
                 double acceleration, double observedSe) {

        double clamp(double t) {
            return Math.max(lowest, Math.min(highest, t));
        }

        static Shape of(LinearStatistic statistic) {
            double mean = 0;
            for (int c = 0; c < statistic.size(); c++) {
                mean += statistic.weight(c) * statistic.rate(c);
            }
            return new Shape(statistic.lowest(), statistic.highest(), mean, statistic.variance(),
                    statistic.loopEstimate(), statistic.band(), statistic.acceleration(),
                    Math.sqrt(statistic.variance()));
        }
    }

    private final double[] values;
    private final double[] probabilities;
    private final double estimate;
    private final double error;
    private final Shape shape;
    /** For one category too large to hold: Binomial(n, p) quantiles by search (values is then null). */
    private final long largeN;
    private final double largeP;

    private ExactDistribution(double[] values, double[] probabilities, double estimate, double error, Shape shape,
                              long largeN, double largeP) {
        this.values = values;
        this.probabilities = probabilities;
        this.estimate = estimate;
        this.error = error;
        this.shape = shape;
        this.largeN = largeN;
        this.largeP = largeP;
    }

    /** The exact bootstrap distribution of {@code statistic}. */
    static ExactDistribution of(LinearStatistic statistic, double reportedEstimate) {
        return of(statistic, reportedEstimate, ATOMS);
    }

    /**
     * The same, switching to the lattice beyond {@code atoms} atoms (tests force the lattice with
     * it). One category whose binomial would hold more than {@link #ATOMS} values (counts near
     * 2<sup>53</sup>) is answered in bounded memory: its quantiles found by searching the binomial
     * distribution function ({@code Beta.regularizedComplement}), nothing held. Several such
     * categories are refused.
     *
     * @throws ArgumentException (argument {@code interval}) when several categories and one of
     *                           them too large to hold
     */
    static ExactDistribution of(LinearStatistic statistic, double reportedEstimate, int atoms) {
        int k = statistic.size();
        Shape shape = Shape.of(statistic);
        double[][] atomValues = new double[k][];
        double[][] atomProbabilities = new double[k][];
        for (int c = 0; c < k; c++) {
            long n = statistic.audited(c);
            double p = statistic.rate(c);
            if (heldValues(n, p) > ATOMS) {
                if (k == 1) {
                    return new ExactDistribution(null, null, reportedEstimate, 0, shape, n, p);
                }
                throw new ArgumentException("interval", String.format(Locale.ROOT, "interval (exact) holds the"
                        + " exact bootstrap distribution of every category, at most %,d values each; the category"
                        + " with %d of %d recorded would need about %,.0f: use another interval (percentile, bca, ...)",
                        ATOMS, statistic.recorded(c), n, heldValues(n, p)));
            }
            long[] range = new long[2];
            atomProbabilities[c] = binomial(n, p, range);
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
        return of(atomValues, atomProbabilities, shape, reportedEstimate, atoms);
    }

    /** About how many values the binomial table of Binomial(n, p) holds (9.5 standard deviations each side). */
    static double heldValues(long n, double p) {
        return p <= 0 || p >= 1 ? 1 : 19 * Math.sqrt(n * p * (1 - p)) + 64;
    }

    /**
     * The distribution of a sum of independent terms, term c taking {@code atomValues[c][j]}
     * (increasing in j) with probability {@code atomProbabilities[c][j]}: exact atoms while at
     * most {@code atoms}, then the lattice (see the class comment). The arrays are not kept.
     */
    static ExactDistribution of(double[][] atomValues, double[][] atomProbabilities, Shape shape,
                                double reportedEstimate, int atoms) {
        int k = atomValues.length;
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
        } else if (k == 1) {
            values = values.clone();
            probabilities = probabilities.clone();
        }
        double total = 0;
        for (double p : probabilities) {
            total += p;
        }
        for (int i = 0; i < probabilities.length; i++) {
            probabilities[i] /= total;
        }
        return new ExactDistribution(values, probabilities, reportedEstimate, error, shape, 0, 0);
    }

    /**
     * The distribution of a sum of independent terms with many values each (the rates of
     * categories resampled by incident, tens of thousands of values each): the exact atoms while
     * their product stays within {@link #ATOMS}, as {@link #of(double[][], double[][], Shape, double, int)};
     * beyond, every term's values rounded to one lattice of about {@link #LATTICE} points over the
     * possible range and the lattice distributions convolved by the fast Fourier transform
     * ({@link Fourier}: a direct convolution would take the product of the lengths). Each value of
     * the sum moves by at most half a spacing per term, so every quantile lies within
     * {@link #error()} = k spacing / 2 of the exact one; the transform's rounding adds about 1e-16
     * of the largest probability to each point.
     */
    static ExactDistribution ofMany(double[][] atomValues, double[][] atomProbabilities, Shape shape,
                                    double reportedEstimate) {
        int k = atomValues.length;
        double product = 1;
        for (double[] v : atomValues) {
            product *= v.length;
        }
        if (product <= ATOMS) {
            return of(atomValues, atomProbabilities, shape, reportedEstimate, ATOMS);
        }
        double low = 0;
        double high = 0;
        for (double[] v : atomValues) {
            low += v[0];
            high += v[v.length - 1];
        }
        // lengths add up to at most LATTICE, so the transform is LATTICE long
        double spacing = (high - low) / (LATTICE - 2 * k);
        double[][] binned = new double[k][];
        for (int h = 0; h < k; h++) {
            double[] v = atomValues[h];
            double[] p = atomProbabilities[h];
            binned[h] = new double[(int) Math.round((v[v.length - 1] - v[0]) / spacing) + 1];
            for (int j = 0; j < v.length; j++) {
                binned[h][(int) Math.round((v[j] - v[0]) / spacing)] += p[j];
            }
        }
        double[] lattice = Fourier.convolve(binned);
        int count = 0;
        for (double p : lattice) {
            count += p > 0 ? 1 : 0;
        }
        double[] values = new double[count];
        double[] probabilities = new double[count];
        int at = 0;
        double total = 0;
        for (int i = 0; i < lattice.length; i++) {
            if (lattice[i] > 0) {
                values[at] = low + i * spacing;
                probabilities[at++] = lattice[i];
                total += lattice[i];
            }
        }
        for (int i = 0; i < count; i++) {
            probabilities[i] /= total;
        }
        return new ExactDistribution(values, probabilities, reportedEstimate, k * spacing / 2, shape, 0, 0);
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

    /** The number of distinct values kept (0 when a large binomial is searched instead). */
    int atoms() {
        return values == null ? 0 : values.length;
    }

    /** The bound on the error of every quantile: 0 when no lattice was needed. */
    double error() {
        return error;
    }

    /** P(T* &lt;= t). */
    double cdf(double t) {
        if (values == null) {
            return binomialCdf(Math.floor(t * largeN + countPad(t * largeN)));
        }
        double sum = 0;
        for (int i = 0; i < values.length && values[i] <= t; i++) {
            sum += probabilities[i];
        }
        return Math.min(1, sum);
    }

    /** P(T* &lt; t). */
    double cdfBelow(double t) {
        if (values == null) {
            double x = Math.ceil(t * largeN - countPad(t * largeN)) - 1;
            return x < 0 ? 0 : binomialCdf(x);
        }
        double sum = 0;
        for (int i = 0; i < values.length && values[i] < t; i++) {
            sum += probabilities[i];
        }
        return Math.min(1, sum);
    }

    /**
     * How far {@code tn} = t n may lie from the count k it stands for when t = k/n was rounded to a double: t n
     * is within a few ulps of k (relative 2^-51 at most), so 1e-12 of t n covers it, and the cap of
     * a quarter keeps neighbouring counts apart (for n up to 2^53). A relative 1e-9 here, as before,
     * was 100 counts at n = 2 x 10^11, so that P(T* = 1/2) came out 201 times too large.
     */
    private static double countPad(double tn) {
        return Math.min(0.25, 1e-12 * Math.max(1, Math.abs(tn)));
    }

    /** P(X &lt;= x) for X ~ Binomial(largeN, largeP): I<sub>1-p</sub>(n - x, x + 1). */
    private double binomialCdf(double x) {
        if (x >= largeN) {
            return 1;
        }
        if (x < 0) {
            return 0;
        }
        return Beta.regularizedComplement(largeP, x + 1, largeN - x);
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
            if (values == null) {
                // the smallest x with P(X <= x) >= level, by bisection on [0, n]: 53 steps at most
                long lo = 0;
                long hi = largeN;
                while (lo < hi) {
                    long middle = lo + (hi - lo) / 2;
                    if (binomialCdf(middle) >= levels[l]) {
                        hi = middle;
                    } else {
                        lo = middle + 1;
                    }
                }
                result[l] = shape.clamp((double) lo / largeN);
                continue;
            }
            double sum = 0;
            int i = 0;
            while (i < values.length - 1 && sum + probabilities[i] < levels[l]) {
                sum += probabilities[i++];
            }
            result[l] = shape.clamp(values[i]);
        }
        return result;
    }

    @Override
    public double mean() {
        return shape.mean();
    }

    @Override
    public double variance() {
        return shape.variance();
    }

    @Override
    public double shareBelow(TieCounting ties) {
        double theta = shape.loopEstimate();
        double band = Math.max(shape.band(), error);
        double below = cdfBelow(theta - band);
        double equal = cdf(theta + band) - below;
        return ties == TieCounting.HALF ? below + 0.5 * equal : below;
    }

    @Override
    public double acceleration() {
        return shape.acceleration();
    }

    @Override
    public double observedStandardError() {
        return shape.observedSe();
    }

    @Override
    public double lowest() {
        return shape.lowest();
    }

    @Override
    public double highest() {
        return shape.highest();
    }
}
