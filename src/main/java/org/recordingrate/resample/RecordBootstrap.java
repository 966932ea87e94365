package org.recordingrate.resample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGenerator.SplittableGenerator;

import org.recordingrate.estimate.UnrecordedCrimes;
import org.recordingrate.internal.Args;
import org.recordingrate.error.ArgumentException;
import org.recordingrate.internal.InversionSampler;
import org.recordingrate.model.AuditRecord;
import org.recordingrate.model.AuditedCategory;
import org.recordingrate.model.Category;
import org.recordingrate.model.Incidents;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Names;

/**
 * The bootstrap over resampling units, for statistics that need more than the tallies: crimes
 * grouped by incident (an incident's crimes are resampled together, the stratified cluster
 * bootstrap of Davison and Hinkley 1997, section 3.8), from a list of {@link AuditRecord}s or
 * from an {@link Inspection} whose categories carry their {@link Incidents}; and per-record
 * weights once record-level audit files carry them. Within each category the resampling units
 * (records, or incidents) are drawn with {@link ResamplingWeights multinomial or Poisson
 * weights}; a category's replicate rate is the ratio R*&#47;A* of its weighted recorded and
 * audited counts, and the all-crime replicate is sum W<sub>h</sub> R*<sub>h</sub>&#47;A*<sub>h</sub>,
 * the volumes fixed.
 *
 * <pre>{@code
 * RecordBootstrap byIncident = RecordBootstrap.withDefaults()
 *         .with(Bootstrap.withDefaults().withReplicates(100_000).withSeed(42));
 * BootstrapInspectionEstimate peel = byIncident.estimate(inspection);      // categories and all crime
 * BootstrapInspectionChange change = byIncident.compare(cdi2017, inspection);
 * }</pre>
 *
 * <p>Two entry points, two sources of units. {@link #allCrime(List, List)} takes records, which
 * merely name their incidents: {@link #withIncidentsAsUnits(boolean)} chooses records or
 * incidents as units. The {@link Inspection} methods ({@link #estimate(Inspection)},
 * {@link #allCrime(Inspection)}, {@link #unrecorded(Inspection)},
 * {@link #compare(Inspection, Inspection)}) always resample a category's incidents when it carries
 * them (the inspection says they were the sampled units), its crimes otherwise; with multinomial
 * weights they are {@link Bootstrap}'s own inspection methods, which draw each category's sums
 * from their bootstrap distribution instead of one index per incident (the same bootstrap, far
 * faster: {@code IncidentResampler}); with Poisson weights each unit's weight is drawn here.
 *
 * <p>With crimes as units and multinomial weights this is the same bootstrap distribution as
 * {@link Bootstrap}'s sufficient-statistics one (which draws a Binomial count per category
 * instead, and is faster); with incidents as units it is wider when an incident's crimes tend to
 * be recorded together.
 *
 * <p>Intervals, unit by unit (record lists; Poisson weights): percentile, basic, normal and BCa
 * (the acceleration from the jackknife over units in closed form, leaving out each unit once,
 * stratified as in {@link Bootstrap}; ties with the estimate decided in doubles to a relative
 * 1e-12); studentized and exact are not offered there. Replicates are made in the same fixed
 * blocks with split generators, so the results do not depend on the number of threads. Cost:
 * one random index per unit per replicate and statistic (the plain cluster bootstrap), against
 * one table look-up per category for {@link Bootstrap}. Immutable and thread-safe.
 */
public final class RecordBootstrap {

    private static final RecordBootstrap DEFAULTS = new RecordBootstrap(Bootstrap.withDefaults(),
            ResamplingWeights.MULTINOMIAL, false);

    private final Bootstrap settings;
    private final ResamplingWeights weights;
    private final boolean byIncident;

    private RecordBootstrap(Bootstrap settings, ResamplingWeights weights, boolean byIncident) {
        this.settings = settings;
        this.weights = Args.notNull("weights", weights);
        this.byIncident = byIncident;
        if (settings.interval() == BootstrapInterval.STUDENTIZED || settings.interval() == BootstrapInterval.EXACT) {
            throw new ArgumentException("interval", "interval (" + settings.interval().token()
                    + ") is not offered by the record-level bootstrap: use percentile, basic, normal or bca");
        }
    }

