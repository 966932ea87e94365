package org.recordingrate.report;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import org.recordingrate.compare.Alternative;
import org.recordingrate.compare.Verdict;
import org.recordingrate.estimate.UnrecordedCrimes;
import org.recordingrate.forces.ForceResult;
import org.recordingrate.forces.ForcesResult;
import org.recordingrate.forces.Outlier;
import org.recordingrate.forces.Overdispersion;
import org.recordingrate.forces.RankIntervals;
import org.recordingrate.forces.Shrinkage;
import org.recordingrate.format.Percent;
import org.recordingrate.internal.Args;
import org.recordingrate.model.Names;
import org.recordingrate.model.RowKind;
import org.recordingrate.reproduce.PublishedComparison;
import org.recordingrate.reproduce.PublishedFigure;

/**
 * The inspectors' sentences, worded as in the seed report (HMICFRS, PEEL 2021/22, Cambridgeshire
 * Constabulary; issue 12):
 *
 * <blockquote>We estimate that NAME is recording 93.2 percent (with a confidence interval of +/- 2.3
 * percent) of all reported crime. This is a statistically significant improvement compared with the
 * findings from our previous 2017 inspection, where we found 87.8 percent (with a confidence interval
 * of +/- 1.7 percent). We estimate that NAME didn't record more than 4,500 crimes during the year
 * covered by our inspection.</blockquote>
 *
 * <p><b>The published convention</b>, which gives exactly these words: the "+/-" is the Wald
 * margin z x se at 95% (unclipped, as published); the verdict is the two-sample z-test on the two
 * standard errors (z = change / sqrt(se<sub>before</sub>&sup2; + se<sub>after</sub>&sup2;)), two-sided,
 * significant at 5%, no adjustment across categories; the count is rounded down to the default
 * unit of {@link UnrecordedCrimes#moreThan()} (100 from 1,000). Whatever departs from it is named
 * in the text:
 * <ul>
 *   <li>another level: "(with a 99 percent confidence interval of +/- 3.0 percent)";</li>
 *   <li>another interval method: "(with a 95 percent Wilson confidence interval of 90.9 to 95.1
 *       percent)", the interval's own bounds, since its "+/-" is not what it reports;</li>
 *   <li>another test, level of significance, alternative or an adjustment across categories: a
 *       note after the verdict, "a statistically significant improvement (Fisher's exact test,
 *       holm-adjusted across 3 categories, at the 5 percent significance level)". The all-crime
 *       change is always the two-sample z-test on the volume-weighted rates, and says so whenever
 *       the note appears.</li>
 * </ul>
 *
 * <p><b>Wording of the parts.</b> All crime is "all reported crime", a category "reported
 * violence" (its name as written); the count for a category is "of these crimes". The verdicts
 * read "a statistically significant improvement", "a statistically significant deterioration" and
 * "not a statistically significant change". A category not audited in the previous inspection gets
 * "We did not audit reported violence in our previous 2017 inspection." instead of a comparison.
 * Edges of the last sentence: no crime unrecorded in the audit (rate 1) gives "Every crime we
 * audited had been recorded, so we estimate that NAME recorded all of them during the year covered
 * by our inspection."; an estimate below 1 "We estimate that NAME left fewer than one crime
 * unrecorded during the year covered by our inspection."; nothing recorded (rate 0) "NAME
 * recorded none of the crimes we audited, so we cannot estimate how many it didn't record." Rates
 * and margins estimated from tallies are shown to one decimal; published figures exactly as given
 * ({@link PublishedFigure} keeps "99.0" as 99.0).
 *
 * <p>Immutable and thread-safe: {@code InspectorsWords.about("Cambridgeshire").since("2017")}.
 */
public final class InspectorsWords {

    /** The label of the previous inspection when none is given: "our previous inspection". */
    private static final String NO_LABEL = "";

    private final String force;
    private final String previousLabel;

    private InspectorsWords(String force, String previousLabel) {
        this.force = Args.notBlank("force", force).strip();
        this.previousLabel = Args.notNull("previous label", previousLabel).strip();
    }

    /**
     * Sentences about the force called {@code force} ("We estimate that Cambridgeshire is recording ...").
     *
     * @param force the force's name as the sentences should say it; stripped
     * @return the wording, with the previous inspection unlabelled ("our previous inspection")
     * @throws IllegalArgumentException if {@code force} is null or blank
     */
    public static InspectorsWords about(String force) {
        return new InspectorsWords(force, NO_LABEL);
    }

    /**
     * With the previous inspection called {@code label}: "our previous 2017 inspection". Blank
     * gives "our previous inspection".
     *
     * @param label the previous inspection's label, e.g. {@code "2017"}; stripped
     * @return a new wording about the same force
     * @throws IllegalArgumentException if {@code label} is null
     */
    public InspectorsWords since(String label) {
        return new InspectorsWords(force, label);
    }

