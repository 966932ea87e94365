package org.recordingrate.compare;

import org.recordingrate.model.Tally;
import org.recordingrate.internal.ExactArithmetic;

/**
 * The large-sample tests of a change: the two z statistics and Pearson's chi-square with
 * Yates' correction, with their normal-approximation p-values.
 *
 * <p>Notation: group a is after ({@code xa} of {@code na}), group b before; {@code N = na + nb},
 * {@code s = xa + xb}, {@code D = xa nb - xb na} (computed exactly), so that the change is
 * {@code d = D / (na nb)} and the pooled rate is {@code s / N}.
 *
 * <p>Range: {@link ChangeTest#test} admits at most 2^53 audited per group, so N and the counts
 * it is built from stay far below {@code Long.MAX_VALUE} (no overflow), D is exact before its one
 * rounding, and every product of counts is formed in double precision; the statistics are then
 * accurate to a few ulps (checked at 2^53 against 50-digit decimals in {@code ChangeTestRangeTest}).
 */
final class AsymptoticTests {

    private AsymptoticTests() {
    }

    /**
     * The pooled (score) z statistic {@code d / sqrt(pbar (1 - pbar)(1/na + 1/nb))}, written as
     * {@code D sqrt(N / (na nb s (N - s)))}; 0 when the pooled rate is 0 or 1 (then d = 0 too).
     */
    static double pooledZ(Tally before, Tally after) {
        long na = after.audited();
        long nb = before.audited();
        long n = na + nb;
        long s = after.recorded() + before.recorded();
        if (s == 0 || s == n) {
            return 0;
        }
        double difference = crossDifference(before, after);
        return difference / Math.sqrt((double) na * nb * ((double) s * (n - s) / n));
    }

    /**
     * The unpooled (Wald) z statistic {@code d / sqrt(pa qa / na + pb qb / nb)}. When that
     * variance is 0 (each rate 0 or 1): 0 if d = 0, otherwise +-infinity (the sign of d).
     */
    static double unpooledZ(Tally before, Tally after) {
        double difference = crossDifference(before, after);
        double variance = binomialVariance(after) + binomialVariance(before);
        if (variance == 0) {
            return difference == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, difference);
        }
        return difference / ((double) after.audited() * before.audited()) / Math.sqrt(variance);
    }

    /**
     * Pearson's X-squared with Yates' correction as R's {@code prop.test(correct = TRUE)}:
     * {@code sum over the four cells of (|O - E| - Y)^2 / E} with {@code Y = min(0.5, |d| / (1/na + 1/nb))}.
     * Every cell has {@code |O - E| = |D| / N} and {@code |d| / (1/na + 1/nb) = |D| / N}, so
     * {@code X^2 = max(|D|/N - 0.5, 0)^2 N^3 / (na nb s (N - s))}. Where an expected count is 0
     * (pooled rate 0 or 1) R returns NaN; here X^2 = 0, the limit, since then D = 0.
     */
    static double yatesChiSquare(Tally before, Tally after) {
        long na = after.audited();
        long nb = before.audited();
        long n = na + nb;
        long s = after.recorded() + before.recorded();
        if (s == 0 || s == n) {
            return 0;
        }
        double excess = Math.max(Math.abs(crossDifference(before, after)) / n - 0.5, 0);
        return excess * excess * ((double) n / na) * ((double) n / nb) * ((double) n / s) / (n - s);
    }

    /**
     * The normal-approximation p-value of a z statistic: two-sided {@code 2 Phi(-|z|)}, improved
     * {@code 1 - Phi(z)}, deteriorated {@code Phi(z)}; infinite z gives 0 or 1.
     */
    static double normalPValue(double z, Alternative alternative) {
        return alternative.normalPValue(z);
    }

    /**
     * The p-value of Yates' X-squared as R's {@code prop.test}: two-sided the chi-square(1) upper
     * tail, {@code 2 Phi(-sqrt(X^2))}; one-sided from {@code z = sign(d) sqrt(X^2)}.
     */
    static double yatesPValue(double chiSquare, Tally before, Tally after, Alternative alternative) {
        double z = Math.signum(crossDifference(before, after)) * Math.sqrt(chiSquare);
        return normalPValue(z, alternative);
    }

    /** {@code D = xa nb - xb na}, exact then rounded once. */
    private static double crossDifference(Tally before, Tally after) {
        return ExactArithmetic.crossDifference(after.recorded(), before.audited(), before.recorded(), after.audited());
    }

    /** {@code p q / n = x (n - x) / n^3}. */
    private static double binomialVariance(Tally tally) {
        double n = tally.audited();
        return (double) tally.recorded() * tally.unrecorded() / n / n / n;
    }
}
