package org.recordingrate.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.recordingrate.model.Interval;
import org.recordingrate.model.Tally;
import org.recordingrate.model.Category;
import org.recordingrate.model.Inspection;
import org.recordingrate.estimate.InspectionEstimate;
import org.recordingrate.estimate.InspectionEstimator;
import org.recordingrate.estimate.VarianceConvention;
import org.recordingrate.internal.Args;
import org.recordingrate.internal.Normal;

/**
 * Compares two inspections, or two tallies: the change (later minus earlier) with an interval, a
 * test and the inspectors' verdict. Immutable and thread-safe; every {@code with..} returns a new
 * instance.
 *
 * <pre>{@code
 * Change c = Comparison.withDefaults().with(DifferenceMethod.NEWCOMBE).with(ChangeTest.FISHER_EXACT)
 *         .compare(Tally.of(512, 640), Tally.of(188, 202));
 * InspectionChange all = Comparison.withDefaults().compare(inspection2017, inspection2022);
 * }</pre>
 *
 * <p>Defaults: the Miettinen-Nurminen interval with the pooled z test (the pair that agree: the
 * interval's score statistic at D = 0 is the pooled z times sqrt((N - 1)/N)), two-sided, 95%
 * confidence, 5% significance, binomial variance for all crime, Holm's adjustment across
 * categories.
 */
public final class Comparison {

    private static final Comparison DEFAULTS = new Comparison(DifferenceMethod.MIETTINEN_NURMINEN, ChangeTest.Z_POOLED,
            Alternative.TWO_SIDED, 0.95, 0.05, VarianceConvention.BINOMIAL, PValueAdjustment.HOLM);

    private final DifferenceMethod method;
    private final ChangeTest test;
    private final Alternative alternative;
    private final double confidence;
    private final double significance;
    private final VarianceConvention variance;
    private final PValueAdjustment adjustment;

    private Comparison(DifferenceMethod method, ChangeTest test, Alternative alternative, double confidence,
                       double significance, VarianceConvention variance, PValueAdjustment adjustment) {
        this.method = Args.notNull("method", method);
        this.test = Args.notNull("test", test);
        this.alternative = Args.notNull("alternative", alternative);
        this.confidence = Args.confidence(confidence);
        this.significance = Args.significance(significance);
        this.variance = Args.notNull("variance", variance);
        this.adjustment = Args.notNull("adjustment", adjustment);
    }

    /** Miettinen-Nurminen, pooled z, two-sided, 95%, 5%, binomial variance, Holm. */
    public static Comparison withDefaults() {
        return DEFAULTS;
    }

    /** With another interval method. */
    public Comparison with(DifferenceMethod method) {
        return new Comparison(method, test, alternative, confidence, significance, variance, adjustment);
    }

    /** With another test. */
    public Comparison with(ChangeTest test) {
        return new Comparison(method, test, alternative, confidence, significance, variance, adjustment);
    }

    /** With another alternative hypothesis. */
    public Comparison with(Alternative alternative) {
        return new Comparison(method, test, alternative, confidence, significance, variance, adjustment);
    }

    /** With another variance convention for the all-crime change. */
    public Comparison with(VarianceConvention variance) {
        return new Comparison(method, test, alternative, confidence, significance, variance, adjustment);
    }

    /** With another adjustment of the categories' p-values. */
    public Comparison with(PValueAdjustment adjustment) {
        return new Comparison(method, test, alternative, confidence, significance, variance, adjustment);
    }

    /**
     * At another confidence level for the intervals.
     *
     * @throws IllegalArgumentException if outside (0, 1) or NaN
     */
    public Comparison withConfidence(double confidence) {
        return new Comparison(method, test, alternative, confidence, significance, variance, adjustment);
    }

    /**
     * At another significance level for the verdicts.
     *
     * @throws IllegalArgumentException if outside (0, 1) or NaN
     */
    public Comparison withSignificance(double significance) {
        return new Comparison(method, test, alternative, confidence, significance, variance, adjustment);
    }

