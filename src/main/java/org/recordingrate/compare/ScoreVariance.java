package org.recordingrate.compare;

import org.recordingrate.internal.Roots;
import org.recordingrate.internal.ExactArithmetic;

/**
 * The variance of the Miettinen-Nurminen score statistic at a hypothesised change D:
 * V(D) = [r<sub>a</sub>(1 - r<sub>a</sub>)/n<sub>a</sub> + r<sub>b</sub>(1 - r<sub>b</sub>)/n<sub>b</sub>] N/(N - 1),
 * with (r<sub>a</sub>, r<sub>b</sub> = r<sub>a</sub> - D) the maximum likelihood estimates of the two
 * rates under the constraint p<sub>a</sub> - p<sub>b</sub> = D, N = n<sub>a</sub> + n<sub>b</sub>.
 *
 * <p>Formulation without cancellation. D is written as d + t, t the distance from the estimate
 * d = p<sub>a</sub> - p<sub>b</sub> (the bounds are the t with |t| = z sqrt(V)), and the restricted
 * estimates as deviations from the observed rates: r<sub>a</sub> = p<sub>a</sub> + &delta;,
 * 1 - r<sub>a</sub> = q<sub>a</sub> - &delta;, r<sub>b</sub> = p<sub>b</sub> + &delta; - t,
 * 1 - r<sub>b</sub> = q<sub>b</sub> - &delta; + t, with p and q = 1 - p each formed from the counts. Every
 * factor of V then keeps its relative precision, also when both rates are within 10<sup>-8</sup> of 0
 * or 1 (where the closed-form root of Farrington and Manning's cubic, r<sub>a</sub> itself near 1,
 * lost all but a few digits of 1 - r<sub>a</sub>: [-5.02e-8, 5.13e-8] instead of &plusmn;4.73706e-8
 * for 99999999 of 10<sup>8</sup> against the same).
 *
 * <p>The deviation solves the likelihood equation, which in these variables reads
 * h<sub>a</sub>(&delta;) + h<sub>b</sub>(&delta; - t) = 0 with
 * h(u) = n u / ((p + u)(q - u)) (so h = n/(q - u) when p = 0 and h = -n/(p + u) when q = 0): the sum is
 * increasing, with derivative n (pq + u&sup2;)/((p + u)(q - u))&sup2; per group, and its root lies
 * between 0 and t (&delta; = t n<sub>b</sub>v<sub>a</sub>/(n<sub>a</sub>v<sub>b</sub> + n<sub>b</sub>v<sub>a</sub>),
 * v the binomial variances at the restricted rates). It is found by bracketed Newton steps to full
 * precision; where the derivative of the log-likelihood does not change sign in the feasible range
 * (a count of 0 or of all), the estimate is at the end of the range, as the constrained maximum.
 * This is the same maximum as the root of Farrington and Manning's (1990) cubic, which the tests
 * check by maximising the likelihood directly.
 */
final class ScoreVariance {

    private final long na;
    private final long nb;
    private final double pa;
    private final double qa;
    private final double pb;
    private final double qb;
    private final double change;
    private final double factor;

    /**
     * @param xa recorded after
     * @param na audited after, 1 to 2<sup>53</sup>
     * @param xb recorded before
     * @param nb audited before, 1 to 2<sup>53</sup>
     */
    ScoreVariance(long xa, long na, long xb, long nb) {
        this.na = na;
        this.nb = nb;
        this.pa = (double) xa / na;
        this.qa = (double) (na - xa) / na;
        this.pb = (double) xb / nb;
        this.qb = (double) (nb - xb) / nb;
        // d = (xa nb - xb na) / (na nb): the cross difference exact, then two roundings
        this.change = ExactArithmetic.crossDifference(xa, nb, xb, na) / ((double) na * nb);
        double total = (double) na + nb;
        this.factor = total / (total - 1);
    }

