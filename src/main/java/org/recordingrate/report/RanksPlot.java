package org.recordingrate.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.recordingrate.forces.ForceResult;
import org.recordingrate.forces.ForcesResult;
import org.recordingrate.forces.RankIntervals;
import org.recordingrate.format.Percent;
import org.recordingrate.internal.Args;
import org.recordingrate.report.Canvas.Anchor;
import org.recordingrate.report.Canvas.Pen;
import org.recordingrate.report.Canvas.Type;

/**
 * The caterpillar plot of the forces' ranks (1 = the highest recording rate): a row per force, best
 * first, with its estimated rank (a dot), the 95% confidence interval for its rank (a dark bar) and the
 * simultaneous interval that covers every force's rank at once (a light band), after Mogstad, Romano,
 * Shaikh and Wilhelm (2024; {@link RankIntervals}). The rate is written at the right of each row. A
 * highlighted force is drawn in vermillion, its row shaded.
 *
 * <pre>{@code
 * RanksPlot.of(Forces.of(ForcesFile.read(Path.of("forces-2022.csv")))).highlight("force 07").write(Path.of("ranks.svg"));
 * }</pre>
 *
 * <p>Immutable; the layout depends only on the data and texts ({@link TextWidths}).
 */
public final class RanksPlot extends Plot {

    private static final double WIDTH = 900;
    private static final double MARGIN = 20;
    private static final double TITLE = 18;
    private static final double TEXT = 13;
    private static final double TICK = 12;
    private static final double LABEL = 12;
    private static final double ROW = 15;

    private final ForcesResult result;
    private final Optional<String> highlight;
    private final Optional<String> customTitle;

    private RanksPlot(ForcesResult result, Optional<String> highlight, Optional<String> customTitle) {
        this.result = result;
        this.highlight = highlight;
        this.customTitle = customTitle;
    }

    /**
     * The plot of an analysis's ranks.
     *
     * @param result the forces analysed
     * @return the plot
     * @throws IllegalArgumentException if {@code result} is null
     */
    public static RanksPlot of(ForcesResult result) {
        return new RanksPlot(Args.notNull("result", result), Optional.empty(), Optional.empty());
    }

    /**
     * With one force marked.
     *
     * @param name the force, matched under {@link org.recordingrate.model.Names}
     * @return a new plot
     * @throws IllegalArgumentException if {@code name} is null or blank, or names no force (the message
     *                                  names it and the nearest names)
     */
    public RanksPlot highlight(String name) {
        Args.notBlank("force", name);
        return new RanksPlot(result, Optional.of(result.require("highlight", name).name()), customTitle);
    }

    /**
     * With another title.
     *
     * @param title the title, drawn as given
     * @return a new plot
     * @throws IllegalArgumentException if {@code title} is null or blank
     */
    public RanksPlot withTitle(String title) {
        return new RanksPlot(result, highlight, Optional.of(Args.notBlank("title", title)));
    }

    /**
     * The analysis drawn.
     *
     * @return the result
     */
    public ForcesResult result() {
        return result;
    }

    @Override
    public String title() {
        return customTitle.orElse("Ranks of " + result.forces().size() + " forces by recording rate"
                + result.category().map(c -> ": " + c).orElse("") + " (1 = highest)");
    }

    @Override
    public int width() {
        return (int) WIDTH;
    }

    @Override
    public int height() {
        return (int) Math.ceil(top() + result.forces().size() * ROW + bottom());
    }

    private static double top() {
        return MARGIN + TITLE + 10 + TEXT + 22;
    }

    private static double bottom() {
        return 8 + TICK + 10 + TEXT + 16 + TEXT + MARGIN;
    }

    /** The rows, best rank first, then by name. */
    List<ForceResult> rows() {
        List<ForceResult> rows = new ArrayList<>(result.forces());
        rows.sort(Comparator.comparingInt((ForceResult f) -> f.rank().rank()).thenComparing(ForceResult::name));
        return rows;
    }

    /** The rank dots' centres (x, y, colour), in row order, pixels at scale 1 (for the tests of the pictures). */
    List<double[]> dots() {
        List<double[]> dots = new ArrayList<>();
        draw(new SvgCanvas(WIDTH, height(), title(), "ranks"), dots);
        return dots;
    }

    @Override
    void draw(Canvas c) {
        draw(c, new ArrayList<>());
    }

