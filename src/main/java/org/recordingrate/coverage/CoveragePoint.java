package org.recordingrate.coverage;

import java.util.Locale;

import org.recordingrate.estimate.RateIntervalMethod;
import org.recordingrate.format.Percent;
import org.recordingrate.format.ResultColumns;
import org.recordingrate.format.ResultTable;
import org.recordingrate.format.ResultTable.Kind;

/**
 * The exact coverage of a one-category interval at {@code audited} records and a true rate: the sum of
 * the binomial probabilities of the recorded counts whose interval holds the rate, and the expected
 * width. The result of {@link RateCoverage#at}.
 *
 * @param method        the interval method
 * @param confidence    its nominal level
 * @param audited       the audited count n
 * @param rate          the true rate p, in [0, 1]
 * @param coverage      sum over x of Bin(x; n, p) 1{L(x) &lt;= p &lt;= U(x)}, in [0, 1]
 * @param expectedWidth sum over x of Bin(x; n, p) (U(x) - L(x)), in [0, 1]
 */
public record CoveragePoint(RateIntervalMethod method, double confidence, long audited, double rate, double coverage,
                            double expectedWidth) implements CoverageFigure {

    /** The columns the command line writes: method, confidence, audited, rate, coverage, expected_width. */
    public static final ResultColumns<CoveragePoint> COLUMNS = ResultColumns.<CoveragePoint>of()
            .add("method", Kind.TEXT, c -> c.method().token())
            .add("confidence", Kind.NUMBER, CoveragePoint::confidence)
            .add("audited", Kind.COUNT, CoveragePoint::audited)
            .add("rate", Kind.FRACTION, CoveragePoint::rate)
            .add("coverage", Kind.FRACTION, CoveragePoint::coverage)
            .add("expected_width", Kind.FRACTION, CoveragePoint::expectedWidth);

    @Override
    public ResultTable table() {
        return COLUMNS.table(this);
    }

    @Override
    public String summary() {
        return String.format(Locale.ROOT, "%-16s%s %s CI, %d audited, true rate %s%n%-16s%s%s%n%-16s%s%n",
                "interval", method.displayName(), Percent.level(confidence), audited, Percent.format(rate, 2),
                "coverage", Percent.format(coverage, 2),
                underCovers() ? " (more than 1 point below nominal)" : "",
                "expected width", Percent.format(expectedWidth, 2));
    }

    /** {@code "Wald 95% CI, 202 audited, true rate 93.0%: coverage 92.1%, expected width 7.0%"}. */
    @Override
    public String toString() {
        return method.displayName() + " " + Percent.level(confidence) + " CI, " + audited + " audited, true rate "
                + Percent.format(rate) + ": coverage " + Percent.format(coverage) + ", expected width "
                + Percent.format(expectedWidth);
    }
}
