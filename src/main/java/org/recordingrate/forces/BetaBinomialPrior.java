package org.recordingrate.forces;

import java.util.List;
import java.util.Locale;

import org.apache.commons.math3.special.Gamma;
import org.recordingrate.error.ArgumentException;
import org.recordingrate.format.Percent;
import org.recordingrate.internal.Args;
import org.recordingrate.internal.Beta;
import org.recordingrate.model.Tally;

/**
 * Beta-binomial empirical Bayes for the forces' tallies, as R's ebbr ({@code ebb_fit_prior},
 * {@code add_ebb_estimate}; Robinson 2017, "Introduction to Empirical Bayes"): the forces' true rates
 * are taken as drawn from a Beta(alpha, beta) prior, fitted to every tally, and each force's rate is
 * then its posterior Beta(x + alpha, n - x + beta), whose mean (x + alpha)/(n + alpha + beta) lies
 * between its own rate x/n and the prior mean alpha/(alpha + beta), nearer the prior the fewer it
 * audited.
 *
 * <p><b>Fitting the prior.</b>
 * <ul>
 *   <li>{@link #moments}: ebbr's {@code method = "mm"}: with p<sub>i</sub> = x<sub>i</sub> /
 *       n<sub>i</sub>, m their mean and s<sup>2</sup> their variance (denominator I - 1), alpha = ((1 -
 *       m)/s<sup>2</sup> - 1/m) m<sup>2</sup>, beta = alpha (1/m - 1). It needs 0 &lt; s<sup>2</sup>
 *       &lt; m(1 - m).</li>
 *   <li>{@link #maximumLikelihood}: ebbr's default {@code method = "mle"}: the alpha and beta that
 *       maximise the beta-binomial log-likelihood sum [ln B(x<sub>i</sub> + alpha, n<sub>i</sub> -
 *       x<sub>i</sub> + beta) - ln B(alpha, beta)] (plus terms free of them). Found here by Newton's
 *       method on (ln alpha, ln beta) from the method-of-moments start, with the exact gradient and
 *       Hessian (digamma and trigamma differences, as the finite sums sum<sub>j &lt; x</sub> 1/(a + j)
 *       for counts up to a million), to a relative change below 1e-13; ebbr's
 *       {@code stats4::mle(method = "L-BFGS-B")} stops at its optimiser's default tolerance, so its
 *       values agree with these to about five digits (the tests show both). When the tallies vary no
 *       more than binomial sampling would make them (Tarone's 1979 score for over-dispersion is not
 *       positive), the likelihood rises as alpha + beta grows: there is no maximum, and the fit is
 *       refused with that explanation.</li>
 * </ul>
 *
 * @param alpha         the prior's first shape, above 0
 * @param beta          the prior's second shape, above 0
 * @param method        how it was fitted: {@link Shrinkage#BETA_BINOMIAL} or
 *                      {@link Shrinkage#BETA_BINOMIAL_MOMENTS}
 * @param logLikelihood the beta-binomial log-likelihood at (alpha, beta), without the binomial
 *                      coefficients (ebbr's and VGAM's include them)
 */
public record BetaBinomialPrior(double alpha, double beta, Shrinkage method, double logLikelihood) {

    private static final int MAX_ITERATIONS = 200;
    /** Past this alpha + beta the prior is a point mass for every purpose: the likelihood has no maximum. */
    private static final double UNBOUNDED = 1e12;

    /**
     * Validates the record.
     *
     * @throws IllegalArgumentException for shapes not finite and above 0, a method that is not a
     *                                  beta-binomial one, or a log-likelihood that is NaN
     */
    public BetaBinomialPrior {
        Args.positive("alpha", alpha);
        Args.positive("beta", beta);
        Args.notNull("method", method);
        if (method == Shrinkage.DERSIMONIAN_LAIRD) {
            throw new IllegalArgumentException("method (" + method.token() + ") must be a beta-binomial method");
        }
        if (Double.isNaN(logLikelihood)) {
            throw new IllegalArgumentException("logLikelihood must not be NaN");
        }
    }

