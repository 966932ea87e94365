package org.recordingrate.forces;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

import org.recordingrate.error.ArgumentException;
import org.recordingrate.internal.Args;
import org.recordingrate.internal.FloatNormals;
import org.recordingrate.internal.OrderStatistics;
import org.recordingrate.resample.Blocks;
import org.recordingrate.resample.Cancellation;
import org.recordingrate.resample.ProgressListener;

/**
 * Confidence intervals for the forces' ranks (1 = the highest recording rate), marginal (each covers
 * its own force's true rank with the chosen probability) and simultaneous (all cover every force's
 * true rank together), by the single-step method of Mogstad, Romano, Shaikh and Wilhelm (2024,
 * "Inference for ranks with applications to mobility across neighbourhoods and academic achievement
 * across countries", Review of Economic Studies 91, 476-518), as R's csranks computes them with
 * {@code csranks(x, diag(v), simul = FALSE / TRUE, stepdown = FALSE)}:
 *
 * <ol>
 *   <li>the rates p<sub>j</sub> are taken as normal about the true rates, independent, with the
 *       forces' own variances v<sub>j</sub>; the studentised difference of forces j and k is
 *       (p<sub>j</sub> - p<sub>k</sub>) / s<sub>jk</sub>, s<sub>jk</sub> = sqrt(v<sub>j</sub> +
 *       v<sub>k</sub>);</li>
 *   <li>a parametric bootstrap draws Z<sub>k</sub> ~ N(0, v<sub>k</sub>) for every force and replicate;
 *       T<sub>j</sub> = max<sub>k &ne; j</sub> |Z<sub>j</sub> - Z<sub>k</sub>| / s<sub>jk</sub> (the
 *       largest studentised difference involving j) and T = max<sub>j</sub> T<sub>j</sub> (the largest
 *       of all pairs);</li>
 *   <li>the critical values c<sub>j</sub> and c are the level's quantiles of T<sub>j</sub> and T over
 *       the replicates (R's default {@code quantile}, type 7, as csranks);</li>
 *   <li>force k is significantly above j when p<sub>k</sub> - p<sub>j</sub> &gt; c<sub>j</sub>
 *       s<sub>jk</sub>; j's rank interval runs from 1 + (the forces significantly above it) to I - (the
 *       forces significantly below it); with c in place of c<sub>j</sub>, simultaneously.</li>
 * </ol>
 *
 * <p><b>Seeded and identical for any thread count.</b> Replicates run in the fixed blocks of
 * {@link Blocks}, each block with its own generator split from the seed's, drawing the normals two per
 * 64-bit draw (the ziggurat in single precision), in batches of
 * 512 replicates whose pairwise maxima the JIT vectorises (in single precision: 7 significant
 * digits, where the Monte Carlo error of a critical value is about 1e-3). The quantiles are exact order
 * statistics of all replicates: each worker keeps only the values that can still be among the largest
 * K = R - floor((R - 1) level) of its replicates (a threshold that only rises), and the union of the
 * workers' keeps holds the largest K of all, whichever worker ran which block.
 *
 * <p>The estimated rank ({@link RankInterval#rank()}) is 1 plus the number of forces with a strictly
 * higher rate (ties share the better rank, as csranks' {@code irank}); it always lies in both
 * intervals.
 *
 * @param intervals            every force's rank and intervals, in the order given
 * @param marginalCritical     every force's critical value c<sub>j</sub>, in the order given
 * @param simultaneousCritical the simultaneous critical value c
 * @param level                the confidence level
 * @param replicates           the bootstrap replicates
 * @param seed                 the seed
 */
