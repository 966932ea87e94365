package org.recordingrate.internal;

import org.apache.commons.math3.special.Gamma;

/**
 * Auxiliary functions of the incomplete beta function, each accurate to a few units in the last
 * place over the range where {@link IncompleteBeta} and {@link BetaInverse} use it: ln &Gamma; and
 * ln B, Stirling corrections, ln &Gamma;(b)/&Gamma;(a + b), x - ln(1 + x), the scaled complementary
 * error function and the power term x<sup>a</sup> y<sup>b</sup> / B(a, b).
 *
 * <p>They follow DiDonato and Morris, "Algorithm 708: significant digit computation of the
 * incomplete beta function ratios", ACM TOMS 18 (1992) 360-373 (functions {@code gamln},
 * {@code betaln}, {@code bcorr}, {@code algdiv}, {@code rlog1}, {@code erfc1} and {@code brcomp}),
 * with these changes: the Stirling series carries ten exact Bernoulli terms instead of six fitted
 * ones (error below 1e-17 for arguments of 8 and more instead of about 1e-15); 1/&Gamma;(1 + t) - 1
 * is Commons Math's double-precision version (NSWC DGAM1); x - ln(1 + x) is a series in
 * x / (2 + x) instead of a rational fit; the error function is Cody's (Math. Comp. 23 (1969)
 * 631-638), accurate to about 1e-16, where TOMS 708 carries 15 digits; and the power term for one
 * small and one huge shape is rearranged so that it does not cancel (see
 * {@link #logPowerSmallLarge}).
 *
 * <p>Not part of the API.
 */
final class BetaSupport {

    /** ln sqrt(2 pi). */
    private static final double HALF_LOG_2PI = 0.9189385332046728;
    /** 1 / sqrt(2 pi). */
    private static final double INV_SQRT_2PI = 0.3989422804014327;

    /**
     * B<sub>2k</sub> / (2k (2k - 1)), k = 1..10: ln &Gamma;(a) = (a - 1/2) ln a - a + ln sqrt(2 pi)
     * + &Sigma; c<sub>k</sub> / a<sup>2k-1</sup>. For a &gt;= 8 the first omitted term is below 2e-18.
     */
    private static final double[] STIRLING = {
        1.0 / 12, -1.0 / 360, 1.0 / 1260, -1.0 / 1680, 1.0 / 1188,
        -691.0 / 360360, 1.0 / 156, -3617.0 / 122400, 43867.0 / 244188, -174611.0 / 125400,
    };

    /** Terms of x - ln(1 + x) = r x - 2 r^3 (1/3 + r^2/5 + ...): (r^2)^15 &lt; 1e-18 for |r| &lt;= 1/4. */
    private static final int LOG_SERIES_TERMS = 15;

    // Cody's rational approximations: erf on |x| <= 0.46875, erfc on (0.46875, 4] and beyond 4
    private static final double[] ERF_A = {
        3.16112374387056560e00, 1.13864154151050156e02, 3.77485237685302021e02,
        3.20937758913846947e03, 1.85777706184603153e-1,
    };
    private static final double[] ERF_B = {
        2.36012909523441209e01, 2.44024637934444173e02, 1.28261652607737228e03, 2.84423683343917062e03,
    };
    private static final double[] ERFC_C = {
        5.64188496988670089e-1, 8.88314979438837594e00, 6.61191906371416295e01,
        2.98635138197400131e02, 8.81952221241769090e02, 1.71204761263407058e03,
        2.05107837782607147e03, 1.23033935479799725e03, 2.15311535474403846e-8,
    };
    private static final double[] ERFC_D = {
        1.57449261107098347e01, 1.17693950891312499e02, 5.37181101862009858e02,
        1.62138957456669019e03, 3.29079923573345963e03, 4.36261909014324716e03,
        3.43936767414372164e03, 1.23033935480374942e03,
    };
    private static final double[] ERFC_P = {
        3.05326634961232344e-1, 3.60344899949804439e-1, 1.25781726111229246e-1,
        1.60837851487422766e-2, 6.58749161529837803e-4, 1.63153871373020978e-2,
    };
    private static final double[] ERFC_Q = {
        2.56852019228982242e00, 1.87295284992346047e00, 5.27905102951428412e-1,
        6.05183413124413191e-2, 2.33520497626869185e-3,
    };
    // Cody, Strecok and Thacher, Math. Comp. 27 (1973) 123-127, as in TOMS 708 psi:
    // psi(x) / (x - x0) on [1/2, 3], x0 the positive zero of psi, and psi(x) - ln x + 1/(2x) beyond
    private static final double[] PSI_P1 = {
        .0089538502298197, 4.77762828042627, 142.441585084029, 1186.45200713425, 3633.51846806499,
        4138.10161269013, 1305.60269827897,
    };
    private static final double[] PSI_Q1 = {
        44.8452573429826, 520.752771467162, 2210.0079924783, 3641.27349079381, 1908.310765963,
        6.91091682714533e-6,
    };
    private static final double[] PSI_P2 = {-2.12940445131011, -7.01677227766759, -4.48616543918019, -.648157123766197};
    private static final double[] PSI_Q2 = {32.2703493791143, 89.2920700481861, 54.6117738103215, 7.77788548522962};
    private static final double PSI_ZERO = 1.461632144968362341262659542325721325;
    /** Beyond this psi(x) = ln x to double precision. */
    private static final double PSI_LOG_ABOVE = 2147483647;

