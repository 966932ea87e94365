package org.recordingrate.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.recordingrate.format.Percent;
import org.recordingrate.internal.Args;
import org.recordingrate.model.AuditedCategory;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Names;
import org.recordingrate.report.Canvas.Anchor;
import org.recordingrate.report.Canvas.Pen;
import org.recordingrate.report.Canvas.Type;

/**
 * The funnel plot of many forces (Spiegelhalter 2005): each force's recording rate against its
 * audited count, with the national rate and the 95% and 99.8% control limits around it; forces
 * beyond the 95% limits are labelled, and coloured orange (beyond 95%) or vermillion (beyond 99.8%).
 *
 * <p><b>What is plotted.</b> For one category ({@link #category(String)}): the rate x/n against
 * the audited count n. For all crime (the default): the volume-weighted rate sum W<sub>h</sub>
 * p<sub>h</sub> against the effective audited count n<sub>eff</sub> = 1 / sum W<sub>h</sub>&sup2; /
 * n<sub>h</sub>, the simple random sample with the same binomial variance when every category's rate
 * is the national rate (the null hypothesis of the plot), so that a force's precision does not depend
 * on its own rate (Spiegelhalter 2005, section 2). The national rate is the volume-weighted rate of
 * all forces together, sum over forces and categories of volume x rate / total volume (the share of
 * the nation's crimes recorded), unless {@link #withTarget(double)} sets it.
 *
 * <p><b>The limits</b> are those of {@link FunnelLimits} at the national rate: exact binomial with
 * Spiegelhalter's interpolation by default. A force is beyond a limit when its rate is strictly
 * outside it.
 *
 * <pre>{@code
 * FunnelPlot.of(InspectionFile.read(Path.of("forces-2022.csv"))).write(Path.of("funnel.png"));
 * FunnelPlot.of(forces).category("violence").with(FunnelLimits.NORMAL).svg();
 * }</pre>
 *
 * <p>Immutable; the layout depends only on the data and texts ({@link TextWidths}).
 */
public final class FunnelPlot extends Plot {

    private static final double WIDTH = 900;
    private static final double HEIGHT = 600;
    private static final double MARGIN = 20;
    private static final double TITLE = 18;
    private static final double TEXT = 13;
    private static final double TICK = 12;
    private static final double LABEL = 12;
    private static final double RADIUS = 4.5;
    private static final int CURVE_POINTS = 300;
    /** The two coverages of the limits. */
    static final double INNER = 0.95;
    static final double OUTER = 0.998;

