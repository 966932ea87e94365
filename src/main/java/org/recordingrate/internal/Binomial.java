package org.recordingrate.internal;

/**
 * Binomial probabilities with a relative error of a few units in the 15th digit, however small
 * the probability, by Loader's saddle-point expansion: C. Loader (2000), "Fast and accurate
 * computation of binomial probabilities" (the method behind R's {@code dbinom}).
 *
 * <p>log P(X = k) for X ~ Binomial(n, p) is written as
 * {@code stirlingError(n) - stirlingError(k) - stirlingError(n-k) - deviance(k, np) - deviance(n-k, nq)
 * - 0.5 log(2 pi k (n-k) / n)}, where every term is small or computed without cancellation; the
 * naive {@code logGamma} sum loses about {@code log10(n log n)} digits instead.
 *
 * <p>Both {@code p} and {@code q = 1 - p} are passed, so that callers who know {@code q} more
 * accurately than {@code 1 - p} (for example {@code cos^2} of an angle) keep that accuracy.
 */
public final class Binomial {

    private static final double LN_2PI = Math.log(2 * Math.PI);

    /**
     * stirlingError(n) = log(n!) - log(sqrt(2 pi n) (n/e)^n) for n = 0..15, to 17 digits
     * (computed with 40-digit arithmetic); index 0 is unused.
     */
    private static final double[] SMALL_STIRLING_ERRORS = {
        0.0,
        0.08106146679532725822, 0.041340695955409294094, 0.027677925684998339149,
        0.020790672103765093112, 0.016644691189821192163, 0.013876128823070747999,
        0.011896709945891770095, 0.010411265261972096497, 0.0092554621827127329177,
        0.0083305634333628712565, 0.007573675487951840795, 0.0069428401072095298657,
        0.0064089941880042070684, 0.0059513701127588477356, 0.005554733551962801371,
    };

    private Binomial() {
    }

    /**
     * log P(X = k) for X ~ Binomial(n, p), with {@code p + q = 1}.
     *
     * @param k a whole number in [0, n]
     * @param n a whole number of trials, at least 1
     * @param p success probability in [0, 1]
     * @param q failure probability {@code 1 - p}
     * @return the log probability; {@code -infinity} where the probability is 0
     */
    public static double logPmf(double k, double n, double p, double q) {
        if (k == 0) {
            // log(q) loses relative accuracy when q is a rounded number near 1; log1p(-p) does not
            return n * (p < 0.5 ? Math.log1p(-p) : Math.log(q));
        }
        if (k == n) {
            return n * (q < 0.5 ? Math.log1p(-q) : Math.log(p));
        }
        if (p == 0 || q == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double lc = stirlingError(n) - stirlingError(k) - stirlingError(n - k)
                - deviance(k, n * p) - deviance(n - k, n * q);
        double lf = LN_2PI + Math.log(k) + Math.log1p(-k / n);
        return lc - 0.5 * lf;
    }

    /**
     * Fills {@code out} with the Binomial(n, p) probabilities that do not underflow: the mode by
     * {@link #logPmf}, the others by the ratio recurrence outwards from it (each step multiplies
     * by a ratio of counts and the odds, adding a few units in the 16th digit; measured against
     * 50-digit values: relative errors at most 2e-14 for n up to 640 and 2e-13 for n = 60,000,
     * the largest far out in the tails).
     *
     * @param n     trials
     * @param p     success probability, strictly between 0 and 1
     * @param q     {@code 1 - p}
     * @param up    {@code up[k] = (n - k) / (k + 1)} for k in [0, n)
     * @param down  {@code down[k] = k / (n - k + 1)} for k in (0, n]
     * @param out   receives the probabilities in [lowest, highest]; other entries are left as they were
     * @return {@code lowest << 32 | highest}: the range of entries written (all others are below
     *         the smallest positive double)
     */
    public static long fill(int n, double p, double q, double[] up, double[] down, double[] out) {
        int mode = (int) Math.min(n, Math.floor((n + 1) * p));
        out[mode] = Math.exp(logPmf(mode, n, p, q));
        double odds = p / q;
        int highest = mode;
        while (highest < n) {
            double next = out[highest] * up[highest] * odds;
            if (next == 0) {
                break;
            }
            out[++highest] = next;
        }
        double inverseOdds = q / p;
        int lowest = mode;
        while (lowest > 0) {
            double next = out[lowest] * down[lowest] * inverseOdds;
            if (next == 0) {
                break;
            }
            out[--lowest] = next;
        }
        return ((long) lowest << 32) | highest;
    }

    /**
     * log(n!) - log(sqrt(2 pi n) (n/e)^n) for a whole number n &gt;= 1: a table up to 15, the
     * Stirling series (Bernoulli-number terms up to n^-9) beyond: error about 1e-16 at n = 16 (the
     * size of the next term), falling fast with n.
     */
    public static double stirlingError(double n) {
        if (n <= 15) {
            return SMALL_STIRLING_ERRORS[(int) n];
        }
        double nn = n * n;
        return (1.0 / 12 - (1.0 / 360 - (1.0 / 1260 - (1.0 / 1680 - 1.0 / 1188 / nn) / nn) / nn) / nn) / n;
    }

    /**
     * The deviance term {@code x log(x / mean) + mean - x}, without cancellation when x is near
     * the mean: there it is summed as the series
     * {@code (x - mean) v + 2x (v^3/3 + v^5/5 + ...)} with {@code v = (x - mean)/(x + mean)}.
     */
    public static double deviance(double x, double mean) {
        if (Math.abs(x - mean) < 0.1 * (x + mean)) {
            return nearDeviance(x, mean);
        }
        return x * Math.log(x / mean) + mean - x;
    }

    /**
     * {@link #deviance} for x near the mean (|x - mean| &lt; 0.1 (x + mean)), as its series: + - * /
     * only, so the same on every machine (the table-free binomial draw relies on that).
     */
    static double nearDeviance(double x, double mean) {
        double v = (x - mean) / (x + mean);
        double sum = (x - mean) * v;
        double v2 = v * v;
        double power = 2 * x * v;
        for (int j = 1; j < 1000; j++) {
            power *= v2;
            double next = sum + power / (2 * j + 1);
            if (next == sum) {
                return next;
            }
            sum = next;
        }
        return sum;
    }
}