    /** 1 / sqrt(pi), the leading term of x exp(x^2) erfc(x) for large x. */
    private static final double INV_SQRT_PI = 5.6418958354775628695e-1;

    private BetaSupport() {
    }

    /**
     * x - ln(1 + x) for x &gt; -1, without the cancellation of the direct formula near 0
     * (TOMS 708 {@code rlog1}). With r = x / (2 + x), ln(1 + x) = 2 atanh(r) and x - 2r = r x, so
     * x - ln(1 + x) = r x - 2 (r<sup>3</sup>/3 + r<sup>5</sup>/5 + ...), both parts of one sign
     * pattern that loses at most a tenth of the leading term.
     */
    static double xMinusLog1p(double x) {
        if (x < -0.4 || x > 0.6) {
            return x - Math.log1p(x); // at most a factor 5 of cancellation here
        }
        double r = x / (2 + x);
        double r2 = r * r;
        double series = 1.0 / (2 * LOG_SERIES_TERMS + 1);
        for (int k = LOG_SERIES_TERMS - 1; k >= 1; k--) {
            series = series * r2 + 1.0 / (2 * k + 1);
        }
        return r * x - 2 * r * r2 * series;
    }

    /**
     * The digamma function psi(x) = d ln &Gamma;(x) / dx for x &gt; 0 (TOMS 708 {@code psi}; Commons
     * Math's {@code Gamma.digamma} is off by 3e-9 at x = 1/2): below 1/2 by the reflection
     * psi(x) = psi(1 - x) - pi cot(pi x), on [1/2, 3] from a rational approximation of
     * psi(x) / (x - x0) that keeps the zero x0 exact, beyond from the asymptotic form.
     */
    static double digamma(double x) {
        double aug = 0;
        if (x < 0.5) {
            aug = -Math.PI / Math.tan(Math.PI * x);
            x = 1 - x;
        }
        if (x <= 3) {
            double num = PSI_P1[0] * x;
            double den = x;
            for (int i = 1; i <= 5; i++) {
                den = (den + PSI_Q1[i - 1]) * x;
                num = (num + PSI_P1[i]) * x;
            }
            return (num + PSI_P1[6]) / (den + PSI_Q1[5]) * (x - PSI_ZERO) + aug;
        }
        if (x < PSI_LOG_ABOVE) {
            double w = 1 / (x * x);
            double num = PSI_P2[0] * w;
            double den = w;
            for (int i = 1; i <= 3; i++) {
                den = (den + PSI_Q2[i - 1]) * w;
                num = (num + PSI_P2[i]) * w;
            }
            aug += num / (den + PSI_Q2[3]) - 0.5 / x;
        }
        return aug + Math.log(x);
    }