    /**
     * Multinomial weights on records (for record lists), with {@link Bootstrap#withDefaults()}'s
     * settings.
     *
     * @return the default configuration
     */
    public static RecordBootstrap withDefaults() {
        return DEFAULTS;
    }

    /**
     * With the interval, confidence, replicates, seed, threads, ties, progress and cancellation of
     * {@code settings}.
     *
     * @param settings the bootstrap settings; its interval must be percentile, basic, normal or bca
     * @return the new configuration
     * @throws IllegalArgumentException if null, or its interval is studentized or exact
     *                                  (argument {@code interval})
     */
    public RecordBootstrap with(Bootstrap settings) {
        return new RecordBootstrap(Args.notNull("settings", settings), weights, byIncident);
    }

    /**
     * With other resampling weights.
     *
     * @param weights multinomial or Poisson
     * @return the new configuration
     * @throws IllegalArgumentException if null
     */
    public RecordBootstrap with(ResamplingWeights weights) {
        return new RecordBootstrap(settings, weights, byIncident);
    }

    /**
     * Resampling whole incidents (records without an incident are units of their own) when
     * {@code byIncident}, single records otherwise, in {@link #allCrime(List, List)}. The
     * {@link Inspection} methods resample an inspection's incidents whatever this says.
     *
     * @param byIncident whether a record list's incidents are the units
     * @return the new configuration
     */
    public RecordBootstrap withIncidentsAsUnits(boolean byIncident) {
        return new RecordBootstrap(settings, weights, byIncident);
    }

    /**
     * The bootstrap of the all-crime rate of these records, weighted by the design's volumes.
     * Units are records, or incidents when {@link #withIncidentsAsUnits(boolean)} says so; the
     * estimate is sum W<sub>h</sub> x<sub>h</sub>/n<sub>h</sub> over the records. Drawn from the
     * first generator split from the seed's.
     *
     * @param records the audited records
     * @param design  the categories with their volumes, matched to the records' categories by
     *                name under {@link Names}
     * @return the bootstrap of the all-crime rate
     * @throws IllegalArgumentException if a record's category is not in the design, a designed
     *                                  category has no record, or an argument is null
     * @throws java.util.concurrent.CancellationException if cancelled
     */
    public BootstrapEstimate allCrime(List<AuditRecord> records, List<Category> design) {
        Units units = Units.of(Args.notNull("records", records), Args.notNull("design", design), byIncident);
        return run(units, units.estimate(), Blocks.source(settings.seed()).split());
    }

    /**
     * The bootstrap of every category of an inspection and of its all-crime rate, resampling
     * each category's {@link AuditedCategory#incidents() incidents} (the stratified cluster
     * bootstrap of Davison and Hinkley 1997, section 3.8: within category h the m<sub>h</sub>
     * incidents are drawn with replacement, or weighted, and the replicate rate is the ratio
     * R*<sub>h</sub>&#47;A*<sub>h</sub> of the drawn incidents' recorded and audited crimes; all crime
     * is sum W<sub>h</sub> R*<sub>h</sub>&#47;A*<sub>h</sub>, volumes fixed). A category without
     * incidents is resampled crime by crime (its crimes the units, as
     * {@link org.recordingrate.model.Incidents#ofSingleCrimes Incidents.ofSingleCrimes}). The incidents
     * of an inspection are always its units here, whatever {@link #withIncidentsAsUnits(boolean)}
     * says (that choice is for record lists, whose incidents are merely named): the inspection
     * holding them says they were the sampled units ({@link AuditedCategory#sampledUnits()}).
     *
     * <p>The rows, their point estimates and the order of the generators are
     * {@link Bootstrap#estimate(Inspection)}'s. With multinomial weights this is
     * {@link Bootstrap#estimate(Inspection)} itself (drawn through each category's sums, a table
     * look-up per category and replicate); with Poisson weights each unit's weight is drawn. With
     * one crime per incident and multinomial weights the bootstrap distribution is the same as the
     * sufficient-statistics one (a Binomial count per category), drawn by other random numbers.
     * The BCa acceleration is the stratified jackknife over units. A category of a single
     * incident has a degenerate distribution (every replicate its estimate).
     *
     * @param inspection the inspection
     * @return a row per category, then the all-crime row
     * @throws IllegalArgumentException if {@code inspection} is null, or a category holds more
     *                                  than {@link Bootstrap#MAX_REPLICATES} units or an incident
     *                                  more than {@link Integer#MAX_VALUE} crimes
     * @throws java.util.concurrent.CancellationException if cancelled
     */
    public BootstrapInspectionEstimate estimate(Inspection inspection) {
        return settings.estimate(Args.notNull("inspection", inspection), inspectionResampler());
    }

