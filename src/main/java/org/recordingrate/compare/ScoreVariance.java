package org.recordingrate.compare;

/**
 * The variance of the Miettinen-Nurminen score statistic at a hypothesised change D:
 * V(D) = [r<sub>a</sub>(1 - r<sub>a</sub>)/n<sub>a</sub> + r<sub>b</sub>(1 - r<sub>b</sub>)/n<sub>b</sub>] N/(N - 1),
 * with (r<sub>a</sub>, r<sub>b</sub> = r<sub>a</sub> - D) the maximum likelihood estimates of the two
 * rates under the constraint p<sub>a</sub> - p<sub>b</sub> = D.
 */
final class ScoreVariance {

    private final double pa;
    private final double pb;
    private final long na;
    private final long nb;
    private final double ratio;
    private final double factor;

    ScoreVariance(double pa, long na, double pb, long nb) {
        this.pa = pa;
        this.pb = pb;
        this.na = na;
        this.nb = nb;
        this.ratio = (double) nb / na;
        double total = (double) na + nb;
        this.factor = total / (total - 1);
    }

    /** V(D). */
    double at(double change) {
        double ra = restrictedAfter(change);
        double rb = ra - change;
        return (ra * (1 - ra) / na + rb * (1 - rb) / nb) * factor;
    }

    /**
     * The restricted maximum likelihood estimate of p<sub>a</sub> under p<sub>a</sub> - p<sub>b</sub> = D:
     * the root in [max(0, D), min(1, 1 + D)] of the cubic a r&sup3; + b r&sup2; + c r + d = 0 with,
     * for theta = n<sub>b</sub>/n<sub>a</sub> (Farrington and Manning 1990, eq. 5; Miettinen and
     * Nurminen 1985, appendix I),
     * a = 1 + theta,
     * b = -(1 + theta + p<sub>a</sub> + theta p<sub>b</sub> + D(theta + 2)),
     * c = D&sup2; + D(2p<sub>a</sub> + theta + 1) + p<sub>a</sub> + theta p<sub>b</sub>,
     * d = -p<sub>a</sub> D(1 + D),
     * solved by the trigonometric form of Cardano's formula:
     * v = b&sup3;/(3a)&sup3; - bc/(6a&sup2;) + d/(2a), u = sign(v) sqrt(b&sup2;/(3a)&sup2; - c/(3a)),
     * w = (pi + acos(v/u&sup3;))/3, r = 2u cos(w) - b/(3a).
     */
    double restrictedAfter(double change) {
        double a = 1 + ratio;
        double b = -(1 + ratio + pa + ratio * pb + change * (ratio + 2));
        double c = change * change + change * (2 * pa + ratio + 1) + pa + ratio * pb;
        double d = -pa * change * (1 + change);
        double b3a = b / (3 * a);
        double v = b3a * b3a * b3a - b * c / (6 * a * a) + d / (2 * a);
        double s = b3a * b3a - c / (3 * a);
        double root;
        if (s <= 0) {
            // a triple root
            root = -b3a;
        } else {
            double u = Math.copySign(Math.sqrt(s), v);
            double cosine = Math.max(-1.0, Math.min(1.0, v / (u * u * u)));
            root = 2 * u * Math.cos((Math.PI + Math.acos(cosine)) / 3) - b3a;
        }
        // Rounding can push the root a hair outside the feasible range at its ends.
        return Math.max(Math.max(0.0, change), Math.min(Math.min(1.0, 1 + change), root));
    }
}