    private void draw(Canvas c, List<double[]> dots) {
        int count = result.forces().size();
        Type titleType = new Type(TITLE, true, Anchor.START, Palette.BLACK);
        Type text = new Type(TEXT, false, Anchor.START, Palette.BLACK);
        Type grey = new Type(TEXT, false, Anchor.START, Palette.DARK_GREY);
        Type tick = new Type(TICK, false, Anchor.MIDDLE, Palette.DARK_GREY);
        double y = MARGIN + TITLE * TextWidths.CAP_HEIGHT;
        c.text(MARGIN, y, title(), titleType);
        y += 10 + TEXT;
        RankIntervals ranks = result.ranks();
        String subtitle = String.format(Locale.ROOT, "%s intervals for each rank and for all at once (Mogstad, Romano,"
                + " Shaikh and Wilhelm 2024); %,d replicates, seed %d", Percent.level(ranks.level()), ranks.replicates(),
                ranks.seed());
        if (grey.width(subtitle) > WIDTH - 2 * MARGIN) {
            subtitle = String.format(Locale.ROOT, "%s intervals for each rank and for all at once (Mogstad et al. 2024);"
                    + " %,d replicates, seed %d", Percent.level(ranks.level()), ranks.replicates(), ranks.seed());
        }
        c.text(MARGIN, y, subtitle, grey);

        List<ForceResult> rows = rows();
        double nameWidth = 0;
        double rateWidth = 0;
        for (ForceResult f : rows) {
            boolean marked = highlight.isPresent() && highlight.get().equals(f.name());
            nameWidth = Math.max(nameWidth, new Type(LABEL, marked, Anchor.END, Palette.BLACK).width(f.name()));
            rateWidth = Math.max(rateWidth, new Type(LABEL, marked, Anchor.END, Palette.BLACK).width(Percent.format(f.rate())));
        }
        double plotTop = top();
        double plotBottom = plotTop + count * ROW;
        double plotLeft = MARGIN + nameWidth + 10;
        double plotRight = WIDTH - MARGIN - rateWidth - 12;
        Axis axis = Axis.fixed(0.5, count + 0.5, plotLeft, plotRight, Math.min(count, 10));
        axis = new Axis(0.5, count + 0.5, plotLeft, plotRight, Math.max(1, Math.round(axis.step())));

        // grid: every tick, and rank 1 and the last
        List<Double> ticks = new ArrayList<>();
        ticks.add(1.0);
        for (double t = axis.step(); t < count; t += axis.step()) {
            if (t > 1) {
                ticks.add(t);
            }
        }
        if (count > 1) {
            ticks.add((double) count);
        }
        double lastLabelRight = Double.NEGATIVE_INFINITY;
        for (double t : ticks) {
            double px = axis.px(t);
            c.line(px, plotTop, px, plotBottom, Pen.solid(Palette.LIGHT_GREY, 1));
            String label = String.valueOf((long) t);
            double w = tick.width(label);
            if (px - w / 2 > lastLabelRight + 4 || t == count) {
                if (t == count && px - w / 2 <= lastLabelRight + 4) {
                    continue;
                }
                c.text(px, plotBottom + 8 + TICK * TextWidths.CAP_HEIGHT, label, tick);
                lastLabelRight = px + w / 2;
            }
        }
        c.rect(plotLeft, plotTop, plotRight - plotLeft, plotBottom - plotTop, Canvas.NONE, Pen.solid(Palette.DARK_GREY, 1));
        double axisTitle = plotBottom + 8 + TICK + 10 + TEXT * TextWidths.CAP_HEIGHT;
        c.text((plotLeft + plotRight) / 2, axisTitle, "rank (1 = the highest recording rate)", text.at(Anchor.MIDDLE));

        for (int i = 0; i < rows.size(); i++) {
            ForceResult f = rows.get(i);
            boolean marked = highlight.isPresent() && highlight.get().equals(f.name());
            double centre = plotTop + (i + 0.5) * ROW;
            if (marked) {
                c.rect(MARGIN, centre - ROW / 2, WIDTH - 2 * MARGIN, ROW, 0xFBE3D6, null);
            }
            Type name = new Type(LABEL, marked, Anchor.END, Palette.BLACK);
            double baseline = centre + LABEL * TextWidths.CAP_HEIGHT / 2;
            c.text(plotLeft - 6, baseline, f.name(), name);
            c.text(WIDTH - MARGIN, baseline, Percent.format(f.rate()), name);
            RankIntervals.RankInterval r = f.rank();
            double s0 = axis.px(r.lowerSimultaneous() - 0.4);
            double s1 = axis.px(r.upperSimultaneous() + 0.4);
            c.rect(s0, centre - 4.5, s1 - s0, 9, marked ? 0xF3B594 : 0xBFDCEF, null);
            double m0 = axis.px(r.lower() - 0.3);
            double m1 = axis.px(r.upper() + 0.3);
            c.rect(m0, centre - 2, m1 - m0, 4, marked ? Palette.VERMILLION : Palette.BLUE, null);
            c.circle(axis.px(r.rank()), centre, 3.5, Palette.BLACK, Pen.solid(Palette.WHITE, 1));
            dots.add(new double[] {axis.px(r.rank()), centre, Palette.BLACK});
        }

        // legend
        double baseline = axisTitle + 16 + TEXT;
        double ly = baseline - TEXT * TextWidths.CAP_HEIGHT / 2;
        double lx = MARGIN;
        c.circle(lx + 12, ly, 3.5, Palette.BLACK, Pen.solid(Palette.WHITE, 1));
        String first = "estimated rank";
        c.text(lx + 24, baseline, first, text);
        lx += 24 + text.width(first) + 22;
        c.rect(lx, ly - 2, 24, 4, Palette.BLUE, null);
        String second = Percent.level(ranks.level()) + " interval for the force's rank";
        c.text(lx + 30, baseline, second, text);
        lx += 30 + text.width(second) + 22;
        c.rect(lx, ly - 4.5, 24, 9, 0xBFDCEF, null);
        c.text(lx + 30, baseline, "simultaneous: every force at once", text);
    }

    /** {@code "Ranks of 43 forces ...: 43 rows"}. */
    @Override
    public String toString() {
        return title() + ": " + result.forces().size() + " rows" + highlight.map(h -> ", " + h + " highlighted").orElse("");
    }
}
