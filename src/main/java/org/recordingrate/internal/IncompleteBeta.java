package org.recordingrate.internal;

import org.apache.commons.math3.special.Gamma;

/**
 * The incomplete beta ratio I<sub>x</sub>(a, b) and its complement by the algorithm BRATIO of
 * DiDonato and Morris, "Algorithm 708: significant digit computation of the incomplete beta
 * function ratios", ACM TOMS 18 (1992) 360-373, the algorithm behind R's {@code pbeta}.
 *
 * <p>The cost does not grow with the shapes: instead of one continued fraction, which needs about
 * sqrt(min(a, b)) terms near the mean, the parameter plane is cut into regions, each with an
 * expansion that converges in a few dozen terms there:
 * <ul>
 *   <li>{@code bpser}: the power series in x, for b &lt;= 1 or b x &lt;= 0.7;</li>
 *   <li>{@code bup}: the finite sum I<sub>x</sub>(a, b) - I<sub>x</sub>(a + n, b), to move a shape
 *       into the range of another method;</li>
 *   <li>{@code bfrac}: a continued fraction for a, b &gt; 1 away from the mean
 *       (|lambda| = |a - (a + b) x| &gt; 0.03 min(a, b));</li>
 *   <li>{@code bgrat}: the asymptotic expansion in incomplete gamma functions for a &gt;= 15,
 *       b &lt;= 1;</li>
 *   <li>{@code basym}: Temme's uniform asymptotic expansion for a, b &gt;= 100 near the mean;</li>
 *   <li>{@code apser}, {@code fpser}: series for a shape below 1e-15.</li>
 * </ul>
 * Each region computes directly whichever of I and 1 - I is the smaller (apart from a few
 * regions where the direct value stays below about 0.7), so both come without cancellation.
 * Changes from TOMS 708: the distance from the mean, lambda, is formed exactly (see
 * {@link #lambda}), which keeps 1e-14 near the mean of shapes of 1e9 (TOMS 708's formula, fed a
 * rounded 1 - x, lost 1e-11 there in our tests);
 * {@code bup} rescales whenever its prefactor underflows, not only for a &gt;= 1; and the
 * auxiliary functions of {@link BetaSupport} are more accurate.
 *
 * <p>Not part of the API: callers validate the arguments.
 */
final class IncompleteBeta {

    /** Tolerance of the convergent series, as in TOMS 708 (max(2.2e-16, 1e-15)). */
    private static final double EPS = 1e-15;
    /** Tolerance of the continued fraction. */
    private static final double EPS_FRACTION = 15 * EPS;
    /** Tolerance of the asymptotic expansions. */
    private static final double EPS_ASYMPTOTIC = 100 * EPS;
    /** Tolerance of bgrat's expansion. */
    private static final double EPS_GAMMA_EXPANSION = 15 * EPS;
    /** Below this, e^x underflows (TOMS 708 {@code exparg(1)}, with its 0.99999 margin). */
    private static final double EXP_UNDERFLOW = -708.389;
    /** bup scales its terms by e^-708 (and its prefactor by e^708) so that they need not underflow. */
    private static final int BUP_SCALE = 708;
    /** A prefactor below this is recomputed scaled (times e^708 it stays below 1e8, far from overflow). */
    private static final double UNDERFLOW_SCALE_BELOW = 1e-300;
    /** Terms of bup used to lift a shape out of the range of bpser into that of bgrat. */
    private static final int BUP_STEPS = 20;
    /** Euler's constant. */
    private static final double EULER = 0.5772156649015329;
    /** Maximum number of terms of Temme's expansion (an even number). */
    private static final int BASYM_TERMS = 20;
    /** Maximum number of terms of bgrat's expansion. */
    private static final int BGRAT_TERMS = 30;

    private IncompleteBeta() {
    }

