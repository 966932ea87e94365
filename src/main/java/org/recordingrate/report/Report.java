package org.recordingrate.report;

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
import org.recordingrate.format.Percent;
import org.recordingrate.internal.Args;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Names;
import org.recordingrate.model.RowKind;
import org.recordingrate.report.InspectorsWords.Earlier;
import org.recordingrate.report.InspectorsWords.Quote;
import org.recordingrate.report.InspectorsWords.TestWords;
import org.recordingrate.report.InspectorsWords.Unrecorded;
import org.recordingrate.report.Tables.ChangeRow;

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
public final class Report {

    private final Inspection before;
    private final Inspection after;
    private final Settings settings;
    private volatile Findings findings;

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
     * The report comparing {@code after} with {@code before}, with the published convention.
     *
     * @throws IllegalArgumentException if an inspection is null
     */
    public static Report of(Inspection before, Inspection after) {
        return new Report(before, after, new Settings());
    }

    /**
     * About the force called {@code name} in the sentences (default: the later inspection's name).
     *
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public Report force(String name) {
        Args.notBlank("force", name);
        return copyWith(s -> s.force = Optional.of(name.strip()));
    }

    /**
     * With the previous inspection called {@code label} ("our previous 2017 inspection"; default: the
     * earlier inspection's name).
     *
     * @throws IllegalArgumentException if {@code label} is null
     */
    public Report since(String label) {
        Args.notNull("label", label);
        return copyWith(s -> s.previousLabel = Optional.of(label.strip()));
    }

    /** With another interval for the rates ({@link AllCrimeMethod#WALD} by default). */
    public Report with(AllCrimeMethod method) {
        Args.notNull("method", method);
        return copyWith(s -> s.method = method);
    }

    /** With another variance convention ({@link VarianceConvention#BINOMIAL} by default). */
    public Report with(VarianceConvention variance) {
        Args.notNull("variance", variance);
        return copyWith(s -> s.variance = variance);
    }

    /** With another interval for the changes ({@link DifferenceMethod#WALD} by default). */
    public Report with(ChangeIntervalMethod method) {
        Args.notNull("change method", method);
        return copyWith(s -> s.changeMethod = method);
    }

    /** With another test of the categories' changes ({@link ChangeTest#Z_UNPOOLED} by default). */
    public Report with(ChangeTestMethod test) {
        Args.notNull("test", test);
        return copyWith(s -> s.test = test);
    }

    /** With another alternative (two-sided by default). */
    public Report with(Alternative alternative) {
        Args.notNull("alternative", alternative);
        return copyWith(s -> s.alternative = alternative);
    }

    /** With an adjustment of the categories' p-values (none by default: each paragraph stands alone). */
    public Report with(PValueAdjustment adjustment) {
        Args.notNull("adjustment", adjustment);
        return copyWith(s -> s.adjustment = adjustment);
    }

    /**
     * At another confidence level for every interval (0.95 by default).
     *
     * @throws IllegalArgumentException if outside (0, 1)
     */
    public Report withConfidence(double confidence) {
        Args.confidence(confidence);
        return copyWith(s -> s.confidence = confidence);
    }

    /**
     * At another significance level for the verdicts (0.05 by default).
     *
     * @throws IllegalArgumentException if outside (0, 1)
     */
    public Report withSignificance(double significance) {
        Args.significance(significance);
        return copyWith(s -> s.significance = significance);
    }

    /**
     * Rounding "more than N" down to a multiple of {@code unit} (0, the default: 100 from 1,000, 10
     * from 100, else 1; see {@link org.recordingrate.estimate.UnrecordedCrimes#unitFor(double)}).
     *
     * @throws IllegalArgumentException if {@code unit < 0}
     */
    public Report withUnit(long unit) {
        Args.nonNegative("unit", unit);
        return copyWith(s -> s.unit = unit);
    }

    /**
     * With every force's inspection, for the funnel plot of the HTML page (this force highlighted,
     * added from the later inspection if the list has no inspection of its name).
     *
     * @throws IllegalArgumentException if the list is null or holds a null
     */
    public Report withForces(List<Inspection> forces) {
        List<Inspection> copy = List.copyOf(Args.notNull("forces", forces));
        return copyWith(s -> s.forces = copy);
    }

    /** The force's name in the sentences. */
    public String force() {
        return settings.force.orElse(after.name());
    }

    /** The previous inspection's label in the sentences. */
    public String previousLabel() {
        return settings.previousLabel.orElse(before.name());
    }

    /** The earlier inspection. */
    public Inspection before() {
        return before;
    }

    /** The later inspection. */
    public Inspection after() {
        return after;
    }

    /** The confidence level of the intervals. */
    public double confidence() {
        return settings.confidence;
    }

    /** The interval method of the rates. */
    public AllCrimeMethod rateMethod() {
        return settings.method;
    }

    /** The estimator the report uses for both inspections. */
    public InspectionEstimator estimator() {
        return InspectionEstimator.withDefaults().with(settings.method).with(settings.variance)
                .withConfidence(settings.confidence);
    }

    /** The comparison the report uses. */
    public Comparison comparison() {
        return Comparison.withDefaults().with(settings.changeMethod).with(settings.test).with(settings.alternative)
                .with(settings.variance).with(settings.adjustment).withConfidence(settings.confidence)
                .withSignificance(settings.significance);
    }

    /** The earlier inspection's estimate. */
    public InspectionEstimate estimateBefore() {
        return findings().before;
    }