    /** exp(x<sup>2</sup>) erfc(x) for x &gt;= 0 (Cody's ERFCX): about 1 / (x sqrt(pi)) for large x. */
    static double erfcScaled(double x) {
        if (x <= 0.46875) {
            return Math.exp(x * x) * (1 - erfSmall(x));
        }
        if (x <= 4) {
            double num = ERFC_C[8] * x;
            double den = x;
            for (int i = 0; i < 7; i++) {
                num = (num + ERFC_C[i]) * x;
                den = (den + ERFC_D[i]) * x;
            }
            return (num + ERFC_C[7]) / (den + ERFC_D[7]);
        }
        if (x >= 6.71e7) {
            return INV_SQRT_PI / x; // 1 - 1/(2 x^2) rounds to 1
        }
        double inv2 = 1 / (x * x);
        double num = ERFC_P[5] * inv2;
        double den = inv2;
        for (int i = 0; i < 4; i++) {
            num = (num + ERFC_P[i]) * inv2;
            den = (den + ERFC_Q[i]) * inv2;
        }
        return (INV_SQRT_PI - inv2 * (num + ERFC_P[4]) / (den + ERFC_Q[4])) / x;
    }

    /** erf(x) for 0 &lt;= x &lt;= 1/2 (beyond Cody's first interval, from erfc without cancellation). */
    static double erf(double x) {
        if (x <= 0.46875) {
            return erfSmall(x);
        }
        return 1 - Math.exp(-x * x) * erfcScaled(x);
    }

    private static double erfSmall(double x) {
        double x2 = x * x;
        double num = ERF_A[4] * x2;
        double den = x2;
        for (int i = 0; i < 3; i++) {
            num = (num + ERF_A[i]) * x2;
            den = (den + ERF_B[i]) * x2;
        }
        return x * (num + ERF_A[3]) / (den + ERF_B[3]);
    }

    /**
     * del(a) + del(b) - del(a + b) for a, b &gt;= 8, where del is the Stirling correction
     * ln &Gamma;(a) - ((a - 1/2) ln a - a + ln sqrt(2 pi)) (TOMS 708 {@code bcorr}). The difference
     * del(b) - del(a + b) is summed in closed form per power so that it does not cancel.
     */
    static double stirlingCorrection(double a0, double b0) {
        double a = Math.min(a0, b0);
        double b = Math.max(a0, b0);
        double h = a / b;
        return stirlingDelta(a) + stirlingDifference(h / (1 + h), 1 / (1 + h), b);
    }

    /**
     * ln(&Gamma;(b) / &Gamma;(a + b)) for b &gt;= 8 and any a &gt; 0 (TOMS 708 {@code algdiv}), without
     * the cancellation of a difference of log-gamma values when a is small next to b.
     */
    static double logGammaRatio(double a, double b) {
        double c;
        double x;
        double d;
        if (a > b) {
            double h = b / a;
            c = 1 / (1 + h);
            x = h / (1 + h);
            d = a + (b - 0.5);
        } else {
            double h = a / b;
            c = h / (1 + h);
            x = 1 / (1 + h);
            d = b + (a - 0.5);
        }
        double w = stirlingDifference(c, x, b);
        // ln G(b) - ln G(a+b) = -(a + b - 1/2) ln(1 + a/b) - a (ln b - 1) + w; add the smaller first
        double u = d * Math.log1p(a / b);
        double v = a * (Math.log(b) - 1);
        return u > v ? (w - v) - u : (w - u) - v;
    }

    /** del(a) for a &gt;= 8. */
    private static double stirlingDelta(double a) {
        double t = 1 / (a * a);
        double sum = STIRLING[STIRLING.length - 1];
        for (int k = STIRLING.length - 2; k >= 0; k--) {
            sum = sum * t + STIRLING[k];
        }
        return sum / a;
    }