    /**
     * I<sub>x</sub>(a, b) (or 1 - I<sub>x</sub>(a, b) when {@code upper}) for finite a, b &gt; 0
     * and 0 &lt; x &lt; 1 with y = 1 - x; of x and y, the one given exactly (the smaller) is used
     * wherever it matters.
     */
    static double ratio(double a, double b, double x, double y, boolean upper) {
        if (Math.max(a, b) < EPS * 1e-3) {
            // I_x(a, b) tends to b / (a + b) whatever x as a and b tend to 0
            return upper ? a / (a + b) : b / (a + b);
        }
        if (Math.min(a, b) <= 1) {
            // the methods for a small shape want x <= 1/2; I_x(a, b) = 1 - I_y(b, a)
            return x > 0.5 ? smallShape(b, a, y, x, !upper) : smallShape(a, b, x, y, upper);
        }
        double lambda = lambda(a, b, x, y);
        // the methods for two shapes above 1 want x at or left of the mean a / (a + b)
        return lambda < 0 ? largeShapes(b, a, y, x, -lambda, !upper) : largeShapes(a, b, x, y, lambda, upper);
    }

    /**
     * lambda = a - (a + b) x = (a + b) y - b, the distance from the mean scaled by a + b. Near the
     * mean of huge shapes lambda is a small difference of numbers near a, and any error in it is
     * amplified into the tail probability (by sqrt(a + b) and more), so: it is formed from the
     * smaller of x and y, the one that is exact (the other may be 1 minus it, rounded), with
     * a + b kept exact as a sum and its rounding error (a two-sum) and the product exact inside a
     * fused multiply-add.
     */
    static double lambda(double a, double b, double x, double y) {
        double s = a + b;
        if (Double.isInfinite(s)) {
            return a * y - b * x;
        }
        double bb = s - a;
        double err = (a - (s - bb)) + (b - bb); // a + b = s + err exactly
        if (x <= y) {
            return Math.fma(-s, x, a) - err * x;
        }
        return Math.fma(s, y, -b) + err * y;
    }

    /** Returns the wanted tail given the one computed directly. */
    private static double pick(double direct, boolean directIsUpper, boolean wantUpper) {
        return directIsUpper == wantUpper ? direct : 0.5 - direct + 0.5;
    }

    /** min(a, b) &lt;= 1 and x &lt;= 1/2 (TOMS 708 bratio, first branch). */
    private static double smallShape(double a, double b, double x, double y, boolean upper) {
        if (b < Math.min(EPS, EPS * a)) {
            return pick(fpser(a, b, x), false, upper);
        }
        if (a < Math.min(EPS, EPS * b) && b * x <= 1) {
            return pick(apser(a, b, x), true, upper);
        }
        if (Math.max(a, b) > 1) {
            if (b <= 1) {
                return pick(bpser(a, b, x), false, upper);
            }
            if (x >= 0.29) {
                return pick(bpser(b, a, y), true, upper);
            }
            if (x < 0.1 && Math.pow(x * b, a) <= 0.7) {
                return pick(bpser(a, b, x), false, upper);
            }
            if (b > 15) {
                return pick(bgrat(b, a, y, x, 0), true, upper);
            }
        } else {
            if (a >= Math.min(0.2, b) || Math.pow(x, a) <= 0.9) {
                return pick(bpser(a, b, x), false, upper);
            }
            if (x >= 0.3) {
                return pick(bpser(b, a, y), true, upper);
            }
        }
        // b is too small for bgrat: I_y(b, a) = [I_y(b, a) - I_y(b + 20, a)] + I_y(b + 20, a)
        double head = bup(b, a, y, x, BUP_STEPS);
        return pick(bgrat(b + BUP_STEPS, a, y, x, head), true, upper);
    }

    /** a, b &gt; 1 and x &lt;= a / (a + b), lambda = a - (a + b) x &gt;= 0 (TOMS 708 bratio, second branch). */
    private static double largeShapes(double a, double b, double x, double y, double lambda, boolean upper) {
        if (b < 40) {
            if (b * x <= 0.7) {
                return pick(bpser(a, b, x), false, upper);
            }
            return pick(reduceB(a, b, x, y), false, upper);
        }
        boolean fraction;
        if (a > b) {
            fraction = b <= 100 || lambda > 0.03 * b;
        } else {
            fraction = a <= 100 || lambda > 0.03 * a;
        }
        if (fraction) {
            return pick(bfrac(a, b, x, y, lambda), false, upper);
        }
        return pick(basym(a, b, lambda), false, upper);
    }