    /** The interval method. */
    public DifferenceMethod method() {
        return method;
    }

    /** The test. */
    public ChangeTest test() {
        return test;
    }

    /** The alternative. */
    public Alternative alternative() {
        return alternative;
    }

    /** The confidence level of the intervals. */
    public double confidence() {
        return confidence;
    }

    /** The significance level of the verdicts. */
    public double significance() {
        return significance;
    }

    /**
     * The change from {@code before} to {@code after}.
     *
     * @throws IllegalArgumentException if a tally is null
     */
    public Change compare(Tally before, Tally after) {
        Args.notNull("before", before);
        Args.notNull("after", after);
        double change = after.rate() - before.rate();
        Interval interval = method.interval(before, after, confidence);
        TestResult result = test.test(before, after, alternative);
        return new Change(before, after, change, method, confidence, interval, result, significance,
                Verdict.of(change, result.pValue(), significance));
    }

    /**
     * Compares two inspections: each category audited in both (matched by name, ignoring case),
     * with p-values adjusted across them; the volume-weighted all-crime rates; and the
     * Cochran-Mantel-Haenszel test across the matched categories (with continuity correction).
     *
     * @throws IllegalArgumentException if an inspection is null, or the survey convention meets a
     *                                  category with one audited record
     */
    public InspectionChange compare(Inspection before, Inspection after) {
        Args.notNull("before", before);
        Args.notNull("after", after);
        List<String> names = new ArrayList<>();
        List<Tally> tallies = new ArrayList<>();
        List<Tally> earlier = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        for (Category category : after.categories()) {
            var previous = before.category(category.name());
            if (previous.isEmpty()) {
                unmatched.add(category.name() + " (" + after.name() + ")");
                continue;
            }
            names.add(category.name());
            tallies.add(category.tally());
            earlier.add(previous.get().tally());
            changes.add(compare(previous.get().tally(), category.tally()));
        }
        for (Category category : before.categories()) {
            if (after.category(category.name()).isEmpty()) {
                unmatched.add(category.name() + " (" + before.name() + ")");
            }
        }
        double[] p = changes.stream().mapToDouble(c -> c.test().pValue()).toArray();
        double[] adjusted = adjustment.adjust(p);
        List<CategoryChange> categories = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            categories.add(new CategoryChange(names.get(i), changes.get(i), adjusted[i],
                    Verdict.of(changes.get(i).change(), adjusted[i], significance)));
        }
        MantelHaenszel cmh = names.isEmpty() ? null : MantelHaenszel.test(earlier, tallies, alternative, true);
        return new InspectionChange(before.name(), after.name(), categories, unmatched, allCrime(before, after), cmh,
                adjustment);
    }

    /**
     * The change in the volume-weighted all-crime rate with its z-test (see {@link AllCrimeChange}).
     *
     * @throws IllegalArgumentException if an inspection is null
     */
    public AllCrimeChange allCrime(Inspection before, Inspection after) {
        Args.notNull("before", before);
        Args.notNull("after", after);
        InspectionEstimator estimator = InspectionEstimator.withDefaults().with(variance);
        InspectionEstimate b = estimator.estimate(before);
        InspectionEstimate a = estimator.estimate(after);
        double change = a.allCrime().rate() - b.allCrime().rate();
        double se = Math.hypot(a.allCrime().standardError(), b.allCrime().standardError());
        double z = se > 0 ? change / se : change == 0 ? 0.0 : Math.copySign(Double.POSITIVE_INFINITY, change);
        double p = AsymptoticTests.normalPValue(z, alternative);
        double half = Normal.twoSidedCritical(confidence) * se;
        Interval interval = new Interval(Math.max(-1, change - half), Math.min(1, change + half));
        return new AllCrimeChange(b.allCrime().rate(), a.allCrime().rate(), change, se, interval, z, p, alternative,
                Verdict.of(change, p, significance));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Comparison[%s, %s, %s, confidence %s, significance %s, %s, %s]",
                method.token(), test.token(), alternative.token(), confidence, significance, variance.token(),
                adjustment.token());
    }
}
