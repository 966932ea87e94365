package org.recordingrate.resample;

import java.math.BigInteger;
import java.util.List;

import org.recordingrate.error.ArgumentException;
import org.recordingrate.internal.AliasSampler;
import org.recordingrate.model.AuditedCategory;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Tally;

/**
 * A statistic that is a weighted sum of independent categories' recording rates,
 * T = sum w<sub>k</sub> p<sub>k</sub> = sum c<sub>k</sub> X<sub>k</sub> with c<sub>k</sub> = w<sub>k</sub>/n<sub>k</sub>:
 * one category (w = 1), an inspection's all-crime rate (w<sub>h</sub> = volume<sub>h</sub>/total
 * volume), the change between two inspections (the later inspection's weights, minus the
 * earlier's). Under the bootstrap, X<sub>k</sub> is Binomial(n<sub>k</sub>, p&#770;<sub>k</sub>),
 * independently: resampling records within each category with the category's size fixed.
 *
 * <p>Each weight is kept also as an exact fraction, so that whether a replicate equals the
 * estimate is decided exactly (see {@link #exactSign}). Immutable.
 */
final class LinearStatistic {

    private final long[] recorded;
    private final long[] audited;
    private final double[] weights;
    private final ExactLinearForm form;
    private final double lowest;
    private final double highest;
    private final double loopEstimate;

    private LinearStatistic(long[] recorded, long[] audited, double[] weights, BigInteger[] weightNumerators,
                            BigInteger[] weightDenominators, double lowest, double highest) {
        this.recorded = recorded;
        this.audited = audited;
        this.weights = weights;
        this.lowest = lowest;
        this.highest = highest;
        int k = recorded.length;
        // c_k = num_k / (den_k n_k)
        BigInteger[] denominators = new BigInteger[k];
        for (int i = 0; i < k; i++) {
            denominators[i] = weightDenominators[i].multiply(BigInteger.valueOf(audited[i]));
        }
        form = new ExactLinearForm(weightNumerators, denominators, recorded, audited);
        loopEstimate = clamp(form.observedValue());
    }

    /** The rate of one category: T = X/n. */
    static LinearStatistic of(Tally tally) {
        return new LinearStatistic(new long[] {tally.recorded()}, new long[] {tally.audited()}, new double[] {1},
                new BigInteger[] {BigInteger.ONE}, new BigInteger[] {BigInteger.ONE}, 0, 1);
    }

    /** The volume-weighted all-crime rate of an inspection. */
    static LinearStatistic of(Inspection inspection) {
        return combination(List.of(inspection), new int[] {1}, 0, 1);
    }

    /** The change in the rate of one category: after - before. */
    static LinearStatistic change(Tally before, Tally after) {
        return new LinearStatistic(new long[] {after.recorded(), before.recorded()},
                new long[] {after.audited(), before.audited()}, new double[] {1, -1},
                new BigInteger[] {BigInteger.ONE, BigInteger.ONE.negate()},
                new BigInteger[] {BigInteger.ONE, BigInteger.ONE}, -1, 1);
    }

    /** The change in the all-crime rate: after's weighted rate minus before's. */
    static LinearStatistic change(Inspection before, Inspection after) {
        return combination(List.of(after, before), new int[] {1, -1}, -1, 1);
    }

    private static LinearStatistic combination(List<Inspection> inspections, int[] signs, double lowest,
                                               double highest) {
        int k = 0;
        for (Inspection inspection : inspections) {
            k += inspection.categories().size();
        }
        long[] x = new long[k];
        long[] n = new long[k];
        double[] w = new double[k];
        BigInteger[] num = new BigInteger[k];
        BigInteger[] den = new BigInteger[k];
        int i = 0;
        for (int j = 0; j < inspections.size(); j++) {
            Inspection inspection = inspections.get(j);
            long total = inspection.totalVolume();
            for (AuditedCategory category : inspection.categories()) {
                x[i] = category.tally().recorded();
                n[i] = category.tally().audited();
                w[i] = signs[j] * ((double) category.volume() / total);
                num[i] = BigInteger.valueOf(signs[j] * category.volume());
                den[i] = BigInteger.valueOf(total);
                i++;
            }
        }
        return new LinearStatistic(x, n, w, num, den, lowest, highest);
    }

    int size() {
        return recorded.length;
    }

    long recorded(int k) {
        return recorded[k];
    }

    long audited(int k) {
        return audited[k];
    }

    double weight(int k) {
        return weights[k];
    }

    double coefficient(int k) {
        return form.coefficient(k);
    }

    /** Every c<sub>k</sub> as a double, in category order (a new array). */
    double[] coefficients() {
        double[] c = new double[size()];
        for (int k = 0; k < c.length; k++) {
            c[k] = coefficient(k);
        }
        return c;
    }

