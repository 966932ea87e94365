package org.recordingrate.internal;

import java.util.Arrays;

/**
 * Draws from a discrete distribution on a range of whole numbers by inversion with a guide
 * table (Chen and Asau 1974; Devroye 1986, "Non-Uniform Random Variate Generation", section
 * III.2.4): the cumulative probabilities are kept as integers scaled by 2<sup>62</sup>, a random
 * {@code long} gives a uniform u in [0, 2<sup>62</sup>), and the guide entry for u's top bits says
 * where the linear search for the first cumulative value above u starts. With as many guide
 * entries as values (rounded up to a power of two) the search makes fewer than two comparisons
 * on average, whatever the distribution; a draw costs one random number.
 *
 * <p>Accuracy: value k is drawn with probability (C<sub>k</sub> - C<sub>k-1</sub>)/2<sup>62</sup>,
 * where C<sub>k</sub> is the cumulative probability rounded to a multiple of 2<sup>-62</sup>; so
 * each probability is off by at most 2<sup>-62</sup> (2e-19) plus the error of the probabilities
 * given (for {@link #binomial} and {@link #hypergeometric}, relative errors of order 1e-14, see
 * {@link Binomial#fill}). Values whose probability is below 2<sup>-64</sup> relative to the mode
 * are left out of the table (their total is below 1e-17).
 *
 * <p>The sampler built once per category is immutable and shared by every thread; the random
 * numbers come from the caller, so that each block of replicates uses its own generator.
 *
 * <p>Not part of the API.
 */
public final class InversionSampler {

    /** The largest table built: 2^22 values (32 MiB); wider distributions are refused or split. */
    public static final int MAX_TABLE = 1 << 22;

    private static final long ONE = 1L << 62;
    /** Terms below this fraction of the mode's probability are dropped. */
    private static final double NEGLIGIBLE = 0x1.0p-64;

    private final long offset;
    private final long[] cumulative;
    private final int[] guide;
    private final int shift;

    /** probabilities[from..to] (unnormalised) are those of the values first, first + 1, ... */
    private InversionSampler(long first, double[] probabilities, int from, int to) {
        this.offset = first;
        int size = to - from + 1;
        double total = 0;
        for (int i = from; i <= to; i++) {
            total += probabilities[i];
        }
        cumulative = new long[size];
        double running = 0;
        for (int i = 0; i < size; i++) {
            running += probabilities[from + i];
            cumulative[i] = Math.min(ONE, Math.round(running / total * ONE));
        }
        cumulative[size - 1] = ONE;
        int bits = 1;
        while ((1 << bits) < size && bits < 30) {
            bits++;
        }
        shift = 62 - bits;
        guide = new int[1 << bits];
        int k = 0;
        for (int g = 0; g < guide.length; g++) {
            long start = (long) g << shift;
            while (cumulative[k] <= start) {
                k++;
            }
            guide[g] = k;
        }
    }

