package org.recordingrate.resample;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.random.RandomGenerator.SplittableGenerator;

import org.recordingrate.compare.MonteCarlo;
import org.recordingrate.estimate.RateIntervalMethod;
import org.recordingrate.estimate.UnrecordedCrimes;
import org.recordingrate.estimate.WeightedRate;
import org.recordingrate.internal.Args;
import org.recordingrate.error.ArgumentException;
import org.recordingrate.internal.Normal;
import org.recordingrate.internal.Rational;
import org.recordingrate.model.AuditedCategory;
import org.recordingrate.model.Incidents;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Interval;
import org.recordingrate.model.NamePairing;
import org.recordingrate.model.Names;
import org.recordingrate.model.RowKind;
import org.recordingrate.model.Tally;

/**
 * The bootstrap of recording rates: one category, an inspection's all-crime rate (records, or
 * incidents when the inspection carries them, resampled within each category, the number of
 * units per category and the volumes fixed), the change
 * between two inspections (each resampled independently) and the unrecorded crimes they imply.
 * Immutable and thread-safe; every {@code with..} returns a new instance.
 *
 * <pre>{@code
 * Bootstrap bootstrap = Bootstrap.withDefaults().with(BootstrapInterval.BCA)
 *         .withReplicates(1_000_000).withSeed(42);
 * BootstrapEstimate violence = bootstrap.estimate(Tally.of(180, 202));
 * BootstrapInspectionEstimate peel = bootstrap.estimate(inspection);        // categories and all crime
 * BootstrapInspectionChange since2017 = bootstrap.compare(cdi2017, peel);   // the change
 * }</pre>
 *
 * <p><b>Speed through sufficiency.</b> With 0/1 outcomes, resampling n<sub>h</sub> records of a
 * category with replacement gives a recorded count that is Binomial(n<sub>h</sub>, p&#770;<sub>h</sub>):
 * a replicate is one draw per category from a table prepared once per category, never
 * n<sub>h</sub> draws of records. The record-level bootstrap, for statistics that need the records,
 * is {@link RecordBootstrap}.
 *
 * <p><b>Incidents.</b> Sufficiency holds only when the crimes were sampled one by one. When an
 * inspection's categories carry their {@link AuditedCategory#incidents() incidents} (several
 * crimes of one log, sampled together), the inspection methods ({@link #estimate(Inspection)},
 * {@link #allCrime(Inspection)}, {@link #unrecorded(Inspection)},
 * {@link #compare(Inspection, Inspection)}) resample incidents within each category instead (the
 * stratified cluster bootstrap, Davison and Hinkley 1997, section 3.8), with the same rows,
 * estimates and generators, and at the same speed: incidents with the same (crimes, recorded)
 * pattern are exchangeable, so each category's bootstrap distribution of its sums (R*, A*) is
 * computed once, exactly, and a replicate is one table look-up per category (or the tally of all
 * replicates is drawn at once), never one random index per incident ({@code IncidentResampler},
 * {@code ClusterSums}). Every interval is offered: the BCa acceleration is the cluster jackknife
 * (each incident left out once, stratified), the studentized interval uses the linearisation
 * standard error of each replicate's drawn incidents, and the exact interval convolves the
 * categories' distributions. Routing here rather than in each caller means no caller can have its
 * incidents silently ignored ({@link #hasIncidents(Inspection)} tells which path runs). Tallies
 * ({@link #estimate(Tally)}, {@link #compare(Tally, Tally)}) carry no incidents and are always
 * drawn through the counts.
 *
 * <p><b>At the edge.</b> A category whose bootstrap distribution is degenerate (every or no crime
 * recorded) or nearly so (fewer than {@code Edge.FEW_VALUES} likely values) gets a note on its
 * estimate ({@link BootstrapEstimate#notes()}) saying so and giving Wilson's interval for it
 * (Newcombe's for a change), which covers where the bootstrap does not; the all-crime row says
 * which categories it takes little uncertainty from.
 *
 * <p><b>Reproducible on any number of threads.</b> The seed makes a generator
 * (java.util.random's L64X128MixRandom); each statistic of a call (each row, in output order)
 * takes the next generator split from it, and each fixed block of 8,192 replicates the next split
 * from that; blocks write their own replicates and sums, combined in block order. So the same
 * seed gives bit-identical results with 1, 2 or 16 threads, on any machine with the same JDK
 * algorithms.
 *
 * <p><b>Memory.</b> When the categories' counts have few joint values (the product of their
 * ranges at most half the replicates, as for a few categories of audit size) the replicates are
 * tallied by their tuple of counts ({@code CountTally}): an int per possible tuple and worker,
 * far less than a double per replicate (24,000 cells for the usual three categories, against a
 * million replicates), with the quantiles exact from the weighted distinct values. Otherwise
 * one double per replicate, quantiles by selection, not by sorting.
 *
 * <p>Defaults: BCa, 95%, 100,000 replicates, seed 1, as many threads as processors, ties counted
 * half in the bias correction.
 */
