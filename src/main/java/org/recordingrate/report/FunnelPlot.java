package org.recordingrate.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.recordingrate.forces.ForceFigure;
import org.recordingrate.forces.ForceResult;
import org.recordingrate.forces.Forces;
import org.recordingrate.forces.ForcesFile;
import org.recordingrate.forces.ForcesResult;
import org.recordingrate.forces.FunnelLimits;
import org.recordingrate.forces.Outlier;
import org.recordingrate.forces.Overdispersion;
import org.recordingrate.format.Percent;
import org.recordingrate.internal.Args;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Names;
import org.recordingrate.report.Canvas.Anchor;
import org.recordingrate.report.Canvas.Pen;
import org.recordingrate.report.Canvas.Type;

/**
 * The funnel plot of many forces (Spiegelhalter 2005): each force's recording rate against its
 * (effective) audited count, with the target and the 95% and 99.8% limits around it, widened for
 * over-dispersion as {@link Forces} computes them (additively by default, as R's FunnelPlotR); forces
 * beyond the 95% limits are labelled, and coloured orange (beyond 95%) or vermillion (beyond 99.8%).
 * The picture of a {@link ForcesResult}: {@link #result()} is the table behind it.
 *
 * <p><b>What is plotted.</b> Any input of {@link ForceFigure}: for one category
 * ({@link #category(String)}) the rate x/n against the audited count n; for all crime (the default for
 * inspections) the volume-weighted rate against the effective audited count n<sub>eff</sub> = 1 / sum
 * W<sub>h</sub><sup>2</sup>/n<sub>h</sub>; for published figures the rate against the effective audited
 * count its margin implies. The target is the pooled rate sum n<sub>i</sub> p<sub>i</sub> / sum
 * n<sub>i</sub>, unless {@link #withTarget(double)} sets it.
 *
 * <p><b>The limits</b> are those of {@link ForcesResult#limitsAt(double)}: target &plusmn; z<sub>p</sub>
 * sqrt(s<sup>2</sup> + tau2) under the additive allowance, target &plusmn; z<sub>p</sub> sqrt(phi) s
 * under the multiplicative one, the binomial {@link FunnelLimits} (exact by default) when no
 * over-dispersion is found or none is allowed for; {@link #withUnadjusted(boolean)} draws the binomial
 * limits too, in grey. A force is beyond a limit when its rate is strictly outside it. The legend states
 * phi and tau2.
 *
 * <pre>{@code
 * FunnelPlot.of(InspectionFile.read(Path.of("forces-2022.csv"))).write(Path.of("funnel.png"));
 * FunnelPlot.of(ForcesFile.read(Path.of("figures.csv"))).highlight("Cambridgeshire").svg();
 * }</pre>
 *
 * <p>Immutable; the analysis is computed once, when first needed; the layout depends only on the data
 * and texts ({@link TextWidths}).
 */
public final class FunnelPlot extends Plot {

    private static final double WIDTH = 900;
    private static final double HEIGHT = 620;
    private static final double MARGIN = 20;
    private static final double TITLE = 18;
    private static final double TEXT = 13;
    private static final double TICK = 12;
    private static final double LABEL = 12;
    private static final double RADIUS = 4.5;
    private static final int CURVE_POINTS = 300;

