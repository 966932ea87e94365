package org.recordingrate.resample;

import java.math.BigInteger;
import java.util.List;

import org.recordingrate.model.Incidents;

/**
 * A statistic that is a weighted sum of independent categories' recording rates, each category
 * resampled by incident: T = sum w<sub>h</sub> R<sub>h</sub>&#47;A<sub>h</sub> over strata h (one
 * category, w = 1; an inspection's all crime, w<sub>h</sub> = volume<sub>h</sub>&#47;total volume; a
 * change, the later inspection's weights and the earlier one's negated), R<sub>h</sub> and
 * A<sub>h</sub> the recorded and audited crimes of the m<sub>h</sub> incidents drawn. The
 * incident-level counterpart of {@link LinearStatistic}: the weights are kept as exact fractions,
 * so that whether a replicate equals the estimate is decided exactly ({@link #exactSign}).
 * Immutable.
 */
final class IncidentStatistic {

    /**
     * One category: its incidents (a category without incidents as incidents of one crime), the
     * bootstrap distribution of its rate when it could be computed (else null), and its weight
     * as a double and as the exact fraction numerator/denominator (denominator positive).
     */
    record Stratum(String name, Incidents incidents, ClusterSums sums, double weight, BigInteger numerator,
                   BigInteger denominator) {

        long recorded() {
            return incidents.recorded();
        }

        long audited() {
            return incidents.crimes();
        }

        double rate() {
            return (double) recorded() / audited();
        }
    }

    private final Stratum[] strata;
    private final double lowest;
    private final double highest;
    private final double loopEstimate;
    private final double band;

    IncidentStatistic(List<Stratum> strata, double lowest, double highest) {
        this.strata = strata.toArray(new Stratum[0]);
        this.lowest = lowest;
        this.highest = highest;
        double[] rates = new double[this.strata.length];
        double scale = 0;
        for (int h = 0; h < rates.length; h++) {
            rates[h] = this.strata[h].rate();
            scale += Math.abs(this.strata[h].weight());
        }
        loopEstimate = clamp(sum(rates));
        // rounding of a k-term sum of products of numbers at most 1 in size: a few ulps of the
        // largest partial sum; 64 (k + 1) of them is generous, as ExactLinearForm's band
        band = 64.0 * (rates.length + 1) * Math.ulp(Math.max(scale, 1));
    }

    int size() {
        return strata.length;
    }

    Stratum stratum(int h) {
        return strata[h];
    }

    /** Whether every stratum has its bootstrap distribution ({@link ClusterSums}). */
    boolean allSums() {
        for (Stratum s : strata) {
            if (s.sums() == null) {
                return false;
            }
        }
        return true;
    }

    double lowest() {
        return lowest;
    }

    double highest() {
        return highest;
    }

    double clamp(double t) {
        return Math.max(lowest, Math.min(highest, t));
    }

    /** sum w<sub>h</sub> rates<sub>h</sub>, added in stratum order from 0 (as the sampling loops do). */
    double sum(double[] rates) {
        double t = 0;
        for (int h = 0; h < strata.length; h++) {
            t += strata[h].weight() * rates[h];
        }
        return t;
    }

    /** The estimate as the loops compute it from the observed rates (clamped). */
    double loopEstimate() {
        return loopEstimate;
    }

    /** Replicates closer than this to {@link #loopEstimate()} are compared exactly. */
    double band() {
        return band;
    }

    /**
     * The sign of T(R, A) - T(observed), exactly: sum N<sub>h</sub>(R<sub>h</sub> n<sub>h</sub> -
     * x<sub>h</sub> A<sub>h</sub>)&#47;(D<sub>h</sub> A<sub>h</sub> n<sub>h</sub>) over a common denominator,
     * in BigInteger (called only for values within the band).
     */
    int exactSign(long[] recorded, long[] audited) {
        int k = strata.length;
        BigInteger[] numerators = new BigInteger[k];
        BigInteger[] denominators = new BigInteger[k];
        for (int h = 0; h < k; h++) {
            Stratum s = strata[h];
            BigInteger difference = BigInteger.valueOf(recorded[h]).multiply(BigInteger.valueOf(s.audited()))
                    .subtract(BigInteger.valueOf(s.recorded()).multiply(BigInteger.valueOf(audited[h])));
            numerators[h] = s.numerator().multiply(difference);
            denominators[h] = s.denominator().multiply(BigInteger.valueOf(audited[h]))
                    .multiply(BigInteger.valueOf(s.audited()));
        }
        BigInteger total = BigInteger.ZERO;
        for (int h = 0; h < k; h++) {
            BigInteger term = numerators[h];
            for (int j = 0; j < k; j++) {
                if (j != h) {
                    term = term.multiply(denominators[j]);
                }
            }
            total = total.add(term);
        }
        return total.signum();
    }