public final class Bootstrap implements RateIntervalMethod {

    /** The most replicates one run holds (one double each: 16 GiB at this limit). */
    public static final int MAX_REPLICATES = Integer.MAX_VALUE - 8;

    private static final Bootstrap DEFAULTS = new Bootstrap(BootstrapInterval.BCA, 0.95, 100_000, 1,
            Runtime.getRuntime().availableProcessors(), TieCounting.HALF, ProgressListener.NONE, new Cancellation());

    private final BootstrapInterval interval;
    private final double confidence;
    private final int replicates;
    private final long seed;
    private final int threads;
    private final TieCounting ties;
    private final ProgressListener progress;
    private final Cancellation cancellation;

    private Bootstrap(BootstrapInterval interval, double confidence, int replicates, long seed, int threads,
                      TieCounting ties, ProgressListener progress, Cancellation cancellation) {
        this.interval = Args.notNull("interval", interval);
        this.confidence = Args.confidence(confidence);
        this.replicates = replicates;
        this.seed = seed;
        this.threads = threads;
        this.ties = Args.notNull("ties", ties);
        this.progress = Args.notNull("progress", progress);
        this.cancellation = Args.notNull("cancellation", cancellation);
    }

    /**
     * BCa, 95%, 100,000 replicates, seed 1, every processor, ties counted half.
     *
     * @return the default configuration
     */
    public static Bootstrap withDefaults() {
        return DEFAULTS;
    }

    /**
     * With another interval method.
     *
     * @param interval percentile, basic, normal, BCa, studentized or exact
     * @return the new configuration
     * @throws IllegalArgumentException if null
     */
    public Bootstrap with(BootstrapInterval interval) {
        return new Bootstrap(interval, confidence, replicates, seed, threads, ties, progress, cancellation);
    }

    /**
     * With another rule for ties in the BCa bias correction.
     *
     * @param ties how replicates equal to the estimate count in the bias correction
     * @return the new configuration
     * @throws IllegalArgumentException if null
     */
    public Bootstrap with(TieCounting ties) {
        return new Bootstrap(interval, confidence, replicates, seed, threads, ties, progress, cancellation);
    }

    /**
     * At another confidence level.
     *
     * @param confidence the two-sided confidence level, in (0, 1)
     * @return the new configuration
     * @throws IllegalArgumentException if outside (0, 1) or NaN
     */
    public Bootstrap withConfidence(double confidence) {
        return new Bootstrap(interval, confidence, replicates, seed, threads, ties, progress, cancellation);
    }

    /**
     * With another number of replicates (ignored by {@link BootstrapInterval#EXACT}).
     *
     * @param replicates replicates per statistic, 1 to {@link #MAX_REPLICATES}
     * @return the new configuration
     * @throws IllegalArgumentException if below 1 or above {@link #MAX_REPLICATES}
     */
    public Bootstrap withReplicates(long replicates) {
        return new Bootstrap(interval, confidence, checkReplicates(replicates), seed, threads, ties, progress,
                cancellation);
    }

    static int checkReplicates(long replicates) {
        Args.positive("replicates", replicates);
        if (replicates > MAX_REPLICATES) {
            throw new ArgumentException("replicates", "replicates (" + replicates + ") must not exceed "
                    + MAX_REPLICATES);
        }
        return (int) replicates;
    }

