package org.recordingrate.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.recordingrate.compare.CategoryChange;
import org.recordingrate.compare.InspectionChange;
import org.recordingrate.estimate.AllCrimeMethod;
import org.recordingrate.estimate.CategoryEstimate;
import org.recordingrate.estimate.InspectionEstimate;
import org.recordingrate.estimate.InspectionEstimator;
import org.recordingrate.format.Percent;
import org.recordingrate.internal.Args;
import org.recordingrate.model.Names;
import org.recordingrate.model.RowKind;
import org.recordingrate.report.Canvas.Anchor;
import org.recordingrate.report.Canvas.Pen;
import org.recordingrate.report.Canvas.Type;
import org.recordingrate.compare.ChangeColumns;
import org.recordingrate.compare.ChangeColumns.ChangeRow;

/**
 * The forest plot of two inspections: for each category and for all crime (last, set apart), the
 * earlier rate (orange circle) and the later rate (blue square), each with its interval as a line,
 * one above the other on a common percent axis; on the right the change in points with its interval
 * and the verdict, marked by shape as well as colour (green triangle up: significant improvement;
 * vermillion triangle down: significant deterioration; grey ring: no significant change).
 *
 * <pre>{@code
 * ForestPlot.of(report).svg();                                   // the report's methods and verdicts
 * ForestPlot.of(Comparison.withDefaults().compare(before, after)).write(Path.of("forest.png"));
 * }</pre>
 *
 * <p>Immutable. The layout depends only on the texts and numbers (widths estimated by
 * {@link TextWidths}), so the same inspections give the same picture on every machine.
 */
public final class ForestPlot extends Plot {

    private static final double MARGIN = 20;
    private static final double ROW = 50;
    private static final double PLOT_WIDTH = 460;
    private static final double GAP = 24;
    private static final double OFFSET = 8;
    private static final double TITLE = 18;
    private static final double TEXT = 13;
    private static final double LABEL = 14;
    private static final double TICK = 12;
    private static final int STRIPE = 0xF4F4F4;

    /**
     * One row: a category or all crime.
     *
     * @param label  what the row is called
     * @param kind   a category or all crime
     * @param before the earlier estimate, if the category was audited then
     * @param after  the later estimate
     * @param change the change with its verdict, if compared
     */
    record Row(String label, RowKind kind, Optional<CategoryEstimate> before, CategoryEstimate after,
               Optional<ChangeRow> change) {
    }

    /**
     * A mark the picture must show where the layout put it (for the tests of the committed pictures).
     *
     * @param what  "before", "after" or "verdict"
     * @param row   the row's label
     * @param x     centre, pixels at scale 1
     * @param y     centre
     * @param rgb   its fill colour
     */
    record Mark(String what, String row, double x, double y, int rgb) {
    }

    private final String title;
    private final String beforeName;
    private final String afterName;
    private final String intervals;
    private final String verdicts;
    private final List<Row> rows;
    private final Layout layout;

    private ForestPlot(String title, String beforeName, String afterName, String intervals, String verdicts, List<Row> rows) {
        this.title = Args.notBlank("title", title);
        this.beforeName = beforeName;
        this.afterName = afterName;
        this.intervals = intervals;
        this.verdicts = verdicts;
        this.rows = List.copyOf(rows);
        if (this.rows.isEmpty()) {
            throw new IllegalArgumentException("rows (none) must hold at least all crime");
        }
        this.layout = new Layout();
    }

    /**
     * The forest plot of a report: its estimates, intervals and verdicts, titled with the force.
     *
     * @param report the report, whose rows (each category of the later inspection, then all crime) are
     *               plotted
     * @return the plot, titled "Recording rates: " and the force
     * @throws IllegalArgumentException if {@code report} is null, or the report's results cannot be
     *                                  computed (as {@link Report#rows()})
     */
    public static ForestPlot of(Report report) {
        Args.notNull("report", report);
        List<Row> rows = new ArrayList<>();
        for (ReportRow r : report.rows()) {
            rows.add(new Row(r.category(), r.kind(), r.before(), r.after(), r.change()));
        }
        return new ForestPlot("Recording rates: " + report.force(), report.estimateBefore().inspection(),
                report.estimateAfter().inspection(), Percent.level(report.confidence()) + " "
                        + report.rateMethod().displayName() + " intervals", "verdicts: " + report.testDescription(),
                rows);
    }