    /** The later inspection's estimate. */
    public InspectionEstimate estimateAfter() {
        return findings().after;
    }

    /** The comparison of the two inspections. */
    public InspectionChange change() {
        return findings().change;
    }

    /** The rows: each category of the later inspection, then all crime. */
    public List<ReportRow> rows() {
        return findings().rows;
    }

    /** The paragraphs: all crime first (the headline), then each category in the later inspection's order. */
    public List<Paragraph> paragraphs() {
        List<Paragraph> paragraphs = new ArrayList<>();
        List<ReportRow> rows = rows();
        paragraphs.add(rows.get(rows.size() - 1).paragraph());
        for (ReportRow row : rows.subList(0, rows.size() - 1)) {
            paragraphs.add(row.paragraph());
        }
        return paragraphs;
    }

    /** Categories audited in only one inspection, one line each (empty when all match). */
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        for (String category : change().onlyBefore()) {
            notes.add("Category '" + category + "' was audited only in " + before.name() + ": not reported.");
        }
        for (String category : change().onlyAfter()) {
            notes.add("Category '" + category + "' was audited only in " + after.name() + ": not compared.");
        }
        return notes;
    }

    /** The methods, one paragraph: what every number rests on. */
    public String methods() {
        Settings s = settings;
        String rates = "Rates: " + s.method.displayName() + " intervals at " + Percent.level(s.confidence) + ", "
                + s.variance.token() + " variance; \"+/-\" is the Wald margin (z x standard error), as published.";
        String changes = " Changes: " + s.changeMethod.displayName() + " intervals; " + testDescription()
                + (s.adjustment == PValueAdjustment.NONE ? ", no adjustment across categories"
                        : ", p-values " + s.adjustment.token() + "-adjusted across categories (verdicts on the adjusted p)")
                + "; all crime by the two-sample z-test on the volume-weighted rates.";
        String unrecorded = " Unrecorded crimes = volume x (1 - rate) / rate, \"more than N\" rounded down "
                + (s.unit == 0 ? "to 100 from 1,000, 10 from 100, else 1." : String.format(Locale.ROOT, "to a multiple of %,d.", s.unit));
        return rates + changes + unrecorded;
    }

    /** "two-sample z-test (unpooled variance), two-sided, significant at 5%". */
    String testDescription() {
        Settings s = settings;
        String name = s.test == ChangeTest.Z_UNPOOLED ? TestWords.Z_TEST + " (unpooled variance)" : s.test.displayName();
        return name + ", " + (s.alternative == Alternative.TWO_SIDED ? "two-sided" : "one-sided (" + s.alternative.token() + ")")
                + ", significant at " + Percent.level(s.significance);
    }

    /** The full table (for CSV and JSON): {@link ReportColumns#full(long)}. */
    public ResultTable table() {
        return ReportColumns.full(settings.unit).table(rows());
    }

    /** The table shown beside the paragraphs: {@link ReportColumns#shown(boolean, boolean)}. */
    public ResultTable shownTable() {
        return ReportColumns.shown(settings.method == AllCrimeMethod.WALD, settings.adjustment != PValueAdjustment.NONE)
                .table(rows());
    }

    /** The forest plot of the two inspections, with this report's intervals and verdicts. */
    public ForestPlot forestPlot() {
        return ForestPlot.of(this);
    }

    /**
     * The funnel plot of the forces given by {@link #withForces(List)}, this force highlighted.
     *
     * @return empty when no forces were given
     */
    public Optional<FunnelPlot> funnelPlot() {
        if (settings.forces.isEmpty()) {
            return Optional.empty();
        }
        boolean present = settings.forces.stream().anyMatch(i -> Names.same(i.name(), force()));
        List<Inspection> all = new ArrayList<>(settings.forces);
        FunnelPlot plot = FunnelPlot.of(all);
        return Optional.of(present ? plot.highlight(force()) : plot.withExtra(force(), after));
    }

    /**
     * The same as {@link #text()}: what JShell's {@code show(report)} prints.
     *
     * @return the paragraphs and the table as text
     */
    public String summary() {
        return text();
    }

    /** The report as text: title, paragraphs (wrapped), the table, the methods. */
    public String text() {
        return ReportDocument.text(this);
    }

    /** The report as markdown (GitHub-flavoured tables). */
    public String markdown() {
        return ReportDocument.markdown(this);
    }

    /** The full table as CSV (every column, the paragraph included). */
    public String csv() {
        StringWriter out = new StringWriter();
        table().writeCsv(out);
        return out.toString();
    }

    /** The report as one JSON object: names, methods, paragraphs and the full table's rows. */
    public String json() {
        return ReportDocument.json(this);
    }

    /** The report as one self-contained HTML page, the plots inline as SVG. */
    public String html() {
        return ReportDocument.html(this);
    }

    /** The force, the inspections and the all-crime verdict. */
    @Override
    public String toString() {
        return "Report[" + force() + ": " + after.name() + " vs " + before.name() + "]";
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
            List<ChangeRow> changeRows = Tables.changeRows(List.of(change));
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
            String name = s.test == ChangeTest.Z_UNPOOLED ? TestWords.Z_TEST : s.test.displayName();
            int n = change.categories().size();
            Optional<String> adjusted = s.adjustment == PValueAdjustment.NONE ? Optional.empty()
                    : Optional.of(s.adjustment.token() + "-adjusted across " + n + (n == 1 ? " category" : " categories"));
            boolean conventional = s.test == ChangeTest.Z_UNPOOLED && s.alternative == Alternative.TWO_SIDED
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