    /**
     * With another seed (any long).
     *
     * @param seed the seed of the source generator
     * @return the new configuration
     */
    public Bootstrap withSeed(long seed) {
        return new Bootstrap(interval, confidence, replicates, seed, threads, ties, progress, cancellation);
    }

    /**
     * With another number of threads; the results do not depend on it.
     *
     * @param threads threads to run blocks of replicates on, at least 1
     * @return the new configuration
     * @throws IllegalArgumentException if below 1
     */
    public Bootstrap withThreads(int threads) {
        Args.positive("threads", threads);
        return new Bootstrap(interval, confidence, replicates, seed, threads, ties, progress, cancellation);
    }

    /**
     * With a listener told after each block of replicates.
     *
     * @param progress the listener, {@link ProgressListener#NONE} for none
     * @return the new configuration
     * @throws IllegalArgumentException if null
     */
    public Bootstrap withProgress(ProgressListener progress) {
        return new Bootstrap(interval, confidence, replicates, seed, threads, ties, progress, cancellation);
    }

    /**
     * With a token that stops a run when cancelled ({@link java.util.concurrent.CancellationException}).
     *
     * @param cancellation the token
     * @return the new configuration
     * @throws IllegalArgumentException if null
     */
    public Bootstrap withCancellation(Cancellation cancellation) {
        return new Bootstrap(interval, confidence, replicates, seed, threads, ties, progress, cancellation);
    }

    /**
     * The interval method.
     *
     * @return the interval method
     */
    public BootstrapInterval interval() {
        return interval;
    }

    /**
     * The confidence level.
     *
     * @return the confidence level, in (0, 1)
     */
    public double confidence() {
        return confidence;
    }

    /**
     * The number of replicates.
     *
     * @return replicates per statistic, at least 1 (not used by {@link BootstrapInterval#EXACT})
     */
    public int replicates() {
        return replicates;
    }

    /**
     * The seed.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /**
     * The number of threads.
     *
     * @return the number of threads, at least 1
     */
    public int threads() {
        return threads;
    }

    /**
     * The rule for ties in the BCa bias correction.
     *
     * @return the rule for ties
     */
    public TieCounting ties() {
        return ties;
    }

    /** The progress listener. */
    ProgressListener progress() {
        return progress;
    }

    /** The cancellation token. */
    Cancellation cancellation() {
        return cancellation;
    }

    /** {@code bootstrap_bca}, as a {@link RateIntervalMethod} token. */
    @Override
    public String token() {
        return "bootstrap_" + interval.token();
    }

    /** {@code "bootstrap BCa"}. */
    @Override
    public String displayName() {
        return interval.displayName();
    }

    /**
     * The bootstrap interval of one category's rate, as a {@link RateIntervalMethod}: so that
     * {@code RateEstimator.withDefaults().with(Bootstrap.withDefaults())} estimates with it.
     *
     * @throws IllegalArgumentException for a null tally or a confidence outside (0, 1)
     */
    @Override
    public Interval interval(Tally tally, double confidence) {
        return withConfidence(confidence).estimate(tally).interval();
    }

    /**
     * The bootstrap of one category's recording rate x/n: replicates X*&#47;n with X* ~ Binomial(n, x/n).
     *
     * @param tally recorded of audited
     * @return the bootstrap estimate of x/n
     * @throws IllegalArgumentException if {@code tally} is null, its audited count exceeds
     *                                  2<sup>53</sup> (as the estimates), or (argument {@code interval})
     *                                  the exact interval meets a category too large to hold
     * @throws java.util.concurrent.CancellationException if cancelled
     */
    public BootstrapEstimate estimate(Tally tally) {
        Args.notNull("tally", tally);
        Args.countInRange("audited", tally.audited());
        Incidents crimes = Incidents.ofSingleCrimes(tally);
        return run(LinearStatistic.of(tally), tally.rate(), Blocks.source(seed).split())
                .withNotes(categoryNotes("", crimes));
    }

