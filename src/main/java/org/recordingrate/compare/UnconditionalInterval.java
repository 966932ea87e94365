package org.recordingrate.compare;

import java.util.function.DoubleBinaryOperator;

import org.recordingrate.error.ArgumentException;
import org.recordingrate.internal.Binomial;
import org.recordingrate.model.Interval;

/**
 * The exact unconditional confidence interval for a change d = p<sub>a</sub> - p<sub>b</sub> (Chan and
 * Zhang 1999, "Test-based exact confidence intervals for the difference of two binomial proportions",
 * Biometrics 55, 1202-1209; Agresti and Min 2001, "On small-sample confidence intervals for parameters in
 * discrete distributions", Biometrics 57, 963-971): the hypothesised changes D that neither one-sided
 * exact unconditional score test rejects at level alpha/2 (the "tail method", as SAS's
 * {@code RISKDIFF(CL=EXACT)} with {@code EXACT RISKDIFF(METHOD=SCORE)}, StatXact, and R's
 * {@code exact2x2::uncondExact2x2(method = "score", tsmethod = "central")} compute it).
 *
 * <p><b>The test.</b> Tables (x<sub>a</sub>, x<sub>b</sub>) are ordered by the score statistic of
 * Farrington and Manning (1990) at D,
 * T(D) = (x<sub>a</sub>/n<sub>a</sub> - x<sub>b</sub>/n<sub>b</sub> - D) / sqrt(r<sub>a</sub>(1 - r<sub>a</sub>)/n<sub>a</sub>
 * + r<sub>b</sub>(1 - r<sub>b</sub>)/n<sub>b</sub>), (r<sub>a</sub>, r<sub>b</sub> = r<sub>a</sub> - D) the maximum
 * likelihood estimates under p<sub>a</sub> - p<sub>b</sub> = D (the closed-form root of their cubic);
 * T = 0 when numerator and variance are both 0, and &plusmn;infinity when only the variance is.
 * The p-value of "the change is larger than D" is
 * P<sub>U</sub>(D) = sup over p<sub>b</sub> of Pr(T(D) &gt;= t<sub>obs</sub>(D)), the supremum over the
 * nuisance rate p<sub>b</sub> in [max(0, -D), min(1, 1 - D)] with p<sub>a</sub> = p<sub>b</sub> + D, taken by
 * {@link NuisanceMaximizer}; statistics within 1e-9 (relative) of the observed one count as ties, in the
 * region. At D = 0 the restricted estimates are the pooled rate and T is the pooled z statistic, so
 * P<sub>U</sub>(0) is Barnard's one-sided p-value in the direction "improved" ({@link ChangeTest#BARNARD}):
 * the lower bound is above 0 exactly when that test rejects at alpha/2 (the tests check it).
 *
 * <p><b>The interval.</b> L = inf{D in [-1, d] : P<sub>U</sub>(D) &gt; alpha/2}, found by scanning
 * {@value #SCAN} equally spaced D from -1 to d for the first at which the test does not reject, then
 * narrowing the bracket between it and the point before to {@value #TOLERANCE}, each time scanning it
 * from the left in {@value #REFINE} steps (P<sub>U</sub> is a sawtooth in D, and the first crossing is the
 * bound); U by the same rule on the groups
 * swapped (the score statistic changes sign), U = -L(swapped). P<sub>U</sub> need not be monotone in D;
 * the scan finds the infimum unless the acceptance region has a gap narrower than (d + 1)/{@value #SCAN}
 * below its first point, as the grid searches of the peers do. Edge cases: L = -1 when the observed table
 * is (0 recorded after, all recorded before); U = 1 in the mirror case.
 *
 * <p><b>Speed.</b> For fixed D the statistic increases with x<sub>a</sub> and decreases with x<sub>b</sub>
 * (Farrington and Manning's score meets Barnard's convexity conditions; the tests check every table up
 * to 30 per group), so the rejection region is, for each x<sub>a</sub>, the x<sub>b</sub> up to a
 * threshold that does not decrease with x<sub>a</sub>: one walk of n<sub>a</sub> + n<sub>b</sub> statistics
 * finds it, and its probability is sum over x<sub>a</sub> of Bin(x<sub>a</sub>) F<sub>b</sub>(threshold),
 * O(n<sub>a</sub> + n<sub>b</sub>) per nuisance value. At most {@value #MAX_AUDITED} audited in all.
 */
final class UnconditionalInterval {

    /** At most this many audited in both groups together. */
    static final long MAX_AUDITED = 5_000;
    /** Points of the scan from -1 to d. */
    static final int SCAN = 24;
    /** Steps into which each bracket is cut when the first crossing is narrowed down. */
    static final int REFINE = 8;
    /** The search stops when the bracket is this narrow. */
    static final double TOLERANCE = 1e-10;
    /** Statistics within this (relative) of the observed one are ties. */
    private static final double TIE = 1e-9;

    private UnconditionalInterval() {
    }

