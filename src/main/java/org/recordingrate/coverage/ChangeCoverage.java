package org.recordingrate.coverage;

import java.util.ArrayList;
import java.util.List;

import org.recordingrate.compare.ChangeIntervalMethod;
import org.recordingrate.compare.DifferenceMethod;
import org.recordingrate.error.ArgumentException;
import org.recordingrate.format.Percent;
import org.recordingrate.internal.Args;
import org.recordingrate.internal.Binomial;
import org.recordingrate.model.Interval;
import org.recordingrate.model.Tally;

/**
 * The exact coverage of a change interval method, by double enumeration: with X<sub>b</sub> ~
 * Binomial(n<sub>b</sub>, p<sub>b</sub>) before and X<sub>a</sub> ~ Binomial(n<sub>a</sub>, p<sub>a</sub>)
 * after, independent, and D = p<sub>a</sub> - p<sub>b</sub>,
 * <pre>
 *   C = sum over x_b, x_a of Bin(x_b; n_b, p_b) Bin(x_a; n_a, p_a) 1{L(x_b, x_a) &lt;= D &lt;= U(x_b, x_a)}
 * </pre>
 * and W the same sum of U - L (Newcombe, "Interval estimation for the difference between independent
 * proportions: comparison of eleven methods", Statistics in Medicine 17 (1998) 873-890, who computed
 * it this way). The (n<sub>b</sub> + 1)(n<sub>a</sub> + 1) intervals are computed once per pair of
 * audited counts, at most {@value #MAX_TABLES} of them, and reused for every pair of rates.
 *
 * <p>Immutable and thread-safe.
 */
public final class ChangeCoverage {

    /** The most pairs of tallies enumerated: 2<sup>21</sup> (1,447 audited in each group). */
    public static final long MAX_TABLES = 1L << 21;

    private final ChangeIntervalMethod method;
    private final double confidence;

    private ChangeCoverage(ChangeIntervalMethod method, double confidence) {
        this.method = method;
        this.confidence = confidence;
    }

    /**
     * Newcombe's hybrid score interval at 95%.
     *
     * @return the default procedure
     */
    public static ChangeCoverage withDefaults() {
        return new ChangeCoverage(DifferenceMethod.NEWCOMBE, 0.95);
    }

    /**
     * The same with another change interval method.
     *
     * @param method the method
     * @return a new procedure
     * @throws IllegalArgumentException if {@code method} is null
     */
    public ChangeCoverage with(ChangeIntervalMethod method) {
        return new ChangeCoverage(Args.notNull("method", method), confidence);
    }

    /**
     * The same at another nominal level.
     *
     * @param confidence the two-sided level, in the supported range
     * @return a new procedure
     * @throws IllegalArgumentException if the level is out of range or NaN
     */
    public ChangeCoverage withConfidence(double confidence) {
        return new ChangeCoverage(method, Args.confidence(confidence));
    }

    /**
     * The exact coverage at one design and one pair of true rates.
     *
     * @param auditedBefore n<sub>b</sub>, at least 1
     * @param rateBefore    p<sub>b</sub>, in [0, 1]
     * @param auditedAfter  n<sub>a</sub>, at least 1; (n<sub>b</sub> + 1)(n<sub>a</sub> + 1) at most
     *                      {@value #MAX_TABLES}
     * @param rateAfter     p<sub>a</sub>, in [0, 1]
     * @return the figure
     * @throws IllegalArgumentException if a count or rate is out of range
     */
    public ChangeCoveragePoint at(long auditedBefore, double rateBefore, long auditedAfter, double rateAfter) {
        Args.inRange("rate before", rateBefore, 0, 1);
        Args.inRange("rate after", rateAfter, 0, 1);
        return table(auditedBefore, auditedAfter).coverage(rateBefore, rateAfter);
    }

