package org.recordingrate.report;

import java.util.ArrayList;
import java.util.List;

import org.recordingrate.coverage.CoverageCurve;
import org.recordingrate.coverage.CoverageFigure;
import org.recordingrate.format.Percent;
import org.recordingrate.internal.Args;
import org.recordingrate.report.Canvas.Anchor;
import org.recordingrate.report.Canvas.Pen;
import org.recordingrate.report.Canvas.Type;

/**
 * Coverage against the true rate, as Brown, Cai and DasGupta (2001) draw it: one line per curve
 * ({@link CoverageCurve}: a method at an audited count), the nominal level as a solid line and one
 * point below it ({@link CoverageFigure#TOLERANCE}) dashed. The y axis runs from below the lowest
 * coverage to 100%. SVG or PNG ({@link Plot#write}).
 */
public final class CoveragePlot extends Plot {

    private static final double WIDTH = 900;
    private static final double HEIGHT = 560;
    private static final double MARGIN = 20;
    private static final double TITLE = 18;
    private static final double TEXT = 13;
    private static final double TICK = 12;
    private static final int[] COLOURS = {Palette.BLUE, Palette.VERMILLION, Palette.BLUISH_GREEN, Palette.ORANGE,
        Palette.REDDISH_PURPLE, Palette.SKY_BLUE, Palette.BLACK, Palette.GREY};

    private final String title;
    private final List<CoverageCurve<?>> curves;

    private CoveragePlot(String title, List<CoverageCurve<?>> curves) {
        this.title = title;
        this.curves = curves;
    }

    /**
     * A plot of these curves.
     *
     * @param title  the title, one line
     * @param curves one to eight curves, each drawn in its own colour and named in the legend by its
     *               {@link CoverageCurve#description()}
     * @return the plot
     * @throws IllegalArgumentException if the title is blank, or the list null, empty, longer than eight
     *                                  or holding null
     */
    public static CoveragePlot of(String title, List<? extends CoverageCurve<?>> curves) {
        Args.notBlank("title", title);
        Args.notNull("curves", curves);
        if (curves.isEmpty() || curves.size() > COLOURS.length) {
            throw new IllegalArgumentException("curves (" + curves.size() + ") must number 1 to " + COLOURS.length);
        }
        List<CoverageCurve<?>> copy = new ArrayList<>();
        for (CoverageCurve<?> curve : curves) {
            copy.add(Args.notNull("curve", curve));
        }
        return new CoveragePlot(title.replaceAll("\\s+", " ").strip(), List.copyOf(copy));
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
        return title;
    }

    /** The style made smaller, down to 60%, until {@code text} fits {@code width}. */
    private static Type fit(Type type, String text, double width) {
        double needed = type.width(text);
        if (needed <= width) {
            return type;
        }
        return new Type(Math.max(0.6 * type.size(), type.size() * width / needed), type.bold(), type.anchor(),
                type.rgb());
    }