    /**
     * The bootstrap of every category of an inspection (each on its own) and of its all-crime
     * rate sum W<sub>h</sub> p<sub>h</sub> (every category resampled, volumes fixed), with the
     * unrecorded crimes they imply. Row j (categories in order, then all crime) uses the j-th
     * generator split from the seed's.
     *
     * <p>When a category of the inspection carries {@link AuditedCategory#incidents() incidents},
     * the tallies are no longer sufficient (an incident's crimes were sampled together), so the
     * whole inspection is resampled by incident: incidents drawn with replacement within each
     * category (categories without incidents as single crimes), the stratified cluster bootstrap
     * of Davison and Hinkley (1997, section 3.8), drawn through each category's sums (see the class
     * comment). Its replicates are drawn differently, so the same seed does not give the
     * sufficient-statistics path's numbers, even when every incident holds one crime (the
     * distribution is then the same).
     *
     * @param inspection the inspection
     * @return a row per category, then the all-crime row
     * @throws IllegalArgumentException if {@code inspection} is null, a count exceeds 2<sup>53</sup>,
     *                                  or (argument {@code interval}) the interval is studentized and a
     *                                  category of incidents has only one, or exact and a category's
     *                                  distribution is too large to hold
     * @throws java.util.concurrent.CancellationException if cancelled
     */
    public BootstrapInspectionEstimate estimate(Inspection inspection) {
        Args.notNull("inspection", inspection);
        return estimate(inspection, resampler(inspection));
    }

    /** The rows of {@link #estimate(Inspection)}, each statistic resampled by {@code resampler}. */
    BootstrapInspectionEstimate estimate(Inspection inspection, Resampler resampler) {
        checkCounts(inspection);
        SplittableGenerator source = Blocks.source(seed);
        List<BootstrapRow> rows = new ArrayList<>();
        List<String> edge = new ArrayList<>();
        for (AuditedCategory category : inspection.categories()) {
            Tally tally = category.tally();
            List<String> notes = categoryNotes(category.name(), IncidentResampler.incidents(category));
            if (!notes.isEmpty()) {
                edge.add(category.name());
            }
            BootstrapEstimate rate = resampler.category(category, tally.rate(), source.split()).withNotes(notes);
            rows.add(new BootstrapRow(RowKind.CATEGORY, category.name(), tally.recorded(), tally.audited(),
                    category.volume(), rate, unrecorded(category.volume(), Rational.of(tally.recorded(), tally.audited()),
                    rate)));
        }
        BootstrapEstimate all = resampler.allCrime(inspection, weightedRate(inspection), source.split())
                .withNotes(edge.isEmpty() ? List.of() : List.of(Edge.allCrimeNote(edge)));
        rows.add(new BootstrapRow(RowKind.ALL_CRIME, Names.ALL_CRIME, inspection.totalRecorded(),
                inspection.totalAudited(), inspection.totalVolume(), all,
                unrecorded(inspection.totalVolume(), exactRate(inspection), all)));
        return new BootstrapInspectionEstimate(inspection.name(), rows);
    }

    /**
     * The bootstrap of an inspection's all-crime rate alone (the last row of
     * {@link #estimate(Inspection)}, computed without the category rows, so drawn from the
     * first split of the seed's generator); by incident when the inspection carries incidents,
     * as {@link #estimate(Inspection)}.
     *
     * @param inspection the inspection
     * @return the bootstrap of sum W<sub>h</sub> p<sub>h</sub>
     * @throws IllegalArgumentException as {@link #estimate(Inspection)}
     * @throws java.util.concurrent.CancellationException if cancelled
     */
    public BootstrapEstimate allCrime(Inspection inspection) {
        Args.notNull("inspection", inspection);
        return allCrime(inspection, resampler(inspection));
    }

    /** {@link #allCrime(Inspection)} resampled by {@code resampler}. */
    BootstrapEstimate allCrime(Inspection inspection, Resampler resampler) {
        return resampler.allCrime(inspection, weightedRate(inspection), Blocks.source(seed).split());
    }

