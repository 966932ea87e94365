package org.recordingrate.internal;

/**
 * Draws from a discrete distribution on a range of whole numbers by Walker's (1977) alias
 * method, built by Vose's (1991) algorithm in exact integer arithmetic: K = 2<sup>b</sup> columns
 * (b the smallest, at least 1, with K at least the number of values), each of capacity
 * S = 2<sup>62-b</sup>, holding its own value with an integer threshold and an alias for the rest.
 * A draw takes the top b bits of one random {@code long} as the column and compares 62 - b of
 * the others with the column's threshold, without a branch: no loop, no unpredictable jump,
 * about one nanosecond beyond the random number.
 *
 * <p>Accuracy: {@link #sample} rounds each probability to a multiple of 2<sup>-62</sup> (off by at
 * most 2<sup>-62</sup>, 2e-19), {@link #sample32}, which needs half a random {@code long}, to a
 * multiple of 2<sup>-32</sup> (off by at most 2.3e-10); each table reproduces its rounded
 * probabilities exactly; the
 * probabilities come from the same tables as {@link InversionSampler}'s (relative errors of
 * order 1e-14; values below 2<sup>-64</sup> of the mode's probability left out).
 *
 * <p>Immutable; the random numbers come from the caller. Not part of the API.
 */
public final class AliasSampler {

    private static final long ONE = 1L << 62;

    private final long first;
    private final long[] thresholds;
    private final int[] aliases;
    private final int columnShift;
    private final long withinMask;
    private final int size;
    private final int bits;
    private final long[] thresholds32;
    private final int[] aliases32;
    private final long within32Mask;

    private AliasSampler(long first, double[] weights) {
        this.first = first;
        int n = weights.length;
        this.size = n;
        // at least two columns, so that the column shift stays below 64
        int bits = 1;
        while ((1 << bits) < n) {
            bits++;
        }
        this.bits = bits;
        columnShift = 64 - bits;
        withinMask = (ONE >>> bits) - 1;
        thresholds = new long[1 << bits];
        aliases = new int[1 << bits];
        build(weights, 62, bits, thresholds, aliases);
        thresholds32 = new long[1 << bits];
        aliases32 = new int[1 << bits];
        build(weights, 32, bits, thresholds32, aliases32);
        within32Mask = (1L << (32 - bits)) - 1;
    }

    /**
     * Vose's alias table in integers: the weights rounded to whole multiples of 2^-precision by
     * largest remainders (so they sum to exactly 2^precision and each is within 2^-precision),
     * columns of capacity 2^(precision - bits).
     */
    private static void build(double[] weights, int precision, int bits, long[] thresholds, int[] aliases) {
        int n = weights.length;
        int columns = 1 << bits;
        long one = 1L << precision;
        long capacity = one >>> bits;
        long[] w = java.util.Arrays.copyOf(largestRemainders(weights, precision), columns);
        int[] small = new int[columns];
        int[] large = new int[columns];
        int ns = 0;
        int nl = 0;
        for (int i = 0; i < columns; i++) {
            aliases[i] = i;
            if (w[i] < capacity) {
                small[ns++] = i;
            } else {
                large[nl++] = i;
            }
        }
        while (ns > 0 && nl > 0) {
            int s = small[--ns];
            int l = large[nl - 1];
            thresholds[s] = w[s];
            aliases[s] = l;
            w[l] -= capacity - w[s];
            if (w[l] < capacity) {
                nl--;
                small[ns++] = l;
            }
        }
        while (nl > 0) {
            thresholds[large[--nl]] = capacity;
        }
        while (ns > 0) {
            // only reachable through rounding, which the exact sums exclude; keep the column whole
            thresholds[small[--ns]] = capacity;
        }
    }