    /**
     * I<sub>x</sub>(a, b) for b &lt; 40, b x &gt; 0.7: with b = b' + n, b' in (0, 1],
     * I<sub>x</sub>(a, b) = [I<sub>x</sub>(a, b) - I<sub>x</sub>(a, b')] + I<sub>x</sub>(a, b'),
     * the bracket being a finite sum (bup on the mirror image) and the rest bpser or bgrat.
     */
    private static double reduceB(double a, double b, double x, double y) {
        int n = (int) b;
        double bFraction = b - n;
        if (bFraction == 0) {
            n--;
            bFraction = 1;
        }
        double w = bup(bFraction, a, y, x, n);
        if (x <= 0.7) {
            return w + bpser(a, bFraction, x);
        }
        double a0 = a;
        if (a <= 15) {
            w += bup(a, bFraction, x, y, BUP_STEPS);
            a0 = a + BUP_STEPS;
        }
        return bgrat(a0, bFraction, x, y, w);
    }

    /**
     * I<sub>x</sub>(a, b) by the power series x<sup>a</sup> / (a B(a, b)) [1 + a &Sigma;<sub>j&gt;=1</sub>
     * (1 - b)<sub>j</sub> x<sup>j</sup> / (j! (a + j))], for b &lt;= 1 or b x &lt;= 0.7 (TOMS 708 bpser).
     */
    private static double bpser(double a, double b, double x) {
        double a0 = Math.min(a, b);
        double front;
        if (a0 >= 1) {
            front = Math.exp(a * Math.log(x) - BetaSupport.logBeta(a, b)) / a;
        } else {
            double b0 = Math.max(a, b);
            if (b0 >= 8) {
                double u = BetaSupport.logGamma1p(a0) + BetaSupport.logGammaRatio(a0, b0);
                front = a0 / a * Math.exp(a * Math.log(x) - u);
            } else if (b0 <= 1) {
                front = Math.pow(x, a);
                if (front == 0) {
                    return 0;
                }
                front *= BetaSupport.gammaRatioSmall(a, b) * (b / (a + b));
            } else {
                front = Math.exp(a * Math.log(x)) * (a0 / a) * BetaSupport.inverseBetaSmall(a0, b0);
            }
        }
        if (front == 0 || a <= 0.1 * EPS) {
            return front;
        }
        double tol = EPS / a;
        double sum = 0;
        double c = 1;
        double term;
        double n = 0;
        do { // alternating while n < b
            n += 1;
            c *= (0.5 - b / n + 0.5) * x;
            term = c / (a + n);
            sum += term;
        } while (n < 1e7 && Math.abs(term) > tol);
        return a * sum > -1 ? front * (a * sum + 1) : 0;
    }

    /**
     * I<sub>x</sub>(a, b) - I<sub>x</sub>(a + n, b) = x<sup>a</sup> y<sup>b</sup> / (a B(a, b))
     * &Sigma;<sub>i&lt;n</sub> (a + b)<sub>i</sub> / (a + 1)<sub>i</sub> x<sup>i</sup> (TOMS 708 bup).
     * The terms first grow (up to index about (b - 1) x / y - a), then shrink; the sum stops once
     * they are negligible. When the prefactor underflows, the sum may still bring the product back
     * into range (it reaches e<sup>100</sup> and more for large a + b): then the prefactor is
     * scaled by e<sup>708</sup> and the terms by e<sup>-708</sup>. (TOMS 708 scales only for
     * a &gt;= 1, which leaves results near 1e-280 at 0 for a fractional a.)
     */
    private static double bup(double a, double b, double x, double y, int n) {
        double apb = a + b;
        double ap1 = a + 1;
        double d = 1;
        double front = BetaSupport.power(a, b, x, y, 0) / a;
        if (front < UNDERFLOW_SCALE_BELOW && n > 1) {
            front = BetaSupport.power(a, b, x, y, BUP_SCALE) / a;
            d = Math.exp(-BUP_SCALE);
        }
        if (n == 1 || front == 0) {
            return front;
        }
        int last = n - 1;
        double w = d;
        int k = 0; // index of the largest term
        if (b > 1) {
            if (y > 1e-4) {
                double r = (b - 1) * x / y - a;
                if (r >= 1) {
                    k = r < last ? (int) r : last;
                }
            } else {
                k = last;
            }
            for (int i = 0; i < k; i++) {
                d *= (apb + i) / (ap1 + i) * x;
                w += d;
            }
        }
        for (int i = k; i < last; i++) {
            d *= (apb + i) / (ap1 + i) * x;
            w += d;
            if (d <= EPS * w) {
                break;
            }
        }
        return front * w;
    }

