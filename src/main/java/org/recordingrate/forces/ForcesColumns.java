package org.recordingrate.forces;

import java.util.List;

import org.recordingrate.format.ResultColumns;
import org.recordingrate.format.ResultTable.Kind;

/**
 * The columns of {@link ForcesResult}, defined once, for the command line ({@code forces},
 * {@code plot funnel --format csv}), JShell's {@code save(..)} and the report. Rates, limits, bounds and
 * standard errors are fractions; ranks are whole numbers, 1 the highest rate.
 *
 * <ul>
 *   <li>{@code rate}, {@code se}: the force's rate and its own standard error;</li>
 *   <li>{@code effective_audited}: its audited count, or for an all-crime rate or a published figure
 *       the effective audited count that stands for it on the funnel;</li>
 *   <li>{@code target}; {@code z} = (rate - target) / sqrt(target (1 - target) / effective_audited);
 *       {@code z_adjusted} after the over-dispersion allowance; {@code phi}, {@code tau2} (the same on
 *       every row); {@code overdispersion}: the allowance applied ({@code none} when none was found);</li>
 *   <li>{@code lower95,upper95,lower998,upper998}: the limits at the force's size, with the allowance;
 *       {@code outlier}: {@code none}, {@code 95} or {@code 99.8}; {@code outlier_unadjusted}: the same
 *       against the binomial limits;</li>
 *   <li>{@code shrinkage}; {@code shrunken,shrunken_se,shrunken_lower,shrunken_upper};</li>
 *   <li>{@code rank,rank_lower,rank_upper,rank_lower_simultaneous,rank_upper_simultaneous};</li>
 *   <li>{@code national_rate,national_lower,national_upper} (empty without volumes), and with groups
 *       {@code group_rate,group_lower,group_upper}, the force's group's rate.</li>
 * </ul>
 */
final class ForcesColumns {

    private ForcesColumns() {
    }

    /** The result columns, after the input columns (or the identity columns). */
    static ResultColumns<ForceResult> results(ForcesResult result) {
        ResultColumns<ForceResult> columns = ResultColumns.<ForceResult>of()
                .add("rate", Kind.FRACTION, ForceResult::rate)
                .add("se", Kind.FRACTION, f -> f.figure().standardError())
                .add("effective_audited", Kind.NUMBER, f -> f.figure().effectiveAudited())
                .add("target", Kind.FRACTION, f -> result.target())
                .add("z", Kind.NUMBER, ForceResult::z)
                .add("z_adjusted", Kind.NUMBER, ForceResult::zAdjusted)
                .add("phi", Kind.NUMBER, f -> result.dispersion().phi())
                .add("tau2", Kind.NUMBER, f -> result.dispersion().tau2())
                .add("overdispersion", Kind.TEXT, f -> result.applied().token())
                .add("lower95", Kind.FRACTION, f -> f.limits().lower95())
                .add("upper95", Kind.FRACTION, f -> f.limits().upper95())
                .add("lower998", Kind.FRACTION, f -> f.limits().lower998())
                .add("upper998", Kind.FRACTION, f -> f.limits().upper998())
                .add("outlier", Kind.TEXT, f -> f.outlier().token())
                .add("outlier_unadjusted", Kind.TEXT, f -> f.outlierUnadjusted().token())
                .add("shrinkage", Kind.TEXT, f -> result.shrinkage().token())
                .add("shrunken", Kind.FRACTION, f -> f.shrunken().estimate())
                .add("shrunken_se", Kind.FRACTION, f -> f.shrunken().se())
                .add("shrunken_lower", Kind.FRACTION, f -> f.shrunken().lower())
                .add("shrunken_upper", Kind.FRACTION, f -> f.shrunken().upper())
                .add("rank", Kind.COUNT, f -> (long) f.rank().rank())
                .add("rank_lower", Kind.COUNT, f -> (long) f.rank().lower())
                .add("rank_upper", Kind.COUNT, f -> (long) f.rank().upper())
                .add("rank_lower_simultaneous", Kind.COUNT, f -> (long) f.rank().lowerSimultaneous())
                .add("rank_upper_simultaneous", Kind.COUNT, f -> (long) f.rank().upperSimultaneous())
                .add("national_rate", Kind.FRACTION, f -> result.national().map(NationalRate::rate))
                .add("national_lower", Kind.FRACTION, f -> result.national().map(NationalRate::lower))
                .add("national_upper", Kind.FRACTION, f -> result.national().map(NationalRate::upper));
        if (!result.groups().isEmpty()) {
            columns = columns.add("group_rate", Kind.FRACTION, f -> f.group().map(NationalRate::rate))
                    .add("group_lower", Kind.FRACTION, f -> f.group().map(NationalRate::lower))
                    .add("group_upper", Kind.FRACTION, f -> f.group().map(NationalRate::upper));
        }
        return columns;
    }

    /**
     * The columns naming each force when there are no input rows to keep (a list of figures, an
     * inspection or audit file): {@code force}, then {@code group}, {@code recorded,audited} and
     * {@code volume} when every force has them.
     */
    static ResultColumns<ForceResult> identity(List<ForceResult> forces) {
        ResultColumns<ForceResult> columns = ResultColumns.<ForceResult>of().add("force", Kind.TEXT, ForceResult::name);
        if (forces.stream().allMatch(f -> f.figure().group().isPresent())) {
            columns = columns.add("group", Kind.TEXT, f -> f.figure().group());
        }
        if (forces.stream().allMatch(f -> f.figure().tally().isPresent())) {
            columns = columns.add("recorded", Kind.COUNT, f -> f.figure().tally().get().recorded())
                    .add("audited", Kind.COUNT, f -> f.figure().tally().get().audited());
        }
        if (forces.stream().anyMatch(f -> f.figure().volume().isPresent())) {
            columns = columns.add("volume", Kind.COUNT, f -> f.figure().volume());
        }
        return columns;
    }
}