    /**
     * A sampler for probabilities proportional to {@code weights[i]} on the values
     * {@code offset + i}.
     *
     * @throws IllegalArgumentException if no weight is positive, a weight is negative or not finite
     */
    public static InversionSampler of(long offset, double[] weights) {
        int from = -1;
        int to = -1;
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                throw new ArgumentException("weights", "weight " + i + " (" + weights[i] + ") must be finite and not negative");
            }
            if (weights[i] > 0) {
                to = i;
                if (from < 0) {
                    from = i;
                }
            }
        }
        if (from < 0) {
            throw new ArgumentException("weights", "at least one weight must be positive");
        }
        return new InversionSampler(offset + from, weights, from, to);
    }

    /**
     * Binomial(n, p), for tables up to {@link #MAX_TABLE} values (about 19 standard deviations
     * of the distribution, so n p (1 - p) up to about 4.8e10).
     *
     * @throws IllegalArgumentException if the table would be larger
     */
    public static InversionSampler binomial(long n, double p) {
        Table t = binomialTable(n, p);
        return of(t.first(), t.weights());
    }

    /**
     * The hypergeometric distribution of {@link Hypergeometric}: the recorded count of group a
     * when {@code s} recorded reports fall among {@code na + nb}, for tables up to
     * {@link #MAX_TABLE} values.
     *
     * @throws IllegalArgumentException if the table would be larger
     */
    public static InversionSampler hypergeometric(long na, long nb, long s) {
        Table t = hypergeometricTable(na, nb, s);
        return of(t.first(), t.weights());
    }

    /**
     * Poisson(mean), the table running until the terms are negligible.
     *
     * @throws IllegalArgumentException if the mean is not positive and finite, or the table
     *                                  would be larger than {@link #MAX_TABLE}
     */
    public static InversionSampler poisson(double mean) {
        Args.positive("mean", mean);
        long mode = (long) Math.floor(mean);
        double[] terms = outwards(mode, 0, Long.MAX_VALUE, k -> mean / (k + 1), k -> k / mean);
        return fromOutwards(terms, mode);
    }

    /** The ratio of successive probabilities, P(k + 1)/P(k) upwards or P(k - 1)/P(k) downwards. */
    private interface Ratio {
        double at(long k);
    }

    /**
     * Unnormalised probabilities from the mode outwards until negligible, laid out as
     * [count below, count above, below the mode in increasing order..., 1 (the mode), above...].
     */
    private static double[] outwards(long mode, long lowest, long highest, Ratio up, Ratio down) {
        double[] above = new double[16];
        int na = 0;
        double term = 1;
        for (long k = mode; k < highest; k++) {
            term *= up.at(k);
            if (term < NEGLIGIBLE) {
                break;
            }
            if (na == above.length) {
                above = grow(above);
            }
            above[na++] = term;
        }
        double[] below = new double[16];
        int nb = 0;
        term = 1;
        for (long k = mode; k > lowest; k--) {
            term *= down.at(k);
            if (term < NEGLIGIBLE) {
                break;
            }
            if (nb == below.length) {
                below = grow(below);
            }
            below[nb++] = term;
        }
        double[] all = new double[2 + nb + 1 + na];
        all[0] = nb;
        all[1] = na;
        for (int i = 0; i < nb; i++) {
            all[2 + nb - 1 - i] = below[i];
        }
        all[2 + nb] = 1;
        System.arraycopy(above, 0, all, 3 + nb, na);
        return all;
    }

    private static double[] grow(double[] array) {
        if (array.length >= MAX_TABLE) {
            throw new ArgumentException("distribution", "the distribution is too wide for a sampling table of "
                    + MAX_TABLE + " values");
        }
        return Arrays.copyOf(array, array.length * 2);
    }

    private static InversionSampler fromOutwards(double[] all, long mode) {
        int below = (int) all[0];
        return new InversionSampler(mode - below, all, 2, all.length - 1);
    }

    /** Unnormalised probabilities of the values first, first + 1, ...: what a sampler's table is built from. */
    record Table(long first, double[] weights) {
    }

    /** The binomial table of {@link #binomial}. */
    static Table binomialTable(long n, double p) {
        if (p <= 0 || n == 0) {
            return new Table(0, new double[] {1});
        }
        if (p >= 1) {
            return new Table(n, new double[] {1});
        }
        double q = 1 - p;
        long mode = Math.min(n, (long) Math.floor((n + 1) * p));
        return table(outwards(mode, 0, n, k -> (double) (n - k) / (k + 1) * (p / q),
                k -> (double) k / (n - k + 1) * (q / p)), mode);
    }

    /** The hypergeometric table of {@link #hypergeometric}. */
    static Table hypergeometricTable(long na, long nb, long s) {
        Hypergeometric h = new Hypergeometric(na, nb, s);
        long mode = h.mode();
        return table(outwards(mode, h.lowest(), h.highest(),
                k -> ((double) (na - k) * (s - k)) / ((double) (k + 1) * (nb - s + k + 1)),
                k -> ((double) k * (nb - s + k)) / ((double) (na - k + 1) * (s - k + 1))), mode);
    }

    private static Table table(double[] all, long mode) {
        int below = (int) all[0];
        return new Table(mode - below, Arrays.copyOfRange(all, 2, all.length));
    }

    /**
     * One draw.
     *
     * @param random a uniformly distributed {@code long} (all 64 bits random), e.g. from
     *               {@link java.util.random.RandomGenerator#nextLong()}
     * @return the value drawn
     */
    public long sample(long random) {
        long u = random >>> 2;
        int k = guide[(int) (u >>> shift)];
        while (cumulative[k] <= u) {
            k++;
        }
        return offset + k;
    }

    /** The smallest value the sampler can return. */
    public long lowest() {
        return offset;
    }

    /** The largest value the sampler can return. */
    public long highest() {
        return offset + cumulative.length - 1;
    }

    /** The probability with which {@code value} is drawn (exactly, as the table holds it). */
    public double probability(long value) {
        if (value < lowest() || value > highest()) {
            return 0;
        }
        int k = (int) (value - offset);
        return (double) (cumulative[k] - (k == 0 ? 0 : cumulative[k - 1])) / ONE;
    }
}
