package org.recordingrate.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.recordingrate.estimate.RateEstimator;
import org.recordingrate.format.Percent;
import org.recordingrate.internal.Args;
import org.recordingrate.internal.Normal;
import org.recordingrate.model.Interval;
import org.recordingrate.report.Canvas.Anchor;
import org.recordingrate.report.Canvas.Pen;
import org.recordingrate.report.Canvas.Type;
import org.recordingrate.trend.Observation;
import org.recordingrate.trend.Trend;

/**
 * Recording rates over time: for each series (a category, or all crime, of one force) its inspections
 * as marks with their 95% intervals (Wilson for a tally, the published "+/-" for a figure, the binomial
 * rate &plusmn; 1.96 se for an all-crime estimate), and its fitted trend line with the line's pointwise
 * interval at the trend's level as a pale band. Series are told apart by colour (Okabe-Ito) and by the
 * shape of their marks, and the legend gives each one's slope in points a year, its interval and the
 * test's p-value.
 *
 * <pre>{@code
 * TrendPlot.of(List.of(violence, allCrime)).write(Path.of("trend.png"));
 * }</pre>
 *
 * <p>Immutable; the layout depends only on the data and texts ({@link TextWidths}).
 */
public final class TrendPlot extends Plot {

    /** The most series one picture holds: one colour and one shape each. */
    public static final int MAX_SERIES = 6;

    private static final double WIDTH = 900;
    private static final double HEIGHT = 560;
    private static final double MARGIN = 20;
    private static final double TITLE = 18;
    private static final double TEXT = 13;
    private static final double TICK = 12;
    private static final double RADIUS = 4.5;
    private static final int[] COLOURS = {Palette.BLUE, Palette.ORANGE, Palette.BLUISH_GREEN, Palette.VERMILLION,
        Palette.REDDISH_PURPLE, Palette.BLACK};

    /**
     * A mark where the layout put it (for the tests of the committed picture).
     *
     * @param series the series' index
     * @param x      the mark's centre, pixels at scale 1
     * @param y      the mark's centre
     * @param rgb    its colour
     */
    record Mark(int series, double x, double y, int rgb) {
    }

    private final List<Trend> trends;
    private final Optional<String> customTitle;

    private TrendPlot(List<Trend> trends, Optional<String> customTitle) {
        this.trends = trends;
        this.customTitle = customTitle;
    }

    /**
     * The picture of these trends.
     *
     * @param trends one to {@value #MAX_SERIES} series, in legend order; copied
     * @return the plot
     * @throws IllegalArgumentException if the list is null, empty, longer than {@value #MAX_SERIES} or holds null
     */
    public static TrendPlot of(List<Trend> trends) {
        Args.notNull("trends", trends);
        if (trends.isEmpty() || trends.size() > MAX_SERIES) {
            throw new IllegalArgumentException("trends (" + trends.size() + ") must be 1 to " + MAX_SERIES
                    + " series in one picture: choose a force or a category");
        }
        for (Trend trend : trends) {
            Args.notNull("trend", trend);
        }
        return new TrendPlot(List.copyOf(trends), Optional.empty());
    }

    /**
     * With another title.
     *
     * @param title drawn as given
     * @return a new plot
     * @throws IllegalArgumentException if {@code title} is null or blank
     */
    public TrendPlot withTitle(String title) {
        return new TrendPlot(trends, Optional.of(Args.notBlank("title", title)));
    }

    /**
     * The series drawn.
     *
     * @return the trends, in legend order
     */
    public List<Trend> trends() {
        return trends;
    }

    @Override
    public int width() {
        return (int) WIDTH;
    }

    @Override
    public int height() {
        return (int) HEIGHT;
    }

    @Override
    public String title() {
        if (customTitle.isPresent()) {
            return customTitle.get();
        }
        List<String> forces = trends.stream().map(t -> t.force().orElse("")).distinct().toList();
        String who = forces.size() == 1 && !forces.get(0).isEmpty() ? forces.get(0) + ": " : "";
        return who + "recording rates over " + trends.get(0).observations().size() + (sameTimes() ? "" : " or more")
                + " inspections, with trends";
    }

    private boolean sameTimes() {
        return trends.stream().allMatch(t -> t.observations().size() == trends.get(0).observations().size());
    }

    /** A series' name in the legend: its category, and its force when the picture holds several forces. */
    private String name(Trend trend) {
        boolean forces = trends.stream().map(t -> t.force().orElse("")).distinct().count() > 1;
        String category = trend.category().orElse("rate");
        return forces ? trend.force().orElse("the force") + ", " + category : category;
    }

    /** The interval drawn at one inspection. */
    static Interval interval(Observation o) {
        if (o.tally().isPresent()) {
            return RateEstimator.withDefaults().estimate(o.tally().get()).interval();
        }
        if (o.figure().isPresent()) {
            return o.figure().get().interval();
        }
        double half = Normal.twoSidedCritical(0.95) * o.standardError();
        return new Interval(Math.max(0, o.rate() - half), Math.min(1, o.rate() + half));
    }