    /**
     * The bootstrap of an inspection's all-crime rate alone, by incident as
     * {@link #estimate(Inspection)} (its last row, drawn from the first generator split from the
     * seed's).
     *
     * @param inspection the inspection
     * @return the bootstrap of sum W<sub>h</sub> p<sub>h</sub>
     * @throws IllegalArgumentException as {@link #estimate(Inspection)}
     * @throws java.util.concurrent.CancellationException if cancelled
     */
    public BootstrapEstimate allCrime(Inspection inspection) {
        return settings.allCrime(Args.notNull("inspection", inspection), inspectionResampler());
    }

    /**
     * The unrecorded crimes of an inspection, volume x (1 - rate)/rate, with the interval of
     * {@link #allCrime(Inspection)} mapped as {@link BootstrapRow} describes.
     *
     * @param inspection the inspection
     * @return the unrecorded crimes with their bootstrap interval
     * @throws IllegalArgumentException as {@link #estimate(Inspection)}
     * @throws java.util.concurrent.CancellationException if cancelled
     */
    public UnrecordedCrimes unrecorded(Inspection inspection) {
        return settings.unrecorded(Args.notNull("inspection", inspection), inspectionResampler());
    }

    /**
     * The bootstrap of the change between two inspections, each resampled by incident (as
     * {@link #estimate(Inspection)}) independently of the other: a replicate of a change is
     * T*<sub>after</sub> - T*<sub>before</sub>, per category audited in both (in the later
     * inspection's order) and for all crime, the same intervals as for a rate, on [-1, 1]. The BCa
     * acceleration is the jackknife over the units of both inspections, as for several independent
     * samples (Davison and Hinkley 1997, section 3.2). Rows and generators are
     * {@link Bootstrap#compare(Inspection, Inspection)}'s.
     *
     * @param before the earlier inspection
     * @param after  the later inspection
     * @return a row per category audited in both, then the all-crime row
     * @throws IllegalArgumentException if an inspection is null, or as {@link #estimate(Inspection)}
     * @throws java.util.concurrent.CancellationException if cancelled
     */
    public BootstrapInspectionChange compare(Inspection before, Inspection after) {
        return settings.compare(Args.notNull("before", before), Args.notNull("after", after), inspectionResampler());
    }

    /**
     * The resampler of the inspection methods: with multinomial weights the incident resampler of
     * {@link Bootstrap} (the same bootstrap distribution as unit by unit, drawn through each
     * category's sums: {@code IncidentResampler}), with Poisson weights unit by unit.
     */
    private Bootstrap.Resampler inspectionResampler() {
        return weights == ResamplingWeights.MULTINOMIAL ? new IncidentResampler(settings) : unitResampler();
    }

    /** Resampling each statistic unit by unit, with this configuration: one random index per unit and replicate. */
    Bootstrap.Resampler unitResampler() {
        return new Bootstrap.Resampler() {
            @Override
            public BootstrapEstimate category(AuditedCategory category, double estimate, SplittableGenerator stream) {
                return run(Units.of(List.of(List.of(category)), new int[] {1}, 0, 1), estimate, stream);
            }

            @Override
            public BootstrapEstimate allCrime(Inspection inspection, double estimate, SplittableGenerator stream) {
                return run(Units.of(List.of(inspection.categories()), new int[] {1}, 0, 1), estimate, stream);
            }

            @Override
            public BootstrapEstimate change(AuditedCategory before, AuditedCategory after, double estimate,
                                            SplittableGenerator stream) {
                return run(Units.of(List.of(List.of(after), List.of(before)), new int[] {1, -1}, -1, 1), estimate,
                        stream);
            }

            @Override
            public BootstrapEstimate change(Inspection before, Inspection after, double estimate,
                                            SplittableGenerator stream) {
                return run(Units.of(List.of(after.categories(), before.categories()), new int[] {1, -1}, -1, 1),
                        estimate, stream);
            }
        };
    }

    /**
     * The resampling units per stratum: recorded and audited counts of each unit, the weights
     * W<sub>h</sub> (signed for a change: the later inspection's positive, the earlier one's
     * negative) and the range the statistic is clipped to.
     */
    record Units(int[][] recorded, int[][] audited, double[] weights, double lowest, double highest) {