    /**
     * The force's name as it appears in the sentences.
     *
     * @return the name, stripped
     */
    public String force() {
        return force;
    }

    /**
     * The previous inspection's label, as in "our previous 2017 inspection".
     *
     * @return the label, stripped; empty when none was given (the sentences then say "our previous
     *         inspection")
     */
    public String previousLabel() {
        return previousLabel;
    }

    /**
     * The all-crime paragraph from published figures: the comparison's two figures quoted as given,
     * its verdict (the two-sample z-test at its significance level), and the published "didn't
     * record more than" count if known ({@code figure.unrecorded(volume).moreThan()} computes it).
     *
     * @param comparison the later figure compared with the earlier
     * @param moreThan   N in "didn't record more than N crimes", or empty to leave the sentence out
     * @return the paragraph
     * @throws IllegalArgumentException if an argument is null or N is negative
     */
    public Paragraph allCrime(PublishedComparison comparison, OptionalLong moreThan) {
        return published(RowKind.ALL_CRIME, Names.ALL_CRIME, comparison, moreThan);
    }

    /**
     * A category's paragraph from published figures ("of reported violent offences"), as
     * {@link #allCrime(PublishedComparison, OptionalLong)}.
     *
     * @param category   the category as it should read after "reported"
     * @param comparison the later figure compared with the earlier
     * @param moreThan   N in "didn't record more than N of these crimes", or empty
     * @return the paragraph
     * @throws IllegalArgumentException if an argument is null or blank, or N is negative
     */
    public Paragraph category(String category, PublishedComparison comparison, OptionalLong moreThan) {
        return published(RowKind.CATEGORY, Args.notBlank("category", category), comparison, moreThan);
    }

    private Paragraph published(RowKind kind, String category, PublishedComparison comparison, OptionalLong moreThan) {
        Args.notNull("comparison", comparison);
        Args.notNull("moreThan", moreThan);
        moreThan.ifPresent(n -> Args.nonNegative("moreThan", n));
        Earlier earlier = new Earlier(Quote.of(comparison.previous()), comparison.verdict(),
                TestWords.publishedZTest(comparison.significance()));
        return write(kind, category, Quote.of(comparison.current()), Optional.of(earlier),
                moreThan.isPresent() ? Optional.of(Unrecorded.published(moreThan.getAsLong())) : Optional.empty());
    }

    /**
     * The paragraph from its parts: the current figure, the comparison with the earlier one (if the
     * subject was audited then), and the unrecorded crimes (if known).
     */
    Paragraph write(RowKind kind, String category, Quote current, Optional<Earlier> earlier,
                    Optional<Unrecorded> unrecorded) {
        boolean all = kind == RowKind.ALL_CRIME;
        String subject = all ? "all reported crime" : "reported " + category.strip();
        StringBuilder text = new StringBuilder("We estimate that ").append(force).append(" is recording ")
                .append(current.words()).append(" of ").append(subject).append('.');
        String inspection = "our previous " + (previousLabel.isEmpty() ? "" : previousLabel + " ") + "inspection";
        if (earlier.isPresent()) {
            Earlier e = earlier.get();
            text.append(" This is ").append(verdictWords(e.verdict())).append(e.test().note(all))
                    .append(" compared with the findings from ").append(inspection).append(", where we found ")
                    .append(e.quote().words()).append('.');
        } else {
            text.append(" We did not audit ").append(subject).append(" in ").append(inspection).append('.');
        }
        unrecorded.ifPresent(u -> text.append(' ').append(u.sentence(force, all)));
        return new Paragraph(kind, all ? Names.ALL_CRIME : category, text.toString());
    }

