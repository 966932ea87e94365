package org.recordingrate.compare;

import org.recordingrate.format.ResultTable;
import org.recordingrate.model.Result;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

import org.recordingrate.internal.Args;

/**
 * The outcome of a test of change between two inspections (change = rate after - rate before).
 *
 * @param test        the test that was run (any {@link ChangeTestMethod})
 * @param alternative the alternative hypothesis it was run against
 * @param statistic   the test statistic when the test has one: z for the z-tests and Barnard's
 *                    test (positive when the rate after is higher), Pearson's X-squared with Yates'
 *                    correction for {@link ChangeTest#CHISQ_YATES}, the observed one-sided Fisher
 *                    p-value for Boschloo's test; empty for the Fisher tests, which have none. It
 *                    may be infinite where the statistic is genuinely unbounded (the unpooled z
 *                    when both rates are 0 or 1 and differ): CSV writes {@code Inf}, JSON
 *                    {@code "Inf"}
 * @param pValue      the p-value, in [0, 1]
 * @param monteCarlo  replicates, seed and Monte Carlo error when the p-value was estimated by
 *                    resampling; empty for exact and asymptotic tests
 */
public record TestResult(ChangeTestMethod test, Alternative alternative, OptionalDouble statistic, double pValue,
                         Optional<MonteCarlo> monteCarlo) implements Result {

    /**
     * Validates the result.
     *
     * @param test        the test that was run
     * @param alternative the alternative hypothesis it was run against
     * @param statistic   the test statistic, or empty when the test has none (never null); not NaN,
     *                    possibly infinite
     * @param pValue      the p-value, in [0, 1]
     * @param monteCarlo  how a resampled p-value was obtained, or empty for exact and asymptotic tests
     * @throws IllegalArgumentException if an argument is null, the statistic is NaN, or
     *                                  {@code pValue} is not in [0, 1] (NaN included)
     */
    public TestResult {
        Args.notNull("test", test);
        Args.notNull("alternative", alternative);
        Args.notNull("statistic", statistic);
        Args.notNull("monteCarlo", monteCarlo);
        if (statistic.isPresent() && Double.isNaN(statistic.getAsDouble())) {
            throw new IllegalArgumentException("statistic (NaN) must be a number or absent");
        }
        Args.inRange("pValue", pValue, 0, 1);
    }

    /**
     * A result of a test computed exactly or asymptotically (no Monte Carlo error).
     *
     * @param test        the test that was run
     * @param alternative the alternative hypothesis it was run against
     * @param statistic   the statistic, or NaN when the test has none (then {@link #statistic()} is empty)
     * @param pValue      the p-value, in [0, 1]
     * @throws IllegalArgumentException as the canonical constructor
     */
    public TestResult(ChangeTestMethod test, Alternative alternative, double statistic, double pValue) {
        this(test, alternative, Double.isNaN(statistic) ? OptionalDouble.empty() : OptionalDouble.of(statistic), pValue,
                Optional.empty());
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
     * {@code "z-test (pooled variance), improved: z = 2.65, p = 0.00402"}; a Monte Carlo p-value
     * adds its replicates and error.
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(test.displayName()).append(", ")
                .append(alternative.token().replace('_', '-')).append(": ");
        if (statistic.isPresent()) {
            text.append(test.statisticName().isEmpty() ? "statistic" : test.statisticName()).append(" = ")
                    .append(format(statistic.getAsDouble())).append(", ");
        }
        text.append("p = ").append(format(pValue));
        monteCarlo.ifPresent(mc -> text.append(String.format(Locale.ROOT, " (%,d replicates, seed %d, MC error %.2g)",
                mc.replicates(), mc.seed(), mc.standardError())));
        return text.toString();
    }

    private static String format(double value) {
        if (Double.isInfinite(value) || value == 0) {
            return value > 0 ? "infinity" : value < 0 ? "-infinity" : "0";
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }

    /**
     * The same as {@link #toString()}, on a line of its own.
     *
     * @return the line, ending in {@code "\n"}
     */
    @Override
    public String summary() {
        return this + "\n";
    }

    /**
     * As a table: {@code test,alternative,statistic,p_value,replicates,seed} (the last two for a
     * resampled p-value only).
     *
     * @return a new table of one row
     */
    @Override
    public ResultTable table() {
        return org.recordingrate.format.ResultColumns.<TestResult>of()
                .add("test", ResultTable.Kind.TEXT, r -> r.test().token())
                .add("alternative", ResultTable.Kind.TEXT, r -> r.alternative().token())
                .add("statistic", ResultTable.Kind.NUMBER, TestResult::statistic)
                .add("p_value", ResultTable.Kind.PVALUE, TestResult::pValue)
                .add("replicates", ResultTable.Kind.COUNT, r -> r.monteCarlo().map(MonteCarlo::replicates))
                .add("seed", ResultTable.Kind.COUNT, r -> r.monteCarlo().map(MonteCarlo::seed))
                .table(this);
    }
}