        static Units of(List<AuditRecord> records, List<Category> design, boolean byIncident) {
            Map<String, Integer> index = new LinkedHashMap<>();
            double total = 0;
            for (Category c : design) {
                index.put(Names.key(Args.notNull("category of the design", c).name()), index.size());
                total += c.volume();
            }
            List<Map<String, int[]>> units = new ArrayList<>();
            for (int i = 0; i < design.size(); i++) {
                units.add(new LinkedHashMap<>());
            }
            long single = 0;
            for (AuditRecord r : records) {
                Integer h = index.get(Names.key(Args.notNull("record", r).category()));
                if (h == null) {
                    throw new ArgumentException("category", "record '" + r.id() + "' is of category '" + r.category()
                            + "', which has no volume in the design");
                }
                String key = byIncident && r.incident().isPresent() ? "i:" + r.incident().get() : "r:" + single++;
                int[] unit = units.get(h).computeIfAbsent(key, k -> new int[2]);
                unit[0] += r.recorded() ? 1 : 0;
                unit[1]++;
            }
            int k = design.size();
            int[][] recorded = new int[k][];
            int[][] audited = new int[k][];
            double[] weights = new double[k];
            for (int h = 0; h < k; h++) {
                if (units.get(h).isEmpty()) {
                    throw new ArgumentException("category", "category '" + design.get(h).name()
                            + "' has a volume but no audited record");
                }
                int m = units.get(h).size();
                recorded[h] = new int[m];
                audited[h] = new int[m];
                int u = 0;
                for (int[] unit : units.get(h).values()) {
                    recorded[h][u] = unit[0];
                    audited[h][u++] = unit[1];
                }
                weights[h] = design.get(h).volume() / total;
            }
            return new Units(recorded, audited, weights, 0, 1);
        }

        /**
         * The units of groups of categories (each group one inspection, or one category), the
         * weights of group g being signs[g] x volume / the group's total volume; a category's
         * units are its incidents, or its crimes when it has none.
         */
        static Units of(List<List<AuditedCategory>> groups, int[] signs, double lowest, double highest) {
            int k = 0;
            for (List<AuditedCategory> group : groups) {
                k += group.size();
            }
            int[][] recorded = new int[k][];
            int[][] audited = new int[k][];
            double[] weights = new double[k];
            int h = 0;
            for (int g = 0; g < groups.size(); g++) {
                double total = 0;
                for (AuditedCategory c : groups.get(g)) {
                    total += c.volume();
                }
                for (AuditedCategory c : groups.get(g)) {
                    Incidents incidents = c.incidents().orElseGet(() -> Incidents.ofSingleCrimes(c.tally()));
                    long m = incidents.count();
                    if (m > Bootstrap.MAX_REPLICATES) {
                        throw new ArgumentException("incidents", "category '" + c.name() + "' has " + m
                                + " units to resample, more than " + Bootstrap.MAX_REPLICATES);
                    }
                    recorded[h] = new int[(int) m];
                    audited[h] = new int[(int) m];
                    int u = 0;
                    for (Incidents.Group group : incidents.groups()) {
                        if (group.crimes() > Integer.MAX_VALUE) {
                            throw new ArgumentException("incidents", "an incident of category '" + c.name()
                                    + "' holds " + group.crimes() + " crimes, more than " + Integer.MAX_VALUE);
                        }
                        for (long j = 0; j < group.incidents(); j++) {
                            recorded[h][u] = (int) group.recorded();
                            audited[h][u++] = (int) group.crimes();
                        }
                    }
                    weights[h++] = signs[g] * c.volume() / total;
                }
            }
            return new Units(recorded, audited, weights, lowest, highest);
        }

        /** The observed rate of stratum h: its recorded over its audited crimes. */
        double rate(int h) {
            long r = 0;
            long a = 0;
            for (int u = 0; u < recorded[h].length; u++) {
                r += recorded[h][u];
                a += audited[h][u];
            }
            return (double) r / a;
        }

        /** sum W<sub>h</sub> p<sub>h</sub>, clipped to the statistic's range. */
        double estimate() {
            double t = 0;
            for (int h = 0; h < weights.length; h++) {
                t += weights[h] * rate(h);
            }
            return clip(t);
        }

        double clip(double t) {
            return Math.max(lowest, Math.min(highest, t));
        }

