package org.recordingrate.internal;

import org.recordingrate.error.ArgumentException;

import java.util.Arrays;

/**
 * Order statistics of a large array without sorting it and without changing it: one pass counts
 * the values into 4,096 equal-width buckets between the smallest and the largest finite value
 * (infinite values in two extra buckets), a second pass copies out the few values in the buckets
 * that hold the wanted ranks, and a three-way quickselect (Hoare 1961, with Bentley and McIlroy's
 * fat partition so that runs of equal values, common on the lattice of a bootstrap of counts,
 * cost one pass) finds each rank there. Two linear passes instead of an O(B log B) sort. A
 * tally of values with counts ({@link #selectWeighted}) is selected from directly, linear in
 * the number of distinct values, whatever the counts.
 *
 * <p>Not part of the API.
 */
public final class OrderStatistics {

    /** Buckets between the ends of a {@link Histogram}; two more hold what lies beyond. */
    public static final int BUCKETS = 4096;
    private static final int SORT_BELOW = 32;

    private OrderStatistics() {
    }

    /**
     * Counts of values in {@link #BUCKETS} equal-width buckets over [low, high], with one bucket
     * for everything below and one for everything above (infinities included): filled while the
     * values are produced (one per block of work, then {@link #add}ed, integer sums being the
     * same in any order), so that {@link #select(double[], int, Histogram, int...)} needs a
     * single pass over the data. Not thread-safe.
     */
    public static final class Histogram {
        private final double low;
        private final double high;
        private final double scale;
        private final int[] counts = new int[BUCKETS + 2];

        /**
         * @param low  the lower end (values below share one bucket)
         * @param high the upper end, at least low
         */
        public Histogram(double low, double high) {
            this.low = low;
            this.high = high;
            this.scale = high > low ? BUCKETS / (high - low) : 0;
        }

        /** An empty histogram over the same buckets. */
        public Histogram emptyCopy() {
            return new Histogram(low, high);
        }

        /** The bucket of a value: 0 below low, BUCKETS + 1 above high. */
        public int bucket(double v) {
            if (v < low) {
                return 0;
            }
            if (v > high) {
                return BUCKETS + 1;
            }
            return 1 + Math.min(BUCKETS - 1, (int) ((v - low) * scale));
        }

        /** Counts one value. */
        public void count(double v) {
            counts[bucket(v)]++;
        }

        /** Adds another histogram's counts (same buckets) to this one's. */
        public void add(Histogram other) {
            for (int i = 0; i < counts.length; i++) {
                counts[i] += other.counts[i];
            }
        }
    }

    /**
     * The values of the given ranks, {@code histogram} holding the counts of exactly the values
     * {@code data[0..length)}: one pass copies out the buckets that hold the ranks.
     *
     * @throws IllegalArgumentException if a rank is outside [0, length)
     */
    public static double[] select(double[] data, int length, Histogram histogram, int... ranks) {
        return gatherAndSelect(data, length, histogram, ranks);
    }

    /**
     * The values of the given ranks.
     *
     * @param data   the values (NaN not allowed; infinities sort at the ends); left unchanged
     * @param length how many leading values of {@code data} count
     * @param ranks  0-based ranks, each in [0, length)
     * @return the value of each rank: {@code result[i]} is the {@code ranks[i]}-th smallest
     */
    public static double[] select(double[] data, int length, int... ranks) {
        double[] result = new double[ranks.length];
        if (length <= 8 * BUCKETS) {
            double[] copy = Arrays.copyOf(data, length);
            Arrays.sort(copy);
            for (int i = 0; i < ranks.length; i++) {
                result[i] = copy[ranks[i]];
            }
            return result;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < length; i++) {
            double v = data[i];
            if (v > Double.NEGATIVE_INFINITY && v < Double.POSITIVE_INFINITY) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min > max) {
            // every value infinite: sort a copy
            double[] copy = Arrays.copyOf(data, length);
            Arrays.sort(copy);
            for (int i = 0; i < ranks.length; i++) {
                result[i] = copy[ranks[i]];
            }
            return result;
        }
        Histogram histogram = new Histogram(min, max);
        for (int i = 0; i < length; i++) {
            histogram.count(data[i]);
        }
        return gatherAndSelect(data, length, histogram, ranks);
    }

