package org.recordingrate.coverage;

import java.util.ArrayList;
import java.util.List;

import org.recordingrate.error.ArgumentException;
import org.recordingrate.estimate.IntervalMethod;
import org.recordingrate.estimate.RateIntervalMethod;
import org.recordingrate.format.Percent;
import org.recordingrate.internal.Args;
import org.recordingrate.internal.Binomial;
import org.recordingrate.model.Interval;
import org.recordingrate.model.Tally;

/**
 * The exact coverage of a one-category interval method, by enumeration: at n audited and a true rate
 * p, the recorded count X is Binomial(n, p), and
 * <pre>
 *   C(n, p) = sum over x = 0..n of Bin(x; n, p) 1{L(x) &lt;= p &lt;= U(x)}
 *   W(n, p) = sum over x = 0..n of Bin(x; n, p) (U(x) - L(x))
 * </pre>
 * (Brown, Cai and DasGupta, "Interval estimation for a binomial proportion", Statistical Science 16
 * (2001) 101-133, section 2, whose figures this reproduces). The intervals of the counts are computed
 * once per audited count, when a rate first gives a count weight, and reused for every rate of a grid;
 * the binomial probabilities come from the ratio recurrence outwards from the mode (those below the
 * smallest double are 0, and their counts are left out), so C and W are exact to about 1e-13. At p = 0 and p = 1 the count is certain (0 or n).
 *
 * <p>Immutable and thread-safe: {@code RateCoverage.withDefaults().with(IntervalMethod.WALD).at(202, 0.93)}.
 */
public final class RateCoverage {

    /** The largest audited count enumerated: 10<sup>6</sup> (a million intervals, about a second). */
    public static final long MAX_AUDITED = 1_000_000;

    private final RateIntervalMethod method;
    private final double confidence;

    private RateCoverage(RateIntervalMethod method, double confidence) {
        this.method = method;
        this.confidence = confidence;
    }

    /**
     * Wilson intervals at 95%.
     *
     * @return the default procedure
     */
    public static RateCoverage withDefaults() {
        return new RateCoverage(IntervalMethod.WILSON, 0.95);
    }

    /**
     * The same with another interval method.
     *
     * @param method the method
     * @return a new procedure
     * @throws IllegalArgumentException if {@code method} is null
     */
    public RateCoverage with(RateIntervalMethod method) {
        return new RateCoverage(Args.notNull("method", method), confidence);
    }

    /**
     * The same at another nominal level.
     *
     * @param confidence the two-sided level, from 10<sup>-6</sup> to 1 - 10<sup>-9</sup>
     * @return a new procedure
     * @throws IllegalArgumentException if the level is out of range or NaN
     */
    public RateCoverage withConfidence(double confidence) {
        return new RateCoverage(method, Args.confidence(confidence));
    }

    /**
     * The interval method.
     *
     * @return the method
     */
    public RateIntervalMethod method() {
        return method;
    }

    /**
     * The nominal level.
     *
     * @return the confidence
     */
    public double confidence() {
        return confidence;
    }

    /**
     * The exact coverage and expected width at one audited count and one true rate.
     *
     * @param audited n, from 1 to {@link #MAX_AUDITED}
     * @param rate    the true rate p, in [0, 1]
     * @return the figure
     * @throws IllegalArgumentException if {@code audited} or {@code rate} is out of range
     */
    public CoveragePoint at(long audited, double rate) {
        return over(audited, RateGrid.of(List.of(Args.inRange("rate", rate, 0, 1)))).points().get(0);
    }

    /**
     * The exact coverage and expected width at every rate of a grid.
     *
     * @param audited n, from 1 to {@link #MAX_AUDITED}
     * @param rates   the true rates
     * @return a figure per rate, in the grid's order
     * @throws IllegalArgumentException if {@code audited} is out of range or {@code rates} null
     */
    public CoverageCurve<CoveragePoint> over(long audited, RateGrid rates) {
        Args.notNull("rates", rates);
        Intervals intervals = intervals(audited);
        List<CoveragePoint> points = new ArrayList<>(rates.size());
        for (double rate : rates.rates()) {
            double[] figure = intervals.coverage(rate);
            points.add(new CoveragePoint(method, confidence, audited, rate, figure[0], figure[1]));
        }
        return new CoverageCurve<>(method.displayName() + " " + Percent.level(confidence) + " CI, " + audited
                + " audited", points, CoveragePoint.COLUMNS);
    }

    /** The intervals of every count at {@code audited}, for repeated coverage sums. */
    Intervals intervals(long audited) {
        Args.positive("audited", audited);
        if (audited > MAX_AUDITED) {
            throw new ArgumentException("audited", "audited (" + audited + ") exceeds " + MAX_AUDITED
                    + ", the largest count whose intervals are enumerated for coverage");
        }
        return new Intervals(method, confidence, (int) audited);
    }

    /**
     * The intervals L(x), U(x) of x = 0..n, and the coverage sums over them. Work arrays inside: one
     * thread at a time.
     */
    static final class Intervals {
        private final RateIntervalMethod method;
        private final double confidence;
        private final int n;
        private final double[] lower;
        private final double[] upper;
        private final double[] up;
        private final double[] down;
        private final double[] pmf;

        /** Intervals computed when first needed: only the counts a rate gives weight to. */
        Intervals(RateIntervalMethod method, double confidence, int n) {
            this.method = method;
            this.confidence = confidence;
            this.n = n;
            this.lower = new double[n + 1];
            this.upper = new double[n + 1];
            java.util.Arrays.fill(lower, Double.NaN);
            this.up = new double[n + 1];
            this.down = new double[n + 1];
            this.pmf = new double[n + 1];
            for (int k = 0; k < n; k++) {
                up[k] = (double) (n - k) / (k + 1);
            }
            for (int k = 1; k <= n; k++) {
                down[k] = (double) k / (n - k + 1);
            }
        }

        private void load(int x) {
            if (Double.isNaN(lower[x])) {
                Interval interval = method.interval(Tally.of(x, n), confidence);
                lower[x] = interval.lower();
                upper[x] = interval.upper();
            }
        }

        /** {coverage, expected width} at the true rate p. */
        double[] coverage(double p) {
            if (p == 0 || p == 1) {
                int x = p == 0 ? 0 : n;
                load(x);
                return new double[] {covers(x, p) ? 1 : 0, upper[x] - lower[x]};
            }
            long range = Binomial.fill(n, p, 1 - p, up, down, pmf);
            int from = (int) (range >>> 32);
            int to = (int) range;
            double covered = 0;
            double width = 0;
            double total = 0;
            for (int x = from; x <= to; x++) {
                load(x);
                total += pmf[x];
                width += pmf[x] * (upper[x] - lower[x]);
                if (covers(x, p)) {
                    covered += pmf[x];
                }
            }
            // the recurrence's probabilities sum to 1 within about 1e-13; dividing by their sum keeps
            // coverage in [0, 1] exactly
            return new double[] {Math.min(1, covered / total), width / total};
        }

        private boolean covers(int x, double p) {
            return lower[x] <= p && p <= upper[x];
        }
    }
}