    @Override
    void draw(Canvas c) {
        Type titleType = new Type(TITLE, true, Anchor.START, Palette.BLACK);
        Type text = new Type(TEXT, false, Anchor.START, Palette.BLACK);
        Type grey = new Type(TEXT, false, Anchor.START, Palette.DARK_GREY);
        Type tick = new Type(TICK, false, Anchor.MIDDLE, Palette.DARK_GREY);
        titleType = fit(titleType, title, WIDTH - 2 * MARGIN);
        double y = MARGIN + TITLE * TextWidths.CAP_HEIGHT;
        c.text(MARGIN, y, title, titleType);
        y += 10 + TEXT;
        double nominal = curves.get(0).confidence();
        c.text(MARGIN, y, "exact coverage against the true rate; nominal " + Percent.level(nominal)
                + " (solid), one point below (dashed)", grey);
        double plotTop = y + 22;

        double lowRate = 1;
        double highRate = 0;
        double lowCoverage = nominal - 0.02;
        for (CoverageCurve<?> curve : curves) {
            for (CoverageFigure point : curve.points()) {
                lowRate = Math.min(lowRate, point.rate());
                highRate = Math.max(highRate, point.rate());
                lowCoverage = Math.min(lowCoverage, point.coverage());
            }
        }
        double legendLine = TEXT + 8;
        double legendBaseline = HEIGHT - MARGIN - (curves.size() - 1) * legendLine;
        double axisTitleBaseline = legendBaseline - TEXT - 14;
        double plotBottom = axisTitleBaseline - TEXT * TextWidths.CAP_HEIGHT - 10 - TICK - 8;
        Axis yAxis = Axis.covering(100 * lowCoverage, 100, plotBottom, plotTop, 6);
        yAxis = new Axis(Math.max(0, yAxis.min()), 100, plotBottom, plotTop, yAxis.step());
        double tickWidth = 0;
        for (double t : yAxis.ticks()) {
            tickWidth = Math.max(tickWidth, tick.width(yAxis.label(t) + "%"));
        }
        double plotLeft = MARGIN + TEXT + 12 + tickWidth + 8;
        double plotRight = WIDTH - MARGIN;
        Axis xAxis = highRate > lowRate
                ? Axis.fixed(100 * lowRate, 100 * highRate, plotLeft, plotRight, 8)
                : Axis.covering(100 * lowRate, 100 * highRate, plotLeft, plotRight, 8);

        for (double t : yAxis.ticks()) {
            double py = yAxis.px(t);
            c.line(plotLeft, py, plotRight, py, Pen.solid(Palette.LIGHT_GREY, 1));
            c.text(plotLeft - 8, py + TICK * TextWidths.CAP_HEIGHT / 2, yAxis.label(t) + "%", tick.at(Anchor.END));
        }
        for (double t : xAxis.ticks()) {
            double px = xAxis.px(t);
            c.line(px, plotTop, px, plotBottom, Pen.solid(Palette.LIGHT_GREY, 1));
            c.text(px, plotBottom + 8 + TICK * TextWidths.CAP_HEIGHT, xAxis.label(t) + "%", tick);
        }
        c.rect(plotLeft, plotTop, plotRight - plotLeft, plotBottom - plotTop, Canvas.NONE,
                Pen.solid(Palette.DARK_GREY, 1));
        boolean changes = curves.get(0).points().get(0) instanceof org.recordingrate.coverage.ChangeCoveragePoint;
        c.text((plotLeft + plotRight) / 2, axisTitleBaseline, changes ? "true rate before (percent)"
                : "true rate (percent)", text.at(Anchor.MIDDLE));
        c.textUp(MARGIN + TEXT * TextWidths.CAP_HEIGHT, (plotTop + plotBottom) / 2, "coverage (percent)",
                text.at(Anchor.MIDDLE));

        c.clip(plotLeft, plotTop, plotRight - plotLeft, plotBottom - plotTop);
        c.line(plotLeft, yAxis.px(100 * nominal), plotRight, yAxis.px(100 * nominal), Pen.solid(Palette.BLACK, 1.2));
        double tolerance = 100 * (nominal - CoverageFigure.TOLERANCE);
        c.line(plotLeft, yAxis.px(tolerance), plotRight, yAxis.px(tolerance), Pen.dashed(Palette.BLACK, 1, 6, 4));
        for (int i = 0; i < curves.size(); i++) {
            List<? extends CoverageFigure> points = curves.get(i).points();
            double[] xs = new double[points.size()];
            double[] ys = new double[points.size()];
            for (int j = 0; j < points.size(); j++) {
                xs[j] = xAxis.px(100 * points.get(j).rate());
                ys[j] = yAxis.px(100 * points.get(j).coverage());
            }
            c.polyline(xs, ys, Pen.solid(COLOURS[i], 1.3));
        }
        c.unclip();

        for (int i = 0; i < curves.size(); i++) {
            double baseline = legendBaseline + i * legendLine;
            double mid = baseline - TEXT * TextWidths.CAP_HEIGHT / 2;
            c.line(MARGIN, mid, MARGIN + 24, mid, Pen.solid(COLOURS[i], 2.5));
            String label = curves.get(i).toString();
            c.text(MARGIN + 32, baseline, label, fit(text, label, WIDTH - MARGIN - 32 - MARGIN));
        }
    }
}