    private static double[] gatherAndSelect(double[] data, int length, Histogram histogram, int[] ranks) {
        double[] result = new double[ranks.length];
        int[] counts = histogram.counts;
        // which bucket holds each rank, and the rank within it
        int[] bucketOf = new int[ranks.length];
        int[] within = new int[ranks.length];
        for (int r = 0; r < ranks.length; r++) {
            int rank = ranks[r];
            if (rank < 0 || rank >= length) {
                throw new ArgumentException("rank", "rank (" + rank + ") must lie in [0, " + length + ")");
            }
            int below = 0;
            int b = 0;
            while (below + counts[b] <= rank) {
                below += counts[b++];
            }
            bucketOf[r] = b;
            within[r] = rank - below;
        }
        int[] slot = new int[BUCKETS + 2];
        Arrays.fill(slot, -1);
        int used = 0;
        for (int b : bucketOf) {
            if (slot[b] < 0) {
                slot[b] = used++;
            }
        }
        double[][] gathered = new double[used][];
        int[] fill = new int[used];
        for (int b = 0; b < slot.length; b++) {
            if (slot[b] >= 0) {
                gathered[slot[b]] = new double[counts[b]];
            }
        }
        for (int i = 0; i < length; i++) {
            int s = slot[histogram.bucket(data[i])];
            if (s >= 0) {
                gathered[s][fill[s]++] = data[i];
            }
        }
        for (int r = 0; r < ranks.length; r++) {
            double[] values = gathered[slot[bucketOf[r]]];
            result[r] = quickselect(values, 0, values.length - 1, within[r]);
        }
        return result;
    }

    /**
     * Order statistics of a multiset given as values with counts (a tally of replicates: value
     * {@code values[i]} occurring {@code counts[i]} times): the value of each 0-based rank among
     * the sum of the counts, as if the multiset were written out and sorted. A weighted
     * three-way quickselect (the partitions carry the counts along, and a partition's count is
     * compared with the rank instead of its length), so linear in {@code length} per rank,
     * whatever the counts. Rearranges {@code values[0..length)} and {@code counts[0..length)}
     * together (the multiset stays the same, so further calls on the arrays are valid).
     *
     * @param values the distinct values (NaN not allowed; infinities sort at the ends)
     * @param counts how many times each occurs, none negative
     * @param length how many leading entries count
     * @param ranks  0-based ranks, each in [0, sum of the counts)
     * @throws IllegalArgumentException if a rank is outside that range
     */
    public static double[] selectWeighted(double[] values, int[] counts, int length, long... ranks) {
        long total = 0;
        for (int i = 0; i < length; i++) {
            total += counts[i];
        }
        double[] result = new double[ranks.length];
        for (int r = 0; r < ranks.length; r++) {
            long rank = ranks[r];
            if (rank < 0 || rank >= total) {
                throw new ArgumentException("rank", "rank (" + rank + ") must lie in [0, " + total + ")");
            }
            result[r] = weightedQuickselect(values, counts, 0, length - 1, rank);
        }
        return result;
    }

    private static double weightedQuickselect(double[] a, int[] w, int from, int to, long rank) {
        while (to - from >= SORT_BELOW) {
            int middle = (from + to) >>> 1;
            double pivot = median(a[from], a[middle], a[to]);
            int lt = from;
            int gt = to;
            int i = from;
            long less = 0;
            long same = 0;
            while (i <= gt) {
                double v = a[i];
                int c = w[i];
                if (v < pivot) {
                    a[i] = a[lt];
                    w[i] = w[lt];
                    a[lt] = v;
                    w[lt] = c;
                    lt++;
                    i++;
                    less += c;
                } else if (v > pivot) {
                    a[i] = a[gt];
                    w[i] = w[gt];
                    a[gt] = v;
                    w[gt] = c;
                    gt--;
                } else {
                    i++;
                    same += c;
                }
            }
            if (rank < less) {
                to = lt - 1;
            } else if (rank < less + same) {
                return pivot;
            } else {
                rank -= less + same;
                from = gt + 1;
            }
        }
        // a few entries left: insertion sort by value, then walk the counts
        for (int i = from + 1; i <= to; i++) {
            double v = a[i];
            int c = w[i];
            int j = i - 1;
            while (j >= from && a[j] > v) {
                a[j + 1] = a[j];
                w[j + 1] = w[j];
                j--;
            }
            a[j + 1] = v;
            w[j + 1] = c;
        }
        for (int i = from; i <= to; i++) {
            if (rank < w[i]) {
                return a[i];
            }
            rank -= w[i];
        }
        throw new IllegalStateException("rank beyond the counts");
    }

    /**
     * The k-th smallest of {@code a[from..to]} (k counted from {@code from}), rearranging that
     * range: three-way partitions around the median of three until the rank falls among the
     * values equal to the pivot.
     */
    static double quickselect(double[] a, int from, int to, int k) {
        int target = from + k;
        while (to - from >= SORT_BELOW) {
            int middle = (from + to) >>> 1;
            double pivot = median(a[from], a[middle], a[to]);
            // a[from..lt) < pivot, a[lt..i) == pivot, a(gt..to] > pivot
            int lt = from;
            int gt = to;
            int i = from;
            while (i <= gt) {
                double v = a[i];
                if (v < pivot) {
                    a[i++] = a[lt];
                    a[lt++] = v;
                } else if (v > pivot) {
                    a[i] = a[gt];
                    a[gt--] = v;
                } else {
                    i++;
                }
            }
            if (target < lt) {
                to = lt - 1;
            } else if (target > gt) {
                from = gt + 1;
            } else {
                return pivot;
            }
        }
        Arrays.sort(a, from, to + 1);
        return a[target];
    }

    private static double median(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
