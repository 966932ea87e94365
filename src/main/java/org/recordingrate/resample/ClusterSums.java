package org.recordingrate.resample;

import java.util.Arrays;

import org.recordingrate.internal.AliasSampler;
import org.recordingrate.model.Incidents;
import org.recordingrate.model.Tally;

/**
 * The bootstrap distribution of one category's recording rate when its m incidents are drawn
 * with replacement: the rate of a replicate is R*&#47;A*, the recorded over the audited crimes of
 * the m incidents drawn, and nothing else about the draw matters to any statistic of the
 * category. Incidents with the same pattern (crimes c, recorded r) are exchangeable, so a draw is
 * a multinomial over the few patterns, and (A*, R*) is the m-fold convolution of the one-incident
 * distribution &pi;(c, r) = (incidents of that pattern)/m. This class computes that distribution
 * once, exactly up to the dropped tails, and keeps it as the distinct values of R*&#47;A* (equal
 * fractions merged exactly, compared by cross-multiplication) with their probabilities: the
 * category's whole bootstrap distribution, to be drawn from by one table look-up per replicate
 * ({@link #sampler()}), or convolved with other categories' for the exact bootstrap.
 *
 * <p><b>How.</b> Incidents of one crime each (or a tally without incidents): R* is
 * Binomial(m, x/m), A* = m. Otherwise the convolution is built one incident at a time on a grid
 * of (A, R) cells, each row A keeping only its window of R with probability at least
 * 2<sup>-64</sup> of the largest cell (as the binomial tables of {@link ExactDistribution}); the
 * mass so dropped is at most m x cells x 2<sup>-64</sup> in all (below 1e-9 within the limits below),
 * and the rest is renormalised. Work: about m x cells x patterns multiply-adds.
 *
 * <p><b>Limits.</b> At most {@link #MAX_CELLS} cells and {@link #MAX_WORK} multiply-adds (a few
 * seconds): about a thousand incidents of one to four crimes in a category. Beyond, {@link #of}
 * returns null and the caller draws the patterns replicate by replicate instead (or, for the
 * exact bootstrap, refuses). Immutable.
 */
final class ClusterSums {

    /** The most (A, R) cells of the convolution, and the most distinct rates kept (32 MiB of doubles). */
    static final int MAX_CELLS = 1 << 22;

    /** The most multiply-adds spent on one category's convolution (a few seconds). */
    static final double MAX_WORK = 4e9;

    /** Cells below this share of the largest are dropped (as the binomial tables). */
    private static final double NEGLIGIBLE = 0x1.0p-64;

    /** Standard deviations either side of the mean that the 2^-64 threshold keeps, for the size estimate. */
    private static final double SPREAD = 2 * 9.5;

    private final long[] numerators;
    private final long[] denominators;
    private final double[] values;
    private final double[] probabilities;
    private final int observed;
    private AliasSampler sampler;
    private double[] packed;

    private ClusterSums(long[] numerators, long[] denominators, double[] probabilities, long x, long n) {
        this.numerators = numerators;
        this.denominators = denominators;
        int d = numerators.length;
        values = new double[d];
        double total = 0;
        for (int i = 0; i < d; i++) {
            values[i] = (double) numerators[i] / denominators[i];
            total += probabilities[i];
        }
        for (int i = 0; i < d; i++) {
            probabilities[i] /= total;
        }
        this.probabilities = probabilities;
        int found = -1;
        for (int i = 0; i < d && found < 0; i++) {
            if (numerators[i] * n == x * denominators[i]) {
                found = i;
            }
        }
        observed = found;
    }

    /**
     * The bootstrap distribution of the rate of a category of incidents, or null when it is beyond
     * {@link #MAX_CELLS} or {@link #MAX_WORK} (see the class comment).
     */
    static ClusterSums of(Incidents incidents) {
        boolean single = incidents.largest() == 1;
        if (single) {
            return binomial(incidents.tally());
        }
        if (estimatedCells(incidents) > MAX_CELLS || estimatedWork(incidents) > MAX_WORK) {
            return null;
        }
        synchronized (RECENT) {
            ClusterSums known = RECENT.get(incidents);
            if (known != null) {
                return known;
            }
        }
        ClusterSums sums = convolution(incidents);
        if (sums != null) {
            synchronized (RECENT) {
                RECENT.put(incidents, sums);
                recentAtoms += sums.size();
                var oldest = RECENT.entrySet().iterator();
                while (recentAtoms > RECENT_ATOMS && RECENT.size() > 1) {
                    recentAtoms -= oldest.next().getValue().size();
                    oldest.remove();
                }
            }
        }
        return sums;
    }

