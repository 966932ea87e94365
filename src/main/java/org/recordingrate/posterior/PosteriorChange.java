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
 * Two tallies of one category, earlier and later, each with its own Beta posterior (independent,
 * same prior): the probability that the later rate is the higher, and the posterior of the change
 * d = p<sub>after</sub> - p<sub>before</sub>. The result of {@link BayesEstimator#compare(Tally, Tally)}.
 *
 * <p><b>Computed, not simulated.</b> P(d &le; t) = &int; f<sub>X</sub>(x) G(x, t) dx, X the narrower of
 * the two posteriors and G the other's distribution function at the matching point, integrated over
 * X's probability scale by the tanh-sinh rule to 1e-13 (Takahasi and Mori 1974; the step halved until
 * two levels agree). {@link #probabilityImproved()} is P(d &gt; 0), the upper tail computed directly
 * (never as 1 minus a number near 1); the interval's ends are the roots of P(d &le; t) = (1 - level)/2
 * and P(d &gt; t) = (1 - level)/2 (bracketed root finding). For whole-number shapes (the uniform
 * prior) P(d &gt; 0) also has a finite sum (Miller 2015, "Formulas for Bayesian A/B testing"), which
 * the tests use as the independent check; Jeffreys' half-integer shapes have none, hence the
 * quadrature.
 *
 * @param before              the earlier tally's posterior
 * @param after               the later tally's posterior
 * @param probabilityImproved P(p<sub>after</sub> &gt; p<sub>before</sub> | both audits)
 * @param difference          the posterior mean of the change, mean<sub>after</sub> - mean<sub>before</sub>
 * @param standardDeviation   its posterior standard deviation
 * @param lower               the equal-tailed credible interval's lower bound for the change, in [-1, 1]
 * @param upper               its upper bound, in [-1, 1]
 */
public record PosteriorChange(BetaPosterior before, BetaPosterior after, double probabilityImproved,
                              double difference, double standardDeviation, double lower, double upper)
        implements Result {

    /**
     * The columns: {@code recorded_before,audited_before,recorded_after,audited_after,prior,credibility,
     * mean_before,mean_after,difference,difference_sd,difference_lower,difference_upper,p_improvement}.
     */
    public static final ResultColumns<PosteriorChange> COLUMNS = ResultColumns.<PosteriorChange>of()
            .add("recorded_before", Kind.COUNT, c -> c.before().tally().recorded())
            .add("audited_before", Kind.COUNT, c -> c.before().tally().audited())
            .add("recorded_after", Kind.COUNT, c -> c.after().tally().recorded())
            .add("audited_after", Kind.COUNT, c -> c.after().tally().audited())
            .add("prior", Kind.TEXT, c -> c.after().prior().token())
            .add("credibility", Kind.NUMBER, c -> c.after().credibility())
            .add("mean_before", Kind.FRACTION, c -> c.before().mean())
            .add("mean_after", Kind.FRACTION, c -> c.after().mean())
            .add("difference", Kind.CHANGE, PosteriorChange::difference)
            .add("difference_sd", Kind.CHANGE, PosteriorChange::standardDeviation)
            .add("difference_lower", Kind.CHANGE, PosteriorChange::lower)
            .add("difference_upper", Kind.CHANGE, PosteriorChange::upper)
            .add("p_improvement", Kind.PVALUE, PosteriorChange::probabilityImproved);

    /** Computes the change of two posteriors of the same prior and level. */
    static PosteriorChange of(BetaPosterior before, BetaPosterior after) {
        BetaMath.Difference difference = new BetaMath.Difference(before.a(), before.b(), after.a(), after.b());
        double improved = difference.probability(0, true);
        double tail = (1 - after.credibility()) / 2;
        double mean = after.mean() - before.mean();
        double sd = Math.sqrt(after.standardDeviation() * after.standardDeviation()
                + before.standardDeviation() * before.standardDeviation());
        double lower = root(difference, tail, false, mean, sd);
        double upper = root(difference, tail, true, mean, sd);
        return new PosteriorChange(before, after, improved, mean, sd, lower, upper);
    }

    /** The t with P(d &le; t) = tail (lower end) or P(d &gt; t) = tail (upper end). */
    private static double root(BetaMath.Difference difference, double tail, boolean upper, double mean, double sd) {
        java.util.function.DoubleUnaryOperator f = upper ? t -> tail - difference.probability(t, true)
                : t -> difference.probability(t, false) - tail;
        // a bracket from the normal approximation, widened until it holds the root, within [-1, 1]
        double width = 8 * sd;
        double low = Math.max(-1, mean - width);
        double high = Math.min(1, mean + width);
        while (low > -1 && f.applyAsDouble(low) > 0) {
            low = Math.max(-1, low - (width *= 2));
        }
        while (high < 1 && f.applyAsDouble(high) < 0) {
            high = Math.min(1, high + (width *= 2));
        }
        return org.recordingrate.internal.Roots.bracketed(f, low, high);
    }

    /**
     * P(p<sub>after</sub> &lt; p<sub>before</sub>): the probability that the force's recording got worse.
     *
     * @return 1 - {@link #probabilityImproved()} (ties have probability 0)
     */
    public double probabilityDeteriorated() {
        return 1 - probabilityImproved;
    }

    @Override
    public ResultTable table() {
        return COLUMNS.table(this).notes(notes());
    }

    /**
     * The sentence a reader would write: "The probability that the later recording rate is the higher
     * is 97.1% (Jeffreys prior)."
     *
     * @return one sentence
     */
    public String sentence() {
        return "The probability that the later recording rate is the higher is " + probability(probabilityImproved)
                + " (" + priorName() + ").";
    }

    private String priorName() {
        return after.prior().named().map(n -> n.displayName() + " prior").orElse("prior " + after.prior());
    }

    private static String probability(double p) {
        if (p > 0.999) {
            return p == 1 ? "more than 99.9999%" : "more than 99.9%";
        }
        if (p < 0.001) {
            return "less than 0.1%";
        }
        return Percent.format(p);
    }

    @Override
    public String summary() {
        String level = Percent.level(after.credibility());
        return String.format(Locale.ROOT, "%-22s%s of %s -> %s of %s, %s%n%-22s%s -> %s%n%-22s%s (sd %s)%n"
                        + "%-22s%s to %s points%n%-22s%.6f%n%s%n",
                "tallies", before.tally().recorded(), before.tally().audited(), after.tally().recorded(),
                after.tally().audited(), priorName(),
                "posterior means", Percent.format(before.mean(), 2), Percent.format(after.mean(), 2),
                "change", Percent.points(difference), String.format(Locale.ROOT, "%.1f points", 100 * standardDeviation),
                level + " credible", Percent.signed(lower), Percent.signed(upper),
                "P(later higher)", probabilityImproved, sentence());
    }

    /** {@code "+5.4 points (95% credible -0.4 to +11.0), P(improved) 0.9713; Jeffreys prior, 512 of 640 then 188 of 202"}. */
    @Override
    public String toString() {
        return Percent.points(difference) + " (" + Percent.level(after.credibility()) + " credible "
                + Percent.range(lower, upper) + "), P(improved) " + Percent.pValue(probabilityImproved) + "; "
                + priorName() + ", " + before.tally() + " then " + after.tally();
    }

    /** The notes: none (the two tallies are assumed independent, as the comparisons are). */
    @Override
    public List<String> notes() {
        return List.of();
    }

    static void check(Tally before, Tally after) {
        Args.notNull("before", before);
        Args.notNull("after", after);
    }
}
