package org.recordingrate.coverage;

import java.util.Locale;

import org.recordingrate.compare.ChangeIntervalMethod;
import org.recordingrate.format.Percent;
import org.recordingrate.format.ResultColumns;
import org.recordingrate.format.ResultTable;
import org.recordingrate.format.ResultTable.Kind;

/**
 * The exact coverage of a change interval at two audited counts and two true rates: the sum over every
 * pair of tallies of Bin(x<sub>b</sub>; n<sub>b</sub>, p<sub>b</sub>) Bin(x<sub>a</sub>; n<sub>a</sub>,
 * p<sub>a</sub>) 1{L &lt;= p<sub>a</sub> - p<sub>b</sub> &lt;= U}, and the expected width. The result of
 * {@link ChangeCoverage#at}.
 *
 * @param method        the change interval method
 * @param confidence    its nominal level
 * @param auditedBefore n<sub>b</sub>
 * @param rateBefore    p<sub>b</sub>, in [0, 1]
 * @param auditedAfter  n<sub>a</sub>
 * @param rateAfter     p<sub>a</sub>, in [0, 1]
 * @param coverage      the exact coverage, in [0, 1]
 * @param expectedWidth the expected width E[U - L], in [0, 2]
 */
public record ChangeCoveragePoint(ChangeIntervalMethod method, double confidence, long auditedBefore,
                                  double rateBefore, long auditedAfter, double rateAfter, double coverage,
                                  double expectedWidth) implements CoverageFigure {

    /**
     * The columns the command line writes: method, confidence, audited_before, rate_before, audited_after,
     * rate_after, change, coverage, expected_width.
     */
    public static final ResultColumns<ChangeCoveragePoint> COLUMNS = ResultColumns.<ChangeCoveragePoint>of()
            .add("method", Kind.TEXT, c -> c.method().token())
            .add("confidence", Kind.NUMBER, ChangeCoveragePoint::confidence)
            .add("audited_before", Kind.COUNT, ChangeCoveragePoint::auditedBefore)
            .add("rate_before", Kind.FRACTION, ChangeCoveragePoint::rateBefore)
            .add("audited_after", Kind.COUNT, ChangeCoveragePoint::auditedAfter)
            .add("rate_after", Kind.FRACTION, ChangeCoveragePoint::rateAfter)
            .add("change", Kind.CHANGE, ChangeCoveragePoint::change)
            .add("coverage", Kind.FRACTION, ChangeCoveragePoint::coverage)
            .add("expected_width", Kind.FRACTION, ChangeCoveragePoint::expectedWidth);

    /**
     * The true change.
     *
     * @return {@code rateAfter - rateBefore}
     */
    public double change() {
        return rateAfter - rateBefore;
    }

    /**
     * The before rate, against which a curve of changes is plotted.
     *
     * @return {@link #rateBefore()}
     */
    @Override
    public double rate() {
        return rateBefore;
    }

    @Override
    public ResultTable table() {
        return COLUMNS.table(this);
    }

    @Override
    public String summary() {
        return String.format(Locale.ROOT, "%-16s%s %s CI for a change%n%-16s%s of %d before, %s of %d after (%s)%n"
                        + "%-16s%s%s%n%-16s%s points%n",
                "interval", method.displayName(), Percent.level(confidence),
                "true rates", Percent.format(rateBefore, 2), auditedBefore, Percent.format(rateAfter, 2), auditedAfter,
                Percent.points(change()),
                "coverage", Percent.format(coverage, 2), underCovers() ? " (more than 1 point below nominal)" : "",
                "expected width", String.format(Locale.ROOT, "%.2f", 100 * expectedWidth));
    }

    @Override
    public String toString() {
        return method.displayName() + " " + Percent.level(confidence) + " CI, " + auditedBefore + " then "
                + auditedAfter + " audited, true rates " + Percent.format(rateBefore) + " then "
                + Percent.format(rateAfter) + ": coverage " + Percent.format(coverage) + ", expected width "
                + String.format(Locale.ROOT, "%.1f", 100 * expectedWidth) + " points";
    }
}