    /**
     * del(b) - del(a + b) given c = a / (a + b), x = b / (a + b) and b &gt;= 8: the term
     * c<sub>k</sub> (b<sup>-n</sup> - (a+b)<sup>-n</sup>), n = 2k - 1, equals c<sub>k</sub> b<sup>-n</sup>
     * (1 - x<sup>n</sup>) = c<sub>k</sub> b<sup>-n</sup> c s<sub>n</sub> with
     * s<sub>n</sub> = 1 + x + ... + x<sup>n-1</sup>.
     */
    private static double stirlingDifference(double c, double x, double b) {
        double x2 = x * x;
        double t = 1 / (b * b);
        double s = 1; // s_1 = 1, s_{n+2} = 1 + x + x^2 s_n
        double tk = 1;
        double sum = 0;
        for (double ck : STIRLING) {
            sum += ck * s * tk;
            s = 1 + x + x2 * s;
            tk *= t;
        }
        return sum * c / b;
    }

    /**
     * e<sup>mu</sup> x<sup>a</sup> y<sup>b</sup> / B(a, b) with y = 1 - x (TOMS 708 {@code brcomp} and
     * {@code brcmp1}); the factor e<sup>mu</sup> lets a caller scale a term that would underflow.
     * For a, b &gt;= 8 it is written around the mean x<sub>0</sub> = a / (a + b) as
     * sqrt(b x<sub>0</sub> / 2 pi) exp(-(a u + b v) - del) with u, v of the form e - ln(1 + e), so
     * that nothing of size a ln x cancels; for a small shape the gamma functions are taken apart
     * exactly as far as possible.
     *
     * @param x in (0, 1), with y = 1 - x (whichever of the two was given exactly is used for the logs)
     */
    static double power(double a, double b, double x, double y, int mu) {
        double a0 = Math.min(a, b);
        if (a0 >= 8) {
            return powerLarge(a, b, x, y, mu);
        }
        double lnx;
        double lny;
        if (x <= 0.375) {
            lnx = Math.log(x);
            lny = Math.log1p(-x);
        } else if (y > 0.375) {
            lnx = Math.log(x);
            lny = Math.log(y);
        } else {
            lnx = Math.log1p(-y);
            lny = Math.log(y);
        }
        double b0 = Math.max(a, b);
        if (a0 >= 1 && b0 >= 8) {
            double logPower = a <= b ? logPowerSmallLarge(a, b, x, lny) : logPowerSmallLarge(b, a, y, lnx);
            return expSum(mu, logPower);
        }
        double z = a * lnx + b * lny;
        if (a0 >= 1) {
            return expSum(mu, z - logBeta(a, b));
        }
        if (b0 >= 8) {
            // 1/B(a0, b0) = a0 / Gamma(1 + a0) * Gamma(a0 + b0) / Gamma(b0)
            return a0 * expSum(mu, z - logGamma1p(a0) - logGammaRatio(a0, b0));
        }
        if (b0 <= 1) {
            double e = expSum(mu, z);
            if (e == 0) {
                return 0;
            }
            // 1/B(a, b) = a b / (a + b) * Gamma(1 + a + b) / (Gamma(1 + a) Gamma(1 + b))
            return e * (a0 * gammaRatioSmall(a, b)) / (1 + a0 / b0);
        }
        return a0 * expSum(mu, z) * inverseBetaSmall(a0, b0);
    }

    /**
     * ln(x<sup>s</sup> y<sup>l</sup> / B(s, l)) for 1 &lt;= s &lt; 8 &lt;= l, given x and ln y. The
     * direct form s ln x + l ln y - ln B(s, l) cancels terms of size s ln l when l is huge (about
     * 1e-14 lost at l = 1e9); with ln &Gamma;(l) - ln &Gamma;(s + l) = w - (s + l - 1/2) ln(1 + s/l)
     * - s (ln l - 1) (w the Stirling difference, as in {@link #logGammaRatio}) it becomes
     * s ln(x l) + l ln(y (1 + s/l)) - s + (s - 1/2) ln(1 + s/l) - ln &Gamma;(s) - w, whose terms near
     * the mean are all of size s.
     */
    private static double logPowerSmallLarge(double s, double l, double x, double lny) {
        double h = s / l;
        double w = stirlingDifference(h / (1 + h), 1 / (1 + h), l);
        double lp = Math.log1p(h);
        return s * Math.log(x * l) + (l * (lny + lp) - s) + (s - 0.5) * lp - logGamma(s) - w;
    }