    /**
     * The forest plot of a comparison as it was made (its change intervals, tests and verdicts),
     * with the rates' Wald intervals at the comparison's confidence level (binomial variance). The
     * level and the test named are read from the first category's change; with no category in both
     * inspections they are taken as 95% and "z-test".
     *
     * @param change the comparison of two inspections
     * @return the plot, titled "Recording rates: " and the later inspection's name
     * @throws IllegalArgumentException if {@code change} is null, or an inspection cannot be estimated
     *                                  (as {@link InspectionEstimator#estimate})
     */
    public static ForestPlot of(InspectionChange change) {
        Args.notNull("change", change);
        double confidence = change.categories().isEmpty() ? 0.95 : change.categories().get(0).change().confidence();
        InspectionEstimator estimator = InspectionEstimator.withDefaults().with(AllCrimeMethod.WALD)
                .withConfidence(confidence);
        InspectionEstimate before = estimator.estimate(change.before());
        InspectionEstimate after = estimator.estimate(change.after());
        List<ChangeRow> changes = ChangeColumns.changeRows(List.of(change));
        List<Row> rows = new ArrayList<>();
        for (CategoryEstimate a : after.rows()) {
            Optional<CategoryEstimate> b = a.isAllCrime() ? Optional.of(before.allCrime())
                    : before.categories().stream().filter(e -> Names.same(e.category(), a.category())).findFirst();
            Optional<ChangeRow> c = changes.stream().filter(r -> r.kind() == a.kind() && Names.same(r.category(), a.category()))
                    .findFirst();
            rows.add(new Row(a.category(), a.kind(), b, a, c));
        }
        String test = change.categories().isEmpty() ? "z-test"
                : change.categories().stream().map(CategoryChange::change).findFirst().get().test().test().displayName();
        return new ForestPlot("Recording rates: " + change.after().name(), change.before().name(), change.after().name(),
                Percent.level(confidence) + " Wald intervals", "verdicts: " + test + ", all crime by z-test", rows);
    }

