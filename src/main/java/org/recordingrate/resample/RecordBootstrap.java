package org.recordingrate.resample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import org.recordingrate.internal.Args;
import org.recordingrate.internal.ArgumentException;
import org.recordingrate.internal.InversionSampler;
import org.recordingrate.model.AuditRecord;
import org.recordingrate.model.Category;
import org.recordingrate.model.Names;

/**
 * The record-level bootstrap of the all-crime rate, for statistics that need the records rather
 * than the tallies: records grouped by incident (an incident's crimes are resampled together,
 * the cluster bootstrap of Davison and Hinkley 1997, section 3.8), now, and per-record weights
 * once record-level audit files carry them. Within each category the resampling units (records,
 * or incidents) are drawn with {@link ResamplingWeights multinomial or Poisson weights}; a
 * category's replicate rate is the ratio R*&#47;A* of its weighted recorded and audited counts, and
 * the replicate is sum W<sub>h</sub> R*<sub>h</sub>&#47;A*<sub>h</sub>, the volumes fixed.
 *
 * <p>With records as units and multinomial weights this is the same bootstrap as
 * {@link Bootstrap}'s (which draws the sufficient statistics instead, and is faster); with
 * incidents as units it is wider when an incident's crimes tend to be recorded together.
 *
 * <p>Intervals: percentile, basic, normal and BCa (the acceleration from the jackknife over
 * units in closed form, leaving out each unit once, stratified as in {@link Bootstrap}; ties
 * with the estimate decided in doubles to a relative 1e-12). Studentized and exact are not
 * offered here. Replicates are made in the same fixed blocks with split generators, so the
 * results do not depend on the number of threads. Immutable and thread-safe.
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

    /** Multinomial weights on records, with {@link Bootstrap#withDefaults()}'s settings. */
    public static RecordBootstrap withDefaults() {
        return DEFAULTS;
    }

    /**
     * With the interval, confidence, replicates, seed, threads, ties, progress and cancellation of
     * {@code settings}.
     *
     * @throws IllegalArgumentException if null, or its interval is studentized or exact
     */
    public RecordBootstrap with(Bootstrap settings) {
        return new RecordBootstrap(Args.notNull("settings", settings), weights, byIncident);
    }

    /**
     * With other resampling weights.
     *
     * @throws IllegalArgumentException if null
     */
    public RecordBootstrap with(ResamplingWeights weights) {
        return new RecordBootstrap(settings, weights, byIncident);
    }

    /**
     * Resampling whole incidents (records without an incident are units of their own) when
     * {@code byIncident}, single records otherwise.
     */
    public RecordBootstrap withIncidentsAsUnits(boolean byIncident) {
        return new RecordBootstrap(settings, weights, byIncident);
    }

    /**
     * The bootstrap of the all-crime rate of these records, weighted by the design's volumes.
     *
     * @param records the audited records
     * @param design  the categories with their volumes, matched to the records' categories by
     *                name under {@link Names}
     * @throws IllegalArgumentException if a record's category is not in the design, a designed
     *                                  category has no record, or an argument is null
     */
    public BootstrapEstimate allCrime(List<AuditRecord> records, List<Category> design) {
        Units units = Units.of(Args.notNull("records", records), Args.notNull("design", design), byIncident);
        return run(units);
    }

    /** The resampling units per category: recorded and audited counts of each unit, and the weights W_h. */
    record Units(int[][] recorded, int[][] audited, double[] weights) {

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
            return new Units(recorded, audited, weights);
        }

        double estimate() {
            double t = 0;
            for (int h = 0; h < weights.length; h++) {
                long r = 0;
                long a = 0;
                for (int u = 0; u < recorded[h].length; u++) {
                    r += recorded[h][u];
                    a += audited[h][u];
                }
                t += weights[h] * ((double) r / a);
            }
            return Math.min(1, t);
        }

        /** The jackknife over units, stratified (as {@code LinearStatistic.acceleration}), leaving out each unit once. */
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

    private BootstrapEstimate run(Units units) {
        int replicates = settings.replicates();
        int k = units.weights().length;
        double estimate = units.estimate();
        double[] observedRates = new double[k];
        long[] thresholds = new long[k];
        for (int h = 0; h < k; h++) {
            long r = 0;
            long a = 0;
            for (int u = 0; u < units.recorded()[h].length; u++) {
                r += units.recorded()[h][u];
                a += units.audited()[h][u];
            }
            observedRates[h] = (double) r / a;
            long m = units.recorded()[h].length;
            thresholds[h] = ((1L << 32) - m) % m;
        }
        InversionSampler poisson = InversionSampler.poisson(1.0);
        boolean multinomial = weights == ResamplingWeights.MULTINOMIAL;
        int blocks = Blocks.count(replicates);
        double[] values = new double[replicates];
        BlockSums partials = new BlockSums(blocks);
        double tie = 1e-12 * Math.max(estimate, Double.MIN_NORMAL);
        Blocks.run(replicates, Blocks.source(settings.seed()).split(), settings.threads(), settings.progress(),
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
                        t = Math.min(1, t);
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
        return settings.result(partials.distribution(values, estimate, units.acceleration(), 0, 0, 1, null), estimate);
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
