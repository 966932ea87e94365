package org.recordingrate.posterior;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.special.Gamma;

/**
 * The posterior of the beta-binomial hyperparameters on a grid: the nodes (alpha, beta) with their
 * normalised weights, a quadrature rule for integrals over p(alpha, beta | data). Not part of the API.
 *
 * <p><b>The model</b> (Gelman et al. 2013, "Bayesian Data Analysis", 3rd ed., section 5.3): x<sub>i</sub>
 * | p<sub>i</sub> ~ Binomial(n<sub>i</sub>, p<sub>i</sub>), p<sub>i</sub> | alpha, beta ~ Beta(alpha, beta),
 * and p(alpha, beta) proportional to (alpha + beta)<sup>-5/2</sup> (their eq. 5.9: uniform on the prior
 * mean alpha / (alpha + beta) and on (alpha + beta)<sup>-1/2</sup>, roughly the prior sd). In u =
 * ln(alpha / beta), v = ln(alpha + beta) the posterior density is
 * <pre>  ln p(u, v | x) = ln alpha + ln beta - 5/2 ln(alpha + beta)
 *                 + sum_i [ln B(alpha + x_i, beta + n_i - x_i) - ln B(alpha, beta)] + constant,</pre>
 * each term's gamma functions taken as differences ln Gamma(z + k) - ln Gamma(z) without
 * cancellation when z is large (Stirling's series), since alpha + beta runs to 10<sup>30</sup> and
 * beyond in the tail towards complete pooling, where the density falls only as e<sup>-v/2</sup>.
 *
 * <p><b>The rule.</b> From the mode (Nelder-Mead-free: alternating one-dimensional Newton steps), v
 * runs over v* + c sinh(j h<sub>w</sub>) (a trapezoid rule after the substitution v - v* = c sinh w,
 * which follows the slow e<sup>-v/2</sup> tail with few nodes; c the curvature's scale), and for each
 * v, u over u*(v) + k s(v) h<sub>u</sub> around the conditional mode u*(v) in steps of its conditional
 * standard deviation s(v); both directions are walked out until the log density is 40 below its
 * maximum (a relative weight of 4e-18). The trapezoid rule on such smooth, quickly decaying
 * integrands converges geometrically in the step (Trefethen and Weideman 2014, "The exponentially
 * convergent trapezoidal rule", SIAM Review 56, 385-458): at the default steps (h<sub>u</sub> = 1/4,
 * h<sub>w</sub> = 1/16) the means are unchanged to 1e-9 when both steps are halved (at twice these
 * steps the population mean of four alike forces still moved by 3.5e-9).
 *
 * <p><b>Limit.</b> A force's mixture of Beta(alpha + x, beta + n - x) over the nodes is not as smooth:
 * where alpha + beta is large the component is narrower in u than the step between nodes, nearly a
 * step function at the credible bound, and there the rule converges only linearly in the step. The
 * bounds are good to about 1e-6 when the forces differ and 2e-5 when they are alike (the posterior then
 * weighs large alpha + beta heavily; 180, 182, 179 and 184 of 200: the fourth force's lower bound is
 * 1.6e-5 from the converged value, 5e-5 at twice the steps), far below what a credible interval is read to; the tests measure
 * both against an independent Gauss-Legendre product rule.
 */
final class BetaBinomialGrid {

    /** Log density below the maximum at which the walks stop. */
    private static final double DROP = 40;
    /** Most nodes in either direction of either walk. */
    private static final int MAX_STEPS = 400;

    private final double[] recorded;
    private final double[] unrecorded;
    private final double[] audited;
    /** The nodes, as alpha, beta, weight (summing to 1). */
    private final double[] alpha;
    private final double[] beta;
    private final double[] weight;

