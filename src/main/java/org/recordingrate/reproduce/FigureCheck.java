package org.recordingrate.reproduce;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.recordingrate.compare.Alternative;
import org.recordingrate.compare.Verdict;
import org.recordingrate.error.ArgumentException;
import org.recordingrate.format.Percent;
import org.recordingrate.internal.Args;
import org.recordingrate.reproduce.PublishedFigure.VolumeRange;

/**
 * Whether a published figure agrees with what the report says about it: the one definition of the
 * {@code consistent} column, for figures read from a report's text ({@link PublishedReport}) and
 * for a file of figures ({@code reproduce --cases}) alike. Three claims are checked, each only
 * when what it needs is known, each allowing for the rounding of the printed numbers (half a unit
 * of the last digit either way):
 * <ol>
 *   <li><b>a tally behind it</b>: some whole tally x of n gives the rate and the Wald margin as
 *       printed ({@link TallyCheck}); asked of a category's figures (the current and the previous),
 *       never of all crime, whose figure is a volume-weighted combination that no single tally need
 *       give;</li>
 *   <li><b>the verdict</b>: the published "statistically significant improvement" (deterioration,
 *       no change) is what the two-sample z-test on the figures gives
 *       ({@link PublishedComparison}) at some rates and margins that round to the printed ones: the
 *       test's z is monotone in each of the four numbers, so the reachable z form the interval
 *       between its values at two corners of the rounding box, and the verdict is contradicted only
 *       when no z in it gives the published words. A published verdict that holds only away from the
 *       printed values is consistent, with a note;</li>
 *   <li><b>"didn't record more than N"</b>: with the category's (or force's) recorded volume, the
 *       volume lies in {@link PublishedFigure#volumesConsistentWith(long, long)}.</li>
 * </ol>
 * {@link #consistent()} is true when every claim checked holds, false (with the reasons in
 * {@link #notes()}) when one fails, and empty when nothing could be checked (an all-crime figure
 * without a previous figure, verdict or volume).
 *
 * @param consistent    true, false, or empty when nothing was checked
 * @param notes         the reasons when not consistent, then remarks (a verdict that holds only within
 *                      the rounding, a figure too precise to search); empty when there is nothing to say
 * @param tally         the tally check of the current figure, when asked
 * @param previousTally the tally check of the previous figure, when asked
 * @param comparison    the comparison with the previous figure, when there is one
 * @param volumes       the volumes consistent with the published "more than N", when N is known
 */