    /** Where the marks are, in pixels at scale 1. */
    List<Mark> marks() {
        List<Mark> marks = new ArrayList<>();
        draw(new SvgCanvas(WIDTH, HEIGHT, title(), "trendplot"), marks);
        return marks;
    }

    @Override
    void draw(Canvas canvas) {
        draw(canvas, new ArrayList<>());
    }

    private void draw(Canvas c, List<Mark> marks) {
        Type titleType = new Type(TITLE, true, Anchor.START, Palette.BLACK);
        Type text = new Type(TEXT, false, Anchor.START, Palette.BLACK);
        Type grey = new Type(TEXT, false, Anchor.START, Palette.DARK_GREY);
        Type tick = new Type(TICK, false, Anchor.MIDDLE, Palette.DARK_GREY);
        double y = MARGIN + TITLE * TextWidths.CAP_HEIGHT;
        c.text(MARGIN, y, title(), titleType);
        y += 10 + TEXT;
        Trend first = trends.get(0);
        c.text(MARGIN, y, String.format(Locale.ROOT, "marks: each inspection's rate with its 95%% interval; lines: the"
                + " fitted trend with its %s band", Percent.level(first.confidence())), grey);
        double plotTop = y + 22;

        // the legend, a line per series, under the axis title
        double legendTop = HEIGHT - MARGIN - trends.size() * (TEXT + 8) + 8;
        double axisTitleBaseline = legendTop - 14;
        double plotBottom = axisTitleBaseline - TEXT * TextWidths.CAP_HEIGHT - 10 - TICK - 8;

        // axes: every mark, interval and fitted end
        double tMin = Double.POSITIVE_INFINITY;
        double tMax = Double.NEGATIVE_INFINITY;
        double lo = 1;
        double hi = 0;
        for (Trend trend : trends) {
            for (Observation o : trend.observations()) {
                Interval interval = interval(o);
                tMin = Math.min(tMin, o.time());
                tMax = Math.max(tMax, o.time());
                lo = Math.min(lo, interval.lower());
                hi = Math.max(hi, interval.upper());
            }
        }
        double span = tMax - tMin;
        double tFrom = tMin - 0.06 * span;
        double tTo = tMax + 0.06 * span;
        for (Trend trend : trends) {
            for (double t : new double[] {trend.first().time(), trend.last().time()}) {
                lo = Math.min(lo, trend.fitted(t));
                hi = Math.max(hi, trend.fitted(t));
            }
        }
        double pad = Math.max(0.005, (hi - lo) * 0.06);
        Axis yAxis = Axis.covering(100 * Math.max(0, lo - pad), 100 * Math.min(1, hi + pad), plotBottom, plotTop, 6);
        yAxis = new Axis(Math.max(0, yAxis.min()), Math.min(100, yAxis.max()), plotBottom, plotTop, yAxis.step());
        double tickWidth = 0;
        for (double t : yAxis.ticks()) {
            tickWidth = Math.max(tickWidth, tick.width(yAxis.label(t) + "%"));
        }
        double plotLeft = MARGIN + TEXT + 12 + tickWidth + 8;
        double plotRight = WIDTH - MARGIN;
        Axis xAxis = Axis.covering(tFrom, tTo, plotLeft, plotRight, 8);
        xAxis = new Axis(tFrom, tTo, plotLeft, plotRight, Math.max(1, xAxis.step()));

        for (double t : yAxis.ticks()) {
            double py = yAxis.px(t);
            c.line(plotLeft, py, plotRight, py, Pen.solid(Palette.LIGHT_GREY, 1));
            c.text(plotLeft - 8, py + TICK * TextWidths.CAP_HEIGHT / 2, yAxis.label(t) + "%", tick.at(Anchor.END));
        }
        for (double t : xAxis.ticks()) {
            double px = xAxis.px(t);
            c.line(px, plotTop, px, plotBottom, Pen.solid(Palette.LIGHT_GREY, 1));
            c.text(px, plotBottom + 8 + TICK * TextWidths.CAP_HEIGHT, timeLabel(t, xAxis.step()), tick);
        }
        c.rect(plotLeft, plotTop, plotRight - plotLeft, plotBottom - plotTop, Canvas.NONE, Pen.solid(Palette.DARK_GREY, 1));
        c.text((plotLeft + plotRight) / 2, axisTitleBaseline, "time of the inspection (" + first.unit() + ")",
                text.at(Anchor.MIDDLE));
        c.textUp(MARGIN + TEXT * TextWidths.CAP_HEIGHT, (plotTop + plotBottom) / 2, "recording rate (percent)",
                text.at(Anchor.MIDDLE));

        c.clip(plotLeft, plotTop, plotRight - plotLeft, plotBottom - plotTop);
        // bands first, then lines, then marks, so that marks are never hidden
        int points = 60;
        for (int s = 0; s < trends.size(); s++) {
            Trend trend = trends.get(s);
            double z = Normal.twoSidedCritical(trend.confidence());
            double[] xs = new double[2 * points];
            double[] ys = new double[2 * points];
            for (int i = 0; i < points; i++) {
                double t = trend.first().time() + (trend.last().time() - trend.first().time()) * i / (points - 1);
                double fit = trend.fitted(t);
                double half = z * trend.fittedStandardError(t);
                xs[i] = xAxis.px(t);
                ys[i] = yAxis.px(100 * (fit + half));
                xs[2 * points - 1 - i] = xAxis.px(t);
                ys[2 * points - 1 - i] = yAxis.px(100 * (fit - half));
            }
            c.polygon(xs, ys, tint(COLOURS[s]), null);
        }
        for (int s = 0; s < trends.size(); s++) {
            Trend trend = trends.get(s);
            Pen pen = s % 2 == 0 ? Pen.solid(COLOURS[s], 2) : Pen.dashed(COLOURS[s], 2, 7, 4);
            c.line(xAxis.px(trend.first().time()), yAxis.px(100 * trend.fitted(trend.first().time())),
                    xAxis.px(trend.last().time()), yAxis.px(100 * trend.fitted(trend.last().time())), pen);
        }
        double dodge = 5;
        for (int s = 0; s < trends.size(); s++) {
            Trend trend = trends.get(s);
            double offset = (s - (trends.size() - 1) / 2.0) * dodge;
            for (Observation o : trend.observations()) {
                Interval interval = interval(o);
                double px = xAxis.px(o.time()) + offset;
                c.line(px, yAxis.px(100 * interval.lower()), px, yAxis.px(100 * interval.upper()),
                        Pen.solid(COLOURS[s], 1.5));
                double py = yAxis.px(100 * o.rate());
                marker(c, s, px, py);
                marks.add(new Mark(s, px, py, COLOURS[s]));
            }
        }
        c.unclip();

        for (int s = 0; s < trends.size(); s++) {
            Trend trend = trends.get(s);
            double baseline = legendTop + s * (TEXT + 8) + TEXT * TextWidths.CAP_HEIGHT;
            double ly = baseline - TEXT * TextWidths.CAP_HEIGHT / 2;
            Pen pen = s % 2 == 0 ? Pen.solid(COLOURS[s], 2) : Pen.dashed(COLOURS[s], 2, 7, 4);
            c.line(MARGIN, ly, MARGIN + 28, ly, pen);
            marker(c, s, MARGIN + 14, ly);
            c.text(MARGIN + 38, baseline, legend(trend), text);
        }
    }