    /**
     * The same plot with another title.
     *
     * @param title the title; stripped
     * @return a new plot of the same rows
     * @throws IllegalArgumentException if {@code title} is null or blank
     */
    public ForestPlot withTitle(String title) {
        return new ForestPlot(title, beforeName, afterName, intervals, verdicts, rows);
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public int width() {
        return (int) Math.ceil(layout.width);
    }

    @Override
    public int height() {
        return (int) Math.ceil(layout.height);
    }

    /** Where the markers are, in pixels at scale 1. */
    List<Mark> marks() {
        List<Mark> marks = new ArrayList<>();
        draw(new SvgCanvas(width(), height(), title, "forest"), marks);
        return marks;
    }

    @Override
    void draw(Canvas canvas) {
        draw(canvas, new ArrayList<>());
    }

    /** The sizes that depend on the texts, computed once. */
    private final class Layout {
        final double labelWidth;
        final double changeWidth;
        final double verdictWidth;
        final double plotLeft;
        final double changeRight;
        final double verdictLeft;
        final double top;
        final double width;
        final double height;
        final Axis axis;

        Layout() {
            Type label = new Type(LABEL, false, Anchor.START, Palette.BLACK);
            Type bold = new Type(LABEL, true, Anchor.START, Palette.BLACK);
            Type text = new Type(TEXT, false, Anchor.START, Palette.BLACK);
            double labels = text.width("category");
            double changes = text.width(CHANGE_HEADER);
            double words = text.width(VERDICT_HEADER);
            double lo = 1;
            double hi = 0;
            Type boldText = new Type(TEXT, true, Anchor.START, Palette.BLACK);
            for (Row row : rows) {
                boolean all = row.kind == RowKind.ALL_CRIME;
                labels = Math.max(labels, (all ? bold : label).width(row.label));
                changes = Math.max(changes, (all ? boldText : text).width(changeText(row)));
                words = Math.max(words, 18 + (all ? boldText : text).width(verdictText(row)));
                for (CategoryEstimate e : row.before.isPresent() ? List.of(row.before.get(), row.after) : List.of(row.after)) {
                    lo = Math.min(lo, e.lower());
                    hi = Math.max(hi, e.upper());
                }
            }
            labelWidth = labels;
            changeWidth = changes;
            verdictWidth = words;
            plotLeft = MARGIN + labelWidth + 16;
            changeRight = plotLeft + PLOT_WIDTH + GAP + changeWidth;
            verdictLeft = changeRight + 20;
            double legend = MARGIN + TITLE + 10 + TEXT + 12 + TEXT + 10;
            top = legend + TEXT + 12;
            double wanted = Math.max(verdictLeft + verdictWidth,
                    Math.max(MARGIN + new Type(TITLE, true, Anchor.START, 0).width(title),
                            MARGIN + text.width(subtitle()))) + MARGIN;
            width = Math.ceil(Math.max(wanted, MARGIN + legendWidth(text) + MARGIN));
            height = Math.ceil(top + rows.size() * ROW + 8 + TICK + 10 + TEXT + MARGIN);
            // whole ticks around every interval, but never beyond 0 or 100 percent
            Axis covering = Axis.covering(100 * lo, 100 * hi, plotLeft, plotLeft + PLOT_WIDTH, 6);
            axis = new Axis(Math.max(0, covering.min()), Math.min(100, covering.max()), plotLeft, plotLeft + PLOT_WIDTH,
                    covering.step());
        }
    }

    private static final String CHANGE_HEADER = "change, points (CI)";
    private static final String VERDICT_HEADER = "verdict";

    private String subtitle() {
        return afterName + " compared with " + beforeName + "; " + intervals + "; " + verdicts;
    }

    private double legendWidth(Type text) {
        return 30 + text.width(beforeName + " (before)") + 30 + 30 + text.width(afterName + " (after)");
    }

    private static String changeText(Row row) {
        return row.change.map(c -> Percent.signed(c.change()) + " (" + Percent.range(c.lower(), c.upper()) + ")")
                .orElse("");
    }

    private static String verdictText(Row row) {
        if (row.change.isEmpty()) {
            return "not audited before";
        }
        switch (verdict(row)) {
            case 1:
                return "significant improvement";
            case -1:
                return "significant deterioration";
            default:
                return "no significant change";
        }
    }

    /** +1 improvement, -1 deterioration, 0 no significant change, read from the verdict's words. */
    private static int verdict(Row row) {
        String words = row.change.map(ChangeRow::verdict).orElse("");
        return words.equals(org.recordingrate.compare.Verdict.IMPROVEMENT.words()) ? 1
                : words.equals(org.recordingrate.compare.Verdict.DETERIORATION.words()) ? -1 : 0;
    }

    private void draw(Canvas c, List<Mark> marks) {
        Layout l = layout;
        Type titleType = new Type(TITLE, true, Anchor.START, Palette.BLACK);
        Type text = new Type(TEXT, false, Anchor.START, Palette.BLACK);
        Type grey = new Type(TEXT, false, Anchor.START, Palette.DARK_GREY);
        double y = MARGIN + TITLE * TextWidths.CAP_HEIGHT;
        c.text(MARGIN, y, title, titleType);
        y += 10 + TEXT;
        c.text(MARGIN, y, subtitle(), grey);

        // legend: what the two marks are
        y += 12 + TEXT;
        double x = MARGIN;
        c.line(x, y - TEXT * TextWidths.CAP_HEIGHT / 2, x + 24, y - TEXT * TextWidths.CAP_HEIGHT / 2,
                Pen.solid(Palette.ORANGE, 2.5));
        circleMark(c, x + 12, y - TEXT * TextWidths.CAP_HEIGHT / 2);
        x += 30;
        String before = beforeName + " (before)";
        c.text(x, y, before, text);
        x += text.width(before) + 30;
        c.line(x, y - TEXT * TextWidths.CAP_HEIGHT / 2, x + 24, y - TEXT * TextWidths.CAP_HEIGHT / 2,
                Pen.solid(Palette.BLUE, 2.5));
        squareMark(c, x + 12, y - TEXT * TextWidths.CAP_HEIGHT / 2);
        x += 30;
        c.text(x, y, afterName + " (after)", text);

        // column headers
        double header = l.top - 8;
        c.text(MARGIN, header, "category", grey);
        c.text(l.changeRight, header, CHANGE_HEADER, grey.at(Anchor.END));
        c.text(l.verdictLeft, header, VERDICT_HEADER, grey);

        double plotTop = l.top;
        double plotBottom = l.top + rows.size() * ROW;
        double right = l.width - MARGIN;
        for (int i = 0; i < rows.size(); i++) {
            if (i % 2 == 1) {
                c.rect(MARGIN - 6, plotTop + i * ROW, right - MARGIN + 12, ROW, STRIPE, null);
            }
        }
        // grid and axis
        for (double tick : l.axis.ticks()) {
            double px = l.axis.px(tick);
            c.line(px, plotTop, px, plotBottom, Pen.solid(Palette.LIGHT_GREY, 1));
            c.text(px, plotBottom + 8 + TICK * TextWidths.CAP_HEIGHT, l.axis.label(tick) + "%",
                    new Type(TICK, false, Anchor.MIDDLE, Palette.DARK_GREY));
        }
        c.line(l.plotLeft, plotBottom, l.plotLeft + PLOT_WIDTH, plotBottom, Pen.solid(Palette.DARK_GREY, 1));
        c.text(l.plotLeft + PLOT_WIDTH / 2, plotBottom + 8 + TICK + 10 + TEXT * TextWidths.CAP_HEIGHT,
                "recording rate (percent)", text.at(Anchor.MIDDLE));

        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            double centre = plotTop + i * ROW + ROW / 2;
            boolean all = row.kind == RowKind.ALL_CRIME;
            if (all && i > 0) {
                c.line(MARGIN - 6, plotTop + i * ROW, right + 6, plotTop + i * ROW, Pen.solid(Palette.DARK_GREY, 1));
            }
            double baseline = centre + LABEL * TextWidths.CAP_HEIGHT / 2;
            c.text(MARGIN, baseline, row.label, new Type(LABEL, all, Anchor.START, Palette.BLACK));
            if (row.before.isPresent()) {
                CategoryEstimate b = row.before.get();
                double yb = centre - OFFSET;
                c.line(l.axis.px(100 * b.lower()), yb, l.axis.px(100 * b.upper()), yb, Pen.solid(Palette.ORANGE, 2.5));
                caps(c, l.axis.px(100 * b.lower()), l.axis.px(100 * b.upper()), yb, Palette.ORANGE);
                circleMark(c, l.axis.px(100 * b.rate()), yb);
                marks.add(new Mark("before", row.label, l.axis.px(100 * b.rate()), yb, Palette.ORANGE));
            }
            CategoryEstimate a = row.after;
            double ya = row.before.isPresent() ? centre + OFFSET : centre;
            c.line(l.axis.px(100 * a.lower()), ya, l.axis.px(100 * a.upper()), ya, Pen.solid(Palette.BLUE, 2.5));
            caps(c, l.axis.px(100 * a.lower()), l.axis.px(100 * a.upper()), ya, Palette.BLUE);
            squareMark(c, l.axis.px(100 * a.rate()), ya);
            marks.add(new Mark("after", row.label, l.axis.px(100 * a.rate()), ya, Palette.BLUE));

            double textBaseline = centre + TEXT * TextWidths.CAP_HEIGHT / 2;
            c.text(l.changeRight, textBaseline, changeText(row), new Type(TEXT, all, Anchor.END, Palette.BLACK));
            int verdict = verdict(row);
            double vx = l.verdictLeft + 6;
            if (row.change.isPresent()) {
                int rgb = verdictMark(c, vx, centre, verdict);
                marks.add(new Mark("verdict", row.label, vx, centre, rgb));
            }
            c.text(l.verdictLeft + 18, textBaseline, verdictText(row), new Type(TEXT, all, Anchor.START,
                    row.change.isPresent() ? Palette.BLACK : Palette.DARK_GREY));
        }
    }

