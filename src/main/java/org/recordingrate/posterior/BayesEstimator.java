package org.recordingrate.posterior;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.recordingrate.error.ArgumentException;
import org.recordingrate.internal.Args;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Tally;
import org.recordingrate.reproduce.PublishedFigure;

/**
 * The Bayesian view of audits, configured once: a prior, a credible level, and for simulated
 * results the replicates, seed and threads. Immutable and thread-safe; {@code with..} methods
 * return new configurations.
 *
 * <pre>{@code
 * BayesEstimator.of(188, 202)                                   // Jeffreys, 95%: a BetaPosterior
 * BayesEstimator.withDefaults().with(Prior.UNIFORM).withCredibility(0.9).estimate(Tally.of(188, 202))
 * BayesEstimator.change(Tally.of(512, 640), Tally.of(188, 202)) // P(later rate higher), the change
 * BayesEstimator.withDefaults().estimate(inspection)            // categories and all crime
 * BayesEstimator.withDefaults().acrossForces(List.of(Counts.of("A", tally), ...))
 * }</pre>
 *
 * <p>Defaults: Jeffreys' prior, 95%, 100,000 replicates for an inspection's all-crime interval,
 * seed 1, every processor (the draws do not depend on the number of threads).
 */
public final class BayesEstimator {

    /** The most replicates one run holds (a double each). */
    public static final int MAX_REPLICATES = 100_000_000;

    private static final BayesEstimator DEFAULTS = new BayesEstimator(Prior.JEFFREYS, 0.95, 100_000, 1,
            Runtime.getRuntime().availableProcessors());

    /** Steps of the hierarchical grid (see {@code BetaBinomialGrid}). */
    static final double STEP_U = 0.25;
    static final double STEP_W = 0.0625;

    private final Prior prior;
    private final double credibility;
    private final int replicates;
    private final long seed;
    private final int threads;

    private BayesEstimator(Prior prior, double credibility, int replicates, long seed, int threads) {
        this.prior = Args.notNull("prior", prior);
        this.credibility = Args.confidence(credibility);
        if (replicates < 1000 || replicates > MAX_REPLICATES) {
            throw new ArgumentException("replicates", "replicates (" + replicates + ") must lie between 1,000 and "
                    + "100,000,000");
        }
        this.replicates = replicates;
        this.seed = seed;
        if (threads < 1) {
            throw new ArgumentException("threads", "threads (" + threads + ") must be at least 1");
        }
        this.threads = threads;
    }

    /**
     * Jeffreys' prior, 95%, 100,000 replicates, seed 1, every processor.
     *
     * @return the default configuration
     */
    public static BayesEstimator withDefaults() {
        return DEFAULTS;
    }

    /**
     * With another prior.
     *
     * @param other the prior, e.g. {@link Prior#UNIFORM} or {@code Prior.of(2, 1)}
     * @return the new configuration
     * @throws IllegalArgumentException if null
     */
    public BayesEstimator with(Prior other) {
        return new BayesEstimator(other, credibility, replicates, seed, threads);
    }

    /**
     * With another credible level for every interval.
     *
     * @param level the probability inside the intervals, 1e-6 to 1 - 1e-9 (0.95, not 95)
     * @return the new configuration
     * @throws IllegalArgumentException if out of range (with a hint for percent)
     */
    public BayesEstimator withCredibility(double level) {
        return new BayesEstimator(prior, level, replicates, seed, threads);
    }

    /**
     * With another number of replicates for simulated results (an inspection's all-crime interval).
     *
     * @param count 1,000 to 100,000,000
     * @return the new configuration
     * @throws IllegalArgumentException if out of range
     */
    public BayesEstimator withReplicates(int count) {
        return new BayesEstimator(prior, credibility, count, seed, threads);
    }

    /**
     * With another seed for simulated results.
     *
     * @param other any long
     * @return the new configuration
     */
    public BayesEstimator withSeed(long other) {
        return new BayesEstimator(prior, credibility, replicates, other, threads);
    }

    /**
     * With another number of threads for simulated results (which do not depend on it).
     *
     * @param count at least 1
     * @return the new configuration
     * @throws IllegalArgumentException if below 1
     */
    public BayesEstimator withThreads(int count) {
        return new BayesEstimator(prior, credibility, replicates, seed, count);
    }

    /**
     * The prior.
     *
     * @return the prior of every posterior
     */
    public Prior prior() {
        return prior;
    }

    /**
     * The credible level.
     *
     * @return the probability inside every interval
     */
    public double credibility() {
        return credibility;
    }

    /**
     * The replicates of simulated results.
     *
     * @return R
     */
    public int replicates() {
        return replicates;
    }

    /**
     * The seed of simulated results.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /**
     * One tally's Beta posterior: mean, equal-tailed and highest-density intervals.
     *
     * @param tally recorded of audited
     * @return the posterior (see {@link BetaPosterior})
     * @throws IllegalArgumentException if {@code tally} is null
     */
    public BetaPosterior estimate(Tally tally) {
        return BetaPosterior.of(tally, prior, credibility);
    }