    /**
     * A force's posterior.
     *
     * @param mean  (x + alpha)/(n + alpha + beta), the shrunken rate
     * @param sd    the posterior standard deviation
     * @param lower the equal-tailed lower bound, the (1 - level)/2 quantile of Beta(x + alpha, n - x + beta)
     * @param upper the upper bound, the (1 + level)/2 quantile
     */
    public record Posterior(double mean, double sd, double lower, double upper) {
    }

    /**
     * The prior by ebbr's method of moments.
     *
     * @param tallies every force's tally, at least two
     * @return the prior
     * @throws IllegalArgumentException for a null or short list, or when the rates do not vary
     *                                  (s<sup>2</sup> = 0: every force would be shrunk to one rate) or
     *                                  vary more than a Beta can (s<sup>2</sup> &gt;= m(1 - m))
     */
    public static BetaBinomialPrior moments(List<Tally> tallies) {
        check(tallies);
        double[] ab = momentEstimate(tallies);
        if (ab == null) {
            double[] mv = meanAndVariance(tallies);
            throw new ArgumentException("tallies", String.format(Locale.ROOT, "the forces' rates (mean %s, variance %.3g) "
                    + "fit no beta prior by the method of moments: %s", Percent.format(mv[0]), mv[1],
                    mv[1] == 0 ? "they do not vary" : "they vary as much as rates of only 0 and 1"));
        }
        return new BetaBinomialPrior(ab[0], ab[1], Shrinkage.BETA_BINOMIAL_MOMENTS, logLikelihood(tallies, ab[0], ab[1]));
    }

