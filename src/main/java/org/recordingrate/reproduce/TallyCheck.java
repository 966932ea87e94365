package org.recordingrate.reproduce;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;

import org.recordingrate.internal.Args;
import org.recordingrate.model.Tally;

/**
 * What the rounding of a published figure allows about the audit behind it: the audited counts
 * consistent with the printed rate and margin, and whether any whole-number tally reproduces them
 * at all (issue 17, item 6).
 *
 * <p><b>The rounding.</b> A figure printed as 99.0 +/- 1.7 stands for a rate in [98.95, 99.05]
 * percent and a margin in [1.65, 1.75] percent: half a unit of the last printed digit either way,
 * both ends included, so that the check holds under rounding half up, half even or half down.
 *
 * <p><b>The audited range</b> ({@link #auditedLower()}, {@link #auditedUpper()}): the whole counts
 * n for which the Wald margin z sqrt(p(1 - p)/n) falls in the margin's rounding interval at some
 * rate p in the rate's: n from p(1 - p) z&sup2;/M<sub>hi</sub>&sup2; at the p farthest from 1/2, to
 * p(1 - p) z&sup2;/M<sub>lo</sub>&sup2; at the p nearest 1/2, rounded inwards (at least 1). It is what
 * {@link PublishedFigure#impliedAudited()} becomes once the rounding is allowed for, as
 * {@link PublishedFigure#volumesConsistentWith} is for "more than N".
 *
 * <p><b>Reproducible</b> ({@link #reproducible()}): whether some tally x of n, n in that range,
 * has x/n within the rate's rounding interval and a Wald margin 100 z sqrt(x(n - x)/n&sup3;) within
 * the margin's (the margin compared in double precision with a relative allowance of 10<sup>-9</sup>,
 * since z is irrational; the rate exactly, in integers). For each n the rate allows the x of an
 * integer interval; x(n - x) rises up to n/2 and falls after it, so on each side the x whose margin
 * is large enough form an interval found from the root of x(n - x) = n&sup3;(M<sub>lo</sub>/z)&sup2;,
 * and only its first x needs checking against M<sub>hi</sub>: a constant amount of work per n. The
 * seed report's sexual offences figure, 99.0 +/- 1.7, and Merseyside's violence figure, 81.37 +/-
 * 3.23, are not reproducible: no tally gives them with a Wald margin (the first would need 1 or 2
 * unrecorded of about 95 to 105 or 190 to 210 audited, and those margins round to 2.0 or 1.4).
 * For an all-crime figure (volume-weighted across categories) no single tally need reproduce it:
 * see {@link FigureCheck}, which does not ask.
 *
 * <p>Edges: more than {@link #MAX_SEARCHED} audited counts in the range (margins of a few hundredths
 * of a percent, tens of millions audited) are not searched: {@link #reproducible()} is then empty,
 * with the reason in {@link #reason()}.
 *
 * @param figure        the figure checked
 * @param auditedLower  the smallest whole audited count consistent with the rounding, at least 1
 * @param auditedUpper  the largest, at least {@code auditedLower - 1} (empty range when the figure
 *                      admits no whole count: then {@code auditedUpper < auditedLower})
 * @param reproducible  whether some whole tally reproduces the figure; empty when not searched
 * @param example       the tally with the smallest audited count that reproduces it, if any
 * @param reason        why the figure is not reproducible, or was not searched; empty otherwise
 */
