package org.recordingrate.forces;

import java.util.Arrays;
import java.util.Locale;

import org.apache.commons.math3.special.Gamma;
import org.recordingrate.internal.Args;

/**
 * Over-dispersion of the forces' z-scores after Spiegelhalter (2005, "Handling over-dispersion of
 * performance indicators", Quality and Safety in Health Care 14, 347-351), as R's FunnelPlotR computes
 * it ({@code winsorisation}, {@code phi_func}, {@code tau_func}):
 *
 * <ol>
 *   <li>the z-scores z<sub>i</sub> = (p<sub>i</sub> - target) / s<sub>i</sub>, s<sub>i</sub> =
 *       sqrt(target (1 - target) / n<sub>i</sub>), are <b>winsorised</b>: those below the q-th
 *       quantile are set to it, those above the (1 - q)-th to that (q = 0.1 by default; quantiles as R's
 *       default {@code quantile(type = 7)}: with the z-scores sorted, h = (I - 1) q, the value at
 *       floor(h) plus (h - floor(h)) times the step to the next);</li>
 *   <li><b>phi</b> = (1 / I) sum of the squared winsorised z-scores: about 1 when the forces differ
 *       only by sampling error, more when they truly differ (multiplicative over-dispersion);</li>
 *   <li><b>tau2</b> = max(0, (I phi - (I - 1)) / (sum w<sub>i</sub> - sum w<sub>i</sub><sup>2</sup> /
 *       sum w<sub>i</sub>)), w<sub>i</sub> = 1 / s<sub>i</sub><sup>2</sup>: the between-force variance
 *       of the additive (random-effects) model, DerSimonian and Laird's moment estimator with I phi
 *       in place of Cochran's Q; 0 when I phi &lt; I - 1, and 0 for a single force.</li>
 * </ol>
 *
 * <p>{@link #pValue()} is the chance of an I phi at least as large among forces that differ only by
 * sampling error, taking I phi as chi-square with I - 1 degrees of freedom (Spiegelhalter 2005; an
 * approximation, the more so after winsorising).
 *
 * @param forces    the number of forces I
 * @param winsorise the fraction q winsorised at each end, in [0, 0.5)
 * @param lowerZ    the q-th quantile of the z-scores: smaller ones were raised to it
 * @param upperZ    the (1 - q)-th quantile: larger ones were lowered to it
 * @param phi       the mean of the squared winsorised z-scores, 0 or more
 * @param tau2      the additive between-force variance (a variance of rates: fractions squared), 0 or more
 * @param pValue    P(chi-square with I - 1 degrees of freedom &gt;= I phi); 1 for a single force
 */
public record Dispersion(int forces, double winsorise, double lowerZ, double upperZ, double phi, double tau2,
                         double pValue) {

    /** FunnelPlotR's and Spiegelhalter's default: 10% at each end. */
    public static final double DEFAULT_WINSORISE = 0.1;

    /**
     * Validates the record.
     *
     * @throws IllegalArgumentException for fewer than one force, q outside [0, 0.5), quantiles in the
     *                                  wrong order, or a negative or non-finite phi or tau2, or a p-value
     *                                  outside [0, 1]
     */
    public Dispersion {
        if (forces < 1) {
            throw new IllegalArgumentException("forces (" + forces + ") must be at least 1");
        }
        checkWinsorise(winsorise);
        if (!(lowerZ <= upperZ)) {
            throw new IllegalArgumentException("lowerZ (" + lowerZ + ") must not exceed upperZ (" + upperZ + ")");
        }
        Args.nonNegative("phi", phi);
        Args.nonNegative("tau2", tau2);
        Args.inRange("p-value", pValue, 0, 1);
    }

    /**
     * Phi and tau2 from z-scores and their standard errors at the target.
     *
     * @param z         the z-scores (p<sub>i</sub> - target) / s<sub>i</sub>, finite; not changed
     * @param s         the standard errors s<sub>i</sub> at the target, finite and above 0, as many
     * @param winsorise the fraction q winsorised at each end, in [0, 0.5)
     * @return the estimates
     * @throws IllegalArgumentException if the arrays are null, empty or of different lengths, hold a
     *                                  value out of range, or q is outside [0, 0.5)
     */
    public static Dispersion estimate(double[] z, double[] s, double winsorise) {
        Args.notNull("z", z);
        Args.notNull("s", s);
        checkWinsorise(winsorise);
        int count = z.length;
        if (count == 0 || s.length != count) {
            throw new IllegalArgumentException("z (" + count + " values) and s (" + s.length
                    + " values) must be as many, at least one");
        }
        double[] sorted = z.clone();
        for (int i = 0; i < count; i++) {
            if (!Double.isFinite(z[i])) {
                throw new IllegalArgumentException("z-score " + (i + 1) + " (" + z[i] + ") must be finite");
            }
            Args.positive("s", s[i]);
        }
        Arrays.sort(sorted);
        double lower = quantile7(sorted, winsorise);
        double upper = quantile7(sorted, 1 - winsorise);
        double squares = 0;
        double w = 0;
        double w2 = 0;
        for (int i = 0; i < count; i++) {
            double clipped = Math.max(lower, Math.min(upper, z[i]));
            squares += clipped * clipped;
            double weight = 1 / (s[i] * s[i]);
            w += weight;
            w2 += weight * weight;
        }
        double phi = squares / count;
        double excess = count * phi - (count - 1);
        double denominator = w - w2 / w;
        // one force: the denominator is 0 in exact arithmetic but a rounding residue (1e-14) in floating point,
        // which made tau2 = I phi / 1e-14; with one force there is no between-force variance to estimate
        double tau2 = count > 1 && excess > 0 && denominator > 0 ? excess / denominator : 0;
        // the upper tail directly (Q(k/2, x/2), a continued fraction in the tail), not 1 - CDF, which is 0 below 1e-16
        double p = count < 2 ? 1 : Gamma.regularizedGammaQ((count - 1) / 2.0, count * phi / 2);
        return new Dispersion(count, winsorise, lower, upper, phi, tau2, Math.max(0, Math.min(1, p)));
    }

    /**
     * R's default quantile (Hyndman and Fan 1996, type 7) of sorted values: h = (n - 1) p, the value
     * at floor(h) plus (h - floor(h)) times the step to the next.
     */
    static double quantile7(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }

    private static void checkWinsorise(double winsorise) {
        if (!(winsorise >= 0 && winsorise < 0.5)) {
            throw new org.recordingrate.error.ArgumentException("winsorise", "winsorise (" + Args.show(winsorise)
                    + ") must be a fraction at least 0 and below 0.5: the share of z-scores pulled in at each end"
                    + (winsorise >= 1 && winsorise < 50 ? " (did you mean " + Args.show(winsorise / 100) + "?)" : ""));
        }
    }

    /** Whether the multiplicative allowance applies: phi above 1. */
    boolean multiplicative() {
        return phi > 1;
    }

    /** Whether the additive allowance applies: tau2 above 0. */
    boolean additive() {
        return tau2 > 0;
    }

    /** {@code "phi 22.1, tau2 0.00203 (between-force SD 4.5 points), 10% winsorised at each end"}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "phi %.3g, tau2 %.3g (between-force SD %.2f points), %s winsorised at each end",
                phi, tau2, 100 * Math.sqrt(tau2), Args.show(100 * winsorise) + "%");
    }
}