    /**
     * The unrecorded crimes of an inspection with the interval from the bootstrap of its
     * all-crime rate, {@link #allCrime(Inspection)} (see {@link BootstrapRow} for how the
     * interval is mapped).
     *
     * @param inspection the inspection
     * @return volume x (1 - rate)/rate with the mapped bootstrap interval
     * @throws IllegalArgumentException as {@link #allCrime(Inspection)}
     * @throws java.util.concurrent.CancellationException if cancelled
     */
    public UnrecordedCrimes unrecorded(Inspection inspection) {
        Args.notNull("inspection", inspection);
        return unrecorded(inspection, resampler(inspection));
    }

    /** {@link #unrecorded(Inspection)} resampled by {@code resampler}. */
    UnrecordedCrimes unrecorded(Inspection inspection, Resampler resampler) {
        return unrecorded(inspection.totalVolume(), exactRate(inspection), allCrime(inspection, resampler));
    }

    /**
     * The bootstrap of the change in one category's rate, after - before, each tally resampled
     * independently.
     *
     * @param before the earlier tally
     * @param after  the later tally
     * @return the bootstrap of x<sub>a</sub>/n<sub>a</sub> - x<sub>b</sub>/n<sub>b</sub>, in [-1, 1]
     * @throws IllegalArgumentException if a tally is null, an audited count exceeds 2<sup>53</sup>,
     *                                  or (argument {@code interval}) the exact interval meets a
     *                                  category too large to hold
     * @throws java.util.concurrent.CancellationException if cancelled
     */
    public BootstrapEstimate compare(Tally before, Tally after) {
        Args.notNull("before", before);
        Args.notNull("after", after);
        Args.countInRange("audited before", before.audited());
        Args.countInRange("audited after", after.audited());
        return run(LinearStatistic.change(before, after), after.rate() - before.rate(), Blocks.source(seed).split())
                .withNotes(changeNotes("", Incidents.ofSingleCrimes(before), Incidents.ofSingleCrimes(after)));
    }

    /**
     * The bootstrap of the change between two inspections: each category audited in both (in the
     * later inspection's order), then the all-crime rate (every category of each inspection,
     * the two inspections resampled independently). Row j uses the j-th generator split from
     * the seed's. When either inspection carries incidents, both are resampled by incident (each
     * on its own, as {@link RecordBootstrap#compare(Inspection, Inspection)}): a replicate of a
     * change is the later inspection's replicate minus the earlier one's.
     *
     * @param before the earlier inspection
     * @param after  the later inspection
     * @return a row per category audited in both, then the all-crime row
     * @throws IllegalArgumentException if an inspection is null, or as {@link #estimate(Inspection)}
     * @throws java.util.concurrent.CancellationException if cancelled
     */
    public BootstrapInspectionChange compare(Inspection before, Inspection after) {
        Args.notNull("before", before);
        Args.notNull("after", after);
        return compare(before, after, resampler(before, after));
    }

    /** {@link #compare(Inspection, Inspection)} resampled by {@code resampler}. */
    BootstrapInspectionChange compare(Inspection before, Inspection after, Resampler resampler) {
        checkCounts(before);
        checkCounts(after);
        SplittableGenerator source = Blocks.source(seed);
        NamePairing<AuditedCategory> pairing = NamePairing.byName(before.categories(), after.categories(),
                AuditedCategory::name);
        List<BootstrapChangeRow> rows = new ArrayList<>();
        for (NamePairing.Pair<AuditedCategory> pair : pairing.pairs()) {
            double b = pair.before().tally().rate();
            double a = pair.after().tally().rate();
            List<String> notes = changeNotes(pair.after().name(), IncidentResampler.incidents(pair.before()),
                    IncidentResampler.incidents(pair.after()));
            rows.add(new BootstrapChangeRow(RowKind.CATEGORY, pair.after().name(), b, a,
                    resampler.change(pair.before(), pair.after(), a - b, source.split()).withNotes(notes)));
        }
        List<String> edge = new ArrayList<>();
        for (Inspection inspection : List.of(before, after)) {
            for (AuditedCategory c : inspection.categories()) {
                if (!categoryNotes(c.name(), IncidentResampler.incidents(c)).isEmpty()) {
                    edge.add(c.name() + " in " + inspection.name());
                }
            }
        }
        double rateBefore = weightedRate(before);
        double rateAfter = weightedRate(after);
        rows.add(new BootstrapChangeRow(RowKind.ALL_CRIME, Names.ALL_CRIME, rateBefore, rateAfter,
                resampler.change(before, after, rateAfter - rateBefore, source.split())
                        .withNotes(edge.isEmpty() ? List.of() : List.of(Edge.allCrimeNote(edge)))));
        return new BootstrapInspectionChange(before.name(), after.name(), rows,
                pairing.onlyBefore().stream().map(AuditedCategory::name).toList(),
                pairing.onlyAfter().stream().map(AuditedCategory::name).toList());
    }