    /**
     * One force on the plot, with the limits at its size.
     *
     * @param name        the force (the inspection's name)
     * @param rate        its rate
     * @param size        its audited count, or effective audited count for all crime
     * @param lower95     the lower 95% limit at its size
     * @param upper95     the upper 95% limit
     * @param lower998    the lower 99.8% limit
     * @param upper998    the upper 99.8% limit
     * @param highlighted whether it is the force a report is about
     */
    public record FunnelPoint(String name, double rate, double size, double lower95, double upper95, double lower998,
                              double upper998, boolean highlighted) {

        /**
         * Whether the force lies strictly outside the 95% limits (about 1 force in 20 would by chance
         * alone, were every force recording at the national rate).
         *
         * @return {@code rate < lower95 || rate > upper95}; false on a limit
         */
        public boolean beyond95() {
            return rate < lower95 || rate > upper95;
        }

        /**
         * Whether the force lies strictly outside the 99.8% limits (about 1 force in 500 by chance).
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

        /** {@code "force 07: 84.1% at 512 audited, below the 99.8% limit (86.0%)"}. */
        @Override
        public String toString() {
            String where = beyond998() ? (rate > upper998 ? "above the 99.8% limit (" + Percent.format(upper998)
                    : "below the 99.8% limit (" + Percent.format(lower998)) + ")"
                    : beyond95() ? (above() ? "above the 95% limit (" + Percent.format(upper95)
                            : "below the 95% limit (" + Percent.format(lower95)) + ")" : "within the limits";
            return String.format(Locale.ROOT, "%s: %s at %,.0f audited, %s", name, Percent.format(rate), size, where);
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

    private record Source(String name, double rate, double size, double volume, double recordedVolume,
                          boolean highlighted, boolean inTarget) {
    }

    private final List<Inspection> forces;
    private final Optional<String> category;
    private final FunnelLimits limits;
    private final Optional<Double> fixedTarget;
    private final Optional<String> highlight;
    private final Optional<Inspection> extra;
    private final Optional<String> customTitle;
    private final List<String> leftOut;
    private final double target;
    private final List<FunnelPoint> points;

    private FunnelPlot(List<Inspection> forces, Optional<String> category, FunnelLimits limits,
                       Optional<Double> fixedTarget, Optional<String> highlight, Optional<Inspection> extra,
                       Optional<String> customTitle) {
        this.forces = forces;
        this.category = category;
        this.limits = limits;
        this.fixedTarget = fixedTarget;
        this.highlight = highlight;
        this.extra = extra;
        this.customTitle = customTitle;
        List<Source> sources = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Inspection force : forces) {
            Optional<Source> source = source(force, highlight.map(h -> Names.same(h, force.name())).orElse(false), true);
            if (source.isPresent()) {
                sources.add(source.get());
            } else {
                missing.add(force.name());
            }
        }
        extra.flatMap(e -> source(e, true, false)).ifPresent(sources::add);
        if (sources.stream().noneMatch(Source::inTarget)) {
            throw new IllegalArgumentException("forces (" + forces.size() + ") hold no inspection"
                    + category.map(c -> " with category '" + c + "'").orElse("") + " to plot");
        }
        this.leftOut = List.copyOf(missing);
        double volume = 0;
        double recorded = 0;
        for (Source s : sources) {
            if (s.inTarget) {
                volume += s.volume;
                recorded += s.recordedVolume;
            }
        }
        this.target = fixedTarget.orElse(recorded / volume);
        if (!(target > 0 && target < 1)) {
            throw new IllegalArgumentException("national rate (" + target + ") must lie strictly between 0 and 1 for "
                    + "control limits: every force recorded all, or none, of its audited crimes");
        }
        List<FunnelPoint> list = new ArrayList<>();
        for (Source s : sources) {
            list.add(new FunnelPoint(s.name, s.rate, s.size, limits.lower(target, s.size, INNER),
                    limits.upper(target, s.size, INNER), limits.lower(target, s.size, OUTER),
                    limits.upper(target, s.size, OUTER), s.highlighted));
        }
        this.points = List.copyOf(list);
    }

    /** A force's point: all crime, or the chosen category (empty when the force did not audit it). */
    private Optional<Source> source(Inspection force, boolean highlighted, boolean inTarget) {
        if (category.isPresent()) {
            Optional<AuditedCategory> c = force.category(category.get());
            return c.map(a -> new Source(force.name(), a.tally().rate(), a.tally().audited(), a.volume(),
                    a.volume() * a.tally().rate(), highlighted, inTarget));
        }
        double total = force.totalVolume();
        double rate = 0;
        double inverse = 0;
        for (AuditedCategory c : force.categories()) {
            double w = c.volume() / total;
            rate += w * c.tally().rate();
            inverse += w * w / c.tally().audited();
        }
        return Optional.of(new Source(force.name(), rate, 1 / inverse, total, total * rate, highlighted, inTarget));
    }

    /**
     * The funnel plot of every force's all-crime rate, exact binomial limits.
     *
     * @param forces one inspection per force (a file with an {@code inspection} column, say); copied
     * @return the plot around the volume-weighted national rate of all the forces
     * @throws IllegalArgumentException if the list is null or empty, or the national rate is 0 or 1
     *                                  (no control limits then)
     * @throws NullPointerException     if the list holds a null
     */
    public static FunnelPlot of(List<Inspection> forces) {
        Args.notNull("forces", forces);
        if (forces.isEmpty()) {
            throw new IllegalArgumentException("forces (none) must hold at least one inspection");
        }
        return new FunnelPlot(List.copyOf(forces), Optional.empty(), FunnelLimits.EXACT_BINOMIAL, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * One category's rates against audited counts; forces that did not audit it are left out
     * ({@link #leftOut()}). The national rate becomes that category's volume-weighted rate, unless
     * one was given by {@link #withTarget}.
     *
     * @param name the category, matched under {@link Names}; stripped
     * @return a new plot with this one's other settings
     * @throws IllegalArgumentException if {@code name} is null or blank, no force audited it, or the
     *                                  category's national rate is 0 or 1
     */
    public FunnelPlot category(String name) {
        Args.notBlank("category", name);
        return new FunnelPlot(forces, Optional.of(name.strip()), limits, fixedTarget, highlight, extra, customTitle);
    }

    /**
     * With other limits (exact binomial by default; see {@link FunnelLimits}).
     *
     * @param other how the control limits are drawn
     * @return a new plot with this one's other settings
     * @throws IllegalArgumentException if {@code other} is null
     */
    public FunnelPlot with(FunnelLimits other) {
        Args.notNull("limits", other);
        return new FunnelPlot(forces, category, other, fixedTarget, highlight, extra, customTitle);
    }

    /**
     * Around a given national rate instead of the forces' own (a target, or last year's rate).
     *
     * @param rate the rate the limits are drawn around, strictly between 0 and 1
     * @return a new plot with this one's other settings
     * @throws IllegalArgumentException if {@code rate} is not strictly between 0 and 1 (NaN fails)
     */
    public FunnelPlot withTarget(double rate) {
        Args.openUnit("national rate", rate);
        return new FunnelPlot(forces, category, limits, Optional.of(rate), highlight, extra, customTitle);
    }

    /**
     * With the force called {@code name} marked (a blue square, its name in bold) and labelled. A name
     * that matches no force (under {@link Names}) highlights nothing.
     *
     * @param name the force's name
     * @return a new plot with this one's other settings
     * @throws IllegalArgumentException if {@code name} is null or blank
     */
    public FunnelPlot highlight(String name) {
        Args.notBlank("force", name);
        return new FunnelPlot(forces, category, limits, fixedTarget, Optional.of(name), extra, customTitle);
    }

    /**
     * With one more force, highlighted, that does not count towards the national rate (the force a
     * report is about, set against the others). It is left out silently if it did not audit the
     * plot's category.
     *
     * @param name       the name it is plotted under
     * @param inspection its inspection, renamed to {@code name}
     * @return a new plot with this one's other settings
     * @throws IllegalArgumentException if {@code name} is null or blank or {@code inspection} is null
     */
    public FunnelPlot withExtra(String name, Inspection inspection) {
        Args.notBlank("name", name);
        Args.notNull("inspection", inspection);
        return new FunnelPlot(forces, category, limits, fixedTarget, highlight,
                Optional.of(new Inspection(name, inspection.categories())), customTitle);
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
        return new FunnelPlot(forces, category, limits, fixedTarget, highlight, extra, Optional.of(title));
    }

    /**
     * The national rate the limits are drawn around: the given one, else the forces' volume-weighted
     * rate, sum of recorded volume over sum of volume (the extra force not counted).
     *
     * @return the rate, strictly between 0 and 1
     */
    public double target() {
        return target;
    }

    /**
     * The limits used.
     *
     * @return how the control limits are drawn
     */
    public FunnelLimits limits() {
        return limits;
    }

    /**
     * Every force plotted, in the order given (the extra force last), with its limits at its size.
     *
     * @return an unmodifiable list; forces left out of a category are not in it
     */
    public List<FunnelPoint> points() {
        return points;
    }

    /**
     * The forces beyond the 95% limits, lowest rate first: those a caption or reader should look at.
     *
     * @return the points with {@link FunnelPoint#beyond95()}; empty when none
     */
    public List<FunnelPoint> beyond95() {
        return points.stream().filter(FunnelPoint::beyond95).sorted(Comparator.comparingDouble(FunnelPoint::rate)).toList();
    }

    /**
     * Forces left out because they did not audit the category.
     *
     * @return their names, in the order given; empty for all crime
     */
    public List<String> leftOut() {
        return leftOut;
    }

    @Override
    public String title() {
        return customTitle.orElse("Recording rates of " + points.size() + " forces: "
                + category.orElse("all crime"));
    }

    /**
     * What the plot shows and how the limits are drawn (Spiegelhalter 2005, "Funnel plots for
     * comparing institutional performance", Statistics in Medicine 24, 1185-1202), with the counts
     * of forces beyond each limit.
     *
     * @return the caption, two sentences
     */
    public String caption() {
        long beyond = points.stream().filter(FunnelPoint::beyond95).count();
        long far = points.stream().filter(FunnelPoint::beyond998).count();
        return String.format(Locale.ROOT, "%s against %s; national rate %s%s; %s limits (Spiegelhalter 2005) at 95%% "
                        + "and 99.8%%. %d of %d forces beyond the 95%% limits, %d beyond 99.8%%.",
                category.isPresent() ? "Rates" : "All-crime rates (volume-weighted)", sizeName(), Percent.format(target),
                fixedTarget.isPresent() ? " (given)" : " (volume-weighted, all forces)", limits.displayName(), beyond,
                points.size(), far);
    }

    private String sizeName() {
        return category.isPresent() ? "audited count" : "effective audited count";
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

    private static final List<String[]> LEGEND = List.of(new String[] {"line", "national rate"},
            new String[] {"dashed", "95% limits"}, new String[] {"solid", "99.8% limits"},
            new String[] {"within", "within"}, new String[] {"beyond95", "beyond 95%"},
            new String[] {"beyond998", "beyond 99.8%"});

    private void draw(Canvas c, List<Mark> marks) {
        Type titleType = new Type(TITLE, true, Anchor.START, Palette.BLACK);
        Type text = new Type(TEXT, false, Anchor.START, Palette.BLACK);
        Type grey = new Type(TEXT, false, Anchor.START, Palette.DARK_GREY);
        Type tick = new Type(TICK, false, Anchor.MIDDLE, Palette.DARK_GREY);
        double y = MARGIN + TITLE * TextWidths.CAP_HEIGHT;
        c.text(MARGIN, y, title(), titleType);
        y += 10 + TEXT;
        c.text(MARGIN, y, String.format(Locale.ROOT, "national rate %s; %s limits at 95%% and 99.8%% (Spiegelhalter 2005)",
                Percent.format(target), limits.displayName()), grey);

        // the y axis: every point and the national rate, with room
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
        // the legend, wrapped onto as many lines as the width needs, under the axis title
        List<String[]> legend = new ArrayList<>(LEGEND);
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
        double legendBaseline = HEIGHT - MARGIN - (legendLines.size() - 1) * (TEXT + 8);
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
        c.text((plotLeft + plotRight) / 2, axisTitleBaseline, sizeName() + (category.isPresent() ? ""
                : " (1 / sum of squared volume shares over audited counts)"), text.at(Anchor.MIDDLE));
        c.textUp(MARGIN + TEXT * TextWidths.CAP_HEIGHT, (plotTop + plotBottom) / 2,
                "recording rate (percent)" + (category.isPresent() ? ", " + category.get() : ""), text.at(Anchor.MIDDLE));

        // national rate and limits, clipped to the plot
        c.clip(plotLeft, plotTop, plotRight - plotLeft, plotBottom - plotTop);
        c.line(plotLeft, yAxis.px(100 * target), plotRight, yAxis.px(100 * target), Pen.solid(Palette.BLACK, 1.5));
        // from a third of the smallest force's size: further left the exact limits near 0 and 1 show little but their steps
        double smallest = points.stream().mapToDouble(FunnelPoint::size).min().orElse(1);
        double start = Math.max(1, smallest / 3);
        // at whole sizes only: Spiegelhalter's interpolation runs smoothly from one whole n to the next,
        // while between them its extension to real n wobbles (visible for small categories)
        long first = (long) Math.ceil(start);
        long last = (long) Math.floor(xAxis.max());
        long step = Math.max(1, (last - first) / CURVE_POINTS);
        int count = (int) ((last - first) / step) + 1;
        double[] xs = new double[count];
        double[][] curves = new double[4][count];
        for (int i = 0; i < count; i++) {
            double n = first + i * step;
            xs[i] = xAxis.px(n);
            curves[0][i] = yAxis.px(100 * limits.lower(target, n, INNER));
            curves[1][i] = yAxis.px(100 * limits.upper(target, n, INNER));
            curves[2][i] = yAxis.px(100 * limits.lower(target, n, OUTER));
            curves[3][i] = yAxis.px(100 * limits.upper(target, n, OUTER));
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
            taken.add(new double[] {px - RADIUS, py - RADIUS, 2 * RADIUS, 2 * RADIUS});
        }
        List<Mark> drawn = new ArrayList<>();
        for (FunnelPoint p : order) {
            double px = xAxis.px(p.size);
            double py = yAxis.px(100 * p.rate);
            int rgb = p.highlighted ? Palette.BLUE : p.beyond998() ? Palette.VERMILLION
                    : p.beyond95() ? Palette.ORANGE : Palette.GREY;
            if (p.highlighted) {
                c.rect(px - RADIUS - 1, py - RADIUS - 1, 2 * RADIUS + 2, 2 * RADIUS + 2, rgb, Pen.solid(Palette.BLACK, 1));
            } else {
                c.circle(px, py, RADIUS, rgb, Pen.solid(p.beyond95() ? Palette.BLACK : Palette.DARK_GREY, 0.8));
            }
            drawn.add(new Mark(p.name, px, py, rgb, Optional.empty()));
        }
        // labels, most extreme first, each where it overlaps nothing already placed
        List<Mark> labelled = new ArrayList<>();
        List<FunnelPoint> toLabel = new ArrayList<>(points.stream().filter(p -> p.beyond95() || p.highlighted).toList());
        toLabel.sort(Comparator.comparingInt((FunnelPoint p) -> p.highlighted ? 0 : p.beyond998() ? 1 : 2)
                .thenComparingDouble(p -> -Math.abs(p.rate - target)));
        for (FunnelPoint p : toLabel) {
            double px = xAxis.px(p.size);
            double py = yAxis.px(100 * p.rate);
            Type type = new Type(LABEL, p.highlighted, Anchor.START, Palette.BLACK);
            double w = type.width(p.name);
            double h = LABEL * TextWidths.CAP_HEIGHT;
            double[] box = place(px, py, w, h, plotLeft, plotTop, plotRight, plotBottom, taken);
            taken.add(box);
            c.text(box[0], box[1] + box[3], p.name, type);
            labelled.add(new Mark(p.name, px, py, 0, Optional.of(box)));
        }
        for (Mark m : drawn) {
            Optional<double[]> label = labelled.stream().filter(l -> l.name().equals(m.name()) && l.x() == m.x()
                    && l.y() == m.y()).findFirst().flatMap(Mark::label);
            marks.add(new Mark(m.name(), m.x(), m.y(), m.rgb(), label));
        }

        // legend
        for (int line = 0; line < legendLines.size(); line++) {
            double baseline = legendBaseline + line * (TEXT + 8);
            double lx = MARGIN;
            double ly = baseline - TEXT * TextWidths.CAP_HEIGHT / 2;
            for (String[] item : legendLines.get(line)) {
                switch (item[0]) {
                    case "line" -> c.line(lx, ly, lx + 24, ly, Pen.solid(Palette.BLACK, 1.5));
                    case "dashed" -> c.line(lx, ly, lx + 24, ly, Pen.dashed(Palette.BLUE, 1.5, 6, 4));
                    case "solid" -> c.line(lx, ly, lx + 24, ly, Pen.solid(Palette.BLUE, 1.5));
                    case "within" -> c.circle(lx + 12, ly, RADIUS, Palette.GREY, Pen.solid(Palette.DARK_GREY, 0.8));
                    case "beyond95" -> c.circle(lx + 12, ly, RADIUS, Palette.ORANGE, Pen.solid(Palette.BLACK, 0.8));
                    case "beyond998" -> c.circle(lx + 12, ly, RADIUS, Palette.VERMILLION, Pen.solid(Palette.BLACK, 0.8));
                    default -> c.rect(lx + 12 - RADIUS - 1, ly - RADIUS - 1, 2 * RADIUS + 2, 2 * RADIUS + 2, Palette.BLUE,
                            Pen.solid(Palette.BLACK, 1));
                }
                c.text(lx + 30, baseline, item[1], text);
                lx += 30 + text.width(item[1]) + 22;
            }
        }
    }

    /**
     * A label's box (x, y, width, height; y at its top) near a point: the first place of eight
     * around it that stays inside the plot and overlaps no box taken, else the one that overlaps
     * least.
     */
    static double[] place(double px, double py, double w, double h, double left, double top, double right,
                          double bottom, List<double[]> taken) {
        double gap = RADIUS + 3;
        double[][] candidates = {
            {px + gap, py - h / 2}, {px - gap - w, py - h / 2}, {px + gap, py - gap - h}, {px + gap, py + gap},
            {px - gap - w, py - gap - h}, {px - gap - w, py + gap}, {px - w / 2, py - gap - h}, {px - w / 2, py + gap}};
        double[] best = null;
        double bestOverlap = Double.POSITIVE_INFINITY;
        for (double[] xy : candidates) {
            double x = Math.max(left + 2, Math.min(right - 2 - w, xy[0]));
            double y = Math.max(top + 2, Math.min(bottom - 2 - h, xy[1]));
            double[] box = {x, y, w, h};
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
        return title() + ": national rate " + Percent.format(target) + ", " + beyond95().size() + " of " + points.size()
                + " forces beyond the 95% limits";
    }
}