    /**
     * The grid for these counts.
     *
     * @param recorded x<sub>i</sub>, real numbers &ge; 0 (effective counts allowed)
     * @param audited  n<sub>i</sub> &ge; x<sub>i</sub>, &gt; 0
     * @param stepU    h<sub>u</sub>, in conditional standard deviations (1/4 by default)
     * @param stepW    h<sub>w</sub> (1/16 by default)
     */
    BetaBinomialGrid(double[] recorded, double[] audited, double stepU, double stepW) {
        this.recorded = recorded.clone();
        this.audited = audited.clone();
        this.unrecorded = new double[recorded.length];
        for (int i = 0; i < recorded.length; i++) {
            unrecorded[i] = audited[i] - recorded[i];
        }
        double[] mode = mode();
        double vStar = mode[1];
        double curvature = -secondV(mode[0], vStar);
        double scale = curvature > 0 ? Math.min(2, Math.max(0.05, 1 / Math.sqrt(curvature))) : 1;
        List<double[]> nodes = new ArrayList<>();
        double[] top = {Double.NEGATIVE_INFINITY};
        walkV(vStar, scale, stepW, stepU, mode[0], +1, nodes, top, true);
        walkV(vStar, scale, stepW, stepU, mode[0], -1, nodes, top, false);
        double total = 0;
        for (double[] node : nodes) {
            node[2] = Math.exp(node[2] - top[0]);
            total += node[2];
        }
        int n = nodes.size();
        alpha = new double[n];
        beta = new double[n];
        weight = new double[n];
        for (int k = 0; k < n; k++) {
            double[] node = nodes.get(k);
            // alpha = kappa mu and beta = kappa (1 - mu), each without cancellation: 1 - mu computed as
            // 1 - 1/(1 + e^-u) rounds to 0 for u above 37 (and loses digits well before), which gave beta = 0
            // and a refused Beta(a, 0) for forces whose posterior reaches large u (e.g. 0/10, 20/20, 1/20)
            double kappa = Math.exp(node[1]);
            alpha[k] = kappa / (1 + Math.exp(-node[0]));
            beta[k] = kappa / (1 + Math.exp(node[0]));
            weight[k] = node[2] / total;
        }
    }

    /**
     * Walks v from v* in one direction (the first walk includes v* itself), adding each v's u nodes
     * as {u, v, log weight}; stops when the conditional integral has fallen {@link #DROP} below the
     * largest met.
     */
    private void walkV(double vStar, double scale, double stepW, double stepU, double uStart, int direction,
                       List<double[]> nodes, double[] top, boolean includeCentre) {
        double u = uStart;
        double best = Double.NEGATIVE_INFINITY;
        for (int j = includeCentre ? 0 : 1; j <= MAX_STEPS; j++) {
            double w = direction * j * stepW;
            double v = vStar + scale * Math.sinh(w);
            double jacobian = Math.log(scale * Math.cosh(w) * stepW);
            u = conditionalMode(u, v);
            double second = secondU(u, v);
            double s = second < 0 ? 1 / Math.sqrt(-second) : 1;
            double h = s * stepU;
            double peak = logPosterior(u, v);
            double log = Math.log(h) + jacobian;
            double sum = 0;
            List<double[]> row = new ArrayList<>();
            for (int side = -1; side <= 1; side += 2) {
                for (int k = side < 0 ? 0 : 1; k <= MAX_STEPS; k++) {
                    double uk = u + side * k * h;
                    double value = logPosterior(uk, v);
                    row.add(new double[] {uk, v, value + log});
                    sum += Math.exp(value - peak);
                    if (value < peak - DROP) {
                        break;
                    }
                }
            }
            nodes.addAll(row);
            double integral = peak + log + Math.log(sum);
            top[0] = Math.max(top[0], peak + log);
            best = Math.max(best, integral);
            if (integral < best - DROP) {
                return;
            }
        }
    }

    /** The mode of the log posterior, by alternating Newton steps in u and v from a moment estimate. */
    private double[] mode() {
        double x = 0;
        double n = 0;
        for (int i = 0; i < recorded.length; i++) {
            x += recorded[i];
            n += audited[i];
        }
        double p = Math.min(1 - 1e-6, Math.max(1e-6, x / n));
        double u = Math.log(p / (1 - p));
        double v = Math.log(10);
        for (int round = 0; round < 200; round++) {
            double uBefore = u;
            double vBefore = v;
            u = conditionalMode(u, v);
            double uNow = u;
            v = newton1(v, t -> logPosterior(uNow, t));
            if (Math.abs(u - uBefore) < 1e-10 && Math.abs(v - vBefore) < 1e-10) {
                break;
            }
        }
        return new double[] {u, v};
    }