    /**
     * c<sub>k</sub>&sup2;/n<sub>k</sub> for each category: a replicate's binomial variance estimate is
     * sum c<sub>k</sub>&sup2;/n<sub>k</sub> X<sub>k</sub>(n<sub>k</sub> - X<sub>k</sub>) (a new array).
     */
    double[] varianceFactors() {
        double[] f = new double[size()];
        for (int k = 0; k < f.length; k++) {
            f[k] = coefficient(k) * coefficient(k) / audited[k];
        }
        return f;
    }

    /** The category's rate p&#770;<sub>k</sub>. */
    double rate(int k) {
        return (double) recorded[k] / audited[k];
    }

    /** The smallest and largest values the statistic can take (bounds are clipped to them). */
    double lowest() {
        return lowest;
    }

    double highest() {
        return highest;
    }

    double clamp(double t) {
        return Math.max(lowest, Math.min(highest, t));
    }

    /** sum c_k X_k in category order, as the sampling loop adds it up (not clamped). */
    double sum(long[] counts) {
        return form.value(counts);
    }

    /** The estimate as the sampling loop computes it from the observed counts (clamped). */
    double loopEstimate() {
        return loopEstimate;
    }

    /** Replicates closer than this to {@link #loopEstimate()} are compared exactly. */
    double band() {
        return form.band();
    }

    /** The exact linear form of the statistic (its integer multipliers decide ties). */
    ExactLinearForm form() {
        return form;
    }

    /** The sign of T(counts) - T(observed), exactly (see {@link ExactLinearForm}). */
    int exactSign(long[] counts) {
        return form.sign(counts);
    }

    /** The binomial variance sum w<sub>k</sub>&sup2; p<sub>k</sub>(1 - p<sub>k</sub>)/n<sub>k</sub>: the exact bootstrap variance. */
    double variance() {
        double v = 0;
        for (int k = 0; k < size(); k++) {
            double p = rate(k);
            v += weights[k] * weights[k] * p * (1 - p) / audited[k];
        }
        return v;
    }

    /**
     * The acceleration of the BCa interval from the jackknife, in closed form on the counts, by
     * the stratified formula of Davison and Hinkley (1997, "Bootstrap Methods and their
     * Application", chapters 3 and 5: each stratum's influence values divided by its size), which
     * is also what scipy 1.10's {@code bootstrap} computes for several independent samples:
     * <pre>
     *   a = sum_k n_k^-3 sum_j l_kj^3 / (6 (sum_k n_k^-2 sum_j l_kj^2)^(3/2)),
     * </pre>
     * with the jackknife values l<sub>kj</sub> = (n<sub>k</sub> - 1)(T - T<sub>(-j)</sub>), record j
     * of category k left out. Leaving out a recorded record gives l = w<sub>k</sub>(1 - p<sub>k</sub>)
     * (x<sub>k</sub> times), an unrecorded one l = -w<sub>k</sub>p<sub>k</sub> (n<sub>k</sub> - x<sub>k</sub>
     * times), so sum l&sup2; = w&sup2; n p q and sum l&sup3; = w&sup3; n p q (q - p), and
     * <pre>
     *   a = sum_k w_k^3 p_k q_k (1 - 2 p_k) / n_k^2 / (6 (sum_k w_k^2 p_k q_k / n_k)^(3/2)),
     * </pre>
     * the skewness of the bootstrap distribution of T over 6. R's {@code boot.ci} instead pools the
     * values of all categories, sum l&sup3; / (6 (sum l&sup2;)^(3/2)), which agrees for one
     * category only. 0 when every category is at 0 or 1 (no variance).
     */
    double acceleration() {
        double third = 0;
        double second = 0;
        for (int k = 0; k < size(); k++) {
            double n = audited[k];
            double p = rate(k);
            double q = 1 - p;
            double w = weights[k];
            double recordedLeftOut = w * q;   // l when a recorded record is left out
            double unrecordedLeftOut = -w * p;
            double x = recorded[k];
            double sumSquares = x * recordedLeftOut * recordedLeftOut + (n - x) * unrecordedLeftOut * unrecordedLeftOut;
            double sumCubes = x * recordedLeftOut * recordedLeftOut * recordedLeftOut
                    + (n - x) * unrecordedLeftOut * unrecordedLeftOut * unrecordedLeftOut;
            if (audited[k] > 1) {
                third += sumCubes / (n * n * n);
                second += sumSquares / (n * n);
            }
        }
        return second > 0 ? third / (6 * Math.pow(second, 1.5)) : 0;
    }

    /** One sampler per category, Binomial(n_k, p_k), built once and shared by all threads. */
    AliasSampler[] samplers() {
        AliasSampler[] samplers = new AliasSampler[size()];
        for (int k = 0; k < size(); k++) {
            try {
                samplers[k] = AliasSampler.binomial(audited[k], rate(k));
            } catch (ArgumentException e) {
                throw new ArgumentException("audited", "category with " + recorded[k] + " of " + audited[k]
                        + " recorded is too large to bootstrap: " + e.getMessage());
            }
        }
        return samplers;
    }
}