public record RankIntervals(List<RankInterval> intervals, List<Double> marginalCritical, double simultaneousCritical,
                            double level, int replicates, long seed) {

    /** Replicates drawn and compared at once: a batch's pairwise maxima are elementwise over it. */
    static final int BATCH = 512;
    /** Fewest replicates accepted: a 95% quantile needs a few hundred at least. */
    public static final int MIN_REPLICATES = 100;
    /** Most replicates accepted (0.65 s per 10^6 at 43 forces on one core of the benchmark machine). */
    public static final int MAX_REPLICATES = 100_000_000;
    /** A worker's store per statistic, in multiples of the values kept (see {@code capacity}). */
    static final int ROOM = 3;
    /** Most memory the kept values may take, over every worker. */
    static final long MAX_KEPT_BYTES = 512L << 20;

    /**
     * One force's rank and its intervals, 1 being the highest rate.
     *
     * @param rank              1 + the forces with a strictly higher rate
     * @param lower             the marginal interval's best (smallest) rank
     * @param upper             the marginal interval's worst (largest) rank
     * @param lowerSimultaneous the simultaneous interval's best rank
     * @param upperSimultaneous the simultaneous interval's worst rank
     */
    public record RankInterval(int rank, int lower, int upper, int lowerSimultaneous, int upperSimultaneous) {

        /**
         * Validates the ranks: {@code 1 <= lowerSimultaneous <= lower <= rank <= upper <= upperSimultaneous}.
         *
         * @throws IllegalArgumentException when they are out of that order
         */
        public RankInterval {
            if (!(1 <= lowerSimultaneous && lowerSimultaneous <= lower && lower <= rank && rank <= upper
                    && upper <= upperSimultaneous)) {
                throw new IllegalArgumentException("ranks out of order: simultaneous " + lowerSimultaneous + " to "
                        + upperSimultaneous + ", marginal " + lower + " to " + upper + ", rank " + rank);
            }
        }

        /** {@code "12th (95% CI 5th to 19th; simultaneous 3rd to 25th)"}. */
        @Override
        public String toString() {
            return ordinal(rank) + " (" + ordinal(lower) + " to " + ordinal(upper) + "; simultaneous "
                    + ordinal(lowerSimultaneous) + " to " + ordinal(upperSimultaneous) + ")";
        }
    }

    /**
     * Copies the lists.
     *
     * @throws IllegalArgumentException for lists of different lengths or a null
     */
    public RankIntervals {
        intervals = List.copyOf(Args.notNull("intervals", intervals));
        marginalCritical = List.copyOf(Args.notNull("marginalCritical", marginalCritical));
        if (intervals.size() != marginalCritical.size()) {
            throw new IllegalArgumentException("intervals (" + intervals.size() + ") and critical values ("
                    + marginalCritical.size() + ") must be as many");
        }
    }

    /**
     * The rank intervals of rates with their variances.
     *
     * @param rates      the rates (or any estimates), finite; at least one
     * @param variances  their sampling variances, finite and above 0, as many
     * @param level      the confidence level, from 10<sup>-6</sup> to 1 - 10<sup>-9</sup>
     * @param replicates the bootstrap replicates, {@value #MIN_REPLICATES} to {@value #MAX_REPLICATES}
     * @param seed       any whole number
     * @param threads    the most threads, at least 1 (the result does not depend on it)
     * @return the ranks and intervals
     * @throws IllegalArgumentException for arguments out of range, or when the values kept for the
     *                                  quantiles would pass 512 MiB (the message says how many replicates fit)
     */
    public static RankIntervals of(double[] rates, double[] variances, double level, int replicates, long seed,
                                   int threads) {
        Args.notNull("rates", rates);
        Args.notNull("variances", variances);
        int count = rates.length;
        if (count == 0 || variances.length != count) {
            throw new IllegalArgumentException("rates (" + count + ") and variances (" + variances.length
                    + ") must be as many, at least one");
        }
        for (int i = 0; i < count; i++) {
            if (!Double.isFinite(rates[i])) {
                throw new IllegalArgumentException("rate " + (i + 1) + " (" + rates[i] + ") must be finite");
            }
            Args.positive("variance", variances[i]);
        }
        Args.confidence(level);
        if (replicates < MIN_REPLICATES || replicates > MAX_REPLICATES) {
            throw new ArgumentException("replicates", String.format(Locale.ROOT,
                    "replicates (%d) must lie between %d and %,d", replicates, MIN_REPLICATES, MAX_REPLICATES));
        }
        Args.positive("threads", threads);
        double h = (replicates - 1) * level;
        int lo = (int) Math.floor(h);
        int keep = replicates - lo;
        int workers = Math.min(threads, Blocks.count(replicates));
        int capacity = capacity(keep, replicates, workers, count);
        if (capacity < 0) {
            long bytes = (long) workers * (count + 1) * minimumCapacity(keep) * Float.BYTES;
            long fits = (long) ((double) MAX_KEPT_BYTES / (workers * (count + 1L) * Float.BYTES * 1.25) / (1 - level));
            throw new ArgumentException("replicates", String.format(Locale.ROOT, "replicates (%,d) for %d forces at %s "
                    + "would keep %,d MiB of values for the quantiles on %d threads; at most about %,d replicates fit",
                    replicates, count, Args.show(level), bytes >> 20, workers, fits));
        }
        double[] critical = new double[count + 1];
        if (count > 1) {
            critical = criticalValues(variances, level, replicates, seed, threads, keep, capacity, h - lo);
        }
        List<RankInterval> intervals = new ArrayList<>(count);
        List<Double> marginal = new ArrayList<>(count);
        for (int j = 0; j < count; j++) {
            int above = 0;
            int aboveMarginal = 0;
            int belowMarginal = 0;
            int aboveSimultaneous = 0;
            int belowSimultaneous = 0;
            for (int k = 0; k < count; k++) {
                if (k == j) {
                    continue;
                }
                double s = Math.sqrt(variances[j] + variances[k]);
                double d = rates[k] - rates[j];
                above += d > 0 ? 1 : 0;
                aboveMarginal += d > critical[j] * s ? 1 : 0;
                belowMarginal += -d > critical[j] * s ? 1 : 0;
                aboveSimultaneous += d > critical[count] * s ? 1 : 0;
                belowSimultaneous += -d > critical[count] * s ? 1 : 0;
            }
            intervals.add(new RankInterval(1 + above, 1 + aboveMarginal, count - belowMarginal, 1 + aboveSimultaneous,
                    count - belowSimultaneous));
            marginal.add(critical[j]);
        }
        return new RankIntervals(intervals, marginal, critical[count], level, replicates, seed);
    }

    /** The smallest store that holds the largest {@code keep} values and room to offer a batch more. */
    private static int minimumCapacity(int keep) {
        return keep + Math.max(keep / 4, BATCH);
    }

    /**
     * The values each worker may keep per statistic before it compacts its store to the largest
     * {@code keep}: {@value #ROOM} times {@code keep} (about two compactions over a run, each a
     * selection over the store: a store only a quarter larger than {@code keep} compacted some
     * twenty times per statistic, most of the time of a run), less when memory is short, never
     * more than a worker can see; -1 when even the smallest store would pass {@value #MAX_KEPT_BYTES}
     * bytes over every worker.
     */
    static int capacity(int keep, int replicates, int workers, int count) {
        long perValue = (long) workers * (count + 1) * Float.BYTES;
        long minimum = minimumCapacity(keep);
        if (perValue * minimum > MAX_KEPT_BYTES) {
            return -1;
        }
        long wanted = Math.min((long) ROOM * keep, (long) replicates + BATCH);
        return (int) Math.max(minimum, Math.min(wanted, MAX_KEPT_BYTES / perValue));
    }

    /** What a worker keeps: the largest values of each statistic seen so far, and its batch arrays. */
    private static final class Kept {
        /** Per statistic, the values that can still be among the largest (single precision, as computed). */
        final float[][] values;
        final int[] size;
        /** Per statistic, a value no greater than which can no longer be among the largest. */
        final float[] threshold;
        /** A store's values in double precision for the selection that compacts it. */
        final double[] scratch;
        /** Per statistic, the early threshold this worker chose by {@code speculate} (-infinity if none). */
        final float[] speculative;
        /** The replicates this worker has drawn. */
        int seen;
        final float[][] z;
        final float[][] max;
        final float[] all;

        Kept(int count, int capacity) {
            values = new float[count + 1][capacity];
            size = new int[count + 1];
            threshold = new float[count + 1];
            Arrays.fill(threshold, Float.NEGATIVE_INFINITY);
            scratch = new double[capacity];
            speculative = new float[count + 1];
            Arrays.fill(speculative, Float.NEGATIVE_INFINITY);
            z = new float[count][BATCH];
            max = new float[count][BATCH];
            all = new float[BATCH];
        }
    }

    /**
     * c_j for every force, then c, from the bootstrap: first with early thresholds ({@code speculate}),
     * and in the rare run where they proved too high, again without them. Both give the same exact
     * order statistics of the same replicates.
     */
    private static double[] criticalValues(double[] variances, double level, int replicates, long seed, int threads,
                                           int keep, int capacity, double fraction) {
        double share = earlyShare(level);
        double[] critical = criticalValues(variances, replicates, seed, threads, keep, capacity, fraction, share);
        return critical != null ? critical
                : criticalValues(variances, replicates, seed, threads, keep, capacity, fraction, 0);
    }

    /**
     * The share of values an early threshold leaves above it: three times the share the quantile
     * leaves (15% for a 95% level), so that the threshold lies far below the quantile (at 8,192
     * replicates the 85th percentile is some fifteen standard errors below the 95th); 0 (no early
     * threshold) when that share would pass a half.
     */
    static double earlyShare(double level) {
        double share = 3 * (1 - level);
        return share < 0.5 ? share : 0;
    }

    /**
     * The critical values, or null when an early threshold proved too high. Each worker, after its first
     * {@value Blocks#SIZE} replicates, may raise its thresholds to the value that leaves a share
     * {@code earlyShare} of what it has seen above it (0: never), keeping from then on only values
     * above: a guess, as the quantile over all replicates is not known yet. The guess is checked at the
     * end: if the union of kept values holds at least {@code keep} values above the highest early
     * threshold T of every worker, the {@code keep}-th largest of all replicates lies above T, so every
     * one of the largest {@code keep} was kept by whichever worker drew it, and the order statistics are
     * exact; otherwise null.
     */
    static double[] criticalValues(double[] variances, int replicates, long seed, int threads, int keep, int capacity,
                                   double fraction, double share) {
        int count = variances.length;
        double[] sd = new double[count];
        float[] inverse = new float[count * count];
        for (int j = 0; j < count; j++) {
            sd[j] = Math.sqrt(variances[j]);
            for (int k = 0; k < count; k++) {
                inverse[j * count + k] = j == k ? 0 : (float) (1 / Math.sqrt(variances[j] + variances[k]));
            }
        }
        List<Kept> states = Blocks.run(replicates, Blocks.source(seed), threads, threads, ProgressListener.NONE,
                new Cancellation(), () -> new Kept(count, capacity),
                (Kept kept, int block, int from, int n, RandomGenerator random) -> {
                    for (int done = 0; done < n; done += BATCH) {
                        batch(kept, Math.min(BATCH, n - done), sd, inverse, random, keep);
                    }
                    boolean first = kept.seen < Blocks.SIZE;
                    kept.seen += n;
                    if (share > 0 && first && kept.seen >= Blocks.SIZE) {
                        speculate(kept, share);
                    }
                });
        double[] critical = new double[count + 1];
        for (int j = 0; j <= count; j++) {
            int total = 0;
            float early = Float.NEGATIVE_INFINITY;
            for (Kept kept : states) {
                total += kept.size[j];
                early = Math.max(early, kept.speculative[j]);
            }
            double[] all = new double[total];
            int at = 0;
            int above = 0;
            for (Kept kept : states) {
                float[] values = kept.values[j];
                for (int i = 0; i < kept.size[j]; i++) {
                    all[at++] = values[i];
                    above += values[i] > early ? 1 : 0;
                }
            }
            if (above < keep) {
                return null;
            }
            // the largest `keep` values of all replicates are the largest of `all`: ascending ranks total - keep
            // (the floor((R - 1) level)-th smallest overall) and the next
            if (keep >= 2) {
                double[] two = OrderStatistics.select(all, total, total - keep, total - keep + 1);
                critical[j] = two[0] + fraction * (two[1] - two[0]);
            } else {
                critical[j] = OrderStatistics.select(all, total, total - 1)[0];
            }
        }
        return critical;
    }

    /**
     * Raises each statistic's threshold to the value that leaves {@code share} of the replicates this
     * worker has seen above it, when that is higher, and drops what is no longer above.
     */
    private static void speculate(Kept kept, double share) {
        int above = (int) Math.ceil(share * kept.seen);
        for (int j = 0; j < kept.size.length; j++) {
            int size = kept.size[j];
            if (size <= above) {
                continue;
            }
            float early = largest(kept, j, above);
            if (early > kept.threshold[j]) {
                kept.size[j] = dropAtOrBelow(kept.values[j], size, early);
                kept.threshold[j] = early;
                kept.speculative[j] = early;
            }
        }
    }

    /**
     * One batch: draw, take every pair's studentised difference, offer each maximum to what is kept. The
     * pairs are compared in single precision (7 significant digits, against a Monte Carlo error of the
     * critical values near 1e-3), which halves the memory the vectorised loop moves. Every loop runs
     * along one force's replicates (contiguous, so the JIT vectorises it) in a small method of its own
     * (compiled after a few batches, where one large method waited for on-stack replacement); the first
     * force's pairs set the maxima rather than clearing them first.
     */
    private static void batch(Kept kept, int size, double[] sd, float[] inverse, RandomGenerator random, int keep) {
        int count = sd.length;
        float[][] z = kept.z;
        float[][] max = kept.max;
        for (int k = 0; k < count; k++) {
            draw(z[k], sd[k], random, size);
        }
        for (int k = 1; k < count; k++) {
            if (k == 1) {
                firstPair(z[0], max[0], z[1], max[1], inverse[1], size);
            } else {
                firstForcesPair(z[0], max[0], z[k], max[k], inverse[k], size);
            }
        }
        for (int j = 1; j < count; j++) {
            for (int k = j + 1; k < count; k++) {
                pair(z[j], max[j], z[k], max[k], inverse[j * count + k], size);
            }
        }
        float[] all = kept.all;
        System.arraycopy(max[0], 0, all, 0, size);
        for (int j = 0; j < count; j++) {
            if (j > 0) {
                largest(all, max[j], size);
            }
            offerAll(kept, j, max[j], size, keep);
        }
        offerAll(kept, count, all, size, keep);
    }

    /**
     * A force's normals with standard deviation {@code sd}, in single precision: standard normals by
     * {@code internal.FloatNormals} (two per 64-bit draw, where {@code nextGaussian()} takes one each and was a
     * third of a run), then scaled.
     */
    private static void draw(float[] z, double sd, RandomGenerator random, int size) {
        FloatNormals.fill(random, z, size);
        for (int r = 0; r < size; r++) {
            z[r] = (float) (sd * z[r]);
        }
    }

    /** Forces 0 and 1: their studentised difference is where both maxima start. */
    private static void firstPair(float[] z0, float[] m0, float[] z1, float[] m1, float a, int size) {
        for (int r = 0; r < size; r++) {
            float d = Math.abs(z0[r] - z1[r]) * a;
            m0[r] = d;
            m1[r] = d;
        }
    }

    /** Forces 0 and k &gt; 1: force 0's maximum grows, force k's starts. */
    private static void firstForcesPair(float[] z0, float[] m0, float[] zk, float[] mk, float a, int size) {
        for (int r = 0; r < size; r++) {
            float d = Math.abs(z0[r] - zk[r]) * a;
            m0[r] = Math.max(m0[r], d);
            mk[r] = d;
        }
    }

    /** Forces j and k, both past their first pair: both maxima grow. */
    private static void pair(float[] zj, float[] mj, float[] zk, float[] mk, float a, int size) {
        for (int r = 0; r < size; r++) {
            float d = Math.abs(zj[r] - zk[r]) * a;
            mj[r] = Math.max(mj[r], d);
            mk[r] = Math.max(mk[r], d);
        }
    }

    /** Elementwise maximum into {@code all}. */
    private static void largest(float[] all, float[] values, int size) {
        for (int r = 0; r < size; r++) {
            all[r] = Math.max(all[r], values[r]);
        }
    }

    /**
     * Offers a batch's values of one statistic: compacts the store first if the batch might not fit,
     * then appends every value and advances past it only when it lies above the threshold. The advance
     * is the sign bit of threshold - value (exact: two different floats never subtract to zero), so the
     * loop has no branch to mispredict while a quarter of the values pass early in a run and a twentieth
     * late.
     */
    private static void offerAll(Kept kept, int j, float[] batch, int size, int keep) {
        float[] values = kept.values[j];
        if (kept.size[j] + size > values.length) {
            compact(kept, j, keep);
        }
        int n = kept.size[j];
        float threshold = kept.threshold[j];
        for (int r = 0; r < size; r++) {
            float value = batch[r];
            values[n] = value;
            n += Float.floatToRawIntBits(threshold - value) >>> 31;
        }
        kept.size[j] = n;
    }

    /**
     * Keeps only the largest {@code keep} values of a statistic's store (the values above the keep-th
     * largest, and as many copies of it as make up {@code keep}) and raises the threshold to it: no value
     * at or below it can be among the largest {@code keep}.
     */
    private static void compact(Kept kept, int j, int keep) {
        float threshold = largest(kept, j, keep);
        float[] values = kept.values[j];
        int at = dropAtOrBelow(values, kept.size[j], threshold);
        while (at < keep) {
            values[at++] = threshold;
        }
        kept.size[j] = keep;
        kept.threshold[j] = threshold;
    }

    /** The {@code rank}-th largest value of statistic j's store (1 = the largest), selected in double precision. */
    private static float largest(Kept kept, int j, int rank) {
        float[] values = kept.values[j];
        int size = kept.size[j];
        double[] scratch = kept.scratch;
        for (int i = 0; i < size; i++) {
            scratch[i] = values[i];
        }
        return (float) OrderStatistics.select(scratch, size, size - rank)[0];
    }

    /** Moves the first {@code size} values above {@code floor} to the front, in order; returns how many. */
    private static int dropAtOrBelow(float[] values, int size, float floor) {
        int at = 0;
        for (int i = 0; i < size; i++) {
            if (values[i] > floor) {
                values[at++] = values[i];
            }
        }
        return at;
    }

    /**
     * The interval of each force, in the order given.
     *
     * @param force the force's index, from 0
     * @return its rank and intervals
     * @throws IndexOutOfBoundsException if the index is out of range
     */
    public RankInterval interval(int force) {
        return intervals.get(force);
    }

    /**
     * An ordinal in English: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd, 23rd, 101st, 111th.
     *
     * @param n a whole number
     * @return the ordinal
     */
    public static String ordinal(int n) {
        int tens = Math.abs(n) % 100;
        String suffix = tens >= 11 && tens <= 13 ? "th" : switch (Math.abs(n) % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    /** {@code "rank intervals at 95%: critical values 2.95 to 3.21 (marginal), 3.87 (simultaneous); 1,000,000 replicates, seed 1"}. */
    @Override
    public String toString() {
        double min = marginalCritical.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = marginalCritical.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return String.format(Locale.ROOT, "rank intervals at %s: critical values %.3f to %.3f (marginal), %.3f "
                + "(simultaneous); %,d replicates, seed %d", Args.show(100 * level) + "%", min, max,
                simultaneousCritical, replicates, seed);
    }
}