    /** The observed change d = p<sub>a</sub> - p<sub>b</sub>, to within an ulp. */
    double change() {
        return change;
    }

    /** V(D) for a hypothesised change D. */
    double at(double change) {
        return atDistance(change - this.change);
    }

    /** V(d + t): the variance at a distance t from the observed change. */
    double atDistance(double t) {
        double delta = deviation(t);
        double ub = delta - t;
        double va = Math.max(0.0, (pa + delta) * (qa - delta));
        double vb = Math.max(0.0, (pb + ub) * (qb - ub));
        return (va / na + vb / nb) * factor;
    }

    /** The restricted maximum likelihood estimate r<sub>a</sub> at D. */
    double restrictedAfter(double change) {
        return pa + deviation(change - this.change);
    }

    /**
     * &delta; = r<sub>a</sub> - p<sub>a</sub> at D = d + t: the root of h<sub>a</sub>(&delta;) +
     * h<sub>b</sub>(&delta; - t), or an end of the feasible range
     * [max(min(0, t), -p<sub>a</sub>, t - p<sub>b</sub>), min(max(0, t), q<sub>a</sub>, q<sub>b</sub> + t)].
     */
    double deviation(double t) {
        if (t == 0) {
            return 0;
        }
        // the ends, with the deviation of the other group's rate kept exact where it is the one
        // at its limit (t - pb - t is not -pb in floating point, and its sign decides the score)
        double lo = Math.min(0, t);
        double loB = lo - t;
        if (-pa > lo) {
            lo = -pa;
            loB = lo - t;
        }
        if (t - pb >= lo) {
            lo = t - pb;
            loB = -pb;
        }
        double hi = Math.max(0, t);
        double hiB = hi - t;
        if (qa < hi) {
            hi = qa;
            hiB = hi - t;
        }
        if (qb + t <= hi) {
            hi = qb + t;
            hiB = qb;
        }
        if (!(lo < hi)) {
            return lo;
        }
        if (h(na, pa, qa, lo) + h(nb, pb, qb, loB) >= 0) {
            return lo; // the log-likelihood falls from the lower end on
        }
        if (h(na, pa, qa, hi) + h(nb, pb, qb, hiB) <= 0) {
            return hi;
        }
        // start at delta = t nb va / (na vb + nb va) with the variances at the observed rates
        double va = pa * qa;
        double vb = pb * qb;
        double start = t * (nb * va) / (na * vb + nb * va);
        if (!(start > lo && start < hi)) {
            start = 0.5 * (lo + hi);
        }
        return Roots.newton(delta -> equation(delta, t), delta -> slope(delta, t), lo, hi, start);
    }

    /** h<sub>a</sub>(&delta;) + h<sub>b</sub>(&delta; - t): increasing in &delta;, 0 at the estimate. */
    private double equation(double delta, double t) {
        return h(na, pa, qa, delta) + h(nb, pb, qb, delta - t);
    }

    private double slope(double delta, double t) {
        return hSlope(na, pa, qa, delta) + hSlope(nb, pb, qb, delta - t);
    }

    /**
     * One group's term of minus the score, in the deviation u = r - p of its restricted rate r:
     * n u/((p + u)(q - u)) = n(r - p)/(r(1 - r)), with the cases p = 0 and q = 0 (no observations on
     * one side) written out so that they have no 0/0.
     */
    private static double h(long n, double p, double q, double u) {
        if (p == 0) {
            return n / (q - u);
        }
        if (q == 0) {
            return -n / (p + u);
        }
        return n * u / ((p + u) * (q - u));
    }

    /** dh/du = n (pq + u&sup2;)/((p + u)(q - u))&sup2;, with the same cases. */
    private static double hSlope(long n, double p, double q, double u) {
        if (p == 0) {
            return n / ((q - u) * (q - u));
        }
        if (q == 0) {
            return n / ((p + u) * (p + u));
        }
        double v = (p + u) * (q - u);
        return n * (p * q + u * u) / (v * v);
    }
}