    /**
     * One force on the plot, with the limits at its size.
     *
     * @param name        the force
     * @param rate        its rate
     * @param size        its audited count, or effective audited count
     * @param lower95     the lower 95% limit at its size (with the allowance applied)
     * @param upper95     the upper 95% limit
     * @param lower998    the lower 99.8% limit
     * @param upper998    the upper 99.8% limit
     * @param highlighted whether it is the force a report is about
     */
    public record FunnelPoint(String name, double rate, double size, double lower95, double upper95, double lower998,
                              double upper998, boolean highlighted) {

        /**
         * Whether the force lies strictly outside the 95% limits.
         *
         * @return {@code rate < lower95 || rate > upper95}; false on a limit
         */
        public boolean beyond95() {
            return rate < lower95 || rate > upper95;
        }

        /**
         * Whether the force lies strictly outside the 99.8% limits.
         *
         * @return {@code rate < lower998 || rate > upper998}; false on a limit
         */
        public boolean beyond998() {
            return rate < lower998 || rate > upper998;
        }

        /**
         * Whether the force lies above the funnel rather than below it; only meaningful when
         * {@link #beyond95()}.
         *
         * @return {@code rate > upper95}
         */
        public boolean above() {
            return rate > upper95;
        }

        /**
         * Where the force lies, in words: "within the 95% limits", "below the 99.8% limit (86.0%)", ...
         *
         * @return the words
         */
        public String where() {
            if (beyond998()) {
                return rate > upper998 ? "above the 99.8% limit (" + Percent.format(upper998) + ")"
                        : "below the 99.8% limit (" + Percent.format(lower998) + ")";
            }
            if (beyond95()) {
                return above() ? "above the 95% limit (" + Percent.format(upper95) + ")"
                        : "below the 95% limit (" + Percent.format(lower95) + ")";
            }
            return "within the 95% limits";
        }

        /** {@code "force 07: 84.1% at 512 audited, below the 99.8% limit (86.0%)"}. */
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: %s at %,.0f audited, %s", name, Percent.format(rate), size, where());
        }
    }

    /**
     * A point's mark and label where the layout put them (for the tests of the committed pictures).
     *
     * @param name   the force
     * @param x      the mark's centre, pixels at scale 1
     * @param y      the mark's centre
     * @param rgb    the mark's fill
     * @param label  the label's box (x, y of its top left corner, width, height), empty when unlabelled
     */
    record Mark(String name, double x, double y, int rgb, Optional<double[]> label) {
    }

    /** Where the forces come from: inspections (any category), a file, or figures. */
    private record Input(List<Inspection> inspections, Optional<ForcesFile> file, List<ForceFigure> figures) {
    }

    private final Input input;
    private final Forces procedure;
    private final Optional<String> category;
    private final Optional<String> highlight;
    private final Optional<ForceFigure> extra;
    private final Optional<String> customTitle;
    private final boolean unadjusted;
    private volatile Drawn drawn;

    /** The analysis and the points, computed once. */
    private record Drawn(ForcesResult result, List<FunnelPoint> points, List<String> leftOut) {
    }

    private FunnelPlot(Input input, Forces procedure, Optional<String> category, Optional<String> highlight,
                       Optional<ForceFigure> extra, Optional<String> customTitle, boolean unadjusted, Drawn drawn) {
        this.input = input;
        this.procedure = procedure;
        this.category = category;
        this.highlight = highlight;
        this.extra = extra;
        this.customTitle = customTitle;
        this.unadjusted = unadjusted;
        this.drawn = drawn;
    }

    private FunnelPlot copy(Forces p, Optional<String> c, Optional<String> h, Optional<ForceFigure> e, Optional<String> t,
                            boolean u) {
        return new FunnelPlot(input, p, c, h, e, t, u, null);
    }

    /**
     * The funnel plot of every force's all-crime rate.
     *
     * @param forces one inspection per force (a file with an {@code inspection} column, say); copied
     * @return the plot, with {@link Forces#withDefaults()}
     * @throws IllegalArgumentException if the list is null or empty; when drawn, as
     *                                  {@link Forces#analyse(List)} (fewer than two forces, a pooled rate
     *                                  of 0 or 1)
     * @throws NullPointerException     if the list holds a null
     */
    public static FunnelPlot of(List<Inspection> forces) {
        Args.notNull("forces", forces);
        if (forces.isEmpty()) {
            throw new IllegalArgumentException("forces (none) must hold at least one inspection");
        }
        return new FunnelPlot(new Input(List.copyOf(forces), Optional.empty(), List.of()), Forces.withDefaults(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false, null);
    }

    /**
     * The funnel plot of a forces file of any kind (published figures, tallies, inspections).
     *
     * @param file the forces as read, their category chosen when read
     * @return the plot, with {@link Forces#withDefaults()}
     * @throws IllegalArgumentException if {@code file} is null
     */
    public static FunnelPlot of(ForcesFile file) {
        Args.notNull("file", file);
        return new FunnelPlot(new Input(List.of(), Optional.of(file), List.of()), Forces.withDefaults(),
                file.category(), Optional.empty(), Optional.empty(), Optional.empty(), false, null);
    }

    /**
     * The picture of an analysis already made: its forces, target, allowance and limits.
     *
     * @param result the analysis
     * @return the plot
     * @throws IllegalArgumentException if {@code result} is null
     */
    public static FunnelPlot of(ForcesResult result) {
        Args.notNull("result", result);
        Input input = new Input(List.of(), result.file(), result.file().isPresent() ? List.of()
                : result.forces().stream().map(ForceResult::figure).toList());
        return new FunnelPlot(input, result.procedure(), result.category(), Optional.empty(), Optional.empty(),
                Optional.empty(), false, draw(result, Optional.empty(), Optional.empty(), List.of()));
    }

    /**
     * One category's rates against audited counts; forces that did not audit it are left out
     * ({@link #leftOut()}). For plots of inspections only.
     *
     * @param name the category, matched under {@link Names}; stripped
     * @return a new plot with this one's other settings
     * @throws IllegalArgumentException if {@code name} is null or blank, or the plot is not of
     *                                  inspections (a file's category is chosen when it is read); when
     *                                  drawn, if no force audited it
     */
    public FunnelPlot category(String name) {
        Args.notBlank("category", name);
        if (input.inspections().isEmpty()) {
            throw new IllegalArgumentException("category ('" + name.strip() + "'): this plot's forces were read for "
                    + category.map(c -> "'" + c + "'").orElse("their rows") + "; read the file again for another category");
        }
        return copy(procedure, Optional.of(name.strip()), highlight, extra, customTitle, unadjusted);
    }

    /**
     * With other binomial limits (exact by default; see {@link FunnelLimits}): drawn when no allowance
     * applies, and with {@link #withUnadjusted(boolean)}.
     *
     * @param other how the binomial control limits are drawn
     * @return a new plot with this one's other settings
     * @throws IllegalArgumentException if {@code other} is null
     */
    public FunnelPlot with(FunnelLimits other) {
        return copy(procedure.with(other), category, highlight, extra, customTitle, unadjusted);
    }

    /**
     * With another over-dispersion allowance (additive by default).
     *
     * @param allowance the allowance
     * @return a new plot with this one's other settings
     * @throws IllegalArgumentException if {@code allowance} is null
     */
    public FunnelPlot with(Overdispersion allowance) {
        return copy(procedure.with(allowance), category, highlight, extra, customTitle, unadjusted);
    }

    /**
     * Analysed by another procedure (its target, allowance, winsorising, limits, ...).
     *
     * @param other the procedure
     * @return a new plot with this one's other settings
     * @throws IllegalArgumentException if {@code other} is null
     */
    public FunnelPlot with(Forces other) {
        Args.notNull("procedure", other);
        return copy(other, category, highlight, extra, customTitle, unadjusted);
    }

    /**
     * Around a given target instead of the pooled rate (a national target, or last year's rate).
     *
     * @param rate the rate the limits are drawn around, strictly between 0 and 1
     * @return a new plot with this one's other settings
     * @throws IllegalArgumentException if {@code rate} is not strictly between 0 and 1 (NaN fails)
     */
    public FunnelPlot withTarget(double rate) {
        return copy(procedure.withTarget(rate), category, highlight, extra, customTitle, unadjusted);
    }

    /**
     * Drawing the binomial limits (without allowance) too, in grey, beside the adjusted ones.
     *
     * @param show whether to draw them
     * @return a new plot with this one's other settings
     */
    public FunnelPlot withUnadjusted(boolean show) {
        return copy(procedure, category, highlight, extra, customTitle, show);
    }

    /**
     * With the force called {@code name} marked (a blue square, its name and where it lies in bold).
     * The name is checked when the plot is drawn: a name that matches no force (under {@link Names}) is
     * an error naming it and the nearest names.
     *
     * @param name the force's name
     * @return a new plot with this one's other settings
     * @throws IllegalArgumentException if {@code name} is null or blank
     */
    public FunnelPlot highlight(String name) {
        Args.notBlank("force", name);
        return copy(procedure, category, Optional.of(name.strip()), extra, customTitle, unadjusted);
    }

    /**
     * With one more force, highlighted, that is not part of the analysis (the force a report is about,
     * set against the others): placed against the others' target and limits. It is left out silently if
     * it did not audit the plot's category.
     *
     * @param name       the name it is plotted under
     * @param inspection its inspection
     * @return a new plot with this one's other settings
     * @throws IllegalArgumentException if {@code name} is null or blank or {@code inspection} is null
     */
    public FunnelPlot withExtra(String name, Inspection inspection) {
        Args.notBlank("name", name);
        Args.notNull("inspection", inspection);
        Inspection renamed = new Inspection(name.strip(), inspection.categories());
        Optional<ForceFigure> figure = category.isPresent() && !Names.isAllCrime(category.get())
                ? renamed.category(category.get()).map(c -> ForceFigure.of(renamed, category.get()))
                : Optional.of(ForceFigure.of(renamed));
        return copy(procedure, category, highlight, figure.isEmpty() ? Optional.empty() : figure, customTitle,
                unadjusted);
    }

    /**
     * With another title, instead of "Recording rates of N forces: category".
     *
     * @param title the title, drawn as given
     * @return a new plot with this one's other settings
     * @throws IllegalArgumentException if {@code title} is null or blank
     */
    public FunnelPlot withTitle(String title) {
        Args.notBlank("title", title);
        return copy(procedure, category, highlight, extra, Optional.of(title), unadjusted);
    }

    private Drawn drawn() {
        Drawn d = drawn;
        if (d == null) {
            synchronized (this) {
                d = drawn;
                if (d == null) {
                    d = compute();
                    drawn = d;
                }
            }
        }
        return d;
    }

    private Drawn compute() {
        List<String> leftOut = new ArrayList<>();
        ForcesResult result;
        if (!input.inspections().isEmpty()) {
            List<ForceFigure> figures = new ArrayList<>();
            for (Inspection force : input.inspections()) {
                if (category.isEmpty() || Names.isAllCrime(category.get())) {
                    figures.add(ForceFigure.of(force));
                } else if (force.category(category.get()).isPresent()) {
                    figures.add(ForceFigure.of(force, category.get()));
                } else {
                    leftOut.add(force.name());
                }
            }
            if (figures.isEmpty()) {
                throw new IllegalArgumentException("forces (" + input.inspections().size() + ") hold no inspection"
                        + category.map(c -> " with category '" + c + "'").orElse("") + " to plot");
            }
            result = procedure.analyse(new ForcesFile("forces", ForcesFile.Kind.INSPECTIONS,
                    Optional.of(category.orElse(Names.ALL_CRIME)), List.of(), figures, List.of(), List.of()));
        } else if (input.file().isPresent()) {
            result = procedure.analyse(input.file().get());
        } else {
            result = procedure.analyse(input.figures());
        }
        return draw(result, highlight, extra, leftOut);
    }

    private static Drawn draw(ForcesResult result, Optional<String> highlight, Optional<ForceFigure> extra,
                              List<String> leftOut) {
        Optional<ForceResult> marked = highlight.map(h -> result.require("highlight", h));
        List<FunnelPoint> points = new ArrayList<>();
        for (ForceResult f : result.forces()) {
            ForceResult.Limits l = f.limits();
            points.add(new FunnelPoint(f.name(), f.rate(), f.figure().effectiveAudited(), l.lower95(), l.upper95(),
                    l.lower998(), l.upper998(), marked.isPresent() && marked.get() == f));
        }
        extra.ifPresent(e -> {
            ForceResult.Limits l = result.limitsAt(e.effectiveAudited());
            points.add(new FunnelPoint(e.name(), e.rate(), e.effectiveAudited(), l.lower95(), l.upper95(), l.lower998(),
                    l.upper998(), true));
        });
        return new Drawn(result, List.copyOf(points), List.copyOf(leftOut));
    }

    /**
     * The analysis behind the picture: every force's z, limits, shrunken rate and rank.
     *
     * @return the result (the extra force is not part of it)
     * @throws IllegalArgumentException as {@link Forces#analyse(List)}, when first computed
     */
    public ForcesResult result() {
        return drawn().result();
    }

    /**
     * The target the limits are drawn around: the given one, else the pooled rate (the extra force not
     * counted).
     *
     * @return the rate, strictly between 0 and 1
     * @throws IllegalArgumentException as {@link #result()}
     */
    public double target() {
        return result().target();
    }

    /**
     * The binomial limits (drawn when no allowance applies).
     *
     * @return how the binomial control limits are drawn
     */
    public FunnelLimits limits() {
        return drawn != null ? drawn.result().limits() : result().limits();
    }

    /**
     * Every force plotted, in the order given (the extra force last), with its limits at its size.
     *
     * @return an unmodifiable list; forces left out of a category are not in it
     * @throws IllegalArgumentException as {@link #result()}, or for a highlight that names no force
     */
    public List<FunnelPoint> points() {
        return drawn().points();
    }

    /**
     * The forces beyond the 95% limits, lowest rate first: those a caption or reader should look at.
     *
     * @return the points with {@link FunnelPoint#beyond95()}; empty when none
     */
    public List<FunnelPoint> beyond95() {
        return points().stream().filter(FunnelPoint::beyond95).sorted(Comparator.comparingDouble(FunnelPoint::rate))
                .toList();
    }

    /**
     * Forces left out because they did not audit the category.
     *
     * @return their names, in the order given; empty for all crime
     */
    public List<String> leftOut() {
        return drawn().leftOut();
    }

    @Override
    public String title() {
        return customTitle.orElse("Recording rates of " + points().size() + " forces"
                + category.or(() -> result().category()).map(c -> ": " + c).orElse(""));
    }

    /**
     * What the plot shows and how the limits are drawn (Spiegelhalter 2005), with phi, tau2 and the
     * counts of forces beyond each limit.
     *
     * @return the caption, a few sentences
     */
    public String caption() {
        ForcesResult r = result();
        long beyond = points().stream().filter(FunnelPoint::beyond95).count();
        long far = points().stream().filter(FunnelPoint::beyond998).count();
        long unadjustedBeyond = r.forces().stream().filter(f -> f.outlierUnadjusted() != Outlier.NONE).count();
        String allowance = r.applied() == Overdispersion.NONE
                ? (r.overdispersion() == Overdispersion.NONE ? "no allowance for over-dispersion"
                        : "no over-dispersion found, so no allowance")
                : r.applied().token() + " allowance for over-dispersion";
        return String.format(Locale.ROOT, "%s against %s; target %s (%s); 95%% and 99.8%% limits with %s (%s; "
                        + "Spiegelhalter 2005). %d of %d forces beyond the 95%% limits, %d beyond 99.8%%"
                        + " (without the allowance: %d beyond 95%%).",
                "Rates", sizeName(), Percent.format(r.target()),
                r.targetGiven() ? "given" : "pooled rate", allowance, dispersionWords(r), beyond, points().size(), far,
                unadjustedBeyond);
    }

    private static String dispersionWords(ForcesResult r) {
        return String.format(Locale.ROOT, "phi %.3g, tau2 %.3g, between-force SD %.2f points", r.dispersion().phi(),
                r.dispersion().tau2(), 100 * Math.sqrt(r.dispersion().tau2()));
    }

    /** The x axis's quantity. */
    private String sizeName() {
        ForcesResult r = result();
        boolean published = r.forces().stream().anyMatch(f -> f.figure().tally().isEmpty())
                && r.file().map(f -> f.kind() == ForcesFile.Kind.PUBLISHED_FIGURES).orElse(false);
        if (published) {
            return "effective audited count implied by each published margin";
        }
        if (r.forces().stream().allMatch(f -> f.figure().tally().isPresent())) {
            return "audited crimes" + category.filter(c -> !Names.isAllCrime(c)).map(c -> " (" + c + ")").orElse("");
        }
        return "effective audited count (all crime: the simple random sample as precise as the force's audit)";
    }

    @Override
    public int width() {
        return (int) WIDTH;
    }

    @Override
    public int height() {
        return (int) HEIGHT;
    }

    /** Where the marks and labels are, in pixels at scale 1. */
    List<Mark> marks() {
        List<Mark> marks = new ArrayList<>();
        draw(new SvgCanvas(WIDTH, HEIGHT, title(), "funnel"), marks);
        return marks;
    }

    @Override
    void draw(Canvas canvas) {
        draw(canvas, new ArrayList<>());
    }

    private void draw(Canvas c, List<Mark> marks) {
        ForcesResult r = result();
        List<FunnelPoint> points = points();
        double target = r.target();
        boolean adjusted = r.applied() != Overdispersion.NONE;
        boolean grey = unadjusted && adjusted;
        Type titleType = new Type(TITLE, true, Anchor.START, Palette.BLACK);
        Type text = new Type(TEXT, false, Anchor.START, Palette.BLACK);
        Type greyText = new Type(TEXT, false, Anchor.START, Palette.DARK_GREY);
        Type tick = new Type(TICK, false, Anchor.MIDDLE, Palette.DARK_GREY);
        double y = MARGIN + TITLE * TextWidths.CAP_HEIGHT;
        c.text(MARGIN, y, title(), titleType);
        y += 10 + TEXT;
        c.text(MARGIN, y, String.format(Locale.ROOT, "target %s (%s); limits at 95%% and 99.8%%, %s (Spiegelhalter 2005)",
                Percent.format(target), r.targetGiven() ? "given" : "pooled rate",
                adjusted ? "widened for over-dispersion (" + r.applied().token() + ")" : r.limits().displayName()),
                greyText);

        // the y axis: every point and the target, with room
        double lo = target;
        double hi = target;
        double maxSize = 0;
        for (FunnelPoint p : points) {
            lo = Math.min(lo, p.rate);
            hi = Math.max(hi, p.rate);
            maxSize = Math.max(maxSize, p.size);
        }
        double pad = Math.max(0.01, (hi - lo) * 0.12);
        double plotTop = y + 22;
        // the legend, wrapped onto as many lines as the width needs, then the statement of phi and tau2
        List<String[]> legend = new ArrayList<>();
        legend.add(new String[] {"line", "target " + Percent.format(target)});
        legend.add(new String[] {"dashed", "95% limits"});
        legend.add(new String[] {"solid", "99.8% limits"});
        if (grey) {
            legend.add(new String[] {"grey", "without allowance (" + r.limits().displayName() + ")"});
        }
        legend.add(new String[] {"within", "within"});
        legend.add(new String[] {"beyond95", "beyond 95%"});
        legend.add(new String[] {"beyond998", "beyond 99.8%"});
        points.stream().filter(FunnelPoint::highlighted).findFirst()
                .ifPresent(p -> legend.add(new String[] {"highlighted", p.name}));
        List<List<String[]>> legendLines = new ArrayList<>();
        double used = Double.POSITIVE_INFINITY;
        for (String[] item : legend) {
            double itemWidth = 30 + text.width(item[1]);
            if (used + itemWidth > WIDTH - 2 * MARGIN) {
                legendLines.add(new ArrayList<>());
                used = 0;
            }
            legendLines.get(legendLines.size() - 1).add(item);
            used += itemWidth + 22;
        }
        String statement = String.format(Locale.ROOT, "over-dispersion: phi %.3g, tau2 %.3g (between-force SD %.2f "
                + "points); %s", r.dispersion().phi(), r.dispersion().tau2(), 100 * Math.sqrt(r.dispersion().tau2()),
                adjusted ? r.applied().token() + " allowance applied"
                        : r.overdispersion() == Overdispersion.NONE ? "no allowance asked for" : "none found, no allowance");
        double statementBaseline = HEIGHT - MARGIN;
        double legendBaseline = statementBaseline - TEXT - 8 - (legendLines.size() - 1) * (TEXT + 8);
        double axisTitleBaseline = legendBaseline - TEXT - 14;
        double plotBottom = axisTitleBaseline - TEXT * TextWidths.CAP_HEIGHT - 10 - TICK - 8;
        Axis yAxis = Axis.covering(100 * Math.max(0, lo - pad), 100 * Math.min(1, hi + pad), plotBottom, plotTop, 6);
        yAxis = new Axis(Math.max(0, yAxis.min()), Math.min(100, yAxis.max()), plotBottom, plotTop, yAxis.step());
        double tickWidth = 0;
        for (double t : yAxis.ticks()) {
            tickWidth = Math.max(tickWidth, tick.width(yAxis.label(t) + "%"));
        }
        double plotLeft = MARGIN + TEXT + 12 + tickWidth + 8;
        double plotRight = WIDTH - MARGIN;
        Axis xAxis = Axis.covering(0, maxSize * 1.04, plotLeft, plotRight, 8);
        xAxis = new Axis(0, xAxis.max(), plotLeft, plotRight, xAxis.step());

        // grid, ticks and axis titles
        for (double t : yAxis.ticks()) {
            double py = yAxis.px(t);
            c.line(plotLeft, py, plotRight, py, Pen.solid(Palette.LIGHT_GREY, 1));
            c.text(plotLeft - 8, py + TICK * TextWidths.CAP_HEIGHT / 2, yAxis.label(t) + "%", tick.at(Anchor.END));
        }
        for (double t : xAxis.ticks()) {
            double px = xAxis.px(t);
            c.line(px, plotTop, px, plotBottom, Pen.solid(Palette.LIGHT_GREY, 1));
            c.text(px, plotBottom + 8 + TICK * TextWidths.CAP_HEIGHT, xAxis.label(t), tick);
        }
        c.rect(plotLeft, plotTop, plotRight - plotLeft, plotBottom - plotTop, Canvas.NONE, Pen.solid(Palette.DARK_GREY, 1));
        c.text((plotLeft + plotRight) / 2, axisTitleBaseline, sizeName(), text.at(Anchor.MIDDLE));
        c.textUp(MARGIN + TEXT * TextWidths.CAP_HEIGHT, (plotTop + plotBottom) / 2,
                "recording rate (percent)" + category.filter(k -> !Names.isAllCrime(k)).map(k -> ", " + k).orElse(""),
                text.at(Anchor.MIDDLE));

        // target and limits, clipped to the plot
        c.clip(plotLeft, plotTop, plotRight - plotLeft, plotBottom - plotTop);
        c.line(plotLeft, yAxis.px(100 * target), plotRight, yAxis.px(100 * target), Pen.solid(Palette.BLACK, 1.5));
        // from a third of the smallest force's size: further left the exact limits near 0 and 1 show little but their steps
        double smallest = points.stream().mapToDouble(FunnelPoint::size).min().orElse(1);
        double start = Math.max(1, smallest / 3);
        // at whole sizes only: Spiegelhalter's interpolation runs smoothly from one whole n to the next,
        // while between them its extension to real n wobbles (visible for small categories)
        long first = (long) Math.ceil(start);
        long last = Math.max(first, (long) Math.floor(xAxis.max()));
        long step = Math.max(1, (last - first) / CURVE_POINTS);
        int count = (int) ((last - first) / step) + 1;
        double[] xs = new double[count];
        double[][] curves = new double[4][count];
        double[][] greyCurves = new double[4][count];
        for (int i = 0; i < count; i++) {
            double n = first + i * step;
            xs[i] = xAxis.px(n);
            ForceResult.Limits l = r.limitsAt(n);
            curves[0][i] = yAxis.px(100 * l.lower95());
            curves[1][i] = yAxis.px(100 * l.upper95());
            curves[2][i] = yAxis.px(100 * l.lower998());
            curves[3][i] = yAxis.px(100 * l.upper998());
            if (grey) {
                ForceResult.Limits u = r.unadjustedLimitsAt(n);
                greyCurves[0][i] = yAxis.px(100 * u.lower95());
                greyCurves[1][i] = yAxis.px(100 * u.upper95());
                greyCurves[2][i] = yAxis.px(100 * u.lower998());
                greyCurves[3][i] = yAxis.px(100 * u.upper998());
            }
        }
        if (grey) {
            for (double[] curve : greyCurves) {
                c.polyline(xs, curve, Pen.dashed(Palette.GREY, 1, 2, 3));
            }
        }
        c.polyline(xs, curves[0], Pen.dashed(Palette.BLUE, 1.5, 6, 4));
        c.polyline(xs, curves[1], Pen.dashed(Palette.BLUE, 1.5, 6, 4));
        c.polyline(xs, curves[2], Pen.solid(Palette.BLUE, 1.5));
        c.polyline(xs, curves[3], Pen.solid(Palette.BLUE, 1.5));
        c.unclip();

        // points: within first, so that the ones that matter are on top
        List<FunnelPoint> order = new ArrayList<>(points);
        order.sort(Comparator.comparingInt(p -> p.highlighted ? 3 : p.beyond998() ? 2 : p.beyond95() ? 1 : 0));
        List<double[]> taken = new ArrayList<>();
        for (FunnelPoint p : points) {
            double px = xAxis.px(p.size);
            double py = yAxis.px(100 * p.rate);
            double r2 = p.highlighted ? RADIUS + 3 : RADIUS;
            taken.add(new double[] {px - r2, py - r2, 2 * r2, 2 * r2});
        }
        List<Mark> drawnMarks = new ArrayList<>();
        for (FunnelPoint p : order) {
            double px = xAxis.px(p.size);
            double py = yAxis.px(100 * p.rate);
            int rgb = p.highlighted ? Palette.BLUE : p.beyond998() ? Palette.VERMILLION
                    : p.beyond95() ? Palette.ORANGE : Palette.GREY;
            if (p.highlighted) {
                // a bigger square, ringed: found at a glance, inside or beyond the limits
                c.rect(px - RADIUS - 3, py - RADIUS - 3, 2 * RADIUS + 6, 2 * RADIUS + 6, rgb, Pen.solid(Palette.BLACK, 2));
            } else {
                c.circle(px, py, RADIUS, rgb, Pen.solid(p.beyond95() ? Palette.BLACK : Palette.DARK_GREY, 0.8));
            }
            drawnMarks.add(new Mark(p.name, px, py, rgb, Optional.empty()));
        }
        // labels, the highlighted force first, then the most extreme, each where it overlaps nothing placed
        List<Mark> labelled = new ArrayList<>();
        List<FunnelPoint> toLabel = new ArrayList<>(points.stream().filter(p -> p.beyond95() || p.highlighted).toList());
        toLabel.sort(Comparator.comparingInt((FunnelPoint p) -> p.highlighted ? 0 : p.beyond998() ? 1 : 2)
                .thenComparingDouble(p -> -Math.abs(p.rate - target)));
        for (FunnelPoint p : toLabel) {
            double px = xAxis.px(p.size);
            double py = yAxis.px(100 * p.rate);
            Type type = new Type(LABEL, p.highlighted, Anchor.START, Palette.BLACK);
            String label = p.highlighted ? p.name + ": " + p.where() : p.name;
            double w = type.width(label);
            double h = LABEL * TextWidths.CAP_HEIGHT;
            double[] box = place(px, py, w, h, plotLeft, plotTop, plotRight, plotBottom, taken);
            taken.add(box);
            if (box.length > 4 && box[4] > 0) {
                // far from its point: a leader line from the point's edge to the label's nearest side
                double lx = Math.max(box[0], Math.min(box[0] + box[2], px));
                double ly = py < box[1] ? box[1] - 1 : py > box[1] + box[3] ? box[1] + box[3] + 1 : py;
                double dx = lx - px;
                double dy = ly - py;
                double length = Math.hypot(dx, dy);
                if (length > RADIUS + 2) {
                    c.line(px + dx / length * (RADIUS + 1), py + dy / length * (RADIUS + 1), lx, ly,
                            Pen.solid(Palette.DARK_GREY, 0.8));
                }
            }
            c.text(box[0], box[1] + box[3], label, type);
            labelled.add(new Mark(p.name, px, py, 0, Optional.of(new double[] {box[0], box[1], box[2], box[3]})));
        }
        for (Mark m : drawnMarks) {
            Optional<double[]> label = labelled.stream().filter(l -> l.name().equals(m.name()) && l.x() == m.x()
                    && l.y() == m.y()).findFirst().flatMap(Mark::label);
            marks.add(new Mark(m.name(), m.x(), m.y(), m.rgb(), label));
        }

        // legend, then the statement of phi and tau2
        for (int line = 0; line < legendLines.size(); line++) {
            double baseline = legendBaseline + line * (TEXT + 8);
            double lx = MARGIN;
            double ly = baseline - TEXT * TextWidths.CAP_HEIGHT / 2;
            for (String[] item : legendLines.get(line)) {
                switch (item[0]) {
                    case "line" -> c.line(lx, ly, lx + 24, ly, Pen.solid(Palette.BLACK, 1.5));
                    case "dashed" -> c.line(lx, ly, lx + 24, ly, Pen.dashed(Palette.BLUE, 1.5, 6, 4));
                    case "solid" -> c.line(lx, ly, lx + 24, ly, Pen.solid(Palette.BLUE, 1.5));
                    case "grey" -> c.line(lx, ly, lx + 24, ly, Pen.dashed(Palette.GREY, 1, 2, 3));
                    case "within" -> c.circle(lx + 12, ly, RADIUS, Palette.GREY, Pen.solid(Palette.DARK_GREY, 0.8));
                    case "beyond95" -> c.circle(lx + 12, ly, RADIUS, Palette.ORANGE, Pen.solid(Palette.BLACK, 0.8));
                    case "beyond998" -> c.circle(lx + 12, ly, RADIUS, Palette.VERMILLION, Pen.solid(Palette.BLACK, 0.8));
                    default -> c.rect(lx + 12 - RADIUS - 1, ly - RADIUS - 1, 2 * RADIUS + 2, 2 * RADIUS + 2, Palette.BLUE,
                            Pen.solid(Palette.BLACK, 2));
                }
                c.text(lx + 30, baseline, item[1], text);
                lx += 30 + text.width(item[1]) + 22;
            }
        }
        c.text(MARGIN, statementBaseline, statement, greyText);
    }

    /**
     * A label's box (x, y, width, height, far; y at its top; far 1 when it needs a leader line) near a
     * point: the first place, of eight around it and then of rings further out, that stays inside the
     * plot and overlaps no box taken; else the one that overlaps least.
     */
    static double[] place(double px, double py, double w, double h, double left, double top, double right,
                          double bottom, List<double[]> taken) {
        double[] best = null;
        double bestOverlap = Double.POSITIVE_INFINITY;
        double[] rings = {0, 14, 30, 50, 75};
        for (int ring = 0; ring < rings.length; ring++) {
            double gap = RADIUS + 3 + rings[ring];
            double[][] candidates = {
                {px + gap, py - h / 2}, {px - gap - w, py - h / 2}, {px + gap, py - gap - h}, {px + gap, py + gap},
                {px - gap - w, py - gap - h}, {px - gap - w, py + gap}, {px - w / 2, py - gap - h}, {px - w / 2, py + gap}};
            for (double[] xy : candidates) {
                double x = Math.max(left + 2, Math.min(right - 2 - w, xy[0]));
                double y = Math.max(top + 2, Math.min(bottom - 2 - h, xy[1]));
                double[] box = {x, y, w, h, ring > 0 ? 1 : 0};
                double overlap = 0;
                for (double[] other : taken) {
                    overlap += overlap(box, other);
                }
                if (overlap == 0) {
                    return box;
                }
                if (overlap < bestOverlap) {
                    bestOverlap = overlap;
                    best = box;
                }
            }
        }
        return best;
    }

    /** The area two boxes share, with a pixel of room around labels. */
    static double overlap(double[] a, double[] b) {
        double w = Math.min(a[0] + a[2] + 1, b[0] + b[2] + 1) - Math.max(a[0] - 1, b[0] - 1);
        double h = Math.min(a[1] + a[3] + 1, b[1] + b[3] + 1) - Math.max(a[1] - 1, b[1] - 1);
        return w > 0 && h > 0 ? w * h : 0;
    }

    @Override
    public String toString() {
        return title() + ": target " + Percent.format(target()) + ", " + beyond95().size() + " of " + points().size()
                + " forces beyond the 95% limits";
    }
}
