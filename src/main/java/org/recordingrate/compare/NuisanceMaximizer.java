package org.recordingrate.compare;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * The supremum over the common recording rate pi in [0, 1] of the probability of a rejection
 * region: the p-value of an unconditional exact test (Barnard 1947; Boschloo 1970).
 *
 * <p>The probability is a polynomial in pi that can have several local maxima, so a local search
 * alone is not enough. The search is global on a grid, then local:
 * <ol>
 *   <li>pi = sin^2(theta) on a grid uniform in theta over [0, pi/2]. In theta every table's
 *       probability {@code pi^s (1-pi)^(N-s)} is a bump of the same width near its peak,
 *       standard deviation {@code 1/(2 sqrt(N))} (the arcsine square root stabilises binomial
 *       variance), so the peaks of their weighted sum are no narrower than that in practice
 *       (a heuristic, not a proof; the tests check it against 20,001-point grids on tables
 *       with up to five local maxima). The grid step is a quarter of that width
 *       ({@code 4 pi sqrt(N)} points, at least {@value #MIN_POINTS}), and pi = 0 and 1 are
 *       evaluated exactly;</li>
 *   <li>every grid point that is a local maximum and within a factor 2 of the best grid value
 *       (a Gaussian-shaped peak between grid points exceeds its nearest grid point by less than
 *       1%) is refined by Brent's method on its two neighbouring cells, to about 1e-10 in
 *       theta, where the probability is flat to far below 1e-12 relative. Grid maxima that
 *       stand above a neighbour by less than 1e-13 relative are rounding noise on a flat
 *       objective and are not refined.</li>
 * </ol>
 * The answer is the largest value seen, capped at 1.
 */
final class NuisanceMaximizer {

    private static final int MIN_POINTS = 100;
    private static final double REFINE_FRACTION = 0.5;
    /** A grid maximum standing above its neighbours by less than this (relative) is flat noise. */
    private static final double FLAT = 1e-13;
    private static final double RELATIVE_TOLERANCE = 1e-10;
    private static final double ABSOLUTE_TOLERANCE = 1e-13;
    private static final int MAX_EVALUATIONS = 500;

    private NuisanceMaximizer() {
    }

    /**
     * @param totalAudited N = na + nb, which sets the grid step
     * @param probability  the region's probability at {@code (pi, 1 - pi)}
     * @return sup over pi of the probability, in [0, 1]
     */
    static double supremum(long totalAudited, DoubleBinaryOperator probability) {
        int points = (int) Math.max(MIN_POINTS, Math.ceil(4 * Math.PI * Math.sqrt(totalAudited)));
        double step = (Math.PI / 2) / points;
        DoubleUnaryOperator atAngle = theta -> {
            double sin = Math.sin(theta);
            double cos = Math.cos(theta);
            return probability.applyAsDouble(sin * sin, cos * cos);
        };
        double[] values = new double[points + 1];
        values[0] = probability.applyAsDouble(0, 1);
        values[points] = probability.applyAsDouble(1, 0);
        double best = Math.max(values[0], values[points]);
        for (int t = 1; t < points; t++) {
            values[t] = atAngle.applyAsDouble(t * step);
            best = Math.max(best, values[t]);
        }
        if (best >= 1) {
            return 1;
        }
        double gridBest = best;
        for (int t = 0; t <= points; t++) {
            if (isPeak(values, t) && values[t] >= REFINE_FRACTION * gridBest) {
                double from = Math.max(0, t - 1) * step;
                double to = Math.min(points, t + 1) * step;
                best = Math.max(best, refine(atAngle, from, to, t * step));
            }
        }
        return Math.min(1, best);
    }

    /** Whether grid point t is a strict local maximum on at least one side and not flat noise. */
    private static boolean isPeak(double[] values, int t) {
        double value = values[t];
        double left = t > 0 ? values[t - 1] : Double.NEGATIVE_INFINITY;
        double right = t < values.length - 1 ? values[t + 1] : Double.NEGATIVE_INFINITY;
        if (value < left || value < right || (value == left && value == right)) {
            return false;
        }
        double lowerNeighbour = Math.max(Math.min(left, right), 0);
        return value - lowerNeighbour > FLAT * value;
    }

    private static double refine(DoubleUnaryOperator atAngle, double from, double to, double start) {
        BrentOptimizer optimizer = new BrentOptimizer(RELATIVE_TOLERANCE, ABSOLUTE_TOLERANCE);
        UnivariatePointValuePair optimum = optimizer.optimize(
                new MaxEval(MAX_EVALUATIONS),
                new UnivariateObjectiveFunction(atAngle::applyAsDouble),
                GoalType.MAXIMIZE,
                new SearchInterval(from, to, start));
        return optimum.getValue();
    }
}
