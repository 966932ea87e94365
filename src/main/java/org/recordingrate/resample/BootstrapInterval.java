package org.recordingrate.resample;

import org.recordingrate.model.Token;

import org.recordingrate.internal.Args;
import org.recordingrate.internal.Normal;
import org.recordingrate.model.Interval;

/**
 * Bootstrap confidence intervals, each constant carrying its computation from a bootstrap
 * distribution of the statistic t (Monte Carlo replicates, or the exact distribution). With
 * alpha = 1 - confidence, z = &Phi;<sup>-1</sup>(1 - alpha/2) and q(&beta;) the &beta; quantile of the
 * replicates (R's {@code boot} convention: order statistic (B + 1)&beta;, interpolated on the normal
 * scale; see {@code MonteCarloDistribution}). The definitions are R's {@code boot.ci} (Canty and
 * Ripley; Davison and Hinkley 1997, chapter 5), except where stated; bounds are clipped to the
 * statistic's range ([0, 1] for a rate, [-1, 1] for a change), which {@code boot.ci} does not do.
 */
public enum BootstrapInterval implements Token {

    /** [q(alpha/2), q(1 - alpha/2)] (Efron 1979). */
    PERCENTILE("bootstrap percentile") {
        @Override
        Interval compute(Distribution d, double confidence, TieCounting ties) {
            double alpha = 1 - confidence;
            double[] q = d.quantiles(alpha / 2, 1 - alpha / 2);
            return clip(d, q[0], q[1]);
        }
    },

    /** The basic ("reverse percentile") interval [2t - q(1 - alpha/2), 2t - q(alpha/2)]. */
    BASIC("basic bootstrap") {
        @Override
        Interval compute(Distribution d, double confidence, TieCounting ties) {
            double alpha = 1 - confidence;
            double[] q = d.quantiles(1 - alpha / 2, alpha / 2);
            double t = d.estimate();
            return clip(d, 2 * t - q[0], 2 * t - q[1]);
        }
    },

    /**
     * The normal interval with bootstrap bias correction, t - b &plusmn; z s, where b = mean(t*) - t
     * and s&sup2; = var(t*) (B - 1 denominator), as {@code boot.ci(type = "norm")}.
     */
    NORMAL("bootstrap normal") {
        @Override
        Interval compute(Distribution d, double confidence, TieCounting ties) {
            double z = Normal.twoSidedCritical(confidence);
            double bias = d.mean() - d.estimate();
            double half = z * Math.sqrt(d.variance());
            return clip(d, d.estimate() - bias - half, d.estimate() - bias + half);
        }
    },

    /**
     * Efron's (1987) bias-corrected and accelerated interval: [q(&beta;<sub>1</sub>), q(&beta;<sub>2</sub>)] with
     * &beta; = &Phi;(z<sub>0</sub> + (z<sub>0</sub> + z<sub>&plusmn;</sub>)/(1 - a(z<sub>0</sub> + z<sub>&plusmn;</sub>))),
     * z<sub>0</sub> = &Phi;<sup>-1</sup>(share of replicates below t), ties counted by a
     * {@link TieCounting} (half, by default, as scipy; R counts none), and the acceleration a
     * from the jackknife in closed form on the counts, by Davison and Hinkley's stratified formula
     * (for several categories this differs from R's {@code boot.ci}, which pools the categories'
     * jackknife values; see {@code LinearStatistic.acceleration}). When z<sub>0</sub> is infinite
     * (every replicate on one side) the bound is the extreme replicate.
     */
    BCA("bootstrap BCa") {
        @Override
        Interval compute(Distribution d, double confidence, TieCounting ties) {
            double[] q = d.quantiles(bcaLevels(d, confidence, ties));
            return clip(d, q[0], q[1]);
        }
    },

    /**
     * The studentized ("bootstrap-t") interval [t - s q<sub>t</sub>(1 - alpha/2), t - s q<sub>t</sub>(alpha/2)],
     * q<sub>t</sub> the quantiles of t* = (T* - t)/s*, where s and s* are the binomial standard errors
     * (sum w<sub>k</sub>&sup2; p<sub>k</sub>(1 - p<sub>k</sub>)/n<sub>k</sub>)<sup>1/2</sup> on the data and on
     * the replicate. A replicate whose s* is 0 gives t* = 0 if it equals t and &plusmn;infinity
     * otherwise, and is kept (R's {@code boot.ci} drops non-finite t*, which biases the quantiles
     * for rates near 0 or 1).
     */
    STUDENTIZED("bootstrap studentized") {
        @Override
        Interval compute(Distribution d, double confidence, TieCounting ties) {
            double alpha = 1 - confidence;
            double[] q = d.quantiles(1 - alpha / 2, alpha / 2);
            double s = d.observedStandardError();
            double lower = q[0] == Double.POSITIVE_INFINITY ? d.lowest() : d.estimate() - s * q[0];
            double upper = q[1] == Double.NEGATIVE_INFINITY ? d.highest() : d.estimate() - s * q[1];
            return clip(d, lower, upper);
        }
    },

    /**
     * The exact bootstrap percentile interval: [Q(alpha/2), Q(1 - alpha/2)] with
     * Q(&beta;) = inf{t : F(t) &gt;= &beta;} of the bootstrap distribution itself (no Monte Carlo error):
     * binomial quantiles for one category, the convolution of the categories' weighted binomials
     * for several, within the stated lattice error (see {@code ExactDistribution}). The
     * percentile intervals of Monte Carlo replicates converge to it.
     */
    EXACT("exact bootstrap percentile") {
        @Override
        Interval compute(Distribution d, double confidence, TieCounting ties) {
            return PERCENTILE.compute(d, confidence, ties);
        }
    };

    private final String displayName;

    BootstrapInterval(String displayName) {
        this.displayName = displayName;
    }

    /**
     * The name for people, e.g. {@code "bootstrap BCa"}.
     *
     * @return the display name
     */
    @Override
    public String displayName() {
        return displayName;
    }

    /** Whether the replicates must be studentized. */
    boolean studentized() {
        return this == STUDENTIZED;
    }

    /**
     * BCa's adjusted levels {&beta;<sub>1</sub>, &beta;<sub>2</sub>}: &Phi;(z<sub>0</sub> + (z<sub>0</sub> + z)/(1 - a(z<sub>0</sub> + z)))
     * at z = -+&Phi;<sup>-1</sup>(1 - alpha/2); 0 or 1 when z<sub>0</sub> is infinite.
     */
    static double[] bcaLevels(Distribution d, double confidence, TieCounting ties) {
        double z0 = Normal.quantile(d.shareBelow(ties));
        double a = d.acceleration();
        double z = Normal.twoSidedCritical(confidence);
        return new double[] {adjusted(z0, a, -z), adjusted(z0, a, z)};
    }

    private static double adjusted(double z0, double a, double zAlpha) {
        if (Double.isInfinite(z0)) {
            return z0 > 0 ? 1 : 0;
        }
        double s = z0 + zAlpha;
        return Normal.cdf(z0 + s / (1 - a * s));
    }

    /** The interval from the bootstrap distribution {@code d} (ties matter to BCa only). */
    abstract Interval compute(Distribution d, double confidence, TieCounting ties);

    private static Interval clip(Distribution d, double lower, double upper) {
        double lo = Math.max(d.lowest(), Math.min(d.highest(), lower));
        double hi = Math.max(d.lowest(), Math.min(d.highest(), upper));
        return new Interval(Math.min(lo, hi), Math.max(lo, hi));
    }

}
