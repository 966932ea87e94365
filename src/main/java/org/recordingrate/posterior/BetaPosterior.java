package org.recordingrate.posterior;

import java.util.List;
import java.util.Locale;

import org.recordingrate.format.Percent;
import org.recordingrate.format.ResultColumns;
import org.recordingrate.format.ResultTable;
import org.recordingrate.format.ResultTable.Kind;
import org.recordingrate.internal.Args;
import org.recordingrate.model.Result;
import org.recordingrate.model.Tally;

/**
 * One tally's posterior: with a Beta(A, B) prior and {@code x} of {@code n} recorded, the recording
 * rate is a posteriori Beta(a, b) with a = A + x and b = B + n - x (Gelman et al. 2013, section 2.4;
 * jfa's {@code evaluation(x, n, prior = auditPrior("default"))} is the uniform case). The result of
 * {@link BayesEstimator#estimate(Tally)}.
 *
 * <ul>
 *   <li>{@link #mean()} = a / (a + b), {@link #standardDeviation()} = sqrt(ab / ((a + b)<sup>2</sup>
 *       (a + b + 1)));</li>
 *   <li>{@link #lower()}, {@link #upper()}: the equal-tailed credible interval, the Beta quantiles at
 *       (1 - level)/2 and (1 + level)/2 (with the Jeffreys prior, the Jeffreys interval of Brown, Cai and
 *       DasGupta 2001 without their convention at x = 0 and x = n);</li>
 *   <li>{@link #hpdLower()}, {@link #hpdUpper()}: the highest-density interval, the shortest holding
 *       the level: its ends have equal density. When the density is monotone it is open at one end:
 *       [0, F<sup>-1</sup>(level)] when a &le; 1 (nothing or almost nothing recorded), [F<sup>-1</sup>(1 -
 *       level), 1] when b &le; 1 (everything recorded: 132 of 132 under Jeffreys' prior gives
 *       Beta(132.5, 0.5), whose density rises to 1).</li>
 * </ul>
 *
 * @param tally             the audit tally
 * @param prior             the prior
 * @param credibility       the level of the intervals, e.g. 0.95
 * @param a                 the posterior's first shape, A + recorded
 * @param b                 the posterior's second shape, B + audited - recorded
 * @param mean              the posterior mean a / (a + b), a fraction
 * @param standardDeviation the posterior standard deviation, a fraction
 * @param lower             the equal-tailed interval's lower bound
 * @param upper             the equal-tailed interval's upper bound
 * @param hpdLower          the highest-density interval's lower bound (exactly 0 when the density falls from 0)
 * @param hpdUpper          the highest-density interval's upper bound (exactly 1 when the density rises to 1)
 */
