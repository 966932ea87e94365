package org.recordingrate.posterior;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.recordingrate.error.ArgumentException;
import org.recordingrate.format.Percent;
import org.recordingrate.format.ResultColumns;
import org.recordingrate.format.ResultTable;
import org.recordingrate.format.ResultTable.Kind;
import org.recordingrate.internal.Args;
import org.recordingrate.internal.Beta;
import org.recordingrate.internal.Roots;
import org.recordingrate.model.AuditedCategory;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Names;
import org.recordingrate.model.Result;
import org.recordingrate.model.Tally;
import org.recordingrate.reproduce.PublishedFigure;

/**
 * Many forces' rates at once under a hierarchical beta-binomial model: the Bayesian counterpart of
 * empirical-Bayes shrinkage (which fixes the Beta hyperparameters at their maximum-likelihood values,
 * as R's ebbr does); here they are integrated over. The result of
 * {@link BayesEstimator#acrossForces(List)}.
 *
 * <p><b>The model</b> (Gelman et al. 2013, "Bayesian Data Analysis", 3rd ed., section 5.3, the rat
 * tumour example): force i recorded x<sub>i</sub> of n<sub>i</sub>, x<sub>i</sub> ~ Binomial(n<sub>i</sub>,
 * p<sub>i</sub>); the forces' rates p<sub>i</sub> ~ Beta(alpha, beta) independently; the hyperprior
 * p(alpha, beta) proportional to (alpha + beta)<sup>-5/2</sup>. Force i's posterior is the mixture over
 * p(alpha, beta | x) of Beta(alpha + x<sub>i</sub>, beta + n<sub>i</sub> - x<sub>i</sub>): its mean is
 * pulled from x<sub>i</sub>/n<sub>i</sub> towards the forces' common mean, the more so the fewer its
 * audited records and the more alike the forces are. The hyperparameters' posterior is integrated on a
 * grid (no simulation, no seed; see the package's {@code BetaBinomialGrid}); each force's mean and
 * standard deviation are sums over the grid, its equal-tailed interval the roots of the mixture's
 * distribution function (Newton's method on the mixture density). <b>Accuracy:</b> means to about 1e-9,
 * credible bounds to about 1e-6 (2e-5 when the forces are alike: the grid's limit), against an
 * independent product Gauss-Legendre rule (HierarchicalPosteriorTest).
 *
 * <p><b>Inputs.</b> Tallies; published figures through their implied effective audited count
 * n = p(1 - p)(z / margin)<sup>2</sup> and x = p n (real numbers, which the beta-binomial likelihood
 * accepts); inspections through their all-crime effective count n<sub>eff</sub> = 1 / sum
 * W<sub>h</sub><sup>2</sup>/n<sub>h</sub> and the volume-weighted rate, as the funnel plot places them.
 * Such counts are approximations, said so in {@link #notes()}.
 *
 * @param forces          each force's posterior, in the order given
 * @param credibility     the level of the intervals
 * @param populationMean  the posterior mean of the forces' common mean alpha / (alpha + beta)
 * @param populationSd    its posterior standard deviation
 * @param betweenForceSd  the posterior mean of the between-force standard deviation of rates,
 *                        sqrt(mu (1 - mu) / (alpha + beta + 1))
 * @param nodes           the grid's nodes
 * @param approximate     whether any force's counts are effective counts (from a margin or weights)
 */