    /**
     * Two tallies, earlier then later: the probability that the later rate is the higher (computed,
     * not simulated) and the posterior of the change.
     *
     * @param before the earlier tally
     * @param after  the later tally
     * @return the change (see {@link PosteriorChange})
     * @throws IllegalArgumentException if a tally is null
     */
    public PosteriorChange compare(Tally before, Tally after) {
        PosteriorChange.check(before, after);
        return PosteriorChange.of(estimate(before), estimate(after));
    }

    /**
     * An inspection's categories and its volume-weighted all-crime rate, whose interval is simulated
     * with this configuration's replicates and seed.
     *
     * @param inspection the inspection
     * @return the posterior (see {@link AllCrimePosterior})
     * @throws IllegalArgumentException if {@code inspection} is null
     */
    public AllCrimePosterior estimate(Inspection inspection) {
        Args.notNull("inspection", inspection);
        return AllCrimePosterior.of(inspection, prior, credibility, replicates, seed, threads);
    }

    /**
     * Many forces under the hierarchical beta-binomial model (this configuration's prior is not used:
     * the forces' common Beta is the prior, itself given the hyperprior of {@link HierarchicalPosterior}).
     *
     * @param forces each force's counts, at least two, names distinct
     * @return the posterior (see {@link HierarchicalPosterior})
     * @throws IllegalArgumentException for fewer than two forces, a null or repeated force, or no force with
     *                                  some but not all of its audited crimes recorded (improper posterior)
     */
    public HierarchicalPosterior acrossForces(List<HierarchicalPosterior.Counts> forces) {
        return HierarchicalPosterior.of(forces, credibility, STEP_U, STEP_W);
    }

    /**
     * Many forces' tallies under the hierarchical model: {@code acrossTallies(Map.of("A", Tally.of(188, 202), ...))}.
     *
     * @param tallies each force's tally by name, in the map's order
     * @return the posterior
     * @throws IllegalArgumentException as {@link #acrossForces(List)}
     */
    public HierarchicalPosterior acrossTallies(Map<String, Tally> tallies) {
        Args.notNull("tallies", tallies);
        List<HierarchicalPosterior.Counts> counts = new ArrayList<>();
        tallies.forEach((name, tally) -> counts.add(HierarchicalPosterior.Counts.of(name, tally)));
        return acrossForces(counts);
    }

    /**
     * Many forces' inspections (their all-crime effective counts; see
     * {@link HierarchicalPosterior.Counts#allCrime(Inspection)}) or, with a category, that category's tallies,
     * forces that did not audit it left out.
     *
     * @param inspections one inspection per force, named after it
     * @param category    a category, or null for all crime
     * @return the posterior
     * @throws IllegalArgumentException as {@link #acrossForces(List)}, or for a null list
     */
    public HierarchicalPosterior acrossInspections(List<Inspection> inspections, String category) {
        Args.notNull("inspections", inspections);
        List<HierarchicalPosterior.Counts> counts = new ArrayList<>();
        for (Inspection inspection : inspections) {
            Args.notNull("inspection", inspection);
            if (category == null) {
                counts.add(HierarchicalPosterior.Counts.allCrime(inspection));
            } else {
                inspection.category(category).ifPresent(c -> counts.add(HierarchicalPosterior.Counts.of(inspection.name(),
                        c.tally())));
            }
        }
        return acrossForces(counts);
    }

    /**
     * Many forces' published figures, through their implied effective audited counts.
     *
     * @param figures each force's figure by name, in the map's order
     * @return the posterior
     * @throws IllegalArgumentException as {@link #acrossForces(List)}, or for a rate of 0 or 100 percent
     */
    public HierarchicalPosterior acrossFigures(Map<String, PublishedFigure> figures) {
        Args.notNull("figures", figures);
        List<HierarchicalPosterior.Counts> counts = new ArrayList<>();
        figures.forEach((name, figure) -> counts.add(HierarchicalPosterior.Counts.of(name, figure)));
        return acrossForces(counts);
    }

    /**
     * A tally's posterior under Jeffreys' prior at 95%, in one call: {@code BayesEstimator.of(188, 202)}.
     *
     * @param recorded recorded, 0 to {@code audited}
     * @param audited  audited, at least 1
     * @return the posterior
     * @throws IllegalArgumentException for invalid counts
     */
    public static BetaPosterior of(long recorded, long audited) {
        return DEFAULTS.estimate(Tally.of(recorded, audited));
    }

    /**
     * Two tallies' change under Jeffreys' prior at 95%, in one call.
     *
     * @param before the earlier tally
     * @param after  the later tally
     * @return the change
     * @throws IllegalArgumentException if a tally is null
     */
    public static PosteriorChange change(Tally before, Tally after) {
        return DEFAULTS.compare(before, after);
    }

    /** {@code "Bayes(Jeffreys Beta(0.5, 0.5), 95%, 100,000 replicates, seed 1)"}. */
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "Bayes(%s, %s, %,d replicates, seed %d)", prior,
                org.recordingrate.format.Percent.level(credibility), replicates, seed);
    }
}