    /**
     * Largest remainders (Hamilton's method): the weights, normalised, in units of
     * 2<sup>-precision</sup>: every one floored, then one unit more for those with the largest
     * fractions (ties to the lower index), so that they sum to exactly 2<sup>precision</sup> and
     * each is within one unit of its exact value.
     */
    static long[] largestRemainders(double[] weights, int precision) {
        int n = weights.length;
        long one = 1L << precision;
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        long[] w = new long[n];
        long sum = 0;
        double[] fractions = new double[n];
        for (int i = 0; i < n; i++) {
            double exact = weights[i] / total * one;
            w[i] = (long) Math.floor(exact);
            fractions[i] = exact - w[i];
            sum += w[i];
        }
        long missing = one - sum;
        if (missing > 0) {
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> Double.compare(fractions[b], fractions[a]));
            for (int j = 0; j < missing; j++) {
                w[order[j % n]]++;
            }
        }
        return w;
    }

    /** Probabilities proportional to {@code weights[i]} for the values {@code first + i}. */
    public static AliasSampler of(long first, double[] weights) {
        return new AliasSampler(first, weights);
    }

    /**
     * Binomial(n, p), for tables up to {@link InversionSampler#MAX_TABLE} values.
     *
     * @throws IllegalArgumentException if the table would be larger
     */
    public static AliasSampler binomial(long n, double p) {
        InversionSampler.Table t = InversionSampler.binomialTable(n, p);
        return new AliasSampler(t.first(), t.weights());
    }

    /**
     * The hypergeometric distribution of {@link Hypergeometric} (recorded count of group a of
     * {@code na}, when {@code s} recorded reports fall among {@code na + nb}).
     *
     * @throws IllegalArgumentException if the table would be larger than {@link InversionSampler#MAX_TABLE}
     */
    public static AliasSampler hypergeometric(long na, long nb, long s) {
        InversionSampler.Table t = InversionSampler.hypergeometricTable(na, nb, s);
        return new AliasSampler(t.first(), t.weights());
    }

    /**
     * One draw.
     *
     * @param random a uniformly distributed {@code long}, all 64 bits random
     * @return the value drawn
     */
    public long sample(long random) {
        int column = (int) (random >>> columnShift);
        long within = random & withinMask;
        int alias = aliases[column];
        // own value when within < threshold: mask all ones then, zero otherwise
        int own = (int) ((within - thresholds[column]) >> 63);
        return first + (alias ^ ((column ^ alias) & own));
    }

    /**
     * One draw from 32 random bits (half a {@code long}), with the probabilities rounded to
     * multiples of 2<sup>-32</sup> instead of 2<sup>-62</sup>: each within 2<sup>-32</sup> (2.3e-10) of
     * the distribution's, finer than Commons RNG's {@code MarsagliaTsangWangDiscreteSampler} (2<sup>-31</sup>),
     * far below the Monte Carlo error of any bootstrap (1e-3 at a million replicates). Two draws
     * per random {@code long}: the bootstrap's inner loop uses it, so that a replicate of three
     * categories costs one and a half random numbers.
     *
     * @param random 32 uniformly distributed bits
     * @return the value drawn
     */
    public long sample32(int random) {
        int column = random >>> (32 - bits);
        long within = random & within32Mask;
        int alias = aliases32[column];
        int own = (int) ((within - thresholds32[column]) >> 63);
        return first + (alias ^ ((column ^ alias) & own));
    }

    /**
     * The 32-bit table ({@link #sample32}) with a number attached to each index, packed so that a
     * draw reads one place: for column c, {@code [3c]} its threshold, {@code [3c + 1]} the number of
     * its own index, {@code [3c + 2]} the number of its alias. Where the table is large (tens of
     * thousands of values) a draw then costs one cache miss instead of three.
     *
     * @param numbers one number per index, {@code numbers[i]} for value {@code lowest() + i}
     * @return the packed table, 3 x 2<sup>b</sup> doubles; {@link #samplePacked32} draws from it
     * @throws IllegalArgumentException if {@code numbers} is null or its length is not the number
     *                                  of values
     */
    public double[] packed32(double[] numbers) {
        Args.notNull("numbers", numbers);
        if (numbers.length != size) {
            throw new IllegalArgumentException("numbers (" + numbers.length + ") must be one per value (" + size + ")");
        }
        double[] packed = new double[3 * thresholds32.length];
        for (int c = 0; c < thresholds32.length; c++) {
            packed[3 * c] = thresholds32[c];
            packed[3 * c + 1] = c < size ? numbers[c] : 0;
            packed[3 * c + 2] = numbers[aliases32[c]];
        }
        return packed;
    }

    /**
     * One draw from a {@link #packed32} table: the number of the index {@link #sample32} would
     * return for the same bits.
     *
     * @param packed the packed table
     * @param bits   log2 of its columns: {@code packed.length == 3 << bits}
     * @param random 32 uniformly distributed bits
     * @return the number attached to the index drawn
     */
    public static double samplePacked32(double[] packed, int bits, int random) {
        int column = random >>> (32 - bits);
        long within = random & ((1L << (32 - bits)) - 1);
        int at = 3 * column;
        return within < packed[at] ? packed[at + 1] : packed[at + 2];
    }

    /**
     * The masses of the 32-bit table per value index (value {@code lowest() + i}), in units of
     * 2<sup>-32</sup>: what {@link #sample32} draws, exactly; they sum to 2<sup>32</sup>. (A tally of
     * many draws can be drawn at once from these as a multinomial, with the same distribution.)
     *
     * @return a new array, one mass per value
     */
    public long[] masses32() {
        long[] mass = new long[size];
        long capacity = 1L << (32 - bits);
        for (int c = 0; c < thresholds32.length; c++) {
            if (c < size) {
                mass[c] += thresholds32[c];
            }
            if (aliases32[c] != c) {
                mass[aliases32[c]] += capacity - thresholds32[c];
            }
        }
        return mass;
    }

    /**
     * The smallest value {@link #sample32} can return: values whose probability rounds to 0 at
     * 2<sup>-32</sup> are never drawn, so a tally of 32-bit draws needs only
     * [{@link #lowest32()}, {@link #highest32()}].
     */
    public long lowest32() {
        long[] mass = masses32();
        int i = 0;
        while (mass[i] == 0) {
            i++;
        }
        return first + i;
    }

    /** The largest value {@link #sample32} can return. */
    public long highest32() {
        long[] mass = masses32();
        int i = size - 1;
        while (mass[i] == 0) {
            i--;
        }
        return first + i;
    }

    /** The probability with which {@link #sample32} draws {@code value}, exactly as its table holds it. */
    public double probability32(long value) {
        if (value < lowest() || value > highest()) {
            return 0;
        }
        int k = (int) (value - first);
        long mass = 0;
        long capacity = 1L << (32 - bits);
        for (int c = 0; c < thresholds32.length; c++) {
            if (c == k) {
                mass += thresholds32[c];
            }
            if (aliases32[c] == k && c != k) {
                mass += capacity - thresholds32[c];
            }
        }
        return (double) mass / (1L << 32);
    }

    /** The smallest value the sampler can return. */
    public long lowest() {
        return first;
    }

    /** The largest value the sampler can return. */
    public long highest() {
        return first + size - 1;
    }

    /** The probability with which {@code value} is drawn, exactly as the table holds it. */
    public double probability(long value) {
        if (value < lowest() || value > highest()) {
            return 0;
        }
        int k = (int) (value - first);
        long mass = 0;
        long capacity = withinMask + 1;
        for (int c = 0; c < thresholds.length; c++) {
            if (c == k) {
                mass += thresholds[c];
            }
            if (aliases[c] == k && c != k) {
                mass += capacity - thresholds[c];
            }
        }
        return (double) mass / ONE;
    }
}