    /** "violence: +2.1 points a year (95% CI +0.9 to +3.3), p = 0.0012, Cochran-Armitage". */
    private String legend(Trend trend) {
        return String.format(Locale.ROOT, "%s: %s points %s (%s CI %s), p = %s, %s", name(trend),
                Percent.signed(trend.slope()), perUnit(trend), Percent.level(trend.confidence()),
                Percent.range(trend.lower(), trend.upper()), Percent.pValue(trend.pValue()), trend.method().displayName());
    }

    private static String perUnit(Trend trend) {
        return trend.unit().equals("year") ? "a year" : "per " + trend.unit();
    }

    /** A tick's label on the time axis: whole years without a thousands separator. */
    static String timeLabel(double t, double step) {
        int decimals = step >= 1 ? 0 : Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f", t);
    }

    /** The series' mark: circle, square, triangle up, diamond, triangle down, plus, in turn. */
    private static void marker(Canvas c, int series, double x, double y) {
        int rgb = COLOURS[series];
        Pen outline = Pen.solid(Palette.BLACK, 0.8);
        double r = RADIUS;
        switch (series) {
            case 0 -> c.circle(x, y, r, rgb, outline);
            case 1 -> c.rect(x - r, y - r, 2 * r, 2 * r, rgb, outline);
            case 2 -> c.polygon(new double[] {x - r - 1, x + r + 1, x}, new double[] {y + r, y + r, y - r - 1}, rgb, outline);
            case 3 -> c.polygon(new double[] {x, x + r + 1, x, x - r - 1}, new double[] {y - r - 1, y, y + r + 1, y}, rgb,
                    outline);
            case 4 -> c.polygon(new double[] {x - r - 1, x + r + 1, x}, new double[] {y - r, y - r, y + r + 1}, rgb, outline);
            default -> {
                c.rect(x - r, y - 1.5, 2 * r, 3, rgb, null);
                c.rect(x - 1.5, y - r, 3, 2 * r, rgb, null);
            }
        }
    }

    /** A pale tint of a colour (a fifth of it on white), for bands. */
    static int tint(int rgb) {
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        return ((r + 4 * 255) / 5 << 16) | ((g + 4 * 255) / 5 << 8) | ((b + 4 * 255) / 5);
    }

    @Override
    public String toString() {
        return title() + ": " + trends.size() + " series";
    }
}
