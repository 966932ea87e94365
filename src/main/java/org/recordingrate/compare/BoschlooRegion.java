package org.recordingrate.compare;

import java.math.BigInteger;
import org.recordingrate.internal.Hypergeometric;

/**
 * Boschloo's rejection region in one direction: the tables whose one-sided Fisher p-value is no
 * larger than the observed table's. Direction "improved" uses P(X &gt;= xa | s), "deteriorated"
 * P(X &lt;= xa | s), X hypergeometric given the total recorded s (scipy's {@code boschloo_exact}
 * with "greater" and "less" for group after).
 *
 * <p>For each total s the Fisher p-value decreases strictly as xa moves into its tail, so the
 * region holds, per s, the xa beyond a threshold; the threshold is found by binary search, and
 * every comparison with the observed p-value is made in up to three stages:
 * <ol>
 *   <li>The conditional distribution of every s is computed once, relative to its mode by the
 *       ratio recurrence, with prefix and suffix sums: each tail and its complement (1 minus it)
 *       to a relative error below 1e-11 (under the limit of 2^27 tables a support has at most
 *       11,586 values: that many steps of 4 roundings each, then sums of positive terms). Two
 *       p-values are compared directly, or by their complements when both exceed 1/2 (so
 *       p-values near 1 are told apart too), and the comparison is trusted when they differ by
 *       more than {@value #RELATIVE_TIE_BAND} relative, 100 times that error.</li>
 *   <li>Closer than that, or below 1e-290 where those sums lose digits, the two tails are
 *       recomputed to about 1e-13 with {@code Hypergeometric} in logarithms.</li>
 *   <li>Closer still (a genuine tie, or a near one), the tails are compared exactly as
 *       integers: {@code C(N, s) P(tail)} counts, in BigInteger; such ties are rare.</li>
 * </ol>
 * Structural ties are decided without arithmetic: p-values of exactly 1 (the far end of the
 * support), the observed table itself, and, when {@code na == nb}, its mirror table
 * {@code (nb - xb, na - xa)}, whose p-value is the same in both directions (swap the groups and
 * recorded with unrecorded).
 */
final class BoschlooRegion {

    private static final double RELATIVE_TIE_BAND = 1e-9;
    /** Below this, stage-1 sums may hold subnormal terms and are not trusted. */
    private static final double RELIABLE = 1e-290;
    private static final double LOG_HALF = Math.log(0.5);

    private final int na;
    private final int nb;
    private final int observedA;
    private final int observedB;
    private final boolean improved;
    private final Slice slice;
    private final Hypergeometric observedDistribution;
    private final double observedValue;
    private final double observedComplement;
    private final boolean observedIsOne;

    private BoschlooRegion(int na, int nb, int xa, int xb, boolean improved) {
        this.na = na;
        this.nb = nb;
        this.observedA = xa;
        this.observedB = xb;
        this.improved = improved;
        this.slice = new Slice(na, nb);
        this.observedDistribution = new Hypergeometric(na, nb, (long) xa + xb);
        slice.load(xa + xb);
        this.observedValue = slice.value(xa, improved);
        this.observedComplement = slice.complement(xa, improved);
        this.observedIsOne = slice.isOne(xa, improved);
    }

    /**
     * The region for the observed table {@code (xa, xb)}.
     *
     * @param improved true for P(X &gt;= xa | s) (after higher), false for P(X &lt;= xa | s)
     */
    static RejectionRegion build(int na, int nb, int xa, int xb, boolean improved) {
        BoschlooRegion builder = new BoschlooRegion(na, nb, xa, xb, improved);
        int[] threshold = builder.thresholds();
        return improved
                ? RejectionRegion.build(na, nb, (a, b) -> a >= threshold[a + b])
                : RejectionRegion.build(na, nb, (a, b) -> a <= threshold[a + b]);
    }

    /**
     * For each s: improved, the smallest xa in the region (highest + 1 if none); deteriorated,
     * the largest (lowest - 1 if none).
     */
    private int[] thresholds() {
        int[] threshold = new int[na + nb + 1];
        for (int s = 0; s <= na + nb; s++) {
            slice.load(s);
            int lo = slice.lowest;
            int hi = slice.highest;
            if (improved) {
                // p-value decreasing in xa: find the first xa with p <= observed
                int from = lo;
                int to = hi + 1;
                while (from < to) {
                    int middle = (from + to) >>> 1;
                    if (atMostObserved(s, middle)) {
                        to = middle;
                    } else {
                        from = middle + 1;
                    }
                }
                threshold[s] = from;
            } else {
                int from = lo - 1;
                int to = hi;
                while (from < to) {
                    int middle = (from + to + 1) >>> 1;
                    if (atMostObserved(s, middle)) {
                        from = middle;
                    } else {
                        to = middle - 1;
                    }
                }
                threshold[s] = from;
            }
        }
        return threshold;
    }

