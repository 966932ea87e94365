package org.recordingrate.coverage;

import java.util.List;
import java.util.Locale;

import org.recordingrate.format.Percent;
import org.recordingrate.format.ResultColumns;
import org.recordingrate.format.ResultTable;
import org.recordingrate.internal.Args;
import org.recordingrate.model.Result;

/**
 * Coverage over a grid of true rates: a figure per rate, and what Brown, Cai and DasGupta (2001)
 * read from such a curve: the smallest coverage, the mean coverage over the grid, and the share of
 * rates at which coverage falls more than {@link CoverageFigure#TOLERANCE} below the nominal level.
 * Immutable.
 *
 * @param <P> the figure: {@link CoveragePoint}, {@link ChangeCoveragePoint}
 */
public final class CoverageCurve<P extends CoverageFigure> implements Result {

    private final String description;
    private final List<P> points;
    private final ResultColumns<P> columns;

    /**
     * A curve.
     *
     * @param description what the curve is of, e.g. {@code "Wilson 95% CI, 202 audited"}
     * @param points      the figures, in grid order; at least one
     * @param columns     the figures' columns
     * @throws IllegalArgumentException if an argument is null or the list empty
     */
    public CoverageCurve(String description, List<P> points, ResultColumns<P> columns) {
        this.description = Args.notBlank("description", description);
        this.points = List.copyOf(Args.notNull("points", points));
        this.columns = Args.notNull("columns", columns);
        if (this.points.isEmpty()) {
            throw new IllegalArgumentException("points must not be empty");
        }
    }

    /**
     * What the curve is of.
     *
     * @return e.g. {@code "Wilson 95% CI, 202 audited"}
     */
    public String description() {
        return description;
    }

    /**
     * The figures, in grid order.
     *
     * @return an unmodifiable list
     */
    public List<P> points() {
        return points;
    }

    /**
     * The figure of smallest coverage (the first such in grid order).
     *
     * @return the figure
     */
    public P lowest() {
        P lowest = points.get(0);
        for (P point : points) {
            if (point.coverage() < lowest.coverage()) {
                lowest = point;
            }
        }
        return lowest;
    }

    /**
     * The mean coverage over the grid's rates (each rate weighted alike).
     *
     * @return a fraction in [0, 1]
     */
    public double meanCoverage() {
        double sum = 0;
        for (P point : points) {
            sum += point.coverage();
        }
        return sum / points.size();
    }

    /**
     * The mean expected width over the grid's rates.
     *
     * @return a fraction
     */
    public double meanExpectedWidth() {
        double sum = 0;
        for (P point : points) {
            sum += point.expectedWidth();
        }
        return sum / points.size();
    }

    /**
     * The share of the grid's rates at which the method under-covers ({@link CoverageFigure#underCovers()}).
     *
     * @return a fraction in [0, 1]
     */
    public double shareUnderCovered() {
        long count = points.stream().filter(CoverageFigure::underCovers).count();
        return (double) count / points.size();
    }

    /**
     * The nominal level of the figures.
     *
     * @return the first figure's confidence
     */
    public double confidence() {
        return points.get(0).confidence();
    }

    @Override
    public ResultTable table() {
        return columns.table(points);
    }

    @Override
    public String summary() {
        P lowest = lowest();
        return String.format(Locale.ROOT, "%s, %d true rates from %s to %s%n%-22s%s%n%-22s%s at %s%n"
                        + "%-22s%s of the rates%n%-22s%s%n",
                description, points.size(), Percent.format(points.get(0).rate(), 2),
                Percent.format(points.get(points.size() - 1).rate(), 2),
                "mean coverage", Percent.format(meanCoverage(), 2),
                "lowest coverage", Percent.format(lowest.coverage(), 2), Percent.format(lowest.rate(), 2),
                "below nominal - 1pt", Percent.format(shareUnderCovered(), 1),
                "mean expected width", Percent.format(meanExpectedWidth(), 2));
    }

    /** {@code "Wilson 95% CI, 202 audited: mean coverage 94.9%, lowest 91.2% at 99.1%, 499 rates"}. */
    @Override
    public String toString() {
        P lowest = lowest();
        return description + ": mean coverage " + Percent.format(meanCoverage()) + ", lowest "
                + Percent.format(lowest.coverage()) + " at " + Percent.format(lowest.rate()) + ", " + points.size()
                + (points.size() == 1 ? " rate" : " rates");
    }
}