    /**
     * The distributions computed last, by their incidents (equal incidents, equal distribution):
     * a session that bootstraps one inspection again and again computes each category's once. At
     * most {@link #RECENT_ATOMS} values in all (about 64 MB), the least recently used dropped.
     */
    /** Forgets the distributions computed so far (benchmarks time the computation with it). */
    static void forget() {
        synchronized (RECENT) {
            RECENT.clear();
            recentAtoms = 0;
        }
    }

    private static final java.util.LinkedHashMap<Incidents, ClusterSums> RECENT =
            new java.util.LinkedHashMap<>(16, 0.75f, true);
    private static final long RECENT_ATOMS = 1L << 21;
    private static long recentAtoms;

    /**
     * The bootstrap distribution of a rate x/n whose n crimes were sampled one by one: R* is
     * Binomial(n, x/n); null when it holds more than {@link #MAX_CELLS} values.
     */
    static ClusterSums binomial(Tally tally) {
        long n = tally.audited();
        long x = tally.recorded();
        if (x == 0 || x == n) {
            return new ClusterSums(new long[] {x == 0 ? 0 : 1}, new long[] {1}, new double[] {1}, x, n);
        }
        double p = (double) x / n;
        if (SPREAD * Math.sqrt(n * p * (1 - p)) + 64 > MAX_CELLS) {
            return null;
        }
        long[] range = new long[2];
        double[] probabilities = ExactDistribution.binomial(n, p, range);
        int d = probabilities.length;
        long[] numerators = new long[d];
        long[] denominators = new long[d];
        for (int i = 0; i < d; i++) {
            long r = range[0] + i;
            long g = gcd(r, n);
            numerators[i] = r / g;
            denominators[i] = n / g;
        }
        return new ClusterSums(numerators, denominators, probabilities, x, n);
    }

    /** The cells the convolution is expected to reach: (19 sd(A*) + 1) (19 sd(R* | A*) + 1). */
    static double estimatedCells(Incidents incidents) {
        double m = incidents.count();
        double mc = 0;
        double mr = 0;
        for (Incidents.Group g : incidents.groups()) {
            mc += g.incidents() * (double) g.crimes() / m;
            mr += g.incidents() * (double) g.recorded() / m;
        }
        double vc = 0;
        double vr = 0;
        double cov = 0;
        for (Incidents.Group g : incidents.groups()) {
            double w = g.incidents() / m;
            double dc = g.crimes() - mc;
            double dr = g.recorded() - mr;
            vc += w * dc * dc;
            vr += w * dr * dr;
            cov += w * dc * dr;
        }
        double residual = vc > 0 ? Math.max(0, vr - cov * cov / vc) : vr;
        return (SPREAD * Math.sqrt(m * vc) + 1) * (SPREAD * Math.sqrt(m * residual) + 1);
    }

    /** The multiply-adds the convolution is expected to take: patterns x m x cells / 2. */
    static double estimatedWork(Incidents incidents) {
        return incidents.groups().size() * (double) incidents.count() * estimatedCells(incidents) / 2;
    }