public record BetaPosterior(Tally tally, Prior prior, double credibility, double a, double b, double mean,
                            double standardDeviation, double lower, double upper, double hpdLower, double hpdUpper)
        implements Result {

    /**
     * The posterior without its inputs: {@code shape_a,shape_b,mean,sd,lower,upper,hpd_lower,hpd_upper}
     * (for tables that name the tally their own way).
     */
    public static final ResultColumns<BetaPosterior> SHAPE_AND_BOUNDS = ResultColumns.<BetaPosterior>of()
            .add("shape_a", Kind.NUMBER, BetaPosterior::a)
            .add("shape_b", Kind.NUMBER, BetaPosterior::b)
            .add("mean", Kind.FRACTION, BetaPosterior::mean)
            .add("sd", Kind.FRACTION, BetaPosterior::standardDeviation)
            .add("lower", Kind.FRACTION, BetaPosterior::lower)
            .add("upper", Kind.FRACTION, BetaPosterior::upper)
            .add("hpd_lower", Kind.FRACTION, BetaPosterior::hpdLower)
            .add("hpd_upper", Kind.FRACTION, BetaPosterior::hpdUpper);

    /**
     * The columns of a tally's posterior: {@code recorded,audited,prior,credibility,shape_a,shape_b,mean,sd,
     * lower,upper,hpd_lower,hpd_upper}.
     */
    public static final ResultColumns<BetaPosterior> COLUMNS = ResultColumns.<BetaPosterior>of()
            .add("recorded", Kind.COUNT, p -> p.tally().recorded())
            .add("audited", Kind.COUNT, p -> p.tally().audited())
            .add("prior", Kind.TEXT, p -> p.prior().token())
            .add("credibility", Kind.NUMBER, BetaPosterior::credibility)
            .then(SHAPE_AND_BOUNDS);

    /**
     * Computes the posterior of {@code tally} under {@code prior}.
     *
     * @param tally       the audit tally
     * @param prior       the prior
     * @param credibility the level of both intervals, 1e-6 to 1 - 1e-9
     * @return the posterior
     * @throws IllegalArgumentException for a null argument or a level out of range
     */
    static BetaPosterior of(Tally tally, Prior prior, double credibility) {
        Args.notNull("tally", tally);
        Args.notNull("prior", prior);
        Args.confidence(credibility);
        double a = prior.a() + tally.recorded();
        double b = prior.b() + tally.unrecorded();
        double s = a + b;
        double mean = a / s;
        double sd = Math.sqrt(a / s * (b / s) / (s + 1));
        double tail = (1 - credibility) / 2;
        double lower = org.recordingrate.internal.Beta.quantile(tail, a, b);
        double upper = org.recordingrate.internal.Beta.complementQuantile(tail, a, b);
        double[] hpd = BetaMath.highestDensity(a, b, credibility);
        return new BetaPosterior(tally, prior, credibility, a, b, mean, sd, lower, upper, hpd[0], hpd[1]);
    }

    /**
     * The posterior probability that the rate is below {@code rate}: P(p &lt; rate | data), e.g. the
     * probability that the force records less than 90% of crime.
     *
     * @param rate a rate as a fraction, in [0, 1]
     * @return I<sub>rate</sub>(a, b)
     * @throws IllegalArgumentException if {@code rate} is outside [0, 1] or NaN
     */
    public double probabilityBelow(double rate) {
        Args.inRange("rate", rate, 0, 1);
        return org.recordingrate.internal.Beta.regularized(rate, a, b);
    }

    /**
     * Whether the highest-density interval is open at 0 or 1 (the density is monotone).
     *
     * @return true when a &le; 1 or b &le; 1
     */
    public boolean monotone() {
        return a <= 1 || b <= 1;
    }

    @Override
    public ResultTable table() {
        return COLUMNS.table(this).notes(notes());
    }

    @Override
    public List<String> notes() {
        if (b <= 1) {
            return List.of("the posterior density rises all the way to 100% (every audited crime was recorded),"
                    + " so the highest-density interval ends at 100%");
        }
        if (a <= 1) {
            return List.of("the posterior density falls all the way from 0% (no audited crime was recorded),"
                    + " so the highest-density interval starts at 0%");
        }
        return List.of();
    }

    @Override
    public String summary() {
        String level = Percent.level(credibility);
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%-22s%s of %s recorded, %s prior: Beta(%s, %s)%n%-22s%s (sd %s)%n"
                        + "%-22s%s to %s%n%-22s%s to %s%n",
                "posterior", tally.recorded(), tally.audited(), prior, Args.show(a), Args.show(b),
                "mean", Percent.format(mean, 2), Percent.format(standardDeviation, 2),
                level + " equal-tailed", Percent.format(lower, 2), Percent.format(upper, 2),
                level + " highest density", Percent.format(hpdLower, 2), Percent.format(hpdUpper, 2)));
        for (String note : notes()) {
            text.append("Note: ").append(note).append(String.format("%n"));
        }
        return text.toString();
    }

    /** {@code "92.8% (95% credible 89.0% to 95.9%, highest density 89.3% to 96.1%; Jeffreys prior, 188 of 202)"}. */
    @Override
    public String toString() {
        String level = Percent.level(credibility);
        return Percent.format(mean) + " (" + level + " credible " + Percent.format(lower) + " to " + Percent.format(upper)
                + ", highest density " + Percent.format(hpdLower) + " to " + Percent.format(hpdUpper) + "; "
                + prior.named().map(n -> n.displayName() + " prior").orElse("prior " + prior) + ", " + tally + ")";
    }
}
