package org.recordingrate.forces;

import java.util.Locale;

import org.recordingrate.format.Percent;
import org.recordingrate.internal.Args;

/**
 * The random-effects model of DerSimonian and Laird (1986, "Meta-analysis in clinical trials",
 * Controlled Clinical Trials 7, 177-188) for the forces' rates y<sub>i</sub> with their own sampling
 * variances v<sub>i</sub>: y<sub>i</sub> = mu + u<sub>i</sub> + e<sub>i</sub>, u<sub>i</sub> ~ N(0,
 * tau2), e<sub>i</sub> ~ N(0, v<sub>i</sub>), and each force's best linear unbiased predictor (BLUP),
 * exactly as R's metafor computes {@code rma(yi, vi, method = "DL")} and {@code blup()}:
 *
 * <ul>
 *   <li>w<sub>i</sub> = 1 / v<sub>i</sub>, the fixed-effect mean y&#772; = sum w<sub>i</sub>
 *       y<sub>i</sub> / sum w<sub>i</sub>, Cochran's Q = sum w<sub>i</sub> (y<sub>i</sub> -
 *       y&#772;)<sup>2</sup>;</li>
 *   <li>tau2 = max(0, (Q - (k - 1)) / (sum w<sub>i</sub> - sum w<sub>i</sub><sup>2</sup> / sum
 *       w<sub>i</sub>));</li>
 *   <li>mu = sum w*<sub>i</sub> y<sub>i</sub> / sum w*<sub>i</sub>, w*<sub>i</sub> = 1 / (v<sub>i</sub>
 *       + tau2), with variance var(mu) = 1 / sum w*<sub>i</sub>;</li>
 *   <li>I<sup>2</sup> = tau2 / (tau2 + s<sup>2</sup>), s<sup>2</sup> = (k - 1) sum w<sub>i</sub> /
 *       ((sum w<sub>i</sub>)<sup>2</sup> - sum w<sub>i</sub><sup>2</sup>) (metafor's "typical" within
 *       variance);</li>
 *   <li>the BLUP of force i ({@link #blup}): lambda<sub>i</sub> = tau2 / (tau2 + v<sub>i</sub>),
 *       prediction lambda<sub>i</sub> y<sub>i</sub> + (1 - lambda<sub>i</sub>) mu, variance
 *       lambda<sub>i</sub> v<sub>i</sub> + (1 - lambda<sub>i</sub>)<sup>2</sup> var(mu) (metafor's
 *       {@code blup.rma.uni}); the interval prediction &plusmn; z se.</li>
 * </ul>
 *
 * With tau2 = 0 every force is predicted at mu (complete pooling); the larger tau2 against a force's
 * own variance, the less it is shrunk.
 *
 * @param forces the number of forces k
 * @param mu     the random-effects mean
 * @param muSe   the standard error of mu, sqrt(1 / sum w*<sub>i</sub>)
 * @param tau2   the between-force variance, 0 or more
 * @param q      Cochran's Q
 * @param i2     I<sup>2</sup>, the share of the total variance between forces, in [0, 1]
 */
public record RandomEffects(int forces, double mu, double muSe, double tau2, double q, double i2) {

    /**
     * Validates the record.
     *
     * @throws IllegalArgumentException for fewer than one force, a non-finite mu, a standard error not
     *                                  above 0, a negative tau2 or Q, or I<sup>2</sup> outside [0, 1]
     */
    public RandomEffects {
        if (forces < 1) {
            throw new IllegalArgumentException("forces (" + forces + ") must be at least 1");
        }
        if (!Double.isFinite(mu)) {
            throw new IllegalArgumentException("mu (" + mu + ") must be finite");
        }
        Args.positive("muSe", muSe);
        Args.nonNegative("tau2", tau2);
        Args.nonNegative("q", q);
        Args.inRange("i2", i2, 0, 1);
    }

    /**
     * A force's best linear unbiased predictor.
     *
     * @param estimate the prediction lambda y + (1 - lambda) mu
     * @param se       its standard error, sqrt(lambda v + (1 - lambda)<sup>2</sup> var(mu))
     */
    public record Prediction(double estimate, double se) {

        /**
         * The prediction interval as metafor's {@code blup()} gives it, {@code estimate +/- z se}, not
         * clipped.
         *
         * @param z the critical value, e.g. 1.959964 for 95%
         * @return {lower, upper}
         */
        public double[] interval(double z) {
            return new double[] {estimate - z * se, estimate + z * se};
        }
    }

    /**
     * Fits the model.
     *
     * @param y the outcomes (rates), finite
     * @param v their sampling variances, finite and above 0, as many
     * @return the fit
     * @throws IllegalArgumentException if the arrays are null, empty or of different lengths, or hold a
     *                                  value out of range
     */
    public static RandomEffects dersimonianLaird(double[] y, double[] v) {
        Args.notNull("y", y);
        Args.notNull("v", v);
        int k = y.length;
        if (k == 0 || v.length != k) {
            throw new IllegalArgumentException("y (" + k + " values) and v (" + v.length
                    + " values) must be as many, at least one");
        }
        double w = 0;
        double w2 = 0;
        double wy = 0;
        for (int i = 0; i < k; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("y " + (i + 1) + " (" + y[i] + ") must be finite");
            }
            Args.positive("v", v[i]);
            double weight = 1 / v[i];
            w += weight;
            w2 += weight * weight;
            wy += weight * y[i];
        }
        double fixed = wy / w;
        double q = 0;
        for (int i = 0; i < k; i++) {
            double d = y[i] - fixed;
            q += d * d / v[i];
        }
        double c = w - w2 / w;
        double tau2 = k > 1 && c > 0 ? Math.max(0, (q - (k - 1)) / c) : 0;
        double ws = 0;
        double wsy = 0;
        for (int i = 0; i < k; i++) {
            double weight = 1 / (v[i] + tau2);
            ws += weight;
            wsy += weight * y[i];
        }
        double typical = k > 1 ? (k - 1) * w / (w * w - w2) : 0;
        double i2 = tau2 > 0 ? tau2 / (tau2 + typical) : 0;
        return new RandomEffects(k, wsy / ws, Math.sqrt(1 / ws), tau2, q, Math.min(1, i2));
    }

    /**
     * The best linear unbiased predictor of a force of this fit (metafor's {@code blup()}).
     *
     * @param y the force's outcome, as fitted
     * @param v its sampling variance, as fitted, above 0
     * @return the prediction and its standard error
     * @throws IllegalArgumentException if {@code y} is not finite or {@code v} not finite and above 0
     */
    public Prediction blup(double y, double v) {
        if (!Double.isFinite(y)) {
            throw new IllegalArgumentException("y (" + y + ") must be finite");
        }
        Args.positive("v", v);
        double lambda = tau2 / (tau2 + v);
        double estimate = lambda * y + (1 - lambda) * mu;
        double variance = lambda * v + (1 - lambda) * (1 - lambda) * muSe * muSe;
        return new Prediction(estimate, Math.sqrt(variance));
    }

    /** {@code "DerSimonian-Laird: mu 91.0% (se 0.45 points), tau2 6.1e-4 (SD 2.47 points), I2 81%, Q 220.4"}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "DerSimonian-Laird: mu %s (se %.2f points), tau2 %.3g (SD %.2f points), "
                + "I2 %.0f%%, Q %.1f on %d forces", Percent.format(mu), 100 * muSe, tau2, 100 * Math.sqrt(tau2),
                100 * i2, q, forces);
    }
}