    /**
     * How one statistic of an inspection is resampled, given its estimate and its own generator:
     * through the sufficient statistics (Binomial counts per category), or unit by unit
     * ({@link RecordBootstrap}'s). The row layout and the order of the generators are
     * {@link Bootstrap}'s either way.
     */
    interface Resampler {

        /** One category's rate. */
        BootstrapEstimate category(AuditedCategory category, double estimate, SplittableGenerator stream);

        /** The all-crime rate of an inspection. */
        BootstrapEstimate allCrime(Inspection inspection, double estimate, SplittableGenerator stream);

        /** The change in one category's rate, after - before, resampled independently. */
        BootstrapEstimate change(AuditedCategory before, AuditedCategory after, double estimate,
                                 SplittableGenerator stream);

        /** The change in the all-crime rate, after - before, resampled independently. */
        BootstrapEstimate change(Inspection before, Inspection after, double estimate, SplittableGenerator stream);
    }

    /** The sufficient-statistics resampler of this configuration: Binomial counts per category. */
    private Resampler sufficient() {
        return new Resampler() {
            @Override
            public BootstrapEstimate category(AuditedCategory category, double estimate, SplittableGenerator stream) {
                return run(LinearStatistic.of(category.tally()), estimate, stream);
            }

            @Override
            public BootstrapEstimate allCrime(Inspection inspection, double estimate, SplittableGenerator stream) {
                return run(LinearStatistic.of(inspection), estimate, stream);
            }

            @Override
            public BootstrapEstimate change(AuditedCategory before, AuditedCategory after, double estimate,
                                            SplittableGenerator stream) {
                return run(LinearStatistic.change(before.tally(), after.tally()), estimate, stream);
            }

            @Override
            public BootstrapEstimate change(Inspection before, Inspection after, double estimate,
                                            SplittableGenerator stream) {
                return run(LinearStatistic.change(before, after), estimate, stream);
            }
        };
    }

    /**
     * The resampler for these inspections: by incident ({@link IncidentResampler}) when any carries
     * incidents, else through the sufficient statistics.
     */
    private Resampler resampler(Inspection... inspections) {
        for (Inspection inspection : inspections) {
            if (hasIncidents(inspection)) {
                return new IncidentResampler(this);
            }
        }
        return sufficient();
    }

    /**
     * Whether some category of the inspection carries its incidents (then it is resampled by
     * incident, see {@link #estimate(Inspection)}).
     *
     * @param inspection the inspection
     * @return true if some category's {@link AuditedCategory#incidents()} is present
     * @throws IllegalArgumentException if {@code inspection} is null
     */
    public static boolean hasIncidents(Inspection inspection) {
        Args.notNull("inspection", inspection);
        return inspection.categories().stream().anyMatch(c -> c.incidents().isPresent());
    }

    /**
     * The note on a category whose bootstrap distribution is degenerate or nearly so, with the
     * Wilson interval offered instead (see {@link Edge}); empty otherwise.
     */
    private List<String> categoryNotes(String name, Incidents incidents) {
        return Edge.check(name, incidents, confidence).map(f -> List.of(Edge.categoryNote(f, incidents, confidence)))
                .orElse(List.of());
    }

    /** The note on a change whose two bootstrap distributions include one at the edge; empty otherwise. */
    private List<String> changeNotes(String name, Incidents before, Incidents after) {
        Optional<Edge.Finding> b = Edge.check(name, before, confidence);
        Optional<Edge.Finding> a = Edge.check(name, after, confidence);
        if (b.isEmpty() && a.isEmpty()) {
            return List.of();
        }
        return List.of(Edge.changeNote(name, b, a, before, after, confidence));
    }

