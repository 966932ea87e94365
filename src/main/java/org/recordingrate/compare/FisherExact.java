package org.recordingrate.compare;

import org.recordingrate.model.Tally;
import org.recordingrate.internal.Hypergeometric;

/**
 * Fisher's exact test and its mid-p version for the change between two tallies, conditional on
 * the margins: X, the recorded count after, is {@code Hypergeometric} given the audited counts
 * and the total recorded.
 *
 * <p>Definitions (x the observed recorded count after, h the hypergeometric probability):
 * <ul>
 *   <li>two-sided p: the sum of h(k) over every k with {@code h(k) <= h(x)} (Agresti 1992, method
 *       "probability"; as R's {@code fisher.test}, but ties decided exactly where R allows a
 *       relative error of 1e-7);</li>
 *   <li>improved: P(X &gt;= x); deteriorated: P(X &lt;= x);</li>
 *   <li>mid-p (Lancaster 1961; Fagerland, Lydersen and Laake 2017, "Statistical Analysis of
 *       Contingency Tables", chapter 4, the Fisher mid-P test): the probability of the tables
 *       strictly more extreme plus half the probability of those exactly as extreme.</li>
 * </ul>
 *
 * <p>Speed: h is unimodal, so the two-sided region is two tails. The tail holding x is summed
 * outwards from x with the ratio recurrence; the cut on the other side of the peak is found by
 * binary search on {@code Hypergeometric.logPmf} (about log2(n) evaluations), then summed outwards
 * too; sums stop once the rest is provably negligible. The cost is about the number of terms
 * within some 40 standard deviations, not the whole support: microseconds for 10^4 audited.
 *
 * <p>Ties: a term on the other side is compared with h(x) in floating point when the two
 * log-probabilities differ by more than {@link #LOG_TIE_BAND} (far more than the error of
 * {@code logPmf}, about 1e-13 in the range that matters); closer than that, exactly with
 * {@code Hypergeometric.compareExactly}, as long as the two tables are at most
 * {@value #EXACT_TIE_DISTANCE} apart (the exact comparison multiplies that many factors: beyond,
 * it would take minutes); farther apart, in floating point as well, which can only be wrong if
 * the two probabilities agree to about 1e-13, and then changes the p-value by at most that one
 * term, h(k) (below 1e-5 of the p-value at such sizes). Immutable.
 *
 * <p>Size limit: at most {@value #MAX_AUDITED} (2<sup>40</sup>) audited in both groups together,
 * where a p-value takes up to about a second (the tails are summed term by term over some ten
 * standard deviations, about 5 x 10<sup>6</sup> terms there); beyond, the tests refuse (see
 * {@link #checkSize}) and the z-tests, which Fisher's test then matches to many digits, should be
 * used.
 */
final class FisherExact {

    /**
     * Log-probabilities closer than this are compared exactly. Loader's log-probabilities carry
     * absolute errors of order 1e-13 for |log h| up to a few thousand, so a difference beyond
     * 1e-8 has the right sign.
     */
    static final double LOG_TIE_BAND = 1e-8;

    /**
     * When every table is at most this likely, the two-sided p-value is below 1e-300 (the
     * support has fewer than 1e19 tables) and is returned as 0, without deciding ties among
     * probabilities that floating point cannot even represent.
     */
    private static final double LOG_NEGLIGIBLE = Math.log(1e-300) - Math.log(1e19);

    /** At most this many audited in both groups together, 2<sup>40</sup>. */
    static final long MAX_AUDITED = 1L << 40;

    /** Two tables at most this far apart are compared exactly when their probabilities are close. */
    static final long EXACT_TIE_DISTANCE = 1L << 16;

    private final Hypergeometric distribution;
    private final long x;

    private FisherExact(Hypergeometric distribution, long x) {
        this.distribution = distribution;
        this.x = x;
    }

    /**
     * Refuses tallies with more than {@link #MAX_AUDITED} audited in all.
     *
     * @param test the test that asks, for the message
     * @throws IllegalArgumentException naming both audited counts, their total and the limit
     */
    static void checkSize(ChangeTest test, Tally before, Tally after) {
        long nb = before.audited();
        long na = after.audited();
        // both are at most 2^53 (ChangeTest checks), so the sum does not overflow
        if (na + nb > MAX_AUDITED) {
            throw new IllegalArgumentException("audited (before " + nb + ", after " + na + ": " + (na + nb)
                    + " in all) too large for " + test.displayName() + ": it sums the hypergeometric probabilities"
                    + " term by term and allows at most 2^40 = " + MAX_AUDITED + " audited in all; use "
                    + ChangeTest.Z_POOLED.token() + " or " + ChangeTest.CHISQ_YATES.token()
                    + " for samples this large");
        }
    }