    /**
     * The paragraph that sets the force among the others ({@link ForcesResult}): where its rate lies on
     * the funnel plot, its shrunken estimate and the interval for its rank, e.g.
     *
     * <blockquote>Among the 43 forces, Cambridgeshire's recording rate of all reported crime, 93.3
     * percent, is within the 95 percent limits of the funnel plot, which allow for the differences
     * between forces (over-dispersion). Taking all 43 forces into account, we estimate its rate at 92.8
     * percent (95 percent interval 91.0 to 94.6 percent). Among the 43 forces, it ranks between 5th and
     * 19th (95 percent confidence; its estimated rank is 12th), or between 3rd and 25th when every
     * force's rank is considered at once.</blockquote>
     *
     * A force beyond the limits is "below the 95 percent limit of the funnel plot (88.4 percent) but within
     * the 99.8 percent limits" or "below the 99.8 percent limit (86.0 percent)"; "above" likewise. Without
     * an allowance the limits "take no account of differences between forces", and when none was needed
     * "(no over-dispersion was found)". A rank known exactly reads "it ranks 12th (95 percent confidence)".
     *
     * @param result the forces analysed
     * @param force  this force's row of {@code result}
     * @return the paragraph, of the kind of the forces' category (all crime unless a category was chosen)
     * @throws IllegalArgumentException if an argument is null
     */
    public Paragraph amongForces(ForcesResult result, ForceResult force) {
        Args.notNull("result", result);
        Args.notNull("force", force);
        int count = result.forces().size();
        // "all crime (excluding fraud)", as the inspectorate names it, is all crime too
        Optional<String> category = result.category().filter(c -> !Names.key(c).startsWith(Names.ALL_CRIME));
        String subject = category.map(c -> "reported " + c).orElse(result.category()
                .map(c -> "all reported crime" + c.strip().substring(Math.min(c.strip().length(), Names.ALL_CRIME.length())))
                .orElse("reported crime"));
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "Among the %d forces, %s's recording rate of"
                + " %s, %s percent, is ", count, this.force, subject, percent(force.rate())));
        ForceResult.Limits l = force.limits();
        String side = force.above() ? "above" : "below";
        switch (force.outlier()) {
            case BEYOND_99_8 -> text.append(side).append(" the 99.8 percent limit of the funnel plot (")
                    .append(percent(force.above() ? l.upper998() : l.lower998())).append(" percent)");
            case BEYOND_95 -> text.append(side).append(" the 95 percent limit of the funnel plot (")
                    .append(percent(force.above() ? l.upper95() : l.lower95()))
                    .append(" percent) but within the 99.8 percent limits");
            default -> text.append("within the 95 percent limits of the funnel plot");
        }
        if (result.applied() != Overdispersion.NONE) {
            text.append(force.outlier() == Outlier.NONE ? ", which allow" : "; the limits allow")
                    .append(" for the differences between forces (over-dispersion)");
        } else if (result.overdispersion() != Overdispersion.NONE) {
            text.append(" (no over-dispersion was found)");
        } else {
            text.append(force.outlier() == Outlier.NONE ? ", which take" : "; the limits take")
                    .append(" no account of differences between forces");
        }
        text.append('.');
        ForceResult.Shrunken s = force.shrunken();
        text.append(String.format(Locale.ROOT, " Taking all %d forces into account%s, we estimate its rate at %s percent"
                        + " (%s interval %s to %s percent).", count,
                result.shrinkage() == Shrinkage.DERSIMONIAN_LAIRD ? "" : " (beta-binomial empirical Bayes)",
                percent(s.estimate()), levelWords(result.confidence()), percent(s.lower()), percent(s.upper())));
        RankIntervals.RankInterval r = force.rank();
        String level = levelWords(result.ranks().level());
        if (r.lower() == r.upper()) {
            text.append(String.format(Locale.ROOT, " Among the %d forces, it ranks %s (%s confidence)", count,
                    RankIntervals.ordinal(r.rank()), level));
        } else {
            text.append(String.format(Locale.ROOT, " Among the %d forces, it ranks between %s and %s (%s confidence; its"
                    + " estimated rank is %s)", count, RankIntervals.ordinal(r.lower()), RankIntervals.ordinal(r.upper()),
                    level, RankIntervals.ordinal(r.rank())));
        }
        if (r.lowerSimultaneous() != r.lower() || r.upperSimultaneous() != r.upper()) {
            text.append(String.format(Locale.ROOT, ", or between %s and %s when every force's rank is considered at once",
                    RankIntervals.ordinal(r.lowerSimultaneous()), RankIntervals.ordinal(r.upperSimultaneous())));
        }
        text.append('.');
        return new Paragraph(category.isPresent() ? RowKind.CATEGORY : RowKind.ALL_CRIME,
                category.orElse(Names.ALL_CRIME), text.toString());
    }

    private static String verdictWords(Verdict verdict) {
        switch (verdict) {
            case IMPROVEMENT:
                return "a statistically significant improvement";
            case DETERIORATION:
                return "a statistically significant deterioration";
            default:
                return "not a statistically significant change";
        }
    }

    /** {@code 0.95 -> "95 percent"}. */
    static String levelWords(double level) {
        return Percent.level(level).replace("%", " percent");
    }

    /** A fraction as percent to one decimal, without the unit: {@code 0.93163 -> "93.2"}. */
    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f", 100 * fraction);
    }

    @Override
    public String toString() {
        return "InspectorsWords[" + force + (previousLabel.isEmpty() ? "" : ", since " + previousLabel) + "]";
    }

    /**
     * A rate as quoted, with either its "+/-" margin or its interval by a named method.
     *
     * @param rate       the rate in percent as it should read ("93.2")
     * @param margin     the "+/-" in percent as it should read, when the interval is the Wald margin
     * @param lower      the lower bound in percent as it should read (used without a margin)
     * @param upper      the upper bound in percent
     * @param method     the interval method's name (used without a margin)
     * @param confidence the level
     */
    record Quote(String rate, Optional<String> margin, String lower, String upper, String method, double confidence) {

        /** A published figure: rate and margin exactly as given. */
        static Quote of(PublishedFigure figure) {
            return new Quote(figure.ratePercent().toPlainString(), Optional.of(figure.marginPercent().toPlainString()),
                    percent(figure.interval().lower()), percent(figure.interval().upper()), "Wald", figure.confidence());
        }

        /** "93.2 percent (with a confidence interval of +/- 2.3 percent)" and the variants of the class comment. */
        String words() {
            String level = confidence == PublishedFigure.DEFAULT_CONFIDENCE ? "a" : "a " + levelWords(confidence);
            if (margin.isPresent()) {
                return rate + " percent (with " + level + " confidence interval of +/- " + margin.get() + " percent)";
            }
            return rate + " percent (with a " + levelWords(confidence) + " " + method + " confidence interval of "
                    + lower + " to " + upper + " percent)";
        }
    }

    /**
     * The earlier figure with the verdict on the change and how it was tested.
     *
     * @param quote   the earlier figure
     * @param verdict the verdict
     * @param test    the test, for the note
     */
    record Earlier(Quote quote, Verdict verdict, TestWords test) {
    }

    /**
     * How a change was tested, for the note after the verdict.
     *
     * @param test         the test's name for a category ("Fisher's exact test")
     * @param alternative  the alternative
     * @param adjustment   "holm-adjusted across 3 categories", when adjusted
     * @param significance the level
     * @param conventional whether this is the published convention (then no note)
     */
    record TestWords(String test, Alternative alternative, Optional<String> adjustment, double significance,
                     boolean conventional) {

        /** The name of the published convention's test. */
        static final String Z_TEST = "two-sample z-test";

        /** The two-sample z-test on published standard errors, two-sided, at a level. */
        static TestWords publishedZTest(double significance) {
            return new TestWords(Z_TEST, Alternative.TWO_SIDED, Optional.empty(), significance,
                    significance == PublishedComparison.DEFAULT_SIGNIFICANCE);
        }

        /** The note after the verdict, empty under the convention; all crime names its own z-test. */
        String note(boolean allCrime) {
            if (conventional) {
                return "";
            }
            StringBuilder note = new StringBuilder(" (");
            note.append(allCrime ? Z_TEST + " on the volume-weighted rates" : test);
            if (alternative != Alternative.TWO_SIDED) {
                note.append(", one-sided");
            }
            if (!allCrime) {
                adjustment.ifPresent(a -> note.append(", ").append(a));
            }
            return note.append(", at the ").append(levelWords(significance)).append(" significance level)").toString();
        }
    }

    /**
     * The unrecorded crimes as the last sentence says them.
     *
     * @param unbounded whether nothing was recorded
     * @param estimate  the estimated count (infinite when unbounded)
     * @param moreThan  N, the estimate rounded down
     */
    record Unrecorded(boolean unbounded, double estimate, long moreThan) {

        /** From an estimate, rounded down at {@code unit} (0: the estimate's default unit). */
        static Unrecorded of(UnrecordedCrimes crimes, long unit) {
            if (crimes.isUnbounded()) {
                return new Unrecorded(true, Double.POSITIVE_INFINITY, 0);
            }
            OptionalLong n = unit == 0 ? crimes.moreThan() : crimes.moreThan(unit);
            return new Unrecorded(false, crimes.estimate(), n.getAsLong());
        }

        /** A published count: "didn't record more than N". */
        static Unrecorded published(long moreThan) {
            return new Unrecorded(false, Math.max(moreThan, 1), moreThan);
        }

        String sentence(String force, boolean allCrime) {
            if (unbounded) {
                return force + " recorded none of the crimes we audited, so we cannot estimate how many it didn't record.";
            }
            String year = " during the year covered by our inspection.";
            if (estimate == 0) {
                return "Every crime we audited had been recorded, so we estimate that " + force + " recorded all of "
                        + (allCrime ? "them" : "these crimes") + year;
            }
            String what = allCrime ? (moreThan == 1 ? " crime" : " crimes") : " of these crimes";
            if (moreThan == 0) {
                return "We estimate that " + force + " left fewer than one" + (allCrime ? " crime" : " of these crimes")
                        + " unrecorded" + year;
            }
            return "We estimate that " + force + " didn't record more than " + String.format(Locale.ROOT, "%,d", moreThan)
                    + what + year;
        }
    }
}