    /** The m-fold convolution on the (A, R) grid, one incident at a time (see the class comment). */
    private static ClusterSums convolution(Incidents incidents) {
        long m = incidents.count();
        int groups = incidents.groups().size();
        int[] crimes = new int[groups];
        int[] recorded = new int[groups];
        double[] weights = new double[groups];
        int cMin = Integer.MAX_VALUE;
        int cMax = 0;
        for (int g = 0; g < groups; g++) {
            Incidents.Group group = incidents.groups().get(g);
            crimes[g] = (int) group.crimes();
            recorded[g] = (int) group.recorded();
            weights[g] = (double) group.incidents() / m;
            cMin = Math.min(cMin, crimes[g]);
            cMax = Math.max(cMax, crimes[g]);
        }
        // the distribution after j incidents: row i is A = aLow + i, holding R = lo[i] .. lo[i] + rows[i].length - 1
        long aLow = 0;
        int[] lo = {0};
        double[][] rows = {{1.0}};
        double work = 0;
        for (long j = 0; j < m; j++) {
            int height = rows.length + cMax - cMin;
            int[] newLo = new int[height];
            int[] newHi = new int[height];
            Arrays.fill(newLo, Integer.MAX_VALUE);
            Arrays.fill(newHi, Integer.MIN_VALUE);
            for (int i = 0; i < rows.length; i++) {
                if (rows[i].length == 0) {
                    continue;
                }
                for (int g = 0; g < groups; g++) {
                    int t = i + crimes[g] - cMin;
                    newLo[t] = Math.min(newLo[t], lo[i] + recorded[g]);
                    newHi[t] = Math.max(newHi[t], lo[i] + rows[i].length - 1 + recorded[g]);
                }
            }
            double[][] next = new double[height][];
            long cells = 0;
            for (int t = 0; t < height; t++) {
                next[t] = newHi[t] >= newLo[t] ? new double[newHi[t] - newLo[t] + 1] : new double[0];
                cells += next[t].length;
                if (next[t].length == 0) {
                    newLo[t] = 0;
                }
            }
            if (cells > 2L * MAX_CELLS) {
                return null;
            }
            for (int i = 0; i < rows.length; i++) {
                double[] row = rows[i];
                int length = row.length;
                for (int g = 0; g < groups; g++) {
                    int t = i + crimes[g] - cMin;
                    double[] target = next[t];
                    int offset = lo[i] + recorded[g] - newLo[t];
                    double w = weights[g];
                    for (int k = 0; k < length; k++) {
                        target[offset + k] += w * row[k];
                    }
                }
                work += (double) length * groups;
            }
            if (work > 2 * MAX_WORK) {
                return null;
            }
            // drop what is negligible beside the largest cell: each row's ends, then empty rows at the ends
            double largest = 0;
            for (double[] row : next) {
                for (double v : row) {
                    largest = Math.max(largest, v);
                }
            }
            double threshold = largest * NEGLIGIBLE;
            for (int t = 0; t < height; t++) {
                double[] row = next[t];
                int a = 0;
                int b = row.length - 1;
                while (a <= b && row[a] < threshold) {
                    a++;
                }
                while (b >= a && row[b] < threshold) {
                    b--;
                }
                if (a > 0 || b < row.length - 1) {
                    next[t] = a <= b ? Arrays.copyOfRange(row, a, b + 1) : new double[0];
                    newLo[t] = a <= b ? newLo[t] + a : 0;
                }
            }
            int first = 0;
            while (next[first].length == 0) {
                first++;
            }
            int last = height - 1;
            while (next[last].length == 0) {
                last--;
            }
            aLow = aLow + cMin + first;
            rows = Arrays.copyOfRange(next, first, last + 1);
            lo = Arrays.copyOfRange(newLo, first, last + 1);
        }
        return fromGrid(aLow, lo, rows, incidents.recorded(), incidents.crimes());
    }

    /**
     * The distinct rates R/A of the grid's cells with their summed probabilities, in increasing
     * order: every row is an increasing run (R/A grows with R), merged through a heap of the rows'
     * next cells, fractions compared exactly by cross-multiplication (R, A &lt; 2<sup>31</sup>).
     */
    private static ClusterSums fromGrid(long aLow, int[] lo, double[][] rows, long x, long n) {
        int height = rows.length;
        int cells = 0;
        for (double[] row : rows) {
            cells += row.length;
        }
        int[] cursor = new int[height];
        int[] heap = new int[height];
        int size = 0;
        for (int i = 0; i < height; i++) {
            if (rows[i].length > 0) {
                heap[size] = i;
                siftUp(heap, size++, cursor, lo, aLow);
            }
        }
        long[] numerators = new long[cells];
        long[] denominators = new long[cells];
        double[] probabilities = new double[cells];
        int d = 0;
        while (size > 0) {
            int i = heap[0];
            long r = lo[i] + cursor[i];
            long a = aLow + i;
            double p = rows[i][cursor[i]];
            if (p == 0) {
                // a cell inside a row's window that no draw reaches: not a value of the distribution
            } else if (d > 0 && r * denominators[d - 1] == numerators[d - 1] * a) {
                probabilities[d - 1] += p;
            } else {
                long g = gcd(r, a);
                numerators[d] = r / g;
                denominators[d] = a / g;
                probabilities[d++] = p;
            }
            if (++cursor[i] < rows[i].length) {
                siftDown(heap, size, cursor, lo, aLow);
            } else {
                heap[0] = heap[--size];
                siftDown(heap, size, cursor, lo, aLow);
            }
        }
        return new ClusterSums(Arrays.copyOf(numerators, d), Arrays.copyOf(denominators, d),
                Arrays.copyOf(probabilities, d), x, n);
    }

