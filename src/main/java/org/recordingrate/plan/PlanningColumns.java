package org.recordingrate.plan;

import org.recordingrate.format.ResultColumns;
import org.recordingrate.format.ResultTable.Kind;

/**
 * The columns of the planning results, defined once beside them: sample sizes, allocations (whose
 * CSV is the PLAN file that {@code select} reads), attribute sample sizes and power. Rates, margins
 * and powers are fractions at full precision in CSV and JSON.
 */
public final class PlanningColumns {

    private PlanningColumns() {
    }

    /**
     * One category's sample size:
     * {@code method,confidence,expected,target_margin,population,audited,expected_recorded,margin,margin_one_fewer}.
     */
    public static final ResultColumns<SampleSize> SAMPLE_SIZE = ResultColumns.<SampleSize>of()
            .add("method", Kind.TEXT, s -> s.method().token())
            .add("confidence", Kind.NUMBER, SampleSize::confidence)
            .add("expected", Kind.FRACTION, SampleSize::expected)
            .add("target_margin", Kind.FRACTION, SampleSize::targetMargin)
            .add("population", Kind.COUNT, SampleSize::population)
            .add("audited", Kind.COUNT, SampleSize::audited)
            .add("expected_recorded", Kind.COUNT, SampleSize::expectedRecorded)
            .add("margin", Kind.FRACTION, SampleSize::margin)
            .add("margin_one_fewer", Kind.FRACTION, SampleSize::marginOneFewer);

    /**
     * A row of an allocation, the PLAN file: {@code category,volume,expected,audited,margin}, a row
     * per category then {@code all crime}.
     */
    public static final ResultColumns<CategoryAllocation> ALLOCATION = ResultColumns.<CategoryAllocation>of()
            .add("category", Kind.TEXT, CategoryAllocation::category)
            .add("volume", Kind.COUNT, CategoryAllocation::volume)
            .add("expected", Kind.FRACTION, CategoryAllocation::expected)
            .add("audited", Kind.COUNT, CategoryAllocation::audited)
            .add("margin", Kind.FRACTION, CategoryAllocation::margin);

    /**
     * An attribute sample size:
     * {@code confidence,tolerable,expected_errors,population,tolerable_count,audited,risk,risk_one_fewer,upper_bound}.
     */
    public static final ResultColumns<UpperBoundSize> UPPER_BOUND = ResultColumns.<UpperBoundSize>of()
            .add("confidence", Kind.NUMBER, UpperBoundSize::confidence)
            .add("tolerable", Kind.FRACTION, UpperBoundSize::tolerable)
            .add("expected_errors", Kind.COUNT, UpperBoundSize::expectedErrors)
            .add("population", Kind.COUNT, UpperBoundSize::population)
            .add("tolerable_count", Kind.COUNT, UpperBoundSize::tolerableCount)
            .add("audited", Kind.COUNT, UpperBoundSize::audited)
            .add("risk", Kind.PVALUE, UpperBoundSize::risk)
            .add("risk_one_fewer", Kind.PVALUE, UpperBoundSize::riskOneFewer)
            .add("upper_bound", Kind.FRACTION, UpperBoundSize::upperBound);

    /**
     * A point of a power curve:
     * {@code previous_recorded,previous_audited,previous_rate,change,rate,test,power_method,alternative,
     * significance,audited,power,mc_error}.
     */
    public static final ResultColumns<PowerPoint> POWER = ResultColumns.<PowerPoint>of()
            .add("previous_recorded", Kind.COUNT, p -> p.previous().recorded())
            .add("previous_audited", Kind.COUNT, p -> p.previous().audited())
            .add("previous_rate", Kind.FRACTION, p -> p.previous().rate())
            .add("change", Kind.CHANGE, PowerPoint::change)
            .add("rate", Kind.FRACTION, PowerPoint::rate)
            .add("test", Kind.TEXT, p -> p.test().token())
            .add("power_method", Kind.TEXT, p -> p.method().token())
            .add("alternative", Kind.TEXT, p -> p.alternative().token())
            .add("significance", Kind.NUMBER, PowerPoint::significance)
            .add("audited", Kind.COUNT, PowerPoint::audited)
            .add("power", Kind.NUMBER, PowerPoint::power)
            .add("mc_error", Kind.NUMBER, p -> p.monteCarlo().map(mc -> mc.standardError()));

    /** The audited count for a power: {@code target_power}, the {@link #POWER} columns at it, {@code power_one_fewer}. */
    public static final ResultColumns<PowerSize> POWER_SIZE = ResultColumns.<PowerSize>of()
            .add("target_power", Kind.NUMBER, PowerSize::targetPower)
            .then(POWER.from(PowerSize::achieved))
            .add("power_one_fewer", Kind.NUMBER, s -> s.oneFewer().map(PowerPoint::power));
}