    /** The interval at tail probability {@code tail} = alpha/2; counts valid. */
    static Interval interval(long xb, long nb, long xa, long na, double tail) {
        if (na + nb > MAX_AUDITED) {
            throw new ArgumentException("audited", "audited (before " + nb + ", after " + na + ") too large for the "
                    + "exact unconditional interval: at most " + MAX_AUDITED + " audited in all; use "
                    + DifferenceMethod.MIETTINEN_NURMINEN.token() + " (its asymptotic counterpart) for samples this large");
        }
        double lower = lower((int) xa, (int) na, (int) xb, (int) nb, tail);
        double upper = -lower((int) xb, (int) nb, (int) xa, (int) na, tail);
        return new Interval(lower, upper);
    }

    /** L for the change xa/na - xb/nb. */
    static double lower(int xa, int na, int xb, int nb, double tail) {
        double d = (double) xa / na - (double) xb / nb;
        if (xa == 0 && xb == nb) {
            return -1;
        }
        Upper test = new Upper(xa, na, xb, nb);
        double previous = -1;
        for (int i = 1; i <= SCAN; i++) {
            double at = i == SCAN ? d : -1 + (d + 1) * i / SCAN;
            if (test.exceeds(at, tail)) {
                return crossing(test, previous, at, tail);
            }
            previous = at;
        }
        return d;
    }

    /**
     * The first D in (low, high] at which P<sub>U</sub> exceeds {@code tail}, given that it does not at
     * {@code low} and does at {@code high}: the bracket is cut into {@value #REFINE} steps, the first step
     * end at which the test does not reject becomes the new upper end and the one before it the lower,
     * until the bracket is narrower than {@value #TOLERANCE}. P<sub>U</sub> is not monotone in D (it
     * drops where a table leaves the region, a sawtooth), so a bisection could stop at a later
     * crossing; scanning each bracket from its left end keeps the first one (unless an excursion above
     * the level is narrower than a step).
     */
    private static double crossing(Upper test, double low, double high, double tail) {
        while (high - low > TOLERANCE) {
            double step = (high - low) / REFINE;
            double end = high;
            for (int j = 1; j <= REFINE; j++) {
                double at = j == REFINE ? end : low + step * j;
                if (!(at > low)) {
                    return end;
                }
                if (j == REFINE || test.exceeds(at, tail)) {
                    high = at;
                    break;
                }
                low = at;
            }
        }
        return high;
    }

    /**
     * The one-sided test of "the change is larger than D" for one observed table: its p-value
     * P<sub>U</sub>(D). Work arrays inside: one thread at a time.
     */
    static final class Upper {
        private final int xa;
        private final int na;
        private final int xb;
        private final int nb;
        /** For each xa, the largest xb in the region, -1 if none. */
        private final int[] threshold;
        private final double[] upA;
        private final double[] downA;
        private final double[] upB;
        private final double[] downB;
        private final double[] pmfA;
        private final double[] pmfB;
        private final double[] cdfB;

        Upper(int xa, int na, int xb, int nb) {
            this.xa = xa;
            this.na = na;
            this.xb = xb;
            this.nb = nb;
            this.threshold = new int[na + 1];
            this.upA = ratiosUp(na);
            this.downA = ratiosDown(na);
            this.upB = ratiosUp(nb);
            this.downB = ratiosDown(nb);
            this.pmfA = new double[na + 1];
            this.pmfB = new double[nb + 1];
            this.cdfB = new double[nb + 1];
        }

        /** P<sub>U</sub>(D), in [0, 1]. */
        double pValue(double change) {
            if (region(change)) {
                return 1;
            }
            return NuisanceMaximizer.supremum((long) na + nb, probability(change));
        }

        /**
         * Whether P<sub>U</sub>(D) &gt; {@code tail}: decided on the grid of {@link NuisanceMaximizer} when a
         * grid value exceeds it, or when the largest is below half of it (a peak between grid points
         * exceeds its nearest grid point by less than 1%); else from the supremum itself.
         */
        boolean exceeds(double change, double tail) {
            if (region(change)) {
                return true;
            }
            DoubleBinaryOperator probability = probability(change);
            long total = (long) na + nb;
            int points = (int) Math.max(100, Math.ceil(4 * Math.PI * Math.sqrt(total)));
            double step = (Math.PI / 2) / points;
            double best = Math.max(probability.applyAsDouble(0, 1), probability.applyAsDouble(1, 0));
            for (int t = 1; t < points && best <= tail; t++) {
                double sin = Math.sin(t * step);
                double cos = Math.cos(t * step);
                best = Math.max(best, probability.applyAsDouble(sin * sin, cos * cos));
            }
            if (best > tail) {
                return true;
            }
            if (best < 0.5 * tail) {
                return false;
            }
            return NuisanceMaximizer.supremum(total, probability) > tail;
        }

