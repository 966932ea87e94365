package org.recordingrate.plan;

import org.recordingrate.format.ResultTable;
import org.recordingrate.model.Result;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import org.recordingrate.format.Percent;

/**
 * The smallest audited count for an attribute sample: enough records that finding at most the
 * expected number unrecorded supports, one-sided at the stated confidence, an unrecorded share
 * below the tolerable one. See {@link UpperBoundPlanner}.
 *
 * @param confidence     the one-sided confidence level
 * @param tolerable      the unrecorded share to rule out, a fraction (0.05 for "under 5%")
 * @param expectedErrors unrecorded records allowed among those audited
 * @param population     the records sampled from, when finite
 * @param tolerableCount with a population: D0 = ceil(tolerable x N), the smallest unrecorded count
 *                       the audit must rule out
 * @param audited        the planned audited count
 * @param risk           at {@code audited}: the probability of finding at most {@code expectedErrors}
 *                       unrecorded if the share were the tolerable one (at most 1 - confidence)
 * @param riskOneFewer   the same at {@code audited - 1}, above 1 - confidence (empty when there is none)
 * @param upperBound     the one-sided upper confidence bound on the unrecorded share when exactly
 *                       {@code expectedErrors} are found among {@code audited}: Clopper-Pearson, or
 *                       with a population the largest D with P(X &lt;= e | D) &gt; 1 - confidence, over N
 */
public record UpperBoundSize(double confidence, double tolerable, long expectedErrors, OptionalLong population,
                             OptionalLong tolerableCount, long audited, double risk, OptionalDouble riskOneFewer,
                             double upperBound) implements Result {

    /** {@code "59 audited to show under 5.0% unrecorded with 0 found (95% one-sided; risk 0.0485)"}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%,d audited to show under %s unrecorded with %d found (%s one-sided%s; "
                        + "risk %.4g at %,d%s)", audited, Percent.format(tolerable), expectedErrors,
                Percent.level(confidence), population.isPresent()
                        ? String.format(Locale.ROOT, ", population %,d", population.getAsLong()) : "",
                risk, audited, riskOneFewer.isPresent()
                        ? String.format(Locale.ROOT, ", %.4g at %,d", riskOneFewer.getAsDouble(), audited - 1) : "");
    }

    /**
     * The same as {@link #toString()}: one line says all of it.
     *
     * @return the line, with a line end
     */
    @Override
    public String summary() {
        return this + "\n";
    }

    /**
     * The attribute sample size as the command line writes it, one row.
     *
     * @return a new table of one row
     */
    @Override
    public ResultTable table() {
        return PlanningColumns.UPPER_BOUND.table(this);
    }
}
