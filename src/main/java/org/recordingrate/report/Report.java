package org.recordingrate.report;

import org.recordingrate.model.Result;

import org.recordingrate.format.ResultTable;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.recordingrate.compare.Alternative;
import org.recordingrate.compare.CategoryChange;
import org.recordingrate.compare.ChangeIntervalMethod;
import org.recordingrate.compare.ChangeTest;
import org.recordingrate.compare.ChangeTestMethod;
import org.recordingrate.compare.Comparison;
import org.recordingrate.compare.DifferenceMethod;
import org.recordingrate.compare.InspectionChange;
import org.recordingrate.compare.PValueAdjustment;
import org.recordingrate.compare.Verdict;
import org.recordingrate.estimate.AllCrimeMethod;
import org.recordingrate.estimate.CategoryEstimate;
import org.recordingrate.estimate.InspectionEstimate;
import org.recordingrate.estimate.InspectionEstimator;
import org.recordingrate.estimate.VarianceConvention;
import org.recordingrate.forces.ForceFigure;
import org.recordingrate.forces.ForceResult;
import org.recordingrate.forces.Forces;
import org.recordingrate.forces.ForcesFile;
import org.recordingrate.forces.ForcesResult;
import org.recordingrate.format.Percent;
import org.recordingrate.internal.Args;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Names;
import org.recordingrate.model.RowKind;
import org.recordingrate.report.InspectorsWords.Earlier;
import org.recordingrate.report.InspectorsWords.Quote;
import org.recordingrate.report.InspectorsWords.TestWords;
import org.recordingrate.report.InspectorsWords.Unrecorded;
import org.recordingrate.compare.ChangeColumns;
import org.recordingrate.compare.ChangeColumns.ChangeRow;

/**
 * The inspectors' report on one force: two inspections estimated and compared, said in their words
 * ({@link InspectorsWords}), with a table per category and the forest plot; written as text,
 * markdown, CSV, JSON or one self-contained HTML page.
 *
 * <pre>{@code
 * Report report = Report.of(cdi2017, peel2022).force("Cambridgeshire").since("2017");
 * report.paragraphs().get(0);   // all crime: "We estimate that Cambridgeshire is recording ..."
 * report.markdown();  report.html();  report.forestPlot().write(Path.of("forest.png"));
 * }</pre>
 *
 * <p><b>Defaults: the published convention.</b> Rates with the Wald interval at 95% (the "+/-" is
 * the Wald margin z x se, unclipped), binomial variance; changes with the Wald interval and the
 * two-sample z-test with unpooled variance ({@link ChangeTest#Z_UNPOOLED}: the test the published
 * margins imply, and the one that agrees with the Wald interval), two-sided, significant at p &lt;=
 * 0.05, no adjustment across categories; all crime by the z-test on the two volume-weighted rates
 * ({@link Comparison#allCrime}); "more than N" at the default unit. These defaults differ from
 * {@link Comparison#withDefaults()} (Miettinen-Nurminen, pooled z, Holm) on purpose: the report says
 * what inspectors publish. Every choice can be changed, and the sentences then say which was used.
 *
 * <p>The numbers are exactly those of {@link #estimator()} and {@link #comparison()} applied to the
 * two inspections, which is what {@code estimate} and {@code compare} print with the same options.
 * The rows are the later inspection's categories, in its order, then all crime; a category audited
 * only earlier is listed in {@link #notes()}. Immutable and thread-safe; the results are computed
 * once, when first asked for.
 */
public final class Report implements Result {

    private final Inspection before;
    private final Inspection after;
    private final Settings settings;
    private volatile Findings findings;
    private volatile Among among;

    /** The choices of one report; never changed once a report holds it. */
    private static final class Settings implements Cloneable {
        Optional<String> force = Optional.empty();
        Optional<String> previousLabel = Optional.empty();
        AllCrimeMethod method = AllCrimeMethod.WALD;
        VarianceConvention variance = VarianceConvention.BINOMIAL;
        double confidence = 0.95;
        ChangeIntervalMethod changeMethod = DifferenceMethod.WALD;
        ChangeTestMethod test = ChangeTest.Z_UNPOOLED;
        Alternative alternative = Alternative.TWO_SIDED;
        double significance = 0.05;
        PValueAdjustment adjustment = PValueAdjustment.NONE;
        long unit;
        List<Inspection> forces = List.of();
        Optional<ForcesFile> forcesFile = Optional.empty();

