package org.recordingrate.compare;

import java.util.Locale;

import org.recordingrate.internal.Args;

/**
 * The outcome of a test of change between two inspections (change = rate after - rate before).
 *
 * @param test        the test that was run
 * @param alternative the alternative hypothesis it was run against
 * @param statistic   the test statistic: z for the z-tests and Barnard's test (positive when
 *                    the rate after is higher), Pearson's X-squared with Yates' correction for
 *                    {@link ChangeTest#CHISQ_YATES}, the observed one-sided Fisher p-value for
 *                    Boschloo's test; NaN for the Fisher tests, which have none; may be
 *                    +-infinity (unpooled z with zero variance)
 * @param pValue      the p-value, in [0, 1]
 */
public record TestResult(ChangeTest test, Alternative alternative, double statistic, double pValue) {

    /**
     * Validates the result.
     *
     * @throws IllegalArgumentException if {@code test} or {@code alternative} is null, or
     *                                  {@code pValue} is not in [0, 1] (NaN included)
     */
    public TestResult {
        Args.notNull("test", test);
        Args.notNull("alternative", alternative);
        Args.inRange("pValue", pValue, 0, 1);
    }

    /**
     * Whether the change is significant at the given level: {@code pValue <= significance}
     * (the usual convention for a level-alpha test, under which an exact test's size is at most
     * alpha).
     *
     * @param significance the level alpha, strictly between 0 and 1, e.g. 0.05
     * @return true if the null hypothesis of no change is rejected
     * @throws IllegalArgumentException if {@code significance} is not strictly between 0 and 1
     */
    public boolean significantAt(double significance) {
        Args.significance(significance);
        return pValue <= significance;
    }

    /**
     * A one-line summary with three significant digits, e.g.
     * {@code "Fisher's exact test, two-sided: p = 0.0125"} or
     * {@code "z-test (pooled variance), improved: z = 2.65, p = 0.00402"}.
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(test.displayName()).append(", ")
                .append(alternative.token().replace('_', '-')).append(": ");
        if (!Double.isNaN(statistic)) {
            text.append(test.statisticName()).append(" = ").append(format(statistic)).append(", ");
        }
        return text.append("p = ").append(format(pValue)).toString();
    }

    private static String format(double value) {
        if (Double.isInfinite(value) || value == 0) {
            return value > 0 ? "infinity" : value < 0 ? "-infinity" : "0";
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }
}
