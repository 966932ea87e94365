package org.recordingrate.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.recordingrate.model.Interval;
import org.recordingrate.model.Tally;
import org.recordingrate.model.AuditedCategory;
import org.recordingrate.model.NamePairing;
import org.recordingrate.model.Inspection;
import org.recordingrate.estimate.WeightedRate;
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

    private final ChangeIntervalMethod method;
    private final ChangeTestMethod test;
    private final Alternative alternative;
    private final double confidence;
    private final double significance;
    private final VarianceConvention variance;
    private final PValueAdjustment adjustment;

    private Comparison(ChangeIntervalMethod method, ChangeTestMethod test, Alternative alternative, double confidence,
                       double significance, VarianceConvention variance, PValueAdjustment adjustment) {
        this.method = Args.notNull("method", method);
        this.test = Args.notNull("test", test);
        this.alternative = Args.notNull("alternative", alternative);
        this.confidence = Args.confidence(confidence);
        this.significance = Args.significance(significance);
        this.variance = Args.notNull("variance", variance);
        this.adjustment = Args.notNull("adjustment", adjustment);
    }

    /**
     * The default comparison: Miettinen-Nurminen interval, pooled z-test, two-sided, 95% confidence,
     * 5% significance, binomial variance, Holm's adjustment.
     *
     * @return the shared default instance
     */
    public static Comparison withDefaults() {
        return DEFAULTS;
    }

    /**
     * With another interval method: one of {@link DifferenceMethod} or any other
     * {@link ChangeIntervalMethod}. It gives the category intervals; the all-crime interval is
     * always Wald (see {@link AllCrimeChange}).
     *
     * @param method the interval method for the change of each pair of tallies
     * @return a new comparison, the rest of the configuration unchanged
     * @throws IllegalArgumentException if {@code method} is null
     */
    public Comparison with(ChangeIntervalMethod method) {
        return new Comparison(method, test, alternative, confidence, significance, variance, adjustment);
    }

    /**
     * With another test: one of {@link ChangeTest} or any other {@link ChangeTestMethod} (a
     * permutation test, say). It tests each pair of tallies; the all-crime change always has its
     * z-test and the categories together the Cochran-Mantel-Haenszel test.
     *
     * @param test the test of each pair of tallies
     * @return a new comparison, the rest of the configuration unchanged
     * @throws IllegalArgumentException if {@code test} is null
     */
    public Comparison with(ChangeTestMethod test) {
        return new Comparison(method, test, alternative, confidence, significance, variance, adjustment);
    }

    /**
     * With another alternative hypothesis, for every test (the intervals stay two-sided).
     *
     * @param alternative two-sided, improved or deteriorated
     * @return a new comparison, the rest of the configuration unchanged
     * @throws IllegalArgumentException if {@code alternative} is null
     */
    public Comparison with(Alternative alternative) {
        return new Comparison(method, test, alternative, confidence, significance, variance, adjustment);
    }

    /**
     * With another variance convention for the all-crime change (the category intervals and tests
     * work on the tallies alone).
     *
     * @param variance how each category's variance enters the all-crime standard error
     * @return a new comparison, the rest of the configuration unchanged
     * @throws IllegalArgumentException if {@code variance} is null
     */
    public Comparison with(VarianceConvention variance) {
        return new Comparison(method, test, alternative, confidence, significance, variance, adjustment);
    }

    /**
     * With another adjustment of the categories' p-values (the all-crime and Cochran-Mantel-Haenszel
     * p-values are single tests, never adjusted).
     *
     * @param adjustment how the category p-values are adjusted for their number
     * @return a new comparison, the rest of the configuration unchanged
     * @throws IllegalArgumentException if {@code adjustment} is null
     */
    public Comparison with(PValueAdjustment adjustment) {
        return new Comparison(method, test, alternative, confidence, significance, variance, adjustment);
    }

    /**
     * At another confidence level for the intervals.
     *
     * @param confidence the two-sided level, 10<sup>-6</sup> to 1 - 10<sup>-9</sup>, e.g. 0.95
     * @return a new comparison, the rest of the configuration unchanged
     * @throws IllegalArgumentException if outside that supported range or NaN
     */
    public Comparison withConfidence(double confidence) {
        return new Comparison(method, test, alternative, confidence, significance, variance, adjustment);
    }

    /**
     * At another significance level for the verdicts: a change is significant when its p-value is
     * at most this (see {@link Verdict#of}).
     *
     * @param significance the level alpha, strictly between 0 and 1, e.g. 0.05
     * @return a new comparison, the rest of the configuration unchanged
     * @throws IllegalArgumentException if outside (0, 1) or NaN
     */
    public Comparison withSignificance(double significance) {
        return new Comparison(method, test, alternative, confidence, significance, variance, adjustment);
    }

    /**
     * The interval method of the category changes.
     *
     * @return the method, never null
     */
    public ChangeIntervalMethod method() {
        return method;
    }

    /**
     * The test of the category changes.
     *
     * @return the test, never null
     */
    public ChangeTestMethod test() {
        return test;
    }

    /**
     * The alternative of every test.
     *
     * @return the alternative, never null
     */
    public Alternative alternative() {
        return alternative;
    }

    /**
     * The confidence level of the intervals.
     *
     * @return the level as a fraction, e.g. 0.95
     */
    public double confidence() {
        return confidence;
    }

    /**
     * The significance level of the verdicts.
     *
     * @return the level as a fraction, e.g. 0.05
     */
    public double significance() {
        return significance;
    }

    /**
     * The change from {@code before} to {@code after}: d = p<sub>after</sub> - p<sub>before</sub>, its
     * interval by the configured method, the configured test and the verdict on the raw p-value.
     *
     * @param before the earlier tally
     * @param after  the later tally
     * @return the change
     * @throws IllegalArgumentException if a tally is null, an audited count exceeds the supported
     *                                  2<sup>53</sup>, or the tallies exceed the test's size limit (the
     *                                  exact tests, see {@link ChangeTest})
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

    /** {@link #compare(Tally, Tally)} for two categories, their test given the categories (a test may use their incidents). */
    private Change compare(AuditedCategory before, AuditedCategory after) {
        Tally b = before.tally();
        Tally a = after.tally();
        double change = a.rate() - b.rate();
        Interval interval = method.interval(b, a, confidence);
        TestResult result = test.test(before, after, alternative);
        return new Change(b, a, change, method, confidence, interval, result, significance,
                Verdict.of(change, result.pValue(), significance));
    }

    /**
     * Compares two inspections: each category audited in both (matched by name under
     * {@link org.recordingrate.model.Names}: case and spacing ignored), with p-values adjusted
     * across them; the volume-weighted all-crime rates, every category of each inspection counted
     * (also those audited in one only); and the Cochran-Mantel-Haenszel test across the matched
     * categories (with continuity correction).
     *
     * <p>When the records named their incidents, the survey variance ({@link VarianceConvention#SURVEY})
     * estimates over them in every row: each category's change is then the z-test and Wald interval on
     * the categories' survey standard errors ({@link SurveyChange}) in place of the chosen method and
     * test, as the all-crime change is. Under the binomial variance the category intervals use the
     * tallies alone, and the tests too, except a test that reads the categories themselves
     * ({@link ChangeTestMethod#test(AuditedCategory, AuditedCategory, Alternative)}: the permutation
     * test moves whole incidents); there, and in the Cochran-Mantel-Haenszel test, crimes that came in
     * incidents count as independent (the result's notes say so).
     *
     * @param before the earlier inspection
     * @param after  the later inspection
     * @return the categories in the later inspection's order, the names audited on one side only,
     *         the all-crime change and the Cochran-Mantel-Haenszel test (empty when no category is in
     *         both)
     * @throws IllegalArgumentException if an inspection is null, a pair of tallies is refused as by
     *                                  {@link #compare(Tally, Tally)}, or the survey convention meets a
     *                                  category with one audited record (one incident) not audited in
     *                                  full
     */
    public InspectionChange compare(Inspection before, Inspection after) {
        Args.notNull("before", before);
        Args.notNull("after", after);
        NamePairing<AuditedCategory> pairing = NamePairing.byName(before.categories(), after.categories(),
                AuditedCategory::name);
        // under the survey variance, records grouped in incidents are not independent draws: each
        // category is then tested on its survey standard errors, as all crime is
        boolean clustered = variance == VarianceConvention.SURVEY && (before.hasIncidents() || after.hasIncidents());
        List<Change> changes = new ArrayList<>();
        for (NamePairing.Pair<AuditedCategory> pair : pairing.pairs()) {
            if (clustered) {
                SurveyChange survey = SurveyChange.of(pair.before(), pair.after());
                changes.add(with((ChangeIntervalMethod) survey).with((ChangeTestMethod) survey).compare(pair.before().tally(),
                        pair.after().tally()));
            } else {
                changes.add(compare(pair.before(), pair.after()));
            }
        }
        double[] adjusted = adjustment.adjust(changes.stream().mapToDouble(c -> c.test().pValue()).toArray());
        List<CategoryChange> categories = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            categories.add(new CategoryChange(pairing.pairs().get(i).after().name(), changes.get(i), adjusted[i],
                    adjustment, Verdict.of(changes.get(i).change(), adjusted[i], significance)));
        }
        Optional<MantelHaenszel> cmh = changes.isEmpty() ? Optional.empty()
                : Optional.of(MantelHaenszel.test(changes.stream().map(Change::before).toList(),
                        changes.stream().map(Change::after).toList(), alternative, true));
        return new InspectionChange(before, after, categories,
                pairing.onlyBefore().stream().map(AuditedCategory::name).toList(),
                pairing.onlyAfter().stream().map(AuditedCategory::name).toList(), allCrime(before, after), cmh,
                adjustment, variance);
    }

    /**
     * Compares every inspection of one list with its partner in the other: when each list holds
     * exactly one inspection the two are compared whatever their names (two files of one force);
     * otherwise inspections are paired by name under {@link org.recordingrate.model.Names} (every
     * force, say) and those without a partner are listed in the result.
     *
     * @param before the earlier inspections
     * @param after  the later inspections
     * @return the comparisons, in the later list's order, and the inspections left unpaired
     * @throws IllegalArgumentException if a list is null, empty or holds null, names an inspection
     *                                  twice, no inspection has a partner, or a pair is refused as by
     *                                  {@link #compare(Inspection, Inspection)}
     */
    public InspectionComparisons compareAll(List<Inspection> before, List<Inspection> after) {
        Args.notNull("before", before);
        Args.notNull("after", after);
        if (before.isEmpty() || after.isEmpty()) {
            throw new IllegalArgumentException("before (" + before.size() + " inspections) and after (" + after.size()
                    + ") must each hold at least one inspection");
        }
        NamePairing<Inspection> pairing = before.size() == 1 && after.size() == 1
                ? new NamePairing<>(List.of(new NamePairing.Pair<>(before.get(0), after.get(0))), List.of(), List.of())
                : NamePairing.byName(before, after, Inspection::name);
        if (pairing.pairs().isEmpty()) {
            throw new IllegalArgumentException("no inspection of the earlier ones (" + names(before)
                    + ") has the name of a later one (" + names(after) + "): inspections are matched by name");
        }
        List<InspectionChange> changes = new ArrayList<>();
        for (NamePairing.Pair<Inspection> pair : pairing.pairs()) {
            changes.add(compare(pair.before(), pair.after()));
        }
        return new InspectionComparisons(changes, pairing.onlyBefore().stream().map(Inspection::name).toList(),
                pairing.onlyAfter().stream().map(Inspection::name).toList());
    }

    private static String names(List<Inspection> inspections) {
        return inspections.stream().limit(5).map(i -> "'" + i.name() + "'").collect(java.util.stream.Collectors.joining(", "))
                + (inspections.size() > 5 ? ", ..." : "");
    }

    /**
     * The change in the volume-weighted all-crime rate with its z-test (see {@link AllCrimeChange}):
     * d = p<sub>after</sub> - p<sub>before</sub>, se = sqrt(V<sub>before</sub> + V<sub>after</sub>) under
     * the configured variance convention, z = d / se, the Wald interval d &plusmn; z<sub>1-alpha/2</sub>
     * se clipped to [-1, 1]. The inspections need not share their categories.
     *
     * @param before the earlier inspection
     * @param after  the later inspection
     * @return the all-crime change
     * @throws IllegalArgumentException if an inspection is null, or the survey convention meets a
     *                                  category with one audited record (one incident) not audited in
     *                                  full
     */
    public AllCrimeChange allCrime(Inspection before, Inspection after) {
        Args.notNull("before", before);
        Args.notNull("after", after);
        WeightedRate b = WeightedRate.of(before, variance);
        WeightedRate a = WeightedRate.of(after, variance);
        double change = a.rate() - b.rate();
        double se = Math.hypot(a.standardError(), b.standardError());
        double z = se > 0 ? change / se : change == 0 ? 0.0 : Math.copySign(Double.POSITIVE_INFINITY, change);
        double p = AsymptoticTests.normalPValue(z, alternative);
        double half = Normal.twoSidedCritical(confidence) * se;
        Interval interval = new Interval(Math.max(-1, change - half), Math.min(1, change + half));
        return new AllCrimeChange(b.rate(), a.rate(), change, se, interval, z, p, alternative,
                Verdict.of(change, p, significance));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Comparison[%s, %s, %s, confidence %s, significance %s, %s, %s]",
                method.token(), test.token(), alternative.token(), confidence, significance, variance.token(),
                adjustment.token());
    }
}