    /**
     * The sign of T - T(observed) for a value {@code t} computed by {@link #sum} from these
     * counts: from the double outside the band, exactly inside it.
     */
    int sign(double t, long[] recorded, long[] audited) {
        double d = t - loopEstimate;
        if (Math.abs(d) > band) {
            return d < 0 ? -1 : 1;
        }
        return exactSign(recorded, audited);
    }

    /**
     * The BCa acceleration from the cluster jackknife: each incident of each stratum left out
     * once (the stratified jackknife of Davison and Hinkley 1997, sections 3.8 and 5.3, as
     * {@link LinearStatistic#acceleration()} for crimes), in closed form over the patterns:
     * leaving out an incident of pattern (c, r) from a stratum of m incidents, x recorded of n,
     * gives the rate (x - r)/(n - c) and the jackknife value l = (m - 1) w (x/n - (x - r)/(n - c)),
     * n<sub>g</sub> times;
     * a = sum_h m_h^-3 sum l^3 / (6 (sum_h m_h^-2 sum l^2)^(3/2)). Strata of one incident add
     * nothing (their jackknife is not defined); 0 when nothing varies.
     */
    double acceleration() {
        double third = 0;
        double second = 0;
        for (Stratum s : strata) {
            long m = s.incidents().count();
            if (m < 2) {
                continue;
            }
            double x = s.recorded();
            double n = s.audited();
            double p = x / n;
            double s3 = 0;
            double s2 = 0;
            for (Incidents.Group g : s.incidents().groups()) {
                double left = (x - g.recorded()) / (n - g.crimes());
                double l = (m - 1) * s.weight() * (p - left);
                s3 += g.incidents() * l * l * l;
                s2 += g.incidents() * l * l;
            }
            third += s3 / ((double) m * m * m);
            second += s2 / ((double) m * m);
        }
        return second > 0 ? third / (6 * Math.pow(second, 1.5)) : 0;
    }

    /**
     * The linearisation variance of one stratum's rate x/n over its m incidents (R's
     * {@code svymean} on one stratum, no finite population correction):
     * m/(m - 1) sum over incidents (r - p c)&sup2; / n&sup2;, p = x/n; NaN for one incident.
     */
    static double linearisedVariance(Incidents incidents) {
        long m = incidents.count();
        if (m < 2) {
            return Double.NaN;
        }
        double n = incidents.crimes();
        double p = incidents.recorded() / n;
        double sum = 0;
        for (Incidents.Group g : incidents.groups()) {
            double e = g.recorded() - p * g.crimes();
            sum += g.incidents() * e * e;
        }
        return (double) m / (m - 1) * sum / (n * n);
    }

    /** sum w<sub>h</sub>&sup2; (linearisation variance of stratum h): NaN if a stratum has one incident. */
    double linearisedVariance() {
        double v = 0;
        for (Stratum s : strata) {
            v += s.weight() * s.weight() * linearisedVariance(s.incidents());
        }
        return v;
    }

    /** The variance of T under the bootstrap, from the strata's distributions (all must be present). */
    double bootstrapVariance() {
        double v = 0;
        for (Stratum s : strata) {
            v += s.weight() * s.weight() * s.sums().variance();
        }
        return v;
    }

    /** The mean of T under the bootstrap (not clamped), from the strata's distributions. */
    double bootstrapMean() {
        double mean = 0;
        for (Stratum s : strata) {
            mean += s.weight() * s.sums().mean();
        }
        return mean;
    }

    /**
     * A spread for the histograms of the replicates: the bootstrap standard deviation when the
     * strata's distributions are known, else the linearisation one, else the binomial one.
     */
    double spread() {
        double v = allSums() ? bootstrapVariance() : linearisedVariance();
        if (!(v > 0)) {
            v = 0;
            for (Stratum s : strata) {
                double p = s.rate();
                v += s.weight() * s.weight() * p * (1 - p) / s.audited();
            }
        }
        return Math.sqrt(v);
    }
}