    /**
     * The exact coverage over a grid of before rates, with the after rate {@code rateBefore + change}
     * (rates where that falls outside [0, 1] are left out).
     *
     * @param auditedBefore n<sub>b</sub>
     * @param auditedAfter  n<sub>a</sub>
     * @param ratesBefore   the before rates
     * @param change        the true change D, in [-1, 1]
     * @return a figure per before rate kept
     * @throws IllegalArgumentException if a count is out of range, {@code change} outside [-1, 1], or no
     *                                  rate of the grid leaves the after rate in [0, 1]
     */
    public CoverageCurve<ChangeCoveragePoint> over(long auditedBefore, long auditedAfter, RateGrid ratesBefore,
                                                   double change) {
        Args.notNull("rates", ratesBefore);
        Args.inRange("change", change, -1, 1);
        Table table = table(auditedBefore, auditedAfter);
        List<ChangeCoveragePoint> points = new ArrayList<>();
        for (double before : ratesBefore.rates()) {
            double after = before + change;
            if (after >= 0 && after <= 1) {
                points.add(table.coverage(before, after));
            }
        }
        if (points.isEmpty()) {
            throw new ArgumentException("change", "change (" + change + ") leaves no after rate of the grid "
                    + ratesBefore + " within [0, 1]");
        }
        return new CoverageCurve<>(method.displayName() + " " + Percent.level(confidence) + " CI for a change of "
                + Percent.points(change) + ", " + auditedBefore + " then " + auditedAfter + " audited", points,
                ChangeCoveragePoint.COLUMNS);
    }

    private Table table(long auditedBefore, long auditedAfter) {
        Args.positive("audited before", auditedBefore);
        Args.positive("audited after", auditedAfter);
        if ((double) (auditedBefore + 1) * (auditedAfter + 1) > MAX_TABLES) {
            throw new ArgumentException("audited", "audited (before " + auditedBefore + ", after " + auditedAfter
                    + ") gives (" + auditedBefore + " + 1) x (" + auditedAfter + " + 1) tallies to enumerate; at most "
                    + MAX_TABLES + " are allowed");
        }
        return new Table((int) auditedBefore, (int) auditedAfter);
    }

    /** Every interval of the design, row by row of the before count. */
    private final class Table {
        private final int nb;
        private final int na;
        private final double[] lower;
        private final double[] upper;

        Table(int nb, int na) {
            this.nb = nb;
            this.na = na;
            this.lower = new double[(nb + 1) * (na + 1)];
            this.upper = new double[(nb + 1) * (na + 1)];
            for (int xb = 0; xb <= nb; xb++) {
                Tally before = Tally.of(xb, nb);
                for (int xa = 0; xa <= na; xa++) {
                    Interval interval = method.interval(before, Tally.of(xa, na), confidence);
                    lower[xb * (na + 1) + xa] = interval.lower();
                    upper[xb * (na + 1) + xa] = interval.upper();
                }
            }
        }

        ChangeCoveragePoint coverage(double pb, double pa) {
            double[] before = probabilities(nb, pb);
            double[] after = probabilities(na, pa);
            double d = pa - pb;
            double covered = 0;
            double width = 0;
            double total = 0;
            for (int xb = 0; xb <= nb; xb++) {
                if (before[xb] == 0) {
                    continue;
                }
                double rowCovered = 0;
                double rowWidth = 0;
                double rowTotal = 0;
                int row = xb * (na + 1);
                for (int xa = 0; xa <= na; xa++) {
                    double p = after[xa];
                    if (p == 0) {
                        continue;
                    }
                    rowTotal += p;
                    rowWidth += p * (upper[row + xa] - lower[row + xa]);
                    if (lower[row + xa] <= d && d <= upper[row + xa]) {
                        rowCovered += p;
                    }
                }
                covered += before[xb] * rowCovered;
                width += before[xb] * rowWidth;
                total += before[xb] * rowTotal;
            }
            return new ChangeCoveragePoint(method, confidence, nb, pb, na, pa, Math.min(1, covered / total),
                    width / total);
        }
    }

    /** Bin(x; n, p) for x = 0..n, 0 where it underflows. */
    static double[] probabilities(int n, double p) {
        double[] pmf = new double[n + 1];
        if (p == 0 || p == 1) {
            pmf[p == 0 ? 0 : n] = 1;
            return pmf;
        }
        double[] up = new double[n + 1];
        double[] down = new double[n + 1];
        for (int k = 0; k < n; k++) {
            up[k] = (double) (n - k) / (k + 1);
        }
        for (int k = 1; k <= n; k++) {
            down[k] = (double) k / (n - k + 1);
        }
        Binomial.fill(n, p, 1 - p, up, down, pmf);
        return pmf;
    }
}