public record HierarchicalPosterior(List<Force> forces, double credibility, double populationMean, double populationSd,
                                    double betweenForceSd, int nodes, boolean approximate) implements Result {

    /**
     * One force's counts: recorded of audited, possibly effective (real) counts.
     *
     * @param name      the force
     * @param recorded  x, 0 to {@code audited}
     * @param audited   n, &gt; 0
     * @param effective whether the counts are implied by a published margin or by weights rather than counted
     */
    public record Counts(String name, double recorded, double audited, boolean effective) {

        /**
         * Validates the counts.
         *
         * @param name      the force, not blank
         * @param recorded  x, finite, 0 to {@code audited}
         * @param audited   n, finite, &gt; 0
         * @param effective whether the counts are effective (real) counts
         * @throws IllegalArgumentException for a blank name or counts out of range
         */
        public Counts {
            name = Args.notBlank("force", name);
            if (!(audited > 0 && audited < Double.POSITIVE_INFINITY)) {
                throw new ArgumentException("audited", "audited (" + Args.show(audited) + ") of force '" + name
                        + "' must be a positive number");
            }
            if (!(recorded >= 0 && recorded <= audited)) {
                throw new ArgumentException("recorded", "recorded (" + Args.show(recorded) + ") of force '" + name
                        + "' must lie between 0 and audited (" + Args.show(audited) + ")");
            }
        }

        /**
         * A force's tally.
         *
         * @param name  the force
         * @param tally its tally
         * @return the counts
         * @throws IllegalArgumentException for a blank name or a null tally
         */
        public static Counts of(String name, Tally tally) {
            Args.notNull("tally", tally);
            return new Counts(name, tally.recorded(), tally.audited(), false);
        }

        /**
         * A force's published figure, as its implied effective audited count n = p(1 - p)(z / margin)^2
         * and x = p n ({@link PublishedFigure#impliedAudited()}).
         *
         * @param name   the force
         * @param figure its figure
         * @return the counts
         * @throws IllegalArgumentException for a blank name, a null figure, or a rate of 0 or 100 percent
         *                                  (which implies no count)
         */
        public static Counts of(String name, PublishedFigure figure) {
            Args.notNull("figure", figure);
            double n = figure.impliedAudited();
            if (!(n > 0)) {
                throw new ArgumentException("rate", "force '" + name + "': a published rate of " + figure.ratePercent()
                        .toPlainString() + " percent implies no audited count, so it cannot enter the model");
            }
            return new Counts(name, Math.min(n, figure.rate() * n), n, true);
        }

        /**
         * An inspection's all-crime counts: the volume-weighted rate r = sum W<sub>h</sub> x<sub>h</sub>/n<sub>h</sub>
         * at the effective audited count n<sub>eff</sub> = 1 / sum W<sub>h</sub><sup>2</sup>/n<sub>h</sub>, x = r
         * n<sub>eff</sub>; an inspection of one category gives its tally exactly.
         *
         * @param inspection the force's inspection, named after the force
         * @return the counts
         * @throws IllegalArgumentException if the inspection is null
         */
        public static Counts allCrime(Inspection inspection) {
            Args.notNull("inspection", inspection);
            if (inspection.categories().size() == 1) {
                return of(inspection.name(), inspection.categories().get(0).tally());
            }
            double total = inspection.totalVolume();
            double rate = 0;
            double inverse = 0;
            for (AuditedCategory c : inspection.categories()) {
                double w = c.volume() / total;
                rate += w * c.tally().rate();
                inverse += w * w / c.tally().audited();
            }
            double n = 1 / inverse;
            return new Counts(inspection.name(), Math.min(n, rate * n), n, true);
        }

        /**
         * The observed rate.
         *
         * @return recorded / audited
         */
        public double rate() {
            return recorded / audited;
        }
    }

    /**
     * One force's posterior.
     *
     * @param counts the force's counts
     * @param mean   its posterior mean (the shrunken rate)
     * @param sd     its posterior standard deviation
     * @param lower  the equal-tailed credible interval's lower bound
     * @param upper  its upper bound
     */
    public record Force(Counts counts, double mean, double sd, double lower, double upper) {

        /**
         * The force's name.
         *
         * @return the name
         */
        public String name() {
            return counts.name();
        }

        /** {@code "force 07: 84.1% -> 86.0% (95% credible 82.3% to 89.2%)"}. */
        @Override
        public String toString() {
            return name() + ": " + Percent.format(counts.rate()) + " -> " + Percent.format(mean) + " (credible "
                    + Percent.format(lower) + " to " + Percent.format(upper) + ")";
        }
    }

    /**
     * The columns, a row per force: {@code force,recorded,audited,rate,mean,sd,lower,upper}; counts are
     * real numbers when effective.
     */
    public static final ResultColumns<Force> COLUMNS = ResultColumns.<Force>of()
            .add("force", Kind.TEXT, Force::name)
            .add("recorded", Kind.NUMBER, f -> f.counts().recorded())
            .add("audited", Kind.NUMBER, f -> f.counts().audited())
            .add("rate", Kind.FRACTION, f -> f.counts().rate())
            .add("mean", Kind.FRACTION, Force::mean)
            .add("sd", Kind.FRACTION, Force::sd)
            .add("lower", Kind.FRACTION, Force::lower)
            .add("upper", Kind.FRACTION, Force::upper);

    /**
     * Copies the list (the record is immutable).
     *
     * @throws NullPointerException if the list or an element is null
     */
    public HierarchicalPosterior {
        forces = List.copyOf(forces);
    }

    /**
     * Weights below this (the grid's weights sum to 1) are left out of the mixtures: together they
     * weigh less than 1e-9 for any grid of fewer than 10,000 nodes.
     */
    private static final double NEGLIGIBLE = 1e-13;

    /** Fits the model to {@code counts} (validated by the caller) on a grid of these steps. */
    static HierarchicalPosterior of(List<Counts> counts, double credibility, double stepU, double stepW) {
        Args.notNull("forces", counts);
        if (counts.size() < 2) {
            throw new ArgumentException("forces", "forces (" + counts.size() + ") must be at least two: a hierarchical"
                    + " model pools several forces");
        }
        Set<String> names = new HashSet<>();
        boolean between = false;
        boolean approximate = false;
        for (Counts c : counts) {
            Args.notNull("force", c);
            if (!names.add(Names.key(c.name()))) {
                throw new ArgumentException("forces", "force '" + c.name() + "' appears twice");
            }
            between |= c.recorded() > 0 && c.recorded() < c.audited();
            approximate |= c.effective();
        }
        if (!between) {
            throw new ArgumentException("forces", "no force recorded some but not all of its audited crimes: the"
                    + " posterior of the hierarchical model is then improper");
        }
        double[] x = new double[counts.size()];
        double[] n = new double[counts.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = counts.get(i).recorded();
            n[i] = counts.get(i).audited();
        }
        BetaBinomialGrid grid = new BetaBinomialGrid(x, n, stepU, stepW);
        double[] alpha = grid.alpha();
        double[] beta = grid.beta();
        double[] weight = grid.weight();
        double mu = 0;
        double mu2 = 0;
        double tau = 0;
        for (int k = 0; k < weight.length; k++) {
            double kappa = alpha[k] + beta[k];
            double m = alpha[k] / kappa;
            mu += weight[k] * m;
            mu2 += weight[k] * m * m;
            tau += weight[k] * Math.sqrt(m * (1 - m) / (kappa + 1));
        }
        double tail = (1 - credibility) / 2;
        List<Force> forces = new ArrayList<>();
        for (Counts c : counts) {
            forces.add(force(c, alpha, beta, weight, tail));
        }
        return new HierarchicalPosterior(forces, credibility, mu, Math.sqrt(Math.max(0, mu2 - mu * mu)), tau,
                weight.length, approximate);
    }

    private static Force force(Counts c, double[] alpha, double[] beta, double[] weight, double tail) {
        int count = 0;
        for (double w : weight) {
            count += w > NEGLIGIBLE ? 1 : 0;
        }
        double[] a = new double[count];
        double[] b = new double[count];
        double[] w = new double[count];
        double[] logB = new double[count];
        double mean = 0;
        double second = 0;
        int j = 0;
        for (int k = 0; k < weight.length; k++) {
            if (weight[k] > NEGLIGIBLE) {
                a[j] = alpha[k] + c.recorded();
                // the unrecorded count first: beta + n - x evaluated left to right rounds a small beta away
                // (20 + 1e-20 - 20 = 0) and a force with all its audited crimes recorded got Beta(a, 0)
                b[j] = beta[k] + (c.audited() - c.recorded());
                w[j] = weight[k];
                logB[j] = Beta.logBeta(a[j], b[j]);
                double s = a[j] + b[j];
                mean += w[j] * a[j] / s;
                second += w[j] * a[j] / s * (a[j] + 1) / (s + 1);
                j++;
            }
        }
        double sd = Math.sqrt(Math.max(0, second - mean * mean));
        double z = org.recordingrate.internal.Normal.quantile(1 - tail);
        double lower = Roots.newton(t -> mixture(t, a, b, w, false) - tail, t -> density(t, a, b, w, logB), 0, 1,
                clampInside(mean - z * sd));
        double upper = Roots.newton(t -> tail - mixture(t, a, b, w, true), t -> density(t, a, b, w, logB), 0, 1,
                clampInside(mean + z * sd));
        return new Force(c, mean, sd, lower, upper);
    }

    private static double clampInside(double t) {
        return Math.min(1 - 1e-9, Math.max(1e-9, t));
    }

    /** The mixture's distribution function at t, or its survival function. */
    private static double mixture(double t, double[] a, double[] b, double[] w, boolean upper) {
        if (t <= 0) {
            return upper ? 1 : 0;
        }
        if (t >= 1) {
            return upper ? 0 : 1;
        }
        double sum = 0;
        for (int k = 0; k < w.length; k++) {
            sum += w[k] * (upper ? Beta.regularizedComplement(t, a[k], b[k]) : Beta.regularized(t, a[k], b[k]));
        }
        return sum;
    }

    /** The mixture's density at t. */
    private static double density(double t, double[] a, double[] b, double[] w, double[] logB) {
        double logT = Math.log(t);
        double logNotT = Math.log1p(-t);
        double sum = 0;
        for (int k = 0; k < w.length; k++) {
            sum += w[k] * Math.exp((a[k] - 1) * logT + (b[k] - 1) * logNotT - logB[k]);
        }
        return sum;
    }

    @Override
    public ResultTable table() {
        return COLUMNS.table(forces).notes(notes());
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "hierarchical beta-binomial model, hyperprior (alpha + beta)^(-5/2)"
                + " (Gelman et al. 2013, section 5.3), integrated on a grid of %,d nodes", nodes));
        if (approximate) {
            notes.add("some forces enter through effective counts (implied by a published margin, or by volume"
                    + " weights for all crime): their likelihood is an approximation");
        }
        return notes;
    }

    @Override
    public String summary() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%d forces; common mean %s (sd %s); between-force sd of rates %s%n", forces.size(),
                Percent.format(populationMean, 2), Percent.format(populationSd, 2), Percent.format(betweenForceSd, 2)));
        text.append(String.format(Locale.ROOT, "  %-24s %8s %8s   %s credible%n", "force", "rate", "mean",
                Percent.level(credibility)));
        for (Force f : forces) {
            text.append(String.format(Locale.ROOT, "  %-24s %8s %8s   %s to %s%n", f.name(), Percent.format(f.counts().rate()),
                    Percent.format(f.mean()), Percent.format(f.lower()), Percent.format(f.upper())));
        }
        for (String note : notes()) {
            text.append("Note: ").append(note).append(String.format("%n"));
        }
        return text.toString();
    }

    /** {@code "43 forces: common mean 91.2%, between-force sd 3.1 points; shrunken rates 84.0% to 96.5%"}. */
    @Override
    public String toString() {
        double low = forces.stream().mapToDouble(Force::mean).min().orElse(Double.NaN);
        double high = forces.stream().mapToDouble(Force::mean).max().orElse(Double.NaN);
        return String.format(Locale.ROOT, "%d forces: common mean %s, between-force sd %.1f points; shrunken rates %s to %s",
                forces.size(), Percent.format(populationMean), 100 * betweenForceSd, Percent.format(low),
                Percent.format(high));
    }
}