    /** Whether row i's next cell is a smaller rate than row j's: r_i a_j &lt; r_j a_i. */
    private static boolean less(int i, int j, int[] cursor, int[] lo, long aLow) {
        long ri = lo[i] + cursor[i];
        long rj = lo[j] + cursor[j];
        long left = ri * (aLow + j);
        long right = rj * (aLow + i);
        return left < right || (left == right && i < j);
    }

    private static void siftUp(int[] heap, int at, int[] cursor, int[] lo, long aLow) {
        while (at > 0) {
            int parent = (at - 1) / 2;
            if (!less(heap[at], heap[parent], cursor, lo, aLow)) {
                return;
            }
            int t = heap[at];
            heap[at] = heap[parent];
            heap[parent] = t;
            at = parent;
        }
    }

    private static void siftDown(int[] heap, int size, int[] cursor, int[] lo, long aLow) {
        int at = 0;
        while (true) {
            int left = 2 * at + 1;
            if (left >= size) {
                return;
            }
            int child = left + 1 < size && less(heap[left + 1], heap[left], cursor, lo, aLow) ? left + 1 : left;
            if (!less(heap[child], heap[at], cursor, lo, aLow)) {
                return;
            }
            int t = heap[at];
            heap[at] = heap[child];
            heap[child] = t;
            at = child;
        }
    }

    static long gcd(long a, long b) {
        a = Math.abs(a);
        b = Math.abs(b);
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a == 0 ? 1 : a;
    }

    /** The number of distinct rates. */
    int size() {
        return values.length;
    }

    /** The i-th smallest rate, as a double (the nearest to the fraction). */
    double value(int i) {
        return values[i];
    }

    /** The rates, increasing (the array itself: not to be changed). */
    double[] values() {
        return values;
    }

    /** The probabilities of the rates, summing to 1 (the array itself: not to be changed). */
    double[] probabilities() {
        return probabilities;
    }

    /** The i-th rate's numerator in lowest terms. */
    long numerator(int i) {
        return numerators[i];
    }

    /** The i-th rate's denominator in lowest terms. */
    long denominator(int i) {
        return denominators[i];
    }

    /** The index of the observed rate x/n, or -1 if it was dropped (it never is: it lies at the centre). */
    int observed() {
        return observed;
    }

    /** The mean of the bootstrap distribution of the rate (not x/n: a ratio is biased). */
    double mean() {
        double mean = 0;
        for (int i = 0; i < values.length; i++) {
            mean += probabilities[i] * values[i];
        }
        return mean;
    }

    /** The variance of the bootstrap distribution of the rate. */
    double variance() {
        double mean = mean();
        double v = 0;
        for (int i = 0; i < values.length; i++) {
            double e = values[i] - mean;
            v += probabilities[i] * e * e;
        }
        return v;
    }

    /** How many rates have a probability of at least {@code share}. */
    int valuesAbove(double share) {
        int count = 0;
        for (double p : probabilities) {
            count += p >= share ? 1 : 0;
        }
        return count;
    }

    /** The alias table of the rates' indices (built once; {@code AliasSampler.sample32} draws the index). */
    synchronized AliasSampler sampler() {
        if (sampler == null) {
            sampler = AliasSampler.of(0, probabilities);
        }
        return sampler;
    }

    /** The same table packed with the rates ({@code AliasSampler.packed32}; built once). */
    synchronized double[] packed() {
        if (packed == null) {
            packed = sampler().packed32(values);
        }
        return packed;
    }
}