    /**
     * I<sub>x</sub>(a, b) for a, b &gt; 1 and lambda = a - (a + b) x &gt; 0 by the continued fraction
     * of TOMS 708 bfrac (their eq. 2.8 with the convergents rescaled at each step); it converges
     * quickly once x is a few standard deviations left of the mean.
     */
    private static double bfrac(double a, double b, double x, double y, double lambda) {
        double front = BetaSupport.power(a, b, x, y, 0);
        if (front == 0) {
            return 0;
        }
        double c = lambda + 1;
        double c0 = b / a;
        double c1 = 1 / a + 1;
        double yp1 = y + 1;
        double n = 0;
        double p = 1;
        double s = a + 1;
        double an = 0;
        double bn = 1;
        double anp1 = 1;
        double bnp1 = c / c1;
        double r = c1 / c;
        double previous;
        do {
            n += 1;
            double t = n / a;
            double w = n * (b - n) * x;
            double e = a / s;
            double alpha = p * (p + c0) * e * e * (w * x);
            e = (t + 1) / (c1 + t + t);
            double beta = n + w / s + e * (c + n * yp1);
            p = t + 1;
            s += 2;
            t = alpha * an + beta * anp1;
            an = anp1;
            anp1 = t;
            t = alpha * bn + beta * bnp1;
            bn = bnp1;
            bnp1 = t;
            previous = r;
            r = anp1 / bnp1;
            if (Math.abs(r - previous) <= EPS_FRACTION * r) {
                break;
            }
            an /= bnp1;
            bn /= bnp1;
            anp1 = r;
            bnp1 = 1;
        } while (n < 10000);
        return front * r;
    }

    /**
     * w + I<sub>x</sub>(a, b) for a &gt;= 15 and b &lt;= 1 by the asymptotic expansion of TOMS 708
     * bgrat (their section 9): with T = a + (b - 1)/2 and u = -T ln x, I<sub>x</sub>(a, b) is
     * M &Sigma; p<sub>n</sub> J<sub>n</sub>(b, u), J<sub>0</sub> being the scaled upper incomplete gamma
     * function Q(b, u). Passing the partial sum w lets the expansion stop relative to the whole.
     */
    private static double bgrat(double a, double b, double x, double y, double w) {
        double bm1 = b - 0.5 - 0.5;
        double nu = a + 0.5 * bm1;
        double lnx = y > 0.375 ? Math.log(x) : Math.log1p(-y);
        double z = -nu * lnx;
        if (b * z == 0) {
            return w; // x rounds to 1: only for a subnormal y, beyond what callers pass
        }
        // r = e^-z z^b / Gamma(b) x^... in logs, since x^a underflows for large a
        double logR = Math.log(b) + Math.log1p(Gamma.invGamma1pm1(b)) + b * Math.log(z) + nu * lnx;
        double logU = logR - (BetaSupport.logGammaRatio(b, a) + b * Math.log(nu));
        double u = Math.exp(logU);
        if (logU == Double.NEGATIVE_INFINITY) {
            return w;
        }
        double l = w == 0 ? 0 : Math.exp(Math.log(w) - logU); // w / u, even when u underflows
        double j = gammaRatioQ(b, z, logR);
        double v = 0.25 / (nu * nu);
        double t2 = 0.25 * lnx * lnx;
        double sum = j;
        double t = 1;
        double cn = 1;
        double n2 = 0;
        double[] c = new double[BGRAT_TERMS];
        double[] d = new double[BGRAT_TERMS];
        for (int n = 1; n <= BGRAT_TERMS; n++) {
            double bp2n = b + n2;
            j = (bp2n * (bp2n + 1) * j + (z + bp2n + 1) * t) * v;
            n2 += 2;
            t *= t2;
            cn /= n2 * (n2 + 1);
            c[n - 1] = cn;
            double s = 0;
            double coef = b - n;
            for (int i = 1; i < n; i++) {
                s += coef * c[i - 1] * d[n - 1 - i];
                coef += b;
            }
            d[n - 1] = bm1 * cn + s / n;
            double dj = d[n - 1] * j;
            sum += dj;
            if (sum <= 0 || Math.abs(dj) <= EPS_GAMMA_EXPANSION * (sum + l)) {
                break;
            }
        }
        return w + (u == 0 ? Math.exp(logU + Math.log(sum)) : u * sum);
    }

