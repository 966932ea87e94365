package org.recordingrate.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGenerator.SplittableGenerator;
import java.util.random.RandomGeneratorFactory;

import org.recordingrate.error.ArgumentException;
import org.recordingrate.estimate.AllCrimeMethod;
import org.recordingrate.estimate.CategoryEstimate;
import org.recordingrate.estimate.InspectionEstimator;
import org.recordingrate.estimate.VarianceConvention;
import org.recordingrate.internal.Args;
import org.recordingrate.internal.InversionSampler;
import org.recordingrate.model.AuditedCategory;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Tally;

/**
 * The coverage of the all-crime interval of an inspection's design, by seeded simulation: the design
 * fixes each category's audited count n<sub>h</sub> and volume V<sub>h</sub>, and its true rate
 * p<sub>h</sub> (by default the inspection's own x<sub>h</sub>/n<sub>h</sub>); each replicate draws
 * X<sub>h</sub> ~ Binomial(n<sub>h</sub>, p<sub>h</sub>) independently, estimates all crime with the
 * configured {@link InspectionEstimator}, and counts whether the interval holds the true rate
 * theta = sum V<sub>h</sub> p<sub>h</sub> / sum V<sub>h</sub>. Coverage is the share of replicates that
 * do, with Monte Carlo standard error sqrt(c (1 - c) / R).
 *
 * <p>Randomness: the seed gives a source generator (L64X128MixRandom); replicates run in fixed blocks
 * of {@value #BLOCK}, block b drawing from the b-th generator split from the source, so the answer
 * depends on the seed and the number of replicates only. Binomial draws by inversion of the exact
 * distribution (inversion of the binomial distribution function). Immutable and thread-safe.
 */
public final class AllCrimeCoverage {

    /** Replicates per block (one split generator each). */
    static final int BLOCK = 1 << 13;
    /** At most this many replicates. */
    public static final int MAX_REPLICATES = 100_000_000;

    private final InspectionEstimator estimator;
    private final int replicates;
    private final long seed;

    private AllCrimeCoverage(InspectionEstimator estimator, int replicates, long seed) {
        this.estimator = estimator;
        this.replicates = replicates;
        this.seed = seed;
    }

    /**
     * The Wilson all-crime interval at 95% under the binomial convention, 10,000 replicates, seed 1.
     *
     * @return the default procedure
     */
    public static AllCrimeCoverage withDefaults() {
        return new AllCrimeCoverage(InspectionEstimator.withDefaults(), 10_000, 1);
    }

    /**
     * The same with another all-crime interval method.
     *
     * @param method the method
     * @return a new procedure
     * @throws IllegalArgumentException if {@code method} is null
     */
    public AllCrimeCoverage with(AllCrimeMethod method) {
        return new AllCrimeCoverage(estimator.with(Args.notNull("method", method)), replicates, seed);
    }

    /**
     * The same with another variance convention.
     *
     * @param variance the convention
     * @return a new procedure
     * @throws IllegalArgumentException if {@code variance} is null
     */
    public AllCrimeCoverage with(VarianceConvention variance) {
        return new AllCrimeCoverage(estimator.with(Args.notNull("variance", variance)), replicates, seed);
    }

    /**
     * The same at another nominal level.
     *
     * @param confidence the two-sided level, in the supported range
     * @return a new procedure
     * @throws IllegalArgumentException if the level is out of range or NaN
     */
    public AllCrimeCoverage withConfidence(double confidence) {
        return new AllCrimeCoverage(estimator.withConfidence(confidence), replicates, seed);
    }

    /**
     * The same with another number of replicates.
     *
     * @param replicates from 1 to {@value #MAX_REPLICATES}
     * @return a new procedure
     * @throws IllegalArgumentException if out of range
     */
    public AllCrimeCoverage withReplicates(int replicates) {
        if (replicates < 1 || replicates > MAX_REPLICATES) {
            throw new ArgumentException("replicates", "replicates (" + replicates + ") must lie between 1 and "
                    + MAX_REPLICATES);
        }
        return new AllCrimeCoverage(estimator, replicates, seed);
    }

    /**
     * The same with another seed.
     *
     * @param seed any value
     * @return a new procedure
     */
    public AllCrimeCoverage withSeed(long seed) {
        return new AllCrimeCoverage(estimator, replicates, seed);
    }

    /**
     * The coverage at the design's own rates x<sub>h</sub>/n<sub>h</sub>.
     *
     * @param design the inspection: categories with audited counts, volumes and recorded counts
     * @return the simulated coverage
     * @throws IllegalArgumentException if {@code design} is null, or the estimator refuses it
     */
    public SimulatedCoverage simulate(Inspection design) {
        Args.notNull("design", design);
        List<Double> rates = new ArrayList<>();
        for (AuditedCategory category : design.categories()) {
            rates.add(category.tally().rate());
        }
        return simulate(design, rates);
    }

    /**
     * The coverage at given true rates, one per category in the design's order.
     *
     * @param design the inspection whose audited counts and volumes are the design
     * @param rates  the categories' true rates, each in [0, 1]
     * @return the simulated coverage
     * @throws IllegalArgumentException if an argument is null, the rates are not one per category or
     *                                  one is out of range, or the estimator refuses a replicate
     */
    public SimulatedCoverage simulate(Inspection design, List<Double> rates) {
        Args.notNull("design", design);
        Args.notNull("rates", rates);
        List<AuditedCategory> categories = design.categories();
        if (rates.size() != categories.size()) {
            throw new ArgumentException("rates", "rates (" + rates.size() + ") must be one per category of '"
                    + design.name() + "' (" + categories.size() + ")");
        }
        int k = categories.size();
        InversionSampler[] samplers = new InversionSampler[k];
        double weighted = 0;
        for (int h = 0; h < k; h++) {
            double p = Args.inRange("rate of category '" + categories.get(h).name() + "'",
                    Args.notNull("rate", rates.get(h)), 0, 1);
            samplers[h] = InversionSampler.binomial(categories.get(h).tally().audited(), p);
            weighted += (double) categories.get(h).volume() * p;
        }
        double truth = weighted / design.totalVolume();
        SplittableGenerator source = (SplittableGenerator) RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        long covered = 0;
        double width = 0;
        List<AuditedCategory> drawn = new ArrayList<>(k);
        for (int from = 0; from < replicates; from += BLOCK) {
            RandomGenerator random = source.split();
            int to = Math.min(replicates, from + BLOCK);
            for (int r = from; r < to; r++) {
                drawn.clear();
                for (int h = 0; h < k; h++) {
                    AuditedCategory category = categories.get(h);
                    long x = samplers[h].sample(random.nextLong());
                    drawn.add(new AuditedCategory(category.category(), Tally.of(x, category.tally().audited())));
                }
                CategoryEstimate all = estimator.estimate(new Inspection(design.name(), drawn)).allCrime();
                if (all.lower() <= truth && truth <= all.upper()) {
                    covered++;
                }
                width += all.upper() - all.lower();
            }
        }
        double coverage = (double) covered / replicates;
        return new SimulatedCoverage(design.name(), estimator.method(), estimator.variance(), estimator.confidence(),
                truth, replicates, seed, coverage, Math.sqrt(coverage * (1 - coverage) / replicates),
                width / replicates);
    }
}