        /** Builds the region at D; true when it holds every table. */
        private boolean region(double change) {
            double observed = statistic(xa, na, xb, nb, change);
            double tie = TIE * Math.max(1, Math.abs(observed));
            // the walk: the threshold of each row does not decrease with xa
            int k = -1;
            boolean everything = true;
            for (int a = 0; a <= na; a++) {
                while (k < nb && inRegion(a, k + 1, change, observed, tie)) {
                    k++;
                }
                threshold[a] = k;
                everything &= k == nb;
            }
            return everything;
        }

        /** The region's probability at the nuisance value (pi, 1 - pi), pi in [0, 1] mapped onto the range. */
        private DoubleBinaryOperator probability(double change) {
            double low = Math.max(0, -change);
            double high = Math.min(1, 1 - change);
            return (pi, rest) -> {
                double pb = pi == 1 ? high : low + (high - low) * pi;
                double pa = pi == 1 ? high + change : pb + change;
                return regionProbability(Math.max(0, Math.min(1, pa)), Math.max(0, Math.min(1, pb)));
            };
        }

        private boolean inRegion(int a, int b, double change, double observed, double tie) {
            double t = statistic(a, na, b, nb, change);
            return t >= observed - tie || t == observed;
        }

        /** Sum over xa of Bin(xa; na, pa) P(xb &lt;= threshold[xa]; nb, pb). */
        private double regionProbability(double pa, double pb) {
            int loA;
            int hiA;
            if (pa == 0 || pa == 1) {
                loA = hiA = pa == 0 ? 0 : na;
                pmfA[loA] = 1;
            } else {
                long range = Binomial.fill(na, pa, 1 - pa, upA, downA, pmfA);
                loA = (int) (range >>> 32);
                hiA = (int) range;
            }
            int loB;
            int hiB;
            if (pb == 0 || pb == 1) {
                loB = hiB = pb == 0 ? 0 : nb;
                pmfB[loB] = 1;
            } else {
                long range = Binomial.fill(nb, pb, 1 - pb, upB, downB, pmfB);
                loB = (int) (range >>> 32);
                hiB = (int) range;
            }
            double sum = 0;
            for (int j = loB; j <= hiB; j++) {
                sum += pmfB[j];
                cdfB[j] = sum;
            }
            double total = 0;
            for (int a = loA; a <= hiA; a++) {
                int k = threshold[a];
                if (k >= loB) {
                    total += pmfA[a] * cdfB[Math.min(k, hiB)];
                }
            }
            return Math.min(1, total);
        }
    }

    /**
     * Farrington and Manning's score statistic for the change xa/na - xb/nb at D (class comment), with
     * their closed-form restricted estimates (Farrington and Manning 1990, appendix; group 1 = after).
     */
    static double statistic(int xa, int na, int xb, int nb, double change) {
        double p1 = (double) xa / na;
        double p2 = (double) xb / nb;
        double numerator = p1 - p2 - change;
        double[] restricted = restricted(p1, na, p2, nb, change);
        double r1 = restricted[0];
        double r2 = restricted[1];
        double variance = r1 * (1 - r1) / na + r2 * (1 - r2) / nb;
        if (!(variance > 1e-300)) {
            return numerator == 0 ? 0 : numerator > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        return numerator / Math.sqrt(variance);
    }

    /** (r<sub>1</sub>, r<sub>2</sub>): the maximum likelihood estimates under p<sub>1</sub> - p<sub>2</sub> = D. */
    static double[] restricted(double p1, int n1, double p2, int n2, double change) {
        double theta = (double) n2 / n1;
        double a = 1 + theta;
        double b = -(1 + theta + p1 + theta * p2 + change * (theta + 2));
        double c = change * change + change * (2 * p1 + theta + 1) + p1 + theta * p2;
        double d = -p1 * change * (1 + change);
        double v = b * b * b / (27 * a * a * a) - b * c / (6 * a * a) + d / (2 * a);
        double u = Math.signum(v) * Math.sqrt(Math.max(0, b * b / (9 * a * a) - c / (3 * a)));
        double ratio = v == 0 && u == 0 ? 1 : v / (u * u * u);
        ratio = Math.max(-1, Math.min(1, Double.isNaN(ratio) ? 1 : ratio));
        double w = (Math.PI + Math.acos(ratio)) / 3;
        double r1 = 2 * u * Math.cos(w) - b / (3 * a);
        r1 = Math.min(Math.min(1, 1 + change), Math.max(Math.max(0, change), r1));
        double r2 = Math.min(1, Math.max(0, r1 - change));
        return new double[] {r1, r2};
    }

    private static double[] ratiosUp(int n) {
        double[] ratios = new double[n + 1];
        for (int k = 0; k < n; k++) {
            ratios[k] = (double) (n - k) / (k + 1);
        }
        return ratios;
    }

    private static double[] ratiosDown(int n) {
        double[] ratios = new double[n + 1];
        for (int k = 1; k <= n; k++) {
            ratios[k] = (double) k / (n - k + 1);
        }
        return ratios;
    }
}