    /**
     * ln B(a, b) for a, b &gt; 0 (TOMS 708 {@code betaln}): for a small shape the gamma functions are
     * reduced to arguments near 1 and 2, where ln &Gamma; is formed from 1/&Gamma;(1 + t) - 1 to full
     * relative precision; for a large one, ln &Gamma;(b) - ln &Gamma;(a + b) comes from
     * {@link #logGammaRatio} and both large from Stirling's series, never as a difference of two
     * large log-gamma values.
     */
    static double logBeta(double a0, double b0) {
        double a = Math.min(a0, b0);
        double b = Math.max(a0, b0);
        if (a >= 8) {
            // ln B = -ln(b)/2 + ln sqrt(2 pi) + del(a) + del(b) - del(a+b) - (a - 1/2) ln(a/(a+b)) - b ln(1 + a/b)
            double w = stirlingCorrection(a, b);
            double h = a / b;
            double u = -(a - 0.5) * Math.log(h / (1 + h));
            double v = b * Math.log1p(h);
            double front = -0.5 * Math.log(b) + HALF_LOG_2PI + w;
            return u > v ? (front - v) - u : (front - u) - v; // the smaller first
        }
        if (a < 1) {
            return b < 8 ? logGamma(a) + (logGamma(b) - logGamma(a + b)) : logGamma(a) + logGammaRatio(a, b);
        }
        if (a < 2) {
            if (b <= 2) {
                return logGamma(a) + logGamma(b) - logGammaSum(a, b);
            }
            return b < 8 ? reduceB(0, a, b) : logGamma(a) + logGammaRatio(a, b);
        }
        if (b > 1000) {
            // B(a, b) = B(a - 1, b) (a - 1) / (a - 1 + b), written with b factored out of each ratio
            int n = (int) (a - 1);
            double w = 1;
            for (int i = 1; i <= n; i++) {
                a -= 1;
                w *= a / (a / b + 1);
            }
            return Math.log(w) - n * Math.log(b) + (logGamma(a) + logGammaRatio(a, b));
        }
        // reduce a to (1, 2] with B(a, b) = B(a - 1, b) (a - 1) / (a - 1 + b)
        int n = (int) (a - 1);
        double w = 1;
        for (int i = 1; i <= n; i++) {
            a -= 1;
            double h = a / b;
            w *= h / (1 + h);
        }
        double logW = Math.log(w);
        return b >= 8 ? logW + logGamma(a) + logGammaRatio(a, b) : reduceB(logW, a, b);
    }

    /**
     * logW + ln B(a, b) for 1 &lt;= a &lt;= 2 and b &lt; 8, with b reduced to (1, 2] by
     * B(a, b) = B(a, b - 1) (b - 1) / (a + b - 1) before the log-gamma functions are taken.
     */
    private static double reduceB(double logW, double a, double b) {
        int n = (int) (b - 1);
        double z = 1;
        for (int i = 1; i <= n; i++) {
            b -= 1;
            z *= b / (a + b);
        }
        return logW + Math.log(z) + (logGamma(a) + (logGamma(b) - logGammaSum(a, b)));
    }

    /** ln &Gamma;(a + b) for 1 &lt;= a, b &lt;= 2 (TOMS 708 {@code gsumln}), without forming a + b - 1 twice. */
    private static double logGammaSum(double a, double b) {
        double x = a + b - 2;
        if (x <= 0.25) {
            return logGamma1p(x + 1);
        }
        if (x <= 1.25) {
            return logGamma1p(x) + Math.log1p(x);
        }
        return logGamma1p(x - 1) + Math.log(x * (x + 1));
    }

    /**
     * ln &Gamma;(x) for x &gt; 0: from ln &Gamma;(1 + t), t in [-1/2, 3/2], after reducing x by whole
     * steps below 8, and Stirling's series (with {@link #STIRLING}) from 8 on. Relative error a
     * few units in the last place (absolute near the zeros at 1 and 2).
     */
    static double logGamma(double x) {
        if (x < 0.5) {
            return logGamma1p(x) - Math.log(x);
        }
        if (x <= 2.5) {
            return logGamma1p(x - 1);
        }
        if (x < 8) {
            double t = x;
            double w = 1;
            while (t > 2.5) {
                t -= 1;
                w *= t;
            }
            return logGamma1p(t - 1) + Math.log(w);
        }
        return (x - 0.5) * (Math.log(x) - 1) + (HALF_LOG_2PI - 0.5) + stirlingDelta(x);
    }