        Settings copy() {
            try {
                return (Settings) clone();
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private interface Edit {
        void apply(Settings settings);
    }

    private Report(Inspection before, Inspection after, Settings settings) {
        this.before = Args.notNull("before", before);
        this.after = Args.notNull("after", after);
        this.settings = settings;
    }

    private Report copyWith(Edit edit) {
        Settings copy = settings.copy();
        edit.apply(copy);
        return new Report(before, after, copy);
    }

    /**
     * The report comparing {@code after} with {@code before}, with the published convention. Nothing
     * is computed yet: the inspections are estimated and compared when a result is first asked for.
     *
     * @param before the earlier (previous) inspection
     * @param after  the later inspection, whose categories make the rows
     * @return the report with the defaults described above
     * @throws IllegalArgumentException if {@code before} or {@code after} is null
     */
    public static Report of(Inspection before, Inspection after) {
        return new Report(before, after, new Settings());
    }

    /**
     * About the force called {@code name} in the sentences (default: the later inspection's name). The
     * name also picks out this force in the funnel plot (see {@link #withForces(List)}).
     *
     * @param name the force's name; stripped
     * @return a new report with this one's other settings
     * @throws IllegalArgumentException if {@code name} is null or blank
     */
    public Report force(String name) {
        Args.notBlank("force", name);
        return copyWith(s -> s.force = Optional.of(name.strip()));
    }

    /**
     * With the previous inspection called {@code label} ("our previous 2017 inspection"; default: the
     * earlier inspection's name).
     *
     * @param label the previous inspection's label, e.g. {@code "2017"}; stripped, may be blank
     * @return a new report with this one's other settings
     * @throws IllegalArgumentException if {@code label} is null
     */
    public Report since(String label) {
        Args.notNull("label", label);
        return copyWith(s -> s.previousLabel = Optional.of(label.strip()));
    }

    /**
     * With another interval for the rates ({@link AllCrimeMethod#WALD} by default). The sentences
     * quote a "+/-" margin only under Wald; under any other method they quote the interval.
     *
     * @param method the interval method of the categories' and all crime's rates
     * @return a new report with this one's other settings
     * @throws IllegalArgumentException if {@code method} is null
     */
    public Report with(AllCrimeMethod method) {
        Args.notNull("method", method);
        return copyWith(s -> s.method = method);
    }

    /**
     * With another variance convention ({@link VarianceConvention#BINOMIAL} by default), used by both
     * the estimates and the comparison.
     *
     * @param variance how each category's variance is estimated
     * @return a new report with this one's other settings
     * @throws IllegalArgumentException if {@code variance} is null
     */
    public Report with(VarianceConvention variance) {
        Args.notNull("variance", variance);
        return copyWith(s -> s.variance = variance);
    }

    /**
     * With another interval for the changes ({@link DifferenceMethod#WALD} by default).
     *
     * @param method the interval method of the categories' changes
     * @return a new report with this one's other settings
     * @throws IllegalArgumentException if {@code method} is null
     */
    public Report with(ChangeIntervalMethod method) {
        Args.notNull("change method", method);
        return copyWith(s -> s.changeMethod = method);
    }

    /**
     * With another test of the categories' changes ({@link ChangeTest#Z_UNPOOLED} by default). All
     * crime is still tested by the z-test on the volume-weighted rates.
     *
     * @param test the test whose p-values decide the categories' verdicts
     * @return a new report with this one's other settings
     * @throws IllegalArgumentException if {@code test} is null
     */
    public Report with(ChangeTestMethod test) {
        Args.notNull("test", test);
        return copyWith(s -> s.test = test);
    }

    /**
     * With another alternative (two-sided by default); the sentences then say the test was one-sided.
     *
     * @param alternative the direction of change the tests look for
     * @return a new report with this one's other settings
     * @throws IllegalArgumentException if {@code alternative} is null
     */
    public Report with(Alternative alternative) {
        Args.notNull("alternative", alternative);
        return copyWith(s -> s.alternative = alternative);
    }

    /**
     * With an adjustment of the categories' p-values (none by default: each paragraph stands alone);
     * with one, the verdicts rest on the adjusted p and the shown table gains its column.
     *
     * @param adjustment the multiple-comparison adjustment across categories
     * @return a new report with this one's other settings
     * @throws IllegalArgumentException if {@code adjustment} is null
     */
    public Report with(PValueAdjustment adjustment) {
        Args.notNull("adjustment", adjustment);
        return copyWith(s -> s.adjustment = adjustment);
    }

    /**
     * At another confidence level for every interval (0.95 by default).
     *
     * @param confidence the two-sided level, from 10<sup>-6</sup> to 1 - 10<sup>-9</sup>, e.g. 0.95
     * @return a new report with this one's other settings
     * @throws IllegalArgumentException if {@code confidence} is outside that supported range or NaN
     */
    public Report withConfidence(double confidence) {
        Args.confidence(confidence);
        return copyWith(s -> s.confidence = confidence);
    }

    /**
     * At another significance level for the verdicts (0.05 by default): a change is significant at
     * p &lt;= the level.
     *
     * @param significance the level, strictly between 0 and 1
     * @return a new report with this one's other settings
     * @throws IllegalArgumentException if {@code significance} is not strictly between 0 and 1 (NaN
     *                                  fails)
     */
    public Report withSignificance(double significance) {
        Args.significance(significance);
        return copyWith(s -> s.significance = significance);
    }

    /**
     * Rounding "more than N" down to a multiple of {@code unit} (0, the default: 100 from 1,000, 10
     * from 100, else 1; see {@link org.recordingrate.estimate.UnrecordedCrimes#unitFor(double)}).
     *
     * @param unit the rounding unit, 0 for the default rule
     * @return a new report with this one's other settings
     * @throws IllegalArgumentException if {@code unit < 0}
     */
    public Report withUnit(long unit) {
        Args.nonNegative("unit", unit);
        return copyWith(s -> s.unit = unit);
    }

    /**
     * With every force's inspection, to set this force among them: the funnel plot (adjusted for
     * over-dispersion, this force highlighted), its shrunken estimate and its rank interval, in the
     * paragraph of {@link #amongForces()} and the plots of the HTML page ({@link Forces} with this
     * report's confidence). A force the list does not name (under {@link Names}) is added from the later
     * inspection, and a note says so.
     *
     * @param forces every force's inspection; copied; empty for no comparison with other forces
     * @return a new report with this one's other settings
     * @throws IllegalArgumentException if {@code forces} is null
     * @throws NullPointerException     if {@code forces} holds a null
     */
    public Report withForces(List<Inspection> forces) {
        List<Inspection> copy = List.copyOf(Args.notNull("forces", forces));
        return copyWith(s -> {
            s.forces = copy;
            s.forcesFile = Optional.empty();
        });
    }

    /**
     * With every force's figures from a file of any kind ({@link ForcesFile}: published figures, tallies,
     * inspections), as {@link #withForces(List)}.
     *
     * @param file the forces, as read
     * @return a new report with this one's other settings
     * @throws IllegalArgumentException if {@code file} is null
     */
    public Report withForces(ForcesFile file) {
        Args.notNull("file", file);
        return copyWith(s -> {
            s.forces = List.of();
            s.forcesFile = Optional.of(file);
        });
    }

    /**
     * The force's name in the sentences.
     *
     * @return the name set by {@link #force(String)}, else the later inspection's name
     */
    public String force() {
        return settings.force.orElse(after.name());
    }

    /**
     * The previous inspection's label in the sentences.
     *
     * @return the label set by {@link #since(String)}, else the earlier inspection's name
     */
    public String previousLabel() {
        return settings.previousLabel.orElse(before.name());
    }

    /**
     * The earlier inspection.
     *
     * @return the earlier inspection, as given
     */
    public Inspection before() {
        return before;
    }

    /**
     * The later inspection.
     *
     * @return the later inspection, as given
     */
    public Inspection after() {
        return after;
    }

    /**
     * The confidence level of the intervals.
     *
     * @return the two-sided level of every interval, 0.95 unless set
     */
    public double confidence() {
        return settings.confidence;
    }

    /**
     * The interval method of the rates.
     *
     * @return the method set by {@link #with(AllCrimeMethod)}, {@link AllCrimeMethod#WALD} unless set
     */
    public AllCrimeMethod rateMethod() {
        return settings.method;
    }

    /**
     * The estimator the report uses for both inspections, so that a caller can reproduce its numbers
     * (as {@code estimate} prints them with the same options).
     *
     * @return the default estimator with this report's rate method, variance convention and confidence
     */
    public InspectionEstimator estimator() {
        return InspectionEstimator.withDefaults().with(settings.method).with(settings.variance)
                .withConfidence(settings.confidence);
    }

    /**
     * The comparison the report uses, so that a caller can reproduce its changes and verdicts (as
     * {@code compare} prints them with the same options).
     *
     * @return the default comparison with this report's change interval, test, alternative, variance
     *         convention, adjustment, confidence and significance
     */
    public Comparison comparison() {
        return Comparison.withDefaults().with(settings.changeMethod).with(settings.test).with(settings.alternative)
                .with(settings.variance).with(settings.adjustment).withConfidence(settings.confidence)
                .withSignificance(settings.significance);
    }

    /**
     * The earlier inspection's estimate, by {@link #estimator()}; computed once, with the other results.
     *
     * @return the estimate of {@link #before()}
     * @throws IllegalArgumentException if the first computation of the results fails: the estimator
     *                                  or the comparison refuses an inspection (see
     *                                  {@link InspectionEstimator#estimate} and
     *                                  {@link Comparison#compare(Inspection, Inspection)})
     */
    public InspectionEstimate estimateBefore() {
        return findings().before;
    }

    /**
     * The later inspection's estimate, by {@link #estimator()}; computed once, with the other results.
     *
     * @return the estimate of {@link #after()}
     * @throws IllegalArgumentException as {@link #rows()}, when the results are first computed
     */
    public InspectionEstimate estimateAfter() {
        return findings().after;
    }

    /**
     * The comparison of the two inspections, by {@link #comparison()}; computed once, with the other
     * results.
     *
     * @return the changes per category present in both, and for all crime
     * @throws IllegalArgumentException as {@link #rows()}, when the results are first computed
     */
    public InspectionChange change() {
        return findings().change;
    }

    /**
     * The rows: each category of the later inspection, in its order, then all crime. A category not
     * audited earlier has no earlier estimate nor change, and its paragraph says it was not audited in
     * the previous inspection instead of comparing.
     *
     * @return an unmodifiable list, all crime last
     * @throws IllegalArgumentException if the first computation of the results fails: the estimator
     *                                  or the comparison refuses an inspection (see
     *                                  {@link InspectionEstimator#estimate} and
     *                                  {@link Comparison#compare(Inspection, Inspection)})
     */
    public List<ReportRow> rows() {
        return findings().rows;
    }

    /**
     * The paragraphs: all crime first (the headline), then each category in the later inspection's
     * order; the rows' paragraphs, reordered.
     *
     * @return a new list of {@code rows().size()} paragraphs
     * @throws IllegalArgumentException as {@link #rows()}, when the results are first computed
     */
    public List<Paragraph> paragraphs() {
        List<Paragraph> paragraphs = new ArrayList<>();
        List<ReportRow> rows = rows();
        paragraphs.add(rows.get(rows.size() - 1).paragraph());
        for (ReportRow row : rows.subList(0, rows.size() - 1)) {
            paragraphs.add(row.paragraph());
        }
        return paragraphs;
    }

    /**
     * Categories audited in only one inspection, one line each: those only earlier are not reported,
     * those only later are reported without a comparison.
     *
     * @return the lines, the earlier-only categories first; empty when the categories match
     * @throws IllegalArgumentException as {@link #rows()}, when the results are first computed
     */
    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        for (String category : change().onlyBefore()) {
            notes.add("Category '" + category + "' was audited only in " + before.name() + ": not reported.");
        }
        for (String category : change().onlyAfter()) {
            notes.add("Category '" + category + "' was audited only in " + after.name() + ": not compared.");
        }
        Names.laterFirst(before.name(), after.name()).ifPresent(notes::add);
        if (!settings.forces.isEmpty() || settings.forcesFile.isPresent()) {
            among();
            Among a = among;
            notes.addAll(a.notes());
            if (a.result() != null) {
                notes.addAll(a.result().notes().stream().map(n -> "Among the forces: " + n).toList());
            }
        }
        return notes;
    }

    /**
     * The methods, one paragraph: what every number rests on, including the unrecorded-crimes formula
     * volume x (1 - rate) / rate and its rounding.
     *
     * @return the paragraph, one line of plain text
     */
    public String methods() {
        Settings s = settings;
        String rates = "Rates: " + s.method.displayName() + " intervals at " + Percent.level(s.confidence) + ", "
                + s.variance.token() + " variance; \"+/-\" is the Wald margin (z x standard error), as published.";
        String changes = " Changes: " + (surveyTests() ? "Wald intervals on the survey standard errors over incidents"
                : s.changeMethod.displayName() + " intervals") + "; " + testDescription()
                + (s.adjustment == PValueAdjustment.NONE ? ", no adjustment across categories"
                        : ", p-values " + s.adjustment.token() + "-adjusted across categories (verdicts on the adjusted p)")
                + "; all crime by the two-sample z-test on the volume-weighted rates.";
        String unrecorded = " Unrecorded crimes = volume x (1 - rate) / rate, \"more than N\" rounded down "
                + (s.unit == 0 ? "to 100 from 1,000, 10 from 100, else 1." : String.format(Locale.ROOT, "to a multiple of %,d.", s.unit));
        return rates + changes + unrecorded;
    }

    /** The words for the categories' test when it runs on survey standard errors over incidents. */
    private static final String SURVEY_TEST = "z-test on the survey standard errors over incidents";

    /**
     * Whether the categories' changes were tested on their survey standard errors: under the survey
     * variance when the records named their incidents ({@link org.recordingrate.compare.Comparison#compare(Inspection,
     * Inspection)}), so that the tests account for crimes recorded together, as the margins do.
     */
    boolean surveyTests() {
        return settings.variance == VarianceConvention.SURVEY && (before.hasIncidents() || after.hasIncidents());
    }

    /** "two-sample z-test (unpooled variance), two-sided, significant at 5%". */
    String testDescription() {
        Settings s = settings;
        String name = surveyTests() ? SURVEY_TEST + " (in place of the " + s.test.displayName() + ")"
                : s.test == ChangeTest.Z_UNPOOLED ? TestWords.Z_TEST + " (unpooled variance)" : s.test.displayName();
        return name + ", " + (s.alternative == Alternative.TWO_SIDED ? "two-sided" : "one-sided (" + s.alternative.token() + ")")
                + ", significant at " + Percent.level(s.significance);
    }

    /**
     * The full table (for CSV and JSON): {@link ReportColumns#full(long)} at this report's unit, with
     * {@link #notes()}.
     *
     * @return a row per {@link #rows()} row, every column
     * @throws IllegalArgumentException as {@link #rows()}, when the results are first computed
     */
    @Override
    public ResultTable table() {
        return ReportColumns.full(settings.unit).table(rows()).notes(notes());
    }

    /**
     * The table shown beside the paragraphs: {@link ReportColumns#shown(boolean, boolean)}, with the
     * "+/-" column only under Wald and the adjusted p only with an adjustment.
     *
     * @return a row per {@link #rows()} row
     * @throws IllegalArgumentException as {@link #rows()}, when the results are first computed
     */
    public ResultTable shownTable() {
        return ReportColumns.shown(settings.method == AllCrimeMethod.WALD, settings.adjustment != PValueAdjustment.NONE)
                .table(rows());
    }

    /**
     * The forest plot of the two inspections, with this report's intervals and verdicts.
     *
     * @return a new plot of {@link #rows()}
     * @throws IllegalArgumentException as {@link #rows()}, when the results are first computed
     */
    public ForestPlot forestPlot() {
        return ForestPlot.of(this);
    }

    /**
     * The funnel plot of the forces given by {@link #withForces(List)} or {@link #withForces(ForcesFile)},
     * with the limits adjusted for over-dispersion and this force highlighted.
     *
     * @return the plot; empty when no forces were given, or this force has no figure of their category
     * @throws IllegalArgumentException as {@link #forcesResult()}
     */
    public Optional<FunnelPlot> funnelPlot() {
        return among().map(a -> FunnelPlot.of(a.result()).highlight(a.force().name()));
    }

    /**
     * The caterpillar plot of the forces' ranks, this force highlighted.
     *
     * @return the plot; empty as {@link #funnelPlot()}
     * @throws IllegalArgumentException as {@link #forcesResult()}
     */
    public Optional<RanksPlot> ranksPlot() {
        return among().map(a -> RanksPlot.of(a.result()).highlight(a.force().name()));
    }

    /**
     * The analysis of every force given ({@link Forces} with the defaults and this report's confidence),
     * this force among them.
     *
     * @return the analysis; empty when no forces were given, or this force has no figure of their category
     * @throws IllegalArgumentException when first computed, as {@link Forces#analyse(List)} (fewer than two
     *                                  forces, a pooled rate of 0 or 1, ...)
     */
    public Optional<ForcesResult> forcesResult() {
        return among().map(Among::result);
    }

    /**
     * The inspectors' paragraph setting this force among the others: where it lies on the adjusted
     * funnel, its shrunken estimate and its rank interval ("among the 43 forces, it ranks between 5th
     * and 19th"; {@link InspectorsWords#amongForces}).
     *
     * @return the paragraph; empty as {@link #funnelPlot()}
     * @throws IllegalArgumentException as {@link #forcesResult()}
     */
    public Optional<Paragraph> amongForces() {
        return among().map(a -> InspectorsWords.about(force()).amongForces(a.result(), a.force()));
    }

    /** The forces analysed with this force among them, and what a reader must be told about it. */
    private record Among(ForcesResult result, ForceResult force, List<String> notes) {
    }

    private Optional<Among> among() {
        if (settings.forces.isEmpty() && settings.forcesFile.isEmpty()) {
            return Optional.empty();
        }
        Among a = among;
        if (a == null) {
            synchronized (this) {
                a = among;
                if (a == null) {
                    a = computeAmong();
                    among = a;
                }
            }
        }
        return Optional.ofNullable(a.result() == null ? null : a);
    }

    private Among computeAmong() {
        ForcesFile file = settings.forcesFile.orElseGet(() -> new ForcesFile("forces", ForcesFile.Kind.INSPECTIONS,
                Optional.of(Names.ALL_CRIME), List.of(), settings.forces.stream().map(ForceFigure::of).toList(),
                List.of(), List.of()));
        Forces procedure = Forces.withDefaults().withConfidence(settings.confidence);
        String name = force();
        List<String> notes = new ArrayList<>();
        if (file.figures().stream().anyMatch(f -> Names.same(f.name(), name))) {
            ForcesResult result = procedure.analyse(file);
            return new Among(result, result.force(name).orElseThrow(), notes);
        }
        Inspection renamed = new Inspection(name, after.categories());
        String of = file.category().orElse(Names.ALL_CRIME);
        // the inspectorate's "all crime (excluding fraud)" is the all-crime figure
        boolean allCrime = Names.key(of).startsWith(Names.ALL_CRIME);
        int given = file.figures().size();
        if (!allCrime && renamed.category(of).isEmpty()) {
            notes.add(name + " is not among the " + given + " forces given, and its inspection did not audit " + of
                    + ": it is not set among them.");
            return new Among(null, null, notes);
        }
        List<ForceFigure> figures = new ArrayList<>(file.figures());
        figures.add(allCrime ? ForceFigure.of(renamed) : ForceFigure.of(renamed, of));
        notes.add(name + " is not among the " + given + " forces given: its " + after.name() + " inspection was added to"
                + " them, so " + figures.size() + " forces are compared.");
        ForcesResult result = procedure.analyse(new ForcesFile(file.file(), file.kind(), file.category(), List.of(),
                figures, List.of(), file.notes()));
        return new Among(result, result.force(name).orElseThrow(), notes);
    }

    /**
     * The same as {@link #text()}: what JShell's {@code show(report)} prints.
     *
     * @return the paragraphs and the table as text
     */
    @Override
    public String summary() {
        return text();
    }

    /**
     * The report as text: title, paragraphs (wrapped), the table, the methods.
     *
     * @return the plain-text report
     * @throws IllegalArgumentException as {@link #rows()}, when the results are first computed
     */
    public String text() {
        return ReportDocument.text(this);
    }

    /**
     * The report as markdown (GitHub-flavoured tables).
     *
     * @return the markdown document
     * @throws IllegalArgumentException as {@link #rows()}, when the results are first computed
     */
    public String markdown() {
        return ReportDocument.markdown(this);
    }

    /**
     * The full table as CSV (every column, the paragraph included).
     *
     * @return the CSV text, header first
     * @throws IllegalArgumentException as {@link #rows()}, when the results are first computed
     */
    public String csv() {
        StringWriter out = new StringWriter();
        table().writeCsv(out);
        return out.toString();
    }

    /**
     * The report as one JSON object: names, methods, paragraphs and the full table's rows.
     *
     * @return the JSON text
     * @throws IllegalArgumentException as {@link #rows()}, when the results are first computed
     */
    public String json() {
        return ReportDocument.json(this);
    }

    /**
     * The report as one self-contained HTML page, the plots inline as SVG (the funnel plot only when
     * forces were given).
     *
     * @return the HTML page
     * @throws IllegalArgumentException as {@link #rows()}, when the results are first computed
     */
    public String html() {
        return ReportDocument.html(this);
    }

    /**
     * The force, the two inspections and the all-crime paragraph, as the report opens: {@code
     * "Cambridgeshire, PEEL 2021/22 vs 2017: We estimate that the force is recording 93.3 percent ..."}.
     *
     * @throws IllegalArgumentException as {@link #rows()}, when the results are first computed
     */
    @Override
    public String toString() {
        return force() + ", " + after.name() + " vs " + before.name() + ": " + paragraphs().get(0).text();
    }

    private Findings findings() {
        Findings f = findings;
        if (f == null) {
            synchronized (this) {
                f = findings;
                if (f == null) {
                    f = new Findings();
                    findings = f;
                }
            }
        }
        return f;
    }

    /** Everything computed, once. */
    private final class Findings {
        final InspectionEstimate before;
        final InspectionEstimate after;
        final InspectionChange change;
        final List<ReportRow> rows;

        Findings() {
            InspectionEstimator estimator = estimator();
            before = estimator.estimate(Report.this.before);
            after = estimator.estimate(Report.this.after);
            change = comparison().compare(Report.this.before, Report.this.after);
            List<ChangeRow> changeRows = ChangeColumns.changeRows(List.of(change));
            InspectorsWords words = InspectorsWords.about(force()).since(previousLabel());
            List<ReportRow> list = new ArrayList<>();
            for (CategoryEstimate row : after.rows()) {
                Optional<CategoryEstimate> earlier = row.isAllCrime() ? Optional.of(before.allCrime())
                        : before.categories().stream().filter(e -> Names.same(e.category(), row.category())).findFirst();
                Optional<ChangeRow> changed = changeRows.stream()
                        .filter(c -> c.kind() == row.kind() && Names.same(c.category(), row.category())).findFirst();
                Optional<Earlier> then = changed.isEmpty() ? Optional.empty()
                        : Optional.of(new Earlier(quote(earlier.get()), verdict(row), testWords()));
                Paragraph paragraph = words.write(row.kind(), row.category(), quote(row), then,
                        Optional.of(Unrecorded.of(row.unrecorded(), settings.unit)));
                list.add(new ReportRow(force(), changed.isPresent() ? earlier : Optional.empty(), row, changed, paragraph));
            }
            rows = List.copyOf(list);
        }

        private Verdict verdict(CategoryEstimate row) {
            if (row.kind() == RowKind.ALL_CRIME) {
                return change.allCrime().verdict();
            }
            return change.categories().stream().filter(c -> Names.same(c.category(), row.category()))
                    .map(CategoryChange::verdict).findFirst().orElseThrow();
        }

        private TestWords testWords() {
            Settings s = settings;
            String name = surveyTests() ? SURVEY_TEST
                    : s.test == ChangeTest.Z_UNPOOLED ? TestWords.Z_TEST : s.test.displayName();
            int n = change.categories().size();
            Optional<String> adjusted = s.adjustment == PValueAdjustment.NONE ? Optional.empty()
                    : Optional.of(s.adjustment.token() + "-adjusted across " + n + (n == 1 ? " category" : " categories"));
            boolean conventional = !surveyTests() && s.test == ChangeTest.Z_UNPOOLED && s.alternative == Alternative.TWO_SIDED
                    && s.significance == 0.05 && s.adjustment == PValueAdjustment.NONE;
            return new TestWords(name, s.alternative, adjusted, s.significance, conventional);
        }

        private Quote quote(CategoryEstimate e) {
            Settings s = settings;
            Optional<String> margin = s.method == AllCrimeMethod.WALD
                    ? Optional.of(InspectorsWords.percent(e.margin())) : Optional.empty();
            return new Quote(InspectorsWords.percent(e.rate()), margin, InspectorsWords.percent(e.lower()),
                    InspectorsWords.percent(e.upper()), s.method.displayName(), s.confidence);
        }
    }
}
