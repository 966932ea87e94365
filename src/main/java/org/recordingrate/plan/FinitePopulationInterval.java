package org.recordingrate.plan;

import org.recordingrate.estimate.IntervalMethod;
import org.recordingrate.internal.Beta;
import org.recordingrate.internal.Hypergeometric;
import org.recordingrate.model.Interval;

/**
 * Two-sided intervals for the recording rate K/N of a finite population of N records, from x
 * recorded in a sample of n drawn without replacement; the planning counterparts of
 * {@link IntervalMethod} when the category's population is known.
 *
 * <ul>
 *   <li>{@link IntervalMethod#CLOPPER_PEARSON}: the exact hypergeometric interval, the population
 *       counts K that neither one-sided test rejects at alpha/2: K_L the smallest K with
 *       P(X &gt;= x | K) &gt; alpha/2, K_U the largest with P(X &lt;= x | K) &gt; alpha/2, X
 *       hypergeometric (N, K, n); bounds K_L/N and K_U/N (Buonaccorsi 1987, The American
 *       Statistician 41, 215-218; Wright 1991, Exact Confidence Bounds when Sampling from Small
 *       Finite Universes, Springer). K_L = 0 at x = 0, K_U = N at x = n.</li>
 *   <li>{@link IntervalMethod#MID_P}: the same with the mid-p tails P(X &gt; x | K) + P(X = x | K)/2
 *       and P(X &lt; x | K) + P(X = x | K)/2.</li>
 *   <li>{@link IntervalMethod#WILSON} and {@link IntervalMethod#JEFFREYS}: the binomial formula at
 *       Kish's effective sample size n_eff = n (N - 1)/(N - n), the size whose binomial variance
 *       p(1-p)/n_eff equals the without-replacement variance p(1-p)/n (N-n)/(N-1) (Kish 1965,
 *       Survey Sampling, 2.5; the project's all-crime Wilson interval uses the same device), with
 *       x_eff = n_eff x/n as a real count: Wilson's score interval, and the Beta(x_eff + 1/2,
 *       n_eff - x_eff + 1/2) quantiles with Brown, Cai and DasGupta's edges (0 at x = 0, 1 at x = n).
 *       For Wilson this is the score interval with the finite population correction on its variance.</li>
 * </ul>
 * At n = N every method gives the point x/N. Other methods have no finite-population version here.
 */
final class FinitePopulationInterval {

    private FinitePopulationInterval() {
    }

    /** Whether {@code method} has a finite-population version. */
    static boolean supports(IntervalMethod method) {
        return method == IntervalMethod.CLOPPER_PEARSON || method == IntervalMethod.MID_P
                || method == IntervalMethod.WILSON || method == IntervalMethod.JEFFREYS;
    }

    /**
     * The interval, for 0 &lt;= x &lt;= n &lt;= population, n &gt;= 1.
     *
     * @param tail alpha/2
     * @param z    the normal critical value at alpha/2
     */
    static Interval interval(IntervalMethod method, long x, long n, long population, double tail, double z) {
        if (n == population) {
            double rate = (double) x / n;
            return new Interval(rate, rate);
        }
        switch (method) {
            case CLOPPER_PEARSON:
            case MID_P: {
                boolean mid = method == IntervalMethod.MID_P;
                long lower = x == 0 ? 0 : smallestAccepted(x, n, population, tail, mid);
                long upper = x == n ? population : population - smallestAccepted(n - x, n, population, tail, mid);
                return new Interval((double) lower / population, (double) upper / population);
            }
            case WILSON:
            case JEFFREYS: {
                double effective = n * ((population - 1.0) / (population - n));
                double count = effective * ((double) x / n);
                return method == IntervalMethod.WILSON ? wilson(count, effective, z)
                        : jeffreys(x, n, count, effective, tail);
            }
            default:
                throw new IllegalArgumentException("method (" + method.token() + ") has no finite-population version: "
                        + "use clopper_pearson, mid_p, wilson or jeffreys with a population");
        }
    }

    /**
     * The smallest K with P(X &gt;= x | K) &gt; tail (mid-p: P(X &gt; x) + P(X = x)/2 &gt; tail), for
     * x &gt;= 1; the upper bound is its mirror for the unrecorded count. The tail increases with K
     * (hypergeometric stochastic order), so the search is a bisection over [x, N - n + x].
     */
    private static long smallestAccepted(long x, long n, long population, double tail, boolean mid) {
        long low = x;                       // below x the tail is 0
        long high = population - n + x;     // here P(X >= x) = 1
        if (upperTail(x, n, population, low, mid) > tail) {
            return low;
        }
        // invariant: tail(low) <= tail < tail(high)
        while (high - low > 1) {
            long middle = low + (high - low) / 2;
            if (upperTail(x, n, population, middle, mid) > tail) {
                high = middle;
            } else {
                low = middle;
            }
        }
        return high;
    }

    /** P(X &gt;= x | K), or with {@code mid} P(X &gt; x | K) + P(X = x | K)/2, X ~ hypergeometric. */
    static double upperTail(long x, long n, long population, long recordedInPopulation, boolean mid) {
        // X is the sample's share of the K recorded: group a = the sample (n), group b = the rest (N - n)
        Hypergeometric h = new Hypergeometric(n, population - n, recordedInPopulation);
        double atLeast = Math.exp(h.logUpperTail(x));
        if (!mid) {
            return atLeast;
        }
        double above = Math.exp(h.logUpperTail(x + 1));
        return 0.5 * (atLeast + above);
    }

    /** Wilson's score interval at a real count and size. */
    private static Interval wilson(double x, double n, double z) {
        double z2 = z * z;
        double center = (x + z2 / 2) / (n + z2);
        double half = z / (n + z2) * Math.sqrt(x * (n - x) / n + z2 / 4);
        return new Interval(x == 0 ? 0 : Math.max(0, center - half), x == n ? 1 : Math.min(1, center + half));
    }

    private static Interval jeffreys(long x, long n, double count, double effective, double tail) {
        double lower = x == 0 ? 0 : Beta.quantile(tail, count + 0.5, effective - count + 0.5);
        double upper = x == n ? 1 : Beta.complementQuantile(tail, count + 0.5, effective - count + 0.5);
        return new Interval(lower, upper);
    }
}