public record TallyCheck(PublishedFigure figure, long auditedLower, long auditedUpper, Optional<Boolean> reproducible,
                         Optional<Tally> example, String reason) {

    /** The most audited counts searched for a reproducing tally: ten million. */
    public static final long MAX_SEARCHED = 10_000_000L;

    /** Relative allowance on the margin comparison (z is irrational; the rate is compared exactly). */
    private static final double TOLERANCE = 1e-9;

    /**
     * Validates the parts.
     *
     * @throws IllegalArgumentException if an argument is null or the audited lower bound is below 1
     */
    public TallyCheck {
        Args.notNull("figure", figure);
        Args.notNull("reproducible", reproducible);
        Args.notNull("example", example);
        Args.notNull("reason", reason);
        Args.positive("auditedLower", auditedLower);
    }

    /**
     * Checks a figure; see the class comment.
     *
     * @param figure the published figure
     * @return the audited range and whether a whole tally reproduces the figure
     * @throws IllegalArgumentException if {@code figure} is null
     */
    public static TallyCheck of(PublishedFigure figure) {
        Args.notNull("figure", figure);
        Bounds rate = Bounds.of(figure.ratePercent());
        Bounds margin = Bounds.of(figure.marginPercent());
        double z = figure.criticalValue();
        double pLow = Math.max(0, rate.low.doubleValue() / 100);
        double pHigh = Math.min(1, rate.high.doubleValue() / 100);
        double varianceLow = Math.min(pLow * (1 - pLow), pHigh * (1 - pHigh));
        double varianceHigh = pLow <= 0.5 && pHigh >= 0.5 ? 0.25 : Math.max(pLow * (1 - pLow), pHigh * (1 - pHigh));
        double marginLow = margin.low.doubleValue() / 100;
        double marginHigh = margin.high.doubleValue() / 100;
        double nLow = varianceLow * (z / marginHigh) * (z / marginHigh);
        double nHigh = varianceHigh * (z / marginLow) * (z / marginLow);
        long lower = Math.max(1, (long) Math.ceil(nLow * (1 - TOLERANCE)));
        long upper = nHigh >= Args.MAX_AUDITED ? Args.MAX_AUDITED : (long) Math.floor(nHigh * (1 + TOLERANCE));
        String printed = figure.ratePercent().toPlainString() + " +/- " + figure.marginPercent().toPlainString();
        if (upper < lower) {
            return new TallyCheck(figure, lower, upper, Optional.of(false), Optional.empty(),
                    "no audited count gives a Wald margin of " + figure.marginPercent().toPlainString()
                            + " percent at a rate of " + figure.ratePercent().toPlainString() + " percent");
        }
        if (upper - lower + 1 > MAX_SEARCHED) {
            return new TallyCheck(figure, lower, upper, Optional.empty(), Optional.empty(), String.format(Locale.ROOT,
                    "not searched for a tally: %,d to %,d audited is more than %,d counts", lower, upper, MAX_SEARCHED));
        }
        Search search = new Search(rate, marginLow * (1 - TOLERANCE), marginHigh * (1 + TOLERANCE), z);
        for (long n = lower; n <= upper; n++) {
            long x = search.recorded(n);
            if (x >= 0) {
                return new TallyCheck(figure, lower, upper, Optional.of(true), Optional.of(Tally.of(x, n)), "");
            }
        }
        return new TallyCheck(figure, lower, upper, Optional.of(false), Optional.empty(), String.format(Locale.ROOT,
                "no whole tally gives %s with a Wald margin (x of n for n from %,d to %,d: none has a rate that rounds"
                        + " to %s percent and a margin that rounds to %s percent)", printed, lower, upper,
                figure.ratePercent().toPlainString(), figure.marginPercent().toPlainString()));
    }

    /** The one-line verdict: "reproducible (e.g. 429 of 460); 420 to 510 audited". */
    @Override
    public String toString() {
        String range = String.format(Locale.ROOT, "%,d to %,d audited", auditedLower, auditedUpper);
        if (reproducible.isEmpty()) {
            return figure + ": " + range + "; " + reason;
        }
        return figure + ": " + range + (reproducible.get()
                ? "; reproduced by " + example.map(t -> t.recorded() + " of " + t.audited()).orElse("a tally")
                : "; " + reason);
    }

    /** A decimal's rounding interval: half a unit of its last digit either way. */
    private record Bounds(BigDecimal low, BigDecimal high, BigInteger lowNumerator, BigInteger highNumerator,
                          BigInteger denominator) {

        static Bounds of(BigDecimal printed) {
            BigDecimal half = PublishedFigure.halfUnit(printed);
            BigDecimal low = printed.subtract(half);
            BigDecimal high = printed.add(half);
            // as fractions of 1 over a common power of ten: percent / 100
            int scale = Math.max(0, printed.scale() + 1) + 2;
            BigInteger denominator = BigInteger.TEN.pow(scale);
            return new Bounds(low, high, low.movePointRight(scale - 2).toBigIntegerExact(),
                    high.movePointRight(scale - 2).toBigIntegerExact(), denominator);
        }
    }

    /** The search for a reproducing x at each n: the class comment's constant-time step. */
    private static final class Search {
        private final Bounds rate;
        private final double marginLow;
        private final double marginHigh;
        private final double z;

        Search(Bounds rate, double marginLow, double marginHigh, double z) {
            this.rate = rate;
            this.marginLow = marginLow;
            this.marginHigh = marginHigh;
            this.z = z;
        }

        /** Some x of n that reproduces the figure, or -1. */
        long recorded(long n) {
            BigInteger bigN = BigInteger.valueOf(n);
            // x/n >= low  <=>  x >= n low_num / den (ceiling); x/n <= high <=> x <= n high_num / den (floor)
            BigInteger[] low = bigN.multiply(rate.lowNumerator).divideAndRemainder(rate.denominator);
            long xLow = Math.max(0, low[0].longValueExact() + (low[1].signum() > 0 ? 1 : 0));
            long xHigh = Math.min(n, bigN.multiply(rate.highNumerator).divide(rate.denominator).longValueExact());
            if (xLow > xHigh) {
                return -1;
            }
            // rising side: x in [xLow, min(xHigh, n/2)]
            long half = n / 2;
            long x = firstWide(n, xLow, Math.min(xHigh, half));
            if (x >= 0) {
                return x;
            }
            // falling side, mirrored: y = n - x in [n - xHigh, n - max(xLow, half + 1)]
            long y = firstWide(n, n - xHigh, n - Math.max(xLow, half + 1));
            return y >= 0 ? n - y : -1;
        }

        /**
         * On [a, b] with b &lt;= n/2 (margin rising in x): the first x whose margin reaches the lower
         * bound, if its margin is also within the upper; else -1.
         */
        private long firstWide(long n, long a, long b) {
            if (a > b) {
                return -1;
            }
            double target = marginLow / z;
            // x(n - x) = n^3 target^2: the smaller root
            double c = (double) n * n * n * target * target;
            double discriminant = (double) n * n - 4 * c;
            long x;
            if (discriminant < 0) {
                x = b; // no x reaches the margin; checked below
            } else {
                double root = (n - Math.sqrt(discriminant)) / 2;
                x = Math.max(a, Math.min(b, (long) Math.floor(root)));
                while (x > a && wide(n, x - 1)) {
                    x--;
                }
                while (x < b && !wide(n, x)) {
                    x++;
                }
            }
            return wide(n, x) && margin(n, x) <= marginHigh ? x : -1;
        }

        private boolean wide(long n, long x) {
            return margin(n, x) >= marginLow;
        }

        private double margin(long n, long x) {
            double p = (double) x / n;
            return z * Math.sqrt(p * (1 - p) / n);
        }
    }
}