    /**
     * The prior by maximum likelihood of the beta-binomial (ebbr's default).
     *
     * @param tallies every force's tally, at least two
     * @return the prior
     * @throws IllegalArgumentException for a null or short list, or when the likelihood has no maximum
     *                                  (the tallies are not over-dispersed: see the class comment)
     */
    public static BetaBinomialPrior maximumLikelihood(List<Tally> tallies) {
        check(tallies);
        if (!(taroneScore(tallies) > 0)) {
            throw noMaximum(tallies);
        }
        double[] start = momentEstimate(tallies);
        if (start == null) {
            double[] mv = meanAndVariance(tallies);
            double m = Math.min(0.999, Math.max(0.001, mv[0]));
            start = new double[] {m * 100, (1 - m) * 100};
        }
        double u = Math.log(start[0]);
        double v = Math.log(start[1]);
        double current = logLikelihood(tallies, Math.exp(u), Math.exp(v));
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double a = Math.exp(u);
            double b = Math.exp(v);
            if (a + b > UNBOUNDED) {
                throw noMaximum(tallies);
            }
            double[] d = derivatives(tallies, a, b);
            // in (u, v) = (ln a, ln b): gradient (a g_a, b g_b), Hessian by the chain rule
            double gu = a * d[0];
            double gv = b * d[1];
            double huu = a * d[0] + a * a * d[2];
            double hvv = b * d[1] + b * b * d[3];
            double huv = a * b * d[4];
            double det = huu * hvv - huv * huv;
            double du;
            double dv;
            if (huu < 0 && det > 0) {
                du = -(hvv * gu - huv * gv) / det;
                dv = -(huu * gv - huv * gu) / det;
            } else {
                // not concave here: a gradient step of at most one unit
                double norm = Math.hypot(gu, gv);
                du = gu / Math.max(1, norm);
                dv = gv / Math.max(1, norm);
            }
            if (huu < 0 && det > 0 && Math.max(Math.abs(du), Math.abs(dv)) < 1e-13) {
                // a full Newton step this small: converged to the precision of the arithmetic
                return new BetaBinomialPrior(a, b, Shrinkage.BETA_BINOMIAL, current);
            }
            if (huu < 0 && det > 0 && Math.max(Math.abs(du), Math.abs(dv)) < 0.5) {
                // near the maximum Newton's method converges quadratically; its steps are judged by the
                // gradient (exact digamma sums), not by log-likelihoods that differ in their last digits
                u += du;
                v += dv;
                current = logLikelihood(tallies, Math.exp(u), Math.exp(v));
                continue;
            }
            double step = 1;
            double next = current;
            boolean moved = false;
            for (int halving = 0; halving < 60; halving++) {
                next = logLikelihood(tallies, Math.exp(u + step * du), Math.exp(v + step * dv));
                if (next >= current) {
                    moved = true;
                    break;
                }
                step /= 2;
            }
            if (!moved) {
                // no step uphill in the arithmetic's precision: at the maximum
                return new BetaBinomialPrior(a, b, Shrinkage.BETA_BINOMIAL, current);
            }
            u += step * du;
            v += step * dv;
            current = next;
        }
        if (Math.exp(u) + Math.exp(v) > UNBOUNDED / 1e3) {
            throw noMaximum(tallies);
        }
        throw new ArgumentException("tallies", "the beta-binomial likelihood of the " + tallies.size()
                + " tallies did not converge in " + MAX_ITERATIONS + " Newton steps; use --shrinkage"
                + " beta_binomial_moments or dersimonian_laird");
    }

    private static ArgumentException noMaximum(List<Tally> tallies) {
        return new ArgumentException("tallies", "the " + tallies.size() + " tallies vary no more than binomial sampling "
                + "would make them: the beta-binomial likelihood rises without bound as alpha + beta grows (every "
                + "force shrunk to one rate), so there is no maximum-likelihood prior; use dersimonian_laird "
                + "(its tau2 is then 0) or beta_binomial_moments");
    }

    /**
     * Tarone's (1979) score for over-dispersion at the pooled rate p: sum (x - n p)<sup>2</sup> / (p (1 - p))
     * - sum n, proportional to the log-likelihood's slope in the intra-force correlation 1 / (alpha + beta +
     * 1) at 0. At or below 0 the likelihood does not rise away from the binomial limit: no finite maximum.
     */
    static double taroneScore(List<Tally> tallies) {
        double x = 0;
        double n = 0;
        for (Tally t : tallies) {
            x += t.recorded();
            n += t.audited();
        }
        double p = x / n;
        if (p <= 0 || p >= 1) {
            return 0;
        }
        double sum = 0;
        for (Tally t : tallies) {
            double d = t.recorded() - t.audited() * p;
            sum += d * d;
        }
        return sum / (p * (1 - p)) - n;
    }

    private static void check(List<Tally> tallies) {
        Args.notNull("tallies", tallies);
        if (tallies.size() < 2) {
            throw new ArgumentException("tallies", "tallies (" + tallies.size() + ") must be at least two to fit a prior");
        }
        for (Tally t : tallies) {
            Args.notNull("tally", t);
        }
    }

    private static double[] meanAndVariance(List<Tally> tallies) {
        double sum = 0;
        for (Tally t : tallies) {
            sum += t.rate();
        }
        double mean = sum / tallies.size();
        double squares = 0;
        for (Tally t : tallies) {
            double d = t.rate() - mean;
            squares += d * d;
        }
        return new double[] {mean, squares / (tallies.size() - 1)};
    }

    /** ebbr's method of moments, or null when it gives no proper Beta. */
    private static double[] momentEstimate(List<Tally> tallies) {
        double[] mv = meanAndVariance(tallies);
        double mu = mv[0];
        double variance = mv[1];
        if (!(variance > 0) || !(mu > 0 && mu < 1)) {
            return null;
        }
        double alpha = ((1 - mu) / variance - 1 / mu) * mu * mu;
        double beta = alpha * (1 / mu - 1);
        return alpha > 0 && beta > 0 && Double.isFinite(alpha) && Double.isFinite(beta) ? new double[] {alpha, beta}
                : null;
    }

    /** Sum over tallies of ln B(x + a, n - x + b) - ln B(a, b). */
    static double logLikelihood(List<Tally> tallies, double a, double b) {
        double total = 0;
        double prior = Beta.logBeta(a, b);
        for (Tally t : tallies) {
            total += Beta.logBeta(t.recorded() + a, t.unrecorded() + b) - prior;
        }
        return total;
    }

    /** Counts up to this are summed term by term in the derivatives; larger ones use digamma differences. */
    private static final long SUMMED = 1_000_000;

    /**
     * {d/da, d/db, d2/da2, d2/db2, d2/da db} of the log-likelihood. For whole counts psi(x + a) - psi(a) =
     * sum<sub>j &lt; x</sub> 1/(a + j) and psi'(x + a) - psi'(a) = -sum<sub>j &lt; x</sub> 1/(a + j)<sup>2</sup>:
     * sums of positive terms, free of the cancellation of digamma differences (Commons Math's digamma
     * differences move the maximum along the likelihood's flat ridge by about 1e-7); counts above a million
     * use the differences.
     */
    private static double[] derivatives(List<Tally> tallies, double a, double b) {
        double ga = 0;
        double gb = 0;
        double haa = 0;
        double hbb = 0;
        double hab = 0;
        for (Tally t : tallies) {
            long x = t.recorded();
            long n = t.audited();
            double[] recorded = differences(x, a);
            double[] unrecorded = differences(n - x, b);
            double[] total = differences(n, a + b);
            ga += recorded[0] - total[0];
            gb += unrecorded[0] - total[0];
            haa += recorded[1] - total[1];
            hbb += unrecorded[1] - total[1];
            hab -= total[1];
        }
        return new double[] {ga, gb, haa, hbb, hab};
    }

    /** {psi(c + s) - psi(s), psi'(c + s) - psi'(s)} for a whole count c. */
    private static double[] differences(long count, double start) {
        if (count <= SUMMED) {
            double first = 0;
            double second = 0;
            for (long j = count - 1; j >= 0; j--) {
                double term = 1 / (start + j);
                first += term;
                second -= term * term;
            }
            return new double[] {first, second};
        }
        return new double[] {Gamma.digamma(count + start) - Gamma.digamma(start),
            Gamma.trigamma(count + start) - Gamma.trigamma(start)};
    }

    /**
     * The prior mean.
     *
     * @return alpha / (alpha + beta)
     */
    public double mean() {
        return alpha / (alpha + beta);
    }

    /**
     * A force's posterior under this prior, as ebbr's {@code augment}: Beta(x + alpha, n - x + beta),
     * its mean, standard deviation and equal-tailed interval.
     *
     * @param tally the force's tally
     * @param level the interval's level, e.g. 0.95
     * @return the posterior
     * @throws IllegalArgumentException if {@code tally} is null or the level is out of range
     */
    public Posterior posterior(Tally tally, double level) {
        Args.notNull("tally", tally);
        Args.confidence(level);
        double a1 = tally.recorded() + alpha;
        double b1 = tally.unrecorded() + beta;
        double total = a1 + b1;
        double mean = a1 / total;
        double sd = Math.sqrt(a1 * b1 / (total * total * (total + 1)));
        return new Posterior(mean, sd, Beta.quantile((1 - level) / 2, a1, b1), Beta.quantile((1 + level) / 2, a1, b1));
    }

    /** {@code "Beta(120.3, 11.9) prior (mean 91.0%), maximum likelihood"}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Beta(%.4g, %.4g) prior (mean %s), %s", alpha, beta, Percent.format(mean()),
                method == Shrinkage.BETA_BINOMIAL ? "maximum likelihood" : "method of moments");
    }
}