    private static void caps(Canvas c, double x1, double x2, double y, int rgb) {
        c.line(x1, y - 4, x1, y + 4, Pen.solid(rgb, 1.5));
        c.line(x2, y - 4, x2, y + 4, Pen.solid(rgb, 1.5));
    }

    private static void circleMark(Canvas c, double x, double y) {
        c.circle(x, y, 5.5, Palette.ORANGE, Pen.solid(Palette.BLACK, 1));
    }

    private static void squareMark(Canvas c, double x, double y) {
        c.rect(x - 5.5, y - 5.5, 11, 11, Palette.BLUE, Pen.solid(Palette.BLACK, 1));
    }

    /** Draws the verdict's shape centred at (x, y); returns its fill colour. */
    private static int verdictMark(Canvas c, double x, double y, int verdict) {
        if (verdict > 0) {
            c.polygon(new double[] {x - 6.5, x + 6.5, x}, new double[] {y + 5.5, y + 5.5, y - 6.5}, Palette.BLUISH_GREEN,
                    Pen.solid(Palette.BLACK, 0.8));
            return Palette.BLUISH_GREEN;
        }
        if (verdict < 0) {
            c.polygon(new double[] {x - 6.5, x + 6.5, x}, new double[] {y - 5.5, y - 5.5, y + 6.5}, Palette.VERMILLION,
                    Pen.solid(Palette.BLACK, 0.8));
            return Palette.VERMILLION;
        }
        c.circle(x, y, 5, Palette.WHITE, Pen.solid(Palette.GREY, 2.5));
        return Palette.WHITE;
    }

    /** Rows as "label: before -> after, verdict". */
    String describe() {
        StringBuilder s = new StringBuilder();
        for (Row row : rows) {
            s.append(String.format(Locale.ROOT, "%s: %s -> %s, %s%n", row.label,
                    row.before.map(b -> Percent.format(b.rate())).orElse("-"), Percent.format(row.after.rate()),
                    verdictText(row)));
        }
        return s.toString();
    }
}