        /**
         * The BCa acceleration from the jackknife over units, stratified (as
         * {@code LinearStatistic.acceleration}), leaving out each unit once:
         * a = sum_h m_h^-3 sum_u l_hu^3 / (6 (sum_h m_h^-2 sum_u l_hu^2)^(3/2)) with
         * l_hu = (m_h - 1) W_h (p_h - p_h(-u)); strata of one unit add nothing.
         */
        double acceleration() {
            double third = 0;
            double second = 0;
            for (int h = 0; h < weights.length; h++) {
                int m = recorded[h].length;
                if (m < 2) {
                    continue;
                }
                long r = 0;
                long a = 0;
                for (int u = 0; u < m; u++) {
                    r += recorded[h][u];
                    a += audited[h][u];
                }
                double p = (double) r / a;
                double s3 = 0;
                double s2 = 0;
                for (int u = 0; u < m; u++) {
                    double left = (double) (r - recorded[h][u]) / (a - audited[h][u]);
                    double l = (m - 1) * weights[h] * (p - left);
                    s3 += l * l * l;
                    s2 += l * l;
                }
                third += s3 / ((double) m * m * m);
                second += s2 / ((double) m * m);
            }
            return second > 0 ? third / (6 * Math.pow(second, 1.5)) : 0;
        }
    }

    /** Runs this configuration's interval on the statistic of {@code units} with one generator. */
    private BootstrapEstimate run(Units units, double estimate, SplittableGenerator stream) {
        int replicates = settings.replicates();
        int k = units.weights().length;
        double[] observedRates = new double[k];
        long[] thresholds = new long[k];
        for (int h = 0; h < k; h++) {
            observedRates[h] = units.rate(h);
            long m = units.recorded()[h].length;
            thresholds[h] = ((1L << 32) - m) % m;
        }
        InversionSampler poisson = InversionSampler.poisson(1.0);
        boolean multinomial = weights == ResamplingWeights.MULTINOMIAL;
        int blocks = Blocks.count(replicates);
        double[] values = new double[replicates];
        BlockSums partials = new BlockSums(blocks);
        double tie = 1e-12 * Math.max(estimate, Double.MIN_NORMAL);
        Blocks.run(replicates, stream, settings.threads(), settings.progress(),
                settings.cancellation(), (block, from, count, random) -> {
                    double s1 = 0;
                    double s2 = 0;
                    long lo = 0;
                    long eq = 0;
                    for (int i = from; i < from + count; i++) {
                        double t = 0;
                        for (int h = 0; h < k; h++) {
                            int[] rec = units.recorded()[h];
                            int[] aud = units.audited()[h];
                            long r = 0;
                            long a = 0;
                            if (multinomial) {
                                int m = rec.length;
                                for (int j = 0; j < m; j++) {
                                    int u = uniformIndex(random, m, thresholds[h]);
                                    r += rec[u];
                                    a += aud[u];
                                }
                            } else {
                                for (int u = 0; u < rec.length; u++) {
                                    long w = poisson.sample(random.nextLong());
                                    r += w * rec[u];
                                    a += w * aud[u];
                                }
                            }
                            t += units.weights()[h] * (a > 0 ? (double) r / a : observedRates[h]);
                        }
                        t = units.clip(t);
                        values[i] = t;
                        double e = t - estimate;
                        s1 += e;
                        s2 += e * e;
                        if (Math.abs(e) <= tie) {
                            eq++;
                        } else if (e < 0) {
                            lo++;
                        }
                    }
                    partials.record(block, s1, s2, lo, eq);
                });
        return settings.result(partials.distribution(values, estimate, units.acceleration(), 0, units.lowest(),
                units.highest(), null), estimate);
    }

    /**
     * A uniform index in [0, bound): Lemire's (2019) multiply-shift on 32 random bits, rejecting
     * the few low products that would bias it ({@code threshold = 2^32 mod bound}).
     */
    static int uniformIndex(RandomGenerator random, int bound, long threshold) {
        while (true) {
            long product = (random.nextLong() >>> 32) * bound;
            if ((product & 0xFFFFFFFFL) >= threshold) {
                return (int) (product >>> 32);
            }
        }
    }

    @Override
    public String toString() {
        return "RecordBootstrap[" + weights.token() + ", " + (byIncident ? "incidents" : "records") + ", " + settings + "]";
    }
}