    /** Whether the one-sided Fisher p-value of table (xa, s - xa) is at most the observed one. */
    private boolean atMostObserved(int s, int xa) {
        if (observedIsOne) {
            return true;
        }
        if (slice.isOne(xa, improved)) {
            return false;
        }
        int xb = s - xa;
        if ((xa == observedA && xb == observedB) || (na == nb && xa == nb - observedB && xb == na - observedA)) {
            return true;
        }
        Boolean quick = atMost(slice.value(xa, improved), slice.complement(xa, improved),
                observedValue, observedComplement);
        if (quick != null) {
            return quick;
        }
        return preciselyAtMost(s, xa);
    }

    /** Stages 2 and 3: log tails to about 1e-13, then exact integer counts. */
    private boolean preciselyAtMost(int s, int xa) {
        Hypergeometric distribution = new Hypergeometric(na, nb, s);
        double logValue = logTail(distribution, xa);
        double logObserved = logTail(observedDistribution, observedA);
        double difference;
        if (logValue <= LOG_HALF || logObserved <= LOG_HALF) {
            difference = logValue - logObserved;
        } else {
            difference = logComplement(observedDistribution, observedA) - logComplement(distribution, xa);
        }
        if (Math.abs(difference) > FisherExact.LOG_TIE_BAND) {
            return difference < 0;
        }
        BigInteger count = improved ? distribution.upperTailCount(xa) : distribution.lowerTailCount(xa);
        BigInteger observedCount = improved
                ? observedDistribution.upperTailCount(observedA)
                : observedDistribution.lowerTailCount(observedA);
        // count / C(N, s) <= observedCount / C(N, xa + xb observed)
        return count.multiply(observedDistribution.tableCount())
                .compareTo(observedCount.multiply(distribution.tableCount())) <= 0;
    }

    private double logTail(Hypergeometric distribution, long xa) {
        return improved ? distribution.logUpperTail(xa) : distribution.logLowerTail(xa);
    }

    private double logComplement(Hypergeometric distribution, long xa) {
        return improved ? distribution.logLowerTail(xa - 1) : distribution.logUpperTail(xa + 1);
    }

    /**
     * Stage 1: whether {@code value <= observed}, deciding from the values themselves or, when
     * both exceed 1/2, from their complements; null when they are within the tie band or too
     * small to trust, so that a finer stage must decide.
     */
    private static Boolean atMost(double value, double complement, double observed, double observedComplement) {
        double difference;
        double scale;
        if (value <= 0.5 || observed <= 0.5) {
            difference = value - observed;
            scale = Math.max(value, observed);
        } else {
            // value <= observed exactly when complement >= observedComplement
            difference = observedComplement - complement;
            scale = Math.max(complement, observedComplement);
        }
        if (scale < RELIABLE || Math.abs(difference) <= RELATIVE_TIE_BAND * scale) {
            return null;
        }
        return difference < 0;
    }

    /**
     * The conditional distribution of xa given one total s, relative to its mode, with prefix
     * and suffix sums; reloaded for each s (the arrays are reused).
     */
    private static final class Slice {
        private final int na;
        private final int nb;
        private final double[] weight;
        private final double[] below;
        private final double[] above;
        private int lowest;
        private int highest;
        private double total;

        Slice(int na, int nb) {
            this.na = na;
            this.nb = nb;
            int size = Math.min(na, nb) + 1;
            this.weight = new double[size];
            this.below = new double[size];
            this.above = new double[size];
        }

        void load(int s) {
            lowest = Math.max(0, s - nb);
            highest = Math.min(na, s);
            int mode = (int) Math.floor((na + 1.0) * (s + 1.0) / (na + nb + 2.0));
            mode = Math.max(lowest, Math.min(highest, mode));
            weight[mode - lowest] = 1;
            for (int k = mode; k < highest; k++) {
                weight[k + 1 - lowest] = weight[k - lowest]
                        * ((double) (na - k) * (s - k)) / ((double) (k + 1) * (nb - s + k + 1));
            }
            for (int k = mode; k > lowest; k--) {
                weight[k - 1 - lowest] = weight[k - lowest]
                        * ((double) k * (nb - s + k)) / ((double) (na - k + 1) * (s - k + 1));
            }
            int size = highest - lowest + 1;
            double sum = 0;
            for (int i = 0; i < size; i++) {
                sum += weight[i];
                below[i] = sum;
            }
            total = sum;
            sum = 0;
            for (int i = size - 1; i >= 0; i--) {
                sum += weight[i];
                above[i] = sum;
            }
        }

        /** Improved: P(X &gt;= xa); deteriorated: P(X &lt;= xa). */
        double value(int xa, boolean improved) {
            return (improved ? above[xa - lowest] : below[xa - lowest]) / total;
        }

        /** 1 - {@link #value}, summed on its own side. */
        double complement(int xa, boolean improved) {
            if (isOne(xa, improved)) {
                return 0;
            }
            return (improved ? below[xa - 1 - lowest] : above[xa + 1 - lowest]) / total;
        }

        /** Whether the p-value is exactly 1: xa at the far end of the support. */
        boolean isOne(int xa, boolean improved) {
            return improved ? xa == lowest : xa == highest;
        }
    }
}
