package org.recordingrate.internal;

import org.recordingrate.error.ArgumentException;

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

    /** Means below this are drawn by inversion from 0, others by searching outwards from the mode. */
    private static final double SEARCH_FROM_MODE = 16;
    private static final double LOG_2PI = 1.8378770664093454836;

    /**
     * One Binomial(n, p) draw from a uniform {@code u} in [0, 1), by inversion without a table:
     * for a mean min(p, q) n below 16 from 0 upwards (P(0) = q^n, then the ratio recurrence), else
     * searching outwards from the mode alternately up and down (Kemp 1986, "Efficient generation
     * of binomial variables"; Devroye 1986, section X.4), the mode's probability by Loader's
     * saddle-point formula (as {@link Binomial#logPmf}); either way the expected number of steps
     * is of the order of the standard deviation, and a draw costs one uniform. Inversion of a
     * fixed enumeration of the values is exact up to the rounding of the probabilities (relative
     * errors of order 1e-13). Only + - * / and {@link StrictMath} are used, so that every machine
     * draws the same value from the same u.
     *
     * @param n trials, at least 0
     * @param p success probability in [0, 1]
     * @param q {@code 1 - p}, passed so that callers who know it exactly keep that accuracy
     * @param u a uniform number in [0, 1)
     */
    public static long binomialDraw(long n, double p, double q, double u) {
        if (p > q) {
            return n - binomialDraw(n, q, p, u);
        }
        if (n == 0 || p == 0) {
            return 0;
        }
        double odds = p / q;
        double mean = n * p;
        if (mean < SEARCH_FROM_MODE) {
            double f = StrictMath.exp(n * StrictMath.log1p(-p));
            long k = 0;
            while (u >= f && k < n) {
                u -= f;
                f *= (double) (n - k) / (k + 1) * odds;
                k++;
            }
            return k;
        }
        long mode = Math.min(n, (long) Math.floor((n + 1) * p));
        double f = StrictMath.exp(logModeProbability(n, mode, p, q));
        u -= f;
        if (u < 0) {
            return mode;
        }
        double inverseOdds = q / p;
        long up = mode;
        long down = mode;
        double fUp = f;
        double fDown = f;
        while (true) {
            if (up < n && fUp > 0) {
                fUp *= (double) (n - up) / (up + 1) * odds;
                up++;
                u -= fUp;
                if (u < 0) {
                    return up;
                }
            }
            if (down > 0 && fDown > 0) {
                fDown *= (double) down / (n - down + 1) * inverseOdds;
                down--;
                u -= fDown;
                if (u < 0) {
                    return down;
                }
            }
            if ((up == n || fUp == 0) && (down == 0 || fDown == 0)) {
                // what is left of u is rounding (the probabilities sum to 1 within 1e-13): the mode
                return mode;
            }
        }
    }

    /**
     * log P(X = m) at the mode m of Binomial(n, p), with n p and n q at least 16: Loader's
     * formula, whose deviance terms are near the mean here (|m - n p| &lt; 1), so summed as their
     * series; logarithms by {@link StrictMath}.
     */
    private static double logModeProbability(long n, long m, double p, double q) {
        double lc = Binomial.stirlingError(n) - Binomial.stirlingError(m) - Binomial.stirlingError(n - m)
                - Binomial.nearDeviance(m, n * p) - Binomial.nearDeviance(n - m, n * q);
        double lf = LOG_2PI + StrictMath.log(m) + StrictMath.log1p(-(double) m / n);
        return lc - 0.5 * lf;
    }

    /**
     * The joint distribution of a few independent binomial counts as a table for tallying
     * draws: each tuple (x<sub>1</sub>, ..., x<sub>m</sub>) of counts is drawn from 32 random bits
     * and returned as its cell offset sum (x<sub>j</sub> - lowest<sub>j</sub>) stride<sub>j</sub>, by
     * inversion with a guide table (Chen and Asau 1974): the cumulative masses are integers in
     * units of 2<sup>-32</sup>, the guide has 8 entries per tuple that can be drawn (rounded up
     * to a power of two, 2<sup>8</sup> to 2<sup>14</sup> entries) and an entry that lies within
     * one tuple's interval, the great majority (for violence 180 of 202 with sexual offences 131 of
     * 132, 96% of 4,096), holds its offset, so that a draw is one look-up and a well predicted
     * branch; the other entries start a short search. (Measured: 8 entries per tuple drew
     * faster than 4, 16 no faster than 8.)
     *
     * <p>Accuracy: each tuple's probability is the product of the binomial probabilities
     * (relative errors of order 1e-14, as {@link InversionSampler#binomial}), renormalised over
     * the given ranges, and rounded to a multiple of 2<sup>-32</sup> by largest remainders
     * (Hamilton's method: the masses sum to exactly 2<sup>32</sup> and each is within
     * 2<sup>-32</sup>, 2.3e-10, of its exact value), as {@link AliasSampler#sample32} rounds one
     * category's. Ranges are meant to be those {@link AliasSampler#lowest32()} and
     * {@link AliasSampler#highest32()} give, outside which every probability is below
     * 2<sup>-32</sup>.
     *
     * <p>Immutable; the random numbers come from the caller. Not part of the API.
     */
    public static final class IndexTable32 {

        /** The most tuples in one table. */
        public static final int MAX_TUPLES = 1 << 16;

        private final int[] guide;
        private final long[] cumulative;
        private final int[] offsets;
        private final int shift;

        private IndexTable32(int[] guide, long[] cumulative, int[] offsets, int shift) {
            this.guide = guide;
            this.cumulative = cumulative;
            this.offsets = offsets;
            this.shift = shift;
        }

        /**
         * The table of independent Binomial(n<sub>j</sub>, p<sub>j</sub>) counts, each restricted to
         * [lowest<sub>j</sub>, highest<sub>j</sub>].
         *
         * @param audited the n<sub>j</sub>
         * @param rates   the p<sub>j</sub>, each in [0, 1]
         * @param lowest  the smallest count of each
         * @param highest the largest count of each
         * @param strides each count's multiplier in the offset, positive
         * @throws IllegalArgumentException if a range holds no probability, the tuples are more
         *                                  than {@link #MAX_TUPLES} or an offset overflows an int
         */
        public static IndexTable32 binomials(long[] audited, double[] rates, long[] lowest, long[] highest,
                                             int[] strides) {
            int m = audited.length;
            double[][] weights = new double[m][];
            long tuples = 1;
            long largest = 0;
            for (int j = 0; j < m; j++) {
                Table table = binomialTable(audited[j], rates[j]);
                int size = (int) (highest[j] - lowest[j] + 1);
                Args.positive("strides", strides[j]);
                tuples *= size;
                if (size < 1 || tuples > MAX_TUPLES) {
                    throw new ArgumentException("tuples", "tuples (" + tuples + ") must lie in [1, " + MAX_TUPLES
                            + "]");
                }
                largest += (long) (size - 1) * strides[j];
                weights[j] = new double[size];
                double total = 0;
                for (int i = 0; i < size; i++) {
                    long v = lowest[j] + i - table.first();
                    weights[j][i] = v >= 0 && v < table.weights().length ? table.weights()[(int) v] : 0;
                    total += weights[j][i];
                }
                if (!(total > 0)) {
                    throw new ArgumentException("lowest", "range [" + lowest[j] + ", " + highest[j]
                            + "] holds no probability of Binomial(" + audited[j] + ", " + rates[j] + ")");
                }
                for (int i = 0; i < size; i++) {
                    weights[j][i] /= total;
                }
            }
            if (largest > Integer.MAX_VALUE) {
                throw new ArgumentException("strides", "an offset (" + largest + ") overflows an int");
            }
            int n = (int) tuples;
            double[] joint = new double[n];
            int[] offsets = new int[n];
            int[] x = new int[m];
            for (int t = 0; t < n; t++) {
                double w = 1;
                int offset = 0;
                for (int j = 0; j < m; j++) {
                    w *= weights[j][x[j]];
                    offset += x[j] * strides[j];
                }
                joint[t] = w;
                offsets[t] = offset;
                // the next tuple: the last count fastest
                for (int j = m - 1; j >= 0; j--) {
                    if (++x[j] < weights[j].length) {
                        break;
                    }
                    x[j] = 0;
                }
            }
            return of(joint, offsets);
        }

        /** Probabilities proportional to {@code weights}, drawing {@code offsets} (each at least 0). */
        static IndexTable32 of(double[] weights, int[] offsets) {
            int n = weights.length;
            long[] mass = AliasSampler.largestRemainders(weights, 32);
            int kept = 0;
            for (long w : mass) {
                kept += w > 0 ? 1 : 0;
            }
            long[] cumulative = new long[kept];
            int[] drawn = new int[kept];
            long running = 0;
            int at = 0;
            for (int i = 0; i < n; i++) {
                if (mass[i] > 0) {
                    running += mass[i];
                    cumulative[at] = running;
                    drawn[at++] = offsets[i];
                }
            }
            int bits = 8;
            while ((1 << bits) < 8 * kept && bits < 14) {
                bits++;
            }
            int shift = 32 - bits;
            int[] guide = new int[1 << bits];
            int k = 0;
            for (int e = 0; e < guide.length; e++) {
                long start = (long) e << shift;
                long end = (long) (e + 1) << shift;
                while (cumulative[k] <= start) {
                    k++;
                }
                // the whole entry inside tuple k's interval: its offset; else where the search starts
                guide[e] = cumulative[k] >= end ? drawn[k] : -(k + 1);
            }
            return new IndexTable32(guide, cumulative, drawn, shift);
        }

        /**
         * One draw: the offset of the tuple drawn.
         *
         * @param random 32 uniformly distributed bits
         */
        public int sample(int random) {
            return sample(guide, cumulative, offsets, shift, random);
        }

        /**
         * {@link #sample} on the table's arrays ({@link #guide()}, {@link #cumulative()},
         * {@link #offsets()}, {@link #shift()}), for loops that hold them in locals.
         */
        public static int sample(int[] guide, long[] cumulative, int[] offsets, int shift, int random) {
            int g = guide[random >>> shift];
            if (g >= 0) {
                return g;
            }
            long u = random & 0xFFFF_FFFFL;
            int k = -g - 1;
            while (cumulative[k] <= u) {
                k++;
            }
            return offsets[k];
        }

        /** The guide (not a copy: read only). */
        public int[] guide() {
            return guide;
        }

        /** The cumulative masses in units of 2^-32 of the tuples drawn (not a copy: read only). */
        public long[] cumulative() {
            return cumulative;
        }

        /** The offsets of the tuples drawn, in the order of {@link #cumulative()} (not a copy: read only). */
        public int[] offsets() {
            return offsets;
        }

        /**
         * The tuples' masses in units of 2<sup>-32</sup>, in the order of {@link #offsets()} (a
         * new array; they sum to 2<sup>32</sup>).
         */
        public long[] masses() {
            long[] mass = new long[cumulative.length];
            for (int k = 0; k < mass.length; k++) {
                mass[k] = cumulative[k] - (k == 0 ? 0 : cumulative[k - 1]);
            }
            return mass;
        }

        /** The shift that takes a draw's 32 bits to its guide entry. */
        public int shift() {
            return shift;
        }

        /** The probability with which {@code offset} is drawn, exactly as the table holds it. */
        public double probability(int offset) {
            for (int k = 0; k < offsets.length; k++) {
                if (offsets[k] == offset) {
                    return (cumulative[k] - (k == 0 ? 0 : cumulative[k - 1])) * 0x1.0p-32;
                }
            }
            return 0;
        }

        /** The share of guide entries that start a search instead of holding their tuple. */
        public double searchShare() {
            int searching = 0;
            for (int g : guide) {
                searching += g < 0 ? 1 : 0;
            }
            return (double) searching / guide.length;
        }
    }
}