public record FigureCheck(Optional<Boolean> consistent, List<String> notes, Optional<TallyCheck> tally,
                          Optional<TallyCheck> previousTally, Optional<PublishedComparison> comparison,
                          Optional<VolumeRange> volumes) {

    private static final Pattern NO_CHANGE = Pattern.compile("\\b(no|not|nor|without)\\b");
    private static final Pattern IMPROVEMENT = Pattern.compile("\\b(improvement|improved|increase|increased|rise|higher)\\b");
    private static final Pattern DETERIORATION = Pattern.compile(
            "\\b(deterioration|deteriorated|decline|declined|decrease|decreased|reduction|fall|drop|lower|worse)\\b");
    private static final Pattern CHANGE = Pattern.compile("\\b(change|changed|difference)\\b");

    /**
     * Validates and copies the parts.
     *
     * @throws IllegalArgumentException if an argument or a note is null
     */
    public FigureCheck {
        Args.notNull("consistent", consistent);
        notes = List.copyOf(Args.notNull("notes", notes));
        Args.notNull("tally", tally);
        Args.notNull("previousTally", previousTally);
        Args.notNull("comparison", comparison);
        Args.notNull("volumes", volumes);
    }

    /**
     * Checks a figure against what was published with it; see the class comment. The comparison is
     * the two-sample z-test, two-sided, at {@code significance}, as the inspectors test.
     *
     * @param current          the figure
     * @param previous         the previous inspection's figure, if published
     * @param publishedVerdict the verdict the report states, if any
     * @param moreThan         the published "didn't record more than N", if any
     * @param volume           the crimes recorded in the year, if known
     * @param allCrime         whether the figure is the all-crime one (no tally check)
     * @param unit             the unit N was rounded down to, 0 for the default of
     *                         {@link org.recordingrate.estimate.UnrecordedCrimes#unitFor(double)}
     * @param significance     the level of "statistically significant", e.g. 0.05
     * @return the check
     * @throws IllegalArgumentException for a null argument, a negative N or unit, a volume below 1, or a
     *                                  significance outside (0, 1)
     */
    public static FigureCheck of(PublishedFigure current, Optional<PublishedFigure> previous,
                                 Optional<Verdict> publishedVerdict, OptionalLong moreThan, OptionalLong volume,
                                 boolean allCrime, long unit, double significance) {
        return of(current, previous, publishedVerdict, moreThan, volume, allCrime, unit, significance,
                Alternative.TWO_SIDED);
    }

    /**
     * As {@link #of(PublishedFigure, Optional, Optional, OptionalLong, OptionalLong, boolean, long, double)}
     * with the comparison against another alternative (the inspectors test two-sided).
     *
     * @param current          the figure
     * @param previous         the previous inspection's figure, if published
     * @param publishedVerdict the verdict the report states, if any
     * @param moreThan         the published "didn't record more than N", if any
     * @param volume           the crimes recorded in the year, if known
     * @param allCrime         whether the figure is the all-crime one (no tally check)
     * @param unit             the unit N was rounded down to, 0 for the default
     * @param significance     the level of "statistically significant", e.g. 0.05
     * @param alternative      two-sided, improved or deteriorated
     * @return the check
     * @throws IllegalArgumentException as the other overload, or for a null alternative
     */
    public static FigureCheck of(PublishedFigure current, Optional<PublishedFigure> previous,
                                 Optional<Verdict> publishedVerdict, OptionalLong moreThan, OptionalLong volume,
                                 boolean allCrime, long unit, double significance, Alternative alternative) {
        Args.notNull("alternative", alternative);
        Args.notNull("figure", current);
        Args.notNull("previous", previous);
        Args.notNull("publishedVerdict", publishedVerdict);
        Args.notNull("moreThan", moreThan);
        Args.notNull("volume", volume);
        Args.nonNegative("unit", unit);
        Args.significance(significance);
        moreThan.ifPresent(n -> Args.nonNegative("moreThan", n));
        volume.ifPresent(v -> Args.positive("volume", v));
        List<String> reasons = new ArrayList<>();
        List<String> remarks = new ArrayList<>();
        boolean checked = false;

        Optional<TallyCheck> tally = Optional.empty();
        Optional<TallyCheck> previousTally = Optional.empty();
        if (!allCrime) {
            tally = Optional.of(TallyCheck.of(current));
            checked |= tally(tally.get(), "", reasons, remarks);
            if (previous.isPresent()) {
                previousTally = Optional.of(TallyCheck.of(previous.get()));
                checked |= tally(previousTally.get(), "previous figure: ", reasons, remarks);
            }
        }

        Optional<PublishedComparison> comparison = previous.map(p -> current.compareWith(p, significance, alternative));
        if (comparison.isPresent() && publishedVerdict.isPresent()) {
            checked = true;
            verdict(comparison.get(), publishedVerdict.get(), reasons, remarks);
        }

        Optional<VolumeRange> volumes = Optional.empty();
        if (moreThan.isPresent() && current.ratePercent().signum() > 0 && current.ratePercent().compareTo(HUNDRED) < 0) {
            volumes = Optional.of(current.volumesConsistentWith(moreThan.getAsLong(), unit));
            if (volume.isPresent()) {
                checked = true;
                VolumeRange range = volumes.get();
                long v = volume.getAsLong();
                if (v < range.lower() || (range.upper().isPresent() && v > range.upper().getAsLong())) {
                    reasons.add(String.format(Locale.ROOT, "\"didn't record more than %,d\" at %s percent needs a"
                                    + " volume of %,d to %s recorded crimes; the volume is %,d", moreThan.getAsLong(),
                            current.ratePercent().toPlainString(), range.lower(), range.upper().isPresent()
                                    ? String.format(Locale.ROOT, "%,d", range.upper().getAsLong()) : "any number", v));
                }
            }
        }
        List<String> notes = new ArrayList<>(reasons);
        notes.addAll(remarks);
        return new FigureCheck(checked ? Optional.of(reasons.isEmpty()) : Optional.empty(), notes, tally,
                previousTally, comparison, volumes);
    }

    private static final java.math.BigDecimal HUNDRED = java.math.BigDecimal.valueOf(100);

    /** Adds the tally check's reason; whether it was checked. */
    private static boolean tally(TallyCheck check, String which, List<String> reasons, List<String> remarks) {
        if (check.reproducible().isEmpty()) {
            remarks.add(which + check.reason());
            return false;
        }
        if (!check.reproducible().get()) {
            reasons.add(which + check.reason());
        }
        return true;
    }

    /** The verdict claim: contradicted only when no rounding of the four numbers gives the published words. */
    private static void verdict(PublishedComparison comparison, Verdict published, List<String> reasons,
                                List<String> remarks) {
        if (comparison.verdict() == published) {
            return;
        }
        Set<Verdict> reachable = reachableVerdicts(comparison);
        String recomputed = String.format(Locale.ROOT, "the figures give %s (z = %.2f, p = %s)",
                withArticle(comparison.verdict()), comparison.z(), Percent.pValue(comparison.pValue()));
        if (reachable.contains(published)) {
            remarks.add("published \"" + published.words() + "\" holds only within the rounding of the printed"
                    + " figures: " + recomputed);
        } else {
            reasons.add("published \"" + published.words() + "\" but " + recomputed + ", and no rounding of the"
                    + " printed figures gives " + withArticle(published));
        }
    }

    private static String withArticle(Verdict verdict) {
        return verdict == Verdict.NO_CHANGE ? verdict.words() : "a " + verdict.words();
    }

    /**
     * The verdicts the z-test gives at some rates and margins that round to the printed ones: z is
     * increasing in the current rate, decreasing in the previous, and its size shrinks as either
     * margin grows, so it ranges over [z at (lowest change, margins that favour it), z at (highest
     * change, ...)]; the verdict regions are intervals of z, so the verdicts at the two ends and at
     * the z nearest 0 are all that can be reached.
     */
    static Set<Verdict> reachableVerdicts(PublishedComparison comparison) {
        double[] now = bounds(comparison.current().ratePercent());
        double[] before = bounds(comparison.previous().ratePercent());
        double[] nowMargin = bounds(comparison.current().marginPercent());
        double[] beforeMargin = bounds(comparison.previous().marginPercent());
        double zNow = comparison.current().criticalValue();
        double zBefore = comparison.previous().criticalValue();
        double seLow = Math.hypot(nowMargin[0] / zNow, beforeMargin[0] / zBefore);
        double seHigh = Math.hypot(nowMargin[1] / zNow, beforeMargin[1] / zBefore);
        double changeLow = now[0] - before[1];
        double changeHigh = now[1] - before[0];
        double zLow = changeLow / (changeLow < 0 ? seLow : seHigh);
        double zHigh = changeHigh / (changeHigh > 0 ? seLow : seHigh);
        double zNearZero = Math.max(zLow, Math.min(zHigh, 0));
        Set<Verdict> verdicts = new LinkedHashSet<>();
        for (double z : new double[] {zLow, zNearZero, zHigh}) {
            double p = comparison.alternative().normalPValue(z);
            verdicts.add(Verdict.of(z, p, comparison.significance()));
        }
        return verdicts;
    }

    private static double[] bounds(java.math.BigDecimal printed) {
        java.math.BigDecimal half = PublishedFigure.halfUnit(printed);
        return new double[] {printed.subtract(half).doubleValue(), printed.add(half).doubleValue()};
    }

    /**
     * The verdict that published words state: "a statistically significant improvement" (also
     * increase, rise), "... deterioration" (decline, decrease, reduction, fall, drop), "no
     * statistically significant change" / "not a statistically significant change" / "no significant
     * difference" (a negation before "significant", or "change" or "difference" as the noun), and
     * the library's tokens ({@code improvement}, {@code deterioration}, {@code no_change}).
     *
     * @param words the published words, any case
     * @return the verdict
     * @throws IllegalArgumentException naming {@code verdict} when the words state none of the three
     */
    public static Verdict verdict(String words) {
        Args.notNull("verdict", words);
        String text = words.strip().toLowerCase(Locale.ROOT).replace('_', ' ');
        for (Verdict verdict : Verdict.values()) {
            if (text.equals(verdict.words()) || text.equals(verdict.name().toLowerCase(Locale.ROOT).replace('_', ' '))) {
                return verdict;
            }
        }
        Matcher significant = Pattern.compile("\\bsignificant(ly)?\\b").matcher(text);
        if (significant.find()) {
            String before = text.substring(0, significant.start());
            String after = text.substring(significant.end());
            if (NO_CHANGE.matcher(before).find() || CHANGE.matcher(after).find() && !IMPROVEMENT.matcher(after).find()
                    && !DETERIORATION.matcher(after).find()) {
                return Verdict.NO_CHANGE;
            }
            if (IMPROVEMENT.matcher(after).find()) {
                return Verdict.IMPROVEMENT;
            }
            if (DETERIORATION.matcher(after).find()) {
                return Verdict.DETERIORATION;
            }
        }
        throw new ArgumentException("verdict", "verdict ('" + words + "') must state a statistically significant"
                + " improvement, a statistically significant deterioration or no statistically significant change");
    }
}