    /**
     * Q(a, x) / r with r = e<sup>-x</sup> x<sup>a</sup> / &Gamma;(a) = e<sup>logR</sup>, for a &lt;= 1
     * (TOMS 708 grat1, as rewritten in R to return the ratio): Q is the regularized upper
     * incomplete gamma function. Uses erfc for a = 1/2, a Taylor series of P(a, x) / x<sup>a</sup>
     * for x &lt; 1.1 and Legendre's continued fraction beyond.
     */
    private static double gammaRatioQ(double a, double x, double logR) {
        if (a * x == 0) {
            return x <= a ? Math.exp(-logR) : 0;
        }
        if (a == 0.5) {
            if (x < 0.25) {
                return (0.5 - BetaSupport.erf(Math.sqrt(x)) + 0.5) * Math.exp(-logR);
            }
            double sx = Math.sqrt(x);
            return BetaSupport.erfcScaled(sx) / sx * Math.sqrt(Math.PI);
        }
        if (x < 1.1) {
            return gammaRatioQSeries(a, x, logR);
        }
        double a2nm1 = 1;
        double a2n = 1;
        double b2nm1 = x;
        double b2n = x + (1 - a);
        double c = 1;
        double am0;
        double an0;
        do {
            a2nm1 = x * a2n + c * a2nm1;
            b2nm1 = x * b2n + c * b2nm1;
            am0 = a2nm1 / b2nm1;
            c += 1;
            double ca = c - a;
            a2n = a2nm1 + ca * a2n;
            b2n = b2nm1 + ca * b2n;
            an0 = a2n / b2n;
        } while (Math.abs(an0 - am0) >= EPS_GAMMA_EXPANSION * an0);
        return an0;
    }

    /** {@link #gammaRatioQ} for x &lt; 1.1 from the series of P(a, x) = 1 - Q(a, x). */
    private static double gammaRatioQSeries(double a, double x, double logR) {
        double an = 3;
        double c = x;
        double sum = x / (a + 3);
        double tol = 0.1 * EPS_GAMMA_EXPANSION / (a + 1);
        double t;
        do {
            an += 1;
            c *= -(x / an);
            t = c / (a + an);
            sum += t;
        } while (Math.abs(t) > tol);
        double j = a * x * ((sum / 6 - 0.5 / (a + 2)) * x + 1 / (a + 1));
        double z = a * Math.log(x);
        double h = Gamma.invGamma1pm1(a);
        double g = 1 + h;
        if ((x >= 0.25 && a < x / 2.59) || z > -0.13394) {
            // Q = 1 - x^a (1 - j) / Gamma(1 + a) with x^a - 1 = expm1(z), to keep the small Q exact
            double l = Math.expm1(z);
            double q = ((l + 0.5 + 0.5) * j - l) * g - h;
            return q <= 0 ? 0 : q * Math.exp(-logR);
        }
        double p = Math.exp(z) * g * (0.5 - j + 0.5);
        return (0.5 - p + 0.5) * Math.exp(-logR);
    }