    /** The u maximising the log posterior at this v. */
    private double conditionalMode(double uStart, double v) {
        return newton1(uStart, t -> logPosterior(t, v));
    }

    /**
     * A maximum of a smooth concave-near-the-top function by Newton's method with central
     * differences, falling back on steps uphill when the curvature is not negative.
     */
    private static double newton1(double start, java.util.function.DoubleUnaryOperator f) {
        double t = start;
        double step = 0.5;
        for (int i = 0; i < 200; i++) {
            double e = 1e-4 * Math.max(1, Math.abs(t));
            double f0 = f.applyAsDouble(t);
            double fp = f.applyAsDouble(t + e);
            double fm = f.applyAsDouble(t - e);
            double first = (fp - fm) / (2 * e);
            double second = (fp - 2 * f0 + fm) / (e * e);
            double move = second < 0 ? -first / second : Math.signum(first) * step;
            move = Math.max(-5, Math.min(5, move));
            // halve a step that does not go uphill
            double next = t + move;
            for (int k = 0; k < 60 && !(f.applyAsDouble(next) >= f0); k++) {
                move /= 2;
                next = t + move;
            }
            if (!(f.applyAsDouble(next) >= f0)) {
                return t;
            }
            if (Math.abs(next - t) < 1e-12 * Math.max(1, Math.abs(t))) {
                return next;
            }
            t = next;
        }
        return t;
    }

    private double secondU(double u, double v) {
        double e = 1e-3;
        return (logPosterior(u + e, v) - 2 * logPosterior(u, v) + logPosterior(u - e, v)) / (e * e);
    }

    private double secondV(double u, double v) {
        double e = 1e-3;
        return (logPosterior(u, v + e) - 2 * logPosterior(u, v) + logPosterior(u, v - e)) / (e * e);
    }

    /** ln p(u, v | x) up to a constant (class comment). */
    double logPosterior(double u, double v) {
        // alpha = kappa mu, beta = kappa (1 - mu), with ln mu and ln(1 - mu) from u without cancellation
        double logMu = -Math.log1p(Math.exp(-u));
        double logNotMu = -Math.log1p(Math.exp(u));
        if (u > 30) {
            logMu = -Math.exp(-u);
        }
        if (u < -30) {
            logNotMu = -Math.exp(u);
        }
        double kappa = Math.exp(v);
        double a = Math.exp(v + logMu);
        double b = Math.exp(v + logNotMu);
        if (!(a > 0 && b > 0 && Double.isFinite(kappa))) {
            return Double.NEGATIVE_INFINITY;
        }
        double log = 2 * v + logMu + logNotMu - 2.5 * v;
        for (int i = 0; i < recorded.length; i++) {
            log += rising(a, recorded[i]) + rising(b, unrecorded[i]) - rising(kappa, audited[i]);
        }
        return log;
    }

    /**
     * ln Gamma(z + k) - ln Gamma(z) for z &gt; 0, k &ge; 0: directly for small z, else as
     * (z - 1/2) ln(1 + k/z) + k ln(z + k) - k + delta(z + k) - delta(z), delta the remainder of
     * Stirling's series, which has no cancellation however large z is.
     */
    static double rising(double z, double k) {
        if (k == 0) {
            return 0;
        }
        if (z < 15) {
            return Gamma.logGamma(z + k) - Gamma.logGamma(z);
        }
        return (z - 0.5) * Math.log1p(k / z) + k * Math.log(z + k) - k + stirling(z + k) - stirling(z);
    }

    /**
     * ln Gamma(z) - ((z - 1/2) ln z - z + ln(2 pi)/2) for z &ge; 15, by Stirling's series to the
     * z<sup>-11</sup> term (error 1.5e-17 at z = 15, the size of the next term, and less beyond).
     */
    static double stirling(double z) {
        double zz = 1 / (z * z);
        return (1.0 / 12 - zz * (1.0 / 360 - zz * (1.0 / 1260 - zz * (1.0 / 1680 - zz * (1.0 / 1188
                - zz * 691.0 / 360360))))) / z;
    }

    /** The nodes' alphas. */
    double[] alpha() {
        return alpha;
    }

    /** The nodes' betas. */
    double[] beta() {
        return beta;
    }

    /** The nodes' weights, summing to 1. */
    double[] weight() {
        return weight;
    }
}