    /** The conditional distribution of the recorded count after, given the margins. */
    static FisherExact of(Tally before, Tally after) {
        return new FisherExact(
                new Hypergeometric(after.audited(), before.audited(), after.recorded() + before.recorded()),
                after.recorded());
    }

    /**
     * Fisher's p-value.
     *
     * @return in [0, 1]; 1 when the observed table is the most probable one (in particular when
     *         only one table has these margins)
     */
    double pValue(Alternative alternative) {
        return tails(alternative).asExtremeOrMore();
    }

    /**
     * The mid-p value: P(strictly more extreme) + P(exactly as extreme) / 2.
     *
     * @return in [0, 1]; 0.5 when only one table has these margins
     */
    double midPValue(Alternative alternative) {
        Tails tails = tails(alternative);
        return Math.max(0, tails.asExtremeOrMore() - 0.5 * tails.asExtreme());
    }

    private Tails tails(Alternative alternative) {
        return switch (alternative) {
            case IMPROVED -> new Tails(Math.exp(distribution.logUpperTail(x)), Math.exp(distribution.logPmf(x)));
            case DETERIORATED -> new Tails(Math.exp(distribution.logLowerTail(x)), Math.exp(distribution.logPmf(x)));
            case TWO_SIDED -> twoSided();
        };
    }

    private Tails twoSided() {
        Hypergeometric h = distribution;
        long lowest = h.lowest();
        long highest = h.highest();
        if (lowest == highest) {
            return new Tails(1, 1);
        }
        double logObserved = h.logPmf(x);
        if (logObserved < LOG_NEGLIGIBLE) {
            return new Tails(0, 0);
        }
        long mode = h.mode();
        double sameSide;
        long cut;
        if (x <= mode) {
            // everything below x is less probable; above the peak, find the first k with h(k) <= h(x)
            sameSide = Math.exp(logObserved) * h.relativeTail(x, false);
            cut = firstAtMost(mode + 1, highest, logObserved);
        } else {
            sameSide = Math.exp(logObserved) * h.relativeTail(x, true);
            cut = lastAtMost(lowest, mode, logObserved);
        }
        double otherSide = 0;
        double asExtreme = Math.exp(logObserved);
        if (cut >= lowest && cut <= highest) {
            double logCut = h.logPmf(cut);
            otherSide = Math.exp(logCut) * h.relativeTail(cut, x <= mode);
            if (compare(cut, logCut, logObserved) == 0) {
                asExtreme += Math.exp(logCut);
            }
        }
        // the observed table is a most probable one: every table counts, p = 1 exactly
        boolean everyTable = x <= mode ? x == mode : cut == mode;
        return new Tails(everyTable ? 1 : Math.min(1, sameSide + otherSide), asExtreme);
    }

    /** The first k in [from, to] (h decreasing there) with h(k) &lt;= h(x); {@code to + 1} if none. */
    private long firstAtMost(long from, long to, double logObserved) {
        long lo = from;
        long hi = to + 1;
        while (lo < hi) {
            long middle = lo + (hi - lo) / 2;
            if (compare(middle, distribution.logPmf(middle), logObserved) <= 0) {
                hi = middle;
            } else {
                lo = middle + 1;
            }
        }
        return lo;
    }

    /** The last k in [from, to] (h increasing there) with h(k) &lt;= h(x); {@code from - 1} if none. */
    private long lastAtMost(long from, long to, double logObserved) {
        long lo = from - 1;
        long hi = to;
        while (lo < hi) {
            long middle = hi - (hi - lo) / 2;
            if (compare(middle, distribution.logPmf(middle), logObserved) <= 0) {
                lo = middle;
            } else {
                hi = middle - 1;
            }
        }
        return lo;
    }

    /** The sign of h(k) - h(x): in floating point when clear, exactly when close. */
    private int compare(long k, double logK, double logObserved) {
        double difference = logK - logObserved;
        if (difference > LOG_TIE_BAND) {
            return 1;
        }
        if (difference < -LOG_TIE_BAND) {
            return -1;
        }
        if (Math.abs(k - x) > EXACT_TIE_DISTANCE) {
            return Double.compare(logK, logObserved);
        }
        return distribution.compareExactly(k, x);
    }

    /**
     * @param asExtremeOrMore the p-value: probability of the tables at least as extreme
     * @param asExtreme       the probability of the tables exactly as extreme as the observed one
     */
    private record Tails(double asExtremeOrMore, double asExtreme) {
    }
}