    /**
     * ln &Gamma;(1 + t) for -1/2 &lt;= t &lt;= 3/2, as -ln(1 + (1/&Gamma;(1 + t) - 1)) from Commons Math's
     * {@link Gamma#invGamma1pm1} (the NSWC routine DGAM1 in double precision): accurate relative to
     * its value even near the zeros t = 0 and t = 1, and faster than {@link Gamma#logGamma1p}.
     */
    static double logGamma1p(double t) {
        return -Math.log1p(Gamma.invGamma1pm1(t));
    }

    /**
     * 1 / (a0 B(a0, b0)) for a0 &lt; 1 &lt; b0 &lt; 8: b0 is reduced by whole steps to (0, 1] with
     * B(a, b) = B(a, b - 1) (b - 1) / (a + b - 1), then the gamma functions are taken from
     * 1/&Gamma;(1 + t) - 1, which is accurate near t = 0 where ln &Gamma; is not.
     */
    static double inverseBetaSmall(double a0, double b0) {
        double logPart = logGamma1p(a0);
        int n = (int) (b0 - 1);
        double c = 1;
        for (int i = 1; i <= n; i++) {
            b0 -= 1;
            c *= b0 / (a0 + b0);
        }
        logPart += Math.log(c);
        b0 -= 1;
        double apb = a0 + b0;
        double t = apb > 1 ? (1 + Gamma.invGamma1pm1(apb - 1)) / apb : 1 + Gamma.invGamma1pm1(apb);
        return Math.exp(-logPart) * (1 + Gamma.invGamma1pm1(b0)) / t;
    }

    /** &Gamma;(1 + a + b) / (&Gamma;(1 + a) &Gamma;(1 + b)) for a, b &lt;= 1, from 1/&Gamma;(1 + t) - 1. */
    static double gammaRatioSmall(double a, double b) {
        double apb = a + b;
        double z = apb > 1 ? (1 + Gamma.invGamma1pm1(apb - 1)) / apb : 1 + Gamma.invGamma1pm1(apb);
        return (1 + Gamma.invGamma1pm1(a)) * (1 + Gamma.invGamma1pm1(b)) / z;
    }

    private static double powerLarge(double a, double b, double x, double y, int mu) {
        double x0;
        double y0;
        double lambda = IncompleteBeta.lambda(a, b, x, y);
        if (a <= b) {
            double h = a / b;
            x0 = h / (1 + h);
            y0 = 1 / (1 + h);
        } else {
            double h = b / a;
            x0 = 1 / (1 + h);
            y0 = h / (1 + h);
        }
        // x = x0 (1 + e) with e = -lambda/a, y = y0 (1 + f) with f = lambda/b, so that
        // a ln(x / x0) + b ln(y / y0) = -(a u + b v), u = e - ln(1 + e), v = f - ln(1 + f): taken
        // from the accurate lambda, except where 1 + e (or 1 + f) is so small that its rounding
        // matters; there x (or y) is below 0.4, so exact, and the ratio is formed directly
        double e = -lambda / a;
        double u = e < -0.6 ? e - Math.log(x / x0) : xMinusLog1p(e);
        double f = lambda / b;
        double v = f < -0.6 ? f - Math.log(y / y0) : xMinusLog1p(f);
        double z = expSum(mu, -(a * u + b * v));
        return INV_SQRT_2PI * Math.sqrt(b * x0) * z * Math.exp(-stirlingCorrection(a, b));
    }

    /**
     * e<sup>mu + z</sup>: as a product when that neither overflows nor underflows, since mu + z
     * would round to the spacing of mu (1e-13 for mu = 708).
     */
    private static double expSum(int mu, double z) {
        if (mu == 0) {
            return Math.exp(z);
        }
        if (Math.abs(z) < 700) {
            return Math.exp(mu) * Math.exp(z);
        }
        return Math.exp(mu + z);
    }
}