    /**
     * I<sub>x</sub>(a, b) for a, b &gt;= 100 and 0 &lt;= lambda &lt;= 0.03 min(a, b) by Temme's
     * uniform asymptotic expansion (TOMS 708 basym; N. M. Temme, "Incomplete Laplace integrals:
     * uniform asymptotic expansion with application to the incomplete beta function", SIAM J. Math.
     * Anal. 18 (1987) 1638-1663): the leading term is erfc(z<sub>0</sub>)/2 with
     * z<sub>0</sub><sup>2</sup> = a u + b v the "distance" of x from the mean; the corrections are
     * powers of 1/sqrt(min(a, b)), so a few suffice.
     */
    private static double basym(double a, double b, double lambda) {
        final double e0 = 2 / Math.sqrt(Math.PI);
        final double e1 = 0.3535533905932738; // 2^(-3/2)
        double f = a * BetaSupport.xMinusLog1p(-lambda / a) + b * BetaSupport.xMinusLog1p(lambda / b);
        double t = Math.exp(-f);
        if (t == 0) {
            return 0;
        }
        double z0 = Math.sqrt(f);
        double z = 0.5 * (z0 / e1);
        double z2 = f + f;
        double h;
        double r0;
        double r1;
        double w0;
        if (a < b) {
            h = a / b;
            r0 = 1 / (1 + h);
            r1 = (b - a) / b;
            w0 = 1 / Math.sqrt(a * (1 + h));
        } else {
            h = b / a;
            r0 = 1 / (1 + h);
            r1 = (b - a) / a;
            w0 = 1 / Math.sqrt(b * (1 + h));
        }
        // arrays indexed from 1 as in the paper
        double[] a0 = new double[BASYM_TERMS + 2];
        double[] b0 = new double[BASYM_TERMS + 2];
        double[] c = new double[BASYM_TERMS + 2];
        double[] d = new double[BASYM_TERMS + 2];
        a0[1] = r1 * (2.0 / 3);
        c[1] = -0.5 * a0[1];
        d[1] = -c[1];
        double j0 = 0.5 / e0 * BetaSupport.erfcScaled(z0);
        double j1 = e1;
        double sum = j0 + d[1] * w0 * j1;
        double s = 1;
        double h2 = h * h;
        double hn = 1;
        double w = w0;
        double znm1 = z;
        double zn = z2;
        for (int n = 2; n <= BASYM_TERMS; n += 2) {
            hn *= h2;
            a0[n] = r0 * 2 * (h * hn + 1) / (n + 2.0);
            s += hn;
            a0[n + 1] = r1 * 2 * s / (n + 3.0);
            for (int i = n; i <= n + 1; i++) {
                double r = -0.5 * (i + 1.0);
                b0[1] = r * a0[1];
                for (int m = 2; m <= i; m++) {
                    double bsum = 0;
                    for (int jj = 1; jj < m; jj++) {
                        bsum += (jj * r - (m - jj)) * a0[jj] * b0[m - jj];
                    }
                    b0[m] = r * a0[m] + bsum / m;
                }
                c[i] = b0[i] / (i + 1.0);
                double dsum = 0;
                for (int jj = 1; jj < i; jj++) {
                    dsum += d[i - jj] * c[jj];
                }
                d[i] = -(dsum + c[i]);
            }
            j0 = e1 * znm1 + (n - 1.0) * j0;
            j1 = e1 * zn + n * j1;
            znm1 *= z2;
            zn *= z2;
            w *= w0;
            double t0 = d[n] * w * j0;
            w *= w0;
            double t1 = d[n + 1] * w * j1;
            sum += t0 + t1;
            if (Math.abs(t0) + Math.abs(t1) <= EPS_ASYMPTOTIC * sum) {
                break;
            }
        }
        return e0 * t * Math.exp(-BetaSupport.stirlingCorrection(a, b)) * sum;
    }

    /**
     * 1 - I<sub>x</sub>(a, b) = I<sub>1-x</sub>(b, a) for a tiny shape a &lt;= min(eps, eps b), with
     * b x &lt;= 1 and x &lt;= 1/2 (TOMS 708 apser): to first order in a it is
     * -a (ln x + psi(b) + Euler's constant + x - b x + &Sigma;<sub>j&gt;=2</sub> ...), the sum a
     * series in x that converges fast for b x &lt;= 1.
     */
    private static double apser(double a, double b, double x) {
        double bx = b * x;
        double t = x - bx;
        double c = b * EPS <= 0.02 ? Math.log(x) + BetaSupport.digamma(b) + EULER + t : Math.log(bx) + EULER + t;
        double tol = 5 * EPS * Math.abs(c);
        double j = 1;
        double s = 0;
        double aj;
        do {
            j += 1;
            t *= x - bx / j;
            aj = t / j;
            s += aj;
        } while (Math.abs(aj) > tol);
        return -a * (c + s);
    }

    /** I<sub>x</sub>(a, b) for b &lt; min(eps, eps a) and x &lt;= 1/2 (TOMS 708 fpser): 1/B(a, b) is about b. */
    private static double fpser(double a, double b, double x) {
        double front = 1;
        if (a > 1e-3 * EPS) {
            double t = a * Math.log(x);
            if (t < EXP_UNDERFLOW) {
                return 0;
            }
            front = Math.exp(t);
        }
        front *= b / a;
        double tol = EPS / a;
        double an = a + 1;
        double t = x;
        double s = t / an;
        double c;
        do {
            an += 1;
            t *= x;
            c = t / an;
            s += c;
        } while (Math.abs(c) > tol);
        return front * (a * s + 1);
    }
}