    /**
     * Refuses an inspection whose counts exceed the supported 2<sup>53</sup> per category and in all
     * ({@code Args.countInRange}), as the estimates do.
     */
    private static void checkCounts(Inspection inspection) {
        long audited = 0;
        for (AuditedCategory category : inspection.categories()) {
            audited += Args.countInRange("audited of category '" + category.name() + "'", category.tally().audited());
            Args.countInRange("audited in all of inspection '" + inspection.name() + "'", audited);
        }
    }

    /** The cheap all-crime point estimate. */
    static double weightedRate(Inspection inspection) {
        int h = inspection.categories().size();
        double[] volumes = new double[h];
        long[] recorded = new long[h];
        long[] audited = new long[h];
        for (int i = 0; i < h; i++) {
            AuditedCategory c = inspection.categories().get(i);
            volumes[i] = c.volume();
            recorded[i] = c.tally().recorded();
            audited[i] = c.tally().audited();
        }
        return WeightedRate.rate(volumes, recorded, audited);
    }

    private static Rational exactRate(Inspection inspection) {
        Rational weighted = Rational.of(0, 1);
        for (AuditedCategory c : inspection.categories()) {
            weighted = weighted.plus(Rational.of(c.tally().recorded(), c.tally().audited()).times(c.volume()));
        }
        return weighted.dividedBy(inspection.totalVolume());
    }

    /**
     * The unrecorded crimes of a rate with its bootstrap interval. The exact rate (x/n, or the
     * volume-weighted sum of such) is passed as a decimal rounded down to 80 digits: "more than N"
     * rounds the count down, and a rate rounded down can only raise the count by far less than
     * the gap between it and the next whole multiple whenever the exact rate's denominator is
     * below 10^70, so N is the exact one.
     */
    private static UnrecordedCrimes unrecorded(long volume, Rational exactRate, BootstrapEstimate rate) {
        java.math.BigDecimal decimal = new java.math.BigDecimal(exactRate.numerator()).divide(
                new java.math.BigDecimal(exactRate.denominator()),
                new java.math.MathContext(80, java.math.RoundingMode.FLOOR));
        return UnrecordedCrimes.of(volume, decimal, rate.interval());
    }

    /** Runs this configuration's interval on one statistic with one generator. */
    BootstrapEstimate run(LinearStatistic statistic, double estimate, SplittableGenerator stream) {
        return result(distribution(statistic, estimate, stream), estimate);
    }

    /** This configuration's interval and summary of a bootstrap distribution. */
    BootstrapEstimate result(Distribution distribution, double estimate) {
        Interval bounds = interval.compute(distribution, confidence, ties);
        double se = Math.sqrt(distribution.variance());
        double bias = distribution.mean() - estimate;
        if (distribution instanceof ExactDistribution exact) {
            return new BootstrapEstimate(estimate, bounds, interval, confidence, se, bias, Optional.empty(),
                    OptionalDouble.of(exact.error()));
        }
        double beta = (1 - confidence) / 2;
        double boundError = se * Math.sqrt(beta * (1 - beta) / replicates)
                / (Math.exp(-0.5 * square(Normal.quantile(beta))) / Math.sqrt(2 * Math.PI));
        return new BootstrapEstimate(estimate, bounds, interval, confidence, se, bias,
                Optional.of(new MonteCarlo(replicates, seed, boundError)), OptionalDouble.empty());
    }

    /** The bootstrap distribution this configuration uses. */
    Distribution distribution(LinearStatistic statistic, double estimate, SplittableGenerator stream) {
        if (interval == BootstrapInterval.EXACT) {
            return ExactDistribution.of(statistic, estimate);
        }
        return BinomialResampler.run(statistic, estimate, replicates, stream, threads, progress, cancellation,
                interval.studentized());
    }

    private static double square(double x) {
        return x * x;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Bootstrap[%s, confidence %s, %d replicates, seed %d, %d threads, ties %s]",
                interval.token(), confidence, replicates, seed, threads, ties.token());
    }
}
